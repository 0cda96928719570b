#!/usr/bin/env node
// Thin launcher: the program lives in dist/ (built by `npm ci` through the prepare script). It hands
// the command line the built-in rule catalogue, loaded only by the commands that need it.
import { main } from '../dist/src/cli/index.js';

const code = await main(
  process.argv.slice(2),
  {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    columns: process.stdout.columns,
  },
  async () => (await import('../dist/rules/index.js')).PILLARS,
);
process.exitCode = code;
