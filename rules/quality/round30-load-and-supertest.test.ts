import { describe, expect, it } from 'vitest';
import rule from './test-types.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const base = {
  'package.json':
    '{"name":"pad","dependencies":{"express":"^5.0.0"},"devDependencies":{"mocha":"^10.0.0","supertest":"^7.0.0"},"scripts":{"test":"mocha tests/backend/specs/*.ts"}}',
  'src/server.ts': 'import express from "express";\nexport const app = express();\n',
  'tests/backend/specs/util.ts':
    "import {strict as assert} from 'assert';\ndescribe('util', () => { it('adds', () => { assert.equal(1 + 1, 2); }); });\n",
};

describe('test-types: load tests CI runs, and supertest handed out by a test helper (blind round 30)', () => {
  it('a CI job running a load-test tool is a load test; a helper that starts the server and wraps it in supertest is integration', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...base,
        'tests/backend/common.ts':
          "import supertest from 'supertest';\nimport * as server from '../../src/server';\nexport let agent;\nexport const init = async () => {\n  const httpServer = await server.start();\n  const baseUrl = `http://localhost:${httpServer.address().port}`;\n  agent = supertest(baseUrl);\n  return agent;\n};\n",
        'tests/backend/specs/api.ts':
          "import * as common from '../common';\ndescribe('api', () => { it('lists pads', async () => { await (await common.init()).get('/api').expect(200); }); });\n",
        '.github/workflows/load.yml':
          'on: push\njobs:\n  load:\n    runs-on: ubuntu-latest\n    steps:\n      - run: sudo npm install -g pad-loadtest\n      - run: pad-loadtest -d 25 -a 50\n',
      },
      { profile: 'service' },
    );
    expect(run.message).toMatch(/^unit tests, integration tests/);
    expect(run.message).not.toMatch(/no [^.]*load/);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ note: expect.stringContaining('load-test tool pad-loadtest') }),
    );
  });
  it('installing a load-test package or a test step named load runs no load test', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...base,
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm install -g pad-loadtest\n      - name: load fixtures\n        run: npm test\n',
      },
      { profile: 'service' },
    );
    expect(run.message).toMatch(/no [^.]*load/);
  });
});
