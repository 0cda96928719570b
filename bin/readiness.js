#!/usr/bin/env node
// Thin launcher: the program lives in dist/ (in the package; in a checkout, `npm run build` makes it).
// It hands the command line the built-in rule catalogue, loaded only by the commands that need it.
let cli;
try {
  cli = await import('../dist/src/cli/index.js');
} catch (err) {
  if (
    err?.code !== 'ERR_MODULE_NOT_FOUND' ||
    !/Cannot find module '[^']*dist[/\\]src[/\\]cli[/\\]index\.js'/.test(err.message)
  )
    throw err;
  process.stderr.write('readiness: dist/ is not built; run `npm run build` in this checkout first\n');
  process.exit(2);
}

const code = await cli.main(
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
