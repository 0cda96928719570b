/**
 * Blind round 25, class "evidence that is false though the level is right": an outbound request's
 * header is no CORS policy, a data-only image runs no process as root, an example's README is no
 * documentation of the service's settings, and a Rails route inside `namespace :internal` is
 * /internal/ping. Each case asserts the verdict and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import configExternalized from './architecture/config-externalized.js';
import healthEndpoints from './observability/health-endpoints.js';
import containerUser from './security/container-user.js';
import securityMiddleware from './security/security-middleware.js';

const express = (extra: string): Tree => ({
  'package.json': JSON.stringify({
    name: 'donations',
    dependencies: { express: '^4.19.0', helmet: '^7.0.0', cors: '^2.8.5', axios: '^1.7.0' },
  }),
  'src/app.js': [
    "const express = require('express');", // 1
    "const helmet = require('helmet');", // 2
    "const cors = require('cors');", // 3
    'const app = express();', // 4
    'app.use(helmet());', // 5
    "app.use(cors({ origin: ['https://donations.example.org'] }));", // 6
    'app.listen(3000);', // 7
    '',
  ].join('\n'),
  'src/paypal.js': [
    "const axios = require('axios');", // 1
    'async function token(id, secret) {', // 2
    '  return axios({', // 3
    "    url: 'https://api-m.paypal.example/v1/oauth2/token',", // 4
    "    method: 'post',", // 5
    '    headers: {', // 6
    "      Accept: 'application/json',", // 7
    "      'Access-Control-Allow-Origin': '*',", // 8
    '    },', // 9
    '    auth: { username: id, password: secret },', // 10
    '  });', // 11
    '}', // 12
    extra, // 13
    'module.exports = { token };',
    '',
  ].join('\n'),
});

describe("round 25: an outbound request's header is not the service's CORS", () => {
  it('the header sent to PayPal is not cited; the explicit-origin policy is', async () => {
    const run = await runRuleOn(securityMiddleware, express(''), { profile: 'service' });
    expect(run.message).not.toContain('any origin');
    expect(JSON.stringify(run.evidence)).not.toContain('src/paypal.js');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'src/app.js', line: 6 }));
  });
  it("a response header written by hand (res.writeHead) is still this service's CORS", async () => {
    const run = await runRuleOn(
      securityMiddleware,
      express("function hook(req, res) { res.writeHead(200, {\n  'Access-Control-Allow-Origin': '*',\n}); }"),
      { profile: 'service' },
    );
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'src/paypal.js', line: 14 }));
  });
});

const operatorImages = (bundleTail: string): Tree => ({
  'go.mod': 'module example.org/queue-operator\n\ngo 1.23\n',
  'cmd/main.go': 'package main\n\nfunc main() {}\n',
  Dockerfile: [
    'FROM golang:1.23 AS build', // 1
    'WORKDIR /src', // 2
    'COPY . .', // 3
    'RUN go build -o /manager ./cmd', // 4
    'FROM gcr.io/distroless/static:nonroot', // 5
    'COPY --from=build /manager /manager', // 6
    'USER 65532:65532', // 7
    'ENTRYPOINT ["/manager"]', // 8
    '',
  ].join('\n'),
  'olm/bundle.Dockerfile': [
    'FROM scratch', // 1
    'LABEL operators.operatorframework.io.bundle.mediatype.v1=plain', // 2
    'LABEL operators.operatorframework.io.bundle.manifests.v1=manifests/', // 3
    'COPY manifests /manifests', // 4
    'COPY metadata /metadata', // 5
    bundleTail, // 6
    '',
  ].join('\n'),
  '.github/workflows/image.yml':
    'on: [push]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t ghcr.io/example/queue-operator:${{ github.sha }} . && docker push ghcr.io/example/queue-operator:${{ github.sha }}\n      - run: docker build -f olm/bundle.Dockerfile -t ghcr.io/example/queue-operator-bundle:${{ github.sha }} olm && docker push ghcr.io/example/queue-operator-bundle:${{ github.sha }}\n',
});

describe('round 25: a data-only image runs no process as root', () => {
  it('a FROM scratch bundle of files is set aside as data-only; the operator image passes', async () => {
    const run = await runRuleOn(containerUser, operatorImages(''), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'olm/bundle.Dockerfile',
        line: 1,
        note: expect.stringContaining('not judged: a data-only image'),
      }),
    );
  });
  it('a FROM scratch image with an ENTRYPOINT runs its binary as root: judged', async () => {
    const run = await runRuleOn(containerUser, operatorImages('ENTRYPOINT ["/manifests/serve"]'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'olm/bundle.Dockerfile',
        line: 1,
        note: expect.stringContaining('runs as root'),
      }),
    );
  });
});

const configured = (extra: Tree): Tree => ({
  'go.mod': 'module example.org/queue-operator\n\ngo 1.23\n',
  'cmd/main.go': 'package main\n\nimport "os"\n\nfunc main() {\n\tns := os.Getenv("OPERATOR_NAMESPACE")\n\t_ = ns\n}\n',
  'docs/examples/custom-config/README.md':
    '# Configuration\n\nThis example sets the queue server configuration of a managed cluster:\n\n```yaml\nadditionalConfig: |\n  log.level = debug\n```\n',
  ...extra,
});

describe("round 25: an example's README is not documentation of the service's settings", () => {
  it("docs/examples/…/README.md's Configuration heading is not cited; nothing else documents the settings", async () => {
    const run = await runRuleOn(configExternalized, configured({}), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(JSON.stringify(run.evidence)).not.toContain('docs/examples');
  });
  it("an agent guide's table of the operator's variables documents them", async () => {
    const guide = [
      '# Working on the operator', // 1
      '', // 2
      '## Environment variables', // 3
      '', // 4
      '| Variable | Default | Meaning |', // 5
      '|---|---|---|', // 6
      '| `OPERATOR_NAMESPACE` | (pod) | Namespace the operator runs in |', // 7
      '| `OPERATOR_SCOPE_NAMESPACE` | (all) | Namespaces to watch |', // 8
      '| `DEFAULT_QUEUE_IMAGE` | `queue:4` | Default image |', // 9
      '',
    ].join('\n');
    const run = await runRuleOn(configExternalized, configured({ 'CLAUDE.md': guide }), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'CLAUDE.md',
        note: expect.stringContaining('documents the environment variables'),
      }),
    );
  });
});

const rails = (routes: string): Tree => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\n",
  'config/application.rb': 'module Shelf\n  class Application < Rails::Application\n  end\nend\n',
  'config/routes.rb': routes,
  'app/controllers/internal/ping_controller.rb':
    'class Internal::PingController < ApplicationController\n  def index\n    render plain: "PONG"\n  end\nend\n',
});

describe('round 25: a Rails route inside namespace :internal is /internal/ping', () => {
  it('the route is reported with its namespace prefix', async () => {
    const routes = [
      'Rails.application.routes.draw do', // 1
      '  resources :books', // 2
      '', // 3
      '  namespace :internal do', // 4
      "    get 'ping' => 'ping#index'", // 5
      '  end', // 6
      'end', // 7
      '',
    ].join('\n');
    const run = await runRuleOn(healthEndpoints, rails(routes), { profile: 'service' });
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'config/routes.rb', line: 5, note: 'health route /internal/ping' }),
    );
  });
  it('a route at the top level keeps its own path; a scope path prefixes it', async () => {
    const routes = [
      'Rails.application.routes.draw do', // 1
      "  get 'ping' => 'ping#index'", // 2
      "  scope path: 'ops' do", // 3
      "    get 'healthz' => 'ping#index'", // 4
      '  end', // 5
      'end', // 6
      '',
    ].join('\n');
    const run = await runRuleOn(healthEndpoints, rails(routes), { profile: 'service' });
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'config/routes.rb', line: 2, note: 'health route /ping' }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'config/routes.rb', line: 4, note: 'health route /ops/healthz' }),
    );
  });
});
