/**
 * Blind round 33, class "hand-written auth in code not recognised": an Express middleware that reads
 * the caller's roles from the token and redirects or refuses, mounted with `app.use`, is
 * authorization; a Spring WebFlux `WebFilter` that compares an `x-api-key` header with keys injected
 * from configuration and answers 401 is authentication.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import authorization from './security/authorization.js';
import authentication from './security/authentication.js';

const PKG = JSON.stringify({ name: 'shop-ui', dependencies: { express: '^5.0.0' } });

const ROLE_MW = [
  "import type { RequestHandler } from 'express'",
  '',
  'export default function roleGate(allowed: string[] = []): RequestHandler {',
  '  return (req, res, next) => {',
  '    const roles: string[] = res.locals.user?.roles ?? []',
  '    if (allowed.length && !roles.some(role => allowed.includes(role))) {',
  "      log.warn('user lacks a role')",
  "      return res.redirect('/not-allowed')",
  '    }',
  '    return next()',
  '  }',
  '}',
  '',
].join('\n');

function express(app: string, mw = ROLE_MW): Tree {
  return {
    'package.json': PKG,
    'server/middleware/roleGate.ts': mw,
    'server/app.ts': app,
    'server.ts': "import app from './server/app'\napp.listen(3000)\n",
  };
}

describe('hand-written role middleware (authorization)', () => {
  it('passes when the role middleware is mounted with app.use, citing the check and the mount', async () => {
    const run = await runRuleOn(
      authorization,
      express(
        "import express from 'express'\nimport roleGate from './middleware/roleGate'\nconst app = express()\napp.use(roleGate(['ADMIN']))\nexport default app\n",
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toEqual([
      'server/middleware/roleGate.ts:6',
      'server/app.ts:4',
    ]);
  });

  it('passes when a route lists it among its handlers', async () => {
    const run = await runRuleOn(
      authorization,
      express(
        "import { Router } from 'express'\nimport roleGate from './middleware/roleGate'\nconst router = Router()\nrouter.get('/admin', roleGate(['ADMIN']), (req, res) => res.send('ok'))\nexport default router\n",
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });

  it('fails when the middleware is written but mounted nowhere', async () => {
    const run = await runRuleOn(
      authorization,
      express("import express from 'express'\nconst app = express()\nexport default app\n"),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  it('fails when the roles are only read, never refused (a page that lists them)', async () => {
    const mw = ROLE_MW.replace("      return res.redirect('/not-allowed')\n", '      res.locals.limited = true\n');
    const run = await runRuleOn(
      authorization,
      express(
        "import express from 'express'\nimport roleGate from './middleware/roleGate'\nconst app = express()\napp.use(roleGate())\nexport default app\n",
        mw,
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});

const GRADLE =
  'plugins { id("org.springframework.boot") version "3.4.0" }\ndependencies { implementation("org.springframework.boot:spring-boot-starter-webflux") }\n';

const KEY_FILTER = (refusal: string) =>
  [
    'package shop.api',
    '',
    '@Component',
    'class KeyFilter(',
    '    @Value("\\${security.apiKey.primary}") private val primaryKey: String,',
    ') : WebFilter {',
    '    override fun filter(exchange: ServerWebExchange, chain: WebFilterChain): Mono<Void> {',
    '        val key = exchange.request.headers.getFirst("x-api-key")',
    '        if (!isValidKey(key)) {',
    refusal,
    '            return exchange.response.setComplete()',
    '        }',
    '        return chain.filter(exchange)',
    '    }',
    '',
    '    private fun isValidKey(key: String?) = key == primaryKey',
    '}',
    '',
  ].join('\n');

describe('hand-written API-key filter (authentication)', () => {
  it('passes for a WebFilter comparing x-api-key with an injected key and answering 401', async () => {
    const run = await runRuleOn(
      authentication,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/shop/api/KeyFilter.kt': KEY_FILTER(
          '            exchange.response.statusCode = HttpStatus.UNAUTHORIZED',
        ),
        'src/main/kotlin/shop/api/App.kt':
          '@SpringBootApplication\nclass App\nfun main(args: Array<String>) { runApplication<App>(*args) }\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/main/kotlin/shop/api/KeyFilter.kt:8');
  });

  it('a servlet filter reading the key with getHeader passes too', async () => {
    const run = await runRuleOn(
      authentication,
      {
        'build.gradle.kts': GRADLE,
        'src/main/java/shop/KeyFilter.java':
          'public class KeyFilter extends OncePerRequestFilter {\n  @Value("${api.key}") private String apiKey;\n  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {\n    String key = request.getHeader("X-API-KEY");\n    if (!apiKey.equals(key)) {\n      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);\n      return;\n    }\n    chain.doFilter(request, response);\n  }\n}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });

  it('fails when the filter only passes the key on and refuses nothing', async () => {
    const run = await runRuleOn(
      authentication,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/shop/api/KeyFilter.kt': KEY_FILTER('            log.debug("no key")'),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
});

it('a Java WebFilter that reads the key in a helper below the filter method passes (the class is one unit)', async () => {
  const run = await runRuleOn(
    authentication,
    {
      'build.gradle.kts': GRADLE,
      'src/main/java/shop/KeyFilter.java':
        'public class KeyFilter implements WebFilter {\n  private final Set<String> keys;\n  public KeyFilter(@Value("${security.apiKey.primary}") String primary) { this.keys = Set.of(primary); }\n  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {\n    boolean ok = key(exchange).map(keys::contains).orElse(false);\n    if (!ok) {\n      exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);\n      return exchange.getResponse().setComplete();\n    }\n    return chain.filter(exchange);\n  }\n\n\n\n\n\n\n  private Optional<String> key(ServerWebExchange exchange) {\n    return Optional.ofNullable(exchange.getRequest().getHeaders().getFirst("x-api-key"));\n  }\n}\n',
    },
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
});
