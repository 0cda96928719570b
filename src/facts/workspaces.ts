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
    for (const m of text.matchAll(/^[ \t]*(?:use\s+)?\.\/([^\s)]+)\s*$/gm)) globs.push(m[1]!);
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
  const out = new Map<string, Workspace>();
  // Nx: every project.json below the root is a project, whether or not a package manager lists it.
  const nx = files.exists('nx.json')
    ? files
        .named('project.json')
        .filter((p) => p.includes('/'))
        .map(dirOf)
    : [];
  globs.push(...nx);
  // .NET: the projects a solution file names (paths are relative to the solution, with backslashes).
  for (const sln of files.match('*.sln')) {
    for (const m of (files.read(sln) ?? '').matchAll(
      /^Project\("\{[^}]*\}"\)\s*=\s*"[^"]*",\s*"([^"]+\.(?:cs|fs|vb)proj)"/gm,
    )) {
      const proj = m[1]!.replace(/\\/g, '/').replace(/^\.\//, '');
      if (files.exists(proj) && proj.includes('/')) globs.push(dirOf(proj));
    }
  }
  // Python: a uv workspace's members; else several projects side by side with no root project.
  const uv = files.exists('pyproject.toml')
    ? files.readToml<{ tool?: { uv?: { workspace?: { members?: unknown } } } }>('pyproject.toml')
    : undefined;
  const members = uv?.ok ? uv.value.tool?.uv?.workspace?.members : undefined;
  if (Array.isArray(members)) globs.push(...members.filter((x): x is string => typeof x === 'string'));
  else if (!files.exists('pyproject.toml') && !files.exists('setup.py')) {
    const projects = files
      .named('pyproject.toml')
      .filter((p) => p.includes('/') && !/(^|\/)(tests?|examples?|docs?)\//.test(p));
    if (projects.length >= 2) globs.push(...projects.map(dirOf));
  }
  if (globs.length === 0) return [];
  const tests = globs
    .map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''))
    .filter((g) => !g.startsWith('!'))
    .map((g) => globTest(g));
  for (const m of manifests) {
    const dir = dirOf(m.path);
    if (dir === '.' || out.has(dir) || !tests.some((t) => t(dir))) continue;
    out.set(dir, { path: dir, ecosystem: m.ecosystem, ...(m.name ? { name: m.name } : {}) });
  }
  for (const dir of nx) if (!out.has(dir)) out.set(dir, { path: dir, ecosystem: 'npm' });
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
