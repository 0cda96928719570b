/**
 * Retry libraries and client settings the catalogue and the code patterns did not know (issue 15):
 * promise-retry, resty's SetRetryCount, jpillora/backoff, httpx transport retries, guava-retrying,
 * Guzzle's retry middleware, Laravel's retry() helper. Each as real projects call it, beside a
 * look-alike: the library declared and never called, the name in a comment, a retry count of 0.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import retries from './retries.js';

const svc = { profile: 'service' as const };

ruleTester(retries, {
  valid: [
    {
      name: 'npm promise-retry wrapping an axios call',
      ...svc,
      tree: {
        'package.json': '{"dependencies":{"express":"^4.19.0","axios":"^1.7.0","promise-retry":"^2.0.1"}}',
        'src/client.js':
          "const axios = require('axios');\nconst promiseRetry = require('promise-retry');\n\nexports.fetchRates = () =>\n  promiseRetry((retry) => axios.get('https://rates.example.org/v1').catch(retry), { retries: 3 });\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/client.js', line: 2 }] },
    },
    {
      name: 'Go resty client with SetRetryCount(3)',
      ...svc,
      tree: {
        'go.mod': 'module shop\n\ngo 1.22\n\nrequire github.com/go-resty/resty/v2 v2.13.1\n',
        'client.go':
          'package shop\n\nimport "github.com/go-resty/resty/v2"\n\nfunc New() *resty.Client {\n\treturn resty.New().SetRetryCount(3).SetBaseURL("https://api.example.org")\n}\n\nfunc Get(c *resty.Client) error {\n\t_, err := c.R().Get("/orders")\n\treturn err\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'client.go', line: 6 }] },
    },
    {
      name: 'Go jpillora/backoff between attempts',
      ...svc,
      tree: {
        'go.mod': 'module shop\n\ngo 1.22\n\nrequire github.com/jpillora/backoff v1.0.0\n',
        'poll.go':
          'package shop\n\nimport (\n\t"net/http"\n\t"time"\n\n\t"github.com/jpillora/backoff"\n)\n\nfunc Poll(c *http.Client) {\n\tb := &backoff.Backoff{Min: 100 * time.Millisecond, Max: 10 * time.Second, Factor: 2}\n\tfor {\n\t\tif _, err := c.Get("https://api.example.org/status"); err == nil {\n\t\t\treturn\n\t\t}\n\t\ttime.Sleep(b.Duration())\n\t}\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'poll.go', line: 11 }] },
    },
    {
      name: 'Python httpx transport with retries=3',
      ...svc,
      tree: {
        'requirements.txt': 'fastapi==0.115.0\nhttpx==0.27.0\n',
        'app/rates.py':
          'import httpx\n\ntransport = httpx.HTTPTransport(retries=3)\nclient = httpx.Client(transport=transport, timeout=5.0)\n\ndef rates():\n    return client.get("https://rates.example.org/v1").json()\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/rates.py', line: 3 }] },
    },
    {
      name: 'Java guava-retrying RetryerBuilder',
      ...svc,
      tree: {
        'pom.xml':
          '<project><dependencies><dependency><groupId>com.github.rholder</groupId><artifactId>guava-retrying</artifactId><version>2.0.0</version></dependency><dependency><groupId>com.squareup.okhttp3</groupId><artifactId>okhttp</artifactId><version>4.12.0</version></dependency></dependencies></project>\n',
        'src/main/java/shop/Rates.java':
          'package shop;\n\nimport com.github.rholder.retry.*;\nimport okhttp3.OkHttpClient;\n\nclass Rates {\n  Retryer<String> retryer = RetryerBuilder.<String>newBuilder()\n      .withWaitStrategy(WaitStrategies.exponentialWait())\n      .withStopStrategy(StopStrategies.stopAfterAttempt(5))\n      .build();\n  OkHttpClient http = new OkHttpClient();\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/main/java/shop/Rates.java', line: 7 }] },
    },
    {
      name: "PHP Laravel's retry(3, fn () => …, 100) helper around an HTTP call",
      ...svc,
      tree: {
        'composer.json': '{"require":{"laravel/framework":"^11.0","guzzlehttp/guzzle":"^7.8"}}',
        'app/Services/Rates.php':
          "<?php\nnamespace App\\Services;\n\nuse Illuminate\\Support\\Facades\\Http;\n\nclass Rates {\n    public function fetch() {\n        return retry(3, fn () => Http::timeout(5)->get('https://rates.example.org/v1')->throw()->json(), 200);\n    }\n}\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'app/Services/Rates.php', line: 8 }] },
    },
  ],
  invalid: [
    {
      name: 'look-alike: promise-retry declared, never required (named in a comment): no credit, said so',
      ...svc,
      tree: {
        'package.json': '{"dependencies":{"express":"^4.19.0","axios":"^1.7.0","promise-retry":"^2.0.1"}}',
        'src/client.js':
          "const axios = require('axios');\n// TODO: wrap in promiseRetry\nexports.fetchRates = () => axios.get('https://rates.example.org/v1');\n",
      },
      expect: {
        outcome: 'fail',
        evidence: [{ note: 'not counted: promise-retry is declared, but no code imports it' }],
      },
    },
    {
      name: 'look-alike: resty SetRetryCount(0) turns retries off; httpx retries named in a comment',
      ...svc,
      tree: {
        'go.mod': 'module shop\n\ngo 1.22\n\nrequire github.com/go-resty/resty/v2 v2.13.1\n',
        'client.go':
          'package shop\n\nimport "github.com/go-resty/resty/v2"\n\n// no retries: SetRetryCount(0) keeps calls idempotent\nfunc New() *resty.Client {\n\treturn resty.New().SetRetryCount(0)\n}\n\nfunc Get(c *resty.Client) error {\n\t_, err := c.R().Get("https://api.example.org/orders")\n\treturn err\n}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'look-alike: the retry() helper in a comment retries nothing',
      ...svc,
      tree: {
        'composer.json': '{"require":{"laravel/framework":"^11.0","guzzlehttp/guzzle":"^7.8"}}',
        'app/Services/Rates.php':
          "<?php\nnamespace App\\Services;\n\nuse Illuminate\\Support\\Facades\\Http;\n\nclass Rates {\n    public function fetch() {\n        // retry(3, fn () => …) once the API is stable\n        return Http::timeout(5)->get('https://rates.example.org/v1')->json();\n    }\n}\n",
      },
      expect: { outcome: 'fail' },
    },
  ],
});
