/**
 * Judging claims against an audit: each claim becomes confirmed, partially-confirmed,
 * contradicted or unverifiable, with the reason in plain words and the evidence behind it.
 * A wrong "confirmed" is the worst outcome, so anything not specific stays unverifiable.
 */
import type { Report, RuleReport } from '../report/schema.js';
import type { Claim } from './extract.js';
import type { VerifiedClaim, Verdict } from './schema.js';
import { mapClaim } from './vocabulary.js';

/** How far a claimed figure may be from the measured one and still be confirmed. */
export const READINESS_TOLERANCE = 10;
export const PILLAR_TOLERANCE = 15;
export const COUNT_TOLERANCE = 0.05;

type Evidence = VerifiedClaim['evidence'][number];

export function claimedScore(n: Claim['number']): number | null {
  if (!n) return null;
  if (n.kind === 'percent') return Number(n.value);
  if (n.kind === 'score10') return Number(n.value) * 10;
  return null;
}

export function judgeClaim(claim: Claim, report: Report, vocabulary: Record<string, string[]> = {}): VerifiedClaim {
  const base = { line: claim.line, text: claim.text.slice(0, 300), asserted: claim.asserted, number: claim.number };
  const out = (rule: string | null, verdict: Verdict, reason: string, evidence: Evidence[] = []): VerifiedClaim => ({
    ...base,
    rule,
    verdict,
    reason,
    evidence,
  });

  if (claim.readiness && claim.number) return judgeReadiness(claim, report, out);

  const mapped = mapClaim(claim.subject, claim.text, vocabulary);
  if (!mapped) return out(null, 'unverifiable', 'no rule checks this claim; it needs a human or production evidence');
  if (mapped.target.startsWith('unverifiable:')) {
    return out(null, 'unverifiable', `not checkable in a repository (${mapped.target.slice(13)}: "${mapped.via}")`);
  }
  if (mapped.target.startsWith('pillar:')) return judgePillar(claim, report, mapped.target.slice(7), out);

  const [ruleId, facet] = mapped.target.split(':') as [string, string | undefined];
  const rule = report.pillars.flatMap((p) => p.rules).find((r) => r.id === ruleId);
  if (!rule) return out(ruleId, 'unverifiable', `the rule ${ruleId} did not run in this audit`);
  const evidence = rule.evidence.slice(0, 3);
  if (!claim.asserted) return out(rule.id, 'unverifiable', 'the document states no status for this');
  if (rule.outcome === 'not-applicable' || rule.outcome === 'unknown' || rule.outcome === 'error') {
    return out(rule.id, 'unverifiable', `${rule.id} could not assess it (${rule.outcome}: ${rule.message})`, evidence);
  }

  if (
    ruleId === 'quality/tests-present' &&
    claim.number &&
    (claim.number.kind === 'count' || claim.number.kind === 'ratio') &&
    /test/.test(claim.number.unit ?? '')
  ) {
    return judgeTestCount(claim, rule, out);
  }
  if (facet) {
    const found = facetFound(rule, facet);
    const what = FACET_NAMES[facet] ?? facet;
    if (found === undefined)
      return out(rule.id, 'unverifiable', `${rule.id} does not report ${what} separately`, evidence);
    const outcome = found === 'partial' ? 'partial' : found ? 'pass' : 'fail';
    const message =
      outcome === 'pass'
        ? `${what} found`
        : outcome === 'partial'
          ? `${what} found, with problems (see the evidence)`
          : `no ${what} found`;
    return byPresence(claim, outcome, `${rule.id} (${what})`, message, evidence, out);
  }
  const verdict = specific(claim, rule, byPresence(claim, rule.outcome, rule.id, rule.message, evidence, out));
  if (claim.number && verdict.verdict === 'confirmed' && claim.number.kind !== 'percent') {
    return {
      ...verdict,
      verdict: 'partially-confirmed',
      reason: `${verdict.reason}; the figure (${claim.number.value}${claim.number.unit ? ` ${claim.number.unit}` : ''}) is not checked`,
    };
  }
  return verdict;
}

