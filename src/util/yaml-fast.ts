/**
 * A fast reader for the plain block YAML most manifests are written in (DESIGN §9: the `yaml`
 * library spent ~0.5 ms per Kubernetes file, the largest cost of a 100k-file audit). It reads
 * block mappings and sequences, plain and simply quoted scalars, literal block scalars, empty
 * flow collections and flat flow sequences, comments and `---` — and gives up (undefined) on
 * anything else: anchors, tags, escapes, folded scalars, multi-line plain scalars, tabs, odd
 * indentation, directives. The caller then parses with the `yaml` library, so the answer is always
 * the library's: values resolve by the same YAML 1.2 core schema regexes, a duplicate key keeps
 * its first position and its last value, and anything this reader accepts it reads as the
 * library does (checked against it on every YAML file of several real repositories).
 */

/** A node's line, and its children's (by key or index) for containers. */
export interface Lines {
  line: number;
  /** Line of the key of an empty (null) value: the library's answer there is not certain, see lineOf. */
  empty?: boolean;
  /** A block scalar (`|`). */
  block?: boolean;
  keys?: Map<string, Lines>;
  /** Every key: value pair in order, when a key is repeated (keys and the value keep one each). */
  pairs?: [string, unknown, Lines][];
  items?: Lines[];
}

export interface FastDoc {
  value: unknown;
  lines: Lines;
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

// The core schema's plain-scalar tags (yaml/dist/schema/core), in the library's order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

export function resolvePlain(s: string): unknown {
  // Most scalars start with a letter no tag can start with: a string, without the seven tests.
  const c = s.charCodeAt(0) | 0x20;
  if (c >= 0x61 && c <= 0x7a && c !== 0x6e && c !== 0x74 && c !== 0x66) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return Number.parseInt(s.substring(2), 8);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (INT_HEX.test(s)) return Number.parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? Number.NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}

/** A mapping key this reader takes as the plain string it reads as (no number, bool or null). */
const KEY = /^[A-Za-z_][\w./-]*$/;
/** A plain scalar in block context that is read on one line exactly as written. */
const PLAIN = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=\S))(?:[^:#]|:(?=\S)|(?<=\S)#)*$/;
/** A plain scalar inside a flow sequence. */
const FLOW_PLAIN = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[^\s,[\]{}]))[^,[\]{}:#]*$/;

interface Line {
  indent: number;
  /** Content after the indent, comments not yet removed. */
  text: string;
  no: number;
}

/**
 * The documents of a YAML stream, or undefined when it is not in the subset this reader knows.
 * Documents that are not mappings or sequences (an empty document is null) are kept as values.
 */
export function parseFast(text: string): FastDoc[] | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new Reader(text).stream();
  } catch (err) {
    if (err instanceof GiveUp) return undefined;
    throw err;
  }
}

class Reader {
  private readonly raw: string[];
  private lines: Line[] = [];
  private i = 0;

  constructor(text: string) {
    this.raw = text.split('\n');
  }

  stream(): FastDoc[] {
    const docs: FastDoc[] = [];
    let body: Line[] = [];
    let marked = false;
    // Blank and comment lines are left out as they are read (a literal block reads the raw lines):
    // no object per blank line, no second array per document.
    const flush = () => {
      if (body.length > 0) docs.push(this.document(body));
      else if (marked) docs.push({ value: null, lines: { line: 0, empty: true } });
      body = [];
    };
    for (let n = 0; n < this.raw.length; n++) {
      const t = this.raw[n]!;
      if (t.startsWith('---') && (t.length === 3 || t[3] === ' ')) {
        if (t.length > 3 && !t.slice(3).trim().startsWith('#') && t.slice(3).trim() !== '') giveUp();
        flush();
        marked = true;
        continue;
      }
      if (t.startsWith('...') || t.startsWith('%')) giveUp();
      let indent = 0;
      while (t.charCodeAt(indent) === 32) indent++;
      // isBlank's test, whose trim() runs only where the first character after the indent is
      // one it may remove (a line whose first such character is a letter is never blank).
      const c = t.charCodeAt(indent);
      if (indent === t.length || c === 35 /* # */ || ((c <= 32 || c === 0xa0 || c >= 0x1680) && t.trim() === ''))
        continue;
      body.push({ indent, text: t.slice(indent), no: n + 1 });
    }
    flush();
    // Comments alone, no document marker: the library's answer (one empty document or none) is not ours to guess.
    if (docs.length === 0) giveUp();
    return docs;
  }

