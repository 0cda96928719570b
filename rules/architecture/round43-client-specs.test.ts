import { describe, expect, it } from 'vitest';
import rule from './api-contract.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 43: the OpenAPI documents of downstream APIs, kept in the repository as the input of
 * openapi-generator client tasks, were cited as the service's own contract. A client generator's
 * inputs are other APIs' contracts; a server generator's input (contract first) is the service's.
 */
const SPEC = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Alerts API', version: '1' },
  paths: { '/alerts': {} },
});
const build = (generator: string) =>
  [
    'plugins { id("org.springframework.boot") version "3.3.0"\n  id("org.openapi.generator") version "7.2.0" }',
    'val input = "$projectDir/openapi-specs/alerts-api-docs.json"',
    'tasks.register<GenerateTask>("buildAlertsApiModel") {',
    `  generatorName.set("${generator}")`,
    '  inputSpec.set(input)',
    '}',
    '',
  ].join('\n');
const ASYNC = 'asyncapi: 3.0.0\ninfo:\n  title: indexer events\n  version: 1.0.0\n';

describe('api-contract: other APIs kept to generate clients (blind round 43)', () => {
  it("a client generator's input is not the service's contract; its own AsyncAPI is, and the message says both", async () => {
    const run = await runRuleOn(
      rule,
      {
        'indexer/build.gradle.kts': build('kotlin'),
        'indexer/openapi-specs/alerts-api-docs.json': SPEC,
        'indexer/async-api.yml': ASYNC,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'API described by AsyncAPI. 1 OpenAPI document of other APIs (inputs of a client generator) not counted.',
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'indexer/openapi-specs/alerts-api-docs.json',
        note: expect.stringMatching(
          /^not counted: another API's contract, the input of a client generator in indexer\/build\.gradle\.kts/,
        ),
      }),
    );
  });

  it('with only client inputs there is no contract of its own', async () => {
    const run = await runRuleOn(
      rule,
      { 'indexer/build.gradle.kts': build('kotlin'), 'indexer/openapi-specs/alerts-api-docs.json': SPEC },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });

  it('the input of a server generator (contract first) is the service’s own contract', async () => {
    const run = await runRuleOn(
      rule,
      { 'indexer/build.gradle.kts': build('kotlin-spring'), 'indexer/openapi-specs/alerts-api-docs.json': SPEC },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('API described by OpenAPI.');
  });
});
