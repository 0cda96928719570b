import { describe, expect, it } from 'vitest';
import rule from './readme.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 47: a "Start Application" section whose subsections create the database, migrate and
 * serve is how to set the project up and run it, the installation section, though no heading says
 * install.
 */
const intro = '# Ledger API\n\nA REST API for household ledgers, with accounts, budgets and reports.\n\n';
const start = [
  '## Start Application',
  '',
  '- Clone and change into this repository',
  '',
  '### Local',
  '',
  '- Create a postgres database and adjust the variables in dev.env',
  '- Run all migrations: `go run main.go migrate`',
  '- Run the application with command _serve_: `go run main.go serve`',
  '',
  '### Using Docker Compose',
  '',
  '- Start the api server: `docker compose up`',
  '',
  '### Testing',
  '',
  '`go test ./...`',
  '',
].join('\n');

describe('readme: a "Start Application" section (blind round 47)', () => {
  it('is the installation section', async () => {
    const run = await runRuleOn(rule, { 'README.md': `${intro}${start}` });
    expect(run.outcome).toBe('pass');
    expect(JSON.stringify(run.evidence)).toContain('Start Application');
  });

  it('a feature list that starts with "Start" is not', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `${intro}## Features\n\n- Start a budget from a template\n- Reports by month\n\n## Usage\n\n\`ledger serve\`\n\n## Testing\n\n\`go test ./...\`\n\n## Notes\n\nMore to come.\n`,
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no installation section');
  });
});
