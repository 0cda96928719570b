/**
 * The compiled dependency-name matcher answers exactly as comparing one pattern at a time did
 * (exact, prefix, any-scope and ecosystem-qualified names), on generated names and patterns.
 */
import { describe, expect, it } from 'vitest';
import { nameIndex, nameMatches, namesMatcher } from './frameworks.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const WORDS = ['sentry', 'Sentry', 'otel', 'aws-sdk', 'a', 'node', 'x'];
const ECOS = ['npm', 'pip', 'cargo', 'hex'];

function name(r: () => number): string {
  const base = pick(r, WORDS) + (r() < 0.3 ? `-${pick(r, WORDS)}` : '');
  return r() < 0.4 ? `@${pick(r, WORDS)}/${base}` : base;
}
function pattern(r: () => number): string {
  let p = name(r);
  if (r() < 0.3) p = p.slice(0, Math.max(0, Math.floor(r() * p.length))) + '*';
  if (r() < 0.2) p = `@*/${p.replace(/^@[^/]*\//, '')}`;
  if (r() < 0.3) p = `${pick(r, ECOS)}:${p}`;
  return p;
}

describe('namesMatcher', () => {
  it('agrees with nameMatches on 20,000 generated (name, ecosystem, pattern list) cases', () => {
    const r = rng(7);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      const patterns = Array.from({ length: 1 + Math.floor(r() * 6) }, () => pattern(r));
      const n = name(r);
      const eco = r() < 0.3 ? undefined : pick(r, ECOS);
      const want = patterns.some((p) => nameMatches(n, p, eco));
      expect(namesMatcher(patterns)(n, eco), `${n} ${eco} ${patterns.join(' ')}`).toBe(want);
      if (want) hits++;
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(hits).toBeGreaterThan(2_000);
    expect(hits).toBeLessThan(18_000);
  });

  it('an ecosystem-qualified name matches only in its ecosystem, or when none is given', () => {
    const t = namesMatcher(['hex:tower', '@sentry/*', '@*/otel']);
    expect(t('tower', 'hex')).toBe(true);
    expect(t('tower', 'cargo')).toBe(false);
    expect(t('tower')).toBe(true);
    expect(t('@Sentry/node', 'npm')).toBe(true);
    expect(t('@acme/otel', 'npm')).toBe(true);
    expect(t('otel', 'npm')).toBe(false);
  });

  it("the name index selects exactly the items the patterns match, in the items' order", () => {
    const r = rng(11);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: 1 + Math.floor(r() * 60) }, () => ({
        name: name(r),
        ecosystem: pick(r, ECOS),
      }));
      const find = nameIndex(items);
      for (let k = 0; k < 10; k++) {
        const patterns = Array.from({ length: Math.floor(r() * 6) }, () => pattern(r));
        if (r() < 0.05) patterns.push(`@*/@*/${pick(r, WORDS)}`);
        const want = items.filter((d) => patterns.some((p) => nameMatches(d.name, p, d.ecosystem)));
        expect(find(patterns), patterns.join(' ')).toEqual(want);
      }
    }
  });
});
