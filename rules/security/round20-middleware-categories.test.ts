/**
 * Round 20: security-middleware scores RULES.md's categories the same way on every repository.
 * Headers and CSRF without HTTPS (a Rails app whose force_ssl is left commented) and HTTPS and CSRF
 * without headers (an ASP.NET app with UseHsts and UseAntiforgery) are both three of four — the
 * same partial, each naming the category it lacks.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import rule from './security-middleware.js';

describe('round 20: the same categories found score the same', () => {
  it('Rails: default headers and protect_from_forgery, force_ssl commented out: partial, HTTPS named missing', async () => {
    const run = await runRuleOn(
      rule,
      {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.0'\n",
        'config/application.rb':
          'module Tasks\n  class Application < Rails::Application\n    config.load_defaults 7.0\n  end\nend\n',
        'config/environments/production.rb': 'Rails.application.configure do\n  # config.force_ssl = true\nend\n',
        'app/controllers/application_controller.rb':
          'class ApplicationController < ActionController::Base\n  protect_from_forgery with: :exception\nend\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome, run.message).toBe('partial');
    expect(run.score).toBe(0.75);
    expect(run.message).toContain('no HTTPS redirect/HSTS');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/controllers/application_controller.rb', line: 2, note: 'CSRF protection' }),
    );
  });

  it('ASP.NET: UseHsts and UseAntiforgery without security headers: the same partial, headers named missing', async () => {
    const run = await runRuleOn(
      rule,
      {
        'Budget/Budget.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>',
        'Budget/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\nif (!app.Environment.IsDevelopment())\n{\n    app.UseHsts();\n}\napp.UseHttpsRedirection();\napp.UseAntiforgery();\napp.Run();\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome, run.message).toBe('partial');
    expect(run.score).toBe(0.75);
    expect(run.message).toContain('no security headers');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'Budget/Program.cs', line: 8, note: 'CSRF protection' }),
    );
  });
});
