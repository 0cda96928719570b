/**
 * Blind round 46: a Dependabot npm entry for `directory: "/ui"`, a folder the repository does not have
 * (its client lives in client/), was counted as npm coverage. An entry whose directories do not exist
 * updates nothing.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import dependencyUpdates from './dependency-updates.js';

const dependabot = (npmDir: string) =>
  [
    'version: 2',
    'updates:',
    '  - package-ecosystem: "gradle"',
    '    directory: "/"',
    '    schedule:',
    '      interval: "weekly"',
    '  - package-ecosystem: "npm"',
    `    directory: "${npmDir}"`,
    '    schedule:',
    '      interval: "weekly"',
  ].join('\n');

const tree = (npmDir: string) => ({
  'build.gradle': "plugins { id 'java' }\n",
  'src/main/java/App.java': 'class App {}\n',
  'client/package.json': JSON.stringify({ name: 'client', dependencies: { react: '^18.0.0' } }),
  'client/src/index.js': 'export default 1;\n',
  '.github/dependabot.yml': dependabot(npmDir),
});

describe('dependency-updates: Dependabot entries for folders that do not exist (round 46)', () => {
  it('an npm entry for a missing folder does not cover npm', async () => {
    const r = await runRuleOn(dependencyUpdates, tree('/ui'), { profile: 'service' });
    expect(r.outcome, r.message).toBe('partial');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/dependabot.yml',
        line: 8,
        note: expect.stringMatching(/does not exist/),
      }),
    );
  });
  it('the same entry for the folder that holds the manifest covers it', async () => {
    const r = await runRuleOn(dependencyUpdates, tree('/client'), { profile: 'service' });
    expect(r.outcome, r.message).toBe('pass');
  });
});
