/**
 * readiness verify: a name looked up as written in the project's source stays linear on a file that
 * repeats it on one long line (each occurrence inside a string, so each is passed over).
 */
import { describe, expect, it } from 'vitest';
import { exactNamesFinding } from '../src/verify/exact-names.js';
import type { LookupContext } from '../src/verify/lookup.js';

function context(files: Record<string, string>): LookupContext {
  return {
    files: { paths: Object.keys(files), read: (p: string) => files[p] },
    facts: { dependencies: [] },
    documentPath: 'SUMMARY.md',
  } as unknown as LookupContext;
}
const claim = {
  asserted: 'done',
  raw: '- ✅ `FooBarService` implemented',
  text: '`FooBarService` implemented',
  line: 3,
};

describe('a name repeated inside a string on one long line', () => {
  const hostile = `const x = "${'FooBarService '.repeat(40000)}";\n`;
  it('is passed over, and the name written in code in another file is found', () => {
    const f = exactNamesFinding(
      context({ 'src/a.ts': hostile, 'src/b.ts': 'export class FooBarService {}\n' }),
      claim as never,
    );
    expect(f?.evidence[0]).toMatchObject({ path: 'src/b.ts', line: 1 });
  });
  it('gives no finding when the string is the only place it is written', () => {
    expect(exactNamesFinding(context({ 'src/a.ts': hostile }), claim as never)).toBeNull();
  });
});
