/**
 * Detection catalogues: library names per concern, as data. A user extends any of them from the
 * config (`detect: {metrics: ["@acme/metrics"]}`); rules read them through ctx.catalogue(name).
 * Names match dependencies exactly or, with a trailing `*`, by prefix (case-insensitive).
 */
export const CATALOGUES: Record<string, string[]> = {
  'security-headers': [
    'helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet', 'hono', 'flask-talisman', 'talisman', 'secure',
    'django', 'github.com/unrolled/secure', 'NWebsec.AspNetCore.Middleware', 'NetEscapades.AspNetCore.SecurityHeaders',
    'secure_headers', 'org.springframework.boot:spring-boot-starter-security', 'bepsvpt/secure-headers',
  ],
  // security/authentication: libraries that authenticate requests (dependency evidence only; code patterns live in the rule).
  authentication: [
    'passport', 'passport-*', '@nestjs/passport', '@nestjs/jwt', 'jsonwebtoken', 'jose', 'express-jwt', 'express-openid-connect', 'express-session',
    'next-auth', '@auth/*', 'better-auth', 'lucia', '@fastify/jwt', '@fastify/auth', '@fastify/passport', 'koa-jwt', '@hapi/jwt', 'hapi-auth-jwt2',
    'firebase-admin', '@clerk/*', '@supabase/auth-helpers-*', 'jwks-rsa', 'openid-client', 'oidc-provider', '@okta/*', 'keycloak-connect',
    'pyjwt', 'python-jose', 'authlib', 'flask-jwt-extended', 'flask-login', 'flask-httpauth', 'flask-security', 'flask-security-too',
    'djangorestframework-simplejwt', 'django-allauth', 'dj-rest-auth', 'django-oauth-toolkit', 'mozilla-django-oidc', 'fastapi-users', 'fastapi-jwt-auth', 'python-keycloak', 'joserfc',
    'github.com/golang-jwt/jwt*', 'github.com/dgrijalva/jwt-go', 'github.com/lestrrat-go/jwx*', 'github.com/coreos/go-oidc*', 'golang.org/x/oauth2', 'github.com/markbates/goth',
    'github.com/auth0/go-jwt-middleware*', 'github.com/appleboy/gin-jwt*', 'github.com/gofiber/contrib/jwt', 'github.com/go-chi/jwtauth*', 'github.com/zitadel/oidc*',
    'org.springframework.boot:spring-boot-starter-security', 'org.springframework.boot:spring-boot-starter-oauth2-*', 'org.springframework.security:*',
    'io.jsonwebtoken:*', 'com.auth0:java-jwt', 'com.nimbusds:nimbus-jose-jwt', 'org.keycloak:*', 'io.quarkus:quarkus-oidc', 'io.quarkus:quarkus-smallrye-jwt', 'io.micronaut.security:*',
    'Microsoft.AspNetCore.Authentication.*', 'Microsoft.Identity.Web', 'Microsoft.AspNetCore.Identity*', 'System.IdentityModel.Tokens.Jwt', 'Duende.IdentityServer', 'OpenIddict*',
    'devise', 'devise_token_auth', 'omniauth', 'omniauth-*', 'jwt', 'doorkeeper', 'rodauth', 'rodauth-rails', 'sorcery', 'clearance', 'knock',
    'laravel/sanctum', 'laravel/passport', 'laravel/fortify', 'laravel/breeze', 'laravel/jetstream', 'tymon/jwt-auth', 'php-open-source-saver/jwt-auth', 'firebase/php-jwt', 'lexik/jwt-authentication-bundle', 'symfony/security-bundle', 'league/oauth2-server',
    'jsonwebtoken', 'actix-web-httpauth', 'axum-login', 'openidconnect', 'jwt-simple',
  ],
  // security/authorization: role, permission and policy libraries.
  authorization: [
    'casbin', '@casl/*', 'accesscontrol', 'role-acl', '@permify/*', 'permitio', 'oso', 'cerbos', '@cerbos/*', 'openfga', '@openfga/sdk', 'nest-access-control',
    'pycasbin', 'casbin', 'django-guardian', 'django-rules', 'rules', 'django-role-permissions', 'flask-principal', 'flask-authorize', 'fastapi-permissions', 'oso', 'cerbos', 'openfga-sdk', 'py-abac',
    'github.com/casbin/casbin*', 'github.com/open-policy-agent/opa', 'github.com/cerbos/cerbos*', 'github.com/openfga/go-sdk', 'github.com/ory/keto*', 'github.com/permitio/permit-golang',
    'org.springframework.security:spring-security-acl', 'org.casbin:jcasbin', 'dev.cerbos:*', 'dev.openfga:*',
    'Casbin.NET', 'OpenFga.Sdk',
    'pundit', 'cancancan', 'action_policy', 'rolify', 'access-granted',
    'spatie/laravel-permission', 'casbin/casbin', 'bezhansalleh/filament-shield', 'santigarcor/laratrust', 'silber/bouncer', 'zizaco/entrust',
    'casbin', 'oso', 'cedar-policy',
  ],
  // security/security-scanning: tools whose name (or action) in a CI command means code or dependencies are scanned.
  'security-scanners': [
    'codeql', 'semgrep', 'snyk', 'trivy', 'grype', 'anchore/scan-action', 'bandit', 'gosec', 'govulncheck', 'npm audit', 'yarn audit', 'yarn npm audit', 'pnpm audit', 'bun audit',
    'audit-ci', 'better-npm-audit', 'pip-audit', 'safety check', 'safety scan', 'dependency-check', 'dependency-check-maven', 'dependencyCheckAnalyze', 'gitleaks', 'trufflehog', 'detect-secrets',
    'checkov', 'tfsec', 'kics', 'terrascan', 'sonarqube', 'sonarcloud', 'sonar-scanner', 'sonarscanner', 'sonar:sonar', 'SonarSource/', 'cargo audit', 'cargo deny', 'cargo-audit', 'cargo-deny',
    'bundle audit', 'bundler-audit', 'brakeman', 'composer audit', 'local-php-security-checker', 'dotnet list package --vulnerable', 'osv-scanner', 'dependency-review-action',
    'docker scout', 'zap-baseline', 'zaproxy/action', 'whitesource', 'veracode', 'checkmarx', 'horusec', 'njsscan', 'nancy', 'spotbugs-security', 'find-sec-bugs', 'security-code-scan', 'devskim', 'ossf/scorecard-action', 'Security/SAST', 'Security/Dependency-Scanning', 'Security/Secret-Detection', 'Security/Container-Scanning', 'Jobs/SAST', 'Jobs/Dependency-Scanning', 'Jobs/Secret-Detection', 'Jobs/Container-Scanning',
  ],
};

export function catalogueFor(name: string, detect?: Record<string, string[]>): string[] {
  return [...(CATALOGUES[name] ?? []), ...(detect?.[name] ?? [])];
}
