/**
 * Masking source text so test counters never count a commented-out test or a test name inside a
 * string: comments become spaces and string contents become spaces, keeping every offset and
 * newline, so a line or offset in the masked text is the same line or offset in the original.
 * String delimiters stay, so `it('x')` still reads as a call with a string argument.
 */

export interface Syntax {
  line: string[];
  /** `/* … *\/` comments; `nested` for Rust, Kotlin, Scala. */
  block?: 'flat' | 'nested';
  /** `"""` / `'''` strings (Python, Kotlin, Java text blocks, C# raw strings). */
  triple?: boolean;
  /** `'` starts a string (JS, Python, Ruby, PHP) or a char literal that may be a Rust lifetime. */
  single: 'string' | 'char';
  /** Backtick: JS template literal or Go raw string. */
  backtick?: boolean;
  /** JS regex literals (so `/'/` is not the start of a string). */
  regex?: boolean;
  /** C# verbatim strings `@"…"`; Python string prefixes are plain letters and need nothing. */
  verbatim?: boolean;
  /**
   * Python docstrings (a triple-quoted string standing alone as a module's, class's or function's
   * first statement) are blanked like comments: their text documents code and is not code.
   */
  docstrings?: boolean;
  /** Rust raw strings `r"…"`, `r#"…"#`, `br##"…"##`: no escapes, closed by a quote and as many `#`. */
  raw?: boolean;
  /**
   * Quoted strings run across lines (PHP: a data row of a test can be a multi-line string); with it,
   * heredocs and nowdocs (`<<<EOT … EOT`, `<<<'EOT'`) are strings too, so a quote inside one opens nothing.
   */
  multiline?: boolean;
  /**
   * Quoted strings run across lines, with no heredocs (Rust: `"a\nb"` written over several lines is
   * one string, as in a `#[test_case("--flag", "line 1\nline 2"; "name")]` row).
   */
  spanLines?: boolean;
}

export const SYNTAX = {
  js: { line: ['//'], block: 'flat', single: 'string', backtick: true, regex: true },
  go: { line: ['//'], block: 'flat', single: 'char', backtick: true },
  java: { line: ['//'], block: 'flat', triple: true, single: 'char' },
  kotlin: { line: ['//'], block: 'nested', triple: true, single: 'char' },
  cs: { line: ['//'], block: 'flat', triple: true, single: 'char', verbatim: true },
  rust: { line: ['//'], block: 'nested', single: 'char', raw: true, spanLines: true },
  php: { line: ['//', '#'], block: 'flat', single: 'string', multiline: true },
  python: { line: ['#'], triple: true, single: 'string' },
  ruby: { line: ['#'], single: 'string' },
} satisfies Record<string, Syntax>;

/** Spaces for every code unit but newlines (a per-character regex replace was the mask's top cost). */
const blank = (s: string) =>
  s.indexOf('\n') === -1
    ? ' '.repeat(s.length)
    : s
        .split('\n')
        .map((l) => ' '.repeat(l.length))
        .join('\n');
const SPACE = /\s/;
// What `\s` matches: ASCII whitespace by code, the rest (NBSP, U+2028…) through the regex.
const isSpace = (c: number, ch: string) => (c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(ch));
/** The last `n` non-whitespace code units of text[from, to): all that `last` keeps of a run. */
function tailSignificant(text: string, from: number, to: number, n: number): string {
  let out = '';
  for (let k = to - 1; k >= from && out.length < n; k--)
    if (!isSpace(text.charCodeAt(k), text[k]!)) out = text[k]! + out;
  return out;
}

