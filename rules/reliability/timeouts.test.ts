import { fixtureTree } from '../../src/testing/fixtures.js';
import { expect } from 'vitest';
import rule from './timeouts.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: "beside Alembic's env.py future wait, the service's own requests call with timeout= is the evidence (round 18)",
      profile: 'service',
      tree: {
        'pyproject.toml':
          '[project]\nname = "notes"\ndependencies = ["fastapi", "sqlalchemy", "alembic", "requests"]\n',
        'alembic/env.py':
          'import asyncio\nfrom alembic import context\n\n\ndef run():\n    try:\n        loop = asyncio.get_running_loop()\n    except RuntimeError:\n        loop = None\n    if loop and loop.is_running():\n        future = asyncio.run_coroutine_threadsafe(run_migrations_online(), loop)\n        future.result(timeout=15)\n    else:\n        asyncio.run(run_migrations_online())\n',
        'app/geo.py':
          'import requests\n\n\ndef locate(ip):\n    return requests.get(GEO_URL, params={"ip": ip}, timeout=4).json()\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'app/geo.py', line: 5, note: 'explicit timeout' }],
        absent: ['alembic/env.py'],
      },
    },
    {
      name: "a Flask service's theme (webpack + bootstrap package.json under themes/) is browser code: its fetch() calls are the page's, the server's requests have timeouts",
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "boardly"\ndependencies = ["flask", "requests"]\n',
        'boardly/utils/avatars.py':
          'import requests\n\n\ndef fetch_avatar(url):\n    r = requests.get(url, timeout=(3.05, 27), stream=True)\n    return r.content\n',
        'boardly/themes/nimbus/package.json':
          '{"name":"boardly-theme-nimbus","main":"src/app.js","dependencies":{"bootstrap":"^5.3.0","@popperjs/core":"^2.11.0"},"devDependencies":{"webpack":"^5.90.0","webpack-cli":"^5.1.0"}}',
        'boardly/themes/nimbus/src/app/board.js':
          'export function markRead(url) {\n  return fetch(url, {\n    method: "POST",\n  }).then((r) => r.json());\n}\n',
        'boardly/themes/nimbus/src/app/emoji.js': 'export const load = (url) => fetch(url).then((r) => r.json());\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'boardly/utils/avatars.py', line: 5, note: 'explicit timeout' }],
        absent: ['boardly/themes/nimbus/src/app/board.js', 'boardly/themes/nimbus/src/app/emoji.js'],
        data: { callsWithoutTimeout: 0 },
      },
    },
    {
      name: 'Ruby: Timeout.timeout around a Net::HTTP download bounds that call; one around a computation does not count',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        'app/models/importer.rb':
          'class Importer\n  def download(location)\n    body = +""\n    Timeout.timeout(DOWNLOAD_TIMEOUT) do\n      uri = URI.parse(location)\n      http = Net::HTTP.new(uri.hostname, uri.port)\n      response = http.start { |h| h.request_get(uri.path) }\n      body = response.body\n    end\n    body\n  end\nend\n',
        'app/models/report.rb':
          'class Report\n  def build\n    Timeout.timeout(5) do\n      rows.map(&:total).sum\n    end\n  end\nend\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'app/models/importer.rb', line: 4, note: 'explicit timeout' }],
        data: { explicitTimeouts: 1, taskDeadlines: 1 },
      },
    },
    {
      name: 'Rust: a reqwest builder with .timeout( passes; a client in a #[cfg(test)] module is not judged',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "bot"\n\n[dependencies]\nreqwest = "0.12"\ntokio = "1"\n',
        'src/main.rs': 'mod client;\nfn main() {}\n',
        'src/client.rs':
          'use reqwest::Client;\nuse std::time::Duration;\n\npub fn build() -> Client {\n    Client::builder()\n        .user_agent("bot")\n        .timeout(Duration::from_secs(30))\n        .build()\n        .unwrap()\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {\n        let _c = reqwest::Client::new();\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/client.rs', line: 7, note: 'explicit timeout' }],
        data: { callsWithoutTimeout: 0 },
      },
    },
    {
      name: 'beside Fastify server options, the outbound fetch with AbortSignal.timeout is the evidence, not requestTimeout',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"fastify":"5"}}',
        'src/server.ts':
          "import Fastify from 'fastify'\nimport app from './app.js'\n\nconst server = Fastify({\n  logger: true,\n  connectionTimeout: 120_000,\n  requestTimeout: 60_000,\n  keepAliveTimeout: 10_000,\n  http: {\n    headersTimeout: 15_000\n  }\n})\nserver.register(app)\nawait server.listen({ port: 3000 })\n",
        'src/geo.ts':
          'export async function lookup(ip: string) {\n  const res = await fetch(`https://geo.example.com/${ip}`, {\n    signal: AbortSignal.timeout(5000),\n  })\n  return res.json()\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'src/geo.ts', line: 3, note: 'explicit timeout' }],
        data: { explicitTimeouts: 1, serverTimeouts: 3 },
      },
    },
    {
      name: 'Flurl requests bounded by .WithTimeout( pass, and a local `const fetch = …` is not the global fetch (.NET + Angular)',
      profile: 'service',
      tree: {
        'API/API.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'API/Services/LicenseService.cs':
          'var response = await (Configuration.KavitaPlusApiUrl + "/api/license/check")\n    .WithTimeout(TimeSpan.FromSeconds(30))\n    .PostJsonAsync(dto)\n    .ReceiveString();\n',
        'UI/src/app/modal.component.ts':
          "import { Observable } from 'rxjs';\nexport class Modal {\n  search(settings: any) {\n    const fetch = settings.fetchFn as (filter: string) => Observable<string[]>;\n    return fetch('');\n  }\n}\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'API/Services/LicenseService.cs', line: 2 }] },
    },
    {
      name: 'Hystrix and Ribbon timeouts in a config-server repository count',
      profile: 'service',
      tree: {
        'gateway/src/main/java/gw/Client.java': 'class Client { RestTemplate rest = new RestTemplate(); }\n',
        'config/src/main/resources/shared/application.yml':
          'hystrix:\n  command:\n    default:\n      execution:\n        isolation:\n          thread:\n            timeoutInMilliseconds: 10000\n',
        'config/src/main/resources/shared/gateway.yml': 'ribbon:\n  ReadTimeout: 20000\n  ConnectTimeout: 20000\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'config/src/main/resources/shared/application.yml', line: 7 }] },
    },
    {
      name: 'Python: every requests call has timeout=, even across lines',
      profile: 'service',
      tree: {
        'app/client.py':
          'import requests\n\ndef f():\n    return requests.post(\n        URL,\n        json={"a": dict(b=1)},\n        timeout=(3, 10),\n    )\n',
      },
      expect: { outcome: 'pass', data: { callsWithoutTimeout: 0 } },
    },
    {
      name: 'Go: a client with Timeout passes',
      profile: 'service',
      tree: { 'internal/c.go': 'package c\n\nvar client = &http.Client{\n\tTimeout: 5 * time.Second,\n}\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'internal/c.go', line: 4 }] },
    },
    {
      name: 'Java: RestTemplate builder timeouts and Spring properties pass',
      profile: 'service',
      tree: {
        'src/main/java/a/Config.java': 'return builder.setConnectTimeout(Duration.ofSeconds(2)).build();\n',
        'src/main/resources/application.yml':
          'feign:\n  client:\n    config:\n      default:\n        read-timeout: 5000\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/java/a/Config.java', line: 1 }] },
    },
    {
      name: "Python: every call of the project's HTTP helper (timeout=None by default) passes timeout=",
      profile: 'service',
      tree: {
        'app/lib/curl.py':
          'import pycurl\n\n\ndef request(method, url, *, data=None, timeout: float | None = None):\n    c = pycurl.Curl()\n    if timeout is not None:\n        c.setopt(pycurl.TIMEOUT, timeout)\n\n\ndef post(url, data=None, *, timeout: float | None = None):\n    return request("post", url, data=data, timeout=timeout)\n',
        'app/slack.py':
          'from app.lib import curl\n\ndef token(code):\n    return curl.post("https://slack.com/api/oauth.v2.access", {"code": code}, timeout=10)\n',
      },
      expect: { outcome: 'pass', data: { callsWithoutTimeout: 0 }, evidence: [{ path: 'app/slack.py', line: 4 }] },
    },
    {
      name: "Laravel: the Http facade's 30 s default bounds every call, and the message says it is the default",
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"laravel/framework":"^11.0"}}',
        'app/Services/Github.php':
          '<?php\nnamespace App\\Services;\n\nuse Illuminate\\Support\\Facades\\Http;\n\nclass Github {\n    public function user(string $name) {\n        return Http::retry(3, 100)->get("https://api.github.com/users/{$name}")->json();\n    }\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: ["framework's default", "PHP (Laravel's Http, Guzzle)"],
        evidence: [
          {
            path: 'app/Services/Github.php',
            line: 8,
            note: "Laravel's HTTP client: 30 s timeout and 10 s connect timeout by default",
          },
        ],
        data: { defaultTimeouts: 1, callsWithoutTimeout: 0 },
      },
    },
    {
      name: 'Ruby: a shared Faraday client built once with :timeout => 15 bounds the calls made through it (round 11)',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'faraday'\n",
        'lib/maps.rb': [
          'module Maps',
          '  # The HTTP client every outbound call uses',
          '  def self.http_client',
          '    @http_client ||= Faraday.new(:request => { :timeout => 15 },',
          '                                 :headers => { :user_agent => "maps" })',
          '  end',
          'end',
          '',
        ].join('\n'),
        'app/controllers/geocoder_controller.rb': [
          'class GeocoderController < ApplicationController',
          '  def search',
          '    response = Maps.http_client.get(URI.parse(params[:url]))',
          '    render :json => response.body',
          '  end',
          'end',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'lib/maps.rb', line: 4, note: 'explicit timeout' }],
        absent: ['geocoder_controller.rb'],
        data: { callsWithoutTimeout: 0 },
      },
    },
    {
      name: 'Ruby: HTTParty default_timeout bounds the requests of the class',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'httparty'\n",
        'app.rb': "require 'sinatra'\nget '/' do\n  Weather.get('/now').body\nend\n",
        'lib/weather.rb':
          "class Weather\n  include HTTParty\n  base_uri 'https://api.example.com'\n  default_timeout 10\nend\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'lib/weather.rb', line: 4, note: 'explicit timeout' }] },
    },
    {
      name: 'Ruby: a Faraday block that sets its timeouts further down is bounded',
      profile: 'service',
      tree: {
        'lib/webhook.rb': [
          'class Webhook',
          '  def call(uri, data)',
          '    Faraday.post(uri) do |req|',
          "      req.headers['Content-Type'] = 'application/json'",
          '      if data[:secret]',
          "        req.headers['X-Secret'] = data[:secret]",
          '      end',
          ...Array.from({ length: 12 }, (_, i) => `      # header ${i}`),
          '      req.body = data.to_json',
          '      req.options.read_timeout = 15',
          '      req.options.open_timeout = 8',
          '    end',
          '  end',
          'end',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'pass', message: 'Ruby (Faraday, Net::HTTP)', data: { callsWithoutTimeout: 0 } },
    },
    {
      name: 'Python: httpx times out after 5 s by default',
      profile: 'service',
      tree: { 'svc/client.py': 'import httpx\n\ndef load(url):\n    return httpx.get(url).json()\n' },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'svc/client.py', line: 4, note: 'httpx: 5 s timeout by default' }],
      },
    },
  ],
  invalid: [
    {
      name: "urllib's urlopen without timeout= is a call without one, beside requests calls that set it (round 20)",
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\nrequests==2.32\n',
        'shelf/apps.py':
          'import os\nimport urllib.request\n\n\ndef download_file(url, destination):\n    os.makedirs(os.path.dirname(destination), exist_ok=True)\n    with urllib.request.urlopen(url) as stream:\n        with open(destination, "wb") as out:\n            out.write(stream.read())\n',
        'shelf/connectors.py':
          'import requests\nfrom urllib.request import urlopen\n\n\ndef fetch(url):\n    return requests.get(url, timeout=15).json()\n\n\ndef ping(url):\n    return urlopen(url, timeout=5).status\n',
      },
      expect: {
        outcome: 'partial',
        message: '1 outbound call has none',
        evidence: [
          {
            path: 'shelf/apps.py',
            line: 7,
            note: 'urllib urlopen() without timeout= waits forever (no socket default set)',
          },
        ],
        absent: ['no call without one'],
      },
    },
    {
      name: 'an untimed Spring RestTemplate is cited where it is made (new RestTemplate()), never at its import (round 20)',
      profile: 'service',
      tree: {
        'build.gradle':
          "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-web:3.3.0'\n}\n",
        'src/main/java/org/shelf/config/ClientConfig.java':
          'package org.shelf.config;\n\nimport org.springframework.context.annotation.Bean;\nimport org.springframework.web.client.RestTemplate;\n\n@org.springframework.context.annotation.Configuration\npublic class ClientConfig {\n\n    @Bean\n    public RestTemplate restTemplate() {\n        return new RestTemplate();\n    }\n}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'src/main/java/org/shelf/config/ClientConfig.java', line: 11, snippet: 'return new RestTemplate();' },
        ],
        absent: ['import org.springframework.web.client.RestTemplate'],
      },
    },
    {
      name: "a test runner's timeout (playwright.config.ts webServer.timeout) bounds the test run: the server's fetch() calls without a signal fail, nothing is credited",
      tree: {
        'package.json':
          '{"name":"cardgen","dependencies":{"next":"15.0.0","react":"19.0.0"},"devDependencies":{"@playwright/test":"1.48.0"}}',
        'playwright.config.ts':
          "import { defineConfig } from '@playwright/test';\n\nexport default defineConfig({\n  testDir: './e2e',\n  webServer: {\n    command: 'pnpm build && pnpm start',\n    timeout: 120 * 1000,\n  },\n});\n",
        'src/common/render.ts':
          'export async function loadStats(repo: string) {\n  const res = await fetch(`https://api.github.com/repos/${repo}`);\n  return res.json();\n}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'src/common/render.ts', line: 2 }],
        absent: ['playwright.config.ts'],
        data: { explicitTimeouts: 0 },
      },
    },
    {
      name: 'Rust: reqwest clients without a timeout fail; a tokio::time::timeout around a start-up task is no client timeout',
      profile: 'service',
      tree: {
        'Cargo.toml': '[package]\nname = "bot"\n\n[dependencies]\nreqwest = "0.12"\ntokio = "1"\n',
        'src/main.rs':
          'use std::time::Duration;\n\n#[tokio::main]\nasync fn main() {\n    let client = api::ApiClient::new();\n    let cache = tokio::time::timeout(Duration::from_secs(60), load_cache(&client)).await;\n    serve(cache).await;\n}\n',
        'src/api.rs':
          'use reqwest::{Client, Response};\n\npub struct ApiClient {\n    client: Client,\n}\n\nimpl ApiClient {\n    pub fn new() -> Self {\n        ApiClient {\n            client: Client::new(),\n        }\n    }\n}\n',
        'src/feed.rs':
          'pub async fn feed(url: &str) -> anyhow::Result<String> {\n    let client = reqwest::Client::builder()\n        .user_agent("bot")\n        .build()?;\n    Ok(client.get(url).send().await?.text().await?)\n}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'src/api.rs',
            line: 10,
            note: 'reqwest Client::new() has no timeout: a request waits as long as the server likes',
          },
          {
            path: 'src/feed.rs',
            line: 2,
            note: 'reqwest Client::builder() without .timeout(): no total timeout by default',
          },
          {
            path: 'src/main.rs',
            line: 6,
            note: 'deadline around a task, not a timeout of the client its calls go through',
          },
        ],
        data: { explicitTimeouts: 0, callsWithoutTimeout: 2, taskDeadlines: 1 },
        message: ['Rust (reqwest)', 'One deadline bounds a task'],
      },
    },
    {
      name: 'a context deadline around a git subprocess is no HTTP client timeout: with the HTTP calls unbounded the rule fails (round 12)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/snippets\n\ngo 1.22\n',
        'internal/git/log.go': [
          'package git',
          '',
          'import (',
          '\t"context"',
          '\t"os/exec"',
          '\t"time"',
          ')',
          '',
          'func Log(dir string) ([]byte, error) {',
          '\tctx, cancel := context.WithTimeout(context.Background(), time.Minute)',
          '\tdefer cancel()',
          '\tcmd := exec.CommandContext(',
          '\t\tctx,',
          '\t\t"git",',
          '\t\t"log",',
          '\t)',
          '\tcmd.Dir = dir',
          '\treturn cmd.Output()',
          '}',
          '',
        ].join('\n'),
        'internal/auth/oauth.go': [
          'package auth',
          '',
          'import "net/http"',
          '',
          'func Avatar(url string) (*http.Response, error) {',
          '\treturn http.Get(url)',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        message: ['no explicit timeout on an outbound call', 'bounds a subprocess'],
        evidence: [
          { path: 'internal/auth/oauth.go', line: 6 },
          {
            path: 'internal/git/log.go',
            line: 10,
            note: 'deadline of a subprocess (git): bounds a command it runs, not an outbound call',
          },
        ],
        data: { explicitTimeouts: 0, subprocessTimeouts: 1 },
      },
    },
    {
      name: "a Next.js app: browser fetches (same-origin '/api/…', a 'use client' module, localStorage) are not cited; the server's fetch without a signal is",
      tree: {
        'package.json': '{"name":"answer","dependencies":{"next":"15.0.0","react":"19.0.0"}}',
        'src/lib/actions.ts':
          "export const getSuggestions = async (history: string[]) => {\n  const model = localStorage.getItem('model');\n  const res = await fetch(`/api/suggestions`, {\n    method: 'POST',\n    body: JSON.stringify({ history, model }),\n  });\n  return res.json();\n};\n",
        'src/lib/hooks/chat.ts':
          "'use client';\nimport { useState } from 'react';\nexport const load = async (u: string) => {\n  const r = await fetch(u);\n  return r.json();\n};\n",
        'src/lib/scrape.ts':
          'export const scrape = async (url: string) => {\n  const res = await fetch(url);\n  return res.text();\n};\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'src/lib/scrape.ts', line: 2 }],
        absent: ['src/lib/actions.ts', 'src/lib/hooks/chat.ts'],
      },
    },
    {
      name: "a controller's webhook calls through gorequest are outbound calls: judged (no timeout set), not N/A",
      profile: 'service',
      tree: {
        'go.mod':
          'module example.com/config-watcher\n\ngo 1.22\n\nrequire (\n\tgithub.com/parnurzeal/gorequest v0.3.0\n\tk8s.io/client-go v0.30.0\n)\n',
        'internal/alerts/webhook.go': [
          'package alerts',
          '',
          'import "github.com/parnurzeal/gorequest"',
          '',
          'func Send(hook, body string) []error {',
          '\t_, _, errs := gorequest.New().Post(hook).Send(body).End()',
          '\treturn errs',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: 'internal/alerts/webhook.go',
            line: 3,
            note: 'imports the client library github.com/parnurzeal/gorequest',
          },
        ],
      },
    },
    {
      name: "a Regexp's match timeout (timeout: 0.1) is no outbound timeout: the Net::HTTP call stays a finding",
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        'app/models/site.rb':
          'class Site < ApplicationRecord\n  def matcher\n    Regexp.new(pattern, Regexp::IGNORECASE, timeout: 0.1)\n  end\n\n  def fetch_title(uri)\n    Net::HTTP.get(uri)\n  end\nend\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'app/models/site.rb', line: 7, note: expect.stringContaining('Net::HTTP.get takes no timeout') },
        ],
        data: { explicitTimeouts: 0, callsWithoutTimeout: 1 },
      },
    },
    {
      name: 'Go: a multi-line client literal with a variable Timeout and a nested Transport counts; a bare http.Get beside it is the fault',
      profile: 'service',
      tree: {
        'internal/captcha/c.go':
          'package captcha\n\nfunc New() *C {\n\tt := 5 * time.Second\n\treturn &C{\n\t\tclient: &http.Client{\n\t\t\tTimeout: t,\n\t\t\tTransport: &http.Transport{\n\t\t\t\tIdleConnTimeout: t,\n\t\t\t},\n\t\t},\n\t}\n}\n',
        'internal/fetch/f.go': 'package fetch\n\nfunc Get(u string) {\n\thttp.Get(u)\n}\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'internal/fetch/f.go', line: 4 },
          { path: 'internal/captcha/c.go', line: 6, note: 'explicit timeout' },
        ],
      },
    },
    {
      name: 'fetch from node-fetch without a signal is still a finding beside a Flurl timeout',
      profile: 'service',
      tree: {
        'API/API.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'API/Services/LicenseService.cs': 'var r = await url.WithTimeout(TimeSpan.FromSeconds(30)).GetStringAsync();\n',
        'server/sync.ts':
          "import fetch from 'node-fetch';\nexport async function pull(url: string) {\n  return fetch(url, { method: 'GET' });\n}\n",
      },
      expect: { outcome: 'partial', evidence: [{ path: 'server/sync.ts', line: 3 }] },
    },
    {
      name: "Python: calls of the project's HTTP helper without timeout= wait forever; ORM, lock and cache timeouts are not client timeouts",
      profile: 'service',
      tree: {
        'app/lib/curl.py':
          'import pycurl\n\n\ndef request(method, url, *, data=None, timeout: float | None = None):\n    c = pycurl.Curl()\n    if timeout is not None:\n        c.setopt(pycurl.TIMEOUT, timeout)\n\n\ndef post(url, data=None, *, timeout: float | None = None):\n    return request("post", url, data=data, timeout=timeout)\n',
        'app/github.py':
          'from app.lib import curl\n\ndef repos(url):\n    return curl.get(url, headers={"Accept": "json"})\n\ndef hook(url):\n    return curl.post(url, {"a": 1}, timeout=5)\n',
        'app/views.py':
          'from django.core.cache import cache\n\nclass Check(models.Model):\n    timeout = models.DurationField()\n\ndef same(spec):\n    cache.set("k", 1, timeout=300)\n    seats.acquire(timeout=1)\n    return Check.objects.filter(timeout=spec.timeout)\n',
      },
      expect: {
        outcome: 'partial',
        message: '1 outbound call has none',
        evidence: [
          {
            path: 'app/github.py',
            line: 4,
            note: 'calls the HTTP helper app/lib/curl.py, whose timeout defaults to None, without timeout=',
          },
          { path: 'app/github.py', line: 7, note: 'explicit timeout' },
        ],
        data: { explicitTimeouts: 1, callsWithoutTimeout: 1 },
      },
    },
    {
      name: 'a timeout in browser code bounds the page, not the service’s outbound calls',
      profile: 'service',
      tree: {
        'hc/integrations/slack.py':
          'import requests\n\ndef notify(url, body):\n    return requests.post(url, json=body)\n',
        'static/js/checks.js': '$.ajax({ url: "/checks/", timeout: 2000 });\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'hc/integrations/slack.py', line: 4, note: 'requests.post() without timeout= waits forever' },
        ],
      },
    },
    {
      name: 'Python: a requests call without timeout is a finding with its line',
      profile: 'service',
      tree: {
        'app/sync.py':
          'import requests\n\nr = requests.get(URL, timeout=5)\nq = requests.get(f"{BASE}/items", params={"a": 1})\n',
      },
      expect: {
        outcome: 'partial',
        message: '1 outbound call has none',
        evidence: [{ path: 'app/sync.py', line: 4, note: 'requests.get() without timeout= waits forever' }],
      },
    },
    {
      name: 'an application package whose name merely contains "example" is production code (round 5, Django)',
      profile: 'service',
      tree: {
        'manage.py': 'import os\n',
        'shopfront_example/payments/gateway.py':
          'import requests\n\n\ndef charge(token):\n    return requests.post(GATEWAY_URL, json={"t": token})\n',
        'shopfront_example/blog_examples/oauth/service.py':
          'import requests\n\ndef exchange(code):\n    r = requests.get(TOKEN_URL, params={"code": code})\n    return r.json()\n',
        'examples/quickstart.py': 'import requests\nrequests.get(URL)\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          { path: 'shopfront_example/blog_examples/oauth/service.py', line: 4 },
          { path: 'shopfront_example/payments/gateway.py', line: 5 },
        ],
        data: { callsWithoutTimeout: 2 },
      },
    },
    {
      name: 'Go: http.Get with the default client fails with its line',
      profile: 'service',
      tree: { 'cmd/api/main.go': 'package main\n\nfunc f() {\n\tresp, err := http.Get(url)\n\t_ = resp\n}\n' },
      expect: { outcome: 'fail', evidence: [{ path: 'cmd/api/main.go', line: 4 }] },
    },
    {
      name: '.NET: new HttpClient() without Timeout is a finding; one with Timeout is not',
      profile: 'service',
      tree: {
        'Api/Bad.cs': 'var client = new HttpClient();\n',
        'Api/Good.cs': 'var c = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };\n',
      },
      expect: { outcome: 'partial', evidence: [{ path: 'Api/Bad.cs', line: 1 }], data: { callsWithoutTimeout: 1 } },
    },
    {
      name: ".NET: new HttpClient() in a code generator and in a TestSuite client is not the service's call; its registered clients set Timeout",
      profile: 'service',
      tree: {
        'backend/src/Shop/Shop.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n</Project>\n',
        'backend/src/Shop/Plugins/WebhookPlugin.cs':
          'services.AddHttpClient("Webhook", options =>\n{\n    options.Timeout = TimeSpan.FromSeconds(2);\n});\n',
        'frontend/generator/Generator/Program.cs':
          'var httpClient = new HttpClient();\nvar spec = await httpClient.GetStringAsync("https://localhost:5001/api/swagger/v1/swagger.json");\n',
        'tools/TestSuite/TestSuite.Shared/ClientExtensions.cs':
          'using (var httpClient = new HttpClient())\n{\n    await httpClient.GetAsync(url);\n}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'backend/src/Shop/Plugins/WebhookPlugin.cs', line: 3 }],
        data: { callsWithoutTimeout: 0 },
        absent: ['Generator/Program.cs', 'ClientExtensions.cs'],
      },
    },
    {
      name: '.NET: an initializer on the lines after `new HttpClient(handler)` sets the Timeout',
      profile: 'service',
      tree: {
        'Api/Bad.cs': 'var client = new HttpClient(new SocketsHttpHandler());\n',
        'Api/Good.cs':
          'var c = new HttpClient(handler)\n{\n    BaseAddress = baseUri,\n    Timeout = TimeSpan.FromSeconds(10),\n};\n',
      },
      expect: { outcome: 'partial', evidence: [{ path: 'Api/Bad.cs', line: 1 }], data: { callsWithoutTimeout: 1 } },
    },
    {
      name: 'no timeouts anywhere fails with what was searched; test code is ignored',
      profile: 'service',
      tree: {
        'src/index.ts': "export const load = () => axios.get('https://api.example.com/items');\n",
        'tests/client_test.py': 'requests.get(URL)\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }], data: { callsWithoutTimeout: 0 } },
    },
    {
      name: 'Ruby: Faraday calls without a timeout are findings beside the one that sets it',
      profile: 'service',
      tree: {
        'app/controllers/enquiries_controller.rb':
          "class EnquiriesController < ApplicationController\n  def create\n    Faraday.post(ENQUIRIES_URL,\n                 params.to_json,\n                 'Content-Type' => 'application/json')\n    head :ok\n  end\nend\n",
        'lib/tsa.rb':
          'def stamp(uri, body)\n  conn = Faraday.new(uri.origin) do |c|\n    c.options.read_timeout = 10\n  end\n  conn.post(uri.path, body)\nend\n',
      },
      expect: {
        outcome: 'partial',
        message: ['1 outbound call has none', 'Ruby (Faraday, Net::HTTP)'],
        evidence: [{ path: 'app/controllers/enquiries_controller.rb', line: 3 }],
        data: { callsWithoutTimeout: 1, explicitTimeouts: 1 },
      },
    },
    {
      name: 'JS/TS: fetch without a signal and an AWS SDK client without a request timeout are findings',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"10","@aws-sdk/client-s3":"3"}}',
        'src/oauth/github.ts':
          'export async function token(code: string) {\n  const ok = await fetch(TOKEN_URL, { signal: AbortSignal.timeout(5000) });\n  const res = await fetch("https://api.github.com/user", {\n    headers: { Authorization: `Bearer ${code}` },\n  });\n  return res.json();\n}\n',
        'src/file/s3.ts':
          'import { S3Client } from "@aws-sdk/client-s3";\nexport const s3 = () => new S3Client({ region: "eu-west-1", forcePathStyle: true });\n',
        'frontend/src/api.ts': 'export const me = () => fetch("/api/me");\n',
      },
      expect: {
        outcome: 'partial',
        message: ['2 outbound calls have none', 'JS/TS (fetch, AWS SDK clients, axios.create, Octokit)'],
        evidence: [
          { path: 'src/oauth/github.ts', line: 3 },
          {
            path: 'src/file/s3.ts',
            line: 2,
            note: 'AWS SDK client without a requestHandler timeout (none by default)',
          },
        ],
      },
    },
    {
      name: 'a service worker, an Angular component and a local binding named fetch are not the server calling out',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"@nestjs/core":"10"}}',
        'src/notify.ts':
          'export async function hook(url: string) {\n  return fetch(url, { signal: AbortSignal.timeout(3000) });\n}\nexport const ping = () => fetch("https://status.example.com/ping");\n',
        'app/templates/service-worker.js':
          "self.addEventListener('fetch', (event) => {\n  event.respondWith(fetch(event.request));\n});\n",
        'ui/src/app/people/people.component.ts':
          "export class People {\n  load() { return fetch('/api/people'); }\n}\n",
        'src/picker.ts':
          "export function pick(settings: { fetchFn: (q: string) => Promise<string[]> }) {\n  const fetch = settings.fetchFn;\n  return fetch('');\n}\n",
      },
      expect: {
        outcome: 'partial',
        message: ['1 outbound call has none'],
        evidence: [{ path: 'src/notify.ts', line: 4 }],
        data: { callsWithoutTimeout: 1 },
      },
    },
    {
      name: 'PHP: a Guzzle client outside Laravel has no default timeout',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"guzzlehttp/guzzle":"^7.0","slim/slim":"^4"}}',
        'src/Api.php':
          "<?php\nuse GuzzleHttp\\Client;\n\n$client = new Client(['base_uri' => 'https://api.example.com']);\n$r = $client->get('/items');\n",
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'src/Api.php', line: 4, note: 'Guzzle client without timeout waits indefinitely' }],
      },
    },
    {
      name: 'PHP: symfony/http-client injected through HttpClientInterface is an outbound call without a timeout',
      profile: 'service',
      tree: {
        'composer.json': '{"require":{"symfony/framework-bundle":"^7.1","symfony/http-client":"^7.1"}}',
        'src/Service/Feed.php':
          "<?php\nnamespace App\\Service;\n\nuse Symfony\\Contracts\\HttpClient\\HttpClientInterface;\n\nfinal class Feed\n{\n    public function __construct(private HttpClientInterface $client) {}\n    public function pull(): array { return $this->client->request('GET', $this->feedUrl)->toArray(); }\n}\n",
      },
      // Cited where the client is injected, not at its `use` line.
      expect: { outcome: 'fail', evidence: [{ path: 'src/Service/Feed.php', line: 8 }] },
    },
    {
      name: "a server's own timeouts (http.Server, shutdown deadline) are not outbound evidence",
      profile: 'service',
      tree: {
        'app/feeds.py': 'import urllib.request\n\ndef pull(url):\n    return urllib.request.urlopen(url).read()\n',
        'cmd/srv/main.go':
          'package main\n\nfunc run() error {\n\ts := &http.Server{Handler: h, ReadTimeout: 5 * time.Second}\n\tgo s.ListenAndServe()\n\t<-stop\n\tctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)\n\tdefer cancel()\n\treturn s.Shutdown(ctx)\n}\n',
      },
      expect: {
        outcome: 'fail',
        message: 'bound the server',
        evidence: [{ path: 'cmd/srv/main.go', line: 4 }],
        data: { explicitTimeouts: 0, serverTimeouts: 2 },
      },
    },
    {
      name: "Django: a cache key's timeout= default is no client timeout; requests calls without one fail",
      profile: 'service',
      tree: {
        'requirements.txt': 'Django==5.1\nrequests==2.32\n',
        'dashboard/utils.py':
          'from django.core.cache import cache\n\n\ndef generation_key(timeout=60 * 60 * 24 * 365):\n    return cache.get_or_set("metric:generation", 1, timeout)\n',
        'dashboard/views.py':
          'from django.views.decorators.cache import cache_page\n\n@cache_page(timeout=300)\ndef index(request):\n    return render(request, "i.html")\n',
        'dashboard/models.py':
          'import requests\n\n\nclass Metric:\n    def fetch(self):\n        return requests.get(self.api_url, params={"page": 1})\n',
      },
      expect: {
        outcome: 'fail',
        message: 'no explicit timeout on an outbound call was found anywhere',
        data: { explicitTimeouts: 0, callsWithoutTimeout: 1 },
        evidence: [{ path: 'dashboard/models.py', line: 6, note: 'requests.get() without timeout= waits forever' }],
      },
    },
    {
      name: 'Go: *http.Client parameters and return types are no clients built without Timeout',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/watch\n\ngo 1.22\n',
        'client/config.go':
          'package client\n\nfunc (c *Config) getHTTPClient() *http.Client {\n\tif c.httpClient == nil {\n\t\tc.httpClient = &http.Client{\n\t\t\tTimeout: c.Timeout,\n\t\t}\n\t\tc.httpClient = configureOAuth2(c.httpClient, c.OAuth2)\n\t}\n\treturn c.httpClient\n}\n\nfunc configureOAuth2(httpClient *http.Client, o OAuth2Config) *http.Client {\n\tclient := o.Client(context.Background())\n\tclient.Timeout = httpClient.Timeout\n\treturn client\n}\n',
        'alerting/gitea.go':
          'package alerting\n\nfunc (p *Provider) client() *gitea.Client {\n\thttpClient := &http.Client{\n\t\tTransport: &http.Transport{},\n\t}\n\treturn gitea.New(p.URL, httpClient)\n}\n',
      },
      expect: {
        outcome: 'partial',
        data: { callsWithoutTimeout: 1 },
        evidence: [
          { path: 'alerting/gitea.go', line: 4, note: 'http.Client without Timeout' },
          { path: 'client/config.go', line: 5, note: 'explicit timeout' },
        ],
      },
    },
  ],
  notApplicable: [
    {
      name: "a wait on a local future (future.result(timeout=…)) in Alembic's env.py or in the app is no outbound timeout: N/A like retries (round 18)",
      profile: 'service',
      tree: {
        'pyproject.toml': '[project]\nname = "notes"\ndependencies = ["fastapi", "sqlalchemy", "alembic"]\n',
        'alembic/env.py':
          'import asyncio\nfrom alembic import context\n\n\ndef run():\n    try:\n        loop = asyncio.get_running_loop()\n    except RuntimeError:\n        loop = None\n    if loop and loop.is_running():\n        future = asyncio.run_coroutine_threadsafe(run_migrations_online(), loop)\n        future.result(timeout=15)\n    else:\n        asyncio.run(run_migrations_online())\n',
        'app/main.py':
          'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/notes")\nasync def notes():\n    return await repo.all()\n',
        'app/jobs.py':
          'from concurrent.futures import ThreadPoolExecutor\n\n\ndef rebuild(index):\n    with ThreadPoolExecutor() as pool:\n        f = pool.submit(index.rebuild)\n        return f.result(timeout=30)\n',
      },
      expect: { outcome: 'not-applicable', message: 'no outbound calls' },
    },
    {
      name: 'load-test scripts (k6 by folder, name or import; Locust) drive the service from outside: their calls are not its outbound calls (round 18)',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <parent><artifactId>spring-boot-starter-parent</artifactId></parent>\n  <dependencies>\n    <dependency><artifactId>spring-boot-starter-web</artifactId></dependency>\n    <dependency><artifactId>spring-boot-starter-data-mongodb</artifactId></dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/org/acme/people/PeopleApp.java':
          'package org.acme.people;\n\n@SpringBootApplication\npublic class PeopleApp {\n  public static void main(String[] args) {\n    SpringApplication.run(PeopleApp.class, args);\n  }\n}\n',
        'src/main/java/org/acme/people/PersonController.java':
          'package org.acme.people;\n\n@RestController\nclass PersonController {\n  @PostMapping("/people")\n  Person add(@RequestBody Person p) { return repo.save(p); }\n}\n',
        'k8s/load-tests.js':
          "import http from 'k6/http';\nimport { check } from 'k6';\n\nexport default function () {\n  const res = http.post(`http://localhost:8080/people`, payload, params);\n  check(res, { ok: (r) => r.status === 200 });\n}\n",
        'ops/smoke.js':
          "import http from 'k6/http';\n\nexport default function () {\n  http.get('https://staging.acme.test/people');\n}\n",
        'scripts/crowd.py':
          'from locust import HttpUser, task\n\n\nclass People(HttpUser):\n    @task\n    def list(self):\n        self.client.get(url)\n        requests.get("http://localhost:8080/people")\n',
      },
      expect: { outcome: 'not-applicable', message: 'no outbound calls' },
    },
    {
      name: "Fastify's requestTimeout/keepAliveTimeout bound the server's own requests: with no outbound call the rule is N/A",
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"fastify":"5","knex":"3"}}',
        'src/server.ts':
          "import Fastify from 'fastify'\nimport app from './app.js'\n\nconst server = Fastify({\n  logger: true,\n  connectionTimeout: 120_000,\n  requestTimeout: 60_000,\n  keepAliveTimeout: 10_000,\n  http: {\n    headersTimeout: 15_000\n  }\n})\nserver.register(app)\nawait server.listen({ port: 3000 })\n",
        'src/routes/tasks.ts':
          "export default async function (f) {\n  f.get('/tasks', async () => f.knex('tasks').select())\n}\n",
      },
      expect: { outcome: 'not-applicable', message: 'no outbound calls' },
    },
    {
      name: 'a Composer HTTP client that no PHP code names is declared only: no outbound calls (timeouts)',
      profile: 'service',
      tree: fixtureTree('php-unused-http-client'),
      expect: { outcome: 'not-applicable', message: 'no outbound calls' },
    },
    {
      name: 'a service that calls no other service has no outbound calls to time out',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4","pg":"8"}}',
        'src/app.js':
          "const app = require('express')();\napp.get('/items', async (q, r) => r.json(await db.query('select 1')));\n",
        'tests/api.test.js': "await fetch('http://localhost:3000/items');\n",
      },
      expect: { outcome: 'not-applicable', message: ['no outbound calls', '2 source files searched'] },
    },
  ],
});
