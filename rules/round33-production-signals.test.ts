/**
 * Blind round 33: signals that are not about production credited by observability and operations
 * rules. A request-id log tag set in a staging or development configuration beside the production
 * one is not what production logs; a README "Troubleshoot" section about a failing local test run
 * is not an operations runbook.
 */
import { describe, expect, it } from 'vitest';
import { otherEnvironmentConfig } from '../src/facts/paths.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import structuredLogging from './observability/structured-logging.js';
import runbooks from './operations/runbooks.js';

const rails = (production: string, staging: string) => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'puma'\n",
  'config.ru': 'require_relative "config/environment"\nrun Rails.application\n',
  'app/controllers/application_controller.rb': 'class ApplicationController < ActionController::Base\nend\n',
  'config/environments/production.rb': `Rails.application.configure do\n  config.force_ssl = true\n${production}\nend\n`,
  'config/environments/staging.rb': `Rails.application.configure do\n${staging}\nend\n`,
});
const TAG = '  config.log_tags = [:request_id]';

describe('structured-logging: a non-production environment file is no production evidence (round 33)', () => {
  it('a request-id tag only in staging.rb, commented out in production.rb, earns nothing', async () => {
    const run = await runRuleOn(structuredLogging, rails(`  # ${TAG.trim()}`, TAG), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'config/environments/staging.rb',
        note: expect.stringMatching(/non-production/),
      }),
    );
  });
  it('the same tag in production.rb still earns the request-id credit', async () => {
    const run = await runRuleOn(structuredLogging, rails(TAG, TAG), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'config/environments/production.rb' }));
  });
  it('names environment files only beside a production counterpart', () => {
    const files = (paths: string[]) => ({ exists: (p: string) => paths.includes(p) });
    const rb = files(['config/environments/production.rb']);
    expect(otherEnvironmentConfig(rb, 'config/environments/staging.rb')).toBe(true);
    expect(otherEnvironmentConfig(rb, 'config/environments/development.rb')).toBe(true);
    expect(otherEnvironmentConfig(files([]), 'config/environments/staging.rb')).toBe(false);
    const spring = files(['src/main/resources/application.yml']);
    expect(otherEnvironmentConfig(spring, 'src/main/resources/application-dev.yml')).toBe(true);
    expect(otherEnvironmentConfig(files(['app/settings/prod.py']), 'app/settings/dev.py')).toBe(true);
    expect(otherEnvironmentConfig(files(['appsettings.json']), 'appsettings.Development.json')).toBe(true);
    // Code named for a local variant is a module, not an environment.
    expect(otherEnvironmentConfig(files(['app/storage.py']), 'app/storage_local.py')).toBe(false);
  });
});

const readme = (body: string) =>
  ['# Shelter app', '', '## Running tests', '', 'Run `bin/rails test:all`.', '', '## Troubleshoot', '', body, ''].join(
    '\n',
  );

describe('runbooks: troubleshooting a local test run is no runbook (round 33)', () => {
  const service = (md: string) => ({
    'README.md': md,
    Gemfile: "gem 'rails'\n",
    'config.ru': 'run Rails.application\n',
  });
  it('"System tests Error TCP Connection refused — Fix: chromium install" earns nothing', async () => {
    const run = await runRuleOn(
      runbooks,
      service(readme('- System tests Error TCP Connection refused\n\nFix: chromium install')),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
  it('troubleshooting connection errors in production still counts', async () => {
    const run = await runRuleOn(
      runbooks,
      service(readme('If the production servers log "connection refused" from Postgres, restart the pgbouncer pods.')),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 7 }));
  });
});
