import { expect } from 'vitest';
import rule from './dependency-updates.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const dependabot = (...ecos: string[]) =>
  `version: 2\nupdates:\n${ecos.map((e) => `  - package-ecosystem: ${e}\n    directory: "/"\n    schedule:\n      interval: weekly\n`).join('')}`;

ruleTester(rule, {
  valid: [
    {
      name: 'an allow list by dependency type (direct) still updates the whole ecosystem',
      tree: {
        'package.json': '{"dependencies":{"express":"4.0.0"}}',
        '.github/dependabot.yml':
          'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: "/"\n    schedule:\n      interval: weekly\n    allow:\n      - dependency-type: direct\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Dependabot updates npm.',
        evidence: [{ path: '.github/dependabot.yml', line: 3 }],
      },
    },
    {
      name: 'Dependabot covering npm and actions passes, with the line of each entry',
      tree: {
        'package.json': '{"dependencies":{"express":"4.0.0"}}',
        '.github/dependabot.yml': dependabot('npm', 'github-actions'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: '.github/dependabot.yml', line: 3 },
          { path: '.github/dependabot.yml', line: 7 },
        ],
        data: { ecosystems: ['github-actions', 'npm'] },
      },
    },
    {
      name: 'Dependabot gomod covers a Go module',
      tree: {
        'go.mod': 'module x\n\nrequire github.com/gin-gonic/gin v1.9.0\n',
        '.github/dependabot.yaml': dependabot('gomod'),
      },
      expect: { outcome: 'pass', message: 'gomod' },
    },
    {
      name: 'renovate.json passes',
      tree: { 'renovate.json': '{"extends":["config:recommended"]}', 'Cargo.toml': '[package]\nname="x"\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'renovate.json' }] },
    },
    {
      name: 'Renovate with enabledManagers covering every ecosystem passes and names them',
      tree: {
        'renovate.json': '{"enabledManagers": ["poetry", "npm"]}\n',
        'pyproject.toml': '[tool.poetry]\nname = "cook"\n',
        'frontend/package.json': '{"name":"cook-web"}\n',
      },
      expect: { outcome: 'pass', message: 'Renovate updates poetry and npm' },
    },
    {
      name: 'a renovate key in package.json passes, cited at the key (round 12: was line 1)',
      tree: { 'package.json': '{\n  "name": "x",\n  "renovate": {"extends": ["config:base"]}\n}\n' },
      expect: { outcome: 'pass', message: 'Renovate', evidence: [{ path: 'package.json', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'Renovate limited to poetry by enabledManagers leaves the npm frontend without updates',
      tree: {
        'renovate.json': '{\n  "extends": ["config:recommended"],\n  "enabledManagers": ["poetry"]\n}\n',
        'pyproject.toml': '[tool.poetry]\nname = "cook"\n\n[tool.poetry.dependencies]\nfastapi = "^0.110"\n',
        'frontend/package.json': '{"name":"cook-web","dependencies":{"vue":"3"}}\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.65,
        message: 'no updates for npm manifests',
        evidence: [
          { path: 'renovate.json', line: 3, snippet: 'enabledManagers: [poetry]' },
          { path: 'frontend/package.json', note: 'npm manifest not covered by enabledManagers' },
        ],
      },
    },
    {
      name: 'an invalid Dependabot package-ecosystem (pip-compile) updates nothing; a pyproject.toml without dependencies needs no entry',
      tree: {
        'pyproject.toml': '[tool.ruff]\nline-length = 120\n',
        'requirements.in': 'django\nwhitenoise\n',
        'requirements.txt':
          'django==5.0.1\n    # via -r requirements.in\nwhitenoise==6.6.0\n    # via -r requirements.in\n',
        'package.json': '{"devDependencies":{"gulp":"4.0.2"}}',
        '.github/dependabot.yml':
          'version: 2\nupdates:\n  - package-ecosystem: "npm"\n    directory: "/"\n    schedule:\n      interval: "monthly"\n\n  - package-ecosystem: "pip-compile"\n    directory: "/"\n    schedule:\n      interval: "monthly"\n',
      },
      expect: {
        outcome: 'partial',
        message: [
          'Dependabot updates npm',
          '`pip-compile` is not a valid Dependabot package-ecosystem',
          'no updates for pip',
        ],
        data: { ecosystems: ['npm'], invalid: ['pip-compile'], uncovered: ['pip'] },
        evidence: [
          {
            path: '.github/dependabot.yml',
            line: 8,
            note: expect.stringContaining('not a valid Dependabot package-ecosystem'),
          },
          { path: 'requirements.in', note: 'pip manifest not covered by any Dependabot update entry' },
        ],
        absent: ['pyproject.toml'],
      },
    },
    {
      name: 'only invalid Dependabot package-ecosystem values fail',
      tree: {
        'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["flask"]\n',
        '.github/dependabot.yml':
          'version: 2\nupdates:\n  - package-ecosystem: poetry\n    directory: "/"\n    schedule:\n      interval: weekly\n',
      },
      expect: {
        outcome: 'fail',
        message: 'has no valid package-ecosystem entries: `poetry` is not a valid Dependabot package-ecosystem',
        evidence: [{ path: '.github/dependabot.yml', line: 3, snippet: 'package-ecosystem: poetry' }],
      },
    },
    {
      name: 'nothing configured fails',
      tree: { 'requirements.txt': 'flask==3.0.0\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a scheduled github-actions-version-updater workflow is like an actions-only Dependabot: partial, names the gaps',
      tree: {
        'requirements.txt': 'flask==3.0.0\n',
        '.github/workflows/check-updates.yml':
          "on:\n  schedule:\n    - cron: '0 6 * * 1'\njobs:\n  update:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: saadmk11/github-actions-version-updater@v0.8.1\n        with:\n          token: ${{ secrets.TOKEN }}\n",
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        message: ['updates only the GitHub Actions versions', 'no updates for pip manifests'],
        evidence: [{ path: '.github/workflows/check-updates.yml', line: 9 }, { path: 'requirements.txt' }],
      },
    },
    {
      name: 'Dependabot only for GitHub Actions in a Python + Maven repo is partial and names the gaps',
      tree: {
        'requirements.txt': 'flask==3.0.0\n',
        'pom.xml': '<project><artifactId>a</artifactId></project>',
        '.github/dependabot.yml': dependabot('github-actions'),
      },
      expect: {
        outcome: 'partial',
        message: ['no updates for maven and pip'],
        data: { uncovered: ['maven', 'pip'] },
        evidence: [{ path: 'pom.xml' }, { path: 'requirements.txt' }],
      },
    },
    {
      name: 'a Dependabot allow list of one gem updates that gem only: limited, not "updates bundler" (a Rails app)',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'brakeman'\n",
        '.github/dependabot.yml':
          'version: 2\nupdates:\n- package-ecosystem: bundler\n  directory: "/"\n  schedule:\n    interval: daily\n  allow:\n    - dependency-name: "brakeman"\n- package-ecosystem: github-actions\n  directory: "/"\n  schedule:\n    interval: weekly\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.48,
        message:
          'Dependabot updates github-actions; its bundler entry updates only brakeman (allow list); other bundler dependencies get no version updates.',
        data: { ecosystems: ['github-actions'], limited: ['bundler'], uncovered: ['bundler'] },
        evidence: [
          {
            path: '.github/dependabot.yml',
            line: 8,
            snippet: 'allow: brakeman',
            note: 'Dependabot bundler entry updates only brakeman (allow list)',
          },
          { path: '.github/dependabot.yml', line: 9, note: 'Dependabot updates' },
        ],
      },
    },
    {
      name: 'open-pull-requests-limit: 0 opens no version updates: the npm entry is no coverage',
      tree: {
        'package.json': '{"dependencies":{"express":"4.0.0"}}',
        '.github/dependabot.yml':
          'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: "/"\n    schedule:\n      interval: weekly\n    open-pull-requests-limit: 0\n',
      },
      expect: {
        outcome: 'partial',
        message: ['opens no version-update pull requests', 'other npm dependencies get no version updates'],
        evidence: [{ path: '.github/dependabot.yml', line: 7, snippet: 'open-pull-requests-limit: 0' }],
      },
    },
    {
      name: 'a malformed dependabot.yml is unknown',
      tree: { '.github/dependabot.yml': 'version: 2\nupdates: [\n' },
      expect: { outcome: 'unknown' },
    },
    {
      name: "GitHub's starter dependabot.yml left fully commented out configures nothing: fail, not unknown (blind round 23)",
      tree: {
        'go.mod': 'module example.com/x\n\ngo 1.22\n',
        '.github/dependabot.yml':
          '# To get started with Dependabot version updates, list the ecosystems below.\n\n# version: 2\n# updates:\n#   - package-ecosystem: "gomod"\n#     directory: "/"\n#     schedule:\n#       interval: "weekly"\n',
      },
      expect: {
        outcome: 'fail',
        message: '.github/dependabot.yml configures no updates: every line is a comment.',
        evidence: [
          {
            path: '.github/dependabot.yml',
            line: 4,
            note: '7 commented-out lines, the `updates` list among them; nothing is active',
          },
        ],
      },
    },
    {
      name: 'a dependabot.yml with only `version: 2` has no updates list: fail',
      tree: { '.github/dependabot.yml': 'version: 2\n' },
      expect: {
        outcome: 'fail',
        evidence: [{ path: '.github/dependabot.yml', line: 1, note: 'no `updates` key' }],
      },
    },
  ],
});
