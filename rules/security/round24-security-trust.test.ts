import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';
import authorization from './authorization.js';
import securityMiddleware from './security-middleware.js';

/**
 * Blind round 24: declarations credited as working security. An ASP.NET pipeline that calls
 * `app.UseAuthentication()` with no scheme registered and no `[Authorize]` authenticates nobody.
 */
const PROGRAM = [
  'var builder = WebApplication.CreateBuilder(args);', // 1
  'builder.Services.AddControllers();', // 2
  'var app = builder.Build();', // 3
  'app.UseHttpsRedirection();', // 4
  'app.UseAuthentication();', // 5
  'app.UseAuthorization();', // 6
  'app.MapControllers();', // 7
  'app.Run();', // 8
];
const SHOP = {
  'src/Shop.Api/Shop.Api.csproj':
    '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n',
  'src/Shop.Api/Program.cs': PROGRAM.join('\n'),
  'src/Shop.Api/Controllers/OrdersController.cs':
    '[ApiController]\n[Route("api/orders")]\npublic class OrdersController : ControllerBase\n{\n    [HttpGet]\n    public IActionResult Get() => Ok();\n}\n',
};

describe('round 24: ASP.NET UseAuthentication() without a scheme', () => {
  it('is no authentication: fail, and the message names the bare middleware', async () => {
    const r = await runRuleOn(authentication, SHOP, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(
      /src\/Shop\.Api\/Program\.cs:5 calls UseAuthentication\(\), but no authentication scheme/,
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/Shop.Api/Program.cs', line: 5, note: expect.stringMatching(/no scheme/) }),
    );
  });

  it('passes once a scheme is registered', async () => {
    const program = [...PROGRAM];
    program[1] = 'builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();';
    const r = await runRuleOn(
      authentication,
      { ...SHOP, 'src/Shop.Api/Program.cs': program.join('\n') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/Shop.Api/Program.cs', line: 2 }));
  });
});

/** An image server that refuses URL options not in a configured allow-list: input validation, not authorization. */
const IMAGES = {
  'go.mod': 'module example.com/thumbs\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", router())\n}\n',
  'parser/options.go': [
    'package parser', // 1
    '', // 2
    'func (p *Parser) apply(opts []urlOption) error {', // 3
    '\tfor _, opt := range opts {', // 4
    '\t\tif len(p.cfg.AllowedOptions) > 0 && !slices.Contains(p.cfg.AllowedOptions, opt.Name) {', // 5
    '\t\t\treturn newForbiddenOptionError("processing", opt.Name)', // 6
    '\t\t}', // 7
    '\t}', // 8
    '\treturn nil', // 9
    '}', // 10
  ].join('\n'),
};

describe('round 24: an allow-list of option names is not authorization', () => {
  it('fails when the only 403 guards input values', async () => {
    const r = await runRuleOn(authorization, IMAGES, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.some((e) => e.path === 'parser/options.go')).toBe(false);
  });

  it("still credits a caller's role tested against an allow-list", async () => {
    const opts = IMAGES['parser/options.go'].replace(
      'len(p.cfg.AllowedOptions) > 0 && !slices.Contains(p.cfg.AllowedOptions, opt.Name)',
      '!slices.Contains(p.cfg.AllowedRoles, user.Role)',
    );
    const r = await runRuleOn(authorization, { ...IMAGES, 'parser/options.go': opts }, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'parser/options.go', line: 5 }));
  });
});

/**
 * A Go image server: header names kept as constants (one set on responses, HSTS never), a CORS
 * middleware that sets the allowed origin through a constant from configuration.
 */
const GO_SERVER = {
  'go.mod': 'module example.com/thumbs\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", router())\n}\n',
  'headers/headers.go': [
    'package headers', // 1
    '', // 2
    'const (', // 3
    '\tAccessControlAllowOrigin = "Access-Control-Allow-Origin"', // 4
    '\tContentSecurityPolicy    = "Content-Security-Policy"', // 5
    '\tStrictTransportSecurity  = "Strict-Transport-Security"', // 6
    ')', // 7
  ].join('\n'),
  'server/writer.go': [
    'package server', // 1
    '', // 2
    'func (w *writer) finish() {', // 3
    '\tw.h.Set(headers.ContentSecurityPolicy, "script-src \'none\'")', // 4
    '}', // 5
  ].join('\n'),
  'server/middlewares.go': [
    'package server', // 1
    '', // 2
    'func (r *Router) WithCORS(h Handler) Handler {', // 3
    '\treturn func(rw http.ResponseWriter, req *http.Request) {', // 4
    '\t\trw.Header().Set(headers.AccessControlAllowOrigin, r.cfg.AllowOrigin)', // 5
    '\t\th(rw, req)', // 6
    '\t}', // 7
    '}', // 8
  ].join('\n'),
};

describe('round 24: header-name constants and a Go CORS middleware', () => {
  it('credits the header where it is set, not a constant that only names HSTS', async () => {
    const r = await runRuleOn(securityMiddleware, GO_SERVER, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no HTTPS redirect\/HSTS/);
    expect(r.message).toMatch(/headers\/headers\.go:6, a header name declared as a constant that no response sets/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'server/writer.go', line: 4 }));
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'server/middlewares.go', line: 5 }));
    expect(r.evidence.some((e) => e.path === 'headers/headers.go' && e.line === 5)).toBe(false);
    expect(r.message).not.toMatch(/no CORS middleware/);
  });

  it('Hono secureHeaders() sends HSTS by default; fly.toml force_https redirects', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      {
        'package.json': '{"name":"docs-server","dependencies":{"hono":"^4.6.0"}}',
        'src/server.ts': [
          "import { Hono } from 'hono';", // 1
          "import { secureHeaders } from 'hono/secure-headers';", // 2
          '', // 3
          'const app = new Hono();', // 4
          'app.use(secureHeaders());', // 5
          'export default app;', // 6
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/HSTS \(sent by default by Hono's secureHeaders\(\)\)/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/server.ts', line: 5 }));
  });
});

