import { describe, expect, it } from 'vitest';
import rule from './no-committed-secrets.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';
import { Symlink } from '../../src/testing/memory.js';

// Built at run time so that this file never contains a token a scanner would flag.
const AWS = 'AKIA' + 'Q3EGT7V2ZMWX4KPL';
const GH = 'ghp_' + 'r8Yb2LwQ7nVt5XcZ1mKp9HsD3fGj6aE0uR4i';
const STRIPE = 'sk_live_' + '51HxQ2mEtR9vWbZ8kLp3NcYd';
const JWT = 'q8Vt3Lz' + 'P1mXw9KcR5bN2';
const OPENAI = 'sk-proj-' + 'Ab3dE5fG7hJ9kL1mN3pQ' + 'T3Blbk' + 'FJ' + 'Zx8Yw6Vu4Ts2Rq0PoN1m';
const APP_SECRET = 'd3fe' + 'c01ae919b7b8af23f962a1f87f95';
const CLIENT_SECRET = 'Q7xIiu' + 'NEUjEYfiEfiNrWOfI4';
const VAULT_TOKEN = '7c91e3a0-' + '4b2d-4f6e-9a15-c83d02b7e4f1';
const PEM = '-----BEGIN RSA ' + 'PRIVATE KEY-----\nMIIEowIBAAKCAQEA7b\n-----END RSA PRIVATE KEY-----\n';