// The counters of one file (tests, helpers, tables) each ask for its masked code: mask it once.
const recent: { text: string; syn: Syntax; code: string }[] = [];
const plainCache = new Map<Syntax, RegExp>();
const REGEX_BEFORE = /[(,=:[!&|?{};+\-*%<>~^]$|(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|void|yield|await)$/;

export function mask(text: string, syn: Syntax): string {
  for (const r of recent) if (r.syn === syn && r.text === text) return r.code;
  const code = maskUncached(text, syn, true);
  recent.unshift({ text, syn, code });
  if (recent.length > 4) recent.pop();
  return code;
}

/**
 * Comments blanked, strings kept as they are: the scan's view of code (src/scan/comments.ts), where
 * a pattern may match inside a string (a route, a header name) but never in commented-out code.
 */
export function maskComments(text: string, syn: Syntax): string {
  return maskUncached(text, syn, false);
}

function maskUncached(text: string, syn: Syntax, strings: boolean): string {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  let last = ''; // the previous significant code, for the regex-literal heuristic
  // Plain code is copied in runs (text[run, i)), not char by char: per-char strings made masking
  // the slowest part of an audit. `flush` folds a run into `last` exactly as per-char emits did
  // (whitespace chars skipped, the last 12 code units kept).
  let run = 0;
  const flush = () => {
    if (run < i) {
      out.push(text.slice(run, i));
      const sig = tailSignificant(text, run, i, 12);
      if (sig) last = (last + sig).slice(-12);
    }
    run = i;
  };
  const emit = (s: string, code: boolean) => {
    out.push(s);
    if (code && s.trim()) last = (last + s).slice(-12).trimEnd();
  };
  let unclosedHeredocs = 0;
  const firsts = syn.line.map((l) => l[0]).join('');
  // Characters that can start a comment, string, char or regex; any other character is plain code.
  let plain = plainCache.get(syn);
  if (!plain)
    plainCache.set(
      syn,
      (plain = new RegExp(
        `[^${[...new Set([...firsts, '/', '"', "'", '`', '@', ...(syn.multiline ? ['<'] : [])])].map((ch) => `\\${ch}`).join('')}]+`,
        'y',
      )),
    );
  while (i < n) {
    plain.lastIndex = i;
    if (plain.test(text)) {
      i = plain.lastIndex;
      continue;
    }
    const c = text[i]!;
    // PHP 8 attributes `#[Test]` are code, not comments.
    const lineStart =
      firsts.includes(c) &&
      syn.line.find(
        (l) =>
          text.startsWith(l, i) &&
          !(l === '#' && syn.single === 'string' && syn.line.includes('//') && text[i + 1] === '['),
      );
    if (lineStart) {
      let j = text.indexOf('\n', i);
      if (j === -1) j = n;
      flush();
      emit(blank(text.slice(i, j)), false);
      i = j;
      run = i;
      continue;
    }
    if (syn.block && c === '/' && text[i + 1] === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text[j] === '*' && text[j + 1] === '/') depth--, (j += 2);
        else if (syn.block === 'nested' && text[j] === '/' && text[j + 1] === '*') depth++, (j += 2);
        else j++;
      }
      flush();
      emit(blank(text.slice(i, j)), false);
      i = j;
      run = i;
      continue;
    }
    if (syn.triple && (text.startsWith('"""', i) || (syn.single === 'string' && text.startsWith("'''", i)))) {
      const q = text.slice(i, i + 3);
      const end = findClose(text, i + 3, q, syn.single === 'string');
      flush();
      if (syn.docstrings && isDocstring(text, i, end, last)) emit(blank(text.slice(i, end)), false);
      else emit(strings ? q + blank(text.slice(i + 3, end - 3)) + q : text.slice(i, end), true);
      i = end;
      run = i;
      continue;
    }
    if (syn.verbatim && c === '@' && text[i + 1] === '"') {
      let j = i + 2;
      while (j < n && !(text[j] === '"' && text[j + 1] !== '"')) j += text[j] === '"' ? 2 : 1;
      flush();
      emit(strings ? `@"${blank(text.slice(i + 2, j))}"` : text.slice(i, j + 1), true);
      i = j + 1;
      run = i;
      continue;
    }
    if (c === '"' && syn.raw) {
      // The `r#` before the quote was copied as code; count its hashes back to the `r`.
      let k = 0;
      while (text[i - 1 - k] === '#') k++;
      const r = i - 1 - k;
      if (
        text[r] === 'r' &&
        !/[\w]/.test(text[r - 1] === 'b' || text[r - 1] === 'c' ? (text[r - 2] ?? '') : (text[r - 1] ?? ''))
      ) {
        const close = `"${'#'.repeat(k)}`;
        const at = text.indexOf(close, i + 1);
        const end = at < 0 ? n : at + close.length;
        flush();
        emit(strings ? `"${blank(text.slice(i + 1, end - close.length))}${close}` : text.slice(i, end), true);
        i = end;
        run = i;
        continue;
      }
    }
    if (c === '<' && syn.multiline && unclosedHeredocs < MAX_UNCLOSED_HEREDOCS && text.startsWith('<<<', i)) {
      const end = heredocEnd(text, i);
      // A heredoc never closed searched the rest of the file: a few such are read, then `<<<` is
      // plain code (thousands of unclosed openers were a quadratic mask).
      if (end === -2) unclosedHeredocs++;
      if (end > 0) {
        flush();
        emit(strings ? `"${blank(text.slice(i + 1, end - 1))}"` : text.slice(i, end), true);
        i = end;
        run = i;
        continue;
      }
    }
    if (c === '"' || (c === "'" && syn.single === 'string') || (c === '`' && syn.backtick)) {
      // A JS template ends at the backtick outside its `${…}` substitutions, which may hold templates of their own.
      const end =
        c === '`' && syn.regex
          ? templateEnd(text, i + 1)
          : findClose(text, i + 1, c, c !== '`' || !!syn.regex, c !== '`' && !syn.multiline && !syn.spanLines);
      flush();
      emit(
        strings ? c + blank(text.slice(i + 1, end - 1)) + (end - 1 > i ? text[end - 1]! : '') : text.slice(i, end),
        true,
      );
      i = end;
      run = i;
      continue;
    }
    if (c === "'" && syn.single === 'char') {
      // 'a', '\n', '\u{1F600}' are chars; a Rust lifetime 'a has no closing quote.
      const m = /^'(?:\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)|[^'\\\n])'/.exec(text.slice(i, i + 14));
      if (m) {
        flush();
        emit(strings ? `'${blank(m[0].slice(1, -1))}'` : m[0], true);
        i += m[0].length;
        run = i;
        continue;
      }
    }
    // `</` closes a JSX element (`<>x</>`, `</Route>`): a regex there ran to the `/` of a later
    // `/>` on the line and blanked the `}` between, so the test's body never closed (round 38).
    if (syn.regex && c === '/' && text[i - 1] !== '<' && (flush(), REGEX_BEFORE.test(last || '('))) {
      const j = regexEnd(text, i);
      if (j > 0) {
        flush();
        emit(strings ? `/${blank(text.slice(i + 1, j - 1))}/` : text.slice(i, j), true);
        i = j;
        run = i;
        continue;
      }
    }
    i++;
  }
  flush();
  return out.join('');
}

