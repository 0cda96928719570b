/** `readiness aggregate REPORTS…`: an organisation's view over many JSON Reports. */
import { aggregateReports, readInventory } from '../aggregate/index.js';
import { aggregateFormat, renderAggregate } from '../aggregate/render.js';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../util/errors.js';
import { writeAtomic } from '../util/atomic.js';

export interface AggregateFlags {
  inventory?: string;
  config?: string;
  history?: string;
  snapshot?: string;
  staleDays?: string;
  format?: string;
  output?: string;
}

export function aggregateCommand(
  inputs: string[],
  flags: AggregateFlags,
  io: { stdout: (s: string) => void; stderr: (s: string) => void; columns?: number },
): void {
  const format = aggregateFormat(flags.format, flags.output);
  const staleDays = flags.staleDays === undefined ? undefined : Number(flags.staleDays);
  if (staleDays !== undefined && !(Number.isInteger(staleDays) && staleDays >= 0 && staleDays <= 36500))
    throw new UsageError(`--stale-days ${flags.staleDays}: expected a whole number of days from 0 to 36500`);
  if (flags.snapshot !== undefined && !/^[\w.:+-]{1,64}$/.test(flags.snapshot))
    throw new UsageError(`--snapshot ${flags.snapshot}: expected up to 64 letters, digits and . : + - _`);
  // Levels come from a configuration file named here (the same `levels:` key an audit reads).
  const levels = flags.config ? loadConfig('.', flags.config).config.levels : undefined;
  const { aggregate, notes } = aggregateReports({
    inputs,
    ...(flags.inventory ? { inventory: readInventory(flags.inventory) } : {}),
    ...(levels ? { levels } : {}),
    ...(flags.history ? { history: flags.history } : {}),
    ...(flags.snapshot ? { snapshot: flags.snapshot } : {}),
    ...(staleDays !== undefined ? { staleDays } : {}),
  });
  for (const n of notes) io.stderr(`readiness: ${n}\n`);
  const text = renderAggregate(aggregate, format, { width: io.columns ?? 80 });
  if (flags.output) writeAtomic(flags.output, text);
  else io.stdout(text);
}
