#!/usr/bin/env node
// Thin launcher: the program lives in dist/. The package ships it built; in a fresh checkout it is
// built here on first use (nothing runs at install time), so `npm ci && npx readiness audit .` works.
// It hands the command line the built-in rule catalogue, loaded only by the commands that need it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const here = new URL('..', import.meta.url);
const load = () => import('../dist/src/cli/index.js');
let cli;
try {
  cli = await load();
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !/dist[/\\]src[/\\]cli[/\\]index\.js/.test(err.message)) throw err;
  const tsc = new URL('node_modules/typescript/bin/tsc', here);
  const config = new URL('tsconfig.build.json', here);
  if (!existsSync(tsc) || !existsSync(config)) {
    process.stderr.write('readiness: dist/ is not built; run `npm run build` in this checkout first\n');
    process.exit(2);
  }
  process.stderr.write('readiness: building dist/ once for this checkout…\n');
  const built = spawnSync(process.execPath, [tsc.pathname, '-p', config.pathname], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(2);
  cli = await load();
}

// processIo: a reader that closes the pipe (`| head`) ends our output quietly, not with a stack trace.
const code = await cli.main(
  process.argv.slice(2),
  cli.processIo(),
  async () => (await import('../dist/rules/index.js')).PILLARS,
);
process.exitCode = code;
