/**
 * Findings combined into a verdict (decide), and a rule's outcome read as a finding (ruleFinding).
 * Split from judge.ts.
 */
import type { Report, RuleReport } from '../report/schema.js';
import type { Claim } from './extract.js';
import { type Finding, fileFinding, type LookupContext, searchFinding } from './lookup.js';
import { fileLineFinding } from './line-at.js';
import { namesIn } from './names.js';
import { iconStatus, plain, statusOf as statusOfWords } from './status.js';
import { performanceFiles, subProject } from './sub-project.js';
import type { VerifiedClaim, Verdict } from './schema.js';
import { namesOf } from './needles.js';
import { testInventory } from '../facts/tests/inventory.js';
import { table } from '../util/table.js';
import type { Out, JudgeOptions } from './judge.js';
import { RAN_VERDICT, ruleById, statesAbsence, DEGREE } from './claim-shapes.js';

/** A rule's outcome as a Finding; a pass that rests on there being nothing to check is unknown. */
export function ruleFinding(target: string, report: Report, opts: JudgeOptions): Finding | null {
  const [ruleId, facet] = target.split(':') as [string, string | undefined];
  const rule = ruleById(report, ruleId);
  const basis = `rule:${ruleId}`;
  if (!rule)
    return {
      subject: ruleId,
      basis,
      present: 'unknown',
      detail: `the rule ${ruleId} did not run in this audit`,
      evidence: [],
    };
  const evidence = rule.evidence.slice(0, 3);
  if (rule.outcome === 'not-applicable' || rule.outcome === 'unknown' || rule.outcome === 'error')
    return {
      subject: ruleId,
      basis,
      present: 'unknown',
      detail: `${ruleId} could not assess it (${rule.outcome}: ${rule.message})`,
      evidence,
    };
  let outcome = rule.outcome;
  let detail = `${ruleId}: ${rule.message.replace(/\.$/, '')}`;
  if (facet) {
    const found = facetFound(rule, facet);
    const what = FACET_NAMES[facet] ?? facet;
    if (found === undefined)
      return {
        subject: ruleId,
        basis,
        present: 'unknown',
        detail: `${ruleId} does not report ${what} separately`,
        evidence,
      };
    // "Performance tests: not available" where the rule knows no load-test tool, but benchmarks or
    // scripts of a performance folder are there (benchmark_test.go, tests/performance/load_test.sh):
    // the rule's "none" is no proof that they are absent.
    const perf = found === false && facet === 'load' && opts.lookup ? performanceFiles(opts.lookup) : [];
    if (perf.length)
      return {
        subject: ruleId,
        basis,
        present: 'unknown',
        detail: `${ruleId} finds no load-test tool, but performance or benchmark tests are there (${perf.join(', ')})`,
        evidence: perf.map((path) => ({ path })),
      };
    outcome = found === 'partial' ? 'partial' : found ? 'pass' : 'fail';
    detail = `${ruleId}: ${outcome === 'pass' ? `${what} found` : outcome === 'partial' ? `${what} found, with problems` : `no ${what} found`}`;
  }
  const located = evidence.some((e) => e.path !== '.');
  if (
    outcome === 'pass' &&
    !located &&
    (opts.empty || /^no .*\bto (?:measure|check|assess)\b|nothing to/i.test(rule.message))
  )
    return {
      subject: ruleId,
      basis,
      present: 'unknown',
      detail: `${ruleId} passes only because there is no code to check`,
      evidence,
    };
  // A document inside a sub-project ("tool/docs/readiness.md" beside "tool/Cargo.toml") speaks of that
  // project; a rule that judged the repository as a whole, with no evidence inside the project, says
  // nothing of it — except for what is one for the whole repository (CI, licence).
  const project = opts.lookup ? subProject(opts.lookup) : null;
  // The project's own README is the one its document speaks of.
  const readme =
    project && ruleId === 'architecture/readme'
      ? opts.lookup!.files.paths.find(
          (p) => p.startsWith(project) && /^readme(?:\.\w+)?$/i.test(p.slice(project.length)),
        )
      : undefined;
  if (readme)
    return {
      subject: ruleId,
      basis,
      present: 'yes',
      detail: `${ruleId}: the document's project ${project} has its README, ${readme}`,
      evidence: [{ path: readme }],
    };
  // What a rule found elsewhere in the repository is not in the project; what it found nowhere is
  // nowhere in the project either — unless the rule looked only at the repository's root.
  const inProject = rule.evidence.some((e) => project && e.path.startsWith(project));
  const elsewhere = rule.evidence.some((e) => e.path !== '.' && !(project && e.path.startsWith(project)));
  if (
    project &&
    !REPO_WIDE.test(ruleId) &&
    !inProject &&
    (outcome === 'fail' ? /\broot\b/i.test(rule.message) : elsewhere)
  )
    return {
      subject: ruleId,
      basis,
      present: 'unknown',
      detail: `${ruleId} judged the repository as a whole (${rule.message.replace(/\.$/, '')}); the document belongs to the project in ${project}, where that rule found nothing to go by`,
      evidence: [{ path: project, note: "the document's project" }],
    };
  return {
    subject: ruleId,
    basis,
    present: outcome === 'pass' ? 'yes' : outcome === 'partial' ? 'partly' : 'no',
    detail,
    evidence,
  };
}

