import { describe, expect, it } from 'vitest';
import securityMiddleware from './security/security-middleware.js';
import authorization from './security/authorization.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

// Blind round 37: Ruby/Rack practices of a Sinatra service.
const sinatra = (configRu: string) => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'puma'\ngem 'rack-ssl'\n",
  'config.ru': configRu,
  'lib/app.rb': "require 'sinatra/base'\nclass App < Sinatra::Base\n  get '/jobs' do\n    'ok'\n  end\nend\n",
});

describe('security-middleware: Rack HTTPS enforcement in config.ru', () => {
  it('counts `use Rack::SSL` as HTTPS redirect and HSTS', async () => {
    const r = await runRuleOn(
      securityMiddleware,
      sinatra(
        "require './lib/app'\nunless ENV['RACK_ENV'] == 'test'\n  require 'rack/ssl'\n  use Rack::SSL\nend\nrun App\n",
      ),
      { profile: 'service' },
    );
    // Round 48: Sinatra::Base adds Rack::Protection's headers, so Rack::SSL completes the set.
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('HTTPS');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'config.ru', line: 4 }));
  });
  it('finds no HTTPS enforcement without it', async () => {
    const r = await runRuleOn(securityMiddleware, sinatra("require './lib/app'\nrun App\n"), { profile: 'service' });
    expect(r.message).not.toContain('HTTPS/HSTS found');
  });
});

const api = (guard: string) => ({
  Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'puma'\n",
  'config.ru': "require './lib/api'\nrun Api\n",
  'lib/api.rb': `require 'sinatra/base'\nclass Api < Sinatra::Base\n  helpers do\n    def guest?\n      env['REMOTE_USER'] == 'guest'\n    end\n  end\n  delete '/images/:id' do\n    ${guard}\n    'deleted'\n  end\nend\n`,
});

describe('authorization: Sinatra refusals written after the action (`halt 403 if guest?`)', () => {
  it('counts a role check in the modifier form', async () => {
    const r = await runRuleOn(authorization, api('halt 403 if guest?'), { profile: 'service' });
    expect(r.outcome).not.toBe('fail');
    expect(r.message).toContain('halt 403');
  });
  it('does not count a refusal on something that is no role', async () => {
    const r = await runRuleOn(authorization, api('halt 403 if params[:id].empty?'), { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});
