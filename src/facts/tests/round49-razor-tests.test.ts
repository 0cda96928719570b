/**
 * Blind round 49, class "test counts within 3 % of the runner": bUnit tests written as Razor
 * components in a test project (`@code { [Fact] … }` in a `.razor` file) count like `.cs` tests.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { razorCode } from './digest.js';
import { testInventory } from './inventory.js';

const counts = (t: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(t)).files.map((f) => [f.path, [f.cases, f.expanded, f.first?.line]]));

const proj = `<Project Sdk="Microsoft.NET.Sdk.Razor">
  <ItemGroup>
    <PackageReference Include="bunit" Version="1.24.10" />
    <PackageReference Include="xunit" Version="2.6.1" />
  </ItemGroup>
</Project>
`;
const razor = `@inherits TestContext

<p>Don't render {this} markup as code</p>

@code {
    [Fact]
    public void RendersSpinner()
    {
        var cut = Render(@<Loading />);
        cut.MarkupMatches("<div class=\\"spinner\\">{</div>");
    }

    [Fact]
    public void RendersText()
    {
        var cut = Render(@<Loading Text="Wait" />);
        Assert.Contains("Wait", cut.Markup);
    }
}
`;

describe('bUnit tests in .razor files', () => {
  it('counts the [Fact] methods of a test project component, at their lines', () => {
    const c = counts({
      'tests/Client.Tests/Client.Tests.csproj': proj,
      'tests/Client.Tests/LoadingTests.razor': razor,
      'tests/Client.Tests/ParserTests.cs':
        'public class ParserTests\n{\n    [Fact]\n    public void Parses() { Assert.True(true); }\n}\n',
    });
    expect(c['tests/Client.Tests/LoadingTests.razor']).toEqual([2, 2, 6]);
    expect(c['tests/Client.Tests/ParserTests.cs']).toEqual([1, 1, 3]);
  });

  it('counts nothing in an app component outside the test project, nor in markup', () => {
    const c = counts({
      'src/Client/Pages/Loading.razor': razor,
      'tests/Client.Tests/Markup.razor': '<p>[Fact] public void NotATest() {}</p>\n',
    });
    expect(c['src/Client/Pages/Loading.razor']).toBeUndefined();
    expect(c['tests/Client.Tests/Markup.razor']).toBeUndefined();
  });

  it('keeps lines and reads a hostile file of unclosed blocks quickly', () => {
    expect(razorCode('<p>\n</p>\n@code {\n int x;\n}\n<i/>')).toBe('   \n    \n       \n int x;\n \n    ');
    const t0 = Date.now();
    razorCode('@code {'.repeat(20_000));
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
