/** `readiness verify`: a hand-written readiness document checked against an audit of the repository. */
import type { Report } from '../report/schema.js';
import { extractClaims } from './extract.js';
import { claimedScore, judgeClaim } from './judge.js';
import { repairMojibake } from './mojibake.js';
import type { VerifyResult } from './schema.js';

export function verifyDocument(input: {
  document: string;
  text: string;
  report: Report;
  vocabulary?: Record<string, string[]>;
}): VerifyResult {
  const fixed = repairMojibake(input.text.replace(/^\uFEFF/, ''));
  const claims = extractClaims(fixed.text);
  const judged = claims.map((c) => judgeClaim(c, input.report, input.vocabulary ?? {}));
  const readiness = claims.filter((c) => c.readiness && c.number);
  const headline = readiness.find((c) => /overall|current|status|maturity|summary/i.test(c.text)) ?? readiness[0];
  const count = (v: string) => judged.filter((c) => c.verdict === v).length;
  return {
    schemaVersion: 1,
    document: input.document,
    repository: input.report.repository.name,
    repaired: fixed.repaired ? { encoding: fixed.encoding!, lines: fixed.lines } : null,
    summary: {
      claims: judged.length,
      confirmed: count('confirmed'),
      partiallyConfirmed: count('partially-confirmed'),
      contradicted: count('contradicted'),
      unverifiable: count('unverifiable'),
      claimedReadiness: headline
        ? {
            line: headline.line,
            text: headline.text.slice(0, 200),
            value: headline.number!.value,
            asScore: claimedScore(headline.number),
          }
        : null,
      measuredScore: input.report.summary.score,
      measuredGrade: input.report.summary.grade,
    },
    claims: judged,
  };
}
