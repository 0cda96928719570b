/** An error the user caused (bad flag, config, input): one line on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, gateFailed: 1, usage: 2 } as const;
