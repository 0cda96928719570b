/**
 * "School management", "User management (Students, Teachers, Parents)", "CRUD operations for services",
 * "Lecture creation & management": a line that says the product manages a kind of record. A reader
 * settles it by opening the unit that serves that record — its ViewSet, controller, resource or handler
 * — and seeing that it writes as well as reads. The record's name alone (a model, a table) shows the
 * record is kept, not that it is managed; so the line is confirmed only by a serving unit with a write
 * operation (a ModelViewSet, a create/store/update/delete handler, a POST/PUT/DELETE route), cited at
 * that operation; a serving unit that only reads makes it partial. A stub settles nothing, and with no
 * serving unit the line is left as it was.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { plain } from './status.js';
import { stubAt } from './stubs.js';
import { symbolsOf } from './symbols.js';

/** "<record> management", "<record> CRUD", "<record> creation & management" (the whole line). */
const MANAGED =
  /^(?:(?:full|complete|basic|admin(?:-based)?|advanced)\s+)?([a-z][a-z -]{1,40}?)\s+(?:creation\s*(?:&|and)\s*)?(?:management|administration|crud(?:\s+(?:operations|endpoints|api))?)(?:\s+(?:module|system|api|endpoints|feature))?$/i;
/** "CRUD operations for services", "Full CRUD on projects". */
const CRUD_FOR =
  /^(?:(?:full|complete|basic)\s+)?crud(?:\s+(?:operations|endpoints|api))?\s+(?:for|of|on)\s+(?:(?:all|the)\s+)?([a-z][a-z -]{1,40})$/i;
/** Words that name no record: what a system manages in another sense ("state management", "secrets management"). */
const NOT_A_RECORD =
  /^(?:state|session|sessions|secret|secrets|environment|env|configuration|config|connection|connections|memory|error|errors|dependency|dependencies|package|packages|version|versions|status|cache|time|data|content|resource|resources|model|models|all|key|keys|token|tokens|process|release|risk|change|incident|project-nested|file|files|asset|assets|queue|log|logs|event|events)$/i;
