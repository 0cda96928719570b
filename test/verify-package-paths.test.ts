/**
 * readiness verify: "Ajouté : `barryvdh/laravel-dompdf`", "安装依赖: `@nestjs/config`": a package
 * name written like a path is a declared dependency, not a file to find in the tree. Declared, the
 * line is confirmed from the manifest (not "only in part" for want of a file of that name); a
 * package not declared is not confirmed.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const tree: Tree = {
  'composer.json': JSON.stringify(
    { name: 'acme/app', require: { php: '^8.2', 'laravel/framework': '^12.0', 'barryvdh/laravel-dompdf': '^3.1' } },
    null,
    2,
  ),
  'app/Models/User.php': '<?php\nclass User {}\n',
};

describe('a package named like a path', () => {
  const doc = [
    '# Progression', // 1
    '', // 2
    '## Packages', // 3
    '', // 4
    '- ✅ Ajouté : `barryvdh/laravel-dompdf` (PDF)', // 5
    '- ✅ Ajouté : `maatwebsite/excel` (Excel)', // 6
  ].join('\n');
  const { at } = verifier('PROGRESS.md')(tree, doc);
  it('a declared package is confirmed from the manifest', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence.some((e) => e.path === 'composer.json')).toBe(true);
  });
  it('a package not declared is not confirmed', () => {
    expect(at(6).verdict).not.toBe('confirmed');
  });
});
