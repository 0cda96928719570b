/**
 * Runs the command-line program as a user would. `cli()` calls `main(argv, io, builtins)` in the
 * test's own process — the same program the launcher starts, without a Node start-up per call —
 * unless the test needs a process of its own (a working directory, a signal, a hang to survive);
 * `spawnCli()` runs the BUILT launcher, bin/readiness.js (npm test builds dist/ first).
 */
import { join } from 'node:path';
import { execa } from 'execa';
import { main } from '../../src/cli/index.js';
import { builtins } from './builtins.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'readiness.js');
export const fixture = (name: string) => join(ROOT, 'fixtures', name);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** A working directory of its own: the call runs in a child process. */
  cwd?: string;
  env?: Record<string, string>;
  /** stdout is a terminal of this many columns (in-process only). */
  columns?: number;
  /** Run the built launcher in a child process even without a cwd. */
  spawn?: boolean;
}

/**
 * Lets the event loop turn once. An in-process audit of a small tree completes with no turn of the
 * loop, and vitest runs a file's tests back to back the same way, so dozens of them form one
 * synchronous stretch; past 60 s on a busy machine the worker reads its runner's RPC replies too
 * late and the run fails with "Timeout calling onTaskUpdate" though every test passed. A turn
 * before each in-process run bounds the stretch to one run.
 */
export const turnEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  if (options.cwd || options.spawn) return spawnCli(args, options);
  await turnEventLoop();
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
      isTTY: false,
      // As a child process would see it: the test's environment, NO_COLOR unless the test says otherwise.
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '', ...options.env },
      ...(options.columns ? { columns: options.columns } : {}),
    },
    builtins,
  );
  // execa strips one final newline; so does this, so that both kinds of run compare alike.
  return { code, stdout: stdout.replace(/\n$/, ''), stderr: stderr.replace(/\n$/, '') };
}

export async function spawnCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const r = await execa('node', [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    reject: false,
    // No colour, and the default width unless the test sets one: the runner's terminal must not leak in.
    env: { NO_COLOR: '1', COLUMNS: '', ...options.env },
    extendEnv: true,
    // A bound for a hang, not a speed test: a busy 2-core machine running the suite beside other audits
    // took over 60 s for the largest hostile tree (19 s alone).
    timeout: 180_000,
  });
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}
