/** Test classes a line names with a count ("TestStatusModel (4 tests)"): found, and counted in their body. */
import { testInventory } from '../facts/tests/inventory.js';
import type { Claim } from './extract.js';
import { type Finding, type LookupContext, searchFinding } from './lookup.js';
import { namesOf } from './needles.js';
import { fileText } from './problems.js';
import { plain } from './status.js';

/** "TestPaymentEndpoints (4 tests)": the test class the line leads with, when no file defines it. */
export function missingTestClass(ctx: LookupContext, claim: Claim): Finding | null {
  const lead = /^\W*([A-Z]\w{3,60})\s*\(/.exec(plain(claim.text))?.[1];
  // Only a name the search was asked for ("TestHealth" is too plain a name to be planned as code).
  if (!lead || !/^Test[A-Z]|[a-z](?:Tests?|Spec)$/.test(lead) || !namesOf(claim).identifiers.includes(lead))
    return null;
  // Other documents that repeat the name (a test plan, a second report) are not the code.
  const hits = ctx.search.hits.get(`id:${lead}`)?.filter((h) => !/\.(?:md|mdx|rst|txt|adoc)$/i.test(h.path));
  const f = searchFinding(ctx, lead, hits, true);
  return f.present === 'no' ? { ...f, detail: `${lead}, but ${f.detail}` } : null;
}

/** The word a line counts a test class's cases with: "(4 tests)", "(6 casos)", "(3 cas)", "(5 Fälle)", "(2 testes)". */
const CASES = String.raw`(?:tests?|test cases?|cases?|casos?|cas|testes|pruebas|fälle|testfälle|tests? de|用例|个测试|个用例|个)`;

/** A JVM or .NET test method's marker, one a line: @Test, @ParameterizedTest, [Fact], [Theory], [TestMethod]. */
const TEST_MARKER =
  /^\s*(?:@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\b|\[(?:Fact|Theory|Test|TestMethod|TestCase|DataTestMethod)\b)/;

/**
 * "TestStatusModel (4 tests)", "ValidPrazoValidatorTest (6 casos)": a test class named with its
 * count, counted in its body — in Python the `def test_…` methods indented under `class TestStatusModel`,
 * up to the next line at the class's own indentation; in Java, Kotlin and C# the test markers
 * (@Test, @ParameterizedTest, [Fact]…) of the one file named after the class. A class written once and
 * counted is settled; anything else is left to the rest.
 */
export function testClassCount(ctx: LookupContext, claim: Claim): Finding | null {
  const t = plain(claim.text);
  const m = new RegExp(String.raw`^\W*([A-Z]\w{3,60})\s*[(:–—-]\s*(\d{1,4})\s*${CASES}(?!\p{L})`, 'iu').exec(t);
  if (!m || !/^Test[A-Z]|[a-z](?:Tests?|Spec|IT)$/.test(m[1]!)) return null;
  const [, name, said] = m;
  const hits = ctx.search.hits.get(`id:${name}`) ?? [];
  const defs = hits.filter((h) => h.path.endsWith('.py') && new RegExp(`^\\s*class\\s+${name}\\b`).test(h.snippet));
  if (!defs.length) return markedClassCount(ctx, name!, said!, hits);
  if (defs.length !== 1) return null;
  const def = defs[0]!;
  const lines = (fileText(ctx, def.path) ?? '').split('\n');
  const head = lines[def.line - 1];
  if (!head || !new RegExp(`^\\s*class\\s+${name}\\b`).test(head)) return null;
  const indent = /^\s*/.exec(head)![0].length;
  let count = 0;
  for (let i = def.line; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.trim() || l.trim().startsWith('#') || l.trim().startsWith('@')) continue;
    if (/^\s*/.exec(l)![0].length <= indent) break;
    if (/^\s*(?:async\s+)?def\s+test\w*\s*\(/.test(l)) count++;
  }
  return counted(
    name!,
    said!,
    count,
    { path: def.path, line: def.line, snippet: head, where: `${def.path}:${def.line}` },
    'def test_…',
  );
}

/** A test class's counted cases against the count the line gives: the same count confirms, any other contradicts. */
function counted(
  name: string,
  said: string,
  count: number,
  at: { path: string; line: number; snippet: string; where?: string },
  how: string,
): Finding {
  return {
    subject: `${name} (${said} tests)`,
    basis: 'tests',
    valued: true,
    present: count === Number(said) ? 'yes' : 'no',
    detail: `${name} at ${at.where ?? at.path} holds ${count} test method${count === 1 ? '' : 's'} (${how})`,
    evidence: [
      { path: at.path, line: at.line, snippet: at.snippet.trim().slice(0, 120), note: `${count} test methods` },
    ],
  };
}

/** The one Java, Kotlin or C# file named after the class, its test markers counted; null unless exactly one. */
function markedClassCount(
  ctx: LookupContext,
  name: string,
  said: string,
  hits: { path: string; line: number; snippet: string }[],
): Finding | null {
  const files = [
    ...new Set(
      hits
        .filter((h) => new RegExp(`(?:^|/)${name}\\.(?:java|kt|cs|groovy|scala)$`).test(h.path))
        .filter((h) => new RegExp(`\\bclass\\s+${name}\\b`).test(h.snippet))
        .map((h) => h.path),
    ),
  ];
  if (files.length !== 1) return null;
  const path = files[0]!;
  const text = fileText(ctx, path);
  if (!text) return null;
  let count = 0;
  let first = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++)
    if (TEST_MARKER.test(lines[i]!)) {
      count++;
      first ||= i + 1;
    }
  if (!count) return null;
  return counted(name, said, count, { path, line: first, snippet: lines[first - 1]! }, '@Test or [Fact] markers');
}

/** A line's code without its string literals and line comment, in one pass (braces in them are not the class's). */
function codeOf(line: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '/' && line[i + 1] === '/') break;
    else out += c;
  }
  return out;
}

