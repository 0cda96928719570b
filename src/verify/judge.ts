/**
 * The one judge. Every claim becomes confirmed, partially-confirmed, contradicted or unverifiable
 * from Findings — what a rule found, or what a fact lookup found (lookup.ts) — combined the same
 * way whatever their source: a claim of "done" needs everything it names to be there, a claim of
 * "missing" is contradicted by anything it names being there (stale documents are the norm), and
 * a named mechanism must be the one found. A wrong "confirmed" is the worst outcome, so what is
 * not specific stays unverifiable.
 */
import { corsOrigins, saysAnyOrigin } from './cors-wildcard.js';
import { staleTestCommand } from './test-command.js';
import { endpointCount } from './endpoint-counts.js';
import { exactNamesFinding } from './exact-names.js';
import { keyedFigureFinding } from './keyed-figures.js';
import { labelledPart } from './ordinals.js';
import { databaseJudgement } from './databases.js';
import type { Report } from '../report/schema.js';
import { type Claim, subjectOf } from './extract.js';
import { gitignored, type LookupContext } from './lookup.js';
import { claimedPort, portFinding } from './ports.js';
import { plain } from './status.js';
import { dependencyItemFinding } from './dependency-items.js';
import { claimedScore } from './numbers.js';
import { stubReading, stubWhere } from './stubs.js';
export { replacedNames } from './removed-names.js';
export { subProject } from './sub-project.js';
export { READINESS_TOLERANCE, PILLAR_TOLERANCE, COUNT_TOLERANCE, COVERAGE_TOLERANCE, testScope } from './figures.js';
import type { VerifiedClaim, Verdict } from './schema.js';
import { generatedWithoutTemplate } from './generated.js';
import { pinDifferenceReason, pinnedVersionDifference } from './pinned-versions.js';
import { NEGATED, namesOf } from './needles.js';
import { unitCount } from './unit-counts.js';
import { evidenceText, productInRepository, productsIn, shows } from './products.js';
import { routeCoverage } from './coverage.js';
import { quotedStatement, runAction, runFigure, runStatus, statementIn, versionNotShown } from './presence-only.js';
import {
  RAN_VERDICT,
  RUN_TALLY,
  auditorAction,
  ADVICE_LABEL,
  SAID_OF_IT,
  WELL_DONE,
  FILE_NOTE_COUNT,
  assignedIn,
  ASSIGNED,
  TESTED,
  TEST_PATH,
  fileNamedByWords,
  uncomparedValue,
  USE_OF_PACKAGE,
} from './claim-shapes.js';
import { judgeClaimInner } from './judge-claim.js';
import { measuredFigure } from './measures.js';
import { unusedUnit } from './integrated.js';
import { vagueSubject } from './decide.js';
import { changeOnNames, namedOnlyInQuotes } from './reported-change.js';
import { fixedGap } from './fixed-gaps.js';

type Evidence = VerifiedClaim['evidence'][number];
export type Out = (
  basis: string,
  verdict: Verdict,
  reason: string,
  evidence?: Evidence[],
  rule?: string | null,
) => VerifiedClaim;

export { claimedScore };

/**
 * "JWT auth present, no RBAC": each part judged as a claim of its own. A part found false makes
 * the whole false when nothing else holds, and partial when another part holds; parts that no
 * file settles add nothing.
 */
export function judgeParts(claim: Claim, report: Report, opts: JudgeOptions, out: Out): VerifiedClaim {
  const judged = claim.parts!.map((p) =>
    judgeClaim(
      {
        ...claim,
        text: p.text,
        subject: subjectOf(p.text),
        raw: p.text,
        asserted: p.asserted,
        parts: undefined,
        number: null,
      },
      report,
      opts,
    ),
  );
  const held = judged.filter((j) => j.verdict === 'confirmed' || j.verdict === 'partially-confirmed');
  const fell = judged.filter((j) => j.verdict === 'contradicted');
  const said = judged.map((j) => `"${j.text}": ${j.verdict} (${j.reason})`).join('; ');
  const evidence = [...fell, ...held].flatMap((j) => j.evidence);
  if (fell.length && held.length) return out('parts', 'partially-confirmed', `in part: ${said}`, evidence, null);
  if (fell.length) return out(fell[0]!.basis, 'contradicted', `not so: ${said}`, evidence, fell[0]!.rule);
  if (held.length)
    return out(
      held[0]!.basis,
      held.every((j) => j.verdict === 'confirmed') ? 'confirmed' : 'partially-confirmed',
      `found: ${said}`,
      evidence,
      held[0]!.rule,
    );
  return out('none', 'unverifiable', `no part is settled by the repository: ${said}`);
}

