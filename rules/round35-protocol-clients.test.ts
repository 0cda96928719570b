/**
 * Blind round 35: what a framework or protocol client really does. Outbound calls are not only
 * HTTP: a login against an IMAP or LDAP server and mail sent through a mailer are connections to
 * other servers (davis: retries, timeouts and circuit breakers said "no outbound calls").
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import circuitBreakers from './reliability/circuit-breakers.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import errorTracking from './observability/error-tracking.js';
import authorization from './security/authorization.js';
import securityMiddleware from './security/security-middleware.js';

const symfony = {
  'composer.json': '{"require":{"symfony/framework-bundle":"7.*","symfony/mailer":"7.*","webklex/php-imap":"5.*"}}',
  'public/index.php':
    "<?php\nuse App\\Kernel;\nreturn fn (array $context) => new Kernel($context['APP_ENV'], (bool) $context['APP_DEBUG']);\n",
  'src/Kernel.php': '<?php\nnamespace App;\nclass Kernel extends BaseKernel {}\n',
  'src/Controller/HomeController.php':
    "<?php\nnamespace App\\Controller;\nclass HomeController {\n    public function index(): Response { return new Response('ok'); }\n}\n",
};

describe('outbound calls beyond HTTP, round 35', () => {
  const cases: [string, Record<string, string>][] = [
    [
      'PHP ldap_connect',
      {
        'src/Services/Directory.php':
          '<?php\nclass Directory {\n    function bind($url) {\n        $ldap = ldap_connect($url);\n    }\n}\n',
      },
    ],
    [
      'PHP webklex IMAP',
      {
        'src/Services/Mailbox.php':
          '<?php\nuse Webklex\\PHPIMAP\\ClientManager;\nclass Mailbox {\n    function open() { $cm = new ClientManager([]); }\n}\n',
      },
    ],
    [
      'Symfony Mailer',
      {
        'src/Services/Notify.php':
          '<?php\nuse Symfony\\Component\\Mailer\\MailerInterface;\nclass Notify {\n    function __construct(private MailerInterface $mailer) {}\n}\n',
      },
    ],
  ];
  for (const [name, files] of cases)
    it(`${name} is an outbound call: retries, timeouts and circuit breakers apply`, async () => {
      for (const rule of [retries, timeouts, circuitBreakers]) {
        const r = await runRuleOn(rule, { ...symfony, ...files }, { profile: 'service' });
        expect(r.outcome).toBe('fail');
      }
    });

  it('the same service with no network client has nothing to protect', async () => {
    const r = await runRuleOn(retries, symfony, { profile: 'service' });
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toMatch(/no outbound calls/);
  });

  it('LDAP, IMAP and mail clients of other ecosystems count too; a word in a comment or a name does not', async () => {
    const flask = {
      'requirements.txt': 'flask\nldap3\n',
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
    };
    const variants: Record<string, string>[] = [
      { 'auth.py': 'import ldap3\n\ndef bind(user):\n    conn = ldap3.Connection(ldap3.Server(HOST), user=user)\n' },
      { 'mailbox.py': 'import imaplib\n\ndef fetch():\n    box = imaplib.IMAP4_SSL(HOST)\n' },
      { 'notify.py': 'from django.core.mail import send_mail\n' },
    ];
    for (const v of variants)
      expect((await runRuleOn(timeouts, { ...flask, ...v }, { profile: 'service' })).outcome).toBe('fail');
    const none = {
      ...flask,
      'requirements.txt': 'flask\n',
      'auth.py': '# ldap3.Connection is not used here\nLDAP_ENABLED = False\n',
    };
    expect((await runRuleOn(timeouts, none, { profile: 'service' })).outcome).toBe('not-applicable');
    const node = {
      'package.json': '{"dependencies":{"express":"4","ldapjs":"3"}}',
      'src/server.js': "const express = require('express');\nexpress().listen(3000);\n",
      'src/ldap.js':
        "const ldap = require('ldapjs');\nconst client = ldap.createClient({ url: process.env.LDAP_URL });\n",
    };
    expect((await runRuleOn(retries, node, { profile: 'service' })).outcome).toBe('fail');
    const go = {
      'go.mod': 'module svc\n\ngo 1.22\n\nrequire github.com/go-ldap/ldap/v3 v3.4.6\n',
      'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
      'auth.go': 'package main\n\nimport "github.com/go-ldap/ldap/v3"\n\nfunc bind() { l, _ := ldap.DialURL(addr) }\n',
    };
    expect((await runRuleOn(retries, go, { profile: 'service' })).outcome).toBe('fail');
    const java = {
      'pom.xml':
        '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
      'src/main/java/app/App.java': 'package app;\n@SpringBootApplication\npublic class App {}\n',
      'src/main/java/app/Dir.java':
        'package app;\nclass Dir {\n  DirContext open() { return new InitialDirContext(env); }\n}\n',
    };
    expect((await runRuleOn(retries, java, { profile: 'service' })).outcome).toBe('fail');
  });
});

describe('browser script in a server string and test-runner settings are not the service’s calls, round 35', () => {
  const server = {
    'package.json': '{"dependencies":{"express":"4"},"devDependencies":{"mocha":"10"}}',
    'src/index.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
    'src/registry.ts':
      'export const pull = async (url: string) =>\n  (await fetch(url, { signal: AbortSignal.timeout(5000) })).json();\n',
  };
  const page = [
    'export const docsPage = (title: string) => `<!DOCTYPE html>',
    '<html><body><h1>${title}</h1>',
    '<script>',
    '  function load(spec) {',
    '    fetch(spec.url).then(function (r) { return r.json(); });',
    '  }',
    '</script>',
    '</body></html>`;',
  ].join('\n');

  it('a fetch inside an HTML page built in a template literal runs in the browser: no finding', async () => {
    const r = await runRuleOn(timeouts, { ...server, 'src/docs.ts': page }, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'src/docs.ts')).toBe(false);
  });

  it('the same fetch in server code is a call without a timeout', async () => {
    const code = 'export function load(spec: { url: string }) {\n  return fetch(spec.url).then((r) => r.json());\n}\n';
    const r = await runRuleOn(timeouts, { ...server, 'src/docs.ts': code }, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.evidence.some((e) => e.path === 'src/docs.ts' && e.line === 2)).toBe(true);
  });

  it('a test runner’s timeout is not an outbound timeout', async () => {
    const noTimeout = {
      ...server,
      'src/registry.ts': 'export const pull = async (url: string) => (await fetch(url)).json();\n',
    };
    for (const cfg of ['.mocharc.js', 'jest.config.ts', 'vitest.config.mts', 'karma.conf.js']) {
      const r = await runRuleOn(
        timeouts,
        { ...noTimeout, [cfg]: 'module.exports = {\n  timeout: 120000,\n};\n' },
        { profile: 'service' },
      );
      expect(r.outcome).toBe('fail');
      expect(r.evidence.some((e) => e.path === cfg)).toBe(false);
    }
    // A client module that sets the same option is one.
    const client = {
      ...noTimeout,
      'src/client.ts': "import axios from 'axios';\nexport const api = axios.create({\n  timeout: 120000,\n});\n",
    };
    const c = await runRuleOn(timeouts, client, { profile: 'service' });
    expect(c.evidence.some((e) => e.path === 'src/client.ts' && e.note === 'explicit timeout')).toBe(true);
  });
});

describe('Spring MVC declared as the module, not the Boot web starter, round 35', () => {
  const pom = (deps: string) => `<project><dependencies>${deps}</dependencies></project>`;
  const dep = (g: string, a: string) => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId></dependency>`;
  const app = {
    'src/main/java/app/App.java':
      'package app;\n@SpringBootApplication\npublic class App {\n  public static void main(String[] args) { SpringApplication.run(App.class, args); }\n}\n',
    'src/main/java/app/ThingEndpoint.java':
      'package app;\n@RestController\n@RequestMapping("/things")\npublic class ThingEndpoint {\n  @GetMapping public String all() { return "[]"; }\n}\n',
  };

  it('spring-webmvc with Boot’s Jetty starter is a Spring web application: judged, and failed with nothing configured', async () => {
    const tree = {
      ...app,
      'pom.xml': pom(
        dep('org.springframework.boot', 'spring-boot-starter-jetty') + dep('org.springframework', 'spring-webmvc'),
      ),
    };
    const r = await runRuleOn(securityMiddleware, tree, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).not.toMatch(/standard library/);
  });

  it('with Spring Security beside it, its default headers and CSRF count', async () => {
    const tree = {
      ...app,
      'pom.xml': pom(
        dep('org.springframework.boot', 'spring-boot-starter-jetty') +
          dep('org.springframework', 'spring-webmvc') +
          dep('org.springframework.boot', 'spring-boot-starter-security'),
      ),
    };
    const r = await runRuleOn(securityMiddleware, tree, { profile: 'service' });
    expect(r.outcome).not.toBe('fail');
    expect(r.outcome).not.toBe('not-applicable');
  });

  it('a plain Spring MVC WAR without Boot is Spring MVC; no Spring web module, no framework', async () => {
    const war = { ...app, 'pom.xml': pom(dep('org.springframework', 'spring-webmvc')) };
    const r = await runRuleOn(securityMiddleware, war, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    const none = { ...app, 'pom.xml': pom(dep('org.springframework', 'spring-context')) };
    expect((await runRuleOn(securityMiddleware, none, { profile: 'service' })).outcome).not.toBe('fail');
  });
});

describe('Symfony login CSRF, round 35', () => {
  const symfonyApp = {
    'composer.json': '{"require":{"symfony/framework-bundle":"7.*","symfony/security-bundle":"7.*"}}',
    'public/index.php':
      "<?php\nuse App\\Kernel;\nreturn fn (array $context) => new Kernel($context['APP_ENV'], (bool) $context['APP_DEBUG']);\n",
    'src/Kernel.php': '<?php\nnamespace App;\nclass Kernel extends BaseKernel {}\n',
    'config/packages/framework.yaml': 'framework:\n    secret: x\n    #csrf_protection: true\n',
  };
  const authenticator = (badges: string) =>
    `<?php\nnamespace App\\Security;\nclass LoginFormAuthenticator extends AbstractLoginFormAuthenticator {\n    public function authenticate(Request $request): Passport {\n        return new SelfValidatingPassport(new UserBadge($user), [${badges}]);\n    }\n}\n`;

  it('a login authenticator that checks a CsrfTokenBadge is CSRF protection', async () => {
    const tree = {
      ...symfonyApp,
      'src/Security/LoginFormAuthenticator.php': authenticator(
        "new CsrfTokenBadge('authenticate', $credentials['csrf_token'])",
      ),
    };
    const r = await runRuleOn(securityMiddleware, tree, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.evidence.some((e) => e.path === 'src/Security/LoginFormAuthenticator.php')).toBe(true);
  });

  it('a firewall’s enable_csrf: true counts; a commented csrf_protection and a badge-less login do not', async () => {
    const yaml = {
      ...symfonyApp,
      'config/packages/security.yaml':
        'security:\n    firewalls:\n        main:\n            form_login:\n                login_path: login\n                enable_csrf: true\n',
    };
    expect((await runRuleOn(securityMiddleware, yaml, { profile: 'service' })).outcome).toBe('partial');
    const none = { ...symfonyApp, 'src/Security/LoginFormAuthenticator.php': authenticator('') };
    expect((await runRuleOn(securityMiddleware, none, { profile: 'service' })).outcome).toBe('fail');
  });
});

describe('a gate named for admins that only authenticates is not authorization, round 35', () => {
  const goService = (body: string) => ({
    'go.mod': 'module svc\n\ngo 1.22\n\nrequire github.com/gorilla/mux v1.8.0\n',
    'main.go':
      'package main\n\nimport "github.com/gorilla/mux"\n\nfunc main() {\n\tr := mux.NewRouter()\n\tr.HandleFunc("/v1/approvals", s.requireAdminAuthorization(s.approvals))\n}\n',
    'auth.go': `package main\n\nfunc (s *Server) requireAdminAuthorization(next http.HandlerFunc) http.HandlerFunc {\n\treturn func(rw http.ResponseWriter, r *http.Request) {\n${body}\t\tnext(rw, r)\n\t}\n}\n\nfunc other() {\n\tadminRole := "admin"\n}\n`,
  });

  it('basic auth or a token, the same for every user: fail', async () => {
    const body =
      '\t\t// any valid user is an admin here\n\t\tuser, pass, ok := r.BasicAuth()\n\t\tif !ok || !s.auth.Check(user, pass) {\n\t\t\thttp.Error(rw, "unauthorized", 401)\n\t\t\treturn\n\t\t}\n';
    const r = await runRuleOn(authorization, goService(body), { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });

  it('the same gate checking the user’s role: pass', async () => {
    const body =
      '\t\tuser, err := s.auth.Authenticate(r)\n\t\tif err != nil || user.Role != RoleAdmin {\n\t\t\thttp.Error(rw, "forbidden", 403)\n\t\t\treturn\n\t\t}\n';
    const r = await runRuleOn(authorization, goService(body), { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });

  it('a PHP guard with its brace on the next line reads its body', async () => {
    const tree = {
      'composer.json': '{"require":{"slim/slim":"4.*"}}',
      'public/index.php':
        "<?php\n$app->get('/admin', [Admin::class, 'index'])->add(fn ($r, $h) => requireAdmin($r, $h));\n",
      'src/Guards.php':
        "<?php\nfunction requireAdmin($request, $handler)\n{\n    if (!in_array('admin', $request->getAttribute('user')->roles)) {\n        throw new HttpForbiddenException($request);\n    }\n    return $handler->handle($request);\n}\n",
    };
    const r = await runRuleOn(authorization, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });
});

describe('what a Flask hardening library does by default once wired, round 34', () => {
  const flask = (app: string, extra: Record<string, string> = {}) => ({
    'requirements.txt': 'flask\nflask-talisman\nflask-wtf\n',
    'app/__init__.py': app,
    ...extra,
  });
  const talisman =
    'from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\nTalisman(\n    app,\n    content_security_policy=csp,\n)\n';

  it('Talisman(app) keeps its HTTPS redirect and HSTS defaults', async () => {
    const r = await runRuleOn(securityMiddleware, flask(talisman), { profile: 'service' });
    expect(r.message).toMatch(/HSTS \(sent by default by Flask-Talisman\)/);
  });

  it('force_https=False or strict_transport_security=False switches them off', async () => {
    for (const off of ['force_https=False', 'strict_transport_security=False']) {
      const r = await runRuleOn(
        securityMiddleware,
        flask(talisman.replace('content_security_policy=csp,', `${off},`)),
        {
          profile: 'service',
        },
      );
      expect(r.message).toMatch(/no HTTPS redirect\/HSTS/);
    }
  });

  it('a flask_wtf Form subclass is CSRF protection; the test config switching it off is not the production policy', async () => {
    const forms = {
      'app/forms.py':
        'from flask_wtf import Form\nfrom wtforms import StringField\n\n\nclass ContactForm(Form):\n    name = StringField()\n',
      'app/config/testing.py': 'TESTING = True\nWTF_CSRF_ENABLED = False\n',
    };
    const r = await runRuleOn(securityMiddleware, flask(talisman, forms), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'app/config/testing.py')).toBe(false);
    // Imported and never subclassed: no form checks a token.
    const unused = { ...forms, 'app/forms.py': 'from flask_wtf import Form\n' };
    const u = await runRuleOn(securityMiddleware, flask(talisman, unused), { profile: 'service' });
    expect(u.message).not.toMatch(/CSRF protection/);
    expect(u.evidence.some((e) => e.path === 'app/forms.py')).toBe(false);
  });
});

describe('Sentry’s Spring Boot modules configure themselves, round 34', () => {
  const boot = (artifact: string) => ({
    'build.gradle.kts': `plugins {\n  id("org.springframework.boot") version "3.4.0"\n}\ndependencies {\n  implementation("org.springframework.boot:spring-boot-starter-web")\n  implementation("io.sentry:${artifact}:8.0.0")\n}\n`,
    'src/main/kotlin/app/App.kt':
      'package app\n\n@SpringBootApplication\nclass App\n\nfun main(args: Array<String>) {\n  runApplication<App>(*args)\n}\n',
    'src/main/resources/application.yml': 'sentry:\n  send-default-pii: false\n',
  });

  it('sentry-spring-boot-4 or sentry-spring-boot-jakarta with a sentry: block is error tracking', async () => {
    for (const a of ['sentry-spring-boot-4', 'sentry-spring-boot-jakarta', 'sentry-spring-boot-starter-jakarta'])
      expect((await runRuleOn(errorTracking, boot(a), { profile: 'service' })).outcome).toBe('pass');
  });

  it('the plain Spring integration (no Boot auto-configuration) needs initialising', async () => {
    expect((await runRuleOn(errorTracking, boot('sentry-spring-jakarta'), { profile: 'service' })).outcome).toBe(
      'partial',
    );
  });
});

describe('uWSGI die-on-term under any file name, round 34', () => {
  const app = (ini: Record<string, string>) => ({
    'requirements.txt': 'flask\nuwsgi\n',
    'app/server.py': 'from flask import Flask\napp = Flask(__name__)\n',
    Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["uwsgi", "--ini", "docker/app.ini"]\n',
    ...ini,
  });

  it('die-on-term=True in docker/app.ini is graceful shutdown', async () => {
    const r = await runRuleOn(
      gracefulShutdown,
      app({ 'docker/app.ini': '[uwsgi]\nmodule = app.server\ndie-on-term=True\n' }),
      {
        profile: 'service',
      },
    );
    expect(r.evidence.some((e) => e.path === 'docker/app.ini')).toBe(true);
    expect(r.outcome).not.toBe('fail');
  });

  it('without it (or switched off), uWSGI reloads on SIGTERM: nothing is credited', async () => {
    for (const ini of ['[uwsgi]\nmodule = app.server\n', '[uwsgi]\nmodule = app.server\ndie-on-term = false\n']) {
      const r = await runRuleOn(gracefulShutdown, app({ 'docker/app.ini': ini }), { profile: 'service' });
      expect(r.outcome).toBe('fail');
    }
  });
});
