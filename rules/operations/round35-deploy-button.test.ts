import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './continuous-deployment.js';

/**
 * Blind round 35: a render.yaml behind the README's "Deploy to Render" button is a template for
 * users to deploy their own copy; the project's pipeline only publishes images. Without a button
 * the same render.yaml is the project's own Render blueprint (deploys on push: partial).
 */
const RENDER = 'services:\n  - type: web\n    name: app\n    env: docker\n    dockerfilePath: ./Dockerfile\n';
const tree = (readme: string) => ({
  'app/main.py': 'from flask import Flask\napp = Flask(__name__)\n',
  'requirements.txt': 'flask==3.0.0\n',
  Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["flask", "run"]\n',
  'render.yaml': RENDER,
  'README.md': readme,
});

ruleTester(rule, {
  valid: [
    {
      name: "a render.yaml with no deploy button is the project's own blueprint",
      profile: 'service',
      tree: tree('# App\n\nRun it with docker compose.\n'),
      expect: { outcome: 'partial', message: 'A hosting platform config (render.yaml) suggests deploys on push' },
    },
  ],
  invalid: [
    {
      name: 'a render.yaml behind a Deploy to Render button is a template for users',
      profile: 'service',
      tree: tree(
        '# App\n\n## Deploy\n\n[![Deploy to Render](https://render.com/images/deploy-to-render-button.svg)](https://render.com/deploy?repo=https://github.com/acme/app)\n',
      ),
      expect: {
        outcome: 'fail',
        message: 'render.yaml is the template of a one-click deploy button',
        evidence: [{ path: 'README.md', line: 5 }],
      },
    },
  ],
});
