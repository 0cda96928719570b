import type { FileView } from '../../types.js';
import type { DeclaredDependency, Manifest } from '../../types.js';
import { escapeRegex, lineAt } from './text.js';

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
    const start = text.indexOf(`"${section}"`);
    for (const [name, version] of Object.entries(block as Record<string, unknown>)) {
      const m = new RegExp(`"${escapeRegex(name)}"\\s*:`).exec(start >= 0 ? text.slice(start) : text);
      deps.push({
        ecosystem: 'npm',
        name,
        ...(typeof version === 'string' ? { version } : {}),
        path,
        ...(m ? { line: lineAt(text, Math.max(start, 0) + m.index) } : {}),
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
