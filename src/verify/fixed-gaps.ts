/**
 * "| 3 | ~~Rate limiting scan QR absent~~ | ~~🔴 HAUTE~~ | … | ✅ **CORRIGÉ** |": a gap an earlier
 * audit listed, struck through and marked fixed. The words of absence are the old finding; the line
 * now says the thing is there. So the practice found is what the line says (confirmed when a rule
 * found it, not when only a word met the code), and nothing found leaves it open — never "missing,
 * as the document says", nor "the document is out of date".
 */
import type { Claim } from './extract.js';
import type { VerifiedClaim } from './schema.js';
import { FIXED } from './judge.js';

const STRUCK = /~~([^~\n]{2,200})~~/g;

/** The line strikes through the gap it names and marks it fixed outside the strike. */
export function struckAndFixed(claim: Claim): boolean {
  const raw = claim.raw ?? '';
  const struck = [...raw.matchAll(STRUCK)].map((m) => m[1]!);
  if (!struck.length) return false;
  const subject = claim.subject.trim().toLowerCase();
  if (
    !struck.some((s) =>
      s
        .replace(/\*\*|`/g, '')
        .toLowerCase()
        .includes(subject),
    )
  )
    return false;
  return FIXED.test(raw.replace(STRUCK, ' '));
}

export function fixedGap(claim: Claim, v: VerifiedClaim): VerifiedClaim {
  if (claim.asserted === 'done' || !struckAndFixed(claim)) return v;
  if (v.verdict === 'unverifiable') return v;
  const found = v.verdict === 'contradicted' && /^the document says it is missing, but it is there/.test(v.reason);
  if (found && v.basis.startsWith('rule:'))
    return {
      ...v,
      verdict: 'confirmed',
      reason: `the document marks this gap fixed, and it is there now: ${v.reason.replace(/^the document says it is missing, but it is there \(the document is out of date\):\s*/, '')}`,
    };
  return {
    ...v,
    verdict: 'unverifiable',
    reason: `the document marks this gap fixed (struck through); what fixed it is not settled by this finding: ${v.reason}`,
  };
}
