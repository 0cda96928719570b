import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import databaseMigrations from '../architecture/database-migrations.js';
import circuitBreakers from './circuit-breakers.js';
import retries from './retries.js';
import timeouts from './timeouts.js';

/**
 * Blind round 19: a metrics exporter that dials Redis (redigo) on every scrape makes outbound
 * calls — its dial options are its timeouts, redisc.RetryConn a fixed-delay retry — and a Redis
 * client is no reason to say "no database client".
 */
const GO_REDIS_EXPORTER = {
  'go.mod': [
    'module example.com/kvstat',
    '',
    'go 1.22',
    '',
    'require (',
    '\tgithub.com/gomodule/redigo v1.9.2',
    '\tgithub.com/mna/redisc v1.4.0',
    ')',
  ].join('\n'),
  'collector/conn.go': [
    'package collector', // 1
    '', // 2
    'func (c *Collector) dial(addr string) (redis.Conn, error) {', // 3
    '\topts := []redis.DialOption{', // 4
    '\t\tredis.DialConnectTimeout(c.timeout),', // 5
    '\t\tredis.DialReadTimeout(c.timeout),', // 6
    '\t}', // 7
    '\treturn redis.DialURL(addr, opts...)', // 8
    '}', // 9
    '', // 10
    'func (c *Collector) dialCluster(addr string) (redis.Conn, error) {', // 11
    '\tcl := redisc.Cluster{StartupNodes: []string{addr}}', // 12
    '\tconn, err := cl.Dial()', // 13
    '\tif err != nil {', // 14
    '\t\treturn nil, err', // 15
    '\t}', // 16
    '\treturn redisc.RetryConn(conn, 5, 50*time.Millisecond)', // 17
    '}', // 18
  ].join('\n'),
  'main.go': [
    'package main', // 1
    '', // 2
    'func main() {', // 3
    '\t<-quit', // 4
    '\tctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)', // 5
    '\tdefer cancel()', // 6
    '', // 7
    '\t// stop serving', // 8
    '\tif err := srv.Shutdown(ctx); err != nil {', // 9
    '\t\tlog.Fatal(err)', // 10
    '\t}', // 11
    '}', // 12
  ].join('\n'),
};

describe('Redis dialled by the service is an outbound call', () => {
  it('timeouts cites the dial timeouts, not the shutdown deadline', async () => {
    const r = await runRuleOn(timeouts, GO_REDIS_EXPORTER, { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'collector/conn.go', line: 5 }));
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: 'main.go', line: 5 }));
  });

  it('retries: redisc.RetryConn is a retry at a fixed delay (partial, said so)', async () => {
    const r = await runRuleOn(retries, GO_REDIS_EXPORTER, { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.score).toBe(0.4);
    expect(r.message).toMatch(/redisc\.RetryConn .* up to 5 times, 50\*time\.Millisecond apart/);
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'collector/conn.go', line: 17 }));
  });

  it('circuit-breakers applies (fails) and cites the Redis dial', async () => {
    const r = await runRuleOn(circuitBreakers, GO_REDIS_EXPORTER, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'collector/conn.go', line: 8 }));
  });

  it('database-migrations is N/A because Redis holds no schema, not because there is no client', async () => {
    const r = await runRuleOn(databaseMigrations, GO_REDIS_EXPORTER, { profile: 'service' });
    expect(r.outcome).toBe('not-applicable');
    expect(r.message).toMatch(/^a Redis client \(github\.com\/gomodule\/redigo.*holds no schema to migrate/);
  });
});
