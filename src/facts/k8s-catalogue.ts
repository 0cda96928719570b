/**
 * A catalogue of application templates: many sibling folders, each holding one custom resource of
 * the same kind under the same file name (`services/<app>/app.yaml`, one `KuberoApp` per piece of
 * third-party software a platform offers to install). Those objects describe other software for
 * the project's users to deploy; they are not this repository's deployment, and counting them as
 * its Kubernetes objects (round-2 blind review: "178 Kubernetes objects" for a NestJS server) is
 * wrong for every rule that reads the model.
 *
 * The signal is structural and conservative, so a GitOps repository whose `apps/<app>/` folders
 * ARE the deployment keeps them: core kinds (Deployment, Service…) and GitOps kinds (Argo CD
 * Application, Flux HelmRelease/Kustomization…) never form a catalogue; nor does a group whose
 * folders hold a kustomization file or are named by a kustomization's resources or a Flux
 * Kustomization's path.
 */
import { posix } from 'node:path';
import type { K8sObject } from './k8s.js';
import { pushTo } from '../util/push-to.js';

/** Sibling folders needed before a group reads as a catalogue rather than a few deployed apps. */
const MIN_ENTRIES = 10;

/** Kinds that deploy something from the repository: a folder per app of these is a deployment. */
const DEPLOYING_KINDS = new Set([
  'Application',
  'ApplicationSet',
  'AppProject',
  'HelmRelease',
  'Kustomization',
  'GitRepository',
  'HelmRepository',
  'OCIRepository',
  'HelmChart',
  'GitRepo',
  'Bundle',
]);

/** A custom resource: an API group with a dot, outside Kubernetes' own `*.k8s.io` groups. */
const isCustom = (apiVersion: string) => {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return group.includes('.') && !group.endsWith('.k8s.io');
};

export interface Catalogue {
  /** The folder holding the entries (`services`; '.' at the root). */
  dir: string;
  /** `services/*\/app.yaml` */
  pattern: string;
  kind: string;
  paths: Set<string>;
}

/**
 * The catalogues among the model's objects. `kustomizationDirs` are the folders of kustomization
 * files; `referenced` are paths a kustomization's resources or a Flux Kustomization's `path` name:
 * a group at, under or above one of them is deployed.
 */
export function catalogues(objects: K8sObject[], kustomizationDirs: string[], referenced: string[]): Catalogue[] {
  const byFile = new Map<string, K8sObject[]>();
  for (const o of objects) pushTo(byFile, o.path, o);
  // Group files by grandparent folder and file name: `services/<app>/app.yaml` → `services|app.yaml`.
  const groups = new Map<string, string[]>();
  for (const path of byFile.keys()) {
    const parts = path.split('/');
    if (parts.length < 2) continue;
    const key = `${parts.slice(0, -2).join('/')}|${parts.at(-1)}`;
    pushTo(groups, key, path);
  }
  const out: Catalogue[] = [];
  for (const [key, paths] of groups) {
    if (paths.length < MIN_ENTRIES) continue;
    const [parent, file] = key.split('|') as [string, string];
    const objs = paths.flatMap((p) => byFile.get(p)!);
    const kind = objs[0]!.kind;
    if (paths.some((p) => byFile.get(p)!.length !== 1)) continue;
    if (!objs.every((o) => o.kind === kind && isCustom(o.apiVersion)) || DEPLOYING_KINDS.has(kind)) continue;
    // Each entry is a different piece of software: one name per folder.
    if (new Set(objs.map((o) => o.name)).size < paths.length) continue;
    const folders = paths.map((p) => posix.dirname(p));
    const under = (dir: string, base: string) => dir === base || base === '' || dir.startsWith(`${base}/`);
    // A kustomization inside an entry makes the entries Kustomize apps; one named above is `referenced`.
    if (kustomizationDirs.some((k) => folders.some((f) => under(k, f)))) continue;
    if (referenced.some((r) => folders.some((f) => under(f, r) || under(r, f)))) continue;
    out.push({ dir: parent || '.', pattern: `${parent ? `${parent}/` : ''}*/${file}`, kind, paths: new Set(paths) });
  }
  return out;
}
