/**
 * Blind round 30: `security-middleware` judges a web framework's middleware (RULES header "(web
 * framework)"). A service served by the standard library alone (Go net/http ServeMux, Node
 * http.createServer, Python http.server) that sets no hardening of its own is not applicable, said
 * plainly; one that writes hardening headers by hand, or uses a framework, stays judged.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import securityMiddleware from './security/security-middleware.js';

const goMux = (extra: string) => ({
  'go.mod': 'module example.com/ctl\n\ngo 1.22\n',
  'pkg/server/server.go': `package server\n\nimport "net/http"\n\nfunc Serve() {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc("/v1/cert.pem", func(w http.ResponseWriter, r *http.Request) {\n${extra}\t\tw.Write(nil)\n\t})\n\thttp.ListenAndServe(":8080", mux)\n}\n`,
  'cmd/ctl/main.go': 'package main\n\nimport "example.com/ctl/pkg/server"\n\nfunc main() { server.Serve() }\n',
});

describe('round 30: security-middleware needs a web framework', () => {
  it('a Go net/http ServeMux service with no hardening is not applicable, with the server named', async () => {
    const run = await runRuleOn(securityMiddleware, goMux(''), { profile: 'service' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toMatch(
      /^no web framework: the HTTP server \(pkg\/server\/server\.go:\d+\) is the standard library's/,
    );
  });
  it('the same service writing HSTS by hand is judged', async () => {
    const run = await runRuleOn(
      securityMiddleware,
      goMux('\t\tw.Header().Set("Strict-Transport-Security", "max-age=63072000")\n'),
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('not-applicable');
  });
  it('a Node http.createServer service is not applicable; the same with Express is judged (and fails)', async () => {
    const plain = {
      'package.json': '{"name":"svc","main":"server.js"}',
      'server.js':
        "const http = require('http');\nhttp.createServer((req, res) => res.end('ok')).listen(process.env.PORT || 8080);\n",
    };
    expect((await runRuleOn(securityMiddleware, plain, { profile: 'service' })).outcome).toBe('not-applicable');
    const express = {
      'package.json': '{"name":"svc","main":"server.js","dependencies":{"express":"^4.19.0"}}',
      'server.js':
        "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(8080);\n",
    };
    expect((await runRuleOn(securityMiddleware, express, { profile: 'service' })).outcome).toBe('fail');
  });
  it('a Python http.server service is not applicable', async () => {
    const run = await runRuleOn(
      securityMiddleware,
      {
        'pyproject.toml': '[project]\nname = "svc"\n',
        'svc/main.py':
          'from http.server import HTTPServer, BaseHTTPRequestHandler\n\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        self.send_response(200)\n\nHTTPServer(("0.0.0.0", 8080), H).serve_forever()\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('not-applicable');
  });
});
