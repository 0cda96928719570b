import { describe, expect, it } from 'vitest';
import type { ToolKind } from '../../types.js';
import { memoryIndex } from '../../testing/memory.js';
import { commandGraph } from './index.js';
import { classify } from './tools.js';

/** The kinds of tool a one-line CI step runs, as the command graph decides them. */
function kinds(line: string): ToolKind[] {
  const g = commandGraph(memoryIndex({ '.gitlab-ci.yml': `t:\n  script:\n    - ${JSON.stringify(line)}\n` }));
  return [...new Set(g.runs.flatMap((r) => r.tools.flatMap((t) => t.kinds)))].sort();
}

describe('linters, formatters and type checkers of every covered ecosystem (issue 15)', () => {
  it('type checkers: tsgo, svelte-check, astro check, nuxi typecheck, deno check, Flow, Pyrefly, Pyre, Sorbet, Steep', () => {
    for (const line of [
      'npx tsgo --noEmit',
      'svelte-check --tsconfig ./tsconfig.json',
      'npx astro check',
      'npx nuxi typecheck',
      'deno check main.ts',
      'flow check',
      'pyrefly check',
      'pyre check',
      'bundle exec srb tc',
      'bundle exec steep check',
    ])
      expect(kinds(line), line).toContain('typecheck');
    // A checker's other subcommands check nothing.
    for (const line of ['flow stop', 'pyrefly init', 'astro dev', 'srb init', 'steep init'])
      expect(kinds(line), line).not.toContain('typecheck');
  });

  it('linters: next lint, ng lint, dart/flutter analyze, Phan, Reek, ERB Lint, ReSharper InspectCode, Roslynator', () => {
    for (const line of [
      'next lint',
      'npx ng lint',
      'dart analyze --fatal-infos',
      'flutter analyze',
      'vendor/bin/phan',
      'bundle exec reek app',
      'bundle exec erb_lint --lint-all',
      'jb inspectcode Shop.sln -o=report.xml',
      'dotnet roslynator analyze',
    ])
      expect(kinds(line), line).toContain('lint');
    for (const line of ['next build', 'ng serve', 'dart run', 'flutter build apk', 'jb cleanupcode Shop.sln'])
      expect(kinds(line), line).not.toContain('lint');
  });

  it('formatters, and which invocations rewrite rather than check', () => {
    const mode = (line: string) => classify(line.split(' ')).find((t) => t.kinds.includes('format'))?.mode;
    for (const line of [
      'dart format --output=none --set-exit-if-changed .',
      'swift format lint -r Sources',
      'stree check lib/**/*.rb',
      'rufo --check lib',
      'ecs check',
      'pyink --check .',
    ]) {
      expect(kinds(line), line).toContain('format');
      expect(mode(line), line).toBeUndefined();
    }
    for (const line of [
      'dart format .',
      'swift format -i -r Sources',
      'stree write lib/a.rb',
      'rufo lib',
      'ecs check --fix',
    ])
      expect(mode(line), line).toBe('write');
    for (const line of ['ecs deploy --cluster prod', 'dart pub get', 'swift build'])
      expect(kinds(line), line).not.toContain('format');
  });
});

describe('Husky.Net task runner on hostile input', () => {
  it('tasks whose "command" key is escaped are cited once the written ones run out, in one pass', () => {
    const escaped = Array.from({ length: 20_000 }, () => '{"comm\\u0061nd":"dotnet","args":["format"]}');
    const json = `{"tasks":[\n{"command":"dotnet","args":["test"]},\n${escaped.join(',\n')}\n]}`;
    const g = commandGraph(memoryIndex({ '.husky/task-runner.json': json, '.husky/pre-commit': 'dotnet husky run\n' }));
    const lines = g.runs.map(
      (r) => `${r.argv.slice(0, 2).join(' ')} @ ${r.chain.find((h) => h.via === 'Husky.Net task')?.line}`,
    );
    expect(lines).toContain('dotnet test @ 2');
    expect(lines).toContain('dotnet format @ 2');
  });
});
