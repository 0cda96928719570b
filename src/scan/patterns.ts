/**
 * Rules' content patterns, compiled once per run and run over one file's text: a literal
 * pre-filter for every pattern at once (literals.ts), then each regex whose literals are there.
 * A match keeps its line and a short snippet, never the text.
 */
import type { Match, PatternSpec } from '../types.js';
import { detach } from '../util/detach.js';
import { lineIndexAt, lineStarts as computeLines } from '../util/lines.js';
import { LiteralSet, type Found, type LiteralTables } from './literals.js';
import { alternativesOf, someAlternatives, staysOnLine, type Alternative } from './required.js';
import { type Budget, CpuBudget, eachWithTimeLimit, WallBudget } from '../util/time-limit.js';
import { SUPERLINEAR, guardFrom } from './superlinear.js';
import { commentTest, type CommentTest } from './comments.js';

export interface ScanPattern extends PatternSpec {
  /** `<rule>:<name>`, unique across the run. */
  key: string;
}

export interface Overrun {
  path: string;
  budgetMs: number;
}

/**
 * A pattern's time budget on one file. Built-in patterns are linear (test/patterns.test.ts
 * checks the catalogue), so on a file under MEASURE_FROM characters they cannot come near it and
 * run unmeasured; on a larger file each one is timed (the CPU time of its thread, so a busy machine
 * does not change the verdict: CpuBudget), and one that overruns is stopped there and
 * run on no further file (of that thread: each scan thread keeps its own list, and the scanner
 * merges them). A pattern from configuration (`guarded`) may be catastrophic, which no timing
 * after the fact can stop: it runs under a hard limit that interrupts it.
 */
export const PATTERN_BUDGET_MS = 1000;
const MEASURE_FROM = 64 * 1024;

export interface Compiled {
  key: string;
  regex: RegExp;
  literals?: string[];
  lowerLiterals: boolean;
  /** Ids of `literals` in the run's shared LiteralSet (one automaton pass per file). */
  literalIds?: number[];
  /**
   * What each top-level alternative of the regex cannot match without (required.ts), when some
   * alternative needs anything: the regex run on a text holds only the alternatives it satisfies,
   * and none is not run at all. Same matches; the regex engine tries fewer alternatives at every
   * position (or none).
   */
  alts?: AltCheck[];
  /** The alternatives' sources and capture groups, for the regex of some of them. */
  altSources?: Alternative[];
  /** The regex of some alternatives, by which (a bit mask, or a string for many: AliveKey). */
  subsets?: Map<number | string, { regex: RegExp; groupAt: number[] }>;
  /**
   * Nothing in the regex can match a newline (required.ts, staysOnLine), and its alternatives say
   * what they need: the regex runs from the start of the first line where what the text's alive
   * alternatives need can be (`fromLine`), not from the text's start. Same matches.
   */
  oneLine?: boolean;
  literalSet?: LiteralSet;
  /** `/$/` without `m` (used to count lines) matches only at the end: start there, skip the regex walk. */
  endOnly: boolean;
  maxPerFile: number;
  /** Matches that start inside a comment are dropped (comments.ts), unless the pattern reads comments on purpose. */
  codeOnly: boolean;
  /** Run under an interrupting time limit: an untrusted pattern (from configuration) always, a known super-linear built-in on texts of this many characters or more. */
  guarded: 'always' | number | false;
}

/**
 * One alternative's needs: sets of strings (ids in the run's LiteralSet, so one automaton pass
 * per file answers them all), one string of each set in every match.
 */
export interface AltCheck {
  needs: number[][];
}

/** A needed string goes to the automaton as its first ten characters at most (a prefix is needed too). */
const AUTOMATON_MAX = 10;

/** Patterns with the same globs: one path test decides them all. */
export interface Group {
  globs: readonly string[];
  patterns: Compiled[];
}

const SNIPPET_MAX = 160;

