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
  const resolved = resolveCatalogueAliases(files, out);
  for (const d of resolved) if (!d.dev && NOT_THE_PRODUCT.test(d.path)) d.dev = true;
  return resolved;
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

/**
 * Catalogue accessors resolve to coordinates (`-`, `_`, `.` alike): `libs.spring.boot.web` names the
 * entry `spring-boot-web` of gradle/libs.versions.toml, `libs.bundles.x` every entry of the bundle,
 * `libs.plugins.x` the plugin id. Catalogues the settings create (`create("ktorLibs") { from(…) }`)
 * resolve the same way from their TOML file; one published as an artefact
 * (`from("io.ktor:ktor-version-catalog:3.1.0")`) names its entries after its artefact:
 * `ktorLibs.server.contentNegotiation` is `io.ktor:ktor-server-content-negotiation` — only when the group
 * is the product the artefact names; a team's shared catalogue (`org.example.team:team-catalog`) lists
 * libraries of any group, so its accessors stay unresolved rather than invented coordinates.
 * An accessor of no catalogue (`compose.runtime`, a plugin's extension) is dropped.
 */
function resolveCatalogueAliases(files: FileView, deps: Dependency[]): Dependency[] {
  const isRef = (d: Dependency) => d.ecosystem === 'gradle' && /^[a-z]\w*\./.test(d.name) && !d.name.includes(':');
  if (!deps.some(isRef)) return deps;
  const catalogs = declaredCatalogs(files);
  const out: Dependency[] = [];
  for (const d of deps) {
    if (!isRef(d)) {
      out.push(d);
      continue;
    }
    const dot = d.name.indexOf('.');
    const root = d.name.slice(0, dot);
    const accessor = d.name.slice(dot + 1);
    const cat = catalogs.get(root);
    if (!cat) {
      if (root === 'libs') out.push(d); // the default catalogue, file not in the tree
      continue;
    }
    if (cat.kind === 'artifact') {
      if (/^(plugins|bundles|versions)\./.test(accessor)) continue;
      // Only a product's own catalogue names its entries after its artefacts; a team's shared catalogue
      // lists anyone's libraries, whose coordinates are not in the tree: the accessor stays as written.
      if (!cat.ownArtefacts) {
        out.push(d);
        continue;
      }
      const kebab = accessor
        .split('.')
        .map((seg) => seg.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase())
        .join('-');
      out.push({ ...d, name: `${cat.group}:${cat.prefix}-${kebab}` });
      continue;
    }
    const key = accessor.replace(/[-_]/g, '.').toLowerCase();
    if (key.startsWith('bundles.')) {
      const members = cat.bundles.get(key.slice(8));
      if (members) for (const c of members) out.push({ ...d, name: c });
      else out.push(d);
      continue;
    }
    if (key.startsWith('plugins.')) {
      const id = cat.plugins.get(key.slice(8));
      out.push(id ? { ...d, name: `plugin:${id}` } : d);
      continue;
    }
    const coord = cat.libraries.get(key);
    out.push(coord ? { ...d, name: coord } : d);
  }
  return out;
}

type Catalog =
  | { kind: 'toml'; libraries: Map<string, string>; bundles: Map<string, string[]>; plugins: Map<string, string> }
  | { kind: 'artifact'; group: string; prefix: string; ownArtefacts: boolean };

/** The version catalogues a build can use: gradle/libs.versions.toml as `libs`, and those the settings create. */
function declaredCatalogs(files: FileView): Map<string, Catalog> {
  const out = new Map<string, Catalog>();
  const toml = (path: string): Catalog | undefined => {
    const parsed = files.readToml<Record<string, Record<string, unknown> | undefined>>(path);
    if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return undefined;
    const norm = (alias: string) => alias.replace(/[-_]/g, '.').toLowerCase();
    const libraries = new Map<string, string>();
    for (const [alias, v] of Object.entries(parsed.value.libraries ?? {})) {
      const coord = catalogueCoordinate(v);
      if (coord) libraries.set(norm(alias), coord);
    }
    const bundles = new Map<string, string[]>();
    for (const [alias, v] of Object.entries(parsed.value.bundles ?? {})) {
      if (!Array.isArray(v)) continue;
      const coords = v.map((a) => libraries.get(norm(String(a)))).filter((c): c is string => !!c);
      bundles.set(norm(alias), coords);
    }
    const plugins = new Map<string, string>();
    for (const [alias, v] of Object.entries(parsed.value.plugins ?? {})) {
      const id =
        typeof v === 'string' ? v.split(':')[0] : v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
      if (typeof id === 'string') plugins.set(norm(alias), id);
    }
    return { kind: 'toml', libraries, bundles, plugins };
  };
  for (const path of files.named('libs.versions.toml')) {
    if (out.has('libs') && !path.startsWith('gradle/')) continue;
    const c = toml(path);
    if (c) out.set('libs', c);
  }
  for (const path of files.match([
    'settings.gradle.kts',
    'settings.gradle',
    '*/settings.gradle.kts',
    '*/settings.gradle',
  ])) {
    const text = files.read(path);
    if (!text || !/versionCatalogs/.test(text)) continue;
    for (const m of text.matchAll(
      /(?:\bcreate\s*\(\s*["']([A-Za-z]\w*)["']\s*\)|\b([A-Za-z]\w*))\s*(?:\{\s*|\.)\s*from\s*\(\s*(?:files\s*\(\s*["']([^"']+)["']|["']([^"':\s]+):([^"':\s]+)(?::[^"']*)?["'])/g,
    )) {
      const name = m[1] ?? m[2]!;
      if (m[3]) {
        const dir = path.includes('/') ? `${path.slice(0, path.lastIndexOf('/'))}/` : '';
        const c = toml(`${dir}${m[3].replace(/^\.\//, '')}`);
        if (c) out.set(name, c);
      } else if (m[4] && m[5]) {
        const prefix = m[5].replace(/-(?:version-)?catalog$|-versions$|-bom$/, '');
        // `io.ktor:ktor-version-catalog`: the group is the product the artefact prefix names, so its
        // entries are that product's artefacts. `org.example.team:team-catalog` may list any library.
        const product = m[4].slice(m[4].lastIndexOf('.') + 1).toLowerCase();
        out.set(name, { kind: 'artifact', group: m[4], prefix, ownArtefacts: prefix.toLowerCase() === product });
      }
    }
  }
  return out;
}

function catalogueCoordinate(v: unknown): string | undefined {
  if (typeof v === 'string') return v.split(':').slice(0, 2).join(':');
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.module === 'string') return o.module;
  if (typeof o.group === 'string' && typeof o.name === 'string') return `${o.group}:${o.name}`;
  return undefined;
}
