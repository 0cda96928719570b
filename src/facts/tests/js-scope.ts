/**
 * The names a JS/TS module declares and imports, as values (js-values.ts) evaluated on demand:
 * `const CASES = [...]`, `var a = x, methods = require('../lib/utils').methods`,
 * `const { METHODS } = require('node:http')`, `import { MATCH_TESTS } from './cases.spec.js'`.
 * A name means its nearest declaration before the use (the same name is often declared in several
 * describe blocks). `exports()` gives what the module exports, for the test files that import it.
 */
import {
  bind,
  evaluate,
  expressionEnd,
  functionAt,
  inert,
  knownModule,
  member,
  parseBinder,
  unknown,
  type Binder,
  type Source,
  type Value,
} from './js-values.js';

interface Binding {
  name: string;
  at: number;
  get: () => Value;
}

/** `modules(spec)`: the exports of a relative module (undefined when not resolved or not read). */
export function scopeOf(
  code: string,
  text: string,
  modules: (spec: string) => Record<string, Value> | undefined = () => undefined,
): Source & { exports: () => Record<string, Value> } {
  const byName = new Map<string, Binding[]>();
  // A table filled in place (`cases.push(…)`, `rows[2] = …`) is not what its literal says; `splice`
  // and `shift` are read for what they return (`rows.splice(1)` drops a header row). Found when
  // a value is first asked for, from the mutations back to the name.
  let mutated: Set<string> | undefined;
  const isMutated = (name: string) => {
    if (!mutated) {
      mutated = new Set();
      for (const m of code.matchAll(/\.\s*(?:push|unshift)\s*\(|\.\s*length\s*=(?!=)|\]\s*=(?![=>])/g)) {
        let k = m.index;
        if (code[k] === ']') {
          const line = code.lastIndexOf('\n', k) + 1;
          k = code.lastIndexOf('[', k);
          if (k < line) continue;
        }
        while (k > 0 && /\s/.test(code[k - 1]!)) k--;
        const end = k;
        while (k > 0 && /[\w$]/.test(code[k - 1]!)) k--;
        if (k < end && code[k - 1] !== '.' && /^[A-Za-z_$]/.test(code[k]!)) mutated.add(code.slice(k, end));
      }
    }
    return mutated.has(name);
  };
  const add = (name: string, at: number, get: () => Value) => {
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push({ name, at, get: memo(() => (isMutated(name) ? unknown : get())) });
  };
  const moduleValue = (spec: string): Value => {
    const known = knownModule(spec);
    if (known) return known;
    // A JSON module is its document (`require('./cases.json')`, `import { rows } from './x.json'`).
    if (/^\..*\.json$/.test(spec)) return modules(spec)?.default ?? unknown;
    // A bare specifier may be a path alias of the project (`@acme/common/config`): asked too.
    const exp = spec.startsWith('.') || /^[@\w][\w@./-]*$/.test(spec) ? modules(spec) : undefined;
    return exp ? { t: 'obj', props: exp, open: true } : unknown;
  };
  const src: Source = {
    code,
    text,
    lookup: (name, at) => {
      const list = byName.get(name);
      if (!list) return unknown;
      let hit: Binding | undefined;
      for (const b of list) if (b.at < at) hit = b;
      return (hit ?? list[0]!).get();
    },
    module: moduleValue,
  };
  const exported: [string, () => Value][] = [];

  for (const m of code.matchAll(/\b(export\s+)?(?:const|let|var)\s+/g)) {
    let j = m.index + m[0].length;
    for (let n = 0; n < 50; n++) {
      const decl = declarator(code, j);
      if (!decl) break;
      // A function's return type may hold commas (`): Array<Case<'id', never>> => {`): it ends with its body.
      const fn = functionAt(code, decl.init);
      const end = fn?.block ? fn.bodyEnd : expressionEnd(code, decl.init);
      const whole = memo(() => evaluate(src, decl.init, end));
      for (const name of names(decl.binder)) {
        const get = () => {
          const env = Object.create(null) as Record<string, Value>;
          bind(decl.binder, whole(), env);
          return env[name] ?? unknown;
        };
        add(name, m.index, get);
        if (m[1]) exported.push([name, get]);
      }
      // `var a = x\n  , b = y`: the next declarator may start on the next line.
      const comma = /^\s*,/.exec(code.slice(end, end + 200));
      if (!comma) break;
      j = end + comma[0].length;
    }
  }
  // Function declarations (hoisted: a use before the declaration finds it too).
  for (const m of code.matchAll(/\b(export\s+)?(?:async\s+)?function\s+([\w$]+)\s*(?=\()/g)) {
    const at = m.index + (m[1]?.length ?? 0);
    const get = () => evaluate(src, at, functionAt(code, at)?.bodyEnd ?? at);
    add(m[2]!, m.index, get);
  }
  const IMPORT = /\bimport\s+(?:type\s+)?(?:([\w$]+)\s*,?\s*)?(?:\*\s*as\s+([\w$]+)|\{([^}]*)\})?\s*from\s*(['"])/g;
  for (const m of code.matchAll(IMPORT)) {
    const q = m.index + m[0].length;
    const spec = text.slice(q, code.indexOf(m[4]!, q));
    if (m[1]) add(m[1], m.index, () => moduleDefault(spec));
    if (m[2]) add(m[2], m.index, () => moduleValue(spec));
    for (const part of (m[3] ?? '').split(',')) {
      const [orig, local] = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      if (orig && /^[\w$]+$/.test(orig))
        add(local && /^[\w$]+$/.test(local) ? local : orig, m.index, () => member(moduleValue(spec), orig));
    }
  }
  function moduleDefault(spec: string): Value {
    // A package's default export is the package (`import methods from 'methods'`); a relative JSON module's is its
    // document; a relative JS module's is its `export default` when that is a table.
    if (knownModule(spec)) return knownModule(spec)!;
    if (/^\..*\.json$/.test(spec)) return moduleValue(spec);
    return spec.startsWith('.') ? (modules(spec)?.default ?? unknown) : unknown;
  }
  for (const m of code.matchAll(/\bexport\s+default\s+/g)) {
    const from = m.index + m[0].length;
    const fn = functionAt(code, from);
    const end = fn?.block ? fn.bodyEnd : expressionEnd(code, from);
    exported.push(['default', memo(() => evaluate(src, from, end))]);
  }
  for (const m of code.matchAll(/\b(?:module\s*\.\s*)?exports\s*\.\s*([\w$]+)\s*=(?!=)/g)) {
    const from = m.index + m[0].length;
    const end = expressionEnd(code, from);
    exported.push([m[1]!, memo(() => evaluate(src, from, end))]);
  }
  for (const m of code.matchAll(/\bexport\s*\{([^}]*)\}(?!\s*from)/g)) {
    for (const part of m[1]!.split(',')) {
      const [orig, as] = part.trim().split(/\s+as\s+/);
      if (orig && /^[\w$]+$/.test(orig)) exported.push([as ?? orig, () => src.lookup(orig, code.length)]);
    }
  }
  return {
    ...src,
    exports: () => {
      // Only tables: lists, Sets of evident values (`it.each(Array.from(ZONES))`), objects whose
      // keys are all evident (`Object.entries(LIMITS)`) and objects that hold a list
      // (`export default { id, rules: [...] }`): what a loop or `.each` in another file can use.
      const out = Object.create(null) as Record<string, Value>;
      for (const [name, get] of exported) {
        const v = get();
        if (
          v.t === 'arr' ||
          v.t === 'set' ||
          (v.t === 'obj' && (!v.open || Object.values(v.props).some((p) => p.t === 'arr' || p.t === 'set')))
        )
          out[name] = inert(v);
      }
      return out;
    },
  };
}

function memo(get: () => Value): () => Value {
  let state: 0 | 1 | 2 = 0;
  let value: Value = unknown;
  return () => {
    if (state === 2) return value;
    if (state === 1) return unknown; // a name that refers to itself
    state = 1;
    value = get();
    state = 2;
    return value;
  };
}

function names(b: Binder): string[] {
  if ('name' in b) return [b.name];
  if ('keys' in b) return b.keys.flatMap(([, s]) => names(s));
  return b.items.flatMap((s) => (s ? names(s) : []));
}

/**
 * `NAME (: Type)? = ` or `{ a, b } = ` at `j`: the binder and where the initialiser starts. A
 * type annotation may hold `;`, `=>` and brackets, so it is skipped bracket by bracket up to the
 * `=` at depth 0.
 */
function declarator(code: string, j: number): { binder: Binder; init: number } | undefined {
  while (/\s/.test(code[j] ?? '')) j++;
  let k = j;
  if (code[k] === '{' || code[k] === '[') {
    let depth = 0;
    for (; k < code.length; k++) {
      if ('([{'.includes(code[k]!)) depth++;
      else if (')]}'.includes(code[k]!) && --depth === 0) break;
    }
    k++;
  } else while (/[\w$]/.test(code[k] ?? '')) k++;
  if (k === j) return undefined;
  const binder = parseBinder(code.slice(j, k));
  while (/\s/.test(code[k] ?? '')) k++;
  if (code[k] === ':') {
    let depth = 0;
    const start = k;
    for (k++; k < Math.min(code.length, start + 4000); k++) {
      const c = code[k]!;
      if ('([{<'.includes(c)) depth++;
      else if (')]}'.includes(c) || (c === '>' && code[k - 1] !== '=')) depth--;
      else if (
        depth === 0 &&
        (c === ';' ||
          (c === '\n' && !/[:|&]\s*$/.test(code.slice(start, k)) && !/^\s*[|&]/.test(code.slice(k + 1, k + 40))))
      )
        return undefined;
      else if (depth === 0 && c === '=' && code[k + 1] !== '>' && code[k + 1] !== '=') break;
      if (depth < 0) return undefined;
    }
  }
  if (!binder || code[k] !== '=' || code[k + 1] === '=' || code[k + 1] === '>') return undefined;
  return { binder, init: k + 1 };
}
