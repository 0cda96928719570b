/**
 * Blind round 37: a Sqitch project (db/sqitch.plan with 7 changes, db/deploy/*.sql) was reported
 * as "Sqitch; 1 migration file(s)": the plan file was counted, not the changes it lists.
 */
import rule from './database-migrations.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const PLAN = [
  '%syntax-version=1.0.0',
  '%project=svc',
  '',
  'appschema 2016-07-26T01:46:16Z Ann <ann@example.com> # Initial schema',
  'users [appschema] 2016-07-26T02:17:04Z Ann <ann@example.com> # Adds users',
  '@v1.0 2016-07-27T00:00:00Z Ann <ann@example.com> # Tag v1.0',
  'orders [appschema users] 2016-10-19T23:08:04Z Ann <ann@example.com> # Adds orders',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'a Sqitch plan counts its changes (deploy scripts), not the plan file',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'pg'\n",
        'sqitch.conf': '[core]\n\tengine = pg\n\ttop_dir = db\n',
        'db/sqitch.plan': PLAN,
        'db/deploy/appschema.sql': 'BEGIN;\nCREATE SCHEMA app;\nCOMMIT;\n',
        'db/deploy/users.sql': 'BEGIN;\nCREATE TABLE app.users (id bigserial PRIMARY KEY);\nCOMMIT;\n',
        'db/deploy/orders.sql': 'BEGIN;\nCREATE TABLE app.orders (id bigserial PRIMARY KEY);\nCOMMIT;\n',
        'db/revert/orders.sql': 'BEGIN;\nDROP TABLE app.orders;\nCOMMIT;\n',
      },
      expect: {
        outcome: 'pass',
        message: ['Sqitch; 3 migration file(s)'],
        evidence: [{ path: 'db/sqitch.plan', note: 'Sqitch: 3 change(s) in the plan, latest orders' }],
      },
    },
  ],
  invalid: [
    {
      name: 'deploy scripts without a Sqitch plan are SQL kept, not versioned migrations',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'pg'\n",
        'db/deploy/users.sql': 'BEGIN;\nCREATE TABLE app.users (id bigserial PRIMARY KEY);\nCOMMIT;\n',
      },
      expect: { outcome: 'partial', message: ['not versioned as migrations'] },
    },
  ],
});
