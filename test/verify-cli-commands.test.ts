/**
 * Items documenting a sub-command of the project's own program ("- `tsk cache warm` - Pre-warm
 * caches") are judged by the commands the source registers: cobra's tree, argparse sub-parsers,
 * commander commands. A sub-command the group does not register is missing; a Go handler that only
 * prints is there but does nothing; a program that is not the project's is left alone.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../src/testing/memory.js';
import { cliCommandFinding, leadText, ledCommand, programNames } from '../src/verify/cli-commands.js';
import type { Claim } from '../src/verify/extract.js';
import type { LookupContext } from '../src/verify/lookup.js';

const cobra = [
  'package cli',
  '',
  'import "github.com/spf13/cobra"',
  '',
  'func (c *CLI) setup() {',
  '\tc.rootCmd = &cobra.Command{',
  '\t\tUse: "tk",',
  '\t}',
  '\tcacheCmd := &cobra.Command{',
  '\t\tUse: "cache",',
  '\t}',
  '\tclearCmd := &cobra.Command{',
  '\t\tUse: "clear",',
  '\t\tRunE: func(cmd *cobra.Command, args []string) error {',
  '\t\t\treturn c.store.Purge()',
  '\t\t},',
  '\t}',
  '\tstatusCmd := &cobra.Command{',
  '\t\tUse: "status",',
  '\t\tRunE: func(cmd *cobra.Command, args []string) error {',
  '\t\t\tname := "all"',
  '\t\t\tif len(args) > 0 {',
  '\t\t\t\tname = args[0]',
  '\t\t\t}',
  '\t\t\treturn c.handleStatus(name)',
  '\t\t},',
  '\t}',
  '\tcacheCmd.AddCommand(clearCmd, statusCmd)',
  '\tsecurityCmd := &cobra.Command{',
  '\t\tUse: "security",',
  '\t}',
  '\tscanCmd := &cobra.Command{',
  '\t\tUse: "scan",',
  '\t}',
  '\tsecurityCmd.AddCommand(scanCmd)',
  '\tpluginCmd := &cobra.Command{',
  '\t\tUse: "plugin",',
  '\t}',
  '\tpluginCmd.AddCommand(newInstallCmd())',
  '\tc.rootCmd.AddCommand(cacheCmd, securityCmd, pluginCmd)',
  '}',
  '',
  'func (c *CLI) handleStatus(name string) error {',
  '\tfmt.Printf("Cache %s: ok\\n", name)',
  '\treturn nil',
  '}',
  '',
].join('\n');

const argparse = [
  'import argparse',
  '',
  'def main():',
  "    parser = argparse.ArgumentParser(prog='dq')",
  '    sub = parser.add_subparsers()',
  "    run = sub.add_parser('run')",
  "    sub.add_parser('lint')",
  "    sub.add_parser('fmt')",
  '',
].join('\n');

const tree = {
  'tools/go.mod': 'module example.com/tk\n',
  'tools/pkg/cli/cli.go': cobra,
  'tools/docs/COMMANDS.md': '# Commands\n',
  'pyproject.toml': '[project]\nname = "dq"\n',
  'dq/cli.py': argparse,
  'COMMANDS.md': '# Commands\n',
  'web/package.json': JSON.stringify({ name: 'wk', bin: { wk: 'bin/wk.js' } }),
  'web/bin/wk.js': [
    "const { Command } = require('commander');",
    'const program = new Command();',
    "program.command('serve').action(serve);",
    "program.command('build').action(build);",
    "program.command('lint').action(lint);",
    "program.addCommand(new Command('deploy').action(deploy));",
    '',
  ].join('\n'),
  'web/README.md': '# wk\n',
};

const ctx = (doc: string) => ({ files: memoryIndex(tree), documentPath: doc }) as unknown as LookupContext;
const claim = (line: string) => ({ asserted: 'done', raw: line }) as unknown as Claim;
const judge = (doc: string, line: string) => cliCommandFinding(ctx(doc), claim(line));

describe('sub-commands of the project program', () => {
  it('reads the program, its sub-command words and their alternatives, not arguments', () => {
    expect(ledCommand('- `tk service start/stop <name>` - lifecycle')).toEqual({
      program: 'tk',
      path: [['service'], ['start', 'stop']],
    });
    expect(ledCommand('- [x] `tk cache clear`: clears')).toEqual({ program: 'tk', path: [['cache'], ['clear']] });
    expect(ledCommand('- `tk` - the program')).toBeNull();
    expect(ledCommand('Run `tk cache clear` to clear')).toBeNull();
  });

  it('confirms a registered sub-command at its registration', () => {
    const f = judge('tools/docs/COMMANDS.md', '- `tk cache clear` - Clear all caches');
    expect(f?.present).toBe('yes');
    expect(f?.evidence[0]).toMatchObject({ path: 'tools/pkg/cli/cli.go', line: 13 });
  });

  it('contradicts a sub-command its group does not register, even when another group has that name', () => {
    expect(judge('tools/docs/COMMANDS.md', '- `tk cache warm` - Pre-warm caches')?.present).toBe('no');
    // "scan" is registered, under security, not under cache.
    expect(judge('tools/docs/COMMANDS.md', '- `tk cache scan` - Scan caches')?.present).toBe('no');
    expect(judge('tools/docs/COMMANDS.md', '- `tk db migrate` - Migrations')?.present).toBe('no');
  });

  it('is partial when only some alternatives are registered, or the handler only prints', () => {
    const some = judge('tools/docs/COMMANDS.md', '- `tk cache clear/flush` - Clear');
    expect(some?.present).toBe('partly');
    expect(some?.detail).toContain('`flush`');
    const idle = judge('tools/docs/COMMANDS.md', '- `tk cache status` - Show cache statistics');
    expect(idle?.present).toBe('partly');
    expect(idle?.detail).toContain('only prints');
  });

  it('leaves a group whose sub-commands are built elsewhere, and programs that are not the project’s', () => {
    expect(judge('tools/docs/COMMANDS.md', '- `tk plugin install` - Install a plugin')).toBeNull();
    expect(judge('tools/docs/COMMANDS.md', '- `npm run build` - Build')).toBeNull();
    expect(judge('tools/docs/COMMANDS.md', '- `go test ./...` - Tests')).toBeNull();
  });

  it('takes the program name from package.json "bin" and reads commander commands', () => {
    expect(judge('web/README.md', '- `wk deploy` - Deploy the site')?.evidence[0]).toMatchObject({
      path: 'web/bin/wk.js',
      line: 6,
    });
    expect(judge('web/README.md', '- `wk publish` - Publish')?.present).toBe('no');
  });

  it('reads argparse sub-parsers in the sub-project the document belongs to', () => {
    expect(judge('COMMANDS.md', '- `dq lint` - Lint the data')?.present).toBe('yes');
    expect(judge('COMMANDS.md', '- `dq profile` - Profile the data')?.present).toBe('no');
  });
});

describe('hostile command-line sources', () => {
  const judgeIn = (files: Record<string, string>, line: string) =>
    cliCommandFinding(
      { files: memoryIndex(files), documentPath: 'README.md' } as unknown as LookupContext,
      claim(line),
    );

  it('reads a file of one huge word, thousands of registrations and runs of blank lines at once', () => {
    const go = [
      'func setup() {',
      '\trootCmd := &cobra.Command{Use: "hk"}',
      '\tsyncCmd := &cobra.Command{Use: "sync"}',
      '\trootCmd.AddCommand(syncCmd)',
      ...Array.from({ length: 1000 }, (_, i) => `\tc${i}Cmd := &cobra.Command{Use: "c${i}"}`),
      '}',
      `var ${'a'.repeat(80_000)}`,
    ].join('\n');
    const py = [
      'import click',
      `@cli.command()${'\n'.repeat(50_000)}`,
      `@cli.command(${'@cli.command('.repeat(5000)}`,
      '@cli.command()',
      'def push_all():',
      '    pass',
    ].join('\n');
    const files = {
      'go.mod': 'module x\n',
      'cli/cli.go': go,
      'cli/cli.py': py,
      'pyproject.toml': `[project.scripts]${'\n'.repeat(50_000)}pk = "x:main"\n`,
      'README.md': '# x\n',
    };
    expect(judgeIn(files, '- `hk sync` - Sync')?.present).toBe('yes');
    expect(judgeIn(files, '- `hk c10` - one of many')?.evidence[0]).toMatchObject({ path: 'cli/cli.go', line: 15 });
    expect(judgeIn(files, '- `pk push-all` - Push')?.present).toBe('yes');
    expect(judgeIn(files, '- `hk warm` - Warm')?.present).toBe('no');
  });
});

describe('the command an item leads with', () => {
  // The bounded pattern leadText replaces (recheck gives no verdict on it; 160 steps a character).
  const bounded =
    /^\s*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]*)?(?:[^\s`\w]{1,3}[ \t]+)?`([a-z][\w.-]{0,30}(?:[ \t]+[^`\n]{1,160})?)`[ \t]*(?:[-–—:]|$)/;

  it('is read as the bounded pattern reads it', () => {
    const pieces = [
      'a',
      'tk',
      'x'.repeat(30),
      'B',
      '.',
      '-',
      ' ',
      '\t',
      '  ',
      '`',
      '[x]',
      '✅',
      ':',
      '1.',
      '\n',
      'z'.repeat(79),
    ];
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const some = () => {
      let s = '';
      for (let k = next() % 7; k > 0; k--) s += pieces[next() % pieces.length];
      return s;
    };
    let matched = 0;
    for (let n = 0; n < 5000; n++) {
      const raw = `${['- ', '* [ ] ', '2) ✅ ', ' -'][next() % 4]}${some()}\`${'a'.repeat(next() % 3)}${some()}\`${some()}`;
      const want = bounded.exec(raw)?.[1] ?? null;
      if (want !== null) matched++;
      expect(leadText(raw), JSON.stringify(raw)).toBe(want);
    }
    for (const [name, args] of [
      [31, 160],
      [32, 1],
      [3, 161],
      [3, 1],
    ] as const)
      for (const blanks of [' ', '  ', ' \t '])
        for (const rest of ['x'.repeat(args), ' '.repeat(args)]) {
          const raw = `- \`${'p'.repeat(name)}${blanks}${rest}\` - what`;
          expect(leadText(raw), JSON.stringify(raw)).toBe(bounded.exec(raw)?.[1] ?? null);
        }
    expect(matched).toBeGreaterThan(100);
  });

  it('is read at once from an item of a hundred thousand blanks', () => {
    expect(leadText(`- \`tk${' '.repeat(100_000)}${'x'.repeat(161)}\` - what`)).toBeNull();
    expect(leadText(`- \`tk${' '.repeat(100_000)}x\` - what`)?.length).toBe(100_003);
    expect(leadText(`- \`tk${' '.repeat(100_000)}cache clear\` - what`)).toBe(`tk${' '.repeat(100_000)}cache clear`);
    expect(ledCommand(`- \`tk${' '.repeat(100_000)}cache clear\` - what`)).toEqual({
      program: 'tk',
      path: [['cache'], ['clear']],
    });
  });
});

describe('the program a source names', () => {
  // The pattern programNames replaces (its bounded lazy repetition left recheck without a verdict).
  const bounded = /\b(?:ArgumentParser\([^)]{0,200}?\bprog\s*=\s*|\.name\(\s*)['"`]([a-z][\w.-]*)/g;

  it('is read as the bounded pattern reads it', () => {
    const pieces = [
      'ArgumentParser(',
      'prog',
      'prog=',
      ' = ',
      "'dq'",
      '"x-y"',
      '`Z`',
      ')',
      ', ',
      'program',
      '.name(',
      'p.name( ',
      'a'.repeat(60),
      '\n',
      'description="d", ',
    ];
    let seed = 5;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    let named = 0;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let k = next() % 12; k > 0; k--) text += pieces[next() % pieces.length];
      const want = new Set([...text.matchAll(bounded)].map((m) => m[1]));
      named += want.size;
      expect(new Set(programNames(text)), JSON.stringify(text)).toEqual(want);
    }
    expect(named).toBeGreaterThan(100);
    const at = (gap: number) => programNames(`parser = argparse.ArgumentParser(${' '.repeat(gap)}prog='dq')`);
    expect(at(200)).toEqual(['dq']);
    expect(at(201)).toEqual([]); // `prog` starts within 200 characters of the parenthesis
    expect(programNames("ArgumentParser(description='x') prog='no'")).toEqual([]);
  });

  it('is read at once from thousands of calls that never name it', () => {
    const text = `${'ArgumentParser(prog '.repeat(20_000)}${'x = ArgumentParser('.repeat(20_000)}prog${' '.repeat(100_000)}= 'dq'`;
    expect(new Set(programNames(text))).toEqual(new Set(['dq']));
  });
});