const FACET_NAMES: Record<string, string> = {
  load: 'load tests',
  e2e: 'end-to-end tests',
  integration: 'integration tests',
  cors: 'a CORS policy',
  headers: 'security headers',
  csrf: 'CSRF protection',
  https: 'HTTPS enforcement/HSTS',
};

/** The verdict for a claim of presence or absence, given what the rule found (`message`). */
/**
 * A claim that names one mechanism ("API key authentication", "Prometheus metrics") is only
 * confirmed, or contradicted as absent, when the rule's evidence shows that mechanism; a rule that
 * passes on something else (OAuth2 bearer tokens) does not prove or disprove an API key.
 */
const MECHANISMS: [RegExp, RegExp, string][] = [
  [/\bapi[- ]?keys?\b|x-api-key/i, /api[-_ ]?key|apikey|x-api-key/i, 'API keys'],
  [/\bjwt\b/i, /jwt|jose|jsonwebtoken|bearer/i, 'JWT'],
  [/\boauth ?2?\b/i, /oauth/i, 'OAuth'],
  [/\b(?:saml|ldap|kerberos)\b/i, /saml|ldap|kerberos/i, 'that identity protocol'],
  [/\bprometheus\b/i, /prometheus|prom[-_]client|metrics/i, 'Prometheus'],
  [/\bgrafana\b/i, /grafana/i, 'Grafana'],
  [/\bsentry\b/i, /sentry/i, 'Sentry'],
  [/\b(?:opentelemetry|otel)\b/i, /opentelemetry|otel/i, 'OpenTelemetry'],
  [/\bterraform\b/i, /\.tf\b|terraform/i, 'Terraform'],
  [/\bbicep\b/i, /\.bicep\b|bicep/i, 'Bicep'],
  [/\bhelm\b/i, /chart\.ya?ml|helm/i, 'Helm'],
  [/\bgithub actions\b/i, /\.github\/workflows|github-actions/i, 'GitHub Actions'],
  [/\bgitlab ci\b/i, /gitlab-ci|gitlab/i, 'GitLab CI'],
  [/\bjenkins\b/i, /jenkins/i, 'Jenkins'],
  // Vendors: a tracer, logger or tracker of one vendor does not confirm another's.
  ...[
    'langsmith',
    'datadog',
    'new relic',
    'honeycomb',
    'jaeger',
    'zipkin',
    'x-ray',
    'elastic apm',
    'dynatrace',
    'appdynamics',
    'splunk',
    'loki',
    'rollbar',
    'bugsnag',
    'pagerduty',
    'opsgenie',
    'vault',
    'keycloak',
    'auth0',
    'okta',
    'cognito',
    'istio',
    'linkerd',
    'argo',
  ].map((v): [RegExp, RegExp, string] => [
    new RegExp(`\\b${v}\\b`, 'i'),
    new RegExp(v.replace(/\s+/g, '[-_ ]?'), 'i'),
    v,
  ]),
];

function specific(claim: Claim, rule: RuleReport, v: VerifiedClaim): VerifiedClaim {
  if (v.verdict !== 'confirmed' && !(v.verdict === 'contradicted' && rule.outcome === 'pass')) return v;
  const shown = `${JSON.stringify(rule.evidence)} ${rule.message} ${JSON.stringify(rule.data ?? {})}`;
  for (const [named, seen, label] of MECHANISMS) {
    if (!named.test(claim.subject) || seen.test(shown)) continue;
    return v.verdict === 'confirmed'
      ? {
          ...v,
          verdict: 'partially-confirmed',
          reason: `${v.reason}; but nothing in the evidence shows ${label} specifically`,
        }
      : {
          ...v,
          verdict: 'unverifiable',
          reason: `${rule.id} passes on something else; nothing in the repository shows ${label} either way`,
        };
  }
  return v;
}

