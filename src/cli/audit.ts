/** `readiness audit [path]`: flags → library options, Report → text, file and exit code. */
import { auditRepository, type AuditOptions } from '../api/audit.js';
import {
  PILLAR_IDS,
  PROFILES,
  SEVERITIES,
  type PillarDefinition,
  type PillarId,
  type ProfileId,
  type Severity,
} from '../types.js';
import type { Report } from '../report/schema.js';
import { chooseFormat, type Format } from '../render/formats.js';
import { renderReport } from '../render/lazy.js';
import { UsageError } from '../util/errors.js';
import { writeAtomic } from '../util/atomic.js';
import { oneLine } from '../util/printable.js';

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
  /** --packages and --packages-fail-on any|all */
  packages?: boolean;
  packagesFailOn?: string;
  /** --timings: time per phase and the ten slowest rules, on stderr. */
  timings?: boolean;
  /** Columns of the terminal the report is printed on (a file gets the default, 80). */
  width?: number;
}

export interface AuditOutcome {
  report: Report;
  exitCode: 0 | 1;
}

export async function auditCommand(
  pathArg: string | undefined,
  flags: AuditFlags,
  io: { stdout: (s: string) => void; stderr: (s: string) => void; progress?: (s: string) => void },
  builtins: PillarDefinition[],
): Promise<AuditOutcome> {
  const format: Format = chooseFormat(flags.format, flags.output, 'terminal');
  const options: AuditOptions = {
    ...(flags.config ? { config: flags.config } : {}),
    ...(flags.profile ? { profile: oneOf<ProfileId>('--profile', flags.profile, PROFILES) } : {}),
    ...(flags.only ? { only: flags.only } : {}),
    ...(flags.skip ? { skip: flags.skip } : {}),
    ...(flags.minScore !== undefined ? { minScore: scoreArg('--min-score', flags.minScore) } : {}),
    minPillar: parseMinPillar(flags.minPillar ?? []),
    ...(flags.failOn ? { failOn: oneOf<Severity>('--fail-on', flags.failOn, SEVERITIES) } : {}),
    ...(flags.baseline ? { baseline: flags.baseline } : {}),
    failOnRegression: flags.failOnRegression ?? false,
    ...(flags.coverage ? { coverage: flags.coverage } : {}),
    ...(flags.junit ? { junit: flags.junit } : {}),
    allowPlugins: flags.allowPlugins ?? false,
    plugins: flags.plugins !== false,
    ...(flags.packages ? { packages: true } : {}),
    ...(flags.packagesFailOn
      ? { packagesFailOn: oneOf<'any' | 'all'>('--packages-fail-on', flags.packagesFailOn, ['any', 'all']) }
      : {}),
  };
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
    (io.progress ?? ((line: string) => io.stderr(`\r\x1b[2K${oneLine(line)}`)))(s);
  };
  if (flags.progress) {
    options.onProgress = (p, done, total) =>
      p === 'list'
        ? progress(`readiness: listing files in ${pathArg ?? '.'}…`)
        : done === undefined
          ? progress(`readiness: ${p} (${total} files)…`)
          : progress(`readiness: ${p}: ${done} of ${total} files read…`, 'count');
  }
  const audit = await auditRepository(pathArg ?? '.', options, builtins);
  const { report } = audit;
  if (lastProgress > 0) progress('', 'clear');

  let lap = performance.now();
  const text = await renderReport(report, format, {
    color: flags.color && !flags.output,
    verbose: flags.verbose ?? false,
    ...(flags.width && !flags.output ? { width: flags.width } : {}),
    ...(flags.template ? { template: flags.template } : {}),
  });
  if (flags.output) writeAtomic(flags.output, text);
  else if (!flags.quiet) io.stdout(text);
  audit.timings.render = performance.now() - lap;
  lap = performance.now();
  if (flags.timings)
    io.stderr(timingsText(audit.timings, audit.runs, audit.filesListed, audit.filesRead, audit.reads, audit.offloaded));
  if (flags.writeBaseline) {
    // The next baseline is this report without its own comparison, so baselines never nest.
    const { baseline: _ignored, ...plain } = report;
    writeAtomic(flags.writeBaseline, `${JSON.stringify(plain, null, 2)}\n`);
  }
  const failedGates = report.gates.checks.filter((c) => !c.passed);
  // Machine formats go to stdout; the reason a gate failed always reaches the log on stderr.
  if (failedGates.length > 0 && (format !== 'terminal' || flags.output || flags.quiet)) {
    for (const g of failedGates) io.stderr(`readiness: gate failed: ${oneLine(g.message)}\n`);
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

/** `--timings`: where the time went, for a user wondering why a huge repository is slow. */
function timingsText(
  phases: Record<string, number>,
  runs: { pillar: string; rule: { meta: { id: string } }; durationMs: number }[],
  listed: number,
  read: number,
  reads: number,
  offloaded: number,
): string {
  const order = ['config', 'list', 'facts', 'scan', 'rules', 'packages', 'report', 'render'];
  const total = Object.values(phases).reduce((a, b) => a + b, 0);
  const ms = (n: number) => `${Math.round(n)} ms`.padStart(9);
  const again = reads > read ? `, ${reads - read} read a second time` : '';
  const lines = [`readiness: timings (${listed} files listed, ${read} read${again})`];
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
