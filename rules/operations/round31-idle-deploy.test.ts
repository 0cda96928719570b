import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './continuous-deployment.js';

/** Blind round 31: a job named deploy whose only step echoes deploys nothing. */
const workflow = (steps: string) =>
  `name: Deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

ruleTester(rule, {
  valid: [
    {
      name: 'a deploy job that runs an unrecognised script still counts by its name (partial)',
      profile: 'service',
      tree: {
        'src/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
        '.github/workflows/deploy.yml': workflow('      - run: echo "deploying"\n      - run: ./tools/push-release\n'),
      },
      expect: { outcome: 'partial', message: 'CI has deploy jobs (deploy)' },
    },
  ],
  invalid: [
    {
      name: 'a deploy job whose steps only echo and sleep is set aside, whatever its name',
      profile: 'service',
      tree: {
        'src/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
        '.github/workflows/deploy.yml': workflow(
          '      - name: Do not deploy\n        run: echo "Do Not Deploy"\n      - run: sleep 5 && true\n',
        ),
      },
      expect: {
        outcome: 'fail',
        message: 'Job deploy only prints or waits (echo, sleep): it deploys nothing, whatever its name.',
        evidence: [{ path: '.github/workflows/deploy.yml', line: 6 }],
      },
    },
  ],
});
