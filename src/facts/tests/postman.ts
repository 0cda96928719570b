/**
 * Postman collections run by Newman (`newman run coll.json`) or the Postman CLI: API tests against a
 * running server. A runner reports each `pm.test(…)` of a request's test script as one assertion
 * (Newman's summary row "assertions", one JUnit testcase each); a request without a test script
 * asserts nothing. So the cases are the `pm.test` calls (and the legacy `tests["name"] = …`), in
 * every folder of the collection, and the file is the collection.
 */
import type { FileView } from '../../types.js';
import { commandGraph } from '../commands/index.js';
import { dirOf, joinPath } from '../commands/types.js';
import { mask, SYNTAX } from './mask.js';
import type { FileCount } from './digest.js';

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

/** The tests of a collection: `pm.test` calls in the test scripts of its requests and folders. */
export function countCollection(text: string): (FileCount & { framework: string }) | undefined {
  let doc: Item;
  try {
    doc = JSON.parse(text) as Item;
  } catch {
    return undefined;
  }
  let cases = 0;
  let skipped = 0;
  const walk = (node: Item, depth: number) => {
    if (depth > 30 || !node || typeof node !== 'object') return;
    for (const e of Array.isArray(node.event) ? node.event : []) {
      if (e?.listen !== 'test') continue;
      const exec = e.script?.exec;
      const script = Array.isArray(exec) ? exec.filter((l) => typeof l === 'string').join('\n') : String(exec ?? '');
      const code = mask(script, SYNTAX.js);
      cases += (code.match(CASE) ?? []).length + (code.match(SKIP) ?? []).length;
      skipped += (code.match(SKIP) ?? []).length;
    }
    for (const child of Array.isArray(node.item) ? node.item : []) walk(child as Item, depth + 1);
  };
  walk(doc, 0);
  if (cases === 0) return undefined;
  // The first test, cited where its script line is written in the collection file.
  const at = text.search(/pm\s*\.\s*test\s*\(|tests\s*\[/);
  const firstLine = at < 0 ? undefined : text.slice(0, at).split('\n').length;
  return {
    framework: 'Newman',
    cases,
    skipped,
    parametrized: 0,
    expanded: cases,
    ...(firstLine ? { firstLine } : {}),
  };
}
