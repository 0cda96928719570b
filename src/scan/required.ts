/**
 * Literal text a regex cannot match without (DESIGN §9): `\b(MapHealthChecks|AddHealthChecks)\b`
 * matches nothing in a file that contains neither name. A rule's own `literals` are often looser
 * (`health`, present in half of a repository's files), and then the regex ran over every such
 * file. The scanner also asks for these before it runs the regex: both are necessary, so the
 * matches are the same; only files where the regex cannot match are skipped.
 *
 * The regex source is read with a small parser of JavaScript regex syntax (without the `u` or
 * `v` flag). Anything it does not know gives no literals, never wrong ones.
 */

/**
 * Strings a text holds one of wherever the regex matches in it (ASCII, case-folded when the regex
 * ignores case), or undefined: in the match itself, or beside it where a positive lookaround looks.
 */
export function requiredLiterals(regex: RegExp): string[] | undefined {
  if (/[uv]/.test(regex.flags)) return undefined;
  try {
    const node = new Parser(regex.source).parse();
    const req = all(node)[0];
    if (!req || req.size === 0) return undefined;
    // Any part of a required string is required too: a prefix keeps the prefilter's automaton small.
    const list = [...req].map((s) => s.slice(0, MAX_LENGTH));
    if (list.some((s) => s.length < MIN_LENGTH)) return undefined;
    return [...new Set(regex.flags.includes('i') ? list.map((s) => s.toLowerCase()) : list)];
  } catch {
    return undefined;
  }
}

/** One top-level alternative of a regex (`a|b|c` has three), and what every match of it contains. */
export interface Alternative {
  /** Its source, as written. */
  source: string;
  /** How many capture groups it holds. */
  groups: number;
  /**
   * Sets of strings, best first: a text it matches in holds one string of each set (ASCII, lower
   * case when the regex ignores case), in the match or where a positive lookaround of it looks.
   * None: it can match anywhere.
   */
  clauses: string[][];
}

/**
 * The regex's top-level alternatives with their clauses. An alternative whose clauses a text
 * does not satisfy cannot match anywhere in it, so leaving it out of the alternation changes no
 * match (the scanner runs only the others). Undefined when the source cannot be read, holds a
 * numbered back-reference (a regex of some alternatives numbers its groups differently), or an
 * alternative refers by name to a group outside itself: left without that group, `\k<name>` would
 * mean another thing or nothing. A named back-reference to a group of its own alternative goes
 * wherever the alternative goes (graceful-shutdown's `["SIGTERM", …].forEach((s) => process.on(s`:
 * the whole pattern of 27 alternatives ran on every file with `SIG` or `TERM`).
 */
export function alternativesOf(regex: RegExp): Alternative[] | undefined {
  if (/[uv]/.test(regex.flags) || /\\[1-9]/.test(regex.source)) return undefined;
  try {
    const parser = new Parser(regex.source);
    parser.parse();
    const fold = regex.flags.includes('i');
    const sources = parser.top.map(({ from, to }) => regex.source.slice(from, to));
    if (
      sources.some(
        (src, i) =>
          !ownReferences(
            src,
            sources.filter((_, j) => j !== i),
          ),
      )
    )
      return undefined;
    return parser.top.map(({ from, to, info }) => {
      const source = regex.source.slice(from, to);
      const clauses = all(info)
        // A one-character string is in nearly every text: not worth a search.
        .filter((c) => shortest(c) >= 2)
        .map((c) => [...new Set([...c].map((x) => (fold ? x.toLowerCase() : x)))]);
      return { source, groups: captureGroups(source), clauses };
    });
  } catch {
    return undefined;
  }
}

/**
 * Whether every `\k<name>` in an alternative's source names a group `(?<name>` of that alternative and
 * of no other (read as text: anything that looks otherwise keeps the regex whole).
 */
function ownReferences(source: string, others: readonly string[]): boolean {
  for (const m of source.matchAll(/\\k<([^>]*)>/g)) {
    const group = `(?<${m[1]}>`;
    if (!source.includes(group) || others.some((o) => o.includes(group))) return false;
  }
  return true;
}

/**
 * The regex of the alternatives marked alive (in their order, with the whole regex's flags), and
 * for each of its capture groups the index of the same group in the whole regex.
 */
export function someAlternatives(
  alts: readonly Alternative[],
  alive: readonly boolean[],
  flags: string,
): { regex: RegExp; groupAt: number[] } {
  const parts: string[] = [];
  const groupAt: number[] = [];
  let at = 0;
  alts.forEach((a, i) => {
    if (alive[i]) {
      parts.push(a.source);
      for (let g = 0; g < a.groups; g++) groupAt.push(at + g);
    }
    at += a.groups;
  });
  return { regex: new RegExp(parts.join('|'), flags), groupAt };
}

