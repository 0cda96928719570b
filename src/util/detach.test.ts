import { describe, expect, it } from 'vitest';
import { detachDeep } from './detach.js';

describe('detachDeep', () => {
  it('keeps the same data, with short arrays copied at their length', () => {
    const labels: string[] = [];
    labels.push('aws_instance', 'web');
    const value = { blocks: [{ type: 'resource', labels, attrs: { ami: 'ami-123' } }], notes: [] as string[] };
    const out = detachDeep(value);
    expect(out).toEqual({
      blocks: [{ type: 'resource', labels: ['aws_instance', 'web'], attrs: { ami: 'ami-123' } }],
      notes: [],
    });
    expect(out).toBe(value); // objects are changed in place
    expect(out.blocks[0]!.labels).not.toBe(labels); // a pushed-to array is replaced by an exact copy
  });

  it('replaces an array met twice by one copy, so what was shared stays shared', () => {
    const shared = ['a', 'b'];
    const out = detachDeep({ x: { names: shared }, y: { names: shared }, list: [shared, shared] });
    expect(out.x.names).toBe(out.y.names);
    expect(out.list[0]).toBe(out.x.names);
    expect(out.list[1]).toBe(out.x.names);
    expect(out.x.names).toEqual(['a', 'b']);
  });

  it('keeps arrays with properties beside their elements (a regex match) and long arrays as they are', () => {
    const m = /(b)(c)/.exec('abc')!;
    const long = Array.from({ length: 40 }, (_, i) => `item-${i}`);
    const out = detachDeep({ m, long });
    expect(out.m).toBe(m);
    expect(out.m.index).toBe(1);
    expect(out.long).toBe(long);
    expect(out.long).toHaveLength(40);
  });

  it('walks Maps and Sets as before', () => {
    const inner = ['x'];
    const out = detachDeep({ byName: new Map([['k', inner]]), tags: new Set(['t']) });
    expect(out.byName.get('k')).toEqual(['x']);
    expect([...out.tags]).toEqual(['t']);
  });
});
