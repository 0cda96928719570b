/**
 * The GitHub Action: action.yml's wiring, and scripts/action.mjs run as the runner would run it,
 * with fake GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and RUNNER_TEMP.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, fixture, ROOT } from './helpers/cli.js';

const SCRIPT = join(ROOT, 'scripts', 'action.mjs');

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string[];
}

async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-action-'));
  const summaryFile = join(dir, 'step-summary.md');
  const outputFile = join(dir, 'github-output');
  const runnerTemp = join(dir, 'runner-temp');
  writeFileSync(summaryFile, '## an earlier step\n');
  writeFileSync(outputFile, '');
  mkdirSync(runnerTemp);
  const env: Record<string, string> = {
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: runnerTemp,
    CI: 'true',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  const r = await execa('node', [SCRIPT], { cwd: ROOT, env, reject: false, timeout: 120_000 });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    code: r.exitCode ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs,
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp: readdirSync(runnerTemp),
  };
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const script = readFileSync(SCRIPT, 'utf8');

  it('is a composite action with the documented inputs and score/grade outputs', () => {
    expect(action.runs.using).toBe('composite');
    for (const name of ['path', 'min-score', 'fail-on', 'baseline', 'config', 'sarif-file', 'summary'])
      expect(Object.keys(action.inputs)).toContain(name);
    expect(action.outputs.score.value).toBe('${{ steps.audit.outputs.score }}');
    expect(action.outputs.grade.value).toBe('${{ steps.audit.outputs.grade }}');
  });

  it('installs and runs from its own checkout, passing every input to the script', () => {
    const [install, audit] = action.runs.steps;
    expect(install['working-directory']).toBe('${{ github.action_path }}');
    // Installs, then builds dist/ (the package has no install-time build script).
    expect(install.run).toMatch(/^npm ci\b.*&& npm run build\b/);
    expect(audit.id).toBe('audit');
    expect(audit.run).toBe('node "$READINESS_ACTION_PATH/scripts/action.mjs"');
    expect(audit.env.READINESS_ACTION_PATH).toBe('${{ github.action_path }}');
    for (const name of Object.keys(action.inputs)) {
      const variable = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      expect(audit.env[variable]).toBe(`\${{ inputs.${name} }}`);
      expect(script).toContain(`input('${name}')`);
    }
  });
});

describe('scripts/action.mjs', () => {
  it('sets score and grade, appends the Markdown summary, writes SARIF and cleans up', async () => {
    const sarif = join(mkdtempSync(join(tmpdir(), 'readiness-action-sarif-')), 'readiness.sarif');
    const r = await runAction({ path: fixture('ci-baseline-before'), 'sarif-file': sarif, 'fail-on': 'critical' });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse((await cli(['audit', fixture('ci-baseline-before'), '--format', 'json'])).stdout);
    expect(r.outputs).toEqual({ score: String(report.summary.score), grade: report.summary.grade });
    expect(r.summary.startsWith('## an earlier step\n### ❌ Production readiness of ci-baseline-before:')).toBe(true);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).runs[0].tool.driver.name).toBe('readiness');
    expect(r.stdout).toContain(`readiness: score ${report.summary.score} (${report.summary.grade})`);
    expect(r.runnerTemp).toEqual([]);
  });

  it('a failed gate exits 1 with an error annotation naming it, and still sets the outputs', async () => {
    const r = await runAction({ path: fixture('ci-baseline-after'), 'min-score': '90' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=readiness gate failed::overall score \d+ is below the minimum of 90$/m);
    expect(r.outputs.grade).toMatch(/^[A-F]$/);
  });

  it('with a baseline, a regression fails the job and is named', async () => {
    const base = join(mkdtempSync(join(tmpdir(), 'readiness-action-base-')), 'baseline.json');
    await cli(['audit', fixture('ci-baseline-before'), '--write-baseline', base, '--quiet']);
    const r = await runAction({ path: fixture('ci-baseline-after'), baseline: base });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('operations/ci-pipeline passed and now fails');
    const off = await runAction({ path: fixture('ci-baseline-after'), baseline: base, 'fail-on-regression': 'false' });
    expect(off.code).toBe(0);
  });

  it('summary: false leaves the job summary alone; a config input is used', async () => {
    const r = await runAction({
      path: fixture('ci-baseline-before'),
      summary: 'false',
      config: join(ROOT, 'fixtures', 'ci-configs', 'suppress-expired.yml'),
    });
    expect(r.summary).toBe('## an earlier step\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('the suppression of operations/infrastructure-as-code expired on 2020-01-31');
  });

  it('a bad input exits 2 with one error annotation and no outputs', async () => {
    const r = await runAction({ path: fixture('ci-baseline-before'), 'fail-on': 'urgent' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error title=readiness::readiness: --fail-on urgent: expected one of/m);
    expect(r.outputs).toEqual({});
    expect(r.summary).toBe('## an earlier step\n');
    expect(r.runnerTemp).toEqual([]);
    expect(existsSync(join(ROOT, 'report.json'))).toBe(false);
  });
});
