/**
 * Jsonnet that defines Kubernetes resources: a Tanka environment (`spec.json` of `tanka.dev`), or a
 * jsonnet-bundler project (`jsonnetfile.json`) whose own `.jsonnet`/`.libsonnet` files declare
 * Kubernetes objects (`apiVersion: '…'` with `kind: 'Deployment'`, or k8s-libsonnet constructors such
 * as `deployment.new(`). Like a Helm chart, that is the cluster's resources written as code (blind
 * round 50: a monitoring stack generated from Jsonnet failed infrastructure-as-code). Jsonnet that
 * only builds dashboards or alert rules (a monitoring mixin) declares no such object.
 */
import type { Evidence, FileView } from '../types.js';
import { isProductionPath } from './paths.js';

const VENDORED = /(?:^|\/)(?:vendor|node_modules|third_party|\.git)\//;
/** Jsonnet files read for an object, and how much of each. */
const MAX_READS = 300;
const MAX_CHARS = 200_000;
const KIND = /^[ \t]*kind:[ \t]*['"]([A-Z]\w{0,60})['"]/m;
const API_VERSION = /^[ \t]*apiVersion:[ \t]*['"][\w./-]{1,100}['"]/m;
const CONSTRUCTOR = /\.(?:deployment|statefulSet|daemonSet|service|cronJob|job|ingress)\.new\s*\(/;

export interface JsonnetKubernetes {
  tool: 'Tanka' | 'Jsonnet';
  evidence: Evidence;
}

export function jsonnetKubernetes(files: FileView): JsonnetKubernetes | undefined {
  const own = (globs: string[]) => files.match(globs).filter((p) => !VENDORED.test(p));
  for (const p of own(['**/spec.json']).slice(0, 50)) {
    const text = files.read(p)?.slice(0, 20_000) ?? '';
    if (/"apiVersion"\s*:\s*"tanka\.dev\//.test(text))
      return { tool: 'Tanka', evidence: { path: p, note: 'Tanka environment: Kubernetes resources from Jsonnet' } };
  }
  const bundler = own(['**/jsonnetfile.json']);
  if (bundler.length === 0) return undefined;
  // The libraries themselves before the examples and docs that use them.
  const jsonnet = own(['**/*.jsonnet', '**/*.libsonnet']).sort(
    (a, b) => Number(isProductionPath(b)) - Number(isProductionPath(a)),
  );
  for (const p of jsonnet.slice(0, MAX_READS)) {
    const text = files.read(p)?.slice(0, MAX_CHARS);
    if (!text) continue;
    const kind = API_VERSION.test(text) ? KIND.exec(text) : null;
    if (kind) {
      const line = text.slice(0, kind.index + kind[0].indexOf('kind')).split('\n').length;
      return {
        tool: 'Jsonnet',
        evidence: { path: p, line, note: `Jsonnet declares Kubernetes ${kind[1]} (jsonnet-bundler: ${bundler[0]})` },
      };
    }
    const call = CONSTRUCTOR.exec(text);
    if (call) {
      const line = text.slice(0, call.index).split('\n').length;
      return {
        tool: 'Jsonnet',
        evidence: { path: p, line, note: `Jsonnet builds Kubernetes objects (jsonnet-bundler: ${bundler[0]})` },
      };
    }
  }
  return undefined;
}
