/**
 * readiness verify: a document whose status marks an encoding turned into `?` ("- ? Redis caching",
 * "## ? Features Implemented", "**Tests**: ? **3/3 PASSING**") still claims what its lines name. A lost
 * mark reads as the status its line's words or its nearest heading state; where nothing states one it
 * is dropped (status unknown, never guessed). `?? x` in code and a lone question are left alone.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { extractClaims } from '../src/verify/extract.js';
import { restoreLostMarks } from '../src/verify/lost-marks.js';
import { verifier } from './helpers/verify.js';

describe('status marks lost to an encoding', () => {
  const doc = [
    '# ?? Delivery Complete', // 1
    '', // 2
    '**Tests**: ? **3/3 PASSING**', // 3
    '', // 4
    '## ?? What Was Delivered', // 5
    '', // 6
    '- ? Payment gateway module', // 7
    '- ? Invoice exporter', // 8
    '', // 9
    '## Known gaps', // 10
    '', // 11
    '- ? Rate limiter: not implemented', // 12
    '', // 13
    '```csharp', // 14
    'var x = y ?? throw new Exception();', // 15
    '? notAMark', // 16
    '```', // 17
    '', // 18
    '## Misc', // 19
    '', // 20
    '- ? Audit trail', // 21
  ].join('\n');

  it('writes back the status of the line, else of the heading above; drops what nothing states', () => {
    const lines = restoreLostMarks(doc.split('\n'));
    expect(lines[2]).toBe('**Tests**: ✅ **3/3 PASSING**');
    // "What Was Delivered" states nothing, "Delivery Complete" above it does.
    expect(lines[6]).toBe('- ✅ Payment gateway module');
    expect(lines[11]).toBe('- ❌ Rate limiter: not implemented');
    // A lost picture (two `?`) is dropped, not read as a status.
    expect(lines[0]).toBe('# Delivery Complete');
    // Code in a fence keeps its operators.
    expect(lines[14]).toBe(doc.split('\n')[14]);
    expect(lines[15]).toBe('? notAMark');
  });

  it('claims the lines as status lines', () => {
    const claims = extractClaims(doc);
    const on = (n: number) => claims.find((c) => c.line === n);
    expect(on(7)?.asserted).toBe('done');
    expect(on(7)?.loose).toBeFalsy();
    expect(on(12)?.asserted).toBe('not-done');
  });

  it('leaves a document with one stray question mark as it is', () => {
    const lines = ['# Notes', '', '? is this done', '', '- Payment gateway module'];
    expect(restoreLostMarks(lines)).toEqual(lines);
  });

  it('a lost done mark on a file the repository holds is confirmed; one it lacks is not', () => {
    const tree: Tree = {
      'package.json': '{"name":"svc","version":"1.0.0"}',
      'src/index.js': 'module.exports = {};\n',
      'docker-compose.yml': 'services:\n  api:\n    build: .\n',
    };
    const files = [
      '# ?? Delivery complete', // 1
      '', // 2
      '## ? Files delivered', // 3
      '', // 4
      '- ? `docker-compose.yml`', // 5
      '- ? `Dockerfile`', // 6
      '- ? `src/index.js`', // 7
    ].join('\n');
    const { at } = verifier('DELIVERY.md')(tree, files);
    expect(at(5).verdict).toBe('confirmed');
    expect(at(7).verdict).toBe('confirmed');
    expect(at(6).verdict).toBe('contradicted');
  });
});