export interface JudgeOptions {
  vocabulary?: Record<string, string[]>;
  /** The facts behind the audit; without them only rules and scores decide. */
  lookup?: LookupContext;
  /** The repository holds no source code: a rule that passes on nothing confirms nothing. */
  empty?: boolean;
}

/** A line that says what the document or its author did, not what the repository has: left undecided. */
export function notAStatement(claim: Claim, reason: string): VerifiedClaim {
  return {
    line: claim.line,
    text: claim.text.slice(0, 300),
    asserted: claim.asserted,
    number: claim.number,
    rule: null,
    basis: 'none',
    verdict: 'unverifiable',
    reason,
    evidence: [],
  };
}

/** A claim judged, and a bare topic's confirmation by a rule or a keyword taken back. */
/** A package confirmed as there, at a version other than every one the line gives: only in part. */
export function pinned(claim: Claim, v: VerifiedClaim, lookup: LookupContext | undefined): VerifiedClaim {
  if (v.verdict !== 'confirmed' || !lookup || claim.asserted === 'not-done') return v;
  const p = pinnedVersionDifference(lookup, claim);
  if (!p) return v;
  const d = p.declared[0]!;
  return {
    ...v,
    verdict: 'partially-confirmed',
    reason: `${v.reason}; but ${pinDifferenceReason(p)}`,
    evidence: [
      { path: d.path, ...(d.line ? { line: d.line } : {}), snippet: `${d.name} ${d.version}` },
      ...v.evidence,
    ].slice(0, 4),
  };
}

/** A local settings file (.env, .env.local, .env.production) a line names. */
const LOCAL_SETTINGS = /(?<![\w.])(\.env(?:\.(?:local|development|dev|production|prod|staging))?)(?![\w.-])/;

