import { defineRule, type Evidence, type Match } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { basename } from '../../src/walk/glob.js';
import { isExampleFolder, isProductionPath } from '../../src/facts/paths.js';
import { inRustTestBlock } from '../../src/facts/rust-tests.js';
import { composeEnvFiles, inLocalCompose } from '../../src/facts/runtime.js';
import { copiedIntoImage } from '../../src/facts/dockerfile.js';
import { redactSecretIn } from '../../src/util/redact.js';
import {
  configRole,
  connectionSecret,
  envSecrets,
  ENV_GLOBS,
  isEnvTemplate,
  mixNonProductionEnv,
  jwtKeyArgument,
  k8sSecretData,
  KINDS,
  isPlaceholder,
  SECRET_PATTERNS,
  secretValue,
  LOCALE_PATH,
  typedPhrase,
  yamlParent,
  yamlSection,
  PUBLIC_EMULATOR_KEYS,
  developmentPlaceholder,
  secretBinding,
  defaultedSecretName,
  defaultSecretValue,
  yamlAncestors,
  testingOnlyComment,
} from '../../src/facts/secrets.js';

/** CI configuration: its literal values are the test jobs' (real secrets come from the secret store). */
const CI_FILE =
  /(^|\/)(\.github\/workflows\/[^/]+|\.gitlab-ci\.ya?ml|\.circleci\/[^/]+|\.travis\.ya?ml|azure-pipelines[^/]*\.ya?ml|bitbucket-pipelines\.ya?ml)$/;

