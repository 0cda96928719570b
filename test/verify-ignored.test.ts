import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../src/testing/memory.js';
import type { LookupContext } from '../src/verify/lookup.js';
import { ignoreRule, ignoreStats } from '../src/verify/ignored.js';

describe('ignoreRule on a long .gitignore', () => {
  const lines = Array.from({ length: 2_000 }, (_, i) => `dir${i}/*.log`);
  lines.splice(10, 0, '*.tmp');
  const tree: Record<string, string> = { '.gitignore': `${lines.join('\n')}\n` };
  for (let i = 0; i < 100; i++) tree[`pkg${i}/notes.tmp`] = 'x\n';
  const ctx = { files: memoryIndex(tree) } as unknown as LookupContext;

  it('builds the whole-file matcher once and each line matcher at most once, however many paths are asked', () => {
    const before = ignoreStats.built;
    for (let k = 0; k < 50; k++) expect(ignoreRule(ctx, `x${k}/index.js`)).toBeUndefined();
    expect(ignoreStats.built - before).toBe(1);
    for (let k = 0; k < 50; k++)
      expect(ignoreRule(ctx, `a${k}/b.tmp`)).toEqual({ path: '.gitignore', line: 11, rule: '*.tmp' });
    // One matcher per line from the end down to the deciding line, built on the first hit only.
    expect(ignoreStats.built - before).toBe(1 + (lines.length - 10));
  });

  it('a bare name tries at most 20 same-named files elsewhere in the tree (in listing order)', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 100; i++) many[`pkg${String(i).padStart(2, '0')}/notes.md`] = 'x\n';
    const at = (rule: string) =>
      ignoreRule(
        { files: memoryIndex({ ...many, '.gitignore': `${rule}\n` }) } as unknown as LookupContext,
        'notes.md',
      );
    expect(at('pkg01/')).toEqual({ path: '.gitignore', line: 1, rule: 'pkg01/' });
    expect(at('pkg99/')).toBeUndefined();
  });
});

describe('names that are the repository itself or outside it', () => {
  const ctx = {
    files: memoryIndex({ '.gitignore': 'build/\n*.log\n', 'pkg/app/main.go': 'package app\n' }),
  } as unknown as LookupContext;

  it('"./" (from `go test ./...`), "." and "" are no path a .gitignore speaks for: no answer, never a RangeError from the matcher', () => {
    for (const name of ['./', '.', '', './.', '../x', '/etc/hosts/..']) expect(ignoreRule(ctx, name)).toBeUndefined();
    expect(ignoreRule(ctx, './build/out.bin')).toEqual({ path: '.gitignore', line: 1, rule: 'build/' });
  });
});

describe('verify on a document whose commands name the repository root', () => {
  it('a line with `go test ./...` is judged, not an internal error of the whole run', async () => {
    const { verifier, reportWith } = await import('./helpers/verify.js');
    const tree = { '.gitignore': 'bin/\n', 'go.mod': 'module example.com/x\n', 'pkg/app/app_test.go': 'package app\n' };
    const doc = ['# Status', '', '**Go:** `go build` ✅ | `go vet` ✅ | `go test -count=1 ./...` ✅'].join('\n');
    const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
    expect(at(3).verdict).toBeDefined();
  });
});

describe('one claim verify cannot judge', () => {
  it('is left open with the reason, and does not end the run', async () => {
    const { judgedAlone } = await import('../src/verify/index.js');
    const { extractClaims } = await import('../src/verify/extract.js');
    const [claim] = extractClaims('# Status\n\n- ✅ Rate limiting on every route\n');
    const v = judgedAlone(() => {
      throw new RangeError('path should be a `path.relative()`d string, but got ""\nsecond line');
    }, claim!);
    expect(v.verdict).toBe('unverifiable');
    expect(v.line).toBe(3);
    expect(v.reason).toBe(
      'verify could not judge this line (internal error: path should be a `path.relative()`d string, but got "")',
    );
  });
});
