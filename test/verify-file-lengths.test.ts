/**
 * A file's length as a document gives it, read the way a reader with wc -l reads it: a line or two
 * (3 %) off is the length as said, up to a quarter off is the file there but changed since, and
 * further off the document is wrong — in a list item, a heading and a test file's heading alike.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { lengthAgreement } from '../src/verify/file-lines.js';
import { verifier } from './helpers/verify.js';

const verifyIn = verifier('STATUS.md');
const lines = (n: number) => Array.from({ length: n }, (_, i) => `// line ${i + 1}`).join('\n');

describe('a file length a little off is the length as said; further off, the file changed or the line is wrong', () => {
  const tree: Tree = {
    'src/router.js': lines(24),
    'src/service.js': lines(198),
    'src/model.js': lines(48),
    'app/Http/Controllers/BookingController.php': `<?php\n${lines(731)}`,
    'app/Http/Controllers/DossierController.php': `<?php\n${lines(548)}`,
    'app/Http/Controllers/QmsController.php': `<?php\n${lines(525)}`,
  };
  const doc = [
    '# Summary', // 1
    '', // 2
    '- **src/router.js** - routes (25 lines)', // 3
    '- **src/service.js** - CRUD logic (178 lines)', // 4
    '- **src/model.js** - schema (81 lines)', // 5
    '', // 6
    '### 📁 **BookingController.php** (~719 lignes)', // 7
    '', // 8
    '### 📁 **DossierController.php** (~500 lignes)', // 9
    '', // 10
    '### 📁 **QmsController.php** (348 lignes)', // 11
  ].join('\n');
  const { at } = verifyIn(tree, doc);

  it('one line off is as said', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toMatch(/24 lines/);
  });

  it('a tenth off is there, but changed since: only in part, with both lengths said', () => {
    expect(at(4).verdict).toBe('partially-confirmed');
    expect(at(4).reason).toMatch(/198 lines, not 178/);
  });

  it('far off is wrong', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toMatch(/48 lines, not 81/);
  });

  it('a heading naming a file and "~N lignes" is compared too: 2 % off as said, 10 % in part, half again wrong', () => {
    expect(at(7).verdict).toBe('confirmed');
    expect(at(9).verdict).toBe('partially-confirmed');
    expect(at(9).reason).toMatch(/549 lines, not 500/);
    expect(at(11).verdict).toBe('contradicted');
  });
});

describe('lengthAgreement', () => {
  it('bands: exact ±max(2, 3 %), "~" ±5 %, a quarter partly, beyond no; a floor holds above', () => {
    expect(lengthAgreement(154, 155)).toBe('yes');
    expect(lengthAgreement(250, 240)).toBe('partly');
    expect(lengthAgreement(732, 719, { about: true })).toBe('yes');
    expect(lengthAgreement(549, 500, { about: true })).toBe('partly');
    expect(lengthAgreement(526, 348)).toBe('no');
    expect(lengthAgreement(900, 500, { floor: true })).toBe('yes');
    expect(lengthAgreement(288, 300, { floor: true })).toBe('no');
  });
});
