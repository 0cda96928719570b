import { describe, expect, it } from 'vitest';
import { eachWithTimeLimit } from './time-limit.js';

/** A step that never ends unless V8 interrupts it (no timing assertion: the limit is the bound). */
const forever = () => {
  for (;;) {
    /* spins until interrupted */
  }
};

/**
 * The limit is wall-clock time, so a step that does nothing must still start and finish inside it
 * while the process waits for a core: at load 17 on 2 cores a 100 ms limit interrupted a step
 * before it ran ([3] instead of [1, 3]). A second is far beyond any such wait and costs one second
 * per runaway step here.
 */
const LIMIT = 1_000;

describe('eachWithTimeLimit', () => {
  it('interrupts only the step that runs past its own limit; the others finish, in order', () => {
    const done: number[] = [];
    const timedOut: number[] = [];
    eachWithTimeLimit(
      5,
      LIMIT,
      (i) => (i === 2 ? forever() : void done.push(i)),
      (i) => timedOut.push(i),
    );
    expect(done).toEqual([0, 1, 3, 4]);
    expect(timedOut).toEqual([2]);
  });

  it('a step interrupted after other steps of its call is undone and run again with a whole limit of its own', () => {
    // Step 1 runs away only on its first attempt: interrupted there, it must not count as timed
    // out, since it did not start the call (step 0 did); its second attempt finishes.
    let attempts = 0;
    const log: string[] = [];
    const timedOut: number[] = [];
    eachWithTimeLimit(
      3,
      LIMIT,
      (i) => {
        log.push(`start ${i}`);
        if (i === 1 && ++attempts === 1) forever();
        log.push(`end ${i}`);
      },
      (i) => timedOut.push(i),
      (i) => log.push(`undo ${i}`),
    );
    expect(timedOut).toEqual([]);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'undo 1', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('several runaway steps each cost one limit and the rest still run', () => {
    const done: number[] = [];
    const timedOut: number[] = [];
    eachWithTimeLimit(
      4,
      LIMIT,
      (i) => (i % 2 === 0 ? forever() : void done.push(i)),
      (i) => timedOut.push(i),
    );
    expect(done).toEqual([1, 3]);
    expect(timedOut).toEqual([0, 2]);
  });
});