/** Capture groups in a regex source: `(` that is not `(?:`, a lookaround or escaped, or `(?<name>`. */
function captureGroups(source: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && !'=!'.includes(source[i + 3] ?? ''))))
      n++;
  }
  return n;
}

/**
 * Shorter literals are too common to be worth a check. Products of small sets (`["']x["']`) stay
 * small; an alternation of many names may list a few hundred (one automaton holds them all).
 */
const MIN_LENGTH = 3;
const MAX_PRODUCT = 64;
const MAX_UNION = 512;
const MAX_LENGTH = 10;
/** Clauses kept per node: each one the scanner checks costs a search of the text. */
const MAX_CLAUSES = 4;

interface Info {
  /** Every string the node can match, when that set is small and finite. */
  exact: Set<string> | null;
  /**
   * Sets of strings, best first (see better): every match contains one string of each set, or
   * its text does beside it (a positive lookaround's, which consumes nothing). The
   * first is what requiredLiterals gives; the scanner checks them all, per top-level alternative.
   */
  clauses: Set<string>[];
}

const ANY: Info = { exact: null, clauses: [] };
const EMPTY: Info = { exact: new Set(['']), clauses: [] };

class Unknown extends Error {}

/** ASCII that stands for itself in a regex; a quantifier's first character. */
const PLAIN_CHAR = /^[A-Za-z0-9_ \-:;,'"<>=!@#%&~`/]$/;
const QUANTIFIER = /^[*+?{]$/;
/** The two as tables by character code (ASCII; a test per source character was a visible cost). */
const PLAIN_CODE = Uint8Array.from({ length: 128 }, (_, c) => (PLAIN_CHAR.test(String.fromCharCode(c)) ? 1 : 0));
const QUANTIFIER_CODE = Uint8Array.from({ length: 128 }, (_, c) => (QUANTIFIER.test(String.fromCharCode(c)) ? 1 : 0));
/** A group's opening after `(`, and a quantifier's braces, read where the parser is (sticky). */
const GROUP_OPEN = /\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/y;
const BRACES = /\{(\d+)(?:(,)(\d*))?\}/y;

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Info {
    const node = this.disjunction();
    if (this.i !== this.src.length) throw new Unknown();
    return node;
  }

  /** The top-level alternatives: where each starts and ends in the source, and what it needs. */
  readonly top: { from: number; to: number; info: Info }[] = [];
  private depth = 0;

  private disjunction(): Info {
    const top = this.depth++ === 0;
    let from = this.i;
    const alts = [this.alternative()];
    if (top) this.top.push({ from, to: this.i, info: alts[0]! });
    while (this.src[this.i] === '|') {
      this.i++;
      from = this.i;
      alts.push(this.alternative());
      if (top) this.top.push({ from, to: this.i, info: alts.at(-1)! });
    }
    this.depth--;
    if (alts.length === 1) return alts[0]!;
    const exact = alts.every((a) => a.exact) ? union(alts.map((a) => a.exact!)) : null;
    return { exact, clauses: either(alts.map(all)) };
  }

  private alternative(): Info {
    const terms: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const run = this.literalRun();
      terms.push(run ? char(run) : this.quantified(this.atom()));
    }
    return concat(terms);
  }

  /** Plain characters read as one string (`MapHealthChecks`), up to one a quantifier applies to. */
  private literalRun(): string {
    let j = this.i;
    const src = this.src;
    while (j < src.length && PLAIN_CODE[src.charCodeAt(j)] === 1 && QUANTIFIER_CODE[src.charCodeAt(j + 1)] !== 1) j++;
    const run = this.src.slice(this.i, j);
    this.i = j;
    return run;
  }

  private atom(): Info {
    const c = this.src[this.i]!;
    this.i++;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY;
    if (c === '[') return this.cls();
    if (c === '(') return this.group();
    if (c === '\\') return this.escape();
    if ('*+?{}])'.includes(c)) throw new Unknown(); // a quantifier with nothing before it, or an odd brace
    return char(c);
  }

  private group(): Info {
    let lookaround = false;
    let positive = false;
    if (this.src[this.i] === '?') {
      GROUP_OPEN.lastIndex = this.i;
      const m = GROUP_OPEN.exec(this.src);
      if (!m) throw new Unknown();
      lookaround = m[0] !== '?:' && !m[0].startsWith('?<') ? true : m[0] === '?<=' || m[0] === '?<!';
      positive = m[0] === '?=' || m[0] === '?<=';
      this.i += m[0].length;
    }
    const inner = this.disjunction();
    if (this.src[this.i] !== ')') throw new Unknown();
    this.i++;
    // A lookaround consumes nothing: for the text a match covers, it is the empty string. A positive
    // one still needs its own text beside the match (`(?=\w*?[Rr]etr)`: a file without `retr` or
    // `Retr` has no match), and the scanner asks the file's text, not the match, for its clauses.
    return positive ? { exact: EMPTY.exact, clauses: all(inner) } : lookaround ? EMPTY : inner;
  }

  private escape(): Info {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unknown();
    if (c === 'b' || c === 'B') return EMPTY;
    if ('dDwWsS'.includes(c)) return ANY;
    if (/[1-9]/.test(c) || c === 'k') {
      // A back-reference: it matches what its group did, which we do not track.
      while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
      if (c === 'k') {
        const end = this.src.indexOf('>', this.i);
        if (this.src[this.i] !== '<' || end < 0) throw new Unknown();
        this.i = end + 1;
      }
      return ANY;
    }
    const code = escapedChar(c, this.src, this.i);
    if (code === undefined) throw new Unknown();
    this.i += code.skip;
    return code.ch === undefined ? ANY : char(code.ch);
  }

  /** A character class: its characters when it lists a few (`["']`, `[fF]`). */
  private cls(): Info {
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let small = true;
    for (;;) {
      let c = this.src[this.i++];
      if (c === undefined) throw new Unknown();
      // In JavaScript `]` always closes: `[]` matches nothing, `[^]` anything.
      if (c === ']') break;
      if (c === '\\') {
        const e = this.src[this.i++];
        if (e === undefined) throw new Unknown();
        if ('dDwWsSbB'.includes(e)) {
          small = false;
          continue;
        }
        const code = escapedChar(e, this.src, this.i);
        if (code === undefined || code.ch === undefined) throw new Unknown();
        this.i += code.skip;
        c = code.ch;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== undefined) {
        // A range: too many characters to list (we only keep small classes).
        this.i++;
        const hi = this.src[this.i++];
        if (hi === '\\') this.i++;
        small = false;
        continue;
      }
      chars.add(c);
    }
    if (negated || !small || chars.size === 0 || chars.size > 4 || [...chars].some((ch) => ch.charCodeAt(0) > 127))
      return ANY;
    return { exact: chars, clauses: [chars] };
  }

  private quantified(atom: Info): Info {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*') (min = 0), (max = Infinity), this.i++;
    else if (c === '+') (min = 1), (max = Infinity), this.i++;
    else if (c === '?') (min = 0), (max = 1), this.i++;
    else if (c === '{') {
      BRACES.lastIndex = this.i;
      const m = BRACES.exec(this.src);
      if (!m) throw new Unknown(); // a literal brace in Annex B syntax: not read here
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.i += m[0].length;
    } else return atom;
    if (this.src[this.i] === '?') this.i++; // lazy: the same strings
    if (min === 0 && max === 1) return { exact: atom.exact ? union([atom.exact, new Set([''])]) : null, clauses: [] };
    if (min === 0) return ANY;
    // At least one repetition: whatever one repetition requires, the whole does.
    if (min === max && atom.exact && min <= 4) return concat(Array.from({ length: min }, () => atom));
    return { exact: null, clauses: all(atom) };
  }
}

