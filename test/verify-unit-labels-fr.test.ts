/**
 * "Contrôleurs : 36 fichiers", "Vues Blade : 116 fichiers": a French label naming a framework's kind of
 * code unit, then a count of files, is counted in the folder the framework keeps them in, as its
 * English form ("Controllers: 36") is.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const verifyIn = verifier('AUDIT.md');
const many = (dir: string, n: number, ext: string, body: (i: number) => string): Tree =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${dir}/Unit${i}${ext}`, body(i)]));

describe('a French label with a count of files of a kind of unit', () => {
  const tree: Tree = {
    'composer.json': JSON.stringify({ require: { 'laravel/framework': '^11.0' } }),
    ...many('app/Http/Controllers', 5, 'Controller.php', (i) => `<?php class Unit${i}Controller {}\n`),
    ...many('resources/views', 4, '.blade.php', () => '<div></div>\n'),
  };
  const doc = [
    '# Audit', // 1
    '', // 2
    '- **Contrôleurs :** 5 fichiers', // 3
    '- **Contrôleurs :** 9 fichiers', // 4
    '- **Vues Blade :** 4 fichiers', // 5
    '- **Vues Blade :** 12 fichiers', // 6
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('the count the folder holds is confirmed', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(5).verdict).toBe('confirmed');
  });

  it('another count is out of date, naming the folder and its count', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toMatch(/5 files under app\/Http\/Controllers\//);
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toMatch(/4 files under resources\/views\//);
  });
});
