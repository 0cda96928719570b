/**
 * readiness verify: a test the document names that is there but asserts only constants
 * (`$this->assertTrue(true)`) exists, but tests nothing: partially-confirmed, not confirmed.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { blankStrings } from '../src/verify/empty-tests.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'composer.json': '{"name":"acme/voice","require":{"laravel/framework":"^11.0"}}\n',
  'app/Services/Speech.php':
    '<?php\nclass Speech {\n    public function clean(string $t): string { return strip_tags($t); }\n}\n',
  'tests/Unit/SpeechTest.php': [
    '<?php',
    'class SpeechTest extends TestCase',
    '{',
    '    public function test_index_method_returns_view(): void',
    '    {',
    '        // no framework here',
    '        $this->assertTrue(true);',
    '    }',
    '',
    '    public function test_text_is_trimmed(): void',
    '    {',
    "        $text = trim('  hello ');",
    "        $this->assertSame('hello', $text);",
    '    }',
    '',
    '    public function test_clean_strips_tags(): void',
    '    {',
    '        $speech = new Speech();',
    "        $this->assertSame('x', $speech->clean('<b>x</b>'));",
    '    }',
    '}',
    '',
  ].join('\n'),
};

describe('a named test', () => {
  const doc = [
    '# Tests', // 1
    '', // 2
    '## Unit tests', // 3
    '1. ✅ `test_index_method_returns_view` - index method', // 4
    '2. ✅ `test_text_is_trimmed` - text trimmed', // 5
    '3. ✅ `test_clean_strips_tags` - clean() strips markup', // 6
  ].join('\n');
  const { at } = verifier('TESTS.md')(tree, doc, reportWith([]));

  it('is confirmed when it runs the code it is about', () => {
    expect(at(6).verdict, at(6).reason).toBe('confirmed');
  });
  it('is there only in part when it asserts a constant', () => {
    expect(at(4).verdict).toBe('partially-confirmed');
    expect(at(4).reason).toContain('asserts nothing');
  });
  it('is left to the search when it asserts values of its own', () => {
    expect(at(5).verdict, at(5).reason).toBe('confirmed');
  });
});

describe('string literals in a test body', () => {
  // The regex blankStrings replaces: quadratic on an unclosed `'\'\'\'…`, right on short texts.
  const literal = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g;

  it('are blanked as the literal-matching regex blanks them', () => {
    const alphabet = ["'", '"', '\\', '\n', '\r', 'a', ' '];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 5000; n++) {
      let s = '';
      for (let k = next() % 14; k > 0; k--) s += alphabet[next() % alphabet.length];
      expect(blankStrings(s), JSON.stringify(s)).toBe(s.replace(literal, ' '));
    }
    expect(blankStrings(`assertSame('it\\'s', "a\\"b"); x = 'open`)).toBe(`assertSame( ,  ); x = 'open`);
  });

  it('do not stall the check on an unclosed literal of escaped quotes', () => {
    const hostile: Tree = {
      ...tree,
      'tests/Unit/HostileTest.php': [
        '<?php',
        'class HostileTest extends TestCase',
        '{',
        '    public function test_hostile_literal(): void',
        '    {',
        `        $this->assertTrue(true); '${"\\'".repeat(100_000)}`,
        '    }',
        '}',
        '',
      ].join('\n'),
    };
    const { at } = verifier('TESTS.md')(hostile, '# Tests\n\n1. ✅ `test_hostile_literal` - hostile\n', reportWith([]));
    expect(at(3).verdict, at(3).reason).toBe('partially-confirmed');
    expect(at(3).reason).toContain('asserts nothing');
  });
});