/**
 * A docstring: alone on its lines (only a string prefix before it, only a comment after it) and
 * the first statement of its body: nothing before it in the file, or the code before it ends a
 * `def …:` / `class …:` header. A string passed on, assigned or continued (`x = (`, `"""…""",`)
 * is a value and stays code.
 */
function isDocstring(text: string, start: number, end: number, last: string): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const prefix = /^[ \t]*([rRuU]?)$/.exec(text.slice(lineStart, start));
  if (!prefix) return false;
  let eol = text.indexOf('\n', end);
  if (eol === -1) eol = text.length;
  if (!/^[ \t]*(?:#.*)?\r?$/.test(text.slice(end, eol))) return false;
  const before = prefix[1] ? last.slice(0, -1) : last;
  return before === '' || before.endsWith(':');
}

/**
 * Index just past a PHP heredoc or nowdoc starting at `start` (`<<<EOT`, `<<<"EOT"`, `<<<'EOT'`):
 * its closing identifier is the first on a line of its own (indented, PHP 7.3+) not followed by a
 * word character; -1 when `start` opens none, -2 when it is never closed.
 */
const MAX_UNCLOSED_HEREDOCS = 20;

function heredocEnd(text: string, start: number): number {
  const open = /^<<<[ \t]*(["']?)([A-Za-z_]\w{0,63})\1\r?\n/.exec(text.slice(start, start + 80));
  if (!open) return -1;
  const close = new RegExp(`\\n[ \\t]*${open[2]}(?!\\w)`, 'g');
  close.lastIndex = start + open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index + m[0].length : -2;
}

/** Index just past the closing quote; unterminated single-line strings end at the newline. */
function findClose(text: string, from: number, q: string, escapes: boolean, singleLine = false): number {
  let j = from;
  while (j < text.length) {
    if (escapes && text[j] === '\\') {
      j += 2;
      continue;
    }
    if (text.startsWith(q, j)) return j + q.length;
    if (singleLine && q.length === 1 && text[j] === '\n') return j;
    j++;
  }
  return text.length;
}

/** Index just past the backtick closing a JS template whose content starts at `from`. */
function templateEnd(text: string, from: number, depth = 0): number {
  let j = from;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '\\') j += 2;
    else if (c === '`') return j + 1;
    else if (c === '$' && text[j + 1] === '{' && depth < 20) j = substitutionEnd(text, j + 2, depth + 1);
    else j++;
  }
  return text.length;
}

/** Index just past the `}` closing a `${` substitution: braces counted, strings and templates skipped. */
function substitutionEnd(text: string, from: number, depth: number): number {
  let braces = 1;
  let j = from;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '`') j = templateEnd(text, j + 1, depth);
    else if (c === '"' || c === "'") j = findClose(text, j + 1, c, true, true);
    else {
      if (c === '{') braces++;
      else if (c === '}' && --braces === 0) return j + 1;
      j++;
    }
  }
  return text.length;
}