/**
 * The matches of a pattern that matches once, at the end of the text (`endOnly`: module-size's
 * `lastLine`, on every source file), while the scan runs: a path, a line and a snippet per file in
 * columns instead of a Match object each (~60 bytes, ~10 MB of the main thread's heap at the end of
 * a 300k-file scan, where its peak RSS is, with the worker thread still alive). The scanner makes
 * them Match objects (`toMatches`) once its workers have exited. Such a regex (`$`) has no groups.
 */
export class EndMatches {
  readonly paths: string[] = [];
  private lines = new Int32Array(256);
  /** Snippets by index, the empty ones (a text with a final newline) left out: most are. */
  private readonly snippets = new Map<number, string>();

  get length(): number {
    return this.paths.length;
  }

  add(path: string, line: number, snippet: string): void {
    const i = this.paths.length;
    if (i === this.lines.length) {
      const grown = new Int32Array(i * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[i] = line;
    if (snippet !== '') this.snippets.set(i, snippet);
    this.paths.push(path);
  }

  /** Back to the first `n` matches (a run whose matches do not count is taken back). */
  truncate(n: number): void {
    for (let i = n; i < this.paths.length; i++) this.snippets.delete(i);
    this.paths.length = Math.min(n, this.paths.length);
  }

  toMatches(): Match[] {
    return this.paths.map((path, i) => ({
      path,
      line: this.lines[i]!,
      snippet: this.snippets.get(i) ?? '',
      groups: NO_GROUPS,
    }));
  }
}

/** Where a pattern's matches go: a list, or columns for one that only matches at the end (EndMatches). */
export type MatchList = Match[] | EndMatches;

/**
 * The groups of every match of a regex without capture groups: one frozen empty array instead of
 * one per match (at 100k files ~60k matches had none, 1.9 MB of empty arrays kept to the end).
 * Nothing changes a match's groups; frozen, a change would fail loudly instead of reaching others.
 */
export const NO_GROUPS = Object.freeze([]) as unknown as (string | undefined)[];

/**
 * How a run's literals are checked. `plain`: each with `includes`, as the rule declared them (a
 * small tree: building the automaton and reading every regex for its required literals cost more
 * than they save). `automaton`: all at once (literals.ts), with the regexes' required literals too;
 * `prebuilt` is the main thread's, handed to worker threads so they do not build their own.
 */
export type LiteralMode = { kind: 'plain' } | { kind: 'automaton'; prebuilt?: Prebuilt };

/** What a worker thread needs to check literals exactly as the main thread does. */
export interface Prebuilt {
  tables: LiteralTables;
  /** Per pattern key: its literal ids in those tables, and its alternatives' needs. */
  ids: Record<string, { literalIds?: number[]; alts?: AltCheck[]; altSources?: Alternative[] }>;
}

/** Each alternative's needs, as ids of its strings in the automaton. */
function altChecks(alternatives: Alternative[], literalSet: LiteralSet, ci: boolean): AltCheck[] | undefined {
  if (!alternatives.some((a) => a.clauses.length > 0)) return undefined;
  return alternatives.map((a) => ({
    needs: a.clauses.map((c) => c.map((x) => literalSet.add(x.slice(0, AUTOMATON_MAX), ci))),
  }));
}

export function compilePatterns(patterns: ScanPattern[], mode: LiteralMode = { kind: 'automaton' }): Group[] {
  const groups = new Map<string, Group>();
  const prebuilt = mode.kind === 'automaton' ? mode.prebuilt : undefined;
  const literalSet = mode.kind === 'plain' ? undefined : prebuilt ? LiteralSet.from(prebuilt.tables) : new LiteralSet();
  for (const p of patterns) {
    const sig = p.files.join('\0');
    let g = groups.get(sig);
    if (!g) {
      g = { globs: p.files, patterns: [] };
      groups.set(sig, g);
    }
    const flags = new Set([...p.regex.flags, 'g']);
    if (p.ignoreCase && !p.keepCase) flags.add('i');
    flags.delete('y');
    const regex = new RegExp(p.regex.source, [...flags].join(''));
    let ids: Prebuilt['ids'][string] = {};
    if (prebuilt) ids = prebuilt.ids[p.key] ?? {};
    else if (literalSet) {
      const alternatives = alternativesOf(regex);
      const alts = alternatives && altChecks(alternatives, literalSet, flags.has('i'));
      ids = {
        ...(p.literals ? { literalIds: p.literals.map((l) => literalSet.add(l, !!p.ignoreCase)) } : {}),
        ...(alts ? { alts, altSources: alternatives } : {}),
      };
    }
    g.patterns.push({
      key: p.key,
      regex,
      ...(p.literals ? { literals: p.ignoreCase ? p.literals.map((l) => l.toLowerCase()) : p.literals } : {}),
      lowerLiterals: !!p.ignoreCase,
      ...ids,
      ...(ids.alts ? { subsets: new Map() } : {}),
      ...(ids.alts && staysOnLine(regex.source, regex.flags) ? { oneLine: true } : {}),
      ...(literalSet && (ids.literalIds || ids.alts) ? { literalSet } : {}),
      endOnly: p.regex.source === '$' && !flags.has('m'),
      maxPerFile: p.maxPerFile ?? 50,
      codeOnly: !p.comments,
      guarded: p.guarded ? 'always' : SUPERLINEAR.has(p.key) ? guardFrom(SUPERLINEAR.get(p.key)!) : false,
    });
  }
  if (literalSet && !prebuilt) literalSet.build();
  return [...groups.values()];
}

/** The automaton and ids of compiled groups, for worker threads (undefined in plain mode). */
export function prebuiltOf(groups: Group[]): Prebuilt | undefined {
  const all = groups.flatMap((g) => g.patterns);
  const set = all.find((c) => c.literalSet)?.literalSet;
  if (!set) return undefined;
  const ids: Prebuilt['ids'] = {};
  for (const c of all)
    ids[c.key] = {
      ...(c.literalIds ? { literalIds: c.literalIds } : {}),
      ...(c.alts ? { alts: c.alts, altSources: c.altSources } : {}),
    };
  return { tables: set.tables(), ids };
}

/**
 * Runs `compiled` over one file's text; matches go to their pattern's list. `searched`, when
 * given, counts the file for each pattern (the scanner counts per kind of file instead). A
 * pattern in `overruns` ran past its budget on an earlier file and is not run again; one that
 * runs past it here is added.
 */
export function runPatterns(
  path: string,
  text: string,
  compiled: readonly Compiled[],
  /** A pattern's list, made here when missing; EndMatches only for an `endOnly` pattern run unguarded. */
  matches: Map<string, MatchList>,
  searched?: Map<string, number>,
  overruns: Map<string, Overrun> = new Map(),
  /** Where this file's guarded runs wait to run with other files' (the scan's); without one, they run now. */
  queue?: GuardedQueue,
): void {
  let lower: string | undefined;
  const lowered = () => (lower ??= text.toLowerCase());
  let found: Found | undefined;
  /**
   * Line starts, built at the file's second match. Most files have one: module-size's `lastLine`
   * (every source file) and nothing else, and its line is the count of the newlines before it.
   * The table was an array of every line's start per file, garbage the moment the file was done.
   */
  let lineStarts: number[] | undefined;
  let counted = false;
  const measured = text.length >= MEASURE_FROM;
  let guarded: GuardedRun[] | undefined;
  let comment: CommentTest | undefined | null;
  /**
   * One function per file, not a closure per pattern run (a context and a closure for each of the
   * ~30 patterns a source file meets): the pattern, its list and the subset's groups are arguments.
   */
  const record: RecordMatch = (m, c, list, groupAt) => {
    // A pattern like /^\s*resource/m may start on a blank line above: cite the first real character.
    const lead = m[0].search(/\S/);
    const at = m.index + Math.max(lead, 0);
    if (c.codeOnly && (comment === undefined ? (comment = commentTest(path, text) ?? null) : comment)?.(at))
      return false;
    // The file's first match finds its line by counting newlines; a second builds the table.
    let line: number;
    let start: number;
    if (lineStarts === undefined && !counted) {
      counted = true;
      line = newlinesBefore(text, at);
      start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    } else {
      lineStarts ??= computeLines(text);
      line = lineIndexAt(lineStarts, at);
      start = lineStarts[line]!;
    }
    const end = text.indexOf('\n', start);
    const snippet = snippetOf(text.slice(start, end === -1 ? undefined : end));
    if (!Array.isArray(list)) {
      list.add(path, line + 1, snippet);
      return true;
    }
    list.push({
      path,
      line: line + 1,
      snippet,
      groups:
        m.length === 1 && !groupAt
          ? NO_GROUPS
          : groupsOf(m, groupAt, c.altSources).map((g) => (g === undefined ? g : detach(g))),
    });
    return true;
  };
  for (let ci = 0; ci < compiled.length; ci++) {
    const c = compiled[ci]!;
    // A pattern that overran on an earlier file is not run again: one budget per pattern, not per file.
    if (overruns.size > 0 && overruns.has(c.key)) continue;
    if (searched) searched.set(c.key, (searched.get(c.key) ?? 0) + 1);
    // The rule's literals decide whether its regex runs; what the regex's alternatives need only
    // leaves out those that cannot match in this text anyway.
    if (c.literalIds) {
      if (!anyPresent(c.literalSet!, (found ??= c.literalSet!.scan(text)), c.literalIds, text, lowered)) continue;
    } else if (c.literals) {
      const hay = c.lowerLiterals ? lowered() : text;
      if (!c.literals.some((l) => hay.includes(l))) continue;
    }
    let regex = c.regex;
    let groupAt: number[] | undefined;
    let from = 0;
    if (c.alts) {
      const set = c.literalSet!;
      const alive = aliveAlternatives(c.alts, set, (found ??= set.scan(text)), text, lowered);
      if (alive === NONE) continue;
      if (alive !== ALL) ({ regex, groupAt } = subsetOf(c, alive));
      if (c.oneLine) from = fromLine(c.alts, alive, set, found, text);
    }
    let list = matches.get(c.key);
    if (!list) matches.set(c.key, (list = []));
    if (c.guarded === 'always' || (c.guarded !== false && text.length >= c.guarded)) {
      if (!Array.isArray(list)) throw new Error(`pattern ${c.key}: a guarded run needs a list of matches`);
      (guarded ??= []).push({ c, regex, list, groupAt, record, from });
    } else if (!(measured ? execMeasured : execAll)(c, regex, text, record, list, groupAt, from))
      overruns.set(c.key, { path, budgetMs: PATTERN_BUDGET_MS });
  }
  if (guarded) {
    const q = queue ?? new GuardedQueue(overruns);
    q.add(path, text, guarded);
    if (!queue) q.flush();
  }
}

/** Records a match of pattern `c` in its `list` (false: dropped, in a comment); `groupAt` maps a subset's groups. */
type RecordMatch = (m: RegExpExecArray, c: Compiled, list: MatchList, groupAt: number[] | undefined) => boolean;

interface GuardedRun {
  c: Compiled;
  regex: RegExp;
  list: Match[];
  groupAt: number[] | undefined;
  record: RecordMatch;
  /** Where the regex starts (fromLine). */
  from: number;
}

/**
 * Guarded runs of several files, each under its own hard limit, all under one watchdog while
 * none runs away (eachWithTimeLimit): a watchdog per pattern and file (later per file) cost more
 * than the patterns did on a busy machine. One cut short by the others' time loses its matches
 * and runs again with a whole budget; one that uses up its own is an overrun and keeps what it
 * found, as under a watchdog of its own. Runs wait for FILES files or TEXT characters (their texts
 * are held meanwhile), and the scan flushes the queue before it hands its matches on.
 */
export class GuardedQueue {
  private static readonly FILES = 16;
  private static readonly TEXT = 4 * 1024 * 1024;
  private runs: (GuardedRun & { path: string; text: string })[] = [];
  private files = 0;
  private chars = 0;

  constructor(private readonly overruns: Map<string, Overrun>) {}

  add(path: string, text: string, runs: GuardedRun[]): void {
    for (const r of runs) this.runs.push({ ...r, path, text });
    this.chars += text.length;
    if (++this.files >= GuardedQueue.FILES || this.chars >= GuardedQueue.TEXT) this.flush();
  }

  flush(): void {
    const runs = this.runs;
    if (runs.length === 0) return;
    this.runs = [];
    this.files = this.chars = 0;
    const marks: number[] = [];
    eachWithTimeLimit(
      runs.length,
      PATTERN_BUDGET_MS,
      (i) => {
        const r = runs[i]!;
        marks[i] = r.list.length;
        // A pattern that overran on an earlier file runs on no later one (as in runPatterns).
        if (!this.overruns.has(r.c.key)) execAll(r.c, r.regex, r.text, r.record, r.list, r.groupAt, r.from);
      },
      (i) => void this.overruns.set(runs[i]!.c.key, { path: runs[i]!.path, budgetMs: PATTERN_BUDGET_MS }),
      (i) => void (runs[i]!.list.length = marks[i]!),
    );
  }
}

/**
 * Which alternatives of a pattern a text satisfies, as a key of its subsets: a bit mask (bit i for
 * alternative i) when it has at most MASK_BITS of them, else one character per alternative (`1`
 * when in). A string per pattern and file, built a character at a time, was the largest allocation
 * of the scan after the texts themselves (~22 MB at 10k files, most patterns have a few alternatives).
 */
type AliveKey = number | string;
const MASK_BITS = 30;
const NONE = -1;
const ALL = -2;

/** Which alternatives the text satisfies: NONE, ALL, or the key of those that are (AliveKey). */
function aliveAlternatives(alts: AltCheck[], set: LiteralSet, f: Found, text: string, lowered: () => string): AliveKey {
  const wide = alts.length > MASK_BITS;
  let which = '';
  let mask = 0;
  let alive = 0;
  for (let i = 0; i < alts.length; i++) {
    const needs = alts[i]!.needs;
    let ok = true;
    for (let k = 0; ok && k < needs.length; k++) ok = anyPresent(set, f, needs[k]!, text, lowered);
    if (ok) {
      alive++;
      if (!wide) mask |= 1 << i;
    }
    if (wide) which += ok ? '1' : '0';
  }
  return alive === 0 ? NONE : alive === alts.length ? ALL : wide ? which : mask;
}

/**
 * The start of the first line where a match of the alive alternatives (`alive`, as aliveAlternatives
 * gave it) can start, for a regex that stays on one line (Compiled.oneLine). Every match of an
 * alternative holds one string of each of its clauses on its line, so its line is at or below the
 * line of each clause's first occurrence; the earliest such line over the alive alternatives. A
 * literal the automaton cannot place counts as at 0 (LiteralSet.firstAt), so this errs only early.
 */
function fromLine(alts: AltCheck[], alive: AliveKey, set: LiteralSet, f: Found, text: string): number {
  let from = text.length;
  for (let i = 0; i < alts.length && from > 0; i++) {
    if (alive !== ALL && (typeof alive === 'string' ? alive[i] !== '1' : (alive & (1 << i)) === 0)) continue;
    const needs = alts[i]!.needs;
    // A match needs one string of every clause: it is at or after the latest of their first places.
    let at = 0;
    for (let k = 0; k < needs.length; k++) {
      let first = text.length;
      const ids = needs[k]!;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j]!;
        if (f[id] !== 0) first = Math.min(first, set.firstAt(id));
      }
      if (first > at) at = first;
    }
    if (at < from) from = at;
  }
  return from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
}