/** "CrearVentasConDetalles (5 tests)": a @Nested test class named with its count, counted; null otherwise. */
export function nestedTestClassCount(ctx: LookupContext, claim: Claim): Finding | null {
  const t = plain(claim.text);
  const m = new RegExp(String.raw`^\W*([A-Z]\w{3,60})\s*[(:–—-]\s*(\d{1,4})\s*${CASES}(?!\p{L})`, 'iu').exec(t);
  return m ? nestedClassCount(ctx, m[1]!, m[2]!, claim.section) : null;
}

/**
 * "CrearVentasConDetalles (5 tests)": a JUnit 5 `@Nested` class of a test file, its test markers
 * counted from its declaration to its closing brace. Only a class declared once, in one test file,
 * with @Nested just above it is counted (a name used twice, or not nested, is left to the rest).
 */
function nestedClassCount(ctx: LookupContext, name: string, said: string, section?: string): Finding | null {
  const declares = new RegExp(`\\bclass\\s+${name}\\b`);
  const inv = ctx.tests ?? testInventory(ctx.files);
  const found: { path: string; line: number }[] = [];
  for (const f of inv.files.filter((x) => /\.(?:java|kt)$/.test(x.path)).slice(0, 400)) {
    const text = fileText(ctx, f.path);
    if (!text?.includes(name)) continue;
    text.split('\n').forEach((l, i) => {
      if (declares.test(l)) found.push({ path: f.path, line: i + 1 });
    });
    if (found.length > 8) return null;
  }
  // "#### VentaService (17 tests)" over "ObtenerDetalles (2 tests)": a name nested in several test
  // classes is the one in the file named for the class the heading gives.
  const owner = section ? /^\W*([A-Z]\w{3,60})\b/.exec(plain(section))?.[1] : undefined;
  const at = found.length > 1 && owner ? found.filter((d) => (d.path.split('/').pop() ?? '').startsWith(owner)) : found;
  if (at.length !== 1) return null;
  const def = at[0]!;
  const lines = (fileText(ctx, def.path) ?? '').split('\n');
  if (!declares.test(lines[def.line - 1] ?? '')) return null;
  const above = lines.slice(Math.max(0, def.line - 5), def.line - 1);
  if (!above.some((l) => /^\s*@Nested\b/.test(l))) return null;
  let depth = 0;
  let opened = false;
  let count = 0;
  for (let i = def.line - 1; i < Math.min(lines.length, def.line + 5000); i++) {
    const l = codeOf(lines[i]!);
    if (i >= def.line && TEST_MARKER.test(l)) count++;
    for (const c of l) {
      if (c === '{') {
        depth++;
        opened = true;
      } else if (c === '}') depth--;
    }
    if (opened && depth <= 0) {
      return counted(
        name,
        said,
        count,
        { path: def.path, line: def.line, snippet: lines[def.line - 1]!, where: `${def.path}:${def.line}` },
        '@Test markers of the @Nested class',
      );
    }
  }
  return null;
}
