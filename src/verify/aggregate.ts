/**
 * "All items verified and complete", "ALL CRITICAL ITEMS COMPLETED": a claim about every other
 * claim. One of them found false makes it false; all of them holding still says nothing of what the
 * document left out, so it is never confirmed. A bullet speaks for its section; a line of prose or
 * a heading for the whole document.
 */
import type { Claim } from './extract.js';
import type { VerifiedClaim } from './schema.js';

const ALL = /^(?:all|every|everything|alle|sämtliche|todos?|todas?|tous|toutes)\b/i;
/** What the document itself lists: items, tasks, checks — not "all clippy warnings" or "all tests". */
const OF_THE_LIST =
  /^\S+ (?:(?:[\w-]+ ){0,4})?(?:items?|tasks?|checks?|points?|requirements?|criteria|steps?|findings?|fixes|recommendations?|blockers?|gaps?|punkte|aufgaben|anforderungen|elementos|tareas|requisitos|éléments|tâches)\b/i;
const DONE =
  /\b(?:complete[d]?|done|verified|fixed|resolved|ready|implemented|in place|addressed|erledigt|abgeschlossen|behoben|completad[oa]s?|resuelt[oa]s?|termin[ée]e?s?)\b/i;

export function isAggregate(claim: Claim): boolean {
  const s = claim.subject;
  return claim.asserted === 'done' && (s === 'everything' || (ALL.test(s) && OF_THE_LIST.test(s) && DONE.test(s)));
}

export function relateAggregates(claims: Claim[], judged: VerifiedClaim[]): VerifiedClaim[] {
  const out = [...judged];
  claims.forEach((c, i) => {
    if (!isAggregate(c) || out[i]!.verdict !== 'unverifiable') return;
    const wide = c.source === 'prose' || c.source === 'heading' || c.source === 'label';
    const false_ = claims.findIndex(
      (o, k) =>
        k !== i &&
        o.asserted === 'done' &&
        out[k]!.verdict === 'contradicted' &&
        !isAggregate(o) &&
        (wide || o.section === c.section),
    );
    if (false_ < 0) return;
    out[i] = {
      ...out[i]!,
      verdict: 'contradicted',
      basis: out[false_]!.basis,
      rule: out[false_]!.rule,
      reason: `not all: line ${claims[false_]!.line} ("${claims[false_]!.text.slice(0, 80)}") is not so — ${out[false_]!.reason}`,
      evidence: out[false_]!.evidence,
    };
  });
  return out;
}
