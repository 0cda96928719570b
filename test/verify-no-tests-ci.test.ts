/**
 * readiness verify: "No test infrastructure" where the repository holds no test files but a CI job runs
 * the test command is only partly so (round 30, development set).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const base: Tree = {
  'Api/Api.csproj':
    '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n',
  'Api/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
};
const doc = ['# Assessment', '', '## Gaps', '- ❌ No test infrastructure'].join('\n');

describe('"no test infrastructure"', () => {
  it('is partly so when CI runs the test command over no test files', () => {
    const tree: Tree = {
      ...base,
      '.github/workflows/ci.yml':
        'jobs:\n  test:\n    steps:\n      - run: dotnet build\n      - run: dotnet test --collect:"XPlat Code Coverage"\n',
    };
    const { at } = verifier('ASSESSMENT.md')(tree, doc, reportWith([]));
    expect(at(4).verdict, at(4).reason).toBe('partially-confirmed');
    expect(at(4).reason).toContain('.github/workflows/ci.yml:5');
  });
  it('is confirmed when nothing runs tests either', () => {
    const tree: Tree = {
      ...base,
      '.github/workflows/ci.yml': 'jobs:\n  build:\n    steps:\n      - run: dotnet build\n',
    };
    const { at } = verifier('ASSESSMENT.md')(tree, doc, reportWith([]));
    expect(at(4).verdict, at(4).reason).toBe('confirmed');
  });
});

describe('tests said to be in place over no test files', () => {
  it('stay contradicted though CI runs the test command', () => {
    const tree: Tree = {
      ...base,
      '.github/workflows/ci.yml': 'jobs:\n  test:\n    steps:\n      - run: dotnet test\n',
    };
    const done = ['# Assessment', '', '## Status', '- ✅ Test infrastructure in place'].join('\n');
    const { result } = verifier('ASSESSMENT.md')(tree, done, reportWith([]));
    const c = result.claims.find((x) => x.line === 4);
    expect(c?.verdict ?? 'unverifiable').not.toBe('confirmed');
    expect(c?.verdict ?? 'unverifiable').not.toBe('partially-confirmed');
  });
});

describe('"no test project", "no unit tests" over no test files', () => {
  it('stay confirmed though CI runs the test command', () => {
    const tree: Tree = {
      ...base,
      '.github/workflows/ci.yml': 'jobs:\n  test:\n    steps:\n      - run: dotnet test\n',
    };
    const none = ['# Assessment', '', '## Gaps', '- ❌ No test project exists', '- ❌ No unit tests'].join('\n');
    const { at } = verifier('ASSESSMENT.md')(tree, none, reportWith([]));
    expect(at(4).verdict, at(4).reason).toBe('confirmed');
    expect(at(5).verdict, at(5).reason).toBe('confirmed');
  });
});
