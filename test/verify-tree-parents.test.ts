/**
 * readiness verify: a folder of a file tree drawn in a fence, with a note and nodes of its own below it
 * ("├── Entity/   # Tests unitaires entités" over "│   ├── UserTest.php  (8 tests)"), is the heading of
 * its nodes: they carry the claims, and the folder is there when they are. A folder with a note and no
 * nodes below it is still a claim of its own.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('folders of a file tree over their own nodes', () => {
  const tree: Tree = {
    'composer.json': '{"name":"acme/app","require":{"php":">=8.2"}}\n',
    'src/Entity/User.php': '<?php\nclass User {}\n',
    'tests/Entity/UserTest.php':
      '<?php\nclass UserTest extends TestCase {\n  public function testName() {}\n  public function testEmail() {}\n}\n',
    'tests/Security/AuthTest.php': '<?php\nclass AuthTest extends TestCase {\n  public function testLogin() {}\n}\n',
    'tests/Fixtures/users.json': '[]\n',
  };
  const doc = [
    '# Tests', // 1
    '', // 2
    '```', // 3
    'tests/', // 4
    '├── Entity/               # Tests unitaires entités', // 5
    '│   └── UserTest.php      (2 tests)', // 6
    '│', // 7
    '├── Security/             # Tests sécurité', // 8
    '│   └── AuthTest.php      (1 test)', // 9
    '└── Fixtures/             # Jeux de données', // 10
    '```', // 11
  ].join('\n');
  const { at, has } = verifier('TESTING.md')(tree, doc);

  it('a folder over its nodes is not a claim of its own', () => {
    expect(has(5)).toBe(false);
    expect(has(8)).toBe(false);
  });
  it('its nodes are still checked', () => {
    expect(at(6).verdict).toBe('confirmed');
    expect(at(9).verdict).toBe('confirmed');
  });
  it('a folder with a note and nothing below it is still a claim that it is there', () => {
    expect(at(10).verdict).toBe('confirmed');
  });
});
