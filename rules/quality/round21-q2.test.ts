import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testTypes from './test-types.js';
import testsPresent from './tests-present.js';

const avaFile = (n: number) =>
  `import test from 'ava';\nimport {get} from '../source/index.js';\n\n${Array.from({ length: n }, (_, i) => `test('status ${i}', async t => {\n\tt.is(await get(${i}), 200);\n});\n`).join('\n')}`;

/** An HTTP client library tested with AVA in TypeScript (`ava.extensions` in package.json). */
const client = {
  'package.json': JSON.stringify({
    name: 'fetchy',
    type: 'module',
    scripts: { test: 'xo && npm run build && ava' },
    devDependencies: { ava: '^6.4.1', typescript: '^5.9.3', tsx: '^4' },
    ava: { extensions: { ts: 'module' }, nodeArguments: ['--import=tsx/esm'] },
  }),
  'source/index.ts': 'export const get = async (n: number) => 200 + n * 0;\n',
  'source/retry.ts': 'export const retry = (n: number) => n;\n',
  'test/main.ts': avaFile(3),
  'test/retry.ts': avaFile(2),
  'test/helpers/create-server.ts': 'export const createServer = () => ({});\n',
};

describe('AVA tests (round 21)', () => {
  it('tests-present counts AVA tests in test/*.ts configured by the package.json `ava` key', async () => {
    const run = await runRuleOn(testsPresent, client);
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/^5 test cases in 2 test files/);
    expect(run.evidence[0]).toMatchObject({ path: 'test/main.ts', line: 4 });
    expect(run.evidence[0]!.note).toMatch(/\(ava\)/);
  });

  it('test-types sees them as unit tests', async () => {
    const run = await runRuleOn(testTypes, client);
    expect((run.data as { types: string[] }).types).toContain('unit');
    expect(run.evidence.find((e) => e.path === 'test/main.ts')).toMatchObject({ line: 4 });
  });
});
