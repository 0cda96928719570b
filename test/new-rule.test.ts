/** The scaffold script: creates a rule that works, a test, a sorted table entry and a fixture stub. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Rule } from '../src/types.js';

const repo = join(import.meta.dirname, '..');
const script = join(repo, 'scripts', 'new-rule.mjs');

/** A scratch checkout: pillar tables copied, src/ linked so the generated rule can be imported. */
function scratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'readiness-new-rule-'));
  for (const p of ['architecture', 'reliability']) {
    mkdirSync(join(root, 'rules', p), { recursive: true });
    cpSync(join(repo, 'rules', p, 'index.ts'), join(root, 'rules', p, 'index.ts'));
  }
  cpSync(join(repo, 'rules', 'architecture', 'readme.ts'), join(root, 'rules', 'architecture', 'readme.ts'));
  symlinkSync(join(repo, 'src'), join(root, 'src'));
  symlinkSync(join(repo, 'rules', '_shared'), join(root, 'rules', '_shared'));
  return root;
}
const run = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, '--root', root, ...args], { encoding: 'utf8' });

describe('npm run new-rule', () => {
  it('scaffolds rule, test, sorted table entry and fixture stub; the new rule runs', async () => {
    const root = scratch();
    const r = run(root, 'architecture', 'layering');
    expect(r.status, r.stderr).toBe(0);
    const table = readFileSync(join(root, 'rules', 'architecture', 'index.ts'), 'utf8');
    const found = [...table.matchAll(/^import (\w+) from '\.\/([a-z-]+)\.js';$/gm)];
    const imports = found.map((m) => m[2]!);
    const idOf = new Map(found.map((m) => [m[1]!, m[2]!]));
    expect(imports).toEqual([...imports].sort());
    expect(imports).toContain('layering');
    const entries = [...table.matchAll(/\{ rule: (\w+), weight/g)].map((m) => idOf.get(m[1]!));
    expect(entries).toContain('layering');
    expect(entries).toEqual([...entries].sort());
    expect(readFileSync(join(root, 'rules', 'architecture', 'layering.test.ts'), 'utf8')).toContain(
      'ruleTester(rule, {',
    );
    expect(readFileSync(join(root, 'fixtures', 'README.md'), 'utf8')).toContain(
      '| `architecture-layering` | architecture/layering',
    );
    const rule = (await import(join(root, 'rules', 'architecture', 'layering.ts'))).default as Rule;
    expect(rule.meta.id).toBe('layering');
    expect((await runRuleOn(rule, { 'docs/layering.md': '# x\n' })).outcome).toBe('pass');
    expect((await runRuleOn(rule, { 'README.md': '# x\n' })).outcome).toBe('fail');
  });

  it('opens up an empty table', () => {
    const root = scratch();
    // A pillar whose table has no rule yet, as every pillar once had.
    writeFileSync(
      join(root, 'rules', 'reliability', 'index.ts'),
      "import type { PillarDefinition } from '../../src/types.js';\n\nexport default {\n  id: 'reliability',\n  title: 'Reliability & Resilience',\n  description: 'd',\n  rules: [],\n} satisfies PillarDefinition;\n",
    );
    expect(run(root, 'reliability', 'retries').status).toBe(0);
    const table = readFileSync(join(root, 'rules', 'reliability', 'index.ts'), 'utf8');
    expect(table).toMatch(/import retries from '\.\/retries\.js';\n/);
    expect(table).toMatch(/rules: \[\n\s+\{ rule: retries, weight: 3 \},\n\s+\],/);
  });

  it('refuses an existing id, a bad pillar or a bad id with exit 2', () => {
    const root = scratch();
    const existing = run(root, 'architecture', 'readme');
    expect(existing.status).toBe(2);
    expect(existing.stderr).toContain('architecture/readme already exists');
    expect(run(root, 'speed', 'x').stderr).toContain('unknown pillar "speed"');
    expect(run(root, 'quality', 'Bad_Id').stderr).toContain('must be kebab-case');
    expect(() => execFileSync(process.execPath, [script, '--root', root], { stdio: 'pipe' })).toThrow();
  });
});
