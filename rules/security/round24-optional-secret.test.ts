import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';

/**
 * Blind round 24 (imgproxy): a bearer-secret middleware and a signed-URL check that both return
 * early when their secret is empty (`if len(r.config.Secret) == 0 { return h }`): authentication is
 * optional, off unless the operator sets the secret. A partial that names the secret and cites the
 * early return; the same shape in JS and Python.
 */
const GO = {
  'go.mod': 'module example.com/thumbs\n\ngo 1.22\n',
  'main.go':
    'package main\n\nimport "net/http"\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8080"}\n\tsrv.ListenAndServe()\n}\n',
  'server/middlewares.go': [
    'package server', // 1
    '', // 2
    '// withSecret checks the bearer secret', // 3
    'func (r *Router) withSecret(h Handler) Handler {', // 4
    '\tif len(r.config.Secret) == 0 {', // 5
    '\t\treturn h', // 6
    '\t}', // 7
    '', // 8
    '\twant := []byte("Bearer " + r.config.Secret)', // 9
    '', // 10
    '\treturn func(rw http.ResponseWriter, req *http.Request) error {', // 11
    '\t\tif subtle.ConstantTimeCompare([]byte(req.Header.Get("Authorization")), want) == 1 {', // 12
    '\t\t\treturn h(rw, req)', // 13
    '\t\t}', // 14
    '\t\treturn errForbidden', // 15
    '\t}', // 16
    '}', // 17
  ].join('\n'),
};

const JS = {
  'package.json': JSON.stringify({ name: 'notes-api', dependencies: { express: '^4.19.0' } }),
  'src/server.js':
    "const express = require('express');\nconst app = express();\napp.use(require('./auth'));\napp.listen(3000);\n",
  'src/auth.js': [
    'module.exports = function apiKey(req, res, next) {', // 1
    '  if (!process.env.API_KEY) return next();', // 2
    "  const given = req.headers['x-api-key'];", // 3
    '  if (given !== process.env.API_KEY) {', // 4
    '    return res.status(401).json({ error: "unauthorized" });', // 5
    '  }', // 6
    '  next();', // 7
    '};', // 8
  ].join('\n'),
};

const PY = {
  'requirements.txt': 'fastapi==0.111.0\nuvicorn==0.30.0\n',
  'app/main.py': [
    'from fastapi import FastAPI, Request', // 1
    'from fastapi.responses import JSONResponse', // 2
    'from app.config import settings', // 3
    '', // 4
    'app = FastAPI()', // 5
    '', // 6
    '@app.middleware("http")', // 7
    'async def api_key(request: Request, call_next):', // 8
    '    if not settings.API_KEY:', // 9
    '        return await call_next(request)', // 10
    '    if request.headers.get("x-api-key") != settings.API_KEY:', // 11
    '        return JSONResponse({"detail": "forbidden"}, status_code=403)', // 12
    '    return await call_next(request)', // 13
  ].join('\n'),
};

