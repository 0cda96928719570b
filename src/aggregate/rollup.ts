/**
 * Roll-ups over many Reports: owners from the inventory, levels, flags for stale or mixed inputs,
 * and the statistics per organisation, team, tier, pillar and rule. Pure: entries in, Aggregate out.
 */
import type { LevelConfig } from '../config/schema.js';
import { PILLAR_IDS, type PillarId } from '../types.js';
import { compareCodePoints } from '../walk/list.js';
import type { RepoEntry, RuleMeta, Skipped } from './input.js';
import { levelOf, type LevelResult, type RuleState } from './levels.js';
import {
  AGGREGATE_SCHEMA_VERSION,
  type Aggregate,
  type AggregateChanges,
  type AggregateGroup,
  type AggregateRepository,
  type Inventory,
} from './schema.js';

const PILLAR_TITLES: Record<PillarId, string> = {
  architecture: 'Architecture & Design',
  quality: 'Code Quality & Testing',
  observability: 'Observability & Monitoring',
  security: 'Security & Compliance',
  reliability: 'Reliability & Resilience',
  operations: 'Operations & Deployment',
};

export interface RollupInput {
  entries: RepoEntry[];
  skipped: Skipped[];
  meta: Map<string, RuleMeta>;
  files: number;
  inventory?: Inventory;
  levels?: LevelConfig[];
  snapshot: string;
  toolVersion: string;
  /** A repository whose audited commit is this many days older than the snapshot is flagged stale. */
  staleDays: number;
  trend?: Aggregate['trend'];
  changes?: AggregateChanges | null;
}

/** `https://github.com/Acme/Api.git` and `acme/api` both name the same repository. */
export function repoKeys(name: string, remote: string | null): string[] {
  const keys = [name.toLowerCase()];
  if (remote) {
    const r = remote
      .toLowerCase()
      .replace(/\.git$/, '')
      .replace(/\/$/, '');
    keys.push(r);
    const parts = r.split('/');
    if (parts.length >= 2) keys.push(parts.slice(-2).join('/'));
  }
  return keys;
}

type Owners = Map<string, NonNullable<Inventory['repositories']>[string]>;

const normalKey = (k: string) =>
  k
    .toLowerCase()
    .replace(/\.git$/, '')
    .replace(/\/$/, '');

function ownerTable(inventory: Inventory | undefined): Owners {
  return new Map(Object.entries(inventory?.repositories ?? {}).map(([k, v]) => [normalKey(k), v]));
}

function owner(inventory: Inventory | undefined, table: Owners, e: RepoEntry) {
  const hit = repoKeys(e.name, e.remote)
    .map((k) => table.get(k))
    .find(Boolean);
  const d = inventory?.default;
  return {
    team: hit?.team ?? d?.team ?? 'unassigned',
    tier: String(hit?.tier ?? d?.tier ?? 'untiered'),
    tags: [...(hit?.tags ?? d?.tags ?? [])].sort(compareCodePoints),
  };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : round((s[m - 1]! + s[m]!) / 2);
};
const round = (x: number) => Math.round(x * 10) / 10;

function stats(values: (number | null)[]) {
  const xs = values.filter((v): v is number => v !== null);
  return {
    mean: xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null,
    median: median(xs),
    min: xs.length ? Math.min(...xs) : null,
    max: xs.length ? Math.max(...xs) : null,
    assessed: xs.length,
  };
}

