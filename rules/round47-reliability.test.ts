/**
 * Blind round 47 (issue 15), reliability rules on repositories nobody tuned for:
 * - a resilience4j block in application.yml with no breaker library declared and no breaker in code
 *   was credited as circuit breakers: configuration alone configures nothing;
 * - a service sending mail through an SMTP client library (Go's go-mail `DialAndSend`) was "no outbound
 *   calls" for retries, timeouts and circuit breakers.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import circuitBreakers from './reliability/circuit-breakers.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';

const GRADLE = (deps: string) =>
  `plugins {\n    id("org.springframework.boot") version "3.3.0"\n    kotlin("jvm") version "2.0.0"\n}\n\ndependencies {\n    implementation("org.springframework.boot:spring-boot-starter-webflux")\n${deps}}\n`;

const RESILIENCE_YML =
  'server:\n  shutdown: graceful\n\nresilience4j:\n  circuitbreaker:\n    configs:\n      default:\n        failureRateThreshold: 75\n    instances:\n      people:\n        registerHealthIndicator: false\n';

const spring = (deps: string): Tree => ({
  'build.gradle.kts': GRADLE(deps),
  'src/main/resources/application.yml': RESILIENCE_YML,
  'src/main/kotlin/org/acme/PeopleClient.kt':
    'package org.acme\n\nimport org.springframework.web.reactive.function.client.WebClient\n\nclass PeopleClient(private val webClient: WebClient) {\n    fun person(id: String) = webClient.get().uri("/people/{id}", id).retrieve()\n}\n',
});

describe('round 47: a breaker configuration with no breaker library is no circuit breaker', () => {
  it('resilience4j settings in application.yml, no resilience4j dependency, no breaker in code: fail', async () => {
    const run = await runRuleOn(circuitBreakers, spring(''), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence.some((e) => e.path === 'src/main/resources/application.yml')).toBe(false);
  });

  it('the same settings with the resilience4j Spring Boot starter declared: pass, cited at the setting', async () => {
    const run = await runRuleOn(
      circuitBreakers,
      spring('    implementation("io.github.resilience4j:resilience4j-spring-boot3:2.2.0")\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.some((e) => e.path === 'src/main/resources/application.yml' && e.line === 5)).toBe(true);
  });
});

/** A chi service that sends its login mails through an SMTP client library. */
const goMail = (client: string): Tree => ({
  'go.mod': `module example.com/base\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.12\n\t${client}\n)\n`,
  'cmd/serve.go':
    'package cmd\n\nimport "github.com/go-chi/chi/v5"\n\nfunc Serve() {\n\tr := chi.NewRouter()\n\thttp.ListenAndServe(":3000", r)\n}\n',
});

const GO_MAIL: Tree = {
  ...goMail('github.com/wneessen/go-mail v0.7.1'),
  'email/smtp.go':
    'package email\n\nimport (\n\t"github.com/wneessen/go-mail"\n)\n\ntype SMTPMailer struct{ client *mail.Client }\n\nfunc NewSMTPMailer(host string) (*SMTPMailer, error) {\n\tclient, err := mail.NewClient(host, mail.WithPort(587))\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn &SMTPMailer{client: client}, nil\n}\n\nfunc (m *SMTPMailer) Send(msg *mail.Msg) error {\n\treturn m.client.DialAndSend(msg)\n}\n',
};