  private document(content: Line[]): FastDoc {
    this.lines = content;
    this.i = 0;
    const first = content[0]!;
    if (first.indent !== 0) giveUp();
    const node = this.node(0);
    if (this.i < this.lines.length) giveUp();
    return node;
  }

  /** The block node whose first line is the current one, at indent ≥ min. */
  private node(min: number): { value: unknown; lines: Lines } {
    const l = this.lines[this.i]!;
    if (l.indent < min) giveUp();
    if (isItem(l.text)) return this.sequence(l.indent);
    if (keyOf(l.text)) return this.mapping(l.indent);
    return giveUp();
  }

  private mapping(indent: number): { value: unknown; lines: Lines } {
    const value: Record<string, unknown> = {};
    const keys = new Map<string, Lines>();
    let pairs: Lines['pairs'];
    const line = this.lines[this.i]!.no;
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      if (l.indent < indent) break;
      if (l.indent > indent) giveUp();
      const k = keyOf(l.text);
      if (!k) {
        if (isItem(l.text)) break; // a sequence at the parent's indent ends this mapping
        giveUp();
      }
      const [key, rest] = k!;
      this.i++;
      const child = this.valueAfter(rest, l, indent, true);
      // A duplicate key, as the library reads it: its value is the last, its line the first's,
      // and every pair's scalars are listed (pairs keeps them all, from the first duplicate on).
      if (keys.has(key)) pairs ??= [...keys].map(([k, l]) => [k, value[k], l]);
      if (pairs) pairs.push([key, child.value, child.lines]);
      value[key] = child.value;
      if (!keys.has(key)) keys.set(key, child.lines);
    }
    return { value, lines: pairs ? { line, keys, pairs } : { line, keys } };
  }

  private sequence(indent: number): { value: unknown; lines: Lines } {
    const value: unknown[] = [];
    const items: Lines[] = [];
    const line = this.lines[this.i]!.no;
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      if (l.indent < indent) break;
      if (l.indent > indent) giveUp();
      // A key at the sequence's own indent: the sequence was the value of the key above it.
      if (!isItem(l.text)) break;
      const rest = l.text.slice(1);
      const pad = rest.length - rest.trimStart().length;
      const inner = rest.slice(pad);
      if (inner === '' || inner.startsWith('#')) giveUp(); // `-` alone: the item is on later lines
      if (isItem(inner) || keyOf(inner)) {
        // `- key: v` / `- - x`: a node that starts on this line, at the column after the dash.
        this.lines[this.i] = { indent: indent + 1 + pad, text: inner, no: l.no };
        const child = this.node(indent + 1);
        value.push(child.value);
        items.push(child.lines);
        continue;
      }
      this.i++;
      const child = this.valueAfter(inner, l, indent, false);
      value.push(child.value);
      items.push(child.lines);
    }
    return { value, lines: { line, items } };
  }

  /** The value written after `key:` (or `- `) on line `l`, and the lines it takes below. */
  private valueAfter(rest: string, l: Line, indent: number, inMap: boolean): { value: unknown; lines: Lines } {
    const body = stripComment(rest);
    if (body === '') {
      const next = this.lines[this.i];
      if (next && next.indent > indent) return this.node(indent + 1);
      // `key:` then `- item` at the key's own indent: the sequence is the value.
      if (inMap && next && next.indent === indent && isItem(next.text)) return this.sequence(indent);
      return { value: null, lines: { line: l.no, empty: true } };
    }
    let value: unknown;
    const c = body[0]!;
    if (c === '|') value = this.literal(body, indent);
    else if (c === '"') value = doubleQuoted(body);
    else if (c === "'") value = singleQuoted(body);
    else if (c === '[' || c === '{') value = flow(body);
    else if (PLAIN.test(body)) value = resolvePlain(body);
    else giveUp();
    // A scalar continued on a more indented line (a multi-line plain scalar) is not read here.
    if (c !== '|' && this.lines[this.i] && this.lines[this.i]!.indent > indent) giveUp();
    const lines: Lines =
      c === '|'
        ? { line: l.no, block: true }
        : c === '['
          ? { line: l.no, items: (value as unknown[]).map(() => ({ line: l.no })) }
          : c === '{'
            ? { line: l.no, keys: new Map() }
            : { line: l.no };
    return { value, lines };
  }

  /** `|` or `|-` literal block scalar: lines indented past `indent`, newlines kept. */
  private literal(header: string, indent: number): string {
    if (header !== '|' && header !== '|-') giveUp();
    // Block content is read from the raw lines: blank and comment-like lines inside it count.
    let n = this.lines[this.i - 1]!.no; // raw index of the first line after the header
    let blockIndent = -1;
    const out: string[] = [];
    for (; n < this.raw.length; n++) {
      const t = this.raw[n]!;
      let sp = 0;
      while (t.charCodeAt(sp) === 32) sp++;
      if (sp === t.length) {
        // Whitespace-only lines: kept as empty lines; one with spaces beyond the indent is not read here.
        if (sp > 0 && (blockIndent === -1 || sp > blockIndent)) giveUp();
        out.push('');
        continue;
      }
      if (blockIndent === -1) {
        if (sp <= indent) break;
        blockIndent = sp;
      }
      if (sp < blockIndent) {
        if (sp > indent) giveUp();
        break;
      }
      out.push(t.slice(blockIndent));
    }
    // Content up to the end of a file without a final newline: its chomping is not read here.
    if (blockIndent === -1 || (n === this.raw.length && this.raw[n - 1] !== '')) giveUp();
    while (this.i < this.lines.length && this.lines[this.i]!.no <= n) this.i++;
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out.join('\n') + (header === '|' ? '\n' : '');
  }
}