function byPresence(
  claim: Claim,
  outcome: RuleReport['outcome'],
  label: string,
  message: string,
  evidence: Evidence[],
  out: (rule: string | null, verdict: Verdict, reason: string, evidence?: Evidence[]) => VerifiedClaim,
): VerifiedClaim {
  const ruleId = label.split(' ')[0]!;
  const found = message.replace(/\.$/, '');
  switch (claim.asserted) {
    case 'done':
      if (outcome === 'pass') return out(ruleId, 'confirmed', `${label} passes: ${found}`, evidence);
      if (outcome === 'partial')
        return out(ruleId, 'partially-confirmed', `the document says done; ${label} is partial: ${found}`, evidence);
      return out(ruleId, 'contradicted', `the document says done, but ${label} fails: ${found}`, evidence);
    case 'partial':
      if (outcome === 'partial') return out(ruleId, 'confirmed', `partial, as the document says: ${found}`, evidence);
      if (outcome === 'pass')
        return out(
          ruleId,
          'partially-confirmed',
          `the document says partial; ${label} passes (more is in place than claimed): ${found}`,
          evidence,
        );
      return out(ruleId, 'contradicted', `the document says partial, but ${label} finds nothing: ${found}`, evidence);
    default:
      // not-done or planned: a claim of absence.
      if (outcome === 'fail') return out(ruleId, 'confirmed', `absent, as the document says: ${found}`, evidence);
      if (outcome === 'partial')
        return out(
          ruleId,
          'partially-confirmed',
          `the document says it is missing; ${label} finds part of it: ${found}`,
          evidence,
        );
      return out(
        ruleId,
        'contradicted',
        `the document says it is missing, but ${label} passes (the document is out of date): ${found}`,
        evidence,
      );
  }
}

function facetFound(rule: RuleReport, facet: string): boolean | 'partial' | undefined {
  const d = rule.data as Record<string, unknown> | undefined;
  // A CORS policy that lets any origin send credentials is there, but not as claimed.
  if (facet === 'cors' && d?.cors === true && d.corsWildcardWithCredentials === true) return 'partial';
  const types = (d?.types ?? d) as Record<string, unknown> | undefined;
  const v = types?.[facet] ?? types?.[facet === 'e2e' ? 'endToEnd' : facet];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v > 0;
  if (v && typeof v === 'object' && 'found' in v) return Boolean((v as { found: unknown }).found);
  if (Array.isArray(v)) return v.length > 0;
  return undefined;
}

function judgeTestCount(
  claim: Claim,
  rule: RuleReport,
  out: (rule: string | null, verdict: Verdict, reason: string, evidence?: Evidence[]) => VerifiedClaim,
): VerifiedClaim {
  const counted = Number((rule.data as { testCases?: unknown } | undefined)?.testCases ?? NaN);
  const claimed = Number(claim.number!.kind === 'ratio' ? claim.number!.total : claim.number!.value);
  const evidence = rule.evidence.slice(0, 3);
  if (!Number.isFinite(counted)) return out(rule.id, 'unverifiable', 'the test count is not available', evidence);
  const close = Math.abs(counted - claimed) <= Math.max(2, claimed * COUNT_TOLERANCE);
  const passing = /pass/i.test(claim.text);
  if (close) {
    return out(
      rule.id,
      passing ? 'partially-confirmed' : 'confirmed',
      `the document says ${claimed} tests; ${counted} test cases counted${passing ? '; whether they pass is not checked without --junit' : ''}`,
      evidence,
    );
  }
  return out(
    rule.id,
    'contradicted',
    `the document says ${claimed} tests, but ${counted} test cases are counted in the repository (tolerance ${Math.round(COUNT_TOLERANCE * 100)} %)`,
    evidence,
  );
}

