/**
 * The items of a Python expression that a test table iterates, read from the text without running
 * it: list/tuple/set/dict literals (with `*unpacked` parts), `range(n)`, comprehensions over those,
 * `a + b`, `x * n`, `list/tuple/sorted/reversed/set/frozenset(x)` and `set(x) - {…}`, and names
 * bound to such values. Items are kept as literal keys (`'3.6'` and `"3.6"` are one item), so a set
 * can drop duplicates and a difference can remove items; any other item is `null` (it still counts).
 *
 * Conditions on `sys.version_info` are decided against an assumed interpreter: the newest Python 3
 * release, 3.13 (a runner's Python is not in the tree; CI matrices usually end at the newest); on
 * `sys.platform`/`os.name`, against Linux.
 */
import { matchBracket } from './mask.js';
import { table } from '../../util/table.js';

/** Masked code (for structure: brackets, commas) and the original text at the same offsets (for values). */
export interface PyExpr {
  code: string;
  orig: string;
}
export type Items = (string | null)[];
/** A bare name's items where it is used; undefined when not known. */
export type Lookup = (name: string) => Items | undefined;

/** `sys.version_info` as the counts assume it (see the module comment). */
export const ASSUMED_PYTHON: readonly (number | string)[] = [3, 13, 0, 'final', 0];
const MAX_ITEMS = 100_000;

export const expr = (code: string, orig: string): PyExpr => ({ code, orig });

export function trim(e: PyExpr): PyExpr {
  const start = e.code.length - e.code.trimStart().length;
  const end = e.code.trimEnd().length;
  return start === 0 && end === e.code.length ? e : { code: e.code.slice(start, end), orig: e.orig.slice(start, end) };
}
export const slice = (e: PyExpr, a: number, b = e.code.length): PyExpr => ({
  code: e.code.slice(a, b),
  orig: e.orig.slice(a, b),
});

/** Parts of `e` split at a top-level operator; `binary` skips a unary sign (`-1`, `*args`). */
export function splitAt(e: PyExpr, sep: string, binary = false): PyExpr[] {
  const out: PyExpr[] = [];
  const s = e.code;
  let d = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ('([{'.includes(c)) d++;
    else if (')]}'.includes(c)) d--;
    else if (d === 0 && s.startsWith(sep, i)) {
      // A unary sign (`-1`, `*args`), `**`, `+=`, or an exponent (`1e+5`) is no operator.
      if (binary && (s[i + 1] === sep || s[i + 1] === '=' || s[i - 1] === sep || !operandBefore(s, last, i))) continue;
      out.push(slice(e, last, i));
      last = i + sep.length;
    }
  }
  out.push(slice(e, last));
  return out;
}

