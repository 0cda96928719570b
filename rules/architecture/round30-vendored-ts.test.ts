import { describe, expect, it } from 'vitest';
import rule from './module-size.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const body = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n');

describe('module-size: vendored copies never lead the evidence (blind round 30)', () => {
  it('a vendors/ folder and a TypeScript copy with its banner under @ts-nocheck are left out', async () => {
    const run = await runRuleOn(
      rule,
      {
        'package.json': '{"name":"pad","dependencies":{"express":"^5.0.0"}}',
        'src/static/js/vendors/farbtastic.ts': body(2300),
        'src/lib/jquery.ts': `// @ts-nocheck\n/*!\n * jQuery JavaScript Library v3.7.1\n * https://jquery.com/\n *\n * Copyright OpenJS Foundation and other contributors\n */\n${body(2300)}`,
        'src/node/pad.ts': body(2100),
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]!.path).toBe('src/node/pad.ts');
    expect(run.evidence.map((e) => e.path)).not.toContain('src/static/js/vendors/farbtastic.ts');
    expect(run.evidence.map((e) => e.path)).not.toContain('src/lib/jquery.ts');
  });
  it("the project's own large file in an ordinary folder still counts", async () => {
    const run = await runRuleOn(
      rule,
      { 'package.json': '{"name":"pad"}', 'src/vendorsync/importer.ts': `// @ts-nocheck\n${body(2100)}` },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.evidence[0]!.path).toBe('src/vendorsync/importer.ts');
  });
});
