/**
 * Hostile chart templates (review of round 16): each is bounded by what it does, counted in lines
 * and calls, never timed.
 */
import { describe, expect, it } from 'vitest';
import { blockEnds, helmDefines, neutraliseHelm } from './helm.js';

/** A helper file whose templates each include the next `fan` times, four deep. */
function fanOut(fan: number): string {
  const body = (next: string) => ['containers:', ...Array.from({ length: fan }, () => `{{ include "${next}" . }}`)];
  return ['a', 'b', 'c', 'd']
    .flatMap((name, k) => [`{{- define "${name}" -}}`, ...body(String.fromCharCode(98 + k)), '{{- end }}'])
    .join('\n');
}
const fanTemplate = (fan: number) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'spec:',
    ...Array.from({ length: fan }, () => '  {{ include "a" . | nindent 2 }}'),
  ].join('\n');

describe('helm: the work one template may cause is bounded', () => {
  it('splicing stops at the budget shared by the whole recursion (fan-out, not only depth): read plain, with a note', () => {
    // 12 includes of 12 of 12 of 12: some 250,000 lines spliced before the budget.
    const defines = helmDefines([{ path: 'templates/_h.tpl', text: fanOut(12) }]);
    const notes: string[] = [];
    const text = fanTemplate(12);
    const lines = neutraliseHelm(text, defines, {}, notes);
    expect(lines).toHaveLength(text.split('\n').length);
    expect(lines.some((l) => l.from)).toBe(false);
    expect(notes).toEqual([expect.stringMatching(/named templates not spliced in: .* past 20000 lines/)]);
  });

  it('a small fan-out is still spliced in, with no note', () => {
    const defines = helmDefines([{ path: 'templates/_h.tpl', text: fanOut(3) }]);
    const notes: string[] = [];
    const lines = neutraliseHelm(fanTemplate(3), defines, {}, notes);
    expect(lines.filter((l) => l.from).length).toBeGreaterThan(3 * 3 * 3);
    expect(notes).toEqual([]);
  });

  it('blockEnds (one stack pass) agrees with walking forward from each line', () => {
    const parts = [
      '{{ if .a }}',
      '{{ end }}',
      'x: 1',
      '{{ range .b }}{{ if .c }}',
      '{{ end }}{{ end }}',
      '{{ with .d }}{{ end }}',
    ];
    let seed = 7;
    for (let round = 0; round < 200; round++) {
      const lines = Array.from(
        { length: 12 },
        () => parts[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % parts.length]!,
      );
      const change = (l: string) =>
        (l.match(/\{\{ (if|range|with)/g)?.length ?? 0) - (l.match(/\{\{ end/g)?.length ?? 0);
      const naive = lines.map((l, i) => {
        let d = change(l);
        if (d <= 0) return i + 1;
        let j = i + 1;
        for (; j < lines.length; j++) if ((d += change(lines[j]!)) <= 0) break;
        return j;
      });
      expect([...blockEnds(lines)], lines.join('|')).toEqual(naive);
    }
  });

  it('thousands of nested ranges over a map values.yaml sets: every line kept, nested blocks past 64 read as absent', () => {
    const n = 4000;
    const text = `kind: Deployment\n${'{{ range $k, $v := .Values.x }}\n'.repeat(n)}{{ include "q" . }}\n${'{{ end }}\n'.repeat(n)}`;
    const defines = helmDefines([
      { path: 'templates/_q.tpl', text: '{{- define "q" -}}\ncontainers:\n  - name: q\n{{- end }}\n' },
    ]);
    const lines = neutraliseHelm(text, defines, { x: { one: { a: 1 } } });
    // The outer range unrolled once: the include line gives way to the helper's two lines.
    expect(lines.filter((l) => l.from)).toHaveLength(2);
    expect(lines).toHaveLength(text.split('\n').length + 1);
  });

  it('`| default` and directives with long runs of spaces: the same answers; past 2,000 characters no directive', () => {
    // The spaces once made `\s*\)?\s*` and `\s*([\s\S]*?)\s*` backtrack quadratically.
    for (const pad of [' ', '   ', ' '.repeat(150)]) {
      const [, , replicas] = neutraliseHelm(
        `kind: Deployment\nspec:\n  replicas: {{${pad}(${pad}.Values.a${pad})${pad}|${pad}default${pad}(${pad}.Values.b${pad})${pad}}}\n`,
      );
      expect(replicas!.text, String(pad.length)).toBe('  replicas: "__helmValue.a|b"');
    }
    const spaced = neutraliseHelm(`kind: Deployment\nspec:\n  replicas: {{ .Values.a${' '.repeat(1900)}x }}\n`);
    expect(spaced[2]!.text).toBe('  replicas: "__helmValue.a"');
    // Longer: no directive read, a placeholder for YAML (never braces it would read as a flow map).
    const long = `  replicas: {{ .Values.a${' '.repeat(40_000)}x }}`;
    expect(neutraliseHelm(`kind: Deployment\nspec:\n${long}\n`)[2]!.text).toBe('  replicas: helm-template');
    // Unclosed braces: no directive, the line kept as it is.
    const open = `x: ${'{{'.repeat(100_000)}`;
    expect(neutraliseHelm(open)[0]!.text === open).toBe(true);
  });

  it('a values key that is no plain name (a line break, `{{`) is not written into the template: no line shifts', () => {
    const helper = [
      '{{- define "c.deployment" }}',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .name }}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: {{ .name }}',
      '          image: {{ .image }}',
      '{{- end }}',
    ].join('\n');
    const text = [
      '{{- range $name, $c := .Values.components }}',
      '{{ include "c.deployment" $c }}',
      '{{- end }}',
      '',
    ].join('\n');
    const defines = helmDefines([{ path: 'templates/_c.tpl', text: helper }]);
    const values = { components: { web: { image: 'w' }, 'evil\nkind: Secret\n{{ x': { image: 'e' } } };
    const lines = neutraliseHelm(text, defines, values);
    // One entry unrolled (web): the helper's 10 lines, each cited; the other key is left out.
    expect(lines.filter((l) => l.from)).toHaveLength(10);
    const out = lines.map((l) => l.text).join('\n');
    expect(out).toContain('name: web');
    expect(out).not.toMatch(/evil|Secret/);
  });
});
