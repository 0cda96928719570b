import { table } from '../util/table.js';
/**
 * The module names a PyPI distribution is imported as. Most follow from the name (`prometheus-client`
 * → `prometheus_client`, `opentelemetry-sdk` → `opentelemetry.sdk`, `python-dateutil` → `dateutil`);
 * the table holds the ones that do not, for the packages the detection catalogues name.
 */
const IMPORTS: Record<string, string[]> = table({
  pyjwt: ['jwt'],
  'python-jwt': ['python_jwt', 'jwt'],
  'python-jose': ['jose'],
  'python-json-logger': ['pythonjsonlogger'],
  'python-logstash': ['logstash'],
  djangorestframework: ['rest_framework'],
  'djangorestframework-simplejwt': ['rest_framework_simplejwt'],
  'djangorestframework-jwt': ['rest_framework_jwt'],
  'drf-jwt': ['rest_framework_jwt'],
  'djangorestframework-api-key': ['rest_framework_api_key'],
  'django-rest-knox': ['knox'],
  // django-ninja serves its generated OpenAPI document and Swagger UI from `NinjaAPI()` (blind round 40).
  'django-ninja': ['ninja'],
  'django-ninja-extra': ['ninja_extra'],
  'django-oauth-toolkit': ['oauth2_provider'],
  'django-allauth': ['allauth'],
  'social-auth-app-django': ['social_django'],
  'social-auth-core': ['social_core'],
  'django-cors-headers': ['corsheaders'],
  'django-axes': ['axes'],
  'django-guardian': ['guardian'],
  'django-rules': ['rules'],
  'django-ratelimit': ['django_ratelimit', 'ratelimit'],
  'django-environ': ['environ'],
  'django-csp': ['csp'],
  'django-health-check': ['health_check'],
  'python-keycloak': ['keycloak'],
  'python-dotenv': ['dotenv'],
  'python-decouple': ['decouple'],
  'hydra-core': ['hydra'],
  'elastic-apm': ['elasticapm'],
  'opentelemetry-api': ['opentelemetry'],
  'google-auth': ['google.auth', 'google.oauth2'],
  'google-cloud-logging': ['google.cloud.logging'],
  'google-cloud-trace': ['google.cloud.trace_v2', 'google.cloud.trace'],
  'argon2-cffi': ['argon2'],
  pycasbin: ['casbin'],
  retry2: ['retry'],
  'yoyo-migrations': ['yoyo'],
  'flask-sqlalchemy': ['flask_sqlalchemy'],
  'psycopg2-binary': ['psycopg2'],
  'psycopg-binary': ['psycopg'],
  mysqlclient: ['MySQLdb'],
  'tortoise-orm': ['tortoise'],
  pybrake: ['pybrake'],
  honeybadger: ['honeybadger'],
  'sentry-sdk': ['sentry_sdk'],
  'scout-apm': ['scout_apm'],
  'aws-xray-sdk': ['aws_xray_sdk'],
  beautifulsoup4: ['bs4'],
  pyyaml: ['yaml'],
  pillow: ['PIL'],
});

const NAMESPACES = ['opentelemetry', 'google', 'azure', 'zope', 'ruamel', 'backports'];

/** Candidate import names (dotted), most specific first. */
export function pythonImportNames(dist: string): string[] {
  const n = dist.toLowerCase();
  const known = IMPORTS[n];
  if (known) return known;
  const out = new Set<string>([n.replace(/-/g, '_')]);
  // Namespace packages: opentelemetry-exporter-otlp → opentelemetry.exporter.otlp.
  if (NAMESPACES.includes(n.split('-')[0]!)) out.add(n.replace(/-/g, '.'));
  const stripped = n.replace(/^(python|py)-/, '').replace(/-(python|py)$/, '');
  if (stripped !== n) out.add(stripped.replace(/-/g, '_'));
  return [...out];
}
