/**
 * Blind round 37: a Sinatra service whose `GET /` pings Redis and Postgres and returns its version
 * was "no health endpoint". A root route whose handler checks a dependency is a health probe at a
 * non-standard path: partial. A root route that renders a page stays no health endpoint.
 */
import rule from './health-endpoints.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const GEMFILE = "source 'https://rubygems.org'\ngem 'sinatra'\ngem 'redis'\ngem 'pg'\n";
const app = (root: string) =>
  `require 'sinatra/base'\nclass App < Sinatra::Base\n${root}\n  get '/jobs' do\n    Redis.new.ping\n    '[]'\n  end\nend\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a dedicated /health route beside a probing root route still passes',
      profile: 'service',
      tree: {
        Gemfile: GEMFILE,
        'config.ru': "require_relative 'lib/app'\nrun App\n",
        'lib/app.rb': app("  get '/' do\n    redis.ping\n  end\n\n  get '/health' do\n    'ok'\n  end"),
      },
      expect: { outcome: 'pass', message: ['/health'] },
    },
  ],
  invalid: [
    {
      name: 'GET / that pings Redis and reads the database clock is a health probe at a non-standard path',
      profile: 'service',
      tree: {
        Gemfile: GEMFILE,
        'config.ru': "require_relative 'lib/app'\nrun App\n",
        'lib/app.rb': app(
          "  get '/' do\n    JSON.dump(\n      pong: redis_pool.with { |c| c.ping.to_s },\n      now: db['SELECT now()'].first,\n      version: VERSION\n    )\n  end",
        ),
      },
      expect: {
        outcome: 'partial',
        message: ['root route /', 'checks Redis'],
        evidence: [{ path: 'lib/app.rb', line: 3 }],
      },
    },
    {
      name: 'an Express root route that runs SELECT 1 is a health probe at a non-standard path',
      profile: 'service',
      tree: {
        'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '^4.19.0', pg: '^8.0.0' } }),
        'src/server.js':
          "const express = require('express');\nconst app = express();\napp.get('/', async (req, res) => {\n  await pool.query('SELECT 1');\n  res.json({ ok: true });\n});\napp.listen(3000);\n",
      },
      expect: { outcome: 'partial', message: ['root route /', 'the database'] },
    },
    {
      name: 'a root route that renders a page is no health endpoint (the ping belongs to the next route)',
      profile: 'service',
      tree: {
        Gemfile: GEMFILE,
        'config.ru': "require_relative 'lib/app'\nrun App\n",
        'lib/app.rb': app("  get '/' do\n    erb :index\n  end"),
      },
      expect: { outcome: 'fail' },
    },
  ],
});