describe('round 47: an SMTP client library is an outbound call', () => {
  for (const rule of [retries, circuitBreakers, timeouts]) {
    it(`${rule.meta.id}: Go go-mail DialAndSend is judged, and fails with the send cited`, async () => {
      const run = await runRuleOn(rule, GO_MAIL, { profile: 'service' });
      expect(run.outcome).not.toBe('not-applicable');
      expect(run.outcome).toBe('fail');
    });
  }

  it('retries cites the mail send as the call left unprotected', async () => {
    const run = await runRuleOn(retries, GO_MAIL, { profile: 'service' });
    expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toContain('email/smtp.go:18');
  });

  it('nodemailer imported by a Node service is an outbound call', async () => {
    const run = await runRuleOn(
      retries,
      {
        'package.json': JSON.stringify({ name: 'api', dependencies: { express: '4', nodemailer: '6' } }),
        'src/server.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
        'src/mail.js':
          "const mailer = require('nodemailer');\nconst t = mailer.createTransport({ host: 'smtp' });\nexports.send = (m) => t.sendMail(m);\n",
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  it('without the mail client the same service has no outbound calls: not applicable', async () => {
    const run = await runRuleOn(retries, goMail('github.com/google/uuid v1.6.0'), { profile: 'service' });
    expect(run.outcome).toBe('not-applicable');
  });
});

describe('round 47: Reactor retry specs', () => {
  const webflux = (spec: string): Tree => ({
    'build.gradle.kts': GRADLE(''),
    'src/main/kotlin/org/acme/RetryUtils.kt': `package org.acme\n\nimport reactor.util.retry.Retry\nimport java.time.Duration\n\nobject RetryUtils {\n    fun spec() =\n${spec}\n}\n`,
    'src/main/kotlin/org/acme/PeopleClient.kt':
      'package org.acme\n\nimport org.springframework.web.reactive.function.client.WebClient\n\nclass PeopleClient(private val webClient: WebClient) {\n    private val retry = RetryUtils.spec()\n    fun person(id: String) = webClient.get().uri("/people/{id}", id).retrieve().bodyToMono(String::class.java).retryWhen(retry)\n}\n',
  });

  it('`Retry⏎ .backoff(5, …)` split over two lines is retries with backoff, cited where it starts', async () => {
    const run = await runRuleOn(
      retries,
      webflux(
        '        Retry\n            .backoff(5, Duration.ofMillis(100))\n            .filter { it is IllegalStateException }',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toContain('src/main/kotlin/org/acme/RetryUtils.kt:8');
  });

  it('a spec with no backoff (`Retry.max(3)`) is not', async () => {
    const run = await runRuleOn(retries, webflux('        Retry\n            .max(3)'), { profile: 'service' });
    expect(run.outcome).not.toBe('pass');
  });
});

describe('round 47: a Guzzle client whose options are merged from a local array with a timeout', () => {
  const service = (defaults: string): Tree => ({
    'composer.json': '{"require":{"laravel/framework":"^11.0","guzzlehttp/guzzle":"^7.8"}}',
    'app/Http/HttpRequestService.php': [
      '<?php', // 1
      'namespace App\\Http;', // 2
      '', // 3
      'use GuzzleHttp\\Client;', // 4
      '', // 5
      'class HttpRequestService {', // 6
      '    public function buildClient(int $timeout, array $options = []): Client', // 7
      '    {', // 8
      '        $defaultOptions = [', // 9
      `            ${defaults}`, // 10
      "            'handler' => $this->handler,", // 11
      '        ];', // 12
      '', // 13
      '        return new Client(array_merge($options, $defaultOptions));', // 14
      '    }', // 15
      '}', // 16
    ].join('\n'),
  });

  it("`$defaultOptions = ['timeout' => $timeout, …]` merged into the client: no call without a timeout", async () => {
    const run = await runRuleOn(timeouts, service("'timeout' => $timeout,"), { profile: 'service' });
    expect(run.evidence).not.toContainEqual(
      expect.objectContaining({ path: 'app/Http/HttpRequestService.php', line: 14 }),
    );
    expect(run.outcome).toBe('pass');
  });

  it('the same array without a timeout (or with 0) is still a client that waits indefinitely', async () => {
    for (const defaults of ["'verify' => true,", "'timeout' => 0,"]) {
      const run = await runRuleOn(timeouts, service(defaults), { profile: 'service' });
      expect(run.outcome).not.toBe('pass');
      expect(run.evidence).toContainEqual(
        expect.objectContaining({ path: 'app/Http/HttpRequestService.php', line: 14 }),
      );
    }
  });
});

describe("round 47: only the service's code is cited for timeouts — not its CLI, browser extension or e2e tests", () => {
  const json = (v: unknown) => JSON.stringify(v, null, 2);
  const tree: Tree = {
    'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*', 'packages/*'] }),
    'apps/api/package.json': json({ name: 'api', dependencies: { hono: '4', '@hono/node-server': '1' } }),
    'apps/api/src/index.ts':
      "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/x', async (c) => c.json(await (await fetch('https://upstream.example.org/x')).json()));\nexport default app;\n",
    'apps/cli/package.json': json({
      name: 'cli',
      bin: { mono: 'dist/index.mjs' },
      devDependencies: { '@trpc/server': '11', '@trpc/client': '11', commander: '12' },
    }),
    'apps/cli/src/commands/pull.ts':
      'export async function pull(url: string) {\n  const res = await fetch(`${url}/api/assets`);\n  return res.json();\n}\n',
    'apps/browser-extension/package.json': json({
      name: 'ext',
      dependencies: { react: '18', 'react-dom': '18', '@trpc/server': '11', '@trpc/client': '11' },
      devDependencies: { '@types/chrome': '0.0.1', vite: '5' },
    }),
    'apps/browser-extension/src/utils/save.ts':
      "export async function save(url: string) {\n  const res = await fetch(url, { method: 'POST' });\n  return res.ok;\n}\n",
    'packages/e2e_tests/package.json': json({ name: 'e2e', dependencies: { '@trpc/client': '11' } }),
    'packages/e2e_tests/utils/api.ts':
      'export async function health(port: number) {\n  return fetch(`http://localhost:${port}/api/health`);\n}\n',
  };

  it('cites the API server’s fetch only', async () => {
    const run = await runRuleOn(timeouts, tree, { profile: 'service' });
    const cited = run.evidence.map((e) => e.path);
    expect(cited).toContain('apps/api/src/index.ts');
    for (const p of [
      'apps/cli/src/commands/pull.ts',
      'apps/browser-extension/src/utils/save.ts',
      'packages/e2e_tests/utils/api.ts',
    ])
      expect(cited).not.toContain(p);
  });
});
