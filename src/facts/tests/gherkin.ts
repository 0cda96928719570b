/**
 * Gherkin feature files (Cucumber, behave, godog, SpecFlow/Reqnroll): each `Scenario:` (or its
 * synonym `Example:`) is one test; a `Scenario Outline:` (`Scenario Template:`) is one
 * parametrised test that runs once per data row of its `Examples:` tables (the first row of each
 * table is its header). `Background:` runs before every scenario and is not a test. A scenario
 * tagged `@wip`, `@skip`, `@ignore`, `@pending` or `@disabled` counts as skipped.
 */
import type { FileCount } from './digest.js';
import { counter } from './types.js';

export const GHERKIN_GLOBS = ['**/*.feature'];

const SKIP_TAG = /@(?:wip|skip|ignore|pending|disabled)\b/i;

export function countGherkin(text: string): FileCount {
  const lines = text.split('\n');
  const c = counter();
  let outline: { line: number; skipped: boolean; rows: number } | undefined;
  let table: 'header' | 'rows' | undefined;
  let tags = '';
  const flush = () => {
    if (outline) c.add({ line: outline.line, skipped: outline.skipped, params: outline.rows || null });
    outline = undefined;
    table = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '' || l.startsWith('#')) continue;
    if (l.startsWith('@')) {
      tags += ` ${l}`;
      continue;
    }
    const kw =
      /^(Scenario Outline|Scenario Template|Scenario|Example|Examples|Scenarios|Background|Rule|Feature)\s*:/.exec(
        l,
      )?.[1];
    if (kw === 'Examples' || kw === 'Scenarios') {
      table = outline ? 'header' : undefined;
      tags = '';
      continue;
    }
    if (kw) {
      flush();
      const skipped = SKIP_TAG.test(tags);
      tags = '';
      if (kw === 'Scenario Outline' || kw === 'Scenario Template') outline = { line: i + 1, skipped, rows: 0 };
      else if (kw === 'Scenario' || kw === 'Example') c.add({ line: i + 1, skipped });
      continue;
    }
    tags = '';
    if (l.startsWith('|') && outline && table) {
      if (table === 'header') table = 'rows';
      else outline.rows++;
    } else if (table === 'rows') table = undefined;
  }
  flush();
  return { ...c.result(), framework: 'Gherkin' };
}
