/**
 * pytest/unittest test cases the way pytest collects them, from parsed modules: module-level
 * `test*` functions; `test*` methods of `Test*` classes without `__init__` (nested classes too,
 * methods inherited from base classes in the same file or imported from another test module,
 * and `Test*` classes imported into a module, which pytest collects there again); `test*`
 * methods of `unittest.TestCase` subclasses. A parametrized test is one definition; `expanded`
 * multiplies literal `parametrize` tables and `params=` of the fixtures it requests (through
 * class, module and conftest.py fixtures).
 */
import type { PytestConfig } from './pytest-config.js';
import type { PyClass, PyFixture, PyFunc, PyModule } from './python-parse.js';
import type { PyBases } from './python-bases.js';
import { counter } from './types.js';
import { globMatch } from '../../util/glob-match.js';

export interface PyProject {
  modules: Map<string, PyModule>;
  /** Parsed conftest.py files by directory ('' for the root). */
  conftests: Map<string, PyModule>;
  cfg: PytestConfig;
  /** Modules collected only under a command's own options (`-o python_functions=…`): those options. */
  cfgOf?: Map<string, PytestConfig>;
  /**
   * Test functions already counted as declared (shared by every file of one inventory): a method
   * a subclass inherits is declared once, in `cases`, and run once per collecting class, in
   * `expanded` — the policy of `lendDeclared` for every framework.
   */
  declared?: Set<PyFunc>;
  /** Base classes followed through imports into modules that are not collected (python-bases.ts). */
  bases?: PyBases;
}

