/**
 * A keyword taken for the practice (issue 15, blind round 42): an ASP.NET `AddPolicy` whose body only
 * requires a signed-in user is authentication, and so is `[Authorize(Policy = …)]` naming it; a
 * urllib3 `Retry(total=1)` with no backoff_factor retries at once, without backoff.
 */
import authorization from './security/authorization.js';
import retries from './reliability/retries.js';
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
      expect: {
        outcome: 'fail',
        message: ['FeedUserPolicy', 'only requires a signed-in user', 'authentication'],
        evidence: [{ path: 'src/Feed/Setup.cs', line: 8 }],
      },
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

const S3 = (retry: string) =>
  [
    'from urllib3 import PoolManager',
    'from urllib3.util import Retry',
    '',
    'def client():',
    '    return PoolManager(',
    `        timeout=5, retries=${retry}`,
    '    )',
    '',
    'def get(url):',
    '    return client().request("GET", url)',
    '',
  ].join('\n');

ruleTester(retries, {
  valid: [
    {
      name: 'urllib3 Retry with a backoff_factor is a retry with backoff',
      profile: 'service',
      tree: {
        'requirements.txt': 'django==5.0\nurllib3==2.2\n',
        'hc/lib/store.py': S3('Retry(total=3, backoff_factor=0.5)'),
      },
      expect: { outcome: 'pass', evidence: [{ path: 'hc/lib/store.py', line: 6 }] },
    },
  ],
  invalid: [
    {
      name: 'urllib3 Retry(total=1) with no backoff_factor: retried at once, partial (not "with backoff")',
      profile: 'service',
      tree: { 'requirements.txt': 'django==5.0\nurllib3==2.2\n', 'hc/lib/store.py': S3('Retry(total=1)') },
      expect: {
        outcome: 'partial',
        message: ['without backoff', 'backoff_factor'],
        evidence: [{ path: 'hc/lib/store.py', line: 6 }],
      },
    },
  ],
});

const GITHUB_RETRY = [
  'package org.acme;',
  '',
  'import org.kohsuke.github.GitHubBuilder;',
  '',
  'final class GitHubRetry {',
  '    private static final int MAX_RETRY = 3;',
  '',
  '    static <T> T executeWithRetry(java.util.function.Supplier<T> action) {',
  '        RuntimeException last = null;',
  '        for (int i = 0; i < MAX_RETRY; i++) {',
  '            if (last != null) {',
  '                sleep(1000);',
  '            }',
  '            try {',
  '                return action.get();',
  '            } catch (RuntimeException e) {',
  '                last = e;',
  '            }',
  '        }',
  '        throw last;',
  '    }',
  '',
  '    static Object connect(String token) throws Exception {',
  '        return new GitHubBuilder().withOAuthToken(token).build();',
  '    }',
  '}',
  '',
].join('\n');

ruleTester(retries, {
  valid: [
    {
      name: 'a Java loop bounded by an upper-case MAX_RETRY around a GitHub API call is a hand-written retry (partial, no backoff)',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>quarkus-rest</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/org/acme/GitHubRetry.java': GITHUB_RETRY,
      },
      expect: { outcome: 'partial', evidence: [{ path: 'src/main/java/org/acme/GitHubRetry.java', line: 10 }] },
    },
  ],
  invalid: [
    {
      name: 'the same GitHub call without the loop: no retry (and not "no outbound calls")',
      profile: 'service',
      tree: {
        'pom.xml':
          '<project>\n  <dependencies>\n    <dependency>\n      <groupId>io.quarkus</groupId>\n      <artifactId>quarkus-rest</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n',
        'src/main/java/org/acme/GitHubClient.java':
          'package org.acme;\n\nimport org.kohsuke.github.GitHubBuilder;\n\nfinal class GitHubClient {\n    static Object connect(String token) throws Exception {\n        return new GitHubBuilder().withOAuthToken(token).build();\n    }\n}\n',
      },
      expect: { outcome: 'fail' },
    },
  ],
});
