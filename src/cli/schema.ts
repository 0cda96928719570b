/** `readiness schema config|report`: JSON Schemas for editors and consumers. */
import { z } from 'zod';
import { configSchema } from '../config/schema.js';
import { reportSchema } from '../report/schema.js';
import { UsageError } from '../util/errors.js';

export function schemaFor(which: string): string {
  const schema = which === 'config' ? configSchema : which === 'report' ? reportSchema : undefined;
  if (!schema) throw new UsageError(`schema ${which}: expected config or report`);
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return (
    JSON.stringify({ ...json, title: which === 'config' ? 'readiness configuration' : 'readiness report' }, null, 2) +
    '\n'
  );
}
