import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../testing/rule-tester.js';
import apiContract from '../../rules/architecture/api-contract.js';
import authentication from '../../rules/security/authentication.js';
import authorization from '../../rules/security/authorization.js';
import securityMiddleware from '../../rules/security/security-middleware.js';
import rateLimiting from '../../rules/reliability/rate-limiting.js';

/** A Kubernetes controller: it watches the API server and serves only /metrics and /healthz. */
const controller = {
  'go.mod': 'module example.com/config-watcher\n\ngo 1.22\n\nrequire k8s.io/client-go v0.30.0\n',
  'cmd/watcher/main.go': [
    'package main',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"example.com/config-watcher/internal/metrics"',
    ')',
    '',
    'func main() {',
    '\tmetrics.Register()',
    '\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(200) })',
    '\thttp.ListenAndServe(":9090", nil)',
    '}',
    '',
  ].join('\n'),
  'internal/metrics/metrics.go': [
    'package metrics',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"github.com/prometheus/client_golang/prometheus/promhttp"',
    ')',
    '',
    'func Register() {',
    '\thttp.Handle("/metrics", promhttp.Handler())',
    '}',
    '',
  ].join('\n'),
};

describe('a listener that serves only metrics and health probes (controller, operator, agent)', () => {
  it('makes the inbound-request rules not applicable, naming the routes with file:line', async () => {
    for (const rule of [apiContract, authentication, authorization, securityMiddleware, rateLimiting]) {
      const r = await runRuleOn(rule, controller, { profile: 'service' });
      expect(r.outcome, rule.meta.id).toBe('not-applicable');
      expect(r.message).toContain(
        'the HTTP server (cmd/watcher/main.go:12) serves only operational routes (/healthz at cmd/watcher/main.go:11, /metrics at internal/metrics/metrics.go:10)',
      );
    }
  });

  it('an application route beside them makes it a request-serving API again', async () => {
    const api = {
      ...controller,
      'internal/api/items.go':
        'package api\n\nimport "net/http"\n\nfunc Routes() {\n\thttp.HandleFunc("/api/items", list)\n}\n',
    };
    for (const rule of [apiContract, authentication]) {
      const r = await runRuleOn(rule, api, { profile: 'service' });
      expect(r.outcome, rule.meta.id).not.toBe('not-applicable');
    }
  });

  it('a handler type with its own ServeHTTP has routes that cannot be read: the rules apply', async () => {
    const custom = {
      ...controller,
      'internal/api/server.go':
        'package api\n\nimport "net/http"\n\ntype Server struct{}\n\nfunc (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}\n',
    };
    const r = await runRuleOn(authentication, custom, { profile: 'service' });
    expect(r.outcome).not.toBe('not-applicable');
  });
});
