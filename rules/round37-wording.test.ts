import { describe, expect, it } from 'vitest';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

// Blind round 37: ASP.NET Core's shutdown timeout is 30 s only from .NET 8 (5 s before).
describe('graceful-shutdown wording: the ASP.NET Core default drain', () => {
  it('names both defaults of HostOptions.ShutdownTimeout, not 30 s alone', async () => {
    const r = await runRuleOn(
      gracefulShutdown,
      {
        'src/Api/Api.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net6.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n',
        'src/Api/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('5 s before');
    expect(r.message).not.toContain('(ShutdownTimeout, 30 s by default)');
  });
  it('gives no such credit to a service without a framework that drains', async () => {
    const r = await runRuleOn(
      gracefulShutdown,
      {
        'go.mod': 'module api\n',
        'main.go': 'package main\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('pass');
  });
});
