import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import type { Ecosystem } from '../../src/types.js';
import { isProductionPath } from '../../src/facts/paths.js';
import { parseYamlWithLines } from '../../src/util/yaml-lines.js';

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
  pip: ['pip', 'uv', 'pipenv', 'poetry'],
  go: ['gomod'],
  maven: ['maven'],
  gradle: ['gradle'],
  nuget: ['nuget'],
  cargo: ['cargo'],
  composer: ['composer'],
  bundler: ['bundler'],
};

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
};

/** `enabledManagers` of a Renovate config (JSON, or JSON5 read by its list literal), when set. */
function enabledManagers(text: string): { managers: string[]; line: number } | undefined {
  const m = /["']?enabledManagers["']?\s*:\s*\[([^\]]*)\]/.exec(text);
  if (!m) return undefined;
  const managers = [...m[1]!.matchAll(/["']([\w.-]+)["']/g)].map((x) => x[1]!);
  return { managers, line: text.slice(0, m.index).split('\n').length };
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
      'Dependabot (`.github/dependabot.yml`: the `package-ecosystem` entries are compared with the manifests found) or Renovate (`renovate.json[5]`, `.renovaterc*`, `.github/renovate.json[5]`, a `renovate` key in package.json).',
    reads: [...DEPENDABOT, ...RENOVATE],
  },
  check({ files, facts }) {
    const renovate = RENOVATE.filter((p) => files.exists(p));
    if (
      renovate.length === 0 &&
      files.exists('package.json') &&
      /^[ \t]*"renovate"\s*:/m.test(files.read('package.json') ?? '')
    )
      renovate.push('package.json');
    const prodManifests = facts.manifests.filter((m) => m.ok && isProductionPath(m.path));
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
    const evidence: Evidence[] = renovate.map((p) => ({
      path: p,
      line: 1,
      note: 'Renovate configuration: updates every ecosystem it recognises',
    }));
    if (renovate.length > 0)
      return pass(`Renovate is configured (${renovate.join(', ')}).`, evidence, { tools: ['renovate'] });

    const dependabot = DEPENDABOT.find((p) => files.exists(p));
    if (!dependabot) {
      return fail('Neither Dependabot nor Renovate is configured.', [
        { path: '.', note: `no ${DEPENDABOT[0]} and none of ${RENOVATE.join(', ')}` },
      ]);
    }
    const parsed = parseYamlWithLines(files.read(dependabot) ?? '');
    const doc = parsed.docs[0];
    const updates = (doc?.value as { updates?: unknown } | null)?.updates;
    if (parsed.error || !doc || !Array.isArray(updates)) {
      return unknown(`${dependabot} could not be read as a Dependabot configuration.`, [
        { path: dependabot, note: parsed.error ?? 'no `updates` list' },
      ]);
    }
    const covered = new Set<string>();
    updates.forEach((u, i) => {
      const eco = (u as Record<string, unknown>)?.['package-ecosystem'];
      if (typeof eco !== 'string') return;
      covered.add(eco);
      const line = doc.lineOf(['updates', i, 'package-ecosystem']);
      evidence.push({
        path: dependabot,
        ...(line ? { line } : {}),
        snippet: `package-ecosystem: ${eco}`,
        note: 'Dependabot updates',
      });
    });
    // Ecosystems with manifests that no Dependabot entry updates.
    const missing = present.filter((e) => !DEPENDABOT_ECOSYSTEM[e].some((d) => covered.has(d)));
    const data = { tools: ['dependabot'], ecosystems: [...covered].sort(), uncovered: missing };
    if (covered.size === 0)
      return fail(
        `${dependabot} has no package-ecosystem entries.`,
        [{ path: dependabot, note: 'empty updates list' }],
        data,
      );
    if (missing.length === 0) return pass(`Dependabot updates ${listing([...covered].sort())}.`, evidence, data);
    for (const e of missing) {
      const m = prodManifests.find((x) => x.ecosystem === e)!;
      evidence.push({ path: m.path, note: `${e} manifest not covered by any Dependabot update entry` });
    }
    const share = (present.length - missing.length) / present.length;
    return partial(
      0.3 + 0.7 * share,
      `Dependabot is configured for ${listing([...covered].sort())}; no updates for ${listing(missing)} manifests.`,
      evidence,
      data,
    );
  },
});
