/**
 * A named unit that is only a stub. "❌ `InvoiceService.render()` not implemented" where the method's
 * body is `throw new Error("not implemented")`, "`sign_request` — TODO" where it is `todo!()`: the name
 * is in the code, yet the document is right. And "✅ `export_csv()` implemented" where the body is
 * `raise NotImplementedError` is done only in part. The definitions of the names a line gives are read
 * where the lookup found them (the files its evidence cites, one pass each), and each body is judged:
 * a stub marker (todo!(), unimplemented!(), NotImplementedError, UnsupportedOperationException, "not
 * implemented", a TODO to implement) in a short body. An empty body is no stub (a marker class, a no-op).
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { escapeRe } from '../util/regex.js';

const STUB =
  /\bThis action (?:adds|returns|updates|removes)\b|\btodo!\s*\(|\bunimplemented!\s*\(|\bNotImplemented(?:Error|Exception)?\b|\bUnsupportedOperationException\b|\bnot (?:yet )?implemented\b|\bTODO\b.{0,40}\bimplement/i;
/** Lines of a body that are no statement: blank, a brace, a comment, a docstring's quotes. */
/** A line that is no statement: blank, braces only, a comment, a docstring's quotes (read by a scan). */
function nothing(l: string): boolean {
  const t = l.trim();
  return (
    t === '' ||
    /^[{}();]+$/.test(t) ||
    t.startsWith('//') ||
    t.startsWith('#') ||
    t.startsWith('/*') ||
    t.startsWith('*') ||
    t.startsWith('"""') ||
    t.startsWith("'''")
  );
}

/** "def f(x):  # note", "class A(B):": a block opened by a colon (the comment cut by a scan). */
function colonBlock(l: string): boolean {
  const i = l.indexOf('#');
  const t = (i >= 0 ? l.slice(0, i) : l).trimEnd();
  return t.endsWith(':');
}

/** The code of a line with its string literals emptied and its // comment cut: a scan, no backtracking. */
function codeOf(l: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < l.length; i++) {
    const ch = l[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) {
        quote = '';
        out += ch;
      }
      continue;
    }
    if (ch === '/' && l[i + 1] === '/') break;
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    out += ch;
  }
  return out;
}
/** A body longer than this holds more than a stub, whatever marker one line of it carries. */
const STUB_LINES = 4;
const MAX_BODY = 80;
const MAX_LINE = 400;

