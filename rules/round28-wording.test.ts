/**
 * Blind round 28, class "wording and evidence contradicting the repository": the count of release
 * versions and the evidence's count of version tags agree (date tags said apart); single-stage images
 * that build nothing are not called multi-stage; an empty `http_checks = []` is no health check
 * cited; a commented-out environment read is no read; a "Development" section whose first command
 * is the project's setup step (`make setup`) is its installation.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import releaseManagement from './operations/release-management.js';
import containerImage from './operations/container-image.js';
import healthChecks from './reliability/health-checks.js';
import configExternalized from './architecture/config-externalized.js';
import readme from './architecture/readme.js';

const PHOENIX: Tree = {
  'mix.exs':
    'defmodule Site.MixProject do\n  use Mix.Project\n  def project, do: [app: :site, deps: deps()]\n  defp deps, do: [{:phoenix, "~> 1.7"}]\nend\n',
  'lib/site_web/endpoint.ex': 'defmodule SiteWeb.Endpoint do\n  use Phoenix.Endpoint, otp_app: :site\nend\n',
};

describe('round 28: counts and evidence agree', () => {
  it('release versions and date tags are counted apart, in the message and the evidence', async () => {
    const run = await runRuleOn(releaseManagement, PHOENIX, {
      profile: 'service',
      tags: ['1.7.3', '1.7.2', '1.7.1', '2011-06-14', '2011-06-07'],
    });
    expect(run.message).toMatch(/^Releases are versioned by 3 release version tags in git \(latest 1\.7\.3\)/);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.',
        note: '5 version tags in git (3 release versions, 2 date tags) (newest: 1.7.3, 1.7.2, 1.7.1)',
      }),
    );
    const plain = await runRuleOn(releaseManagement, PHOENIX, {
      profile: 'service',
      tags: ['1.7.3', '1.7.2', '1.7.1'],
    });
    expect(plain.message).toMatch(/^Releases are versioned by 3 version tags in git/);
  });

  it('single-stage images that build nothing are named so, not "multi-stage"', async () => {
    const tree: Tree = {
      ...PHOENIX,
      Dockerfile:
        'FROM registry.example.org/base/java:21-distroless\nCOPY build/libs/app.jar /opt/app/\nCMD ["app.jar"]\n',
      'docker/database/Dockerfile': 'FROM postgres:17-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
    };
    const run = await runRuleOn(containerImage, tree, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      '2 Dockerfiles with single stages that build nothing (no build stage needed) and pinned base images; missing a .dockerignore.',
    );
    const built = await runRuleOn(
      containerImage,
      {
        ...tree,
        'docker/database/Dockerfile':
          'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /out/app /app\n',
      },
      { profile: 'service' },
    );
    expect(built.message).toBe(
      '2 Dockerfiles with multi-stage builds where something is built (1 builds nothing) and pinned base images; missing a .dockerignore.',
    );
  });
});

const FLY = (checks: string[]): string =>
  [
    'app = "site"', // 1
    '', // 2
    '[[services]]', // 3
    '  internal_port = 4000', // 4
    '  http_checks = []', // 5
    '  script_checks = []', // 6
    ...checks,
    '',
  ].join('\n');

describe('round 28: fly.toml health checks', () => {
  it('cites the tcp check, not the empty http_checks list', async () => {
    const run = await runRuleOn(
      healthChecks,
      { ...PHOENIX, 'fly.toml': FLY(['', '  [[services.tcp_checks]]', '    interval = "15s"', '    timeout = "2s"']) },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: 'fly.toml', line: 8, note: 'platform health check' });
  });

  it('empty check lists alone are no health check', async () => {
    const run = await runRuleOn(healthChecks, { ...PHOENIX, 'fly.toml': FLY([]) }, { profile: 'service' });
    expect(run.outcome).toBe('fail');
  });
});

describe('round 28: commented configuration and setup sections', () => {
  it('a commented-out System.get_env is not cited as a read', async () => {
    const run = await runRuleOn(
      configExternalized,
      {
        ...PHOENIX,
        'config/prod.exs':
          'import Config\n# config :site, SiteWeb.Endpoint,\n#   https: [keyfile: System.get_env("SOME_APP_SSL_KEY_PATH")]\n',
        'config/runtime.exs': 'import Config\nsecret = System.get_env("SECRET_KEY_BASE") || raise "missing"\n',
      },
      { profile: 'service' },
    );
    expect(run.evidence.some((e) => e.path === 'config/prod.exs')).toBe(false);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'config/runtime.exs',
        line: 2,
        note: 'reads configuration from the environment',
      }),
    );
  });

  const README = (setup: string) =>
    [
      '# Site',
      '',
      'The site of the school, served by Phoenix: lessons and posts rendered from Markdown.',
      'Lessons are fetched from their own repository when the project is set up.',
      'Posts are compiled into the release.',
      '',
      '## Development',
      '',
      'To get up and running:',
      '',
      '```shell',
      `$ ${setup}`,
      '```',
      '',
      'Then start the server with:',
      '',
      '```shell',
      '$ mix phx.server',
      '```',
      '',
    ].join('\n');

  it('a Development section that starts with the setup step is the installation', async () => {
    const run = await runRuleOn(readme, { ...PHOENIX, 'README.md': README('make setup') }, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'README.md', snippet: 'To get up and running', note: 'installation section' }),
    );
  });

  it('a Development section without a setup step is no installation', async () => {
    const run = await runRuleOn(readme, { ...PHOENIX, 'README.md': README('mix test') }, { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/no installation section/);
  });
});
