/**
 * readiness verify: a figure tied to a keyword ("Polls backend every 30 seconds", "Limite máximo de
 * 1000 caracteres") is confirmed when the product's code holds the number (30000 ms for 30 seconds)
 * with the keyword's stem within three lines; a number without the stem, in a comment, in a test, or
 * a line of several figures settles nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': '{"name":"meters","dependencies":{"react":"^18.0.0"}}\n',
  'src/components/Bell.tsx': [
    'export function Bell() {',
    '  const refreshInterval = 30000;',
    '  useEffect(() => {',
    '    const id = setInterval(load, refreshInterval);',
    '    return () => clearInterval(id);',
    '  }, []);',
    '}',
    '',
  ].join('\n'),
  'src/http/Speech.php': [
    '<?php',
    'class Speech {',
    '    public function convert($request) {',
    "        $request->validate(['text' => 'required|string|max:1000']);",
    '    }',
    '}',
    '',
  ].join('\n'),
  'src/jobs/cleanup.ts': '// runs every 45 seconds\nexport const batch = 45;\n',
  'src/pages/Grid.tsx': 'export const columns = 12;\n',
  'tests/limits.test.ts': 'const maxUpload = 250;\n',
};

describe('a figure tied to a keyword', () => {
  const doc = [
    '# Implementation Summary', // 1
    '', // 2
    '## Notifications', // 3
    '- ✅ Polls backend every 30 seconds for updates', // 4
    '- ✅ Limite máximo de 1000 caracteres', // 5
    '- ✅ Cleanup polls every 45 seconds', // 6
    '- ✅ Upload limited to 250 files', // 7
    '- ✅ Grid refresh every 12 seconds', // 8
    '- ✅ Polls every 30 seconds, up to 5 retries', // 9
  ].join('\n');
  const { at, has } = verifier('SUMMARY.md')(tree, doc, reportWith([]));
  const confirmed = (line: number) => has(line) && at(line).verdict === 'confirmed';

  it('is confirmed by the number in code beside the stem, in the unit the code uses', () => {
    expect(at(4).verdict, at(4).reason).toBe('confirmed');
    expect(at(4).evidence[0]).toMatchObject({ path: 'src/components/Bell.tsx', line: 2 });
    expect(at(5).verdict, at(5).reason).toBe('confirmed');
    expect(at(5).evidence[0]).toMatchObject({ path: 'src/http/Speech.php', line: 4 });
  });
  it('is not confirmed by the number in a comment, in a test, without the stem, or beside other figures', () => {
    expect(confirmed(6)).toBe(false);
    expect(confirmed(7)).toBe(false);
    expect(confirmed(8)).toBe(false);
    expect(confirmed(9)).toBe(false);
  });
});
