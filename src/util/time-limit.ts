/**
 * Running a synchronous function with a hard time limit. V8 interrupts the running script when
 * the limit passes — even a synchronous infinite loop, or a regular expression backtracking
 * through an exponential number of paths — and the call throws a TimeLimitError.
 */
import vm from 'node:vm';

export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
}

// One context and one compiled script serve every call (each call costs one watchdog thread:
// tens of microseconds, so this is for rules and untrusted patterns, not for every file).
const sandbox = vm.createContext({ call: null as null | (() => unknown) });
const invoke = new vm.Script('call()');

export function withTimeLimit<T>(fn: () => T, timeoutMs: number): T {
  sandbox.call = fn;
  try {
    return invoke.runInContext(sandbox, { timeout: timeoutMs }) as T;
  } catch (err) {
    if ((err as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new TimeLimitError(`did not finish within ${timeoutMs} ms`);
    throw err;
  } finally {
    sandbox.call = null;
  }
}

/**
 * Steps 0…count-1, each under its own hard limit of `timeoutMs`, with one watchdog for many steps
 * (each call of withTimeLimit starts and joins a watchdog thread: milliseconds each on a busy
 * machine, seconds over thousands of files). The steps run one after another inside one limited
 * call. When the limit interrupts the step that started the call, that step had its whole limit:
 * `onTimeout(i)`, and the next step starts a new call. When it interrupts a later step, that step
 * had less than its limit: `undo(i)` takes back what it did, and it runs again at the start of a
 * new call. So each step times out exactly when it would alone. `step` must not throw.
 */
export function eachWithTimeLimit(
  count: number,
  timeoutMs: number,
  step: (i: number) => void,
  onTimeout: (i: number) => void,
  undo: (i: number) => void = () => {},
): void {
  let i = 0;
  const run = () => {
    for (; i < count; i++) step(i);
  };
  while (i < count) {
    const first = i;
    try {
      withTimeLimit(run, timeoutMs);
    } catch (err) {
      if (!(err instanceof TimeLimitError)) throw err;
      if (i === first) onTimeout(i++);
      else undo(i);
    }
  }
}
