/**
 * Running a synchronous function with a hard time limit. V8 interrupts the running script when
 * the limit passes — even a synchronous infinite loop, or a regular expression backtracking
 * through an exponential number of paths — and the call throws a TimeLimitError.
 *
 * A limit counts the CPU time of the calling thread, not the wall clock: a verdict must not
 * depend on how busy the machine is (a rule that needs half its limit alone was cut short at load
 * 15 and the report changed between two runs). V8's watchdog only knows the wall clock, so a call
 * it interrupts before the thread has spent the limit's CPU runs again with a longer watchdog —
 * up to MAX_STRETCH times the limit of wall time over all attempts. The function must be safe to run again (rules and patterns are pure).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import vm from 'node:vm';

export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
}

/** Wall time a limit may stretch to on a busy machine before the call counts as too slow anyway. */
export const MAX_STRETCH = 8;
/** The share of its limit a call's CPU time must reach when the watchdog fires for it to count as out of time. */
const CPU_SHARE = 0.9;

const stat = Buffer.alloc(96);
let procClock = process.platform === 'linux';

/**
 * CPU time (ms) the calling thread has used: Linux's per-thread scheduler statistics (nanoseconds
 * on a CPU; each scan worker and the main thread are threads of their own); elsewhere the
 * process's user + system time, which also counts the other threads — more than this thread's
 * use, so a limit errs toward stopping, as under the wall clock.
 */
/** How many times the CPU clock was read (tests count reads instead of mocking node:fs). */
export const clockStats = { reads: 0 };

