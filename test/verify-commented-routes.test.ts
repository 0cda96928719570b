/**
 * readiness verify: an endpoint whose route the code has only on a comment line is not served (round 30,
 * development set): a client's call to it, generated API docs or tests do not make it so.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

describe('a route said to exist that is commented out', () => {
  const tree: Tree = {
    'go.mod': 'module example.com/api\n\ngo 1.23\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
    'internal/api/routes.go': [
      'package api',
      '',
      'func Setup(r *gin.RouterGroup) {',
      '\tr.GET("/health", h.Health)',
      '\tr.POST("/orders", h.CreateOrder)',
      '\t// r.POST("/upload", files.Upload)',
      '\t// r.GET("/:id/download", files.Download)',
      '\t// r.GET("/orders", h.ListOrders) // old',
      '}',
    ].join('\n'),
    'internal/api/orders.go':
      'package api\n\nfunc Register(r *gin.RouterGroup) {\n\tr.GET("/orders", h.ListOrders)\n}\n',
    'web/lib/api-client.ts': [
      "export const upload = (f: FormData) => apiClient.post('/api/v1/files/upload', f);",
      'export const download = (id: string) => apiClient.get(`/api/v1/files/${id}/download`);',
    ].join('\n'),
    'docs/api/swagger.json': '{"paths": {"/files/upload": {}}}\n',
  };
  const doc = [
    '# Implementation summary', // 1
    '', // 2
    '## Endpoints', // 3
    '- ✅ `GET /health` - Health check', // 4
    '- ✅ `POST /upload` - Upload a file', // 5
    '- ✅ `GET /:id/download` - Get a download URL', // 6
    '- ✅ `GET /orders` - List orders', // 7
  ].join('\n');
  const { at } = verifier('SUMMARY.md')(tree, doc, reportWith([]));

  it('confirms a route the code declares', () => {
    expect(at(4).verdict, at(4).reason).toBe('confirmed');
  });
  it('finds the document out of date when the route is only on a comment line, whatever a client calls', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toContain('commented out at internal/api/routes.go:6');
    expect(at(5).evidence[0]).toMatchObject({ path: 'internal/api/routes.go', line: 6 });
    expect(at(6).verdict).toBe('contradicted');
  });
  it('keeps a route declared elsewhere in the same language, though one copy is commented out', () => {
    expect(at(7).verdict).toBe('confirmed');
  });
});
