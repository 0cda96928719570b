/** `readiness audit [path]`: the whole flow on one screen. */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import { runAudit } from '../engine/audit.js';
import { PILLAR_IDS, SEVERITIES, type PillarId, type Severity } from '../engine/types.js';
import { PROFILES, type ProfileId } from '../facts/types.js';
import { buildReport } from '../report/build.js';
import { reportSchema, type Report } from '../report/schema.js';
import { evaluateGates } from '../scoring/gates.js';
import { render, parseFormat, formatFromPath, type Format } from '../render/index.js';
import { UsageError } from '../util/errors.js';
import { loadArtifacts } from '../ingest/index.js';
import { writeAtomic } from '../util/atomic.js';
import { DiskSource } from '../walk/disk-source.js';
import { FileIndex } from '../walk/file-index.js';
import { gitInfo } from '../walk/git.js';
import { isDirectory, listFiles } from '../walk/list.js';
import { PILLARS } from '../../rules/index.js';

export interface AuditFlags {
  format?: string;
  output?: string;
  template?: string;
  config?: string;
  profile?: string;
  minScore?: string;
  minPillar?: string[];
  failOn?: string;
  only?: string[];
  skip?: string[];
  color: boolean;
  verbose?: boolean;
  quiet?: boolean;
  coverage?: string[];
  junit?: string[];
}

export interface AuditOutcome {
  report: Report;
  exitCode: 0 | 1;
}

export async function auditCommand(pathArg: string | undefined, flags: AuditFlags, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<AuditOutcome> {
  const root = resolve(pathArg ?? '.');
  if (!existsSync(root)) throw new UsageError(`path does not exist: ${pathArg ?? '.'}`);
  if (!isDirectory(root)) throw new UsageError(`not a directory: ${pathArg}`);

  const format: Format = flags.format ? parseFormat(flags.format) : flags.output ? formatFromPath(flags.output) ?? 'terminal' : 'terminal';
  const profile = flags.profile ? oneOf<ProfileId>('--profile', flags.profile, PROFILES) : undefined;
  const { config, path: configPath } = loadConfig(root, flags.config);
  const gates = {
    minScore: flags.minScore !== undefined ? scoreArg('--min-score', flags.minScore) : config.minScore,
    minPillar: { ...pillarMinimumsFromConfig(config.pillars), ...parseMinPillar(flags.minPillar ?? []) },
    failOn: flags.failOn ? oneOf<Severity>('--fail-on', flags.failOn, SEVERITIES) : config.failOn,
  };

  // Parsed before the walk: a malformed report is a usage error, whatever the tree holds.
  const artifacts = loadArtifacts(flags.coverage, flags.junit);
  const listing = await listFiles(root, { ignore: config.ignore ?? [], includeTestData: config.includeTestData ?? false });
  const source = new DiskSource(root);
  const files = new FileIndex(listing.paths, source, config.maxFileBytes);
  const audit = await runAudit({ files, source, pillars: PILLARS, config, ...(profile ? { profile } : {}), ...(flags.only ? { only: flags.only } : {}), ...(flags.skip ? { skip: flags.skip } : {}), ...(artifacts ? { artifacts } : {}) });
  const repo = await gitInfo(root, listing.method === 'git');
  const notes = [...listing.notes];
  if (configPath) notes.push(`configuration from ${configPath}`);
  if (files.stats.skipped.size > 0) notes.push(`${files.stats.skipped.size} file(s) listed but not read (too large, binary, links or unreadable)`);
  const partialReport = buildReport({ audit, pillars: PILLARS, files, config, repo, notes, today: new Date().toISOString().slice(0, 10) });
  const report = { ...partialReport, gates: evaluateGates(partialReport, gates) };
  const checked = reportSchema.safeParse(report);
  if (!checked.success) throw new Error(`internal error: the report does not match its schema at ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);

  const text = render(report, format, { color: flags.color && !flags.output, verbose: flags.verbose ?? false, ...(flags.template ? { template: flags.template } : {}) });
  if (flags.output) writeAtomic(flags.output, text);
  else if (!flags.quiet) io.stdout(text);
  const failedGates = report.gates.checks.filter((c) => !c.passed);
  // Machine formats go to stdout; the reason a gate failed always reaches the log on stderr.
  if (failedGates.length > 0 && (format !== 'terminal' || flags.output || flags.quiet)) {
    for (const g of failedGates) io.stderr(`readiness: gate failed: ${g.message}\n`);
  }
  return { report, exitCode: report.gates.passed ? 0 : 1 };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly string[]): T {
  if (!allowed.includes(value)) throw new UsageError(`${flag} ${value}: expected one of ${allowed.join(', ')}`);
  return value as T;
}

function scoreArg(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n < 0 || n > 100) throw new UsageError(`${flag} ${value}: expected a number from 0 to 100`);
  return n;
}

function parseMinPillar(values: string[]): Partial<Record<PillarId, number>> {
  const out: Partial<Record<PillarId, number>> = {};
  for (const v of values) {
    const m = /^([a-z]+)=(.+)$/.exec(v);
    if (!m) throw new UsageError(`--min-pillar ${v}: expected ID=N, e.g. security=70`);
    const id = oneOf<PillarId>('--min-pillar', m[1]!, PILLAR_IDS);
    out[id] = scoreArg(`--min-pillar ${m[1]}=`, m[2]!);
  }
  return out;
}

function pillarMinimumsFromConfig(pillars: Partial<Record<PillarId, { minScore?: number | undefined }>> | undefined): Partial<Record<PillarId, number>> {
  const out: Partial<Record<PillarId, number>> = {};
  for (const [id, p] of Object.entries(pillars ?? {})) if (p?.minScore !== undefined) out[id as PillarId] = p.minScore;
  return out;
}
