import { expect } from 'vitest';
import rule from './security-scanning.js';
import { ruleTester } from '../../src/testing/rule-tester.js';
import { fixtureTree } from '../../src/testing/fixtures.js';

const gha = (steps: string) =>
  `name: ci\non: [push]\njobs:\n  security:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'symfonycorp/security-checker-action scans composer.lock against the PHP advisories (round 16)',
      tree: {
        'composer.json': '{"require":{"symfony/console":"7.4.*"}}\n',
        '.github/workflows/ci.yml': gha(
          '      - name: Check dependencies for security\n        uses: symfonycorp/security-checker-action@v5\n',
        ),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 9,
            note: expect.stringContaining('Symfony security checker'),
          },
        ],
      },
    },
    {
      name: 'SonarCloud through the Maven plugin named in full (groupId:artifactId:goal) scans (round 10, Spring Boot service)',
      tree: {
        'pom.xml': '<project><artifactId>clinic</artifactId></project>\n',
        '.github/workflows/build.yml': gha(
          '      - name: Build and analyze\n        run: ./mvnw -B verify org.sonarsource.scanner.maven:sonar-maven-plugin:sonar -Dsonar.projectKey=acme_clinic\n',
        ),
      },
      expect: {
        outcome: 'pass',
        message: 'CI runs sonarqube',
        evidence: [{ path: '.github/workflows/build.yml', line: 9, note: expect.stringContaining('SonarQube') }],
      },
    },
    {
      name: 'golangci-lint run in CI with gosec enabled in .golangci.yml scans (gosec through golangci-lint)',
      tree: {
        'go.mod': 'module example.com/boards\n',
        '.golangci.yml': 'linters:\n  enable:\n    - errcheck\n    - gosec\n    - revive\n',
        '.github/workflows/ci.yml': gha(
          '      - uses: golangci/golangci-lint-action@v6\n        with:\n          version: latest\n',
        ),
      },
      expect: {
        outcome: 'pass',
        data: { tools: ['gosec'] },
        evidence: [
          { path: '.github/workflows/ci.yml', line: 8 },
          {
            path: '.golangci.yml',
            line: 4,
            note: 'gosec enabled in the golangci-lint config, so golangci-lint runs it',
          },
        ],
      },
    },
    {
      name: 'golangci-lint v2 `linters.default: all` in CI runs gosec (every linter, gosec not disabled) — blind round 41',
      tree: {
        'go.mod': 'module example.com/hub\n',
        '.golangci.yml':
          'version: "2"\nlinters:\n  default: all\n  disable:\n    - lll\n    - wsl\n  exclusions:\n    rules:\n      - linters:\n          - gosec\n        path: _test\\.go\n',
        '.github/workflows/ci.yml': gha('      - uses: golangci/golangci-lint-action@v8\n'),
      },
      expect: {
        outcome: 'pass',
        data: { tools: ['gosec'] },
        evidence: [
          { path: '.github/workflows/ci.yml', line: 8 },
          {
            path: '.golangci.yml',
            line: 3,
            note: 'golangci-lint enables every linter (gosec is not disabled), so it runs gosec',
          },
        ],
      },
    },
    {
      name: 'golangci-lint v1 `enable-all: true` run by make lint in CI runs gosec',
      tree: {
        'go.mod': 'module example.com/hub\n',
        '.golangci.yaml': 'linters:\n  enable-all: true\n  disable:\n    - exhaustruct\n',
        Makefile: 'lint:\n\tgolangci-lint run ./...\n',
        '.github/workflows/ci.yml': gha('      - run: make lint\n'),
      },
      expect: {
        outcome: 'pass',
        data: { tools: ['gosec'] },
        evidence: [{ path: 'Makefile' }, { path: '.golangci.yaml', line: 2 }],
      },
    },
    {
      name: 'Ruff with the Bandit rules selected in pyproject.toml, run by make lint in CI, is a SAST scan (round 13)',
      tree: {
        'pyproject.toml':
          '[project]\nname = "board"\n\n[tool.ruff]\nline-length = 88\n\n[tool.ruff.lint]\nselect = ["E", "F", "SIM", "S"]\nignore = ["S105"]\n',
        Makefile: 'lint:\n\truff check app/ tests/\n\truff format --check .\n',
        'app/__init__.py': 'x = 1\n',
        '.github/workflows/ci.yml': gha('      - run: make lint\n'),
      },
      expect: {
        outcome: 'pass',
        data: { tools: ['ruff (bandit rules)'] },
        evidence: [
          { path: 'Makefile', line: 2 },
          { path: 'pyproject.toml', line: 8, note: 'Ruff selects the Bandit rules (S), so ruff check runs them' },
        ],
      },
    },
    {
      name: 'FOSSA (fossas/fossa-action) scans the dependencies on every push (round 15, helm charts)',
      tree: {
        'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.2.0\n',
        '.github/workflows/fossa.yml':
          'name: FOSSA\non:\n  push:\n    branches: [main]\njobs:\n  fossa:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: fossas/fossa-action@v1\n        with:\n          api-key: ${{ secrets.FOSSA_API_KEY }}\n',
      },
      expect: {
        outcome: 'pass',
        data: { tools: ['fossa'] },
        evidence: [{ path: '.github/workflows/fossa.yml', line: 10, note: expect.stringContaining('FOSSA') }],
      },
    },
    {
      name: 'OpenSSF Scorecard through a shared reusable workflow named scorecard.yml counts (round 15)',
      tree: {
        'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.2.0\n',
        '.github/workflows/scorecard.yml':
          'name: Scorecard\non:\n  push:\n    branches: [main]\n  schedule:\n    - cron: "0 4 * * 1"\njobs:\n  analysis:\n    uses: acme/shared-workflows/.github/workflows/scorecard.yml@v1\n',
      },
      expect: {
        outcome: 'pass',
        data: { tools: ['openssf scorecard'] },
        evidence: [
          { path: '.github/workflows/scorecard.yml', line: 9, note: expect.stringContaining('OpenSSF Scorecard') },
        ],
      },
    },
    {
      name: 'CodeQL in GitHub Actions passes with the job and the line of analyze (init only sets it up)',
      tree: {
        '.github/workflows/codeql.yml': gha(
          '      - uses: github/codeql-action/init@v3\n        with:\n          languages: javascript\n      - uses: github/codeql-action/analyze@v3\n',
        ),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: '.github/workflows/codeql.yml',
            line: 11,
            note: 'job security runs CodeQL: .github/workflows/codeql.yml:11 → CodeQL; github/codeql-action/analyze',
          },
        ],
        data: { tools: ['codeql'] },
      },
    },
    {
      name: 'the same Semgrep scan also triggered on pull requests passes',
      tree: {
        '.github/workflows/vulnerability-scan.yml':
          'name: scan\non:\n  workflow_dispatch:\n  pull_request:\njobs:\n  semgrep:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: semgrep scan --config auto --error\n',
      },
      expect: { outcome: 'pass', data: { tools: ['semgrep'] } },
    },
    {
      name: 'pip-audit and bandit in GitLab CI pass',
      tree: {
        '.gitlab-ci.yml':
          'stages: [test]\naudit:\n  stage: test\n  script:\n    - pip install pip-audit bandit\n    - pip-audit -r requirements.txt\n    - bandit -r app\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: '.gitlab-ci.yml', line: 6, note: 'job audit runs pip-audit: .gitlab-ci.yml:6 → pip-audit' },
          { path: '.gitlab-ci.yml', line: 7, note: 'job audit runs Bandit: .gitlab-ci.yml:7 → Bandit' },
        ],
        absent: ['.gitlab-ci.yml:5'],
      },
    },
    {
      name: 'govulncheck behind a make target that CI runs passes, citing both lines',
      tree: {
        Makefile: 'build:\n\tgo build ./...\n\nvuln:\n\tgovulncheck ./...\n',
        '.github/workflows/ci.yml': gha('      - run: make vuln\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'Makefile',
            line: 5,
            note: 'job security runs govulncheck: .github/workflows/ci.yml:8 → Makefile:5 (make vuln) → govulncheck',
          },
        ],
      },
    },
    {
      name: 'OWASP Dependency-Check in a Jenkinsfile passes',
      tree: {
        Jenkinsfile:
          "pipeline {\n  stages {\n    stage('Scan') {\n      steps {\n        sh 'mvn org.owasp:dependency-check-maven:check'\n      }\n    }\n  }\n}\n",
      },
      expect: {
        outcome: 'pass',
        evidence: [
          {
            path: 'Jenkinsfile',
            line: 5,
            note: 'job Scan runs OWASP Dependency-Check: Jenkinsfile:5 → OWASP Dependency-Check; mvn org.owasp:dependency-check-maven:check',
          },
        ],
      },
    },
    {
      name: 'a Jenkins shared-library pipeline step (withPipeline after @Library) may scan: unknown, not fail (round 28)',
      tree: {
        Jenkinsfile_CNP:
          '@Library("Infrastructure") _\nwithPipeline(type, product, component) {\n  enableSlackNotifications(channel)\n}\n',
      },
      expect: {
        outcome: 'unknown',
        evidence: [
          {
            path: 'Jenkinsfile_CNP',
            line: 2,
            note: 'job withPipeline calls Jenkins shared library step withPipeline, a shared-library step of another repository: not followed, what it runs is not known here',
          },
        ],
      },
    },
    {
      name: 'the same call without a shared library is a function of the file: nothing scans, fail',
      tree: {
        Jenkinsfile_CNP:
          'def withPipeline(a, b, c, body) { body() }\nwithPipeline(type, product, component) {\n  sh "./gradlew build"\n}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a GitLab security template include counts',
      tree: {
        '.gitlab-ci.yml':
          'include:\n  - template: Security/SAST.gitlab-ci.yml\n  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\nstages: [test]\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: '.gitlab-ci.yml', line: 2 },
          { path: '.gitlab-ci.yml', line: 3 },
        ],
      },
    },
    {
      name: 'a CircleCI Snyk orb used in a job counts',
      tree: {
        '.circleci/config.yml':
          'version: 2.1\norbs:\n  snyk: snyk/snyk@2.0.0\njobs:\n  build:\n    docker:\n      - image: cimg/node:20.0\n    steps:\n      - checkout\n      - snyk/scan\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: '.circleci/config.yml', line: 10 }] },
    },
    {
      name: 'a scanner named in the config detect: catalogue counts',
      detect: { 'security-scanners': ['acme-scan'] },
      tree: { '.github/workflows/ci.yml': gha('      - run: acme-scan --all\n') },
      expect: { outcome: 'pass', data: { tools: ['acme-scan'] } },
    },
    {
      name: 'cmd-composite-action: pip-audit and Bandit in a reusable workflow of the repository',
      tree: fixtureTree('cmd-composite-action'),
      expect: {
        outcome: 'pass',
        data: { tools: ['bandit', 'pip-audit'] },
        evidence: [
          {
            path: '.github/workflows/security.yml',
            line: 9,
            note: 'job security runs pip-audit: .github/workflows/ci.yml:12 → .github/workflows/security.yml:9 (job audit) → pip-audit',
          },
        ],
      },
    },
    {
      name: 'cmd-npm-scripts: npm audit behind npm run audit:prod',
      tree: fixtureTree('cmd-npm-scripts'),
      expect: { outcome: 'pass', evidence: [{ path: 'package.json', line: 13 }] },
    },
    {
      name: 'scanners allowed to fail (continue-on-error, || true) still scan, and the verdict says so',
      tree: fixtureTree('cmd-advisory'),
      expect: {
        outcome: 'pass',
        message: 'CI runs safety, trivy (advisory: a finding does not fail the job)',
        evidence: [
          {
            path: '.github/workflows/ci.yml',
            line: 18,
            note: 'job checks runs Trivy: .github/workflows/ci.yml:18 → Trivy; advisory only (continue-on-error: true): a failure does not fail the job',
          },
        ],
        data: { advisory: true },
      },
    },
    {
      name: 'pre-commit/action runs the zizmor hook of .pre-commit-config.yaml in CI: a scanner run, not a local-only hook (zizmor alone scans workflows only: partial, round 32)',
      tree: {
        'pyproject.toml': '[project]\nname = "humane"\n',
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/zizmorcore/zizmor-pre-commit\n    rev: v1.5.0\n    hooks:\n      - id: zizmor\n',
        '.github/workflows/ci.yml': gha('      - uses: pre-commit/action@v3.0.1\n'),
      },
      expect: {
        outcome: 'partial',
        message: 'GitHub Actions workflows',
        data: { workflowOnly: true },
        evidence: [
          {
            path: '.pre-commit-config.yaml',
            line: 5,
            note: 'job security runs zizmor: .github/workflows/ci.yml:8 → .pre-commit-config.yaml:5 (pre-commit hook zizmor) → zizmor',
          },
        ],
      },
    },
    {
      name: 'zizmor beside a code scanner (Bandit): the code is scanned, a pass (round 32)',
      tree: {
        'pyproject.toml': '[project]\nname = "humane"\n',
        '.github/workflows/ci.yml': gha('      - uses: zizmorcore/zizmor-action@v0.1.1\n      - run: bandit -r src\n'),
      },
      expect: { outcome: 'pass', message: 'bandit' },
    },
    {
      name: 'bandit started by xargs inside `$( … )`: the program after xargs runs (round 12, Django app)',
      tree: {
        'pyproject.toml': '[project]\nname = "ledger"\n',
        '.bandit': '[bandit]\nexclude = tests\n',
        '.github/workflows/ci.yml': gha(
          [
            '      - run: |',
            '          set +e',
            '          out=$( \\',
            '            git ls-files \\',
            "              | grep '\\.py$' \\",
            '              | xargs bandit -q -f json --ini .bandit \\',
            '          )',
            '          echo "$out"',
            '',
          ].join('\n'),
        ),
      },
      expect: {
        outcome: 'pass',
        message: 'CI runs bandit',
        evidence: [{ path: '.github/workflows/ci.yml', line: 10, note: expect.stringContaining('→ Bandit') }],
      },
    },
    {
      name: 'a scanner given files by `$(git ls-files)` and by `find -exec`: both are runs',
      tree: {
        'pyproject.toml': '[project]\nname = "ledger"\n',
        '.github/workflows/ci.yml': gha(
          "      - run: bandit $(git ls-files '*.py')\n      - run: find . -name '*.tf' -exec checkov -f {} +\n",
        ),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: '.github/workflows/ci.yml', line: 8, note: expect.stringContaining('→ Bandit') },
          { path: '.github/workflows/ci.yml', line: 9, note: expect.stringContaining('→ Checkov') },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'golangci-lint in CI without gosec in its config is linting, not security scanning',
      tree: {
        'go.mod': 'module example.com/boards\n',
        '.golangci.yml': 'linters:\n  enable:\n    - errcheck\n    - revive\n  disable:\n    - gosec\n',
        '.github/workflows/ci.yml': gha('      - uses: golangci/golangci-lint-action@v6\n'),
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'golangci-lint `default: all` that disables gosec, or `default: standard`, is linting, not security scanning',
      tree: {
        'go.mod': 'module example.com/hub\n',
        '.golangci.yml': 'version: "2"\nlinters:\n  default: all\n  disable:\n    - gosec\n    - lll\n',
        'svc/.golangci.yml': 'version: "2"\nlinters:\n  default: standard\n',
        '.github/workflows/ci.yml': gha('      - uses: golangci/golangci-lint-action@v8\n'),
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'Ruff in CI without the S rules (SIM is flake8-simplify) is linting, not security scanning',
      tree: {
        'ruff.toml': '[lint]\nselect = [\n  "E",\n  "SIM",\n]\n[lint.per-file-ignores]\n"tests/**" = ["S"]\n',
        'app/__init__.py': 'x = 1\n',
        '.github/workflows/ci.yml': gha('      - run: ruff check .\n'),
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a Semgrep workflow started only by hand is partial, not CI scanning; on push it passes',
      tree: {
        '.github/workflows/vulnerability-scan.yml':
          'name: scan\non:\n  workflow_dispatch:\njobs:\n  semgrep:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: semgrep scan --config auto --error\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'runs only when started by hand',
        evidence: [
          {
            path: '.github/workflows/vulnerability-scan.yml',
            line: 9,
            note: expect.stringContaining('workflow_dispatch'),
          },
        ],
        data: { tools: [] },
      },
    },
    {
      name: 'CI without any scanner fails and names the CI files searched',
      tree: {
        '.github/workflows/ci.yml': gha('      - run: npm ci\n      - run: npm test\n'),
        'package.json': '{"name":"x"}',
      },
      expect: {
        outcome: 'fail',
        evidence: [
          {
            path: '.',
            note: 'no scanner among the commands that 1 CI file runs (.github/workflows/ci.yml), followed through scripts, targets and actions',
          },
        ],
      },
    },
    {
      name: 'an orb declared but never used scans nothing',
      tree: {
        '.circleci/config.yml':
          'version: 2.1\norbs:\n  snyk: snyk/snyk@2.0.0\njobs:\n  build:\n    docker:\n      - image: cimg/node:20.0\n    steps:\n      - checkout\n      - run: npm test\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a Snyk config and a gitleaks pre-commit hook without CI are partial',
      tree: {
        '.snyk': 'version: v1.25.0\n',
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8.18.0\n    hooks:\n      - id: gitleaks\n',
        '.github/workflows/ci.yml': gha('      - run: go test ./...\n'),
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'no CI job runs them',
        evidence: [
          { path: '.snyk' },
          {
            path: '.pre-commit-config.yaml',
            line: 5,
            note: 'gitleaks in a pre-commit hook: runs only where hooks are installed',
          },
        ],
      },
    },
    {
      name: 'a word that merely contains a scanner name does not count',
      tree: { '.github/workflows/ci.yml': gha('      - run: echo "resnyked" && ./scripts/trivyal.sh\n') },
      expect: { outcome: 'fail' },
    },
    {
      name: "deleting the CodeQL tool cache and uploading another tool's SARIF are not scans",
      tree: {
        '.github/workflows/lint.yml':
          'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: rm -rf /opt/hostedtoolcache/CodeQL\n      - run: npx eslint . --format @microsoft/eslint-formatter-sarif --output-file eslint.sarif\n      - uses: github/codeql-action/upload-sarif@v3\n        with:\n          sarif_file: eslint.sarif\n      - name: Scan\n        if: false\n        run: semgrep ci\n',
      },
      expect: { outcome: 'fail', message: 'No CI job scans code or dependencies' },
    },
  ],
});
