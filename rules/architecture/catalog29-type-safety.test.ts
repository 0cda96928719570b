/**
 * Pyrefly (Meta's Python type checker) configured in pyrefly.toml or `[tool.pyrefly]` is a checker,
 * as ty's and mypy's sections are (catalogue coverage, issue 15); a section of another tool that
 * mentions it is not.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './type-safety.js';

const app = {
  'app/__init__.py': '',
  'app/main.py': 'def handler(event: dict) -> dict:\n    return event\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'Pyrefly beside a strict mypy section: strict checking wins',
      tree: {
        ...app,
        'pyproject.toml':
          '[project]\nname = "app"\n\n[tool.pyrefly]\nproject-includes = ["app"]\n\n[tool.mypy]\nstrict = true\n',
      },
      expect: { outcome: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'pyrefly.toml configures Pyrefly: a checker, not strict (partial, as ty)',
      tree: { ...app, 'pyrefly.toml': 'project-includes = ["app"]\npython-version = "3.12"\n' },
      expect: { outcome: 'partial', score: 0.6, evidence: [{ path: 'pyrefly.toml' }] },
    },
    {
      name: '[tool.pyrefly] in pyproject.toml configures Pyrefly',
      tree: { ...app, 'pyproject.toml': '[project]\nname = "app"\n\n[tool.pyrefly]\nproject-includes = ["app"]\n' },
      expect: { outcome: 'partial', score: 0.6, evidence: [{ path: 'pyproject.toml', line: 4 }] },
    },
    {
      name: 'look-alike: Pyrefly named in a [tool.ruff] comment configures no checker',
      tree: {
        ...app,
        'pyproject.toml': '[project]\nname = "app"\n\n[tool.ruff]\n# we may try pyrefly later\nline-length = 100\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});
