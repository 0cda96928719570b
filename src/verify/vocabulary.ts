/**
 * The one claim vocabulary both kinds of check share: the phrases that tie a sentence in a
 * readiness document to the rule that can check it (VOCABULARY), to a pillar (PILLAR_SUBJECTS),
 * and to a named mechanism that must be the one found (MECHANISMS: "API-key header", "exponential
 * backoff", "OpenTelemetry"). Specific phrases only — a vague claim ("error handling", "logging")
 * stays unverifiable rather than being judged by a rule that checks something narrower. The
 * phrase that starts earliest in the claim's subject wins (ties: the narrower, listed first).
 * Extendable from the config (`claims: {<rule-id>: ["phrase", …]}`).
 */

/** Words of any script as whole words: `\b` knows only ASCII letters (`autenticación`, `métricas`). */
function wordsIn(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])(?:${alternatives})(?![\\p{L}\\d])`, 'iu');
}

/** Practice phrases in German, Spanish, French and Portuguese, by rule (specific phrases only, as above). */
const INTL: [string, string][] = [
  [
    'quality/tests-present',
    'automatisierte tests|unit-?tests? (?:implementiert|vorhanden|geschrieben)|pruebas (?:unitarias|automatizadas)|tests (?:unitaires|automatisés)|testes (?:unitários|automatizados)',
  ],
  [
    'operations/ci-pipeline',
    'build-?pipeline|automatisierte builds?|kontinuierliche integration|integración continua|intégration continue|integração contínua',
  ],
  [
    'operations/continuous-deployment',
    'automatisierte (?:deployments?|bereitstellung)|kontinuierliche (?:bereitstellung|auslieferung)|despliegues? (?:automáticos?|automatizados?|continuos?)|déploiements? (?:continus?|automatiques?|automatisés?)|implanta(?:ção|ções) (?:contínuas?|automáticas?)|deploys? automáticos?',
  ],
  [
    'architecture/database-migrations',
    'datenbank-?migrationen|migraciones(?: de (?:la )?base de datos)?|migrations de (?:la )?base de données|migrações(?: de (?:banco de dados|base de dados))?',
  ],
  [
    'architecture/config-externalized',
    "umgebungsvariablen|variables de entorno|variables d[’']environnement|variáveis de ambiente",
  ],
  [
    'security/security-middleware:headers',
    'sicherheits-?header|(?:headers|cabeceras|encabezados) de seguridad|en-têtes de sécurité|cabeçalhos de segurança',
  ],
  [
    'observability/structured-logging',
    'strukturierte(?:s)? (?:logging|logs|protokollierung)|(?:logs|registros?) estructurados?|journalisation structurée|logs structurés|(?:logs|logging) estruturados?',
  ],
  ['observability/metrics', 'metriken|métricas|métriques'],
  ['observability/alerting', 'alarmierung|warnmeldungen|alertas|alertes'],
  [
    'reliability/rate-limiting',
    'ratenbegrenzung|limitación de (?:tasa|peticiones|solicitudes)|limitation de débit|limitação de (?:taxa|requisições)',
  ],
  ['reliability/retries', 'wiederholungsversuche|reintentos|nouvelles tentatives|retentativas'],
  [
    'reliability/graceful-shutdown',
    'ordnungsgemäßes herunterfahren|apagado (?:ordenado|controlado|elegante)|arrêt (?:gracieux|propre)|desligamento (?:gracioso|controlado)',
  ],
  [
    'reliability/backups',
    'datensicherung(?:en)?|sicherungskopien|copias de seguridad|respaldos|sauvegardes|cópias de segurança',
  ],
  ['security/authorization', 'autorisierung|berechtigungen|autorización|permisos|autorisation|autorização|permissões'],
  ['security/authentication', 'authentifizierung|autenticación|authentification|autenticação'],
  [
    'security/no-committed-secrets',
    'zugangsdaten sicher (?:hinterlegt|gespeichert)|keine (?:hartcodierten|fest codierten) (?:secrets|zugangsdaten|passwörter)|credenciales (?:hardcodeadas|en el código)|sin secretos en el código|aucun secret (?:en dur|dans le code)|sem segredos no código',
  ],
  ['operations/container-image', 'docker-?container|contenedores docker|conteneurs docker|contêineres docker'],
  [
    'architecture/architecture-docs',
    "architektur-?dokumentation|documentación de (?:la )?arquitectura|documentation d[’']architecture|documentação de arquitetura",
  ],
];

export const VOCABULARY: [string, RegExp][] = [
  // Things no repository can show: decided before any rule is tried.
  [
    'unverifiable:production evidence',
    /\b(sla|slo|uptime|99\.9|p9[59]|latency|response times?|req(?:uest)?s? ?\/ ?s(?:ec)?|rps|throughput|error rate|under load|load tested|(?:concurrent|active|daily|real|paying) (?:users?|customers?)|customers?|traffic)\b/i,
  ],
  // "10k users", "500 concurrent users": a count of users is production evidence too.
  [
    'unverifiable:production evidence',
    /(?<![\d,.])\d[\d,.]*[km+]? (?:concurrent |active |daily )?(?:users?|customers?)\b/i,
  ],
  [
    'unverifiable:people and process',
    /\b(team|training|on-?boarding|stakeholders?|sign-?off|approval|legal|contract|procurement|hiring)\b/i,
  ],
  [
    'unverifiable:audits and manual testing',
    /\b(security audit(?! \((?:cargo|npm|pip|bundler|yarn|pnpm)[- ]?audit)|penetration|pen[- ]?test|owasp (?:top ?10|testing|validation)|compliance (?:review|audit)|soc ?2|iso ?27001|gdpr|hipaa|pci)\b/i,
  ],
  ['unverifiable:cost figures', /(\$\s?\d|\d\s?(?:usd|eur|€)|\bper month\b|\bmonthly cost\b)/i],
  [
    'unverifiable:runtime configuration',
    /\b(secrets? rotation|key rotation|tls|encryption (?:at rest|in transit)|aes|waf|azure ad|b2c)\b/i,
  ],

  [
    'quality/coverage-gate',
    /\b(\d{1,3}(?:\.\d+)?\s*%\s*(?:code |test |line )?coverage|coverage (?:threshold|gate)|code coverage|test coverage)\b/i,
  ],
  [
    'quality/tests-in-ci',
    /\btests? (?:run )?(?:in|on) (?:ci|every (?:push|commit|pr))\b|\bci (?:runs?|executes?) (?:the )?(?:[\w-]+,? (?:and )?){0,3}tests?\b/i,
  ],
  [
    'quality/test-types:load',
    /\b(load[- ]test(?:s|ing)?|performance test(?:s|ing)?|stress test(?:s|ing)?|locust|k6|jmeter|gatling)\b/i,
  ],
  ['quality/test-types:e2e', /\b(e2e|end[- ]to[- ]end)(?: tests?| testing| workflows? tested)?\b/i],
  ['quality/test-types:integration', /\bintegration tests?(?:ing)?\b/i],
  [
    'quality/tests-present',
    /(?<![\d,/.])\d[\d,]*(?: ?\/ ?\d[\d,]*)? (?:unit )?tests?\b|\b(?:unit tests?|test suite|automated tests?)\b/i,
  ],
  ['quality/linting', /\b(linting|linters?|eslint|ruff|flake8|pylint|golangci|rubocop|checkstyle|static analysis)\b/i],
  ['quality/formatting', /\b(code formatting|formatter|prettier|black formatting|gofmt|rustfmt)\b/i],
  ['quality/pre-commit-hooks', /\bpre-?commit\b|\bhusky\b/i],

  [
    'reliability/health-checks',
    /\b(liveness|readiness)(?:\/(?:liveness|readiness))? probes?\b|\bdocker healthcheck\b/i,
  ],
  [
    'observability/health-endpoints',
    /\b(health[- ]?checks?|health[- ]?endpoints?|health monitoring|\/health\w*|\/readyz|\/livez)\b/i,
  ],
  [
    'observability/structured-logging',
    /\b(structured (?:json )?logging|json logs?|json logging|logs? (?:are )?structured|logging is structured|json (?:log )?output|logs? (?:in|as) json|correlation ids?|request ids?)\b/i,
  ],
  ['observability/tracing', /\b(distributed tracing|opentelemetry|otel|jaeger|zipkin|tracing)\b/i],
  // "Admin dashboard", "Dashboard statistics", "Dashboard page": the app's own screens. Only a
  // dashboard of monitoring ("Grafana", "metrics dashboards", "dashboard de monitoramento") is the rule's.
  [
    'observability/dashboards',
    /\b(?:grafana|kibana)\b|\b(?:monitoring|metrics?|observability|telemetry|datadog|cloudwatch|prometheus|slos?|uptime|monitoramento|monitoreo|überwachung|supervision)\b[^.;|]{0,30}\bdashboards?\b|\bdashboards?\b[^.;|]{0,30}\b(?:monitoring|metrics?|observability|telemetry|grafana|datadog|cloudwatch|prometheus|slos?|monitoramento|monitoreo|überwachung|supervision)\b/i,
  ],
  ['observability/alerting', /\b(alert(?:ing|s)|alertmanager|pagerduty|opsgenie)\b/i],
  ['observability/metrics', /\b(prometheus|metrics|micrometer|statsd)\b/i],
  ['observability/error-tracking', /\b(sentry|rollbar|bugsnag|honeybadger|error tracking)\b/i],

  ['security/authorization', /\b(rbac|role[- ]based|authori[sz]ation|permissions?|access control)\b/i],
  [
    'security/authentication',
    /\b(authentication|jwt|oauth ?2?|openid|oidc|api[- ]key(?:s)?(?: auth(?:entication)?)?|x-api-key|bearer tokens?|login)\b/i,
  ],
  ['security/security-middleware:cors', /\bcors\b/i],
  [
    'security/security-middleware:headers',
    /\b(security headers|missing (?:http )?headers|helmet|talisman|content security policy|csp)\b/i,
  ],
  ['security/security-middleware:csrf', /\b(csrf|xsrf)\b/i],
  ['security/security-middleware:https', /\b(hsts|https redirect(?:ion)?|force https)\b/i],
  [
    'security/security-scanning',
    /\b(sast|dast|codeql|snyk|trivy|semgrep|bandit|gosec|dependency (?:vulnerability )?(?:scanning|audit|monitoring|checks)|vulnerability (?:scan(?:ning)?|monitoring)|security scan(?:s|ning)?|secret scanning|gitleaks|trufflehog|npm audit|pip-audit|cargo[- ]audit|cargo[- ]deny|govulncheck|bundler-audit)\b/i,
  ],
  [
    'security/dependency-updates',
    /\b(dependabot|renovate|automated dependency (?:updates|management|upgrades)|dependency update automation)\b/i,
  ],
  [
    'security/no-committed-secrets',
    /\b(no (?:hard-?coded|committed) (?:secrets|credentials|api keys)|no secrets? (?:committed|in (?:the )?(?:code|repo(?:sitory)?|git))|secrets? (?:are )?not committed|secrets? committed|(?:committed|hard-?coded) (?:secrets|credentials)(?: removed)?|secrets? (?:in|out of) (?:the )?(?:code|repo(?:sitory)?|git))\b/i,
  ],
  ['security/lockfiles', /\b(lock ?files?|pinned dependencies)\b/i],
  ['security/security-policy', /\b(security policy|security\.md|vulnerability disclosure)\b/i],
  ['security/container-user', /\b(non-?root|rootless)\b/i],
  ['security/license', /\blicen[cs](?:e|ed)\b/i],

  ['reliability/rate-limiting', /\b(rate[- ]limit(?:ing|er|s)?|throttling)\b/i],
  ['reliability/circuit-breakers', /\bcircuit[- ]breakers?\b/i],
  ['reliability/retries', /\b(retr(?:y|ies)(?: logic)?|exponential backoff|backoff)\b/i],
  ['reliability/timeouts', /\btimeouts?(?: configuration)?\b/i],
  ['reliability/graceful-shutdown', /\b(graceful (?:shutdown|termination)|sigterm)\b/i],
  [
    'reliability/redundancy',
    /\b(auto-?scaling|horizontal pod autoscaler|hpa|replicas|high availability|multi-az|redundancy)\b/i,
  ],
  ['reliability/backups', /\b(backups?|disaster recovery|rto|rpo|point-in-time recovery)\b/i],
  ['reliability/resource-limits', /\b(resource (?:limits|requests)|cpu (?:and memory )?limits|memory limits)\b/i],

  ['operations/progressive-delivery', /\b(canary|blue[/-]green|feature flags?|progressive delivery)\b/i],
  [
    'operations/continuous-deployment',
    /\b(continuous deployment|automated deploy(?:ment)?s?|deploy(?:ment)? automation|argo ?cd|flux ?cd|gitops|(?:production )?hosting(?: provider| platform| environment)?|deployment target)\b/i,
  ],
  [
    'operations/ci-pipeline',
    /\b(ci\/cd|ci pipelines?|continuous integration|github actions|gitlab ci|jenkins|azure pipelines|circleci)\b/i,
  ],
  ['operations/orchestration', /\b(kubernetes|k8s|helm charts?|docker[- ]compose|orchestration|nomad|ecs task)\b/i],
  [
    'operations/infrastructure-as-code',
    /\b(terraform|opentofu|bicep|pulumi|cloudformation|aws cdk|infrastructure[- ]as[- ]code|iac|arm templates?|ansible)\b/i,
  ],
  [
    'operations/container-image',
    /\b(dockerfiles?|docker (?:configuration|image|build)|container images?|containeri[sz](?:ed|ation))\b/i,
  ],
  ['operations/rollback', /\b(rollbacks?|roll back)\b/i],
  ['operations/runbooks', /\b(runbooks?|incident response|on-?call)\b/i],
  ['operations/environments', /\b(staging|production environment|environment separation|dev\/staging\/prod)\b/i],
  ['operations/release-management', /\b(changelog|release (?:process|management|notes)|semantic versioning|semver)\b/i],
  ['operations/cost-monitoring', /\b(cost monitoring|cost alerts?|budgets?|infracost|kubecost)\b/i],

  ['architecture/api-contract', /\b(openapi|swagger|api contract|graphql schema|protobuf|\.proto)\b/i],
  [
    'architecture/database-migrations',
    /\b(database migrations?|schema migrations?|alembic|flyway|liquibase|migrations)\b/i,
  ],
  [
    'architecture/architecture-docs',
    /\b(adrs?|architecture decision|architecture (?:docs?|documentation|diagrams?))\b/i,
  ],
  ['architecture/type-safety', /\b(type safety|type[- ]checked|typescript strict|mypy|pyright|static typing)\b/i],
  [
    'architecture/config-externalized',
    /\b(environment variables|env vars|externali[sz]ed config(?:uration)?|12-factor|\.env\.example)\b/i,
  ],
  ['architecture/readme', /\breadme\b/i],
  ['architecture/module-size', /\b(god (?:class|module|object)|module size|file size)\b/i],
  // The same practices as German, Spanish, French and Portuguese documents name them (readiness
  // reports are written in the team's language; verify rounds 8–10 held de, es, fr and pt
  // documents whose every practice line came back "no rule checks this").
  ...INTL.map(([rule, words]): [string, RegExp] => [rule, wordsIn(words)]),
];

/** Pillar names as the subject of a status-table row ("Security | 75% | ⚠️ PARTIAL"). */
export const PILLAR_SUBJECTS: [string, RegExp][] = [
  ['architecture', /^(architecture(?: (?:&|and) design)?|design|architektur|arquitectura)$/i],
  [
    'quality',
    /^(testing|tests|code quality(?: (?:&|and) testing)?|quality|qualität|code-qualität|testen|calidad|pruebas|qualité)$/i,
  ],
  [
    'observability',
    /^(monitoring|observability|monitoring (?:&|and) observability|observability (?:&|and) monitoring|überwachung|observabilidad|supervision)$/i,
  ],
  ['security', /^(security|security (?:&|and) compliance|sicherheit|seguridad|sécurité)$/i],
  [
    'reliability',
    /^(reliability|resilience|reliability (?:&|and) resilience|zuverlässigkeit|resilienz|fiabilidad|fiabilité)$/i,
  ],
  [
    'operations',
    /^(deployment|operations|ops|devops|operations (?:&|and) deployment|deployment (?:&|and) operations|infrastructure|betrieb|operaciones|exploitation)$/i,
  ],
];

export function mapClaim(
  subject: string,
  text: string,
  extra: Record<string, string[]> = {},
): { target: string; via: string } | null {
  const pillar = pillarOf(subject);
  if (pillar) return { target: `pillar:${pillar}`, via: subject };
  for (const [rule, phrases] of Object.entries(extra)) {
    for (const phrase of phrases)
      if (text.toLowerCase().includes(phrase.toLowerCase())) return { target: rule, via: phrase };
  }
  // "Security audit (cargo audit)": a scanner named in parentheses says which audit — one CI runs.
  const scanner = /\((?:cargo[- ]audit|cargo[- ]deny|npm audit|pip-audit|govulncheck|bundler-audit|snyk|trivy)\b/i.exec(
    text,
  );
  if (scanner) return { target: 'security/security-scanning', via: scanner[0].slice(1) };
  // The subject (a table's first cell, a bullet's lead) decides; the rest of the line only when
  // the subject names nothing, so a notes column cannot redirect a claim.
  for (const hay of [subject, text]) {
    let best: { target: string; via: string; at: number } | null = null;
    for (const [target, re] of VOCABULARY) {
      const m = re.exec(hay);
      if (m && (!best || m.index < best.at)) best = { target, via: m[0], at: m.index };
    }
    if (best) return { target: best.target, via: best.via };
  }
  return null;
}

/** The pillar a subject names ("Security", "Observability & Monitoring", "Security Layer"), if any. */
export function pillarOf(subject: string): string | null {
  let s = subject.replace(/^(pillar|phase|säule|fase)\s*\d+\s*:?\s*/i, '').trim();
  // "(…)" at the end: a note on the area, not its name.
  const paren = s.indexOf('(');
  if (paren >= 0 && s.endsWith(')')) s = s.slice(0, paren);
  // Then, word by word from the end: a score ("7/10", "85 %"), separators, a status, a suffix.
  const words = s.split(/\s+/).filter(Boolean);
  const last = () => (words[words.length - 1] ?? '').toLowerCase();
  const two = () => words.slice(-2).join(' ').toLowerCase();
  for (let i = 0; i < 4 && words.length > 1; i++) {
    const score = [1, 2, 3].find((k) => words.length > k && SCORE_TOKEN.test(words.slice(-k).join('')));
    if (score) words.splice(-score, score);
    else if (TRAILING_STATUS_TWO.has(two())) words.splice(-2, 2);
    else if (TRAILING_STATUS_ONE.has(last()) || AREA_SUFFIX.has(last()) || /^[:–—-]+$/.test(last())) words.pop();
    else break;
  }
  // "Security:", "Observability –": the separator after the name.
  let name = words.join(' ');
  while (name && ':–—-'.includes(name[name.length - 1]!)) name = name.slice(0, -1);
  s = name.trim();
  for (const [pillar, re] of PILLAR_SUBJECTS) if (re.test(s)) return pillar;
  return null;
}

/** "85%", "7/10" (its parts joined): a score. */
const SCORE_TOKEN = /^\d+(?:\.\d+)?(?:%|\/10)$/;
const TRAILING_STATUS_TWO = new Set(['not done', 'not started', 'in progress']);
const TRAILING_STATUS_ONE = new Set([
  'done',
  'complete',
  'completed',
  'partial',
  'missing',
  'erledigt',
  'teilweise',
  'fehlt',
  'hecho',
  'fait',
]);
const AREA_SUFFIX = new Set([
  'layer',
  'pillar',
  'area',
  'section',
  'score',
  'readiness',
  'posture',
  'status',
  'maturity',
]);

export { MECHANISMS, type Mechanism, mechanismsIn } from './mechanisms.js';
