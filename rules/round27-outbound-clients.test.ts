/**
 * Blind round 27: a Flask service's direct `redis.Redis(…)` clients (and a Supabase client in a
 * Node app) were "no outbound calls", so retries, circuit breakers and timeouts were N/A.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import retries from './reliability/retries.js';
import timeouts from './reliability/timeouts.js';

describe('Redis and SDK clients are outbound calls', () => {
  const flask = {
    'requirements.txt': 'flask==3.0.0\nredis==5.0.1\n',
    'app/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
    'app/events.py': [
      'import redis',
      'from app.config import config',
      '',
      'client = redis.Redis(host=config.redis_host, port=6379)',
      '',
      'def publish(event):',
      '    client.publish("events", event)',
    ].join('\n'),
  };

  it('a direct redis-py client makes retries and timeouts apply; a client without socket_timeout is a finding', async () => {
    expect((await runRuleOn(retries, flask, { profile: 'service' })).outcome).toBe('fail');
    const t = await runRuleOn(timeouts, flask, { profile: 'service' });
    expect(t.outcome).toBe('fail');
    expect(t.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/events.py', line: 4, note: expect.stringMatching(/socket_timeout/) }),
    );
    const bounded = {
      ...flask,
      'app/events.py': flask['app/events.py'].replace('port=6379)', 'port=6379, socket_timeout=5)'),
    };
    expect((await runRuleOn(timeouts, bounded, { profile: 'service' })).outcome).toBe('pass');
  });

  it('without any client, nothing to protect: N/A', async () => {
    const none = {
      'requirements.txt': 'flask==3.0.0\n',
      'app/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
    };
    expect((await runRuleOn(retries, none, { profile: 'service' })).outcome).toBe('not-applicable');
  });

  it('the Supabase client library imported by server code is an outbound client', async () => {
    const tree = {
      'package.json': JSON.stringify({ dependencies: { express: '4', '@supabase/supabase-js': '2' } }),
      'src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(3000);\n",
      'src/db.ts': "import { createClient } from '@supabase/supabase-js';\nexport const sb = createClient(URL, KEY);\n",
    };
    expect((await runRuleOn(retries, tree, { profile: 'service' })).outcome).toBe('fail');
  });
});
