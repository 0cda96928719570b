/**
 * Blind round 39: messages that contradicted another rule or the files. Formatting said "not
 * checked in CI" while linting credited a CI lint job with RuboCop; security-middleware credited an
 * API-only Rails app with CSRF protection and trusted hosts (the hosts list of development.rb);
 * authorization called a Spring `@GetMapping` permission check "never used".
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import formatting from './quality/formatting.js';
import securityMiddleware from './security/security-middleware.js';
import authorization from './security/authorization.js';

const rails = (extra: Record<string, string>) => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 8.0'\n",
  'config/application.rb': [
    'module Shelf',
    '  class Application < Rails::Application',
    '    config.load_defaults 8.0',
    '    config.api_only = true',
    '  end',
    'end',
  ].join('\n'),
  'config/environments/production.rb':
    'Rails.application.configure do\n  config.force_ssl = true\n  # config.hosts = ["shelf.example.org"]\nend\n',
  'config/environments/development.rb': "Rails.application.configure do\n  config.hosts << 'shelf'\nend\n",
  'app/controllers/application_controller.rb': 'class ApplicationController < ActionController::API\nend\n',
  ...extra,
});

describe('messages say what the files show', () => {
  it('formatting: a CI lint job that runs RuboCop checks its layout cops; without one, not checked', async () => {
    const ci = [
      'name: ci',
      'on: [push]',
      'jobs:',
      '  lint:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: bin/lint',
    ].join('\n');
    // A step CI runs under a name the command graph does not read as linting stays "not checked".
    const tree = rails({ '.rubocop.yml': 'AllCops:\n  NewCops: enable\n', '.github/workflows/ci.yml': ci });
    const r = await runRuleOn(formatting, tree, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    const without = rails({ '.rubocop.yml': 'AllCops:\n  NewCops: enable\n' });
    expect((await runRuleOn(formatting, without, { profile: 'service' })).message).toMatch(/not checked in CI/);
  });

  it('security-middleware: an API-only Rails app has no CSRF protection, and development hosts are no trusted hosts', async () => {
    const r = await runRuleOn(securityMiddleware, rails({}), { profile: 'service' });
    expect(r.message).not.toMatch(/CSRF protection and|trusted hosts/);
    expect(r.message).toMatch(/API-only Rails app \(config\/application\.rb:4\) has no CSRF protection/);
    const full = rails({
      'config/application.rb':
        'module Shelf\n  class Application < Rails::Application\n    config.load_defaults 8.0\n  end\nend\n',
      'app/controllers/application_controller.rb': 'class ApplicationController < ActionController::Base\nend\n',
    });
    expect((await runRuleOn(securityMiddleware, full, { profile: 'service' })).message).toMatch(/CSRF protection/);
  });

  it('authorization: a permission check a Spring mapping routes to is used; one nothing calls is not', async () => {
    const controller = (annotation: string) => ({
      'build.gradle.kts':
        'plugins { id("org.springframework.boot") version "3.2.0" }\ndependencies { implementation("org.springframework.boot:spring-boot-starter-webflux") }\n',
      'src/main/kotlin/acme/Main.kt':
        'fun main(args: Array<String>) { SpringApplication.run(Main::class.java, *args) }\n',
      'src/main/kotlin/acme/PermissionController.kt': [
        'package acme',
        '',
        '@RestController',
        '@RequestMapping("/api/permissions")',
        'class PermissionController(val client: UserClient) {',
        annotation,
        '    suspend fun checkPermissions(@PathVariable namespace: String, principal: Principal): Permissions =',
        '        client.selfSubjectAccessReview(namespace, principal.name)',
        '}',
      ].join('\n'),
    });
    const routed = await runRuleOn(authorization, controller('    @GetMapping("/{namespace}")'), {
      profile: 'service',
    });
    expect(routed.message).not.toMatch(/never used/);
    const unrouted = await runRuleOn(authorization, controller(''), { profile: 'service' });
    expect(unrouted.message).toMatch(/checkPermissions is defined at .* but never used/);
  });
});