/** A line that gives the place of the code: "Implementation: `src/x.ts`", "Location: …", "Fichier : …". */
const PLACE_LABEL =
  /^(?:implementation|implemented in|location|path|files?|source|impl[ée]mentation|implementaci[oó]n|ubicaci[oó]n|emplacement|fichiers?|archivos?|dateien?|datei)\s*:/i;
/** Rules about what a repository has once for all its projects: its CI, its licence. */
const REPO_WIDE = /^operations\/(?:ci|release|deploy)|licen[cs]e|^security\/(?:security-scanning|dependency|secret)/;

const FACET_NAMES: Record<string, string> = table({
  load: 'load tests',
  e2e: 'end-to-end tests',
  integration: 'integration tests',
  cors: 'CORS policy',
  headers: 'security headers',
  csrf: 'CSRF protection',
  https: 'HTTPS enforcement/HSTS',
});

/** "not performed", "not run", "nicht durchgeführt": an absence of a run, not of a thing. */
export const NOT_RUN =
  /\bnot (?:yet )?(?:performed|run|executed|conducted|carried out)\b|\bnever (?:run|performed|executed)\b|\bnicht durchgef[üu]hrt\b|\bno (?:realizad[oa]|ejecutad[oa])\b|\bnão (?:realizad[oa]|executad[oa])\b|\bnon (?:effectu[ée]e?|r[ée]alis[ée]e?)\b/i;
function facetFound(rule: RuleReport, facet: string): boolean | 'partial' | undefined {
  const d = rule.data as Record<string, unknown> | undefined;
  // A CORS policy that lets any origin send credentials is there, but not as claimed.
  if (facet === 'cors' && d?.cors === true && d.corsWildcardWithCredentials === true) return 'partial';
  // quality/test-types lists the kinds it found and the kinds missing.
  const kind = facet === 'e2e' ? 'end-to-end' : facet;
  if (Array.isArray(d?.types))
    return (d.types as unknown[]).includes(kind)
      ? true
      : Array.isArray(d.missing) && (d.missing as unknown[]).includes(kind)
        ? false
        : undefined;
  const types = (d?.types ?? d) as Record<string, unknown> | undefined;
  const v = types?.[facet] ?? types?.[facet === 'e2e' ? 'endToEnd' : facet];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v > 0;
  if (v && typeof v === 'object' && 'found' in v) return Boolean((v as { found: unknown }).found);
  if (Array.isArray(v)) return v.length > 0;
  return undefined;
}

/** Lookups of what a claim names itself: files, dependencies, code, settings, tests. */
const NAMED_BASIS = new Set(['file', 'dependency', 'search', 'config', 'tests']);

/**
 * "tests/services/files.service.test.ts - 11/11 (100%)": the line's count is the test cases of the test
 * file it names, and the file holds that many.
 */
