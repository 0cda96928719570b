/**
 * Test titles quoted in a document's test table or list ("rechaza studyTime fuera de rango | Verifica
 * … | Pass", "- `returns 404 for a missing pot`"): the line says a test of that title exists. A reader
 * settles it by finding the test declared with that title — `it('…')`, `test('…')`, `describe('…')`,
 * `@DisplayName("…")`, or, for a title written as a name, `def test_…`, `func Test…`, `fun `…``. Found,
 * the claim is confirmed at the declaration's file:line; not found, nothing is concluded (a test may
 * have been renamed, or the title paraphrased).
 */
import { testInventory } from '../facts/tests/inventory.js';
import { isTestPath } from '../facts/paths.js';
import type { Finding, LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import { escapeRe } from '../util/regex.js';

const esc = escapeRe;
const MAX_TEST_FILES = 800;

/** The test files to read: the inventory's, else the paths that look like tests. */
const testFiles = new WeakMap<object, string[]>();
function filesOf(ctx: LookupContext): string[] {
  const cached = testFiles.get(ctx.files);
  if (cached) return cached;
  const inv = ctx.tests ?? testInventory(ctx.files);
  const out = [
    ...new Set([
      ...inv.files.map((f) => f.path),
      ...ctx.files.paths.filter(
        (p) => isTestPath(p) && /\.(?:[jt]sx?|mjs|cjs|py|go|java|kt|cs|rb|php|rs|dart|swift|feature)$/.test(p),
      ),
    ]),
  ].slice(0, MAX_TEST_FILES);
  testFiles.set(ctx.files, out);
  return out;
}

/** A title of several words, or a name that is a test's own (test_x, TestX, shouldX). */
const NAME_TITLE = /^(?:test_?\w{4,}|Test[A-Z]\w{3,}|should[A-Z_]\w{3,}|it_\w{4,})$/;

export function testTitleFinding(ctx: LookupContext, title: string): Finding | null {
  let t = title.trim().replace(/^[`'"]+/, '');
  while (/[`'"]$/.test(t)) t = t.slice(0, -1);
  t = t.replace(/\(\)$/, '').trim();
  const words = t.split(/\s+/).filter(Boolean);
  const named = NAME_TITLE.test(t);
  if (!named && (words.length < 3 || t.length < 12 || t.length > 160)) return null;
  if (/[`|]/.test(t)) return null;
  const declared = named
    ? new RegExp(`(?:\\bdef|\\bfunc|\\bfun|\\bvoid|\\bfn|\\basync def)\\s+(?:\\([^)]*\\)\\s*)?${esc(t)}\\s*\\(`)
    : new RegExp(
        `(?:\\b(?:it|test|describe|context|specify|scenario|suite|bench)(?:\\.\\w+)?\\s*\\(\\s*|@DisplayName\\(\\s*|\\bt\\.Run\\(\\s*|\\bfun\\s+)(['"\`])${esc(t)}\\1`,
        'i',
      );
  const anchor = (named ? t : t.slice(0, 24)).toLowerCase();
  for (const path of filesOf(ctx)) {
    const text = fileText(ctx, path) ?? '';
    if (!text.toLowerCase().includes(anchor)) continue;
    const lines = text.split('\n');
    const at = lines.findIndex((l) => declared.test(l));
    if (at < 0) continue;
    return {
      subject: `the test "${t}"`,
      basis: 'tests',
      present: 'yes',
      detail: `${path}:${at + 1} declares the test "${t}"`,
      evidence: [{ path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) }],
    };
  }
  return null;
}
