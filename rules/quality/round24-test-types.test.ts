import { describe, expect, it } from 'vitest';
import rule from './test-types.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const junit = (pkg: string, cls: string) =>
  `package ${pkg};\n\nimport org.junit.jupiter.api.Test;\n\nclass ${cls} {\n  @Test\n  void addsFees() {}\n\n  @Test\n  void roundsFees() {}\n}\n`;

const POM =
  '<project><dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency></dependencies></project>\n';

describe('test-types: the top-level package `it` is a domain, not an integration folder (blind round 24)', () => {
  it('JUnit tests under src/test/java/it/… are unit tests, beside the integration suite of its own folder', async () => {
    const run = await runRuleOn(
      rule,
      {
        'pom.xml': POM,
        'src/main/java/it/acme/fees/FeeCalculator.java': 'package it.acme.fees;\npublic class FeeCalculator {}\n',
        'src/test/java/it/acme/fees/util/FeeCalculatorTest.java': junit('it.acme.fees.util', 'FeeCalculatorTest'),
        'integration-test/src/features/fees.feature':
          'Feature: fees\n\n  Scenario: fee of a payment\n    Given a payment of 10 euro\n    Then the fee is 1 euro\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('unit tests');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/test/java/it/acme/fees/util/FeeCalculatorTest.java',
        line: 6,
        note: 'unit: JUnit 5: 2 test cases',
      }),
    );
  });

  it('an `it` package below the domain (com.acme.it) still holds integration tests', async () => {
    const run = await runRuleOn(
      rule,
      {
        'pom.xml': POM,
        'src/main/java/com/acme/fees/FeeCalculator.java': 'package com.acme.fees;\npublic class FeeCalculator {}\n',
        'src/test/java/com/acme/it/FeeCalculatorIT.java': junit('com.acme.it', 'FeeCalculatorIT'),
      },
      { profile: 'service' },
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/test/java/com/acme/it/FeeCalculatorIT.java',
        note: expect.stringContaining('integration'),
      }),
    );
    expect(run.message).toContain('no unit');
  });
});

describe('test-types: a CI job named for end-to-end tests is end-to-end evidence (blind round 24)', () => {
  const workflow = (job: string) =>
    [
      'name: CI',
      'on: [push]',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: python manage.py test',
      `  ${job}:`,
      '    needs: [build]',
      '    uses: acme/legal-aid-e2e/.github/workflows/e2e.yml@main',
      '    with:',
      '      IMAGE: backend:latest',
      '',
    ].join('\n');
  const tree = (job: string) => ({
    'requirements.txt': 'Django==4.2\n',
    'app/tests/test_models.py':
      'from django.test import SimpleTestCase\n\nclass FeeTest(SimpleTestCase):\n    def test_fee(self):\n        self.assertEqual(1, 1)\n',
    '.github/workflows/ci.yml': workflow(job),
  });

  it('an end-to-end-tests job calling a reusable workflow is cited at its line', async () => {
    const run = await runRuleOn(rule, tree('end-to-end-tests'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('end-to-end tests found');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/ci.yml',
        line: 8,
        note: 'end-to-end: CI job end-to-end-tests, named for end-to-end tests, runs the reusable workflow acme/legal-aid-e2e/.github/workflows/e2e.yml',
      }),
    );
  });

  it('a job named for something else is no end-to-end evidence', async () => {
    const run = await runRuleOn(rule, tree('publish-docs'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('end-to-end');
    expect(JSON.stringify(run.evidence)).not.toContain('publish-docs');
  });
});
