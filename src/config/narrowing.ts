/**
 * What a configuration does to narrow what the gates see. On a pull request from someone else,
 * a `.readiness.yml` in the checked-out tree is the pull request's own: it can switch off the rule
 * that fails (`rules: {security/no-committed-secrets: off}`), suppress it, leave its file out
 * (`ignore`), or pick a profile under which it does not apply — and `--fail-on high` then passes;
 * or add a custom rule that always passes, with weight 100, and raise the score past --min-score.
 * The tool cannot tell the repository owner's configuration from the pull request's; it says, in
 * the gates, what the configuration found in the tree changed (scoring/gates.ts), so that a reader
 * of the comment sees it, and CI that must not trust it passes the base branch's with --config.
 */
import { DEFAULT_MAX_FILE_BYTES } from '../walk/file-index.js';
import type { Config } from './schema.js';

const list = (ids: string[]) =>
  ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');

/** Phrases ("switches off security/x") for each setting of `config` that narrows or inflates the assessment. */
export function narrowingOf(config: Config): string[] {
  const out: string[] = [];
  const settings = Object.entries(config.rules ?? {});
  const off = settings
    .filter(([, s]) => s === 'off' || (typeof s === 'object' && s.enabled === false))
    .map(([id]) => id);
  if (off.length) out.push(`switches off ${list(off)}`);
  const weighted = settings.filter(([, s]) => typeof s === 'object' && s.weight !== undefined).map(([id]) => id);
  if (weighted.length) out.push(`reweights ${list(weighted)}`);
  const pillars = Object.entries(config.pillars ?? {})
    .filter(([, p]) => p?.weight !== undefined)
    .map(([id]) => id);
  if (pillars.length) out.push(`reweights the pillar${pillars.length === 1 ? '' : 's'} ${list(pillars)}`);
  if (config.custom?.length)
    out.push(`adds ${config.custom.length === 1 ? 'the rule' : 'the rules'} ${list(config.custom.map((c) => c.id))}`);
  if (config.suppressions?.length) out.push(`suppresses ${list([...new Set(config.suppressions.map((s) => s.rule))])}`);
  if (config.ignore?.length) out.push(`leaves out ${list(config.ignore.map((g) => JSON.stringify(g)))}`);
  if (config.profile && config.profile !== 'auto') out.push(`sets the profile to ${config.profile}`);
  if (config.maxFileBytes !== undefined && config.maxFileBytes < DEFAULT_MAX_FILE_BYTES)
    out.push(`reads no file over ${config.maxFileBytes} bytes`);
  return out;
}
