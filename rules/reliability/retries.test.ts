import rule from './retries.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
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
  ],
  invalid: [
    {
      name: 'Node: p-retry declared but never imported is partial',
      profile: 'service',
      tree: {
        'package.json':
          '{\n  "name": "api",\n  "dependencies": {\n    "express": "^4.0.0",\n    "p-retry": "^6.0.0"\n  }\n}\n',
        'src/server.js': "const express = require('express');\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        message: ['p-retry', 'no production code uses it'],
        evidence: [{ path: 'package.json', line: 5 }],
      },
    },
    {
      name: 'a retry used only in tests does not count',
      profile: 'service',
      tree: { 'app/main.py': 'import requests\n', 'tests/test_x.py': '@retry\ndef test_x():\n    pass\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library is not judged',
      profile: 'library',
      tree: { 'index.js': '' },
      expect: { outcome: 'not-applicable', message: 'library' },
    },
  ],
});
