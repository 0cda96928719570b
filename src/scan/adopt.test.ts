import { describe, expect, it } from 'vitest';
import { K8S_DIGEST } from '../facts/k8s.js';
import { TF_DIGEST } from '../facts/terraform.js';
import { memoryIndex } from '../testing/memory.js';
import { ListingView, nullPrototypes, restorePrototypes, sharePath } from './local.js';

/** A digest taken as a worker takes it, cloned as it crosses threads, then adopted (scanner.ts onBatch). */
function throughWorker<T>(value: T, path: string, adopt: (v: T) => T): T {
  const cloned = restorePrototypes(structuredClone(value), nullPrototypes(value)!);
  return adopt(sharePath(cloned, path));
}

const keysDeep = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(keysDeep)
    : v && typeof v === 'object'
      ? Object.entries(v).map(([k, x]) => [k, keysDeep(x)])
      : v;

describe('Digest.adopt: a worker clone in the main thread form', () => {
  it('Kubernetes: objects, workloads and containers equal, keys in order, one document per object and workload', () => {
    const path = 'deploy/app.yaml';
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: web:1',
      '          resources: { limits: { memory: 256Mi } }',
      '          readinessProbe: { httpGet: { path: /ready, port: 80 } }',
      '        - name: side',
      '          image: side:1',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '',
    ].join('\n');
    const files = memoryIndex({ [path]: text });
    const direct = K8S_DIGEST.of(path, text, new ListingView(files))!;
    expect(direct.workloads).toHaveLength(1);
    const adopted = throughWorker(direct, path, K8S_DIGEST.adopt!)!;
    expect(adopted).toEqual(direct);
    expect(keysDeep(adopted)).toEqual(keysDeep(direct));
    expect(adopted.workloads[0]!.doc).toBe(adopted.objects[0]!.doc);
    expect(Object.getPrototypeOf(adopted.workloads[0]!.containers[1])).toBe(Object.prototype);
    expect(K8S_DIGEST.adopt!(undefined)).toBeUndefined();
  });

  it('Terraform: heads and blocks with bodies, nested ones included, equal with keys in order', () => {
    const path = 'infra/main.tf';
    const text = [
      'resource "aws_db_instance" "db" {',
      '  engine = "postgres"',
      '  backup_retention_period = 7',
      '  timeouts {',
      '    create = "40m"',
      '  }',
      '}',
      'resource "null_resource" "x" {',
      '  triggers = { a = 1 }',
      '}',
      'variable "region" {',
      '  default = "eu-west-1"',
      '}',
      '',
    ].join('\n');
    const direct = TF_DIGEST.of(path, text, new ListingView(memoryIndex({ [path]: text })));
    expect(direct.blocks.some((b) => 'blocks' in b && b.blocks.length > 0)).toBe(true);
    expect(direct.blocks.some((b) => !('blocks' in b))).toBe(true);
    const adopted = throughWorker(direct, path, TF_DIGEST.adopt!);
    expect(adopted).toEqual(direct);
    expect(keysDeep(adopted)).toEqual(keysDeep(direct));
  });
});
