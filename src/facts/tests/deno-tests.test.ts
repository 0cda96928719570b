import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const denoJson = JSON.stringify({ tasks: { test: 'deno test -A' }, imports: { '@std/assert': 'jsr:@std/assert@^1' } });

describe("Deno's built-in runner", () => {
  it('counts Deno.test in all its forms in the default test files, steps inside a test not separately', () => {
    const inv = testInventory(
      memoryIndex({
        'deno.json': denoJson,
        'main.ts': 'Deno.serve(() => new Response("ok"));\n',
        'utils/db_test.ts': [
          'import { assertEquals } from "@std/assert";',
          'Deno.test("adds", () => { assertEquals(1 + 1, 2); });',
          'Deno.test({ name: "options form", fn() { assertEquals(1, 1); } });',
          'Deno.test(function namedForm() { assertEquals(2, 2); });',
          'Deno.test("[db] steps", async (t) => {',
          '  await t.step("first", () => {});',
          '  await t.step("second", () => {});',
          '});',
          'Deno.test.ignore("not yet", () => {});',
          '',
        ].join('\n'),
        'routes/api.test.tsx': 'Deno.test("renders", () => {});\n',
        'bdd/user_test.ts':
          'import { describe, it } from "jsr:@std/testing/bdd";\ndescribe("user", () => {\n  it("signs in", () => {});\n  it("signs out", () => {});\n});\n',
        // Not a default test file name: `deno test` does not collect it.
        'utils/helpers.ts': 'Deno.test("helper", () => {});\n',
      }),
    );
    expect(inv.files.map((f) => [f.path, f.cases, f.framework])).toEqual([
      ['bdd/user_test.ts', 2, 'deno test'],
      ['routes/api.test.tsx', 1, 'deno test'],
      ['utils/db_test.ts', 5, 'deno test'],
    ]);
  });

  it('without a deno.json, a *_test.ts file with Deno.test is not collected by any runner', () => {
    const inv = testInventory(
      memoryIndex({
        'package.json': JSON.stringify({ scripts: { test: 'vitest' }, devDependencies: { vitest: '3' } }),
        'src/a_test.ts': 'Deno.test("adds", () => {});\n',
      }),
    );
    expect(inv.files).toEqual([]);
  });
});
