/**
 * readiness verify: a port the prose gives a service ("auth-service on port 4000", "Dockerコンテナ:
 * kajishift-postgres、ポート5433") is part of the claim: the service's name found with no port of it
 * found does not confirm the line (round 30, development set).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a port given in prose', () => {
  const tree: Tree = {
    'package.json': '{"name":"api","dependencies":{"express":"^4.19.0"}}\n',
    'src/index.js': "const app = require('express')();\napp.listen(3000);\n",
    'scripts/setup-database.sh': 'docker run --name shop-postgres -p 5432:5432 -d postgres:16\n',
    'docker-compose.yml': 'services:\n  shop-cache:\n    image: redis:7\n    ports:\n      - "6379:6379"\n',
  };
  const doc = [
    '# Handover', // 1
    '', // 2
    '- ✅ PostgreSQLセットアップ完了（Dockerコンテナ: shop-postgres、ポート5433）', // 3
    '- ✅ Cache: `shop-cache` on port 6380', // 4
    '- ✅ Cache: `shop-cache` on port 6379', // 5
  ].join('\n');
  const { result } = verifier('HANDOVER.md')(tree, doc, reportWith([]));
  const at = (line: number) => result.claims.find((c) => c.line === line);

  it('leaves the line open when no port of the named service is found', () => {
    expect(at(3)?.verdict ?? 'unverifiable', at(3)?.reason).not.toBe('confirmed');
  });
  it('does not confirm a port the service is given another one', () => {
    expect(at(4)?.verdict, at(4)?.reason).not.toBe('confirmed');
  });
  it('keeps a port the service is given', () => {
    expect(at(5)?.verdict, at(5)?.reason).not.toBe('contradicted');
  });
});
