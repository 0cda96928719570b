/**
 * Blind round 48, class "configuration reached through flags": an operator reads its settings from
 * command-line flags (`flag.StringVar`, set by its Deployment's `args:`) and documents them in the
 * chart's values.yaml; config-externalized said "no environment reads in code" (partial). Flags are
 * configuration from outside the code; a service with neither flags nor environment reads still lacks it.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import configExternalized from './architecture/config-externalized.js';

const MAIN = [
  'package main',
  '',
  'import (',
  '\t"flag"',
  '\t"net/http"',
  ')',
  '',
  'func main() {',
  '\tvar addr string',
  '\tflag.StringVar(&addr, "bind-address", ":8080", "The address to listen on.")',
  '\tdelta := flag.Int64("sleep-delta", 60, "Seconds between checks.")',
  '\tflag.Parse()',
  '\t_ = delta',
  '\t_ = http.ListenAndServe(addr, nil)',
  '}',
  '',
].join('\n');

const CHART: Tree = {
  'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
  'charts/app/values.yaml':
    '# -- Address the server binds to.\nbindAddress: ":8080"\n# -- Seconds between checks.\nsleepDelta: 60\n# -- Log level.\nlogLevel: info\n',
};

describe('command-line flags are externalised configuration (round 48)', () => {
  it('passes flags documented in chart values', async () => {
    const r = await runRuleOn(
      configExternalized,
      { 'go.mod': 'module example.org/app\n\ngo 1.22\n', 'cmd/main.go': MAIN, ...CHART },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('Configuration comes from command-line arguments');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'cmd/main.go', line: 10, note: expect.stringContaining('command-line flags') }),
    );
  });

  it('still partial without flags or environment reads: only the documented values', async () => {
    const plain = MAIN.replace(/\tflag\.StringVar[^\n]*\n/, '\taddr := ":8080"\n').replace(
      /\tdelta := [^\n]*\n/,
      '\tdelta := 60\n',
    );
    const r = await runRuleOn(
      configExternalized,
      { 'go.mod': 'module example.org/app\n\ngo 1.22\n', 'cmd/main.go': plain, ...CHART },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('no environment reads in code');
  });
});
