/**
 * Ruby (RSpec, Minitest, Rails `test "…"`) and PHP (PHPUnit, Pest) test definitions.
 */
import { lineIndex, literalSize, mask, matchBracket, SYNTAX } from './mask.js';
import { counter } from './types.js';

const RSPEC =
  /^[ \t]*(x?it|x?specify|x?example|x?scenario|its|fit|fspecify|fexample|fscenario|pending|skip)\b[ \t]*(?=\(|['"{]|do\b)/gm;
const SKIPPED_GROUP = /^[ \t]*(?:xdescribe|xcontext|xfeature)\b[^\n]*\bdo\b/gm;

/** Blank `=begin … =end` blocks, Ruby's block comments. */
function withoutBlockComments(text: string): string {
  return text.replace(/^=begin\b[\s\S]*?^=end\b.*$/gm, (s) => s.replace(/[^\n]/g, ' '));
}

export function countRuby(text: string, path: string) {
  const code = mask(withoutBlockComments(text), SYNTAX.ruby);
  const lineOf = lineIndex(code);
  const count = counter();
  const spec = /_spec\.rb$/.test(path);
  // A skipped group runs to the `end` at its own indentation.
  const skippedLines: [number, number][] = [];
  for (const m of code.matchAll(SKIPPED_GROUP)) {
    const indent = /^[ \t]*/.exec(m[0])![0];
    const close = new RegExp(`^${indent}end\\b`, 'm').exec(code.slice(m.index + m[0].length));
    skippedLines.push([lineOf(m.index), close ? lineOf(m.index + m[0].length + close.index) : Infinity]);
  }
  if (spec || /\bdescribe\b[^\n]*\bdo\b|\bMinitest::Spec\b/.test(code)) {
    for (const m of code.matchAll(RSPEC)) {
      const w = m[1]!;
      const line = lineOf(m.index);
      // `pending`/`skip` without a block are statements inside an example, not examples.
      if ((w === 'pending' || w === 'skip') && !/^[^\n]*(?:\bdo\b|\{)/.test(code.slice(m.index))) continue;
      count.add({
        line,
        skipped: /^x/.test(w) || w === 'pending' || w === 'skip' || skippedLines.some(([a, b]) => line > a && line < b),
      });
    }
  }
  if (!spec) {
    for (const m of code.matchAll(/^[ \t]*def[ \t]+(test_\w+[?!]?)/gm)) count.add({ line: lineOf(m.index) });
    for (const m of code.matchAll(/^[ \t]*test[ \t]*\(?[ \t]*['"]/gm)) count.add({ line: lineOf(m.index) });
  }
  const framework = spec
    ? 'RSpec'
    : /\bActiveSupport::TestCase\b|^[ \t]*test\s*\(?\s*['"]/m.test(code)
      ? 'Rails/Minitest'
      : 'Minitest';
  return { ...count.result(), framework };
}

export function countPhp(text: string) {
  const code = mask(text, SYNTAX.php);
  const lineOf = lineIndex(code);
  const count = counter();
  let framework = 'PHPUnit';
  const method = /\bfunction\s+(\w+)\s*\(/g;
  for (const m of code.matchAll(method)) {
    // The docblock and attributes right before the method (the original text: `@test` lives in a comment).
    const before = text.slice(Math.max(0, m.index - 600), m.index);
    const tail = before.slice(Math.max(before.lastIndexOf('}'), before.lastIndexOf(';'), before.lastIndexOf('{')) + 1);
    const isTest = /^test/.test(m[1]!) || /@test\b|#\[\s*(?:\\?PHPUnit\\Framework\\Attributes\\)?Test\b/.test(tail);
    if (!isTest || !/\bpublic\b|^\s*function/.test(`${code.slice(m.index - 40, m.index)} `)) continue;
    const provider = /@dataProvider\b|#\[\s*\\?(?:PHPUnit\\Framework\\Attributes\\)?(?:DataProvider|TestWith)\b/.test(
      tail,
    );
    const withs = (tail.match(/#\[\s*\\?(?:PHPUnit\\Framework\\Attributes\\)?TestWith\b/g) ?? []).length;
    count.add({
      line: lineOf(m.index),
      ...(provider ? { params: withs > 0 && !/DataProvider|@dataProvider/.test(tail) ? withs : null } : {}),
    });
  }
  // Pest: it('…', fn) / test('…', fn) at the top level, with ->skip(), ->todo(), ->with([...]).
  for (const m of code.matchAll(/^(it|test)\s*\(\s*['"]/gm)) {
    framework = 'Pest';
    const end = matchBracket(code, code.indexOf('(', m.index));
    const chain = end > 0 ? /^(?:\s*->\s*\w+\s*\((?:[^()]|\([^()]*\))*\))*/.exec(code.slice(end))![0] : '';
    const withAt = chain.search(/->\s*with\s*\(\s*\[/);
    const params =
      withAt >= 0
        ? (literalSize(code, end + chain.indexOf('[', withAt)) ?? null)
        : /->\s*with\s*\(/.test(chain)
          ? null
          : undefined;
    count.add({
      line: lineOf(m.index),
      skipped: /->\s*(?:skip|todo)\s*\(/.test(chain),
      ...(params !== undefined ? { params } : {}),
    });
  }
  return { ...count.result(), framework };
}
