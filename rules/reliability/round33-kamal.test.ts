import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import healthChecks from './health-checks.js';
import redundancy from './redundancy.js';
import resourceLimits from './resource-limits.js';

/**
 * Blind round 33: a Rails app deployed with Kamal (config/deploy.yml) beside a development
 * docker-compose.yml. The Kamal roles are the deployed units: hosts per role are its instances,
 * kamal-proxy checks `/up` before it sends traffic, `options: { memory, cpus }` size the container.
 */
const RAILS = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\ngem 'puma'\n",
  'config/routes.rb':
    'Rails.application.routes.draw do\n  root "home#index"\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n',
  'app/controllers/home_controller.rb': 'class HomeController < ApplicationController\n  def index; end\nend\n',
  Dockerfile:
    'FROM ruby:3.3-slim\nWORKDIR /rails\nCOPY . .\nUSER 1000\nCMD ["./bin/thrust", "./bin/rails", "server"]\n',
  'docker-compose.yml':
    'services:\n  db:\n    image: postgres:16\n  app:\n    build: .\n    ports:\n      - "3000:3000"\n    volumes:\n      - .:/rails\n    depends_on:\n      - db\n',
};

const ONE_HOST = [
  'service: shop', // 1
  'image: example/shop', // 2
  'servers:', // 3
  '  web:', // 4
  '    - shop.example.org', // 5
  'proxy:', // 6
  '  ssl: true', // 7
  '  host: shop.example.org', // 8
  'accessories:', // 9
  '  db:', // 10
  '    image: postgres:16', // 11
  '    host: shop.example.org', // 12
].join('\n');

const TWO_HOSTS = [
  'service: shop', // 1
  'image: example/shop', // 2
  'servers:', // 3
  '  web:', // 4
  '    hosts:', // 5
  '      - 10.0.0.1', // 6
  '      - 10.0.0.2', // 7
  '    options:', // 8
  '      memory: 1g', // 9
  '      memory-reservation: 512m', // 10
  '      cpus: 1', // 11
  'proxy:', // 12
  '  healthcheck:', // 13
  '    path: /healthz', // 14
].join('\n');

describe('round 33: a Kamal deployment is the deployed unit, not the development compose file', () => {
  it('one host, the default /up check, no options: a single instance, a readiness check, no limits', async () => {
    const tree = { ...RAILS, 'config/deploy.yml': ONE_HOST };
    const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(h.outcome).toBe('partial');
    expect(h.evidence.some((e) => e.path === 'config/deploy.yml')).toBe(true);
    expect(h.evidence.some((e) => e.path === 'docker-compose.yml')).toBe(false);
    const d = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(d.outcome).toBe('fail');
    expect(d.evidence[0]).toMatchObject({ path: 'config/deploy.yml', line: 4 });
    expect(d.message).not.toMatch(/PodDisruptionBudget/);
    const r = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence.some((e) => e.path === 'docker-compose.yml')).toBe(false);
  });

  it('a routes file with a long run of spaces after `get` is read in linear time; its /up route still found', async () => {
    const routes = `Rails.application.routes.draw do\n  get${' '.repeat(100_000)}x\n  get ( "up" ) => "rails/health#show"\nend\n`;
    const tree = { ...RAILS, 'config/routes.rb': routes, 'config/deploy.yml': ONE_HOST };
    const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(h.outcome).toBe('partial');
    expect(h.evidence[0]?.note).toMatch(/readinessProbe config\/routes\.rb:3$/);
  });
  it('two hosts, options that size the container, an explicit health check path', async () => {
    const tree = { ...RAILS, 'config/deploy.yml': TWO_HOSTS };
    const d = await runRuleOn(redundancy, tree, { profile: 'service' });
    expect(d.outcome).toBe('pass');
    const r = await runRuleOn(resourceLimits, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'config/deploy.yml' }));
    const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(h.evidence.some((e) => /readiness/.test(e.note ?? '') && e.path === 'config/deploy.yml')).toBe(true);
  });

  it('a worker role without the proxy has no health check', async () => {
    const workers = [
      'service: shop',
      'image: example/shop',
      'servers:',
      '  web:',
      '    - 10.0.0.1',
      '  job:',
      '    hosts:',
      '      - 10.0.0.3',
      '    cmd: bin/jobs',
      'proxy:',
      '  ssl: true',
    ].join('\n');
    const tree = { ...RAILS, 'config/deploy.yml': workers };
    const h = await runRuleOn(healthChecks, tree, { profile: 'service' });
    expect(
      h.evidence.some((e) => /Kamal role job/.test(e.note ?? '') && /no readiness or liveness/.test(e.note ?? '')),
    ).toBe(true);
  });
});
