#!/usr/bin/env node
/**
 * The logic of the GitHub Action (action.yml), kept here so it can be tested without GitHub:
 * inputs arrive as INPUT_* variables, outputs go to $GITHUB_OUTPUT, the summary is appended to
 * $GITHUB_STEP_SUMMARY. It runs this checkout's own CLI (bin/readiness.js), never one from the
 * audited repository. Exit code: the audit's (0 ok, 1 a gate failed, 2 usage or input error).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Markdown format of the job summary: the short PR/job summary (templates/summary.md.hbs). */
const SUMMARY_FORMAT = 'summary';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'readiness.js');
const env = process.env;
const input = (name) => (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();
const truthy = (v) => !/^(false|no|off|0)$/i.test(v);

function readiness(args) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? 2, stdout: r.stdout, stderr: r.stderr };
}

/** Workflow commands must not be broken by newlines or percent signs in messages. */
const escapeData = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function setOutput(name, value) {
  const file = env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, `${name}=${String(value).replace(/[\r\n]+/g, ' ')}\n`);
  else process.stdout.write(`${name}=${value}\n`);
}

const common = [input('path') || '.'];
if (input('config')) common.push('--config', input('config'));
if (input('min-score')) common.push('--min-score', input('min-score'));
if (input('fail-on')) common.push('--fail-on', input('fail-on'));
if (input('baseline')) {
  common.push('--baseline', input('baseline'));
  if (truthy(input('fail-on-regression') || 'true')) common.push('--fail-on-regression');
}

function run(work) {
  const reportFile = join(work, 'report.json');
  const main = readiness(['audit', ...common, '--format', 'json', '--output', reportFile]);
  let code = main.code;
  if (code === 2) {
    process.stderr.write(main.stderr);
    process.stdout.write(
      `::error title=readiness::${escapeData(main.stderr.trim().split('\n')[0] ?? 'readiness failed')}\n`,
    );
    return 2;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const { score, grade } = report.summary;
  setOutput('score', score ?? '');
  setOutput('grade', grade ?? '');
  process.stdout.write(`readiness: ${score === null ? 'not assessed' : `score ${score} (${grade})`}\n`);
  for (const gate of report.gates.checks.filter((c) => !c.passed)) {
    process.stdout.write(`::error title=readiness gate failed::${escapeData(gate.message)}\n`);
  }

  if (truthy(input('summary') || 'true') && env.GITHUB_STEP_SUMMARY) {
    // Rendered from the saved report: one audit per job, however many formats it writes.
    const md = readiness(['render', reportFile, '--format', SUMMARY_FORMAT]);
    if (md.code === 2) process.stderr.write(md.stderr);
    else appendFileSync(env.GITHUB_STEP_SUMMARY, md.stdout.endsWith('\n') ? md.stdout : `${md.stdout}\n`);
  }
  if (input('sarif-file')) {
    const sarif = readiness(['render', reportFile, '--format', 'sarif', '--output', input('sarif-file')]);
    if (sarif.code === 2) {
      process.stderr.write(sarif.stderr);
      code = 2;
    } else {
      process.stdout.write(`readiness: SARIF written to ${input('sarif-file')}\n`);
    }
  }
  return code;
}

const work = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'readiness-'));
let exitCode = 2;
try {
  exitCode = run(work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;
