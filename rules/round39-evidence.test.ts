/**
 * Blind round 39, class "evidence picked by loose matching" (verdicts right, evidence wrong): a
 * feature's `/status` cited before the `/health` route, a scheduled job's timeout and a deploy
 * script's `kubectl --timeout` cited as outbound-call timeouts, Deno's `e2e_test.ts` as the largest
 * production source, and an OpenTofu `tofu_fmt` pre-commit hook not seen as a formatter.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import moduleSize from './architecture/module-size.js';
import healthEndpoints from './observability/health-endpoints.js';
import formatting from './quality/formatting.js';
import timeouts from './reliability/timeouts.js';

const PY: Tree = {
  'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["litestar>=2", "saq>=0.20", "requests>=2"]\n',
  'app/asgi.py': 'from litestar import Litestar\n\napp = Litestar([])\n',
};

describe('round 39: evidence is the thing the rule is about', () => {
  it('health-endpoints cites /health before a feature route named /status', async () => {
    const tree: Tree = {
      ...PY,
      'app/mfa.py': [
        'from litestar import Controller, get',
        '',
        'class MfaController(Controller):',
        '    @get(operation_id="GetMfaStatus", path="/status")',
        '    async def mfa_status(self) -> dict:',
        '        return {"enabled": True}',
        '',
      ].join('\n'),
      'app/system.py': [
        'from litestar import get',
        '',
        '@get(path="/health")',
        'async def health() -> dict:',
        '    return {"ok": True}',
        '',
      ].join('\n'),
    };
    const run = await runRuleOn(healthEndpoints, tree, { profile: 'service' });
    expect(run.outcome).not.toBe('fail');
    expect(run.evidence[0]).toMatchObject({ path: 'app/system.py', note: 'health route /health' });
    // Without the /health route, /status is what there is, and it is still cited.
    const { 'app/system.py': _, ...statusOnly } = tree;
    const only = await runRuleOn(healthEndpoints, statusOnly, { profile: 'service' });
    expect(only.evidence[0]).toMatchObject({ path: 'app/mfa.py', note: 'health route /status' });
  });

  it('a scheduled job timeout and a deploy command --timeout are no outbound timeouts; a client timeout is', async () => {
    const base: Tree = {
      ...PY,
      'app/jobs.py': [
        'from saq import CronJob',
        '',
        'SCHEDULE = [',
        '    CronJob(',
        '        function=cleanup,',
        '        cron="0 * * * *",',
        '        timeout=600,',
        '    ),',
        ']',
        '',
      ].join('\n'),
      'app/deploy.py': [
        'import subprocess',
        '',
        'def wait(name):',
        '    subprocess.run(["kubectl", "rollout", "status", name, "--timeout=300s"], check=True)',
        '',
      ].join('\n'),
    };
    const client = 'import requests\n\ndef fetch(url):\n    return requests.get(url, timeout=5)\n';
    const run = await runRuleOn(timeouts, { ...base, 'app/client.py': client }, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    const cited = run.evidence.filter((e) => e.note === 'explicit timeout').map((e) => e.path);
    expect(cited).toEqual(['app/client.py']);
    // A call without a timeout beside them: the job's and the command's do not cover it.
    const bare = 'import requests\n\ndef fetch(url):\n    return requests.get(url)\n';
    const none = await runRuleOn(timeouts, { ...base, 'app/client.py': bare }, { profile: 'service' });
    expect(none.outcome).not.toBe('pass');
    expect(none.evidence.some((e) => e.note === 'explicit timeout')).toBe(false);
  });

  it('module-size does not name a Deno `*_test.ts` file as the largest production source', async () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n');
    const run = await runRuleOn(
      moduleSize,
      {
        'deno.json': '{"tasks":{"start":"deno run -A main.ts"}}',
        'main.ts': long(40),
        'utils/db.ts': long(300),
        'e2e_test.ts': long(900),
        'utils/db_test.ts': long(700),
      },
      { profile: 'service' },
    );
    expect(run.message).toContain('utils/db.ts (300 lines)');
    expect(run.message).not.toContain('_test.ts');
  });

  it('formatting counts an OpenTofu `tofu_fmt` pre-commit hook; without it the formatter is only implied', async () => {
    const tf: Tree = {
      'main.tf': 'terraform {\n  required_version = ">= 1.5"\n}\n',
      'variables.tf': 'variable "name" {\n  type = string\n}\n',
    };
    const hook =
      'repos:\n  - repo: https://github.com/tofuutils/pre-commit-opentofu\n    rev: v2.4.2\n    hooks:\n      - id: tofu_fmt\n';
    const run = await runRuleOn(formatting, { ...tf, '.pre-commit-config.yaml': hook }, { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('run as commit hooks');
    expect(run.evidence[0]).toMatchObject({ path: '.pre-commit-config.yaml', line: 5 });
    const bare = await runRuleOn(formatting, tf, { profile: 'infrastructure' });
    expect(bare.evidence.some((e) => /no formatter check found/.test(e.note ?? ''))).toBe(true);
  });
});
