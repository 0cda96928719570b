/**
 * readiness verify: code a document shows under a heading or label naming its file ("#### Test Setup
 * (`tests/setup.ts`):", "**Schema**: `shared/schema.ts`") says, line by line, what that file holds.
 * A line the file holds is confirmed; a line it does not hold as written, or a file that is not
 * there, is left open — never confirmed because the names occur elsewhere. A block under a label
 * proposing the code ("Recommended fix (`x.ts`):") is not read as the file's.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('code shown from a file the heading names', () => {
  const tree: Tree = {
    'package.json': '{"name":"shop","version":"1.0.0","devDependencies":{"jest":"^29.0.0"}}\n',
    'tests/setup.ts': [
      "import { PrismaClient } from '@prisma/client';",
      '',
      'const prisma = new PrismaClient();',
      '',
      'beforeEach(async () => {',
      '  await prisma.user.deleteMany({});',
      '});',
    ].join('\n'),
    'prisma/schema.prisma': [
      'datasource db {',
      '  provider = "sqlite"',
      '  url      = env("DATABASE_URL")',
      '}',
      '',
      'model User {',
      '  id    Int    @id @default(autoincrement())',
      '  email String @unique',
      '}',
    ].join('\n'),
    'src/orders.ts':
      'export function total(items: number[]): number {\n  return items.reduce((a, b) => a + b, 0);\n}\n',
  };
  const doc = [
    '# Upgrades', // 1
    '', // 2
    '#### Test Setup (`tests/setup.ts`):', // 3
    '', // 4
    '```typescript', // 5
    "import { PrismaClient } from '@prisma/client';", // 6
    'beforeEach(async () => {', // 7
    '  await prisma.user.deleteMany({});', // 8
    '  await prisma.order.deleteMany({});', // 9
    '});', // 10
    '```', // 11
    '', // 12
    '**Schema**: `prisma/schema.prisma`', // 13
    '', // 14
    '```prisma', // 15
    'datasource db {', // 16
    '  provider = "postgresql"', // 17
    '  email String   @unique', // 18
    '}', // 19
    '```', // 20
    '', // 21
    '#### Example test (`tests/orders.test.ts`):', // 22
    '', // 23
    '```typescript', // 24
    'expect(total([1, 2])).toBe(3);', // 25
    '```', // 26
    '', // 27
    '#### Recommended fix (`src/orders.ts`):', // 28
    '', // 29
    '```typescript', // 30
    '  return items.reduce((a, b) => a + b, 0);', // 31
    '```', // 32
    '', // 33
    '### Task 1: Complete the Orders Module', // 34
    '**File**: `src/orders.ts`', // 35
    '', // 36
    '```typescript', // 37
    'export function total(items: number[]): number {', // 38
    '```', // 39
  ].join('\n');
  const { at, has } = verifier('UPGRADES.md')(tree, doc);

  it('a line the named file holds is confirmed, with its place (spacing aside)', () => {
    expect(at(6).verdict).toBe('confirmed');
    expect(at(6).evidence[0]).toMatchObject({ path: 'tests/setup.ts', line: 1 });
    expect(at(8).verdict).toBe('confirmed');
    expect(at(16).verdict).toBe('confirmed');
    expect(at(18).verdict).toBe('confirmed');
    expect(at(18).evidence[0]).toMatchObject({ path: 'prisma/schema.prisma', line: 8 });
  });
  it('a line the named file does not hold is not confirmed', () => {
    expect(at(9).verdict).toBe('unverifiable');
    expect(at(17).verdict).toBe('unverifiable');
    expect(at(9).reason).toMatch(/does not hold this line/);
  });
  it('a bare closer says nothing', () => {
    expect(has(10)).toBe(false);
    expect(has(19)).toBe(false);
  });
  it('code from a file that is not there is not confirmed', () => {
    expect(has(25) ? at(25).verdict : 'unverifiable').toBe('unverifiable');
  });
  it('code under a label proposing it is not read as the file', () => {
    expect(has(31) ? at(31).verdict : 'unverifiable').toBe('unverifiable');
  });
  it('code under a task of a plan ("Task 1: Complete …") is the work to do, not a claim (blind round 29)', () => {
    expect(has(38) ? at(38).verdict : 'unverifiable').toBe('unverifiable');
  });
});
