import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { CI_GLOBS, ciFiles, type CiCommand } from '../../src/facts/ci.js';
import { fromMatch, isTestPath } from '../../src/facts/paths.js';

/** docs/CHANGELOG.md is a real change log; examples and tests are not the project's releases. */
const counted = (p: string) => !isTestPath(p) && !/(^|\/)(examples?|samples?|demos?|playground)\//i.test(p);

const CHANGELOG_GLOBS = [
  '**/{CHANGELOG,CHANGES,HISTORY,NEWS,RELEASES,RELEASE_NOTES,RELEASE-NOTES,ChangeLog,Changelog,changelog,changes,history,release-notes,release_notes,ReleaseNotes}{,.md,.rst,.txt,.adoc,.markdown}',
];

/** Release tools recognised by their config file. */
const TOOL_FILES: { tool: string; globs: string[] }[] = [
  {
    tool: 'semantic-release',
    globs: ['**/.releaserc', '**/.releaserc.{json,yml,yaml,js,cjs,mjs}', '**/release.config.{js,cjs,mjs,ts}'],
  },
  { tool: 'changesets', globs: ['**/.changeset/config.json'] },
  { tool: 'release-please', globs: ['**/release-please-config.json', '**/.release-please-manifest.json'] },
  { tool: 'GoReleaser', globs: ['**/.goreleaser.{yml,yaml}', '**/goreleaser.{yml,yaml}'] },
  { tool: 'release-it', globs: ['**/.release-it.{json,yml,yaml,js,cjs,ts,toml}'] },
  { tool: 'standard-version', globs: ['**/.versionrc', '**/.versionrc.{json,js,cjs}'] },
  { tool: 'Lerna', globs: ['lerna.json'] },
  { tool: 'cargo-release/release-plz', globs: ['**/release.toml', '**/release-plz.toml'] },
  { tool: 'bump-my-version', globs: ['**/.bumpversion.cfg', '**/.bumpversion.toml'] },
  { tool: 'Commitizen', globs: ['**/.cz.toml', '**/.cz.json', '**/cz.yaml'] },
  { tool: 'JReleaser', globs: ['**/jreleaser.{yml,yaml,toml,json}'] },
  { tool: 'GitVersion', globs: ['**/GitVersion.yml'] },
  { tool: 'git-cliff', globs: ['**/cliff.toml'] },
  { tool: 'Release Drafter', globs: ['.github/release-drafter.yml', '.github/release-drafter.yaml'] },
  { tool: 'towncrier', globs: ['**/towncrier.toml'] },
  { tool: 'knope', globs: ['**/knope.toml'] },
  { tool: 'chart-releaser', globs: ['cr.yaml', '.github/cr.yaml', '.github/configs/cr.yaml'] },
];

const RELEASE_STEP =
  /(?:^|\/)(?:release-please-action|goreleaser-action|changesets\/action|action-gh-release|ncipollo\/release-action|actions\/create-release|release-drafter\/release-drafter|semantic-release-action|python-semantic-release|create-gh-release-action|chart-releaser-action)\b|\bcr\s+(?:upload|package|index)\b|\b(?:npx\s+)?semantic-release\b|\bgoreleaser\s+release\b|\bgh\s+release\s+create\b|\bchangeset\s+(?:version|publish)\b|\brelease-it\b|\bstandard-version\b|\blerna\s+(?:version|publish)\b|\bcargo\s+release\b|\brelease-plz\b|\bcz\s+bump\b|\bbump-my-version\b|\bjreleaser\b|\bmvnw?\s+(?:[^|;&]*\s)?release:(?:prepare|perform)\b|(?:^|[\s/])(?:make-)?release[\w-]*\.sh\b/;