function groupOf(key: string, repos: AggregateRepository[], levels: string[]): AggregateGroup {
  const grades: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, F: 0, none: 0 };
  for (const r of repos) grades[r.grade ?? 'none'] = (grades[r.grade ?? 'none'] ?? 0) + 1;
  const levelCounts: Record<string, number> = Object.fromEntries([...levels, 'none'].map((l) => [l, 0]));
  for (const r of repos) levelCounts[r.level ?? 'none'] = (levelCounts[r.level ?? 'none'] ?? 0) + 1;
  const rank = (l: string | null) => (l === null ? 0 : levels.indexOf(l) + 1);
  const ordered = [...repos].sort(
    (a, b) => rank(a.level) - rank(b.level) || (a.score ?? -1) - (b.score ?? -1) || compareCodePoints(a.name, b.name),
  );
  const holdingBack = ordered.slice(0, Math.min(5, Math.max(1, Math.ceil(repos.length / 4)))).map((r) => ({
    name: r.name,
    score: r.score,
    level: r.level,
    reason: holdReason(r, levels.length > 0),
  }));
  return {
    key,
    repositories: repos.length,
    score: stats(repos.map((r) => r.score)),
    grades,
    levels: levelCounts,
    pillars: PILLAR_IDS.map((id) => ({
      id,
      title: PILLAR_TITLES[id],
      score: stats(repos.map((r) => r.pillars[id] ?? null)),
    })),
    holdingBack: repos.length > 1 ? holdingBack : [],
  };
}

function holdReason(r: AggregateRepository, withLevels: boolean): string {
  const parts: string[] = [];
  if (withLevels && r.nextLevel) {
    const unmet = r.nextLevel.unmet.slice(0, 3).map((u) => `${u.rule} ${u.state}`);
    parts.push(
      `${r.level ? `at ${r.level}` : 'no level'}; for ${r.nextLevel.id}: ${unmet.join(', ')}${r.nextLevel.unmet.length > 3 ? ', …' : ''}`,
    );
  }
  parts.push(r.score === null ? 'not assessed' : `score ${r.score}`);
  return parts.join('; ');
}

/** Keeps one Report per repository (the newest commit; the later file on a tie) and says which were dropped. */
function dedupe(entries: RepoEntry[]): { kept: RepoEntry[]; dropped: RepoEntry[] } {
  const byKey = new Map<string, RepoEntry>();
  const dropped: RepoEntry[] = [];
  for (const e of entries) {
    const key = repoKeys(e.name, e.remote).at(-1)!;
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, e);
    else if ((e.commitDate ?? '') >= (prev.commitDate ?? '')) {
      dropped.push(prev);
      byKey.set(key, e);
    } else dropped.push(e);
  }
  return { kept: [...byKey.values()], dropped };
}

const majority = (values: (string | null)[]) => {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || compareCodePoints(String(a[0]), String(b[0])))[0]?.[0];
};

