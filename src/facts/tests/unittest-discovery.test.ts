import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (tree: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, `${f.framework}:${f.cases}`]));

// A Django project in the layout `manage.py startapp` gives: tests.py, or a tests/ package of tests_*.py.
const DJANGO: Tree = {
  'manage.py': 'import os\nfrom django.core.management import execute_from_command_line\n',
  'api/__init__.py': '',
  'api/tests.py': [
    'from rest_framework.test import APITestCase',
    '',
    'class TestBase:',
    '    class ResourceTestCaseBase(APITestCase):',
    '        def test_options(self): pass',
    '        def test_delete(self): pass',
    '',
    'class ChildAPITestCase(TestBase.ResourceTestCaseBase):',
    '    def test_get(self): pass',
    '',
    'class NoteAPITestCase(TestBase.ResourceTestCaseBase):',
    '    def test_get(self): pass',
    '    def test_post(self): pass',
    '    def helper(self): pass',
    '',
    'def test_module_function(): pass',
    '',
  ].join('\n'),
  'core/__init__.py': '',
  'core/tests/__init__.py': '',
  'core/tests/tests_models.py':
    'from django.test import TestCase\n\nclass ModelTestCase(TestCase):\n    def test_str(self): pass\n\nclass TestHelper:\n    def test_not_a_case(self): pass\n',
  'reports/__init__.py': '',
  'reports/tests/tests_views.py':
    'from django.test import TestCase\n\nclass ViewsTestCase(TestCase):\n    def test_home(self): pass\n',
  'core/settings_test.py': 'DEBUG = True\n',
};

describe("unittest discovery (Django's manage.py test, python -m unittest)", () => {
  it('a Django project without pytest: test*.py in packages, TestCase classes with inherited tests; a base kept out of discovery by nesting', () => {
    // The nested base's two tests are declared once and run in each of the two subclasses: 3 + 2 declared, 3 + 4 run.
    expect(counts(DJANGO)).toEqual({ 'api/tests.py': 'unittest:5', 'core/tests/tests_models.py': 'unittest:1' });
    const inv = testInventory(memoryIndex(DJANGO));
    expect(inv.files.find((f) => f.path === 'api/tests.py')?.expanded).toBe(7);
    expect(inv.notCollected).toEqual([
      {
        path: 'reports/tests/tests_views.py',
        reason:
          "reports/tests has no __init__.py: unittest discovery (manage.py (Django's runner: manage.py test)) does not import it",
      },
    ]);
    expect(inv.sources).toContain("manage.py (Django's runner: manage.py test)");
  });

  it('labels given to manage.py test in CI narrow discovery; the run is the source', () => {
    const tree = {
      ...DJANGO,
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python manage.py test core --parallel\n',
    };
    expect(counts(tree)).toEqual({ 'core/tests/tests_models.py': 'unittest:1' });
    expect(testInventory(memoryIndex(tree)).sources).toEqual(['.github/workflows/ci.yml:6 (manage.py test)']);
  });

  it('a label computed when the job runs (`test $(…) core`) could name any app: discovery is not narrowed (round 12)', () => {
    const tree = {
      ...DJANGO,
      '.github/workflows/ci.yml':
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python manage.py test `python manage.py shell -c 'print(1)'` core -v2\n",
    };
    expect(counts(tree)).toEqual({ 'api/tests.py': 'unittest:5', 'core/tests/tests_models.py': 'unittest:1' });
    expect(testInventory(memoryIndex(tree)).sources).toEqual(['.github/workflows/ci.yml:6 (manage.py test)']);
  });

  it('python -m unittest discover with a start folder and a pattern', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml':
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m unittest discover -s checks -p '*_check.py'\n",
      'checks/__init__.py': '',
      'checks/parser_check.py':
        'import unittest\n\nclass ParserCheck(unittest.TestCase):\n    def test_a(self): pass\n    def test_b(self): pass\n',
      'checks/sample_cases.py': 'import unittest\n\nclass Other(unittest.TestCase):\n    def test_c(self): pass\n',
    };
    expect(counts(tree)).toEqual({ 'checks/parser_check.py': 'unittest:2' });
  });

  it('pytest set up in a Django project: pytest decides, tests.py is not collected by Django discovery', () => {
    expect(counts({ ...DJANGO, 'conftest.py': 'import pytest\n' })).toEqual({});
  });
});
