/**
 * Workspace packages of a monorepo, each judged like a repository of its own from the ONE scan the
 * audit already made: a package's view (src/walk/package-view.ts) holds its files and what it
 * inherits from the repository; the scan's matches are narrowed to it; facts (languages,
 * dependencies, frameworks, profile) are its own. Rules whose practice belongs to the repository
 * as a whole (`meta.scope: 'repository'`) are not run again: the package inherits the result.
 */
import type { Config } from '../config/schema.js';
import { collectFacts, completeFacts } from '../facts/index.js';
import { watchedNames } from '../facts/catalogues.js';
import type { ScanPattern, ScanResult } from '../scan/scanner.js';
import type { Evidence, Facts, Match, ProfileId, Workspace } from '../types.js';
import type { FileIndex, FileSource } from '../walk/file-index.js';
import { globTest } from '../walk/glob.js';
import { NOT_THE_PRODUCT } from '../facts/paths.js';
import { mapPackage, PackageIndex } from '../walk/package-view.js';
import { runRules, type RuleEntry, type RuleRun } from './run.js';

export const INHERITED_NOTE = 'inherited from the repository';

export interface PackageAudit {
  workspace: Workspace;
  view: PackageIndex;
  facts: Facts;
  /** Runs with evidence paths back in repository terms; inherited evidence carries a note. */
  runs: RuleRun[];
  /** Rule ids whose result was taken from the repository's run. */
  inherited: string[];
  /** The scan's inline suppression markers inside the package (repository paths). */
  inlineSuppressions: Match[];
}

export interface PackagesInput {
  files: FileIndex;
  source: FileSource;
  scan: ScanResult;
  patterns: ScanPattern[];
  entries: RuleEntry[];
  rootRuns: RuleRun[];
  config: Config;
  catalogue: (name: string) => string[];
  artifacts?: import('../types.js').Artifacts;
  profile?: ProfileId;
  timeoutMs: number;
  inlineKey: string;
}

/** The packages to audit: the detected workspaces, or the folders the configuration names by glob. */
export function choosePackages(
  files: FileIndex,
  workspaces: Workspace[],
  manifests: Facts['manifests'],
  globs: string[] | undefined,
): Workspace[] {
  // Example apps, docs sites, test and benchmark packages show how to use the product; they are
  // not what goes to production, so `auto` leaves them out (a glob in the configuration can name them).
  if (!globs) return workspaces.filter((w) => !NOT_THE_PRODUCT.test(`${w.path}/`));
  const tests = globs.map((g) => globTest(g.replace(/^\.\//, '').replace(/\/$/, '')));
  const out = new Map<string, Workspace>();
  for (const m of manifests) {
    const slash = m.path.lastIndexOf('/');
    if (slash < 0) continue;
    const dir = m.path.slice(0, slash);
    if (!out.has(dir) && tests.some((t) => t(dir)))
      out.set(dir, { path: dir, ecosystem: m.ecosystem, ...(m.name ? { name: m.name } : {}) });
  }
  // A glob that names a folder without a manifest still makes it a package (docs sites, charts).
  for (const g of globs) {
    const dir = g.replace(/^\.\//, '').replace(/\/$/, '');
    if (!/[*?[{]/.test(dir) && !out.has(dir) && files.paths.some((p) => p.startsWith(`${dir}/`)))
      out.set(dir, { path: dir, ecosystem: 'npm' });
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function scopedScan(scan: ScanResult, patterns: ScanPattern[], view: PackageIndex): ScanResult {
  const rel = new Map<string, string>();
  for (const [r, full] of view.mapping.full) rel.set(full, r);
  const matches = new Map<string, Match[]>();
  for (const [key, list] of scan.matches) {
    const mine: Match[] = [];
    for (const m of list) {
      const r = rel.get(m.path);
      if (r !== undefined) mine.push(r === m.path ? m : { ...m, path: r });
    }
    matches.set(key, mine);
  }
  const searched = new Map<string, number>();
  for (const p of patterns) searched.set(p.key, Math.min(scan.searched.get(p.key) ?? 0, view.match(p.files).length));
  // A pattern past its budget anywhere stays so in a package: its rules there are errors too.
  return { matches, searched, offloaded: 0, overruns: scan.overruns };
}

/** A package run's evidence in repository terms; what came from outside the package says so. */
function remap(run: RuleRun, view: PackageIndex): RuleRun {
  const evidence = run.evidence.map((e): Evidence => {
    if (e.path === '.') return e;
    const full = view.fullPath(e.path);
    if (!view.mapping.inherited.has(e.path)) return full === e.path ? e : { ...e, path: full };
    return { ...e, path: full, note: e.note ? `${e.note} (${INHERITED_NOTE})` : INHERITED_NOTE };
  });
  return { ...run, evidence };
}

export function auditPackages(input: PackagesInput, packages: Workspace[]): PackageAudit[] {
  const byRule = new Map(input.rootRuns.map((r) => [`${r.pillar}/${r.rule.meta.id}`, r]));
  const watched = watchedNames(input.config.detect);
  return packages.map((workspace) => {
    const mapping = mapPackage(input.files.paths, workspace.path);
    const view = new PackageIndex(mapping, input.files, input.source);
    const scan = scopedScan(input.scan, input.patterns, view);
    const pre = collectFacts(view);
    const facts = completeFacts(
      view,
      pre,
      { matches: (k) => scan.matches.get(k) ?? [], searched: (k) => scan.searched.get(k) ?? 0 },
      { override: input.profile, watched },
    );
    const base = {
      files: view,
      facts,
      scan,
      catalogue: input.catalogue,
      ...(input.artifacts ? { artifacts: input.artifacts } : {}),
    };
    const rootOf = (entry: RuleEntry) =>
      entry.rule.meta.scope === 'repository' ? byRule.get(`${entry.pillar}/${entry.rule.meta.id}`) : undefined;
    const own = runRules(
      input.entries.filter((e) => !rootOf(e)),
      base,
      input.timeoutMs,
    );
    const inherited: string[] = [];
    let next = 0;
    const runs = input.entries.map((entry) => {
      const root = rootOf(entry);
      if (!root) return remap(own[next++]!, view);
      inherited.push(`${entry.pillar}/${entry.rule.meta.id}`);
      return {
        ...root,
        evidence: root.evidence.map((e) => ({ ...e, note: e.note ? `${e.note} (${INHERITED_NOTE})` : INHERITED_NOTE })),
      };
    });
    const prefix = `${workspace.path}/`;
    const inlineSuppressions = (input.scan.matches.get(input.inlineKey) ?? []).filter((m) => m.path.startsWith(prefix));
    return { workspace, view, facts, runs, inherited, inlineSuppressions };
  });
}
