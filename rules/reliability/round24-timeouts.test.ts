import { describe, expect, it } from 'vitest';
import rule from './timeouts.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const CSPROJ = (pkgs: string[]) =>
  `<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup>${pkgs.map((p) => `<PackageReference Include="${p}" Version="8.0.0" />`).join('')}</ItemGroup></Project>\n`;

const PROGRAM = [
  'var builder = WebApplication.CreateBuilder(args);',
  'builder.Services',
  '    .AddHttpClient()',
  '    .AddShopDbContext();',
  'var app = builder.Build();',
  'app.Run();',
  '',
].join('\n');

const DB = [
  'namespace Shop.Api.Extensions;',
  '',
  'public static class DbExtensions',
  '{',
  '    private const int DbCommandTimeout = 30;',
  '    public static IServiceCollection AddShopDbContext(this IServiceCollection services) =>',
  '        services.AddDbContext<ShopContext>(o => o.UseSqlServer("cs", sql =>',
  '            sql.EnableRetryOnFailure(3)',
  '               .CommandTimeout(DbCommandTimeout)));',
  '}',
  '',
].join('\n');

describe('timeouts: EF Core CommandTimeout and a bare AddHttpClient registration (blind round 24)', () => {
  it('a database command timeout with only a DI registration of the HTTP factory passes, citing both lines', async () => {
    const run = await runRuleOn(
      rule,
      {
        'src/Shop.Api/Shop.Api.csproj': CSPROJ(['Microsoft.EntityFrameworkCore.SqlServer']),
        'src/Shop.Api/Program.cs': PROGRAM,
        'src/Shop.Api/Extensions/DbExtensions.cs': DB,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain(
      'Timeouts are set on the database client (src/Shop.Api/Extensions/DbExtensions.cs:9)',
    );
    expect(run.message).toContain('`.AddHttpClient()` at src/Shop.Api/Program.cs:3 registers the client factory');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/Shop.Api/Extensions/DbExtensions.cs', line: 9 }),
    );
  });

  it('an HttpClient the code uses keeps the registration an outbound call: no pass on the database timeout', async () => {
    const run = await runRuleOn(
      rule,
      {
        'src/Shop.Api/Shop.Api.csproj': CSPROJ(['Microsoft.EntityFrameworkCore.SqlServer']),
        'src/Shop.Api/Program.cs': PROGRAM,
        'src/Shop.Api/Extensions/DbExtensions.cs': DB,
        'src/Shop.Api/Services/RatesClient.cs':
          'public class RatesClient(IHttpClientFactory factory)\n{\n    public Task<string> Get() => factory.CreateClient().GetStringAsync("https://rates.example.org/today");\n}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('pass');
    expect(run.message).not.toContain('no HTTP call is made');
  });
});

describe('timeouts: a static Astro site fetches at build time (blind round 24)', () => {
  const tree = (prerender: string) => ({
    'package.json': '{"name":"docs-monorepo","private":true}',
    'apps/server/package.json': '{"name":"server","dependencies":{"hono":"4.0.0"}}',
    'apps/server/src/app.ts':
      "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/q', async () => fetch('https://api.example.org/q', { signal: AbortSignal.timeout(5000) }));\nexport default app;\n",
    'apps/website/package.json': '{"name":"website","dependencies":{"astro":"5.0.0"}}',
    'apps/website/astro.config.mjs':
      "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static' });\n",
    'apps/website/src/pages/llms.txt.ts': `${prerender}export async function GET() {\n  const nav = await fetch('https://docs.example.org/nav.json').then((r) => r.json());\n  return new Response(JSON.stringify(nav));\n}\n`,
  });

  it('a prerendered endpoint of a static site is a build step: not a call without a timeout', async () => {
    const run = await runRuleOn(rule, tree(''), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(JSON.stringify(run.evidence)).not.toContain('llms.txt.ts');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'apps/server/src/app.ts', line: 3 }));
  });

  it('an endpoint that opts out of prerendering runs on requests: its fetch without a signal is a finding', async () => {
    const run = await runRuleOn(rule, tree('export const prerender = false;\n'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'apps/website/src/pages/llms.txt.ts',
        line: 3,
        note: expect.stringContaining('fetch() without a signal'),
      }),
    );
  });
});
