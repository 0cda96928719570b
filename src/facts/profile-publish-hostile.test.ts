/** Publishing steps in CI files, read in one pass however many `mvn`/`gradle` words a line holds. */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { publishedLibrary } from './profile.js';

describe('publishing found in CI on hostile input', () => {
  it('a line of many `mvn` and `gradle` words without a goal publishes nothing; a deploy after it is found', () => {
    const noise = `${'mvn '.repeat(60_000)}${'gradle '.repeat(60_000)}`;
    const wf = (run: string) => `on: push\njobs:\n  x:\n    steps:\n      - run: ${noise}\n      - run: ${run}\n`;
    expect(publishedLibrary(memoryIndex({ '.github/workflows/ci.yml': wf('mvn -B verify') }))).toBeUndefined();
    expect(publishedLibrary(memoryIndex({ '.github/workflows/ci.yml': wf('./mvnw -B clean deploy') }))).toBe(
      '.github/workflows/ci.yml:6: mvnw -B clean deploy',
    );
  });
});
