/**
 * Every digest the facts ask of the scan is one a worker thread can take: a digest missing from
 * the portable table keeps the files it applies to on the main thread (a SAM-template digest over
 * every YAML file kept the whole 2,000-file test tree of test/scan-worker.test.ts on one thread).
 */
import { describe, expect, it } from 'vitest';
import { FACT_DIGESTS } from '../facts/alongside.js';
import { portableKeys } from './portable.js';

describe('the facts’ digests', () => {
  it('are all portable to the scan’s worker threads', async () => {
    const portable = await portableKeys(FACT_DIGESTS);
    expect(FACT_DIGESTS.map((d) => d.key).filter((k) => !portable.has(k))).toEqual([]);
  });
});