/** What serves a record to clients. */
const SERVING = '(?:ViewSet|Viewset|Controller|Resource|Handlers?|Router|Routes|Endpoints?|Api|API)';
/** Operations that write a record, in the frameworks' own words. */
const WRITES: RegExp[] = [
  /\bdef\s+(?:create|update|partial_update|destroy|perform_create|perform_update|perform_destroy|post|put|patch|delete)\s*\(/,
  /\bfunction\s+(?:store|create|update|destroy|delete|remove)\s*\(/,
  /@(?:Post|Put|Patch|Delete)(?:Mapping)?\b/,
  /\[Http(?:Post|Put|Patch|Delete)\b/,
  /\b(?:router|app|r|g|group|api|route|routes|e)\.(?:post|put|patch|delete|Post|Put|Patch|Delete|POST|PUT|PATCH|DELETE)\s*\(/,
  /^\s*(?:(?:public|private|protected|async|static)\s+){0,3}(?:create|store|update|destroy|delete|remove|save)\w{0,30}\s*\([^)]{0,200}\)\s*(?::\s*[\w<>[\],|]{1,60}(?:[ \t]{1,4}[\w<>[\],|]{1,60}){0,5}\s*)?\{/,
  /\bfunc\s*\(\w+\s+\*?\w+\)\s*(?:Create|Update|Delete|Store|Destroy|Remove)\w{0,30}\s*\(/,
];
const MAX_BODY = 400;

const pascal = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
function singular(w: string): string {
  if (/ies$/i.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us)$/i.test(w)) return w;
  if (/(?:sses|xes|ches|shes)$/i.test(w)) return w.slice(0, -2);
  return w.replace(/s$/i, '');
}

/** The record a line says is managed, as a type name ("school", "order items" → "OrderItem"), or null. */
export function managedRecord(claim: Claim): string | null {
  if (claim.asserted !== 'done' || claim.number || claim.source === 'fence' || claim.source === 'heading') return null;
  const t = plain(claim.subject && claim.subject.length > 3 ? claim.subject : claim.text)
    .replace(/\([^()]{0,120}\)/g, ' ')
    .replace(/(?<![:.;,!])[:.;,!]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const m = MANAGED.exec(t) ?? CRUD_FOR.exec(t);
  if (!m) return null;
  const words = m[1]!.trim().split(/[\s-]+/);
  if (words.length > 2 || words.some((w) => w.length < 3 || NOT_A_RECORD.test(w))) return null;
  return words.map((w, i) => pascal(i === words.length - 1 ? singular(w) : w)).join('');
}

/** The lines of a unit's body: to the next definition at its indentation or less (at most MAX_BODY lines). */
function bodyLines(lines: string[], at: number): { line: number; text: string }[] {
  const indent = /^\s*/.exec(lines[at] ?? '')![0].length;
  const out: { line: number; text: string }[] = [];
  for (let i = at + 1; i < lines.length && i <= at + MAX_BODY; i++) {
    const l = lines[i]!;
    if (
      /^\s*(?:export\s+)?(?:(?:public|abstract|final|sealed)\s+)*(?:class|type)\s+\w/.test(l) &&
      /^\s*/.exec(l)![0].length <= indent
    )
      break;
    out.push({ line: i + 1, text: l.slice(0, 400) });
  }
  return out;
}

/** The serving unit of the record a line says is managed, and whether it writes; null when none. */
export function managedFinding(ctx: LookupContext, claim: Claim): Finding | null {
  const record = managedRecord(claim);
  if (!record) return null;
  const plural = record.endsWith('y') ? `${record.slice(0, -1)}ies` : `${record}s`;
  const name = new RegExp(`^(?:[A-Z][a-z0-9]*){0,2}?(?:${record}|${plural})${SERVING}$`);
  // (A class or a type, not a function: "UpdateUserHandler" is one operation, not the unit serving users.)
  const units = symbolsOf(ctx).filter(
    (s) => name.test(s.name) && /\b(?:class|struct|interface|object|module)\s/.test(s.snippet),
  );
  if (!units.length) return null;
  let reads: { path: string; line: number; snippet: string; name: string } | null = null;
  for (const s of units.slice(0, 6)) {
    if (stubAt(ctx, s.path, s.line, s.name)) continue;
    const text = (ctx.readText ? ctx.readText(s.path, 256 * 1024) : ctx.files.read(s.path)) ?? '';
    const lines = text.split('\n');
    // A DRF ModelViewSet serves create, update and destroy by itself.
    if (/\bModelViewSet\b/.test(s.snippet) && !/\bReadOnlyModelViewSet\b/.test(s.snippet))
      return served(
        record,
        s,
        { path: s.path, line: s.line, snippet: s.snippet },
        'a ModelViewSet (list, create, update, delete)',
      );
    // Go handlers are methods outside the struct: the file's receivers of the unit.
    const go = s.path.endsWith('.go');
    const scope = go
      ? lines.map((text, i) => ({ line: i + 1, text: text.slice(0, 400) })).filter((l) => l.text.includes(s.name))
      : bodyLines(lines, s.line - 1);
    const write = scope.find((l) => WRITES.some((rx) => rx.test(l.text)));
    if (write)
      return served(
        record,
        s,
        { path: s.path, line: write.line, snippet: write.text.trim().slice(0, 160) },
        'a write operation',
      );
    reads ??= s;
  }
  if (!reads) return null;
  return {
    subject: reads.name,
    basis: 'search',
    present: 'partly',
    detail: `${reads.name} (${reads.path}:${reads.line}) serves ${record} records, but no create, update or delete operation was found in it`,
    evidence: [{ path: reads.path, line: reads.line, snippet: reads.snippet }],
  };
}

function served(record: string, s: { name: string; path: string; line: number }, at: Evidence, what: string): Finding {
  return {
    subject: s.name,
    basis: 'search',
    present: 'yes',
    detail: `${s.name} serves ${record} records with ${what} at ${at.path}:${at.line}`,
    evidence: [at],
  };
}
