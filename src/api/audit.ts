/**
 * The audit as a library call: `auditRepository(root, options, builtins)` lists, collects facts,
 * scans, runs the rules, builds the Report and evaluates its gates. The command line is a thin
 * layer over it (flags → options, Report → text and exit code); `verify` calls it too.
 */
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import type { LoadedConfig } from '../config/load.js';
import { CONFIG_NAMES } from '../config/names.js';
import type { Config } from '../config/schema.js';
import { INLINE_SUPPRESSION_KEY, runAudit } from '../engine/audit.js';
import { DEFAULT_RULE_TIMEOUT_MS } from '../engine/run.js';
import { catalogueFor } from '../facts/catalogues.js';
import { customRules } from '../engine/custom.js';
import { loadPlugins } from '../engine/plugins.js';
import { withExtraRules } from '../engine/select.js';
import type {
  Artifacts,
  Facts,
  FileView,
  Match,
  PatternSpec,
  PillarDefinition,
  PillarId,
  ProfileId,
  Rule,
  Severity,
} from '../types.js';
import { buildReport } from '../report/build.js';
import type { BaselineInput } from '../report/baseline.js';
import type { Report } from '../report/schema.js';
import { evaluateGates, type GateOptions } from '../scoring/gates.js';
import { narrowingOf } from '../config/narrowing.js';
import { UsageError } from '../util/errors.js';
import { smallAuditHeapFlags } from '../util/heap-flags.js';
import { DiskSource } from '../walk/disk-source.js';
import { decode, FileIndex } from '../walk/file-index.js';
import { gitInfo, gitTagHistory } from '../walk/git.js';
import { isDirectory, listFiles } from '../walk/list.js';

export interface AuditOptions {
  /**
   * A configuration file to use (trusted: it may load plugins), or a configuration object. Without
   * it, `.readiness.yml` and friends are discovered in the audited root (untrusted: plugins they
   * name load only with `allowPlugins`).
   */
  config?: string | Config;
  profile?: ProfileId;
  /** Only these pillars or rule ids. */
  only?: string[];
  /** Skip these pillars or rule ids. */
  skip?: string[];
  /** Gates; each falls back to the configuration's own. */
  minScore?: number;
  minPillar?: Partial<Record<PillarId, number>>;
  failOn?: Severity;
  /** An earlier JSON report (a path, or the report itself) to compare with. */
  baseline?: string | BaselineInput;
  failOnRegression?: boolean;
  /** Coverage reports (lcov, Cobertura, JaCoCo, Istanbul summary, Go profile) and JUnit XML files. */
  coverage?: string[];
  junit?: string[];
  /** Load plugins named by a configuration discovered inside the audited tree (runs their code). */
  allowPlugins?: boolean;
  /** false: load no plugins at all. */
  plugins?: boolean;
  /**
   * Audit each workspace package of a monorepo too (`true` or 'auto': the detected workspaces; or
   * globs of package folders). Default: the configuration's `packages`, else off.
   */
  packages?: boolean | 'auto' | string[];
  /** With packages: the packages gate fails when any package (default) or every package fails. */
  packagesFailOn?: 'any' | 'all';
  /** Internal (verify): more patterns for the one scan pass, by key; their matches come back in `scanned`. */
  extraPatterns?: (PatternSpec & { key: string })[];
  /** Progress of a long audit: the phase with the files listed, or files read of total while scanning. */
  onProgress?: (phase: 'list' | 'facts' | 'scan' | 'rules', done?: number, total?: number) => void;
}

/** The Report and what the command line shows beside it (`--timings`); the rest is internal, for verify. */
export interface AuditDetails {
  report: Report;
  /** Milliseconds per phase: config, list, facts, scan, rules, report. */
  timings: Record<string, number>;
  /** Each rule that ran and how long it took (typed without the engine's internals, which stay out of the public types). */
  runs: { pillar: PillarId; rule: Rule; durationMs: number }[];
  filesListed: number;
  filesRead: number;
  /** Read operations, a file read twice counted twice (see ReadStats.reads). */
  reads: number;
  /** Files whose patterns ran on the scan's second thread. */
  offloaded: number;
  /** Internal (verify): the listing with its size-capped reads, and the facts the rules saw. */
  files: FileView;
  facts: Facts;
  /** Internal (verify): a file's text read through the audit's safe reader, not kept in memory. */
  readText: (path: string, maxBytes: number) => string | undefined;
  /** Internal (verify): the scan's matches of every pattern of one rule (`<pillar>/<rule>`). */
  matches: (rule: string) => Match[];
  /** Internal (verify): the scan's matches of one pattern, by its key (extraPatterns). */
  scanned: (key: string) => Match[];
  /** Internal (verify): the coverage and JUnit artefacts given. */
  artifacts?: Artifacts;
}

