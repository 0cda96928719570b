/**
 * A test file a heading names ("### tests/test_api.py (629 lines, 44 tests)") and what the list under
 * it says the file tests ("- Session listing"). The file's length and its count of test cases are
 * compared exactly; an item is found when a test of that file is named for it (test_framework_threads
 * for "Thread management") — a test named otherwise proves no gap, so an item not found stays open.
 */
import { testInventory } from '../facts/tests/inventory.js';
import type { Claim } from './extract.js';
import { fileFinding, type Finding, type LookupContext } from './lookup.js';
import { lengthAgreement } from './file-lines.js';
import { fileText } from './problems.js';
import { plain } from './status.js';

/** The file a document names by a path that may start anywhere above the repository ("/home/x/repo/tests/a.py"). */
function testFilePath(ctx: LookupContext, named: string): string | null {
  const f = fileFinding(ctx, named);
  return f.present === 'yes' ? f.evidence[0]!.path : null;
}

/** "(629 lines, 44 tests)": the size and count a heading gives its test file. */
export function testFileHeading(ctx: LookupContext, claim: Claim): Finding[] | null {
  if (claim.source !== 'heading' && !claim.placed) return null;
  const text = plain(claim.text);
  const after = text.slice(text.indexOf(claim.subject) + claim.subject.length);
  const lines = /(?<![\d,])(\d[\d,]*) (?:lines?|l[ií]neas|lignes|zeilen|linhas|righe)(?![\p{L}])/iu.exec(after)?.[1];
  const tests = /(?<![\d,])(\d[\d,]*) (?:tests?|testes|pruebas|testfälle)\b/i.exec(after)?.[1];
  if (!lines && !tests) return null;
  const path = testFilePath(ctx, claim.subject);
  // "#### ProductoService (13 tests)", "Services Layer (90 tests)": a class or a group of the suite,
  // not a file — its count is judged by the test inventory, not by a file of that name.
  if (!path) return /\.[A-Za-z0-9]{1,6}$|\//.test(claim.subject) ? [fileFinding(ctx, claim.subject)] : null;
  const out: Finding[] = [];
  if (lines) {
    const have = (fileText(ctx, path) ?? '').replace(/\n$/, '').split('\n').length;
    const want = Number(lines.replace(/,/g, ''));
    const agrees = lengthAgreement(have, want, { about: /[~≈]\s*$/.test(after.slice(0, after.indexOf(lines))) });
    out.push({
      subject: `${path} length`,
      basis: 'file',
      valued: true,
      present: agrees,
      detail: agrees === 'yes' ? `${path} has ${have} lines` : `${path} has ${have} lines, not ${want}`,
      evidence: [{ path, note: `${have} lines` }],
    });
  }
  if (tests) {
    const inv = ctx.tests ?? testInventory(ctx.files);
    const file = inv.files.find((f) => f.path === path);
    const want = Number(tests.replace(/,/g, ''));
    const cases = file?.cases ?? 0;
    const expanded = file?.expanded ?? cases;
    const ok = want >= cases && want <= expanded;
    out.push({
      subject: `${path} tests`,
      basis: 'tests',
      valued: true,
      present: ok ? 'yes' : 'no',
      detail: ok ? `${path} holds ${cases} test cases` : `${path} holds ${cases} test cases, not ${want}`,
      evidence: [{ path, ...(file?.first ? { line: file.first.line } : {}), note: `${cases} test cases` }],
    });
  }
  return out;
}

const WORD_STOP =
  /^(?:and|with|for|the|from|into|both|each|all|its|their|using|via|without|support|supported|handling|proper|properly|different|multiple|basic|methods?|functions?|function|values?|types?|test|tests|testing|case|cases|correct|correctly|check|checks)$/i;
const stemOf = (w: string) =>
  w
    .toLowerCase()
    .replace(/(?:ing|ions?|ed|es|s)$/, '')
    .slice(0, 6);

/** The names of the tests in a file: test functions, and the titles of it()/test() blocks. */
function testNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:def|fn|func|function)\s+(test\w*|\w*_test\w*|Test\w+)/g)) out.push(m[1]!);
  for (const m of text.matchAll(/\b(?:it|test|describe)\s*\(\s*['"`]([^'"`\n]{3,120})['"`]/g)) out.push(m[1]!);
  return out.map((n) => n.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

/** "- Thread management" under the file's heading: a test of the file named for it. */
export function testedItemFinding(ctx: LookupContext, claim: Claim): Finding | null {
  const path = claim.tested ? testFilePath(ctx, claim.tested) : null;
  if (!path) return null;
  const words = plain(claim.text)
    .replace(/\([^()]*\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && !WORD_STOP.test(w))
    .map(stemOf);
  if (!words.length) return null;
  const names = testNames(fileText(ctx, path) ?? '');
  const subject = `tests of ${plain(claim.text).slice(0, 60)} in ${path}`;
  // One test named for every word of the item: "Session listing" is test_session_list.
  const named = names.filter((n) => {
    const parts = n
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(stemOf);
    const has = (w: string) =>
      parts.some((p) => p === w || (w.length >= 4 && p.startsWith(w)) || (p.length >= 4 && w.startsWith(p)));
    return words.every(has);
  });
  if (named.length)
    return {
      subject,
      basis: 'tests',
      present: 'yes',
      detail: `${path} tests it: ${named.slice(0, 3).join(', ')}`,
      evidence: [{ path, note: named.slice(0, 3).join(', ') }],
    };
  return {
    subject,
    basis: 'tests',
    present: 'unknown',
    detail: `no test in ${path} is named for it; a test named otherwise may cover it`,
    evidence: [],
  };
}
