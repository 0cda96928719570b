/**
 * readiness verify: "/v1/users/{id}" where the code writes the route inside a group or mount
 * (`v1 := r.Group("/v1")`, `v1.GET("/users/:id", …)`) is the route as the code composes it — not a
 * route "under /v1/users" that exists only in part. A route whose last segments nothing quotes stays
 * unconfirmed.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('a route written inside a group prefix', () => {
  const tree: Tree = {
    'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.12.0\n',
    'internal/routes/routes.go': [
      'package routes',
      '',
      'import "github.com/gin-gonic/gin"',
      '',
      'func Setup(r *gin.Engine, h *Handler) {',
      '\tv1 := r.Group("/v1")',
      '\tv1.GET("/users", h.List)',
      '\tv1.GET("/users/:id", h.Get)',
      '\tv1.PUT("/users/:id", h.Update)',
      '}',
      '',
    ].join('\n'),
  };
  const doc = [
    '# API', // 1
    '', // 2
    '| Method | Path | Status |', // 3
    '|---|---|---|', // 4
    '| GET | `/v1/users/{id}` | ✅ Implemented |', // 5
    '| PUT | `/v1/users/{id}` | ✅ Implemented |', // 6
    '| GET | `/v1/orders/{id}` | ✅ Implemented |', // 7
  ].join('\n');
  const { at } = verifier('API.md')(tree, doc);

  it('the group prefix and the route in one file confirm the route, with both lines', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence.some((e) => e.path === 'internal/routes/routes.go' && e.line === 8)).toBe(true);
    expect(at(5).evidence.some((e) => e.line === 6)).toBe(true);
    expect(at(6).verdict).toBe('confirmed');
  });
  it('a route the code does not write is not confirmed by the prefix alone', () => {
    expect(at(7).verdict).not.toBe('confirmed');
    expect(at(7).verdict).not.toBe('partially-confirmed');
  });
});
