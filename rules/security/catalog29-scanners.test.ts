/**
 * Scanners and CI actions the catalogue did not list (issue 15): GitGuardian's ggshield, secretlint,
 * Bearer, Kubescape, pyupio's Safety action, Psalm's taint analysis, Sonatype OSS Index through Maven.
 * Look-alikes: Psalm without taint analysis (a linter), a `Bearer` token in a curl header.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './security-scanning.js';

const gha = (...steps: string[]) =>
  `on: [push, pull_request]\njobs:\n  security:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps.map((s) => `      - ${s}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    {
      name: 'GitGuardian/ggshield-action scans the pushed commits for secrets',
      tree: {
        'src/app.py': 'print(1)\n',
        '.github/workflows/secrets.yml': gha(
          'uses: GitGuardian/ggshield-action@v1\n        env:\n          GITGUARDIAN_API_KEY: ${{ secrets.GITGUARDIAN_API_KEY }}',
        ),
      },
      expect: { outcome: 'pass', message: 'ggshield' },
    },
    {
      name: 'an npm script running secretlint, called by CI',
      tree: {
        'package.json': '{\n  "scripts": {\n    "lint:secrets": "secretlint \\"**/*\\""\n  }\n}\n',
        'index.js': 'module.exports = 1;\n',
        '.github/workflows/ci.yml': gha('run: npm ci', 'run: npm run lint:secrets'),
      },
      expect: { outcome: 'pass', message: 'secretlint' },
    },
    {
      name: 'bearer/bearer-action (SAST)',
      tree: { 'src/app.rb': 'puts 1\n', '.github/workflows/bearer.yml': gha('uses: bearer/bearer-action@v2') },
      expect: { outcome: 'pass', message: 'bearer' },
    },
    {
      name: 'pyupio/safety-action audits the Python dependencies',
      tree: {
        'requirements.txt': 'flask==3.0.0\n',
        '.github/workflows/deps.yml': gha(
          'uses: pyupio/safety-action@v1\n        with:\n          api-key: ${{ secrets.SAFETY_API_KEY }}',
        ),
      },
      expect: { outcome: 'pass' },
    },
    {
      name: '`kubescape scan` of the manifests in CI',
      tree: {
        'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
        '.gitlab-ci.yml': 'scan:\n  script:\n    - kubescape scan k8s/ --fail-threshold 0\n',
      },
      expect: { outcome: 'pass', message: 'kubescape' },
    },
    {
      name: 'Psalm with --taint-analysis follows input to sinks: a SAST run',
      tree: {
        'psalm.xml':
          '<?xml version="1.0"?>\n<psalm errorLevel="3"><projectFiles><directory name="src"/></projectFiles></psalm>\n',
        'src/App.php': '<?php\nclass App {}\n',
        '.github/workflows/ci.yml': gha('run: composer install', 'run: vendor/bin/psalm --taint-analysis'),
      },
      expect: { outcome: 'pass', message: 'psalm taint analysis' },
    },
    {
      name: '`mvn ossindex:audit` (Sonatype OSS Index) audits the dependency tree',
      tree: {
        'pom.xml': '<project><artifactId>shop</artifactId></project>\n',
        'src/main/java/App.java': 'class App {}\n',
        '.github/workflows/ci.yml': gha('run: mvn -B org.sonatype.ossindex.maven:ossindex-maven-plugin:audit'),
      },
      expect: { outcome: 'pass', message: 'oss index audit' },
    },
  ],
  invalid: [
    {
      name: 'look-alike: Psalm without taint analysis is a linter, not a scanner',
      tree: {
        'psalm.xml':
          '<?xml version="1.0"?>\n<psalm errorLevel="3"><projectFiles><directory name="src"/></projectFiles></psalm>\n',
        'src/App.php': '<?php\nclass App {}\n',
        '.github/workflows/ci.yml': gha('run: composer install', 'run: vendor/bin/psalm --no-progress'),
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'look-alike: a Bearer token in a curl header scans nothing',
      tree: {
        'src/app.py': 'print(1)\n',
        '.github/workflows/notify.yml': gha(
          'run: curl -H "Authorization: Bearer ${{ secrets.TOKEN }}" https://example.com/scan',
        ),
      },
      expect: { outcome: 'fail' },
    },
  ],
});
