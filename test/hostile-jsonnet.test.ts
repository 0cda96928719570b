/**
 * Issue 15 (trust): the Jsonnet IaC reader (blind round 50) read up to 300 `.jsonnet`/`.libsonnet`
 * files and 50 `spec.json` through FileIndex.read, which keeps each text for the audit's lifetime
 * (300 files of 1 MB: 300 MB held). Now digests: the same answer, and no text kept.
 */
import { describe, expect, it } from 'vitest';
import { jsonnetKubernetes } from '../src/facts/jsonnet.js';
import { type Tree, memoryIndex } from '../src/testing/memory.js';

describe('the Jsonnet IaC reader keeps no text', () => {
  it('finds the object past 299 large library files without holding any of them', () => {
    const tree: Tree = { 'jsonnetfile.json': '{"version":1}\n' };
    const filler = `{ a: ${'1 + '.repeat(50_000)}1 }\n`;
    for (let i = 0; i < 299; i++) tree[`lib/a${String(i).padStart(3, '0')}.libsonnet`] = filler;
    tree['lib/z.libsonnet'] = "{\n  deploy: {\n    apiVersion: 'apps/v1',\n    kind: 'Deployment',\n  },\n}\n";
    const files = memoryIndex(tree);
    expect(jsonnetKubernetes(files)).toEqual({
      tool: 'Jsonnet',
      evidence: {
        path: 'lib/z.libsonnet',
        line: 4,
        note: 'Jsonnet declares Kubernetes Deployment (jsonnet-bundler: jsonnetfile.json)',
      },
    });
    expect(files.stats.filesRead).toBe(300);
    expect(Object.keys(tree).filter((p) => files.peek(p))).toEqual([]);
  });

  it('finds a Tanka environment by its spec.json, unkept', () => {
    const files = memoryIndex({ 'environments/default/spec.json': '{"apiVersion": "tanka.dev/v1alpha1"}\n' });
    expect(jsonnetKubernetes(files)?.tool).toBe('Tanka');
    expect(files.peek('environments/default/spec.json')).toBeUndefined();
  });
});
