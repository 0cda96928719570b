/**
 * Every built-in pattern is checked for super-linear backtracking (issue 14): the rules' and the
 * facts' scan patterns, the manifest parsers' key patterns and every regular expression in
 * src/verify. A pattern that backtracks polynomially or exponentially lets a crafted file stall
 * the scan (a 250 KB file of tabs took minutes), so a new one fails this test.
 *
 * The checker is recheck (automata theory plus fuzzing; it finds polynomial as well as
 * exponential blow-ups). safe-regex2 was the alternative: it only measures star height, so it
 * misses the quadratic `^\s*…\s*` patterns that caused the stalls. recheck is slow (seconds per
 * pattern), so its verdicts are recorded in test/patterns.checked.json by pattern text and flags,
 * and only new or changed patterns are checked again; `UPDATE_PATTERNS=1` records them.
 *
 * A pattern is checked alternative by alternative (its top-level `|`): a search for `A|B` costs
 * at most a search for A plus one for B at each position, so the pattern is linear when every
 * alternative is. A small alternative is within the size limits of recheck's automaton checker,
 * which proves its verdict exactly, in milliseconds; a whole pattern of fifty alternatives is not,
 * and fell to the fuzzer (whose time limits made its verdicts differ between runs, see CHECK: the
 * same tracing pattern came out safe, then polynomial; `T` + `to`×38730 runs in linear time).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { scanPlan } from '../src/engine/audit.js';
import { PILLARS } from '../rules/index.js';
import * as manifestText from '../src/facts/manifests/text.js';
import { SUPERLINEAR } from '../src/scan/superlinear.js';

const ROOT = join(import.meta.dirname, '..');
const CHECKED = join(ROOT, 'test', 'patterns.checked.json');

function verifyLiterals(): [string, RegExp][] {
  const dir = join(ROOT, 'src', 'verify');
  const out: [string, RegExp][] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
    const source = ts.createSourceFile(f, readFileSync(join(dir, f), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(source);
        const at = text.lastIndexOf('/');
        // Named by file and text (not line, which moves with every edit above it).
        const re = new RegExp(text.slice(1, at), text.slice(at + 1));
        out.push([`verify/${f}#${hash(re)}`, re]);
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return out;
}

function catalogue(): [string, RegExp][] {
  const rules = PILLARS.flatMap((p) => p.rules.map((r) => r.rule));
  const { patterns } = scanPlan(rules);
  const scan = patterns.map((p): [string, RegExp] => [
    p.key,
    new RegExp(
      p.regex.source,
      [...new Set([...p.regex.flags.replace(/[gy]/g, ''), ...(p.ignoreCase ? 'i' : '')])].join(''),
    ),
  ]);
  const manifests = Object.entries(manifestText)
    .filter(([, v]) => v instanceof RegExp)
    .map(([k, v]): [string, RegExp] => [`facts/manifests/${k}`, v as RegExp]);
  return [...scan, ...manifests, ...verifyLiterals()];
}

const hash = (re: RegExp) => createHash('sha256').update(`${re.source}/${re.flags}`).digest('hex').slice(0, 16);

/**
 * The top-level alternatives of a pattern (inside a group that spans all of it, that group's).
 * An alternative that refers back to a group by number keeps its number: the groups before it
 * become empty groups in front of it. Named back-references are not split.
 */
function alternatives(source: string): string[] {
  if (source.includes('\\k<')) return [source];
  const split = (src: string, before: number): string[] => {
    const parts: [string, number][] = [];
    let depth = 0;
    let inClass = false;
    let start = 0;
    let groups = before;
    let partGroups = before;
    let closeOfFirst = -1;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') {
        depth++;
        if (src[i + 1] !== '?' || (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!')) groups++;
      } else if (c === ')' && --depth === 0 && closeOfFirst === -1) closeOfFirst = i;
      else if (c === '|' && depth === 0) {
        parts.push([src.slice(start, i), partGroups]);
        start = i + 1;
        partGroups = groups;
      }
    }
    parts.push([src.slice(start), partGroups]);
    if (parts.length === 1 && src.startsWith('(') && closeOfFirst === src.length - 1) {
      const open = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(src)![0];
      if (open === '(?:' || !open.startsWith('(?')) {
        const inner = split(src.slice(open.length, -1), before + (open === '(?:' ? 0 : 1));
        if (inner.length > 1) return inner;
      }
    }
    return parts.map(([p, n]) => (n > 0 && /\\[1-9]/.test(p) ? `${'()'.repeat(n)}${p}` : p));
  };
  return split(source, 0);
}

/**
 * The fuzzer judges by how many characters its matcher reads, not by how long that takes: with
 * its default time limits (an attack that runs past a second counts as one) a linear pattern
 * came out polynomial when the machine was busy, and the verdict of a pattern differed from run
 * to run. Without them a verdict no longer depends on the machine's load (see checked()). The
 * whole check has no time limit either: with one (120 s) an alternative of a thousand characters
 * came out "unknown" at a load of 20 and safe at a load of 2 (23 s). The checkers bound their own
 * work by counts (iterations, NFA size), so the verdict is the same on any machine.
 */
const CHECK = {
  timeout: null,
  randomSeed: 20261204,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
};

const RANK = (v: string) =>
  v === 'safe' ? 0 : v.startsWith('polynomial') ? 1 + Number(v.split(' ')[1]) : v === 'exponential' ? 1000 : 1;