export default defineRule({
  meta: {
    id: 'release-management',
    scope: 'repository',
    title: 'Releases are versioned',
    failureTitle: 'Releases are not versioned',
    description:
      'Versioned releases with a change log let operators know what is running, what changed between two versions, and which version to return to when something breaks.',
    remediation:
      'Version releases with tags and a CHANGELOG, ideally automated: semantic-release, changesets, release-please, GoReleaser, release-it, cargo-release or a tag-triggered release workflow.',
    severity: 'low',
    effort: 'low',
    detection:
      'CHANGELOG/CHANGES/HISTORY/NEWS files with version headings; release tool configs (semantic-release, changesets, release-please, GoReleaser, release-it, standard-version, Lerna, cargo-release, bump-my-version, Commitizen, JReleaser, GitVersion, git-cliff, Release Drafter, towncrier); release steps in CI (release actions, `gh release create`, `semantic-release`); workflows triggered by tags; pyproject `[tool.semantic_release]`/`[tool.commitizen]`/`[tool.bumpversion]`, maven-release-plugin, Gradle release plugins.',
    reads: CI_GLOBS,
    patterns: {
      versionHeading: {
        // `## [1.2.0] - 2024-01-01`, `## v1.2.0`, `1.2.0 (2024-01-01)` + underline, `= 1.2 =`, `Version 1.2.0`
        // ([ \t] not \s: a heading never spans lines; `=======` above a version is an underline.)
        regex:
          /^(?:#{1,4}[ \t]*(?:\[?v?\d+\.\d+(?:\.\d+)?|(?:version|release)[ \t]+v?\d+\.\d+)|\[?v?\d+\.\d+(?:\.\d+)?[^\n]{0,40}\n[-=~^]{3,}[ \t]*$|=+[ \t]*v?\d+\.\d+|\*[ \t]+v?\d+\.\d+\.\d+[ \t]*[(-]|v?\d+\.\d+\.\d+[ \t]+\(\d{4}-\d\d-\d\d\))/im,
        files: CHANGELOG_GLOBS,
        maxPerFile: 1,
      },
      manifestTool: {
        regex:
          /^[ \t]*\[tool\.(semantic_release|commitizen|bumpversion|towncrier)\]|<artifactId>(maven-release-plugin)<\/artifactId>|\b(net\.researchgate\.release|pl\.allegro\.tech\.build\.axion-release|com\.github\.breadmoirai\.github-release)\b|"(semantic-release|@changesets\/cli|release-it|standard-version|release-please|@release-it\/[\w-]+|np|bumpp)"\s*:|"release"\s*:\s*"(?:npx\s+)?(np|bumpp|release-it|standard-version|semantic-release|lerna\s+publish|changeset\s+publish)\b/m,
        files: [
          '**/pyproject.toml',
          '**/pom.xml',
          '**/build.gradle',
          '**/build.gradle.kts',
          '**/settings.gradle',
          '**/settings.gradle.kts',
          '**/package.json',
        ],
        literals: ['[tool.', 'maven-release-plugin', 'release', 'changesets', 'axion', '"np"', 'bumpp'],
        maxPerFile: 2,
      },
      tagTrigger: {
        regex:
          /^[ \t]*tags:\s*(?:\[[^\]\n]*\]|\n\s+(?:-\s*['"]?(?:v|\*|\d)|include:))|\bCI_COMMIT_TAG\b|refs\/tags\/|^[ \t]*only:\s*\[?\s*tags\b|^[ \t]*release:\s*\n\s+types:/m,
        files: CI_GLOBS,
        literals: ['tags', 'CI_COMMIT_TAG', 'release'],
        maxPerFile: 1,
      },
    },
  },
  check(ctx) {
    const evidence: Evidence[] = [];
    const tools = new Set<string>();
    for (const { tool, globs } of TOOL_FILES) {
      const hit = ctx.files.match(globs).filter(counted)[0];
      if (hit) {
        tools.add(tool);
        evidence.push({ path: hit, note: `${tool} configuration` });
      }
    }
    for (const m of ctx
      .matches('manifestTool')
      .filter((x) => counted(x.path))
      .slice(0, 3)) {
      const name = m.groups.find(Boolean)!;
      tools.add(name);
      evidence.push(fromMatch(m, `release tooling: ${name}`));
    }
    const steps: CiCommand[] = ciFiles(ctx.files).flatMap((f) =>
      f.ok ? f.commands.filter((c) => RELEASE_STEP.test(c.text)) : [],
    );
    evidence.push(
      ...steps.slice(0, 3).map(
        (c): Evidence => ({
          path: c.path,
          line: c.line,
          snippet: c.text.slice(0, 160),
          note: `release step${c.job ? ` (job ${c.job})` : ''}`,
        }),
      ),
    );
    const tags = ctx.matches('tagTrigger');
    evidence.push(...tags.slice(0, 2).map((m) => fromMatch(m, 'pipeline triggered by tags or published releases')));
    const changelogs = ctx.files.match(CHANGELOG_GLOBS).filter(counted);
    const versioned = ctx.matches('versionHeading').filter((m) => counted(m.path));
    evidence.push(...versioned.slice(0, 2).map((m) => fromMatch(m, 'change log with version headings')));
    const stubs = changelogs.filter((p) => !versioned.some((m) => m.path === p));
    if (versioned.length === 0)
      evidence.push(...stubs.slice(0, 1).map((p) => ({ path: p, note: 'change log without version headings' })));
    const data = {
      tools: [...tools].sort(),
      releaseSteps: steps.length,
      tagTriggered: tags.length > 0,
      changelogs: changelogs.length,
      versionedChangelogs: versioned.length,
    };
    const automated = tools.size > 0 || steps.length > 0;
    const log =
      versioned.length > 0
        ? 'a versioned CHANGELOG'
        : 'no CHANGELOG with version headings (release notes may live on the release page)';
    if (automated)
      return pass(
        `Releases are automated (${listing(data.tools.length ? data.tools : ['release steps in CI'])}); ${log}.`,
        evidence,
        data,
      );
    if (versioned.length > 0 && tags.length > 0)
      return pass('A versioned CHANGELOG and a tag-triggered release pipeline.', evidence, data);
    if (versioned.length > 0)
      return partial(
        0.7,
        'A versioned CHANGELOG, but releases are not automated or tag-triggered (no semantic-release, changesets, release-please, GoReleaser or release workflow).',
        evidence,
        data,
      );
    if (tags.length > 0)
      return partial(
        0.6,
        'Releases are triggered by tags, but there is no CHANGELOG and no release tool.',
        evidence,
        data,
      );
    if (stubs.length > 0)
      return partial(0.3, 'A CHANGELOG exists but records no versions; releases are not automated.', evidence, data);
    return fail(
      'No release versioning found.',
      [
        {
          path: '.',
          note: `no CHANGELOG, no release tool config (semantic-release, changesets, release-please, GoReleaser, …), no release step or tag trigger in ${ciFiles(ctx.files).length} CI files, among ${ctx.files.size} files`,
        },
      ],
      data,
    );
  },
});
