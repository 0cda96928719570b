/**
 * Rule options from the config, checked against the schema the rule declares in its meta: a
 * wrong type or a misspelt key is a usage error naming the key, never a silent default.
 */
import type { OptionsIssue, RuleMeta } from '../types.js';
import { UsageError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';

/**
 * The options the rule will see: the schema's parsed value (defaults filled in), `{}` for a rule
 * that takes none. `where` names the place in the config, e.g. `config rules.quality/tests-present.options`.
 */
export function ruleOptions(
  meta: RuleMeta,
  given: Record<string, unknown> | undefined,
  where: string,
): Record<string, unknown> {
  const schema = meta.options;
  if (!schema) {
    const keys = Object.keys(given ?? {});
    if (keys.length > 0) throw new UsageError(`${where}.${keys[0]}: this rule takes no options`);
    return {};
  }
  const parsed = schema.safeParse(given ?? {});
  if (parsed.success) return (parsed.data ?? {}) as Record<string, unknown>;
  throw new UsageError(issueText(parsed.error.issues[0], where, optionNames(meta)));
}

function issueText(issue: OptionsIssue | undefined, where: string, known: string[]): string {
  if (!issue) return `${where}: invalid options`;
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const key = issue.keys[0]!;
    return `${where}${path ? `.${path}` : ''}.${key}: unknown option${didYouMean(key, known)}`;
  }
  return `${where}${path ? `.${path}` : ''}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
}

/** The option names a schema accepts, where it shows them (a zod object's `shape`). */
export function optionNames(meta: RuleMeta): string[] {
  const shape = (meta.options as { shape?: unknown } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}
