/**
 * End-to-end through the built CLI: verdicts that depend on facts rather than keywords (issue 15) —
 * dependency directness, applicability of a reusable module, and a repository with nothing to assess.
 */
import { describe, expect, it } from 'vitest';
import type { Report, RuleReport } from '../src/report/schema.js';
import { reportSchema } from '../src/report/schema.js';
import { cli, fixture } from './helpers/cli.js';

async function audit(name: string): Promise<Report> {
  const out = await cli(['audit', fixture(name), '--format', 'json']);
  expect(out.code, out.stderr).toBe(0);
  return reportSchema.parse(JSON.parse(out.stdout)) as Report;
}

function rule(r: Report, id: string): RuleReport {
  const found = r.pillars.flatMap((p) => p.rules).find((x) => x.id === id);
  if (!found) throw new Error(`rule ${id} not in report`);
  return found;
}

describe('facts decide the verdicts', () => {
  it('python-pinned: a package pip-compile lists via another is not the service’s retries; declarations are cited over pins', async () => {
    const r = await audit('python-pinned');
    expect(r.repository.profile.id).toBe('service');
    const retries = rule(r, 'reliability/retries');
    expect(retries.outcome).toBe('fail');
    expect(retries.evidence).toContainEqual(
      expect.objectContaining({
        path: 'requirements.txt',
        line: 32,
        note: expect.stringContaining('pulled in by another package (via celery-redbeat)'),
      }),
    );
    const tracking = rule(r, 'observability/error-tracking');
    expect(tracking.outcome).toBe('pass');
    expect(tracking.evidence).toContainEqual(
      expect.objectContaining({ path: 'requirements.in', line: 3, note: expect.stringContaining('app/__init__.py') }),
    );
    expect(tracking.evidence.some((e) => e.path === 'requirements.txt')).toBe(false);
    expect(rule(r, 'reliability/timeouts').outcome).toBe('pass');
  });

  it('infra-module: a reusable Terraform module is judged as a module, and deployment rules do not apply', async () => {
    const r = await audit('infra-module');
    expect(r.repository.profile.id).toBe('infrastructure');
    const iac = rule(r, 'operations/infrastructure-as-code');
    expect(iac.outcome).toBe('pass');
    expect(iac.message).toContain('a module rightly has no backend');
    // The module's own definition is cited before the example that calls it.
    expect(iac.evidence[0]).toMatchObject({ path: 'main.tf', line: 5 });
    expect(iac.evidence).toContainEqual(
      expect.objectContaining({ path: 'examples/complete/main.tf', line: 5, note: 'an example calls the module' }),
    );
    for (const id of [
      'operations/environments',
      'operations/cost-monitoring',
      'operations/runbooks',
      'observability/alerting',
      'observability/dashboards',
    ]) {
      const x = rule(r, id);
      expect(x.outcome, id).toBe('not-applicable');
      expect(x.message, id).toContain('a reusable Terraform module: no backend, provider configuration or tfvars');
    }
  });

  it('nothing-to-assess: a repository with only .gitignore and a licence has no score', async () => {
    const r = await audit('nothing-to-assess');
    expect(r.summary.score).toBeNull();
    expect(r.summary.grade).toBeNull();
    expect(r.summary.counts.pass).toBe(0);
    expect(rule(r, 'security/license')).toMatchObject({
      outcome: 'not-applicable',
      message: 'the repository holds only .gitignore, LICENSE: nothing to assess',
    });
  });
});

describe('the profile of a Kubernetes-style server', () => {
  it('a cobra command that runs a k8s.io/apiserver server is a service, not a command-line tool', async () => {
    const { tempDir, writeTree } = await import('./helpers/tree.js');
    const dir = tempDir();
    const base = {
      'go.mod':
        'module example.com/usage-api\n\ngo 1.22\n\nrequire (\n\tgithub.com/spf13/cobra v1.8.0\n\tk8s.io/apiserver v0.30.0\n)\n',
      'cmd/usage-api/main.go':
        'package main\n\nimport "example.com/usage-api/pkg/server"\n\nfunc main() {\n\tserver.NewCommand().Execute()\n}\n',
    };
    const serve =
      'package server\n\nfunc (s *Server) Run(stop <-chan struct{}) error {\n\treturn s.GenericAPIServer.PrepareRun().Run(stop)\n}\n';
    writeTree(dir, { ...base, 'pkg/server/server.go': serve });
    const r = reportSchema.parse(JSON.parse((await cli(['audit', dir, '--format', 'json'])).stdout)) as Report;
    expect(r.repository.profile.id).toBe('service');
    expect(r.repository.profile.reasons[0]).toContain('pkg/server/server.go:4');
    // Without the server, cobra alone still makes a command-line tool.
    const cliDir = tempDir();
    writeTree(cliDir, base);
    const c = reportSchema.parse(JSON.parse((await cli(['audit', cliDir, '--format', 'json'])).stdout)) as Report;
    expect(c.repository.profile.id).toBe('cli');
  });
});
