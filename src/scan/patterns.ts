/**
 * Rules' content patterns, compiled once per run and run over one file's text: a literal
 * pre-filter for every pattern at once (literals.ts), then each regex whose literals are there.
 * A match keeps its line and a short snippet, never the text.
 */
import type { Match, PatternSpec } from '../types.js';
import { detach } from '../util/detach.js';
import { lineIndexAt, lineStarts as computeLines } from '../util/lines.js';
import { LiteralSet, type Found, type LiteralTables } from './literals.js';
import { requiredLiterals } from './required.js';
import { eachWithTimeLimit } from '../util/time-limit.js';
import { SUPERLINEAR, guardFrom } from './superlinear.js';

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
 * run unmeasured; on a larger file each one is timed, and one that overruns is stopped there and
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
  /** Ids of literals the regex itself cannot match without (required.ts), when it has them. */
  requiredIds?: number[];
  literalSet?: LiteralSet;
  /** `/$/` without `m` (used to count lines) matches only at the end: start there, skip the regex walk. */
  endOnly: boolean;
  maxPerFile: number;
  /** Run under an interrupting time limit: an untrusted pattern (from configuration) always, a known super-linear built-in on texts of this many characters or more. */
  guarded: 'always' | number | false;
}

/** Patterns with the same globs: one path test decides them all. */
export interface Group {
  globs: readonly string[];
  patterns: Compiled[];
}

const SNIPPET_MAX = 160;

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
  /** Per pattern key: its literal ids and required ids in those tables. */
  ids: Record<string, { literalIds?: number[]; requiredIds?: number[] }>;
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
    if (p.ignoreCase) flags.add('i');
    flags.delete('y');
    const regex = new RegExp(p.regex.source, [...flags].join(''));
    let ids: Prebuilt['ids'][string] = {};
    if (prebuilt) ids = prebuilt.ids[p.key] ?? {};
    else if (literalSet) {
      const required = requiredLiterals(regex);
      ids = {
        ...(p.literals ? { literalIds: p.literals.map((l) => literalSet.add(l, !!p.ignoreCase)) } : {}),
        ...(required ? { requiredIds: required.map((l) => literalSet.add(l, flags.has('i'))) } : {}),
      };
    }
    g.patterns.push({
      key: p.key,
      regex,
      ...(p.literals ? { literals: p.ignoreCase ? p.literals.map((l) => l.toLowerCase()) : p.literals } : {}),
      lowerLiterals: !!p.ignoreCase,
      ...ids,
      ...(literalSet && (ids.literalIds || ids.requiredIds) ? { literalSet } : {}),
      endOnly: p.regex.source === '$' && !flags.has('m'),
      maxPerFile: p.maxPerFile ?? 50,
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
      ...(c.requiredIds ? { requiredIds: c.requiredIds } : {}),
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
  matches: Map<string, Match[]>,
  searched?: Map<string, number>,
  overruns: Map<string, Overrun> = new Map(),
): void {
  let lower: string | undefined;
  const lowered = () => (lower ??= text.toLowerCase());
  let found: Found | undefined;
  let lineStarts: number[] | undefined;
  const measured = text.length >= MEASURE_FROM;
  let guarded: GuardedRun[] | undefined;
  for (let ci = 0; ci < compiled.length; ci++) {
    const c = compiled[ci]!;
    // A pattern that overran on an earlier file is not run again: one budget per pattern, not per file.
    if (overruns.size > 0 && overruns.has(c.key)) continue;
    if (searched) searched.set(c.key, (searched.get(c.key) ?? 0) + 1);
    // The rule's literals decide whether its regex runs; the regex's own required ones only skip
    // files where it cannot match anyway.
    if (c.literalIds || c.requiredIds) {
      const set = c.literalSet!;
      const f = (found ??= set.scan(text));
      if (c.literalIds && !anyPresent(set, f, c.literalIds, text, lowered)) continue;
      if (c.requiredIds && !anyPresent(set, f, c.requiredIds, text, lowered)) continue;
    } else if (c.literals) {
      const hay = c.lowerLiterals ? lowered() : text;
      if (!c.literals.some((l) => hay.includes(l))) continue;
    }
    let out = matches.get(c.key);
    if (!out) matches.set(c.key, (out = []));
    const list = out;
    const record = (m: RegExpExecArray) => {
      lineStarts ??= computeLines(text);
      // A pattern like /^\s*resource/m may start on a blank line above: cite the first real character.
      const lead = m[0].search(/\S/);
      const line = lineIndexAt(lineStarts, m.index + Math.max(lead, 0));
      const start = lineStarts[line]!;
      const end = text.indexOf('\n', start);
      list.push({
        path,
        line: line + 1,
        snippet: snippetOf(text.slice(start, end === -1 ? undefined : end)),
        groups: m.slice(1).map((g) => (g === undefined ? g : detach(g))),
      });
    };
    if (c.guarded === 'always' || (c.guarded !== false && text.length >= c.guarded))
      (guarded ??= []).push({ c, list, record });
    else if (!execAll(c, text, record, measured ? performance.now() + PATTERN_BUDGET_MS : Number.POSITIVE_INFINITY))
      overruns.set(c.key, { path, budgetMs: PATTERN_BUDGET_MS });
  }
  if (guarded) runGuarded(path, text, guarded, overruns);
}

interface GuardedRun {
  c: Compiled;
  list: Match[];
  record: (m: RegExpExecArray) => void;
}

/**
 * The file's guarded patterns, each under its own hard limit, all under one watchdog when none
 * runs away (eachWithTimeLimit): a watchdog per pattern and file cost more than the patterns did.
 * One cut short by the others' time loses its matches and runs again with a whole budget; one
 * that uses up its own is an overrun and keeps what it found, as under a watchdog of its own.
 */
function runGuarded(path: string, text: string, runs: GuardedRun[], overruns: Map<string, Overrun>): void {
  const marks: number[] = [];
  eachWithTimeLimit(
    runs.length,
    PATTERN_BUDGET_MS,
    (i) => {
      const r = runs[i]!;
      marks[i] = r.list.length;
      execAll(r.c, text, r.record, Number.POSITIVE_INFINITY);
    },
    (i) => void overruns.set(runs[i]!.c.key, { path, budgetMs: PATTERN_BUDGET_MS }),
    (i) => void (runs[i]!.list.length = marks[i]!),
  );
}

/** Runs one pattern over the text; false when it passed `deadline` (a performance.now() time). */
function execAll(c: Compiled, text: string, record: (m: RegExpExecArray) => void, deadline: number): boolean {
  c.regex.lastIndex = c.endOnly ? text.length : 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while (n < c.maxPerFile && (m = c.regex.exec(text)) !== null) {
    if (m[0].length === 0) c.regex.lastIndex++;
    record(m);
    n++;
    if (deadline !== Number.POSITIVE_INFINITY && performance.now() > deadline) return false;
  }
  return deadline === Number.POSITIVE_INFINITY || performance.now() <= deadline;
}

function anyPresent(set: LiteralSet, f: Found, ids: number[], text: string, lowered: () => string): boolean {
  for (let i = 0; i < ids.length; i++) if (set.present(f, ids[i]!, text, lowered)) return true;
  return false;
}

export function snippetOf(line: string): string {
  const t = line.replace(/\r$/, '').trim();
  // A copy: a slice would keep the whole file's text alive as long as the match.
  return detach(t.length > SNIPPET_MAX ? `${t.slice(0, SNIPPET_MAX - 1)}…` : t);
}
