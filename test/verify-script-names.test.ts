/**
 * Items led by a declared command's name ("- [x] `test:unit` - Run unit tests"): the manifests are
 * indexed once per listing, from the parses the command graph uses (package scripts, the memoised
 * Makefile parse with its multi-target rules), not walked and split again for every claim.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../src/testing/memory.js';
import type { FileView } from '../src/types.js';
import type { Claim } from '../src/verify/extract.js';
import type { LookupContext } from '../src/verify/lookup.js';
import { scriptFinding } from '../src/verify/script-names.js';

const tree = {
  'package.json': JSON.stringify({ name: 'app', scripts: { 'test:unit': 'vitest', lint: 'eslint .' } }, null, 2),
  'composer.json': JSON.stringify({ scripts: { analyse: 'phpstan analyse' } }, null, 2),
  Makefile: ['.PHONY: build test', 'build test: deps', '\tgo test ./...', 'deps:', '\tgo mod download', ''].join('\n'),
  'node_modules/x/package.json': JSON.stringify({ scripts: { hidden: 'x' } }),
};

/** The listing with a count of the files read (text or JSON). */
function counted(): { files: FileView; reads: () => number } {
  const files = memoryIndex(tree);
  let reads = 0;
  const view = new Proxy(files, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      if (prop === 'read' || prop === 'readJson') return (...a: unknown[]) => (reads++, v.apply(target, a));
      return v.bind(target);
    },
  });
  return { files: view, reads: () => reads };
}

const claim = (name: string) => ({ asserted: 'done', raw: `- [x] \`${name}\` - does it` }) as unknown as Claim;

describe('script names', () => {
  it('finds package and Composer scripts and every target of a multi-target Makefile rule', () => {
    const { files } = counted();
    const ctx = { files } as unknown as LookupContext;
    const at = (n: string) => scriptFinding(ctx, claim(n))?.evidence?.[0];
    expect(at('test:unit')).toMatchObject({ path: 'package.json', line: 4 });
    expect(at('lint')).toMatchObject({ path: 'package.json', line: 5 });
    expect(at('analyse')).toMatchObject({ path: 'composer.json', line: 3 });
    expect(at('test')).toMatchObject({ path: 'Makefile', line: 2, snippet: 'build test: deps' });
    expect(at('deps')).toMatchObject({ path: 'Makefile', line: 4 });
    expect(at('hidden')).toBeUndefined();
    expect(at('deploy')).toBeUndefined();
  });

  it('500 claims read each manifest a bounded number of times (was every manifest per claim)', () => {
    const { files, reads } = counted();
    const ctx = { files } as unknown as LookupContext;
    for (let k = 0; k < 500; k++) scriptFinding(ctx, claim(k % 2 ? 'lint' : `missing${k}`));
    expect(reads()).toBeLessThanOrEqual(12);
  });
});