ruleTester(rule, {
  valid: [
    {
      name: 'an env file named for tests (hack/test_asymmetric.env) is a test fixture: set aside and named, not counted (blind round 17)',
      tree: {
        'go.mod': 'module example.com/idp\n',
        'main.go': 'package main\n\nfunc main() {}\n',
        'hack/test_asymmetric.env': `API_EXTERNAL_URL=http://localhost:9999\nGOTRUE_JWT_SECRET=${JWT}\nGOTRUE_OPERATOR_TOKEN=${APP_SECRET}\n`,
        'internal/tokens/service_test.go':
          'package tokens\n\nfunc TestAsymmetric(t *testing.T) {\n\tconf.LoadFile("../../hack/test_asymmetric.env")\n}\n',
      },
      expect: {
        outcome: 'pass',
        message: 'Set aside: 1 env file named for tests (hack/test_asymmetric.env)',
        evidence: [{ path: 'hack/test_asymmetric.env', note: expect.stringContaining('set aside as a test fixture') }],
        data: { envFiles: 0 },
      },
    },
    {
      name: 'env files named for local development (server/config.dev.env, .env.development) are set aside and named, not counted (blind round 32)',
      tree: {
        'package.json': '{"name":"board","scripts":{"start":"node server.js --config config.dev.env"}}',
        'server/config.dev.env': 'APP_PORT = 3010\nAPP_SERVICE_TOKEN_SECRET = secr3t\n',
        '.env.development': `API_URL=http://localhost:3000\nSESSION_SECRET=${APP_SECRET}\n`,
      },
      expect: {
        outcome: 'pass',
        message: 'Set aside: 2 env files named for local development',
        evidence: [{ path: 'server/config.dev.env', note: expect.stringContaining('named for local development') }],
      },
    },
    {
      name: 'self-describing placeholders in Helm chart-testing values (32_character_string_is_required_, xxx) are not secrets (blind round 17)',
      tree: {
        'charts/status/Chart.yaml': 'apiVersion: v2\nname: status\nversion: 1.0.0\n',
        'charts/status/values.yaml': 'env:\n  APP_KEY: ""\n',
        'charts/status/ci/ct-values.yaml': 'env:\n  APP_KEY: 32_character_string_is_required_\n  SECRET_KEY: xxx\n',
      },
      expect: { outcome: 'pass', absent: ['ct-values.yaml'] },
    },
    {
      name: 'a PEM header as a form placeholder (no key body) and a .env symlink to an uncommitted file are no secrets (round 16)',
      tree: {
        'package.json': '{"name":"admin","dependencies":{"react":"18.0.0"}}',
        'apps/admin/src/features/settings/constants.ts': [
          'export const appleFields = [',
          '  {',
          "    key: 'privateKey',",
          "    label: 'Private Key (.p8)',",
          '    multiline: true,',
          "    placeholder: '-----BEGIN PRIVATE KEY-----',",
          '    secret: true,',
          '  },',
          ']',
          '',
        ].join('\n'),
        'apps/core/.env': new Symlink('../../.env'),
      },
      expect: {
        outcome: 'pass',
        data: { findings: 0 },
        evidence: [{ path: '.' }, { path: 'apps/core/.env', note: expect.stringContaining('a symbolic link') }],
      },
    },
    {
      name: 'a private key in configuration only the test environment loads (config/settings/test.yml) is a note, not a failure (round 11)',
      tree: {
        Gemfile: "gem 'rails'\n",
        'config/settings.yml': 'api_timeout: 30\n',
        'config/settings/test.yml': `comments_per_hour: 10\n# Key for signing id_tokens\nsigning_key: |\n  ${PEM.replace(/\n/g, '\n  ')}`,
        'appsettings.Testing.json': `{\n  "Authentication": {\n    "Google": {\n      "ClientSecret": "${CLIENT_SECRET}"\n    }\n  }\n}\n`,
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'config/settings/test.yml', line: 4, note: expect.stringContaining('set aside, not counted') },
          {
            path: 'appsettings.Testing.json',
            line: 4,
            note: expect.stringContaining('test, example or development-only'),
          },
        ],
        absent: [CLIENT_SECRET],
      },
    },
    {
      name: 'placeholders and demo values under secret-named keys in appsettings.json are no secrets',
      tree: {
        'Shop/appsettings.json':
          '{\n  "ConnectionStrings": {\n    "Default": "User ID=postgres;Password=postgres;Host=db;Database=shop"\n  },\n  "Authentication": {\n    "Facebook": { "AppId": "", "AppSecret": "" },\n    "Google": { "ClientSecret": "your-client-secret" },\n    "Stripe": { "ApiKey": "<stripe api key>", "PublishableKey": "pk_live_51HxQ2mEtR9" },\n    "Smtp": { "Password": "changeme" }\n  }\n}\n',
      },
      expect: { outcome: 'pass', data: { findings: 0 } },
    },
    {
      name: 'a placeholder secret_key copied into the image, and a hex secret_key in a config no Dockerfile copies, are no finding',
      tree: {
        'metasearch/settings.yml': "server:\n  secret_key: 'ultrasecretkey'\n",
        'tools/local/settings.yml':
          "server:\n  secret_key: '9c41e07b5d2a8f36c1e4b7a0d95f2e68b3c7a1f04e8d6b2c5a9f3e7d1b0c4a86'\n",
        Dockerfile: 'FROM python:3.12-slim\nCOPY metasearch/ /etc/metasearch/\nCMD ["python", "-m", "metasearch"]\n',
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'demo mTLS keys of a hidden .examples/ folder are set aside like testdata keys, and the message says so',
      tree: {
        'go.mod': 'module github.com/acme/watch\n',
        '.examples/docker-compose-mtls/certs/server/server.key': PEM,
        '.examples/docker-compose-mtls/certs/client/client.key': PEM,
        'demo/tls/demo.key': PEM,
      },
      expect: {
        outcome: 'pass',
        message: [
          'Set aside: 3 private key files in test, example or development-only places',
          '.examples/docker-compose-mtls/certs/client/client.key',
        ],
        data: { keysSetAside: 3 },
        evidence: [
          {
            path: '.examples/docker-compose-mtls/certs/client/client.key',
            line: 1,
            note: 'private key in a test, example or development-only place: set aside, not counted',
          },
        ],
      },
    },
    {
      name: 'signing keys read from configuration, passed in tests, or in commented-out code are no finding',
      tree: {
        'src/Shop/ServicesExtensions.cs':
          'var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!));\n// var old = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("' +
          JWT +
          '"));\n',
        'src/auth.js':
          "const jwt = require('jsonwebtoken');\nexports.issue = (u) => jwt.sign({ id: u.id }, process.env.JWT_SECRET, { algorithm: 'HS256' });\n/* jwt.sign(payload, '" +
          JWT +
          "') */\n",
        'tests/Shop.Tests/TokenTests.cs': `var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("${JWT}"));\n`,
        'test/auth.test.js': `const token = jwt.sign({ id: 1 }, '${JWT}');\n`,
      },
      expect: { outcome: 'pass', data: { findings: 0 } },
    },
    {
      name: 'a private key block in test resources is set aside and named, never "no private keys"',
      tree: {
        'src/test/resources/local-cert/server.key': PEM.replace('RSA ', ''),
        'src/main/java/org/x/Parser.java': 'class Parser {}\n',
      },
      expect: {
        outcome: 'pass',
        data: { findings: 0, privateKeysInTests: 1 },
        evidence: [
          {
            path: '.',
            note: expect.stringContaining(
              '1 private key block found in test, example or development-only places and set aside',
            ),
          },
          { path: 'src/test/resources/local-cert/server.key', line: 1, note: expect.stringContaining('set aside') },
        ],
      },
    },
    {
      name: "a secret filter's own table of sample tokens beside their regexes is test data",
      tree: {
        'crates/client/src/secrets.rs':
          'pub static SECRET_PATTERNS: &[(&str, &str, &str)] = &[\n    ("AWS Access Key ID", "A[KS]IA[0-9A-Z]{16}", "' +
          AWS +
          '"),\n    ("GitHub PAT", "ghp_[a-zA-Z0-9]{36}", "' +
          GH +
          '"),\n    ("GitHub OAuth", "gho_[A-Za-z0-9]{36}", "x"),\n];\n',
      },
      expect: { outcome: 'pass', data: { findings: 2, inTestsOrExamples: 2 } },
    },
    {
      name: 'AWS key IDs inside scraped HTML pages kept as test data are not credentials',
      tree: {
        'tests/data/html/pizza.html': `<a href="https://www.amazon.com/dp/B0?tag=x&SubscriptionId=${AWS}&linkCode=xm2">buy</a>\n`,
      },
      expect: { outcome: 'pass', data: { findings: 0 } },
    },
    {
      name: 'a commented placeholder key in chart values and a localhost dev-server key are not committed credentials',
      tree: {
        'charts/cd/values.yaml':
          'ssh:\n  # key: |\n  #  -----BEGIN OPENSSH PRIVATE KEY-----\n  #  ...\n  #  -----END OPENSSH PRIVATE KEY-----\n',
        'apps/client/localhost.pem': PEM,
        'certs/server.dev.key': PEM,
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'the test suite env file and the CI test job hold fixtures: a key in .env.test, a SECRET_KEY in ci.yml',
      tree: {
        '.env.test': `NODE_ENV=test\nSECRET_KEY=${JWT}\nGITHUB_APP_PRIVATE_KEY="-----BEGIN RSA ${'PRIVATE KEY-----\\nMIIEowIBAAKCAQEA7bQ2\\n'}-----END RSA PRIVATE KEY-----"\n`,
        '.github/workflows/ci.yml': `env:\n  NODE_ENV: test\n  SECRET_KEY: ${JWT}\njobs: {}\n`,
      },
      expect: { outcome: 'pass', absent: [JWT] },
    },
    {
      name: 'a demo .env whose values are the literal word password is noted, not failed (piggymetrics)',
      tree: {
        '.env':
          'CONFIG_SERVICE_PASSWORD=password\nMONGODB_PASSWORD=password\nADMIN_SECRET=secret\nDB_PASSWORD=postgres\n',
        'docker-compose.yml':
          'services:\n  config:\n    environment:\n      CONFIG_SERVICE_PASSWORD: $CONFIG_SERVICE_PASSWORD\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: '.' }, { path: '.env', note: expect.stringContaining('no real secret values') }],
      },
    },
    {
      name: 'a config template whose secret says to replace it is a placeholder',
      tree: {
        'lldap_config.docker_template.toml':
          '## generate it with openssl rand\n#jwt_secret = "REPLACE_WITH_RANDOM"\njwt_secret = "to_be_replaced_by_ops"\n',
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'generated development/test keys in Rails secrets.yml are noted, not scored',
      tree: {
        'config/secrets.yml': `development:\n  secret_key_base: ${'9f8e7d6c5b4a'.repeat(4)}\nproduction:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n`,
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'config/secrets.yml', line: 2, snippet: 'secret_key_base: [REDACTED]' }],
        absent: ['9f8e7d6c5b4a'],
      },
    },
    {
      name: 'the access key ID of an expired pre-signed URL is a key ID, not a secret',
      tree: {
        'services/demo/app.yaml': `screenshot: https://bucket.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${AWS}%2F20241220%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=300\n`,
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'a harness env file of the Playwright suite holds throw-away passwords',
      tree: {
        'playwright/test.env': `# Shared Playwright test file\nTEST_USER_PASSWORD=${JWT}\nDATABASE_URL=postgresql://warden:${JWT}@127.0.0.1:5432/warden\n`,
      },
      expect: { outcome: 'pass', absent: [JWT] },
    },
    {
      name: 'a clean tree passes',
      tree: { 'src/app.ts': 'const key = process.env.API_KEY;\n', '.env.example': 'API_KEY=\nDB_PASSWORD=changeme\n' },
      expect: { outcome: 'pass' },
    },
    {
      name: 'placeholders and documented example keys are ignored',
      tree: {
        'docs/aws.md': 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n',
        'config/app.yml': 'jwt_secret: ${JWT_SECRET}\nSECRET_KEY: your-secret-key-here-please\n',
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'TLS keys in test fixtures are not counted',
      tree: { 'tests/certs/server.key': PEM, 'src/main.go': 'package main\n' },
      expect: { outcome: 'pass' },
    },
    {
      name: 'a committed .env with only public settings is noted, not failed',
      tree: { 'web/.env': 'VITE_API_URL=http://localhost:8000\nPORT=3000\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'web/.env' }] },
    },
    {
      name: 'Firebase client config keys are public by design',
      tree: {
        'src/firebase.ts': `export const firebaseConfig = { apiKey: "AIza${'SyB3xQ9vLm2Np8Rt5Wc1Kd7Hf4Jg6Ye0Zu'}" };\n`,
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'a signing key in a settings module for CI is noted, not counted; a .env holding a SQLite path has no secret',
      tree: {
        'app/settings/ci.py': 'from .base import *\n\nSECRET_KEY = "Zq8vN2kLp4Rt7WxY9sBc"\n',
        'backend/prisma/.env': '# default database for local runs\nDATABASE_URL="file:../data/app.db"\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'app/settings/ci.py', line: 3, note: expect.stringContaining('development-only') },
          { path: 'backend/prisma/.env', note: expect.stringContaining('no real secret values') },
        ],
        absent: ['Zq8vN2kLp4Rt7WxY9sBc'],
      },
    },
  ],
  invalid: [
    {
      name: 'a production-named env file (deploy/prod.env) and the local override .env.development.local are still counted (round 32 counterpart)',
      tree: {
        'package.json': '{"name":"board"}',
        'deploy/prod.env': `SESSION_SECRET=${APP_SECRET}\n`,
        '.env.development.local': `CLIENT_SECRET=${CLIENT_SECRET}\n`,
      },
      expect: { outcome: 'fail', message: '2 .env files with secrets' },
    },
    {
      name: 'a key built from quoted PEM lines in code is a key: its body follows the header (round 16 counterpart)',
      tree: {
        'package.json': '{"name":"api","dependencies":{"express":"4.0.0"}}',
        'src/sign.ts': [
          'export const KEY =',
          "  '-----BEGIN RSA " + "PRIVATE KEY-----\\n' +",
          "  'MIIEowIBAAKCAQEA7bq9Xk2mP0aQe1RtLc8VwZ\\n' +",
          "  '-----END RSA PRIVATE KEY-----'",
          '',
        ].join('\n'),
      },
      expect: { outcome: 'fail', evidence: [{ path: 'src/sign.ts', line: 2, note: 'private key' }] },
    },
    {
      name: 'a 128-hex session secret committed as the default in config/config.yml is a committed signing secret',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n",
        'config/config.yml':
          "# Defaults for every environment: copy a section into local.yml to change it.\n# do not use the defaults in production!\nSESSION_KEY: '_app_session'\nSESSION_SECRET: '5e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f86'\n",
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'config/config.yml', line: 4 }],
        absent: [
          '5e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f865e0c3a9b71d24f86',
        ],
      },
    },
    {
      name: 'an AWS key ID in a CI workflow that also deploys is not said to sit in a test place',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        '.github/workflows/ci.yml':
          'name: CI\non: push\nenv:\n  AWS_ACCESS_KEY_ID: AKIA2EXQ7RWC4TNVLD5K\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n',
      },
      expect: {
        outcome: 'partial',
        message: 'in a CI workflow that also deploys only',
        evidence: [{ path: '.github/workflows/ci.yml', line: 4 }],
        absent: ['test, sample or example places', 'AKIA2EXQ7RWC4TNVLD5K'],
      },
    },
    {
      name: 'AppSecret and ClientSecret with real-looking values in the shipped appsettings.json fail, redacted (round 11)',
      tree: {
        'src/Shop.WebHost/appsettings.json': `{\n  "ConnectionStrings": {\n    "DefaultConnection": "Server=.;Database=Shop;Trusted_Connection=True"\n  },\n  "Authentication": {\n    "Facebook": {\n      "AppId": "1716532045292977",\n      "AppSecret": "${APP_SECRET}"\n    },\n    "Google": {\n      "ClientId": "583825788849-abc.apps.googleusercontent.com",\n      "ClientSecret": "${CLIENT_SECRET}"\n    }\n  }\n}\n`,
        'src/Shop.WebHost/appsettings.Development.json': '{ "Logging": { "LogLevel": { "Default": "Debug" } } }\n',
      },
      expect: {
        outcome: 'fail',
        message: '2 credentials',
        evidence: [
          {
            path: 'src/Shop.WebHost/appsettings.json',
            line: 8,
            note: expect.stringContaining('secret-named configuration key'),
          },
          {
            path: 'src/Shop.WebHost/appsettings.json',
            line: 12,
            note: expect.stringContaining('secret-named configuration key'),
          },
        ],
        absent: [APP_SECRET, CLIENT_SECRET],
      },
    },
    {
      name: 'a secret-named key in a shipped Java .properties file fails, redacted; placeholders, labels, test resources and public test keys do not (round 15)',
      tree: {
        'pom.xml': '<project><artifactId>shop</artifactId></project>\n',
        'shop/src/main/resources/vault.properties': `vault.uri=https://vault.acme-shop.net:8200\nvault.token=${VAULT_TOKEN}\nauthToken.header=Authorization\n`,
        'shop/src/main/resources/application.properties': [
          'spring.datasource.url=jdbc:mysql://db:3306/shop',
          'spring.datasource.password=${DB_PASSWORD}',
          'jwt.secret=${JWT_SECRET}',
          'config.recaptcha.secretKey=6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe',
          'mail.smtp.password=changeme-in-prod',
        ].join('\n'),
        'shop/src/main/resources/bundles/payment_fr.properties':
          'module.payment.paypal.secret=PayPal secret\nlabel.generic.password=Motdepasse\n',
        'shop/src/test/resources/database.properties': `db.password=${VAULT_TOKEN}\n`,
        'admin/src/main/resources/application.yml': `spring:\n  cloud:\n    vault:\n      token: ${VAULT_TOKEN}\n      uri: https://vault.acme-shop.net:8200\n  mail:\n    token: \${MAIL_TOKEN}\n`,
      },
      expect: {
        outcome: 'fail',
        message: '2 credentials',
        evidence: [
          {
            path: 'admin/src/main/resources/application.yml',
            line: 4,
            snippet: 'token: [REDACTED]',
            note: expect.stringContaining('secret-named configuration key'),
          },
          {
            path: 'shop/src/main/resources/vault.properties',
            line: 2,
            snippet: 'vault.token=[REDACTED]',
            note: expect.stringContaining('secret-named configuration key'),
          },
        ],
        absent: [VAULT_TOKEN, 'application.properties', 'payment_fr.properties'],
      },
    },
    {
      name: 'a connection string with a real password for a remote server in appsettings.json fails',
      tree: {
        'Api/appsettings.json':
          '{\n  "ConnectionStrings": {\n    "Main": "Server=sql.acme-shop.net;Database=shop;User Id=shop;Password=Vx9#kLm2Qp7z;"\n  }\n}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'Api/appsettings.json', line: 3 }],
        absent: ['Vx9#kLm2Qp7z'],
      },
    },
    {
      name: 'a Kubernetes Secret data: value is judged decoded: a base64 placeholder is none, a base64 generated key fails',
      tree: {
        'k8s/base/app-secret.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secret\ntype: Opaque\ndata:\n  jwt-secret-key: cGxhY2Vob2xkZXItand0LXNpZ25pbmctc2VjcmV0LW1pbi0xNg==\n  mail-api-key: UExBQ0VIT0xERVItTUFJTC1BUEktS0VZ\n',
        'k8s/overlays/prod/app-secret.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-secret\ntype: Opaque\ndata:\n  jwt-secret-key: cTdadDJtS3g5THdQNHZSYjhzTmQzSGZZNmpHYzFhRXU=\n',
      },
      expect: {
        outcome: 'fail',
        message: '1 credential',
        evidence: [{ path: 'k8s/overlays/prod/app-secret.yaml', line: 7, note: 'signing secret in configuration' }],
      },
    },
    {
      name: '.NET: the nested "Jwt": { "Key": … } form fails; a Key of another section or a placeholder does not',
      tree: {
        'src/Api/appsettings.json':
          '{\n  "Logging": {\n    "LogLevel": { "Default": "Information" }\n  },\n  "Cache": {\n    "Key": "products-catalogue-v2-all"\n  },\n  "Jwt": {\n    "Issuer": "https://api.acme.io",\n    "Key": "9c41e0d2b7f84a6c93d15e27a0b8f6c41d2e9a7b3c5f8e01d6a4b2c9e7f30d18",\n    "ExpiryMinutes": 60\n  }\n}\n',
        'src/Api/appsettings.Production.json': '{\n  "Jwt": {\n    "Key": "${JWT_KEY}"\n  }\n}\n',
      },
      expect: {
        outcome: 'fail',
        message: '1 credential',
        evidence: [{ path: 'src/Api/appsettings.json', line: 10, note: 'signing secret in configuration' }],
      },
    },
    {
      name: '.NET: a signing key in AppSettings.json and the same key in compose env fail; the Development file is a development value',
      tree: {
        'source/Web/AppSettings.json':
          '{\n    "AllowedHosts": "*",\n    "SigningKey": "9c41e0d2b7f84a6c93d15e27a0b8f6c41d2e9a7b3c5f8e01d6a4b2c9e7f30d18",\n    "ConnectionStrings": {\n        "Context": "Server=db;Database=App;"\n    }\n}\n',
        'source/Web/appsettings.Development.json':
          '{\n    "SigningKey": "9c41e0d2b7f84a6c93d15e27a0b8f6c41d2e9a7b3c5f8e01d6a4b2c9e7f30d18"\n}\n',
        'source/Web/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nvar key = builder.Configuration["SigningKey"];\n',
        'docker-compose.yaml':
          'services:\n    web:\n        build:\n            context: .\n        environment:\n            - SigningKey=9c41e0d2b7f84a6c93d15e27a0b8f6c41d2e9a7b3c5f8e01d6a4b2c9e7f30d18\n',
      },
      expect: {
        outcome: 'fail',
        message: '2 credentials',
        evidence: [
          { path: 'docker-compose.yaml', line: 6, note: 'signing secret in configuration' },
          { path: 'source/Web/AppSettings.json', line: 3, note: 'signing secret in configuration' },
        ],
      },
    },
    {
      name: 'a hex secret_key in a search service settings.yml the Dockerfile copies into the image fails, cited with the COPY line',
      tree: {
        'metasearch/settings.yml':
          "use_default_settings: true\n\nserver:\n  secret_key: '9c41e07b5d2a8f36c1e4b7a0d95f2e68b3c7a1f04e8d6b2c5a9f3e7d1b0c4a86' # overwritten by ${SEARCH_SECRET}\n  limiter: false\n",
        Dockerfile:
          'FROM node:20-slim\nWORKDIR /app\nCOPY src ./src\nRUN mkdir -p /etc/metasearch\nCOPY metasearch/settings.yml /etc/metasearch/settings.yml\nCMD ["node", "src/index.js"]\n',
      },
      expect: {
        outcome: 'fail',
        message: '1 credential',
        evidence: [
          {
            path: 'metasearch/settings.yml',
            line: 4,
            note: 'hex secret key in a service configuration the Dockerfile copies into the image (Dockerfile:5): every container runs with this public key; generate it at deploy time or read it from the environment',
          },
        ],
      },
    },
    {
      name: "Spring's nested jwt: secret: with a generated value in application.yml fails; a ${JWT_SECRET} placeholder or another parent does not",
      tree: {
        'src/main/resources/application.yml':
          'spring:\n  datasource:\n    url: jdbc:postgresql://db/app\n# token settings\njwt:\n  expiration: 86400\n  secret: ' +
          JWT +
          '\noauth:\n  client:\n    secret: ${OAUTH_SECRET}\n',
        'src/main/resources/application-prod.yml': 'jwt:\n  secret: ${JWT_SECRET}\n',
        'src/main/resources/application-other.yml': `cache:\n  secret: ${JWT}\n`,
      },
      expect: {
        outcome: 'fail',
        message: '1 credential',
        evidence: [{ path: 'src/main/resources/application.yml', line: 7, note: 'signing secret in configuration' }],
      },
    },
    {
      name: 'a literal passed as the JWT signing key in production code fails, cited over the lines of the call',
      tree: {
        'src/Shop/ServicesExtensions.cs': [
          'public static class ServicesExtensions',
          '{',
          '    public static void AddJwt(this IServiceCollection services)',
          '    {',
          '        var signingKey = new SymmetricSecurityKey(',
          '            "somethinglongerforthisalgorithmisrequired"u8.ToArray()',
          '        );',
          '        var credentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256);',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        data: { byKind: { codeSigningKey: 1 } },
        evidence: [
          {
            path: 'src/Shop/ServicesExtensions.cs',
            line: 5,
            endLine: 6,
            note: expect.stringContaining('JWT/HMAC signing key hard-coded in code'),
          },
        ],
      },
    },
    {
      name: 'jwt.sign, PyJWT, Go SignedString and jjwt with a literal key in production code fail',
      tree: {
        'src/auth.ts':
          "export const issue = (id: string) => jwt.sign({ sub: id }, 'k3yThatShipsWithTheApp', { expiresIn: '1h' });\n",
        'app/tokens.py':
          'def issue(uid):\n    return jwt.encode({"sub": uid}, "shipped-with-the-app", algorithm="HS256")\n',
        'internal/auth/token.go':
          'func Issue(t *jwt.Token) (string, error) {\n\treturn t.SignedString([]byte("shipped-with-the-app"))\n}\n',
        'src/main/java/x/Jwt.java':
          'class Jwt { String s(){ return Jwts.builder().signWith(SignatureAlgorithm.HS256, "shipped-with-the-app").compact(); } }\n',
        // A call after a closed string that holds an apostrophe is still a call.
        'src/login.js': "const hint = \"it's a token\"; const t = jwt.sign({ id: 1 }, 'k3yThatShipsWithTheApp');\n",
        // A rule's own description, quoting an example call inside a string, is text about code.
        'src/rules/jwt-rule.ts':
          'export const description = \'A literal key in code, such as `jwt.sign(payload, "k3yThatShipsWithTheApp")`, is found.\';\n',
      },
      expect: {
        outcome: 'fail',
        message: '5 credentials',
        absent: ['src/rules/jwt-rule.ts'],
        evidence: [
          { path: 'src/auth.ts', line: 1 },
          { path: 'app/tokens.py', line: 2 },
          { path: 'internal/auth/token.go', line: 2 },
          { path: 'src/main/java/x/Jwt.java', line: 1 },
        ],
      },
    },
    {
      name: 'a private key set up for a manual test environment is found',
      tree: { 'test/manual-test-radius-tls/certs/redis.key': PEM },
      expect: { outcome: 'fail', evidence: [{ path: 'test/manual-test-radius-tls/certs/redis.key', line: 1 }] },
    },
    {
      name: "a GitHub OAuth token in Composer's auth file is found",
      tree: {
        '.composer-auth.json':
          '{\n    "github-oauth": {\n        "github.com": "' +
          'a1b2c3d4e5f6' +
          'a7b8c9d0e1f2a3b4c5d6e7f8a9b0' +
          '"\n    }\n}\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: '.composer-auth.json', line: 3, note: 'GitHub OAuth token (Composer auth file)' }],
      },
    },
    {
      name: 'a hard-coded Django SECRET_KEY with punctuation fails; dev sections of Rails secrets.yml and localhost DB URLs do not',
      tree: {
        'conduit/settings.py': `DEBUG = False\nSECRET_KEY = '2^f+3@v7$v1f8yt0!s)3-m${'q9Lz'}'\n`,
        'config/secrets.yml': `development:\n  secret_key_base: ${'9f8e7d6c5b4a'.repeat(4)}\ntest:\n  secret_key_base: ${'1a2b3c4d5e6f'.repeat(4)}\nproduction:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n`,
        'prisma/.env': 'DATABASE_URL="mysql://root:Pw4Local@localhost:3306/app"\n',
      },
      expect: {
        outcome: 'fail',
        message: 'Committed: 1 credential',
        data: { findings: 3, inTestsOrExamples: 2, envFiles: 0 },
        evidence: [{ path: 'conduit/settings.py', line: 2 }],
        absent: ['2^f+3@v7', '9f8e7d6c5b4a', 'Pw4Local'],
      },
    },
    {
      name: 'an AWS key in Python code fails; the evidence shows where, never the key',
      tree: { 'app/storage.py': `import boto3\ns3 = boto3.client("s3", aws_access_key_id="${AWS}")\n` },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'app/storage.py', line: 2, note: 'AWS access key ID' }],
        absent: [AWS, AWS.slice(4)],
      },
    },
    {
      name: 'a GitHub token in a Go file and a Stripe key in a Java file fail, redacted',
      tree: {
        'cmd/sync/main.go': `package main\nconst token = "${GH}"\n`,
        'src/main/java/Pay.java': `class Pay { String k = "${STRIPE}"; }\n`,
      },
      expect: {
        outcome: 'fail',
        data: { byKind: { github: 1, stripe: 1 } },
        absent: [GH, GH.slice(4, 20), STRIPE.slice(8)],
      },
    },
    {
      name: 'an OpenAI key fails, also glued to a prefix by dashes; redacted',
      tree: {
        'app/llm.py': `client = OpenAI(api_key="${OPENAI}")\n`,
        'deploy/values.yaml': `openai:\n  key: team-a-${OPENAI}\n`,
      },
      expect: {
        outcome: 'fail',
        data: { byKind: { saas: 2 } },
        evidence: [
          { path: 'app/llm.py', line: 1 },
          { path: 'deploy/values.yaml', line: 2 },
        ],
        absent: [OPENAI, OPENAI.slice(8)],
      },
    },
    {
      name: 'a JWT secret in a YAML config and a .env with a password fail; values never appear',
      tree: {
        'config/application.yml': `security:\n  jwt-secret: "${JWT}"\n`,
        '.env': `DB_HOST=db\nDB_PASSWORD=Zq8!vT3pLm\nREDIS_PASSWORD=password\n`,
      },
      expect: {
        outcome: 'fail',
        message: '1 credential and 1 .env file with secrets',
        evidence: [
          { path: 'config/application.yml', line: 2 },
          { path: '.env', line: 2, snippet: 'DB_PASSWORD=[REDACTED]' },
        ],
        absent: [JWT, 'Zq8!vT3pLm'],
      },
    },
    {
      name: 'a private key in production code fails, even one named for an environment',
      tree: { 'deploy/id_rsa': PEM, 'deploy/prod.key': PEM },
      expect: { outcome: 'fail', evidence: [{ path: 'deploy/id_rsa', line: 1 }], absent: ['MIIEowIBAAKCAQEA7b'] },
    },
    {
      name: 'a live token in a test file is partial',
      tree: { 'tests/test_billing.py': `STRIPE = "${STRIPE}"\n` },
      expect: { outcome: 'partial', score: 0.5, absent: [STRIPE.slice(8)] },
    },
    {
      name: "JHipster's JWT base64-secret in a sample profile is doubtful (partial), not missed",
      tree: {
        'src/main/resources/config/application-secret-samples.yml':
          'jhipster:\n  security:\n    authentication:\n      jwt:\n        base64-secret: N2Y4ZjQ1MzE5ZTg0YjU2YzA5ZDQxMGQ4YTg2ZjMwNzE4OTM4\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        evidence: [
          {
            path: 'src/main/resources/config/application-secret-samples.yml',
            line: 5,
            note: expect.stringContaining('sample profile'),
          },
        ],
        absent: ['N2Y4ZjQ1MzE5ZTg0YjU2YzA5ZDQxMGQ4YTg2ZjMwNzE4OTM4'],
      },
    },
    {
      name: 'a typed phrase as a production SECRET_KEY is doubtful; a database URL with a password in .env is a leak',
      tree: {
        'shop/settings.py': 'SECRET_KEY = "MYPRODUCTIONSECRETKEY"\n',
        '.env': 'DATABASE_URL=postgres://shop:Rt7WxY9sBcZq8vN2@db.internal:5432/shop\n',
      },
      expect: {
        outcome: 'fail',
        message: '1 .env file with secrets',
        evidence: [
          { path: 'shop/settings.py', line: 1, note: expect.stringContaining('typed phrase') },
          { path: '.env', line: 1 },
        ],
      },
    },
  ],
});

