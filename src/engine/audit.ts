/**
 * One audit, start to finish: list → facts → scan → rules → score → Report. The CLI adds
 * rendering and exit codes; tests call this directly with an in-memory FileIndex.
 */
import type { Config } from '../config/schema.js';
import { FACT_DIGESTS } from '../facts/alongside.js';
import { collectFacts, completeFacts, factPatterns } from '../facts/index.js';
import type { FactNotes } from '../facts/guard.js';
import { answersFor } from '../facts/paths.js';
import type { ProfileId, TagRecency } from '../types.js';
import { PROFILE_PATTERNS } from '../facts/profile.js';
import { scan, type ScanPattern, type ScanResult } from '../scan/scanner.js';
import { ScanPool, type WorkerMode } from '../scan/pool.js';
import { isAsyncSource } from '../scan/read.js';
import type { Digest, FileIndex, FileSource } from '../walk/file-index.js';
import { runRules, DEFAULT_RULE_TIMEOUT_MS, type RuleEntry, type RuleRun } from './run.js';
import type { PillarDefinition, Rule } from '../types.js';
import { catalogueFor, watchedNames } from '../facts/catalogues.js';
import { selectRules } from './select.js';
import { loadOptionSchemas } from './lazy-options.js';
import { rulesHeapFlags } from '../util/heap-flags.js';
import type { Match } from '../types.js';

/**
 * `readiness-ignore <rule-id> -- <reason>` in a comment. It is scanned only in files the audit
 * reads anyway (the union of every rule's globs), so honouring it costs no extra read; a
 * finding elsewhere could not carry a line to suppress in the first place.
 */
