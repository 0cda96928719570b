/**
 * Items and their details stand or fall together, as a reader takes them: under "1. **Default JWT
 * secret in code**" the "Location:" line and the code shown are that problem's evidence. When the
 * code shown is gone, the problem is out of date; when the problem is gone, the endpoints it put
 * "at risk" and the place it pointed at are no longer a finding.
 */
import type { Claim } from './extract.js';
import type { VerifiedClaim } from './schema.js';

/** Bases on which a detail shows the code itself: its absence is the item's absence. */
const CODE_BASIS = new Set(['search', 'file']);

export function relateDetails(claims: Claim[], judged: VerifiedClaim[]): VerifiedClaim[] {
  const out = [...judged];
  const byLine = new Map<number, number>();
  claims.forEach((c, i) => {
    if (!byLine.has(c.line)) byLine.set(c.line, i);
  });
  const details = new Map<number, number[]>();
  claims.forEach((c, i) => {
    if (c.detailOf === undefined) return;
    const p = byLine.get(c.detailOf);
    if (p === undefined) return;
    details.set(p, [...(details.get(p) ?? []), i]);
  });
  for (const [p, ds] of details) {
    const parent = claims[p]!;
    // Only a finding or a gap is an item whose details are its evidence.
    if (!parent.problem && parent.asserted !== 'not-done') continue;
    if (out[p]!.verdict === 'unverifiable') {
      const gone = ds.find((d) => out[d]!.verdict === 'contradicted' && CODE_BASIS.has(out[d]!.basis));
      if (gone !== undefined && parent.problem)
        out[p] = {
          ...out[p]!,
          verdict: 'contradicted',
          basis: out[gone]!.basis,
          reason: `what the document shows for it is gone (line ${claims[gone]!.line}: ${out[gone]!.reason})`,
          evidence: out[gone]!.evidence,
        };
    }
    if (out[p]!.verdict !== 'contradicted') continue;
    for (const d of ds)
      if (out[d]!.verdict === 'unverifiable')
        out[d] = {
          ...out[d]!,
          verdict: 'contradicted',
          basis: out[p]!.basis,
          rule: out[p]!.rule,
          reason: `the finding it details (line ${parent.line}) is out of date: ${out[p]!.reason}`,
          evidence: out[p]!.evidence,
        };
  }
  return shownTogether(claims, out);
}

/**
 * Lines of one block shown from one place ("// AccountController.kt:371" and the statement below
 * it): the statement is there as shown or not at all, so one line gone takes the others with it
 * ("throw ResponseStatusException(…" is everywhere; its message is what was at that place).
 */
function shownTogether(claims: Claim[], judged: VerifiedClaim[]): VerifiedClaim[] {
  const out = [...judged];
  const groups = new Map<number, number[]>();
  claims.forEach((c, i) => {
    if (c.shownFrom !== undefined) groups.set(c.shownFrom, [...(groups.get(c.shownFrom) ?? []), i]);
  });
  for (const members of groups.values()) {
    const gone = members.find((i) => out[i]!.verdict === 'contradicted');
    // All there as shown: the finding may stand, but that the code is a weakness is a reading of it.
    if (gone === undefined) {
      for (const i of members)
        if (out[i]!.verdict === 'confirmed' || out[i]!.verdict === 'partially-confirmed')
          out[i] = {
            ...out[i]!,
            verdict: 'unverifiable',
            reason: `${out[i]!.reason.replace(/^found: /, '')}, as shown; whether it is the weakness described is for a reader`,
          };
      continue;
    }
    for (const i of members)
      if (out[i]!.verdict === 'confirmed' || out[i]!.verdict === 'partially-confirmed')
        out[i] = {
          ...out[i]!,
          verdict: 'contradicted',
          reason: `shown with line ${claims[gone]!.line}, which the file no longer holds: ${out[gone]!.reason}`,
          evidence: out[gone]!.evidence,
        };
    // "**Location:**" over the files, "**Issue:**", then the code it shows as current: with that code gone
    // from every file named, the places it lists and the issue it states are the finding out of date.
    const shown = claims[members[0]!]!;
    if (shown.shownIn === undefined && !shown.locatedFinding) continue;
    for (let i = 0; i < claims.length; i++) {
      const c = claims[i]!;
      if (c.line < shown.shownFrom! || c.line >= shown.line || out[i]!.verdict !== 'unverifiable') continue;
      if (c.source === 'fence') continue;
      out[i] = {
        ...out[i]!,
        verdict: 'contradicted',
        basis: out[gone]!.basis,
        reason: `the code this finding shows as current (line ${claims[gone]!.line}) is gone: ${out[gone]!.reason}`,
        evidence: out[gone]!.evidence,
      };
    }
  }
  return out;
}