describe('no-committed-secrets redaction', () => {
  it('redacts a secret cut in half by the snippet length, in every field', async () => {
    const line = `const config = { region: "eu-west-1", bucket: "${'a'.repeat(120)}", key: "${GH}" };\n`;
    const run = await runRuleOn(rule, { 'src/config.js': line });
    expect(run.outcome).toBe('fail');
    const all = JSON.stringify(run);
    for (let i = 4; i + 6 <= GH.length; i++) expect(all).not.toContain(GH.slice(i, i + 6));
  });

  it('keeps key material of a one-line (JSON-escaped) PEM out of the snippet', async () => {
    const json = `{"type": "service_account", "private_key": "-----BEGIN PRIVATE ${'KEY'}-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n"}\n`;
    const run = await runRuleOn(rule, { 'deploy/sa.json': json });
    expect(run.outcome).toBe('fail');
    expect(JSON.stringify(run)).not.toContain('MIIEvQIBADAN');
  });
});

describe('no-committed-secrets PEM body test on hostile lines', () => {
  it('a long run of spaces after base64 is no body and is read once (the trailing `+`/`,` is optional, not a second \\s*)', async () => {
    const header = "const k = '-----BEGIN RSA " + "PRIVATE KEY-----';\n";
    const hostile = `${'Q'.repeat(20)}${' '.repeat(40_000)}x\n`;
    const run = await runRuleOn(rule, { 'src/key.js': header + hostile.repeat(3) });
    expect(run.outcome).toBe('pass');
  });

  it('a concatenated body line (`"QUJD…==\\n" +`, trailing spaces) is still key material', async () => {
    const header = "const k = '-----BEGIN RSA " + "PRIVATE KEY-----\\n' +\n";
    const run = await runRuleOn(rule, { 'src/key.js': `${header}  "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY==\\n" +   \n` });
    expect(run.outcome).toBe('fail');
  });
});

