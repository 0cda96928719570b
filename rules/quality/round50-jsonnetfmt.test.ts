import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../src/testing/memory.js';
import type { ToolKind } from '../../src/types.js';
import { commandGraph } from '../../src/facts/commands/index.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './formatting.js';

// Blind round 50: a Jsonnet repository formats every .jsonnet/.libsonnet with jsonnetfmt through
// `make fmt` and checks the result in CI with `git diff --exit-code`; formatting said "partial: no
// formatter for the other 0 source files". jsonnetfmt (and Tanka's `tk fmt`) are formatters, and
// jsonnet-lint a linter.
function kinds(line: string): ToolKind[] {
  const g = commandGraph(memoryIndex({ '.gitlab-ci.yml': `t:\n  script:\n    - ${JSON.stringify(line)}\n` }));
  return [...new Set(g.runs.flatMap((r) => r.tools.flatMap((t) => t.kinds)))].sort();
}

describe('Jsonnet tools', () => {
  it('jsonnetfmt and tk fmt format, jsonnet-lint lints; jsonnet itself only evaluates', () => {
    expect(kinds('jsonnetfmt --test main.jsonnet')).toEqual(['format']);
    expect(kinds('tk fmt --test .')).toEqual(['format']);
    expect(kinds('jsonnet-lint -J vendor main.jsonnet')).toEqual(['lint']);
    expect(kinds('jsonnet -J vendor main.jsonnet')).toEqual([]);
  });
});

const makefile = [
  'JSONNETFMT_BIN=$(BIN_DIR)/jsonnetfmt',
  '.PHONY: fmt',
  'fmt: $(JSONNETFMT_BIN)',
  "\tfind . -name 'vendor' -prune -o -name '*.libsonnet' -print -o -name '*.jsonnet' -print | \\",
  '\t\txargs -n 1 -- $(JSONNETFMT_BIN) -n 2 -i',
  '',
].join('\n');
const workflow = (run: string) =>
  [
    'on: push',
    'jobs:',
    '  fmt:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - run: ${run}`,
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'jsonnetfmt run by make in CI, with a diff check after it, is a checked formatter',
      profile: 'infrastructure',
      tree: {
        Makefile: makefile,
        '.github/workflows/ci.yaml': workflow('make --always-make fmt && git diff --exit-code'),
        'jsonnet/stack/main.libsonnet': '{ a: 1 }\n',
        'scripts/gen.sh': '#!/bin/sh\njsonnet -J vendor example.jsonnet\n',
      },
      expect: { outcome: 'pass', message: 'jsonnetfmt' },
    },
  ],
  invalid: [
    {
      name: 'Jsonnet with no formatter run anywhere is not formatted',
      profile: 'infrastructure',
      tree: {
        Makefile: 'build:\n\tjsonnet -J vendor example.jsonnet\n',
        '.github/workflows/ci.yaml': workflow('make build'),
        'jsonnet/stack/main.libsonnet': '{ a: 1 }\n',
        'scripts/gen.sh': '#!/bin/sh\njsonnet -J vendor example.jsonnet\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});
