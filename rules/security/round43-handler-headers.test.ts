import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 43 (a Go demo server on gorilla/mux): `X-Content-Type-Options` set inside a streaming
 * handler and inside a JSON response helper that sits below two middlewares in the same file was
 * read as security-headers middleware. In Go the function around the line decides: a wrapper takes
 * or returns an http.Handler or calls next; a handler or response helper is one handler's response.
 */
const tree = (helperHeader: string) => ({
  'go.mod': 'module example.com/demo\n\ngo 1.22\n\nrequire github.com/gorilla/mux v1.8.1\n',
  'cmd/main.go': 'package main\n\nfunc main() {\n\thttp.ListenAndServe(":8080", router)\n}\n',
  'pkg/http/http.go': [
    'package http', // 1
    '', // 2
    'func versionMiddleware(next http.Handler) http.Handler {', // 3
    '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {', // 4
    '\t\tr.Header.Set("X-API-Version", version)', // 5
    '\t\tnext.ServeHTTP(w, r)', // 6
    '\t})', // 7
    '}', // 8
    '', // 9
    'func (s *Server) JSONResponse(w http.ResponseWriter, r *http.Request, result interface{}) {', // 10
    '\tw.Header().Set("Content-Type", "application/json")', // 11
    `\t${helperHeader}`, // 12
    '\tw.Write(body)', // 13
    '}', // 14
    '',
  ].join('\n'),
  'pkg/http/chunked.go': [
    'package http', // 1
    '', // 2
    'func (s *Server) chunkedHandler(w http.ResponseWriter, r *http.Request) {', // 3
    '\tw.Header().Set("Transfer-Encoding", "chunked")', // 4
    '\tw.Header().Set("X-Content-Type-Options", "nosniff")', // 5
    '\ts.JSONResponse(w, r, nil)', // 6
    '}', // 7
    '',
  ].join('\n'),
});

describe('round 43: a header set in a Go handler or response helper is not middleware', () => {
  it('a helper below two middlewares and a streaming handler: half the headers share, said as such', async () => {
    const r = await runRuleOn(securityMiddleware, tree('w.Header().Set("X-Content-Type-Options", "nosniff")'), {
      profile: 'service',
    });
    expect(r.message).toMatch(/security headers \(set by hand in single route handlers only\)/);
    expect(r.message).toMatch(/no security headers on every response \(middleware\)/);
  });

  it('the same header set in the middleware counts in full', async () => {
    const t = tree('w.Write(nil)');
    t['pkg/http/http.go'] = t['pkg/http/http.go'].replace(
      '\t\tr.Header.Set("X-API-Version", version)',
      '\t\tw.Header().Set("X-Content-Type-Options", "nosniff")',
    );
    t['pkg/http/chunked.go'] = 'package http\n';
    const r = await runRuleOn(securityMiddleware, t, { profile: 'service' });
    expect(r.message).toMatch(/^security headers/);
    expect(r.message).not.toMatch(/single route/);
  });
});