export async function auditRepository(
  rootArg: string,
  options: AuditOptions,
  builtins: PillarDefinition[],
): Promise<AuditDetails> {
  const root = resolve(rootArg);
  if (!existsSync(root)) throw new UsageError(`path does not exist: ${rootArg}`);
  if (!isDirectory(root)) throw new UsageError(`not a directory: ${rootArg}`);
  const timings: Record<string, number> = {};
  let lap = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = (timings[name] ?? 0) + (now - lap);
    lap = now;
  };

  const explicitPath = typeof options.config === 'string' ? options.config : undefined;
  const { config, path: configPath, explicit } = await configFor(root, options.config, explicitPath);
  // Custom and plugin rules join the pillar tables before anything is selected or scored; a bad
  // custom rule is reported before any plugin code runs.
  const custom = customRules(config, configPath ?? 'config');
  const plugins = await loadPlugins(config.plugins ?? [], {
    explicit,
    allow: options.allowPlugins ?? false,
    disabled: options.plugins === false,
    baseDir: explicitPath ? dirname(resolve(explicitPath)) : root,
    shown: configPath ?? 'the config',
  });
  const pillars = withExtraRules(builtins, [...custom, ...plugins.rules]);
  if (options.failOnRegression && !options.baseline)
    throw new UsageError('--fail-on-regression needs --baseline REPORT.json to compare with');
  // Read the baseline before the audit: a bad baseline fails fast, with one line.
  const baselines = options.baseline ? await import('../report/baseline.js') : undefined;
  const old = typeof options.baseline === 'string' ? baselines!.readBaseline(options.baseline) : options.baseline;
  const baselineName = typeof options.baseline === 'string' ? options.baseline : 'the baseline';
  const gates: GateOptions = {
    ...((options.minScore ?? config.minScore) !== undefined ? { minScore: options.minScore ?? config.minScore } : {}),
    minPillar: { ...pillarMinimumsFromConfig(config.pillars), ...options.minPillar },
    ...((options.failOn ?? config.failOn) ? { failOn: options.failOn ?? config.failOn } : {}),
    failOnRegression: options.failOnRegression ?? false,
    packagesFailOn: options.packagesFailOn ?? config.packagesFailOn ?? 'any',
    // A configuration or a baseline in the audited tree may be a pull request's own: the gates say so.
    fromTree: fromTree(root, configPath !== null && !explicit ? configPath : null, config, options),
  };
  // Parsed before the walk: a malformed artefact is a usage error, whatever the tree holds.
  const artifacts =
    options.coverage?.length || options.junit?.length
      ? (await import('../ingest/index.js')).loadArtifacts(options.coverage, options.junit)
      : undefined;
  phase('config');

  options.onProgress?.('list');
  const listing = await listFiles(root, {
    ignore: config.ignore ?? [],
    includeTestData: config.includeTestData ?? false,
  });
  smallAuditHeapFlags(listing.paths.length);
  const source = new DiskSource(root);
  const files = new FileIndex(listing.paths, source, config.maxFileBytes);
  // git's answers (commit, branch, remote) come from processes of their own: ask now, use them
  // after the rules, so they run beside the scan instead of after it.
  const repoInfo = gitInfo(root, listing.repo);
  const history = gitTagHistory(listing.repo);
  const tags = history.then((h) => h.tags);
  const tagRecency = Promise.all([history, repoInfo]).then(([h, info]) =>
    h.tags[0] && h.newestDate && info.commitDate
      ? { tag: h.tags[0], tagDate: h.newestDate, headDate: info.commitDate }
      : undefined,
  );
  phase('list');
  const audit = await runAudit({
    files,
    source,
    tags,
    tagRecency,
    pillars,
    config,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.only ? { only: options.only } : {}),
    ...(options.skip ? { skip: options.skip } : {}),
    ...(artifacts ? { artifacts } : {}),
    ...(options.extraPatterns ? { extraPatterns: options.extraPatterns } : {}),
    ...(options.onProgress
      ? {
          // A phase without a count of its own carries the number of files listed.
          onProgress: (p: 'facts' | 'scan' | 'rules', done?: number, total?: number) =>
            options.onProgress!(p, done, done === undefined ? listing.paths.length : total),
        }
      : {}),
  });
  for (const [name, ms] of Object.entries(audit.timings)) timings[name] = ms;
  lap = performance.now();
  const repo = await repoInfo;
  const notes = [...listing.notes, ...plugins.notes, ...audit.scanNotes];
  if (configPath) notes.push(`configuration from ${configPath}`);
  if (files.stats.skipped.size > 0)
    notes.push(`${files.stats.skipped.size} file(s) listed but not read (too large, binary, links or unreadable)`);
  const today = new Date().toISOString().slice(0, 10);
  const rootReport = buildReport({
    audit,
    pillars,
    files,
    config,
    repo,
    notes,
    today,
    configUsed: configPath !== null || typeof options.config === 'object',
  });
  const wanted = options.packages ?? config.packages ?? false;
  let partialReport = rootReport;
  if (wanted !== false) {
    const { auditPackages, choosePackages } = await import('../engine/packages.js');
    const { packageReports } = await import('../report/packages.js');
    const chosen = choosePackages(
      files,
      audit.facts.workspaces,
      audit.facts.manifests,
      Array.isArray(wanted) ? wanted : undefined,
    );
    const runs = auditPackages(
      {
        files,
        source,
        scan: audit.scan,
        patterns: audit.patterns,
        entries: audit.entries,
        rootRuns: audit.runs,
        config,
        catalogue: (name) => catalogueFor(name, config.detect),
        ...(artifacts ? { artifacts } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        timeoutMs: config.ruleTimeoutMs ?? DEFAULT_RULE_TIMEOUT_MS,
        inlineKey: INLINE_SUPPRESSION_KEY,
      },
      chosen,
    );
    const packages = packageReports(audit, runs, { pillars, config, repo, today, gates });
    partialReport = { ...rootReport, packages };
    if (chosen.length === 0) partialReport.notes = [...partialReport.notes, 'packages: no workspace package found'];
    phase('packages');
  }
  const delta = old ? baselines!.compareToBaseline(old, partialReport, baselineName) : undefined;
  const withBaseline = delta ? { ...partialReport, baseline: delta } : partialReport;
  const report = { ...withBaseline, gates: evaluateGates(withBaseline, gates) };
  // The report is not checked against its zod schema here (loading zod cost more than a small
  // audit): every test that audits parses its report with the schema (test/ci-e2e, e2e-fixtures…).
  phase('report');
  return {
    report,
    timings,
    runs: audit.runs,
    filesListed: listing.paths.length,
    filesRead: files.stats.filesRead,
    reads: files.stats.reads,
    offloaded: audit.offloaded,
    files,
    facts: audit.facts,
    readText: (path, maxBytes) => {
      const bytes = source.readBytes(path, Math.min(maxBytes, files.maxFileBytes));
      return typeof bytes === 'string' ? undefined : (decode(bytes) ?? undefined);
    },
    matches: (rule) => {
      // Pattern keys carry the rule's own id, without its pillar.
      const id = `${rule.split('/').pop()}:`;
      return [...audit.scan.matches.entries()].filter(([k]) => k.startsWith(id)).flatMap(([, m]) => m);
    },
    scanned: (key) => audit.scan.matches.get(key) ?? [],
    ...(artifacts ? { artifacts } : {}),
  };
}