/** One character, or a run of plain ASCII characters read as one. */
function char(c: string): Info {
  if (c.charCodeAt(0) > 127) return ANY;
  const s = new Set([c]);
  return { exact: s, clauses: [s] };
}

/** The character an escape stands for (`\.`, `\n`, `\x41`), and how many more source characters it takes. */
function escapedChar(c: string, src: string, at: number): { ch: string | undefined; skip: number } | undefined {
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f' };
  if (simple[c]) return { ch: simple[c], skip: 0 };
  if (c === '0' && !/[0-9]/.test(src[at] ?? '')) return { ch: '\0', skip: 0 };
  if (c === 'x' && /^[0-9a-fA-F]{2}/.test(src.slice(at)))
    return { ch: String.fromCharCode(Number.parseInt(src.slice(at, at + 2), 16)), skip: 2 };
  if (c === 'u' && /^[0-9a-fA-F]{4}/.test(src.slice(at)))
    return { ch: String.fromCharCode(Number.parseInt(src.slice(at, at + 4), 16)), skip: 4 };
  // An escaped punctuation character is itself; an escaped letter or digit we do not know is not read.
  if (/[^A-Za-z0-9]/.test(c)) return { ch: c, skip: 0 };
  return undefined;
}

function union(sets: Set<string>[]): Set<string> | null {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out.size > MAX_UNION ? null : out;
}

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_PRODUCT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** A node's clauses and, as one more, its exact strings (when none is empty), best first. */
function all(info: Info): Set<string>[] {
  return info.exact && info.exact.size > 0 && !info.exact.has('')
    ? ranked([...info.clauses, info.exact])
    : info.clauses;
}

