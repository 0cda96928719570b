/**
 * Maps keyed by Terraform workspace (`locals { sizes = { live = "85", staging = "2" } }` read as
 * `lookup(local.sizes, terraform.workspace, …)` or `local.sizes[terraform.workspace]`): the
 * workspace names they spell out and the value each gets. Read from text, in the file that looks
 * the map up or another .tf file of its folder (one Terraform module), for environments and
 * redundancy (blind round 23).
 */
import type { FileView } from '../../src/types.js';
import { lineAt } from '../../src/util/lines.js';

/** A map looked up by workspace; group 1 or 2 is the map's name. */
export const WS_LOOKUP =
  /\blookup\(\s*(?:local|var)\.(\w+)\s*,\s*terraform\.workspace\b|\b(?:local|var)\.(\w+)\[\s*terraform\.workspace\s*\]/g;

export interface WorkspaceMap {
  name: string;
  path: string;
  line: number;
  entries: { key: string; value: string; line: number }[];
}

/** Where each name is first defined as `name = {` in one text (offset of the match, its length). */
function definitions(src: string): Map<string, { index: number; length: number }> {
  const out = new Map<string, { index: number; length: number }>();
  for (const m of src.matchAll(/^[ \t]*(\w+)[ \t]*=[ \t]*\{/gm))
    if (!out.has(m[1]!)) out.set(m[1]!, { index: m.index, length: m[0].length });
  return out;
}

// Per file view: each file's definitions, read once, and each answer, so that a folder with many
// lookups reads and scans each of its .tf files once, not once per lookup (hostile input).
const memo = new WeakMap<
  object,
  { defs: Map<string, Map<string, { index: number; length: number }>>; maps: Map<string, WorkspaceMap | undefined> }
>();

/** The map `name` of the module that `from` belongs to (the file first, then its folder's .tf files). */
export function workspaceMap(
  files: Pick<FileView, 'read' | 'match'>,
  from: string,
  name: string,
): WorkspaceMap | undefined {
  let cache = memo.get(files);
  if (!cache) memo.set(files, (cache = { defs: new Map(), maps: new Map() }));
  const key = `${from}\0${name}`;
  if (cache.maps.has(key)) return cache.maps.get(key);
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  let found: WorkspaceMap | undefined;
  for (const path of [from, ...files.match(`${dir}*.tf`).filter((p) => p !== from)]) {
    let defs = cache.defs.get(path);
    if (!defs) cache.defs.set(path, (defs = definitions(files.read(path) ?? '')));
    const m = defs.get(name);
    if (!m) continue;
    const src = files.read(path) ?? '';
    const start = m.index + m.length;
    const end = src.indexOf('}', start);
    const body = src.slice(start, end < 0 ? undefined : end);
    const entries = [...body.matchAll(/^[ \t]*"?([\w.-]+)"?[ \t]*=[ \t]*("[^"\n]*"|[^\s#]+)/gm)].map((k) => ({
      key: k[1]!,
      value: k[2]!.replace(/^"|"$/g, ''),
      line: lineAt(src, start + k.index),
    }));
    found = { name, path, line: lineAt(src, m.index), entries };
    break;
  }
  cache.maps.set(key, found);
  return found;
}
