import { describe, expect, it } from 'vitest';
import rule from './database-migrations.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const STORE = (call: string) =>
  [
    'package store',
    '',
    'import (',
    '\t"github.com/jinzhu/gorm"',
    '\t_ "github.com/jinzhu/gorm/dialects/sqlite"',
    ')',
    '',
    'type Approval struct{ ID string }',
    '',
    'func Open(path string) (*gorm.DB, error) {',
    '\tdb, err := gorm.Open("sqlite3", path)',
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
    call,
    '\treturn db, nil',
    '}',
    '',
  ].join('\n');

const tree = (call: string, extra: Record<string, string> = {}) => ({
  'go.mod': 'module example.com/approvals\n\ngo 1.22\n\nrequire github.com/jinzhu/gorm v1.9.16\n',
  'main.go': 'package main\n\nimport "example.com/approvals/store"\n\nfunc main() { store.Open("db.sqlite") }\n',
  'store/store.go': STORE(call),
  ...extra,
});

describe('database-migrations: gorm AutoMigrate / Ent Schema.Create is an auto-migration (blind round 35)', () => {
  it('gorm v1 (github.com/jinzhu/gorm) with AutoMigrate at start-up is applicable and partial', async () => {
    const run = await runRuleOn(rule, tree('\tdb.AutoMigrate(&Approval{})'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('auto-migrated at start-up (gorm AutoMigrate at store/store.go:15)');
  });

  it('Ent client.Schema.Create at start-up is partial too', async () => {
    const run = await runRuleOn(
      rule,
      {
        'go.mod': 'module example.com/shop\n\ngo 1.22\n\nrequire entgo.io/ent v0.13.1\n',
        'main.go': [
          'package main',
          '',
          'import (',
          '\t"context"',
          '\t"entgo.io/ent/dialect"',
          '\t"example.com/shop/ent"',
          ')',
          '',
          'func main() {',
          '\tclient, _ := ent.Open(dialect.Postgres, "")',
          '\tclient.Schema.Create(context.Background())',
          '}',
          '',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('Ent Schema.Create at main.go:11');
  });

  it('versioned migrations beside AutoMigrate still pass', async () => {
    const run = await runRuleOn(
      rule,
      tree('\tdb.AutoMigrate(&Approval{})', {
        'migrations/0001_approvals.up.sql': 'CREATE TABLE approvals (id text);\n',
        'migrations/0001_approvals.down.sql': 'DROP TABLE approvals;\n',
      }),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
  });

  it('gorm with no AutoMigrate and no migrations fails', async () => {
    const run = await runRuleOn(rule, tree('\t// the schema is created by hand'), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
});
