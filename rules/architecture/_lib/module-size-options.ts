/** module-size's options schema, loaded only when they are configured or explained (src/engine/lazy-options.ts). */
import { z } from 'zod';

export const MODULE_SIZE_OPTIONS = z
  .object({
    partialAbove: z.number().int().positive().default(1000).describe('lines above which a file makes it partial'),
    failAbove: z.number().int().positive().default(2000).describe('lines above which a file makes it fail'),
  })
  .strict()
  .refine((o) => o.failAbove >= o.partialAbove, {
    path: ['failAbove'],
    message: 'must be at least partialAbove',
  });