/** "InvoiceService", "export_csv", "PaymentService.refund" → the name a definition carries. */
function definedName(name: string): string {
  return name.replace(/\(\)$/, '').split(/[.#:]/).filter(Boolean).pop() ?? name;
}

function definition(name: string): RegExp {
  const n = escapeRe(name);
  return new RegExp(
    [
      // class, struct, trait, interface, enum, impl (Rust: `impl Agent {`, `impl Trait for Agent {`)
      `\\b(?:class|struct|trait|interface|enum|object|record|impl(?:<[^>]{0,60}>)?(?: [\\w:<>]{1,60} for)?)\\s+${n}\\b`,
      // fn, func (with a Go receiver), def, function, fun
      `\\b(?:fn|func|def|function|fun)\\s+(?:\\([^()]{0,80}\\)\\s*)?${n}\\s*[(<]`,
      // a method in a class body: `async render() {`, `public Invoice render(Long id) {`
      `^\\s*(?:(?:public|private|protected|static|async|override|final|virtual|abstract|suspend|export)\\s+){0,4}(?:[\\w<>[\\],.?]{1,60}\\s+)?${n}\\s*\\([^()]{0,200}\\)\\s*(?::\\s*[^{=]{1,80})?(?:throws\\s+[\\w.,\\s]{1,80})?\\{`,
      // `const render = async () => {`
      `\\b(?:const|let|var)\\s+${n}\\s*=\\s*(?:async\\s*)?(?:\\([^()]{0,200}\\)|\\w+)\\s*=>`,
    ].join('|'),
  );
}

interface Body {
  path: string;
  line: number;
  /** The body's statement lines (no blank line, brace or comment). */
  statements: string[];
  marker: string | null;
  /** The body was read to its end. */
  complete: boolean;
}

/** The body after a definition: until its braces close, or (Python) its indentation ends. */
function bodyAt(lines: string[], at: number): { statements: string[]; marker: string | null; complete: boolean } {
  const head = lines[at]!;
  const statements: string[] = [];
  let marker: string | null = STUB.exec(head.slice(head.search(/[{:]\s*$/) + 1))?.[0] ?? null;
  if (colonBlock(head) && !/[{;]$/.test(head.trimEnd())) {
    const indent = /^\s*/.exec(head)![0].length;
    for (let i = at + 1; i < lines.length && i <= at + MAX_BODY; i++) {
      const l = lines[i]!.slice(0, MAX_LINE);
      if (!l.trim()) continue;
      if (/^\s*/.exec(l)![0].length <= indent) break;
      marker ??= STUB.exec(l)?.[0] ?? null;
      if (!nothing(l) && !/^\s*(?:pass|\.\.\.)\s*$/.test(l) && !/^\s*[rRbBuU]?["']{3}/.test(l)) statements.push(l);
    }
    return { statements, marker, complete: true };
  }
  let depth = 0;
  let opened = false;
  for (let i = at; i < lines.length && i <= at + MAX_BODY; i++) {
    const l = lines[i]!.slice(0, MAX_LINE);
    const code = codeOf(l);
    for (const ch of code) {
      if (ch === '{') {
        depth++;
        opened = true;
      } else if (ch === '}') depth--;
    }
    if (i > at) {
      marker ??= STUB.exec(l)?.[0] ?? null;
      if (!nothing(l)) statements.push(l);
    } else if (opened) {
      // "function backoffFor(a) { return 100 * 2 ** a; }": a body on the definition's own line.
      const inline = l.slice(l.indexOf('{') + 1);
      if (!nothing(inline)) statements.push(inline);
    }
    if (opened && depth <= 0) return { statements, marker, complete: true };
    if (!opened && i > at + 1) break;
  }
  // Braces not closed within reach (or never opened): the body was not read, so it is no stub.
  return { statements, marker, complete: false };
}

/** The definitions of `name` in the files `evidence` cites, each with its body. */
function bodiesOf(ctx: LookupContext, name: string, evidence: Evidence[]): Body[] {
  const out: Body[] = [];
  for (const path of new Set(evidence.map((e) => e.path))) {
    if (path === '.' || out.length >= 4) continue;
    for (const b of bodiesIn(ctx, path, name)) if (out.length < 4) out.push(b);
  }
  return out;
}

/**
 * The first four definitions of `name` in one file, read once per file and name: a document of a
 * thousand lines naming the same unit split a large file a thousand times.
 */
function bodiesIn(ctx: LookupContext, path: string, name: string): Body[] {
  const memo = memoOf(BODIES, ctx);
  const key = `${path}\0${name}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const out: Body[] = [];
  const text = ctx.readText?.(path, ctx.files.maxFileBytes) ?? ctx.files.read(path);
  if (text?.includes(name)) {
    const def = definition(name);
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && out.length < 4; i++) {
      const l = lines[i]!;
      if (l.length > MAX_LINE || !l.includes(name) || !def.test(l)) continue;
      const b = bodyAt(lines, i);
      out.push({ path, line: i + 1, ...b });
    }
  }
  memo.set(key, out);
  return out;
}

/** A memo per file listing (one audit's, one verify run's): `ctx.files` is the same for all its claims. */
function memoOf<T>(store: WeakMap<object, Map<string, T>>, ctx: LookupContext): Map<string, T> {
  let memo = store.get(ctx.files);
  if (!memo) {
    memo = new Map();
    store.set(ctx.files, memo);
  }
  return memo;
}
const BODIES = new WeakMap<object, Map<string, Body[]>>();

/** A marker in a short body. An empty body alone is no stub: a marker class, a no-op hook, an exception type. */
const isStub = (b: Body) => b.complete && b.marker !== null && b.statements.length <= STUB_LINES;

export interface StubReading {
  /** Each name whose every definition found is a stub, with the first. */
  stubs: { name: string; at: Body }[];
  /** Names with a definition whose body is real code. */
  real: { name: string; at: Body }[];
}

/** The names a line gives (ticked or CamelCase/snake_case), read at their definitions. */
export function stubReading(ctx: LookupContext, claim: Claim, evidence: Evidence[]): StubReading | null {
  const raw = claim.raw ?? claim.text;
  const names = new Set<string>();
  for (const m of raw.matchAll(/`([^`\n]{2,80})`/g)) {
    const n = definedName(m[1]!.trim());
    if (/^[A-Za-z_]\w{2,}$/.test(n)) names.add(n);
  }
  for (const m of raw.matchAll(
    /(?<![\w/.-])([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?:\(\))?(?![\w/-])/g,
  ))
    names.add(m[1]!);
  if (names.size === 0 || names.size > 4) return null;
  const stubs: StubReading['stubs'] = [];
  const real: StubReading['real'] = [];
  for (const name of names) {
    const bodies = bodiesOf(ctx, name, evidence);
    if (!bodies.length) continue;
    const live = bodies.find((b) => !isStub(b));
    if (live) real.push({ name, at: live });
    else stubs.push({ name, at: bodies[0]! });
  }
  return stubs.length || real.length ? { stubs, real } : null;
}

export const stubWhere = (s: { name: string; at: Body }) =>
  `${s.name} at ${s.at.path}:${s.at.line} is a stub (${s.at.marker?.trim()})`;

/** Whether the definition of `name` at path:line is a stub (bodiesOf over that one file). */
export function stubAt(ctx: LookupContext, path: string, line: number, name: string): boolean {
  const body = bodiesOf(ctx, name, [{ path }]).find((b) => b.line === line);
  return body ? isStub(body) : false;
}

/**
 * "ContratoService (9 métodos)", "UserService (12 methods)", "PostRepository: 7 specialized post queries",
 * "PostsController: 7 post endpoints": a count of a named class's methods (what it serves, answers or does).
 */
const METHOD_COUNT =
  /\b([A-Z][A-Za-z0-9]{2,60})\b[^\d\n]{0,12}?\(?(\d{1,3})\s+(?:[A-Za-z\u00C0-\u024F-]{2,20}\s+){0,2}?(?:methods|métodos|méthodes|methoden|metodi|funções|functions|fonctions|funciones|operations|operações|operaciones|opérations|queries|consultas|requêtes|endpoints|actions|ações|acciones)\b/i;

/** The count a line gives a named class's methods ("7 specialized post queries"), as written, or null. */
export function methodCountFigure(text: string): string | null {
  const m = METHOD_COUNT.exec(text);
  return m ? m[0].slice(m[0].indexOf(m[2]!, m[1]!.length)) : null;
}
// ("void" is a return type in a class body, "public void save()", not the JavaScript operator.)
const NOT_DECLARING = /^(?:return|new|await|throw|else|yield|case|await|delete|typeof)$/;

/**
 * "public Order create(Order o) {", "async get(id: string): Promise<X> {": a method declared on one
 * line — modifiers and a type, a name, its parameters closed, then the body or a return type. Read by
 * splitting at the first "(" and the last ")", no pattern over the whole line. 'open' when a
 * declaration's parameters run on past the line (the count is then not read).
 */
function methodDeclared(l: string): 'yes' | 'no' | 'open' {
  const t = l.trim();
  const paren = t.indexOf('(');
  if (paren <= 0) return 'no';
  const head = t.slice(0, paren).trim().split(/\s+/);
  const name = head.pop()!;
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || NOT_METHOD.test(name)) return 'no';
  if (head.some((w) => NOT_DECLARING.test(w) || !/^[\w<>[\],.?@$]+$/.test(w) || w.includes('='))) return 'no';
  const close = t.lastIndexOf(')');
  if (close < paren) return head.length || t.endsWith('(') ? 'open' : 'no';
  const after = t.slice(close + 1).trim();
  if (after === '' || after === '{') return head.length || after === '{' ? 'yes' : 'no';
  return /^(?::|throws\b|->|=>)[^;]*$/.test(after) && (after.endsWith('{') || after.endsWith('=>')) ? 'yes' : 'no';
}
const NOT_METHOD = /^(?:if|for|while|switch|catch|return|new|else|elif|with|super|this|await|throw|function)$/;

export interface MethodCount {
  name: string;
  path: string;
  line: number;
  claimed: number;
  all: number;
  /** Not private: no leading underscore, no `private`, no `__init__`-like method. */
  open: number;
  /** Python's `__init__`, `__repr__`…: public, and a document may count them or not. */
  dunder: number;
}

/**
 * The methods a class the line names defines, counted in its body: every method, and those not private
 * (no leading underscore, no `private`) — a document may count either. Null when the class is not
 * found in the files the lookups cited or its body is not read to its end.
 */
export function classMethodCount(ctx: LookupContext, claim: Claim, evidence: Evidence[]): MethodCount | null {
  const m = METHOD_COUNT.exec(claim.raw ?? claim.text);
  if (!m) return null;
  const name = m[1]!;
  const claimed = Number(m[2]);
  // The files the lookups cited, then every file the search found the name in (an import cited first).
  const hits = (ctx.search.hits.get(`id:${name}`) ?? []).filter((h) => !h.test).map((h) => h.path);
  for (const path of new Set([...evidence.map((e) => e.path), ...hits].slice(0, 24))) {
    if (path === '.') continue;
    const memo = memoOf(COUNTS, ctx);
    const key = `${path}\0${name}`;
    let got = memo.get(key);
    if (got === undefined) {
      got = countIn(ctx, path, name);
      memo.set(key, got);
    }
    if (got === 'absent') continue;
    if (got === 'unread') return null;
    return { name, path, claimed, ...got };
  }
  return null;
}

/**
 * The methods of class `name` in one file, read once per file and name (a document that counts the
 * same class on a thousand lines split its file a thousand times): 'absent' when the file does not
 * define it, 'unread' when its body is not read to its end.
 */
function countIn(
  ctx: LookupContext,
  path: string,
  name: string,
): Omit<MethodCount, 'name' | 'path' | 'claimed'> | 'absent' | 'unread' {
  const def = new RegExp(`\\b(?:class|object|struct|interface)\\s+${escapeRe(name)}\\b`);
  const text = ctx.readText?.(path, ctx.files.maxFileBytes) ?? ctx.files.read(path);
  if (!text?.includes(name)) return 'absent';
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.length <= MAX_LINE && def.test(l));
  if (at < 0) return 'absent';
  const head = lines[at]!;
  let all = 0;
  let open = 0;
  let open_ = false;
  let dunder = 0;
  // A constructor ("public UserService(Repo r) {") is not one of the class's methods.
  const ctor = new RegExp(`^\\s*(?:(?:public|protected|private|internal)\\s+)?${escapeRe(name)}\\s*\\(`);
  const count = (l: string) => {
    if (ctor.test(l)) return;
    const python = /^\s*(?:def|fun|function|fn)\s/.test(l);
    const d = python ? 'yes' : methodDeclared(l);
    if (d === 'open') open_ = true;
    if (d !== 'yes') return;
    all++;
    const bare = l.trim().replace(/^def\s+/, '');
    if (bare.startsWith('__')) dunder++;
    else if (!bare.startsWith('_') && !/\bprivate\b/.test(l) && !bare.startsWith('#')) open++;
  };
  if (colonBlock(head) && !head.trimEnd().endsWith('{')) {
    // Python: the defs one level inside the class.
    const indent = /^\s*/.exec(head)![0].length;
    let inner = -1;
    for (let i = at + 1; i < lines.length && i <= at + 3000; i++) {
      const l = lines[i]!;
      if (!l.trim()) continue;
      const ind = /^\s*/.exec(l)![0].length;
      if (ind <= indent) break;
      if (inner < 0) inner = ind;
      if (ind === inner && /^\s*(?:async\s+)?def\s/.test(l)) count(l.replace(/async\s+/, ''));
    }
  } else {
    let depth = 0;
    let opened = false;
    let closed = false;
    for (let i = at; i < lines.length && i <= at + 5000; i++) {
      const l = lines[i]!.slice(0, MAX_LINE);
      if (opened && depth === 1 && i > at) count(l);
      const code = codeOf(l);
      for (const ch of code) {
        if (ch === '{') {
          depth++;
          opened = true;
        } else if (ch === '}') depth--;
      }
      if (opened && depth <= 0) {
        closed = true;
        break;
      }
    }
    if (!closed || open_) return 'unread';
  }
  return { line: at + 1, all, open, dunder };
}
const COUNTS = new WeakMap<object, Map<string, Omit<MethodCount, 'name' | 'path' | 'claimed'> | 'absent' | 'unread'>>();

/** A TODO or FIXME comment and what it says is left to do. */
const PENDING = /(?:#|\/\/|\/\*|^\s*\*)\s*(?:TODO|FIXME)\b[\s:.-]*(\S.{0,78})?/;

/**
 * The TODO a function's or method's body leaves ("# TODO: Send actual notification" in notify_parents,
 * which only sets flags): the unit is there and runs, but what the comment names is not done yet. Read
 * in the definition of `name` at path:line only (a class's body holds many methods, and is not read).
 */
export function pendingAt(
  ctx: LookupContext,
  path: string,
  line: number,
  name: string,
): { line: number; text: string } | null {
  const text = ctx.readText?.(path, ctx.files.maxFileBytes) ?? ctx.files.read(path);
  if (!text) return null;
  const lines = text.split('\n');
  const head = lines[line - 1];
  if (head === undefined || head.length > MAX_LINE || !head.includes(name) || !definition(name).test(head)) return null;
  if (/\b(?:class|struct|trait|interface|enum|object|record|impl|module)\s/.test(head)) return null;
  const indent = /^\s*/.exec(head)![0].length;
  const python = colonBlock(head) && !/[{;]$/.test(head.trimEnd());
  let depth = 0;
  let opened = false;
  for (let i = line - 1; i < lines.length && i <= line - 1 + MAX_BODY; i++) {
    const l = lines[i]!.slice(0, MAX_LINE);
    if (i > line - 1) {
      if (python && l.trim() && /^\s*/.exec(l)![0].length <= indent) return null;
      const todo = PENDING.exec(l);
      if (todo) return { line: i + 1, text: l.trim().slice(0, 160) };
    }
    if (python) continue;
    for (const ch of codeOf(l)) {
      if (ch === '{') {
        depth++;
        opened = true;
      } else if (ch === '}') depth--;
    }
    if (opened && depth <= 0) return null;
    if (!opened && i > line) return null;
  }
  return null;
}
