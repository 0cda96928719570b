/**
 * readiness verify: agreement on claims that name code in plain prose (round 20). Each case is a small
 * document of our own against an in-memory tree: a camelCase name written without ticks settles a claim
 * of presence only when the repository defines it, imports it or has a file of that name — every name
 * the line gives, cited at its file and line — and a numbered file's name (a migration) is a file.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { proseNamesIn } from '../src/verify/prose-names.js';
import { verifier } from './helpers/verify.js';

describe('camelCase names written in prose', () => {
  const tree: Tree = {
    'go.mod': 'module example.com/shelf\n\ngo 1.22\n',
    'internal/store/models.go': 'package store\n\n// StringArray is stored as JSON.\ntype StringArray []string\n',
    'internal/store/backup.go':
      'package store\n\nfunc ExportShelves() error { return nil }\n\nfunc helper() string { return "GitHub" }\n',
    'app/ui/HistoryScreen.kt': 'package app.ui\n\nfun render() {}\n',
    'tests/Feature/LoanTest.php':
      '<?php\nuse Illuminate\\Foundation\\Testing\\RefreshDatabase;\n\nclass LoanTest { use RefreshDatabase; }\n',
  };
  const doc = [
    '# Status', // 1
    '', // 2
    '- ✅ Custom StringArray type for JSON serialization', // 3
    '- ✅ Clean database state per case (RefreshDatabase)', // 4
    '- ✅ HistoryScreen lists past loans', // 5
    '- ✅ Custom PhantomBuffer type for uploads', // 6
    '- ✅ StringArray and PhantomBuffer types', // 7
    '- ✅ Releases published on GitHub', // 8
    '- ✅ Backups through ExportShelves', // 9
    '- ❌ No StringArray type yet', // 10
    '- ✅ Shared parts (StringArray, HistoryScreen) follow best practices', // 11
    '| StringArray serialization | ✅ PASS |', // 12
    '- ✅ StringArray keeps shelf labels ordered and trimmed before saving them', // 13
    '', // 14
    '## Couverture des modèles', // 15
    '', // 16
    '- ✅ Validation StringArray', // 17
  ].join('\n');
  const { at } = verifier('STATUS.md')(tree, doc);

  it('reads the camelCase words outside ticks, not those in ticks or already taken', () => {
    expect(proseNamesIn('- Custom StringArray and `TickedName` (isEditMode) with JSON', [])).toEqual(['StringArray']);
    expect(proseNamesIn('- `StringArray` type', [])).toEqual([]);
    expect(proseNamesIn('- UserService and StringArray', ['UserService'])).toEqual(['StringArray']);
  });
  it('a name the repository defines confirms the claim, cited at the definition', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: 'internal/store/models.go', line: 4 });
    expect(at(9).verdict).toBe('confirmed');
    expect(at(9).evidence[0]).toMatchObject({ path: 'internal/store/backup.go', line: 3 });
  });
  it('a library class the code imports, and a file of that name, are found', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: 'tests/Feature/LoanTest.php', line: 2 });
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]).toMatchObject({ path: 'app/ui/HistoryScreen.kt' });
  });
  it('a name nowhere defined confirms nothing and contradicts nothing (it may be a product or a word)', () => {
    expect(at(6).verdict).toBe('unverifiable');
    // One of two names missing: the line is not settled by the one found.
    expect(at(7).verdict).toBe('unverifiable');
    // A product's name in a string is no definition.
    expect(at(8).verdict).not.toBe('confirmed');
  });
  it('a line that judges how well, reports a run, or says much more than its names is not settled by them', () => {
    expect(at(11).verdict).not.toBe('confirmed');
    expect(at(12).verdict).not.toBe('confirmed');
    expect(at(13).verdict).not.toBe('confirmed');
  });
  it('under a heading of tests or coverage, a name defined in the code does not show it is tested', () => {
    expect(at(17).verdict).not.toBe('confirmed');
  });
  it('a claim of absence whose name is defined is not confirmed by it', () => {
    expect(at(10).verdict).not.toBe('confirmed');
  });
});

describe('numbered file names', () => {
  const tree: Tree = {
    'composer.json': '{"require": {"php": "^8.2"}}\n',
    'database/migrations/2025_02_03_000001_change_ids_to_string.php': '<?php\nreturn new class {};\n',
  };
  const doc = [
    '# Status', // 1
    '', // 2
    '## ✅ Done', // 3
    '', // 4
    '- **Migration:** `2025_02_03_000001_change_ids_to_string.php`', // 5
    '- **Migration:** `2025_02_04_000001_create_pets_table.php`', // 6
    '- **Release:** 24/7 support, version 1.2.3', // 7
  ].join('\n');
  const { at, has } = verifier('STATUS.md')(tree, doc);

  it('a migration named by its numbered file is found where the tree has it', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]!.path).toBe('database/migrations/2025_02_03_000001_change_ids_to_string.php');
  });
  it('a numbered file the tree does not hold contradicts the line', () => {
    expect(at(6).verdict).toBe('contradicted');
  });
  it('figures with dots or slashes are not files', () => {
    if (has(7)) expect(at(7).verdict).not.toBe('confirmed');
  });
});

describe("commands a manifest declares, named in ticks at an item's start", () => {
  const tree: Tree = {
    'composer.json': [
      '{',
      '  "name": "acme/shelf",',
      '  "require": {"php": "^8.2"},',
      '  "scripts": {',
      '    "check:types": "phpstan analyse",',
      '    "tidy": "pint"',
      '  }',
      '}',
    ].join('\n'),
    'web/package.json': '{\n  "name": "web",\n  "scripts": {\n    "serve": "vite"\n  }\n}\n',
    Makefile: 'all: build\n\nbuild:\n\tgo build ./...\n',
    'src/App.php': '<?php\nclass App {}\n',
  };
  const doc = [
    '# Commands', // 1
    '', // 2
    '- [x] `check:types` - Static types of the code', // 3
    '- [x] `tidy` - Format the sources', // 4
    '- [x] `serve` - Local web server', // 5
    '- [x] `build` - Compile the binaries', // 6
    '- [x] `shrink` - Minify the assets', // 7
    '- [ ] `tidy` - Format the sources', // 8
  ].join('\n');
  const { at } = verifier('COMMANDS.md')(tree, doc);

  it('a script of composer.json or package.json, or a Makefile target, confirms the item at its line', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: 'composer.json', line: 5 });
    expect(at(4).verdict).toBe('confirmed');
    expect(at(5).evidence[0]).toMatchObject({ path: 'web/package.json', line: 4 });
    expect(at(5).verdict).toBe('confirmed');
    expect(at(6).verdict).toBe('confirmed');
    expect(at(6).evidence[0]).toMatchObject({ path: 'Makefile', line: 3 });
  });
  it('a name no manifest declares is not confirmed, and an open item is not confirmed by one', () => {
    expect(at(7).verdict).not.toBe('confirmed');
    expect(at(8).verdict).not.toBe('confirmed');
  });
});

describe('dot-files named in ticks', () => {
  const tree: Tree = {
    'package.json': '{"name": "x"}\n',
    'deploy/.cloudignore': 'node_modules\n',
    'src/index.js': 'module.exports = 1;\n',
  };
  const doc = [
    '# Deploy', // 1
    '', // 2
    '- ✅ `.cloudignore` - upload exclusions', // 3
    '- ✅ `.env.staging` - staging settings', // 4
  ].join('\n');
  const { at } = verifier('DEPLOY.md')(tree, doc);

  it('a dot-file the listing holds is found at its path', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).evidence[0]).toMatchObject({ path: 'deploy/.cloudignore' });
  });
  it('a dot-file the listing lacks (kept on a server) decides nothing', () => {
    expect(at(4).verdict).toBe('unverifiable');
  });
});
