/**
 * `readiness init [path]`: a commented starter .readiness.yml for the detected profile. The file
 * must validate as it stands (a test parses it), and every suggestion that would change the
 * outcome stays commented out, so adopting it changes nothing until a team decides to.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_NAMES } from '../config/load.js';
import { runAudit } from '../engine/audit.js';
import type { ProfileId } from '../types.js';
import { UsageError } from '../util/errors.js';
import { writeAtomic } from '../util/atomic.js';
import { DiskSource } from '../walk/disk-source.js';
import { FileIndex } from '../walk/file-index.js';
import { isDirectory, listFiles } from '../walk/list.js';

/** What each profile should gate on first: the pillars that matter most for that kind of repository. */
const FOCUS: Record<ProfileId, { pillars: string[]; minScore: number; note: string }> = {
  service: {
    pillars: ['security', 'reliability', 'operations'],
    minScore: 60,
    note: 'a deployable service: every pillar applies',
  },
  library: {
    pillars: ['quality', 'security'],
    minScore: 60,
    note: 'a library: service rules (health endpoints, probes, deployment) are not applicable',
  },
  cli: {
    pillars: ['quality', 'security'],
    minScore: 60,
    note: 'a command-line tool: service rules are not applicable',
  },
  infrastructure: {
    pillars: ['security', 'operations'],
    minScore: 50,
    note: 'infrastructure code: operations and security weigh most',
  },
  docs: { pillars: ['architecture'], minScore: 40, note: 'documentation: most code rules are not applicable' },
};

export function starterConfig(profile: ProfileId, reasons: string[]): string {
  const f = FOCUS[profile];
  const lines = [
    '# readiness configuration. `readiness schema config` prints the JSON Schema of every key.',
    `# Detected profile: ${profile} — ${f.note}.`,
    ...reasons.map((r) => `#   because: ${r.replace(/[\r\n]+/g, ' ')}`),
    '# Pin it so a change in the tree never changes which rules apply:',
    `profile: ${profile}`,
    '',
    '# Gates (exit 1 when broken). Start low, then ratchet up with --baseline in CI.',
    `# minScore: ${f.minScore}`,
    'failOn: critical',
    '',
    '# Pillar weights in the overall score, and per-pillar minimums.',
    '# pillars:',
    ...f.pillars.map((p) => `#   ${p}: { weight: 2, minScore: ${f.minScore} }`),
    '',
    '# Paths that are not part of the product (generated code, vendored copies, legacy).',
    '# ignore: ["legacy/**", "generated/**"]',
    '',
    '# Turn a rule off, or change its weight or options.',
    '# rules:',
    '#   operations/infrastructure-as-code: off',
    '#   quality/tests-present: { weight: 8 }',
    '',
    '# Accepted exceptions: a reason is required, an expired one fails the run.',
    '# For a single line, a comment in the file works too: readiness-ignore <rule-id> -- <reason>',
    '# suppressions:',
    '#   - rule: security/no-committed-secrets',
    '#     paths: ["docs/examples/**"]',
    '#     reason: "documentation placeholders, not real keys"',
    '#     expires: 2027-06-30',
    '',
    '# Your own libraries, so detection recognises them.',
    '# detect:',
    '#   metrics: ["@acme/metrics"]',
    '',
  ];
  return lines.join('\n');
}

export async function initCommand(
  pathArg: string | undefined,
  flags: { force?: boolean },
  io: { stdout: (s: string) => void },
): Promise<void> {
  const root = resolve(pathArg ?? '.');
  if (!existsSync(root) || !isDirectory(root)) throw new UsageError(`not a directory: ${pathArg ?? '.'}`);
  const existing = CONFIG_NAMES.find((n) => existsSync(join(root, n)));
  if (existing && !flags.force)
    throw new UsageError(
      `${existing} already exists in ${pathArg ?? '.'}: not overwritten (use --force to replace it)`,
    );

  // Facts and the profile, without running any rule.
  const listing = await listFiles(root, { ignore: [], includeTestData: false });
  const source = new DiskSource(root);
  const files = new FileIndex(listing.paths, source);
  const audit = await runAudit({ files, source, pillars: [], config: {} });
  const profile = audit.facts.profile;
  // Always .readiness.yml: it comes first in discovery, so it wins over any older config file.
  writeAtomic(join(root, '.readiness.yml'), starterConfig(profile.id, profile.reasons));
  io.stdout(
    `wrote .readiness.yml for the ${profile.id} profile (${profile.reasons.join('; ') || 'no strong signal'})\n`,
  );
}
