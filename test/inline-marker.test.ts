/**
 * What an inline `readiness-ignore <rule> -- <reason>` marker gives as its reason: the text up to
 * the comment's closer and the blanks around it (the marker's pattern was rewritten to be linear,
 * see src/engine/audit.ts; these are its boundaries).
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../src/engine/audit.js';
import { memoryIndex, MemorySource } from '../src/testing/memory.js';
import { PILLARS } from '../rules/index.js';

async function reasons(lines: string[]): Promise<(string | undefined)[]> {
  const tree = { 'src/app.py': `${lines.join('\n')}\n` };
  const run = await runAudit({
    files: memoryIndex(tree),
    source: new MemorySource(tree),
    pillars: PILLARS,
    config: {},
  });
  return run.inlineSuppressions.map((m) => m.groups[1]);
}

describe('inline suppression markers', () => {
  it('the reason ends before the comment closer and the blanks around it', async () => {
    expect(
      await reasons([
        '# readiness-ignore security/no-committed-secrets -- revoked key',
        '/* readiness-ignore no-committed-secrets -- fixture   for the docs   */   ',
        '<!-- readiness-ignore architecture-docs --docs only -->\r',
        '{# readiness-ignore x -- keep */ this */ #}',
        `# readiness-ignore x -- after${'\t'.repeat(2000)}many tabs${' '.repeat(2000)}`,
        '# readiness-ignore x --    ',
      ]),
    ).toEqual([
      'revoked key',
      'fixture   for the docs',
      'docs only',
      'keep */ this */',
      `after${'\t'.repeat(2000)}many tabs`,
    ]);
  });
});
