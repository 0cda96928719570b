/**
 * Blind round 25, class "Shipit deploys and rolls back": a `shipit.yml` with `deploy: override:`
 * and `rollback: override:` scripts how the service ships and how a deploy is undone, outside CI.
 * continuous-deployment and rollback read it; each case asserts the verdict and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import continuousDeployment from './operations/continuous-deployment.js';
import rollback from './operations/rollback.js';

const SHIPIT = [
  'machine:', // 1
  '  environment:', // 2
  '    KUBECONFIG: /home/deploy/.kube/config', // 3
  '', // 4
  'dependencies:', // 5
  '  override:', // 6
  '    - "true"', // 7
  '', // 8
  'deploy:', // 9
  '  override:', // 10
  '    - krane render -f config/deploy/$ENVIRONMENT --current-sha=$REVISION | krane deploy library-$ENVIRONMENT prod --stdin', // 11
  '', // 12
  'rollback:', // 13
  '  override:', // 14
  '    - krane render -f config/deploy/$ENVIRONMENT --current-sha=$REVISION | krane deploy library-$ENVIRONMENT prod --stdin', // 15
  '', // 16
  'tasks:', // 17
  '  restart:', // 18
  '    action: Restart application', // 19
  '    steps:', // 20
  '      - krane restart library-$ENVIRONMENT prod', // 21
  '',
].join('\n');

const service = (extra: Tree = {}): Tree => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'puma'\n",
  'config/application.rb': 'module Library\n  class Application < Rails::Application\n  end\nend\n',
  'config/routes.rb': 'Rails.application.routes.draw do\n  resources :books\nend\n',
  Dockerfile: 'FROM ruby:3.3-alpine\nCOPY . /app\nCMD ["bin/rails", "server"]\n',
  'config/deploy/web.yaml.erb': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: registry.example.org/library:<%= current_sha %>',
    '',
  ].join('\n'),
  '.github/workflows/test.yml':
    'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: bin/rails test\n',
  ...extra,
});

describe('round 25: Shipit deploys from shipit.yml', () => {
  it('continuous-deployment passes on the deploy override, cited at its command line', async () => {
    const run = await runRuleOn(continuousDeployment, service({ 'shipit.yml': SHIPIT }), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('Deployment is automated: Shipit deploys scripted in shipit.yml.');
    expect(run.evidence[0]).toMatchObject({ path: 'shipit.yml', line: 11 });
    expect(run.evidence[0]!.note).toContain('Shipit deploy step');
  });
  it('a shipit.yml with only tasks deploys nothing: still no deployment', async () => {
    const tasksOnly = SHIPIT.split('\n').slice(16).join('\n');
    const run = await runRuleOn(continuousDeployment, service({ 'shipit.yml': tasksOnly }), { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
});

describe('round 25: Shipit rolls back from its UI with the rollback override', () => {
  it('rollback passes: the Shipit rollback step and the SHA-tagged image are cited', async () => {
    const run = await runRuleOn(rollback, service({ 'shipit.yml': SHIPIT }), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('a rollback action of the deploy tool (Shipit)');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'shipit.yml', line: 15, note: expect.stringContaining('Shipit rollback step') }),
    );
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'config/deploy/web.yaml.erb', line: 10 }));
  });
  it('without rollback: Shipit reruns the deploy steps on the earlier commit, cited as such', async () => {
    const noRollback = SHIPIT.replace(/rollback:\n {2}override:\n {4}- [^\n]*\n/, '');
    const run = await runRuleOn(rollback, service({ 'shipit.yml': noRollback }), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'shipit.yml', line: 11, note: expect.stringContaining('no rollback: override') }),
    );
  });
  it('without shipit.yml only the versioned image is found: partial', async () => {
    const run = await runRuleOn(rollback, service(), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no written rollback procedure');
  });
});
