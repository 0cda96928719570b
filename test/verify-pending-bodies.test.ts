/**
 * readiness verify: a line confirmed by the unit its words name ("Parent notifications" → notify_parents)
 * is done only in part when that unit's body leaves a TODO ("# TODO: Send actual notification" after
 * setting flags): the unit is there and runs, what the TODO names is not done. Both places are cited. A
 * unit without a TODO is confirmed as before; a class's body is not read for TODOs of its methods.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

describe('a unit whose body leaves a TODO', () => {
  const tree: Tree = {
    'requirements.txt': 'django==4.2.7\n',
    'behavior/views.py': [
      'from django.utils import timezone', // 1
      '', // 2
      'def notify_parents(incident):', // 3
      '    incident.parent_notified = True', // 4
      '    incident.parent_notified_at = timezone.now()', // 5
      '    # TODO: Send actual notification', // 6
      '    incident.save()', // 7
      '', // 8
      'def archive_incidents(queryset):', // 9
      '    for incident in queryset:', // 10
      '        incident.archived = True', // 11
      '        incident.save()', // 12
      '', // 13
    ].join('\n'),
    'src/report-exporter.ts': [
      'export class ReportExporter {', // 1
      '  run() {', // 2
      '    // TODO: stream large reports', // 3
      '    return this.rows.map((r) => r.join(","));', // 4
      '  }', // 5
      '}', // 6
    ].join('\n'),
  };
  const doc = [
    '# Features', // 1
    '', // 2
    '- ✅ Parent notifications', // 3
    '- ✅ Archive incidents', // 4
    '- ✅ Report exporter', // 5
  ].join('\n');
  const { at } = verifier('FEATURES.md')(tree, doc);

  it('the unit is there but its TODO is not done: partial, citing the TODO', () => {
    expect(at(3).verdict).toBe('partially-confirmed');
    expect(at(3).reason).toMatch(/leaves a TODO at behavior\/views\.py:6/);
    expect(at(3).evidence.map((e) => e.line)).toContain(6);
  });
  it('a unit without a TODO is confirmed as before', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it("a class's body is not read for its methods' TODOs", () => {
    expect(at(5).verdict).toBe('confirmed');
  });
});
