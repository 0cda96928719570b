import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 32 (a net/http service): a handler wrapper that sends the request's own Origin back
 * in Access-Control-Allow-Origin with `Allow-Credentials: true` was reported "no CORS middleware",
 * and one CSP header on the index page counted as the service's security headers. CORS and
 * hardening headers written by hand are read in every ecosystem; where a header is set decides
 * how much it counts: a wrapper every request goes through, or one route handler.
 */
const goService = (cors: string[], index: string[]) => ({
  'go.mod': 'module example.com/echoer\n\ngo 1.22\n',
  'cmd/main.go': [
    'package main',
    '',
    'import "net/http"',
    '',
    'func main() {',
    '\thttp.ListenAndServe(":8080", server.New())',
    '}',
    '',
  ].join('\n'),
  'server/middleware.go': [
    'package server', // 1
    '', // 2
    'import "net/http"', // 3
    '', // 4
    'func withCORS(next http.Handler) http.Handler {', // 5
    '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {', // 6
    ...cors, // 7…
    '\t\tnext.ServeHTTP(w, r)',
    '\t})',
    '}',
    '',
  ].join('\n'),
  'server/handlers.go': [
    'package server', // 1
    '', // 2
    'import "net/http"', // 3
    '', // 4
    'func (s *Server) Index(w http.ResponseWriter, r *http.Request) {', // 5
    '\tif r.URL.Path != "/" {', // 6
    '\t\thttp.NotFound(w, r)', // 7
    '\t\treturn', // 8
    '\t}', // 9
    ...index, // 10…
    '\tw.Write(indexHTML)',
    '}',
    '',
  ].join('\n'),
});

const REFLECT = [
  '\t\torigin := r.Header.Get("Origin")', // 7
  '\t\tif origin == "" {', // 8
  '\t\t\torigin = "*"', // 9
  '\t\t}', // 10
  '\t\tw.Header().Set("Access-Control-Allow-Origin", origin)', // 11
  '\t\tw.Header().Set("Access-Control-Allow-Credentials", "true")', // 12
];
const CSP = ['\tw.Header().Set("Content-Security-Policy", "default-src \'self\'")'];

describe('round 32: CORS and security headers written by hand', () => {
  it('a Go wrapper that sends the request Origin back with credentials is permissive CORS, named at its line', async () => {
    const r = await runRuleOn(securityMiddleware, goService(REFLECT, CSP), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBeLessThanOrEqual(0.4);
    expect(r.message).not.toMatch(/no CORS middleware/);
    expect(r.message).toMatch(/request's own Origin sent back: any origin, with credentials/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'server/middleware.go',
        line: 11,
        note: expect.stringMatching(/^CORS sends the request's own Origin back together with credentials/),
      }),
    );
    expect(r.data).toMatchObject({ corsAnyOrigin: true, corsWildcardWithCredentials: true });
  });

  it('the same wrapper checking the Origin against an allow-list is an explicit CORS policy', async () => {
    const allowList = [
      '\t\torigin := r.Header.Get("Origin")', // 7
      '\t\tif allowedOrigins[origin] {', // 8
      '\t\t\tw.Header().Set("Access-Control-Allow-Origin", origin)', // 9
      '\t\t\tw.Header().Set("Access-Control-Allow-Credentials", "true")', // 10
      '\t\t}', // 11
    ];
    const r = await runRuleOn(securityMiddleware, goService(allowList, CSP), { profile: 'service' });
    expect(r.data).toMatchObject({ cors: true, corsAnyOrigin: false, corsWildcardWithCredentials: false });
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'server/middleware.go', line: 9, note: 'CORS policy' }),
    );
  });

  it('one CSP header in a route handler is half the headers share; set in the wrapper it counts in full', async () => {
    const route = await runRuleOn(securityMiddleware, goService(REFLECT, CSP), { profile: 'service' });
    expect(route.message).toMatch(/security headers \(set by hand in single route handlers only\)/);
    expect(route.message).toMatch(/no security headers on every response \(middleware\)/);
    expect(route.evidence).toContainEqual(
      expect.objectContaining({
        path: 'server/handlers.go',
        line: 10,
        note: expect.stringMatching(/one route handler/),
      }),
    );
    const wrapped = await runRuleOn(
      securityMiddleware,
      goService(
        [
          '\t\tw.Header().Set("X-Content-Type-Options", "nosniff")',
          '\t\tw.Header().Set("Access-Control-Allow-Origin", "https://app.example.org")',
        ],
        [],
      ),
      { profile: 'service' },
    );
    expect(wrapped.message).toMatch(/^security headers and CORS/);
    expect(wrapped.message).not.toMatch(/single route/);
    expect(wrapped.data).toMatchObject({ headers: true, cors: true, corsAnyOrigin: false });
  });

  it.each([
    [
      'Express',
      { 'package.json': '{"dependencies":{"express":"^4.19.0"}}' },
      'src/app.js',
      [
        "const express = require('express');",
        'const app = express();',
        'app.use((req, res, next) => {',
        "  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);",
        "  res.setHeader('Access-Control-Allow-Credentials', 'true');",
        '  next();',
        '});',
        'app.listen(3000);',
      ],
      4,
    ],
    [
      'Flask',
      { 'requirements.txt': 'flask==3.0.0\n' },
      'app.py',
      [
        'from flask import Flask, request',
        'app = Flask(__name__)',
        '@app.after_request',
        'def cors(response):',
        "    response.headers['Access-Control-Allow-Origin'] = request.headers.get('Origin')",
        "    response.headers['Access-Control-Allow-Credentials'] = 'true'",
        '    return response',
      ],
      5,
    ],
    [
      'PHP',
      { 'composer.json': '{"require":{"slim/slim":"^4.0"}}' },
      'public/index.php',
      [
        '<?php',
        "header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);",
        "header('Access-Control-Allow-Credentials: true');",
      ],
      2,
    ],
  ])('%s: the request Origin sent back with credentials is permissive CORS', async (_, deps, path, lines, line) => {
    const r = await runRuleOn(securityMiddleware, { ...deps, [path]: lines.join('\n') }, { profile: 'service' });
    expect(r.data).toMatchObject({ corsAnyOrigin: true, corsWildcardWithCredentials: true });
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path,
        line,
        note: expect.stringMatching(/request's own Origin back together with credentials/),
      }),
    );
  });

  it('a list of allowed header names is no header set', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      {
        'package.json': '{"dependencies":{"express":"^4.19.0","cors":"^2.8.5"}}',
        'src/app.js': [
          "const express = require('express');",
          "const cors = require('cors');",
          'const app = express();',
          "app.use(cors({ origin: ['https://app.example.org'], allowedHeaders: ['Access-Control-Allow-Origin', 'Content-Type'] }));",
          'app.listen(3000);',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.data).toMatchObject({ cors: true, corsAnyOrigin: false });
  });
});