function regexEnd(text: string, start: number): number {
  let j = start + 1;
  let cls = false;
  while (j < text.length && text[j] !== '\n') {
    const c = text[j]!;
    if (c === '\\') j += 2;
    else {
      if (c === '[') cls = true;
      else if (c === ']') cls = false;
      else if (c === '/' && !cls) return j + 1;
      j++;
    }
  }
  return -1;
}

/** 1-based line of an offset, through a precomputed table of line starts. */
export { lineLookup as lineIndex } from '../../util/lines.js';

/**
 * Offset just past the bracket matching the one at `open` in masked code, or -1. Most brackets close
 * within a few hundred characters, found by a short scan; one that does not is answered from one
 * pass over the whole text (closerOf), so that readers asking about thousands of unclosed openers
 * (a hostile test file of 20,000 `it('x', () => {` took 63 s) do not each scan to its end.
 */
export function matchBracket(code: string, open: number): number {
  // Char codes, not one-character strings and a lookup table: it runs over most of every test file.
  const stack: number[] = [];
  const near = Math.min(code.length, open + NEAR);
  for (let j = open; j < near; j++) {
    const c = code.charCodeAt(j);
    if (c === 0x28) stack.push(0x29);
    else if (c === 0x5b) stack.push(0x5d);
    else if (c === 0x7b) stack.push(0x7d);
    else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return j + 1;
    }
  }
  if (near === code.length || stack.length === 0) return -1;
  return closerOf(code, open);
}
/** How far matchBracket scans before it asks the whole text's pairing. */
const NEAR = 1024;

