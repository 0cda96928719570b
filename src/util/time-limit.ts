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
