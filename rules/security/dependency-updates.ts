import { defineRule, type Evidence, type FileView } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import type { Ecosystem } from '../../src/types.js';
import { isProductionPath } from '../../src/facts/paths.js';
import { parseYamlWithLines } from '../../src/util/yaml-lines.js';
import { lineAt } from '../../src/util/lines.js';

const DEPENDABOT = ['.github/dependabot.yml', '.github/dependabot.yaml'];
const RENOVATE = [
  'renovate.json',
  'renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
];

/** Our manifest ecosystems → the Dependabot `package-ecosystem` values that update them. */
const DEPENDABOT_ECOSYSTEM: Record<Ecosystem, string[]> = {
  npm: ['npm', 'bun'],
  pip: ['pip', 'uv'],
  go: ['gomod'],
  maven: ['maven'],
  gradle: ['gradle'],
  nuget: ['nuget'],
  cargo: ['cargo'],
  composer: ['composer'],
  bundler: ['bundler'],
  hex: ['mix'],
  swift: ['swift'],
};

/**
 * The `package-ecosystem` values Dependabot accepts (GitHub docs, "Dependabot options reference").
 * Anything else (`pip-compile`, `yarn`, `poetry`: package managers served by `pip`/`npm`) is rejected
 * by Dependabot and updates nothing.
 */
const DEPENDABOT_VALID = new Set([
  'bazel',
  'bun',
  'bundler',
  'cargo',
  'composer',
  'conda',
  'devcontainers',
  'docker',
  'docker-compose',
  'dotnet-sdk',
  'elm',
  'gitsubmodule',
  'github-actions',
  'gomod',
  'gradle',
  'helm',
  'julia',
  'maven',
  'mix',
  'npm',
  'nuget',
  'opentofu',
  'pip',
  'pre-commit',
  'pub',
  'rust-toolchain',
  'swift',
  'terraform',
  'uv',
  'vcpkg',
]);

/** Our manifest ecosystems → the Renovate managers that update them (for `enabledManagers`). */
const RENOVATE_MANAGERS: Record<Ecosystem, string[]> = {
  npm: ['npm', 'bun'],
  pip: ['pip_requirements', 'pip_setup', 'pip-compile', 'pipenv', 'poetry', 'pep621', 'pep723', 'setup-cfg'],
  go: ['gomod'],
  maven: ['maven', 'maven-wrapper'],
  gradle: ['gradle', 'gradle-wrapper'],
  nuget: ['nuget'],
  cargo: ['cargo'],
  composer: ['composer'],
  bundler: ['bundler'],
  hex: ['mix'],
  swift: ['swift'],
};

/** How a Dependabot `updates` entry is narrowed, when it is: an allow-list of names, or no pull requests at all. */
function dependabotRestriction(
  entry: Record<string, unknown>,
): { key: string; what: string; snippet: string } | undefined {
  if (entry['open-pull-requests-limit'] === 0)
    return {
      key: 'open-pull-requests-limit',
      what: 'opens no version-update pull requests (open-pull-requests-limit: 0)',
      snippet: 'open-pull-requests-limit: 0',
    };
  const allow = entry.allow;
  if (!Array.isArray(allow) || allow.length === 0) return undefined;
  const names: string[] = [];
  for (const a of allow) {
    const r = (a ?? {}) as Record<string, unknown>;
    // A dependency type (direct, production, all…) or a `*` pattern keeps whole classes of dependencies.
    if (typeof r['dependency-type'] === 'string') return undefined;
    const n = r['dependency-name'];
    if (typeof n !== 'string' || n.trim() === '*' || n.trim() === '') return undefined;
    names.push(n);
  }
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : listing(names);
  return { key: 'allow', what: `updates only ${shown} (allow list)`, snippet: `allow: ${names.join(', ')}` };
}

