/**
 * Blind round 41: names and types taken for a purpose the content does not have, and evidence that
 * reads rather than sets. Each case builds its own small tree.
 */
import { describe, expect, it } from 'vitest';
import architectureDocs from './architecture/architecture-docs.js';
import alerting from './observability/alerting.js';
import healthChecks from './reliability/health-checks.js';
import redundancy from './reliability/redundancy.js';
import resourceLimits from './reliability/resource-limits.js';
import securityMiddleware from './security/security-middleware.js';
import formatting from './quality/formatting.js';
import readme from './architecture/readme.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { githubWorkflow } from '../src/testing/workflows.js';

const TOKENS = [
  '---',
  'name: Acme Admin',
  'description: A calm admin panel.',
  '---',
  '',
  '# Design System: Acme Admin',
  '',
  '## Overview',
  '',
  'Surfaces are white slabs with ink borders; the accent colour marks the active item.',
  '',
  '## Colors',
  '',
  '- **Signal** (#FFD500): active navigation.',
  '- **Ink** (#16181A): primary actions.',
  '',
  '## Typography',
  '',
  '- Display: Hanken Grotesk 32/40.',
  '',
  '## Spacing',
  '',
  '- 4px base grid.',
  '',
  '## Components',
  '',
  '- Buttons: square corners, ink border.',
  '',
].join('\n');

const SYSTEM = [
  '# Design',
  '',
  '## Components',
  '',
  'The API service receives requests and writes jobs to the queue; the worker reads them and stores',
  'results in the database. The web client talks to the API only.',
  '',
].join('\n');

describe('architecture-docs decides a design document by its content', () => {
  it('sets aside a DESIGN.md that is a UI design-token system', async () => {
    const r = await runRuleOn(architectureDocs, { 'DESIGN.md': TOKENS, 'README.md': '# Acme\n\nAn app.\n' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/DESIGN\.md is a visual design system/);
    expect(
      r.evidence.some((e) => e.path === 'DESIGN.md' && /set aside: a visual design system/.test(e.note ?? '')),
    ).toBe(true);
  });
  it('still credits a DESIGN.md that describes the parts', async () => {
    const r = await runRuleOn(architectureDocs, { 'DESIGN.md': SYSTEM });
    expect(r.outcome).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'DESIGN.md', note: 'architecture document' });
  });
  it('an ARCHITECTURE.md with a colour section and a diagram stays the architecture document', async () => {
    const doc = `# Architecture\n\n## Colors\n\nTheme #FFFFFF.\n\n## Typography\n\nInter.\n\n\`\`\`mermaid\ngraph LR\n  web --> api\n\`\`\`\n`;
    const r = await runRuleOn(architectureDocs, { 'ARCHITECTURE.md': doc });
    expect(r.outcome).toBe('pass');
  });
});

const SNS = [
  'resource "aws_sns_topic" "notify" {',
  '  name = "cert-notifications"',
  '}',
  '',
  'resource "aws_sns_topic_subscription" "email" {',
  '  topic_arn = aws_sns_topic.notify.arn',
  '  protocol  = "email"',
  '  endpoint  = var.email',
  '}',
  '',
].join('\n');
const ALARM = [
  'resource "aws_cloudwatch_metric_alarm" "errors" {',
  '  alarm_name          = "lambda-errors"',
  '  comparison_operator = "GreaterThanThreshold"',
  '  threshold           = 1',
  '  alarm_actions       = [aws_sns_topic.notify.arn]',
  '}',
  '',
].join('\n');
const BACKEND = 'terraform {\n  backend "s3" {}\n}\n';

