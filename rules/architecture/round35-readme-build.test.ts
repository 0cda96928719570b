import { describe, expect, it } from 'vitest';
import rule from './readme.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const README = (body: string) => `# Orders Service
The orders service takes orders from the shop and hands them to the warehouse for picking.
It keeps the state of each order and tells the customer when it ships.

## Running

There are two ways of running this service.

${body}

## API
See openapi.yml for the API documentation.

## Copyright
Copyright (C) 2024 Example Ltd
`;

describe('readme: a build from source under another heading installs the service (blind round 35)', () => {
  it('"Running" with mvn clean install and spring-boot:run is installation and usage', async () => {
    const run = await runRuleOn(rule, {
      'README.md': README('```bash\nmvn clean install\nmvn spring-boot:run\n```'),
    });
    expect(run.outcome).toBe('pass');
    expect(run.evidence.some((e) => e.line === 5 && e.note === 'installation section')).toBe(true);
  });
  it('a Gradle build under "Local development" counts; "Running" with prose only names no installation', async () => {
    const gradle = await runRuleOn(rule, {
      'README.md': README('```\n./gradlew clean build\n./gradlew bootRun\n```').replace(
        '## Running',
        '## Local development',
      ),
    });
    expect(gradle.evidence.some((e) => e.note === 'installation section')).toBe(true);
    const prose = await runRuleOn(rule, {
      'README.md': README('Ask the platform team for access, then start it from your IDE.'),
    });
    expect(prose.outcome).toBe('partial');
    expect(prose.message).toContain('no installation');
  });
});