export default defineRule({
  meta: {
    id: 'no-committed-secrets',
    title: 'No credentials are committed',
    failureTitle: 'Credentials are committed to the repository',
    description:
      'A credential in git history is a credential leaked to everyone who can read the repository, now and forever: forks, clones, CI logs and backups keep it after the line is deleted.',
    remediation:
      'Revoke and rotate every credential found, remove it from the code (and from history with git filter-repo if the repository was ever shared), load secrets from the environment or a secret manager, and add a secret scanner (gitleaks, trufflehog) to CI and pre-commit.',
    severity: 'critical',
    effort: 'medium',
    detection:
      'High-confidence patterns only: AWS access key IDs, private keys (PEM blocks, JWK/JWKS keys with their private parameter "d", ASP.NET Data Protection key files whose master key is not encrypted, PuTTY .ppk files, committed PKCS#12 .p12/.pfx stores; IdentityServer\'s developer signing key tempkey.jwk is a development key, set aside and named like a localhost PEM), GitHub/GitLab/Slack/Stripe/npm/PyPI/SendGrid/OpenAI/Anthropic tokens, Slack webhooks, Google API keys (not Firebase client config), Azure storage account keys, JWT/Django/Rails/.NET signing secrets in config files (`SigningKey`, also the nested Spring `jwt:` / `secret:` and .NET `"Jwt": { "Key": … }` forms); a string literal passed as a JWT/HMAC signing key in production code (`new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))`, `jwt.sign(payload, )`, `jwt.encode(…, )`, `SignedString([]byte("…"))`, `Keys.hmacShaKeyFor("…")`, `signWith(SignatureAlgorithm.HS256, )`, `createHmac(alg, "…")`; not in tests or commented-out code); committed `.env` files that hold a secret-named key with a real value (not `.env.example`; a value that is a command or reference read at deploy time — ERB `<%= `op read "op://…"` %>`, `$(vault kv get …)`, `${VAR}` — holds no secret: such a template is set aside and named). Secret-named keys (AppSecret, ClientSecret, ApiKey, Password, PrivateKey, SigningKey…) with a generated-looking value in shipped JSON/YAML configuration (appsettings*.json, config/**, application*.yml; not translation catalogues) and in Java .properties files (`vault.token=…`, `spring.datasource.password=…`: the last dotted segment of the key names a secret), and in JS/TS configuration modules (a file under config/ or named for configuration, settings, secrets or keys: `module.exports = { SECRET: "…" }`, `export default { jwtSecret: "…" }`, the literal on the line of its key or the next), and the password of a connection string to a remote server in appsettings. Configuration only tests, CI or development load (a `test:` section, config/settings/test.yml, appsettings.Testing.json, .env.test, a CI workflow) is noted, not counted; env files named for tests (`test_asymmetric.env`, `api.test.env`) are set aside and named. Placeholders are ignored; private keys in test and example folders are set aside and named in the evidence, not counted. Keys published by emulators (the Azurite `devstoreaccount1` account key, the Cosmos DB emulator key) open a local emulator only: set aside and named, not counted. Evidence is redacted.',
    // A secret in a generated file is committed all the same.
    patterns: Object.fromEntries(Object.entries(SECRET_PATTERNS).map(([k, v]) => [k, { ...v, generated: true }])),
    reads: [...ENV_GLOBS, '**/secrets.yml', '**/secrets.yaml'],
  },
  check(ctx) {
    // Each file's lines, split once however many matches ask for their YAML section.
    const split = new Map<string, string[]>();
    const linesOf = (path: string) => {
      let lines = split.get(path);
      if (!lines) split.set(path, (lines = (ctx.files.read(path) ?? '').split(/\r?\n/)));
      return lines;
    };
    const findings: {
      m: Match;
      kind: string;
      secret: string;
      serious: boolean;
      noted?: boolean;
      /** In configuration only tests, CI or development load (test.yml, .env.test, a CI workflow). */
      testOnly?: boolean;
      /** In a CI workflow that also deploys: not a test place, though CI only reads it. */
      deployCi?: boolean;
      copy?: { dockerfile: string; line: number };
      /** Why it is a development placeholder (developmentPlaceholder). */
      placeholder?: string;
      /** The secret's name a literal default is bound to (mixSecretLiteral). */
      binding?: string;
      /** The environment variable this literal is the default of (envDefaultSecret, placeholderDefaultSecret). */
      envName?: string;
    }[] = [];
    // Stand-in defaults (`changeme`, `your-secret`) for a secret in production code or configuration:
    // no leaked key, but every deployment that forgets the variable runs with them; named, not counted.
    const placeholderDefaults: { m: Match; name: string }[] = [];
    /** Production code or configuration: not tests, examples, samples, a dev/test profile or section. */
    const shipped = (m: Match) =>
      isProductionPath(m.path) &&
      !isExampleFolder(m.path) &&
      configRole(m.path) === undefined &&
      !testOnlyConfig(m.path, () => linesOf(m.path), m.line) &&
      !mixNonProductionEnv(ctx.files, m.path) &&
      !inLocalCompose(ctx.files, m.path);
    // Private keys in test resources (a TLS fixture): set aside, and said so.
    const testKeys: Match[] = [];
    // Published emulator keys (Azurite's devstoreaccount1): the same in every install, set aside and named.
    const emulatorKeys: { m: Match; what: string }[] = [];
    // Keys a browser sends with every request by design (Algolia's search-only key): set aside and named.
    const publicKeys: Match[] = [];
    for (const pattern of Object.keys(KINDS)) {
      for (const m of ctx.matches(pattern)) {
        // Spring's `jwt:` / `  secret: …` is a signing secret in configuration once its parent is `jwt`.
        // Micronaut nests it deeper (`jwt:` / `signatures:` / `secret:` / `generator:` / `secret: …`).
        if (
          pattern === 'springJwtSecret' &&
          !yamlAncestors(ctx.files.read(m.path) ?? '', m.line, 5).some((k) => /jwt/i.test(k))
        )
          continue;
        // .NET's `"Jwt": { "Key": "…" }`: a key or secret of an object named for tokens or authentication.
        if (
          pattern === 'jsonJwtKey' &&
          !/jwt|token|bearer|auth|signing/i.test(yamlParent(ctx.files.read(m.path) ?? '', m.line) ?? '')
        )
          continue;
        const kind = pattern === 'springJwtSecret' || pattern === 'jsonJwtKey' ? 'jwtSecret' : pattern;
        /** A private key of any format (PEM, JWK, Data Protection XML, PuTTY): the same policy as PEM keys. */
        const key = KEY_KINDS.has(kind);
        let secret = m.groups.find((g) => g) ?? '';
        if (isLockOrBundle(m.path)) continue;
        if (kind === 'configSecret') {
          // Groups: the JSON value, the YAML value, a connection string's password, or a .properties value.
          const [jsonValue, yamlValue, connPassword, propertiesValue] = m.groups;
          secret = jsonValue || yamlValue || connPassword || propertiesValue || '';
          // A line another pattern reports (a signing key, a cloud token) is reported once.
          if (LOCALE_PATH.test(m.path) || findings.some((f) => f.m.path === m.path && f.m.line === m.line)) continue;
          if (connPassword ? !connectionSecret(m.snippet, connPassword) : !secretValue(secret)) continue;
        }
        // A JS/TS configuration module's secret-named literal (`module.exports = { SECRET: '…' }`):
        // judged like a configuration key — a generated-looking value only, reported once per line,
        // never a translation catalogue; a Google key is the google kind's to judge (blind round 48).
        if (kind === 'jsConfigSecret') {
          if (LOCALE_PATH.test(m.path) || findings.some((f) => f.m.path === m.path && f.m.line === m.line)) continue;
          if (!secretValue(secret) || secret.startsWith('AIza')) continue;
        }
        if ((kind === 'jsConfigSecret' || kind === 'configSecret') && searchOnlyKey(linesOf(m.path), m)) {
          publicKeys.push(m);
          continue;
        }
        // A service's hex `secret_key:` counts where a Dockerfile copies its file into the image:
        // every container then runs with the key anyone can read here (a comment saying an env
        // variable overrides it does not make the image set one).
        if (kind === 'imageSecretKey') {
          if (isPlaceholder(secret) || !isProductionPath(m.path) || isExampleFolder(m.path)) continue;
          if (LOCALE_PATH.test(m.path) || findings.some((f) => f.m.path === m.path && f.m.line === m.line)) continue;
          const copy = copiedIntoImage(ctx.files, m.path);
          if (copy) findings.push({ m, kind, secret, serious: true, copy });
          continue;
        }
        // A signing secret's default in production Mix configuration: counted where it is bound to a
        // secret's name and looks generated; dev and test configs load it on developer machines only.
        if (kind === 'mixSecretLiteral') {
          if (!isProductionPath(m.path) || mixNonProductionEnv(ctx.files, m.path) || !secretValue(secret)) continue;
          if (findings.some((f) => f.m.path === m.path && f.m.line === m.line)) continue;
          const name = secretBinding(linesOf(m.path), m.line);
          if (name) findings.push({ m, kind, secret, serious: true, binding: name });
          continue;
        }
        // A literal default where the environment variable is read (`os.getenv("SECRET_KEY", "…")`,
        // `process.env.JWT_SECRET || "…"`, `${JWT_SECRET:…}`): counted when it looks generated,
        // named when it is a stand-in (blind rounds 45–46).
        if (kind === 'envDefaultSecret' || kind === 'placeholderDefaultSecret') {
          if (!shipped(m) || findings.some((f) => f.m.path === m.path && f.m.line === m.line)) continue;
          const name = defaultedSecretName(ctx.files.lines(m.path)?.line(m.line) ?? m.snippet);
          const judged = name ? defaultSecretValue(secret) : undefined;
          if (judged === 'real') findings.push({ m, kind, secret, serious: true, envName: name });
          // A stand-in database password (`${POSTGRES_PASS:petclinic}`) is a local database's default, not named.
          else if (judged === 'placeholder' && !/pass(?:word|wd)?|pwd/i.test(name!))
            placeholderDefaults.push({ m, name: name! });
          continue;
        }
        if (kind === 'codeSigningKey') {
          // Inside a quoted string the call is text about code (a rule's own description, a
          // docs string), not a call: an odd number of quotes before it on its line.
          const text = ctx.files.lines(m.path)?.line(m.line) ?? '';
          const at = text.search(CALL_START);
          if (at > 0 && insideQuotes(text.slice(0, at))) continue;
          // A JWT call: its arguments were captured; the key is the literal among them, if any.
          if (
            /\b(?:jwt|JWT|jsonwebtoken|jose)(?:\.|::)(?:sign|verify|encode|decode)\(/.test(m.snippet) &&
            m.groups.filter(Boolean).length === 1 &&
            !/SymmetricSecurityKey|SignedString|hmacShaKeyFor|setSigningKey|Algorithm\.HMAC|signWith|createHmac/.test(
              m.snippet,
            )
          ) {
            const key = jwtKeyArgument(secret);
            if (!key) continue;
            secret = key;
          }
          // A key in test or example code signs the suite's tokens; an interpolated string or an
          // algorithm name (`'ES256K'`) is no key. Otherwise the literal is every deployment's key,
          // whatever it looks like: nothing in configuration overrides it.
          if (!isProductionPath(m.path) || /\$\{|#\{|\{\{|^(?:[HREP]S\d{3}K?|none)$/i.test(secret)) continue;
          findings.push({ m, kind, secret, serious: true });
          continue;
        }
        if (!key && isPlaceholder(secret)) {
          // A stand-in signing secret shipped in production configuration (`secret: "pleasechangeme!…"`)
          // is what every deployment that does not override it signs with: named, not counted.
          if ((pattern === 'springJwtSecret' || pattern === 'jsonJwtKey') && shipped(m))
            placeholderDefaults.push({ m, name: configKeyPath(ctx.files.read(m.path) ?? '', m.line) });
          continue;
        }
        const emulator = PUBLIC_EMULATOR_KEYS.get(secret);
        if (emulator) {
          emulatorKeys.push({ m, what: emulator });
          continue;
        }
        // A Kubernetes Secret's `data:` value is base64: judge the text it decodes to.
        const decoded = !key ? k8sSecretData(ctx.files.read(m.path) ?? '', m.line, secret) : undefined;
        if (decoded !== undefined && isPlaceholder(decoded)) continue;
        if (key && /\.(pub|md|rst|txt|adoc)$/i.test(m.path)) continue;
        // A BEGIN line without a key body under it (a commented placeholder in values.yaml) is no key.
        if (kind === 'privateKey' && !hasKeyBody(ctx.files.read(m.path) ?? '', m.line)) continue;
        if (key && kind !== 'privateKey' && !otherKeyFormat(kind, ctx.files.read(m.path) ?? '')) continue;
        // Firebase/Google client keys ship in every web and mobile app by design.
        if (
          kind === 'google' &&
          /google-services\.json$|GoogleService-Info\.plist$|firebase/i.test(`${m.path} ${m.snippet}`)
        )
          continue;
        // Dev/test sections of environment-keyed YAML (Rails secrets.yml) and CI env files are not production secrets.
        // So is a signing secret written into a CI workflow: the test job's value (real ones come
        // from the CI system's secret store, `${{ secrets.X }}`).
        // One notion of configuration only tests, CI or development load, for every kind (round 11:
        // OSM's doorkeeper signing key in config/settings/test.yml failed the rule while a signing
        // secret in .env.test was a note).
        const testOnly =
          testOnlyConfig(m.path, () => linesOf(m.path), m.line) || mixNonProductionEnv(ctx.files, m.path);
        // A local compose stack beside the deployment's chart or manifests, and the files it
        // mounts (a stand-in SFTP server's key): development fixtures, not production secrets.
        const localStack = inLocalCompose(ctx.files, m.path);
        // A development placeholder: a comment beside it gives it a local use, its block points at
        // localhost, or it is a JWT of stand-in claims (blind round 39): noted, not counted.
        const configKind = kind === 'jwtSecret' || kind === 'configSecret' || kind === 'jsConfigSecret';
        const placeholder =
          configKind && !testOnly && !localStack ? developmentPlaceholder(linesOf(m.path), m.line, secret) : undefined;
        const devOnly = configKind && (testOnly || localStack || !!placeholder);
        // A profile named for samples (application-secret-samples.yml) documents a value to replace:
        // doubtful (it may be switched on), not a leak of a production key.
        // So is a signing secret a person typed (`CISECRETKEYIGUESS`): a stand-in, not a generated key.
        const sample = kind === 'jwtSecret' && (configRole(m.path) === 'sample' || typedPhrase(secret));
        // A self-signed key for a local dev server (localhost.pem, localhost-key.pem) serves no one else.
        const localDev =
          key &&
          /(^|\/)[^/]*(localhost|self-?signed|snakeoil)[^/]*$|[.-]dev(?:elopment)?(?:-key)?\.(?:key|pem)$|(^|\/)(?:certs?|ssl|tls)\/(?:dev|development|local)\//i.test(
            m.path,
          );
        // IdentityServer's AddDeveloperSigningCredential() writes tempkey.jwk (tempkey.rsa before v4):
        // a development key, set aside like a localhost PEM; still a private key in the repository.
        const devSigning = key && DEV_SIGNING.test(m.path);
        // A key set up for a manual test or a test environment (test/manual-test-radius-tls/certs/)
        // serves a server someone stands up by hand: found like a deployed key, not a unit fixture.
        const manualEnv = key && MANUAL_ENV.test(m.path);
        // Keys of an example, sample or demo folder (`.examples/docker-compose-mtls/certs/`, `demo/`)
        // set up the documented example, like testdata/ keys (round 8).
        const example = key && isExampleFolder(m.path);
        // A key inside a Rust file's `#[cfg(test)] mod tests { … }` (or a `#[test]` function) is
        // compiled for the tests only: a fixture like one under tests/ (blind round 46).
        const rustTest = key && m.path.endsWith('.rs') && inRustTestBlock(ctx.files.lines(m.path), m.line);
        // A key under a comment that gives it to tests only ("KEYS IN THIS FILE ARE ONLY FOR
        // TESTING"): a fixture kept in a test-helper package (blind round 49).
        const markedTesting = key && testingOnlyComment(linesOf(m.path), m.line);
        const inTests =
          rustTest ||
          markedTesting ||
          (!isProductionPath(m.path) && !manualEnv) ||
          testOnly ||
          !!placeholder ||
          localDev ||
          devSigning ||
          sample ||
          example ||
          (localStack && (key || devOnly));
        // Test TLS keys are fixtures; a cloud token in a test is still a live token.
        if (key && inTests) {
          testKeys.push(m);
          continue;
        }
        // An AWS key ID alone is an identifier: in scraped pages kept as test data (affiliate
        // `SubscriptionId=AKIA…` in a recipe page) it is not a credential of this project.
        if (kind === 'aws' && !isProductionPath(m.path) && /\.(?:html?|xml|csv|txt)$/i.test(m.path)) continue;
        // A secret scanner's own pattern table (regex and sample per kind) holds test values.
        const table = scannerTable(ctx.files.read(m.path) ?? '');
        findings.push({
          m,
          kind,
          secret,
          serious: !inTests && !table,
          ...(devOnly || table ? { noted: true } : {}),
          ...(placeholder ? { placeholder } : {}),
          ...(testOnly ? { testOnly } : {}),
          ...(testOnly && CI_FILE.test(m.path) && DEPLOYS.test(ctx.files.read(m.path) ?? '') ? { deployCi: true } : {}),
        });
      }
    }
    // PKCS#12 stores (.p12/.pfx) are binary: found by name, judged by place like any private key.
    for (const path of ctx.files.match(['**/*.p12', '**/*.pfx']).slice(0, 50)) {
      const m: Match = { path, line: 1, snippet: '[binary key store]', groups: [] };
      const aside =
        !isProductionPath(path) ||
        isExampleFolder(path) ||
        /(^|\/)[^/]*(localhost|self-?signed|dev(?:elopment)?|test)[^/]*$/i.test(path) ||
        inLocalCompose(ctx.files, path);
      if (aside) testKeys.push(m);
      else findings.push({ m, kind: 'pkcs12', secret: '', serious: true });
    }
    const envListed = ctx.files.match(ENV_GLOBS).filter((p) => !isEnvTemplate(p) && isProductionPath(p));
    // A symbolic link (`apps/core/.env -> ../../.env`) commits a path, not values: it is never read
    // through, and is named as what it is (blind round 16, mx-space/core).
    const isLink = (p: string) => ctx.files.read(p) === undefined && linkSkip(ctx.files, p);
    // Links, test fixtures and files split in one pass (no `includes` over the lists per file). An env
    // file named for tests (`test_asymmetric.env`, `test-oauth.env`, `api.test.env`) is the
    // configuration a test suite loads: a fixture like `.env.test`, set aside and named, not counted
    // (blind round 17, supabase auth hack/test_asymmetric.env loaded by a _test.go file).
    const envLinks: string[] = [];
    const envTests: string[] = [];
    const envFiles: string[] = [];
    // Env files named for local development (`config.dev.env`, `dev.env`, `.env.development`) are what
    // `npm start` loads on a developer's machine: development-only configuration, noted like
    // `.env.test`, not counted (blind round 32). `.env.development.local` is the untracked override
    // meant for real values and is still judged.
    const envDev: string[] = [];
    for (const p of envListed)
      (isLink(p) ? envLinks : TEST_ENV.test(p) ? envTests : DEV_ENV.test(p) ? envDev : envFiles).push(p);
    // A value that is a command or reference (`<%= `op read "op://…"` %>`, `$(vault kv get …)`) names
    // where the secret is read from at deploy time: the file is a template, set aside and named.
    const envLookups: { path: string; line: number; key: string; count: number }[] = [];
    const envAll = envFiles.flatMap((p) => {
      const lines = envSecrets(p, ctx.files.read(p) ?? '');
      const looked = lines.filter((e) => e.lookup);
      if (looked.length) envLookups.push({ ...looked[0]!, count: looked.length });
      return lines.filter((e) => !e.lookup).slice(0, 20);
    });
    // A typed phrase (`super-secret-token`) in the env file a local compose stack loads (`env_file:`,
    // the compose file not the deployment) is the stand-in `docker compose up` starts with, like the
    // `password` and postgres defaults beside it: named, not counted. A generated value there counts
    // (blind round 49).
    const composeEnv = composeEnvFiles(ctx.files);
    const envStandIns = envAll.filter((e) => e.phrase && composeEnv.has(e.path));
    // A line already reported as a signing secret is not reported twice.
    const envFindings = envAll.filter(
      (e) => !envStandIns.includes(e) && !findings.some((f) => f.m.path === e.path && f.m.line === e.line),
    );
    const harmlessEnv = envFiles.filter(
      (p) =>
        !envAll.some((f) => f.path === p) &&
        !envLookups.some((f) => f.path === p) &&
        !findings.some((f) => f.m.path === p),
    );
    const serious = findings.filter((f) => f.serious);
    const evidence: Evidence[] = [
      // The findings that fail the rule first: twenty test fixtures must not hide the one real key.
      ...[...serious, ...findings.filter((f) => !f.serious)].slice(0, 20).map((f) => ({
        path: f.m.path,
        line: f.m.line,
        ...(f.kind === 'codeSigningKey' || f.kind === 'jsConfigSecret'
          ? endOf(ctx.files.read(f.m.path) ?? '', f.m.line, f.secret)
          : {}),
        snippet: KEY_KINDS.has(f.kind)
          ? redactKeyBlock(f.m.snippet)
          : redactSecretIn(f.m.snippet, f.secret, KINDS[f.kind]!.prefix),
        note: f.deployCi
          ? `${KINDS[f.kind]!.label} (in a CI workflow that also deploys${f.kind === 'aws' ? ': a key ID names the key, the secret key is what signs; make sure that one comes from the secret store' : ': make sure it is not a production value'})`
          : `${KINDS[f.kind]!.label}${f.copy ? ` (${f.copy.dockerfile}:${f.copy.line}): every container runs with this public key; generate it at deploy time or read it from the environment` : ''}${f.envName ? `: every deployment that forgets to set ${f.envName} runs with this committed value, which anyone who reads the repository has; require the variable and fail at boot instead` : ''}${f.kind === 'codeSigningKey' ? ': every deployment signs tokens with this literal, so anyone who reads the repository can forge them; read the key from configuration or a secret store' : f.binding ? `: ${f.binding} falls back to this literal, so every deployment that leaves the variable unset signs sessions and tokens with a key anyone who reads the repository has; fail at boot instead, or generate one per install` : f.serious ? '' : f.placeholder ? ` (a development placeholder: ${f.placeholder}; set aside, not counted)` : !isProductionPath(f.m.path) || f.noted || f.testOnly ? ' (in a test, example or development-only place)' : configRole(f.m.path) === 'sample' ? ' (in a sample profile: a documented value to replace; make sure no deployment switches it on)' : ' (a typed phrase, not a generated key: make sure it is not used in production)'}`,
      })),
      ...placeholderDefaults.slice(0, 3).map(({ m, name }) => ({
        path: m.path,
        line: m.line,
        snippet: redactSecretIn(m.snippet, m.groups.find((g) => g) ?? ''),
        note: `placeholder default for ${name} in production code or configuration (a stand-in, not a leaked key; not counted): every deployment that does not override it runs with this publicly known value; make sure each one sets its own, or fail at boot`,
      })),
      ...envFindings.slice(0, 10).map((f) => ({
        path: f.path,
        line: f.line,
        snippet: `${f.key}=[REDACTED]`,
        note: f.echo
          ? `committed .env file with a placeholder for ${f.key} (the value repeats the key's name): environment files hold real secrets and belong in .gitignore`
          : `committed .env file with a value for ${f.key}: environment files hold real secrets and belong in .gitignore`,
      })),
      ...envStandIns.slice(0, 3).map((f) => ({
        path: f.path,
        line: f.line,
        snippet: `${f.key}=[REDACTED]`,
        note: `a typed stand-in for ${f.key} in the env file ${composeEnv.get(f.path)} loads (env_file) for a local stack, not the deployment: words, not a generated secret; not counted (make sure no deployment runs with it)`,
      })),
      ...envLinks.slice(0, 3).map((p) => ({
        path: p,
        note: 'a symbolic link, not a committed .env file with content: links are never read through (a target committed here is judged at its own path); not counted',
      })),
      ...envTests.slice(0, 3).map((p) => ({
        path: p,
        note: 'env file named for tests: the configuration a test suite loads, set aside as a test fixture, not counted',
      })),
      ...envDev.slice(0, 3).map((p) => ({
        path: p,
        note: 'env file named for local development: the configuration a developer machine loads, set aside, not counted (keep production values out of it)',
      })),
      ...envLookups.slice(0, 3).map((f) => ({
        path: f.path,
        line: f.line,
        snippet: `${f.key}=[lookup]`,
        note: `committed env template: ${f.count === 1 ? `${f.key} is` : `${f.key} and ${f.count - 1} other secret key${f.count === 2 ? '' : 's'} are`} read when it is rendered, from a secret manager or the environment (a command or reference, no value); not counted`,
      })),
      ...harmlessEnv.slice(0, 3).map((p) => ({
        path: p,
        note: 'committed .env file with no real secret values (public settings or placeholders only; not counted): keep real values out of it',
      })),
    ];
    const envCount = new Set(envFindings.map((f) => f.path)).size;
    const data = {
      findings: findings.length,
      inTestsOrExamples: findings.length - serious.length,
      envFiles: envCount,
      byKind: countBy(findings.map((f) => f.kind)),
      privateKeysInTests: testKeys.length,
      keysSetAside: new Set(testKeys.map((m) => m.path)).size,
      emulatorKeys: emulatorKeys.length,
      placeholderDefaults: placeholderDefaults.length,
    };
    const testKeyEvidence: Evidence[] = testKeys.slice(0, 3).map((m) => ({
      path: m.path,
      line: m.line,
      snippet: redactKeyBlock(m.snippet),
      note: DEV_SIGNING.test(m.path)
        ? `${DEV_SIGNING_NOTE}, set aside like a test key, not counted; it is still a private key in the repository`
        : m.path.endsWith('.rs') && isProductionPath(m.path)
          ? 'private key in Rust test code (a #[cfg(test)] module or test function, compiled for tests only): set aside, not counted'
          : testingOnlyComment(linesOf(m.path), m.line)
            ? 'private key under a comment that gives it to tests only: a test fixture, set aside, not counted'
            : 'private key in a test, example or development-only place: set aside, not counted',
    }));
    const emulatorEvidence: Evidence[] = emulatorKeys.slice(0, 3).map(({ m, what }) => ({
      path: m.path,
      line: m.line,
      snippet: redactSecretIn(m.snippet, m.groups.find((g) => g) ?? ''),
      note: `${what}: published in the emulator's documentation, opens a local emulator only; set aside, not counted`,
    }));
    const publicEvidence: Evidence[] = publicKeys.slice(0, 3).map((m) => ({
      path: m.path,
      line: m.line,
      snippet: redactSecretIn(m.snippet, m.groups.find((g) => g) ?? ''),
      note: "Algolia search-only API key (appId and indexName beside it, as DocSearch and InstantSearch take them): every visitor's browser sends it with each search, public by design; set aside, not counted",
    }));
    if (serious.length > 0 || envCount > 0) {
      const parts = [
        serious.length && `${serious.length} credential${serious.length === 1 ? '' : 's'}`,
        envCount &&
          (envFindings.every((f) => f.echo)
            ? `${envCount} .env file${envCount === 1 ? '' : 's'} with values for secret keys, all placeholders that repeat the key's name, such as ${envFindings[0]!.key} at ${envFindings[0]!.path}:${envFindings[0]!.line}`
            : `${envCount} .env file${envCount === 1 ? '' : 's'} with secrets`),
      ].filter(Boolean);
      return fail(`Committed: ${parts.join(' and ')} (values redacted).`, evidence, data);
    }
    const asidePlaceholders = placeholderDefaults.length
      ? ` Set aside: ${placeholderDefaults.length} placeholder default${placeholderDefaults.length === 1 ? '' : 's'} for a secret in production code or configuration (${listing(placeholderDefaults.slice(0, 2).map(({ m, name }) => `${name} at ${m.path}:${m.line}`))}${placeholderDefaults.length > 2 ? ', …' : ''}): every deployment that does not override ${placeholderDefaults.length === 1 ? 'it' : 'them'} runs with a publicly known value.`
      : '';
    // Development-only signing keys (Rails secrets.yml development:, CI env files) are noted, not scored.
    const doubtful = findings.filter((f) => !f.noted);
    if (doubtful.length > 0) {
      return partial(
        0.5,
        `${doubtful.length} credential-like value${doubtful.length === 1 ? '' : 's'} in ${listing([...new Set(doubtful.map((f) => (f.deployCi ? 'a CI workflow that also deploys' : 'test, sample or example places')))])} only; make sure ${doubtful.length === 1 ? 'it is' : 'they are'} not real.${asidePlaceholders}`,
        evidence,
        data,
      );
    }
    const asideFiles = [...new Set(testKeys.map((m) => m.path))];
    const aside = asideFiles.length
      ? ` Set aside: ${asideFiles.length} private key file${asideFiles.length === 1 ? '' : 's'} in test, example or development-only places (${listing(asideFiles.slice(0, 2))}${asideFiles.length > 2 ? ', …' : ''}).`
      : '';
    const asideEnv = envTests.length
      ? ` Set aside: ${envTests.length} env file${envTests.length === 1 ? '' : 's'} named for tests (${listing(envTests.slice(0, 2))}${envTests.length > 2 ? ', …' : ''}).`
      : '';
    const asideDev = envDev.length
      ? ` Set aside: ${envDev.length} env file${envDev.length === 1 ? '' : 's'} named for local development (${listing(envDev.slice(0, 2))}${envDev.length > 2 ? ', …' : ''}).`
      : '';
    const asideLookups = envLookups.length
      ? ` Set aside: ${envLookups.length} env template${envLookups.length === 1 ? '' : 's'} whose secret values are commands or references read at deploy time (${listing(envLookups.slice(0, 2).map((f) => f.path))}${envLookups.length > 2 ? ', …' : ''}).`
      : '';
    const standInFiles = [...new Set(envStandIns.map((f) => f.path))];
    const asideStandIns = standInFiles.length
      ? ` Set aside: ${envStandIns.length} typed stand-in${envStandIns.length === 1 ? '' : 's'} (${listing(envStandIns.slice(0, 2).map((f) => f.key))}${envStandIns.length > 2 ? ', …' : ''}) in the env file${standInFiles.length === 1 ? '' : 's'} of a local compose stack (${listing(standInFiles.slice(0, 2))}).`
      : '';
    const emulatorFiles = [...new Set(emulatorKeys.map(({ m }) => m.path))];
    const asideEmulator = emulatorFiles.length
      ? ` Set aside: ${emulatorKeys.length} published emulator key${emulatorKeys.length === 1 ? '' : 's'} (${listing([...new Set(emulatorKeys.map((e) => e.what))])}) in ${listing(emulatorFiles.slice(0, 2))}${emulatorFiles.length > 2 ? ', …' : ''}.`
      : '';
    const asidePublic = publicKeys.length
      ? ` Set aside: ${publicKeys.length} search-only API key${publicKeys.length === 1 ? '' : 's'} (Algolia, public by design) at ${listing(publicKeys.slice(0, 2).map((m) => `${m.path}:${m.line}`))}.`
      : '';
    return pass(
      `No committed credentials found.${asidePlaceholders}${aside}${asideEnv}${asideDev}${asideLookups}${asideStandIns}${asideEmulator}${asidePublic}`,
      [
        {
          path: '.',
          note: testKeys.length
            ? `no cloud or SaaS tokens, signing secrets or .env secrets in ${ctx.searched('aws')} text files; ${testKeys.length} private key block${testKeys.length === 1 ? '' : 's'} found in test, example or development-only places and set aside`
            : `no cloud or SaaS tokens, private keys, signing secrets or .env secrets in ${ctx.searched('aws')} text files`,
        },
        ...evidence,
        ...testKeyEvidence,
        ...emulatorEvidence,
        ...publicEvidence,
      ],
      data,
    );
  },
});

/**
 * An `apiKey` beside an `appId` and an `indexName` (within 5 lines): Algolia's search client
 * configuration (DocSearch in a VitePress or Docusaurus site, InstantSearch). Only a search-only key
 * goes there: the browser sends it with every query (blind round 50: a documentation site's DocSearch
 * key failed the rule as a committed credential). An admin key never sits in front-end configuration.
 */
function searchOnlyKey(lines: readonly string[], m: Match): boolean {
  if (!/\bapi[_-]?key\b/i.test(m.snippet)) return false;
  const near = lines.slice(Math.max(0, m.line - 6), m.line + 5).join('\n');
  return /\bapp(?:lication)?[_-]?id\b["']?[ \t]*:/i.test(near) && /\bindex[_-]?name\b["']?[ \t]*:/i.test(near);
}

/**
 * Configuration that only tests, CI or a developer's machine load: a `development:`/`test:` section
 * of environment-keyed YAML (Rails secrets.yml), an env file for tests or examples (`.env.test`), a CI
 * workflow, a settings module or profile named for them (config/settings/test.yml,
 * config/environments/test.rb, appsettings.Testing.json, application-dev.yml, settings/ci.py).
 */
/** A CI workflow with a deploy job or deploy credentials: it ships the service, it does not only test it. */
const DEPLOYS =
  /^[ \t]+deploy[\w-]*:[ \t]*$|aws-actions\/configure-aws-credentials|^[ \t]+environment:[ \t]*(?:name:[ \t]*)?['"]?prod/m;

function testOnlyConfig(path: string, lines: () => readonly string[], line: number): boolean {
  return (
    (/\.ya?ml$/.test(path) && /^(development|dev|test|testing|local)$/i.test(yamlSection(lines(), line) ?? '')) ||
    (/(^|\/)\.env\.[^/]+$/.test(path) && isEnvTemplate(path)) ||
    CI_FILE.test(path) ||
    configRole(path) === 'development'
  );
}

/** A configuration line's key with its parents, dotted (`micronaut.security.token.jwt.signatures.secret.generator.secret`). */
function configKeyPath(text: string, line: number): string {
  const own = /^[ \t]*"?([\w.-]+)"?[ \t]*:/.exec(text.split(/\r?\n/, line)[line - 1] ?? '')?.[1] ?? 'secret';
  return [...yamlAncestors(text, line, 8).reverse(), own].join('.');
}

/** The line where a signing key's literal ends, when the call spans lines (`new SymmetricSecurityKey(\n "…"u8`). */
function endOf(text: string, line: number, secret: string): { endLine?: number } {
  if (!secret) return {};
  const lines = text.split(/\r?\n/, line + 6);
  for (let i = line - 1; i < lines.length; i++)
    if (lines[i]!.includes(secret)) return i + 1 > line ? { endLine: i + 1 } : {};
  return {};
}

/** An env file named for tests: `test_asymmetric.env`, `test-oauth.env`, `api.test.env`, `e2e_users.env`. */
const TEST_ENV = /(?:^|\/)(?:(?:test|testing|e2e)[_.-][^/]*|[^/]*[_.-](?:test|testing|e2e))\.env$/i;

/** An env file named for local development: `dev.env`, `config.dev.env`, `development.env`, `.env.dev`, `.env.development`. */
const DEV_ENV =
  /(?:^|\/)(?:(?:dev|development)[_.-][^/]*|[^/]*[_.-](?:dev|development))\.env$|(?:^|\/)\.env\.(?:dev|development)$/i;

const MANUAL_ENV = /(^|\/)(?:manual[-_]?tests?[^/]*|test[-_]?environments?)\//i;

/** A file that defines token regexes (`ghp_[a-zA-Z0-9]{36}`, `A[KS]IA[0-9A-Z]{16}`): a secret filter's table. */
function scannerTable(text: string): boolean {
  return (text.match(/\[[^\]\n]{0,20}(?:0-9|A-Z|a-z)[^\]\n]{0,20}\]\{\d+(?:,\d*)?\}/g) ?? []).length >= 3;
}

/** Kinds that are private keys, whatever their format. */
const KEY_KINDS = new Set(['privateKey', 'jwkPrivateKey', 'dataProtectionKey', 'puttyPrivateKey', 'pkcs12']);
const DEV_SIGNING = /(^|\/)tempkey\.(?:jwk|rsa)$/i;
const DEV_SIGNING_NOTE =
  "IdentityServer's developer signing credential (AddDeveloperSigningCredential): a development key";

/**
 * A non-PEM key file is one: a JWK names its key type (`"kty"`), a Data Protection key's master key
 * is in the clear (no `<encryptedSecret>`), a PuTTY file has its private lines; a PKCS#12 store is
 * found by name.
 */
function otherKeyFormat(kind: string, text: string): boolean {
  const head = text.slice(0, 200_000);
  if (kind === 'jwkPrivateKey') return /"kty"\s*:/.test(head);
  if (kind === 'dataProtectionKey') return /<value>/.test(head) && !/<encryptedSecret\b/.test(head);
  if (kind === 'puttyPrivateKey') return /^Private-Lines:/m.test(head);
  return true;
}

function redactKeyBlock(snippet: string): string {
  // Keep the BEGIN marker only: a one-line PEM (JSON-escaped) carries key material after it.
  const m = /-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----/.exec(snippet);
  return m
    ? `${snippet.slice(0, m.index + m[0].length)}${snippet.length > m.index + m[0].length ? ' …[REDACTED]' : ''}`
    : '[REDACTED]';
}

function isLockOrBundle(path: string): boolean {
  return (
    /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|Cargo\.lock|go\.sum|composer\.lock|Gemfile\.lock|packages\.lock\.json)$|\.min\.(js|css)$|\.map$/.test(
      path,
    ) || basename(path) === '.secrets.baseline'
  );
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys.sort()) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/**
 * The key body follows `-----BEGIN … PRIVATE KEY-----` — on the next lines, or on the same line in
 * a JSON-escaped PEM (`…-----\\nMIIE…`): base64, not `...`, a placeholder or nothing.
 */
function hasKeyBody(text: string, line: number): boolean {
  const lines = text.split(/\r?\n/, line + 3);
  const sameLine = /PRIVATE KEY(?: BLOCK)?-----(?:\\[rn])+([A-Za-z0-9+/=]{16,})/.test(lines[line - 1] ?? '');
  // Headers such as `Proc-Type: 4,ENCRYPTED` may come first.
  // A body line is base64 and nothing else (a closing quote, `\n`, `+` or `,` aside); a header is a
  // PEM/armor header (`Proc-Type:`, `DEK-Info:`, `Comment:`), not any `key: value` line: a UI field's
  // `placeholder: '-----BEGIN PRIVATE KEY-----'` followed by `secret: true,` is no key (round 16).
  const after = lines.slice(line, line + 3).map((l) => l.replace(/^[\s#/*"'`-]*/, ''));
  return (
    sameLine ||
    after.some(
      (l) =>
        /^[A-Za-z0-9+/]{16,}={0,2}(?:\\n)?["'`]?\s*(?:[+,;]\s*)?$/.test(l) ||
        /^(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset): \S/.test(l),
    )
  );
}

/** Whether a listed file was not read because it is a symbolic link (the walker never follows one). */
function linkSkip(files: { readJson(path: string): { ok: boolean; error?: string } }, path: string): boolean {
  const r = files.readJson(path);
  return !r.ok && r.error === 'symlink';
}

/** Where a signing-key call starts on its line. */
const CALL_START =
  /\b(?:new\s+SymmetricSecurityKey|jwt|JWT|jsonwebtoken|jose|SignedString|Keys\.hmacShaKeyFor|setSigningKey|Algorithm\.HMAC|signWith|createHmac)\b/;

/** Whether text ends inside a quoted string, reading its quotes in order (escapes skipped). */
function insideQuotes(before: string): boolean {
  let open = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (c === '\\') i++;
    else if (open) open = c === open ? '' : open;
    else if (c === '"' || c === "'" || c === '`') open = c;
  }
  return open !== '';
}