const isItem = (t: string) => t[0] === '-' && (t.length === 1 || t[1] === ' ');

/** `key: rest` → [key, rest], for the keys this reader takes. */
function keyOf(t: string): [string, string] | undefined {
  const colon = t.indexOf(':');
  if (colon <= 0 || (colon + 1 < t.length && t[colon + 1] !== ' ')) return undefined;
  const key = t.slice(0, colon);
  if (!KEY.test(key) || key === '__proto__' || typeof resolvePlain(key) !== 'string') return undefined;
  return [key, t.slice(colon + 1)];
}

/** The text before a comment (` #`), trimmed; quoted text is left to the quote readers. */
function stripComment(rest: string): string {
  const t = rest.trim();
  if (t.startsWith('#')) return '';
  if (t[0] === '"' || t[0] === "'") return t;
  const hash = t.indexOf(' #');
  return hash === -1 ? t : t.slice(0, hash).trimEnd();
}

/** `"text"` without escapes, then nothing or a comment. */
function doubleQuoted(body: string): string {
  const end = body.indexOf('"', 1);
  if (end < 0 || body.includes('\\')) giveUp();
  afterQuote(body, end);
  return body.slice(1, end);
}

function singleQuoted(body: string): string {
  let out = '';
  let i = 1;
  for (;;) {
    const q = body.indexOf("'", i);
    if (q < 0) return giveUp();
    out += body.slice(i, q);
    if (body[q + 1] === "'") {
      out += "'";
      i = q + 2;
      continue;
    }
    afterQuote(body, q);
    return out;
  }
}

function afterQuote(body: string, end: number): void {
  const tail = body.slice(end + 1).trim();
  if (tail !== '' && !tail.startsWith('#')) giveUp();
  if (tail.startsWith('#') && body[end + 1] !== ' ') giveUp();
}

/** `[]`, `{}` and `[a, "b", 3]` on one line. */
function flow(body: string): unknown {
  if (body === '[]') return [];
  if (body === '{}') return {};
  if (body[0] !== '[' || body[body.length - 1] !== ']') return giveUp();
  const inner = body.slice(1, -1);
  if (/[[\]{}'\\]/.test(inner)) giveUp();
  const parts = inner.split(',').map((p) => p.trim());
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((p) => {
    if (p.startsWith('"')) {
      if (!p.endsWith('"') || p.length < 2 || p.slice(1, -1).includes('"')) giveUp();
      return p.slice(1, -1);
    }
    if (!FLOW_PLAIN.test(p)) giveUp();
    return resolvePlain(p);
  });
}