/** The regex of the alternatives in `key` (made once per set, per thread). */
function subsetOf(c: Compiled, key: AliveKey): { regex: RegExp; groupAt: number[] } {
  let s = c.subsets!.get(key);
  if (!s) {
    const alive =
      typeof key === 'string' ? [...key].map((x) => x === '1') : c.altSources!.map((_, i) => (key & (1 << i)) !== 0);
    c.subsets!.set(key, (s = someAlternatives(c.altSources!, alive, c.regex.flags)));
  }
  return s;
}

/** A match's groups numbered as in the whole regex (a regex of some alternatives numbers its own). */
function groupsOf(
  m: RegExpExecArray,
  groupAt: number[] | undefined,
  alts: Alternative[] | undefined,
): (string | undefined)[] {
  if (!groupAt) return m.slice(1);
  const out: (string | undefined)[] = new Array(alts!.reduce((n, a) => n + a.groups, 0)).fill(undefined);
  for (let g = 0; g < groupAt.length; g++) out[groupAt[g]!] = m[g + 1];
  return out;
}

/**
 * execAll within PATTERN_BUDGET_MS of the thread's CPU time, read only when it needs it: first
 * under a budget of wall time (no clock read: a pattern almost always finishes inside it — per
 * pattern and file the CPU clock was read ~30 times, an open, read and close each); a run that
 * passes it loses its matches and runs again alone under a CpuBudget, whose verdict stands.
 */
