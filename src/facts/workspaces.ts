/** Monorepo workspaces: packages declared by npm/yarn/pnpm/lerna, Cargo, go.work, Maven modules, Gradle includes. */
import type { FileView } from '../types.js';
import { globTest } from '../walk/glob.js';
import { npmWorkspaceGlobs } from './manifests/npm.js';
import type { Manifest, Workspace } from '../types.js';

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '.' : path.slice(0, i);
}

export function detectWorkspaces(files: FileView, manifests: Manifest[]): Workspace[] {
  const globs: string[] = [];
  if (files.exists('package.json')) globs.push(...npmWorkspaceGlobs(files, 'package.json'));
  for (const f of ['pnpm-workspace.yaml', 'lerna.json']) {
    if (!files.exists(f)) continue;
    const doc = f.endsWith('.json')
      ? files.readJson<{ packages?: unknown }>(f)
      : files.readYaml<{ packages?: unknown }>(f);
    if (doc.ok && doc.value && Array.isArray(doc.value.packages))
      globs.push(...doc.value.packages.filter((x): x is string => typeof x === 'string'));
  }
  if (files.exists('Cargo.toml')) {
    const cargo = files.readToml<{ workspace?: { members?: unknown } }>('Cargo.toml');
    if (cargo.ok && Array.isArray(cargo.value.workspace?.members))
      globs.push(...cargo.value.workspace!.members.filter((x): x is string => typeof x === 'string'));
  }
  if (files.exists('go.work')) {
    const text = files.read('go.work') ?? '';
    for (const m of text.matchAll(/^\s*(?:use\s+)?\.\/([^\s)]+)\s*$/gm)) globs.push(m[1]!);
  }
  for (const f of ['pom.xml']) {
    const text = files.exists(f) ? (files.read(f) ?? '') : '';
    for (const m of text.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g)) globs.push(m[1]!);
  }
  for (const f of ['settings.gradle', 'settings.gradle.kts']) {
    const text = files.exists(f) ? (files.read(f) ?? '') : '';
    for (const inc of text.matchAll(/include\s*\(?([^\n)]*)\)?/g)) {
      for (const m of inc[1]!.matchAll(/["']:?([^"']+)["']/g)) globs.push(m[1]!.replace(/:/g, '/'));
    }
  }
  if (globs.length === 0) return [];
  const tests = globs
    .map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''))
    .filter((g) => !g.startsWith('!'))
    .map((g) => globTest(g));
  const out = new Map<string, Workspace>();
  for (const m of manifests) {
    const dir = dirOf(m.path);
    if (dir === '.' || out.has(dir) || !tests.some((t) => t(dir))) continue;
    out.set(dir, { path: dir, ecosystem: m.ecosystem, ...(m.name ? { name: m.name } : {}) });
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
