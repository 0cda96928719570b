/**
 * A test the document names that is there but exercises nothing: `test_index_method_returns_view`
 * whose body is `$this->assertTrue(true)`. Its name in the code shows it exists, not that it tests
 * what its name says. (A test that computes its own values inline is left alone.)
 */
import type { Finding, LookupContext } from './lookup.js';
import { escapeRe } from '../util/regex.js';

const TEST_NAME = /^test(?:_\w|[A-Z])\w*$/;
const MAX_BODY = 80;
/** Calls that check a value rather than run the code under test. */
const ASSERTION =
  /^(?:assert\w*|expect|should|fail|markTestSkipped|markTestIncomplete|to[A-Z]\w*|not|resolves|rejects|equal|ok|is(?:True|False|Null)?)$/;

/** The lines of the test whose definition is at `line` (1-based): to its closing brace, or its dedent. */
function body(text: string, line: number): string[] | null {
  const lines = text.split('\n', line + MAX_BODY);
  const head = lines[line - 1];
  if (head === undefined) return null;
  const out: string[] = [];
  if (/^\s*(?:async\s+)?def\s/.test(head)) {
    const indent = /^\s*/.exec(head)![0].length;
    for (let i = line; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.trim() && /^\s*/.exec(l)![0].length <= indent) return out;
      out.push(l);
    }
    return null;
  }
  let depth = 0;
  let opened = false;
  for (let i = line - 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (i > line - 1) out.push(l);
    for (const ch of l) {
      if (ch === '{') {
        depth++;
        opened = true;
      } else if (ch === '}') depth--;
    }
    if (opened && depth <= 0) return out;
  }
  return null;
}

/** Where a string literal opened by the quote at `open` closes; or, when it does not, the offset its scan failed at. */
function closing(code: string, open: number): { closes: boolean; at: number } {
  const quote = code[open];
  for (let j = open + 1; j < code.length; ) {
    const c = code[j];
    if (c === quote) return { closes: true, at: j };
    if (c === '\n') return { closes: false, at: j };
    if (c === '\\') {
      // `\\.`: any character but a line terminator after the backslash.
      const next = code[j + 1];
      if (next === undefined || next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029')
        return { closes: false, at: j };
      j += 2;
    } else j++;
  }
  return { closes: false, at: code.length };
}

/**
 * `code` with each string literal ('…' or "…" on one line, backslash escapes honoured) replaced by a
 * space: what `code.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, ' ')` returns, in linear time.
 * That regex is quadratic: on `'\'\'\'…` (no closing quote) it scans to the line's end from every
 * quote. A quote of the same kind inside a failed scan is one that scan read as escaped, so a scan
 * from it reads the same characters and fails at the same place: it is skipped, not rescanned.
 */
export function blankStrings(code: string): string {
  const failsBefore: Record<string, number> = { "'": -1, '"': -1 };
  let out = '';
  let copied = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if ((c !== "'" && c !== '"') || i < failsBefore[c]!) continue;
    const end = closing(code, i);
    if (!end.closes) {
      failsBefore[c] = end.at;
      continue;
    }
    out += `${code.slice(copied, i)} `;
    copied = end.at + 1;
    i = end.at;
  }
  return out + code.slice(copied);
}

/** The test named `id`, found at its definition, whose body calls nothing but assertions. */
export function emptyTest(ctx: LookupContext, id: string, found: Finding): Finding | null {
  if (!TEST_NAME.test(id) || found.present !== 'yes') return null;
  const def = new RegExp(`\\b(?:function|def|void|fun|fn)\\s+${escapeRe(id)}\\s*\\(`);
  const at = found.evidence.find((e) => e.line && e.snippet && def.test(e.snippet));
  if (!at?.line) return null;
  const text = ctx.readText ? ctx.readText(at.path, 512 * 1024) : ctx.files.read(at.path);
  if (!text) return null;
  const lines = body(text, at.line);
  if (!lines) return null;
  const code = lines
    .map((l) => l.replace(/\/\/[^\n]*|#[^\n]*/, ''))
    .filter((l) => !/^\s*(?:\*|\/\*)/.test(l))
    .join('\n');
  // Only constants asserted: no variable, no call but the assertions, no value but literals
  // ("$this->assertTrue(true)", "expect(true).toBe(true)", "assert True", or no statement at all).
  const calls = [...code.matchAll(/(?<![\w$])([\w$]+)\s*\(/g)].map((m) => m[1]!);
  if (calls.some((c) => !ASSERTION.test(c))) return null;
  const rest = blankStrings(code)
    .replace(/\$this\s*->|\bself\s*\.|\bthis\s*\./g, ' ')
    .replace(/(?<![\w$])([\w$]+)\s*\(/g, ' (');
  if (/\$|\b(?!(?:true|false|null|None|True|False|nil|void)\b)[A-Za-z_]\w*/.test(rest)) return null;
  return {
    ...found,
    present: 'partly',
    detail: `${id} is at ${at.path}:${at.line}, but it asserts nothing of the code: only constants`,
    evidence: [at, ...found.evidence.filter((e) => e !== at)].slice(0, 3),
  };
}
