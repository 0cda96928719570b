/**
 * Rate limiters the catalogue and code patterns did not know (issue 15): express-brute, Go throttled,
 * beside the library declared and only named in a comment.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import rateLimiting from './rate-limiting.js';

const svc = { profile: 'service' as const };
const goSvc = (mod: string, code: string) => ({
  'go.mod': `module shop\n\ngo 1.22\n\nrequire ${mod}\n`,
  'main.go': code,
});

ruleTester(rateLimiting, {
  valid: [
    {
      name: 'express-brute in front of the login route',
      ...svc,
      tree: {
        'package.json': '{"dependencies":{"express":"^4.19.0","express-brute":"^1.0.1"}}',
        'src/app.js':
          "const express = require('express');\nconst ExpressBrute = require('express-brute');\n\nconst app = express();\nconst bruteforce = new ExpressBrute(new ExpressBrute.MemoryStore());\napp.post('/login', bruteforce.prevent, (req, res) => res.send('ok'));\napp.listen(3000);\n",
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/app.js', line: 5 }] },
    },
    {
      name: 'Go throttled: an HTTPRateLimiter wraps the handler',
      ...svc,
      tree: goSvc(
        'github.com/throttled/throttled/v2 v2.12.0',
        'package main\n\nimport (\n\t"net/http"\n\n\t"github.com/throttled/throttled/v2"\n)\n\nfunc main() {\n\tlimiter := throttled.HTTPRateLimiter{RateLimiter: rl, VaryBy: &throttled.VaryBy{RemoteAddr: true}}\n\thttp.ListenAndServe(":8080", limiter.RateLimit(http.DefaultServeMux))\n}\n',
      ),
      expect: { outcome: 'pass', evidence: [{ path: 'main.go', line: 10 }] },
    },
  ],
  invalid: [
    {
      name: 'look-alike: express-brute declared and only named in a comment: not counted, said so',
      ...svc,
      tree: {
        'package.json': '{"dependencies":{"express":"^4.19.0","express-brute":"^1.0.1"}}',
        'src/app.js':
          "const express = require('express');\n// new ExpressBrute(store) once Redis is there\nconst app = express();\napp.post('/login', (req, res) => res.send('ok'));\napp.listen(3000);\n",
      },
      expect: {
        outcome: 'fail',
        evidence: [{ note: 'not counted: express-brute is declared, but no code imports it' }],
      },
    },
  ],
});