export function testFileCounted(
  ctx: LookupContext | undefined,
  claim: Claim,
  found: Finding[],
): { path: string; cases: number } | null {
  if (!ctx) return null;
  // Every number of the line, paths and percentages aside, is that one count ("11/11 (100%)"): a line
  // with a duration or a second figure ("(2 testes) - 15 min") is about more than the file's size.
  const numbers = plain(claim.text)
    .split(/\s+/)
    .filter((w) => !/\.\w/.test(w) && !w.includes('%'))
    .join(' ')
    .match(/\d+/g);
  if (!numbers || new Set(numbers).size !== 1) return null;
  const paths = found
    .filter((f) => f.basis === 'file' && f.present === 'yes')
    .flatMap((f) => f.evidence.map((e) => e.path));
  if (paths.length !== 1) return null;
  const inv = ctx.tests ?? testInventory(ctx.files);
  const file = inv.files.find((f) => f.path === paths[0]);
  return file && file.cases === Number(numbers[0]) ? { path: file.path, cases: file.cases } : null;
}

/**
 * "Created 3 Services (CommentService, RatingService, JournalService)": the count a line gives is the
 * length of the list it gives in brackets, and each name of the list was found — the figure is counted.
 */
export function listCounted(text: string, found: Finding[]): boolean {
  const m = /\b(\d{1,2})\s+[\p{L}][\p{L} -]{0,40}?\s*\(([^()]+)\)/u.exec(plain(text));
  if (!m) return false;
  const items = m[2]!
    .replace(/\s+/g, ' ')
    .split(/[,+]| (?:and|und|y|et|e) /)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  const held = found.filter((f) => f.present === 'yes').map((f) => f.subject.toLowerCase().replace(/[`"']/g, ''));
  return Number(m[1]) === items.length && items.every((x) => held.includes(x));
}

/** Words of a rule's message that say where it falls short, not what it found. */
const SHORT_OF = /\b(?:no|not|none|without|missing|fewer|lacks?|exceeds?|problems|weak|only)\b|\bas root\b/i;
/** Words that say nothing of what is missing ("found", "code", "files"). */
const SHORT_GENERIC = new Set(
  'found code file files that with which there their them than this have been none only fewer separate exceed exceeds missing problems weak nothing largest'.split(
    ' ',
  ),
);
/** A degree, scope or quality beyond presence: the rule's shortfall may be exactly what it means. */
const BEYOND_PRESENCE =
  /\b(?:all|every|each|any|comprehensive|complete|completely|full|fully|entire|secure|securely|proper|properly|strict|strictly|strong|strongly|throughout|everywhere|robust|enterprise|production[- ]ready|100\s?%|todos?|todas?|tous|toutes|alle[ns]?|vollständig|completo|completa|complet|compl[eè]te|seguro|segura|sécurisé)\b/i;
const stem = (w: string) => w.replace(/s$/, '').slice(0, 5);

/**
 * What a rule's partial outcome misses, when the claim's words name none of it and claim no degree,
 * scope or run beyond presence; null otherwise.
 */
function ruleBeside(claim: Claim, rule: Finding): string | null {
  const text = plain(claim.raw ?? claim.text);
  if (BEYOND_PRESENCE.test(text) || RAN_VERDICT.test(text)) return null;
  const message = rule.detail.replace(/^[\w/-]+:\s*/, '');
  const clauses = message.replace(/\s+/g, ' ').split(/, ?but | but |; ?|: (?=fewer\b)|, ?(?=(?:missing|no|with)\b)/i);
  const missing = clauses.filter((c) => SHORT_OF.test(c));
  const had = clauses.filter((c) => !SHORT_OF.test(c));
  // Nothing was found beside the shortfall, or only declared: the rule found too little to confirm.
  if (!missing.length || !had.length || had.every((c) => /\bdeclared\b/i.test(c))) return null;
  const words = (s: string) =>
    (s.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !SHORT_GENERIC.has(w)).map(stem);
  const found = new Set(had.flatMap(words));
  const short = new Set(missing.flatMap(words).filter((w) => !found.has(w)));
  const claimed = new Set(words(text));
  if ([...short].some((w) => claimed.has(w))) return null;
  return missing.join('; ');
}

/** "… - StudentListView, Copy.status": a tail of code names after a dash, where an absence is said to be. */
const CODE_NAME = String.raw`(?:[A-Z][a-z0-9]+[A-Z]\w*|[A-Za-z]\w*\.[A-Za-z_]\w*|[a-z]\w*_\w+)`;
const SCOPE_TAIL = new RegExp(String.raw`\s[-–—]\s+(${CODE_NAME}(?:\s*,\s*${CODE_NAME}){0,5})\s*$`);

/** Combine findings, whatever their source, into the verdict on what the claim asserts. */
export function decide(claim: Claim, found: Finding[], out: Out, mappedRule: string | null): VerifiedClaim {
  // A practice word matched (or missed) in lines of code ("caching found", "API keys found", "no
  // audit trail in code") is not the thing the claim names, unless its evidence is at a path or an
  // identifier the claim names: beside a lookup of a named thing it adds nothing, alone it confirms
  // nothing.
  const names = namesOf(claim);
  const namedHere = [...names.paths, ...names.identifiers].filter((n) => n.length > 2);
  // "Webhooks" beside routes/webhooks.ts, "multi-stage Dockerfile" beside api/Dockerfile: a file or
  // folder whose own name carries a word of the claim is where the claim points.
  const stems = (
    plain(claim.text)
      .toLowerCase()
      .match(/\p{L}{5,}/gu) ?? []
  )
    .filter((w) => !COMMON_WORD.test(w))
    .map((w) => w.slice(0, 5));
  const namesPath = (path: string) =>
    path
      .toLowerCase()
      .split('/')
      .some(
        (seg) =>
          BUILD_DEFINITION.test(seg) ||
          stems.some(
            (st) =>
              seg.replace(/[^a-z]/g, '').startsWith(st) ||
              seg.includes(st) ||
              (seg.length >= 4 && st.startsWith(seg.replace(/\.[a-z]+$/, ''))),
          ),
      );
  // "Cache absent - GlobalSettings": an absence the line scopes to code it names is not undone by the
  // mechanism found elsewhere in the repository.
  const scope = claim.asserted === 'not-done' ? SCOPE_TAIL.exec(plain(claim.text))?.[1] : undefined;
  const scopeNames = scope
    ? scope
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n.length > 2)
    : [];
  if (scopeNames.length) namedHere.push(...scopeNames);
  const scoped = scopeNames.length > 0;
  const weak = (f: Finding) =>
    f.basis === 'mechanism' &&
    (f.keyword === true || scoped) &&
    !f.evidence.some(
      (e) =>
        e.path !== '.' &&
        ((!scoped && namesPath(e.path)) || namedHere.some((n) => e.path.includes(n) || e.snippet?.includes(n))),
    );
  const strong = found.filter((f) => !weak(f));
  const findings =
    strong.length &&
    strong.length < found.length &&
    strong.some((f) => NAMED_BASIS.has(f.basis) || f.basis.startsWith('rule:'))
      ? strong
      : found;
  // "Pagination absente - StudentListView": the names of the scope being there says nothing of the
  // absence in them.
  const ofScope = (f: Finding) =>
    f.basis === 'search' && scopeNames.some((n) => f.subject === n || f.detail.startsWith(`${n} `));
  if (scoped && findings.every((f) => weak(f) || ofScope(f)) && findings.some(ofScope))
    return out(
      'search',
      'unverifiable',
      `the line says it is missing in ${scopeNames.join(', ')}; that these are there does not show whether it is: ${findings.map((f) => f.detail).join('; ')}`,
      findings.flatMap((f) => f.evidence).slice(0, 4),
      mappedRule,
    );
  if (findings.every(weak)) {
    const p = (f: Finding) =>
      f.negated ? (f.present === 'yes' ? 'no' : f.present === 'no' ? 'yes' : f.present) : f.present;
    const wouldConfirm =
      claim.asserted === 'done' || claim.asserted === 'partial'
        ? findings.every((f) => p(f) === 'yes' || p(f) === 'partly')
        : findings.every((f) => p(f) === 'no');
    if (wouldConfirm)
      return out(
        'mechanism',
        'unverifiable',
        `a practice word matched in lines of code is not the thing the claim names: ${findings.map((f) => f.detail).join('; ')}`,
        findings.flatMap((f) => f.evidence).slice(0, 4),
        mappedRule,
      );
    if (scoped)
      return out(
        'mechanism',
        'unverifiable',
        `the line says it is missing in ${scopeNames.join(', ')}; what is found elsewhere does not show it there: ${findings.map((f) => f.detail).join('; ')}`,
        findings.flatMap((f) => f.evidence).slice(0, 4),
        mappedRule,
      );
  }
  // Whether the state the claim calls "done" holds, per finding (a dropped dependency: when absent).
  const holds = findings.map((f) => {
    const p = f.negated ? (f.present === 'yes' ? 'no' : f.present === 'no' ? 'yes' : f.present) : f.present;
    return { f, p: p === 'no' && f.instead ? ('instead' as const) : p };
  });
  const all = (s: string) => holds.every((h) => h.p === s);
  const any = (s: string) => holds.some((h) => h.p === s);
  const said = (h: (typeof holds)[number]) =>
    h.p === 'instead' ? `${h.f.detail} (${h.f.instead} instead)` : h.f.detail;
  const first = (pred: (h: (typeof holds)[number]) => boolean) => holds.find(pred) ?? holds[0]!;
  const rule = holds.find((h) => h.f.basis.startsWith('rule:'))?.f.basis.slice(5) ?? mappedRule;
  const main0 = () => holds[0]!.f.basis;
  const finish = (verdict: Verdict, lead: string, pick: (h: (typeof holds)[number]) => boolean) => {
    const main = first(pick);
    const ordered = [main, ...holds.filter((h) => h !== main)];
    return out(
      main.f.basis,
      verdict,
      `${lead}: ${ordered.map(said).join('; ')}`,
      ordered.flatMap((h) => h.f.evidence),
      rule,
    );
  };
  // "Swagger UI at /swagger-ui.html" where the API-contract rule is partial for want of a committed
  // contract: what the claim names is there, and the rule's fault lies beside it.
  const named = holds.filter((h) => NAMED_BASIS.has(h.f.basis));
  const ruleHold = holds.find((h) => h.f.basis.startsWith('rule:'));
  if (
    claim.asserted === 'done' &&
    ruleHold?.p === 'partly' &&
    named.length > 0 &&
    holds.every((h) => h === ruleHold || (NAMED_BASIS.has(h.f.basis) && h.p === 'yes'))
  )
    return out(
      named[0]!.f.basis,
      'confirmed',
      `found: ${named.map(said).join('; ')} (the rule notes more that the claim does not say: ${ruleHold.f.detail})`,
      [...named.flatMap((h) => h.f.evidence), ...ruleHold.f.evidence],
      rule,
    );
  // "Health check endpoint (database connectivity)" where the health rule is partial for want of a
  // separate readiness endpoint, "Request ID tracking" where logs are not JSON: the rule's outcome is
  // "what is there, but what is missing", and a done-claim whose words name only what is there is
  // confirmed — the missing part is the rule's finding beside the claim. A claim that names the missing
  // part ("liveness, readiness"), a degree or scope ("all", "comprehensive", "secure") or a run's result
  // stays partial.
  const beside = claim.asserted === 'done' && ruleHold?.p === 'partly' ? ruleBeside(claim, ruleHold.f) : null;
  if (beside && holds.every((h) => h === ruleHold || h.p === 'yes'))
    return out(
      ruleHold!.f.basis,
      'confirmed',
      `found: ${holds.map(said).join('; ')} (the rule's shortfall, "${beside}", is not what the claim says)`,
      holds.flatMap((h) => h.f.evidence),
      rule,
    );
  // "**Implementation**: `src/utils/logger.ts`" under a done item: the line says where the code is, and
  // no file it names is at that place (a file of that name elsewhere is the code moved): the line is out
  // of date, whatever a rule finds of the practice.
  const placed = holds.filter((h) => h.f.basis === 'file');
  if (
    claim.asserted === 'done' &&
    PLACE_LABEL.test(claim.text) &&
    placed.length > 0 &&
    placed.every((h) => h.p === 'no' || (h.p === 'partly' && h.f.detail.includes(' is not there, but ')))
  )
    return finish('contradicted', 'the document says the code is at this place, but', (h) => h.f.basis === 'file');
  switch (claim.asserted) {
    case 'done':
      if (all('yes'))
        return finish(
          'confirmed',
          holds.every((h) => h.f.negated) ? 'gone, as the document says' : 'found',
          () => true,
        );
      // "Error page for missing builds", "Input validation": a practice the word search did not find may
      // be there under words of its own (an inline HTML reply, a hand-written check). Absence from the
      // search alone contradicts no done-claim; it says what was looked for.
      if (holds.every((h) => h.p === 'no' && h.f.searched))
        return out(
          main0(),
          'unverifiable',
          `looked for ${holds.map((h) => h.f.subject).join(', ')} in code, dependencies and files by the usual words and found none; that is no proof it is absent, so whether it is done is left to a reader`,
          holds.flatMap((h) => h.f.evidence).slice(0, 4),
          rule,
        );
      if (holds.every((h) => h.p === 'no'))
        return finish('contradicted', 'the document says done, but', (h) => h.p === 'no');
      return finish('partially-confirmed', 'the document says done; only in part', (h) => h.p !== 'yes');
    case 'partial':
      if (any('partly') || any('instead') || (any('yes') && any('no')))
        return finish('confirmed', 'partial, as the document says', () => true);
      // Named facts that hold ("port 5000 hard-coded in deploy.sh") confirm what the document says;
      // a practice found whole is more than "partial".
      if (all('yes') && !holds.some((h) => h.f.basis.startsWith('rule:') || h.f.basis === 'mechanism'))
        return finish('confirmed', 'as the document says', () => true);
      // "Limited security scanning" where CI runs three scanners: how much is "limited" is a judgement.
      if (all('yes') && DEGREE.test(claim.subject.replace(/^\W+/, '')))
        return out(
          main0(),
          'unverifiable',
          `how much is "${DEGREE.exec(claim.subject.replace(/^\W+/, ''))![0].trim()}" is a judgement; found: ${holds.map(said).join('; ')}`,
          holds.flatMap((h) => h.f.evidence).slice(0, 4),
          rule,
        );
      // "RBAC implemented but without policies", "E2E tests (manual only, not automated)" where the rule
      // finds the practice whole (policies wired, end-to-end tests in the tree): the part the line says
      // is missing is there, so the line is out of date, not partly right (rounds 9, 13, 15: 3 of 3).
      if (all('yes') && holds.some((h) => h.f.basis.startsWith('rule:')))
        return finish(
          'contradicted',
          'the document says only part of it is there, but the rule finds it whole (the document is out of date)',
          (h) => h.f.basis.startsWith('rule:'),
        );
      if (all('yes'))
        return finish('partially-confirmed', 'the document says partial; more is in place than claimed', () => true);
      // "MEJORABLE - No hay rate limiting", "⚠️ There is no `moderatedAt` field": a warning on a line
      // that itself states the absence; nothing there is what it says.
      if (holds.every((h) => h.p === 'no') && statesAbsence(claim.text))
        return finish('confirmed', 'absent, as the line itself says', () => true);
      return finish('contradicted', 'the document says partial, but nothing is there', () => true);
    default:
      // not-done or planned: a claim of absence, checked as hard as a claim of presence. A thing
      // merely not shown in a rule's evidence proves no absence.
      if (holds.some((h) => h.f.unproven) && !any('yes'))
        return out(main0(), 'unverifiable', `${holds.map(said).join('; ')}; that is no proof it is absent`, [], rule);
      if (any('yes'))
        return finish(
          'contradicted',
          holds.some((h) => h.p === 'yes' && h.f.negated)
            ? 'the document says it is still to do, but it is done (the document is out of date)'
            : 'the document says it is missing, but it is there (the document is out of date)',
          (h) => h.p === 'yes',
        );
      if (holds.every((h) => h.p === 'no' || h.p === 'instead'))
        return finish('confirmed', 'absent, as the document says', () => true);
      return finish(
        'partially-confirmed',
        'the document says it is missing; part of it is there',
        (h) => h.p === 'partly',
      );
  }
}

/** The code a claim names in ticks, each looked up as written: identifiers, literals, paths. */
export function namedCode(ctx: LookupContext, claim: Claim): Finding[] {
  const names = namesOf(claim);
  const out: Finding[] = [];
  for (const id of names.identifiers.slice(0, 6)) out.push(searchFinding(ctx, id, ctx.search.hits.get(`id:${id}`)));
  for (const l of names.literals.slice(0, 4)) out.push(searchFinding(ctx, `"${l}"`, ctx.search.hits.get(`lit:${l}`)));
  for (const p of names.paths.slice(0, 4)) {
    const f = fileFinding(ctx, p);
    // "`config.py` (line 18) makes `SECRET_KEY` required": what it names, elsewhere in the file.
    out.push(fileLineFinding(ctx, claim.raw ?? claim.text, p, f) ?? f);
  }
  return out.filter((f) => f.present !== 'unknown');
}

/** A container or CI definition: a build feature matched there was looked for where it lives. */
const BUILD_DEFINITION =
  /^(?:dockerfile[\w.-]*|[\w.-]+\.dockerfile|docker-compose[\w.-]*|compose\.ya?ml|workflows|\.gitlab-ci\.yml|jenkinsfile)$/i;

/** Words too common to say where a claim points ("proper handling", "configured", "production"). */
const COMMON_WORD =
  /^(?:prope|handl|confi|produ|imple|suppo|enabl|using|value|setti|servi|appli|syste|secur|struc|valid|manag|check|level|based|const|defin|error|excep|custo)/;

/** A bare noun phrase of one to four words that names nothing to look up ("Proper error handling"). */
export function vagueSubject(claim: Claim, states = false): boolean {
  if (claim.asserted !== 'done' && claim.asserted !== 'partial') return false;
  if (claim.source === 'table' || claim.source === 'fence' || claim.source === 'label') return false;
  if (claim.number || claim.readiness || claim.named || claim.problem) return false;
  const raw = claim.raw ?? claim.text;
  // "- ✅ Terraform modules": the author's own mark on the item is a verdict to check; an entry of a
  // catalogue takes its status from the heading or list above it.
  // ("**Webhooks**: event delivery" is a named entry with what it does.)
  if (/`/.test(raw) || iconStatus(raw) || plain(claim.text).includes(':')) return false;
  const words = plain(claim.text)
    .replace(/^[\W\d]+(?:[.)]\s*)?/u, '')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0 || words.length > 4 || /\d/.test(words.join(' '))) return false;
  // A state ("Docker configured", "Tests passing") or the tests of a thing are claims checked as such.
  if (/\b(?:tests?|testing|specs?)\b/i.test(words.join(' '))) return false;
  // With states: "Rate limiting active", "Error handling implemented" — the state word names nothing
  // more to look up than the bare topic does.
  if (states) {
    const topic = words.filter(
      (w) =>
        !/^[\p{L}]{3,}(?:ed|ado|ada|ados|adas|iert|é|ée|és|ées|ido|ida)$/iu.test(w) &&
        !statusOfWords(w) &&
        !/^(?:and|und|et|e|y|working|active|complete|done|ready|enabled|in|place|proper|properly|correct|correctly)$/i.test(
          w,
        ),
    );
    if (topic.length === 0) return false;
  } else {
    if (words.some((w) => /^[\p{L}]{3,}(?:ed|ado|ada|ados|adas|iert|é|ée|és|ées|ido|ida)$/iu.test(w))) return false;
    if (statusOfWords(words.join(' '))) return false;
  }
  const names = namesIn(raw);
  return (
    names.paths.length +
      names.identifiers.length +
      names.packages.length +
      names.endpoints.length +
      names.settings.length ===
    0
  );
}
