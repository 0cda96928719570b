/**
 * Blind round 34 wording: a change log whose headings put the version in backticks has version
 * headings; the newest migration is found in natural order (`v15` after `v9`).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import databaseMigrations from './architecture/database-migrations.js';
import releaseManagement from './operations/release-management.js';

const notes = (run: { evidence: { note?: string }[] }) => run.evidence.map((e) => e.note ?? '').join(' | ');

describe('round 34: a version in backticks or bold is a version heading', () => {
  const lib = (log: string) => ({
    'package.json': '{"name": "shapes", "version": "2.0.0", "main": "index.js"}',
    'index.js': 'module.exports = () => 1;\n',
    'Changelog.md': log,
  });
  for (const heading of ['### `2.0.0` - July 3, 2024', '## **1.4.2** (2024-01-05)', '## `v3` — the rewrite'])
    it(`${heading} is a version heading`, async () => {
      const run = await runRuleOn(releaseManagement, lib(`# Changelog\n\n${heading}\n\n- Faster checks.\n`));
      expect(notes(run)).toMatch(/change log with version headings/);
      expect(notes(run)).not.toMatch(/without version headings/);
    });
  it('a change log with prose headings only stays without version headings', async () => {
    const run = await runRuleOn(
      releaseManagement,
      lib('# Changelog\n\n### `unreleased` work\n\n- Faster checks.\n\n## Notes\n\nSee the `docs` folder.\n'),
    );
    expect(notes(run)).toMatch(/change log without version headings/);
  });
});

describe('round 34: the latest migration is the highest number, not the last in text order', () => {
  const tree = (names: string[]) => ({
    'package.json': '{"name": "ledger", "dependencies": {"pg": "^8.0.0", "knex": "^3.0.0"}}',
    'src/db.js': "const knex = require('knex');\nmodule.exports = knex({ client: 'pg' });\n",
    ...Object.fromEntries(
      names.map((n) => [
        `migrations/${n}.js`,
        "exports.up = (knex) => knex.schema.createTable('t', (t) => t.increments());\nexports.down = () => {};\n",
      ]),
    ),
  });
  it('v15 is newer than v9', async () => {
    const run = await runRuleOn(databaseMigrations, tree(['v1', 'v2', 'v9', 'v10', 'v15']), { profile: 'service' });
    expect(notes(run)).toMatch(/latest migrations\/v15\.js/);
  });
  it('zero-padded numbers keep their order', async () => {
    const run = await runRuleOn(
      databaseMigrations,
      {
        ...tree([]),
        'migrations/0001_init.sql': 'CREATE TABLE t (id INT);\n',
        'migrations/0009_keys.sql': 'ALTER TABLE t ADD COLUMN k INT;\n',
        'migrations/0010_index.sql': 'CREATE INDEX i ON t (k);\n',
      },
      { profile: 'service' },
    );
    expect(notes(run)).toMatch(/latest migrations\/0010_index\.sql/);
    expect(notes(run)).not.toMatch(/latest migrations\/0009/);
  });
  it('across folders the highest version wins, not the last folder', async () => {
    const run = await runRuleOn(
      databaseMigrations,
      {
        ...tree([]),
        'db/migration/common/V1__init.sql': 'CREATE TABLE t (id INT);\n',
        'db/migration/common/V12__index.sql': 'CREATE INDEX i ON t (id);\n',
        'db/migration/dev/V4.1__seed.sql': 'INSERT INTO t VALUES (1);\n',
      },
      { profile: 'service' },
    );
    expect(notes(run)).toMatch(/latest db\/migration\/common\/V12__index\.sql/);
  });
});