describe('round 24: authentication switched off when its secret is unset', () => {
  it('Go: a middleware that returns the handler unwrapped when the secret is empty is optional', async () => {
    const r = await runRuleOn(authentication, GO, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.5);
    expect(r.message).toMatch(/switched off when r\.config\.Secret is unset \(server\/middlewares\.go:6 returns/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'server/middlewares.go', line: 6, snippet: 'return h' }),
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'server/middlewares.go', line: 12 }));
  });

  it('Go: without the early return the check always runs: pass', async () => {
    const r = await runRuleOn(
      authentication,
      {
        ...GO,
        'server/middlewares.go': GO['server/middlewares.go'].replace(
          '\tif len(r.config.Secret) == 0 {\n\t\treturn h\n\t}',
          '\tif len(r.config.Secret) == 0 {\n\t\tpanic("secret required")\n\t}',
        ),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'server/middlewares.go', line: 12 }));
  });

  it('JS: `if (!process.env.API_KEY) return next()` makes the key check optional', async () => {
    const r = await runRuleOn(authentication, JS, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/switched off when process\.env\.API_KEY is unset \(src\/auth\.js:2 returns/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/auth.js', line: 2 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/auth.js', line: 3 }));
  });

  it('JS: a key check that always runs passes', async () => {
    const r = await runRuleOn(
      authentication,
      { ...JS, 'src/auth.js': JS['src/auth.js'].replace('  if (!process.env.API_KEY) return next();', '  // always') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });

  it('Python: `if not settings.API_KEY: return await call_next(request)` makes it optional', async () => {
    const r = await runRuleOn(authentication, PY, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/switched off when settings\.API_KEY is unset \(app\/main\.py:10 returns/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/main.py', line: 10 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/main.py', line: 11 }));
  });

  it('Python: a request without its own header passing through is no switch (the guard tests the request)', async () => {
    const r = await runRuleOn(
      authentication,
      {
        ...PY,
        'app/main.py': PY['app/main.py'].replace(
          '    if not settings.API_KEY:',
          '    if not request.url.path.startswith("/api"):',
        ),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });

  it('JS: a guard on a token read from the request is no switch, whatever its case (review of session 25)', async () => {
    const jwt = {
      'package.json': JSON.stringify({
        name: 'notes-api',
        dependencies: { express: '^4.19.0', jsonwebtoken: '^9.0.0' },
      }),
      'src/server.js':
        "const express = require('express');\nconst app = express();\napp.use(require('./auth'));\napp.listen(3000);\n",
      'src/auth.js': [
        'module.exports = function auth(req, res, next) {', // 1
        "  const token = req.headers['x-access-token'];", // 2
        '  if (!token) return next();', // 3
        '  jwt.verify(token, process.env.JWT_SECRET, (err, user) => {', // 4
        '    if (err) return res.sendStatus(403);', // 5
        '    req.user = user;', // 6
        '    next();', // 7
        '  });', // 8
        '};', // 9
      ].join('\n'),
    };
    const r = await runRuleOn(authentication, jwt, { profile: 'service' });
    expect(r.message).not.toMatch(/switched off/);
    expect(r).toMatchObject({ outcome: 'pass', score: 1 });
    const direct = {
      ...JS,
      'src/auth.js': JS['src/auth.js'].replace('if (!process.env.API_KEY)', 'if (!req.headers.authorization)'),
    };
    expect((await runRuleOn(authentication, direct, { profile: 'service' })).message).not.toMatch(/switched off/);
  });
});

describe('round 24: two optional checks', () => {
  it('a signed-URL check and a bearer secret, each skipped when its own secret is unset', async () => {
    const r = await runRuleOn(
      authentication,
      {
        ...GO,
        'security/signature.go': [
          'package security', // 1
          '', // 2
          'func (s *Checker) VerifySignature(signature, path string) error {', // 3
          '\tif len(s.config.Keys) == 0 || len(s.config.Salts) == 0 {', // 4
          '\t\treturn nil', // 5
          '\t}', // 6
          '\tmac, _ := base64.RawURLEncoding.DecodeString(signature)', // 7
          '\tif hmac.Equal(mac, signatureFor(path, s.config.Keys[0], s.config.Salts[0])) {', // 8
          '\t\treturn nil', // 9
          '\t}', // 10
          '\treturn errSignature', // 11
          '}', // 12
          '', // 13
          'func signatureFor(path string, key, salt []byte) []byte {', // 14
          '\tmac := hmac.New(sha256.New, key)', // 15
          '\tmac.Write(salt)', // 16
          '\tmac.Write([]byte(path))', // 17
          '\treturn mac.Sum(nil)', // 18
          '}', // 19
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(
      /each check is switched off when its secret is unset \(s\.config\.Keys: security\/signature\.go:5; r\.config\.Secret: server\/middlewares\.go:6 return/,
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'security/signature.go', line: 5 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'security/signature.go', line: 8 }));
  });
});

describe('round 24: the guard as the first statement of a Go middleware', () => {
  it('a middleware that refuses without a token, but serves everyone when no token is configured, is optional', async () => {
    const r = await runRuleOn(
      authentication,
      {
        'go.mod': GO['go.mod'],
        'main.go': GO['main.go'],
        'internal/web/auth.go': [
          'package web', // 1
          '', // 2
          'func requireToken(next http.Handler) http.Handler {', // 3
          '\tif cfg.AdminToken == "" {', // 4
          '\t\treturn next', // 5
          '\t}', // 6
          '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {', // 7
          '\t\tif r.Header.Get("Authorization") != "Bearer "+cfg.AdminToken {', // 8
          '\t\t\thttp.Error(w, "unauthorized", http.StatusUnauthorized)', // 9
          '\t\t\treturn', // 10
          '\t\t}', // 11
          '\t\tnext.ServeHTTP(w, r)', // 12
          '\t})', // 13
          '}', // 14
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/switched off when cfg\.AdminToken is unset \(internal\/web\/auth\.go:5 returns/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'internal/web/auth.go', line: 5 }));
  });
});