/** Clauses best first (see better), without repeats, at most MAX_CLAUSES. */
function ranked(clauses: Set<string>[]): Set<string>[] {
  if (clauses.length === 0) return clauses;
  const seen = new Set<string>();
  const out: Set<string>[] = [];
  // Each clause's sort key and shortest string once, not at every comparison (building the keys
  // in the comparator was a third of compiling a run's patterns).
  const ranks = clauses.map((c) => ({ c, short: shortest(c), key: [...c].sort().join('\0') }));
  ranks.sort((a, b) => b.short - a.short || a.c.size - b.c.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { c, key } of ranks) {
    if (c.size === 0 || c.has('') || seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out.slice(0, MAX_CLAUSES);
}

/**
 * What a match of one of `alts` contains: one string of the union of one clause from each (any
 * such choice is sound). The k-th best of each, for each k, keeps the unions few and useful.
 */
function either(alts: Set<string>[][]): Set<string>[] {
  if (alts.some((a) => a.length === 0)) return [];
  const out: Set<string>[] = [];
  const most = Math.max(...alts.map((a) => a.length));
  for (let k = 0; k < most; k++) {
    const u = union(alts.map((a) => a[Math.min(k, a.length - 1)]!));
    if (u) out.push(u);
  }
  return ranked(out);
}

function shortest(s: Set<string>): number {
  let n = Infinity;
  for (const x of s) if (x.length < n) n = x.length;
  return n;
}

/**
 * A sequence: its exact strings when every part has them (a cross product, while small), and its
 * clauses: every part's own, and each run of exact parts joined (`["']health`).
 */
function concat(terms: Info[]): Info {
  let exact: Set<string> | null = new Set(['']);
  const clauses: Set<string>[] = [];
  let run: Set<string> | null = new Set(['']);
  const flush = () => {
    const r = nonEmpty(run);
    if (r) clauses.push(r);
  };
  for (const t of terms) {
    exact = exact && t.exact ? product(exact, t.exact) : null;
    if (t.exact) {
      // A part that may be empty needs nothing of its own, except a positive lookaround (group).
      if (t.exact.has('')) clauses.push(...t.clauses);
      const joined: Set<string> | null = run ? product(run, t.exact) : null;
      if (joined) run = joined;
      else {
        flush();
        run = t.exact;
      }
    } else {
      flush();
      clauses.push(...all(t));
      run = new Set(['']);
    }
  }
  flush();
  return { exact, clauses: ranked(clauses) };
}

function nonEmpty(s: Set<string> | null): Set<string> | null {
  return s && s.size > 0 && !s.has('') ? s : null;
}

/**
 * Whether nothing in the regex can match a newline: not its match, not a lookaround (read as text,
 * without telling them apart; anything it does not know answers false). Such a regex matches within
 * one line, and what its alternatives need (`Alternative.clauses`) is on that line: a match cannot
 * start on a line above the first line where those strings can be, so the scan starts there.
 */
export function staysOnLine(source: string, flags: string): boolean {
  if (/[suv]/.test(flags)) return false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return false;
    if (c === '\\') {
      if (!safeEscape(source, i + 1, false)) return false;
      i++;
    } else if (c === '[') {
      const end = classEnd(source, i + 1);
      if (end < 0 || !classStaysOnLine(source.slice(i + 1, end))) return false;
      i = end;
    }
  }
  return true;
}

/** Where the class that starts before `from` ends (its `]`), or -1. */
function classEnd(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}

/**
 * An escape that matches no newline (`\S`, `\w`, `\d`, `\.`, `\t`; `\b`, `\k<name>`): not `\s`,
 * `\W`, `\D`, `\n`, a hex or control escape, an escaped digit (octal in a class, or a numbered group).
 */
function safeEscape(source: string, at: number, inClass: boolean): boolean {
  const e = source[at];
  if (e === undefined) return false;
  if ('sWDnxucp'.includes(e) || 'P'.includes(e) || /[0-9]/.test(e)) return false;
  if (inClass && (e === 'b' || e === 'B' || e === 'k')) return false;
  return true;
}

/** A class's body (between `[` and `]`) that holds no newline: negated only with `\n` or `\s` listed. */
function classStaysOnLine(body: string): boolean {
  if (body.startsWith('^')) return /\\[ns]/.test(body.replace(/\\\\/g, ''));
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') return false;
    if (c === '\\') {
      if (!safeEscape(body, i + 1, true)) return false;
      i++;
    }
    // A range: only between printable ASCII characters written as themselves (`a-z`, ` -~`).
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const lo = body.charCodeAt(i);
      const hi = body[i + 2] === '\\' ? -1 : body.charCodeAt(i + 2);
      if (c === '\\' || lo < 0x20 || hi < 0x20 || hi > 0x7e) return false;
      i += 2;
    }
  }
  return true;
}