export function judgeClaim(
  claim: Claim,
  report: Report,
  options: JudgeOptions | Record<string, string[]> = {},
): VerifiedClaim {
  // "✅ Lecture des variables d'environnement", "Migrations: Counted and verified migration files" under
  // "## Actions effectuées" or "## Audit Methodology": what the auditor did, not what the repository is.
  // ("Verified all 34 model files exist" still gives a count of the repository's code units, compared below.)
  const lookup = (options as JudgeOptions).lookup;
  if (claim.method && !claim.number && auditorAction(claim.text) && !(lookup && unitCount(lookup, claim)))
    return notAStatement(
      claim,
      'a step of the audit (what the auditor read, checked or counted), not a statement about the repository',
    );
  // "Empfohlen: tägliche pg_dump Backups", "Kommando: docker exec …", "Solución: Asegurar que …",
  // "Riesgo: expone información sensible": advice, a command or a risk the document gives, not a
  // statement of what the repository has.
  if (ADVICE_LABEL.test(plain(claim.text)))
    return notAStatement(
      claim,
      `advice, a command or a risk the document gives (${ADVICE_LABEL.exec(plain(claim.text))![0].trim()}), not a statement of what the repository has`,
    );
  const v = fixedGap(
    claim,
    generatedWithoutTemplate(
      claim,
      pinned(
        claim,
        stubbed(claim, everyRouteCounted(claim, judgeClaimChecked(claim, report, options), lookup), lookup),
        lookup,
      ),
      lookup,
    ),
  );
  // "- [ ] Rate limiting", "- [ ] OpenTelemetry integration" left open in a roadmap that ticks other boxes:
  // work still to do, not a finding that the thing is missing. Found there, the list is out of date;
  // found absent or half there, nothing the line states is confirmed (rounds 30 and 36: graders took no
  // open box for a claim, and 17 of them were confirmed by absence).
  if (claim.openBox && (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed'))
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `an open item of a checklist is work still to do, which finding it absent does not confirm (${v.reason})`,
    };
  // A confirmation rests on the claim's distinctive subject AND value: "/plan: 255 KB", "timeout
  // increased to 60s", "Documentation: 80%", "5 new formatting rules" confirmed because the route,
  // setting or file exists compared nothing of the value the line gives. Unless the value is in what
  // the lookup found, the line is not settled (issue 16, wrong confirmations).
  if ((v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') && claim.asserted !== 'not-done') {
    const value = uncomparedValue(claim, v.basis, evidenceText(v.reason, v.evidence));
    if (value)
      return {
        ...v,
        verdict: 'unverifiable',
        reason: `${v.reason}; but the value the line gives (${value}) is not what was compared`,
      };
  }
  // "Code formatted with rustfmt" where the formatting rule passes because Rust has rustfmt: a pass by the
  // language's convention says a formatter exists, not that this code was run through it.
  if (
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    claim.asserted !== 'not-done' &&
    v.basis === 'rule:quality/formatting' &&
    /\bby convention\b/.test(v.reason)
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but a pass by the language's convention shows a formatter exists, not that this code was formatted with it (no configuration or CI step checks it)`,
    };
  // "Minimal test coverage", "Missing test coverage for critical paths" confirmed because coverage is
  // neither measured nor gated: how much the tests cover is what the line says, and with nothing
  // measuring it, that amount is not in the repository. A line about the measuring itself (reports, a
  // threshold, a tool, a percentage) is what the rule looked for, and stays.
  if (
    v.verdict === 'confirmed' &&
    v.basis === 'rule:quality/coverage-gate' &&
    v.reason.startsWith('absent') &&
    !COVERAGE_MEASURING.test(plain(claim.raw ?? claim.text))
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but the line speaks of how much the tests cover, which nothing in the repository measures`,
    };
  if (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') {
    const t = plain(claim.raw ?? claim.text);
    // "CI/CD Pipeline: PASS", "README & Onboarding: PASS": a topic with a run's verdict and nothing
    // else. The rule finds the practice; that a run of it passed is the author's, and not recorded.
    // (A "**Status**: PASS" line takes its heading as its text: the verdict is in the text, not the raw line.)
    const said = plain(claim.text);
    const ran = RAN_VERDICT.exec(said);
    if (
      ran &&
      (v.basis.startsWith('rule:') || v.basis === 'mechanism' || v.basis === 'config') &&
      // "| Unit test script | PASS | test:unit |": the row checks a command the manifest declares by name.
      !/^found: \S+:\d+ declares the command /.test(v.reason) &&
      said
        .replace(ran[0], '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean).length <= 5
    )
      return {
        ...v,
        verdict: 'unverifiable',
        reason: `${v.reason}; but the line is a topic with a run's verdict ("${ran[0]}"), which the repository does not record`,
      };
    // "Integration Tests (API Endpoints): 113/134 Passing": how many tests a run passed. A rule that finds
    // such tests counts none of them, and the run is not recorded.
    const tally = RUN_TALLY.exec(said);
    // (A count the lookups compared with the line's, "the document says 98 tests; 96 counted", stands.)
    if (tally && (v.basis.startsWith('rule:') || v.basis === 'mechanism') && !/\bthe document says \d/.test(v.reason))
      return {
        ...v,
        verdict: 'unverifiable',
        reason: `${v.reason}; but the line gives a run's tally ("${tally[0]}"), which the rule does not count and the repository does not record`,
      };
    // "Comprehensive documentation", "Documentation: Complete and up-to-date": a README shows there is
    // documentation, not how complete it is.
    const judged = DOCS_JUDGED.exec(t);
    if (judged && v.basis === 'file' && v.reason.includes('documents the project'))
      return {
        ...v,
        verdict: 'unverifiable',
        reason: `${v.reason}; but how complete it is ("${judged[0]}") is a judgement a README's presence does not show`,
      };
  }
  // "POST /api/auth/verify-phone: BLOQUÉ", "TaskServiceIntegration: Skipped (FK constraint)", "Envoi
  // email fonctionne (Resend)": the state a run left the named thing in. The name being in the code
  // shows the thing exists, not how it ran.
  const ran = v.verdict === 'confirmed' || v.verdict === 'partially-confirmed' ? runStatus(claim, v) : null;
  if (ran)
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but the line gives the state of a run ("${ran}"), which the repository does not record`,
    };
  // "Todas as migrations aplicadas", "Imagens Docker reconstruídas", "verified with `manage.py check`":
  // an operation someone performed on a running system. The migration files, the Dockerfile, the
  // command are there whether or not it was done.
  const acted = v.verdict === 'confirmed' || v.verdict === 'partially-confirmed' ? runAction(claim, v) : null;
  if (acted)
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but the line reports an operation done on a running system ("${acted}"), which the repository does not record`,
    };
  // "Spring Boot Version: 4.0.0" confirmed by a file naming Spring Boot, "TypeScript Errors: 13 → 0"
  // by typescript being a dependency: the name is there, the version or the figure is not shown.
  if (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') {
    const version = versionNotShown(claim, v);
    const figure = version ? null : (runFigure(claim, v) ?? measuredFigure(claim, v));
    if (version || figure)
      return {
        ...v,
        verdict: 'unverifiable',
        reason: version
          ? `${v.reason}; but the line gives version ${version}, which the finding does not show`
          : `${v.reason}; but the line gives a figure ("${figure}") a run or a count over files gives, which the finding does not`,
      };
  }
  // "$count = static::whereYear('created_at', $year)->count() + 1", "`const id = crypto.randomUUID()`":
  // a line of code the document quotes is in the repository when a file holds it, not when one of its
  // names is somewhere.
  if ((v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') && lookup && claim.asserted !== 'not-done') {
    const quoted = quotedStatement(claim);
    if (quoted && !claim.shownFrom && !claim.placed) {
      const held = statementIn(lookup, quoted, claim, v);
      if (held)
        return {
          ...v,
          reason: `${v.reason}; the line of code is at ${held.path}:${held.line}`,
          evidence: [held, ...v.evidence.filter((e) => e.path !== held.path)].slice(0, 4),
        };
      return {
        ...v,
        verdict: 'unverifiable',
        reason: `${v.reason}; but the line quotes code (${quoted.length > 80 ? `${quoted.slice(0, 77)}…` : quoted}) that no file holding its names holds as written`,
      };
    }
  }
  // "RPC SECURITY DEFINER qui font confiance au p_tenant_id client", "`DexieAdapter.ts:245` `const id =
  // crypto.randomUUID()`": a line that says something OF the names it gives (a defect, a behaviour, a
  // place) is confirmed only by that something; the names being in the code shows they exist, no more.
  // "Integrated NotificationBell into main layout" where only its own folder names it (integrated.ts).
  const unused =
    lookup && v.basis === 'search' && v.verdict === 'confirmed' && claim.asserted === 'done'
      ? unusedUnit(lookup, claim)
      : null;
  if (unused)
    return {
      ...v,
      verdict: 'contradicted',
      reason: `the document says ${unused.name} is integrated, but only its own files name it (defined at ${unused.defined.path}:${unused.defined.line}); no other file imports or uses it`,
      evidence: [{ path: unused.defined.path, line: unused.defined.line, snippet: unused.defined.snippet }],
    };
  // "Updated `ListTrades()` to load entries and exits": the names being there is not the change made.
  const change = changeOnNames(claim, v, lookup?.files.paths);
  if (change) return change;
  const quotedOnly = namedOnlyInQuotes(claim, v);
  if (quotedOnly)
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but ${quotedOnly} is only named in quotes there (a route or setting that refers to it), and no definition or call of it was shown`,
    };
  const beyond = v.verdict === 'confirmed' && claim.asserted !== 'not-done' ? moreThanPresence(claim, v) : null;
  if (beyond)
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but the line says more of it (${beyond}) than that it is there`,
    };
  return v;
}

