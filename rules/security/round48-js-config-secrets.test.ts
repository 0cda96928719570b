/**
 * Blind round 48, class "a secret-named key of a JS/TS configuration module" (issue 15): a module
 * under config/ (or named for configuration) that exports an object whose secret-named key holds a
 * generated-looking literal (`module.exports = { SECRET:\n '…' }`, read by jwt.sign/verify) is a
 * committed secret: nothing overrides it, every deployment signs with it. The value may sit on the
 * line after its key (a formatter wraps long literals). Tests, examples, stand-ins, values read from
 * the environment and keys not named for secrets are not counted.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import noCommittedSecrets from './no-committed-secrets.js';
import { redactSecrets } from '../../src/util/redact.js';

// A generated-looking hex key, assembled so no scanner flags this file.
const HEX = ['9f3a1c7e5b2d4f60', '8a1b3c5d7e9f0a2b', '4c6d8e0f1a3b5c7d', '9e0f2a4b6c8d0e1f'].join('');

const run = (tree: Tree) => runRuleOn(noCommittedSecrets, tree, { profile: 'service' });
const PKG = { 'backend/package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0' } }) };

describe('round 48: a secret-named key of a JS/TS configuration module', () => {
  it('fails on a hex signing secret wrapped onto the line after its key (CommonJS)', async () => {
    const r = await run({
      ...PKG,
      'backend/config/auth.config.js': [
        '/*eslint-disable */', // 1
        'module.exports = {', // 2
        '  SECRET:', // 3
        `    '${HEX}',`, // 4
        '  CUSTOM_REQUEST_HEADER: process.env.CUSTOM_REQUEST_HEADER,', // 5
        '  TOKEN_EXPIRATION_SEC: 900,', // 6
        '};', // 7
      ].join('\n'),
    });
    expect(r.outcome).toBe('fail');
    const e = r.evidence.find((x) => x.path === 'backend/config/auth.config.js');
    expect(e?.line).toBe(3);
    expect(e?.endLine).toBe(4);
    expect(e?.note).toMatch(/secret-named key of a JS\/TS configuration module/);
    expect(JSON.stringify(r)).not.toContain(HEX.slice(4, 20));
  });

  it('fails on an ES module config object with the value on the key line (TypeScript)', async () => {
    const r = await run({
      ...PKG,
      'src/config/index.ts': `export default {\n  port: 3000,\n  jwtSecret: "${HEX.slice(0, 48)}",\n};\n`,
    });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.find((x) => x.path === 'src/config/index.ts')?.line).toBe(3);
  });

  it('fails on a module named for configuration outside config/', async () => {
    const r = await run({
      ...PKG,
      'server/app.config.js': `module.exports = { clientSecret: 'Xk29fLq83Zb1Wm7Rt0Yp' };\n`,
    });
    expect(r.outcome).toBe('fail');
  });

  it('does not count a stand-in, an environment read or a non-secret key', async () => {
    const r = await run({
      ...PKG,
      'backend/config/auth.config.js': [
        'module.exports = {',
        "  SECRET: 'change-me-to-a-long-random-string',",
        '  API_KEY: process.env.API_KEY,',
        `  sessionName: 'sid_${HEX.slice(0, 12)}',`,
        "  passwordMinLength: '12',",
        '};',
      ].join('\n'),
    });
    expect(r.outcome).toBe('pass');
  });

  it('notes a key of a test configuration module, not counted', async () => {
    const r = await run({ ...PKG, 'backend/test/config/auth.config.js': `module.exports = { SECRET: '${HEX}' };\n` });
    expect(r.outcome).toBe('partial');
    expect(r.evidence.find((x) => x.path === 'backend/test/config/auth.config.js')?.note).toMatch(
      /in a test, example or development-only place/,
    );
  });

  it('sets aside a key of a development block that points at localhost', async () => {
    const r = await run({
      ...PKG,
      'config/database.js': [
        'module.exports = {',
        '  development: {',
        "    host: '127.0.0.1',",
        `    password: 'Dev${HEX.slice(0, 14)}',`,
        '  },',
        '};',
      ].join('\n'),
    });
    expect(r.outcome).not.toBe('fail');
    expect(r.evidence.find((x) => x.path === 'config/database.js')?.note).toMatch(
      /development placeholder: its block points at a service on localhost/,
    );
  });

  it('does not read the same key in a module that is not configuration', async () => {
    const r = await run({ ...PKG, 'src/routes/users.js': `const opts = { secret: '${HEX}' };\n` });
    // Not a configuration module: this kind stays silent (other kinds judge code).
    expect(r.outcome).toBe('pass');
  });

  it('masks such a value wherever a report quotes it', () => {
    expect(redactSecrets(`see { jwtSecret: '${HEX}' } here`)).not.toContain(HEX.slice(4, 20));
  });
});
