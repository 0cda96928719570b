/** Go modules, NuGet, Cargo, Composer and Bundler manifests. */
import type { FileView } from '../../types.js';
import type { DeclaredDependency, Manifest } from '../../types.js';
import { JSON_KEY, TOML_KEY, firstOffsets, lineAt, linesOf } from './text.js';

export function parseGoMod(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const text = files.read(path);
  if (text === undefined) return { ecosystem: 'go', path, ok: false, error: 'unreadable' };
  let inRequire = false;
  let name: string | undefined;
  linesOf(text).forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const indirect = raw.includes('// indirect');
    if (line.startsWith('module ')) name = line.slice(7).trim();
    if (/^require\s*\($/.test(line)) return void (inRequire = true);
    if (inRequire && line === ')') return void (inRequire = false);
    const m = inRequire ? /^(\S+)\s+(\S+)/.exec(line) : /^require\s+(\S+)\s+(\S+)/.exec(line);
    // `// indirect`: required only because a dependency needs it — not the project's choice.
    if (m)
      deps.push({
        ecosystem: 'go',
        name: m[1]!,
        version: m[2]!,
        path,
        line: i + 1,
        dev: false,
        ...(indirect ? { direct: false, via: '// indirect' } : {}),
      });
  });
  return { ecosystem: 'go', path, ok: true, ...(name ? { name } : {}) };
}

export function parseNuget(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const text = files.read(path);
  if (text === undefined) return { ecosystem: 'nuget', path, ok: false, error: 'unreadable' };
  const re = /<(PackageReference|PackageVersion|package|GlobalPackageReference)\b([^>]*?)\/?>/gi;
  for (const m of text.matchAll(re)) {
    const attrs = m[2]!;
    const id = /\b(?:Include|id|Update)\s*=\s*"([^"]+)"/i.exec(attrs)?.[1];
    if (!id) continue;
    const version = /\bVersion\s*=\s*"([^"]+)"/i.exec(attrs)?.[1];
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 300);
    const privateAssets =
      /PrivateAssets\s*=\s*"all"/i.test(attrs) || /^\s*<PrivateAssets>all<\/PrivateAssets>/i.test(after);
    // Central package management: a PackageVersion (or a PackageReference Update) sets a version
    // and references nothing; the csproj PackageReference is the declaration.
    const pinOnly = /^PackageVersion$/i.test(m[1]!) || (!/\bInclude\s*=/i.test(attrs) && /\bUpdate\s*=/i.test(attrs));
    deps.push({
      ecosystem: 'nuget',
      name: id,
      ...(version ? { version } : {}),
      path,
      line: lineAt(text, m.index!),
      dev: privateAssets,
      ...(pinOnly ? { direct: false, via: 'central version pin' } : {}),
    });
  }
  const name = /([^/]+)\.(cs|fs|vb)proj$/.exec(path)?.[1];
  return { ecosystem: 'nuget', path, ok: true, ...(name ? { name } : {}) };
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseCargo(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const parsed = files.readToml<Table>(path);
  if (!parsed.ok) return { ecosystem: 'cargo', path, ok: false, error: parsed.error };
  const text = files.read(path) ?? '';
  const add = (t: unknown, dev: boolean, header: string, pinOnly = false) => {
    if (!isTable(t)) return;
    const keys = firstOffsets(text, TOML_KEY, Math.max(text.indexOf(header), 0));
    for (const [name, v] of Object.entries(t)) {
      const version = typeof v === 'string' ? v : isTable(v) && typeof v.version === 'string' ? v.version : undefined;
      const at = keys.get(name);
      deps.push({
        ecosystem: 'cargo',
        name,
        ...(version ? { version } : {}),
        path,
        ...(at !== undefined ? { line: lineAt(text, at) } : {}),
        dev,
        ...(pinOnly ? { direct: false, via: 'workspace version' } : {}),
      });
    }
  };
  const doc = parsed.value;
  add(doc.dependencies, false, '[dependencies]');
  add(doc['dev-dependencies'], true, '[dev-dependencies]');
  add(doc['build-dependencies'], true, '[build-dependencies]');
  // Versions shared with the members, which declare what they use with `workspace = true`.
  if (isTable(doc.workspace)) add(doc.workspace.dependencies, false, '[workspace.dependencies]', true);
  const pkg = isTable(doc.package) ? doc.package : {};
  return { ecosystem: 'cargo', path, ok: true, ...(typeof pkg.name === 'string' ? { name: pkg.name } : {}) };
}

export function parseComposer(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const parsed = files.readJson<Table>(path);
  if (!parsed.ok || !isTable(parsed.value))
    return { ecosystem: 'composer', path, ok: false, error: parsed.ok ? 'not an object' : parsed.error };
  const text = files.read(path) ?? '';
  for (const [section, dev] of [
    ['require', false],
    ['require-dev', true],
  ] as const) {
    const t = parsed.value[section];
    if (!isTable(t)) continue;
    const keys = firstOffsets(text, JSON_KEY, Math.max(0, text.indexOf(`"${section}"`)));
    for (const [name, version] of Object.entries(t)) {
      if (name === 'php' || name.startsWith('ext-')) continue;
      const i = keys.get(name) ?? -1;
      deps.push({
        ecosystem: 'composer',
        name,
        ...(typeof version === 'string' ? { version } : {}),
        path,
        ...(i >= 0 ? { line: lineAt(text, i) } : {}),
        dev,
      });
    }
  }
  const name = parsed.value.name;
  return { ecosystem: 'composer', path, ok: true, ...(typeof name === 'string' ? { name } : {}) };
}

export function parseGemfile(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const text = files.read(path);
  if (text === undefined) return { ecosystem: 'bundler', path, ok: false, error: 'unreadable' };
  // Each open block: a development/test group, and a group marked `optional: true` (Bundler installs
  // it only with `--with`; `group :stripe, :optional => true do`).
  const groups: { dev: boolean; optional: boolean }[] = [];
  const top = () => groups[groups.length - 1] ?? { dev: false, optional: false };
  linesOf(text).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    const group = /^group\s+(.+?)\s+do\b/.exec(line);
    if (group)
      return void groups.push({
        dev: /:(development|test)\b|["'](development|test)["']/.test(group[1]!),
        optional: /(?:\boptional:|:optional\s*=>)\s*true\b/.test(group[1]!),
      });
    if (/^(\w+.*\s)?do\b/.test(line) && !group) return void groups.push(top());
    if (line === 'end') return void groups.pop();
    const gem = /^gem\s+["']([^"']+)["'](?:\s*,\s*["']([^"']+)["'])?(.*)$/.exec(line);
    const spec = /\.add_(development_|runtime_)?dependency\s*\(?\s*["']([^"']+)["'](?:\s*,\s*["']([^"']+)["'])?/.exec(
      line,
    );
    if (gem) {
      const dev = top().dev || /group:\s*(\[?\s*:(development|test))/.test(gem[3] ?? '');
      deps.push({
        ecosystem: 'bundler',
        name: gem[1]!,
        ...(gem[2] ? { version: gem[2] } : {}),
        path,
        line: i + 1,
        dev,
        ...(top().optional ? { optional: true } : {}),
      });
    } else if (spec) {
      deps.push({
        ecosystem: 'bundler',
        name: spec[2]!,
        ...(spec[3] ? { version: spec[3] } : {}),
        path,
        line: i + 1,
        dev: spec[1] === 'development_',
      });
    }
  });
  return { ecosystem: 'bundler', path, ok: true };
}
