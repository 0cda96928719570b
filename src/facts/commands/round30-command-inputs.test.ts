import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function tests(tree: Tree): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, 'test', 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes('test'))?.name));
}

const caller = (input: string) => ({
  '.github/workflows/pipeline.yml': [
    'on: push',
    'jobs:',
    '  verify:',
    '    uses: acme/shared-actions/.github/workflows/gradle_verify.yml@v2',
    '    secrets: inherit',
    '    with:',
    `      ${input}`,
    '      java-version: "21"',
    '',
  ].join('\n'),
  'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0" }\n',
  gradlew: '#!/bin/sh\nexec java -jar gradle/wrapper/gradle-wrapper.jar "$@"\n',
});

describe('a command handed to a reusable workflow through an input (blind round 30)', () => {
  it('is a CI command even when an expression fills a variable or an argument', () => {
    expect(
      tests(
        caller(`gradle-command: 'BUILD_NUMBER=\${{ needs.app_version.outputs.version }} ./gradlew assemble check'`),
      ),
    ).toHaveLength(1);
    expect(tests(caller(`test-command: './gradlew test --tests \${{ matrix.suite }}'`))).toHaveLength(1);
  });

  it('is not one when the caller only names an expression, a switch, or a non-command input', () => {
    expect(tests(caller(`gradle-command: '\${{ inputs.command }}'`))).toEqual([]);
    expect(tests(caller(`gradle-command: 'VERSION=1 \${{ inputs.command }} check'`))).toEqual([]);
    expect(tests(caller('run-checks: true'))).toEqual([]);
    expect(tests(caller('gradle-version: ./gradlew test'))).toEqual([]);
  });
});
