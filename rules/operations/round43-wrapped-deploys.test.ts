import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './continuous-deployment.js';

/**
 * Blind round 43: deploy commands behind a package runner and on the deploy target itself. `uv run
 * fastapi deploy` (FastAPI Cloud) and `docker compose … up -d` in a deploy job on a self-hosted runner
 * were "no deploy command recognised".
 */
const app = {
  'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
  'compose.yml': 'services:\n  backend:\n    build: .\n',
};
const workflow = (on: string, runsOn: string, steps: string) =>
  `name: Deploy\non:\n${on}\njobs:\n  deploy:\n    runs-on: ${runsOn}\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;
const push = '  push:\n    branches: [master]';
const composeUp =
  '      - name: Start application\n        run: docker compose -f compose.yml -f compose.deploy.yml up -d\n';

ruleTester(rule, {
  valid: [
    {
      name: '`uv run fastapi deploy` on a push to master is an automated deployment',
      profile: 'service',
      tree: {
        ...app,
        '.github/workflows/deploy.yml': workflow(
          push,
          'ubuntu-latest',
          '      - run: uv run fastapi deploy\n        env:\n          FASTAPI_CLOUD_TOKEN: ${{ secrets.TOKEN }}\n',
        ),
      },
      expect: {
        outcome: 'pass',
        message: 'Deployment is automated',
        evidence: [{ path: '.github/workflows/deploy.yml', line: 10 }],
      },
    },
    {
      name: '`docker compose up -d` in a deploy job on a self-hosted runner deploys to that host',
      profile: 'service',
      tree: { ...app, '.github/workflows/deploy.yml': workflow(push, 'self-hosted', composeUp) },
      expect: {
        outcome: 'pass',
        message: 'Deployment is automated',
        evidence: [{ path: '.github/workflows/deploy.yml', line: 11 }],
      },
    },
    {
      name: 'a self-hosted runner given as a label list counts too',
      profile: 'service',
      tree: { ...app, '.github/workflows/deploy.yml': workflow(push, '[self-hosted, linux]', composeUp) },
      expect: { outcome: 'pass', message: 'Deployment is automated' },
    },
  ],
  invalid: [
    {
      name: 'the same compose run on a hosted runner starts a throw-away stack: still unrecognised',
      profile: 'service',
      tree: { ...app, '.github/workflows/deploy.yml': workflow(push, 'ubuntu-latest', composeUp) },
      expect: { outcome: 'partial', message: 'no deploy command or action in them was recognised' },
    },
    {
      name: 'a test job on a self-hosted runner that starts compose deploys nothing',
      profile: 'service',
      tree: {
        ...app,
        '.github/workflows/deploy.yml': workflow(push, 'self-hosted', composeUp).replace('  deploy:', '  test:'),
      },
      expect: { outcome: 'fail' },
    },
    {
      name: '`fastapi run` starts a server, it deploys nothing',
      profile: 'service',
      tree: {
        ...app,
        '.github/workflows/deploy.yml': workflow(
          push,
          'ubuntu-latest',
          '      - run: uv run fastapi run app/main.py\n',
        ),
      },
      expect: { outcome: 'partial', message: 'no deploy command or action in them was recognised' },
    },
  ],
});