describe('no-committed-secrets: .env values that repeat the key name are said to be placeholders (round 18)', () => {
  const env = (secret: string) => `# PORT\nPORT = 3000\n\n# TOKEN\nSECRET_KEY = ${secret}\n\nLOG_FORMAT = dev\n`;
  it('a scaffold .env with SECRET_KEY = secretKey fails, worded as placeholders', async () => {
    const run = await runRuleOn(rule, {
      'package.json': '{"name":"starter"}',
      'templates/api/.env.production.local': env('secretKey'),
      'templates/web/.env.development.local': env('secret_key'),
    });
    expect(run.outcome).toBe('fail');
    expect(run.message).toBe(
      "Committed: 2 .env files with values for secret keys, all placeholders that repeat the key's name, such as SECRET_KEY at templates/api/.env.production.local:5 (values redacted).",
    );
    expect(run.evidence[0]).toMatchObject({
      path: 'templates/api/.env.production.local',
      line: 5,
      note: "committed .env file with a placeholder for SECRET_KEY (the value repeats the key's name): environment files hold real secrets and belong in .gitignore",
    });
  });
  it('a real-looking value keeps the plain wording', async () => {
    const run = await runRuleOn(rule, { 'templates/api/.env.production.local': env('f83Kq0pZ7vX2mL9a') });
    expect(run.outcome).toBe('fail');
    expect(run.message).not.toMatch(/placeholder/);
  });
});
