import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import healthEndpoints from './health-endpoints.js';

/**
 * Blind round 21: a Flask view's JSON key `"health_check"` was read as django-health-check (not a
 * dependency) while the real `/worker-health` route went uncited; ASP.NET health checks mapped by
 * constant only inside `if (app.Environment.IsDevelopment())` were called "no separate readiness endpoint".
 */
describe('round 21: health endpoints said as they are', () => {
  it('Flask: /worker-health is the route cited; a "health_check" JSON key is no library', async () => {
    const r = await runRuleOn(
      healthEndpoints,
      {
        'requirements.txt': 'flask>=3.0\n',
        'watcher/app.py': [
          'from flask import Flask, jsonify', // 1
          '', // 2
          'app = Flask(__name__)', // 3
          '', // 4
          '', // 5
          "@app.route('/worker-health', methods=['GET'])", // 6
          'def worker_health():', // 7
          '    result = check_workers()', // 8
          '    return jsonify({', // 9
          '        "status": "success",', // 10
          '        "health_check": result,', // 11
          '    })', // 12
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).not.toMatch(/django-health-check/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'watcher/app.py', line: 6, note: 'health route /worker-health' }),
    );
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: 'watcher/app.py', line: 11 }));
  });

  it('ASP.NET: paths in constants mapped only in development are development-only, not "no readiness endpoint"', async () => {
    const r = await runRuleOn(
      healthEndpoints,
      {
        'Shop.Web/Shop.Web.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>',
        'Shop.Web/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nbuilder.AddServiceDefaults();\nvar app = builder.Build();\napp.MapDefaultEndpoints();\napp.MapGet("/orders", () => "[]");\napp.Run();\n',
        'Shop.Web/Extensions.cs': [
          'public static class Extensions', // 1
          '{', // 2
          '  private const string HealthEndpointPath = "/health";', // 3
          '  private const string AlivenessEndpointPath = "/alive";', // 4
          '', // 5
          '  public static WebApplication MapDefaultEndpoints(this WebApplication app)', // 6
          '  {', // 7
          '    if (app.Environment.IsDevelopment())', // 8
          '    {', // 9
          '      app.MapHealthChecks(HealthEndpointPath);', // 10
          '      app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions', // 11
          '      {', // 12
          '        Predicate = r => r.Tags.Contains("live")', // 13
          '      });', // 14
          '    }', // 15
          '    return app;', // 16
          '  }', // 17
          '}', // 18
        ].join('\n'),
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/mapped only in development \(Shop\.Web\/Extensions\.cs:8 /);
    expect(r.message).not.toMatch(/no separate readiness/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'Shop.Web/Extensions.cs',
        line: 10,
        note: expect.stringMatching(/^mapped only in development/),
      }),
    );
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: 'Shop.Web/Extensions.cs', line: 3 }));
  });
});
