/**
 * Blind round 49, class "test counts within 3 % of the runner": a runner reaches test files through
 * a symbolic link to another folder of the repository inside its own (`frontend/src/common →
 * ../../common`); they count once, at their real path. A link out of the root is never followed.
 */
import { describe, expect, it } from 'vitest';
import { FileIndex } from '../../walk/file-index.js';
import { memoryIndex, MemorySource, Symlink, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const spec =
  "import { it, expect } from 'vitest';\nit('a', () => expect(1).toBe(1));\nit('b', () => expect(2).toBe(2));\n";
const base: Tree = {
  'frontend/package.json': '{"name":"front","scripts":{"test":"vitest run"},"devDependencies":{"vitest":"3.0.0"}}',
  'frontend/src/app.test.js': spec,
  'common/helpers/__tests__/format.spec.js': spec,
  'common/helpers/format.js': 'export const f = 1;\n',
};
const inventory = (t: Tree) => testInventory(memoryIndex(t));

describe('test files reached through a linked folder', () => {
  it('counts them, once, at their real path, where a runner reaches them through a link', () => {
    const inv = inventory({ ...base, 'frontend/src/common': new Symlink('../../common') });
    const paths = inv.files.map((f) => f.path);
    expect(paths).toContain('common/helpers/__tests__/format.spec.js');
    expect(paths.filter((p) => p.endsWith('format.spec.js'))).toHaveLength(1);
    expect(inv.files.find((f) => f.path === 'common/helpers/__tests__/format.spec.js')?.cases).toBe(2);
  });

  it('leaves them out without the link, or when the runner excludes the linked path', () => {
    expect(inventory(base).files.map((f) => f.path)).not.toContain('common/helpers/__tests__/format.spec.js');
    const excluded = inventory({
      ...base,
      'frontend/src/common': new Symlink('../../common'),
      'frontend/vitest.config.js':
        "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { exclude: ['src/common/**', '**/node_modules/**'] } });\n",
    });
    expect(excluded.files.map((f) => f.path)).not.toContain('common/helpers/__tests__/format.spec.js');
  });

  it('never follows a link out of the root', () => {
    const inv = inventory({ ...base, 'frontend/src/common': new Symlink('../../../elsewhere') });
    expect(inv.files.map((f) => f.path)).not.toContain('common/helpers/__tests__/format.spec.js');
  });

  it('asks the files without an extension whether they are links without reading them', () => {
    const tree: Tree = { ...base, 'frontend/src/common': new Symlink('../../common') };
    for (let i = 0; i < 50; i++) tree[`frontend/bin/tool${i}`] = `#!/bin/sh\necho ${i}\n`;
    const read: string[] = [];
    const source = new (class extends MemorySource {
      override readBytes(path: string, maxBytes: number) {
        read.push(path);
        return super.readBytes(path, maxBytes);
      }
    })(tree);
    const inv = testInventory(new FileIndex(Object.keys(tree).sort(), source));
    expect(inv.files.map((f) => f.path)).toContain('common/helpers/__tests__/format.spec.js');
    expect(read.filter((p) => p.startsWith('frontend/bin/'))).toEqual([]);
  });
});
