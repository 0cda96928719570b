import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PILLARS } from '../../rules/index.js';
import { LazyOptions, lazyOptions, loadOptionSchemas } from './lazy-options.js';
import { ruleOptions } from './options.js';

const lazyRules = PILLARS.flatMap((p) =>
  p.rules
    .filter(({ rule }) => rule.meta.options instanceof LazyOptions)
    .map(({ rule }) => [`${p.id}/${rule.meta.id}`, rule] as const),
);

describe('lazy rule options', () => {
  it('the built-in rules with options declare them lazily', () => {
    expect(lazyRules.map(([id]) => id)).toEqual(
      expect.arrayContaining(['architecture/module-size', 'quality/coverage-gate', 'quality/tests-present']),
    );
  });

  it.each(lazyRules)('%s: the defaults given without the schema are the schema’s own for {}', async (_id, rule) => {
    const lazy = rule.meta.options as LazyOptions;
    const schema = await new LazyOptions(lazy.defaults, () => lazy.load()).load();
    const parsed = schema.safeParse({});
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data).toEqual(lazy.defaults);
    expect(Object.keys(parsed.success ? (parsed.data as object) : {})).toEqual(Object.keys(lazy.defaults));
  });

  it('unset options are the defaults (a copy) without loading; set ones need the schema, which then checks them', async () => {
    let loads = 0;
    const schema = z.object({ n: z.number().default(3) }).strict();
    const options = lazyOptions({ n: 3 }, async () => (loads++, schema));
    const meta = { id: 'x', options } as never;
    const first = ruleOptions(meta, undefined, 'config rules.p/x.options');
    expect(first).toEqual({ n: 3 });
    first.n = 9;
    expect(ruleOptions(meta, {}, 'config rules.p/x.options')).toEqual({ n: 3 });
    expect(loads).toBe(0);
    expect(() => ruleOptions(meta, { n: 4 }, 'config rules.p/x.options')).toThrow(/before their schema was loaded/);
    await loadOptionSchemas(
      [{ id: 'p', rules: [{ rule: { meta } as never, weight: 1 }] } as never],
      (id) => id === 'p/x',
    );
    expect(loads).toBe(1);
    expect(ruleOptions(meta, { n: 4 }, 'config rules.p/x.options')).toEqual({ n: 4 });
    expect(() => ruleOptions(meta, { m: 4 }, 'config rules.p/x.options')).toThrow(
      /options\.m: unknown option \(did you mean n\?\)/,
    );
  });
});
