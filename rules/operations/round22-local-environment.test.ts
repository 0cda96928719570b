/**
 * Blind round 22 (an auth proxy in Go): `contrib/local-environment/` holds the compose files and a
 * Traefik reverse proxy to try the project on a laptop. Its compose files were called "production
 * compose file (self-hosting template)" and the Traefik demo's headers and HSTS were credited as the
 * service's hardening, while the service's own redirect to HTTPS (the URL's scheme set to https and
 * sent back with http.Redirect) was not seen.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import orchestration from './orchestration.js';
import securityMiddleware from '../security/security-middleware.js';

const REDIRECT = [
  'package middleware', // 1
  '', // 2
  'import "net/http"', // 3
  '', // 4
  'const httpsScheme = "https"', // 5
  '', // 6
  'func redirectToHTTPS(next http.Handler) http.Handler {', // 7
  '	return http.HandlerFunc(func(rw http.ResponseWriter, req *http.Request) {', // 8
  '		if req.TLS != nil {', // 9
  '			next.ServeHTTP(rw, req)', // 10
  '			return', // 11
  '		}', // 12
  '		targetURL := *req.URL', // 13
  '		targetURL.Scheme = httpsScheme', // 14
  '		targetURL.Host = req.Host', // 15
  '		http.Redirect(rw, req, targetURL.String(), http.StatusPermanentRedirect)', // 16
  '	})', // 17
  '}', // 18
].join('\n');

const repo = (redirect: string): Tree => ({
  'go.mod': 'module github.com/acme/gatekeeper\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n	http.ListenAndServe(":4180", nil)\n}\n',
  'pkg/middleware/redirect_to_https.go': redirect,
  Dockerfile:
    'FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /gatekeeper\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /gatekeeper /gatekeeper\nENTRYPOINT ["/gatekeeper"]\n',
  '.github/workflows/publish.yml':
    'on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t quay.io/acme/gatekeeper:latest . && docker push quay.io/acme/gatekeeper:latest\n',
  'contrib/local-environment/docker-compose.yaml':
    'services:\n  gatekeeper:\n    image: quay.io/acme/gatekeeper:latest\n    restart: unless-stopped\n    ports:\n      - "4180:4180"\n  traefik:\n    image: traefik:v3\n',
  'contrib/local-environment/traefik/dynamic.yaml':
    'http:\n  middlewares:\n    secure:\n      headers:\n        stsSeconds: 315360000\n        browserXssFilter: true\n        contentTypeNosniff: true\n',
});

describe('round 22: a local development environment is not the deployment', () => {
  it("the demo proxy's headers are not the service's; its own redirect to HTTPS is credited", async () => {
    const r = await runRuleOn(securityMiddleware, repo(REDIRECT), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/^HTTPS\/HSTS found/);
    expect(r.message).toMatch(/no security headers/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'pkg/middleware/redirect_to_https.go', line: 14, note: 'HTTPS/HSTS' }),
    );
    expect(r.evidence.some((e) => e.path.startsWith('contrib/'))).toBe(false);
  });

  it('a scheme set to https with no redirect after it is no HTTPS enforcement', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      repo(
        REDIRECT.replace(
          'http.Redirect(rw, req, targetURL.String(), http.StatusPermanentRedirect)',
          'next.ServeHTTP(rw, req)',
        ),
      ),
      { profile: 'service' },
    );
    // Nothing else hardens this net/http service: with no web framework, the rule does not apply
    // (round 30); the scheme assignment is never cited as enforcement.
    expect(r.outcome).toBe('not-applicable');
    expect(r.evidence.some((e) => e.path === 'pkg/middleware/redirect_to_https.go')).toBe(false);
  });

  it('its compose file is not called a production compose file', async () => {
    const r = await runRuleOn(orchestration, repo(REDIRECT), { profile: 'service' });
    expect(r.message).not.toMatch(/docker-compose \(production\)/);
    expect(r.evidence.some((e) => /production compose file/.test(e.note ?? ''))).toBe(false);
  });

  it('the same compose file outside a local environment folder is the self-hosting template', async () => {
    const tree = repo(REDIRECT);
    tree['docker-compose.yaml'] = tree['contrib/local-environment/docker-compose.yaml']!;
    delete tree['contrib/local-environment/docker-compose.yaml'];
    const r = await runRuleOn(orchestration, tree, { profile: 'service' });
    expect(r.message).toMatch(/docker-compose \(production\)/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'docker-compose.yaml',
        note: expect.stringMatching(/^production compose file \(self-hosting template/),
      }),
    );
  });
});
