/**
 * Objects written inside a `define` of their own template file take the conditions of the file's
 * includes (blind round 23, dittofeed workers.yaml). The file is indexed once, not once per object
 * (review of round 23: a 280 KB template with 8k objects took 70 s): counted in line reads, never timed.
 */
import { describe, expect, it } from 'vitest';
import { neutraliseHelm } from './helm.js';
import { includedUnder } from './k8s.js';

const template = [
  '{{- define "x.worker" }}',
  'apiVersion: apps/v1',
  'kind: Deployment',
  '{{- if .Values.extra }}',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  '{{- end }}',
  '{{- end }}',
  'apiVersion: v1',
  'kind: Service',
  '{{- if .Values.separateWorker.enabled }}',
  '{{ include "x.worker" . }}',
  '{{- end }}',
].join('\n');

describe('includedUnder', () => {
  it('an object inside a define takes the conditions common to its includes; one outside takes none', () => {
    const at = includedUnder(template, neutraliseHelm(template));
    expect(at(3)).toEqual(['separateWorker.enabled']);
    expect(at(7)).toEqual(['separateWorker.enabled']);
    expect(at(11)).toEqual([]);
  });

  it('reads each line of a template with thousands of objects a bounded number of times', () => {
    const n = 3000;
    const text = [
      '{{ define "x" }}',
      ...Array.from({ length: n }, () => ['---', 'apiVersion: v1', 'kind: ConfigMap']).flat(),
      '{{ end }}',
      '{{ if .Values.on }}',
      '{{ include "x" . }}',
      '{{ end }}',
    ].join('\n');
    const lines = neutraliseHelm(text);
    let reads = 0;
    const counted = new Proxy(lines, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const at = includedUnder(text, counted);
    const found = Array.from({ length: n }, (_, i) => at(4 + 3 * i));
    expect(found.every((c) => c.length === 1 && c[0] === 'on')).toBe(true);
    // One pass over the lines and a few reads per object; per object a whole pass was n × lines.
    expect(reads).toBeLessThan(lines.length + 4 * n);
  });
});
