// The one-script bundle (dist/bundle/cli.cjs) in ASCII only, for bin/readiness.js: V8 keeps a
// script's source as a string for as long as the script lives, one byte a character if every
// character is Latin-1, else two. ~1,250 characters of the 3.8 MB (arrows and dashes in comments,
// emoji and CJK in regular expressions) made it a two-byte string: 7.6 MB of heap instead of 3.8,
// and ~7 ms of UTF-8 decoding in every run against ~2 for ASCII read as Latin-1 (docs/performance.md,
// twenty-fourth session). esbuild's `charset: 'ascii'` escapes strings, templates and names; what
// it leaves is rewritten here, each to the same value:
// - a regular expression literal: `new RegExp("…", "flags")` with the same pattern text, escaped
//   as a string (the same `source` and `flags`; checked for each one below);
// - `String.raw` with a template: `String.raw({ raw: [...] }, ...substitutions)`, the same call
//   String.raw makes of a template, with the raw pieces as escaped strings;
// - a comment: each non-ASCII character becomes `?` (a line terminator becomes `\n`, a space a space).
// Anything else that is not ASCII afterwards stops the build.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `text` as a JavaScript string literal in ASCII (every other UTF-16 unit as `\uXXXX`). */
function asciiString(text) {
  return JSON.stringify(text).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NON_ASCII = /[^\x00-\x7f]/;

export function asciiScript(text) {
  const ts = require('typescript');
  const parse = (t) => ts.createSourceFile('cli.cjs', t, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const sf = parse(text);
  const edits = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const start = node.getStart(sf);
      const literal = text.slice(start, node.end);
      if (NON_ASCII.test(literal)) {
        const slash = literal.lastIndexOf('/');
        const body = literal.slice(1, slash);
        const flags = literal.slice(slash + 1);
        const replacement = `new RegExp(${asciiString(body)}, ${JSON.stringify(flags)})`;
        const [a, b] = new Function(`return [${literal}, ${replacement}];`)();
        if (a.source !== b.source || a.flags !== b.flags)
          throw new Error(`ascii: ${literal} changes as ${replacement}`);
        edits.push({ start, end: node.end, replacement });
      }
      return;
    }
    if (node.kind === ts.SyntaxKind.TaggedTemplateExpression) {
      const start = node.getStart(sf);
      const whole = text.slice(start, node.end);
      if (NON_ASCII.test(whole)) {
        if (node.tag.getText(sf) !== 'String.raw')
          throw new Error(`ascii: a tagged template other than String.raw: ${whole.slice(0, 80)}`);
        const t = node.template;
        const raw = [];
        const subs = [];
        if (t.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
          raw.push(text.slice(t.getStart(sf) + 1, t.end - 1));
        } else {
          raw.push(text.slice(t.head.getStart(sf) + 1, t.head.end - 2));
          for (const span of t.templateSpans) {
            const sub = text.slice(span.expression.getStart(sf), span.expression.end);
            if (NON_ASCII.test(sub))
              throw new Error(`ascii: a String.raw substitution not in ASCII: ${sub.slice(0, 80)}`);
            subs.push(sub);
            const lit = span.literal;
            const tail = lit.kind === ts.SyntaxKind.TemplateTail;
            raw.push(text.slice(lit.getStart(sf) + 1, lit.end - (tail ? 1 : 2)));
          }
        }
        if (raw.some((r) => r.includes('\r'))) throw new Error('ascii: a String.raw template with a carriage return');
        const replacement = `String.raw({ raw: [${raw.map(asciiString).join(', ')}] }${subs.map((s) => `, ${s}`).join('')})`;
        if (subs.length === 0 && new Function(`return ${whole};`)() !== new Function(`return ${replacement};`)())
          throw new Error(`ascii: ${whole.slice(0, 80)} changes`);
        edits.push({ start, end: node.end, replacement });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  edits.sort((x, y) => x.start - y.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) throw new Error('ascii: overlapping rewrites');
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  out += text.slice(at);

  // What is left outside every literal and name is in comments (or whitespace).
  if (NON_ASCII.test(out)) {
    const sf2 = parse(out);
    const tokens = [];
    const LITERALS = new Set([
      ts.SyntaxKind.StringLiteral,
      ts.SyntaxKind.NoSubstitutionTemplateLiteral,
      ts.SyntaxKind.TemplateHead,
      ts.SyntaxKind.TemplateMiddle,
      ts.SyntaxKind.TemplateTail,
      ts.SyntaxKind.RegularExpressionLiteral,
      ts.SyntaxKind.Identifier,
      ts.SyntaxKind.PrivateIdentifier,
    ]);
    const collect = (node) => {
      if (LITERALS.has(node.kind)) tokens.push([node.getStart(sf2), node.end]);
      ts.forEachChild(node, collect);
    };
    collect(sf2);
    tokens.sort((x, y) => x[0] - y[0]);
    let k = 0;
    out = out.replace(/[^\x00-\x7f]/g, (c, pos) => {
      while (k < tokens.length && tokens[k][1] <= pos) k++;
      if (k < tokens.length && tokens[k][0] <= pos)
        throw new Error(`ascii: not ASCII in a literal or name: ${out.slice(tokens[k][0], tokens[k][0] + 80)}`);
      if (c === '\u2028' || c === '\u2029') return '\n';
      return /\s/.test(c) ? ' ' : '?';
    });
  }
  const check = parse(out);
  if (check.parseDiagnostics?.length)
    throw new Error(`ascii: the rewritten script does not parse: ${check.parseDiagnostics[0].messageText}`);
  return out;
}
