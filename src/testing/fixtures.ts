/** A fixture mini-repository (fixtures/<name>) read into an in-memory tree, for rule and fact tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Tree } from './memory.js';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures');

export function fixtureTree(name: string): Tree {
  const dir = join(ROOT, name);
  const tree: Tree = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else tree[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return tree;
}
