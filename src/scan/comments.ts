/**
 * Where a file's comments are, so that a scan match in commented-out code is not taken for code
 * (issue 15: `//app.enableShutdownHooks();` passed graceful-shutdown; an "outbound call" was cited
 * from inside a `/* … *\/` block). Decided once here for every rule, per language comment syntax;
 * a pattern that reads comments on purpose (a secret, a type-checker sigil) says so (`comments`).
 *
 * Source languages are masked with the test counters' lexer (strings kept: a pattern may match in
 * a string, never in a comment). Python docstrings and Ruby `=begin … =end` blocks are comments too:
 * a docstring's example call or an `=begin`'d method is documentation, not code. Files whose `#` can also be data mid-line (shell, YAML, Dockerfile,
 * TOML, INI, Makefile) count only whole-line `#` comments: `url#frag` or `${#a}` stay code.
 */
import { maskComments, SYNTAX, type Syntax } from '../facts/tests/mask.js';
import { table } from '../util/table.js';

const C_LIKE: Syntax = { line: ['//'], block: 'flat', single: 'char' };
const SWIFT: Syntax = { line: ['//'], block: 'nested', triple: true, single: 'char' };
const PHP_LINES: Syntax = { ...SYNTAX.php, multiline: false };
const PYTHON: Syntax = { ...SYNTAX.python, docstrings: true };
const RUBY: Syntax = SYNTAX.ruby;

const BY_EXTENSION: Record<string, Syntax> = table({
  js: SYNTAX.js,
  jsx: SYNTAX.js,
  mjs: SYNTAX.js,
  cjs: SYNTAX.js,
  ts: SYNTAX.js,
  tsx: SYNTAX.js,
  mts: SYNTAX.js,
  cts: SYNTAX.js,
  go: SYNTAX.go,
  java: SYNTAX.java,
  groovy: SYNTAX.java,
  scala: SYNTAX.kotlin,
  kt: SYNTAX.kotlin,
  kts: SYNTAX.kotlin,
  cs: SYNTAX.cs,
  rs: SYNTAX.rust,
  // Line-bounded strings here: a .php file may hold HTML whose apostrophes open no string, and an
  // unclosed one must not hide the rest of the file's comments (test counting reads strings across lines).
  php: PHP_LINES,
  py: PYTHON,
  rb: RUBY,
  c: C_LIKE,
  h: C_LIKE,
  cc: C_LIKE,
  cpp: C_LIKE,
  hpp: C_LIKE,
  swift: SWIFT,
  dart: C_LIKE,
});

/** Whole-line `#` comments only (see above). */
const HASH_LINES =
  /\.(?:ya?ml|sh|bash|zsh|toml|ini|cfg|conf|tf|hcl|properties)$|(?:^|\/)(?:Dockerfile|Containerfile)[^/]*$|(?:^|\/)(?:Makefile|[\w.-]+\.mk|Gemfile|Rakefile|Procfile)$|\.(?:dockerfile|containerfile)$/i;

/** Whether a docstring or `=begin` block may open above: then only the masked text decides. */
function maybeLongComment(syn: Syntax, text: string, at: number): boolean {
  if (syn === PYTHON) return text.lastIndexOf('"""', at) !== -1 || text.lastIndexOf("'''", at) !== -1;
  if (syn === RUBY) return text.startsWith('=begin') || text.lastIndexOf('\n=begin', at) !== -1;
  return false;
}

/** Ruby's block comments (`=begin`/`=end` at the start of their lines) blanked, offsets kept. */
const withoutBeginEnd = (text: string) =>
  text.replace(/^=begin\b[\s\S]*?(?:^=end\b.*$|(?![\s\S]))/gm, (s) => s.replace(/[^\n]/g, ' '));

export type CommentTest = (offset: number) => boolean;

/**
 * For one file's text: a test telling whether an offset lies in a comment, or undefined when the
 * file's language has no known comment syntax (then nothing is a comment). The masking is done on
 * the first question only: most files have no match at all.
 */
export function commentTest(path: string, text: string): CommentTest | undefined {
  const dot = path.lastIndexOf('.');
  const syn = dot > path.lastIndexOf('/') ? BY_EXTENSION[path.slice(dot + 1).toLowerCase()] : undefined;
  if (syn) {
    let code: string | undefined;
    return (at) => {
      // Most matches are plainly code: no line-comment marker before them on their line, and the
      // last block opener above them closed before them. Only the others pay for masking the file
      // (once), which decides exactly (a marker inside a string is no comment).
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      if (code === undefined && at - lineStart <= 4096) {
        const before = text.slice(lineStart, at);
        if (!syn.line.some((l) => before.includes(l)) && !maybeLongComment(syn, text, at)) {
          if (!syn.block) return false;
          const open = text.lastIndexOf('/*', at);
          if (open === -1) return false;
          const close = text.indexOf('*/', open + 2);
          if (syn.block === 'flat' && close !== -1 && close + 2 <= at) return false;
        }
      }
      code ??= maskComments(syn === RUBY ? withoutBeginEnd(text) : text, syn);
      const c = text.charCodeAt(at);
      // Blanked where the text had a character: a comment (whitespace is never a match's start).
      return code.charCodeAt(at) === 32 && c !== 32;
    };
  }
  if (HASH_LINES.test(path))
    return (at) => {
      const start = text.lastIndexOf('\n', at - 1) + 1;
      return /^[ \t]*#/.test(text.slice(start, Math.min(at + 1, start + 512)));
    };
  return undefined;
}
