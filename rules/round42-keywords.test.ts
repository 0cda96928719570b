/**
 * A keyword taken for the practice (issue 15, blind round 42): an ASP.NET `AddPolicy` whose body only
 * requires a signed-in user is authentication, and so is `[Authorize(Policy = …)]` naming it.
 */
import authorization from './security/authorization.js';
import { ruleTester } from '../src/testing/rule-tester.js';

const SETUP = (body: string[]) =>
  [
    'namespace Feed;',
    'public static class Setup',
    '{',
    '    public static IServiceCollection AddFeedAuthorization(this IServiceCollection services)',
    '    {',
    '        services.AddAuthorization(options =>',
    '        {',
    '            options.AddPolicy(Constants.FeedUserPolicy, policy =>',
    '            {',
    ...body.map((l) => `                ${l}`),
    '            });',
    '        });',
    '        return services;',
    '    }',
    '}',
    '',
  ].join('\n');
const CONTROLLER =
  'namespace Feed;\n[Authorize(Policy = Constants.FeedUserPolicy)]\npublic class PackagesController : ControllerBase\n{\n}\n';

ruleTester(authorization, {
  valid: [
    {
      name: 'AddPolicy that requires a role is authorization',
      profile: 'service',
      tree: {
        'src/Feed/Setup.cs': SETUP(['policy.RequireAuthenticatedUser();', 'policy.RequireRole("publisher");']),
        'src/Feed/PackagesController.cs': CONTROLLER,
      },
      expect: { outcome: 'pass', evidence: [{ path: 'src/Feed/Setup.cs', line: 8 }] },
    },
  ],
  invalid: [
    {
      name: 'AddPolicy whose only requirement is RequireAuthenticatedUser, and the attribute naming it: authentication, not authorization',
      profile: 'service',
      tree: {
        'src/Feed/Setup.cs': SETUP(['policy.RequireAuthenticatedUser();', 'configure?.Invoke(policy);']),
        'src/Feed/PackagesController.cs': CONTROLLER,
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a one-line signed-in-only policy',
      profile: 'service',
      tree: {
        'Api/Program.cs':
          'builder.Services.AddAuthorization(options =>\n{\n    options.AddPolicy("members", p => p.RequireAuthenticatedUser());\n});\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});
