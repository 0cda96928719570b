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

describe('the built-in pattern catalogue has no super-linear backtracking', () => {
  it('every pattern is safe by recheck (or recorded as known and bounded by the scan budget)', async () => {
    const recorded: Record<string, string> = existsSync(CHECKED) ? JSON.parse(readFileSync(CHECKED, 'utf8')) : {};
    const all = catalogue();
    expect(all.length).toBeGreaterThan(200);
    const todo = all.filter(([, re]) => !recorded[hash(re)]);
    const verdicts: [string, RegExp, string][] = all
      .filter(([, re]) => recorded[hash(re)])
      .map(([k, re]) => [k, re, recorded[hash(re)]!]);
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const [key, re] = todo[next++]!;
        const d = await check(re.source, re.flags, { timeout: 120_000, randomSeed: 20261204 });
        verdicts.push([
          key,
          re,
          d.status === 'vulnerable'
            ? `${d.complexity.type}${'degree' in d.complexity ? ` ${d.complexity.degree}` : ''}`
            : d.status,
        ]);
      }
    };
    await Promise.all([worker(), worker()]);
    if (process.env.UPDATE_PATTERNS) {
      for (const [, re, v] of verdicts) recorded[hash(re)] = v;
      writeFileSync(CHECKED, `${JSON.stringify(Object.fromEntries(Object.entries(recorded).sort()), null, 2)}\n`);
    }
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
