/**
 * The layering docs/architecture.md promises: src/ never imports rules/, the contract module
 * imports nothing, and rules reach the repository only through their context (no fs, no process).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** Every non-test TypeScript file under a folder, with its import specifiers. */
function modules(dir: string): { file: string; imports: string[] }[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => {
      const text = readFileSync(join(ROOT, dir, f), 'utf8');
      const imports = [
        ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm),
      ].map((m) => m[1] ?? m[2]!);
      return { file: join(dir, f), imports };
    });
}

describe('layers', () => {
  it('src/ never imports rules/', () => {
    const offenders = modules('src').flatMap(({ file, imports }) =>
      imports
        .filter((i) => i.startsWith('.') && relative(ROOT, join(ROOT, file, '..', i)).startsWith('rules'))
        .map((i) => `${file} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src/types.ts, the contract, imports nothing', () => {
    expect(modules('src').find((m) => m.file === join('src', 'types.ts'))!.imports).toEqual([]);
  });

  it('a rule that reads ctx.options declares them in its meta, so that a config can be checked against them', async () => {
    const { PILLARS } = await import('../rules/index.js');
    const reading: string[] = [];
    for (const p of PILLARS)
      for (const { rule } of p.rules) {
        const source = readFileSync(join(ROOT, 'rules', p.id, `${rule.meta.id}.ts`), 'utf8');
        if (!source.includes('ctx.options')) continue;
        reading.push(rule.meta.id);
        expect(rule.meta.options, `${p.id}/${rule.meta.id}`).toBeDefined();
      }
    expect(reading.length).toBeGreaterThan(0);
  });

  it('rules touch no file system and start no process', () => {
    const offenders = modules('rules').flatMap(({ file, imports }) =>
      imports
        .filter((i) => /^(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https)$/.test(i))
        .map((i) => `${file} → ${i}`),
    );
    expect(offenders).toEqual([]);
    expect(modules('rules').length).toBeGreaterThan(50);
  });
});
