/**
 * "Updated `ListTrades()` to load entries and exits", "`BulkCreateTrades()` now calls
 * `recalculateTradeMetrics()`", "Fixed rule handlers to use `chi.URLParam()` instead of query params":
 * a line that reports a change made to named code. Finding the names shows the code exists, not that
 * the change was made — a session log's "updated X" is confirmed by X being there whether or not the
 * update ever landed. So a confirmation that rests only on the names being found is not one: the line
 * stays open, and when a name the change brings in (not the one it replaced) is nowhere in the
 * project, the change is not there and the line is contradicted.
 */
import type { Claim } from './extract.js';
import type { VerifiedClaim } from './schema.js';
import { plain } from './status.js';

/** A verb of changing what exists, leading the line (not "Added", whose names being there is the claim). */
const CHANGE_LEAD =
  /^(?:updated|fixed|changed|modified|refactored|reworked|rewr(?:ote|itten)|adjusted|improved|enhanced|optimi[sz]ed|tweaked|corrected|patched|mis à jour|corrig[ée]e?s?|modifi[ée]e?s?|actualizad[oa]s?|corregid[oa]s?|modificad[oa]s?|atualizad[oa]s?|corrigid[oa]s?|aktualisiert|ge[äa]ndert|behoben|angepasst|überarbeitet)\b/i;
/** "X now calls Y", "handlers now use": what a named thing does since the change. */
const NOW_DOES =
  /\bnow\s+(?:calls?|uses?|returns?|loads?|creates?|includes?|handles?|sends?|checks?|validates?|reads?|writes?|selects?|emits?|stores?|invokes?|applies|awaits?)\b/i;
/** What the change replaced: the names after "instead of" or "from … to" are the old code, whose absence is no fault. */
const REPLACED = /\b(?:instead of|rather than|en lugar de|au lieu de|em vez de|statt)\b([^.;]*)/i;

/** "changed to", "replaced with", "switched to", "→": what follows is the new code. */
const CHANGED_TO =
  /\b(?:changed|switched|migrated|moved|converted|replaced|swapped)\s+(?:[\w`.()-]+\s+){0,3}?(?:to|with|by)\b|→|->/i;
/** Names the search found, as the reason says them ("is_some_and found"). */
const FOUND = /(?:^found: |[:;]\s*)([^\s;:]{2,80}) found\b/g;

/** The words of change the line reports, or null when it reports none. */
export function reportedChange(claim: Claim): string | null {
  const t = plain(claim.raw ?? claim.text)
    .replace(/^[\s\-*+>#\d.)]*(?:\[[ xX]\]\s*)?/, '')
    .replace(/^[^\p{L}\p{N}`(]+/u, '')
    .trim();
  const lead = CHANGE_LEAD.exec(t);
  if (lead) return lead[0];
  const now = NOW_DOES.exec(t);
  return now ? now[0] : null;
}

/** Names a search did not find, as the reason says them ("recalculateTradeMetrics not found in 121 files searched"). */
const NOT_FOUND = /(?:^|[:;]\s*)([^\s;:]{2,80}) not found in \d+ files searched/g;

/**
 * A confirmation of a reported change that rests on the names being found: taken back, or turned
 * into a contradiction when a name the change brings in is not in the project at all.
 */
export function changeOnNames(claim: Claim, v: VerifiedClaim, files?: readonly string[]): VerifiedClaim | null {
  if (claim.asserted !== 'done') return null;
  if (v.verdict !== 'confirmed' && v.verdict !== 'partially-confirmed') return null;
  // Only what the names' presence decided: "found: X found; Y found", "only in part: X not found; Y found",
  // or a file the line's words name ("Updated journal entry methods": JournalEntryModal.svelte).
  // ("found: src/api.js holds what the change names": the change looked for in the file it names, which stands.)
  const byNames =
    v.basis === 'search' &&
    /^found: |^the document says done; only in part: /.test(v.reason) &&
    !/ holds what the change names /.test(v.reason);
  const byWords = v.basis === 'file' && /^found: "[^"]+" names /.test(v.reason);
  if (!byNames && !byWords) return null;
  const change = reportedChange(claim);
  if (!change) return null;
  const text = plain(claim.raw ?? claim.text);
  const old = REPLACED.exec(text)?.[1] ?? '';
  // "Fixed `map_or` usage - changed to `is_some_and`": the new code found where the old is gone is the change.
  const to = CHANGED_TO.exec(text);
  if (to) {
    const after = text.slice(to.index + to[0].length);
    const gone = [...v.reason.matchAll(NOT_FOUND)].map((m) => m[1]!);
    const foundAfter = [...v.reason.matchAll(FOUND)].some((m) => after.includes(m[1]!));
    if (foundAfter && gone.every((n) => !after.includes(n))) return null;
  }
  // (A Svelte or Vue component is named by its file, "ReviewPanel.svelte", not in any line of code.)
  const component = (n: string) =>
    /^[A-Z]\w+$/.test(n) && (files ?? []).some((p) => p.slice(p.lastIndexOf('/') + 1).startsWith(`${n}.`));
  const missing = [...v.reason.matchAll(NOT_FOUND)].map((m) => m[1]!).filter((n) => !old.includes(n) && !component(n));
  if (!missing.length && /\bnot found in \d+ files searched/.test(v.reason) && v.verdict === 'partially-confirmed')
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but the line reports a change, which the names being there or not does not settle`,
    };
  if (missing.length)
    return {
      ...v,
      verdict: 'contradicted',
      reason: `not so: the line reports a change ("${change}") that involves ${missing.join(', ')}, which is nowhere in the project (${v.reason})`,
    };
  // "Fixed test imports (added Plug.Conn)": the change is the name added, which being there shows.
  if (/\b(?:added|adding|introduced|ajout[ée]e?s?|añadid[oa]s?|adicionad[oa]s?|hinzugefügt)\b/i.test(text)) return null;
  return {
    ...v,
    verdict: 'unverifiable',
    reason: `${v.reason}; but the line reports a change ("${change}"), and the names being there does not show it was made`,
  };
}

/**
 * "✅ `updateBiometrie()` - Mise à jour biométrie" found only in `[DossierController::class,
 * 'updateBiometrie']`: a function the line names by a call is claimed to be written; a route or a
 * config that names it in quotes refers to it and does not show it exists (the route may point at
 * nothing). Every hit shown quoting the name, none defining or calling it: the name, or null.
 */
export function namedOnlyInQuotes(claim: Claim, v: VerifiedClaim): string | null {
  if (v.basis !== 'search' || v.verdict !== 'confirmed' || claim.asserted !== 'done') return null;
  const raw = claim.raw ?? claim.text;
  for (const m of raw.matchAll(/`([A-Za-z_$][\w$]{2,80})\([^`()]{0,80}\)`/g)) {
    const name = m[1]!;
    const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
    const quoted = new RegExp(`['"]${name.replace(/\$/g, '\\$')}['"]`);
    const hits = v.evidence.filter((e) => e.snippet && word.test(e.snippet));
    if (!hits.length) continue;
    if (hits.every((e) => quoted.test(e.snippet!) && !new RegExp(`${word.source}\\s*\\(`).test(e.snippet!)))
      return name;
  }
  return null;
}
