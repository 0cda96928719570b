import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './continuous-deployment.js';

/**
 * Blind round 35: a release job runs an end-to-end script that starts a k3s server on the runner
 * and `kubectl apply`s into it — a test of the release, not a deployment. The same `kubectl apply`
 * in a deploy script outside the test folders, with no cluster started, still deploys.
 */
const SERVICE = {
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
};
const workflow = (run: string) =>
  `name: CI\non:\n  push:\n    branches: [main]\njobs:\n  release-package:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;
const K3S_SCRIPT = [
  '#!/usr/bin/env bash',
  'set -euo pipefail',
  'K3S_BIN="${BIN_DIR}/k3s"',
  'sudo setsid "${K3S_BIN}" server --config "${K3S_CONFIG}" &',
  'kubectl apply -f - <<EOF',
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '  name: e2e',
  'EOF',
  '',
].join('\n');
const DEPLOY_SCRIPT = '#!/usr/bin/env bash\nset -euo pipefail\nkubectl apply -f deploy/\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a deploy script outside the test folders that starts no cluster deploys',
      profile: 'service',
      tree: {
        ...SERVICE,
        'scripts/deploy.sh': DEPLOY_SCRIPT,
        '.github/workflows/ci.yml': workflow('./scripts/deploy.sh'),
      },
      expect: { outcome: 'pass', message: 'Deployment is automated: CI deploy jobs.' },
    },
  ],
  invalid: [
    {
      name: 'a job whose script starts a k3s server and applies into it tests the release',
      profile: 'service',
      tree: {
        ...SERVICE,
        'scripts/validate.sh': K3S_SCRIPT,
        '.github/workflows/ci.yml': workflow('./scripts/validate.sh'),
      },
      expect: { outcome: 'fail', message: 'set aside' },
    },
    {
      name: 'k3s installed from get.k3s.io in the job makes its kubectl apply a test',
      profile: 'service',
      tree: {
        ...SERVICE,
        'scripts/deploy.sh': DEPLOY_SCRIPT,
        '.github/workflows/ci.yml': workflow('curl -sfL https://get.k3s.io | sh - && ./scripts/deploy.sh'),
      },
      expect: { outcome: 'fail', message: 'set aside' },
    },
    {
      name: 'a kubectl apply written in a test script (.test/e2e-*.sh) readies the system under test',
      profile: 'service',
      tree: {
        ...SERVICE,
        '.test/e2e-cluster.sh': DEPLOY_SCRIPT,
        '.github/workflows/ci.yml': workflow('./.test/e2e-cluster.sh'),
      },
      expect: { outcome: 'fail', message: 'set aside' },
    },
  ],
});
