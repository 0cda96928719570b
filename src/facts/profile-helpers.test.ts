/**
 * A bare listener beside infrastructure files that outnumber the code is a helper (blind round 23).
 * Judged for thousands of listeners, the source files are read once (review of round 23: per
 * listener every source file was filtered again, 20k beside 20k files took 19 s). Counted, never timed.
 */
import { describe, expect, it } from 'vitest';
import { detectProfile, sourcesUnder } from './profile.js';

describe('infrastructure helpers', () => {
  it('counts the files under a folder at any depth, as a prefix `dir/` does', () => {
    const paths = ['a/b.go', 'a/c/d.go', 'a.go', 'ab/x.go', 'a-b/y.go', 'a/', 'z/a/q.go'];
    const count = sourcesUnder(paths);
    for (const dir of ['a', 'a/c', 'ab', 'a-b', 'z', 'z/a', 'q'])
      expect(count(dir), dir).toBe(paths.filter((p) => p.startsWith(`${dir}/`)).length);
  });

  it('reads the source files a bounded number of times for thousands of listeners', () => {
    const n = 3000;
    const src = Array.from({ length: n }, (_, i) => `d${i}/main.go`);
    const iac = Array.from({ length: n + 10 }, (_, i) => `t${i}/main.tf`);
    let reads = 0;
    const sourceFiles = new Proxy(src, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const files = {
      match: (g: unknown) => (JSON.stringify(g).includes('.tf') ? iac : []),
      read: () => undefined,
      named: () => [],
      exists: () => false,
      paths: [...src, ...iac],
    };
    const serverMatches = src.map((p) => ({
      path: p,
      line: 1,
      snippet: 'http.ListenAndServe(":8080", nil)',
      groups: [],
    }));
    const profile = detectProfile({
      files,
      sourceFiles,
      manifests: [],
      dependencies: [],
      frameworks: [],
      serverMatches,
    } as never);
    expect(profile.id).not.toBe('service');
    expect(profile.reasons.join(' ')).toContain('d0/main.go:1 is a helper program of 1 source file(s) in d0/');
    expect(reads).toBeLessThan(10 * n);
  });
});
