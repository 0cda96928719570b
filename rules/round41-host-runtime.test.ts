/**
 * Blind round 41, class "practice provided by the host runtime the project is embedded in": a Go
 * project that is a Caddy module (it imports github.com/caddyserver/caddy/v2 and registers with
 * `caddy.RegisterModule`) runs inside Caddy, which logs JSON through zap and stops gracefully on
 * SIGTERM. Structured logging was "fail" and graceful shutdown "nothing in the application drains".
 */
import { describe, expect, it } from 'vitest';
import structuredLogging from './observability/structured-logging.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';

const GO_MOD = (indirect = false) =>
  `module example.com/hub\n\ngo 1.23\n\nrequire (\n\tgithub.com/caddyserver/caddy/v2 v2.8.4${indirect ? ' // indirect' : ''}\n)\n`;

const MODULE = (register: boolean) =>
  [
    'package hub', // 1
    '', // 2
    'import "github.com/caddyserver/caddy/v2"', // 3
    '', // 4
    'func init() {', // 5
    register ? '\tcaddy.RegisterModule(Hub{})' : '\t_ = Hub{}', // 6
    '}', // 7
    '', // 8
    'type Hub struct{ logger *zap.Logger }', // 9
    '', // 10
    'func (h *Hub) Provision(ctx caddy.Context) error {', // 11
    '\th.logger = ctx.Logger()', // 12
    '\th.logger.Info("hub ready")', // 13
    '\treturn nil', // 14
    '}', // 15
    '',
  ].join('\n');

const tree = (register = true, indirect = false): Tree => ({
  'go.mod': GO_MOD(indirect),
  'hub.go': MODULE(register),
  'cmd/hub/main.go':
    'package main\n\nimport caddycmd "github.com/caddyserver/caddy/v2/cmd"\n\nfunc main() { caddycmd.Main() }\n',
});

describe('round 41: a Caddy module has the host runtime’s logging and shutdown', () => {
  it('structured-logging passes, saying Caddy logs JSON, citing the registration and the logger call', async () => {
    const r = await runRuleOn(structuredLogging, tree(), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/^Logs are structured by the host runtime: the project is a Caddy module \(hub\.go:6\)/);
    expect(r.message).toContain("Caddy's logger (zap), which writes JSON lines by default");
    expect(r.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'hub.go', line: 6 }),
        expect.objectContaining({ path: 'hub.go', line: 12 }),
      ]),
    );
  });

  it('graceful-shutdown passes on the host draining on SIGTERM', async () => {
    const r = await runRuleOn(gracefulShutdown, tree(), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('the host, Caddy, stops gracefully on SIGTERM');
    expect(r.evidence[0]).toMatchObject({ path: 'hub.go', line: 6 });
  });

  it('without the registration, or with Caddy only an indirect dependency, the host provides nothing', async () => {
    for (const t of [tree(false), tree(true, true)]) {
      const log = await runRuleOn(structuredLogging, t, { profile: 'service' });
      expect(log.outcome).not.toBe('pass');
      expect(log.message).not.toContain('host runtime');
      const stop = await runRuleOn(gracefulShutdown, t, { profile: 'service' });
      expect(stop.outcome).not.toBe('pass');
    }
  });
});