const verdictOf = (d: Awaited<ReturnType<typeof check>>) =>
  d.status === 'vulnerable'
    ? `${d.complexity.type}${'degree' in d.complexity ? ` ${d.complexity.degree}` : ''}`
    : d.status;

/**
 * The fuzzer still differs now and then between runs of the same alternative (one run in three
 * of `fmt()…\.json\(\)` came out polynomial, the others safe; that pattern runs in linear time),
 * so a fuzzer's finding counts when a second run repeats it (a third run decides between them).
 * A real blow-up is found run after run; the automaton checker's proofs need no second run.
 */
async function checked(re: RegExp): Promise<string> {
  const first = await check(re.source, re.flags, CHECK);
  if (first.status !== 'vulnerable' || first.checker !== 'fuzz') return verdictOf(first);
  const second = verdictOf(await check(re.source, re.flags, CHECK));
  if (second !== 'safe') return RANK(second) > RANK(verdictOf(first)) ? second : verdictOf(first);
  return verdictOf(await check(re.source, re.flags, CHECK));
}

describe('the built-in pattern catalogue has no super-linear backtracking', () => {
  it('every pattern is safe by recheck (or recorded as known and bounded by the scan budget)', async () => {
    const recorded: Record<string, string> = existsSync(CHECKED) ? JSON.parse(readFileSync(CHECKED, 'utf8')) : {};
    const all = catalogue();
    expect(all.length).toBeGreaterThan(200);
    // Every alternative of every pattern, once (many patterns share alternatives).
    const parts = new Map<string, RegExp>();
    const partsOf = new Map(
      all.map(([k, re]) => {
        const list = alternatives(re.source).map((a) => new RegExp(a, re.flags));
        for (const a of list) parts.set(hash(a), a);
        return [k, list.map(hash)];
      }),
    );
    const found = new Map<string, string>();
    const todo = [...parts].filter(([h]) => {
      if (recorded[h]) found.set(h, recorded[h]);
      return !recorded[h];
    });
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const [h, re] = todo[next++]!;
        found.set(h, await checked(re));
      }
    };
    await Promise.all([worker(), worker()]);
    if (process.env.UPDATE_PATTERNS)
      writeFileSync(CHECKED, `${JSON.stringify(Object.fromEntries([...found].sort()), null, 2)}\n`);
    // A pattern's verdict is its worst alternative's.
    const verdicts: [string, RegExp, string][] = all.map(([k, re]) => [
      k,
      re,
      partsOf
        .get(k)!
        .map((h) => found.get(h)!)
        .reduce((a, b) => (RANK(b) > RANK(a) ? b : a), 'safe'),
    ]);
    // A pattern fixed since must leave the list (the scan guards it at a cost for nothing).
    const verdictOf = new Map(verdicts.map(([k, , v]) => [k, v]));
    const fixed = [...SUPERLINEAR.keys()].filter((k) => verdictOf.get(k) === 'safe');
    expect(fixed, 'remove these from src/scan/superlinear.ts: recheck finds them safe now').toEqual([]);
    const bad = verdicts
      .filter(([key, , v]) => v !== 'safe' && !SUPERLINEAR.has(key))
      .map(([k, re, v]) => `${k} (${v}): /${re.source}/${re.flags}`);
    expect(
      bad,
      'patterns that backtrack super-linearly: rewrite them so no two quantifiers can share a character',
    ).toEqual([]);
  }, 3_600_000);
});

describe('alternatives (what the catalogue check runs recheck on)', () => {
  it('splits at the top level only, into the group that spans the pattern, and keeps group numbers', () => {
    expect(alternatives(String.raw`a\s*b|c(?:d|e)|[|]f|\|g`)).toEqual([
      String.raw`a\s*b`,
      'c(?:d|e)',
      '[|]f',
      String.raw`\|g`,
    ]);
    expect(alternatives('(a|b(c))')).toEqual(['a', 'b(c)']);
    expect(alternatives('(?:a|b)c')).toEqual(['(?:a|b)c']);
    expect(alternatives('(a)(b|c)')).toEqual(['(a)(b|c)']);
    // A back-reference still names its group: the groups before the alternative become empty ones.
    expect(alternatives(String.raw`(x)|y(?=(\w+))\2`)).toEqual(['(x)', String.raw`()y(?=(\w+))\2`]);
    expect(alternatives(String.raw`((?<n>x)|y(?=(\w+))\3)`)).toEqual(['(?<n>x)', String.raw`()()y(?=(\w+))\3`]);
    expect(alternatives(String.raw`(?<n>a)|\k<n>`)).toEqual([String.raw`(?<n>a)|\k<n>`]);
    for (const [src, s] of [
      [String.raw`(x)|y(?=(\w+))\2`, 'yab'],
      [String.raw`((?<n>x)|y(?=(\w+))\3)`, 'yab'],
    ] as const) {
      // The alternative matches what the whole matched (`\2` alone would be the character U+0002).
      const whole = new RegExp(src).exec(s)![0];
      expect(alternatives(src).some((a) => new RegExp(a).exec(s)?.[0] === whole)).toBe(true);
      expect(new RegExp(alternatives(src)[1]!.replace(/^(\(\))+/, '')).exec(s)).toBeNull();
    }
  });
});
