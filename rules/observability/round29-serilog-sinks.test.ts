/**
 * Blind round 29, class "practices configured the framework's way": an ASP.NET Core API whose
 * Serilog pipeline (`AddSerilog`, configured from the appsettings "Serilog" section) ships events
 * to an OpenTelemetry/Seq-like sink stores each event with its properties — structured logging,
 * as a JSON formatter is. Serilog writing its text template to the console only stays partial.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import structuredLogging from './structured-logging.js';

const api = (sink: string, settingsSink: string): Tree => ({
  'src/Api/Api.csproj':
    '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Serilog.AspNetCore" Version="8.0.0" /></ItemGroup></Project>',
  'src/Api/Program.cs': [
    'var builder = WebApplication.CreateBuilder(args);',
    'builder.Services.AddSerilog((services, logger) =>',
    '{',
    '    logger.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();',
    `    ${sink}`,
    '});',
    'var app = builder.Build();',
    'app.MapGet("/", () => "ok");',
    'app.Run();',
    '',
  ].join('\n'),
  'src/Api/appsettings.json': JSON.stringify(
    { Serilog: { Using: ['Serilog.Sinks.Console'], WriteTo: [{ Name: settingsSink }] }, AllowedHosts: '*' },
    null,
    2,
  ),
});

describe('round 29: Serilog with a structured sink is structured logging', () => {
  it('passes the JSON part when Serilog writes to OpenTelemetry in code', async () => {
    const run = await runRuleOn(
      structuredLogging,
      api('logger.WriteTo.OpenTelemetry(sink => { sink.Endpoint = "http://collector:4317"; });', 'Console'),
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('fail');
    expect(run.message).toMatch(/^Logs are structured/);
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'src/Api/Program.cs', line: 5 }));
  });

  it('passes the JSON part when the appsettings "Serilog" section names a Seq sink', async () => {
    const run = await runRuleOn(structuredLogging, api('', 'Seq'), { profile: 'service' });
    expect(run.message).toMatch(/^Logs are structured/);
  });

  it('stays short of structured when Serilog writes its text template to the console only', async () => {
    const run = await runRuleOn(structuredLogging, api('logger.WriteTo.Console();', 'Console'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).not.toMatch(/^Logs are structured/);
  });
});
