/** `readiness audit [path]`: the whole flow on one screen. */
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import { runAudit } from '../engine/audit.js';
import { customRules } from '../engine/custom.js';
import { loadPlugins } from '../engine/plugins.js';
import { withExtraRules } from '../engine/select.js';
import { PILLAR_IDS, SEVERITIES, type PillarId, type Severity } from '../types.js';
import { PROFILES, type ProfileId } from '../types.js';
import { buildReport } from '../report/build.js';
import { compareToBaseline, readBaseline } from '../report/baseline.js';
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
  coverage?: string[];
  junit?: string[];
  /** Progress appears only once the audit has run this long (ms). */
  progressDelayMs?: number;
  /** --timings: time per phase and the ten slowest rules, on stderr. */
  timings?: boolean;
}

export interface AuditOutcome {
  report: Report;
  exitCode: 0 | 1;
}

export async function auditCommand(
  pathArg: string | undefined,
  flags: AuditFlags,
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<AuditOutcome> {
  const root = resolve(pathArg ?? '.');
  if (!existsSync(root)) throw new UsageError(`path does not exist: ${pathArg ?? '.'}`);
  if (!isDirectory(root)) throw new UsageError(`not a directory: ${pathArg}`);

  const format: Format = flags.format
    ? parseFormat(flags.format)
    : flags.output
      ? (formatFromPath(flags.output) ?? 'terminal')
      : 'terminal';
  const profile = flags.profile ? oneOf<ProfileId>('--profile', flags.profile, PROFILES) : undefined;
  const { config, path: configPath, explicit } = loadConfig(root, flags.config);
  // Custom and plugin rules join the pillar tables before anything is selected or scored; a bad
  // custom rule is reported before any plugin code runs.
  const custom = customRules(config, configPath ?? 'config');
  const plugins = await loadPlugins(config.plugins ?? [], {
    explicit,
    allow: flags.allowPlugins ?? false,
    disabled: flags.plugins === false,
    baseDir: explicit && flags.config ? dirname(resolve(flags.config)) : root,
    shown: configPath ?? 'the config',
  });
  const pillars = withExtraRules(PILLARS, [...custom, ...plugins.rules]);
  if (flags.failOnRegression && !flags.baseline)
    throw new UsageError('--fail-on-regression needs --baseline REPORT.json to compare with');
  // Read the baseline before the audit: a bad baseline fails fast, with one line.
  const old = flags.baseline ? readBaseline(flags.baseline) : undefined;
  const started = performance.now();
  let lastProgress = 0;
  // Only audits that run longer than about a second show progress, redrawn at most 10 times a second.
  // A new phase always shows (once past the delay); file counts at most 10 times a second.
  const progress = (s: string, kind: 'phase' | 'count' | 'clear' = 'phase') => {
    if (!flags.progress) return;
    const now = performance.now();
    if (kind !== 'clear' && now - started < (flags.progressDelayMs ?? 1000)) return;
    if (kind === 'count' && now - lastProgress < 100) return;
    lastProgress = now;
    io.stderr(`\r\x1b[2K${s}`);
  };
  const phases: Record<string, number> = {};
  let lap = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + (now - lap);
    lap = now;
  };
  const gates = {
    minScore: flags.minScore !== undefined ? scoreArg('--min-score', flags.minScore) : config.minScore,
    minPillar: { ...pillarMinimumsFromConfig(config.pillars), ...parseMinPillar(flags.minPillar ?? []) },
    failOn: flags.failOn ? oneOf<Severity>('--fail-on', flags.failOn, SEVERITIES) : config.failOn,
    failOnRegression: flags.failOnRegression ?? false,
  };

  progress(`readiness: listing files in ${pathArg ?? '.'}…`);
  phase('config');
  // Parsed before the walk: a malformed report is a usage error, whatever the tree holds.
  const artifacts = loadArtifacts(flags.coverage, flags.junit);
  const listing = await listFiles(root, {
    ignore: config.ignore ?? [],
    includeTestData: config.includeTestData ?? false,
  });
  const source = new DiskSource(root);
  const files = new FileIndex(listing.paths, source, config.maxFileBytes);
  phase('list');
  const onProgress = (p: string, done?: number, total?: number) =>
    done === undefined
      ? progress(`readiness: ${p} (${listing.paths.length} files)…`)
      : progress(`readiness: ${p}: ${done} of ${total} files read…`, 'count');
  const audit = await runAudit({
    files,
    source,
    pillars,
    config,
    ...(profile ? { profile } : {}),
    ...(flags.only ? { only: flags.only } : {}),
    ...(flags.skip ? { skip: flags.skip } : {}),
    ...(artifacts ? { artifacts } : {}),
    ...(flags.progress ? { onProgress } : {}),
  });
  for (const [name, ms] of Object.entries(audit.timings)) phases[name] = ms;
  lap = performance.now();
  const repo = await gitInfo(root, listing.method === 'git');
  const notes = [...listing.notes, ...plugins.notes];
  if (configPath) notes.push(`configuration from ${configPath}`);
  if (files.stats.skipped.size > 0)
    notes.push(`${files.stats.skipped.size} file(s) listed but not read (too large, binary, links or unreadable)`);
  const partialReport = buildReport({
    audit,
    pillars,
    files,
    config,
    repo,
    notes,
    today: new Date().toISOString().slice(0, 10),
  });
  if (lastProgress > 0) progress('', 'clear');
  const delta = old ? compareToBaseline(old, partialReport, flags.baseline!) : undefined;
  const withBaseline = delta ? { ...partialReport, baseline: delta } : partialReport;
  const report = { ...withBaseline, gates: evaluateGates(withBaseline, gates) };
  const checked = reportSchema.safeParse(report);
  if (!checked.success)
    throw new Error(
      `internal error: the report does not match its schema at ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`,
    );
  phase('report');

  const text = render(report, format, {
    color: flags.color && !flags.output,
    verbose: flags.verbose ?? false,
    ...(flags.template ? { template: flags.template } : {}),
  });
  if (flags.output) writeAtomic(flags.output, text);
  else if (!flags.quiet) io.stdout(text);
  phase('render');
  if (flags.timings)
    io.stderr(timingsText(phases, audit.runs, listing.paths.length, files.stats.filesRead, audit.offloaded));
  if (flags.writeBaseline) {
    // The next baseline is this report without its own comparison, so baselines never nest.
    const { baseline: _ignored, ...plain } = report;
    writeAtomic(flags.writeBaseline, `${JSON.stringify(plain, null, 2)}\n`);
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
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n < 0 || n > 100)
    throw new UsageError(`${flag} ${value}: expected a number from 0 to 100`);
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

function pillarMinimumsFromConfig(
  pillars: Partial<Record<PillarId, { minScore?: number | undefined }>> | undefined,
): Partial<Record<PillarId, number>> {
  const out: Partial<Record<PillarId, number>> = {};
  for (const [id, p] of Object.entries(pillars ?? {})) if (p?.minScore !== undefined) out[id as PillarId] = p.minScore;
  return out;
}

/** `--timings`: where the time went, for a user wondering why a huge repository is slow. */
function timingsText(
  phases: Record<string, number>,
  runs: { pillar: string; rule: { meta: { id: string } }; durationMs: number }[],
  listed: number,
  read: number,
  offloaded: number,
): string {
  const order = ['config', 'list', 'facts', 'scan', 'rules', 'report', 'render'];
  const total = Object.values(phases).reduce((a, b) => a + b, 0);
  const ms = (n: number) => `${Math.round(n)} ms`.padStart(9);
  const lines = [`readiness: timings (${listed} files listed, ${read} read)`];
  for (const name of order) {
    if (phases[name] === undefined) continue;
    const note =
      name === 'scan' && offloaded > 0 ? `  (patterns of ${offloaded} files matched on a second thread)` : '';
    lines.push(`  ${name.padEnd(8)}${ms(phases[name]!)}${note}`);
  }
  lines.push(`  ${'total'.padEnd(8)}${ms(total)}`, '  slowest rules:');
  const slow = [...runs]
    .sort((a, b) => b.durationMs - a.durationMs || (a.rule.meta.id < b.rule.meta.id ? -1 : 1))
    .slice(0, 10);
  for (const r of slow) lines.push(`  ${ms(r.durationMs)}  ${r.pillar}/${r.rule.meta.id}`);
  return `${lines.join('\n')}\n`;
}
