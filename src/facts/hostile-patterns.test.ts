/**
 * Hostile input for the facts' own patterns (round 20 review): each crafted string made a
 * pattern rescan a long run from every one of its characters (seconds of CPU on 40k characters).
 * The assertions are on results and on the patterns' shape, never on time: a regression makes
 * the 200k-character cases run for minutes, which fails the test by its timeout.
 */
import { describe, expect, it } from 'vitest';
import { UNIT_FILE_NAME } from './runtime.js';
import { chartName, defaultRender } from './k8s.js';
import { ASSIGNED_NAME, skipList } from '../../rules/observability/metrics.js';
import { AVA_EXTENSION_KEY, avaExtensions } from './tests/js-config.js';

const LONG = 200_000;

describe('facts patterns on hostile input', () => {
  it('unit file names: a match starts only where a name starts', () => {
    expect(UNIT_FILE_NAME.source.startsWith('(?<![\\w@.-])')).toBe(true);
    expect([...'src: ./ci/build/code-server@.service\n'.matchAll(UNIT_FILE_NAME)].map((m) => m[0])).toEqual([
      'code-server@.service',
    ]);
    expect([...'a.service.b-c.service x.servicez'.matchAll(UNIT_FILE_NAME)].map((m) => m[0])).toEqual([
      'a.service.b-c.service',
    ]);
    expect([...'a'.repeat(LONG).matchAll(UNIT_FILE_NAME)]).toEqual([]);
  });
});

describe('AVA extensions on hostile input', () => {
  it('an extensions key match starts only where a word starts', () => {
    expect(AVA_EXTENSION_KEY.source.startsWith('(?<![a-z0-9])')).toBe(true);
    expect(avaExtensions('export default { extensions: { ts: "module", "mts": "module" } }')).toEqual(['ts', 'mts']);
    expect(avaExtensions(`export default { extensions: { ${'a'.repeat(LONG)} } }`)).toBeUndefined();
    // Many unclosed `extensions: [` heads: the value's end is looked for once, not from each head.
    expect(avaExtensions(`${'extensions:['.repeat(LONG / 12)}`)).toBeUndefined();
    expect(avaExtensions(`${'extensions:['.repeat(LONG / 12)} extensions: { cjs: 1 }`)).toEqual(['cjs']);
    expect(avaExtensions('{ "ava": { "extensions": ["ts", ".tsx"] } }')).toEqual(['ts', 'tsx']);
  });
});

describe('metrics skip lists on hostile input', () => {
  it('the assigned name is captured once, from where it starts, and the keywords tested on it', () => {
    expect(ASSIGNED_NAME.source.startsWith('(?<![\\w.])([\\w.]+)')).toBe(true);
    expect(skipList('LOG_REQUEST_HEADERS_SKIP_ENDPOINT = ["/metrics", "/healthcheck"]')).toBe(true);
    expect(skipList('config.excluded_paths.append("/metrics")')).toBe(true);
    expect(skipList('{"ignore": ["/metrics"]}')).toBe(true);
    expect(skipList('routes = ["/metrics"]  # skip nothing')).toBe(false);
    expect(skipList('app.add_route("/metrics", handler)')).toBe(false);
    expect(skipList(`${'a.'.repeat(LONG / 2)}x`)).toBe(false);
    expect(skipList(`${'skip'.repeat(LONG / 4)}(`)).toBe(false);
  });
});

describe('Helm charts on hostile input', () => {
  it('a templated name: the literal part kept, separators trimmed by index, a long name is the chart name', () => {
    expect(chartName('helm-template-relay', 'sentry')).toBe('sentry-relay (chart)');
    expect(chartName(`__helmValue.a.b${'-'.repeat(150)}relay_.`, 'sentry')).toBe('sentry-relay (chart)');
    expect(chartName(`x${'-'.repeat(LONG)}x`, 'sentry')).toBe('sentry (chart)');
  });

  it('each distinct if-condition is decided once per file, not once per line inside it', () => {
    let lookups = 0;
    const values = new Proxy({ on: { a: 1 }, off: {} } as Record<string, unknown>, {
      get(target, key) {
        lookups++;
        return target[key as string];
      },
    });
    const lines = [
      { text: 'kind: ConfigMap', conditions: [] },
      ...Array.from({ length: 5_000 }, (_, i) => ({ text: `k${i}: v`, conditions: ['on', 'off', '!off'] })),
    ];
    const out = defaultRender(lines, values);
    expect(out).toHaveLength(5_001);
    expect(out.slice(1).every((l) => l === '')).toBe(true);
    expect(lookups).toBeLessThanOrEqual(3);
  });
});
