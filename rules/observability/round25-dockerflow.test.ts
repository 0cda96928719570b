/**
 * Blind round 25, class "health routes named by a house convention": Dockerflow (Mozilla's container
 * convention) serves `/__heartbeat__` (the deep check, readiness) and `/__lbheartbeat__` (the load
 * balancer's liveness answer), by hand or through the python-dockerflow integrations. `/__version__`
 * says which build runs: no health answer.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import healthEndpoints from './health-endpoints.js';

const PYPROJECT = '[project]\nname = "suggest"\ndependencies = ["fastapi>=0.110", "dockerflow>=2024.4.2"]\n';

const router = (routes: string[]) =>
  [
    'from fastapi import APIRouter, Response', // 1
    '', // 2
    'router = APIRouter()', // 3
    '', // 4
    ...routes.flatMap((r) => [
      `@router.get("/${r}", tags=["${r}"])`,
      `async def ${r.replace(/_/g, '')}() -> Response:`,
      '    return Response(content="")',
      '',
    ]),
  ].join('\n');

describe('round 25: Dockerflow health routes', () => {
  it('passes on /__heartbeat__ and /__lbheartbeat__, citing both routes and the dockerflow dependency', async () => {
    const tree: Tree = {
      'pyproject.toml': PYPROJECT,
      'suggest/routers/dockerflow.py': router(['__version__', '__heartbeat__', '__lbheartbeat__']),
      'suggest/main.py':
        'from fastapi import FastAPI\nfrom suggest.routers import dockerflow\n\napp = FastAPI()\napp.include_router(dockerflow.router)\n',
    };
    const run = await runRuleOn(healthEndpoints, tree, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Liveness and readiness endpoints are registered.');
    expect(run.evidence.slice(0, 2)).toEqual([
      expect.objectContaining({ path: 'suggest/routers/dockerflow.py', line: 9, note: 'health route /__heartbeat__' }),
      expect.objectContaining({
        path: 'suggest/routers/dockerflow.py',
        line: 13,
        note: 'health route /__lbheartbeat__',
      }),
    ]);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'pyproject.toml', line: 3, note: 'health-check library dependency' }),
    );
    expect(run.evidence.some((e) => /__version__/.test(e.note ?? ''))).toBe(false);
  });

  it('the load-balancer heartbeat alone is liveness without a readiness check', async () => {
    const tree: Tree = {
      'pyproject.toml': '[project]\nname = "suggest"\ndependencies = ["fastapi>=0.110"]\n',
      'suggest/routers/lb.py': router(['__lbheartbeat__']),
    };
    const run = await runRuleOn(healthEndpoints, tree, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(
      /^A health endpoint is registered \(\/__lbheartbeat__\)\. Suggestion: a separate readiness route/,
    );
    expect(run.evidence[0]).toMatchObject({
      path: 'suggest/routers/lb.py',
      line: 5,
      note: 'health route /__lbheartbeat__',
    });
  });

  it('the python-dockerflow Flask integration serves both routes', async () => {
    const tree: Tree = {
      'pyproject.toml': '[project]\nname = "suggest"\ndependencies = ["flask>=3", "dockerflow[flask]>=2024.4.2"]\n',
      'suggest/app.py':
        'from flask import Flask\nfrom dockerflow.flask import Dockerflow\n\napp = Flask(__name__)\ndockerflow = Dockerflow(app)\n',
    };
    const run = await runRuleOn(healthEndpoints, tree, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Health checks are served by Dockerflow (/__heartbeat__, /__lbheartbeat__).');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'suggest/app.py', line: 2, note: 'health-check library in use' }),
    );
  });

  it('/__version__ alone is no health endpoint', async () => {
    const tree: Tree = {
      'pyproject.toml': '[project]\nname = "suggest"\ndependencies = ["fastapi>=0.110"]\n',
      'suggest/routers/version.py': router(['__version__']),
    };
    const run = await runRuleOn(healthEndpoints, tree, { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]!.note).toContain(
      'no /health, /healthz, /livez, /readyz, /ready, /up or Dockerflow /__heartbeat__ route',
    );
  });
});
