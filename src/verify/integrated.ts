/**
 * "Integrated NotificationBell into main layout", "Wired `AuditLogger` into the request pipeline": the
 * line says the unit is USED somewhere, not only that it exists. A search that finds the name only
 * where it is defined (its own file, and a barrel file beside it that re-exports it) shows the unit
 * is there and that nothing uses it: the line is out of date (issue 16, round 27: a component
 * "integrated" that nothing imports, confirmed because its name was in the code).
 */
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import type { Hit } from './search.js';
import { plain } from './status.js';

/** "integrated X into", "wired X in", "hooked X up in", "mounted X on". */
const INTEGRATED =
  /\b(?:integrated|wired|hooked|plugged|mounted|embedded)\s+(?:the\s+)?([A-Za-z_$][\w$]{3,})\s+(?:up\s+)?(?:in|into|to|on|with)\b/i;

/** A line that defines the name, or a barrel's re-export of it. */
const defines = (name: string, snippet: string) =>
  new RegExp(
    `(?:\\b(?:class|interface|function|def|func|type|struct|const|let|var|enum|object|trait|module)\\s+${name}\\b|^\\s*export\\s*(?:\\*|\\{[^}]*\\b${name}\\b[^}]*\\})\\s*from\\b|^\\s*export\\s+default\\s+${name}\\b)`,
  ).test(snippet);

const folder = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const stem = (path: string) => (path.split('/').pop() ?? '').replace(/\.[^.]+$/, '');

export interface Unused {
  name: string;
  defined: Hit;
}

/**
 * The unit the line says is integrated, when every place the search found its name is where it is
 * defined (its own file, or a file of that folder re-exporting it). Null when the line says no such
 * thing, the search is incomplete, or another file uses the name.
 */
export function unusedUnit(ctx: LookupContext, claim: Claim): Unused | null {
  const m = INTEGRATED.exec(plain(claim.raw ?? claim.text).replace(/`/g, ''));
  if (!m || !ctx.search.complete) return null;
  const name = m[1]!;
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  // The name as a word (id:), or its definitions and imports (def:, prose-names.ts); a list cut at its
  // cap may have left the use out.
  const lists = [ctx.search.hits.get(`id:${name}`) ?? [], ctx.search.hits.get(`def:${name}`) ?? []];
  if (lists.every((l) => !l.length) || lists.some((l) => l.length >= 12)) return null;
  const hits = lists.flat().filter((h) => !h.test);
  const own = hits.filter((h) => stem(h.path) === name || defines(name, h.snippet));
  if (!own.length) return null;
  const homes = new Set(own.map((h) => folder(h.path)));
  const elsewhere = hits.some(
    (h) => !(stem(h.path) === name || (homes.has(folder(h.path)) && defines(name, h.snippet))),
  );
  return elsewhere ? null : { name, defined: own.find((h) => stem(h.path) === name) ?? own[0]! };
}
