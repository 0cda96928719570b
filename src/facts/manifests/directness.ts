/**
 * Dependency directness (DESIGN §2), decided once after every manifest is parsed: which entries are
 * the project's own choices and which are pulled in by something else or only pin a version.
 *
 * - A compiled requirements file (pip-compile, uv, poetry export) lists the whole resolved tree:
 *   a line is direct when its `# via` names a declaration (`-r requirements.in`, `my-app
 *   (pyproject.toml)`), or — without annotations — when the declaration it was compiled from
 *   names the package. Either way it is a pin of that declaration, which is the better evidence.
 * - Gradle `libs.<alias>` references resolve to the version catalogue's coordinates.
 * - Manifests of examples, docs and tests declare what those need, not what the product runs.
 */
import type { DeclaredDependency, Dependency, FileView, Manifest } from '../../types.js';
import { dirOf, NOT_THE_PRODUCT } from '../paths.js';
import { readCompiled, viaDeclaration } from './compiled.js';
import { normalisePyName } from './python.js';

const DEV_FILE = /(^|[-_/.])(dev|test|tests|testing|lint|docs?|ci|typing|mypy)([-_/.]|$)/i;

export function resolveDirectness(
  files: FileView,
  manifests: Manifest[],
  declared: DeclaredDependency[],
): Dependency[] {
  const out: Dependency[] = declared.map((d) => ({ ...d, direct: d.direct ?? true }));
  markCompiledRequirements(files, manifests, out);
  resolveCatalogueAliases(files, out);
  for (const d of out) if (!d.dev && NOT_THE_PRODUCT.test(d.path)) d.dev = true;
  return out;
}

function markCompiledRequirements(files: FileView, manifests: Manifest[], deps: Dependency[]): void {
  const byFile = new Map<string, Dependency[]>();
  for (const d of deps) {
    if (d.ecosystem !== 'pip') continue;
    const list = byFile.get(d.path);
    if (list) list.push(d);
    else byFile.set(d.path, [d]);
  }
  const localProjects = new Set(
    manifests.filter((m) => m.ecosystem === 'pip' && m.name).map((m) => normalisePyName(m.name!)),
  );
  for (const [path, list] of byFile) {
    if (!/\.txt$/.test(path)) continue;
    const text = files.read(path);
    if (text === undefined) continue;
    const { compiled, via } = readCompiled(text);
    if (!compiled) continue;
    if (via.size > 0) {
      for (const d of list) {
        const items = via.get(d.name);
        if (!items) continue;
        const decl = items.map((i) => viaDeclaration(i, localProjects)).find((x) => x !== undefined);
        if (decl) {
          d.pin = true;
          if (decl.file && DEV_FILE.test(decl.file.replace(/^.*\//, ''))) d.dev = true;
        } else {
          d.direct = false;
          d.via = `via ${items.slice(0, 3).join(', ')}${items.length > 3 ? ', …' : ''}`;
        }
      }
      continue;
    }
    // No annotations: the nearest declaration (requirements.in of the same name, else a
    // pyproject.toml, Pipfile or setup.* up the tree) says which pins were chosen.
    const source = declarationFor(path, byFile);
    if (!source) continue;
    const chosen = new Set(source.deps.map((d) => d.name));
    for (const d of list) {
      if (chosen.has(d.name)) d.pin = true;
      else {
        d.direct = false;
        d.via = `not declared in ${source.path}`;
      }
    }
  }
}

function declarationFor(
  path: string,
  byFile: Map<string, Dependency[]>,
): { path: string; deps: Dependency[] } | undefined {
  const sameStem = path.replace(/\.txt$/, '.in');
  if (byFile.get(sameStem)?.length) return { path: sameStem, deps: byFile.get(sameStem)! };
  for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    for (const name of ['pyproject.toml', 'Pipfile', 'setup.cfg', 'setup.py']) {
      const p = dir ? `${dir}/${name}` : name;
      const deps = byFile.get(p);
      if (deps?.length) return { path: p, deps };
    }
    if (!dir) return undefined;
  }
}

/** `implementation(libs.spring.boot.web)` names the catalogue entry `spring-boot-web` (`-`, `_`, `.` alike). */
function resolveCatalogueAliases(files: FileView, deps: Dependency[]): void {
  const refs = deps.filter((d) => d.ecosystem === 'gradle' && d.name.startsWith('libs.'));
  if (refs.length === 0) return;
  const coords = new Map<string, string>();
  for (const path of files.named('libs.versions.toml')) {
    const parsed = files.readToml<{ libraries?: Record<string, unknown> }>(path);
    if (!parsed.ok || !parsed.value.libraries || typeof parsed.value.libraries !== 'object') continue;
    for (const [alias, v] of Object.entries(parsed.value.libraries)) {
      const coord = catalogueCoordinate(v);
      if (coord) coords.set(alias.replace(/[-_]/g, '.').toLowerCase(), coord);
    }
  }
  for (const d of refs) {
    const coord = coords.get(d.name.slice(5).toLowerCase());
    if (coord) d.name = coord;
  }
}

function catalogueCoordinate(v: unknown): string | undefined {
  if (typeof v === 'string') return v.split(':').slice(0, 2).join(':');
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.module === 'string') return o.module;
  if (typeof o.group === 'string' && typeof o.name === 'string') return `${o.group}:${o.name}`;
  return undefined;
}
