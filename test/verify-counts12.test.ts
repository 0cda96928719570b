/**
 * readiness verify: classes found on rounds 5–12 together (fifth session, counts and recall), each on a
 * small document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const php = (name: string) => `<?php\nclass ${name} {}\n`;

describe("counts of a framework's code units: settled by listing the folder the framework keeps them in", () => {
  const tree: Tree = {
    'composer.json': '{"require":{"laravel/framework":"^11.0"}}\n',
    'app/Models/Orchard.php': php('Orchard'),
    'app/Models/Tree.php': php('Tree'),
    'app/Models/Harvest.php': php('Harvest'),
    'app/Http/Controllers/Controller.php': php('Controller'),
    'app/Http/Controllers/OrchardController.php': php('OrchardController'),
    'app/Http/Controllers/Api/TreeController.php': php('TreeController'),
    'app/Http/Middleware/CheckPicker.php': php('CheckPicker'),
    'app/Http/Middleware/LogVisit.php': php('LogVisit'),
    'app/Policies/TreePolicy.php': php('TreePolicy'),
    'app/Jobs/PressCider.php': php('PressCider'),
    'database/migrations/2024_01_01_create_orchards.php': php('A'),
    'database/migrations/2024_01_02_create_trees.php': php('B'),
    'database/migrations/2024_01_03_create_harvests.php': php('C'),
    'database/migrations/2024_01_04_add_ripeness.php': php('D'),
    'resources/views/orchards/index.blade.php': '<div></div>\n',
    'resources/views/orchards/show.blade.php': '<div></div>\n',
    'resources/views/orchards/partials/row.blade.php': '<div></div>\n',
    'resources/views/welcome.blade.php': '<div></div>\n',
  };
  const doc = [
    '# Orchard audit', //  1
    '', //  2
    '## Inventory', //  3
    '', //  4
    '- ✅ 3 Eloquent Models', //  5
    '- ✅ 2 Database Migrations', //  6
    '- ✅ 2 Custom Middleware', //  7
    '- ✅ 6 Blade View Templates', //  8
    '- ✅ 1 Policy Class', //  9
    '- ✅ 0 Background Jobs (intentional - sync queue)', // 10
    '- ✅ 2 Controllers', // 11
    '', // 12
    '| Area | Expected | Found | Status |', // 13
    '|---|---|---|---|', // 14
    '| Database Migrations | 4 | 4 | ✅ PASS |', // 15
    '| Orchards Views | 3 | 3 | ✅ PASS |', // 16
    '| Orchards Views | 2 | 2 | ✅ PASS |', // 17
    '', // 18
    '- 5 controllers optimized with eager loading', // 19
    '- **Models**: 2+ core models', // 20
    '- Supports 3 AI models for summaries', // 21
  ].join('\n');
  const { at, has } = verifier('AUDIT.md')(tree, doc, reportWith([]));

  it('a count equal to the files of the folder (with or without the base class): confirmed', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).reason).toContain('app/Models/');
    expect(at(7).verdict).toBe('confirmed');
    expect(at(9).verdict).toBe('confirmed');
    // Controller.php is the base class a reader may leave out.
    expect(at(11).verdict).toBe('confirmed');
    expect(at(15).verdict).toBe('confirmed');
    expect(at(20).verdict).toBe('confirmed');
  });

  it('a stale count: contradicted, naming both numbers and where they were counted', () => {
    expect(at(6).verdict).toBe('contradicted');
    expect(at(6).reason).toMatch(/2 database migrations.*4 files under database\/migrations\//);
    expect(at(8).verdict).toBe('contradicted');
    expect(at(8).reason).toContain('resources/views/');
    expect(at(10).verdict).toBe('contradicted');
    expect(at(10).reason).toContain('app/Jobs/');
  });

  it('a named folder of views is counted with its partials; the top level alone settles nothing', () => {
    expect(at(16).verdict).toBe('confirmed');
    expect(at(16).reason).toContain('resources/views/orchards/');
    expect(at(17).verdict).not.toBe('confirmed');
    expect(at(17).verdict).not.toBe('contradicted');
  });

  it('the units an action touched, or models of machine learning, are not a count of the folder', () => {
    if (has(19)) expect(at(19).verdict).toBe('unverifiable');
    if (has(21)) expect(at(21).verdict).not.toBe('contradicted');
  });
});

describe('Django models are the model classes of models.py', () => {
  const tree: Tree = {
    'manage.py': 'import django\n',
    'orchard/models.py':
      'from django.db import models\n\nclass Orchard(models.Model):\n    name = models.CharField(max_length=20)\n\nclass Tree(models.Model):\n    kind = models.CharField(max_length=20)\n',
    'harvest/models.py':
      'from django.db import models\n\nclass Harvest(models.Model):\n    kg = models.IntegerField()\n',
  };
  const doc = ['# Status', '', '- ✅ 3 models created', '- ✅ 5 Django models'].join('\n');
  const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));
  it('the right count is confirmed and a stale one contradicted, from the classes', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('model classes in models.py');
  });
});

describe("an assistant's state file: the bullets under a '**Status**: met' line are the section's claims", () => {
  const tree: Tree = {
    'Cargo.toml': '[package]\nname = "orchard"\nversion = "0.2.0"\n',
    'src/lib.rs': 'pub fn ripeness() -> u8 { 3 }\n',
    'README.md': '# Orchard\n\n## Install\n\ncargo add orchard\n\n## Usage\n\nCall ripeness().\n',
  };
  const doc = [
    '# Project State', //  1
    '', //  2
    '## Core Crate', //  3
    '', //  4
    '**Status**: met', //  5
    '', //  6
    '- `ripeness()` exported from src/lib.rs', //  7
    '- 12 tests pass with default features', //  8
    '', //  9
    '## Pruning Crate', // 10
    '', // 11
    '**Status**: not met', // 12
    '', // 13
    '- pruning schedule described', // 14
  ].join('\n');
  const { at, has } = verifier('state.md')(tree, doc, reportWith([]));

  it('items under "met" are claims; the status line itself is not', () => {
    expect(has(7)).toBe(true);
    expect(has(8)).toBe(true);
    expect(at(7).verdict).not.toBe('contradicted');
    expect(has(5)).toBe(false);
  });

  it('items under "not met" do not read as done', () => {
    if (has(14)) expect(at(14).verdict).not.toBe('confirmed');
  });
});
