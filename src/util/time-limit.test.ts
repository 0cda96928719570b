import { describe, expect, it } from 'vitest';
import { CpuBudget, eachWithTimeLimit, MAX_STRETCH, TimeLimitError, withTimeLimit } from './time-limit.js';

/** A step that never ends unless V8 interrupts it (no timing assertion: the limit is the bound). */
const forever = () => {
  for (;;) {
    /* spins until interrupted */
  }
};

/**
 * A runaway step costs at least one limit of wall time (more on a busy machine: the limit counts
 * the thread's CPU time, up to MAX_STRETCH limits of wall time).
 */
const LIMIT = 1_000;

/**
 * Off the CPU for `ms` of wall time, as a thread is while a busy machine runs others: blocked in
 * Atomics.wait, which V8's watchdog still interrupts.
 */
const offCpu = (ms: number) => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

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
    // A step the watchdog interrupts before it used its limit of CPU (here step 1, held off the CPU
    // for 1.5 limits on its first attempt, as a busy machine may hold any step) is undone and run
    // again: the undo takes back what it did, as the contract asks, so the outcome is the same
    // however busy the machine is. (Without an undo, a stall at load 20+ left step 1 done twice.)
    const done: number[] = [];
    const timedOut: number[] = [];
    let held = false;
    eachWithTimeLimit(
      4,
      LIMIT,
      (i) => {
        if (i % 2 === 0) forever();
        done.push(i);
        if (i === 1 && !held) {
          held = true;
          offCpu(1.5 * LIMIT);
        }
      },
      (i) => timedOut.push(i),
      (i) => {
        if (done.at(-1) === i) done.pop();
      },
    );
    expect(done).toEqual([1, 3]);
    expect(timedOut).toEqual([0, 2]);
  });

  it('a step off the CPU for longer than its limit (a busy machine) is not out of time: it runs again, alone, and finishes', () => {
    // Step 1 spends 1.5 limits of wall time and almost no CPU. Interrupted after step 0 in the
    // same call, it is undone and starts a call of its own; interrupted there with its CPU limit
    // unused, it is undone again and tried alone under a longer watchdog, not counted as a timeout.
    const log: string[] = [];
    const timedOut: number[] = [];
    eachWithTimeLimit(
      3,
      200,
      (i) => {
        log.push(`start ${i}`);
        if (i === 1) offCpu(300);
        log.push(`end ${i}`);
      },
      (i) => timedOut.push(i),
      (i) => log.push(`undo ${i}`),
    );
    expect(timedOut).toEqual([]);
    expect(log).toEqual([
      'start 0',
      'end 0',
      'start 1',
      'undo 1',
      'start 1',
      'undo 1',
      'start 1',
      'end 1',
      'start 2',
      'end 2',
    ]);
  });
});

describe('withTimeLimit', () => {
  it('counts CPU time: a call off the CPU past its limit still returns its value', () => {
    let attempts = 0;
    expect(
      withTimeLimit(() => {
        attempts++;
        offCpu(300);
        return 'done';
      }, 200),
    ).toBe('done');
    expect(attempts).toBe(2);
  });

  it('a call that never returns is stopped after at most MAX_STRETCH limits of wall time in all', () => {
    let attempts = 0;
    expect(() =>
      withTimeLimit(() => {
        attempts++;
        forever();
      }, 200),
    ).toThrow(TimeLimitError);
    // Every attempt but the last had a stretch of at least 1.5 times the one before, from 1.
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(Math.ceil(Math.log(MAX_STRETCH * 0.5 + 1) / Math.log(1.5)) + 1);
  });

  it('a call off the CPU for longer than MAX_STRETCH limits is stopped too (the wall time is bounded)', () => {
    expect(() => withTimeLimit(() => offCpu(200 * (MAX_STRETCH + 2)), 200)).toThrow(TimeLimitError);
  });
});

describe('CpuBudget', () => {
  it('is not spent by time off the CPU, and is spent by a loop that uses it', () => {
    const idle = new CpuBudget(40);
    let spent = false;
    for (let i = 0; i < 6; i++) {
      offCpu(20);
      spent ||= idle.spent();
    }
    expect(spent).toBe(false);
    const busy = new CpuBudget(40);
    let n = 0;
    while (!busy.spent()) n++;
    expect(n).toBeGreaterThan(0);
  });
});
