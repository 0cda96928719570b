/** `readiness rules` and `readiness explain RULE-ID`. */
import type { PillarDefinition } from '../types.js';
import { PILLAR_IDS } from '../types.js';
import { z } from 'zod';
import type { RuleMeta } from '../types.js';
import { UsageError } from '../util/errors.js';
import { nearest } from '../util/suggest.js';
import { optionNames } from '../engine/options.js';
import { LazyOptions } from '../engine/lazy-options.js';

export interface RuleRow {
  id: string;
  pillar: string;
  title: string;
  severity: string;
  effort: string;
  weight: number;
  description: string;
}

export function ruleRows(pillars: PillarDefinition[], pillar?: string): RuleRow[] {
  if (pillar && !(PILLAR_IDS as readonly string[]).includes(pillar))
    throw new UsageError(`--pillar ${pillar}: expected one of ${PILLAR_IDS.join(', ')}`);
  return pillars
    .filter((p) => !pillar || p.id === pillar)
    .flatMap((p) =>
      p.rules.map(({ rule, weight }) => ({
        id: `${p.id}/${rule.meta.id}`,
        pillar: p.id,
        title: rule.meta.title,
        severity: rule.meta.severity,
        effort: rule.meta.effort,
        weight,
        description: rule.meta.description,
      })),
    );
}

export function renderRules(rows: RuleRow[], format: string): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format !== 'terminal') throw new UsageError(`--format ${format}: expected terminal or json`);
  const idWidth = Math.max(...rows.map((r) => r.id.length), 4);
  const lines = [`${'RULE'.padEnd(idWidth)}  SEVERITY  WEIGHT  TITLE`];
  for (const r of rows)
    lines.push(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${String(r.weight).padStart(6)}  ${r.title}`);
  lines.push('', `${rows.length} rules. 'readiness explain <rule>' tells why each matters and how it is detected.`);
  return `${lines.join('\n')}\n`;
}

export function explainRule(pillars: PillarDefinition[], id: string): string {
  const all = pillars.flatMap((p) => p.rules.map((r) => ({ p, ...r })));
  const matches = all.filter(({ p, rule }) => `${p.id}/${rule.meta.id}` === id || rule.meta.id === id);
  if (matches.length === 0) {
    const ids = all.map(({ p, rule }) => `${p.id}/${rule.meta.id}`);
    // A short id ("tests-presnt") is compared with short ids, a full one with full ids.
    const short = new Map(all.map(({ p, rule }) => [rule.meta.id, `${p.id}/${rule.meta.id}`]));
    const near = id.includes('/') ? nearest(id, ids) : (short.get(nearest(id, [...short.keys()]) ?? '') ?? undefined);
    throw new UsageError(`unknown rule ${id}${near ? ` (did you mean ${near}?)` : ''}; 'readiness rules' lists them`);
  }
  if (matches.length > 1)
    throw new UsageError(
      `rule id ${id} is ambiguous: ${matches.map(({ p, rule }) => `${p.id}/${rule.meta.id}`).join(', ')}`,
    );
  const { p, rule, weight } = matches[0]!;
  const m = rule.meta;
  return [
    `${p.id}/${m.id} — ${m.title}`,
    `Pillar: ${p.title} · severity ${m.severity} · effort ${m.effort} · weight ${weight}`,
    '',
    'Why it matters',
    `  ${m.description}`,
    '',
    'How it is detected',
    `  ${m.detection ?? 'See the rule source.'}`,
    ...(m.patterns
      ? [
          '',
          '  Patterns:',
          ...Object.entries(m.patterns).map(
            ([k, s]) =>
              `    ${k}: /${s.regex.source.length > 100 ? `${s.regex.source.slice(0, 97)}...` : s.regex.source}/ in ${s.files.join(', ')}`,
          ),
        ]
      : []),
    '',
    'How to fix it',
    `  ${m.remediation}`,
    ...optionLines(`${p.id}/${m.id}`, m),
    '',
    `When it fails: "${m.failureTitle}"`,
    '',
  ].join('\n');
}

/** The options a rule takes, from its schema: name, type and bounds, default, what it does. */
function optionLines(fullId: string, meta: RuleMeta): string[] {
  if (!meta.options) return [];
  const head = ['', 'Options', `  rules: { ${fullId}: { options: { … } } } in .readiness.yml`];
  let props: Record<string, JsonProp> = {};
  try {
    // Built-in rules declare zod schemas; a plugin's schema of another kind shows its names only.
    const schema = meta.options instanceof LazyOptions ? meta.options.loaded : meta.options;
    if (schema instanceof z.ZodType) props = (z.toJSONSchema(schema, { io: 'input' }) as JsonObject).properties ?? {};
  } catch {
    /* not expressible as JSON Schema: names only */
  }
  const names = Object.keys(props).length ? Object.keys(props) : optionNames(meta);
  return [...head, ...names.map((n) => `  ${n}: ${describeProp(props[n])}`)];
}

interface JsonProp {
  type?: string;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}
interface JsonObject {
  properties?: Record<string, JsonProp>;
}

function describeProp(p: JsonProp | undefined): string {
  if (!p) return 'see the rule';
  const bounds = [
    p.exclusiveMinimum !== undefined && `> ${p.exclusiveMinimum}`,
    p.minimum !== undefined && `≥ ${p.minimum}`,
    p.exclusiveMaximum !== undefined && `< ${p.exclusiveMaximum}`,
    // zod's int() bounds every integer by MAX_SAFE_INTEGER: not a limit worth printing.
    p.maximum !== undefined && p.maximum < Number.MAX_SAFE_INTEGER && `≤ ${p.maximum}`,
  ].filter(Boolean);
  const type = `${p.type ?? 'value'}${bounds.length ? ` ${bounds.join(', ')}` : ''}`;
  const def = p.default !== undefined ? `, default ${JSON.stringify(p.default)}` : '';
  return `${type}${def}${p.description ? ` — ${p.description}` : ''}`;
}
