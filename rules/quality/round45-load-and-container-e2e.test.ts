/**
 * Blind round 45, class "test types run in CI against the image" (issue 15): a CI job that runs a
 * load tool (`hey`, here as the image of `docker run`) against the service is a load test; a Go test
 * that starts the project's own image (built by CI) through the Docker Engine API and calls it is
 * end-to-end, not unit. A third-party image in a test (a database) stays what it was.
 */
import { describe, expect, it } from 'vitest';
import rule from './test-types.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const flask: Tree = {
  'requirements.txt': 'flask==3.0.0\npytest==8.0.0\n',
  'app/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
  'tests/test_alerts.py': 'def test_create():\n    assert 1\n\ndef test_delete():\n    assert 1\n',
  'tests/integration/test_api.py':
    'from app import app\n\ndef test_api():\n    client = app.test_client()\n    assert client.get("/").status_code == 200\n',
};
const perf = (run: string) =>
  [
    'on: pull_request',
    'jobs:',
    '  perf:',
    '    runs-on: ubuntu-latest',
    '    services:',
    '      api:',
    '        image: ghcr.io/acme/alerts-api',
    '        ports: ["8080:8080"]',
    '    steps:',
    '      - name: Perf test',
    `        run: ${run}`,
    '',
  ].join('\n');

describe('round 45: a load tool CI runs', () => {
  it('credits load tests to `docker run … <registry>/hey … URL` in CI', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...flask,
        '.github/workflows/performance.yml': perf(
          "docker run --network host ghcr.io/acme/hey -z 2s -m POST -d '{}' http://localhost:8080/alert",
        ),
      },
      { profile: 'service' },
    );
    expect(run.message).not.toMatch(/no[^.]*load/);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: '.github/workflows/performance.yml', note: expect.stringContaining('hey') }),
    );
  });

  it('credits `wrk` run directly', async () => {
    const run = await runRuleOn(
      rule,
      { ...flask, '.github/workflows/performance.yml': perf('wrk -t2 -c10 -d5s http://localhost:8080/') },
      { profile: 'service' },
    );
    expect(run.message).not.toMatch(/no[^.]*load/);
  });

  it('an ordinary container run in CI is no load test', async () => {
    const run = await runRuleOn(
      rule,
      { ...flask, '.github/workflows/performance.yml': perf('docker run --rm ghcr.io/acme/migrate up') },
      { profile: 'service' },
    );
    expect(run.message).toMatch(/load/);
    expect(run.message).toMatch(/no[^.]*load/);
  });
});

const goService = (image: string): Tree => ({
  'go.mod': 'module github.com/acme/gatekeeper\n\ngo 1.22\n\nrequire github.com/docker/docker v27.0.0+incompatible\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'pkg/check/check_test.go':
    'package check\n\nimport "testing"\n\nfunc TestCheck(t *testing.T) {}\n\nfunc TestCheckDenied(t *testing.T) {}\n',
  'cmd/gatekeeper/main_test.go': [
    '//go:build docker',
    '',
    'package main',
    '',
    'import (',
    '\t"context"',
    '\t"net/http"',
    '\t"testing"',
    '',
    '\t"github.com/docker/docker/api/types/container"',
    '\t"github.com/docker/docker/client"',
    ')',
    '',
    'func TestDocker(t *testing.T) {',
    '\tcli, _ := client.NewClientWithOpts(client.FromEnv)',
    `\tcfg := &container.Config{Image: "${image}", Cmd: []string{"run"}}`,
    '\tc, _ := cli.ContainerCreate(context.Background(), cfg, nil, nil, nil, "")',
    '\t_ = cli.ContainerStart(context.Background(), c.ID, container.StartOptions{})',
    '\t_, _ = http.Get("http://localhost:8080/healthz")',
    '}',
    '',
  ].join('\n'),
  '.github/workflows/pr.yml': [
    'on: pull_request',
    'jobs:',
    '  docker-tests:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    '          load: true',
    '          tags: "acme/gatekeeper:dockertest"',
    '      - run: go test -tags=docker ./cmd/gatekeeper/...',
    '',
  ].join('\n'),
});

describe('round 45: a test that starts the project’s own image', () => {
  it('is end-to-end', async () => {
    const run = await runRuleOn(rule, goService('acme/gatekeeper:dockertest'), { profile: 'service' });
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'cmd/gatekeeper/main_test.go',
        line: 16,
        note: expect.stringContaining('own image acme/gatekeeper:dockertest'),
      }),
    );
    expect(run.message).not.toMatch(/no end-to-end/);
  });

  it('a third-party image started by a test is not end-to-end', async () => {
    const run = await runRuleOn(rule, goService('postgres:16'), { profile: 'service' });
    expect(run.evidence.some((e) => /own image/.test(e.note ?? ''))).toBe(false);
  });
});
