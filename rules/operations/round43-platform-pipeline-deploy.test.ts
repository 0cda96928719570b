import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './continuous-deployment.js';

/**
 * Blind round 42: a platform pipeline library's Node pipeline (`withPipeline(type, …)` of the
 * `Infrastructure` library) deploys the Helm chart under charts/ (a preview release per pull request,
 * the pre-production environment on the main branch): a deployment, not "No automated deployment".
 */
const jenkinsfile = (lib: string) =>
  `#!groovy\n@Library("${lib}")\n\ndef type = "nodejs"\ndef product = "shop"\n\nwithPipeline(type, product, "web") {\n  enableAksStagingDeployment()\n}\n`;
const app = {
  'package.json': `${JSON.stringify({ name: 'shop-web', scripts: { start: 'node server.js', test: 'mocha' }, dependencies: { express: '^4.19.0' } }, null, 2)}\n`,
  'server.js': "const express = require('express');\nexpress().listen(3000);\n",
};
const chart = {
  'charts/shop-web/Chart.yaml': 'apiVersion: v2\nname: shop-web\nversion: 1.0.0\n',
  'charts/shop-web/values.yaml': 'nodejs:\n  image: example/shop-web:latest\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'withPipeline of the platform library with a chart under charts/ deploys it',
      profile: 'service',
      tree: { ...app, ...chart, Jenkinsfile_CNP: jenkinsfile('Infrastructure') },
      expect: {
        outcome: 'pass',
        message: 'Deployment is automated',
        evidence: [{ path: 'Jenkinsfile_CNP', line: 7 }],
      },
    },
  ],
  invalid: [
    {
      name: 'without a chart the pipeline has nothing of its own to deploy',
      profile: 'service',
      tree: { ...app, Jenkinsfile_CNP: jenkinsfile('Infrastructure') },
      expect: { outcome: 'fail' },
    },
    {
      name: 'another library’s withPipeline is not known to deploy',
      profile: 'service',
      tree: { ...app, ...chart, Jenkinsfile_CNP: jenkinsfile('acme-pipelines') },
      expect: { outcome: 'fail' },
    },
  ],
});