/**
 * "All API routes use Zod schemas", "Rate limiting on all user routes": a confirmation from the thing
 * being somewhere is recounted over the route files the line's scope covers (coverage.ts).
 */
/**
 * "❌ `InvoiceService.render()` not implemented" contradicted because the name is in the code, where
 * its body is `throw new Error("not implemented")`: the document is right, the unit is a stub. And a
 * unit said done whose every definition is a stub is done only in part (stubs.ts).
 */
function stubbed(claim: Claim, v: VerifiedClaim, lookup: LookupContext | undefined): VerifiedClaim {
  if (!lookup || v.basis !== 'search') return v;
  const missing = claim.asserted === 'not-done' && v.verdict === 'contradicted';
  const done = (claim.asserted === 'done' || claim.asserted === 'partial') && v.verdict === 'confirmed';
  if (!missing && !done) return v;
  const read = stubReading(lookup, claim, v.evidence);
  if (!read || read.real.length || !read.stubs.length) return v;
  const said = read.stubs.map(stubWhere).join('; ');
  const evidence = read.stubs.map((s) => ({ path: s.at.path, line: s.at.line, note: 'a stub' }));
  return missing
    ? {
        ...v,
        verdict: 'confirmed',
        reason: `not implemented, as the document says: ${said}`,
        evidence,
      }
    : {
        ...v,
        verdict: 'partially-confirmed',
        reason: `the name is there, but not its implementation: ${said}`,
        evidence,
      };
}

function everyRouteCounted(claim: Claim, v: VerifiedClaim, lookup: LookupContext | undefined): VerifiedClaim {
  if (!lookup || (v.verdict !== 'confirmed' && v.verdict !== 'partially-confirmed')) return v;
  if (claim.asserted === 'not-done' || claim.asserted === 'planned') return v;
  const counted = routeCoverage(lookup, claim, v);
  return counted ? { ...v, basis: counted.verdict === 'unverifiable' ? v.basis : 'routes', ...counted } : v;
}

/** A cited place in a file ("RBACGuard.tsx:69", "supabase.ts:29"), read token by token. */
const FILE_LINE = {
  exec: (t: string): [string] | null => {
    for (const tok of t.split(/[^\w.:-]/)) {
      const at = tok.lastIndexOf(':');
      if (at > 0 && /^\d{1,5}$/.test(tok.slice(at + 1)) && /\.[a-z]{1,5}$/i.test(tok.slice(0, at))) return [tok];
    }
    return null;
  },
};
/** A finding reported fixed or resolved. */
// (Letters on both sides as Unicode reads them: "CORRIGÉ" ends in a letter \b does not know.)
export const FIXED =
  /(?<![\p{L}\p{N}_])(?:fixed|resolved|corrig[ée]e?s?|r[ée]solue?s?|behoben|corregid[oa]s?|corrigid[oa]s?)(?![\p{L}\p{N}_])/iu;