/** Does an operand end just before `i` (not before `last`)? Looks back a character at a time: no slice, no regex. */
function operandBefore(s: string, last: number, i: number): boolean {
  let k = i - 1;
  while (k >= last && (s[k] === ' ' || s[k] === '\t' || s[k] === '\n')) k--;
  if (k < last || !/[\w'")\]}]/.test(s[k]!)) return false;
  if (s[k] !== 'e' && s[k] !== 'E') return true;
  // `1e+5`, `2.5E-3`: digits (and a dot) back to the start of a word.
  let j = k - 1;
  while (j >= last && /[\d.]/.test(s[j]!)) j--;
  return !(j < k - 1 && /\d/.test(s[j + 1]!) && (j < last || !/\w/.test(s[j]!)));
}

/** The key of a literal item (string, number, True/False/None), or null. */
export function literalKey(e: PyExpr): string | null {
  const t = trim(e).orig;
  const str = /^([rRuU]?)(['"])([^'"\\\n]{0,64})\2$/.exec(t);
  if (str) return `s:${str[3]}`;
  if (/^-?(?:\d[\d_]*\.?\d*|\.\d+)$/.test(t)) return `n:${Number(t.replace(/_/g, ''))}`;
  return /^(?:True|False|None)$/.test(t) ? t : null;
}

const unique = (items: Items): Items | undefined => (items.some((k) => k === null) ? undefined : [...new Set(items)]);

/**
 * How many paths a glob call lists (`FIXTURES.glob("*.json")`, `glob.glob(os.path.join(HERE, "x", "*"))`),
 * given by the digest while it parses one file (it knows the file's path and the repository's
 * listing); undefined outside that parse or for a call it cannot resolve.
 */
let globCount: ((e: PyExpr) => number | undefined) | undefined;

export function withGlobCount<T>(count: (e: PyExpr) => number | undefined, run: () => T): T {
  const before = globCount;
  globCount = count;
  try {
    return run();
  } finally {
    globCount = before;
  }
}

export function pyItems(input: PyExpr, lookup: Lookup, depth = 0): Items | undefined {
  const e = trim(input);
  if (depth > 12 || !e.code) return undefined;
  const sub = (x: PyExpr) => pyItems(x, lookup, depth + 1);
  // One bracketed literal (most tables) or a name: no operator to look for.
  const whole = /^[[({]/.test(e.code) && matchBracket(e.code, 0) === e.code.length;
  if (whole || /^[A-Za-z_]\w*$/.test(e.code)) return whole ? literal(e, sub) : lookup(e.code);
  // `A = '3.6', '3.7'`: a tuple without brackets.
  const tuple = splitAt(e, ',');
  if (tuple.length > 1) return tuple.filter((p) => p.code.trim()).map(literalKey);
  const plus = splitAt(e, '+', true);
  if (plus.length > 1) return concat(plus.map(sub));
  // `set(A) - {'x'}`: the items of A that are none of the others (a set).
  const minus = splitAt(e, '-', true);
  if (minus.length > 1) {
    const [first, ...rest] = minus.map(sub);
    const removed = rest.flat();
    if (!first || rest.some((r) => !r) || removed.includes(null)) return undefined;
    const left = unique(first);
    return left?.filter((k) => !removed.includes(k));
  }
  const times = splitAt(e, '*', true);
  if (times.length === 2) {
    const n = /^\s*(\d+)\s*$/.exec(times[1]!.code)
      ? Number(times[1]!.code)
      : /^\s*(\d+)\s*$/.exec(times[0]!.code)
        ? Number(times[0]!.code)
        : undefined;
    const list = sub(/^\s*\d+\s*$/.test(times[1]!.code) ? times[0]! : times[1]!);
    return n === undefined || !list || list.length * n > MAX_ITEMS
      ? undefined
      : Array.from({ length: n }, () => list).flat();
  }
  if (times.length > 2) return undefined;
  const range = /^range\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/.exec(e.code);
  const bounds = range ? range[1]!.split(',').map(intValue) : undefined;
  if (bounds && bounds.length >= 1 && bounds.length <= 3 && bounds.every((x) => x !== undefined)) {
    const [a, b] = bounds.length > 1 ? [bounds[0]!, bounds[1]!] : [0, bounds[0]!];
    const step = bounds[2] ?? 1;
    const n = step > 0 ? Math.max(0, Math.ceil((b - a) / step)) : 0;
    return n > MAX_ITEMS ? undefined : Array.from({ length: n }, (_, k) => `n:${a + k * step}`);
  }
  const call = /^(list|tuple|sorted|reversed|set|frozenset)\s*\(/.exec(e.code);
  if (call && matchBracket(e.code, call[0].length - 1) === e.code.length) {
    const inner = slice(e, call[0].length, e.code.length - 1);
    // `sorted(x, key=f)`: the first argument is the table.
    const arg = splitAt(inner, ',').filter((p) => p.code.trim())[0];
    if (!arg) return [];
    const items = sub(arg);
    return items && (call[1] === 'set' || call[1] === 'frozenset') ? unique(items) : items;
  }
  // One item per file a glob lists (the files' names are not read: unknown items that count).
  if (globCount && /\bglob\s*\(/.test(e.code)) {
    const n = globCount(e);
    if (n !== undefined && n <= MAX_ITEMS) return Array.from({ length: n }, () => null);
  }
  return undefined;
}

/**
 * Standard-library constants that bound parameter ranges in tests, with their value on every
 * supported Python 3 (3.8+): `range(2, pickle.HIGHEST_PROTOCOL + 1)` runs protocols 2 to 5.
 */
const STDLIB_INTS: Record<string, number> = table({ 'pickle.HIGHEST_PROTOCOL': 5 });

/** An integer written as literals and known constants joined by + and -, else undefined. */
function intValue(s: string): number | undefined {
  const terms = s.replace(/\s+/g, '').replace(/_(?=\d)/g, '');
  if (!/^[-+]?[\w.]+(?:[-+][\w.]+)*$/.test(terms)) return undefined;
  let total = 0;
  for (const m of terms.matchAll(/([-+]?)([\w.]+)/g)) {
    const v = /^\d+$/.test(m[2]!) ? Number(m[2]) : STDLIB_INTS[m[2]!];
    if (v === undefined) return undefined;
    total += m[1] === '-' ? -v : v;
  }
  return total;
}

/** A list, tuple, set or dict literal, or a comprehension, spanning all of `e`. */
function literal(e: PyExpr, sub: (x: PyExpr) => Items | undefined): Items | undefined {
  const inner = slice(e, 1, e.code.length - 1);
  const comp = /^([\s\S]*?)\sfor\s+[\w\s,()]+?\s+in\s+([\s\S]+)$/.exec(inner.code);
  if (comp && splitAt(inner, ',').length === 1 && depthAt(inner.code, comp[1]!.length) === 0) {
    if (/\sif\s/.test(comp[2]!)) return undefined;
    const items = sub(slice(inner, inner.code.length - comp[2]!.length));
    return items?.map(() => null);
  }
  const parts = splitAt(inner, ',').filter((p) => p.code.trim());
  // `(x)` is not a tuple; `(x,)` is.
  if (e.code.startsWith('(') && parts.length === 1 && !/,\s*$/.test(inner.code)) return sub(inner);
  const dict = e.code.startsWith('{') && parts.some((p) => splitAt(p, ':').length > 1);
  const items = concat(
    parts.map((p) => {
      const t = trim(p);
      if (t.code.startsWith('**')) return undefined;
      if (t.code.startsWith('*')) return sub(slice(t, 1));
      return [literalKey(dict ? splitAt(t, ':')[0]! : t)];
    }),
  );
  return e.code.startsWith('{') && items ? (unique(items) ?? (dict ? items : undefined)) : items;
}

function concat(lists: (Items | undefined)[]): Items | undefined {
  if (lists.some((l) => !l)) return undefined;
  const out = (lists as Items[]).flat();
  return out.length > MAX_ITEMS ? undefined : out;
}

function depthAt(s: string, end: number): number {
  let d = 0;
  for (let i = 0; i < end; i++) d += '([{'.includes(s[i]!) ? 1 : ')]}'.includes(s[i]!) ? -1 : 0;
  return d;
}

type Version = (number | string)[];

/** `sys.version_info`, `sys.version_info[:2]`, `sys.version_info[0]`, `.major`, a tuple or number literal. */
function versionOperand(code: string): Version | number | undefined {
  const t = code.trim();
  const vi = /^(?:sys\s*\.\s*)?version_info\s*(?:\[\s*:\s*(\d+)\s*\]|\[\s*(\d+)\s*\]|\.\s*(major|minor|micro))?$/.exec(
    t,
  );
  if (vi) {
    if (vi[1]) return ASSUMED_PYTHON.slice(0, Number(vi[1]));
    if (vi[2] || vi[3]) {
      const v = ASSUMED_PYTHON[vi[2] ? Number(vi[2]) : ['major', 'minor', 'micro'].indexOf(vi[3]!)];
      return typeof v === 'number' ? v : undefined;
    }
    return [...ASSUMED_PYTHON];
  }
  if (/^\d+$/.test(t)) return Number(t);
  const tup = /^\(\s*(\d+(?:\s*,\s*\d+)*)\s*,?\s*\)$/.exec(t);
  return tup ? tup[1]!.split(',').map((n) => Number(n.trim())) : undefined;
}

function compareVersions(a: Version | number, b: Version | number): number | undefined {
  if (typeof a === 'number' || typeof b === 'number')
    return typeof a === 'number' && typeof b === 'number' ? Math.sign(a - b) : undefined;
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (typeof x !== typeof y) return undefined;
    if (x !== y) return x < y ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
}

/** `sys.platform` and `os.name` as the counts assume them: test runners run on Linux far more than anywhere else. */
export const ASSUMED_PLATFORM = { platform: 'linux', osName: 'posix' } as const;

/** A string operand: a literal (from the original text), `sys.platform`, `os.name`. */
function stringOperand(e: PyExpr): string | undefined {
  const t = trim(e);
  if (/^(?:sys\s*\.\s*)?platform$/.test(t.code)) return ASSUMED_PLATFORM.platform;
  if (/^os\s*\.\s*name$/.test(t.code)) return ASSUMED_PLATFORM.osName;
  const key = literalKey(t);
  return key?.startsWith('s:') ? key.slice(2) : undefined;
}

/**
 * Whether a condition holds under the assumed Python and platform: comparisons of
 * `sys.version_info` (and names bound to one, through `flag`), of `sys.platform`/`os.name` with
 * a string, `sys.platform.startswith('win')`, `not`, `and`, `or`, parentheses. Undefined for
 * anything else.
 */
export function pyCondition(
  input: PyExpr,
  flag: (name: string) => boolean | undefined = () => undefined,
  depth = 0,
): boolean | undefined {
  const e = trim(input);
  const t = e.code;
  if (depth > 8 || !t) return undefined;
  const sub = (x: PyExpr) => pyCondition(x, flag, depth + 1);
  for (const op of [' or ', ' and ']) {
    const parts = splitAt(e, op);
    if (parts.length > 1) {
      const vals = parts.map(sub);
      const decisive = op === ' or ';
      if (vals.includes(decisive)) return decisive;
      return vals.includes(undefined) ? undefined : !decisive;
    }
  }
  if (/^not\s/.test(t)) {
    const v = sub(slice(e, 3));
    return v === undefined ? undefined : !v;
  }
  if (t.startsWith('(') && matchBracket(t, 0) === t.length) return sub(slice(e, 1, t.length - 1));
  if (/^[A-Za-z_]\w*$/.test(t)) return flag(t);
  const starts = /^sys\s*\.\s*platform\s*\.\s*startswith\s*\(/.exec(t);
  if (starts && matchBracket(t, starts[0].length - 1) === t.length) {
    const prefix = stringOperand(slice(e, starts[0].length, t.length - 1));
    return prefix === undefined ? undefined : ASSUMED_PLATFORM.platform.startsWith(prefix);
  }
  const cmp = /^([\s\S]+?)\s*(>=|<=|==|!=|>|<)\s*/.exec(t);
  if (!cmp) return undefined;
  const left = slice(e, 0, cmp[1]!.length);
  const right = slice(e, cmp[0].length);
  const op = cmp[2]!;
  if (op === '==' || op === '!=') {
    const a = stringOperand(left);
    const b = stringOperand(right);
    // Two literals are no platform check.
    if (a !== undefined && b !== undefined && /platform|os\s*\.\s*name/.test(left.code + right.code))
      return (a === b) === (op === '==');
  }
  const a = versionOperand(left.code);
  const b = versionOperand(right.code);
  // `1 < 2` is no version check: one side must read version_info.
  if (a === undefined || b === undefined || !/version_info/.test(left.code + right.code)) return undefined;
  const c = compareVersions(a, b);
  if (c === undefined) return undefined;
  return { '>=': c >= 0, '<=': c <= 0, '==': c === 0, '!=': c !== 0, '>': c > 0, '<': c < 0 }[op];
}
