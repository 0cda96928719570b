/**
 * Base classes of Python test classes that live in modules the runner does not collect: a project's
 * own `TestCase` base in a helper module (`yapftests/yapf_test_helper.py: class YAPFTest(unittest.
 * TestCase)`, subclassed as `class X(yapf_test_helper.YAPFTest)` by every test module). Without the
 * helper, a test class's lineage stops at a name, and neither unittest nor pytest would see it as
 * the TestCase it is. Each base is followed through the import that binds it, as Python resolves
 * it — `from pkg import helper` + `helper.Base`, `from pkg.helper import Base`, `import pkg.helper
 * as h` + `h.Base`, `from .helper import *`, a package `__init__.py` re-exporting a name — and then
 * through the helper's own bases, transitively. Only modules that define a base are read (once each,
 * through the test digest), never every Python file of the repository.
 */
import type { FileView } from '../../types.js';
import { pythonModulePath, TEST_DIGEST } from './digest.js';
import type { PyClass, PyModule } from './python-parse.js';

export interface PyBases {
  /** Modules read only for the base classes they define (not collected: their tests are not counted). */
  helpers: Map<string, PyModule>;
  /** Per module path, the class each base name as written there resolves to through its imports. */
  bound: Map<string, Map<string, PyClass>>;
  /** The module path of every class of the collected and helper modules (nested ones too). */
  owner: Map<PyClass, string>;
}

/** `from . import x` → `.x`, `from pkg import x` → `pkg.x`: the submodule a from-import may name. */
const submodule = (from: string, name: string) => (from.endsWith('.') ? `${from}${name}` : `${from}.${name}`);

export function pythonBases(files: FileView, modules: Map<string, PyModule>): PyBases {
  const all = new Map(modules);
  const helpers = new Map<string, PyModule>();
  const bound = new Map<string, Map<string, PyClass>>();
  const owner = new Map<PyClass, string>();
  const queue = [...modules.keys()];
  const load = (path: string | undefined): PyModule | undefined => {
    if (path === undefined) return undefined;
    if (all.has(path)) return all.get(path);
    const d = files.digest(path, TEST_DIGEST);
    const mod = d?.kind === 'python' ? d.module : undefined;
    all.set(path, mod!);
    if (mod) helpers.set(path, mod), queue.push(path);
    return mod;
  };
  /** Class `name` as module `path` defines or imports it (re-exports, star imports), a few hops deep. */
  const classIn = (path: string | undefined, name: string, depth = 0): PyClass | undefined => {
    const mod = load(path);
    if (!mod || path === undefined || depth > 4) return undefined;
    const parts = name.split('.');
    let c = mod.classes.find((k) => k.name === parts[0]);
    if (!c) {
      const imp = mod.imports.find((i) => i.name === parts[0] && i.from);
      if (imp) c = classIn(pythonModulePath(files, path, imp.from!), imp.orig!, depth + 1);
      for (const s of c ? [] : mod.imports.filter((i) => i.name === '*'))
        if ((c = classIn(pythonModulePath(files, path, s.from!), parts[0]!, depth + 1))) break;
    }
    for (const part of parts.slice(1)) c = c?.nested.find((k) => k.name === part);
    return c;
  };
  /** A base as written in module `path`: through the import that binds its first name. */
  const resolve = (path: string, mod: PyModule, base: string): PyClass | undefined => {
    const parts = base.split('.');
    for (let n = parts.length - 1; n >= 1; n--) {
      const prefix = parts.slice(0, n).join('.');
      const rest = parts.slice(n).join('.');
      const mi = mod.moduleImports?.find((m) => m.name === prefix);
      if (mi) return classIn(pythonModulePath(files, path, mi.spec), rest);
    }
    // `from pkg import helper` + `helper.Base`: a submodule.
    const imp = mod.imports.find((i) => i.name === parts[0] && i.from);
    const rest = parts.slice(1).join('.');
    const sub = imp && rest ? pythonModulePath(files, path, submodule(imp.from!, imp.orig!)) : undefined;
    if (sub) return classIn(sub, rest);
    // Else a name bound by a from-import or a star import, as classIn follows them (from one hop before, so the
    // depth the imported module is searched to stays as it was).
    return classIn(path, base, -1);
  };
  while (queue.length) {
    const path = queue.shift()!;
    const mod = all.get(path);
    if (!mod) continue;
    const local = new Set(mod.classes.map((c) => c.name));
    const visit = (c: PyClass) => {
      owner.set(c, path);
      for (const b of c.bases) {
        if (local.has(b.split('.')[0]!) || bound.get(path)?.has(b) || !/^[A-Za-z_][\w.]*$/.test(b)) continue;
        const hit = resolve(path, mod, b);
        if (!hit) continue;
        let m = bound.get(path);
        if (!m) bound.set(path, (m = new Map()));
        m.set(b, hit);
      }
      c.nested.forEach(visit);
    };
    mod.classes.forEach(visit);
  }
  return { helpers, bound, owner };
}