export const INLINE_SUPPRESSION_KEY = 'engine:readiness-ignore';
// The reason is the shortest run of words (a non-blank, then blanks and a non-blank, …) after
// which only blanks and a comment closer are left: `\S.*?[ \t]*(?:closer)?[ \t]*` let three
// parts share the blanks (cubic on a long run of them).
const INLINE_MARKER =
  /readiness-ignore[ \t]+([a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)?)[ \t]+--[ \t]*(\S(?:[ \t]*[^ \t\r\n\u2028\u2029])*?)[ \t]*(?:(?:\*\/|-->|%>|#\}|\}\})[ \t]*)?\r?$/m;

export interface AuditInput {
  files: FileIndex;
  source: FileSource;
  pillars: PillarDefinition[];
  config: Config;
  profile?: ProfileId;
  only?: string[];
  skip?: string[];
  artifacts?: import('../types.js').Artifacts;
  /** Progress for a long audit (the CLI shows it on a TTY): the phase, and files read of total while scanning. */
  onProgress?: (phase: 'facts' | 'scan' | 'rules', done?: number, total?: number) => void;
  /** Whether the scan matches patterns on a second thread (default: on large trees). */
  scanWorker?: WorkerMode;
  /** Patterns beyond the rules' (verify's searches for the names a document gives), run in the same pass. */
  extraPatterns?: ScanPattern[];
  /** The repository's git tags (walk/git.ts), asked beside the scan: a promise, awaited before the rules. */
  tags?: Promise<string[]> | string[];
  /** When the newest tag and the audited commit were made (git), asked beside the scan as the tags are. */
  tagRecency?: Promise<TagRecency | undefined> | TagRecency;
}

export interface AuditRun {
  runs: RuleRun[];
  facts: ReturnType<typeof completeFacts>;
  entries: RuleEntry[];
  timings: Record<string, number>;
  /** Inline suppression markers found (groups: rule id, reason), sorted by path and line. */
  inlineSuppressions: Match[];
  /** Files whose patterns ran on the scan's second thread (0 when it had none). */
  offloaded: number;
  /** The scan's matches and the patterns it ran: workspace packages are judged from the same scan. */
  scan: ScanResult;
  patterns: ScanPattern[];
  /** Notes on patterns outside any rule (facts, inline markers) that ran past their time budget. */
  scanNotes: string[];
}

/**
 * Every pattern the scan runs (facts' and the rules'), the globs of files whose text is kept for
 * parsing, and the digests computed while a file is read (each once, however many rules ask).
 */
export function scanPlan(
  rules: Rule[],
  facts: ScanPattern[] = PROFILE_PATTERNS,
  /** The facts' own digests, taken from files the scan reads anyway (facts/alongside.ts). */
  factDigests: readonly Digest<unknown>[] = FACT_DIGESTS,
): { patterns: ScanPattern[]; keep: string[]; digests: Digest<unknown>[] } {
  const patterns: ScanPattern[] = [...facts];
  const keep: string[] = [];
  const digests = new Map<string, Digest<unknown>>(factDigests.map((d) => [d.key, d]));
  for (const rule of rules) {
    for (const [name, spec] of Object.entries(rule.meta.patterns ?? {}))
      patterns.push({ ...spec, key: `${rule.meta.id}:${name}` });
    if (rule.meta.reads) keep.push(...rule.meta.reads);
    for (const d of rule.meta.digests ?? []) digests.set(d.key, d);
  }
  for (const d of digests.values()) keep.push(...(d.keep ?? []));
  // Inline `readiness-ignore` markers are looked for in every file the scan reads anyway.
  let readGlobs = [
    ...new Set([
      ...patterns.flatMap((p) => p.files),
      ...keep,
      ...[...digests.values()].flatMap((d) => (d.alongside ? [] : d.files)),
    ]),
  ].sort();
  // One catch-all glob makes the others redundant: test each path once, not once per glob.
  if (readGlobs.includes('**/*') || readGlobs.includes('**')) readGlobs = ['**/*'];
  if (readGlobs.length > 0)
    patterns.push({
      key: INLINE_SUPPRESSION_KEY,
      regex: INLINE_MARKER,
      files: readGlobs,
      literals: ['readiness-ignore'],
      maxPerFile: 200,
      // The marker lives in a comment by design.
      comments: true,
    });
  return { patterns, keep, digests: [...digests.values()] };
}

/**
 * A marker is a comment, not text a program writes: one that follows an open quote on its line
 * (`write('// readiness-ignore x -- y')`) is inside a string literal and suppresses nothing.
 * A snippet cut before the marker cannot say, so the marker is kept.
 */
export function isCommentMarker(m: Match): boolean {
  const at = m.snippet.indexOf('readiness-ignore');
  if (at <= 0) return true;
  const before = m.snippet.slice(0, at).replace(/\\./g, '');
  return ['"', "'", '`'].every((q) => before.split(q).length % 2 === 1);
}

export async function runAudit(input: AuditInput): Promise<AuditRun> {
  // The path questions' answers (isProductionPath and the others) kept a byte per listed path.
  answersFor(input.files);
  try {
    return await auditOf(input);
  } finally {
    answersFor(undefined, input.files);
  }
}

async function auditOf(input: AuditInput): Promise<AuditRun> {
  const { files, config } = input;
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };

  // Worker threads take ~0.1 s to start: they start now and load their code while the facts
  // are collected and the patterns compiled, then wait for the scan's files.
  const warm = isAsyncSource(input.source) ? ScanPool.prewarm(input.scanWorker ?? 'auto', files.size) : undefined;
  let scanned: ScanResult;
  let pre: ReturnType<typeof collectFacts>;
  let entries: RuleEntry[];
  let patterns: ScanPattern[];
  const watched = watchedNames(config.detect);
  // A fact that fails leaves its empty value and a note instead of ending the audit (facts/guard.ts).
  const factNotes: FactNotes = [];
  try {
    input.onProgress?.('facts');
    pre = collectFacts(files, factNotes);
    lap('facts');

    // Lazy option schemas (the built-in rules' zod schemas) load only for options the config sets.
    await loadOptionSchemas(input.pillars, (id) => {
      const setting = config.rules?.[id];
      return typeof setting === 'object' && setting.options !== undefined;
    });
    entries = selectRules(input.pillars, config, input.only, input.skip);
    const plan = scanPlan(
      entries.map((e) => e.rule),
      factPatterns(pre, watched),
    );
    patterns = plan.patterns;
    const { keep, digests } = plan;
    input.onProgress?.('scan');
    scanned = await scan(
      files,
      input.source,
      input.extraPatterns ? [...patterns, ...input.extraPatterns] : patterns,
      keep,
      digests,
      input.onProgress && ((done, total) => input.onProgress!('scan', done, total)),
      input.scanWorker,
      warm,
    );
  } catch (err) {
    ScanPool.discard(warm);
    throw err;
  }
  lap('scan');
  const markers = scanned.matches.get(INLINE_SUPPRESSION_KEY);
  if (markers) scanned.matches.set(INLINE_SUPPRESSION_KEY, markers.filter(isCommentMarker));

  const override = input.profile ?? (config.profile && config.profile !== 'auto' ? config.profile : undefined);
  const facts = completeFacts(
    files,
    pre,
    { matches: (key) => scanned.matches.get(key) ?? [], searched: (key) => scanned.searched.get(key) ?? 0 },
    { override, watched, tags: (await input.tags) ?? [], tagRecency: await input.tagRecency, notes: factNotes },
  );
  const catalogue = (name: string) => catalogueFor(name, config.detect);
  const base = { files, facts, scan: scanned, catalogue, ...(input.artifacts ? { artifacts: input.artifacts } : {}) };
  const timeout = config.ruleTimeoutMs ?? DEFAULT_RULE_TIMEOUT_MS;
  input.onProgress?.('rules');
  rulesHeapFlags();
  const runs = runRules(entries, base, timeout);
  lap('rules');
  return {
    runs,
    facts,
    entries,
    timings,
    inlineSuppressions: scanned.matches.get(INLINE_SUPPRESSION_KEY) ?? [],
    offloaded: scanned.offloaded,
    scan: scanned,
    patterns,
    // A rule's own overrun makes that rule an error (run.ts); the others are said here.
    scanNotes: [...scanned.overruns]
      .filter(([key]) => key.startsWith('facts:') || key === INLINE_SUPPRESSION_KEY)
      .map(([key, o]) => `pattern ${key} did not finish within ${o.budgetMs} ms on ${o.path}; it was not run further`)
      .concat(factNotes)
      .concat(
        facts.commands.spent
          ? [
              `CI commands were followed up to ${facts.commands.spent}; what the rest of CI and its scripts run was not read, so "not run in CI" verdicts may miss it`,
            ]
          : [],
      ),
  };
}
