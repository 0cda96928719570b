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

/** The map `name` of the module that `from` belongs to (the file first, then its folder's .tf files). */
export function workspaceMap(
  files: Pick<FileView, 'read' | 'match'>,
  from: string,
  name: string,
): WorkspaceMap | undefined {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const def = new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*\\{`, 'm');
  for (const path of [from, ...files.match(`${dir}*.tf`).filter((p) => p !== from)]) {
    const src = files.read(path) ?? '';
    const m = def.exec(src);
    if (!m) continue;
    const start = m.index + m[0].length;
    const end = src.indexOf('}', start);
    const body = src.slice(start, end < 0 ? undefined : end);
    const entries = [...body.matchAll(/^[ \t]*"?([\w.-]+)"?[ \t]*=[ \t]*("[^"\n]*"|[^\s#]+)/gm)].map((k) => ({
      key: k[1]!,
      value: k[2]!.replace(/^"|"$/g, ''),
      line: lineAt(src, start + k.index),
    }));
    return { name, path, line: lineAt(src, m.index), entries };
  }
  return undefined;
}
