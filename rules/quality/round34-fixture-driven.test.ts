import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './tests-present.js';

/** A validator whose suite defines one test per fixture module of test/cases/<kind>/. */
const suite = (loop: string, extra: Record<string, string> = {}) => ({
  'package.json': '{"name":"checker","devDependencies":{"vitest":"^1.0.0"},"scripts":{"test":"vitest"}}',
  'src/index.ts': 'export const check = (v: unknown) => v !== undefined;\n',
  'test/api.test.ts': "import { it, expect } from 'vitest';\nit('checks', () => { expect(1).toBe(1); });\n",
  'test/index.test.ts': [
    "import fs from 'fs';",
    "import { resolve } from 'path';",
    "import { describe, it, expect } from 'vitest';",
    loop,
  ].join('\n'),
  'test/cases/number/valid.ts': 'export const data = 1;\n',
  'test/cases/number/invalid.ts': 'export const data = "x";\n',
  'test/cases/string/valid.ts': 'export const data = "a";\n',
  'test/cases/string/empty.ts': 'export const data = "";\n',
  'test/cases/string/invalid.ts': 'export const data = 2;\n',
  ...extra,
});

const NESTED = `describe('cases', () => {
  const kindsDir = resolve(__dirname, 'cases');
  const kinds = fs.readdirSync(kindsDir);
  for (const kind of kinds) {
    describe(kind, async () => {
      const tests = fs.readdirSync(resolve(kindsDir, kind));
      for (const name of tests) {
        const module = await import(resolve(kindsDir, kind, name));
        const run = module.only ? it.only : module.skip ? it.skip : it;
        run(name, () => { expect(module.data).toBeDefined(); });
      }
    });
  }
});
`;

describe('tests-present: tests defined per fixture of a listed folder (round 34, superstruct)', () => {
  it('a loop over readdirSync of a folder of folders, through an it/it.only alias: one test per fixture file', async () => {
    const run = await runRuleOn(rule, suite(NESTED));
    expect(run.data).toMatchObject({ testCases: 2, expandedCases: 6 });
  });
  it('readdirSync(...).forEach over a flat folder counts its entries; a loop over a runtime list counts once', async () => {
    const flat = await runRuleOn(
      rule,
      suite(
        "fs.readdirSync(resolve(__dirname, 'cases/string')).forEach((f) => {\n  it(f, () => { expect(f).toBeTruthy(); });\n});\n",
      ),
    );
    expect(flat.data).toMatchObject({ expandedCases: 4 });
    const runtime = await runRuleOn(
      rule,
      suite('for (const f of process.argv) {\n  it(f, () => { expect(f).toBeTruthy(); });\n}\n'),
    );
    expect(runtime.data).toMatchObject({ expandedCases: 2 });
  });
  it('a name bound to something else than it/test is no test', async () => {
    const run = await runRuleOn(
      rule,
      suite("const run = process.env.CI ? console.log : console.info;\nrun('not a test', () => {});\n"),
    );
    expect(run.data).toMatchObject({ testCases: 1 });
  });
  it('a hostile listing (an unclosed join with a long run of blanks) is read in one pass; a folder above the repository is none', async () => {
    const hostile = await runRuleOn(
      rule,
      suite(
        `const junk = join(__dirname, 'x'${' '.repeat(60_000)}\nfs.readdirSync(resolve(__dirname, 'cases/string')).forEach((f) => {\n  it(f, () => { expect(f).toBeTruthy(); });\n});\n`,
      ),
    );
    expect(hostile.data).toMatchObject({ expandedCases: 4 });
    const outside = await runRuleOn(
      rule,
      suite(
        "fs.readdirSync(resolve(__dirname, '../../cases/string')).forEach((f) => {\n  it(f, () => { expect(f).toBeTruthy(); });\n});\n",
      ),
    );
    expect(outside.data).toMatchObject({ expandedCases: 2 });
  });
  it('thousands of declarations padded with blanks beside the alias are read in one pass each', async () => {
    const pad = `const pad = ${' '.repeat(150)}f();\n`.repeat(3000);
    const run = await runRuleOn(rule, suite(pad + NESTED));
    expect(run.data).toMatchObject({ testCases: 2, expandedCases: 6 });
  });
});
