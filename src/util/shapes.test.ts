import { describe, expect, it } from 'vitest';
import { plainCopy, plainMaker } from './shapes.js';

describe('plainMaker / plainCopy: objects of one type sized for their fields', () => {
  it('makes plain objects: Object.prototype, constructor Object, the same keys in the same order', () => {
    const make = plainMaker();
    const o = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'web',
      path: 'k8s/web.yaml',
      line: 3,
      doc: {},
      oneOff: false,
    };
    const copies = [o, { ...o, name: 'api', replicas: 2 }, { ...o, line: 9 }].map((x) => plainCopy(make, x));
    for (const c of copies) {
      expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
      expect(c.constructor).toBe(Object);
      expect(structuredClone(c)).toEqual(c);
    }
    expect(copies[0]).toStrictEqual(o);
    expect(Object.keys(copies[1]!)).toEqual([...Object.keys(o), 'replicas']);
    expect(copies[0]!.doc).toBe(o.doc);
    expect(JSON.stringify(copies[2])).toBe(JSON.stringify({ ...o, line: 9 }));
  });

  it('gives each maker its own objects, whatever the other makers made', () => {
    const a = plainMaker();
    const b = plainMaker();
    expect(plainCopy(a, { x: 1, y: 2, z: 3, w: 4, v: 5 })).toEqual({ x: 1, y: 2, z: 3, w: 4, v: 5 });
    expect(Object.keys(plainCopy(b, { v: 5, x: 1 }))).toEqual(['v', 'x']);
  });
});
