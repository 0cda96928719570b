/**
 * Blind round 39: a Rails API called another service through its domain client gem
 * (`dor-services-client`, configured in config/initializers and called from controllers and jobs),
 * yet retries, timeouts and circuit breakers said "no outbound calls" and were N/A. A package named
 * as a service's client or SDK is an outbound client in any ecosystem; a telemetry or database
 * client so named is not.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import { isServiceClientName } from '../src/facts/outbound.js';
import circuitBreakers from './reliability/circuit-breakers.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';

const rails = (gems: string[]) => ({
  Gemfile: ["source 'https://rubygems.org'", "gem 'rails', '~> 8.0'", ...gems.map((g) => `gem '${g}'`)].join('\n'),
  'config/application.rb': 'module Catalog\n  class Application < Rails::Application\n  end\nend\n',
  'config/initializers/catalog_client.rb':
    'Catalog::Records::Client.configure(url: Settings.records.url, token: Settings.records.token)\n',
  'app/controllers/records_controller.rb': [
    'class RecordsController < ApplicationController',
    '  def show',
    '    render json: Catalog::Records::Client.object(params[:id]).find',
    '  end',
    'end',
  ].join('\n'),
});

describe('a service client gem or package is an outbound call', () => {
  it('a Gemfile client gem makes retries, timeouts and circuit breakers apply', async () => {
    const tree = rails(['catalog-records-client']);
    for (const rule of [retries, timeouts, circuitBreakers]) {
      const r = await runRuleOn(rule, tree, { profile: 'service' });
      expect(r.outcome, rule.meta.id).not.toBe('not-applicable');
      expect(r.evidence).toContainEqual(
        expect.objectContaining({ path: 'Gemfile', note: expect.stringMatching(/catalog-records-client/) }),
      );
    }
  });

  it('a metrics client named *-client is no outbound call: N/A stays', async () => {
    const tree = rails(['prometheus-client', 'statsd-client']);
    expect((await runRuleOn(retries, tree, { profile: 'service' })).outcome).toBe('not-applicable');
  });

  it('a Python service client package counts; prometheus_client does not', async () => {
    const app = 'from flask import Flask\napp = Flask(__name__)\n';
    const withClient = { 'requirements.txt': 'flask==3.0.0\ngoogle-api-python-client==2.1\n', 'app/__init__.py': app };
    expect((await runRuleOn(timeouts, withClient, { profile: 'service' })).outcome).not.toBe('not-applicable');
    const metricsOnly = { 'requirements.txt': 'flask==3.0.0\nprometheus_client==0.20\n', 'app/__init__.py': app };
    expect((await runRuleOn(timeouts, metricsOnly, { profile: 'service' })).outcome).toBe('not-applicable');
  });

  it('names: service clients and SDKs in, telemetry, drivers, browser sockets and bare names out', () => {
    for (const n of [
      'dor-services-client',
      'slack-ruby-client',
      '@hubspot/api-client',
      'hubspot-api-client',
      'google_api_python_client',
      'org.keycloak:keycloak-admin-client',
      'launchdarkly-server-sdk',
    ])
      expect(isServiceClientName(n), n).toBe(true);
    for (const n of [
      'prom-client',
      'prometheus_client',
      'sentry-sdk',
      'opentelemetry-sdk',
      'org.mariadb.jdbc:mariadb-java-client',
      'influxdb-client',
      'socket.io-client',
      '@prisma/client',
      '@apollo/client',
      'client',
      'spring-boot-starter-oauth2-client',
    ])
      expect(isServiceClientName(n), n).toBe(false);
  });
});
