/**
 * Protection a framework gives by default, without a line in the service's own code
 * (security-middleware): Laravel's `web` middleware group with its CSRF check, and Spring
 * Security auto-configured by Spring Boot.
 */
import { isLocalProfileFile, springSettingsUnder } from '../../../src/facts/spring-config.js';
import type { Facts, FileView, Match } from '../../../src/types.js';

/**
 * Laravel's `web` middleware group verifies CSRF tokens (VerifyCsrfToken, ValidateCsrfToken since
 * Laravel 11) for every route in it. The group is in use where web routes are loaded: routes/web.php
 * or a variant (`routes/web.base.php`), `withRouting(web: …)`, a `->middleware('web')` group, or the
 * group extended in bootstrap/app.php (`$middleware->web(append: […])`) — unless the CSRF middleware is
 * taken out of it (`web(remove: [ValidateCsrfToken::class])`, `validateCsrfTokens(except: ['*'])`).
 * Blind round 29, koel: routes/web.base.php loaded through a provider and `$middleware->web(append:)`
 * in bootstrap/app.php, but only a literal routes/web.php counted.
 */
export function laravelWebGroup(files: {
  has(globs: string | readonly string[]): boolean;
  match(globs: string | readonly string[]): string[];
  read(path: string): string | undefined;
}): { path: string; line?: number } | undefined {
  const app = files.read('bootstrap/app.php') ?? '';
  const kernel = files.read('app/Http/Kernel.php') ?? '';
  const removed =
    /(?:remove|without)\s*:\s*\[[^\]]{0,400}?(?:ValidateCsrfToken|VerifyCsrfToken)|validateCsrfTokens\(\s*except\s*:\s*\[\s*['"]\*['"]\s*\]/;
  if (removed.test(app)) return undefined;
  // A Laravel 10 kernel lists the web group itself: without the CSRF class, the group checks none.
  if (/['"]web['"]\s*=>\s*\[/.test(kernel) && !/(?:VerifyCsrfToken|ValidateCsrfToken)/.test(kernel)) return undefined;
  const routes = files.match(['routes/web.php', '**/routes/web.php', 'routes/web.*.php', 'routes/web/*.php'])[0];
  if (routes) return { path: routes };
  const lines = app.split(/\r?\n/, 2000);
  const at = lines.findIndex((l) => /\bweb\s*:\s*\S|->web\(|middleware\(\s*['"]web['"]|Routes\(\s*['"]web['"]/.test(l));
  return at >= 0 ? { path: 'bootstrap/app.php', line: at + 1 } : undefined;
}

/** Spring Security's starters: on a Spring Boot classpath, each switches the default filter chain on. */
const SPRING_SECURITY_DEPS = [
  'org.springframework.boot:spring-boot-starter-security',
  'org.springframework.boot:spring-boot-starter-oauth2-resource-server',
  'org.springframework.boot:spring-boot-starter-oauth2-client',
  'org.springframework.security:spring-security-config',
];

/**
 * Spring Security auto-configured by Spring Boot: a security starter the service uses, or, where a
 * platform starter brings it in, `spring.security.oauth2.*` settings in the service's configuration
 * (they take effect only with Spring Security on the classpath). One line cited.
 */
export function springSecurityAuto(facts: Facts, files: FileView): Match[] {
  if (!facts.frameworks.some((f) => f.id === 'spring-boot')) return [];
  const dep = facts.findDependencies(SPRING_SECURITY_DEPS)[0];
  if (dep)
    return [
      {
        path: dep.path,
        line: dep.line ?? 1,
        snippet: dep.name,
        groups: [],
      },
    ];
  const set = springSettingsUnder(files, ['spring.security.oauth2.resourceserver', 'spring.security.oauth2.client'])
    // A local/dev/test profile (`application-local.yml`) says nothing of production (blind round 34).
    .find((s) => s.value !== '' && !isLocalProfileFile(s.path));
  return set
    ? [
        {
          path: set.path,
          line: set.line,
          snippet: set.snippet,
          groups: [],
        },
      ]
    : [];
}