function execMeasured(
  c: Compiled,
  regex: RegExp,
  text: string,
  record: RecordMatch,
  list: MatchList,
  groupAt: number[] | undefined,
  from: number,
): boolean {
  const mark = list.length;
  const wall = new WallBudget(PATTERN_BUDGET_MS);
  if (execAll(c, regex, text, record, list, groupAt, from, wall)) return true;
  if (Array.isArray(list)) list.length = mark;
  else list.truncate(mark);
  return execAll(c, regex, text, record, list, groupAt, from, new CpuBudget(PATTERN_BUDGET_MS));
}

/** Runs one pattern's regex (the whole, or some alternatives) over the text; false when it spent its `budget`. */
function execAll(
  c: Compiled,
  regex: RegExp,
  text: string,
  record: RecordMatch,
  list: MatchList,
  groupAt: number[] | undefined,
  /** Where to start: 0, or a line start before which no match can start (fromLine). */
  from: number,
  budget?: Budget,
): boolean {
  regex.lastIndex = c.endOnly ? text.length : from;
  let n = 0;
  let m: RegExpExecArray | null;
  while (n < c.maxPerFile && (m = regex.exec(text)) !== null) {
    if (m[0].length === 0) regex.lastIndex++;
    // One dropped (in a comment) does not count toward the file's limit.
    if (record(m, c, list, groupAt)) n++;
    if (budget?.spent()) return false;
  }
  return !budget?.spent();
}

/** How many '\n' come before `at`: the 0-based index of its line, as lineIndexAt(lineStarts(text), at) gives it. */
function newlinesBefore(text: string, at: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Whether one of the literals `ids` is in the text. Most are not (the automaton left them 0): that
 * is read here, and `present` is called only for the few it has to confirm (a call per pattern and
 * literal: up to ~4,700 for a TypeScript file's 121 patterns).
 */
function anyPresent(set: LiteralSet, f: Found, ids: number[], text: string, lowered: () => string): boolean {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (f[id] !== 0 && set.present(f, id, text, lowered)) return true;
  }
  return false;
}

export function snippetOf(line: string): string {
  const t = line.replace(/\r$/, '').trim();
  // A copy: a slice would keep the whole file's text alive as long as the match.
  return detach(t.length > SNIPPET_MAX ? `${t.slice(0, SNIPPET_MAX - 1)}…` : t);
}
