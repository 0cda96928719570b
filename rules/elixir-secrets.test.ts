/**
 * Mix environments (issue 15, blind round 27): config/<env>.exs is loaded only under that
 * MIX_ENV. A key in the config of an env no deployment uses (dev, test, or a project's own such
 * as a CI-only `hex` env) is not a production secret; prod.exs, runtime.exs, config.exs and the
 * env a Dockerfile builds the release with stay strict.
 */
import secrets from './security/no-committed-secrets.js';
import { ruleTester } from '../src/testing/rule-tester.js';
import { phoenixService } from '../src/testing/elixir-trees.js';

// Assembled at run time so that no scanner flags this test file itself.
const BEGIN = ['-----BEGIN', 'EC PRIVATE', 'KEY-----'].join(' ');
const END = ['-----END', 'EC PRIVATE', 'KEY-----'].join(' ');
const body = 'MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oPlkvWFH2GPYoAoGCCqGSM49AwEHoUQDQgAE7L1o0xkq';
const withKey = (file: string) => ({
  [file]: `import Config\n\nconfig :shop,\n  jwt_signing_key: """\n  ${BEGIN}\n  ${body}\n  ${END}\n  """\n`,
});

ruleTester(secrets, {
  valid: [
    {
      name: 'a key in the config of a CI-only Mix env (config/hex.exs) is set aside like dev/test',
      tree: phoenixService([], {
        ...withKey('config/hex.exs'),
        Dockerfile: 'FROM elixir:1.17\nENV MIX_ENV=prod\nRUN mix release\n',
      }),
      expect: { outcome: 'pass', message: 'config/hex.exs' },
    },
  ],
  invalid: [
    {
      name: 'the same key in config/prod.exs is a production secret',
      tree: phoenixService([], withKey('config/prod.exs')),
      expect: { outcome: 'fail', evidence: [{ path: 'config/prod.exs', line: 5 }] },
    },
    {
      name: 'config/runtime.exs is loaded by every release',
      tree: phoenixService([], withKey('config/runtime.exs')),
      expect: { outcome: 'fail', evidence: [{ path: 'config/runtime.exs' }] },
    },
    {
      name: 'a custom env the Dockerfile builds the release with is deployed',
      tree: phoenixService([], {
        ...withKey('config/demo.exs'),
        Dockerfile: 'FROM elixir:1.17\nARG MIX_ENV="demo"\nRUN mix release\n',
      }),
      expect: { outcome: 'fail', evidence: [{ path: 'config/demo.exs' }] },
    },
  ],
});
