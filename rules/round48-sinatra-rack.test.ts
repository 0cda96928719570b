/**
 * Blind round 48: a Sinatra server shipped as a gem mounted a health-check Rack middleware, checked
 * API keys and their push/yank/fetch permissions by hand, kept Sequel migrations under lib/, relied
 * on Sinatra's default Rack::Protection and retried upstream calls in a loop without backoff. Each
 * was "not found".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import databaseMigrations from './architecture/database-migrations.js';
import healthEndpoints from './observability/health-endpoints.js';
import retries from './reliability/retries.js';
import authentication from './security/authentication.js';
import authorization from './security/authorization.js';
import securityMiddleware from './security/security-middleware.js';

const gemspec = [
  'Gem::Specification.new do |spec|', // 1
  '  spec.name = "depot"', // 2
  '  spec.add_runtime_dependency "faraday", "~> 2.0"', // 3
  '  spec.add_runtime_dependency "puma", "~> 6.0"', // 4
  '  spec.add_runtime_dependency "sequel", "~> 5.0"', // 5
  '  spec.add_runtime_dependency "server_health_check-rack", "~> 0.1"', // 6
  '  spec.add_runtime_dependency "sinatra", ">= 1.4", "< 5.0"', // 7
  '  spec.add_runtime_dependency "sqlite3", "~> 1.6"', // 8
  'end', // 9
].join('\n');

const app = {
  'depot.gemspec': gemspec,
  Gemfile: 'source "https://rubygems.org"\ngemspec\n',
  'Gemfile.lock': 'GEM\n  specs:\n    sinatra (4.0.0)\n',
  'lib/depot/config.ru': [
    'require "depot"', // 1
    'use Depot::Health::RackMiddleware', // 2
    'run Depot::Web.new', // 3
  ].join('\n'),
  'lib/depot/health.rb': [
    'require "server_health_check_rack"', // 1
    'module Depot', // 2
    '  module Health', // 3
    '    ServerHealthCheckRack::Checks.check("db_read") { Depot::DB.test_connection }', // 4
    '    RackMiddleware = ServerHealthCheckRack::Middleware', // 5
    '  end', // 6
    'end', // 7
  ].join('\n'),
  'lib/depot/web.rb': [
    'require "sinatra/base"', // 1
    'module Depot', // 2
    '  class Web < Sinatra::Base', // 3
    '    post "/api/v1/gems" do', // 4
    '      ApiKeyAuthorization.protect(self) { auth.check("push"); store(request.body.read) }', // 5
    '    end', // 6
    '  end', // 7
    'end', // 8
  ].join('\n'),
  'lib/depot/api_key_authorization.rb': [
    'module Depot', // 1
    '  class ApiKeyAuthorization', // 2
    '    def self.protect(app)', // 3
    '      app.auth = new(parse_authorization(app.request.env))', // 4
    '      yield', // 5
    '    rescue Depot::NotAuthorizedError => e', // 6
    '      app.headers["WWW-Authenticate"] = "Basic realm=\\"Depot\\""', // 7
    '      app.halt 401, e.message', // 8
    '    end', // 9
    '    def self.parse_authorization(env)', // 10
    '      http_auth = Rack::Auth::Basic::Request.new(env)', // 11
    '      return http_auth.credentials.first if http_auth.provided? && http_auth.basic?', // 12
    '      env["HTTP_AUTHORIZATION"]', // 13
    '    end', // 14
    '  end', // 15
    'end', // 16
  ].join('\n'),
  'lib/depot/authorization.rb': [
    'module Depot', // 1
    '  class Authorization', // 2
    '    VALID_PERMISSIONS = %w[push yank fetch].freeze', // 3
    '    def self.check(auth_key, permission)', // 4
    '      raise NotAuthorizedError, "Authorization key required" if auth_key.to_s.strip.empty?', // 5
    '      auth = self[auth_key]', // 6
    '      raise NotAuthorizedError, "Authorization key is invalid" unless auth', // 7
    '      raise NotAuthorizedError, "Key lacks #{permission} access" unless auth.can?(permission)', // 8
    '    end', // 9
    '  end', // 10
    'end', // 11
  ].join('\n'),
  'lib/depot/http_client.rb': [
    'require "faraday"', // 1
    'module Depot', // 2
    '  class HTTPClient', // 3
    '    def get(path)', // 4
    '      with_retries { @client.get(path) }', // 5
    '    end', // 6
    '    def with_retries(times: 3)', // 7
    '      loop do', // 8
    '        times -= 1', // 9
    '        begin', // 10
    '          return yield', // 11
    '        rescue Faraday::ConnectionFailed => e', // 12
    '          raise(ConnectionError, e.message) unless times > 0', // 13
    '        end', // 14
    '      end', // 15
    '    end', // 16
    '  end', // 17
    'end', // 18
  ].join('\n'),
  'lib/depot/db.rb': [
    'require "sequel"', // 1
    'module Depot', // 2
    '  DB = Sequel.connect("sqlite://depot.db")', // 3
    '  Sequel::Migrator.run(DB, File.expand_path("migrations", __dir__))', // 4
    'end', // 5
  ].join('\n'),
  'lib/depot/migrations/01_gems.rb': [
    'Sequel.migration do', // 1
    '  change do', // 2
    '    create_table :gems do', // 3
    '      primary_key :id', // 4
    '    end', // 5
    '  end', // 6
    'end', // 7
  ].join('\n'),
};

const opts = { profile: 'service' as const };

describe('a Sinatra/Rack service (round 48)', () => {
  it('server_health_check-rack serves /health', async () => {
    const r = await runRuleOn(healthEndpoints, app, opts);
    expect(r.outcome).not.toBe('fail');
    expect(r.message).toContain('/health');
    const { 'lib/depot/health.rb': _, ...none } = app;
    const without = await runRuleOn(
      healthEndpoints,
      { ...none, 'depot.gemspec': gemspec.replace(/^.*server_health_check.*$/m, '') },
      opts,
    );
    expect(without.outcome).toBe('fail');
  });

  it('Sequel.migration files under lib/…/migrations are versioned migrations', async () => {
    const r = await runRuleOn(databaseMigrations, app, opts);
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Sequel');
    // A Ruby file in a migrations folder that is no Sequel migration is not one.
    const other = await runRuleOn(
      databaseMigrations,
      { ...app, 'lib/depot/migrations/01_gems.rb': 'module Depot\n  MIGRATIONS_DIR = "x"\nend\n' },
      opts,
    );
    expect(other.outcome).not.toBe('pass');
  });

  it('Sinatra::Base installs Rack::Protection: headers and CSRF origin checks, not HTTPS', async () => {
    const r = await runRuleOn(securityMiddleware, app, opts);
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'lib/depot/web.rb', line: 3, note: expect.stringContaining('Rack::Protection') }),
    );
    const off = await runRuleOn(
      securityMiddleware,
      {
        ...app,
        'lib/depot/web.rb': app['lib/depot/web.rb'].replace(
          '  class Web < Sinatra::Base',
          '  class Web < Sinatra::Base\n    set :protection, false',
        ),
      },
      opts,
    );
    expect(off.outcome).toBe('fail');
  });

  it('an API key read from the Authorization header and refused with 401 is authentication', async () => {
    const r = await runRuleOn(authentication, app, opts);
    expect(r.outcome).not.toBe('fail');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'lib/depot/api_key_authorization.rb' }));
    const { 'lib/depot/api_key_authorization.rb': _, ...none } = app;
    expect((await runRuleOn(authentication, none, opts)).outcome).toBe('fail');
  });

  it('a per-key permission check that raises unless the key can do the action is authorization', async () => {
    const r = await runRuleOn(authorization, app, opts);
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'lib/depot/authorization.rb', line: 8 }));
    // Refusing only a missing key is authentication, not a permission check.
    const keyOnly = {
      ...app,
      'lib/depot/authorization.rb': app['lib/depot/authorization.rb'].replace(/^.*can\?\(permission\).*$/m, ''),
    };
    expect((await runRuleOn(authorization, keyOnly, opts)).outcome).toBe('fail');
  });

  it('a loop that re-raises once its tries are spent retries without backoff: partial', async () => {
    const r = await runRuleOn(retries, app, opts);
    expect(r.outcome).toBe('partial');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'lib/depot/http_client.rb', line: 13 }));
    const once = {
      ...app,
      'lib/depot/http_client.rb': app['lib/depot/http_client.rb'].replace(
        '          raise(ConnectionError, e.message) unless times > 0',
        '          raise(ConnectionError, e.message)',
      ),
    };
    expect((await runRuleOn(retries, once, opts)).outcome).toBe('fail');
  });
});
