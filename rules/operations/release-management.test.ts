import { describe, expect, it } from 'vitest';
import rule from './release-management.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';
import { fixtureTree } from '../../src/testing/fixtures.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a reStructuredText CHANGES file (`Version 2.1.0` over a `-----` underline) is a versioned change log (round 15)',
      tree: {
        'setup.py': 'from setuptools import setup\nsetup(name="forum")\n',
        CHANGES:
          'Changelog\n=========\n\nEvery change between releases.\n\nVersion 2.1.0\n-------------\n\nReleased September 9th, 2021\n\n* New user views\n\nVersion 2.0.2\n-------------\n\n* Fix a crash\n',
      },
      tags: ['v2.1.0', 'v2.0.2'],
      expect: {
        outcome: 'pass',
        message: 'A versioned CHANGELOG and 2 version tags in git.',
        evidence: [
          { path: '.', note: '2 version tags in git (newest: v2.1.0, v2.0.2)' },
          { path: 'CHANGES', line: 6, note: 'change log with version headings' },
        ],
      },
    },
    {
      name: 'a Markdown change log whose headings are links underlined with ----- (`[1.58.0](…) - 2024-01-01`) has version headings (round 16)',
      tree: {
        'Cargo.toml': '[package]\nname = "runner"\nversion = "1.58.0"\n',
        'CHANGELOG.md':
          'Changelog\n=========\n\n[1.58.0](https://example.org/runner/releases/tag/1.58.0) - 2024-08-03\n------------------------------------------------------------------------\n\n### Changed\n- Format interpolations\n\n[1.57.0](https://example.org/runner/releases/tag/1.57.0) - 2024-07-18\n------------------------------------------------------------------------\n',
      },
      tags: ['1.58.0', '1.57.0'],
      expect: {
        outcome: 'pass',
        message: 'A versioned CHANGELOG and 2 version tags in git.',
        evidence: [
          { path: '.', note: '2 version tags in git (newest: 1.58.0, 1.57.0)' },
          { path: 'CHANGELOG.md', line: 4, note: 'change log with version headings' },
        ],
      },
    },
    {
      name: 'a change log of releases named by their date, underlined (`2024-01-05` over `----------`), has version headings',
      tree: {
        'package.json': '{"name":"site"}\n',
        'HISTORY.md':
          'History\n=======\n\n2024-01-05\n----------\n\n* Faster builds\n\n2023-12-01\n----------\n\n* First\n',
      },
      tags: ['v1.1.0', 'v1.0.0'],
      expect: {
        outcome: 'pass',
        evidence: [
          { path: '.', note: '2 version tags in git (newest: v1.1.0, v1.0.0)' },
          { path: 'HISTORY.md', line: 4, note: 'change log with version headings' },
        ],
      },
    },
    {
      name: 'RELEASE-NOTES.md opening with "Changes in version 3.2.3" records versions (round 15, Maven shop)',
      tree: {
        'pom.xml':
          '<project><artifactId>shop</artifactId><build><plugins><plugin><artifactId>maven-release-plugin</artifactId></plugin></plugins></build></project>\n',
        'RELEASE-NOTES.md': 'Changes in version 3.2.3\n\n\nFunctionality\n\nEnabling the price API\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Releases are automated (maven-release-plugin); a versioned CHANGELOG.',
        evidence: [
          { path: 'pom.xml', line: 1, note: 'release tooling: maven-release-plugin' },
          { path: 'RELEASE-NOTES.md', line: 1, note: 'change log with version headings' },
        ],
      },
    },
    {
      name: 'a CHANGELOG listing versions as bullets (`- v2.1.0`) is versioned; a lint workflow on tags, with "release" only in a comment, is no release trigger (round 15)',
      tree: {
        'go.mod': 'module example.com/fuzz\n',
        '.goreleaser.yml': 'builds:\n  - main: ./main.go\n',
        'CHANGELOG.md':
          '## Changelog\n- master\n  - New\n    - Audit logging\n\n- v2.1.0\n  - New\n    - A raw flag\n\n- v2.0.0\n  - Changed\n    - Faster matching\n',
        '.github/workflows/golangci-lint.yml':
          'name: golangci-lint\non:\n  push:\n    tags:\n      - v*\n  pull_request:\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: golangci/golangci-lint-action@v6\n        with:\n          # pinned to the last v1 release that reads modern Go\n          version: v1.64.8\n',
        '.github/workflows/release.yml':
          'name: release\non:\n  push:\n    tags:\n      - "v*"\njobs:\n  goreleaser:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n',
      },
      expect: {
        outcome: 'pass',
        message: 'a versioned CHANGELOG',
        evidence: [
          { path: '.goreleaser.yml', note: 'GoReleaser configuration' },
          { path: '.github/workflows/release.yml', line: 11 },
          { path: '.github/workflows/release.yml', line: 4, note: 'pipeline triggered by tags or published releases' },
          { path: 'CHANGELOG.md', line: 6, note: 'change log with version headings' },
        ],
        absent: ['golangci-lint.yml'],
      },
    },
    {
      name: 'an action that publishes the NuGet package when its version changes (rohith/publish-nuget) is a release tool (round 15)',
      tree: {
        'src/Guards/Guards.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <Version>5.0.0</Version>\n  </PropertyGroup>\n</Project>\n',
        '.github/workflows/publish.yml':
          'name: publish\non:\n  push:\n    branches: [main]\njobs:\n  publish:\n    runs-on: windows-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: publish on version change\n        uses: rohith/publish-nuget@v2\n        with:\n          PROJECT_FILE_PATH: src/Guards/Guards.csproj\n          TAG_COMMIT: true\n          NUGET_KEY: ${{ secrets.NUGET_API_KEY }}\n',
      },
      tags: ['v5.0.0', 'v4.6.0'],
      expect: {
        outcome: 'pass',
        message: 'Releases are automated (package publish)',
        evidence: [
          { path: '.github/workflows/publish.yml', line: 11, note: expect.stringContaining('rohith/publish-nuget') },
        ],
      },
    },
    {
      name: 'upgrade notes written per version (docs/Update_v*.md) and version tags pass without a CHANGELOG (round 14)',
      tree: {
        'src/Cache/Cache.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'docs/Update_v1_0_0.md': '# Update to v1.0.0\n\nThe options moved to CacheOptions.\n',
        'docs/Update_v2_0_0.md': '# Update to v2.0.0\n\nTagging was added.\n',
      },
      tags: ['v2.1.0', 'v2.0.0', 'v1.0.0'],
      expect: {
        outcome: 'pass',
        message: 'Release/upgrade notes per version (2 files, no CHANGELOG) and 3 version tags in git.',
        evidence: [
          { path: '.', note: '3 version tags in git (newest: v2.1.0, v2.0.0, v1.0.0)' },
          { path: 'docs/Update_v2_0_0.md', note: 'release/upgrade notes for one version (2 such files)' },
        ],
      },
    },
    {
      name: 'a calendar-versioned CHANGELOG (`## [2026-08-17]`) and bumpver run in CI are a versioned, automated release (round 14)',
      tree: {
        'pyproject.toml': '[tool.bumpver]\ncurrent_version = "2026.8.17"\nversion_pattern = "YYYY.MM.DD"\n',
        'CHANGELOG.md':
          '# Changelog\n\n## [2026-08-17]\n### Changed\n- Upgrade Django\n\n## [2026-08-15]\n### Fixed\n- x\n',
        '.github/workflows/release.yml':
          'on:\n  workflow_dispatch:\njobs:\n  bump:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          uvx bumpver update\n          git push --follow-tags\n',
      },
      expect: {
        outcome: 'pass',
        message: 'a versioned CHANGELOG',
        evidence: [
          { path: 'pyproject.toml', line: 1, note: 'release tooling: bumpver' },
          { path: 'CHANGELOG.md', line: 3, note: 'change log with version headings' },
        ],
        data: { tools: expect.arrayContaining(['bumpver']) },
      },
    },
    {
      name: 'an empty CHANGELOG.md beside per-major CHANGELOG-v6.md files is a versioned change log (round 14)',
      tree: {
        'CHANGELOG.md': '',
        'CHANGELOG-v6.md': '# Changelog\n\n## [6.8.0](https://example.test/compare/6.7.1...6.8.0) (2023-03-01)\n- x\n',
        'main.tf': 'resource "null_resource" "x" {}\n',
      },
      tags: ['6.8.0', '6.7.1'],
      expect: {
        outcome: 'pass',
        message: 'A versioned CHANGELOG and 2 version tags in git',
        evidence: [{ path: 'CHANGELOG-v6.md', line: 3, note: 'change log with version headings' }],
      },
    },
    {
      name: 'at the listing cap (300 tags read) the count of version tags is a floor, said as 300+ (round 13: 3,384 tags)',
      tree: { Gemfile: "gem 'rails'\n" },
      tags: Array.from({ length: 300 }, (_, i) => `v0.9.${300 - i}`),
      expect: {
        // A history of version tags is a release process of its own (round 18).
        outcome: 'pass',
        message: 'Releases are versioned by 300+ version tags in git (latest v0.9.300)',
        evidence: [{ path: '.', note: '300+ version tags in git (newest: v0.9.300, v0.9.299, v0.9.298)' }],
        data: { versionTags: 300, versionTagsAtLeast: true },
      },
    },
    {
      name: 'a Changelog.txt whose entries are `version - date` lines (no heading marks) has version entries',
      tree: {
        'Changelog.txt':
          '12.1.1 - 3 Dec 2025\nFix casing of a package dependency (#2344)\n\n12.1.0 - 3 Nov 2025\nAdd a language (#2334)\n',
      },
      tags: ['12.1.1', '12.1.0', '12.0.0'],
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'Changelog.txt', line: 1, note: 'change log with version headings' }],
        data: { versionedChangelogs: 1 },
      },
    },
    {
      name: 'an Azure DevOps stage that creates a GitHub release per build with a change log (no CHANGELOG file) releases',
      tree: {
        'src/App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk" />\n',
        'azure-pipelines.yml':
          'trigger:\n  branches:\n    include: [master]\nstages:\n- stage: PublishGithub\n  jobs:\n  - job: Publish\n    steps:\n    - task: GitHubRelease@1\n      displayName: Create Github release\n      inputs:\n        gitHubConnection: ReleaseBot\n        action: create\n        tagSource: userSpecifiedTag\n        tag: v$(Build.BuildNumber)\n        addChangeLog: true\n',
      },
      expect: {
        outcome: 'pass',
        message: 'GitHub release',
        evidence: [{ path: 'azure-pipelines.yml', line: 9 }],
      },
    },
    {
      name: 'Helm charts released by chart-releaser in CI, with versioned change logs',
      tree: {
        '.github/workflows/publish.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: helm/chart-releaser-action@v1.6.0\n',
        'charts/argo-cd/Chart.yaml': 'apiVersion: v2\nname: argo-cd\nversion: 7.1.0\n',
        'charts/argo-cd/CHANGELOG.md': '# Changelog\n\n## 7.1.0\n\n- new\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.github/workflows/publish.yml', line: 8 }] },
    },
    {
      name: 'GoReleaser with a tag-triggered workflow passes (Go)',
      tree: {
        'go.mod': 'module example.com/tool\n',
        '.goreleaser.yaml': 'builds:\n  - main: ./cmd/tool\n',
        '.github/workflows/release.yml':
          'on:\n  push:\n    tags:\n      - "v*"\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n',
      },
      expect: {
        outcome: 'pass',
        message: 'GoReleaser',
        evidence: [
          { path: '.goreleaser.yaml' },
          { path: '.github/workflows/release.yml', line: 9 },
          { path: '.github/workflows/release.yml', line: 3 },
        ],
        data: { tagTriggered: true },
      },
    },
    {
      name: 'changesets in package.json and a versioned CHANGELOG pass (Node)',
      tree: {
        'package.json': '{\n  "name": "lib",\n  "devDependencies": {\n    "@changesets/cli": "^2.27.0"\n  }\n}\n',
        'CHANGELOG.md': '# lib\n\n## 1.4.0\n\n### Minor Changes\n\n- add retries\n',
      },
      expect: {
        outcome: 'pass',
        message: 'a versioned CHANGELOG',
        evidence: [
          { path: 'package.json', line: 4 },
          { path: 'CHANGELOG.md', line: 3 },
        ],
      },
    },
    {
      name: 'python-semantic-release in pyproject passes (Python)',
      tree: {
        'pyproject.toml':
          '[project]\nname = "svc"\nversion = "1.0.0"\n\n[tool.semantic_release]\nversion_toml = ["pyproject.toml:project.version"]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'pyproject.toml', line: 5 }],
        data: { tools: ['semantic_release'] },
      },
    },
    {
      name: 'a Keep-a-Changelog file and a GitLab tag pipeline pass',
      tree: {
        'CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n\n## [2.1.0] - 2024-03-01\n### Fixed\n- x\n',
        '.gitlab-ci.yml': 'publish:\n  script:\n    - ./publish.sh\n  rules:\n    - if: $CI_COMMIT_TAG\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'CHANGELOG.md', line: 5 },
          { path: '.gitlab-ci.yml', line: 5 },
        ],
      },
    },
    {
      name: 'date-first version headings (## 2024-09-06 Reader 1.24.3) and a GitLab tag pipeline pass',
      tree: {
        'CHANGELOG.md': '# Changelog\n\n## 2024-1X-XX Reader 1.25.0-dev\n\n* x\n\n## 2024-09-06 Reader 1.24.3\n\n* y\n',
        '.gitlab-ci.yml': 'publish:\n  script:\n    - ./publish.sh\n  rules:\n    - if: $CI_COMMIT_TAG\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'CHANGELOG.md', line: 3, note: 'change log with version headings' }],
      },
    },
    {
      name: 'a lower-case release-notes.md with dated versions and gh release create pass (Python)',
      tree: {
        'pyproject.toml': '[project]\nname = "app"\n',
        'release-notes.md': '# Release Notes\n\n## Latest Changes\n\n## 0.12.0 (2026-08-12)\n\n- fix\n',
        '.github/workflows/release.yml':
          'on: workflow_dispatch\njobs:\n  draft:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release create "$VERSION" --draft\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'release-notes.md', line: 5 },
          { path: '.github/workflows/release.yml', line: 6 },
        ],
      },
    },
    {
      name: 'cmd-helm-charts: chart-releaser-action on main releases the charts (command graph)',
      tree: fixtureTree('cmd-helm-charts'),
      expect: {
        outcome: 'pass',
        message: 'chart-releaser',
        evidence: [
          {
            path: '.github/workflows/release.yml',
            line: 17,
            note: 'job release releases: .github/workflows/release.yml:17 → chart-releaser; helm/chart-releaser-action packages and releases the charts',
          },
        ],
        data: { releaseSteps: 1 },
      },
    },
    {
      name: 'CI reaches changesets through a package script; the evidence is the script line and its chain (Node)',
      tree: {
        'package.json':
          '{\n  "name": "ui-kit",\n  "scripts": {\n    "build": "tsc",\n    "ship": "npm run build && changeset publish"\n  }\n}\n',
        '.github/workflows/publish.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npm run ship\n',
      },
      expect: {
        outcome: 'pass',
        message: 'changesets',
        evidence: [
          {
            path: 'package.json',
            line: 5,
            note: 'job publish releases: .github/workflows/publish.yml:9 → package.json:5 (npm script ship) → changesets',
          },
        ],
      },
    },
    {
      name: 'an underlined four-part version and a workflow run on published releases pass',
      tree: {
        'HISTORY.rst': 'History\n=======\n\n1.2.3.4 (hotfix, 2024-05-01)\n----------------------------\n\n* fix\n',
        '.github/workflows/publish.yml': 'on:\n  release:   \n    types: [published]\njobs: {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'HISTORY.rst', line: 4 },
          { path: '.github/workflows/publish.yml', line: 2 },
        ],
      },
    },
    {
      name: 'a reStructuredText change log whose versions are link targets (`0.7.3`_ (2024-12-06)) underlined with === has version headings',
      tree: {
        'CHANGELOG.rst':
          '`Unreleased`_\n=============\n\n- Add a sink option\n\n\n`0.7.3`_ (2024-12-06)\n=====================\n\n- Fix a race\n\n.. _0.7.3: https://example.com/compare/0.7.2...0.7.3\n',
        '.github/workflows/publish.yml': 'on:\n  release:\n    types: [published]\njobs: {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'CHANGELOG.rst', line: 7, note: 'change log with version headings' },
          { path: '.github/workflows/publish.yml', line: 2 },
        ],
      },
    },
    {
      name: "towncrier's reStructuredText headings (`hookkit 1.6.0 (2025-05-15)` over ===) are version headings (round 19)",
      tree: {
        'CHANGELOG.rst':
          '=========\nChangelog\n=========\n\n.. towncrier release notes start\n\nhookkit 1.6.0 (2025-05-15)\n==========================\n\nBug Fixes\n---------\n\n- `#12 <https://example.com/issues/12>`_: Fix a leak.\n\n\nhookkit 1.5.0 (2024-04-19)\n==========================\n\n- Add a hook.\n',
        '.github/workflows/publish.yml': 'on:\n  release:\n    types: [published]\njobs: {}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'A versioned CHANGELOG',
        evidence: [
          { path: 'CHANGELOG.rst', line: 7, note: 'change log with version headings' },
          { path: '.github/workflows/publish.yml', line: 2 },
        ],
      },
    },
    {
      name: 'Helm charts with an artifacthub.io/changes log per version and a tag-triggered workflow pass',
      tree: {
        'charts/api/Chart.yaml':
          'apiVersion: v2\nname: api\nversion: 2.3.0\nannotations:\n  artifacthub.io/changes: |\n    - kind: fixed\n      description: probe port\n',
        'charts/api/templates/deployment.yaml': 'kind: Deployment\n',
        '.github/workflows/package.yml':
          "on:\n  push:\n    tags:\n      - '[0-9]+.[0-9]+.[0-9]+'\njobs:\n  package:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm package charts/api\n",
      },
      expect: {
        outcome: 'pass',
        message: 'Change logs per chart version',
        evidence: [
          { path: '.github/workflows/package.yml', line: 3 },
          { path: 'charts/api/Chart.yaml', line: 5 },
        ],
        data: { chartChangelogs: 1, tagTriggered: true },
      },
    },
    {
      name: 'an inline tag list in a workflow passes with a versioned change log',
      tree: {
        'CHANGELOG.md': '# Changelog\n\n## v3.0.1\n',
        '.github/workflows/tag.yml': 'on:\n  push:\n    tags: [ "v*" ]\njobs: {}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.github/workflows/tag.yml', line: 3 }] },
    },
    {
      name: 'a GitLab job run only for tags passes with a versioned change log',
      tree: {
        'CHANGELOG.md': '# Changelog\n\n## v3.0.1\n',
        '.gitlab-ci.yml': 'publish:\n  only: [ tags ]\n  script: ./publish.sh\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.gitlab-ci.yml', line: 2 }] },
    },
    {
      name: 'a versioned change log and version tags in git pass without a release workflow',
      tree: { 'CHANGELOG.md': '# Changelog\n\n## 2.1.0\n- faster\n', 'src/lib.rs': 'pub fn x() {}\n' },
      tags: ['v2.1.0', 'v2.0.0', 'wip-experiment'],
      expect: {
        outcome: 'pass',
        message: '2 version tags in git',
        evidence: [{ path: '.', note: '2 version tags in git (newest: v2.1.0, v2.0.0)' }],
        data: { versionTags: 2 },
      },
    },
    {
      name: 'version tags and a committed Helm chart repository index (gh-pages docs/index.yaml) are a release process: pass without a CHANGELOG (round 12)',
      tree: {
        'scaler/Chart.yaml': 'apiVersion: v2\nname: scaler\nversion: 1.1.0\n',
        'docs/index.yaml':
          "apiVersion: v1\nentries:\n  scaler:\n  - apiVersion: v2\n    digest: 3f1c\n    name: scaler\n    urls:\n    - https://example.org/charts/scaler-1.1.0.tgz\n    version: 1.1.0\n  - apiVersion: v2\n    name: scaler\n    urls:\n    - https://example.org/charts/scaler-1.0.0.tgz\n    version: 1.0.0\ngenerated: '2026-01-01T00:00:00Z'\n",
      },
      tags: ['v1.1.0', 'v1.0.0'],
      expect: {
        outcome: 'pass',
        message:
          'published to a Helm chart repository (docs/index.yaml: 2 chart versions) and tagged in git (2 version tags)',
        evidence: [
          { path: 'docs/index.yaml', line: 2, note: 'Helm chart repository index: 2 released chart versions' },
        ],
      },
    },
    {
      name: 'release-please run as a GitHub App (.github/release-please.yml) is release automation',
      tree: { '.github/release-please.yml': 'releaseType: terraform-module\nhandleGHRelease: true\n', 'main.tf': '' },
      expect: {
        outcome: 'pass',
        data: { tools: ['release-please'] },
        evidence: [{ path: '.github/release-please.yml' }],
      },
    },
    {
      name: 'a .NET library versioned from git by Nerdbank.GitVersioning (Directory.Build.props) is release tooling',
      tree: {
        'Directory.Build.props':
          '<Project>\n  <ItemGroup>\n    <PackageReference Include="Microsoft.SourceLink.GitHub" Version="1.0.0" />\n    <PackageReference Include="Nerdbank.GitVersioning" Version="3.3.37" PrivateAssets="all" />\n  </ItemGroup>\n</Project>\n',
        'version.json': '{\n  "version": "2.0",\n  "publicReleaseRefSpec": ["^refs/heads/main$"]\n}\n',
        'src/Orm/Orm.csproj': '<Project Sdk="Microsoft.NET.Sdk" />\n',
      },
      expect: {
        outcome: 'pass',
        data: { tools: ['Nerdbank.GitVersioning'] },
        evidence: [{ path: 'Directory.Build.props', line: 4, note: 'release tooling: Nerdbank.GitVersioning' }],
      },
    },
    {
      name: 'the release workflow is cited for the tag trigger, before a scanner that also runs on tags',
      tree: {
        'CHANGELOG.md': '# Changelog\n\n## v3.0.1\n',
        '.github/workflows/a-scan.yml': 'on:\n  push:\n    tags:\n      - "*"\njobs: {}\n',
        '.github/workflows/release.yml':
          'on:\n  push:\n    tags:\n      # see the filter cheat sheet\n      - "[1-2].[0-9]+.[0-9]+"\njobs: {}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.github/workflows/release.yml', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'one upgrade note is not a change log: version tags alone stay partial',
      tree: {
        'src/Cache/Cache.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'docs/Update_v2_0_0.md': '# Update to v2.0.0\n',
      },
      tags: ['v2.1.0', 'v2.0.0'],
      expect: { outcome: 'partial', score: 0.6, absent: ['such files'] },
    },
    {
      name: 'a tag build whose buildx output is a registry publishes the image: not "only builds and tests" (round 14)',
      tree: {
        'package.json': JSON.stringify({ name: 'planner', version: '0.0.0' }),
        '.github/workflows/images.yml':
          'name: images\non:\n  push:\n    tags:\n      - "v*"\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build image\n        run: |\n          docker buildx build -f Dockerfile.dev \\\n            -t ghcr.io/acme/planner:${{ github.ref_name }} \\\n            --output "type=registry,name=ghcr.io/acme/planner:${{ github.ref_name }}" .\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Releases are triggered by tags',
        evidence: [
          { path: '.github/workflows/images.yml', line: 4, note: 'pipeline triggered by tags or published releases' },
        ],
        absent: ['nothing is published'],
      },
    },
    {
      name: 'a tag trigger whose only job re-runs the tests is no release process (no CHANGELOG, no tags)',
      tree: {
        'build.gradle': "plugins { id 'java' }\n",
        '.github/workflows/gradle.yml':
          "name: Java CI\non:\n  push:\n    branches:\n      - '**'\n    tags:\n      - 'v*'\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n    - uses: actions/checkout@v4\n    - name: Test with Gradle\n      run: ./gradlew clean test\n",
      },
      expect: {
        outcome: 'fail',
        message: 'No release versioning found',
        evidence: [
          {
            path: '.github/workflows/gradle.yml',
            line: 6,
            note: 'runs on tag pushes, but only builds and tests: nothing is published',
          },
        ],
        data: { tagTriggered: true, releasingTagTriggers: 0 },
      },
    },
    {
      name: 'a chart CHANGELOG headed by majors alone (`## v9`) has version headings; `## 2 fixes` is not one (round 5)',
      tree: {
        'charts/cloud/Chart.yaml': 'apiVersion: v2\nname: cloud\nversion: 9.1.0\n',
        'charts/cloud/CHANGELOG.md':
          '# Changelog\n\nThis file lists major changes.\n\n## v9\n\n- breaking: new values layout\n\n## v8\n\n- drop old API\n',
        'charts/other/CHANGELOG.md': '# Changelog\n\n## 2 fixes\n\n- typo\n',
      },
      expect: {
        outcome: 'partial',
        message: 'A versioned CHANGELOG',
        evidence: [{ path: 'charts/cloud/CHANGELOG.md', line: 5, note: 'change log with version headings' }],
        data: { versionedChangelogs: 1 },
      },
    },
    {
      name: 'date tags in git alone are releases without a change log or tooling: partial (Ruby)',
      tree: { Gemfile: 'source "https://rubygems.org"\ngem "rails"\n', 'app/models/user.rb': 'class User; end\n' },
      tags: ['2024.06.04', '2024.05.28', '2024.05.22'],
      expect: { outcome: 'partial', score: 0.6, message: 'tagged in git (3 version tags)', data: { versionTags: 3 } },
    },
    {
      name: 'tags that name no version (a moving "latest", a branch marker) are not a release history',
      tree: { Gemfile: 'source "https://rubygems.org"\ngem "rails"\n' },
      tags: ['latest', 'before-refactor'],
      expect: {
        outcome: 'fail',
        evidence: [{ path: '.', note: expect.stringContaining('no version among 2 git tags') }],
      },
    },
    {
      name: 'cmd-makefile: `make release` runs scripts/release.sh, which only deploys: a name is not a release',
      tree: fixtureTree('cmd-makefile'),
      expect: { outcome: 'fail', data: { releaseSteps: 0, tools: [] } },
    },
    {
      name: 'a release.sh that only echoes, a mirror of tags and a dry-run publish are not releases',
      tree: {
        'package.json': '{\n  "name": "lib",\n  "version": "1.0.0"\n}\n',
        '.github/workflows/ci.yml':
          'on: push\njobs:\n  mirror:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./release.sh\n      - run: npm publish --dry-run\n      - run: |\n          git push --force mirror \\\n            "refs/tags/*:refs/tags/*"\n',
        'release.sh': '#!/bin/sh\necho "tag and publish from a laptop"\n',
      },
      expect: { outcome: 'fail', data: { releaseSteps: 0, tagTriggered: false } },
    },
    {
      name: 'a versioned CHANGELOG without automation is partial (Java, maven)',
      tree: {
        'pom.xml': '<project><artifactId>app</artifactId></project>\n',
        'CHANGES.md': 'Changes\n=======\n\n1.2.0 (2024-01-02)\n------------------\n* fix\n',
      },
      expect: { outcome: 'partial', score: 0.7, message: 'not automated', evidence: [{ path: 'CHANGES.md', line: 4 }] },
    },
    {
      name: 'a dated heading with no version (## 2024-03-01 Team offsite) is no version heading',
      tree: { 'CHANGELOG.md': '# Changelog\n\n## 2024-03-01 Team offsite\n\nWe met.\n' },
      expect: {
        outcome: 'partial',
        score: 0.3,
        evidence: [{ path: 'CHANGELOG.md', note: 'change log without version headings' }],
      },
    },
    {
      name: 'a CHANGELOG that records no version is a weak partial',
      tree: { 'CHANGELOG.md': '# Changelog\n\nAll notable changes will be documented here.\n' },
      expect: {
        outcome: 'partial',
        score: 0.3,
        evidence: [{ path: 'CHANGELOG.md', note: 'change log without version headings' }],
      },
    },
    {
      name: 'nothing at all fails and says what was searched',
      tree: { 'Cargo.toml': '[package]\nname = "x"\nversion = "0.1.0"\n', 'src/lib.rs': 'pub fn x() {}\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a .NET project whose only package reference is SourceLink has no release tooling',
      tree: {
        'Directory.Build.props':
          '<Project>\n  <ItemGroup>\n    <PackageReference Include="Microsoft.SourceLink.GitHub" Version="1.0.0" />\n  </ItemGroup>\n</Project>\n',
        'src/Orm/Orm.csproj': '<Project Sdk="Microsoft.NET.Sdk" />\n',
      },
      expect: { outcome: 'fail', data: { tools: [] } },
    },
    {
      name: 'a changelog under docs/examples or a test fixture does not count',
      tree: { 'examples/demo/CHANGELOG.md': '## 1.0.0\n- x\n' },
      expect: { outcome: 'fail' },
    },
  ],
});

describe('release-management: a history of version tags (round 18)', () => {
  const lib = {
    'package.json': JSON.stringify({ name: 'checkit', version: '4.2.1', main: 'index.js' }),
    'index.js': 'module.exports = (s) => typeof s === "string";\n',
  };
  it('passes on version tags alone and names their count and the latest', async () => {
    const run = await runRuleOn(rule, lib, { tags: ['v4.2.1', 'v4.2.0', 'v4.1.0', 'v4.0.0', 'v3.9.9'] });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'Releases are versioned by 5 version tags in git (latest v4.2.1); no CHANGELOG or release tool in the tree (release notes may live on the release page).',
    );
    expect(run.evidence).toContainEqual({ path: '.', note: '5 version tags in git (newest: v4.2.1, v4.2.0, v4.1.0)' });
  });
  it('stays partial with two tags: no history yet', async () => {
    const run = await runRuleOn(rule, lib, { tags: ['v0.2.0', 'v0.1.0'] });
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/tagged in git \(2 version tags\), but there is no CHANGELOG and no release tool/);
  });
});
