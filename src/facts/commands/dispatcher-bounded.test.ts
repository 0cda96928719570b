import { describe, expect, it } from 'vitest';
import { blankErrorBranches, sourcedArgs } from './dispatcher.js';

/** The lines, with a count of the times any line was read. */
function counted(lines: string[]): { lines: string[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(lines, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
      return Reflect.get(target, prop, receiver);
    },
  });
  return { lines: proxy, reads: () => reads };
}

describe('dispatcher: the error branches of a script are found in one pass', () => {
  it('2,000 `if …; then` without their `fi`: each line read a bounded number of times (was once per earlier `if`)', () => {
    const n = 2000;
    const { lines, reads } = counted(['echo $1', ...Array.from({ length: n }, () => 'if a; then')]);
    blankErrorBranches(lines);
    expect(reads()).toBeLessThanOrEqual(3 * (n + 1));
    expect(lines.filter((l) => l === '')).toEqual([]);
  });

  it('a failing branch without `else` is blanked, nested and after an unclosed `if`; one with `else` is kept', () => {
    const lines = [
      'if broken; then', // never closed
      'if [ ! -f "$d/$task.sh" ]; then',
      '  echo "unknown task"',
      '  if [ -n "$x" ]; then',
      '    echo more',
      '  fi',
      '  exit 1',
      'fi',
      'if a; then',
      '  exit 2',
      'else',
      '  run',
      'fi',
      'if b; then',
      '  if c; then',
      '    exit 1',
      '  fi',
      '  run',
      'fi',
      'done',
    ];
    blankErrorBranches(lines);
    expect(lines).toEqual([
      'if broken; then',
      ...Array.from({ length: 7 }, () => ''),
      'if a; then',
      '  exit 2',
      'else',
      '  run',
      'fi',
      'if b; then',
      '',
      '',
      '',
      '  run',
      'fi',
      'done',
    ]);
  });
});

describe('dispatcher: sourced files are read off each line without retrying its blanks', () => {
  it('takes the argument up to the command end, trailing blanks trimmed', () => {
    const text = [
      '. ./scripts/lib.sh',
      'source "$DIR/tasks.sh"   # helpers',
      '  source ./a.sh  ; echo done',
      'echo source ./not.sh',
    ].join('\n');
    expect(sourcedArgs(text)).toEqual(['./scripts/lib.sh', '"$DIR/tasks.sh"', './a.sh']);
  });

  it('a line of blanks after `source x` (hostile, 200 KB) yields its argument once, from a greedy match', () => {
    const text = `source x${' '.repeat(200_000)}\nsource y${' \t'.repeat(100)}z\n`;
    expect(sourcedArgs(text)).toEqual(['x', `y${' \t'.repeat(100)}z`]);
    // Blanks then more words past the 300-character cap: no source, found by one walk over the blanks.
    expect(sourcedArgs(`source a${' '.repeat(200_000)}b\n`)).toEqual([]);
  });
});
