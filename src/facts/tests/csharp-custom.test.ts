import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

// A micro-ORM's tests: custom xUnit attributes declared in a helper file, used by provider tests.
const TREE: Tree = {
  'tests/Orm.Tests/Orm.Tests.csproj':
    '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.9.0" /></ItemGroup></Project>',
  'tests/Orm.Tests/Helpers/Attributes.cs': [
    'using System;',
    'namespace Orm.Tests',
    '{',
    '    [AttributeUsage(AttributeTargets.Method)]',
    '    public class FactLongRunningAttribute : Xunit.FactAttribute',
    '    {',
    '        public override string Skip => Environment.GetEnvironmentVariable("LONG") is null ? "long" : null;',
    '    }',
    '',
    '    public sealed class FactRequiresServerAttribute : FactLongRunningAttribute { }',
    '    public sealed class TheoryOnWindowsAttribute : TheoryAttribute { }',
    '    public sealed class NotATestAttribute : Attribute { }',
    '}',
  ].join('\n'),
  'tests/Orm.Tests/QueryTests.cs': [
    'namespace Orm.Tests',
    '{',
    '    public class QueryTests',
    '    {',
    '        [Fact]',
    '        public void SelectsRows() { }',
    '',
    '        [FactLongRunning]',
    '        public void ScansAMillionRows() { }',
    '',
    '        [FactRequiresServer]',
    '        public async Task TalksToServer() { }',
    '',
    '        [TheoryOnWindows]',
    '        [InlineData(1)]',
    '        [InlineData(2)]',
    '        public void MapsPaths(int n) { }',
    '',
    '        [NotATest]',
    '        public void Helper() { }',
    '    }',
    '}',
  ].join('\n'),
  'tests/Orm.Tests/Providers/SqliteTests.cs': [
    'namespace Orm.Tests.Providers',
    '{',
    '    public class SqliteTests',
    '    {',
    '        [FactSqlite]',
    '        public void OpensInMemory() { }',
    '',
    '        [FactSqlite(Skip = "flaky")]',
    '        public void LocksFile() { }',
    '',
    '        public class FactSqliteAttribute : FactAttribute { }',
    '    }',
    '}',
  ].join('\n'),
};

describe('C# custom test attributes', () => {
  it('count methods marked by attributes deriving from FactAttribute/TheoryAttribute, through chains and across files', () => {
    const files = Object.fromEntries(testInventory(memoryIndex(TREE)).files.map((f) => [f.path, f]));
    const q = files['tests/Orm.Tests/QueryTests.cs']!;
    // [Fact], [FactLongRunning], [FactRequiresServer] (via FactLongRunning), [TheoryOnWindows] ×2 rows; [NotATest] is not.
    expect(q).toMatchObject({ cases: 4, parametrized: 1, expanded: 5, framework: 'xUnit' });
    expect(q.first).toEqual({ line: 5, snippet: '[Fact]' });
    const s = files['tests/Orm.Tests/Providers/SqliteTests.cs']!;
    // Only custom attributes here: the file is now a test file, cited at its first custom-marked test.
    expect(s).toMatchObject({ cases: 2, skipped: 1, expanded: 2, framework: 'xUnit' });
    expect(s.first).toEqual({ line: 5, snippet: '[FactSqlite]' });
    expect(files['tests/Orm.Tests/Helpers/Attributes.cs']).toBeUndefined();
  });

  it('count NUnit TestAttribute subclasses as NUnit tests', () => {
    const inv = testInventory(
      memoryIndex({
        'tests/App.Tests/UiTests.cs': [
          'public class UiTestAttribute : NUnit.Framework.TestAttribute { }',
          'public class UiTests',
          '{',
          '    [UiTest]',
          '    public void OpensWindow() { }',
          '}',
        ].join('\n'),
      }),
    );
    expect(inv.files).toMatchObject([
      { path: 'tests/App.Tests/UiTests.cs', cases: 1, framework: 'NUnit', first: { line: 4 } },
    ]);
  });
});
