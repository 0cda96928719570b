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
const NOTHING = /^\s*(?:[{}();]*|\/\/.*|#.*|\/\*.*|\*.*|"""|'''|""".*"""|'''.*''')\s*$/;
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
  if (/:\s*(?:#.*)?$/.test(head) && !/[{;]\s*$/.test(head)) {
    const indent = /^\s*/.exec(head)![0].length;
    for (let i = at + 1; i < lines.length && i <= at + MAX_BODY; i++) {
      const l = lines[i]!.slice(0, MAX_LINE);
      if (!l.trim()) continue;
      if (/^\s*/.exec(l)![0].length <= indent) break;
      marker ??= STUB.exec(l)?.[0] ?? null;
      if (!NOTHING.test(l) && !/^\s*(?:pass|\.\.\.)\s*$/.test(l) && !/^\s*[rRbBuU]?["']{3}/.test(l)) statements.push(l);
    }
    return { statements, marker, complete: true };
  }
  let depth = 0;
  let opened = false;
  for (let i = at; i < lines.length && i <= at + MAX_BODY; i++) {
    const l = lines[i]!.slice(0, MAX_LINE);
    const code = l.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""').replace(/\/\/.*$/, '');
    for (const ch of code) {
      if (ch === '{') {
        depth++;
        opened = true;
      } else if (ch === '}') depth--;
    }
    if (i > at) {
      marker ??= STUB.exec(l)?.[0] ?? null;
      if (!NOTHING.test(l)) statements.push(l);
    } else if (opened) {
      // "function backoffFor(a) { return 100 * 2 ** a; }": a body on the definition's own line.
      const inline = l.slice(l.indexOf('{') + 1);
      if (!NOTHING.test(inline)) statements.push(inline);
    }
    if (opened && depth <= 0) return { statements, marker, complete: true };
    if (!opened && i > at + 1) break;
  }
  // Braces not closed within reach (or never opened): the body was not read, so it is no stub.
  return { statements, marker, complete: false };
}

/** The definitions of `name` in the files `evidence` cites, each with its body. */
function bodiesOf(ctx: LookupContext, name: string, evidence: Evidence[]): Body[] {
  const def = definition(name);
  const out: Body[] = [];
  for (const path of new Set(evidence.map((e) => e.path))) {
    if (path === '.' || out.length >= 4) continue;
    const text = ctx.readText?.(path, ctx.files.maxFileBytes) ?? ctx.files.read(path);
    if (!text?.includes(name)) continue;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && out.length < 4; i++) {
      const l = lines[i]!;
      if (l.length > MAX_LINE || !l.includes(name) || !def.test(l)) continue;
      const b = bodyAt(lines, i);
      out.push({ path, line: i + 1, ...b });
    }
  }
  return out;
}

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
