import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFast } from './yaml-fast.js';
import { parseYamlWithLines } from './yaml-lines.js';

// What the library says: values, and the line of every node (yaml-lines' own lineOf).
function library(text: string) {
  const docs = parseAllDocuments(text, { uniqueKeys: false, strict: false });
  return (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS({ maxAliasCount: 100 }));
}

function paths(v: unknown, p: (string | number)[] = []): (string | number)[][] {
  const out = [p];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...p, i])));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push(...paths((v as never)[k], [...p, k]));
  return out;
}

const MANIFEST = `# deploy/app.yaml
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web   # a comment
  annotations:
    prometheus.io/scrape: "true"
    note: 'it''s # not a comment'
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: server
          image: registry.example/web:1.2.3
          args: ["--port", 8080, --verbose]
          command: []
          env:
          - name: A
            value: 0x1F
          - name: B
            value: -1.5e3
          - name: C
          resources: {}
          livenessProbe:
            httpGet: {}
      volumes:
      - - nested
        - .inf
---
apiVersion: v1
kind: ConfigMap
data:
  script: |
    #!/bin/sh
    echo "hi"   # kept

    exit 0
  strip: |-
    one
    two
  empty: ~
  yes: True
  octal: 0o17
  leading: 007
  url: http://example.com:8080/a#b
  url: twice
  yes: false
---
`;

describe('parseFast', () => {
  it('reads plain block manifests exactly as the yaml library does, values and lines', () => {
    const fast = parseFast(MANIFEST);
    expect(fast).toBeDefined();
    const values = library(MANIFEST);
    expect(fast!.map((d) => d.value)).toEqual(values);
    // Same key order, not only the same entries.
    expect(JSON.stringify(fast!.map((d) => d.value))).toBe(JSON.stringify(values));
    const viaFast = parseYamlWithLines(MANIFEST);
    const viaLibrary = parseYamlWithLines(`${MANIFEST}x: &anchor 1\n`); // an anchor: read by the library
    viaFast.docs.slice(0, 2).forEach((d, k) => {
      const other = viaLibrary.docs[k]!;
      for (const p of [...paths(d.value), ['spec', 'missing'], ['metadata', 'name', 'deeper']])
        expect(d.lineOf(p), JSON.stringify(p)).toBe(other.lineOf(p));
      expect(d.scalars).toEqual(other.scalars);
    });
  });

  it('leaves everything it does not read to the library', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: "esc\\"aped"\n',
      'a: >\n  folded\n',
      'a: multi\n  line plain\n',
      'a:\n\tb: 1\n',
      'a: 1\r\n',
      '%YAML 1.1\n---\na: 1\n',
      '"quoted key": 1\n',
      '1: one\n',
      'a: {b: 1}\n',
      'a: { }\n',
      'a: b: c\n',
      '- \n- x\n',
      'a: |2\n   x\n',
      '# only a comment\n',
      'a: |\n  no final newline',
    ])
      expect(parseFast(text), JSON.stringify(text)).toBeUndefined();
  });

  it('leaves out blank, comment and whitespace-only lines, and keeps them inside a literal block', () => {
    const doc = parseFast('a: 1\n\n   \n  # note\n\u00a0\n\u3000\nb:\n  c: 2\n\n  d: |\n    x\n\n    # kept\n')!;
    expect(doc.map((d) => d.value)).toEqual([{ a: 1, b: { c: 2, d: 'x\n\n# kept\n' } }]);
    expect(doc[0]!.lines.keys!.get('b')!.line).toBe(8);
    // A line that starts with a letter after its indent is content, never blank.
    expect(parseFast('a: 1\n  b\n')).toBeUndefined();
    // Only comments and blanks after a marker: one empty document.
    expect(parseFast('---\n\n# c\n')!.map((d) => d.value)).toEqual([null]);
  });

  it('gives every document of a stream, empty ones as null, as the library does', () => {
    for (const text of [
      'a: 1\n---\n',
      '---\na: 1\n---\n---\nb: 2\n',
      '# c\n---\na: 1\n',
      'a:\nb: 2\n',
      'a:\n- x\n- y\n',
    ])
      expect(
        isDeepStrictEqual(
          parseFast(text)!.map((d) => d.value),
          library(text),
        ),
        JSON.stringify(text),
      ).toBe(true);
  });
});
