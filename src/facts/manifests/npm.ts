import type { FileView } from '../../types.js';
import type { DeclaredDependency, Manifest } from '../../types.js';
import { JSON_KEY, firstOffsets, lineAt } from './text.js';

const SECTIONS: [string, boolean][] = [
  ['dependencies', false],
  ['peerDependencies', false],
  ['optionalDependencies', false],
  ['devDependencies', true],
];

export interface PackageJson {
  name?: string;
  private?: boolean;
  bin?: unknown;
  main?: string;
  exports?: unknown;
  license?: unknown;
  scripts?: Record<string, string>;
  workspaces?: string[] | { packages?: string[] };
  [k: string]: unknown;
}

export function parseNpm(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const parsed = files.readJson<PackageJson>(path);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
    return { ecosystem: 'npm', path, ok: false, error: parsed.ok ? 'not an object' : parsed.error };
  }
  const pkg = parsed.value;
  const text = files.read(path) ?? '';
  for (const [section, dev] of SECTIONS) {
    const block = pkg[section];
    if (!block || typeof block !== 'object') continue;
    const keys = firstOffsets(text, JSON_KEY, Math.max(text.indexOf(`"${section}"`), 0));
    for (const [name, version] of Object.entries(block as Record<string, unknown>)) {
      const at = keys.get(name);
      deps.push({
        ecosystem: 'npm',
        name,
        ...(typeof version === 'string' ? { version } : {}),
        path,
        ...(at !== undefined ? { line: lineAt(text, at) } : {}),
        dev,
      });
    }
  }
  return { ecosystem: 'npm', path, ok: true, ...(typeof pkg.name === 'string' ? { name: pkg.name } : {}) };
}

export function npmWorkspaceGlobs(files: FileView, path: string): string[] {
  const parsed = files.readJson<PackageJson>(path);
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return [];
  const ws = parsed.value.workspaces;
  const list = Array.isArray(ws) ? ws : ws && Array.isArray(ws.packages) ? ws.packages : [];
  return list.filter((x): x is string => typeof x === 'string');
}
