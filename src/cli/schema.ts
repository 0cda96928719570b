/** `readiness schema config|report|aggregate`: JSON Schemas for editors and consumers. */
import { z } from 'zod';
import { configSchema } from '../config/schema.js';
import { reportSchema } from '../report/schema.js';
import { aggregateSchema } from '../aggregate/schema.js';
import { UsageError } from '../util/errors.js';

export function schemaFor(which: string): string {
  const schemas = { config: configSchema, report: reportSchema, aggregate: aggregateSchema } as const;
  const schema = schemas[which as keyof typeof schemas];
  if (!schema) throw new UsageError(`schema ${which}: expected config, report or aggregate`);
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...json, title: `readiness ${which === 'config' ? 'configuration' : which}` }, null, 2)}\n`;
}
