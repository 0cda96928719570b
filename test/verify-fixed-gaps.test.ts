/**
 * A table of gaps from an earlier audit, each struck through and marked "✅ CORRIGÉ": the words of
 * absence are the old finding, and the line says the thing is there now. The practice a rule finds
 * confirms it; a word that met the code or a rule that finds nothing leaves it open; never "the
 * document is out of date".
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const verifyIn = verifier('docs/AUDIT.md');
const rule = (id: string, outcome: 'pass' | 'fail', message: string, evidence: { path: string; line?: number }[]) => ({
  id,
  outcome,
  message,
  evidence,
  score: outcome === 'pass' ? 1 : 0,
});

describe('gaps struck through and marked fixed', () => {
  const tree: Tree = {
    'routes/web.php': "<?php\nRoute::middleware('throttle:scan')->group(function () {});\n",
    'app/Jobs/Import.php': '<?php class Import implements ShouldQueue {}\n',
  };
  const report = reportWith([
    rule('reliability/rate-limiting', 'pass', 'Rate limiting found', [{ path: 'routes/web.php', line: 2 }]),
    rule('reliability/timeouts', 'fail', 'No explicit timeouts on outbound calls found', [{ path: '.' }]),
  ]);
  const doc = [
    '# Audit', // 1
    '', // 2
    '| # | Risque | Gravité | Impact | Effort |', // 3
    '|---|--------|---------|--------|--------|', // 4
    '| **3** | ~~Rate limiting scan QR absent~~ | ~~🔴 HAUTE~~ | ~~Brute force~~ | ~~3h~~ ✅ **CORRIGÉ** |', // 5
    '| **9** | ~~Timeouts HTTP absents~~ | ~~🟡 MOYENNE~~ | ~~Lenteur~~ | ~~3h~~ ✅ **CORRIGÉ** |', // 6
    '| **4** | Rate limiting scan QR absent | 🔴 HAUTE | Brute force | 3h |', // 7
  ].join('\n');
  const { at } = verifyIn(tree, doc, report);

  it('the practice a rule finds is what the fixed line says: confirmed', () => {
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).reason).toMatch(/marks this gap fixed, and it is there now/);
  });

  it('a rule that finds nothing leaves a fixed gap open, not contradicted', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });

  it('the same gap not struck through is still the stale finding it was', () => {
    expect(at(7).verdict).toBe('contradicted');
  });
});
