/**
 * The command graph stops at a bound (steps, commands) on a CI that fans out without end; that
 * stop was silent, so a tool run beyond it read as "not run in CI" with nothing to say why. The
 * graph now names the bound it reached, and the audit's notes say so.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { commandGraph } from './index.js';

const CI = 'on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash ci.sh\n';

describe('command graph: a bound reached is said, not silent', () => {
  it('a script of 40,000 commands stops the walk at its bound and names it', () => {
    const g = commandGraph(memoryIndex({ '.github/workflows/ci.yml': CI, 'ci.sh': 'echo step\n'.repeat(40_000) }));
    expect(g.spent).toMatch(/^\d[\d,]* (?:steps|commands)$/);
  });

  it('an ordinary CI is followed to its end: no bound named', () => {
    const g = commandGraph(memoryIndex({ '.github/workflows/ci.yml': CI, 'ci.sh': 'npm ci\nnpm test\n' }));
    expect(g.spent).toBeUndefined();
    expect(g.runs.some((r) => r.argv.join(' ') === 'npm test')).toBe(true);
  });
});
