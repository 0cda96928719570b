/**
 * Blind round 29, class 2: GNU make canned recipes. CI ran `make test`, whose recipe is
 * `$(call test_frontend)` ⏎ `$(call test_core)`; the `define … endef` bodies run `yarn test` and
 * `cargo test`. The macros were not expanded, so tests-in-ci failed, ci-pipeline said no job runs a
 * test runner, and Jest's collectCoverage was "not seen in CI".
 */
import { describe, expect, it } from 'vitest';
import { commandGraph } from '../src/facts/commands/index.js';
import { makeRecipe } from '../src/facts/commands/make.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import coverageGate from './quality/coverage-gate.js';
import testsInCi from './quality/tests-in-ci.js';

const MAKEFILE = [
  'BUNDLE = static/cache/bundle', // 1
  '',
  'define test_frontend ## run frontend tests',
  '\tyarn test',
  '#\tcd docs && yarn test', // 5
  'endef',
  '',
  'define test_db',
  '\tcd db/pg &&\\',
  '\t\tDATABASE_URL=${PG_URL}\\', // 10
  '\t\tcargo test --no-fail-fast',
  'endef',
  '',
  'define run_suite',
  '\t$(call $(1))', // 15
  'endef',
  '',
  'test: ## Run all available tests',
  '\t$(call test_frontend)',
  '\t$(call test_db)', // 20
  '\t$(call later)',
  '',
  'lint:',
  '\t$(MAKE) check',
  '', // 25
  'check:',
  '\techo checked',
  '',
  'define later',
  '\tcargo test --workspace', // 30
  'endef',
  '',
].join('\n');

const repo = (makefile: string): Tree => ({
  Makefile: makefile,
  'Cargo.toml': '[package]\nname = "svc"\n',
  'src/lib.rs': '#[test]\nfn ok() {}\n',
  'package.json': '{"scripts":{"test":"jest"},"devDependencies":{"jest":"30"}}',
  'jest.config.ts': 'export default {\n  collectCoverage: true,\n};\n',
  'templates/a.test.ts': "it('works', () => {});\n",
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  build_and_test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: make test',
    '      - run: make lint',
  ].join('\n'),
});

describe('make define/$(call) macros in the command graph', () => {
  it('a recipe that calls a define runs its body, cited where the body is written; a define may follow its use', () => {
    const g = commandGraph(memoryIndex(repo(MAKEFILE)));
    const hops = g.runs.map(
      (r) => `${r.argv.slice(0, 2).join(' ')} @ ${r.chain.find((h) => h.path === 'Makefile')?.line}`,
    );
    // `yarn test` is followed into the package script (Jest); a continued line is cited at its first line.
    expect(hops).toContain('jest @ 4');
    expect(hops).toContain('cargo test @ 9');
    expect(hops).toContain('cargo test @ 30');
    // `$(MAKE) check` alone on a line is make itself, not a macro.
    expect(g.runs.some((r) => r.argv[0] === 'echo' && r.argv[1] === 'checked')).toBe(true);
  });

  it('tests-in-ci passes through the macros, and coverage collected by Jest is measured in CI', async () => {
    const t = await runRuleOn(testsInCi, repo(MAKEFILE), { profile: 'service' });
    expect(t.outcome).toBe('pass');
    const c = await runRuleOn(coverageGate, repo(MAKEFILE), { profile: 'service' });
    expect(c.message).toMatch(/measured in CI \(Jest collectCoverage\)/);
    // A target whose macros are never defined runs nothing: no test command in CI.
    const undefinedMacros = MAKEFILE.split('\n')
      .map((l) => (/^define |^\t(?!\$\(call)|^endef/.test(l) && !/^\t\$\(MAKE\)|^\techo/.test(l) ? '' : l))
      .join('\n');
    expect((await runRuleOn(testsInCi, repo(undefinedMacros), { profile: 'service' })).outcome).toBe('fail');
  });

  it('macros that call each other are expanded within bounds', () => {
    const lines = ['test:', ...Array.from({ length: 50 }, () => '\t$(call a)')];
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      lines.push(
        `define ${name}`,
        ...Array.from({ length: 300 }, () => `\t$(call ${String.fromCharCode(name.charCodeAt(0) + 1)})`),
        'endef',
      );
    lines.push('define f', '\tcargo test', 'endef');
    const g = commandGraph(memoryIndex({ ...repo(lines.join('\n')) }));
    expect(g.runs.length).toBeLessThan(5000);
  });

  it('only the targets read are expanded, from one budget for the whole Makefile', () => {
    const lines = ['define body', ...Array.from({ length: 400 }, (_, i) => `\tcargo test case_${i}`), 'endef'];
    for (let t = 0; t < 3000; t++) lines.push(`t${t}:`, ...Array.from({ length: 10 }, () => '\t$(call body)'));
    const files = memoryIndex({ Makefile: lines.join('\n') });
    // The target read first gets its macros: ten calls, each at most 200 lines.
    const first = makeRecipe(files, 'Makefile', 't0');
    expect(first.length).toBeGreaterThan(1900);
    expect(first[0]).toBe('cargo test case_0');
    // Every target read in turn: 3,000 targets of 2,000 lines each are not all materialised.
    let total = 0;
    for (let t = 0; t < 3000; t++) total += makeRecipe(files, 'Makefile', `t${t}`).length;
    expect(total).toBeLessThanOrEqual(10_000);
  });
});