export function threadCpuMs(): number {
  clockStats.reads++;
  if (procClock) {
    try {
      const fd = openSync('/proc/thread-self/schedstat', 'r');
      try {
        const n = readSync(fd, stat, 0, stat.length, 0);
        const ns = Number.parseInt(stat.toString('latin1', 0, n), 10);
        if (Number.isFinite(ns)) return ns / 1e6;
      } finally {
        closeSync(fd);
      }
    } catch {
      // No procfs (a container without /proc, an old kernel): the process clock below.
    }
    procClock = false;
  }
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

// One context and one compiled script serve every call (each call costs one watchdog thread:
// tens of microseconds, so this is for rules and untrusted patterns, not for every file).
const sandbox = vm.createContext({ call: null as null | (() => unknown) });
const invoke = new vm.Script('call()');

/** One call under a watchdog of `wallMs`; true when it finished, false when the watchdog interrupted it. */
function attempt(fn: () => unknown, wallMs: number): boolean {
  sandbox.call = fn;
  try {
    invoke.runInContext(sandbox, { timeout: Math.max(1, Math.round(wallMs)) });
    return true;
  } catch (err) {
    if ((err as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return false;
    throw err;
  } finally {
    sandbox.call = null;
  }
}

/**
 * Attempts of one call: after the watchdog interrupted an attempt that had `stretch` times the
 * limit of wall time and used `usedMs` of CPU, the stretch of the next attempt — the wall time the
 * limit's CPU takes at the load just seen, with a margin, within what is left of MAX_STRETCH limits
 * of wall time over all attempts — or 0 when the call used its CPU limit or has no wall time left.
 */
class Attempts {
  stretch = 1;
  private spent = 0;

  constructor(private readonly timeoutMs: number) {}

  interrupted(usedMs: number): boolean {
    this.spent += this.stretch;
    const left = MAX_STRETCH - this.spent;
    if (usedMs >= this.timeoutMs * CPU_SHARE || left < 0.5) return false;
    const want = (1.25 * this.timeoutMs * this.stretch) / Math.max(usedMs, 1);
    this.stretch = Math.min(left, Math.max(this.stretch * 1.5, want));
    return true;
  }
}

export function withTimeLimit<T>(fn: () => T, timeoutMs: number): T {
  let out: T;
  const run = () => {
    out = fn();
  };
  const tries = new Attempts(timeoutMs);
  for (;;) {
    // The clock is read after an attempt only when the watchdog fired. The reading before it stays:
    // the thread's CPU time at the start is known only by reading it then (the process's clock and
    // bookkeeping between calls count other threads and time off the CPU), and running an attempt
    // unmeasured first would double the wall time of every call that runs out of time.
    const cpu = threadCpuMs();
    if (attempt(run, timeoutMs * tries.stretch)) return out!;
    if (!tries.interrupted(threadCpuMs() - cpu)) break;
  }
  throw new TimeLimitError(`did not finish within ${timeoutMs} ms`);
}

/**
 * Steps 0…count-1, each under its own hard limit of `timeoutMs`, with one watchdog for many steps
 * (each call of withTimeLimit starts and joins a watchdog thread: milliseconds each on a busy
 * machine, seconds over thousands of files). The steps run one after another inside one limited
 * call. When the limit interrupts the step that started the call, that step had its whole limit
 * of wall time: if it also used its limit of CPU, `onTimeout(i)`, and the next step starts a new
 * call; if the machine was too busy to give it that, `undo(i)` and it runs again alone, under a
 * longer watchdog. When the limit interrupts a later step, that step had less than its limit:
 * `undo(i)` takes back what it did, and it runs again at the start of a new call. So each step
 * times out exactly when it would alone. `step` must not throw.
 */
export function eachWithTimeLimit(
  count: number,
  timeoutMs: number,
  step: (i: number) => void,
  onTimeout: (i: number) => void,
  undo: (i: number) => void = () => {},
): void {
  let i = 0;
  let tries: Attempts | undefined;
  const run = () => {
    for (; i < count; i++) step(i);
  };
  // A stretched call runs its one step only: a later step must not get more than its limit.
  const one = () => {
    step(i);
    i++;
  };
  while (i < count) {
    const first = i;
    // One reading per call of many steps, not per step; kept for the reason withTimeLimit keeps its own.
    const cpu = threadCpuMs();
    if (attempt(tries ? one : run, timeoutMs * (tries?.stretch ?? 1))) {
      tries = undefined;
      continue;
    }
    if (i !== first) {
      undo(i);
      tries = undefined;
      continue;
    }
    tries ??= new Attempts(timeoutMs);
    if (tries.interrupted(threadCpuMs() - cpu)) undo(i);
    else {
      onTimeout(i++);
      tries = undefined;
    }
  }
}

/** What a loop checks between its steps: true once it has spent its budget. */
export interface Budget {
  spent(): boolean;
}

/**
 * A budget of wall time that reads no CPU clock: a loop that finishes inside it (nearly every
 * pattern on a file) costs no reading at all. Past it, `spent()` is true with `unmeasured` set: the
 * run is not judged — the caller takes back what it did and runs it again alone under a CpuBudget,
 * from a fresh reading — so a verdict is the CpuBudget's, at the cost of one more budget of wall
 * time for a run that overran it. (A thread's CPU time at a run's start is not known without reading
 * it there: bounds from another reading and the wall time since are not exact.)
 */
export class WallBudget implements Budget {
  private readonly deadline: number;
  unmeasured = false;

  constructor(budgetMs: number) {
    this.deadline = performance.now() + budgetMs;
  }

  spent(): boolean {
    if (performance.now() <= this.deadline) return false;
    this.unmeasured = true;
    return true;
  }
}

/**
 * A CPU budget a loop checks itself between steps (no watchdog: for code that cannot run away
 * between two checks). `spent()` is cheap while the wall clock is inside the budget; past it, it
 * reads the thread's CPU time and allows the rest of the budget, up to MAX_STRETCH times the budget
 * of wall time in all.
 */
export class CpuBudget implements Budget {
  private readonly wallStart = performance.now();
  private readonly cpuStart = threadCpuMs();
  private deadline: number;

  constructor(private readonly budgetMs: number) {
    this.deadline = this.wallStart + budgetMs;
  }

  spent(): boolean {
    const now = performance.now();
    if (now <= this.deadline) return false;
    const used = threadCpuMs() - this.cpuStart;
    if (used >= this.budgetMs || now - this.wallStart >= this.budgetMs * MAX_STRETCH) return true;
    this.deadline = now + (this.budgetMs - used);
    return false;
  }
}
