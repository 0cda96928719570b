import { fixtureTree } from '../../src/testing/fixtures.js';
import { expect } from 'vitest';
import rule from './retries.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const LOOP = `async function removeDir(p, maxRetries) {
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    try {
      await fs.promises.rmdir(p);
      break;
    } catch (error) {
      if (error.code !== 'EBUSY') throw error;
      if (attempt === maxRetries) throw error;
    }
  }
}
`;

ruleTester(rule, {
  valid: [
    {
      name: 'a client that retries rate-limited calls (429/403) after the X-RateLimit-Reset wait retries its outbound calls',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "bot"\n\n[dependencies]\nreqwest = "0.12"\ntokio = "1"\n',
        'src/main.rs': 'mod api;\nfn main() {}\n',
        'src/api.rs': [
          'use reqwest::{Client, Request, Response, StatusCode};',
          'use std::time::Duration;',
          '',
          'impl Api {',
          '    pub async fn send(&self, req: Request) -> anyhow::Result<Response> {',
          '        let mut resp = self.client.execute(req.try_clone().unwrap()).await?;',
          '        if let Some(wait) = Self::rate_limited(&resp) {',
          '            resp = self.retry_later(req, wait, 2).await?;',
          '        }',
          '        Ok(resp)',
          '    }',
          '',
          '    fn rate_limited(resp: &Response) -> Option<Duration> {',
          '        const RESET: &str = "X-RateLimit-Reset";',
          '        if !matches!(resp.status(), StatusCode::FORBIDDEN | StatusCode::TOO_MANY_REQUESTS) {',
          '            return None;',
          '        }',
          '        let reset = resp.headers().get(RESET)?.to_str().ok()?.parse::<u64>().ok()?;',
          '        Some(Duration::from_secs(reset))',
          '    }',
          '',
          '    async fn retry_later(&self, req: Request, wait: Duration, left: u32) -> reqwest::Result<Response> {',
          '        tokio::time::sleep(wait).await;',
          '        self.client.execute(req).await',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'src/api.rs', line: 8, note: 'retry of a rate-limited call (429/403)' },
          { path: 'src/api.rs', line: 14, note: 'waits for the rate-limit header before the retry' },
        ],
        data: { rateLimitRetries: 1 },
      },
    },
    {
      name: "a Kubernetes controller: client-go's RetryOnConflict(retry.DefaultRetry) and a rate-limited workqueue are retries with backoff on its API-server calls",
      profile: 'service',
      tree: {
        'go.mod':
          'module example.com/config-watcher\n\ngo 1.22\n\nrequire (\n\tk8s.io/client-go v0.30.0\n\tk8s.io/apimachinery v0.30.0\n)\n',
        'internal/controller/controller.go': [
          'package controller',
          '',
          'import (',
          '\t"k8s.io/client-go/kubernetes"',
          '\t"k8s.io/client-go/util/workqueue"',
          ')',
          '',
          'func New(client kubernetes.Interface) *Controller {',
          '\tqueue := workqueue.NewTypedRateLimitingQueue(workqueue.DefaultTypedControllerRateLimiter[any]())',
          '\treturn &Controller{client: client, queue: queue}',
          '}',
          '',
        ].join('\n'),
        'internal/handler/rollout.go': [
          'package handler',
          '',
          'import "k8s.io/client-go/util/retry"',
          '',
          'func restart(update func() error) error {',
          '\treturn retry.RetryOnConflict(retry.DefaultRetry, update)',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'internal/controller/controller.go', line: 9 },
          { path: 'internal/handler/rollout.go', line: 6 },
        ],
      },
    },
    {
      name: 'a forwarding retry scheduled after retryDelay * (1L << retries++) passes (Java)',
      profile: 'service',
      tree: {
        'build.gradle':
          "dependencies {\n  implementation 'org.eclipse.jetty:jetty-server:11.0.20'\n  implementation 'io.netty:netty-all:4.1.100.Final'\n}\n",
        'src/main/java/org/fleet/handler/ForwardingHandler.java': [
          'public class ForwardingHandler {',
          '    private void retry(Throwable throwable) {',
          '        if (retries < retryCount) {',
          '            client.post(url, payload);',
          '            timer.newTimeout(this, retryDelay * (1L << retries++), TimeUnit.MILLISECONDS);',
          '        }',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/main/java/org/fleet/handler/ForwardingHandler.java', line: 5 }],
      },
    },
    {
      name: 'a federation retry loop that sleeps for a delay growing as 1.25^retry_count passes, citing the backoff and the loop (Rust)',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "forum"\n\n[dependencies]\nreqwest = "0.12"\nactix-web = "4"\n',
        'crates/utils/src/lib.rs': [
          'use std::{cmp::min, time::Duration};',
          '',
          'pub fn federate_retry_sleep_duration(retry_count: i32) -> Duration {',
          '  if retry_count == 1 {',
          '    return Duration::from_secs(0);',
          '  }',
          '  let pow = 1.25_f64.powf((retry_count - 1).into());',
          '  min(DAY, Duration::from_secs_f64(pow))',
          '}',
          '',
        ].join('\n'),
        'crates/federation/send/src/send.rs': [
          'pub async fn send_retry_loop(self) -> Result<()> {',
          '  let mut fail_count = 0;',
          '  loop {',
          '    match self.client.post(&self.inbox).body(self.body.clone()).send().await {',
          '      Ok(_) => return Ok(()),',
          '      Err(e) => {',
          '        fail_count += 1;',
          '        let retry_delay = federate_retry_sleep_duration(fail_count);',
          '        tokio::select! {',
          '          () = sleep(retry_delay) => {},',
          '          () = self.stop.cancelled() => return Ok(()),',
          '        }',
          '      }',
          '    }',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'crates/federation/send/src/send.rs', line: 10 },
          { path: 'crates/utils/src/lib.rs', line: 7 },
        ],
      },
    },
    {
      name: 'a hand-written retry loop whose delay grows as 2 ** retry_counter passes (Python)',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "wallet"\ndependencies = ["fastapi", "httpx"]\n',
        'wallet/app.py': [
          'import asyncio',
          'import httpx',
          '',
          'async def connect_backend(url):',
          '    retry_counter = 0',
          '    while True:',
          '        try:',
          '            return await httpx.AsyncClient().get(url)',
          '        except httpx.HTTPError:',
          '            retry_counter += 1',
          '        sleep_time = min(0.25 * (2**retry_counter), 60)',
          '        await asyncio.sleep(sleep_time)',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'pass', evidence: [{ path: 'wallet/app.py', line: 11 }] },
    },
    {
      name: 'a delay doubled each round in a retry loop passes (Node)',
      profile: 'service',
      tree: {
        'src/sync.ts':
          'export async function pull(url: string) {\n  let delayMs = 200;\n  for (let i = 0; i < 5; i++) {\n    const r = await fetch(url, { signal: AbortSignal.timeout(5000) });\n    if (r.ok) return r;\n    await new Promise((res) => setTimeout(res, delayMs));\n    delayMs *= 2;\n  }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/sync.ts', line: 7 }] },
    },
    {
      name: 'queued jobs that call providers retry with exponential backoff (Bull job options)',
      profile: 'service',
      tree: {
        'libs/common/src/lib/config.ts':
          "export const GATHER_JOB_OPTIONS: JobOptions = {\n  attempts: 12,\n  backoff: {\n    delay: ms('1 minute'),\n    type: 'exponential'\n  },\n  removeOnComplete: true\n};\n",
        'apps/api/src/services/data-provider.service.ts':
          "const quote = await got('https://query1.finance.example.com/v7/quote');\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'libs/common/src/lib/config.ts', line: 2 }] },
    },
    {
      name: 'Python: a tenacity decorator on a client call passes',
      profile: 'service',
      tree: {
        'requirements.txt': 'fastapi==0.110\ntenacity==8.2\n',
        'app/client.py':
          'from tenacity import retry, wait_exponential\n\n@retry(wait=wait_exponential(max=10))\ndef fetch():\n    pass\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'app/client.py', line: 3 },
          { path: 'requirements.txt', line: 2 },
        ],
      },
    },
    {
      name: 'Go: cenkalti/backoff around a call passes',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/cenkalti/backoff/v4 v4.2.1\n',
        'internal/up.go':
          'package up\n\nfunc call() error {\n\treturn backoff.Retry(op, backoff.NewExponentialBackOff())\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'internal/up.go', line: 4 }] },
    },
    {
      name: 'Go: a mail task enqueued on asynq with asynq.MaxRetry(10) is retried with exponential backoff (blind round 14)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/bank\n\ngo 1.22\n\nrequire github.com/hibiken/asynq v0.24.1\n',
        'mail/sender.go':
          'package mail\n\nfunc (s *Sender) Send(e *Email) error {\n\tauth := smtp.PlainAuth("", s.from, s.password, s.host)\n\treturn e.Send(s.addr, auth)\n}\n',
        'gapi/create_user.go': [
          'package gapi',
          '',
          'func (server *Server) afterCreate(ctx context.Context, user db.User) error {',
          '\topts := []asynq.Option{',
          '\t\tasynq.MaxRetry(10),',
          '\t\tasynq.ProcessIn(10 * time.Second),',
          '\t}',
          '\treturn server.distributor.DistributeTaskSendVerifyEmail(ctx, &Payload{Username: user.Username}, opts...)',
          '}',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'pass', evidence: [{ path: 'gapi/create_user.go', line: 5 }] },
    },
    {
      name: '.NET: a Polly retry policy on an HttpClient passes',
      profile: 'service',
      tree: {
        'src/Api/Program.cs':
          'builder.Services.AddHttpClient<Api>()\n    .AddTransientHttpErrorPolicy(p => p.WaitAndRetryAsync(3, n => TimeSpan.FromSeconds(n)));\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/Api/Program.cs', line: 2 }] },
    },
    {
      name: 'Istio VirtualService retries count as configuration',
      profile: 'service',
      tree: {
        'mesh/vs.yaml':
          'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: api\nspec:\n  http:\n    - retries:\n        attempts: 3\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'mesh/vs.yaml', line: 2 }] },
    },
    {
      name: "Laravel: the HTTP client's Http::retry policy on the outbound call passes",
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"laravel/framework":"^11.0"}}',
        'app/Social/GithubUserApi.php':
          '<?php\nuse Illuminate\\Support\\Facades\\Http;\n\nfinal class GithubUserApi {\n    public function find(int $id): array {\n        $response = Http::retry(3, 100, fn ($e) => $e instanceof ConnectionException)\n            ->get("https://api.github.com/user/{$id}");\n        return $response->json();\n    }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/Social/GithubUserApi.php', line: 6 }] },
    },
  ],
  invalid: [
    {
      name: "a retry loop in Yarn's generated Plug'n'Play loader (.pnp.loader.mjs) is not the service retrying its calls",
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ dependencies: { express: '4' } }),
        'app.js':
          "const express = require('express');\nconst app = express();\napp.get('/', async (req, res) => res.json(await (await fetch('http://api.example/x')).json()));\napp.listen(3000);\n",
        '.pnp.loader.mjs': `import fs from 'fs';\n${LOOP}`,
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'an interval doubled in a date search (no retry, no wait, no call repeated) is not a backoff',
      profile: 'service',
      tree: {
        'src/main/java/sched/Cron.java':
          'class Cron {\n  long findPrevious(long after) {\n    long interval = 60_000L;\n    long start = after - interval;\n    while (next(start) >= after) {\n      interval *= 2;\n      start = after - interval;\n    }\n    return start;\n  }\n}\n',
        'src/main/java/sched/Client.java':
          'class Client {\n  String get(String url) throws Exception {\n    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), ofString()).body();\n  }\n}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'ActiveJob retry_on and sidekiq_options retry: re-run jobs, they do not retry the outbound calls: partial at most',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'httparty'\n",
        'app/jobs/counter_job.rb':
          'class CounterJob < ApplicationJob\n  queue_as :default\n\n  retry_on ActiveRecord::Deadlocked, attempts: 10, wait: 5.minutes\n\n  def perform(id)\n    Counter.find(id).increment!(:hits)\n  end\nend\n',
        'app/workers/sync_worker.rb':
          'class SyncWorker\n  include Sidekiq::Worker\n  sidekiq_options retry: 5\n\n  def perform\n    SpamClient.new.check\n  end\nend\n',
        'lib/spam_client.rb':
          'class SpamClient\n  include HTTParty\n  base_uri "https://spam.example.com"\n\n  def check\n    self.class.post("/check", body: {})\n  end\nend\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: ['Only jobs are retried', 'not retried with backoff'],
        evidence: [
          {
            path: 'app/jobs/counter_job.rb',
            line: 4,
            note: 'job re-run by its queue: not a retry of an outbound call',
          },
          { path: 'app/workers/sync_worker.rb', line: 3 },
        ],
        data: { jobRetries: 2 },
      },
    },
    {
      name: 'a fixed-interval database reconnect loop at start-up is no retry policy: partial, citing the loop and the unretried HTTP call (round 12)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/snippets\n\ngo 1.22\n\nrequire gorm.io/gorm v1.25.0\n',
        'internal/store/store.go': [
          'package store',
          '',
          'import (',
          '\t"time"',
          '\t"gorm.io/gorm"',
          ')',
          '',
          'func Setup(open func() (*gorm.DB, error)) (db *gorm.DB, err error) {',
          '\tmaxAttempts := 30',
          '\tretryInterval := 2 * time.Second',
          '\tfor attempt := 1; attempt <= maxAttempts; attempt++ {',
          '\t\tdb, err = open()',
          '\t\tif err == nil {',
          '\t\t\treturn db, nil',
          '\t\t}',
          '\t\tlog.Printf("cannot connect to the database (attempt %d)", attempt)',
          '\t\ttime.Sleep(retryInterval)',
          '\t}',
          '\treturn nil, err',
          '}',
          '',
        ].join('\n'),
        'internal/auth/provider.go': [
          'package auth',
          '',
          'import "net/http"',
          '',
          'func Profile(url string) (*http.Response, error) {',
          '\treturn http.Get(url)',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: ['start-up reconnect loop, no backoff', 'at a fixed interval', 'outbound calls are not retried'],
        evidence: [
          { path: 'internal/store/store.go', line: 11 },
          { path: 'internal/store/store.go', line: 17, note: 'fixed retry interval: the delay never grows' },
          { path: 'internal/auth/provider.go', line: 6 },
        ],
      },
    },
    {
      name: 'a retry loop around an HTTP call sleeping a fixed retry delay is partial 0.5: a fixed interval, no backoff',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/hooks\n\ngo 1.22\n',
        'internal/hooks/send.go': [
          'package hooks',
          '',
          'import (',
          '\t"net/http"',
          '\t"time"',
          ')',
          '',
          'const retryDelay = 500 * time.Millisecond',
          '',
          'func Send(c *http.Client, url string) (err error) {',
          '\tfor try := 0; try < maxTries; try++ {',
          '\t\tif _, err = c.Get(url); err == nil {',
          '\t\t\treturn nil',
          '\t\t}',
          '\t\ttime.Sleep(retryDelay)',
          '\t}',
          '\treturn err',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'a fixed interval that never grows',
        evidence: [{ path: 'internal/hooks/send.go', line: 11 }],
      },
    },
    {
      name: 'retrying/tenacity decorators that wait a fixed time (wait_fixed) or only stop are partial 0.5: no backoff (round 20)',
      profile: 'service',
      tree: {
        'requirements.txt': 'boto3==1.34.0\nretrying==1.3.4\ntenacity==8.2.3\n',
        'certs/plugins/aws/acm.py': [
          'import boto3', // 1
          'from retrying import retry', // 2
          '', // 3
          '', // 4
          'def throttled(e):', // 5
          '    return "Throttling" in str(e)', // 6
          '', // 7
          '', // 8
          '@retry(retry_on_exception=throttled, wait_fixed=2000, stop_max_attempt_number=25)', // 9
          'def upload(name, body):', // 10
          '    return boto3.client("acm").import_certificate(Certificate=body)', // 11
          '', // 12
        ].join('\n'),
        'certs/plugins/dns/route53.py': [
          'import boto3', // 1
          'from tenacity import retry, stop_after_attempt', // 2
          '', // 3
          '', // 4
          '@retry(', // 5
          '    stop=stop_after_attempt(3),', // 6
          ')', // 7
          'def change(zone, batch):', // 8
          '    return boto3.client("route53").change_resource_record_sets(HostedZoneId=zone, ChangeBatch=batch)', // 9
          '', // 10
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message:
          'Calls are retried at a fixed delay, without backoff: 2 @retry decorators in 2 files wait a fixed time or not at all between attempts (wait_fixed 2000 at certs/plugins/aws/acm.py:9); the delay never grows',
        evidence: [
          { path: 'certs/plugins/aws/acm.py', line: 9 },
          { path: 'certs/plugins/dns/route53.py', line: 5 },
        ],
      },
    },
    {
      name: 'a tenacity decorator with wait_exponential still passes as backoff',
      profile: 'service',
      tree: {
        'requirements.txt': 'requests==2.31.0\ntenacity==8.2.3\n',
        'app/client.py': [
          'import requests', // 1
          'from tenacity import retry, stop_after_attempt, wait_exponential', // 2
          '', // 3
          '', // 4
          '@retry(stop=stop_after_attempt(5), wait=wait_exponential(multiplier=1, max=30))', // 5
          'def fetch(url):', // 6
          '    return requests.get(url, timeout=5)', // 7
          '', // 8
        ].join('\n'),
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/client.py', line: 5 }] },
    },
    {
      name: 'a retry loop whose sleep grows with the attempt ((i+1) * 100ms) has a linear backoff, said so (Go)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/notify\n',
        'notify/client.go':
          'package notify\n\nfunc (c *Client) Send(req *http.Request) (*http.Response, error) {\n\tvar err error\n\tfor i := 0; i < maxRetries; i++ {\n\t\tresp, e := c.http.Do(req)\n\t\tif e == nil {\n\t\t\treturn resp, nil\n\t\t}\n\t\terr = e\n\t\ttime.Sleep(time.Duration(i+1) * 100 * time.Millisecond)\n\t}\n\treturn nil, err\n}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'linear backoff',
        evidence: [
          { path: 'notify/client.go', line: 5, note: 'hand-written retry loop bounded by an attempt count' },
          { path: 'notify/client.go', line: 11, note: 'linear backoff: the sleep grows with the attempt' },
        ],
        data: { linearBackoff: 1 },
      },
    },
    {
      name: 'a Go loop bounded by maxAttempts that calls again at once: partial, bounded attempts without backoff',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/notify\n',
        'notify/client.go':
          'package notify\n\nfunc (c *Client) Send(req *http.Request) (*http.Response, error) {\n\tvar err error\n\tfor attempt := 0; attempt < maxAttempts; attempt++ {\n\t\tresp, e := c.http.Do(req)\n\t\tif e == nil {\n\t\t\treturn resp, nil\n\t\t}\n\t\terr = e\n\t}\n\treturn nil, err\n}\n',
      },
      expect: {
        outcome: 'partial',
        message: '(bounded attempts)',
        evidence: [
          {
            path: 'notify/client.go',
            line: 5,
            note: 'hand-written retry loop bounded by an attempt count, no backoff',
          },
        ],
      },
    },
    {
      name: 'a loop that posts a webhook once to each configured URL is a fan-out, not a retry (round 18)',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "desk"\ndependencies = ["django", "requests"]\n',
        'desk/webhooks.py':
          'import logging\n\nimport requests\n\nlogger = logging.getLogger(__name__)\n\n\ndef notify(ticket, urls):\n    data = {"ticket": ticket.id}\n    for url in urls:\n        try:\n            requests.post(url, json=data, timeout=5)\n        except requests.exceptions.Timeout:\n            logger.error("Timeout while sending webhook to %s", url)\n\n\ndef other():\n    return None\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'desk/webhooks.py', line: 12 }],
        absent: ['failover across instances', 'retry loop'],
      },
    },
    {
      name: 'a Python loop over mirrors that returns at the first answer is a failover: partial, cited at the loop (round 18)',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "fetcher"\ndependencies = ["requests"]\n',
        'fetcher/download.py':
          'import requests\n\n\ndef download(name, mirrors):\n    for url in mirrors:\n        try:\n            return requests.get(url + name, timeout=10).content\n        except requests.RequestException:\n            continue\n    raise LookupError(name)\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Calls are retried by hand, without backoff: 1 retry loop (failover across instances)',
        evidence: [{ path: 'fetcher/download.py', line: 5 }],
      },
    },
    {
      name: 'a hand-written failover over service instances retries without backoff: partial, cited at the loop',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>',
        'src/main/java/app/FailoverRestTemplate.java':
          'public class FailoverRestTemplate {\n  public <T> T get(String env, String path, Class<T> type) {\n    List<ServiceDTO> services = discovery.adminServices(env);\n    for (ServiceDTO service : services) {\n      try {\n        return restTemplate.getForObject(service.getHomepageUrl() + path, type);\n      } catch (ResourceAccessException e) {\n        log.warn("admin service {} failed, trying the next one", service);\n      }\n    }\n    throw new ServiceException("all admin services are down");\n  }\n}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Calls are retried by hand, without backoff: 1 retry loop (failover across instances)',
        evidence: [
          {
            path: 'src/main/java/app/FailoverRestTemplate.java',
            line: 4,
            note: 'hand-written failover retry: the call is tried on the next instance when one fails, no backoff',
          },
        ],
      },
    },
    {
      name: 'a Python loop of MAX_RETRIES attempts with no sleep between them: partial, bounded attempts without backoff',
      profile: 'service',
      tree: {
        'requirements.txt': 'requests==2.32.0\n',
        'app/push.py':
          'import requests\n\nMAX_RETRIES = 3\n\ndef push(url, body):\n    for attempt in range(MAX_RETRIES):\n        try:\n            return requests.post(url, json=body, timeout=5)\n        except requests.ConnectionError:\n            continue\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: '(bounded attempts)',
        evidence: [
          { path: 'app/push.py', line: 6, note: 'hand-written retry loop bounded by an attempt count, no backoff' },
        ],
      },
    },
    {
      name: 'powers of two that are not a retry delay (sizes, bit masks) are no backoff',
      profile: 'service',
      tree: {
        'wallet/app.py':
          'import httpx\n\nMAX_SIZE = 2 ** 20\nmask = 1 << bits\nscale *= 2\ntotal = total * 2\ntime.sleep(2)\n\nasync def get(url):\n    return await httpx.AsyncClient().get(url)\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'job options with attempts but no backoff, and a login attempt counter, are no retry policy',
      profile: 'service',
      tree: {
        'src/queue.ts':
          'export const JOB = {\n  attempts: 3,\n  removeOnComplete: true\n};\nconst backoff = { delay: 5 };\n',
        'src/login.ts': "const state = { attempts: 5 };\nawait fetch('https://idp.example.com/token');\n",
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Node: p-retry declared but never imported earns nothing, and the evidence says why',
      profile: 'service',
      tree: {
        'package.json':
          '{\n  "name": "api",\n  "dependencies": {\n    "express": "^4.0.0",\n    "p-retry": "^6.0.0"\n  }\n}\n',
        'src/server.js': "const express = require('express');\nfetch('https://api.example.com');\n",
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'package.json', line: 5, note: expect.stringContaining('no code imports it') }],
      },
    },
    {
      name: 'Python: tenacity imported by production code without a recognised policy is partial',
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi", "tenacity>=8", "httpx"]\n',
        'app/client.py': 'import httpx\nimport tenacity\n\nSTOP = tenacity.stop_after_attempt(3)\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: ['tenacity', 'imported', 'no call that applies it'],
        evidence: [{ path: 'pyproject.toml', line: 3, note: expect.stringContaining('imported at app/client.py:2') }],
      },
    },
    {
      name: 'Python: tenacity that only a pip-compile file lists (via another package) is not the project’s retries',
      profile: 'service',
      tree: {
        'requirements/main.in': 'pyramid\ncelery-redbeat\nrequests\n',
        'requirements/main.txt':
          '#\n# This file is autogenerated by pip-compile\n#\ncelery-redbeat==2.0.0 \\\n    --hash=sha256:aa \\\n    # via -r requirements/main.in\npyramid==1.10 \\\n    # via -r requirements/main.in\nrequests==2.31.0\n    # via -r requirements/main.in\ntenacity==6.2.0 \\\n    --hash=sha256:bb \\\n    # via celery-redbeat\n',
        'app/views.py': 'import requests\n\ndef get():\n    return requests.get("https://x", timeout=3)\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'requirements/main.txt',
            line: 11,
            note: expect.stringContaining('pulled in by another package (via celery-redbeat)'),
          },
        ],
      },
    },
    {
      name: 'Python: tenacity used only in tests is not the service’s retries',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0\nrequests==2.31\ntenacity==8.2\n',
        'app/main.py': 'import requests\n',
        'tests/test_flaky.py': 'from tenacity import retry\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'requirements.txt', line: 3, note: expect.stringContaining('tests/test_flaky.py:1') }],
      },
    },
    {
      name: '.NET: Polly used only for timeouts is not a retry policy',
      profile: 'service',
      tree: {
        'src/Api/Api.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Polly" Version="8.2.0" />\n  </ItemGroup>\n</Project>\n',
        'src/Api/Client.cs':
          'using Polly;\nvar http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };\nvar policy = Policy.TimeoutAsync(3);\n',
      },
      expect: { outcome: 'fail', message: 'Polly is declared, but nothing configures retries' },
    },
    {
      name: 'a retry used only in tests does not count',
      profile: 'service',
      tree: {
        'app/main.py': 'import requests\n\nrequests.get(URL, timeout=5)\n',
        'tests/test_x.py': '@retry\ndef test_x():\n    pass\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'Laravel: Http::get without retry(), and a failed job retried by hand, are no retry policy',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"laravel/framework":"^11.0"}}',
        'app/Jobs/Sync.php': '<?php\n$response = Http::get("https://api.example.com/items");\n$failed->retry();\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: 'app/Jobs/Sync.php', line: 2, note: 'outbound call' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a Composer HTTP client that no PHP code names is declared only: no outbound calls (retries)',
      profile: 'service',
      tree: fixtureTree('php-unused-http-client'),
      expect: { outcome: 'not-applicable', message: 'no outbound calls' },
    },
    {
      name: 'a library is not judged',
      profile: 'library',
      tree: { 'index.js': '' },
      expect: { outcome: 'not-applicable', message: 'library' },
    },
  ],
});
