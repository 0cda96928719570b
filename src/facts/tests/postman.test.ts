import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const request = (name: string, exec: string[]) => ({
  name,
  event: [{ listen: 'test', script: { type: 'text/javascript', exec } }],
  request: { method: 'GET', url: '{{API_URL}}/shares' },
});

const COLLECTION = JSON.stringify(
  {
    info: { name: 'System tests', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Auth',
        item: [
          request('Sign up', [
            'pm.test("Status code is 201", function () {',
            '    pm.response.to.have.status(201);',
            '});',
          ]),
          request('Sign in', [
            'pm.test("Status code is 200", () => pm.response.to.have.status(200));',
            '// pm.test("commented out", () => {});',
            'pm.test("Token is set", () => pm.expect(pm.response.json().token).to.be.a("string"));',
          ]),
        ],
      },
      { name: 'Health', request: { method: 'GET', url: '{{API_URL}}/health' } },
      request('Legacy', ['tests["Body has id"] = responseBody.has("id");']),
    ],
  },
  null,
  2,
);

const ci = (run: string) =>
  `on: pull_request\njobs:\n  system-tests:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n        working-directory: ./backend\n`;

describe('Postman collections run by Newman', () => {
  it('counts the requests that assert (not each pm.test), found through what CI runs', () => {
    const tree: Tree = {
      '.github/workflows/system-tests.yml': ci('npm run test:system'),
      'backend/package.json': JSON.stringify({ scripts: { 'test:system': 'newman run ./test/system.json' } }, null, 2),
      'backend/test/system.json': COLLECTION,
    };
    const inv = testInventory(memoryIndex(tree));
    expect(inv.files.map((f) => [f.path, f.framework, f.cases])).toEqual([['backend/test/system.json', 'Newman', 3]]);
    expect(inv.sources).toEqual(['backend/package.json:3 (newman run)']);
  });

  it('a collection no runner runs and not named *.postman_collection.json is only data', () => {
    const tree: Tree = { 'docs/api.json': COLLECTION };
    expect(testInventory(memoryIndex(tree)).files).toEqual([]);
    expect(
      testInventory(memoryIndex({ 'postman/api.postman_collection.json': COLLECTION })).files.map((f) => f.cases),
    ).toEqual([3]);
  });

  it('a folder test script asserts for every request below it; assertions do not multiply the count', () => {
    const many = Array.from({ length: 20 }, (_, i) => `pm.test("check ${i}", () => pm.expect(1).to.equal(1));`);
    const coll = JSON.stringify(
      {
        info: { name: 'Conduit' },
        item: [
          {
            name: 'Articles',
            event: [{ listen: 'test', script: { exec: ['pm.test("is JSON", () => pm.response.to.be.json);'] } }],
            item: [
              { name: 'List', request: { method: 'GET', url: '{{APIURL}}/articles' } },
              { name: 'Get', request: { method: 'GET', url: '{{APIURL}}/articles/x' } },
            ],
          },
          request('Register', many),
          { name: 'Untested', request: { method: 'GET', url: '{{APIURL}}/tags' } },
        ],
      },
      null,
      2,
    );
    const inv = testInventory(memoryIndex({ 'postman/Conduit.postman_collection.json': coll }));
    expect(inv.files.map((f) => [f.path, f.cases, f.first?.line])).toEqual([
      ['postman/Conduit.postman_collection.json', 3, 13],
    ]);
  });
});
