/**
 * The mechanisms of the vocabulary (vocabulary.ts re-exports them): how a claim names one, and how
 * code, dependencies or files show it. One family holds the alternatives (API keys, JWT, OAuth2 for
 * authentication), so that what was found instead can be said.
 */
/**
 * A mechanism a claim can name. The claim is confirmed only by that mechanism: found in code (a
 * line with one of `anchors` that matches `code`), among the dependencies, or as files. Others of
 * the same family found instead make a claim of it partial, with the difference said.
 */
export interface Mechanism {
  id: string;
  label: string;
  family: string;
  claim: RegExp;
  /** Lower-case literals a code line must contain before `code` is tried on it. */
  anchors?: string[];
  code?: RegExp;
  deps?: string[];
  files?: string[];
  /**
   * Commonly written by hand, in words no spelling list holds (an allow-list check, `if !isValid…`):
   * finding none of its spellings is no proof it is absent.
   */
  byHand?: boolean;
}

import { FEATURES } from './features.js';

const m = (
  family: string,
  id: string,
  claim: RegExp,
  rest: Omit<Mechanism, 'id' | 'label' | 'family' | 'claim'> & { label?: string } = {},
): Mechanism => ({ family, id, label: rest.label ?? id, claim, ...rest });

export const MECHANISMS: Mechanism[] = [
  m('auth', 'API keys', /\bapi[- ]?keys?\b|x-api-key|apikey/i, {
    anchors: ['api_key', 'api-key', 'apikey'],
    // A key that requests carry and the server checks, not a key the code sends to another API.
    // (Each alternative anchored on a word, with no free window between two quantifiers.)
    code: /x-api-key|apikeyheader|api_?key_?header|(?:header|headers|request|req)\w{0,20}(?:\.get)?\W{1,4}api[-_]?key|(?:verif|valid|check|require|get)\w{0,12}api[-_]?key|api[-_]?key\s?[!=]==?|(?:compare\w{0,12}|timingsafeequal|depends|security)\(\s?\w{0,12}api[-_]?key/i,
  }),
  m('auth', 'JWT', /\bjwt\b|json web tokens?/i, {
    anchors: ['jwt', 'jsonwebtoken', 'jose'],
    code: /jwt|jsonwebtoken|\bjose\b/i,
    deps: ['jsonwebtoken', 'pyjwt', 'python-jose', 'jose', 'io.jsonwebtoken:*', 'github.com/golang-jwt/jwt*'],
  }),
  m('auth', 'OAuth2/OpenID Connect', /\boauth ?2?\b|openid|\boidc\b/i, {
    anchors: ['oauth', 'openid', 'oidc'],
    code: /oauth|openid|oidc/i,
  }),
  m('auth', 'HTTP Basic authentication', /\bbasic auth(?:entication)?\b/i, {
    anchors: ['basic'],
    code: /basic ?auth|httpbasic|authorization['"]?\s*[:,]\s*['"`]basic/i,
  }),
  m('auth', 'mutual TLS', /\bmtls\b|mutual tls|client certificates?/i, {
    anchors: ['mtls', 'client_cert', 'clientcert'],
  }),
  m('typing', 'TypeScript strict mode', /\btypescript strict(?: mode)?\b|\bstrict (?:mode )?typescript\b/i, {
    anchors: ['"strict"'],
    code: /"strict"\s*:\s*true/,
  }),
  m('typing', 'mypy strict mode', /\bmypy(?: --)?strict\b|\bstrict mypy\b/i, {
    anchors: ['strict'],
    code: /strict\s*=\s*true|--strict/i,
  }),
  m('csrf', 'SameSite cookies', /same-?site/i, { anchors: ['samesite'] }),
  m('csrf', 'CSRF tokens', /\bcsrf tokens?\b|\bcsurf\b|\banti-?forgery\b/i, {
    anchors: ['csrf', 'xsrf', 'antiforgery'],
    deps: ['csurf', 'csrf-csrf', 'flask-wtf', 'django'],
  }),
  m('delay', 'exponential backoff', /exponential(?:\s+back-?off)?|\bback-?off\b/i, {
    anchors: ['backoff', 'back_off', 'exponential', '**', 'pow(', '<<'],
    code: /back_?off|exponential|\*\* ?\(? ?(?:attempt|retry|retries|n|i|tries)\b|math\.pow\(\s*2|<<\s*(?:attempt|retry|retries|tries)/i,
    deps: ['tenacity', 'backoff', 'p-retry', 'async-retry', 'exponential-backoff', 'github.com/cenkalti/backoff*'],
  }),
  m('delay', 'a fixed delay', /\bfixed (?:delay|sleep|interval)\b|\bconstant delay\b/i, {
    anchors: ['sleep(', 'settimeout(', 'delay('],
    code: /\bsleep\s*\(|\bsetTimeout\s*\(|\bdelay\s*\(\s*\d/i,
  }),
  m('delay', 'jitter', /\bjitter\b/i, { anchors: ['jitter'], code: /jitter/i }),
  ...(
    [
      [
        'OpenTelemetry',
        /opentelemetry|\botel\b/i,
        ['opentelemetry', 'otel'],
        ['@opentelemetry/*', 'opentelemetry-*', 'io.opentelemetry*', 'go.opentelemetry.io/*', 'OpenTelemetry*'],
      ],
      ['Jaeger', /\bjaeger\b/i, ['jaeger'], ['jaeger-client', '*jaeger*']],
      ['Zipkin', /\bzipkin\b/i, ['zipkin'], ['*zipkin*']],
      ['Datadog', /\bdatadog\b|\bddtrace\b/i, ['datadog', 'ddtrace', 'dd-trace'], ['ddtrace', 'dd-trace', '*datadog*']],
      ['AWS X-Ray', /\bx-?ray\b/i, ['xray', 'x-ray'], ['aws-xray-sdk*']],
      ['LangSmith', /\blangsmith\b/i, ['langsmith'], ['langsmith']],
      ['Honeycomb', /\bhoneycomb\b/i, ['honeycomb'], ['*honeycomb*']],
      ['New Relic', /\bnew ?relic\b/i, ['newrelic'], ['newrelic']],
    ] as const
  ).map(([id, claim, anchors, deps]) => m('tracing', id, claim, { anchors: [...anchors], deps: [...deps] })),
  ...(
    [
      [
        'Prometheus',
        /\bprometheus\b/i,
        ['prometheus', 'prom-client', 'prom_client'],
        [
          'prom-client',
          'prometheus-client',
          'prometheus_client',
          'prometheus-fastapi-instrumentator',
          'io.micrometer:micrometer-registry-prometheus',
          'github.com/prometheus/client_golang*',
          'prometheus-net*',
        ],
      ],
      ['StatsD', /\bstatsd\b/i, ['statsd'], ['*statsd*']],
      ['Micrometer', /\bmicrometer\b/i, ['micrometer'], ['io.micrometer:*']],
      ['CloudWatch metrics', /\bcloudwatch\b/i, ['cloudwatch'], []],
    ] as const
  ).map(([id, claim, anchors, deps]) => m('metrics', id, claim, { anchors: [...anchors], deps: [...deps] })),
  ...(['Sentry', 'Rollbar', 'Bugsnag', 'Honeybadger', 'Airbrake'] as const).map((id) =>
    // The name at the start of a word: "scrollbar" holds "rollbar" and is no error tracker.
    m('errors', id, new RegExp(`\\b${id}\\b`, 'i'), {
      anchors: [id.toLowerCase()],
      code: new RegExp(`(?<![a-z])${id.toLowerCase()}`, 'i'),
      deps: [`*${id.toLowerCase()}*`],
    }),
  ),
  ...(
    [
      ['structlog', ['structlog']],
      ['winston', ['winston']],
      ['pino', ['pino']],
      ['Serilog', ['serilog*']],
      ['zap', ['go.uber.org/zap']],
      ['zerolog', ['github.com/rs/zerolog']],
      ['logrus', ['github.com/sirupsen/logrus']],
      ['loguru', ['loguru']],
      ['Logstash encoder', ['net.logstash.logback:*']],
    ] as const
  ).map(([id, deps]) =>
    m('logging', id, new RegExp(`\\b${id}\\b`, 'i'), { anchors: [id.toLowerCase()], deps: [...deps] }),
  ),
  ...(
    [
      ['Resilience4j', ['io.github.resilience4j:*']],
      ['Hystrix', ['com.netflix.hystrix:*', '*hystrix*']],
      ['opossum', ['opossum']],
      ['pybreaker', ['pybreaker']],
      ['Polly', ['polly*']],
      ['gobreaker', ['github.com/sony/gobreaker*']],
    ] as const
  ).map(([id, deps]) =>
    m('breaker', id, new RegExp(`\\b${id}\\b`, 'i'), { anchors: [id.toLowerCase()], deps: [...deps] }),
  ),
  ...(
    [
      ['slowapi', ['slowapi']],
      ['express-rate-limit', ['express-rate-limit']],
      ['Bucket4j', ['com.bucket4j:*', 'com.github.vladimir-bukhtoyarov:*']],
      ['Flask-Limiter', ['flask-limiter']],
      ['django-ratelimit', ['django-ratelimit']],
    ] as const
  ).map(([id, deps]) =>
    m('ratelimit', id, new RegExp(`\\b${id}\\b`, 'i'), { anchors: [id.toLowerCase()], deps: [...deps] }),
  ),
  m('ci', 'GitHub Actions', /\bgithub actions\b/i, { files: ['.github/workflows/*.yml', '.github/workflows/*.yaml'] }),
  m('ci', 'GitLab CI', /\bgitlab[- ]ci\b/i, { files: ['.gitlab-ci.yml', '.gitlab-ci.yaml'] }),
  m('ci', 'Jenkins', /\bjenkins\b/i, {
    files: ['**/Jenkinsfile', '**/Jenkinsfile.*', '**/Jenkinsfile_*', '**/Jenkinsfile-*'],
  }),
  m('ci', 'CircleCI', /\bcircle ?ci\b/i, { files: ['.circleci/config.yml'] }),
  m('ci', 'Azure Pipelines', /\bazure (?:devops )?pipelines?\b/i, {
    files: ['azure-pipelines*.yml', '.azure-pipelines/**/*.yml'],
  }),
  m('iac', 'Terraform', /\bterraform\b|\bopentofu\b/i, { files: ['**/*.tf'] }),
  m('iac', 'Bicep', /\bbicep\b/i, { files: ['**/*.bicep'] }),
  m('iac', 'Pulumi', /\bpulumi\b/i, { files: ['**/Pulumi.yaml', '**/Pulumi.yml'] }),
  m('iac', 'AWS CDK', /\baws cdk\b|\bcdk\b/i, { files: ['**/cdk.json'] }),
  m('iac', 'CloudFormation', /\bcloudformation\b/i, { anchors: ['awstemplateformatversion'] }),
  m('iac', 'Ansible', /\bansible\b/i, { files: ['**/ansible.cfg', '**/playbook*.yml', '**/playbooks/**/*.yml'] }),
  m('orchestration', 'Helm', /\bhelm\b/i, { files: ['**/Chart.yaml'] }),
  m('orchestration', 'Docker Compose', /\bdocker[- ]compose\b|\bcompose file\b/i, {
    files: ['**/docker-compose*.yml', '**/docker-compose*.yaml', '**/compose.yml', '**/compose.yaml'],
  }),
  m('orchestration', 'Kubernetes manifests', /\bkubernetes\b|\bk8s\b/i, {
    anchors: ['kind: deployment', 'kind: statefulset', 'kind: service', 'kind: ingress'],
  }),
  m('dashboards', 'Grafana', /\bgrafana\b/i, { files: ['**/*grafana*', '**/grafana/**', '**/dashboards/*.json'] }),
  m('alerting', 'Alertmanager/Prometheus alert rules', /\balert ?manager\b|\balerting rules\b|\balert rules\b/i, {
    files: ['**/alertmanager*.yml', '**/alertmanager*.yaml', '**/*alert*rules*.yml', '**/*alert*rules*.yaml'],
    anchors: ['alert:'],
  }),
  m('secrets', 'HashiCorp Vault', /\bhashicorp vault\b|(?<!key ?)\bvault\b/i, {
    anchors: ['hashicorp', 'hvac', 'node-vault', 'vault_addr', 'vault_token'],
    deps: ['hvac', 'node-vault', '*spring-cloud-vault*'],
  }),
  m('secrets', 'AWS Secrets Manager', /\bsecrets manager\b/i, { anchors: ['secretsmanager'] }),
  m('secrets', 'Azure Key Vault', /\bkey ?vault\b/i, { anchors: ['keyvault', 'key_vault', 'key-vault'] }),
  m('runbooks', 'runbooks', /\brunbooks?\b|\bplaybooks?\b/i, {
    files: ['**/*runbook*', '**/runbooks/**', '**/*playbook*.md', '**/playbooks/**/*.md'],
  }),
  m('migrations', 'Alembic', /\balembic\b/i, { files: ['**/alembic.ini', '**/alembic/env.py'] }),
  m('migrations', 'Flyway', /\bflyway\b/i, { files: ['**/db/migration/V*.sql'], deps: ['org.flywaydb:*'] }),
  m('migrations', 'Liquibase', /\bliquibase\b/i, { deps: ['org.liquibase:*'], anchors: ['databasechangelog'] }),
  m('migrations', 'Prisma Migrate', /\bprisma\b/i, { files: ['**/prisma/migrations/**', '**/schema.prisma'] }),
  ...FEATURES,
];

/** The mechanisms a piece of text names. */
export function mechanismsIn(text: string): Mechanism[] {
  // One pass over the text for all of them first: most claims name none.
  if (!ANY_MECHANISM.test(text)) return [];
  return MECHANISMS.filter((x) => x.claim.test(text));
}

const ANY_MECHANISM = new RegExp(MECHANISMS.map((x) => `(?:${x.claim.source})`).join('|'), 'i');
