/** `readiness verify`: a hand-written readiness document checked against an audit of the repository. */
import type { Report } from '../report/schema.js';
import { extractClaims } from './extract.js';
import { claimedScore, judgeClaim } from './judge.js';
import { repairMojibake } from './mojibake.js';
import type { VerifyResult } from './schema.js';
import { redactDeep, redactSecrets } from '../util/redact.js';

export function verifyDocument(input: {
  document: string;
  /** The document's repository-relative POSIX path, when it lies inside the audited repository. */
  documentPath?: string;
  text: string;
  report: Report;
  vocabulary?: Record<string, string[]>;
}): VerifyResult {
  const fixed = repairMojibake(input.text.replace(/^\uFEFF/, ''));
  // Credentials written in the document are masked before anything reads it, as the audit masks
  // what it prints: claim text is normalised later (`_` dropped), and `ghp_…` without its
  // underscore no longer looks like a token to mask.
  const claims = extractClaims(redactSecrets(fixed.text));
  const judged = claims.map((c) => judgeClaim(c, input.report, input.vocabulary ?? {}));
  const readiness = claims.filter((c) => c.readiness && c.number);
  const headline = readiness.find((c) => /overall|current|status|maturity|summary/i.test(c.text)) ?? readiness[0];
  const count = (v: string) => judged.filter((c) => c.verdict === v).length;
  // The last line of defence, as for the Report: every string is masked again (the document name included).
  return redactDeep({
    schemaVersion: 1,
    document: input.document,
    ...(input.documentPath !== undefined ? { documentPath: input.documentPath } : {}),
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
  });
}
