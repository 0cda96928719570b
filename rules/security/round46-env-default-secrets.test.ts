/**
 * Blind rounds 45–46, class "a committed default for a secret in production configuration" (issue 15):
 * a literal default where production code or configuration reads a secret from the environment
 * (`os.getenv("SECRET_KEY", "…")`, `ENV.fetch("X") { "…" }`, `process.env.JWT_SECRET || "…"`,
 * `getEnv("JWT_SECRET", "…")`, `${JWT_SECRET:…}`) is the value every deployment that forgets the
 * variable runs with. A generated-looking one is a committed secret; a stand-in (`changeme`,
 * `your-secret`, `django-insecure-…`) is named and set aside; tests, dev profiles and non-secret
 * names are not read.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import noCommittedSecrets from './no-committed-secrets.js';
import { defaultSecretValue } from '../../src/facts/secrets.js';

// A generated-looking key, assembled so no scanner flags this file.
const KEY = ['Qh7vR2mXk9PzL4wN', 'b8Tc3Yd6Fs1Ga5Je', '0uKi-Vo_Hn2Wq7Ep'].join('');

const run = (tree: Tree) => runRuleOn(noCommittedSecrets, tree, { profile: 'service' });
const cited = (r: Awaited<ReturnType<typeof run>>, path: string) => r.evidence.find((e) => e.path === path);

const cases: { lang: string; path: string; line: (v: string) => string; extra?: Tree }[] = [
  {
    lang: 'Python os.environ.get',
    path: 'app/settings.py',
    line: (v) => `SECRET_KEY = os.environ.get("SECRET_KEY", "${v}")`,
  },
  { lang: 'Python os.getenv', path: 'service/config.py', line: (v) => `JWT_SECRET = os.getenv('JWT_SECRET', '${v}')` },
  {
    lang: 'Python decouple config(default=)',
    path: 'proj/settings/base.py',
    line: (v) => `SECRET_KEY = config("DJANGO_SECRET_KEY", default="${v}")`,
  },
  {
    lang: 'Ruby ENV.fetch block',
    path: 'config/initializers/jwt.rb',
    line: (v) => `JWT_KEY = ENV.fetch("JWT_SECRET") { "${v}" }`,
  },
  { lang: 'Ruby ENV.fetch default', path: 'lib/auth.rb', line: (v) => `SECRET = ENV.fetch('APP_SECRET', '${v}')` },
  {
    lang: 'Ruby ENV[] ||',
    path: 'config/application.rb',
    line: (v) => `config.secret_key_base = ENV["SECRET_KEY_BASE"] || "${v}"`,
  },
  { lang: 'Node ||', path: 'src/config.ts', line: (v) => `export const jwtSecret = process.env.JWT_SECRET || '${v}';` },
  { lang: 'Node ??', path: 'server/auth.js', line: (v) => `const secret = process.env.SESSION_SECRET ?? "${v}";` },
  {
    lang: 'Go getEnv helper',
    path: 'internal/config/config.go',
    line: (v) => `\tJWTSecret: getEnv("JWT_SECRET", "${v}"),`,
  },
  { lang: 'PHP env()', path: 'config/jwt.php', line: (v) => `    'secret' => env('JWT_SECRET', '${v}'),` },
  {
    lang: 'Spring ${VAR:default} in application.yml',
    path: 'src/main/resources/application.yml',
    line: (v) => `security:\n  jwt:\n    secret: \${JWT_SECRET:${v}}`,
  },
  {
    lang: 'Quarkus ${VAR:default} in application.properties',
    path: 'src/main/resources/application.properties',
    line: (v) => `smallrye.jwt.sign.key=\${JWT_SIGNING_KEY:${v}}`,
  },
];

describe('round 46: a generated-looking default for a secret is committed, in every language', () => {
  for (const c of cases) {
    it(`fails on ${c.lang}`, async () => {
      const r = await run({ [c.path]: `${c.line(KEY)}\n`, ...c.extra });
      expect(r.outcome).toBe('fail');
      const e = cited(r, c.path);
      expect(e?.line).toBe(c.line(KEY).split('\n').length);
      expect(e?.note).toMatch(/every deployment that forgets to set \w+ runs with this committed value/);
      expect(JSON.stringify(r.evidence)).not.toContain(KEY.slice(8));
    });

    it(`names a stand-in default in ${c.lang}, not counted`, async () => {
      const r = await run({ [c.path]: `${c.line('change-me-to-a-long-random-string')}\n` });
      expect(r.outcome).toBe('pass');
      expect(r.message).toMatch(/Set aside: 1 placeholder default for a secret/);
      expect(cited(r, c.path)?.note).toMatch(/placeholder default for \w+/);
    });
  }

  it('reads no default in tests, dev profiles or for names that hold no secret', async () => {
    const r = await run({
      'tests/test_auth.py': `SECRET_KEY = os.getenv("SECRET_KEY", "${KEY}")\n`,
      'src/main/resources/application-dev.yml': `jwt:\n  secret: \${JWT_SECRET:${KEY}}\n`,
      'src/app.ts': `const region = process.env.AWS_REGION || "${KEY}";\nconst k = process.env.VITE_API_KEY || "${KEY}";\n`,
      'src/db.py': 'DB_PASSWORD = os.getenv("DB_PASSWORD", "")\nTOKEN_TTL = os.getenv("TOKEN_TTL", "3600")\n',
      'src/keys.py': 'JWT_KEY_PATH = os.getenv("JWT_PRIVATE_KEY", "/run/secrets/jwt.pem")\n',
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).not.toMatch(/placeholder default/);
  });

  it('commented-out code is no default', async () => {
    const r = await run({ 'src/config.js': `// const s = process.env.JWT_SECRET || "${KEY}";\n` });
    expect(r.outcome).toBe('pass');
  });
});

describe('round 46: a stand-in signing secret shipped in nested Micronaut configuration', () => {
  const micronaut = (secret: string): Tree => ({
    'build.gradle': "dependencies { implementation 'io.micronaut.security:micronaut-security-jwt' }\n",
    'src/main/resources/application.yml': [
      'micronaut:',
      '  security:',
      '    token:',
      '      jwt:',
      '        signatures:',
      '          secret:',
      '            generator:',
      `              secret: "${secret}"`,
      '',
    ].join('\n'),
  });

  it('names the shipped placeholder with its line', async () => {
    const r = await run(micronaut('pleasechangeme!pleasechangeme!pleasechangeme!'));
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(
      /placeholder default for a secret in production code or configuration \(micronaut\.security\.token\.jwt\.signatures\.secret\.generator\.secret at src\/main\/resources\/application\.yml:8/,
    );
  });

  it('fails on a generated secret there', async () => {
    const r = await run(micronaut(KEY));
    expect(r.outcome).toBe('fail');
    expect(cited(r, 'src/main/resources/application.yml')?.line).toBe(8);
  });
});

describe('defaultSecretValue: one judge of the literal', () => {
  it.each([
    [KEY, 'real'],
    ['django-insecure-3k9x0m2q8r7t6y5u4i3o2p1', 'placeholder'],
    ['your-jwt-secret', 'placeholder'],
    ['secret', 'placeholder'],
    ['my_super_secret_key', 'placeholder'],
    ['', undefined],
    ['abc', undefined],
    ['/etc/app/jwt.key', undefined],
    ['http://vault:8200', undefined],
  ] as const)('%s → %s', (v, want) => {
    expect(defaultSecretValue(v)).toBe(want);
  });
});

describe('round 46: .NET signing key in appsettings, by environment', () => {
  const dotnet = (file: string, key: string): Tree => ({
    'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
    [`Api/${file}`]: `{\n  "Jwt": {\n    "Key": "${key}",\n    "Issuer": "api"\n  }\n}\n`,
  });

  it('fails on a generated key in the production appsettings.json', async () => {
    const r = await run(dotnet('appsettings.json', KEY));
    expect(r.outcome).toBe('fail');
    expect(cited(r, 'Api/appsettings.json')?.line).toBe(3);
  });

  it('does not count the same key in appsettings.Development.json', async () => {
    const r = await run(dotnet('appsettings.Development.json', KEY));
    expect(r.outcome).not.toBe('fail');
  });

  it('names a placeholder key shipped in appsettings.json', async () => {
    const r = await run(dotnet('appsettings.json', 'your-256-bit-secret-goes-here'));
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(
      /placeholder default for a secret in production code or configuration \(Jwt\.Key at Api\/appsettings\.json:3\)/,
    );
  });
});
