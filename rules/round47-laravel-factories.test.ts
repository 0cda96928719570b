/**
 * Blind round 47: Laravel's model factories (`database/factories/`) are test support, like its
 * seeders: fake rows for tests and seeding, not product code a rule should measure or cite.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import { isProductionPath, isSeedDataPath } from '../src/facts/paths.js';
import moduleSize from './architecture/module-size.js';

const code = (n: number, name: string) =>
  Array.from({ length: n }, (_, i) => `${name}_step_${i}(input, ${i}) + other_${i}(x);`).join('\n');

describe('Laravel model factories are set aside with the seeders', () => {
  it('classifies database/factories as seed data, not production code', () => {
    for (const p of ['database/factories/UserFactory.php', 'database/factories/Activity/Models/WebhookFactory.php']) {
      expect(isSeedDataPath(p), p).toBe(true);
      expect(isProductionPath(p), p).toBe(false);
    }
    // A factory in the product's own code (a class factory, a factories package) is still code.
    for (const p of ['app/Factories/ClientFactory.php', 'src/factories/widget.ts', 'src/database/factory.ts'])
      expect(isProductionPath(p), p).toBe(true);
  });

  it('module-size names the largest product file, not a factory', async () => {
    const tree: Tree = {
      'composer.json': '{"name": "acme/wiki", "require": {"laravel/framework": "^11.0"}}',
      'app/Http/Controllers/PageController.php': `<?php\n${code(650, 'page')}`,
      'database/factories/PageFactory.php': `<?php\n${code(1300, 'fake')}`,
    };
    const run = await runRuleOn(moduleSize, tree);
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: 'app/Http/Controllers/PageController.php' });
  });
});