/** pytest's `python_functions`/`python_classes`: fnmatch globs, or a prefix when the entry has none. */
const nameMatches = (name: string, patterns: string[]) =>
  patterns.some((p) =>
    /[*?[]/.test(p) ? globMatch(p, name, { question: true, classes: true }) === true : name.startsWith(p),
  );

function registry(project: PyProject): Map<string, PyClass> {
  const byName = new Map<string, PyClass>();
  for (const mods of [project.modules, project.bases?.helpers ?? new Map<string, PyModule>()])
    for (const path of [...mods.keys()].sort())
      for (const c of mods.get(path)!.classes) if (!byName.has(c.name)) byName.set(c.name, c);
  return byName;
}

/**
 * `unittest`: the collection of unittest discovery (Django's runner, `python -m unittest`): only
 * `TestCase` subclasses defined at module level, their `test*` methods (inherited ones too).
 */
export function countPythonFile(
  path: string,
  project: PyProject,
  reg = registry(project),
  collector: 'pytest' | 'unittest' = 'pytest',
) {
  const mod = project.modules.get(path)!;
  const cfg = project.cfgOf?.get(path) ?? project.cfg;
  const bases = project.bases;
  const locals = new Map<PyModule, Map<string, PyClass>>();
  const localOf = (m: PyModule) => {
    let l = locals.get(m);
    if (!l) locals.set(m, (l = new Map(m.classes.map((c) => [c.name, c]))));
    return l;
  };
  const local = localOf(mod);
  const moduleAt = (at: string) => (at === path ? mod : (project.modules.get(at) ?? bases?.helpers.get(at)));
  /** A base as written in module `at` (the module that defines the class naming it). */
  const resolve = (name: string, at = path): PyClass | undefined => {
    const m = moduleAt(at) ?? mod;
    const local = localOf(m);
    const parts = name.split('.');
    // `TestBase.ApiTestCaseBase`: a base class nested in a holder class (kept out of discovery on purpose).
    if (parts.length > 1 && local.has(parts[0]!)) {
      let c: PyClass | undefined = local.get(parts[0]!);
      for (const part of parts.slice(1)) c = c?.nested.find((x) => x.name === part);
      if (c) return c;
    }
    const bound = bases?.bound.get(at)?.get(name);
    if (bound) return bound;
    const n = parts.pop()!;
    return local.get(n) ?? (m.imports.some((i) => i.name === n) || name.includes('.') ? reg.get(n) : undefined);
  };
  const ownerOf = (c: PyClass) => bases?.owner.get(c) ?? path;
  const lineage = (c: PyClass, seen = new Set<PyClass>()): PyClass[] => {
    if (seen.has(c)) return [];
    seen.add(c);
    return [
      c,
      ...c.bases.flatMap((b) => {
        const r = resolve(b, ownerOf(c));
        return r ? lineage(r, seen) : [];
      }),
    ];
  };
  const isUnittest = (c: PyClass) =>
    lineage(c).some((k) => k.bases.some((b) => /(?:^|\.)(?:\w*TestCase)$/.test(b) && !resolve(b, ownerOf(k))));

  const dirs: string[] = [];
  for (
    let d = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    ;
    d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : ''
  ) {
    dirs.push(d);
    if (d === '') break;
  }
  const outerScopes: Map<string, PyFixture>[] = [
    mod.fixtures,
    ...dirs.map((d) => project.conftests.get(d)?.fixtures).filter((f): f is Map<string, PyFixture> => !!f),
  ];

  /** Product of fixture `params` sizes a test requests, directly or through other fixtures. */
  const fixtureFactor = (fn: PyFunc, classScopes: Map<string, PyFixture>[]): number | null => {
    const scopes = [...classScopes, ...outerScopes];
    const seen = new Set<string>(fn.paramNames);
    let factor: number | null = 1;
    const want = [
      ...fn.args,
      ...(fn.uses ?? []),
      ...scopes.flatMap((s) => [...s.values()].filter((f) => f.autouse).map((f) => f.name)),
    ];
    while (want.length) {
      const name = want.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const fx = scopes.map((s) => s.get(name)).find(Boolean);
      if (!fx) continue;
      factor = fx.size === null || factor === null ? null : factor * fx.size;
      want.push(...fx.deps);
    }
    return factor;
  };

  const own = new Set<PyClass>();
  const mark = (cs: PyClass[]) => cs.forEach((c) => (own.add(c), mark(c.nested)));
  mark(mod.classes);
  const count = counter();
  let rerun = 0;
  const add = (fn: PyFunc, classScopes: Map<string, PyFixture>[], cls?: PyClass, at?: number) => {
    const skipped = fn.skipped || !!cls?.skipped;
    let params =
      cls && cls.params !== undefined
        ? fn.params === undefined
          ? cls.params
          : fn.params === null || cls.params === null
            ? null
            : fn.params * cls.params
        : fn.params;
    const f = fixtureFactor(
      {
        ...fn,
        paramNames: [...fn.paramNames, ...(cls?.paramNames ?? [])],
        uses: [...(fn.uses ?? []), ...(cls?.uses ?? [])],
      },
      classScopes,
    );
    if (f !== 1) params = f === null || params === null ? null : (params ?? 1) * f;
    // A method already declared (in its base class, or another subclass) runs again here: expanded only.
    if (project.declared?.has(fn)) {
      rerun += typeof params === 'number' ? params : 1;
      return;
    }
    project.declared?.add(fn);
    count.add({ line: at ?? fn.line, skipped, ...(params !== undefined ? { params } : {}) });
  };

  const pytest = collector === 'pytest';
  if (pytest) for (const f of mod.functions) if (nameMatches(f.name, cfg.functions)) add(f, []);
  // Methods inherited from another module are cited at the collecting class (or the import).
  const visit = (c: PyClass, enclosing: Map<string, PyFixture>[], importLine?: number) => {
    if (c.disabled) return;
    const unittest = isUnittest(c);
    if (!unittest && (!pytest || !nameMatches(c.name, cfg.classes) || lineage(c).some((k) => k.hasInit))) return;
    const chain = lineage(c);
    const scopes = [...chain.map((k) => k.fixtures), ...enclosing];
    const methods = new Map<string, { fn: PyFunc; owner: PyClass }>();
    for (const k of chain)
      for (const m of k.methods) if (!methods.has(m.name)) methods.set(m.name, { fn: m, owner: k });
    for (const { fn, owner } of methods.values()) {
      if (!(unittest ? fn.name.startsWith('test') : nameMatches(fn.name, cfg.functions))) continue;
      add(
        fn,
        unittest ? [] : scopes,
        {
          ...owner,
          skipped: owner.skipped || c.skipped,
          params: c.params ?? owner.params,
          paramNames: [...c.paramNames, ...owner.paramNames],
        },
        importLine ?? (own.has(owner) ? fn.line : c.line),
      );
    }
    // Nested classes are inherited too: pytest walks the whole MRO's namespace.
    if (!unittest) {
      const nested = new Map<string, PyClass>();
      for (const k of chain) for (const n of k.nested) if (!nested.has(n.name)) nested.set(n.name, n);
      nested.forEach((n) => visit(n, scopes, importLine ?? (own.has(n) ? undefined : c.line)));
    }
  };
  mod.classes.forEach((c) => visit(c, []));
  // pytest collects Test* classes that a module imports, as if they were defined there.
  for (const { name, line } of pytest ? mod.imports : []) {
    const c = !local.has(name) && nameMatches(name, cfg.classes) ? reg.get(name) : undefined;
    if (c) visit(c, [], line);
  }
  const framework = !pytest || (mod.classes.some((c) => isUnittest(c)) && !mod.usesPytest) ? 'unittest' : 'pytest';
  const r = count.result();
  return { ...r, expanded: r.expanded + rerun, framework };
}

export { registry as pythonRegistry };
