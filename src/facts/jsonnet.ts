/**
 * Jsonnet that defines Kubernetes resources: a Tanka environment (`spec.json` of `tanka.dev`), or a
 * jsonnet-bundler project (`jsonnetfile.json`) whose own `.jsonnet`/`.libsonnet` files declare
 * Kubernetes objects (`apiVersion: '…'` with `kind: 'Deployment'`, or k8s-libsonnet constructors such
 * as `deployment.new(`). Like a Helm chart, that is the cluster's resources written as code (blind
 * round 50: a monitoring stack generated from Jsonnet failed infrastructure-as-code). Jsonnet that
 * only builds dashboards or alert rules (a monitoring mixin) declares no such object.
 */
import type { Evidence, FileView } from '../types.js';
import { JSONNET_OBJECT, TANKA_SPEC } from './alongside.js';
import { isProductionPath } from './paths.js';

const VENDORED = /(?:^|\/)(?:vendor|node_modules|third_party|\.git)\//;
/** Jsonnet files looked at for an object. */
const MAX_READS = 300;

export interface JsonnetKubernetes {
  tool: 'Tanka' | 'Jsonnet';
  evidence: Evidence;
}

export function jsonnetKubernetes(files: FileView): JsonnetKubernetes | undefined {
  const own = (globs: string[]) => files.match(globs).filter((p) => !VENDORED.test(p));
  for (const p of own(['**/spec.json']).slice(0, 50)) {
    if (files.digest(p, TANKA_SPEC))
      return { tool: 'Tanka', evidence: { path: p, note: 'Tanka environment: Kubernetes resources from Jsonnet' } };
  }
  const bundler = own(['**/jsonnetfile.json']);
  if (bundler.length === 0) return undefined;
  // The libraries themselves before the examples and docs that use them.
  const jsonnet = own(['**/*.jsonnet', '**/*.libsonnet']).sort(
    (a, b) => Number(isProductionPath(b)) - Number(isProductionPath(a)),
  );
  for (const p of jsonnet.slice(0, MAX_READS)) {
    // Taken by a digest: the files looked at are not kept whole for the audit's lifetime.
    const object = files.digest(p, JSONNET_OBJECT);
    if (!object) continue;
    const note = object.kind
      ? `Jsonnet declares Kubernetes ${object.kind} (jsonnet-bundler: ${bundler[0]})`
      : `Jsonnet builds Kubernetes objects (jsonnet-bundler: ${bundler[0]})`;
    return { tool: 'Jsonnet', evidence: { path: p, line: object.line, note } };
  }
  return undefined;
}