/** `enabledManagers` of a Renovate config (JSON, or JSON5 read by its list literal), when set. */
function enabledManagers(text: string): { managers: string[]; line: number } | undefined {
  const m = /["']?enabledManagers["']?\s*:\s*\[([^\]]*)\]/.exec(text);
  if (!m) return undefined;
  const managers = [...m[1]!.matchAll(/["']([\w.-]+)["']/g)].map((x) => x[1]!);
  return { managers, line: lineAt(text, m.index) };
}

/** Actions that open pull requests updating the `uses:` versions in workflows (an actions-only update bot). */
const ACTIONS_UPDATER = /^\s*-?\s*uses:\s*['"]?(saadmk11\/github-actions-version-updater)@/;

/** The workflow step that runs an actions version updater, when one does. */
function actionsUpdater(files: {
  match(g: string | readonly string[]): string[];
  read(p: string): string | undefined;
}): { path: string; line: number; snippet: string } | undefined {
  for (const path of files.match(['.github/workflows/*.yml', '.github/workflows/*.yaml'])) {
    const lines = (files.read(path) ?? '').split('\n');
    const i = lines.findIndex((l) => ACTIONS_UPDATER.test(l));
    if (i >= 0) return { path, line: i + 1, snippet: ACTIONS_UPDATER.exec(lines[i]!)![1]! };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'dependency-updates',
    scope: 'repository',
    title: 'Dependency updates are automated',
    failureTitle: 'Dependency updates are not automated',
    description:
      'Security fixes ship as dependency updates. A bot that opens update pull requests turns patching from a project into a review, so known vulnerabilities do not linger for months.',
    remediation:
      'Add `.github/dependabot.yml` with an `updates` entry for every package ecosystem in the repository (and `github-actions`), or enable Renovate with a `renovate.json`.',
    severity: 'medium',
    effort: 'low',
    detection:
      'Dependabot (`.github/dependabot.yml`: the `package-ecosystem` entries are compared with the manifests found) or Renovate (`renovate.json[5]`, `.renovaterc*`, `.github/renovate.json[5]`, a `renovate` key in package.json); without either, a workflow step running an actions version updater (saadmk11/github-actions-version-updater) counts like an actions-only Dependabot.',
    reads: [...DEPENDABOT, ...RENOVATE, '.github/workflows/*.{yml,yaml}'],
  },
  check({ files, facts }) {
    const renovate = RENOVATE.filter((p) => files.exists(p));
    if (
      renovate.length === 0 &&
      files.exists('package.json') &&
      /^[ \t]*"renovate"\s*:/m.test(files.read('package.json') ?? '')
    )
      renovate.push('package.json');
    // A manifest that declares no dependency (a pyproject.toml holding only tool settings, a go.mod
    // without `require`) has nothing to update. Maven and Gradle builds are kept: their dependencies
    // can live in a parent POM or a version catalogue the manifest parser does not attribute to them.
    const declaring = new Set(facts.dependencies.map((d) => d.path));
    const prodManifests = facts.manifests.filter(
      (m) =>
        m.ok &&
        isProductionPath(m.path) &&
        (declaring.has(m.path) || m.ecosystem === 'maven' || m.ecosystem === 'gradle'),
    );
    const present = [...new Set(prodManifests.map((m) => m.ecosystem))].sort();
    // `enabledManagers` limits Renovate to the listed managers: the others get no updates.
    const limit = renovate.map((p) => ({ p, e: enabledManagers(files.read(p) ?? '') })).find((x) => x.e);
    if (limit?.e) {
      const on = limit.e.managers;
      const missing = present.filter((e) => !RENOVATE_MANAGERS[e].some((m) => on.includes(m)));
      const ev: Evidence = {
        path: limit.p,
        line: limit.e.line,
        snippet: `enabledManagers: [${on.join(', ')}]`,
        note: 'Renovate updates only these managers',
      };
      const data = { tools: ['renovate'], managers: on, uncovered: missing };
      if (missing.length === 0) return pass(`Renovate updates ${listing(on)}.`, [ev], data);
      const share = (present.length - missing.length) / present.length;
      return partial(
        0.3 + 0.7 * share,
        `Renovate is limited to ${listing(on)} (enabledManagers); no updates for ${listing(missing)} manifests.`,
        [
          ev,
          ...missing.map((e) => ({
            path: prodManifests.find((x) => x.ecosystem === e)!.path,
            note: `${e} manifest not covered by enabledManagers`,
          })),
        ],
        data,
      );
    }
    // In package.json the configuration is its `renovate` key: cited at that line, not the file's first.
    const keyLine = (p: string) =>
      p.endsWith('package.json')
        ? (files.read(p) ?? '').split('\n').findIndex((l) => /^\s*"renovate"\s*:/.test(l)) + 1 || 1
        : 1;
    const evidence: Evidence[] = renovate.map((p) => ({
      path: p,
      line: keyLine(p),
      note: 'Renovate configuration: updates every ecosystem it recognises',
    }));
    // A renovate.json that holds only its `$schema` sets nothing; beside a Dependabot configuration
    // with update entries, Dependabot is what the repository configured: cited first (blind round 25,
    // LinkAce: renovate.json:1 was the evidence, .github/dependabot.yml was not named).
    const dependabotFile = DEPENDABOT.find((p) => files.exists(p));
    if (
      renovate.length > 0 &&
      dependabotFile &&
      renovate.every((p) => p !== 'package.json' && bareRenovate(files.read(p) ?? ''))
    ) {
      const entries = dependabotEntries(files.read(dependabotFile) ?? '');
      if (entries.length > 0)
        return pass(
          `Dependabot is configured (${dependabotFile}: ${listing([...new Set(entries.map((e) => e.eco))])}); ${listing(renovate)} ${renovate.length === 1 ? 'holds' : 'hold'} only a $schema (Renovate's defaults, if its app is installed).`,
          [
            ...entries.map((e) => ({
              path: dependabotFile,
              ...(e.line ? { line: e.line } : {}),
              snippet: `package-ecosystem: ${e.eco}`,
              note: 'Dependabot updates',
            })),
            ...renovate.map((p) => ({
              path: p,
              line: 1,
              note: 'Renovate configuration with only a $schema: its defaults',
            })),
          ],
          { tools: ['dependabot', 'renovate'] },
        );
    }
    if (renovate.length > 0)
      return pass(`Renovate is configured (${renovate.join(', ')}).`, evidence, { tools: ['renovate'] });

    const dependabot = DEPENDABOT.find((p) => files.exists(p));
    const updater = dependabot ? undefined : actionsUpdater(files);
    if (updater) {
      // Like an actions-only Dependabot: the workflow's actions are kept current, the packages are not.
      const ev: Evidence = {
        ...updater,
        note: 'a workflow opens pull requests that update the GitHub Actions the workflows use',
      };
      const data = { tools: ['github-actions-version-updater'], ecosystems: ['github-actions'], uncovered: present };
      if (present.length === 0) return pass('A scheduled workflow updates the GitHub Actions versions.', [ev], data);
      return partial(
        0.3,
        `A workflow updates only the GitHub Actions versions (${updater.snippet}); no updates for ${listing(present)} manifests (no Dependabot or Renovate).`,
        [
          ev,
          ...present.map((e) => ({
            path: prodManifests.find((x) => x.ecosystem === e)!.path,
            note: `${e} manifest not covered by any update bot`,
          })),
        ],
        data,
      );
    }
    if (!dependabot) {
      return fail('Neither Dependabot nor Renovate is configured.', [
        { path: '.', note: `no ${DEPENDABOT[0]} and none of ${RENOVATE.join(', ')}` },
      ]);
    }
    const parsed = parseYamlWithLines(files.read(dependabot) ?? '');
    const doc = parsed.docs[0];
    const updates = (doc?.value as { updates?: unknown } | null)?.updates;
    // A file of comments only (GitHub's starter template left commented out), or one without an
    // `updates` key, configures nothing: no update is set up, which is a fail, not an unread file
    // (blind round 23).
    if (!parsed.error && updates === undefined && (!doc || doc.value === null || typeof doc.value === 'object')) {
      const text = files.read(dependabot) ?? '';
      const commented = /^[ \t]*#[ \t]*updates[ \t]*:/m.exec(text);
      const only = !text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      return fail(
        `${dependabot} configures no updates: ${only ? 'every line is a comment' : 'it has no `updates` list'}.`,
        [
          {
            path: dependabot,
            line: commented ? lineAt(text, commented.index) : 1,
            note: only
              ? `${text.split('\n').filter((l) => l.trim().startsWith('#')).length} commented-out lines${commented ? ', the `updates` list among them' : ''}; nothing is active`
              : 'no `updates` key',
          },
        ],
      );
    }
    if (parsed.error || !doc || !Array.isArray(updates)) {
      return unknown(`${dependabot} could not be read as a Dependabot configuration.`, [
        { path: dependabot, note: parsed.error ?? 'no `updates` list' },
      ]);
    }
    // An entry updates its whole ecosystem unless an off switch narrows it: an `allow:` list of named
    // dependencies (no `*`, no dependency-type) updates only those; `open-pull-requests-limit: 0` opens no
    // version-update pull requests at all. Such an entry is reported as limited, not as coverage.
    const covered = new Set<string>();
    const limited = new Map<string, string>();
    const invalid: string[] = [];
    updates.forEach((u, i) => {
      const entry = (u ?? {}) as Record<string, unknown>;
      const eco = entry['package-ecosystem'];
      if (typeof eco !== 'string') return;
      const line = doc.lineOf(['updates', i, 'package-ecosystem']);
      if (!DEPENDABOT_VALID.has(eco)) {
        invalid.push(eco);
        evidence.push({
          path: dependabot,
          ...(line ? { line } : {}),
          snippet: `package-ecosystem: ${eco}`,
          note: `\`${eco}\` is not a valid Dependabot package-ecosystem value: this entry updates nothing`,
        });
        return;
      }
      // An entry whose directories are none of the repository's updates nothing: Dependabot finds no
      // manifest there (blind round 46: an npm entry for `/ui` while the client lives in client/).
      const absent = absentDirectories(files, entry);
      if (absent) {
        const at = doc.lineOf(['updates', i, Array.isArray(entry.directories) ? 'directories' : 'directory']);
        evidence.push({
          path: dependabot,
          ...(at ? { line: at } : line ? { line } : {}),
          snippet: `package-ecosystem: ${eco}`,
          note: `Dependabot ${eco} entry for ${absent}, which does not exist in the repository: it updates nothing`,
        });
        return;
      }
      const restriction = dependabotRestriction(entry);
      if (restriction) {
        if (!covered.has(eco)) limited.set(eco, limited.get(eco) ?? restriction.what);
        const at = doc.lineOf(['updates', i, restriction.key]);
        evidence.push({
          path: dependabot,
          ...(at ? { line: at } : line ? { line } : {}),
          snippet: restriction.snippet,
          note: `Dependabot ${eco} entry ${restriction.what}`,
        });
        return;
      }
      covered.add(eco);
      limited.delete(eco);
      evidence.push({
        path: dependabot,
        ...(line ? { line } : {}),
        snippet: `package-ecosystem: ${eco}`,
        note: 'Dependabot updates',
      });
    });
    const isLimited = (e: Ecosystem) => DEPENDABOT_ECOSYSTEM[e].some((d) => limited.has(d));
    // Ecosystems with manifests that no Dependabot entry updates in full.
    const missing = present.filter((e) => !DEPENDABOT_ECOSYSTEM[e].some((d) => covered.has(d)));
    const partly = missing.filter(isLimited);
    const none = missing.filter((e) => !isLimited(e));
    const data = {
      tools: ['dependabot'],
      ecosystems: [...covered].sort(),
      ...(invalid.length ? { invalid } : {}),
      limited: [...limited.keys()].sort(),
      uncovered: missing,
    };
    const invalidNote = invalid.length
      ? `${listing(invalid.map((e) => `\`${e}\``))} ${invalid.length > 1 ? 'are' : 'is'} not a valid Dependabot package-ecosystem (updates nothing)`
      : '';
    if (covered.size === 0 && limited.size === 0)
      return fail(
        invalid.length
          ? `${dependabot} has no valid package-ecosystem entries: ${invalidNote}.`
          : `${dependabot} has no package-ecosystem entries.`,
        invalid.length ? evidence : [{ path: dependabot, note: 'empty updates list' }],
        data,
      );
    if (missing.length === 0 && covered.size > 0)
      return pass(
        `Dependabot updates ${listing([...covered].sort())}${invalidNote ? `; ${invalidNote}` : ''}.`,
        evidence,
        data,
      );
    for (const e of none) {
      const m = prodManifests.find((x) => x.ecosystem === e)!;
      evidence.push({ path: m.path, note: `${e} manifest not covered by any Dependabot update entry` });
    }
    // A limited entry keeps a quarter of its ecosystem's share: some updates arrive, most do not.
    const share = present.length ? (present.length - missing.length + 0.25 * partly.length) / present.length : 0;
    const parts = [
      covered.size > 0 && `Dependabot updates ${listing([...covered].sort())}`,
      invalidNote,
      ...[...limited].map(
        ([eco, what], i) => `${covered.size > 0 || i > 0 ? 'its' : 'Dependabot'} ${eco} entry ${what}`,
      ),
    ].filter((x): x is string => !!x);
    const tail = [
      partly.length > 0 && `other ${listing(partly)} dependencies get no version updates`,
      none.length > 0 && `no updates for ${listing(none)} manifests`,
    ].filter((x): x is string => !!x);
    return partial(
      Math.round((0.3 + 0.7 * share) * 100) / 100,
      `${parts.join('; ')}${tail.length ? `; ${tail.join(', ')}` : ''}.`,
      evidence,
      data,
    );
  },
});

/**
 * The directories a Dependabot entry names (`directory: /ui`, `directories: [/a, /b]`) when none of
 * them holds a file of the repository, said as `/ui`; undefined when one exists, when a name is a glob
 * (`/packages/*`) or when the entry names none (the root). GitHub Actions entries are left alone:
 * their `/` means .github/workflows.
 */
function absentDirectories(files: FileView, entry: Record<string, unknown>): string | undefined {
  if (entry['package-ecosystem'] === 'github-actions') return undefined;
  const named = (
    Array.isArray(entry.directories) ? entry.directories : entry.directory !== undefined ? [entry.directory] : []
  ).slice(0, 50);
  if (named.length === 0 || named.some((d) => typeof d !== 'string' || /[*?{[]/.test(d))) return undefined;
  const dirs = (named as string[]).map((d) => d.replace(/^\.?\/+|\/+$/g, ''));
  if (dirs.some((d) => d === '' || d === '.')) return undefined;
  const exists = (d: string) => files.paths.some((p) => p.startsWith(`${d}/`));
  if (dirs.some(exists)) return undefined;
  return listing((named as string[]).map((d) => `\`${d}\``));
}

/** A Renovate configuration with nothing but its `$schema` (or nothing at all). */
function bareRenovate(text: string): boolean {
  try {
    const v = JSON.parse(text) as unknown;
    return !!v && typeof v === 'object' && Object.keys(v).every((k) => k === '$schema');
  } catch {
    return false;
  }
}

/** The `package-ecosystem` entries of a Dependabot configuration, with their lines. */
function dependabotEntries(text: string): { eco: string; line?: number }[] {
  const parsed = parseYamlWithLines(text);
  const doc = parsed.docs[0];
  const updates = (doc?.value as { updates?: unknown } | null)?.updates;
  if (parsed.error || !doc || !Array.isArray(updates)) return [];
  return updates.flatMap((u, i) => {
    const eco = (u as Record<string, unknown> | null)?.['package-ecosystem'];
    const line = doc.lineOf(['updates', i, 'package-ecosystem']);
    return typeof eco === 'string' ? [{ eco, ...(line ? { line } : {}) }] : [];
  });
}
