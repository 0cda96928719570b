/**
 * readiness verify: practice lines of documents written in German, Spanish, French and Portuguese map to the
 * rules that check them, as their English phrasing does; an infinitive that asks for work is a to-do.
 */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../src/types.js';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const rule = (id: string, outcome: Outcome, message: string, evidence: { path: string; line?: number }[]) => ({
  id,
  outcome,
  message,
  evidence,
  score: outcome === 'pass' ? 1 : outcome === 'partial' ? 0.5 : 0,
});

const verifyIn = verifier('STATUS.md');

describe('practice lines in other languages are checked by the rule that checks them', () => {
  const tree: Tree = {
    'Cargo.toml': '[package]\nname = "werkbank"\nversion = "0.3.0"\n',
    'src/main.rs': 'fn main() {}\n',
    'migrations/2024-01-01-000000_create_items/up.sql': 'CREATE TABLE items (id SERIAL PRIMARY KEY);\n',
  };
  const report = reportWith([
    rule('architecture/database-migrations', 'pass', 'Diesel migrations (1)', [
      { path: 'migrations/2024-01-01-000000_create_items/up.sql', line: 1 },
    ]),
    rule('observability/metrics', 'fail', 'No metrics library or endpoint', [{ path: '.' }]),
    rule('reliability/backups', 'fail', 'No backup configuration', [{ path: '.' }]),
  ]);
  const doc = [
    '# Projektstatus', // 1
    '', // 2
    '- [x] Datenbank-Migrationen automatisiert', // 3
    '- [x] Métricas de Prometheus expuestas', // 4
    '- [x] Sauvegardes quotidiennes configurées', // 5
    '- [ ] Écrire tests automatisés (>80%)', // 6
  ].join('\n');
  const { at, has } = verifyIn(tree, doc, report);

  it('a German migrations line is confirmed by database-migrations, citing the migration', () => {
    expect(at(3)).toMatchObject({ verdict: 'confirmed' });
    expect(at(3).evidence[0]?.path).toBe('migrations/2024-01-01-000000_create_items/up.sql');
  });

  it('Spanish metrics and French backups lines said done are contradicted by the rules that find none', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(5).verdict).toBe('contradicted');
  });

  it('a French infinitive that asks for work is a to-do, not a claim', () => {
    expect(has(6)).toBe(false);
  });
});