/** A finding's severity ("P0", "(P1)", "P1→P0"): the line reports a defect, not a name. */
const FINDING_MARK = /\(?\bP[0-3]\b(?:\s*[→-]\s*P[0-3])?\)?/u;

/**
 * What a presence-only confirmation (the names found in the code or as files) leaves unsettled in the
 * line: a cited file:line, a finding's severity or stamp, or a sentence that says more of the names than
 * that they exist (a verb phrase of many words). Null when the line claims no more than presence.
 */
function moreThanPresence(claim: Claim, v: VerifiedClaim): string | null {
  if (v.basis !== 'search' && v.basis !== 'file') return null;
  if (!/^found: /.test(v.reason)) return null;
  const t = plain(claim.raw ?? claim.text);
  const cited = FILE_LINE.exec(t);
  // A place a few lines off is the same code moved by an edit above it; another file is another place.
  if (cited) {
    const [file, at] = [
      cited[0].slice(0, cited[0].lastIndexOf(':')),
      Number(cited[0].slice(cited[0].lastIndexOf(':') + 1)),
    ];
    const near = (e: { path: string; line?: number }) =>
      e.line !== undefined && e.path.split('/').pop() === file.split('/').pop() && Math.abs(e.line - at) <= 10;
    if (!v.evidence.some(near)) return `it cites ${cited[0]}, where the evidence is not`;
  }
  const figure = /\d(?:[.,]\d+)?\s?%/.exec(t);
  // (A figure beside a count the lookup compared, "11 tests, 100 %", was read with it.)
  if (figure && !/\bcounted\b|as the (?:line|document) says/.test(v.reason)) return `the figure ${figure[0]}`;
  // A defect the line reports ("bypasses RBAC in production", "(P0)") is not its names being there; a
  // line that reports the defect fixed ("| P0 | FIXED") says what the code now is, which the names may show.
  const mark = FINDING_MARK.exec(t);
  if (mark && !FIXED.test(t)) return `a finding marked "${mark[0].trim()}"`;
  if (claim.problem && !FIXED.test(t)) return 'a defect, not only its names';
  return null;
}

/**
 * "- http://localhost:8080/api/users", "- GET /api/orders": an item that is only a route (a method, a
 * local server's address) states no more than that the route is served — finding it is the answer.
 */
