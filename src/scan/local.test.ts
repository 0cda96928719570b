import { describe, expect, it } from 'vitest';
import { nullPrototypes, restorePrototypes, sharePath } from './local.js';

describe('sharePath: a cloned digest takes the listing string of its path', () => {
  const path = 'deploy/k8s/app.yaml';
  const digest = () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.path = path;
    const obj: Record<string, unknown> = {
      objects: [{ kind: 'Deployment', path, labels: ['app', path] }],
      byName: new Map([
        ['app', path],
        ['other', 'deploy/k8s/other.yaml'],
      ]),
      names: new Set([path, 'x']),
      bare,
      count: 2,
      none: null,
    };
    obj.self = obj; // a cycle, as a clone may hold
    return obj;
  };

  it('keeps every value, order and prototype of a clone, cycles included', () => {
    const original = digest();
    const clone = restorePrototypes(structuredClone(original), nullPrototypes(original)!);
    const shared = sharePath(clone, `${path}`);
    expect(shared).toBe(clone);
    expect(shared).toEqual(original);
    expect(Object.keys(shared)).toEqual(Object.keys(original));
    expect(Object.getPrototypeOf(shared.bare)).toBe(null);
    expect(shared.self).toBe(shared);
    expect([...(shared.byName as Map<string, string>)]).toEqual([
      ['app', path],
      ['other', 'deploy/k8s/other.yaml'],
    ]);
  });

  it('leaves strings other than the path and values that are no objects alone', () => {
    expect(sharePath('deploy/k8s/app.yaml', path)).toBe(path);
    expect(sharePath(undefined, path)).toBe(undefined);
    expect(sharePath({ a: 'deploy/k8s/app.yml', b: [1, 'deploy'] }, path)).toEqual({
      a: 'deploy/k8s/app.yml',
      b: [1, 'deploy'],
    });
  });
});
