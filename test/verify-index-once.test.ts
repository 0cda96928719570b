/**
 * Review 23: folder counts and Prisma model counts index the listing once per lookup context, not
 * once per claim (a document of many such lines scanned every path, and split every schema, each time).
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/verify/extract.js';
import { folderFileCount } from '../src/verify/folder-counts.js';
import type { Finding, LookupContext } from '../src/verify/lookup.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('folder counts: the listing is indexed once for all claims', () => {
  it('reads the path list once however many claims, and counts as before', () => {
    const list = [
      'srv/routes/orders.js',
      'srv/routes/users.js',
      'srv/routes/.gitkeep',
      'srv/routes/admin/roles.js',
      'srv/routes/admin/keys.js',
      'srv/routesextra/x.js',
      'srv/other.js',
    ];
    let reads = 0;
    const ctx = {
      files: {
        get paths() {
          reads++;
          return list;
        },
      },
    } as unknown as LookupContext;
    const claim = (n: number) => ({ text: `srv/routes/ (${n} files)`, asserted: 'done' }) as unknown as Claim;
    const found = (detail: string, path: string) =>
      [{ subject: 'x', basis: 'file', present: 'yes', detail, evidence: [{ path }] }] as unknown as Finding[];
    for (let i = 0; i < 500; i++) {
      const c = folderFileCount(ctx, claim(i % 6), found('the folder routes/ exists', 'srv/routes/orders.js'));
      expect(c).toEqual({
        folder: 'srv/routes',
        claimed: i % 6,
        direct: 2,
        all: 4,
        agrees: i % 6 === 2 || i % 6 === 4,
        evidence: [{ path: 'srv/routes/orders.js' }, { path: 'srv/routes/users.js' }],
      });
    }
    // A folder with subfolders only: its evidence is from all its files.
    expect(folderFileCount(ctx, claim(2), found('the folder admin/ exists', 'srv/routes/admin/keys.js'))).toMatchObject(
      { folder: 'srv/routes/admin', direct: 2, all: 2 },
    );
    // The folder named is not where the file found is: nothing to compare.
    expect(folderFileCount(ctx, claim(2), found('the folder lib/ exists', 'srv/routes/orders.js'))).toBeNull();
    expect(reads).toBe(1);
  });
});

describe('Prisma models: each schema is read and split once for all claims', () => {
  it('many model-count lines split the schema once', () => {
    const schema = Array.from({ length: 300 }, (_, i) => `model M${i} {\n  id Int @id\n}`).join('\n');
    const tree = {
      'srv/package.json': JSON.stringify({ dependencies: { express: '^4.0.0', prisma: '^5.0.0' } }),
      'srv/prisma/schema.prisma': schema,
    };
    const doc = [
      '# Inventory',
      '',
      ...Array.from({ length: 60 }, (_, i) => `- Schéma complet avec ${290 + i} modèles`),
    ].join('\n');
    let splits = 0;
    const original = String.prototype.split;
    String.prototype.split = function (this: string, separator: string | RegExp, limit?: number) {
      if (this.length >= schema.length) splits++;
      return Reflect.apply(original, this, [separator, limit]) as string[];
    } as typeof original;
    let at: ReturnType<ReturnType<typeof verifier>>['at'];
    try {
      ({ at } = verifier('INVENTORY.md')(tree, doc, reportWith([])));
    } finally {
      String.prototype.split = original;
    }
    expect(at(3 + 10).verdict).not.toBe('contradicted');
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('300 models in srv/prisma/schema.prisma');
    expect(splits).toBeLessThanOrEqual(3);
  });
});
