import { describe, expect, it } from 'vitest';
import { countBats } from './bats.js';
import { testInventory } from './inventory.js';
import { memoryIndex } from '../../testing/memory.js';

const FILE = [
  '#!/usr/bin/env bats',
  'setup() {',
  '  load "test_helper/bats-support/load"',
  '}',
  '',
  '@test "installs the chart" {',
  '  run helm install demo ./chart',
  '  [ "$status" -eq 0 ]',
  '}',
  '',
  "@test 'answers on the API port' {",
  '  [[ -z "$CLUSTER" ]] && skip "no cluster"',
  '  run curl -s localhost:6333',
  '}',
  '',
  '@test "not ready upstream" {',
  '  skip "waits for a fix"',
  '}',
  '# @test "commented out" {',
  'helper() { echo "@test \\"in a string\\""; }',
  '',
].join('\n');

describe('Bats', () => {
  it('counts @test blocks; an unconditional skip is skipped, comments and helpers are no tests', () => {
    expect(countBats(FILE)).toMatchObject({ cases: 3, skipped: 1, framework: 'Bats', firstLine: 6 });
  });

  it('counts *.bats files as test cases beside other suites; vendored Bats libraries are not the project’s tests', () => {
    const inv = testInventory(
      memoryIndex({
        'test/integration/install.bats': FILE,
        'test/integration/setup_suite.bash': 'setup_suite() {\n  kind create cluster\n}\n',
        'test/test_helper/bats-assert/test/assert.bats': '@test "assert works" {\n  true\n}\n',
        'vendor/bats-core/test/bats.bats': '@test "bats works" {\n  true\n}\n',
        'test/render_test.go': 'package test\n\nimport "testing"\n\nfunc TestRender(t *testing.T) {}\n',
      }),
    );
    expect(inv.files.map((f) => [f.path, f.language, f.framework, f.cases])).toEqual([
      ['test/integration/install.bats', 'Shell', 'Bats', 3],
      ['test/render_test.go', 'Go', 'go test', 1],
    ]);
  });

  it('a repository without .bats files counts no Bats tests', () => {
    const inv = testInventory(memoryIndex({ 'test/run.sh': '@test "not bats" {\n  true\n}\n' }));
    expect(inv.files).toEqual([]);
  });

  it('a hostile file of long blank runs after @test is read in one pass', () => {
    const blanks = ' '.repeat(200_000);
    const r = countBats(`@test${blanks}\n@test${blanks}"a" {${blanks}\n  skip\n}\n`);
    expect(r).toMatchObject({ cases: 1, skipped: 0 });
  });
});
