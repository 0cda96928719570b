import { describe, expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import cd from './continuous-deployment.js';
import orchestration from './orchestration.js';
import limits from '../reliability/resource-limits.js';

/**
 * Issue 15, blind round 43: a DigitalOcean App Platform spec (`spec.yaml`, `.do/app.yaml`) is one
 * platform fact for every rule. `deploy_on_push: true` is continuous deployment; `instance_size_slug`
 * sizes the instances (resource limits judged, not "no platform files").
 */
const spec = (push: boolean, size: boolean) =>
  `name: shop\nregion: fra\nservices:\n  - name: api\n    dockerfile_path: Dockerfile\n    source_dir: .\n    github:\n      branch: main\n      deploy_on_push: ${push}\n      repo: acme/shop\n    http_port: 8000\n    instance_count: 1\n${size ? '    instance_size_slug: basic-xxs\n' : ''}    routes:\n      - path: /\n`;
const tree = (file: string, text: string) => ({
  'Cargo.toml': '[package]\nname = "shop"\n[dependencies]\nactix-web = "4"\n',
  'src/main.rs': 'use actix_web::{App, HttpServer};\nfn main() {}\n',
  Dockerfile: 'FROM rust:1\nCOPY . .\nCMD ["shop"]\n',
  [file]: text,
});
// A spec.yaml that is no App Platform spec (an OpenAPI document): no platform.
const OPENAPI = 'openapi: 3.0.0\ninfo:\n  title: shop\npaths:\n  /health:\n    get: {}\n';

describe('continuous deployment', () => {
  ruleTester(cd, {
    valid: [
      {
        name: 'deploy_on_push: true in spec.yaml: the platform deploys every push to the branch',
        profile: 'service',
        tree: tree('spec.yaml', spec(true, true)),
        expect: {
          outcome: 'pass',
          message: 'DigitalOcean App Platform deploys on every push to main (spec.yaml: deploy_on_push: true)',
          evidence: [{ path: 'spec.yaml', line: 9, snippet: 'deploy_on_push: true' }],
        },
      },
      {
        name: 'the same in .do/app.yaml',
        profile: 'service',
        tree: tree('.do/app.yaml', spec(true, true)),
        expect: { outcome: 'pass', evidence: [{ path: '.do/app.yaml', line: 9 }] },
      },
    ],
    invalid: [
      {
        name: 'deploy_on_push: false deploys only by hand: no automated deployment',
        profile: 'service',
        tree: tree('spec.yaml', spec(false, true)),
        expect: { outcome: 'fail', message: 'No automated deployment found' },
      },
      {
        name: 'a spec.yaml that is an OpenAPI document is no platform',
        profile: 'service',
        tree: tree('spec.yaml', OPENAPI),
        expect: { outcome: 'fail', message: 'No automated deployment found' },
      },
    ],
  });
});

describe('resource limits', () => {
  ruleTester(limits, {
    valid: [
      {
        name: 'instance_size_slug sizes the instances: judged and passed',
        profile: 'service',
        tree: tree('spec.yaml', spec(true, true)),
        expect: {
          outcome: 'pass',
          evidence: [
            {
              path: 'spec.yaml',
              line: 13,
              snippet: 'instance_size_slug: basic-xxs',
              note: 'DigitalOcean App Platform: the instance size is declared',
            },
          ],
        },
      },
    ],
    invalid: [
      {
        name: 'an app spec without instance_size_slug leaves the platform default: said, not N/A',
        profile: 'service',
        tree: tree('.do/app.yaml', spec(true, false)),
        expect: {
          outcome: 'fail',
          evidence: [{ path: '.do/app.yaml', note: expect.stringContaining('no instance_size_slug in .do/app.yaml') }],
        },
      },
    ],
    notApplicable: [
      {
        name: 'a spec.yaml that is an OpenAPI document declares no platform',
        profile: 'service',
        tree: tree('spec.yaml', OPENAPI),
        expect: { outcome: 'not-applicable', message: 'nothing here declares how the service runs' },
      },
    ],
  });
});

describe('orchestration', () => {
  ruleTester(orchestration, {
    valid: [
      {
        name: 'the app spec is named once as the deployment target',
        profile: 'service',
        tree: tree('spec.yaml', spec(true, true)),
        expect: { outcome: 'pass', message: 'DigitalOcean App Platform' },
      },
    ],
    invalid: [
      {
        name: 'a spec.yaml that is an OpenAPI document is no deployment target',
        profile: 'service',
        tree: tree('spec.yaml', OPENAPI),
        expect: { outcome: 'fail' },
      },
    ],
  });
});
