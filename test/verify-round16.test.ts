/**
 * readiness verify: wrong verdicts that destroy trust (round 16, seventh session), each on a small
 * document of our own against an in-memory tree: a document inside a sub-project judged against that
 * project, a practice a word search did not find, a citation by line number whose file merely is long
 * enough, and a file whose name shares the claim's words standing in for what a component does.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const rule = (id: string, outcome: string, message = id, evidence: { path: string; line?: number }[] = []) => ({
  id,
  outcome,
  message,
  evidence: evidence.length ? evidence : [{ path: '.' }],
  score: outcome === 'pass' ? 1 : outcome === 'partial' ? 0.5 : 0,
});

describe('a citation by line number is confirmed only by the code it names at that line', () => {
  const calc = ['def helper():', '    return 0', '', '', 'def add(a, b):', '    return a + b', '', '', '', ''];
  const tree: Tree = { 'pyproject.toml': '[project]\nname = "calc"\n', 'lib/calc.py': calc.join('\n') };
  const doc = [
    '# Review', // 1
    '', // 2
    '1. `lib/calc.py:5`', // 3
    '2. `lib/calc.py:5` defines `add`', // 4
    '3. `lib/calc.py:40`', // 5
  ].join('\n');
  const { at } = verifier('REVIEW.md')(tree, doc, reportWith([]));

  it('a file long enough to hold the line is no confirmation: what the line holds is not compared', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain('not compared');
  });
  it('the identifier named, found at the cited line, confirms', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).toContain('add at lib/calc.py:5');
  });
  it('a line beyond the file contradicts', () => {
    expect(at(5).verdict).toBe('contradicted');
  });
});

describe('a practice a word search did not find leaves a done-claim open', () => {
  const tree: Tree = {
    'package.json': '{"name":"share","version":"1.0.0","dependencies":{}}',
    'server/index.js': [
      "const http = require('http');",
      'http.createServer((req, res) => {',
      "  if (!built) { res.end('<h1>Build missing</h1>'); return; }",
      "  res.end('ok');",
      '}).listen(8080);',
    ].join('\n'),
  };
  const doc = [
    '# Status', // 1
    '', // 2
    '- [x] Custom error pages', // 3
    '- [ ] Custom error pages', // 4
  ].join('\n');
  const { at } = verifier('STATUS.md')(tree, doc, reportWith([]));

  it('is unverifiable, saying what was looked for, not contradicted', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain('looked for custom error pages');
  });
  it('a gap the search does not find is still as the document says', () => {
    expect(at(4).verdict).not.toBe('contradicted');
  });
});

describe('a file named like the claim shows a component is there, not what it does nor a run passing', () => {
  const tree: Tree = {
    'package.json': '{"name":"desk","version":"1.0.0","dependencies":{}}',
    'src/components/ui/status-badge.tsx': 'export function StatusBadge() { return null; }\n',
    'src/components/BufferGauge/BufferGauge.css': '.gauge { color: red; }\n',
  };
  const doc = [
    '# UI review', // 1
    '', // 2
    '- [x] Status badges use text and colour', // 3
    '| Area | Result |', // 4
    '|---|---|', // 5
    '| Buffer Gauge | PASS |', // 6
    '', // 7
    '- [x] Status badge component', // 8
  ].join('\n');
  const { at } = verifier('UI.md')(tree, doc, reportWith([]));

  it('behaviour named beside the component stays unverifiable', () => {
    expect(at(3).verdict).toBe('unverifiable');
    expect(at(3).reason).toContain('status-badge.tsx');
  });
  it('a PASS row stays unverifiable: a run reports it', () => {
    expect(at(6).verdict).toBe('unverifiable');
    expect(at(6).reason).toContain('PASS');
  });
  it('a claim that the component exists is confirmed by its file', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
});

describe('a document inside a sub-project is judged against that project', () => {
  const tree: Tree = {
    'Cargo.toml': '[workspace]\nmembers = ["engine"]\n',
    'engine/src/lib.rs': 'pub fn run() {}\n',
    'tool/Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\n',
    'tool/README.md': '# tool\n\nUsage: tool scan .\n',
    'tool/src/main.rs': 'fn main() {}\n',
    'tool/docs/readiness.md': '# readiness\n',
  };
  const report = reportWith([
    rule('architecture/readme', 'fail', 'No README at the repository root'),
    rule('quality/linting', 'pass', 'clippy configured', [{ path: 'engine/clippy.toml' }]),
    rule('observability/health-endpoints', 'fail', 'No health or readiness endpoint found'),
  ]);
  const doc = [
    '# Tool readiness', // 1
    '', // 2
    '- [x] README with usage', // 3
    '- [x] Linting configured', // 4
    '- [x] Health check endpoint', // 5
  ].join('\n');

  it("the project's own README answers, not the repository root", () => {
    const { at } = verifier('tool/docs/readiness.md', true)(tree, doc, report);
    expect(at(3).verdict).not.toBe('contradicted');
    expect(at(3).reason).toContain('tool/README.md');
  });
  it('what a rule found only outside the project confirms nothing of it', () => {
    const { at } = verifier('tool/docs/readiness.md', true)(tree, doc, report);
    expect(at(4).verdict).toBe('unverifiable');
    expect(at(4).reason).toContain('tool/');
  });
  it('what a rule found nowhere in the repository is absent from the project too', () => {
    const { at } = verifier('tool/docs/readiness.md', true)(tree, doc, report);
    expect(at(5).verdict).toBe('contradicted');
  });
  it('a document at the root is still judged against the whole repository', () => {
    const { at } = verifier('READINESS.md', true)(tree, doc, report);
    expect(at(3).verdict).toBe('contradicted');
    expect(at(4).verdict).toBe('confirmed');
  });
});