describe('alerting: an SNS topic with subscribers is a channel, not alerting', () => {
  it('an e-mail subscription with no alarm is no alerting, and says so', async () => {
    const r = await runRuleOn(alerting, { 'main.tf': SNS, 'backend.tf': BACKEND }, { profile: 'infrastructure' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(/main\.tf:5 subscribes to an SNS topic .* no alarm or alert rule publishes to it/);
    expect(r.evidence[0]).toMatchObject({ path: 'main.tf', line: 5 });
  });
  it('a subscription that pages an on-call service is routing (partial, no rules)', async () => {
    const paged = SNS.replace('protocol  = "email"', 'protocol  = "https"').replace(
      'var.email',
      '"https://events.pagerduty.com/integration/x/enqueue"',
    );
    const r = await runRuleOn(alerting, { 'main.tf': paged, 'backend.tf': BACKEND }, { profile: 'infrastructure' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/Alert routing is configured \(on-call routing in Terraform\)/);
  });
  it('with an alarm publishing to the topic, the alarm passes and the subscription routes it', async () => {
    const r = await runRuleOn(
      alerting,
      { 'main.tf': SNS + ALARM, 'backend.tf': BACKEND },
      { profile: 'infrastructure' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/routed by SNS topic subscriptions/);
  });
});

const DEPLOY_COMPOSE = [
  'services:',
  '  app:',
  '    image: ghcr.io/acme/app:latest',
  '    restart: unless-stopped',
  '    environment:',
  '      APP_ENV: production',
  '    ports:',
  '      - "80:8080"',
  '    healthcheck:',
  '      test: ["CMD", "curl", "-f", "http://localhost:8080/up"]',
  '',
].join('\n');
const DEV_STACK = [
  'services:',
  '  web.dev:',
  '    build:',
  '      context: ./vendor/devkit/runtimes/8.4',
  '    ports:',
  '      - "${APP_PORT:-80}:80"',
  '    environment:',
  '      XDEBUG_MODE: "${XDEBUG_MODE:-off}"',
  '    volumes:',
  '      - ".:/var/www/html"',
  '',
].join('\n');
const SHIPPED_STACK = DEV_STACK.replace('      - ".:/var/www/html"', '      - "data:/var/lib/app"');
const APP = {
  Dockerfile: 'FROM php:8.4-fpm\nCOPY . /app\nCMD ["php-fpm"]\n',
  'composer.json': '{"require":{"laravel/framework":"^11"}}',
};

describe('a development compose file beside the deployment one is no deployed unit', () => {
  it('health-checks counts only the deployment compose file when the other one runs the checkout', async () => {
    const r = await runRuleOn(healthChecks, {
      ...APP,
      'compose.deploy.yml': DEPLOY_COMPOSE,
      'compose.devkit.yml': DEV_STACK,
    });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'compose.devkit.yml')).toBe(false);
  });
  it('a second compose file that builds and ships no mounted source still counts', async () => {
    const r = await runRuleOn(healthChecks, {
      ...APP,
      'compose.deploy.yml': DEPLOY_COMPOSE,
      'compose.devkit.yml': SHIPPED_STACK,
    });
    expect(r.outcome).toBe('partial');
    expect(r.evidence.some((e) => e.path === 'compose.devkit.yml' && /no healthcheck/.test(e.note ?? ''))).toBe(true);
  });
  it('resource-limits and redundancy leave the development file out as well', async () => {
    const tree = { ...APP, 'compose.deploy.yml': DEPLOY_COMPOSE, 'compose.devkit.yml': DEV_STACK };
    for (const rule of [resourceLimits, redundancy]) {
      const r = await runRuleOn(rule, tree);
      expect(r.evidence.some((e) => e.path === 'compose.devkit.yml')).toBe(false);
    }
  });
});

const EXPRESS_PKG = JSON.stringify({ name: 'web', dependencies: { express: '^4.19.0' } });
const SERVER = [
  "const express = require('express');",
  'const app = express();',
  "app.get('/', (req, res) => res.send('ok'));",
  'app.listen(3000);',
  '',
].join('\n');
const PROBE = [
  'async function allowsFraming(url) {',
  '  const res = await fetch(url);',
  "  const frame = res.headers.get('X-Frame-Options');",
  "  return !frame || frame.toLowerCase() === 'allowall';",
  '}',
  'module.exports = { allowsFraming };',
  '',
].join('\n');
const SETS = [
  'module.exports = (req, res, next) => {',
  "  res.setHeader('X-Frame-Options', 'DENY');",
  '  next();',
  '};',
  '',
].join('\n');

describe('security-middleware: code that reads a header does not set it', () => {
  it('a header read from another response is no security header, and is named as a read', async () => {
    const r = await runRuleOn(securityMiddleware, {
      'package.json': EXPRESS_PKG,
      'src/server.js': SERVER,
      'src/embed.js': PROBE,
    });
    expect(r.message).not.toMatch(/^security headers/);
    expect(
      r.evidence.some((e) => e.path === 'src/embed.js' && /reads a header .* it sets none/.test(e.note ?? '')),
    ).toBe(true);
  });
  it('a header set on the response is still credited', async () => {
    const r = await runRuleOn(securityMiddleware, {
      'package.json': EXPRESS_PKG,
      'src/server.js': SERVER,
      'src/headers.js': SETS,
    });
    expect(r.message).toMatch(/security headers/);
    expect(r.evidence.some((e) => e.path === 'src/headers.js' && e.line === 2)).toBe(true);
  });
});

const pom = (plugin: string) =>
  [
    '<project>',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>org.example</groupId>',
    '  <artifactId>app</artifactId>',
    '  <version>1.0</version>',
    '  <build>',
    '    <plugins>',
    plugin,
    '    </plugins>',
    '  </build>',
    '</project>',
    '',
  ].join('\n');
const FMT = [
  '      <plugin>',
  '        <groupId>com.spotify.fmt</groupId>',
  '        <artifactId>fmt-maven-plugin</artifactId>',
  '        <version>2.25</version>',
  '      </plugin>',
].join('\n');
const SPOTLESS = [
  '      <plugin>',
  '        <groupId>com.diffplug.spotless</groupId>',
  '        <artifactId>spotless-maven-plugin</artifactId>',
  '        <version>2.43.0</version>',
  '        <configuration><java><googleJavaFormat/></java></configuration>',
  '      </plugin>',
].join('\n');

describe('formatting names each JVM formatter plugin by what it is', () => {
  it('fmt-maven-plugin is named so (google-java-format), not Spotless', async () => {
    const r = await runRuleOn(formatting, { 'pom.xml': pom(FMT), 'src/main/java/App.java': 'class App {}\n' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/fmt-maven-plugin/);
    expect(r.message).not.toMatch(/Spotless/);
  });
  it('checked in CI by mvn fmt:check, the plugin keeps its name', async () => {
    const r = await runRuleOn(formatting, {
      'pom.xml': pom(FMT),
      'src/main/java/App.java': 'class App {}\n',
      '.github/workflows/ci.yml': githubWorkflow(['mvn -B fmt:check', 'mvn -B verify']),
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/fmt-maven-plugin/);
    expect(r.message).not.toMatch(/Spotless/);
    expect(r.evidence.map((e) => e.note ?? '').join(' ')).not.toMatch(/Spotless/);
  });
  it('a Spotless plugin is still Spotless', async () => {
    const r = await runRuleOn(formatting, { 'pom.xml': pom(SPOTLESS), 'src/main/java/App.java': 'class App {}\n' });
    expect(r.message).toMatch(/Spotless/);
  });
});

const APP_README = (run: string) =>
  [
    '# Shopfront',
    '',
    'A marketplace where small shops sell to their neighbours. It is a Rails application with a',
    'Postgres database and a Redis queue, deployed as a single web process and one worker.',
    '',
    '## Getting started',
    '',
    '### Requirements',
    '',
    '* Ruby 3.3',
    '* PostgreSQL 15',
    '',
    '### Initial setup',
    '',
    '```bash',
    'bin/setup',
    '```',
    '',
    '## Development',
    '',
    'Run the following to start the server and build assets.',
    '',
    '```bash',
    run,
    '```',
    '',
    '## Testing',
    '',
    '```bash',
    'bin/rails test',
    '```',
    '',
  ].join('\n');

describe('readme: a section that starts the application is its usage, whatever its heading', () => {
  for (const run of ['bin/dev', 'foreman start -f Procfile.dev', 'docker run -p 8080:8080 shopfront']) {
    it(`\`${run}\` under "Development" is usage`, async () => {
      const r = await runRuleOn(readme, { 'README.md': APP_README(run), Gemfile: "gem 'rails'\n" });
      expect(r.outcome).toBe('pass');
      expect(r.evidence.some((e) => e.line === 19 && /usage section/.test(e.note ?? ''))).toBe(true);
    });
  }
  it('a development section that only tests and lints is no usage', async () => {
    const r = await runRuleOn(readme, {
      'README.md': APP_README('bin/rails standard'),
      Gemfile: "gem 'rails'\n",
    });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no usage section/);
  });
});

const RAILS = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'puma'\n",
  'config.ru': "require_relative 'config/environment'\nrun Rails.application\n",
  'config/routes.rb': "Rails.application.routes.draw do\n  root 'home#index'\nend\n",
  'app/controllers/home_controller.rb': 'class HomeController < ApplicationController\n  def index; end\nend\n',
};
const HEROKU_PROCFILE =
  'web: bundle exec puma -C config/puma.rb\nworker: bundle exec sidekiq\nrelease: rake db:migrate\n';

describe('a PaaS process file that declares no instance count', () => {
  it('redundancy fails on it, naming the platform and where a count would go; resource-limits names the same platform', async () => {
    const tree = { ...RAILS, Procfile: HEROKU_PROCFILE };
    const r = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence[0]).toMatchObject({ path: 'Procfile', line: 1 });
    expect(r.evidence[0]!.note).toMatch(
      /Procfile web process .* nothing here declares more than one instance \(on Heroku, app\.json/,
    );
    const limits = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(limits.outcome).toBe('not-applicable');
    expect(limits.message).toMatch(
      /nothing here declares how the service runs beyond a Procfile web process \(Procfile:1/,
    );
  });
  it('on a named platform file with no count (fly.toml), redundancy fails naming the platform', async () => {
    const tree = { ...RAILS, 'fly.toml': 'app = "shop"\n\n[http_service]\n  internal_port = 3000\n' };
    const r = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence[0]!.note).toMatch(
      /Fly\.io runs the service from this file, and nothing here declares more than one instance/,
    );
  });
  it('a formation of two dynos passes', async () => {
    const tree = {
      ...RAILS,
      Procfile: HEROKU_PROCFILE,
      'app.json': JSON.stringify({ formation: { web: { quantity: 2 } } }, null, 2),
    };
    const r = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });
  it('a Procfile of development commands only deploys nothing: not applicable, as resource-limits', async () => {
    const r = await runRuleOn(
      redundancy,
      { ...RAILS, Procfile: 'web: npm run dev\ncss: bin/rails tailwindcss:watch\n' },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toMatch(/nothing here declares how the service runs/);
  });
});
