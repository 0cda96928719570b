import { describe, expect, it } from 'vitest';
import rule from './readme.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const intro =
  '# Mockery\n\nA friendly substitute for .NET mocking libraries, with a concise syntax.\n\nIt works with interfaces and virtual members of classes.\n\n';
const install = '### Installation\n\n```\ndotnet add package Mockery\n```\n\n';
const build = '### Building\n\nRun `dotnet build` and `dotnet test` from the root.\n\n';

describe('readme: usage sections under other common names (blind round 30)', () => {
  for (const heading of ['Basic use', 'Typical use', 'Tutorial', 'Walkthrough', 'Example usage', 'Basic usage']) {
    it(`"${heading}" with code is the usage section`, async () => {
      const run = await runRuleOn(rule, {
        'README.md': `${intro}${install}### ${heading}\n\nCreate a substitute and tell it what to return:\n\n\`\`\`csharp\nvar calc = Sub.For<ICalculator>();\ncalc.Add(1, 2).Returns(3);\n\`\`\`\n\n${build}`,
      });
      expect(run.outcome).toBe('pass');
      expect(run.message).toBe('README.md covers installation, usage and development.');
    });
  }
  it('"Uses" and "Fair use" in a licence section are not usage', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `${intro}${install}### Uses\n\nThis library is used by many teams around the world for their tests.\n\n### Fair use\n\nThe logo may be used under the terms of the licence, with attribution.\n\n${build}`,
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no usage section');
  });
});
