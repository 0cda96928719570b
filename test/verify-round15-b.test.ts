/**
 * readiness verify: classes found on round 15 (rounds 5–15 used for development, sixth session,
 * claims extracted but left without a rule or fact), each on a small document of our own against an
 * in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('documents and sections named by what they are', () => {
  const tree: Tree = {
    'README.md': [
      '# Kettle',
      '',
      '## 1. Install the kettle',
      'pip install kettle',
      '',
      '## Troubleshooting',
      'Descale it.',
    ].join('\n'),
    'docs/blueprint.md': '# Blueprint\n',
    'docs/roadmap.md': '# Roadmap\n',
    'docs/brd.md': '# Business requirements\n',
    'docs/NOTES.md': '# Notes',
    '.github/workflows/publish.yml': 'name: Publish\non:\n  push:\n    tags: ["v*"]\n',
    '.coveragerc': '[run]\nbranch = True\n',
    'pyproject.toml': ['[project]', 'name = "kettle"', '', '[project.scripts]', 'kettle = "kettle.cli:main"'].join(
      '\n',
    ),
    'kettle/cli.py': 'def main():\n    pass\n',
  };
  const doc = [
    '# Kettle status', // 1
    '', // 2
    '- [x] Installation instructions', // 3
    '- [x] Troubleshooting section', // 4
    '- [x] Blueprint document', // 5
    '- [x] Roadmap document with next steps', // 6
    '- [x] BRD (Business Requirements Document)', // 7
    '- [x] Status document (this file)', // 8
    '- [x] Publish workflow', // 9
    '- [x] .coveragerc', // 10
    '- [x] Entry points defined', // 11
    '- [x] Migration guide', // 12
    '- ❌ No troubleshooting section', // 13
    '- [x] Code documentation', // 14
  ].join('\n');
  const { at, has } = verifier('docs/NOTES.md', true)(tree, doc, reportWith([]));

  it('a README heading of the topic confirms "instructions" and "section", with file:line', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: 'README.md', line: 3 });
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: 'README.md', line: 6 });
  });

  it('a documentation file named by the topic or the acronym confirms the document', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]?.path).toBe('docs/blueprint.md');
    expect(at(6).verdict).toBe('confirmed');
    expect(at(7).verdict).toBe('confirmed');
    expect(at(7).evidence[0]?.path).toBe('docs/brd.md');
  });

  it('"(this file)" is the document itself', () => {
    expect(at(8).verdict).toBe('confirmed');
    expect(at(8).evidence[0]?.path).toBe('docs/NOTES.md');
  });

  it('a workflow, a bare file name and the entry points are looked up where they live', () => {
    expect(at(9).verdict).toBe('confirmed');
    expect(at(9).evidence[0]?.path).toBe('.github/workflows/publish.yml');
    expect(at(10).verdict).toBe('confirmed');
    expect(at(11).verdict).toBe('confirmed');
    expect(at(11).evidence[0]).toMatchObject({ path: 'pyproject.toml', line: 4 });
  });

  it('a topic found nowhere is not confirmed; a section said missing but there is contradicted', () => {
    if (has(12)) expect(['confirmed', 'partially-confirmed']).not.toContain(at(12).verdict);
    expect(at(13).verdict).toBe('contradicted');
  });

  it('a generic topic ("Code documentation") is not confirmed by a heading', () => {
    if (has(14)) expect(at(14).evidence.some((e) => e.path === 'README.md')).toBe(false);
  });
});

describe('test titles quoted in a test table are tests declared with that title', () => {
  const tree: Tree = {
    'package.json': JSON.stringify({ name: 'kettle', devDependencies: { vitest: '^1.0.0' } }),
    'src/kettle.ts': 'export const boil = (t: number) => t >= 100;\n',
    'test/kettle.test.ts': [
      "import { describe, it, expect } from 'vitest';",
      "import { boil } from '../src/kettle';",
      "describe('boil - decide si hierve', () => {",
      "  it('rechaza temperatura bajo cero', () => {",
      '    expect(boil(-1)).toBe(false);',
      '  });',
      '});',
    ].join('\n'),
    'tests/test_pot.py': ['def test_pot_holds_two_litres():', '    assert True', ''].join('\n'),
  };
  const doc = [
    '# Pruebas', // 1
    '', // 2
    '| Test | Descripción | Estado |', // 3
    '|---|---|---|', // 4
    '| rechaza temperatura bajo cero | Verifica que valores negativos sean rechazados | ✅ Pass |', // 5
    '| boil - decide si hierve | Verifica el punto de ebullición | ✅ Pass |', // 6
    '| test_pot_holds_two_litres | Verifica la capacidad | ✅ Pass |', // 7
    '| acepta temperatura de vapor alta | Verifica el vapor | ✅ Pass |', // 8
  ].join('\n');
  const { at, has } = verifier('PRUEBAS.md')(tree, doc, reportWith([]));

  it('an it() or describe() of that title confirms the row at its file:line', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]).toMatchObject({ path: 'test/kettle.test.ts', line: 4 });
    expect(at(6).verdict).toBe('confirmed');
    expect(at(6).evidence[0]).toMatchObject({ path: 'test/kettle.test.ts', line: 3 });
  });

  it('a title written as a name is a test function of that name', () => {
    expect(at(7).verdict).toBe('confirmed');
    expect(at(7).evidence[0]).toMatchObject({ path: 'tests/test_pot.py', line: 1 });
  });

  it('a title no test declares is not confirmed', () => {
    if (has(8)) expect(['confirmed', 'partially-confirmed']).not.toContain(at(8).verdict);
  });
});

describe('a configuration value the line gives is compared with the tool option that sets it', () => {
  const tree: Tree = {
    'pyproject.toml': '[project]\nname = "kettle"\n',
    'kettle/__init__.py': '',
    '.pre-commit-config.yaml': [
      'repos:',
      '  - repo: https://github.com/PyCQA/flake8',
      '    rev: 7.0.0',
      '    hooks:',
      '      - id: flake8',
      '        args: [--max-complexity=12, "--max-doc-length", "90"]',
    ].join('\n'),
    '.flake8': '[flake8]\nmax-line-length = 110\n',
  };
  const doc = [
    '# Linting', // 1
    '', // 2
    '- ✅ Max complexity: 8', // 3
    '- ✅ Max line length: 110', // 4
    '- ✅ Max doc length: 90', // 5
  ].join('\n');
  const { at } = verifier('LINT.md')(tree, doc, reportWith([]));

  it('an option in an argument list that sets another value contradicts, naming file:line', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).evidence[0]).toMatchObject({ path: '.pre-commit-config.yaml', line: 6 });
  });

  it('the same value in .flake8 or an argument list confirms', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: '.flake8', line: 2 });
    expect(at(5).verdict).toBe('confirmed');
  });
});

describe('negatives and states a file shows', () => {
  const tree: Tree = {
    'requirements.txt': ['flask>=3.0', 'requests>=2.31.0  # http', ''].join('\n'),
    'app/__init__.py': '',
    'app/repositories/pot_repository.py': 'class PotRepository: ...\n',
    'app/handlers/pot_handler.py': 'def handle(): ...\n',
    'app/forms/lid_form.py': 'class LidForm: ...\n',
    'app/forms/spout_form.py': 'class SpoutForm: ...\n',
    'tests/test_pot_repository.py': 'def test_saves():\n    assert True\n',
    'tests/test_lid_form.py': 'def test_lid():\n    assert True\n',
    '.pre-commit-config.yaml': [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: pytest-check',
      '        entry: pytest',
      '        language: system',
      '        stages: [pre-push]',
      '  # - repo: https://github.com/compilerla/conventional-pre-commit',
      '  #   hooks:',
      '  #     - id: conventional-pre-commit',
      '  #       stages: [commit-msg]',
    ].join('\n'),
  };
  const doc = [
    '# Estado', // 1
    '', // 2
    '- ✅ Requirements pinned', // 3
    '- ✅ Pre-push hook (test execution)', // 4
    '- ✅ Commit-msg hook (conventional commits)', // 5
    '- ❌ No hay tests para repositories', // 6
    '- ❌ No tests for handlers', // 7
    '- ❌ No tests for LidForm, SpoutForm', // 8
  ].join('\n');
  const { at } = verifier('ESTADO.md')(tree, doc, reportWith([]));

  it('requirements given with >= are not pinned: contradicted at the requirement line', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).evidence[0]).toMatchObject({ path: 'requirements.txt', line: 1 });
  });

  it('a hook of the stage configured confirms; one only in a commented-out entry is absent', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: '.pre-commit-config.yaml', line: 7 });
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).evidence[0]).toMatchObject({ path: '.pre-commit-config.yaml', line: 11 });
  });

  it('"no tests for X" where a test file of X exists is contradicted; where some exist, partly', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).evidence[0]?.path).toBe('tests/test_pot_repository.py');
    expect(['contradicted', 'partially-confirmed']).not.toContain(at(7).verdict);
    expect(at(8).verdict).toBe('partially-confirmed');
  });
});

describe('a test class the line names is what its count counts', () => {
  const method = (n: string) => ['    @Test', `    void ${n}() {}`];
  const tree: Tree = {
    'pom.xml':
      '<project><dependencies><dependency><artifactId>junit-jupiter</artifactId></dependency></dependencies></project>',
    'src/main/java/k/KettleService.java': 'package k;\npublic class KettleService {}\n',
    'src/test/java/k/KettleServiceTest.java': [
      'package k;',
      'import org.junit.jupiter.api.Test;',
      'class KettleServiceTest {',
      ...method('boils'),
      ...method('cools'),
      ...method('pours'),
      '}',
    ].join('\n'),
    'src/test/java/k/LidTest.java': [
      'package k;',
      'import org.junit.jupiter.api.Test;',
      'class LidTest {',
      ...method('fits'),
      '}',
    ].join('\n'),
  };
  const doc = [
    '# Issues', // 1
    '', // 2
    '- ✅ Issue #4: Backend unit tests (KettleServiceTest, 3 tests)', // 3
  ].join('\n');
  const { at } = verifier('ISSUES.md')(tree, doc, reportWith([]));

  it('the count is compared with that class, not the whole suite', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence.some((e) => e.path.endsWith('KettleServiceTest.java'))).toBe(true);
  });
});

describe('a per-component test count of a class no test names or mentions', () => {
  const goTest = (name: string, fn: string) =>
    [`package ${name}`, 'import "testing"', `func Test${fn}(t *testing.T) {}`].join('\n');
  const tree: Tree = {
    'go.mod': 'module kettle\n\ngo 1.22\n',
    'service/boil_service.go': 'package service\ntype BoilService struct{}\n',
    'service/pour_service.go': 'package service\ntype PourService struct{}\n',
    'service/boil_service_test.go': goTest('service', 'Boil'),
    'service/lid_test.go': goTest('service', 'Lid'),
    'service/spout_test.go': goTest('service', 'Spout'),
    'backend/docs/operations.md': '# Operations\n\n## Database migrations\nRun them first.\n',
  };
  const doc = [
    '# Tests', // 1
    '', // 2
    '| Componente | Tests | Cobertura |', // 3
    '|---|---|---|', // 4
    '| PourService | 7 | 90% |', // 5
    '', // 6
    '- [x] Migration documentation', // 7
  ].join('\n');
  const { at } = verifier('TESTS.md')(tree, doc, reportWith([]));

  it('no test file names or mentions the class: its count is contradicted', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('PourService');
  });

  it('a heading of the topic in any documentation page of the repository confirms', () => {
    expect(at(7).verdict).toBe('confirmed');
    expect(at(7).evidence[0]).toMatchObject({ path: 'backend/docs/operations.md', line: 3 });
  });
});

describe('a topic said documented, in several languages', () => {
  const tree: Tree = {
    'README.md': ['# Tetera', '', '## Despliegue', 'npm run deploy', '', '## API Endpoints', 'GET /pots'].join('\n'),
    'docs/ARQUITETURA.md': '# Arquitetura\n',
  };
  const doc = [
    '# Estado', // 1
    '', // 2
    '- ✅ Arquitetura documentada', // 3
    '- ✅ Documentación de despliegue', // 4
    '- ✅ Documentation of the API endpoints', // 5
  ].join('\n');
  const { at } = verifier('ESTADO.md')(tree, doc, reportWith([]));

  it('a file or heading of the topic confirms, accents and articles aside', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]?.path).toBe('docs/ARQUITETURA.md');
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: 'README.md', line: 3 });
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]).toMatchObject({ path: 'README.md', line: 6 });
  });
});

describe('a CI schedule and a pre-commit hook named by what it does', () => {
  const tree: Tree = {
    '.github/workflows/test.yml': [
      'name: Test',
      'on:',
      '  push:',
      '  schedule:',
      "    - cron: '0 3 * * *'",
      'jobs: {}',
    ].join('\n'),
    '.pre-commit-config.yaml': [
      'repos:',
      '  - repo: https://github.com/pre-commit/pre-commit-hooks',
      '    rev: v4.5.0',
      '    hooks:',
      '      - id: detect-private-key',
      '      - id: check-yaml',
    ].join('\n'),
  };
  const doc = [
    '# CI', // 1
    '', // 2
    '- ✅ Scheduled nightly runs', // 3
    '- ✅ Private key detection enabled', // 4
    '- ✅ Secret scanning of history', // 5
  ].join('\n');
  const { at, has } = verifier('CI.md')(tree, doc, reportWith([]));

  it('a cron schedule in a workflow confirms at its line', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: '.github/workflows/test.yml', line: 4 });
  });

  it('the hook whose id is the line’s words confirms; another hook does not', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: '.pre-commit-config.yaml', line: 5 });
    if (has(5)) expect(at(5).evidence.some((e) => e.path === '.pre-commit-config.yaml')).toBe(false);
  });
});

describe('template files and ignored configuration', () => {
  const tree: Tree = {
    'config.example.yaml': 'port: 8080\n',
    '.gitignore': ['# local', 'node_modules/', 'config.yaml', ''].join('\n'),
    'src/main.py': 'print(1)\n',
  };
  const doc = [
    '# Setup', // 1
    '', // 2
    '- ✅ Template files provided', // 3
    '- ✅ Config files gitignored', // 4
    '- ✅ Secret files gitignored', // 5
  ].join('\n');
  const { at, has } = verifier('SETUP.md')(tree, doc, reportWith([]));

  it('an example file to copy confirms the templates; a .gitignore line the config files', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]?.path).toBe('config.example.yaml');
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: '.gitignore', line: 3 });
  });

  it('a kind of file no .gitignore line names is not confirmed', () => {
    if (has(5)) expect(at(5).evidence.some((e) => e.path === '.gitignore')).toBe(false);
  });
});
