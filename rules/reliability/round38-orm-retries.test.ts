import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import retries from './retries.js';

/**
 * Blind round 38: Sequelize's retry options (`retry: { max, backoffBase, backoffExponent, match }`,
 * retry-as-promised) retry database connections and queries with a growing delay.
 */
const tree = (retry: string) => ({
  'package.json': JSON.stringify({
    name: 'pay',
    dependencies: { '@hapi/hapi': '^21.0.0', sequelize: '^6.0.0', pg: '^8.0.0' },
  }),
  'app/index.js': "const Hapi = require('@hapi/hapi');\nHapi.server({ port: 3000 }).start();\n",
  'app/config/database.js': `${retry}\nmodule.exports = { database: process.env.POSTGRES_DB, dialect: 'postgres', retry, pool: { max: 10, min: 0 } }\n`,
  'app/data/index.js':
    "const { Sequelize } = require('sequelize');\nconst config = require('../config/database');\nmodule.exports = new Sequelize(config.database, config.username, config.password, config);\n",
});

describe('round 38: ORM retry options', () => {
  it('Sequelize retry with backoffBase/backoffExponent is retries with backoff', async () => {
    const r = await runRuleOn(
      retries,
      tree(
        'const retry = {\n  backoffBase: 500,\n  backoffExponent: 1.1,\n  match: [/SequelizeConnectionError/],\n  max: 10,\n  name: "connection"\n}',
      ),
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('fail');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/config/database.js', line: 2 }));
  });

  it('a pool size alone is no retry', async () => {
    const r = await runRuleOn(retries, tree('const retry = undefined'), { profile: 'service' });
    expect(r.evidence.some((e) => e.path === 'app/config/database.js')).toBe(false);
  });
});
