/**
 * An options schema loaded on first need. zod is ~0.75 MB of code, a tenth of a small audit's
 * time just to load, and the built-in rules' options are rarely configured: an unset value is
 * the schema's defaults, known without it. A value the config sets is checked by the schema
 * itself, loaded before the rules are selected (`loadOptionSchemas`); `readiness explain` loads
 * them all. The defaults are the schema's own answer for `{}` (a test compares them).
 */
import type { OptionsParse, OptionsSchema, PillarDefinition } from '../types.js';

export class LazyOptions implements OptionsSchema {
  private schema: OptionsSchema | undefined;

  constructor(
    readonly defaults: Readonly<Record<string, unknown>>,
    private readonly loader: () => Promise<OptionsSchema>,
  ) {}

  async load(): Promise<OptionsSchema> {
    this.schema ??= await this.loader();
    return this.schema;
  }

  /** The schema once loaded. */
  get loaded(): OptionsSchema | undefined {
    return this.schema;
  }

  /** zod's `shape` (option names for messages) once loaded, else the defaults, which name them all. */
  get shape(): unknown {
    return (this.schema as { shape?: unknown } | undefined)?.shape ?? this.defaults;
  }

  safeParse(value: unknown): OptionsParse {
    if (this.schema) return this.schema.safeParse(value);
    if (isEmptyRecord(value)) return { success: true, data: structuredClone(this.defaults) };
    throw new Error('rule options checked before their schema was loaded (loadOptionSchemas)');
  }
}

export function lazyOptions(
  defaults: Readonly<Record<string, unknown>>,
  loader: () => Promise<OptionsSchema>,
): LazyOptions {
  return new LazyOptions(defaults, loader);
}

function isEmptyRecord(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    Object.getPrototypeOf(v) === Object.prototype &&
    Reflect.ownKeys(v).length === 0
  );
}

/**
 * Loads the lazy schemas of the rules `wanted` names (full ids; every rule when absent): before
 * selection, those whose options the config sets.
 */
export async function loadOptionSchemas(
  pillars: readonly PillarDefinition[],
  wanted?: (fullId: string) => boolean,
): Promise<void> {
  const loads: Promise<unknown>[] = [];
  for (const p of pillars)
    for (const { rule } of p.rules)
      if (rule.meta.options instanceof LazyOptions && (!wanted || wanted(`${p.id}/${rule.meta.id}`)))
        loads.push(rule.meta.options.load());
  await Promise.all(loads);
}
