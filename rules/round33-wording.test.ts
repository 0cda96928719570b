/**
 * Blind round 33 wording: name the tool that was found. cargo-deny is not cargo audit; TUnit's
 * `[Test]` is not NUnit's; numbered records in an architecture folder are decision records.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import architectureDocs from './architecture/architecture-docs.js';
import testsPresent from './quality/tests-present.js';
import securityScanning from './security/security-scanning.js';

const gha = (steps: string) =>
  `on: [push, pull_request]\njobs:\n  audit:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('round 33: the scanner is named as found', () => {
  const crate = { 'Cargo.toml': '[package]\nname = "url2"\nversion = "0.1.0"\n', 'src/lib.rs': 'pub fn f() {}\n' };
  it('cargo-deny-action is cargo deny', async () => {
    const run = await runRuleOn(securityScanning, {
      ...crate,
      '.github/workflows/main.yml': gha(
        '      - uses: actions/checkout@v4\n      - uses: EmbarkStudios/cargo-deny-action@v2\n',
      ),
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('CI runs cargo deny.');
  });
  it('cargo audit stays cargo audit', async () => {
    const run = await runRuleOn(securityScanning, {
      ...crate,
      '.github/workflows/main.yml': gha('      - run: cargo install cargo-audit\n      - run: cargo audit\n'),
    });
    expect(run.message).toBe('CI runs cargo audit.');
  });
});

describe('round 33: [Test] is TUnit where the projects reference TUnit', () => {
  const tree = (pkg: string, using = '') => ({
    'src/Lib/Lib.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
    'src/Lib/Calc.cs': 'namespace Lib;\npublic static class Calc { public static int Add(int a, int b) => a + b; }\n',
    'src/Lib.Tests/Lib.Tests.csproj': `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="${pkg}" /></ItemGroup></Project>\n`,
    'src/Lib.Tests/CalcTests.cs': `${using}namespace Lib.Tests;\npublic class CalcTests\n{\n    [Test]\n    public async Task Adds() => await Assert.That(Calc.Add(1, 2)).IsEqualTo(3);\n}\n`,
  });
  it('a TUnit project (global usings, no using line) is reported as TUnit', async () => {
    const run = await runRuleOn(testsPresent, tree('TUnit'));
    expect(run.evidence.map((e) => e.note).join(' ')).toMatch(/\(TUnit\)/);
  });
  it('an NUnit project stays NUnit', async () => {
    const run = await runRuleOn(testsPresent, tree('NUnit', 'using NUnit.Framework;\n'));
    expect(run.evidence.map((e) => e.note).join(' ')).toMatch(/\(NUnit\)/);
  });
});

describe('round 33: numbered records in an architecture folder', () => {
  const record = (title: string) => `# ${title}\n\n## Context\n\nWhy we decided this.\n`;
  it('two or more numbered files opening with Context are decision records', async () => {
    const run = await runRuleOn(architectureDocs, {
      'README.md': '# App\n',
      'doc/architecture/001-document-decisions.md': record('Document Decisions'),
      'doc/architecture/002-person-model.md': record('Person Model'),
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/2 architecture decision record\(s\)/);
  });
  it("arc42's numbered chapters are not decision records", async () => {
    const run = await runRuleOn(architectureDocs, {
      'README.md': '# App\n',
      'docs/architecture/01_introduction_and_goals.md': record('Introduction'),
      'docs/architecture/03_context_and_scope.md': record('Context and scope'),
    });
    expect(run.message).not.toMatch(/\d+ architecture decision record/);
  });
});
