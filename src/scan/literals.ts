/**
 * Literal pre-filter for every pattern at once (DESIGN §9). Testing each pattern's literals with
 * `includes` costs one pass over the text per literal: with ~500 literals on every source file
 * that was most of the scan (the regexes behind them rarely run). Here all literals go into one
 * Aho–Corasick automaton that reads each file once, whatever the number of literals.
 *
 * The automaton folds ASCII case, so it answers "present ignoring case"; a case-sensitive literal
 * that hits is confirmed where its first folded hit is, else with `includes` from there. Literals
 * are matched exactly as `PatternSpec.literals` promises: case-sensitive unless the pattern is
 * `ignoreCase`, where the old check was `text.toLowerCase().includes(literal.toLowerCase())`.
 */

interface Literal {
  text: string;
  ignoreCase: boolean;
  /** A case-sensitive literal with letters: a folded hit must be confirmed on the raw text. */
  verify: boolean;
}

/**
 * Outcome per literal for one file: 0 absent, 1 folded hit not yet confirmed (where its first
 * one ends is in the set's `firstEnd`), 2 present, 3 not decidable by the automaton.
 */
export type Found = Uint8Array;

// The only non-ASCII characters whose toLowerCase() contains ASCII (U+0130 → "i̇", U+212A → "k").
// When a file has one, an ignore-case literal the automaton missed is re-checked the old way.
const LOWERS_TO_ASCII = (c: number) => c === 0x130 || c === 0x212a;

/** An Int32Array in a SharedArrayBuffer when the runtime has one (a plain one otherwise: same answers). */
export function sharedInt32(length: number): Int32Array {
  return typeof SharedArrayBuffer === 'function'
    ? new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT))
    : new Int32Array(length);
}

/** A built LiteralSet as plain data: worker threads take it instead of building their own. */
export interface LiteralTables {
  lits: Literal[];
  plain: number[];
  table: Int32Array<ArrayBufferLike>;
  classes: number;
  classOf: Uint8Array;
  outStart: Int32Array;
  outIds: Int32Array;
}

export class LiteralSet {
  private lits: Literal[] = [];
  private readonly ids = new Map<string, number>();
  /** Literals with non-ASCII characters are not in the automaton; checked with includes. */
  private plain: number[] = [];
  private table: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private classes = 1;
  private classOf = new Uint8Array(128);
  private outStart = new Int32Array(1);
  private outIds = new Int32Array(0);
  /**
   * The last scan's answers, reused from file to file (an array per file was ~4 KB of memory
   * outside the heap each, 400 MB at 100k files, freed only when a collection came round), and
   * per literal with a folded hit the index after the character where the first one ends.
   */
  private found = new Uint8Array(0);
  private firstEnd = new Int32Array(0);
  /**
   * Per output state, the scan that last recorded its literals (`scans` counts them): a state's
   * literals are recorded at its first visit in a text only, later visits change nothing.
   */
  private recorded = new Int32Array(0);
  private scans = 0;

