import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../testing/memory.js';
import { k8s } from './k8s.js';

const APPS = ['ledger', 'wiki', 'pastebin', 'chat', 'kanban', 'photos', 'rss', 'notes', 'forms', 'status', 'mail'];

/** One template of another program per folder, the way a platform lists what its users can install. */
const template = (app: string) =>
  `apiVersion: apps.launchpad.example/v1\nkind: LaunchpadApp\nmetadata:\n  name: ${app}\n  annotations:\n    launchpad.example/source: https://example.org/${app}\nspec:\n  image: example/${app}:latest\n`;
const catalogue = (dir: string, n = APPS.length): Tree =>
  Object.fromEntries(APPS.slice(0, n).map((a) => [`${dir}/${a}/app.yaml`, template(a)]));
const ownDeployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: launchpad\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/launchpad:1\n';

const kinds = (tree: Tree) => k8s(memoryIndex(tree)).objects.map((o) => `${o.kind} ${o.path}`);

describe('a catalogue of app templates is not the repository’s deployment', () => {
  it('drops eleven sibling folders of one custom kind, keeps the project’s own Deployment, and says why', () => {
    const model = k8s(memoryIndex({ ...catalogue('catalog'), 'deploy/launchpad.yaml': ownDeployment }));
    expect(model.objects.map((o) => `${o.kind} ${o.path}`)).toEqual(['Deployment deploy/launchpad.yaml']);
    expect(model.notes).toContainEqual({
      path: 'catalog',
      note: expect.stringContaining('catalog/*/app.yaml: 11 LaunchpadApp templates in sibling folders'),
    });
  });

  it('keeps a few apps (under ten folders): a small set of custom resources may well be deployed', () => {
    expect(kinds(catalogue('catalog', 4))).toHaveLength(4);
  });

  it('keeps GitOps folders: Flux HelmReleases per app, and custom resources a Flux Kustomization applies', () => {
    const releases = Object.fromEntries(
      APPS.map((a) => [
        `apps/${a}/release.yaml`,
        `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${a}\nspec:\n  chart:\n    spec:\n      chart: ${a}\n`,
      ]),
    );
    expect(kinds(releases)).toHaveLength(APPS.length);
    const flux =
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  path: ./catalog\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n';
    expect(kinds({ ...catalogue('catalog'), 'clusters/prod/apps.yaml': flux })).toHaveLength(APPS.length + 1);
  });

  it('keeps folders a kustomization names or that hold their own kustomization', () => {
    const named = { ...catalogue('catalog'), 'kustomization.yaml': 'resources:\n  - catalog/ledger\n' };
    expect(kinds(named)).toHaveLength(APPS.length);
    const own = { ...catalogue('catalog'), 'catalog/wiki/kustomization.yaml': 'resources:\n  - app.yaml\n' };
    expect(kinds(own)).toHaveLength(APPS.length);
  });
});
