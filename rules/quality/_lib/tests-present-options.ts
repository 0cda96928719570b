/** tests-present's options schema, loaded only when they are configured or explained (src/engine/lazy-options.ts). */
import { z } from 'zod';

export const TESTS_PRESENT_OPTIONS = z
  .object({
    minRatio: z
      .number()
      .positive()
      .max(10)
      .default(0.3)
      .describe('test files per production source file at which the rule passes'),
  })
  .strict();