  add(literal: string, ignoreCase: boolean): number {
    const text = ignoreCase ? literal.toLowerCase() : literal;
    const key = (ignoreCase ? 'i\0' : 's\0') + text;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.lits.length;
      this.ids.set(key, id);
      this.lits.push({ text, ignoreCase, verify: !ignoreCase && text.toLowerCase() !== text.toUpperCase() });
    }
    return id;
  }

  get size(): number {
    return this.lits.length;
  }

  /** The built automaton as data (after `build`). */
  tables(): LiteralTables {
    const { lits, plain, table, classes, classOf, outStart, outIds } = this;
    return { lits, plain, table, classes, classOf, outStart, outIds };
  }

  /** A set built elsewhere (see `tables`): the same ids, the same answers. */
  static from(t: LiteralTables): LiteralSet {
    const set = new LiteralSet();
    Object.assign(set, {
      lits: t.lits,
      plain: t.plain,
      table: t.table,
      classes: t.classes,
      classOf: t.classOf,
      outStart: t.outStart,
      outIds: t.outIds,
    });
    return set;
  }

  /** Builds the automaton; call once after every `add`. */
  build(): void {
    const inTrie: number[] = [];
    for (let id = 0; id < this.lits.length; id++) {
      const t = this.lits[id]!.text;
      if (t.length === 0 || /[^\x00-\x7f]/.test(t)) this.plain.push(id);
      else inTrie.push(id);
    }
    // Character classes: one per folded ASCII character used by some literal, 0 for the rest.
    for (const id of inTrie) {
      for (const ch of this.lits[id]!.text.toLowerCase()) {
        const c = ch.charCodeAt(0);
        if (this.classOf[c] === 0) this.classOf[c] = this.classes++;
      }
    }
    for (let c = 65; c <= 90; c++) this.classOf[c] = this.classOf[c + 32]!;
    const K = this.classes;

    // The trie in a dense table (-1: no edge), sized by the characters there are: a Map per state
    // and a lookup per state and class made building the automaton a visible start-up cost.
    let bound = 1;
    for (const id of inTrie) bound += this.lits[id]!.text.length;
    const table = new Int32Array(bound * K).fill(-1);
    const endsAt: number[] = [];
    let n = 1;
    for (const id of inTrie) {
      let s = 0;
      const t = this.lits[id]!.text.toLowerCase();
      for (let i = 0; i < t.length; i++) {
        const k = this.classOf[t.charCodeAt(i)]!;
        let to = table[s * K + k]!;
        if (to === -1) table[s * K + k] = to = n++;
        s = to;
      }
      endsAt.push(s, id);
    }
    const out: number[][] = Array.from({ length: n }, () => []);
    for (let e = 0; e < endsAt.length; e += 2) out[endsAt[e]!]!.push(endsAt[e + 1]!);
    // Breadth-first: failure links, and the goto completed by them (missing edges follow the
    // failure state's).
    const fail = new Int32Array(n);
    const queue = new Int32Array(n);
    let tail = 0;
    for (let k = 0; k < K; k++) {
      const t = table[k]!;
      if (t === -1) table[k] = 0;
      else queue[tail++] = t;
    }
    for (let qi = 0; qi < tail; qi++) {
      const s = queue[qi]!;
      const f = fail[s]!;
      if (out[f]!.length) out[s]!.push(...out[f]!);
      for (let k = 0; k < K; k++) {
        const t = table[s * K + k]!;
        if (t === -1) table[s * K + k] = table[f * K + k]!;
        else {
          fail[t] = table[f * K + k]!;
          queue[tail++] = t;
        }
      }
    }
    // Premultiplied targets (t * K) save a multiply per character in `scan`; a target where some
    // literal ends is stored as its complemented index (~t, negative), so the hot loop learns it from
    // the entry it reads anyway (a separate flag table cost a second memory access per character,
    // about a quarter of the pass) and finds its outputs without dividing by K.
    // In shared memory: the scan's worker threads get this set by structured cloning (`tables`), and a
    // SharedArrayBuffer's view is cloned as a view of the same memory, so the table (3.6 MB at 100k
    // files: 14,286 states × 65 classes) exists once in the process instead of once per thread.
    // Nothing writes it after this.
    // States are renumbered breadth-first (the queue's order, the root first): the states a text
    // visits most, the root and those one or two characters deep, are then neighbours in the table,
    // and the scan's one dependent load per character hits the cache more often (the trie's own
    // numbering spread each literal's states through the whole table).
    const id = new Int32Array(n);
    for (let qi = 0; qi < tail; qi++) id[queue[qi]!] = qi + 1;
    const dense = sharedInt32(n * K);
    for (let s = 0; s < n; s++) {
      const row = id[s]! * K;
      for (let k = 0; k < K; k++) {
        const t = table[s * K + k]!;
        dense[row + k] = out[t]!.length ? ~id[t]! : id[t]! * K;
      }
    }
    this.table = dense;
    this.outStart = new Int32Array(n + 1);
    const flat: number[] = [];
    for (let q = 0; q < n; q++) {
      const s = q === 0 ? 0 : queue[q - 1]!;
      this.outStart[q] = flat.length;
      flat.push(...new Set(out[s]));
    }
    this.outStart[n] = flat.length;
    this.outIds = Int32Array.from(flat);
  }

  /**
   * One pass over the text: which literals may be present (confirm with `present`). The answer is
   * the set's own array, valid until the next `scan`: confirm all of one text's literals before
   * scanning another.
   */
  scan(text: string): Found {
    if (this.found.length !== this.lits.length) {
      this.found = new Uint8Array(this.lits.length);
      this.firstEnd = new Int32Array(this.lits.length);
    }
    if (this.recorded.length !== this.outStart.length || this.scans === 0x7fffffff) {
      this.recorded = new Int32Array(this.outStart.length);
      this.scans = 0;
    }
    const scan = ++this.scans;
    const { found, firstEnd, table, classOf, outStart, outIds, recorded } = this;
    found.fill(0);
    const K = this.classes;
    let s = 0;
    let special = false;
    for (let i = 0, len = text.length; i < len; i++) {
      const c = text.charCodeAt(i);
      let k = 0;
      if (c < 128) k = classOf[c]!;
      else if (LOWERS_TO_ASCII(c)) special = true;
      s = table[s + k]!;
      if (s < 0) {
        const st = ~s;
        s = st * K;
        if (recorded[st] === scan) continue;
        recorded[st] = scan;
        for (let j = outStart[st]!, b = outStart[st + 1]!; j < b; j++) {
          const id = outIds[j]!;
          if (found[id] === 0) {
            found[id] = 1;
            firstEnd[id] = i + 1;
          }
        }
      }
    }
    // Undecided here: no position known, so `firstAt` answers 0 (a `present` may make them 2 later).
    for (const id of this.plain) (found[id] = 3), (firstEnd[id] = 0);
    if (special)
      for (let id = 0; id < found.length; id++)
        if (found[id] === 0 && this.lits[id]!.ignoreCase) (found[id] = 3), (firstEnd[id] = 0);
    return found;
  }

  /**
   * Where literal `id`'s first occurrence in the last scanned text can start at the earliest (0 when
   * the automaton cannot tell), for a literal `found` does not say is absent: its first folded hit
   * starts there, and no exact occurrence starts before its first folded one.
   */
  firstAt(id: number): number {
    const at = this.firstEnd[id]! - this.lits[id]!.text.length;
    return Math.max(at, 0);
  }

  /** Whether literal `id` is in `text`, given `scan(text)`; `lower` is text.toLowerCase(), made on demand. */
  present(found: Found, id: number, text: string, lower: () => string): boolean {
    const f = found[id]!;
    if (f === 0) return false;
    if (f === 2) return true;
    const lit = this.lits[id]!;
    let yes: boolean;
    // 3: not decidable by the automaton (non-ASCII literal, or U+0130/U+212A in the text).
    if (f === 3) yes = lit.ignoreCase ? lower().includes(lit.text) : text.includes(lit.text);
    else if (!lit.verify) yes = true;
    else {
      // A case-sensitive literal (ASCII, a code unit per character): an exact occurrence is a
      // folded one too, so none starts before the first folded hit. That hit is most often the
      // exact one; else the search goes on from just after its start.
      const start = this.firstEnd[id]! - lit.text.length;
      yes = text.startsWith(lit.text, start) || text.includes(lit.text, start + 1);
    }
    found[id] = yes ? 2 : 0;
    return yes;
  }
}
