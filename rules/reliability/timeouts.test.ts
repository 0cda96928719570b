import rule from './timeouts.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
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
  ],
  invalid: [
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
      name: 'no timeouts anywhere fails with what was searched; test code is ignored',
      profile: 'service',
      tree: {
        'src/index.ts': "export const load = () => axios.get('https://api.example.com/items');\n",
        'tests/client_test.py': 'requests.get(URL)\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }], data: { callsWithoutTimeout: 0 } },
    },
  ],
  notApplicable: [
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