const ROUTE_ITEM =
  /^(?:(?:GET|POST|PUT|PATCH|DELETE)\s+)?(?:https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d{1,5})?)?(\/[A-Za-z_{:][\w{}:.\-/]*)$/;
/**
 * "- GET /api/users/:id - user detail (auth required)": a method and route, then a caption of what it
 * is for. The route served is what the item states; the caption names it.
 */
const ROUTE_CAPTION = /^((?:GET|POST|PUT|PATCH|DELETE)\s+\/\S{1,200})\s*(?:[-–—:]\s|[（(])/;
function endpointOnly(claim: Claim): boolean {
  const item = plain(claim.raw ?? claim.text)
    .replace(/^[-*+]\s+/, '')
    .trim();
  const route = ROUTE_ITEM.exec(item) ?? ROUTE_ITEM.exec(ROUTE_CAPTION.exec(item)?.[1] ?? '');
  return !!route && namesOf(claim).endpoints.length === 1;
}

/** A line about measuring coverage (reports, a gate, a tool, a figure), not about how much is covered. */
const COVERAGE_MEASURING =
  /\b(?:reports?|rapports?|berichte?|relat[oó]rios?|measur\w*|mesur\w*|mess\w*|medi\w*|gat(?:e|ed|es|ing)|thresholds?|seuil|schwell\w*|umbral|limiar|badges?|track\w*|tools?|ci|codecov|coveralls|jacoco|istanbul|nyc|c8|pytest-cov|coverlet|simplecov|tarpaulin|llvm-cov|kover)\b|%/i;

/** A quantifier over every instance ("for all API inputs", "every endpoint"). */
const EVERY = /\b(?:all|every|each|todos?|todas?|tous|toutes|alle[ns]?)\b/i;

/** A judgement of how complete or good documentation is. */
const DOCS_JUDGED =
  /\b(?:comprehensive|complete[d]?|up[- ]to[- ]date|extensive|thorough|excellent[e]?|excelente|outstanding|great|superb|exemplary|good|proper|full|vollständig|hervorragend|exzellent|completa?|compl[eè]te|exhaustiv[ae]?)\b/i;

/** The judgement with the checks that take back a confirmation whose subject is not what was found. */
function judgeClaimChecked(
  claim: Claim,
  report: Report,
  options: JudgeOptions | Record<string, string[]>,
): VerifiedClaim {
  const v = judgeClaimInner(claim, report, options);
  // "| 8001 | patient-service | /health | ✅ |", "Rules Service (port 8003)": the port the line gives a
  // service is part of what it claims. Compared with the service's compose block, Dockerfile and port
  // settings: another port there contradicts the line; none readable leaves a confirmation open.
  const lookup = 'lookup' in options ? (options as JudgeOptions).lookup : undefined;
  // "Database (H2) with JPA/Hibernate": a line that only names the database and its ORM is settled by
  // the drivers, settings and ORM the project declares (databases.ts), where nothing else decided it
  // or only a plain item's words met a mechanism or dependency (which the check below takes back).
  const open = v.verdict === 'unverifiable' || (claim.loose && v.verdict !== 'contradicted');
  const db = lookup && open ? databaseJudgement(lookup, claim) : null;
  if (db) return { ...v, basis: 'dependency', rule: null, ...db };
  const said = claimedPort(claim);
  if (said && lookup && (claim.asserted === 'done' || claim.asserted === 'partial')) {
    const port = portFinding(lookup, claim);
    if (port && !port.agrees)
      return {
        ...v,
        basis: 'file',
        rule: null,
        verdict: 'contradicted',
        reason: `not so: ${port.detail}`,
        evidence: port.evidence,
      };
    if (port?.agrees && (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed'))
      return { ...v, reason: `${v.reason}; ${port.detail}`, evidence: [...port.evidence, ...v.evidence].slice(0, 4) };
    // (A port given as a detail of what the line names — "…、ポート5433" — as much as a table's port column.)
    if (!port && (claim.port || said.detail) && (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed'))
      return {
        ...v,
        verdict: 'unverifiable',
        reason: `${v.reason}; but the port the line gives ${said.service} (${said.port}) was not compared: no port of that service was found`,
      };
  }
  // ".env configured", ".envファイル設定済み": a settings file a .gitignore keeps out is local state;
  // code that names it (a script that writes it, a loader) does not show it is set up anywhere.
  const local = LOCAL_SETTINGS.exec(plain(claim.text));
  if (
    lookup &&
    local &&
    v.basis === 'search' &&
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    v.reason.includes(local[1]!) &&
    !lookup.files.exists(local[1]!)
  ) {
    const by = gitignored(lookup, local[1]!);
    if (by)
      return {
        ...v,
        verdict: 'unverifiable',
        reason: `${local[1]} is kept out of the repository by ${by}: whether it is set up is local state, which code that names it does not show (${v.reason})`,
        evidence: [{ path: by }, ...v.evidence].slice(0, 3),
      };
  }
  // "Test execution with `bundle exec rake test`" where everything runs rspec: the suite moved on.
  const command = lookup && v.verdict !== 'contradicted' ? staleTestCommand(lookup, claim) : null;
  if (command)
    return {
      ...v,
      basis: 'search',
      rule: null,
      verdict: 'contradicted',
      reason: `not so: the document names \`${command.named}\`, but the repository's scripts and CI run another test command (${command.runs.map((e) => `${e.path}:${e.line}`).join(', ')}) and nothing runs that one: the document is out of date`,
      evidence: command.runs,
    };
  // "CORS: WILDCARD ENABLED": origins set from a list or a setting with no "*" anywhere say it was fixed.
  if (lookup && v.verdict !== 'contradicted' && saysAnyOrigin(claim)) {
    const cors = corsOrigins(lookup);
    if (!cors.wildcard && cors.settings.length)
      return {
        ...v,
        basis: 'search',
        rule: null,
        verdict: 'contradicted',
        reason: `not so: CORS origins are set at ${cors.settings.map((e) => `${e.path}:${e.line}`).join(', ')}, and no origin is "*" anywhere they are set: the document is out of date`,
        evidence: cors.settings,
      };
  }
  // "- `express`: ^4.18.2", "- **Lombok** - less boilerplate": an item that is a dependency (and its
  // version) with at most a caption states what the manifests declare; they settle it either way.
  const depItem = lookup && claim.loose ? dependencyItemFinding(lookup, claim) : null;
  if (depItem)
    return {
      ...v,
      basis: 'dependency',
      rule: null,
      verdict: depItem.present === 'yes' ? 'confirmed' : 'contradicted',
      reason: depItem.present === 'yes' ? `found: ${depItem.detail}` : `not so: ${depItem.detail}`,
      evidence: depItem.evidence,
    };
  // "- Streak updates use atomic DB operations": an item taken for its shape alone (no mark, no code
  // named). A dependency, a file name or a rule its words meet does not show what it states: it counts
  // as read, and stays open.
  // Nor is it contradicted by a rule or a dependency its words were mapped to ("League standings with
  // all metrics" against the metrics rule): only a precise fact — a count, a version, a named file — does.
  // (A line that names code or a shown string, each written so in the project's files, names what it
  // states: exact-names.ts.)
  if (
    claim.loose &&
    !(v.basis === 'search' && endpointOnly(claim)) &&
    // "API Endpoints: 11": a count of the routes the code declares is a precise fact.
    !(v.basis === 'search' && lookup && endpointCount(lookup, claim)) &&
    !(v.basis === 'search' && lookup && (exactNamesFinding(lookup, claim) ?? keyedFigureFinding(lookup, claim))) &&
    !(v.basis === 'file' && lookup && labelledPart(lookup, claim)) &&
    !classTests(claim, v) &&
    // "- **Contrôleurs :** 36 fichiers": a count of a kind of unit, compared with the folder's files.
    !(v.basis === 'file' && /; the repository holds \d+ files under /.test(v.reason)) &&
    // "### BookingController.php (~719 lignes)": the length of the file the item names, counted.
    !(v.basis === 'file' && v.evidence.some((e) => /^\d+ lines$/.test(e.note ?? ''))) &&
    (v.verdict === 'confirmed' ||
      v.verdict === 'partially-confirmed' ||
      (v.verdict === 'contradicted' && (v.basis.startsWith('rule') || v.basis === 'dependency')))
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `not compared: ${v.reason} (a plain item's words met it, which does not show what the item states)`,
    };
  // A linked file's presence is what the line claims, however vague its title.
  if (claim.linked && v.basis === 'file') return v;
  // "Error handling", "Template Caching", "Pub/sub notifications" listed in a catalogue: a bare name
  // of a topic, with no file, code, version, count or value, is not specific enough to confirm — a
  // practice a rule finds somewhere, or a keyword, does not show it is what the author meant.
  if (
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    (((v.basis.startsWith('rule:') || v.basis === 'mechanism') && vagueSubject(claim, true)) ||
      // "Documentation complete" confirmed by a README, "Documented with comments" by some file: a
      // file the claim does not name is a guess at what it meant.
      (v.basis === 'file' &&
        namesOf(claim).paths.length === 0 &&
        !fileNamedByWords(claim, v.evidence) &&
        vagueSubject(claim, true)))
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `a topic named without a file, code, version, count or value; ${v.reason}`,
    };
  // "Redis caching" confirmed because caching was found, "Prettier exclusions" by PHP-CS-Fixer: the
  // practice a rule or mechanism finds is not the product the line names (issue 16). When none of the
  // products the claim names is in the evidence, the line is only in part what was found if the
  // product is elsewhere in the repository, and contradicted if it is nowhere.
  if (
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    (v.basis.startsWith('rule:') || v.basis === 'mechanism') &&
    claim.asserted !== 'not-done' &&
    claim.asserted !== 'planned' &&
    !NEGATED.test(plain(claim.text))
  ) {
    const named = productsIn(plain(claim.raw ?? claim.text));
    const said = evidenceText(v.reason, v.evidence);
    if (named.length && !named.some((x) => shows(x, said))) {
      const present = named.map((x) => productInRepository(lookup, x));
      const names = named.map((x) => x.name).join(', ');
      // "Pydantic schemas for all API inputs" confirmed by "input validation found": the product is
      // in the project, but that ALL inputs go through it is more than the practice found somewhere.
      if (present.some((x) => x === true) && EVERY.test(plain(claim.raw ?? claim.text)))
        return {
          ...v,
          verdict: 'partially-confirmed',
          reason: `${v.reason}; the line names ${names} for all of them, which this evidence does not show`,
        };
      if (present.some((x) => x === true))
        // Measured on rounds 5-14: a line naming the product among others ("health checks of DB, Redis,
        // cache") was right three times of three; it stays, with the difference said.
        return { ...v, reason: `${v.reason}; the line also names ${names}, which this evidence does not show` };
      if (present.every((x) => x === false))
        return {
          ...v,
          verdict: 'contradicted',
          reason: `the line names ${names}, but no dependency, file or CI command shows it; what was found instead: ${v.reason}`,
        };
      return {
        ...v,
        verdict: 'unverifiable',
        reason: `the line names ${names}, which the evidence does not show; ${v.reason}`,
      };
    }
  }
  // "SUPABASE_SERVICE_ROLE_KEY peut manquer en production", "Existe SECRET_KEY, pero debe verificarse":
  // the line names an identifier, but what it says of it is a possibility or a doubt. That the
  // identifier occurs in the code is not that statement.
  if (
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    v.basis === 'search' &&
    claim.asserted !== 'not-done' &&
    SAID_OF_IT.test(plain(claim.text))
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but the line says more of it (${SAID_OF_IT.exec(plain(claim.text))![0].trim()}) than that it is in the code`,
    };
  // "RBAC restrictions tested for viewer/deployer roles", "Consumers não testados": that a thing is
  // tested is shown by a test that exercises it — the thing being in the code, or a keyword, is not that.
  if (
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    v.basis !== 'tests' &&
    TESTED.test(plain(claim.text)) &&
    !v.evidence.some((e) => TEST_PATH.test(e.path))
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but that it is tested needs a test that exercises it, and none was looked for`,
    };
  // "Configuration Next.js correcte", "Routes bien structurées", "Spring Boot best practices": the
  // package is declared, but how well it is set up is a judgement the manifest does not hold.
  if (
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    v.basis === 'dependency' &&
    WELL_DONE.test(plain(claim.text))
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; how well it is set up (${WELL_DONE.exec(plain(claim.text))![0]}) is a judgement a declared package does not show`,
    };
  // "Package.swift restructured, releaseTag = \"0.3.1\"": the file is there, but the value the line
  // quotes is what it claims, and no lookup compared it.
  const assigned = ASSIGNED.exec(plain(claim.raw ?? claim.text));
  if (
    assigned &&
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    (v.basis === 'file' || v.basis === 'search') &&
    !v.reason.includes(assigned[1]!)
  ) {
    // The file the line names (and the evidence found) holds the key: its value there decides.
    const held = lookup ? assignedIn(lookup, v.evidence, assigned[0]!) : null;
    if (held && held.value !== assigned[1])
      return {
        ...v,
        basis: 'file',
        verdict: 'contradicted',
        reason: `not so: ${held.path}:${held.line} holds ${held.snippet}, not ${assigned[0]}`,
        evidence: [{ path: held.path, line: held.line, snippet: held.snippet }],
      };
    if (held)
      return {
        ...v,
        reason: `${v.reason}; ${held.path}:${held.line} holds ${held.snippet}`,
        evidence: [{ path: held.path, line: held.line, snippet: held.snippet }, ...v.evidence].slice(0, 4),
      };
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but the value the line quotes (${assigned[0]}) is not compared`,
    };
  }
  // "├── Form.jsx  ← updated: 8 toasts", "`pint.json` - 5 new formatting rules": the file is there, but
  // the count the note gives of what is in it is what the line claims, and no lookup counted it.
  const noted = v.basis === 'file' && namesOf(claim).paths.length > 0 ? FILE_NOTE_COUNT.exec(plain(claim.text)) : null;
  if (
    noted &&
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    !new RegExp(`(?<![\\d.])${noted[1]}(?![\\d.])`).test(v.reason)
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; but the count the line gives (${noted[0].trim()}) was not compared`,
    };
  // "SQLAlchemy configured for async operations", "Session in Redis (TTL: 5 min)": the package is
  // declared, but how it is used or set is more than the manifest shows.
  if (
    (v.verdict === 'confirmed' || v.verdict === 'partially-confirmed') &&
    v.basis === 'dependency' &&
    USE_OF_PACKAGE.test(claim.raw ?? claim.text)
  )
    return {
      ...v,
      verdict: 'unverifiable',
      reason: `${v.reason}; how it is used or set (${USE_OF_PACKAGE.exec(claim.raw ?? claim.text)![0].trim()}) is not looked up`,
    };
  return v;
}

/**
 * "#### ProductoService (13 tests)" judged on the one test file named for that class
 * (ProductoServiceIntegrationTest.java): a count of a named class's tests is a precise fact.
 */
function classTests(claim: Claim, v: VerifiedClaim): boolean {
  if (v.basis !== 'tests' || claim.number?.unit !== 'tests' || !/^[A-Z][A-Za-z0-9]{2,60}$/.test(claim.subject))
    return false;
  // "VentaService (17 tests) - 4 @Nested": what follows the count is a second statement, not checked here.
  if (!/^[A-Za-z0-9]+\s*\(\s*\d[\d,]*\s+(?:tests?|pruebas|testes)\s*\)\s*$/i.test(claim.text.trim())) return false;
  const files = [...new Set(v.evidence.map((e) => e.path))];
  if (files.length !== 1) return false;
  const base = files[0]!.slice(files[0]!.lastIndexOf('/') + 1);
  return base.startsWith(claim.subject) && /Tests?\.\w+$|Spec\.\w+$/.test(base);
}