/**
 * Brackets of `code` paired in one pass from `from`, with one stack: `paired(open, end)` for each
 * pair (`end` is the index after the closer). A mismatched closer fails every opener still open, as
 * each one's own `matchBracket` scan would meet it too; an opener never closed is never paired.
 * `done(j, open)` may end the pass early (`open`: how many openers are open at `j`).
 */
function pairBrackets(
  code: string,
  from: number,
  paired: (open: number, end: number) => void,
  done?: (j: number, open: number) => boolean,
): void {
  const close: number[] = [];
  const at: number[] = [];
  for (let j = from; j < code.length; j++) {
    if (done?.(j, at.length)) return;
    const c = code.charCodeAt(j);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      close.push(c === 0x28 ? 0x29 : c === 0x5b ? 0x5d : 0x7d);
      at.push(j);
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      if (close.length === 0) continue;
      if (close[close.length - 1] !== c) {
        close.length = 0;
        at.length = 0;
        continue;
      }
      close.pop();
      paired(at.pop()!, j + 1);
    }
  }
}

/** Pairings of the last few texts asked about (readers alternate between a file and its parts). */
const closesOf: { code: string; closes: Int32Array }[] = [];

/**
 * `matchBracket` for any opener of `code`, from one pass over it (kept for the last texts asked
 * about): for readers that find their openers one after another, so that a file of thousands of
 * unclosed `@Test(` is not scanned to its end per opener. Same answers as `matchBracket` at every
 * opening bracket.
 */
export function closerOf(code: string, open: number): number {
  let entry = closesOf.find((e) => e.code === code);
  if (!entry) {
    const closes = new Int32Array(code.length).fill(-1);
    pairBrackets(code, 0, (o, end) => {
      closes[o] = end;
    });
    entry = { code, closes };
    closesOf.unshift(entry);
    if (closesOf.length > 4) closesOf.pop();
  }
  return open >= 0 && open < code.length ? entry.closes[open]! : -1;
}

/**
 * `matchBracket` for many openers in one pass over `code`: for each position of `opens` (each an
 * opening bracket), the index after its closing bracket, or -1 (a mismatched closer inside it, or
 * never closed). Nothing is kept between calls, so no other text evicts the answer.
 */
export function matchBrackets(code: string, opens: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (opens.length === 0) return out;
  const wanted = new Set(opens);
  let first = code.length;
  let last = -1;
  for (const p of opens) {
    first = Math.min(first, p);
    last = Math.max(last, p);
  }
  pairBrackets(
    code,
    first,
    (o, end) => {
      if (wanted.has(o)) out.set(o, end);
    },
    // Past the last wanted opener with none open, nothing more can be learnt.
    (j, open) => j > last && open === 0,
  );
  for (const p of opens) if (!out.has(p)) out.set(p, -1);
  return out;
}

/**
 * Top-level elements of a list or tuple literal starting at `open` (masked code), or undefined
 * when the literal is not closed. `[a, b, c,]` → 3; `[]` → 0. A nested bracket is stepped over
 * to its closer (closerOf), so that literals nested thousands deep, each asked about, are not each
 * read to the end of the outermost one.
 */
export function literalSize(code: string, open: number): number | undefined {
  const end = matchBracket(code, open);
  if (end < 0) return undefined;
  // Only a long literal asks the whole text's pairing (a short one is read as it is).
  const far = end - open > NEAR;
  let depth = 0;
  let count = 0;
  let content = false;
  for (let j = open + 1; j < end - 1; j++) {
    const c = code.charCodeAt(j);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      // Balanced inside a closed literal: paired the same way, and nothing inside is at the top.
      const close = far && depth === 0 ? closerOf(code, j) : -1;
      if (close > j && close <= end - 1) {
        content = true;
        j = close - 1;
        continue;
      }
      depth++;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) depth--;
    if (depth === 0 && c === 0x2c) {
      if (content) count++;
      content = false;
    } else if (!isSpace(c, code[j]!)) content = true;
  }
  return count + (content ? 1 : 0);
}
