import { describe, expect, it } from 'vitest';
import { simpleCommands } from './shell.js';

const deep = (n: number) => {
  let s = 'a';
  for (let i = 0; i < n; i++) s = `b${i} "$(${s})"`;
  return s;
};

describe('shell: quoted substitutions are read three deep, with the depth passed down', () => {
  it('nested `"$(…)"` words: the same commands on every call, deep or shallow before', () => {
    const nested = 'x "$(y "$(z "$(w "$(v)")")")"';
    expect(simpleCommands(nested).map((w) => w[0])).toEqual(['v', 'z', 'x']);
    const first = simpleCommands(deep(50)).map((w) => w[0]);
    expect(first.length).toBe(26);
    // No depth is left behind by a call: the next one reads as deep.
    expect(simpleCommands(nested).map((w) => w[0])).toEqual(['v', 'z', 'x']);
    expect(simpleCommands(deep(50)).map((w) => w[0])).toEqual(first);
  });
});
