/**
 * readiness verify: a line that gives distinctive names (a test's name, a class or trait, a string the
 * product shows) is confirmed when each one is written as it is in the project's code; a name only
 * imported, commented out, printed in a string, kept in an HTML page or in the documentation, or a
 * setting's name whose value the line is about, confirms nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { distinctiveNames } from '../src/verify/exact-names.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
  'Api/Controllers/HealthController.cs': [
    'public class HealthController : ControllerBase',
    '{',
    '    [HttpGet]',
    '    public IActionResult Get() => Ok(new { status = "Healthy" });',
    '}',
    '',
  ].join('\n'),
  'Tests/HealthControllerTests.cs': [
    'public class HealthControllerTests',
    '{',
    '    [Fact]',
    '    public void WhenHealthCheckIsRequested_ThenReturnsOkResult()',
    '    {',
    '        var result = new HealthController().Get();',
    '        Assert.Equal("Healthy", Status(result));',
    '    }',
    '}',
    '',
  ].join('\n'),
  'resources/views/home.blade.php': '<button class="matrix-btn">⚡ INITIATE SYNTHESIS ⚡</button>\n',
  'tests/Feature/HomeTest.php': [
    '<?php',
    'namespace Tests\\Feature;',
    '// use Illuminate\\Foundation\\Testing\\RefreshDatabase;',
    'use Illuminate\\Foundation\\Testing\\WithFaker;',
    'class HomeTest extends TestCase',
    '{',
    '    use WithFaker;',
    '}',
    '',
  ].join('\n'),
  'src/main/java/demo/Application.java': [
    'public class Application {',
    '    public static void main(String[] args) {',
    '        System.out.println("   • MockMvc - REST API testing");',
    '    }',
    '}',
    '',
  ].join('\n'),
  'src/main/resources/static/index.html': '<li>QuokkaBridge - integration layer</li>\n',
  '.env.example': 'APP_KEY=\n',
  'README.md': 'The ZebraQuokkaHelper wires everything.\n',
};

describe('distinctive names of a line', () => {
  it('are names of code, quoted strings and spans, not ordinary or product words', () => {
    expect(distinctiveNames('WhenHealthCheckIsRequested_ThenReturnsOkResult').map((n) => n.text)).toEqual([
      'WhenHealthCheckIsRequested_ThenReturnsOkResult',
    ]);
    expect(distinctiveNames('Botão "INITIATE SYNTHESIS"')).toEqual([{ text: 'INITIATE SYNTHESIS', quoted: true }]);
    expect(distinctiveNames('Proper use of `pub(crate)` for internal APIs').map((n) => n.text)).toEqual(['pub(crate)']);
    expect(distinctiveNames('Deployed with GitHub Actions and PostgreSQL')).toEqual([]);
    expect(distinctiveNames('Formats timestamps as relative time (e.g., "2 hours ago")')).toEqual([]);
    expect(distinctiveNames('APP_KEY generated')).toEqual([]);
  });
});

describe('a line naming code', () => {
  const doc = [
    '# ✅ Task Complete: Backend', // 1
    '', // 2
    '## 🧪 Tests Created', // 3
    '', // 4
    '### HealthControllerTests (1 test)', // 5
    '', // 6
    '1. **WhenHealthCheckIsRequested_ThenReturnsOkResult**', // 7
    '   - Verifies response contains "Healthy" status', // 8
    '', // 9
    '## Interface', // 10
    '', // 11
    '- [x] Botão "INITIATE SYNTHESIS"', // 12
    '- **WithFaker**: Geração de dados fake para testes', // 13
    '- **RefreshDatabase**: Limpeza de banco para testes', // 14
    '- ✅ MockMvc configuration', // 15
    '- ✅ QuokkaBridge integration', // 16
    '- ✅ APP_KEY generated', // 17
    '- ✅ ZebraQuokkaHelper wired', // 18
    '- ✅ HealthController and MissingThingService registered', // 19
    '', // 20
    '## Test coverage', // 21
    '- ✅ Validation of ControllerBase', // 22
  ].join('\n');
  const { at, has } = verifier('SUMMARY.md')(tree, doc, reportWith([]));
  const confirmed = (line: number) => has(line) && at(line).verdict === 'confirmed';

  it('is confirmed when each name is written so in the code, at its file:line', () => {
    expect(at(7).verdict, at(7).reason).toBe('confirmed');
    expect(at(7).evidence[0]).toMatchObject({ path: 'Tests/HealthControllerTests.cs', line: 4 });
    expect(at(8).verdict, at(8).reason).toBe('confirmed');
    expect(at(12).verdict, at(12).reason).toBe('confirmed');
    expect(at(12).evidence[0]).toMatchObject({ path: 'resources/views/home.blade.php', line: 1 });
    expect(at(13).verdict, at(13).reason).toBe('confirmed');
    expect(at(13).evidence[0]).toMatchObject({ path: 'tests/Feature/HomeTest.php', line: 7 });
  });
  it('is not confirmed by a name commented out, imported, printed, in a page or in the documentation', () => {
    expect(confirmed(14)).toBe(false);
    expect(confirmed(15)).toBe(false);
    expect(confirmed(16)).toBe(false);
    expect(confirmed(18)).toBe(false);
  });
  it('under a heading of tests, is not confirmed by a name only the product code holds', () => {
    expect(confirmed(22)).toBe(false);
  });
  it('is not confirmed by the name of a setting whose value it states', () => {
    expect(confirmed(17)).toBe(false);
  });
  it('is not confirmed when one of the names it gives is missing', () => {
    expect(confirmed(19)).toBe(false);
  });
});
