import { describe, expect, it } from 'vitest';
import rule from './architecture-docs.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 49: a framework's boilerplate README in a components folder ("# COMPONENTS" ⏎ "This
 * directory is not required, you can delete it…") was credited as "an architecture section". The
 * title of a folder's README that is the folder's own name says what the folder holds. A folder
 * README titled for the architecture, or a Components section in the root README, still counts.
 */
const APP = {
  'package.json': JSON.stringify({ name: 'camp', dependencies: { nuxt: '^3.0.0' } }),
  'README.md': '# Camp\n\nPlan summer camps together.\n',
};
const BOILERPLATE =
  '# COMPONENTS\n\n**This directory is not required, you can delete it if you do not want to use it.**\n\nThe components directory contains your Vue.js components.\n\nNuxt does not supercharge these components.\n';

describe('architecture-docs: a folder README titled with the folder name (blind round 49)', () => {
  it('"# COMPONENTS" in components/README.md is no architecture section', async () => {
    const r = await runRuleOn(rule, { ...APP, 'print/components/README.md': BOILERPLATE }, { profile: 'service' });
    expect(r.outcome, r.message).toBe('fail');
    expect(r.evidence.some((e) => e.path === 'print/components/README.md')).toBe(false);
  });
  it('the same text under a Components heading of the root README still counts', async () => {
    const root = `# Camp\n\nPlan summer camps together.\n\n## Components\n\nThe API server takes requests from the frontend and writes them to Postgres.\nThe print service renders camp programmes to PDF from the API's data.\nThe worker sends the reminder emails from a queue the API fills.\n`;
    const r = await runRuleOn(rule, { ...APP, 'README.md': root }, { profile: 'service' });
    expect(r.outcome, r.message).toBe('partial');
    expect(r.evidence.some((e) => e.path === 'README.md' && e.line === 5)).toBe(true);
  });
});
