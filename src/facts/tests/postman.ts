/**
 * Postman collections run by Newman (`newman run coll.json`) or the Postman CLI: API tests against a
 * running server. A runner reports each `pm.test(…)` of a request's test script as one assertion
 * (Newman's summary row "assertions"); a request without a test script asserts nothing. A test case
 * is the request that asserts (its own script or one of a folder or the collection above it, which
 * run for every request below): the `pm.test` calls (and legacy `tests["name"] = …`) are the checks
 * of that one exchange, as the `assert` lines of a pytest function are, and counting them as test
 * cases would inflate the headline beside code tests. The file is the collection.
 */
import type { FileView } from '../../types.js';
import { commandGraph } from '../commands/index.js';
import { dirOf, joinPath } from '../commands/types.js';
import { mask, SYNTAX } from './mask.js';
import type { FileCount } from './digest.js';
import { lineAt } from '../../util/lines.js';
import { parseJson } from '../../util/parsers.js';

const CASE = /(?<![\w$.])pm\s*\.\s*test\s*\(|(?<![\w$.])tests\s*\[[^\]\n]+\]\s*=(?!=)/g;
const SKIP = /(?<![\w$.])pm\s*\.\s*test\s*\.\s*skip\s*\(/g;
const VENDORED = /(^|\/)(node_modules|vendor|third_party)\//;

interface Item {
  item?: unknown;
  event?: { listen?: unknown; script?: { exec?: unknown } }[];
}

/** Collections CI or a hook runs with newman/postman, and files named *.postman_collection.json. */
export function postmanCollections(files: FileView): { path: string; source: string }[] {
  const out = new Map<string, string>();
  for (const r of commandGraph(files).runs) {
    if (!r.tools.some((t) => t.name === 'Newman')) continue;
    const i = r.argv.indexOf('run');
    const target = i < 0 ? undefined : r.argv.slice(i + 1).find((w) => !w.startsWith('-'));
    if (!target || /^https?:|\$/.test(target)) continue;
    const hop = r.chain[r.chain.length - 1];
    const from = hop ? dirOf(hop.path) : '';
    const path = [joinPath(from, target), joinPath('', target)].find((p) => files.exists(p));
    if (path && !out.has(path)) out.set(path, hop ? `${hop.path}:${hop.line} (newman run)` : r.origin.path);
  }
  for (const p of files.match('**/*.postman_collection.json')) if (!VENDORED.test(p) && !out.has(p)) out.set(p, p);
  return [...out].map(([path, source]) => ({ path, source }));
}

/** The tests of a collection: its requests that a test script (theirs or a folder's) asserts on. */
export function countCollection(text: string): (FileCount & { framework: string }) | undefined {
  let doc: Item;
  try {
    doc = parseJson(text) as Item;
  } catch {
    return undefined;
  }
  let cases = 0;
  let skipped = 0;
  const asserts = (node: Item): { n: number; skip: number } => {
    let n = 0;
    let skip = 0;
    for (const e of Array.isArray(node.event) ? node.event : []) {
      if (e?.listen !== 'test') continue;
      const exec = e.script?.exec;
      const script = Array.isArray(exec) ? exec.filter((l) => typeof l === 'string').join('\n') : String(exec ?? '');
      const code = mask(script, SYNTAX.js);
      const s = (code.match(SKIP) ?? []).length;
      n += (code.match(CASE) ?? []).length + s;
      skip += s;
    }
    return { n, skip };
  };
  // A request (a leaf item) counts once when it or a folder above it asserts; skipped when every check is.
  const walk = (node: Item, depth: number, inherited: number) => {
    if (depth > 30 || !node || typeof node !== 'object') return;
    const own = asserts(node);
    const checks = inherited + own.n;
    const children = Array.isArray(node.item) ? node.item : undefined;
    if (!children) {
      if (depth > 0 && checks > 0) {
        cases++;
        if (own.skip > 0 && own.skip === checks) skipped++;
      }
      return;
    }
    for (const child of children) walk(child as Item, depth + 1, checks);
  };
  walk(doc, 0, 0);
  if (cases === 0) return undefined;
  // The first test, cited where its script line is written in the collection file.
  const at = text.search(/pm\s*\.\s*test\s*\(|tests\s*\[/);
  const firstLine = at < 0 ? undefined : lineAt(text, at);
  return {
    framework: 'Newman',
    cases,
    skipped,
    parametrized: 0,
    expanded: cases,
    ...(firstLine ? { firstLine } : {}),
  };
}
