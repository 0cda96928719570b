import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import architectureDocs from './architecture-docs.js';
import typeSafety from './type-safety.js';

/**
 * Blind round 21: a Hugo section index (`_index.md`) in the decisions folder was counted as an ADR
 * (ardalis-ca); type-safety cited `.php-cs-fixer.php` as where a Laravel app's PHP files are (roadmap).
 */
describe('round 21: architecture wording', () => {
  it('a Hugo section index is no decision record: 1 ADR, not 2', async () => {
    const r = await runRuleOn(
      architectureDocs,
      {
        'docs/content/architecture.md': '# Architecture\n\nThe web project calls the core through use cases.\n',
        'docs/content/architecture-decisions/_index.md':
          '---\ntitle: "Architecture Decisions"\nweight: 3\n---\n\nDecisions taken so far.\n',
        'docs/content/architecture-decisions/adr-001-use-mediator.md':
          '# ADR 001: use a mediator\n\n## Status\n\nAccepted\n\n## Context\n\nHandlers.\n\n## Decision\n\nUse one.\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/1 architecture decision record/);
    expect(r.evidence).not.toContainEqual(
      expect.objectContaining({ path: 'docs/content/architecture-decisions/_index.md' }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'docs/content/architecture-decisions/adr-001-use-mediator.md' }),
    );
  });

  it('PHP without static analysis is cited at a source file, not at the formatter configuration', async () => {
    const r = await runRuleOn(
      typeSafety,
      {
        'composer.json': '{"require":{"laravel/framework":"^10.0"}}',
        '.php-cs-fixer.php': '<?php\n\nreturn (new PhpCsFixer\\Config())->setRules([]);\n',
        'app/Models/Item.php': '<?php\n\nnamespace App\\Models;\n\nclass Item {}\n',
        'app/Http/Controllers/ItemController.php':
          '<?php\n\nnamespace App\\Http\\Controllers;\n\nclass ItemController {}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: '.php-cs-fixer.php' }));
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: expect.stringMatching(/^app\//), note: expect.stringMatching(/PHP file\(s\)/) }),
    );
  });
});
