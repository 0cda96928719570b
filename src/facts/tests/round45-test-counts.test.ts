/**
 * Blind round 45, class "test counts within 3 % of the runner": `.each`/`.for` tables and loops
 * over a constant another module exports as a Set or a plain object are sized from that module.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const expanded = (t: Tree) => testInventory(memoryIndex(t)).files.map((f) => [f.path, f.cases, f.expanded]);
const pkg = '{"name":"acme","devDependencies":{"vitest":"3.0.0"}}';

describe('tables imported from another module', () => {
  const spec = (expr: string) => `import { describe, expect, it } from 'vitest';
import { ZONES, LIMITS, zoneLabel } from './zones';

describe('zones', () => {
  it.each(${expr})('keeps %s', (z) => {
    expect(zoneLabel(z)).toBeTruthy();
  });
  it('plain', () => {
    expect(1).toBe(1);
  });
});
`;
  const zones = `export const ZONES = new Set([
  // comment rows are not rows
  'Pacific/Honolulu',
  'Europe/Kyiv',
  'Asia/Kolkata',
  'Asia/Kolkata',
]);
export const LIMITS = { small: 1, medium: 10, large: 100 };
export function zoneLabel(z: string) { return z; }
`;
  const tree = (expr: string): Tree => ({
    'package.json': pkg,
    'src/zones.ts': zones,
    'src/zones.test.ts': spec(expr),
  });

  it('Array.from of an exported Set: one run per distinct element', () => {
    expect(expanded(tree('Array.from(ZONES)'))).toEqual([['src/zones.test.ts', 2, 4]]);
    expect(expanded(tree('[...ZONES]'))).toEqual([['src/zones.test.ts', 2, 4]]);
  });

  it('Object.entries/Object.keys of an exported plain object: one run per key', () => {
    expect(expanded(tree('Object.entries(LIMITS)'))).toEqual([['src/zones.test.ts', 2, 4]]);
    expect(expanded(tree('Object.keys(LIMITS)'))).toEqual([['src/zones.test.ts', 2, 4]]);
  });

  it('a table the module builds at runtime stays of unknown size: one run', () => {
    const t = tree('Array.from(ZONES)');
    t['src/zones.ts'] = 'export const ZONES = new Set(Intl.supportedValuesOf("timeZone"));\n';
    expect(expanded(t)).toEqual([['src/zones.test.ts', 2, 2]]);
  });
});

describe('forms of tables inside one file', () => {
  const file = (body: string): Tree => ({
    'package.json': pkg,
    'src/a.test.ts': `import { describe, expect, it, test } from 'vitest';\n${body}\n`,
  });
  it('template-literal tables: one run per row under the header', () => {
    const t = file(
      "it.each`\n  a    | b    | sum\n  ${1} | ${1} | ${2}\n  ${2} | ${1} | ${3}\n  ${3} | ${4} | ${7}\n`('$a + $b', ({ a, b, sum }) => {\n  expect(a + b).toBe(sum);\n});",
    );
    expect(expanded(t)).toEqual([['src/a.test.ts', 1, 3]]);
  });
  it('arrays built by .map and spread from other constants', () => {
    const t = file(
      "const BASE = ['a', 'b'];\nconst MORE = [...BASE, 'c'];\nit.each(MORE.map((x) => [x, x.toUpperCase()]))('%s', (x, y) => { expect(x).not.toBe(y); });",
    );
    expect(expanded(t)).toEqual([['src/a.test.ts', 1, 3]]);
  });
  it('describe.each multiplies every test inside it; test.for is a table too', () => {
    const t = file(
      "describe.each([1, 2, 3])('n=%i', (n) => {\n  it('a', () => { expect(n).toBeTruthy(); });\n  test.for([[1, 2], [3, 4]])('b %i', ([x]) => { expect(x).toBeTruthy(); });\n});",
    );
    expect(expanded(t)).toEqual([['src/a.test.ts', 2, 9]]);
  });
});
