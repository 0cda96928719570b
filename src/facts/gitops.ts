/**
 * Argo CD applications declared as Helm values (issue 15, blind round 48): the `argocd-apps` chart
 * (and the `argo-cd` chart's older `server.additionalApplications`) turns `applications:` and
 * `applicationsets:` entries of a values file into Application/ApplicationSet objects. A repository
 * whose values declare them deploys what they point at — usually its own folders — exactly as one
 * writing `kind: ApplicationSet` does; the YAML holds no `kind:` line to find.
 *
 * An entry counts when it is what the chart renders into an object: an ApplicationSet with
 * `generators`, an Application with a `source`/`sources` and a `destination`. The chart's own empty
 * defaults (`applications: {}`), values under docs/, examples/ or tests/, and chart-testing values
 * (`<chart>/ci/*.yaml`) declare nothing deployed.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { parseYamlWithLines } from '../util/yaml-lines.js';
import { NOT_THE_PRODUCT } from './paths.js';

export interface GitopsValuesApp {
  kind: 'Application' | 'ApplicationSet';
  name: string;
  path: string;
  line: number;
  /** Folders of this repository the application deploys (a source `path`, a git generator's directories). */
  folders: string[];
  /** `syncPolicy.automated` is set: Argo CD syncs every change without a person. */
  automated: boolean;
}

const VALUES_GLOBS = ['**/values*.{yaml,yml}', '**/*-values.{yaml,yml}', '**/*.values.{yaml,yml}'];
const KEYS =
  /^[ \t]*(?:applicationsets|applications|additionalApplications|additionalApplicationSets):[ \t]*(?:#.*)?$/m;
const APPSET_KEYS = new Set(['applicationsets', 'additionalApplicationSets']);
const MAX_FILES = 400;
const MAX_BYTES = 300_000;

/** Every Argo CD application that values files of this repository declare (memoised per audit). */
export function gitopsValuesApps(files: FileView): GitopsValuesApp[] {
  return memo(files, 'gitops:values', () => {
    const out: GitopsValuesApp[] = [];
    let read = 0;
    for (const path of files.match(VALUES_GLOBS)) {
      if (NOT_THE_PRODUCT.test(path) || /(^|\/)ci\/[^/]+$/.test(path)) continue;
      if (++read > MAX_FILES) break;
      const text = files.read(path);
      if (!text || text.length > MAX_BYTES || !KEYS.test(text)) continue;
      const parsed = parseYamlWithLines(text);
      if (parsed.error) continue;
      const lines = text.split('\n');
      for (const doc of parsed.docs)
        collect(doc.value, [], 0, (kind, name, entry, at) => {
          // A map entry's node starts below its key (`root:`): cite the key, as a reader looks for it.
          const first = doc.lineOf(at) ?? 1;
          const key = at[at.length - 1];
          const above = typeof key === 'string' && first > 1 ? lines[first - 2]?.trim() : undefined;
          out.push({
            kind,
            name,
            path,
            line: above === `${key}:` || above === `"${key}":` || above === `'${key}':` ? first - 1 : first,
            folders: foldersOf(entry),
            automated:
              !!rec(rec(entry.syncPolicy)?.automated) ||
              rec(entry.syncPolicy)?.automated === true ||
              !!rec(rec(rec(rec(entry.template)?.spec)?.syncPolicy)?.automated),
          });
        });
      if (out.length >= 200) break;
    }
    return out;
  });
}

type Found = (
  kind: GitopsValuesApp['kind'],
  name: string,
  entry: Record<string, unknown>,
  at: (string | number)[],
) => void;

/** Finds `applications:`/`applicationsets:` maps or lists at any depth (a subchart's values nest them). */
function collect(value: unknown, at: (string | number)[], depth: number, found: Found): void {
  const node = rec(value);
  if (!node || depth > 6) return;
  for (const [key, child] of Object.entries(node)) {
    const lower = key.toLowerCase();
    if (
      lower === 'applications' ||
      lower === 'applicationsets' ||
      key === 'additionalApplications' ||
      key === 'additionalApplicationSets'
    ) {
      const kind = APPSET_KEYS.has(key) || lower === 'applicationsets' ? 'ApplicationSet' : 'Application';
      for (const [name, entry, where] of entries(child)) {
        if (declares(kind, entry)) found(kind, name, entry, [...at, key, where]);
      }
    } else collect(child, [...at, key], depth + 1, found);
  }
}

/** A map of name → spec (argocd-apps 1.x+) or a list of specs with `name:` (older charts). */
function entries(v: unknown): [string, Record<string, unknown>, string | number][] {
  if (Array.isArray(v))
    return v.slice(0, 200).flatMap((e, i) => {
      const r = rec(e);
      return r
        ? [[typeof r.name === 'string' ? r.name : String(i), r, i] as [string, Record<string, unknown>, number]]
        : [];
    });
  const r = rec(v);
  if (!r) return [];
  return Object.entries(r)
    .slice(0, 200)
    .flatMap(([k, e]) => (rec(e) ? [[k, rec(e)!, k] as [string, Record<string, unknown>, string]] : []));
}

function declares(kind: GitopsValuesApp['kind'], e: Record<string, unknown>): boolean {
  if (kind === 'ApplicationSet') return Array.isArray(e.generators) && e.generators.length > 0 && !!rec(e.template);
  return (!!rec(e.source) || Array.isArray(e.sources)) && !!rec(e.destination);
}

/** Repository folders named by a source `path` or a git generator's `directories`, without globs' tails. */
function foldersOf(e: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const add = (p: unknown) => {
    if (typeof p !== 'string' || p.includes('{{')) return;
    const clean = p.replace(/^\.?\//, '').replace(/\/?\*.*$/, '');
    if (clean && clean.length < 200) out.add(clean);
  };
  for (const g of Array.isArray(e.generators) ? e.generators.slice(0, 20) : []) {
    const dirs = rec(rec(g)?.git)?.directories;
    if (Array.isArray(dirs)) for (const d of dirs.slice(0, 20)) if (!rec(d)?.exclude) add(rec(d)?.path);
  }
  add(rec(e.source)?.path);
  if (Array.isArray(e.sources)) for (const s of e.sources.slice(0, 20)) add(rec(s)?.path);
  add(rec(rec(rec(e.template)?.spec)?.source)?.path);
  return [...out].slice(0, 10);
}

function rec(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
