/**
 * readiness verify: a line that says a thing holds for every route ("All API routes use Zod", "every
 * admin route calls `requireAdmin()`") is settled by counting the route files in its scope that use the
 * thing — not by the thing being somewhere in the code.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const route = (body: string) =>
  [
    'import { NextResponse } from "next/server";',
    body,
    'export async function GET() {',
    '  return NextResponse.json({});',
    '}',
  ].join('\n');

describe('a line about every route is counted over the route files', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","version":"1.0.0","dependencies":{"next":"15.0.0","zod":"3.23.0"}}\n',
    'lib/auth.ts':
      'export async function requireAdmin() {\n  return true;\n}\nexport async function requireUser() {\n  return true;\n}\n',
    'app/api/admin/orders/route.ts': route('import { requireAdmin } from "@/lib/auth";\nimport { z } from "zod";'),
    'app/api/admin/users/route.ts': route('import { requireAdmin } from "@/lib/auth";\nimport { z } from "zod";'),
    'app/api/cart/route.ts': route('import { requireUser } from "@/lib/auth";\nimport { z } from "zod";'),
    'app/api/products/route.ts': route('import { z } from "zod";\nconst q = z.object({});'),
  };
  const doc = [
    '# Security review', // 1
    '', // 2
    '- ✅ All API routes call `requireAdmin()`', // 3
    '- ✅ All admin routes call `requireAdmin()`', // 4
    '- ✅ All routes validate input with zod', // 5
    '- ✅ `requireAdmin()` guards the admin area', // 6
    '- ✅ Every endpoint calls `requireUser()`', // 7
  ].join('\n');
  const { at } = verifier('SECURITY.md')(tree, doc);

  it('some route files without the thing make the line true only in part, and name them', () => {
    expect(at(3).verdict).toBe('partially-confirmed');
    expect(at(3).reason).toMatch(/2 of 4 route files/);
    expect(at(3).reason).toContain('app/api/cart/route.ts');
  });
  it('a scope a folder shows ("admin routes") is counted over that folder, and all of them confirm', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toMatch(/2 of 2 admin route files/);
  });
  it('a package every route file imports confirms the line', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).reason).toMatch(/4 of 4 route files name zod/);
  });
  it('a line that says nothing of every route is judged as before', () => {
    expect(at(6).verdict).toBe('confirmed');
    expect(at(6).basis).toBe('search');
  });
  it('one route file of four is a part, never the whole', () => {
    expect(at(7).verdict).toBe('partially-confirmed');
  });
});

describe('what the route files alone do not settle', () => {
  it('with no route files to count, the name found leaves "all routes" open', () => {
    const tree: Tree = {
      'package.json': '{"name":"svc","version":"1.0.0"}\n',
      'src/guard.ts': 'export function checkToken(t: string) {\n  return t.length > 0;\n}\n',
    };
    const { at } = verifier('REVIEW.md')(tree, '# Review\n\n- ✅ All routes use `checkToken()`\n');
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toMatch(/every route/);
  });
  it('a middleware the app registers for every request keeps the confirmation, citing where it is applied', () => {
    const tree: Tree = {
      'package.json': '{"name":"svc","version":"1.0.0","dependencies":{"express":"4.19.0"}}\n',
      'src/app.js': [
        'const express = require("express");',
        'const { throttleRequests } = require("./throttle");',
        'const app = express();',
        'app.use(throttleRequests());',
        'app.use("/orders", require("./routes/orders"));',
        'app.use("/users", require("./routes/users"));',
        'module.exports = app;',
      ].join('\n'),
      'src/throttle.js':
        'function throttleRequests() {\n  return (req, res, next) => next();\n}\nmodule.exports = { throttleRequests };\n',
      'src/routes/orders.js':
        'const router = require("express").Router();\nrouter.get("/", (req, res) => res.json([]));\nmodule.exports = router;\n',
      'src/routes/users.js':
        'const router = require("express").Router();\nrouter.get("/", (req, res) => res.json([]));\nmodule.exports = router;\n',
    };
    const { at } = verifier('REVIEW.md')(tree, '# Review\n\n- ✅ All endpoints use `throttleRequests()`\n');
    expect(at(3).verdict).toBe('confirmed');
    expect(at(3).reason).toContain('applied as middleware at src/app.js:4');
  });
});