/**
 * The configuration: given, named, or discovered in the root. A root without any of the file
 * names needs neither the YAML parser nor the schema, so they load only when there is one.
 */
async function configFor(
  root: string,
  given: AuditOptions['config'],
  explicitPath: string | undefined,
): Promise<Pick<LoadedConfig, 'config' | 'path' | 'explicit'>> {
  const object = given !== undefined && typeof given === 'object';
  if (!object && explicitPath === undefined && !CONFIG_NAMES.some((n) => present(join(root, n))))
    return { config: {}, path: null, explicit: false };
  const { loadConfig, validateConfig } = await import('../config/load.js');
  return object
    ? { config: validateConfig(given, 'options.config'), path: null, explicit: true }
    : loadConfig(root, explicitPath);
}

/** lstat, not exists: a link that leads nowhere is still a file the loader must see (and refuse). */
function present(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

function pillarMinimumsFromConfig(
  pillars: Partial<Record<PillarId, { minScore?: number | undefined }>> | undefined,
): Partial<Record<PillarId, number>> {
  const out: Partial<Record<PillarId, number>> = {};
  for (const [id, p] of Object.entries(pillars ?? {})) if (p?.minScore !== undefined) out[id as PillarId] = p.minScore;
  return out;
}

/** What the audited tree narrows in the gates (see GateOptions.fromTree). */
function fromTree(root: string, discovered: string | null, config: Config, options: AuditOptions): string[] {
  const out: string[] = [];
  const narrows = discovered ? narrowingOf(config) : [];
  if (narrows.length) out.push(`${discovered} ${narrows.join('; ')}`);
  if (options.failOnRegression && typeof options.baseline === 'string' && insideRoot(root, options.baseline))
    out.push(`the --baseline ${options.baseline} is a file of the audited tree`);
  return out;
}

/** Whether a path (through any link) lies inside the root. */
function insideRoot(root: string, path: string): boolean {
  try {
    const rel = relative(realpathSync(root), realpathSync(resolve(path)));
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  } catch {
    return false;
  }
}