export function rollup(input: RollupInput): Aggregate {
  const levels = input.levels ?? [];
  const { kept, dropped } = dedupe(input.entries);
  const warnings: Aggregate['warnings'] = [];
  if (dropped.length > 0)
    warnings.push({
      kind: 'duplicate',
      message: `${dropped.length} report(s) of a repository given twice were left out; the one of the newest commit is kept`,
      repositories: dropped.map((d) => `${d.name} (${d.file})`).sort(compareCodePoints),
    });
  const catalogue = majority(kept.map((e) => e.catalogue));
  const tool = majority(kept.map((e) => e.toolVersion));
  const config = majority(kept.map((e) => e.config));
  const snapshotDay = /^\d{4}-\d{2}-\d{2}/.test(input.snapshot) ? Date.parse(input.snapshot.slice(0, 10)) : Number.NaN;
  const flagsOf = (e: RepoEntry): string[] => {
    const f: string[] = [];
    if (e.catalogue === null) f.push('unstamped');
    else if (e.catalogue !== catalogue) f.push('mixed-catalogue');
    if (e.toolVersion !== tool) f.push('mixed-tool');
    if (e.config !== config) f.push('mixed-config');
    if (e.commitDate && Number.isFinite(snapshotDay)) {
      const age = (snapshotDay - Date.parse(e.commitDate)) / 86_400_000;
      if (age > input.staleDays) f.push('stale');
    }
    return f;
  };

  const owners = ownerTable(input.inventory);
  const repositories: AggregateRepository[] = kept
    .map((e) => {
      const state = (rule: string): RuleState => e.rules.get(rule) ?? 'missing';
      const lv: LevelResult | undefined = levels.length ? levelOf(levels, state) : undefined;
      const counts: Record<string, number> = {};
      const failing: string[] = [];
      for (const [id, s] of e.rules) {
        counts[s] = (counts[s] ?? 0) + 1;
        if (s === 'fail') failing.push(id);
      }
      return {
        name: e.name,
        remote: e.remote,
        file: e.file,
        ...owner(input.inventory, owners, e),
        commit: e.commit,
        commitDate: e.commitDate,
        toolVersion: e.toolVersion,
        profile: e.profile,
        score: e.score,
        grade: e.grade,
        level: lv ? lv.id : (e.level ?? null),
        nextLevel: lv?.next ?? null,
        pillars: e.pillars,
        counts,
        failing: failing.sort(compareCodePoints),
        flags: flagsOf(e),
      };
    })
    .sort((a, b) => compareCodePoints(a.name, b.name) || compareCodePoints(a.file, b.file));

  for (const [kind, what] of [
    ['mixed-catalogue', 'were scored with another rule catalogue than the majority: their scores are not comparable'],
    ['mixed-tool', 'were made by another version of readiness than the majority'],
    ['unstamped', 'carry no stamp (made before stamps existed): their catalogue and configuration are unknown'],
    ['stale', `audited a commit more than ${input.staleDays} days older than the snapshot`],
  ] as const) {
    const hit = repositories.filter((r) => r.flags.includes(kind)).map((r) => r.name);
    if (hit.length > 0) warnings.push({ kind, message: `${hit.length} report(s) ${what}`, repositories: hit });
  }

  const levelIds = levels.length
    ? levels.map((l) => l.id)
    : [...new Set(repositories.map((r) => r.level).filter((l): l is string => !!l))].sort(compareCodePoints);
  const groupBy = (key: (r: AggregateRepository) => string) => {
    const m = new Map<string, AggregateRepository[]>();
    for (const r of repositories) {
      const list = m.get(key(r));
      if (list) list.push(r);
      else m.set(key(r), [r]);
    }
    return [...m.entries()].sort((a, b) => compareCodePoints(a[0], b[0])).map(([k, rs]) => groupOf(k, rs, levelIds));
  };

  const meta = input.meta;
  const ruleIds = [...meta.keys()].sort(compareCodePoints);
  const rules = ruleIds.map((id) => {
    const c = { pass: 0, partial: 0, fail: 0, notApplicable: 0, unknown: 0, error: 0, suppressed: 0, missing: 0 };
    for (const e of kept) {
      const s = e.rules.get(id) ?? 'missing';
      const k = s === 'not-applicable' ? 'notApplicable' : s;
      c[k as keyof typeof c]++;
    }
    const applies = c.pass + c.partial + c.fail + c.suppressed;
    const m = meta.get(id)!;
    return {
      id,
      title: m.title,
      pillar: m.pillar,
      severity: m.severity,
      applies,
      ...c,
      passRate: applies ? Math.round((c.pass / applies) * 1000) / 1000 : null,
    };
  });

  return {
    schemaVersion: AGGREGATE_SCHEMA_VERSION,
    tool: { name: 'readiness', version: input.toolVersion },
    snapshot: input.snapshot,
    inputs: { files: input.files, reports: input.entries.length, skipped: input.skipped },
    warnings,
    levels: levels.map((l) => ({ id: l.id, title: l.title ?? l.id, rules: l.rules })),
    overview: groupOf('all', repositories, levelIds),
    teams: groupBy((r) => r.team),
    tiers: groupBy((r) => r.tier),
    rules,
    repositories,
    trend: input.trend ?? [],
    changes: input.changes ?? null,
  };
}
