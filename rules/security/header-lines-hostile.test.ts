import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * The Go function around a header line is read by two patterns that ended in `\s*X?\s*`
 * (`) http.Handler {`, `next .Invoke (`): a `func` line or a `next` followed by 200,000 spaces
 * and no end was quadratic (40,000 spaces 2-3 s, 200,000 about a minute). Same verdicts, read at once.
 */
const SPACES = ' '.repeat(200_000);
const tree = (funcLine: string, body: string) => ({
  'go.mod': 'module example.com/demo\n\ngo 1.22\n',
  'cmd/main.go': 'package main\n\nfunc main() {\n\thttp.ListenAndServe(":8080", router)\n}\n',
  'pkg/web/headers.go': [
    'package web',
    '',
    funcLine,
    `\t${body}`,
    '\tw.Header().Set("X-Content-Type-Options", "nosniff")',
    '\tw.Write(nil)',
    '}',
    '',
  ].join('\n'),
});

describe('a Go header line below hostile whitespace', () => {
  it('a handler whose func line runs on in spaces is one handler’s response', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      tree(`func page(w http.ResponseWriter, r *http.Request) http.Handler${SPACES}x {`, `next${SPACES}x`),
      { profile: 'service' },
    );
    expect(r.message).toMatch(/set by hand in single route handlers only/);
  });

  it('a wrapper that calls next(…) after spaces is middleware', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      tree(`func secure(w http.ResponseWriter, r *http.Request) {${SPACES}`, `next${SPACES}(w, r)`),
      { profile: 'service' },
    );
    expect(r.message).toMatch(/^security headers/);
    expect(r.message).not.toMatch(/single route/);
  });
});