/**
 * A Go image server that authenticates by hand: a bearer secret compared in constant time with the
 * Authorization header (read through a header-name constant), and signed URLs (an HMAC of the path).
 */
const SIGNED = {
  'go.mod': 'module example.com/thumbs\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", router())\n}\n',
  'security/signature.go': [
    'package security', // 1
    '', // 2
    'func (c *Checker) VerifySignature(signature, path string) error {', // 3
    '\tmac, err := base64.RawURLEncoding.DecodeString(signature)', // 4
    '\tif err != nil {', // 5
    '\t\treturn errBadSignature', // 6
    '\t}', // 7
    '\tif hmac.Equal(mac, signatureFor(path, c.key, c.salt)) {', // 8
    '\t\treturn nil', // 9
    '\t}', // 10
    '\treturn errBadSignature', // 11
    '}', // 12
    '', // 13
    'func signatureFor(str string, key, salt []byte) []byte {', // 14
    '\tmac := hmac.New(sha256.New, key)', // 15
    '\tmac.Write(salt)', // 16
    '\tmac.Write([]byte(str))', // 17
    '\treturn mac.Sum(nil)', // 18
    '}', // 19
  ].join('\n'),
  'server/secret.go': [
    'package server', // 1
    '', // 2
    'func (r *Router) WithSecret(h Handler) Handler {', // 3
    '\twant := []byte("Bearer " + r.cfg.Secret)', // 4
    '\treturn func(rw http.ResponseWriter, req *http.Request) {', // 5
    '\t\tif subtle.ConstantTimeCompare([]byte(req.Header.Get(headers.Authorization)), want) == 1 {', // 6
    '\t\t\th(rw, req)', // 7
    '\t\t\treturn', // 8
    '\t\t}', // 9
    '\t\trw.WriteHeader(http.StatusForbidden)', // 10
    '\t}', // 11
    '}', // 12
  ].join('\n'),
};

describe('round 24: Go authentication written by hand', () => {
  it('a bearer secret and signed URLs are authentication', async () => {
    const r = await runRuleOn(authentication, SIGNED, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'security/signature.go',
        line: 8,
        note: expect.stringMatching(/^signed URLs verified/),
      }),
    );
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'server/secret.go', line: 6 }));
  });

  it('signed URLs alone are authentication; without the HMAC compare nothing is', async () => {
    const only = { ...SIGNED, 'server/secret.go': 'package server\n' };
    expect((await runRuleOn(authentication, only, { profile: 'service' })).outcome).toBe('pass');
    const none = {
      ...only,
      'security/signature.go': SIGNED['security/signature.go'].replace('hmac.Equal(', 'bytes.HasPrefix('),
    };
    expect((await runRuleOn(authentication, none, { profile: 'service' })).outcome).toBe('fail');
  });
});