function judgeReadiness(
  claim: Claim,
  report: Report,
  out: (rule: string | null, verdict: Verdict, reason: string, evidence?: Evidence[]) => VerifiedClaim,
): VerifiedClaim {
  const measured = report.summary.score;
  const ev: Evidence[] = [
    {
      path: '.',
      note: `measured overall ${measured ?? 'n/a'}${report.summary.grade ? ` (${report.summary.grade})` : ''}, ${report.summary.coverage.assessed} of ${report.summary.coverage.total} rules assessed`,
    },
  ];
  if (measured === null)
    return out(null, 'unverifiable', 'nothing could be assessed, so there is no measured score to compare', ev);
  if (claim.number!.kind === 'grade') {
    const letter = String(claim.number!.value)[0];
    return letter === report.summary.grade
      ? out(
          null,
          'confirmed',
          `the document claims grade ${claim.number!.value}; measured ${measured} (${report.summary.grade})`,
          ev,
        )
      : out(
          null,
          'contradicted',
          `the document claims grade ${claim.number!.value}; measured ${measured} (${report.summary.grade})`,
          ev,
        );
  }
  const claimed = claimedScore(claim.number)!;
  const gap = Math.round(claimed - measured);
  const shown = claim.number!.kind === 'score10' ? `${claim.number!.value}/10` : `${claim.number!.value} %`;
  if (Math.abs(gap) <= READINESS_TOLERANCE)
    return out(
      null,
      'confirmed',
      `the document claims ${shown}; measured ${measured} (${report.summary.grade}), within ${READINESS_TOLERANCE} points`,
      ev,
    );
  return out(
    null,
    'contradicted',
    `the document claims ${shown}; measured ${measured} (${report.summary.grade}): ${Math.abs(gap)} points ${gap > 0 ? 'lower' : 'higher'} than claimed`,
    ev,
  );
}

function judgePillar(
  claim: Claim,
  report: Report,
  pillarId: string,
  out: (rule: string | null, verdict: Verdict, reason: string, evidence?: Evidence[]) => VerifiedClaim,
): VerifiedClaim {
  const p = report.pillars.find((x) => x.id === pillarId);
  const target = `pillar:${pillarId}`;
  if (!p || p.score === null) return out(target, 'unverifiable', `the ${p?.title ?? pillarId} pillar was not assessed`);
  const ev: Evidence[] = [
    {
      path: '.',
      note: `${p.title}: ${p.score} (${p.grade}), ${p.coverage.assessed} of ${p.coverage.total} rules assessed`,
    },
  ];
  const claimed = claimedScore(claim.number);
  if (claimed !== null) {
    const gap = Math.round(claimed - p.score);
    return Math.abs(gap) <= PILLAR_TOLERANCE
      ? out(target, 'confirmed', `the document claims ${claimed} % for ${p.title}; measured ${p.score}`, ev)
      : out(
          target,
          'contradicted',
          `the document claims ${claimed} % for ${p.title}; measured ${p.score}, ${Math.abs(gap)} points ${gap > 0 ? 'lower' : 'higher'}`,
          ev,
        );
  }
  const s = p.score;
  if (claim.asserted === 'done')
    return s >= 75
      ? out(target, 'confirmed', `${p.title} scores ${s}`, ev)
      : s >= 40
        ? out(target, 'partially-confirmed', `the document says done; ${p.title} scores ${s}`, ev)
        : out(target, 'contradicted', `the document says done; ${p.title} scores ${s}`, ev);
  if (claim.asserted === 'partial')
    return s >= 25 && s < 90
      ? out(target, 'confirmed', `${p.title} scores ${s}`, ev)
      : out(target, 'partially-confirmed', `the document says partial; ${p.title} scores ${s}`, ev);
  if (claim.asserted === 'not-done' || claim.asserted === 'planned')
    return s < 40
      ? out(target, 'confirmed', `${p.title} scores ${s}`, ev)
      : s < 75
        ? out(target, 'partially-confirmed', `the document says not done; ${p.title} scores ${s}`, ev)
        : out(target, 'contradicted', `the document says not done, but ${p.title} scores ${s}`, ev);
  return out(target, 'unverifiable', 'the document states no status for this', ev);
}
