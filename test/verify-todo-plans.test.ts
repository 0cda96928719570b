/**
 * readiness verify: files and modules listed under a heading or label of work still to do ("PHASE 3 -
 * CRUD (À FAIRE)", "Modules à créer :", "Files to create:", "## TODO") are a plan, not a claim that
 * they are missing: nothing under it is confirmed absent, and a file written since is no contradiction.
 * A document titled "TODO" that tracks items marked done reads each item by its own mark. An open box
 * under a list of gaps ("Missing:") stays a claim of absence.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const tree: Tree = {
  'composer.json': '{"name":"acme/app","require":{"php":"^8.2","laravel/framework":"^12.0"}}\n',
  'app/Http/Controllers/OrderController.php': '<?php\nclass OrderController {}\n',
  'app/Services/OrderService.php': '<?php\nclass OrderService {}\n',
  'app/Policies/OrderPolicy.php': '<?php\nclass OrderPolicy {}\n',
  'src/middleware/cors.middleware.ts': 'export const cors = () => {};\n',
};

describe('a plan of files to write is not a claim', () => {
  const doc = [
    '# Avancement', // 1
    '', // 2
    '## PHASE 1 - Socle (TERMINÉE)', // 3
    '- [x] `app/Policies/OrderPolicy.php`', // 4
    '', // 5
    '## PHASE 2 - Modules (À FAIRE)', // 6
    '', // 7
    '### Modules à créer :', // 8
    '- [ ] `app/Http/Controllers/InvoiceController.php`', // 9
    '- [ ] `app/Http/Controllers/OrderController.php`', // 10
    '- [ ] `app/Services/InvoiceService.php` - Logique métier', // 11
    '', // 12
    '## Files to create', // 13
    '- `app/Services/ReportService.php`', // 14
    '- `app/Services/OrderService.php`', // 15
    '', // 16
    '## Missing', // 17
    '- [ ] `app/Policies/InvoicePolicy.php`', // 18
  ].join('\n');
  const { at, has } = verifier('PROGRESS.md')(tree, doc);

  it('a ticked item of a done phase is still checked', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('open items under a to-do heading are neither confirmed absent nor contradicted', () => {
    for (const line of [9, 10, 11]) expect(has(line) ? at(line).verdict : 'none').toMatch(/none|unverifiable/);
  });
  it('files under "Files to create" are not claimed to be there', () => {
    for (const line of [14, 15]) expect(has(line) ? at(line).verdict : 'none').toMatch(/none|unverifiable/);
  });
  it('an open box under "Missing" is still a claim of absence', () => {
    expect(at(18).verdict).toBe('confirmed');
  });
});

describe('a document titled TODO that tracks done items', () => {
  const doc = [
    '# TODO - Starter Improvements', // 1
    '', // 2
    '### ✅ 1. CORS Configuration', // 3
    '', // 4
    '- **Status**: ✅ Completed', // 5
    '- **Implementation**: `src/middleware/cors.middleware.ts`', // 6
    '', // 7
    '## TODO', // 8
    '- Response caching layer', // 9
  ].join('\n');
  const { at, has } = verifier('TODO.md')(tree, doc);

  it('the file a done item names is looked up as there, not as missing', () => {
    expect(at(6).verdict).toBe('confirmed');
  });
  it('an item of a to-do list is no claim of absence', () => {
    expect(has(9) ? at(9).verdict : 'none').toMatch(/none|unverifiable/);
  });
});

describe('a name that holds the word is not a to-do heading', () => {
  const doc = ['# API', '', '## Todo API endpoints', '', '- `app/Services/OrderService.php` handles orders'].join('\n');
  const { at } = verifier('API.md')(tree, doc);
  it('the item is still checked', () => {
    expect(at(5).verdict).toBe('confirmed');
  });
});
