/**
 * Blind round 28, class "too strict where the practice is adequately present": one file-system
 * health route whose loader checks the database and the app itself serves liveness and readiness;
 * any-origin CORS limited to reading static assets opens no API; and fly.toml can size the machine
 * (`[[vm]]`), so a Fly service that does not is judged on it, not set aside as "the platform sets it".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import healthEndpoints from './observability/health-endpoints.js';
import securityMiddleware from './security/security-middleware.js';
import resourceLimits from './reliability/resource-limits.js';

const REMIX: Tree = {
  'package.json':
    '{ "name": "notes", "dependencies": { "@remix-run/node": "^2.9.0", "@remix-run/react": "^2.9.0", "@prisma/client": "^5.14.0" } }\n',
  'app/root.tsx': 'export default function App() { return null; }\n',
  'app/db.server.ts': 'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient();\n',
};

const deepCheck = [
  'import { prisma } from "~/db.server";',
  '',
  'export const loader = async () => {',
  '  try {',
  '    await prisma.note.count();', // 5
  '    return new Response("OK");',
  '  } catch {',
  '    return new Response("ERROR", { status: 500 });',
  '  }',
  '};',
  '',
].join('\n');

const shallowCheck = 'export const loader = async () => new Response("OK");\n';

describe('round 28: one deep health route', () => {
  it('a file-system route whose loader queries the database serves liveness and readiness', async () => {
    const run = await runRuleOn(
      healthEndpoints,
      { ...REMIX, 'app/routes/healthcheck.tsx': deepCheck },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'The health endpoint /healthcheck checks the database before answering: one route serves liveness and readiness.',
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'app/routes/healthcheck.tsx',
        line: 5,
        note: 'the /healthcheck handler checks a dependency',
      }),
    );
  });

  it('a route that only answers OK is a liveness answer: it passes, a readiness check suggested (round 30)', async () => {
    const run = await runRuleOn(
      healthEndpoints,
      { ...REMIX, 'app/routes/healthcheck.tsx': shallowCheck },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Suggestion: a separate readiness route');
  });
});

const RAILS = (cors: string[]): Tree => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'rack-cors'\n",
  'config/application.rb':
    'require "rails/all"\nmodule Courses\n  class Application < Rails::Application\n    config.load_defaults 7.1\n  end\nend\n',
  'app/controllers/application_controller.rb':
    'class ApplicationController < ActionController::Base\n  protect_from_forgery with: :exception\nend\n',
  'config/environments/production.rb': [
    'Rails.application.configure do',
    '  config.force_ssl = true',
    '  config.middleware.insert_before 0, Rack::Cors do',
    ...cors,
    '  end',
    'end',
    '',
  ].join('\n'),
});

describe('round 28: any-origin CORS on static assets only', () => {
  it('origins "*" for GET on the asset path is no open API', async () => {
    const run = await runRuleOn(
      securityMiddleware,
      RAILS([
        '    allow do',
        '      origins "*"',
        '      resource "/assets/*", methods: :get, headers: :any',
        '    end',
      ]),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('CORS (any origin for static assets only)');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'config/environments/production.rb',
        line: 5,
        note: 'any origin only for static assets, read-only (GET): no API is opened to other sites',
      }),
    );
  });

  it('origins "*" on every resource, or writes to the assets, is any origin', async () => {
    for (const resource of [
      '      resource "*", methods: [:get, :post], headers: :any',
      '      resource "/assets/*", methods: :any, headers: :any',
    ]) {
      const run = await runRuleOn(
        securityMiddleware,
        RAILS(['    allow do', '      origins "*"', resource, '    end']),
        {
          profile: 'service',
        },
      );
      expect(run.outcome).toBe('partial');
      expect(run.message).toContain('no CORS restricted to explicit origins');
    }
  });
});

const FLY = (vm: string[]): Tree => ({
  ...REMIX,
  'app/routes/healthcheck.tsx': deepCheck,
  Dockerfile: 'FROM node:20-slim\nCOPY . .\nCMD ["npm", "start"]\n',
  'fly.toml': ['app = "notes"', '', '[[services]]', '  internal_port = 8080', ...vm, ''].join('\n'),
});

describe('round 28: fly.toml sizes the machine', () => {
  it('a fly.toml with [[vm]] memory passes', async () => {
    const run = await runRuleOn(resourceLimits, FLY(['', '[[vm]]', '  memory = "1gb"', '  cpus = 1']), {
      profile: 'service',
    });
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: 'fly.toml', line: 6, note: 'Fly.io: the machine size is declared' });
  });

  it('a fly.toml without [[vm]] fails: the default size applies, set by no one', async () => {
    const run = await runRuleOn(resourceLimits, FLY([]), { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]).toMatchObject({
      path: 'fly.toml',
      note: "Fly.io: no [[vm]] size, memory or cpus in fly.toml, so the platform's default size applies (set it here to size the service)",
    });
  });
});
