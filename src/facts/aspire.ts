/**
 * The projects a .NET Aspire app host runs (`builder.AddProject<Projects.Api>("api")`) and the
 * instance count each is given (`.WithReplicas(3)`, on the call or later on the variable that holds
 * it); one instance when none is set. A project excluded from the manifest (`.ExcludeFromManifest()`)
 * is a development aid, not deployed. Read as text, bounded: 200 KB per file, 20 projects, a
 * statement up to 2 KB, a later WithReplicas within 8 KB of the call.
 */
import type { FileView } from '../types.js';
import { lineAt } from '../util/lines.js';

export interface AspireProject {
  path: string;
  line: number;
  name: string;
  replicas: number;
  /** Where WithReplicas sets the count, when it does. */
  replicasLine?: number;
}

const ADD_PROJECT = /\bAddProject(?:<[\w.]{1,200}>)?\(\s*"([^"\n]{1,80})"/g;
const ASSIGNED = /(?:\bvar|\b[\w.<>]{1,200})[ \t]+(\w{1,80})[ \t]*=[ \t]*[\w.]{0,200}$/;
const REPLICAS = /\.WithReplicas\(\s*(\d{1,4})\s*\)/;

export function aspireProjects(files: FileView, path: string): AspireProject[] {
  const raw = (files.read(path) ?? '').slice(0, 200_000);
  // Comment lines add nothing.
  const text = raw.replace(/^[ \t]*\/\/[^\n]*$/gm, (c) => ' '.repeat(c.length));
  const out: AspireProject[] = [];
  for (const m of text.matchAll(ADD_PROJECT)) {
    if (out.length >= 20) break;
    const end = text.indexOf(';', m.index);
    const statement = text.slice(m.index, end < 0 ? m.index + 2000 : Math.min(end, m.index + 2000));
    if (/\.ExcludeFromManifest\s*\(/.test(statement)) continue;
    let count = REPLICAS.exec(statement);
    let at = count ? m.index + count.index : undefined;
    if (!count) {
      const before = text.slice(Math.max(0, m.index - 300), m.index);
      const lineStart = before.lastIndexOf('\n');
      const v = ASSIGNED.exec(before.slice(lineStart + 1))?.[1];
      if (v && text.includes('.WithReplicas(')) {
        const later = new RegExp(
          String.raw`(?<![\w.])${v}[ \t\r\n]*(?:\.[^;]{0,400}?)?\.WithReplicas\(\s*(\d{1,4})\s*\)`,
        );
        // Later statements of the app host, within 8 KB of the call: bounded however often the name recurs.
        const from = end < 0 ? m.index : end;
        const hit = later.exec(text.slice(from, from + 8000));
        if (hit) {
          count = REPLICAS.exec(hit[0]);
          at = from + hit.index + (count?.index ?? 0);
        }
      }
    }
    out.push({
      path,
      line: lineAt(text, m.index),
      name: m[1]!,
      replicas: count ? Number(count[1]) : 1,
      ...(count && at !== undefined ? { replicasLine: lineAt(text, at) } : {}),
    });
  }
  return out;
}
