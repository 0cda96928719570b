/**
 * Blind round 30: one health route meets `health-endpoints` (RULES: "health/readiness endpoints
 * exist"; `/health`, `/healthz` and `/ping` are alternatives). A missing readiness route is a
 * suggestion, with no score lost. A data-source client's request to someone else's health URL
 * (`self.get_response("/_cluster/health")`) is no route: only a registration is.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import healthEndpoints from './observability/health-endpoints.js';

const goService = (handler: string) => ({
  'go.mod': 'module example.com/ctl\n\ngo 1.22\n',
  'cmd/ctl/main.go': `package main\n\nimport "net/http"\n\nfunc main() {\n\tmux := http.NewServeMux()\n${handler}\thttp.ListenAndServe(":8080", mux)\n}\n`,
});

describe('round 30: one health route passes', () => {
  it('a net/http ServeMux /healthz passes, with a readiness route as a suggestion', async () => {
    const run = await runRuleOn(
      healthEndpoints,
      goService('\tmux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {})\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.score).toBe(1);
    expect(run.message).toContain('A health endpoint is registered (/healthz). Suggestion:');
    expect(run.data).toMatchObject({ suggestion: expect.stringContaining('readiness route') });
  });
  it('a service with no health route still fails', async () => {
    const run = await runRuleOn(
      healthEndpoints,
      goService('\tmux.HandleFunc("/secrets", func(w http.ResponseWriter, r *http.Request) {})\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  const flask = (extra: Record<string, string>) => ({
    'requirements.txt': 'flask==3.0\n',
    'app/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
    'app/runners/search.py': [
      'class Search:',
      '    def test_connection(self):',
      '        _, error = self.get_response("/_cluster/health")',
      '        r = self.make_request(f"/api/v1/healthz")',
      '',
    ].join('\n'),
    ...extra,
  });
  it('a client request to another system’s health URL is no route: alone, it fails', async () => {
    const run = await runRuleOn(healthEndpoints, flask({}), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(JSON.stringify(run.evidence)).not.toContain('_cluster');
  });
  it('beside a registered /ping, only the registration is cited', async () => {
    const run = await runRuleOn(
      healthEndpoints,
      flask({ 'app/handlers.py': '@routes.route("/ping", methods=["GET"])\ndef ping():\n    return "PONG."\n' }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toEqual([
      expect.objectContaining({ path: 'app/handlers.py', line: 1, note: 'health route /ping' }),
    ]);
  });
});
