/**
 * Blind round 45, class "TreatWarningsAsErrors alone credited as linting" (issue 15): the setting
 * fails a build on the compiler's own warnings and chooses no lint rule. Alone it is partial; with
 * an analyzer package, AnalysisLevel/EnableNETAnalyzers or .editorconfig severities it is linting.
 */
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './linting.js';

const gha = (run: string) =>
  `on: pull_request\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;
const props = (extra: string) =>
  `<Project>\n  <PropertyGroup>\n    <LangVersion>latest</LangVersion>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n${extra}  </PropertyGroup>\n</Project>\n`;
const lib = {
  'src/Lib/Lib.csproj':
    '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n',
  'src/Lib/Mediator.cs': 'namespace Lib;\npublic class Mediator { }\n',
  '.github/workflows/ci.yml': gha('dotnet build -c Release'),
};

ruleTester(rule, {
  valid: [
    {
      name: 'TreatWarningsAsErrors beside EnableNETAnalyzers/AnalysisLevel is Roslyn analyzers run by the CI build',
      tree: {
        ...lib,
        'Directory.Build.props': props(
          '    <EnableNETAnalyzers>true</EnableNETAnalyzers>\n    <AnalysisLevel>latest-recommended</AnalysisLevel>\n',
        ),
      },
      expect: { outcome: 'pass', message: 'Roslyn analyzers', evidence: [{ path: 'Directory.Build.props', line: 5 }] },
    },
    {
      name: 'TreatWarningsAsErrors beside .editorconfig severities passes',
      tree: {
        ...lib,
        'Directory.Build.props': props(''),
        '.editorconfig': 'root = true\n[*.cs]\ndotnet_diagnostic.CA1822.severity = warning\n',
      },
      expect: { outcome: 'pass', message: 'Roslyn analyzers', evidence: [{ path: '.editorconfig', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'TreatWarningsAsErrors alone is partial: no analyzer or rule is configured',
      tree: { ...lib, 'Directory.Build.props': props('') },
      expect: {
        outcome: 'partial',
        message: 'TreatWarningsAsErrors only',
        evidence: [{ path: 'Directory.Build.props', line: 4 }],
      },
    },
  ],
});
