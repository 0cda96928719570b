import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import authentication from './authentication.js';

/**
 * Blind round 24: declarations credited as working security. An ASP.NET pipeline that calls
 * `app.UseAuthentication()` with no scheme registered and no `[Authorize]` authenticates nobody.
 */
const PROGRAM = [
  'var builder = WebApplication.CreateBuilder(args);', // 1
  'builder.Services.AddControllers();', // 2
  'var app = builder.Build();', // 3
  'app.UseHttpsRedirection();', // 4
  'app.UseAuthentication();', // 5
  'app.UseAuthorization();', // 6
  'app.MapControllers();', // 7
  'app.Run();', // 8
];
const SHOP = {
  'src/Shop.Api/Shop.Api.csproj':
    '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>\n</Project>\n',
  'src/Shop.Api/Program.cs': PROGRAM.join('\n'),
  'src/Shop.Api/Controllers/OrdersController.cs':
    '[ApiController]\n[Route("api/orders")]\npublic class OrdersController : ControllerBase\n{\n    [HttpGet]\n    public IActionResult Get() => Ok();\n}\n',
};

describe('round 24: ASP.NET UseAuthentication() without a scheme', () => {
  it('is no authentication: fail, and the message names the bare middleware', async () => {
    const r = await runRuleOn(authentication, SHOP, { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(
      /src\/Shop\.Api\/Program\.cs:5 calls UseAuthentication\(\), but no authentication scheme/,
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/Shop.Api/Program.cs', line: 5, note: expect.stringMatching(/no scheme/) }),
    );
  });

  it('passes once a scheme is registered', async () => {
    const program = [...PROGRAM];
    program[1] = 'builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();';
    const r = await runRuleOn(
      authentication,
      { ...SHOP, 'src/Shop.Api/Program.cs': program.join('\n') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'src/Shop.Api/Program.cs', line: 2 }));
  });
});
