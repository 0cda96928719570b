/**
 * Blind round 37: an installation block that goes on to run what it installed (`cargo install
 * microbin`, then `microbin`) shows how to run the program: usage.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import readme from './architecture/readme.js';

const doc = (block: string[]) =>
  [
    '# Pastes',
    '',
    'Pastes is a small self-hosted paste bin web application that needs a few megabytes of memory.',
    'It stores pastes on disk and serves them over HTTP, with optional encryption and expiry.',
    'Set it up in a couple of minutes on any machine that runs Rust programs.',
    '',
    '### Host it yourself',
    '',
    'Install it from Cargo:',
    '',
    '```bash',
    ...block,
    '```',
    '',
    '## Features',
    '',
    '- expiring pastes',
    '- file uploads',
    '',
  ].join('\n');

describe('round 37: a run command inside the installation block', () => {
  it('is usage, cited at the run line', async () => {
    const r = await runRuleOn(readme, { 'README.md': doc(['cargo install pastes;', 'source .env;', 'pastes']) });
    expect(r.message).not.toMatch(/no usage/i);
    expect(r.evidence.some((e) => e.line === 14 && /usage/i.test(e.note ?? ''))).toBe(true);
  });

  it('an install alone is no usage', async () => {
    const r = await runRuleOn(readme, { 'README.md': doc(['cargo install pastes']) });
    expect(r.message).toMatch(/usage/i);
    expect(r.outcome).toBe('partial');
  });
});
