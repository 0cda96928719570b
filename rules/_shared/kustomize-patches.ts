/**
 * Kustomize patches are fragments merged onto a base object: a strategic-merge `deployment.patch.yaml`
 * holds only the fields an overlay changes (replicas, env), never a whole workload. Judging one
 * alone reads the base's missing fields as missing (blind round 25, podkrepi: two overlay patches
 * "without resources" whose base, manifests/base/deployment.yaml:41-47, declares them; the patches
 * counted as deployed units beside their base). A patch is what a kustomization lists under
 * `patches:`/`patchesStrategicMerge:` (k8s.ts marks it); its base is the whole workload of the same
 * kind and name.
 */
import type { Workload } from '../../src/facts/k8s.js';

const key = (w: Workload) => `${w.kind}/${w.name}`;

export interface PatchedWorkloads {
  /** The workloads to judge: bases and whole objects, never a patch that has a base here. */
  units: Workload[];
  /** The patches of each base (by workload), in file order. */
  patchesOf: Map<Workload, Workload[]>;
}

export function mergePatches(workloads: Workload[]): PatchedWorkloads {
  const bases = new Map<string, Workload>();
  for (const w of workloads) if (!w.patch && w.name && !bases.has(key(w))) bases.set(key(w), w);
  const patchesOf = new Map<Workload, Workload[]>();
  const units: Workload[] = [];
  for (const w of workloads) {
    const base = bases.get(key(w));
    if (base && w.patch) {
      patchesOf.set(base, [...(patchesOf.get(base) ?? []), w]);
      continue;
    }
    units.push(w);
  }
  return { units, patchesOf };
}
