/**
 * readiness verify: classes found on rounds 5–8 together (used for development), each on a small
 * document of our own against an in-memory tree.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const verifyIn = verifier('PROGRESS.md');

describe('a progress checklist: its open boxes say the thing is not done yet', () => {
  const tree: Tree = {
    'requirements.txt': 'fastapi==0.110.0\nslowapi==0.1.9\n',
    'app/main.py': [
      'from fastapi import FastAPI',
      'from slowapi import Limiter',
      'app = FastAPI()',
      'limiter = Limiter(key_func=lambda r: r.client.host)',
    ].join('\n'),
  };
  const doc = [
    '# Shop API progress', //  1
    '', //  2
    'Tick each item off as it lands.', //  3
    '', //  4
    '## Service', //  5
    '', //  6
    '- [✅] FastAPI application', //  7
    '- [ ] Rate limiting on public routes', //  8
    '- [ ] Distributed tracing with OpenTelemetry', //  9
    '- [ ] Deploy the frontend to a CDN', // 10
  ].join('\n');
  const report = reportWith([
    {
      id: 'reliability/rate-limiting',
      outcome: 'pass',
      message: 'Rate limiting found',
      evidence: [{ path: 'app/main.py' }],
    },
  ]);
  const { at, has } = verifyIn(tree, doc, report);

  it('reads "[✅]" as a ticked box', () => {
    expect(has(7)).toBe(true);
    expect(at(7).verdict).not.toBe('contradicted');
  });

  it('an open box for a thing the repository now has is stale: contradicted', () => {
    expect(at(8).verdict).toBe('contradicted');
  });

  // (Issue 16: an open box is work still to do; found absent, nothing it states is confirmed — graders of
  // rounds 30–36 took no open box for a claim, and 17 were confirmed by absence.)
  it('an open box for a thing the repository lacks is not confirmed', () => {
    expect(at(9).verdict).toBe('unverifiable');
  });

  it('an open step ("Deploy the frontend") stays a request', () => {
    expect(has(10)).toBe(false);
  });
});

describe('a checklist whose boxes are all open is a request list', () => {
  const tree: Tree = { 'app/main.py': 'from slowapi import Limiter\nlimiter = Limiter()\n' };
  const doc = ['# Evaluation checklist', '', '- [ ] Rate limiting on public routes', '- [ ] Tracing'].join('\n');
  const { has } = verifyIn(tree, doc, reportWith([]));

  it('claims nothing', () => {
    expect(has(3)).toBe(false);
    expect(has(4)).toBe(false);
  });
});

describe('repository metrics on label lines are counted from the files and the manifests', () => {
  const goFile = (lines: number) =>
    `${['package app', ...Array.from({ length: lines - 1 }, (_, i) => `// line ${i}`)].join('\n')}\n`;
  const tree: Tree = {
    'go.mod': [
      'module example.com/tool',
      '',
      'go 1.22',
      '',
      'require (',
      '\tgithub.com/spf13/cobra v1.8.0',
      '\tgolang.org/x/sync v0.6.0',
      ')',
    ].join('\n'),
    'cmd/tool/main.go': goFile(40),
    'internal/app/app.go': goFile(60),
    'internal/app/app_test.go': goFile(30),
    'vendor/github.com/spf13/cobra/cobra.go': goFile(500),
    'scripts/bridge.py': 'print("hi")\n',
  };
  const doc = [
    'METRICS', //  1
    '', //  2
    '  Go Files:        2', //  3
    '  Go Lines:        101', //  4
    '  Go Test Files:   4', //  5
    '  Python Files:    20 (bridge scripts)', //  6
    '  Go Dependencies: 0', //  7
    '', //  8
    'CHECKS', //  9
    '', // 10
    '  go.mod exists:   ✅', // 11
  ].join('\n');
  const { at } = verifyIn(tree, doc, reportWith([]));

  it("a count of a language's files that holds is confirmed, vendored files left out", () => {
    expect(at(3).verdict).toBe('confirmed');
  });

  it('lines of code within 3 % are confirmed', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toMatch(/100/);
  });

  it('a count of test files that no longer holds is contradicted with both numbers', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toMatch(/4\b.*\b1\b/);
  });

  it('"Python Files: 20 (bridge scripts)" against one file is contradicted', () => {
    expect(at(6).verdict).toBe('contradicted');
  });

  it('"Dependencies: 0" where go.mod requires two modules is contradicted', () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toMatch(/2 go dependencies|holds 2/i);
  });

  it("a mark after a label's colon is its value, not a list below it", () => {
    expect(at(11).verdict).toBe('confirmed');
  });
});

describe('a table of updated versions is compared with the manifest and lock file, also under a pre-deployment check', () => {
  const tree: Tree = {
    Gemfile: "source 'https://rubygems.org'\ngem 'rack', '3.2.5'\ngem 'thor', '1.4.0'\n",
    'Gemfile.lock': [
      'GEM',
      '  remote: https://rubygems.org/',
      '  specs:',
      '    rack (3.2.5)',
      '    thor (1.4.0)',
      '',
      'DEPENDENCIES',
      '  rack',
      '  thor',
    ].join('\n'),
  };
  const doc = [
    '# Release', //  1
    '', //  2
    '## Pre-Deployment Verification', //  3
    '', //  4
    '### ✅ Dependency updates', //  5
    '', //  6
    '| Gem | Old Version | New Version | Why |', //  7
    '|---|---|---|---|', //  8
    '| rack | 3.1.0 | 3.2.4 | security fix |', //  9
    '| thor | 1.3.2 | 1.4.0 | security fix |', // 10
  ].join('\n');
  const { at } = verifyIn(tree, doc, reportWith([]));

  it('the new version the lock file no longer holds is contradicted', () => {
    expect(at(9).verdict, at(9).reason).toBe('contradicted');
    expect(at(9).reason).toMatch(/3\.2\.5/);
  });

  it('the new version the lock file holds is confirmed', () => {
    expect(at(10).verdict, at(10).reason).toBe('confirmed');
  });
});
