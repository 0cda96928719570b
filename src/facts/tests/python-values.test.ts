import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';
import { mask, SYNTAX } from './mask.js';
import { pyCondition, pyItems, type Items } from './python-values.js';

const byPath = (tree: Record<string, string>) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, f]));
const items = (src: string, names: Record<string, Items> = {}) =>
  pyItems({ code: mask(src, SYNTAX.python), orig: src }, (n) => names[n]);
const holds = (src: string) => pyCondition({ code: mask(src, SYNTAX.python), orig: src });

describe('pyItems', () => {
  it('sizes set differences by value, not by text: quotes differ, duplicates collapse', () => {
    const versions = items("'3.6', '3.7', '3.8', \"3.8\", '3.9'")!;
    expect(versions).toHaveLength(5);
    expect(items("sorted(set(V) - {'3.6', \"3.7\", '4.0'})", { V: versions })).toHaveLength(2);
    // A string holding the operator is no difference.
    expect(items("['a - b', 'c']")).toHaveLength(2);
  });

  it('leaves a set of items it cannot compare unknown, and keeps negative numbers and exponents as items', () => {
    expect(items('set([f(1), f(2)])')).toBeUndefined();
    expect(items('[-1, 2 - 1, 1e+5]')).toHaveLength(3);
    expect(items('[(1, 2)] * 3 + list(range(2))')).toHaveLength(5);
    expect(items('{"a": 1, "b": 2, **more}')).toBeUndefined();
    expect(items('{"a": 1, "b": 2}')).toHaveLength(2);
  });
});

describe('pyCondition (Python 3.13 on Linux assumed)', () => {
  it('decides version_info comparisons, slices, indexes, not/and/or; nothing else', () => {
    expect(holds('sys.version_info[:2] >= (3, 8)')).toBe(true);
    expect(holds('sys.version_info < (3, 13)')).toBe(false);
    // The full tuple (3, 13, 0, 'final', 0) is greater than (3, 13); its first two items are not.
    expect(holds('sys.version_info > (3, 13)')).toBe(true);
    expect(holds('sys.version_info[:2] > (3, 13)')).toBe(false);
    expect(holds('sys.version_info.major == 2 or not sys.version_info[1] >= 12')).toBe(false);
    expect(holds('IS_PYPY')).toBeUndefined();
    expect(holds('IS_PYPY or sys.version_info >= (3,)')).toBe(true);
    expect(holds('IS_PYPY and sys.version_info >= (3,)')).toBeUndefined();
    expect(holds("'3' == '3'")).toBeUndefined();
  });

  it('decides platform checks for Linux, from the original text of the literal', () => {
    expect(holds("sys.platform == 'win32'")).toBe(false);
    expect(holds('os.name != "nt" and sys.platform.startswith("lin")')).toBe(true);
    expect(holds("sys.platform.startswith('win') or sys.platform == 'darwin'")).toBe(false);
  });
});

describe('module tables built in steps', () => {
  it('extends an imported case list under version conditions, as the assumed Python runs the module', () => {
    const f = byPath({
      'tests/cases.py': [
        'import sys',
        'CASES = [',
        "    '1 +',",
        "    'a = ,',  # [not, an, item]",
        ']',
        'if sys.version_info[:2] >= (3, 8):',
        '    CASES += [',
        "        '(a := 1',",
        "        '(b := 2',",
        '    ]',
        'elif sys.version_info >= (3, 6):',
        "    CASES += ['never']",
        'else:',
        "    CASES += ['nor this']",
        'if sys.version_info < (3, 12):',
        "    CASES.append('old only')",
        "CASES.extend(['x', 'y'])",
        "CASES.append('z')",
        "OPTIONAL = ['a']",
        'if HAVE_NUMPY:',
        "    OPTIONAL.append('b')",
      ].join('\n'),
      'tests/test_errors.py': [
        'import sys, pytest',
        'from .cases import CASES, OPTIONAL',
        "@pytest.mark.parametrize('code', CASES)",
        'def test_fails(code): pass',
        // A table extended under a condition that cannot be decided counts once.
        "@pytest.mark.parametrize('x', OPTIONAL)",
        'def test_optional(x): pass',
        // Appended to in a loop: as many rows as the loop runs, which is not read.
        "LOOPED = [('z', 0)]",
        "for p in ('a', 'b'):",
        '    LOOPED.append((p, 1))',
        "@pytest.mark.parametrize('x', LOOPED)",
        'def test_looped(x): pass',
        'if sys.version_info < (3, 8):',
        '    def test_only_on_old_pythons(): pass',
        'else:',
        '    def test_new(): pass',
      ].join('\n'),
    })['tests/test_errors.py']!;
    // 2 + 2 (>= 3.8) + 2 (extend) + 1 (append) = 7; the < 3.8 test is not defined.
    expect(f.cases).toBe(4);
    expect(f.expanded).toBe(7 + 1 + 1 + 1);
  });

  it('sizes fixture params from a class attribute, and a conftest hook table built with set difference', () => {
    const f = byPath({
      'conftest.py': [
        "_VERSIONS = '3.6', '3.7', '3.8', '3.9'",
        'def pytest_generate_tests(metafunc):',
        "    if 'each_version' in metafunc.fixturenames:",
        "        metafunc.parametrize('each_version', _VERSIONS)",
        "    elif 'modern' in metafunc.fixturenames:",
        "        newer = set(_VERSIONS) - {'3.6', '3.7'}",
        "        metafunc.parametrize('modern', sorted(newer))",
      ].join('\n'),
      'test_parse.py': [
        'import pytest',
        'ROWS = [1]',
        'class TestNodes:',
        '    ROWS = [(1, 2), (3, 4), (5, 6)]',
        '    @pytest.fixture(params=ROWS)',
        '    def node(self, request): return request.param',
        '    def test_name(self, node): pass',
        'def test_modern(modern): pass',
        'def test_each(each_version): pass',
      ].join('\n'),
    })['test_parse.py']!;
    expect(f.expanded).toBe(3 + 2 + 4);
  });
});
