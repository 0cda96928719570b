/**
 * Blind round 39: a Deno app runs its checks through deno.json tasks (`deno task ok` in CI →
 * `deno fmt --check && deno lint && deno check … && deno task test`); none were followed, and
 * its TypeScript, which Deno type-checks strictly by default, was called "not strict".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { githubWorkflow } from '../src/testing/workflows.js';
import typeSafety from './architecture/type-safety.js';
import continuousDeployment from './operations/continuous-deployment.js';
import formatting from './quality/formatting.js';
import linting from './quality/linting.js';
import testsInCi from './quality/tests-in-ci.js';

const ci = githubWorkflow(['deno task ok'], ['denoland/setup-deno@v2']);
const denoJsonc = [
  '{',
  '  // tasks run by CI',
  '  "tasks": {',
  '    "test": "deno test -A",',
  '    "check:types": "deno check main.ts",',
  '    "ok": { "command": "deno fmt --check && deno lint", "dependencies": ["check:types", "test"] },',
  '  },',
  '  "imports": { "@std/assert": "jsr:@std/assert@^1" },',
  '}',
  '',
].join('\n');
const app = {
  '.github/workflows/ci.yml': ci,
  'deno.jsonc': denoJsonc,
  'main.ts': 'Deno.serve((_req: Request) => new Response("ok"));\n',
  'main_test.ts': 'Deno.test("serves", () => {});\n',
};

describe('the Deno toolchain through deno.json tasks (round 39)', () => {
  it('CI running `deno task ok` runs the formatter check, linter, type checker and tests it names', async () => {
    expect((await runRuleOn(testsInCi, app)).outcome).toBe('pass');
    expect((await runRuleOn(linting, app)).outcome).toBe('pass');
    const fmt = await runRuleOn(formatting, app);
    expect(fmt.outcome).toBe('pass');
    expect(fmt.message).toContain('deno fmt');
    // A task CI never runs runs nothing.
    const other = { ...app, '.github/workflows/ci.yml': ci.replace('deno task ok', 'deno task missing') };
    expect((await runRuleOn(testsInCi, other)).outcome).toBe('fail');
    expect((await runRuleOn(linting, other)).outcome).not.toBe('pass');
  });

  it('TypeScript under a deno.json is strict by default, and lax when compilerOptions turns strict off', async () => {
    const strict = await runRuleOn(typeSafety, app);
    expect(strict.outcome).toBe('pass');
    const lax = await runRuleOn(typeSafety, {
      ...app,
      'deno.jsonc': denoJsonc.replace('"imports"', '"compilerOptions": { "strict": false },\n  "imports"'),
    });
    expect(lax.outcome).not.toBe('pass');
  });
});

describe('Deno Deploy (round 39)', () => {
  const deploy = (step: string) => ({
    ...app,
    Dockerfile: 'FROM denoland/deno:2.1.4\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nCMD ["run", "-A", "main.ts"]\n',
    '.github/workflows/deploy.yml': [
      'name: Deploy',
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      step,
      '',
    ].join('\n'),
  });
  it('a job uploading with denoland/deployctl deploys on push; one that only builds does not', async () => {
    const on = await runRuleOn(
      continuousDeployment,
      deploy(
        '      - uses: denoland/deployctl@v1\n        with:\n          project: app\n          entrypoint: main.ts',
      ),
    );
    expect(on.outcome).toBe('pass');
    const off = await runRuleOn(continuousDeployment, deploy('      - run: deno task build'), {
      profile: 'service',
    });
    expect(off.outcome).not.toBe('pass');
  });
});
