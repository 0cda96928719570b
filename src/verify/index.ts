/** `readiness verify`: a hand-written readiness document checked against an audit of the repository. */
import type { Report } from '../report/schema.js';
import type { Match } from '../types.js';
import { redactDeep, redactSecrets } from '../util/redact.js';
import { type Claim, extractClaims } from './extract.js';
import { relateAggregates } from './aggregate.js';
import { relateDetails } from './details.js';
import { judgeClaim, notAStatement } from './judge.js';
import { relateRouteGroups } from './route-groups.js';
import { relateListedUnits } from './listed-units.js';
import { relateNamedFolderCounts } from './named-folder-counts.js';
import type { LookupContext } from './lookup.js';
import { type Repaired, repairMojibake } from './mojibake.js';
import { planNeedles } from './needles.js';
import { claimedScore } from './numbers.js';
import type { VerifyResult } from './schema.js';
import { fromScan, searchRepository } from './search.js';

export { describedProfile } from './profile.js';

/** The document repaired and read: what verify needs before it audits (the profile it describes, its searches). */
export function readDocument(text: string): { claims: Claim[]; repaired: Repaired; text: string } {
  const repaired = repairMojibake(text.replace(/^\uFEFF/, ''));
  // Credentials written in the document are masked before anything reads it, as the audit masks
  // what it prints: claim text is normalised later, and a token cut by that would no longer look
  // like one.
  const clean = redactSecrets(repaired.text);
  return { claims: extractClaims(clean), repaired, text: clean };
}

export interface VerifyInput {
  document: string;
  /** The document's repository-relative POSIX path, when it lies inside the audited repository. */
  documentPath?: string;
  text: string;
  /** The document already read with readDocument(text): it is not read twice. */
  read?: ReturnType<typeof readDocument>;
  report: Report;
  vocabulary?: Record<string, string[]>;
  /** What the audit computed beside the Report (files, facts, scan matches, CI tools): enables fact lookups. */
  facts?: Omit<LookupContext, 'search'> & {
    /** The scan's matches of the document's needles (see needlePatterns): the search is then not run again. */
    scanned?: (key: string) => Match[];
  };
  profile?: VerifyResult['profile'];
}

/**
 * One claim's judgement, kept from the others': a line verify cannot judge (a name a library
 * refuses, a shape no lookup expected) is left open with the reason, as a rule that crashes is an
 * error outcome of its own in the audit — the rest of the document is still judged.
 */
export function judgedAlone(judge: () => ReturnType<typeof judgeClaim>, claim: Claim): ReturnType<typeof judgeClaim> {
  try {
    return judge();
  } catch (err) {
    const message = ((err as Error)?.message ?? String(err)).split('\n')[0]!.slice(0, 200);
    return notAStatement(claim, `verify could not judge this line (internal error: ${message})`);
  }
}

export function verifyDocument(input: VerifyInput): VerifyResult {
  const { claims, repaired } = input.read ?? readDocument(input.text);
  const needles = planNeedles(claims);
  const view =
    input.facts && input.documentPath !== undefined
      ? { ...input.facts, documentPath: input.documentPath }
      : input.facts;
  const lookup: LookupContext | undefined = view
    ? { ...view, search: view.scanned ? fromScan(view, needles, view.scanned) : searchRepository(view, needles) }
    : undefined;
  const empty = input.facts ? input.facts.facts.sourceFiles.length === 0 : false;
  const all = relateNamedFolderCounts(
    claims,
    relateListedUnits(
      claims,
      relateRouteGroups(
        claims,
        relateAggregates(
          claims,
          relateDetails(
            claims,
            claims.map((c) =>
              judgedAlone(
                () =>
                  judgeClaim(c, input.report, {
                    vocabulary: input.vocabulary ?? {},
                    ...(lookup ? { lookup } : {}),
                    empty,
                  }),
                c,
              ),
            ),
          ),
        ),
        lookup,
      ),
      lookup,
    ),
    lookup,
  );
  // A test named under "// Auth Flow (3 tests)" is told with that line: the names found are its
  // confirmation; a name not found is reported at its own line.
  const groups = new Set(claims.filter((c) => c.testsNamed && c.number).map((c) => c.line));
  const judged = all.filter(
    (j, i) =>
      !(
        claims[i]!.testsNamed &&
        !claims[i]!.number &&
        groups.has(claims[i]!.detailOf ?? 0) &&
        j.verdict === 'confirmed'
      ),
  );
  const readiness = claims.filter((c) => c.readiness && c.number);
  const headline =
    readiness.find((c) => /overall|current|status|maturity|summary|gesamt/i.test(c.text)) ?? readiness[0];
  const count = (v: string) => judged.filter((c) => c.verdict === v).length;
  // The last line of defence, as for the Report: every string is masked again (the document name included).
  return redactDeep({
    schemaVersion: 1,
    document: input.document,
    ...(input.documentPath !== undefined ? { documentPath: input.documentPath } : {}),
    repository: input.report.repository.name,
    repaired: repaired.repaired ? { encoding: repaired.encoding!, lines: repaired.lines } : null,
    ...(input.profile ? { profile: input.profile } : {}),
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
