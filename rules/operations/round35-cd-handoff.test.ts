import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './continuous-deployment.js';

/**
 * Blind round 35: a workflow uploads the chart and publishes a message to the Pub/Sub topic a
 * Spinnaker pipeline is triggered by — a handoff to a CD system, which deploys. A message to some
 * other topic (a build notification) hands nothing over.
 */
const SERVICE = {
  'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
  'requirements.txt': 'flask==3.0.0\n',
};
const workflow = (run: string) =>
  `name: Build\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: helm package chart && gsutil cp app-*.tgz gs://$ARTIFACT_BUCKET/app/\n      - name: CD hook\n        run: ${run}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a message to the Spinnaker trigger topic hands the release to Spinnaker',
      profile: 'service',
      tree: {
        ...SERVICE,
        '.github/workflows/main.yml': workflow(
          'gcloud pubsub topics publish $SPINNAKER_TOPIC --project $SPINNAKER_PROJECT --message app/app-1.0.0.tgz',
        ),
      },
      expect: {
        outcome: 'pass',
        message: 'CI hands each release to Spinnaker, which deploys it',
        evidence: [{ path: '.github/workflows/main.yml', line: 12 }],
      },
    },
    {
      name: 'spin pipeline execute starts the Spinnaker deployment',
      profile: 'service',
      tree: {
        ...SERVICE,
        '.github/workflows/main.yml': workflow('spin pipeline execute --name deploy --application app'),
      },
      expect: { outcome: 'pass', message: 'CI hands each release to Spinnaker' },
    },
  ],
  invalid: [
    {
      name: 'a message to a notification topic hands nothing to a CD system',
      profile: 'service',
      tree: {
        ...SERVICE,
        '.github/workflows/main.yml': workflow('gcloud pubsub topics publish $BUILD_NOTIFICATIONS --message "built"'),
      },
      expect: { outcome: 'fail', message: 'No automated deployment found' },
    },
  ],
});
