/**
 * A listener in a program that demonstrates, measures or tests the product does not make the
 * repository a service (blind round 26: a Go cache library became a service for the
 * `http.ListenAndServe` of contrib/memtest/main.go, its memory-test harness). The same listener in
 * the product's own command (cmd/server/) still does. Real facts and scan, on in-memory trees.
 */
import { describe, expect, it } from 'vitest';
import healthEndpoints from '../../rules/observability/health-endpoints.js';
import type { Tree } from '../testing/memory.js';
import { profileOf } from '../testing/profile.js';
import { runRuleOn } from '../testing/rule-tester.js';

// A harness that fills the cache and serves pprof on :8080, the listener on line 9.
const harness = [
  'package main',
  '',
  'import (',
  '\t"net/http"',
  '\t_ "net/http/pprof"',
  ')',
  '',
  'func main() {',
  '\tif err := http.ListenAndServe("0.0.0.0:8080", nil); err != nil {',
  '\t\tpanic(err)',
  '\t}',
  '}',
  '',
].join('\n');

const library: Tree = {
  'go.mod': 'module example.com/lrucache\n\ngo 1.22\n\nrequire github.com/cespare/xxhash/v2 v2.3.0\n',
  'go.sum': '',
  'README.md': '# lrucache\n\nA fast, concurrent cache for Go.\n',
  'cache.go': 'package lrucache\n\n// Cache holds values up to a cost.\ntype Cache struct{}\n',
  'policy.go': 'package lrucache\n\ntype policy struct{}\n',
  'cache_test.go': 'package lrucache\n\nimport "testing"\n\nfunc TestCache(t *testing.T) {}\n',
  'contrib/memtest/main.go': harness,
};

describe('a listener in a demo, benchmark or test-harness program is set aside by the profile', () => {
  it('a Go library whose only listener is contrib/memtest/main.go stays a library, the listener named', async () => {
    const p = await profileOf(library);
    expect(p.id).toBe('library');
    expect(p.reasons.join(' ')).toContain(
      'a server start that does not make a service: contrib/memtest/main.go:9 sits in contributed extras (contrib/)',
    );
    // The rules that need a running service are not applicable to it.
    const run = await runRuleOn(healthEndpoints, library);
    expect(run.outcome).toBe('not-applicable');
  });

  it('the same listener in a memtest/ or bench/ program folder elsewhere, or under examples/, is set aside too', async () => {
    const { 'contrib/memtest/main.go': _h, ...rest } = library;
    const named = await profileOf({ ...rest, 'memtest/main.go': harness });
    expect(named.id).toBe('library');
    expect(named.reasons.join(' ')).toContain('memtest/main.go:9 is a test, benchmark or demo program (memtest/)');
    const bench = await profileOf({ ...rest, 'internal/cache-bench/main.go': harness });
    expect(bench.id).toBe('library');
    expect(bench.reasons.join(' ')).toContain('internal/cache-bench/main.go:9 is a test, benchmark or demo program');
    expect((await profileOf({ ...rest, 'examples/server/main.go': harness })).id).toBe('library');
  });

  it('the same listener in the product command cmd/server/main.go makes a service, with its file and line', async () => {
    const { 'contrib/memtest/main.go': _h, ...rest } = library;
    const tree = { ...rest, 'cmd/server/main.go': harness };
    const p = await profileOf(tree);
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toBe(
      'the code starts a server (cmd/server/main.go:9: if err := http.ListenAndServe("0.0.0.0:8080", nil); err != nil {)',
    );
    const run = await runRuleOn(healthEndpoints, tree);
    expect(run.outcome).not.toBe('not-applicable');
    // A folder that only ends in a harness word is a product folder: `workbench/` serves.
    expect((await profileOf({ ...rest, 'workbench/main.go': harness })).id).toBe('service');
  });
});
