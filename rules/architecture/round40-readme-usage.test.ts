import { describe, expect, it } from 'vitest';
import rule from './readme.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 40: usage shown under other headings was "no usage section" — a "Running Locally"
 * section that installs and then starts the dev server, "Use Cases" with playbooks, "Starting the
 * APIs" with `tye run`. A section whose heading is about using, running or starting the product
 * and whose body shows it as code is the usage section; the same heading with prose only is not.
 */
const intro =
  '# Board\n\nA web shop for skateboards, with a cart, checkout and an admin area.\n\nBuilt on a modern stack.\n\n';
const dev = '## Contributing\n\nRun `pnpm test` before opening a pull request.\n\n';

describe('readme: usage under other headings (blind round 40)', () => {
  it('"Running Locally" that installs and then starts the dev server is installation and usage', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `${intro}## Running Locally\n\n1. Install\n\n   \`\`\`bash\n   pnpm install\n   \`\`\`\n\n2. Start the development server\n\n   \`\`\`bash\n   pnpm run dev\n   \`\`\`\n\n${dev}`,
    });
    expect(run.outcome).toBe('pass');
  });

  it('"Running Locally" that only installs says nothing about running it', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `${intro}## Running Locally\n\n\`\`\`bash\npnpm install\n\`\`\`\n\n${dev}`,
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no usage section');
  });

  for (const [heading, code] of [
    [
      'Use Cases',
      '- hosts: localhost\n  tasks:\n    - name: Create a device\n      example.inventory.device:\n        name: sw1',
    ],
    ['Starting the APIs', '$ cd samples\n$ tye run'],
    ['Demo', 'curl -s localhost:8080/api/boards | jq .'],
  ] as const) {
    it(`"${heading}" with a code example is the usage section`, async () => {
      const run = await runRuleOn(rule, {
        'README.md': `${intro}## Installation\n\n\`\`\`bash\nansible-galaxy collection install example.inventory\n\`\`\`\n\n## ${heading}\n\nLike this.\n\n\`\`\`\n${code}\n\`\`\`\n\n${dev}`,
      });
      expect(run.outcome).toBe('pass');
      // cited at its heading (README.md:13)
      expect(run.evidence.some((e) => e.path === 'README.md' && e.line === 13)).toBe(true);
    });
  }

  it('"Use Cases" in prose only is not a usage section', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `${intro}## Installation\n\n\`\`\`bash\nansible-galaxy collection install example.inventory\n\`\`\`\n\n## Use Cases\n\nTeams use it to keep their network inventory as the source of truth for automation.\n\n${dev}`,
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no usage section');
  });
});
