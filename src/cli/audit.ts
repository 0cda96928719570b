/** `readiness audit [path]`: the whole flow on one screen. */
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import { runAudit } from '../engine/audit.js';
import { customRules } from '../engine/custom.js';
import { loadPlugins } from '../engine/plugins.js';
import { withExtraRules } from '../engine/select.js';
import { PILLAR_IDS, SEVERITIES, type PillarId, type Severity } from '../engine/types.js';
import { PROFILES, type ProfileId } from '../facts/types.js';
import { buildReport } from '../report/build.js';
import { compareToBaseline, readBaseline } from '../report/baseline.js';
import { reportSchema, type Report } from '../report/schema.js';
import { evaluateGates } from '../scoring/gates.js';
import { render, parseFormat, formatFromPath, type Format } from '../render/index.js';
import { UsageError } from '../util/errors.js';
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
  /** --allow-plugins */
  allowPlugins?: boolean;
  /** false with --no-plugins */
  plugins?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  baseline?: string;
  failOnRegression?: boolean;
  writeBaseline?: string;
  /** Show progress on stderr (the CLI decides: a TTY, not CI, not --quiet). */
  progress?: boolean;
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
  const { config, path: configPath, explicit } = loadConfig(root, flags.config);
  // Custom and plugin rules join the pillar tables before anything is selected or scored; a bad
  // custom rule is reported before any plugin code runs.
  const custom = customRules(config, configPath ?? 'config');
  const plugins = await loadPlugins(config.plugins ?? [], {
    explicit, allow: flags.allowPlugins ?? false, disabled: flags.plugins === false,
    baseDir: explicit && flags.config ? dirname(resolve(flags.config)) : root, shown: configPath ?? 'the config',
  });
  const pillars = withExtraRules(PILLARS, [...custom, ...plugins.rules]);
  if (flags.failOnRegression && !flags.baseline) throw new UsageError('--fail-on-regression needs --baseline REPORT.json to compare with');
  // Read the baseline before the audit: a bad baseline fails fast, with one line.
  const old = flags.baseline ? readBaseline(flags.baseline) : undefined;
  const progress = (s: string) => flags.progress && io.stderr(`\r\x1b[2K${s}`);
  const gates = {
    minScore: flags.minScore !== undefined ? scoreArg('--min-score', flags.minScore) : config.minScore,
    minPillar: { ...pillarMinimumsFromConfig(config.pillars), ...parseMinPillar(flags.minPillar ?? []) },
    failOn: flags.failOn ? oneOf<Severity>('--fail-on', flags.failOn, SEVERITIES) : config.failOn,
    failOnRegression: flags.failOnRegression ?? false,
  };

  progress(`readiness: listing files in ${pathArg ?? '.'}…`);
  const listing = await listFiles(root, { ignore: config.ignore ?? [], includeTestData: config.includeTestData ?? false });
  const source = new DiskSource(root);
  const files = new FileIndex(listing.paths, source, config.maxFileBytes);
  progress(`readiness: auditing ${listing.paths.length} files…`);
  const audit = await runAudit({ files, source, pillars, config, ...(profile ? { profile } : {}), ...(flags.only ? { only: flags.only } : {}), ...(flags.skip ? { skip: flags.skip } : {}) });
  const repo = await gitInfo(root, listing.method === 'git');
  const notes = [...listing.notes, ...plugins.notes];
  if (configPath) notes.push(`configuration from ${configPath}`);
  if (files.stats.skipped.size > 0) notes.push(`${files.stats.skipped.size} file(s) listed but not read (too large, binary, links or unreadable)`);
  const partialReport = buildReport({ audit, pillars, files, config, repo, notes, today: new Date().toISOString().slice(0, 10) });
  progress('');
  const delta = old ? compareToBaseline(old, partialReport, flags.baseline!) : undefined;
  const withBaseline = delta ? { ...partialReport, baseline: delta } : partialReport;
  const report = { ...withBaseline, gates: evaluateGates(withBaseline, gates) };
  const checked = reportSchema.safeParse(report);
  if (!checked.success) throw new Error(`internal error: the report does not match its schema at ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);

  const text = render(report, format, { color: flags.color && !flags.output, verbose: flags.verbose ?? false, ...(flags.template ? { template: flags.template } : {}) });
  if (flags.output) writeAtomic(flags.output, text);
  else if (!flags.quiet) io.stdout(text);
  if (flags.writeBaseline) {
    // The next baseline is this report without its own comparison, so baselines never nest.
    const { baseline: _ignored, ...plain } = report;
    writeAtomic(flags.writeBaseline, JSON.stringify(plain, null, 2) + '\n');
  }
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
