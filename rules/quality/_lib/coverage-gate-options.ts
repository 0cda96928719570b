/** coverage-gate's options schema, loaded only when they are configured or explained (src/engine/lazy-options.ts). */
import { z } from 'zod';

export const COVERAGE_GATE_OPTIONS = z
  .object({
    minPercent: z
      .number()
      .min(0)
      .max(100)
      .default(80)
      .describe('measured line coverage (%, from --coverage) at which the rule passes'),
  })
  .strict();
