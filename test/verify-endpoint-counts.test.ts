/**
 * readiness verify: a count of the application's endpoints (rounds 22 and 25, development sets), settled
 * by counting the route declarations of the product's code — one way: more declarations than the
 * document says is out of date, fewer is left open.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

/** An Express API of three routes in one router file. */
const postsApi: Tree = {
  'package.json': '{"name":"api","dependencies":{"express":"^4.19.0"}}\n',
  'src/routes/posts.js': [
    "const router = require('express').Router();",
    "router.get('/posts', list);",
    "router.post('/posts', create);",
    "router.delete('/posts/:id', remove);",
    'module.exports = router;',
  ].join('\n'),
};

describe('the number of endpoints of the whole API', () => {
  const tree: Tree = { ...postsApi, 'test/posts.test.js': "router.get('/not-a-route', x);\n" };
  const doc = [
    '# Completion report', // 1
    '', // 2
    '- ✅ Complete REST API with 2 endpoints', // 3
    '- ✅ 3 RESTful API Endpoints', // 4
    '- ✅ 5 API endpoints', // 5
  ].join('\n');
  const { at } = verifier('REPORT.md')(tree, doc, reportWith([]));

  it('is out of date when the code declares more routes than the document counts', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('3 routes');
  });
  it('stands when the count is the routes declared (tests aside)', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('leaves a count above the declarations open', () => {
    expect(at(5).verdict).toBe('unverifiable');
  });
});

describe('the number of endpoints on a label line, and in Japanese or Chinese', () => {
  const tree = postsApi;
  const doc = [
    '# Status', // 1
    '', // 2
    '- **API Endpoints**: 2', // 3
    '- **Total routes**: 3', // 4
    '- **プロジェクト状態**: 全2エンドポイント実装完了、Swaggerドキュメント生成完了', // 5
    '### 実装済みAPI（合計3エンドポイント）', // 6
    '#### ユーザー管理API（2個）', // 7
    '- Endpoints per module: 2', // 8
  ].join('\n');
  const { at, result } = verifier('STATUS.md')(tree, doc, reportWith([]));
  const all = result.claims;

  it('reads "Endpoints: N" as the whole API and finds it out of date when the code declares more', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('3 routes');
    expect(at(3).evidence[0]?.path).toBe('src/routes/posts.js');
  });
  it('confirms a label count equal to the declarations', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('reads a Japanese total (全 / 合計 N エンドポイント)', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(6).verdict).toBe('confirmed');
  });
  it('does not compare a count of one part of the API with the whole', () => {
    const seven = all.find((c) => c.line === 7);
    expect(seven?.verdict ?? 'unverifiable').not.toBe('contradicted');
    const eight = all.find((c) => c.line === 8);
    expect(eight?.verdict ?? 'unverifiable').not.toBe('contradicted');
  });
});
describe('the total of endpoints written in Japanese or Chinese (a documented count is not the API)', () => {
  const tree = postsApi;
  const doc = [
    '# 完了報告', // 1
    '', // 2
    '### 実装済みAPI（合計2エンドポイント）', // 3
    '- ✅ 共 3 个接口', // 4
    '- ✅ 全2エンドポイントのドキュメント化完了', // 5
  ].join('\n');
  const { at, has } = verifier('REPORT.md')(tree, doc, reportWith([]));

  it('is out of date when the code declares more routes', () => {
    expect(at(3).verdict).toBe('contradicted');
    expect(at(3).reason).toContain('3 routes');
  });
  it('stands when the total is the routes declared', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('does not read a count of documented endpoints as the code’s', () => {
    if (has(5)) expect(at(5).reason).not.toContain('the code declares');
  });
});
