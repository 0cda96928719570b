/**
 * Blind round 46: retries credited by what the code really does.
 * - A scoped fetch/axios retry wrapper (`@vercel/fetch-retry` wrapping fetch) is a retry library.
 * - Sidekiq jobs that inherit `include Sidekiq::Job` from a base class (`class SendJob < ApplicationJob`
 *   where ApplicationJob is a plain class including Sidekiq::Job) are Sidekiq jobs: retried 25 times with
 *   backoff by default, unless `sidekiq_options retry: false`.
 * - Celery's `autoretry_for`/`retry_backoff` re-runs a task; where no task file makes an outbound call,
 *   the outbound calls themselves are not retried: a job retry (partial), not a pass.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import retries from './retries.js';

describe('retries: scoped retry wrappers (round 46)', () => {
  const tree = (imp: string) => ({
    'package.json': JSON.stringify({
      name: 'svc',
      dependencies: { fastify: '^4.0.0', '@vercel/fetch-retry': '^5.0.0', 'node-fetch': '^2.0.0' },
    }),
    'src/server.ts': "import fastify from 'fastify';\nconst app = fastify();\napp.listen({ port: 3000 });\n",
    'src/client.ts': [
      "import fetch from 'node-fetch';",
      imp,
      'export class Client {',
      '  fetch = fetchRetry(fetch);',
      '  async send(url: string) {',
      "    return this.fetch(url, { method: 'POST' });",
      '  }',
      '}',
    ].join('\n'),
  });
  it('@vercel/fetch-retry imported and applied passes', async () => {
    const r = await runRuleOn(retries, tree("import fetchRetry from '@vercel/fetch-retry';"), { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/client.ts', line: 2 }));
  });
  it('a look-alike scoped package that is not a retry wrapper does not', async () => {
    const r = await runRuleOn(retries, tree("import fetchRetry from '@acme/fetch-retry-ui';"), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
  });
});

const RAILS = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngem 'sidekiq'\ngem 'notifications-ruby-client'\n",
  'config/application.rb': 'module Mailer\n  class Application < Rails::Application\n  end\nend\n',
  'app/services/notify_client.rb': [
    'class NotifyClient',
    '  def deliver(body)',
    "    Net::HTTP.post(URI('https://notify.example/v2'), body)",
    '  end',
    'end',
  ].join('\n'),
  'app/jobs/application_job.rb': ['class ApplicationJob', '  include Sidekiq::Job', 'end'].join('\n'),
  'app/jobs/send_email_job.rb': [
    'class SendEmailJob < ApplicationJob',
    '  sidekiq_options queue: :send_email',
    '  def perform(id)',
    '    NotifyClient.new.deliver(id)',
    '  end',
    'end',
  ].join('\n'),
};

describe('retries: Sidekiq jobs by inheritance (round 46)', () => {
  it('jobs inheriting Sidekiq::Job from a plain base class are retried by Sidekiq’s default', async () => {
    const r = await runRuleOn(retries, RAILS, { profile: 'service' });
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toMatch(/Sidekiq/);
    expect(r.message).toMatch(/25/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/jobs/send_email_job.rb', line: 1 }));
  });
  it('retry: false on the base class turns the default off', async () => {
    const r = await runRuleOn(
      retries,
      {
        ...RAILS,
        'app/jobs/application_job.rb': [
          'class ApplicationJob',
          '  include Sidekiq::Job',
          '  sidekiq_options retry: false',
          'end',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('fail');
  });
});

const DJANGO = {
  'pyproject.toml':
    '[tool.poetry]\nname = "app"\n[tool.poetry.dependencies]\ndjango = "^4"\ncelery = "^5"\nrequests = "^2"\n',
  'app/manage.py': 'import django\n',
  'app/labeling/views.py': [
    'import requests',
    'def predict(url, text):',
    '    return requests.post(url, json={"text": text}, timeout=5).json()',
  ].join('\n'),
  'app/imports/celery_tasks.py': [
    'from celery import shared_task',
    '@shared_task(autoretry_for=(IOError,), retry_backoff=True)',
    'def import_dataset(path):',
    '    with open(path) as f:',
    '        return f.read()',
  ].join('\n'),
};

describe('retries: Celery task retries without an outbound call in the task (round 46)', () => {
  it('autoretry_for on tasks that call nothing outbound is a job retry (partial), not a pass', async () => {
    const r = await runRuleOn(retries, DJANGO, { profile: 'service' });
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toMatch(/Only jobs are retried/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/imports/celery_tasks.py', line: 2 }));
  });
  it('a Celery task with autoretry_for that makes the outbound call itself passes', async () => {
    const r = await runRuleOn(
      retries,
      {
        ...DJANGO,
        'app/imports/celery_tasks.py': [
          'import requests',
          'from celery import shared_task',
          '@shared_task(autoretry_for=(requests.RequestException,), retry_backoff=True)',
          'def push(url):',
          '    requests.post(url, timeout=5)',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
  });
});

describe('retries: job retries beside a start-up reconnect loop are said (round 46)', () => {
  it('the reconnect-loop partial also names the Celery task retries', async () => {
    const r = await runRuleOn(
      retries,
      {
        ...DJANGO,
        'app/core/wait_for_db.py': [
          'import time',
          'from django.db import connection',
          'def wait(max_retries=60):',
          '    for retry in range(max_retries):',
          '        try:',
          '            connection.ensure_connection()',
          '        except Exception:',
          '            print("Database unavailable")',
          '            time.sleep(3)',
          '        else:',
          '            break',
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toMatch(/job retries/);
    expect(r.message).toMatch(/Celery retry/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'app/imports/celery_tasks.py', line: 2 }));
  });
});
