/**
 * Jest `projects` whose objects spread a base declared in the same file (review of round 23: per
 * spread the file was searched again and the base appended again — a 36 KB config took 21 s and
 * 2.3 GB). Bounded by the text read, never timed.
 */
import { describe, expect, it } from 'vitest';
import { jestProjects, objectDeclarations, SPREAD_BUDGET, spreadBases } from './js-config.js';

const files = { read: () => undefined, match: () => [], named: () => [] } as never;

describe('jest projects spreading a base', () => {
  it('a base spread thousands of times into one project is read once, and its keys apply', () => {
    const base = "const base = { testMatch: ['**/*.it.js'] };\n";
    const project = `{ ${Array.from({ length: 5000 }, () => '...base').join(', ')} }`;
    const text = `${base}module.exports = { projects: [ ${project} ] };\n`;
    const from = text.indexOf('{ ...base');
    const to = text.lastIndexOf('] };');
    const read = spreadBases(text, text, from, to, objectDeclarations(text), { left: SPREAD_BUDGET });
    expect(read).toBe("\n{ testMatch: ['**/*.it.js'] }");
    const specs = jestProjects('jest.config.js', text, files)!.specs;
    expect(specs).toHaveLength(1);
    expect(specs[0]!.include).toContain('**/*.it.js');
  });

  it('thousands of projects spreading one large base read at most the budget of base text', () => {
    const n = 4000;
    const decl = `const a = { testMatch: ['**/*.it.js'], ${'k: 1, '.repeat(n)}};\n`;
    const text = `${decl}module.exports = { projects: [ ${Array.from({ length: n }, (_, i) => `{ x: ${i}, ...a }`).join(', ')} ] };\n`;
    const declared = objectDeclarations(text);
    const budget = { left: SPREAD_BUDGET };
    let read = 0;
    for (let i = text.indexOf('{ x: '); i >= 0; i = text.indexOf('{ x: ', i + 1))
      read += spreadBases(text, text, i, text.indexOf('}', i) + 1, declared, budget).length;
    expect(read).toBeGreaterThan(decl.length);
    expect(read).toBeLessThanOrEqual(SPREAD_BUDGET + n);
    const specs = jestProjects('jest.config.js', text, files)!.specs;
    expect(specs).toHaveLength(n);
    expect(specs[0]!.include).toContain('**/*.it.js');
  });
});
