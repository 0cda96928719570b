/**
 * A hostile pull request (issue 14, second round): the repository runs `readiness audit --fail-on
 * high` on every pull request and posts the Markdown as a comment; the attacker writes the pull
 * request. Each attack is planted in a tree and run through the real CLI.
 *
 * The attacks, one line each:
 * - globs in a committed config (every key that holds one) and in repository files (workspaces)
 *   that backtrack for hours, overflow the stack or expand without end: refused, or matched in
 *   bounded time; a .gitignore that hangs the file walker: its line is not honoured, with a note.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/schema.js';
import { cli, spawnCli } from './helpers/cli.js';
import { tempDir, writeTree } from './helpers/tree.js';

/** Exit 2 with exactly one line on stderr, matching `why`. */
function oneLineRefusal(r: { code: number; stdout: string; stderr: string }, why: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(why);
}

function deepFolder(root: string, depth: number, segment = 'a'): string {
  const dir = join(root, ...Array(depth).fill(segment));
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('hostile pull request: globs', () => {
  let nested = 'x';
  for (let i = 0; i < 12_000; i++) nested = `{a${i % 10},${nested}}`;
  const attacks: [string, RegExp][] = [
    ['+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)', /more than 3 repeating wildcards/],
    ['*a*a*a*a*a*a*a*a*a*a*b', /more than 3 repeating wildcards/], // 2^n on a 40-character name
    ['*(a*)*b', /a wildcard inside a group/],
    [nested, /longer than 512 characters/], // was: a stack overflow, an internal error
    ['{a,{b,{c,{d,{e,{f,{g,h}}}}}}}', /braces nested more than 5 deep/],
  ];
  const configs: [string, (g: string) => string][] = [
    ['ignore.0', (g) => `ignore: [${JSON.stringify(g)}]\n`],
    [
      'suppressions.0.paths.1',
      (g) => `suppressions:\n  - rule: security/x\n    reason: r\n    paths: ["ok/**", ${JSON.stringify(g)}]\n`,
    ],
    [
      'custom.0.require.files.0',
      (g) =>
        `custom:\n  - id: a/b\n    pillar: security\n    title: t\n    require: { files: [${JSON.stringify(g)}] }\n`,
    ],
    [
      'custom.0.require.contains.files.0',
      (g) =>
        `custom:\n  - id: a/b\n    pillar: security\n    title: t\n    require: { contains: { files: [${JSON.stringify(g)}], pattern: x } }\n`,
    ],
    ['packages.0', (g) => `packages: [${JSON.stringify(g)}]\n`],
  ];

  it('a committed config: every glob key refuses a hostile glob in one exit-2 line naming the key', async () => {
    for (const [key, yaml] of configs)
      for (const [glob, why] of attacks) {
        const root = writeTree(tempDir(), { '.readiness.yml': yaml(glob), 'a.py': 'x = 1\n' });
        const r = await cli(['audit', root, '--format', 'json']);
        oneLineRefusal(r, new RegExp(`^readiness: \\.readiness\\.yml: ${key.replace(/\./g, '\\.')}: glob refused: `));
        expect(r.stderr).toMatch(why);
      }
  });

  it('globs in repository files (workspaces) cannot crash or hang the audit (nested braces were an internal error)', async () => {
    const root = writeTree(tempDir(), {
      'package.json': JSON.stringify({
        name: 'x',
        workspaces: [nested, '*a*a*a*a*a*a*a*a*a*a*b/*', '**/a/**/a/**/a/**/a/**/b', 'packages/*'],
      }),
      'packages/p/package.json': JSON.stringify({ name: 'p' }),
      [`${'a'.repeat(40)}/package.json`]: JSON.stringify({ name: 'bait' }),
    });
    writeFileSync(join(deepFolder(root, 600), 'package.json'), JSON.stringify({ name: 'deep' }));
    const r = await spawnCli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.pillars.flatMap((p) => p.rules).filter((x) => x.outcome === 'error')).toEqual([]);
  });

  it('an accepted glob whose wildcards would multiply stays bounded on a tree built for it', async () => {
    // Four globstars and wildcard segments: as one regex, 0.2 s per path 1,000 folders deep (80 s
    // for these 400 files, past the test's limit); matched segment by segment, well within it.
    const glob = '**/*a*/**/*a*/**/*a*/**/b';
    expect(glob.split('**').length - 1).toBe(4);
    const root = writeTree(tempDir(), {
      '.readiness.yml': `custom:\n  - id: a/b\n    pillar: security\n    title: t\n    severity: high\n    require: { files: [${JSON.stringify(glob)}] }\n`,
    });
    const deep = deepFolder(root, 1000);
    for (let i = 0; i < 400; i++) writeFileSync(join(deep, `f${i}`), 'x\n');
    const r = await spawnCli(['audit', root, '--format', 'json', '--only', 'security/a/b', '--fail-on', 'high']);
    expect(r.code, r.stderr).toBe(1); // no file named b: the rule fails, and so does the gate
    const rule = (JSON.parse(r.stdout) as Report).pillars.flatMap((p) => p.rules)[0]!;
    expect(rule.outcome).toBe('fail');
  });

  it('a .gitignore line that hangs the file walker (17 s per path, over 2 minutes here) is not honoured, with a note', async () => {
    const root = writeTree(tempDir(), {
      '.gitignore': '**/a/**/a/**/b\n*.log\n',
      'keep.log': '',
      'app.py': 'x = 1\n',
    });
    writeFileSync(join(deepFolder(root, 1000), 'x.py'), 'y = 2\n');
    const r = await spawnCli(['audit', root, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.stats.filesListed).toBe(3); // .gitignore, app.py and the deep x.py; *.log still ignored
    expect(report.notes.join(' ')).toMatch(/1 \.gitignore line\(s\) with more than one \*\* .* were not honoured/);
  });
});
