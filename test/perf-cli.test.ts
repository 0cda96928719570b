import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/index.js';
import { fixture } from './helpers/cli.js';
import { builtins } from './helpers/builtins.js';

async function run(argv: string[], io: Partial<Io> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      isTTY: false,
      env: { CI: 'true' },
      ...io,
    },
    builtins,
  );
  return { code, stdout, stderr };
}

describe('audit --timings', () => {
  it('prints the time per phase and the ten slowest rules to stderr, leaving stdout to the report', async () => {
    const r = await run(['audit', fixture('ci-baseline-before'), '--format', 'json', '--timings']);
    const lines = r.stderr.split('\n');
    // A rule may read a file again after the scan released it (graceful-shutdown reads a SIGTERM
    // handler's body); the line says so rather than hiding it.
    expect(lines[0]).toMatch(/^readiness: timings \(6 files listed, \d+ read(?:, \d+ read a second time)?\)$/);
    for (const phase of ['list', 'facts', 'scan', 'rules', 'report', 'render', 'total'])
      expect(r.stderr).toMatch(new RegExp(`^  ${phase} +\\d+ ms$`, 'm'));
    const slow = lines.slice(lines.indexOf('  slowest rules:') + 1).filter(Boolean);
    expect(slow).toHaveLength(10);
    for (const l of slow) expect(l).toMatch(/^ +\d+ ms {2}[a-z]+\/[a-z0-9-]+$/);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('prints nothing extra without the flag', async () => {
    const r = await run(['audit', fixture('ci-baseline-before'), '--format', 'json']);
    expect(r.stderr).not.toContain('timings');
  });

  it('progress on a terminal names the phase, and waits before it appears', async () => {
    const shown = await run(['audit', fixture('ci-baseline-before')], { isTTY: true, env: {}, progressDelayMs: 0 });
    expect(shown.stderr).toContain('readiness: facts (6 files)');
    const quick = await run(['audit', fixture('ci-baseline-before')], {
      isTTY: true,
      env: {},
      progressDelayMs: 60_000,
    });
    expect(quick.stderr).toBe('');
  });
});
