/** High-confidence credential patterns of no-committed-secrets, and the .env file reader. */
import type { FileView, PatternSpec } from '../types.js';
import { memo } from '../util/memo.js';
import { basename } from '../walk/glob.js';
import { APPSETTINGS } from './paths.js';
import { table } from '../util/table.js';
import { misnamedDockerfile } from '../walk/dockerfile-names.js';

/** Every text file; lockfiles and bundles are dropped after matching (they hold hashes, not credentials). */
const TEXT = ['**/*'];

/** Label, and the non-secret prefix that names the kind (the only part of a value ever shown). */
export const KINDS: Record<string, { label: string; prefix: string }> = table({
  aws: { label: 'AWS access key ID', prefix: 'AKIA' },
  privateKey: { label: 'private key', prefix: '' },
  jwkPrivateKey: { label: 'private key (a JWK with its private parameter "d")', prefix: '' },
  dataProtectionKey: { label: 'ASP.NET Data Protection key with an unencrypted master key', prefix: '' },
  puttyPrivateKey: { label: 'PuTTY private key (.ppk)', prefix: '' },
  pkcs12: { label: 'PKCS#12 key store (.p12/.pfx) holding a private key', prefix: '' },
  github: { label: 'GitHub token', prefix: 'gh' },
  gitlab: { label: 'GitLab token', prefix: 'glpat-' },
  composerAuth: { label: 'GitHub OAuth token (Composer auth file)', prefix: '' },
  slack: { label: 'Slack token or webhook', prefix: 'xox' },
  stripe: { label: 'Stripe live secret key', prefix: 'sk_live_' },
  google: { label: 'Google API key', prefix: 'AIza' },
  saas: { label: 'API token (npm, PyPI, SendGrid, OpenAI or Anthropic)', prefix: '' },
  azure: { label: 'Azure storage account key', prefix: '' },
  jwtSecret: { label: 'signing secret in configuration', prefix: '' },
  imageSecretKey: {
    label: 'hex secret key in a service configuration the Dockerfile copies into the image',
    prefix: '',
  },
  codeSigningKey: { label: 'JWT/HMAC signing key hard-coded in code', prefix: '' },
  springJwtSecret: { label: 'JWT signing secret in Spring configuration (jwt: secret:)', prefix: '' },
  jsonJwtKey: { label: 'JWT signing key in .NET configuration ("Jwt": { "Key": … })', prefix: '' },
  envDefaultSecret: {
    label: 'secret default hard-coded where production code reads the environment variable',
    prefix: '',
  },
  placeholderDefaultSecret: {
    label: 'secret default in a ${VARIABLE:default} placeholder of production configuration',
    prefix: '',
  },
  mixSecretLiteral: {
    label: 'signing secret (secret_key_base) hard-coded as a default in production Mix configuration',
    prefix: '',
  },
  configSecret: {
    label: 'secret-named configuration key (AppSecret, ClientSecret, ApiKey, Password…) with a real-looking value',
    prefix: '',
  },
  jsConfigSecret: {
    label:
      'secret-named key of a JS/TS configuration module (secret, jwtSecret, clientSecret, apiKey, password…) with a generated-looking literal',
    prefix: '',
  },
});

/**
 * Values that stand for one to choose, or that are public by design: Google's documented reCAPTCHA
 * test keys (`6LeIxAcTAAAAA…`, every verification passes) ship in sample configuration. A `<…>`
 * holds no `<`: the innermost pair answers the same, and a run of `<` is read once, not once per `<`.
 */
export const PLACEHOLDER =
  /^6LeIxAcTAAAAA|EXAMPLE|example|x{6,}|X{6,}|\.\.\.|<[^<>]*>|\$\{|\{\{|%\(|changeme|change-?me|changethis|placeholder|your[-_]|dummy|fake|sample|redacted|REDACTED|0{8,}|1234567|abcdef|AAAAAAAA|secret[-_]?key[-_]?here|replace[-_ ]?(?:with|me|this)|to[-_]?be[-_]?(?:replaced|changed)|generate[-_ ]|insecure|not[-_]?a[-_]?secret|^test|^dev[-_]|^x{3,}$|(?:is|are)[-_ ]required|[-_ ]required[-_ ]?$|character[-_ ]string|must[-_ ]be[-_ ]|(?:^|[-_ ])here$|^(?:put|insert|enter|set)[-_ ]/i;

/**
 * Words that only ever stand in for a value to choose (`someRandomStringWith32Characters`,
 * `a-long-random-string-of-32-chars`): the stand-in a template ships with. Never words a typed
 * password is made of (`key`, `secret`, `password`, `strong`, `very`) nor short function words,
 * which random digits split out of a generated key (`a1be2…`).
 */
const STAND_IN_WORDS = new Set([
  'some',
  'random',
  'your',
  'here',
  'string',
  'strings',
  'character',
  'characters',
  'chars',
  'char',
  'generated',
  'generate',
  'replace',
  'insert',
  'enter',
  'change',
  'example',
  'placeholder',
  'long',
  'value',
  'length',
  'bytes',
  'digits',
  'letters',
]);

/** Short words that join stand-in words (`…StringWith32…`, `…-string-of-…`): neither counted nor refused. */
const JOINING_WORDS = new Set(['a', 'an', 'of', 'with', 'the', 'to', 'at', 'least', 'and', 'or', 'be', 'should']);

/**
 * A value written as words that describe a value (camelCase or separated, only letters and digits):
 * at least three stand-in words, at most one other word, at most one number (a length: `…With32Characters`),
 * and no run of eight hex digits (a generated hex key, whose digits split it into short "words").
 */
export function describedValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 10 || v.length > 80 || !/^[A-Za-z0-9 _.!-]+$/.test(v) || /[0-9a-f]{8}/i.test(v)) return false;
  const words = v
    .replace(/([a-z])([A-Z0-9])|([0-9])([A-Za-z])/g, '$1$3 $2$4')
    .split(/[\s_.!-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  let standIn = 0;
  let joining = 0;
  let numbers = 0;
  let other = 0;
  for (const w of words) {
    if (STAND_IN_WORDS.has(w)) standIn++;
    else if (JOINING_WORDS.has(w)) joining++;
    else if (/^\d{1,3}$/.test(w)) numbers++;
    else other++;
  }
  return standIn >= 3 && other <= 1 && numbers <= 1 && joining <= standIn;
}

/**
 * A placeholder, one judgement for every secret rule: the stand-in patterns above, or words that
 * describe the value to choose (blind round 25, LinkAce: `APP_KEY=someRandomStringWith32Characters`
 * in `.env.docker`, a template whose line above says the key is generated later).
 */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || DEVELOPMENT_ONLY.test(value) || describedValue(value);
}

/**
 * A value whose own words say it is for a developer's machine or for tests, never for production
 * (blind round 48: a compose file's `SECRET_KEY: suitable-for-development-only`): `dev-only`,
 * `development_only`, `for-local-dev`, `not-for-production`, `local-development`, `insecure` (in
 * PLACEHOLDER). Whole words between `-`, `_` or blanks only, so that a generated key whose random
 * letters spell `local` or `only` is not one, nor a host name (`db.development.internal`) in a URL
 * with a password. Linear: each alternative is a fixed run of words.
 */
export const DEVELOPMENT_ONLY =
  /(?:^|[-_ ])(?:(?:local[-_ ]?)?dev(?:elopment)?|local|testing|tests?)[-_ ](?:use[-_ ])?only(?:$|[-_ ])|(?:^|[-_ ])for[-_ ](?:(?:local|testing)[-_ ])?(?:dev(?:elopment)?|local|testing|tests?)(?:$|[-_ ])|(?:^|[-_ ])not[-_ ]?(?:for[-_ ]?|in[-_ ]?)?prod(?:uction)?(?:$|[-_ ])|(?:^|[-_ ])local[-_ ]dev(?:elopment)?(?:$|[-_ ])/i;

/**
 * Credentials published in the emulators' own documentation, the same in every install: Azurite's
 * (and the legacy Azure Storage emulator's) `devstoreaccount1` account key and the Azure Cosmos DB
 * emulator's master key. They open a local emulator only, never a cloud account: not secrets
 * (blind round 24, an Azurite connection string in a Spring test initializer). LocalStack's
 * `test`/`test` is already a placeholder (`^test`).
 */
export const PUBLIC_EMULATOR_KEYS: ReadonlyMap<string, string> = new Map([
  [
    'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    'Azurite / Azure Storage emulator key of devstoreaccount1',
  ],
  [
    'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
    'Azure Cosmos DB emulator key',
  ],
]);

/** A signing-secret key name and its `=` or `:` (`JWT_SECRET=`, `"secret_key_base": `). */
const SECRET_ASSIGN = String.raw`\b(?:jwt[_.-]?secret(?:[_.-]?key)?|JWT[_.]?SECRET(?:[_.]?KEY)?|jwtSecret|secret[_.-]?key[_.-]?base|SECRET_KEY|SIGNING_KEY|signing[_.-]?key|(?:Issuer)?SigningKey|JwtKey|JwtSecret|TokenKey|SecretKey|APP_KEY|base64[_-]secret|base64Secret)\b["']?[ \t]*[:=][ \t]*`;

export const SECRET_PATTERNS: Record<string, PatternSpec> = table({
  // The key ID of a pre-signed URL (`X-Amz-Credential=AKIA…%2F…`) is public by design: the URL
  // carries a signature that expires, never the secret key (issue 15).
  aws: { regex: /(?<!Credential=)\b((?:AKIA|ASIA)[0-9A-Z]{16})\b/, files: TEXT, literals: ['AKIA', 'ASIA'] },
  privateKey: {
    regex: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/,
    files: TEXT,
    literals: ['PRIVATE KEY'],
  },
  // Private keys in other formats (blind round 31): a JWK/JWKS with its private exponent `"d"` (the
  // file must also name a `"kty"`), an ASP.NET Data Protection key file's `<masterKey>` (unencrypted
  // unless an `<encryptedSecret>` wraps it), a PuTTY key file.
  jwkPrivateKey: {
    regex: /"d"\s*:\s*"([A-Za-z0-9_-]{20,})"/,
    files: ['**/*.jwk', '**/*.jwks', '**/*.json'],
    literals: ['"d"'],
  },
  dataProtectionKey: { regex: /<masterKey\b/, files: ['**/*.xml'], literals: ['<masterKey'] },
  puttyPrivateKey: { regex: /^PuTTY-User-Key-File-\d+:/m, files: TEXT, literals: ['PuTTY-User-Key-File-'] },
  pkcs12: { regex: /^(?!)/, files: ['**/*.p12', '**/*.pfx'], literals: ['\u0000never'] },
  github: {
    regex: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/,
    files: TEXT,
    literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  gitlab: { regex: /\b(glpat-[A-Za-z0-9_-]{20,})\b/, files: TEXT, literals: ['glpat-'] },
  // Composer's auth file holds a GitHub OAuth token as 40 hex characters, without a gh*_ prefix.
  composerAuth: {
    regex: /"github\.com"\s*:\s*"([0-9a-f]{40}|gh[opsu]_[A-Za-z0-9]{36,})"/,
    files: ['**/auth.json', '**/.composer-auth.json', '**/composer-auth.json'],
    literals: ['github.com'],
  },
  slack: {
    regex:
      /\b(xox[baprs]-[0-9]{6,}-[0-9A-Za-z-]{10,}|https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{20,})/,
    files: TEXT,
    literals: ['xox', 'hooks.slack.com'],
  },
  stripe: { regex: /\b((?:sk|rk)_live_[0-9A-Za-z]{20,})\b/, files: TEXT, literals: ['_live_'] },
  google: { regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/, files: TEXT, literals: ['AIza'] },
  saas: {
    // One alternative per token, each with its own group (the value is the group that matched).
    // An OpenAI key is looked for from the start of its run of token characters, past the `-`
    // separated chunks before the first `sk-`: a later `sk-` of the same run cannot match where
    // the first does not, and trying each of many `sk-` in a long run was quadratic.
    regex:
      /\b(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_-])|\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})(?![A-Za-z0-9_-])|\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])|(?<![A-Za-z0-9_-])(?:(?!sk-)[A-Za-z0-9_]*-)*(sk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])|\b(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,})(?![A-Za-z0-9_-])/,
    files: TEXT,
    literals: ['npm_', 'pypi-', 'SG.', 'T3BlbkFJ', 'sk-ant-'],
  },
  azure: { regex: /AccountKey=([A-Za-z0-9+/]{86}==)/, files: TEXT, literals: ['AccountKey='] },
  jwtSecret: {
    // `KEY = "value"`, `key: value`, `"key": "value",` in config files; the value must look random (16+ chars, no spaces or calls).
    // A bare value stops at the next `KEY=` (one value then does not run on over the keys after
    // it, which was quadratic on a line of them); the tail's blanks belong to one part only.
    regex: new RegExp(
      String.raw`${SECRET_ASSIGN}(?:["']([^"'\s]{16,})["']|((?:base64:)?(?:(?!${SECRET_ASSIGN})[A-Za-z0-9+/=_\-!@#$%^&*]){16,}))\s*(?:[,;]\s*)?$`,
      'm',
    ),
    files: [
      '**/*.{yml,yaml,json,properties,env,ini,toml,conf,cfg}',
      '**/.env',
      '**/.env.*',
      '**/settings.py',
      '**/settings/*.py',
      // Django settings split into modules (`settings_base.py` imported by settings.py, `prod_settings.py`).
      '**/settings_*.py',
      '**/*_settings.py',
      '**/config.py',
      '**/config/*.{js,ts,rb,php}',
      '**/config.{js,ts}',
    ],
    // base64-secret: JHipster's JWT signing key (jhipster.security.authentication.jwt).
    literals: [
      'jwt',
      'JWT',
      'SECRET_KEY',
      'secret_key',
      'secret-key',
      'SIGNING_KEY',
      'signing',
      // .NET configuration keys (appsettings.json, compose `SigningKey=`): `SigningKey`, `JwtKey`, `TokenKey`.
      'SigningKey',
      'JwtKey',
      'TokenKey',
      'SecretKey',
      'APP_KEY',
      'base64-secret',
      'base64_secret',
      'base64Secret',
    ],
    maxPerFile: 5,
  },
});
/**
 * A service's own `secret_key:` as a generated hex string (SearXNG's `server.secret_key`, 32+ hex
 * digits) in a configuration file: a finding where a Dockerfile copies that file into the image
 * (the rule checks), since then every container runs with the public key.
 */
SECRET_PATTERNS.imageSecretKey = {
  regex:
    /^[ \t]*["']?(?:secret_key|secretKey|secret-key|secret)["']?[ \t]*[:=][ \t]*["']?([0-9a-fA-F]{32,})["']?[ \t]*,?[ \t]*(?:#.*)?$/m,
  files: ['**/*.{yml,yaml,toml,ini,conf,cfg,json}'],
  literals: ['secret'],
  maxPerFile: 2,
};

// A credential in a comment is committed all the same: every secret pattern reads comments.
for (const p of Object.values(SECRET_PATTERNS)) p.comments = true;

/**
 * Spring's nested form of a JWT signing secret (`jwt:` then `  secret: …`, read by jjwt through
 * `@Value("${jwt.secret}")`): the `secret:` line, whose parent key the rule checks is `jwt`. A
 * `${JWT_SECRET}` placeholder is no value.
 */
SECRET_PATTERNS.springJwtSecret = {
  regex:
    /^[ \t]+(?:secret|secret[-_]?key|signing[-_]?key|base64[-_]secret)[ \t]*:[ \t]*["']?([^"'\s#$]{16,})["']?[ \t]*$/m,
  files: ['**/application*.{yml,yaml}', '**/bootstrap*.{yml,yaml}'],
  literals: ['secret', 'signing'],
  maxPerFile: 3,
};

/**
 * A signing secret's literal in Mix configuration (config/config.exs, prod.exs, runtime.exs): on the
 * key's own line (`secret_key_base: "…"`, `secret_key_base = System.get_env("X") || "…"`) or alone on
 * its line as the value of an `if`/`case` block bound to such a name (`secret_key_base =` … `"…"`), the
 * default every release runs with when the variable is unset (blind round 45). The rule checks the
 * binding (secretBinding) and that the value looks generated; dev and test configs are set aside.
 */
SECRET_PATTERNS.mixSecretLiteral = {
  // Unanchored: the literal that ends its line (a start is tried at each `"` only, linear).
  regex: /"([A-Za-z0-9+/=_-]{24,})"[ \t]*(?:,[ \t]*)?$/m,
  files: ['**/config/*.exs'],
  literals: ['"'],
  maxPerFile: 5,
};

/**
 * A name that holds a secret: a signing secret, a password, a token or an API key (`JWT_SECRET`,
 * `SECRET_KEY_BASE`, `DB_PASSWORD`, `STRIPE_API_KEY`, `jwt.secret`); bounded runs either side.
 */
const SECRET_ENV_NAME = String.raw`[\w.-]{0,60}?(?:secret|signing[_.-]?key|token|password|passwd|api[_.-]?key|private[_.-]?key|access[_.-]?key|(?:app|jwt|encryption|hmac|session|cookie|master)[_.-]?key|key[_.-]?base)[\w.-]{0,60}`;
/** A quoted literal, the default: any characters but quotes and line ends (group: the value). */
const QUOTED_DEFAULT = String.raw`(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|` + '`([^`\\n$]{1,200})`)';

/**
 * A literal default for a secret read from the environment, in code (issue 15, blind rounds 45–46):
 * Python `os.environ.get("SECRET_KEY", "…")` / `os.getenv(…, "…")`, django-environ / decouple
 * `env("X", default="…")` / `config("X", default="…")`, PHP `env('APP_KEY', '…')`, Go helpers
 * `getEnv("JWT_SECRET", "…")`, Ruby `ENV.fetch("X", "…")` / `ENV.fetch("X") { "…" }` /
 * `ENV["X"] || "…"`, Node `process.env.JWT_SECRET || "…"` / `?? "…"`. The variable's name must be a
 * secret's; every deployment that forgets the variable runs with the literal. Groups: the value only
 * (redaction masks the first group), one per quote style and form.
 */
SECRET_PATTERNS.envDefaultSecret = {
  regex: new RegExp(
    [
      String.raw`\b(?:\w{0,30}get_?env\w{0,30}|environ\.get|env|config)\(\s*["']${SECRET_ENV_NAME}["']\s*,\s*(?:default\s*=\s*)?${QUOTED_DEFAULT}\s*[,)]`,
      String.raw`\bENV\.fetch\(\s*["']${SECRET_ENV_NAME}["']\s*(?:,\s*|\)\s*\{\s*)${QUOTED_DEFAULT}`,
      String.raw`\bENV\[\s*["']${SECRET_ENV_NAME}["']\s*\]\s*\|\|\s*${QUOTED_DEFAULT}`,
      String.raw`\bprocess\.env(?:\.${SECRET_ENV_NAME.replaceAll('[\\w.-]', '\\w')}|\[\s*["']${SECRET_ENV_NAME}["']\s*\])\s*(?:\|\||\?\?)\s*${QUOTED_DEFAULT}`,
    ].join('|'),
    'i',
  ),
  files: ['**/*.{py,rb,js,mjs,cjs,ts,mts,cts,go,php,kt,java,cs}'],
  literals: ['env', 'ENV', 'Env', 'environ', 'config('],
  maxPerFile: 5,
};

/**
 * The same default in Spring, Micronaut or Quarkus configuration: `${JWT_SECRET:literal}` where the
 * variable or the key it sets is named for a secret (`secret: ${JWT_SECRET:…}`, `jwt.secret=${X:…}`).
 * Group: the default.
 */
SECRET_PATTERNS.placeholderDefaultSecret = {
  regex: new RegExp(
    String.raw`\$\{${SECRET_ENV_NAME}:([^}\s'"$:-][^}\s'"$]{0,199})\}|^[ \t]*["']?${SECRET_ENV_NAME}["']?[ \t]*[:=][ \t]*["']?\$\{[\w.-]{1,80}:([^}\s'"$:-][^}\s'"$]{0,199})\}`,
    'im',
  ),
  files: ['**/application*.{yml,yaml,properties}', '**/bootstrap*.{yml,yaml,properties}', '**/*.properties'],
  literals: ['${'],
  maxPerFile: 5,
};

/** A public name for the browser bundle (`VITE_`, `NEXT_PUBLIC_`): never a server's secret. */
const PUBLIC_ENV_PREFIX = /(?:^|[.\s(["'])(?:VITE|NEXT_PUBLIC|REACT_APP|PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC)_/;

/**
 * The variable a default literal on this line stands in for (`JWT_SECRET` of `process.env.JWT_SECRET
 * || "…"`, of `${JWT_SECRET:…}`, or the key `jwt.secret` it sets), or undefined when the line names a
 * public browser variable.
 */
export function defaultedSecretName(snippet: string): string | undefined {
  const s = snippet.slice(0, 1000);
  if (PUBLIC_ENV_PREFIX.test(s)) return undefined;
  const m =
    /process\.env\.([\w]{1,120})/.exec(s) ??
    /(?:process\.env|ENV)\[\s*["']([\w.-]{1,120})["']/.exec(s) ??
    /\$\{([\w.-]{1,120}):/.exec(s) ??
    /\(\s*["']([\w.-]{1,120})["']/.exec(s);
  return m?.[1];
}

/**
 * How a default literal for a secret reads: `real` when it looks generated (secretValue: what a
 * deployment that forgets the variable signs or logs in with), `placeholder` when it is a stand-in
 * someone must replace (`changeme`, `your-secret`, `django-insecure-…`, `secret`, a typed phrase) —
 * still the value of every deployment that forgets it, so named; undefined for anything else (short,
 * a path, a URL, a template).
 */
export function defaultSecretValue(value: string): 'real' | 'placeholder' | undefined {
  const v = value.trim();
  if (/\s/.test(v)) return isPlaceholder(v) || describedValue(v) ? 'placeholder' : undefined;
  if (secretValue(v)) return 'real';
  if (v.length < 6 || filePathValue(v) || /[$%{}<>]|:\/\//.test(v)) return undefined;
  return isPlaceholder(v) || WELL_KNOWN.test(v) || typedPhrase(v) ? 'placeholder' : undefined;
}

/** Names a signing secret is bound to in code and configuration (`secret_key_base`, `jwt_secret`, `signing_key`). */
const SECRET_BINDING_NAME =
  /^(?:secret_key_base|secret_key|secret|jwt_secret(?:_key)?|jwt_signing_key|signing_key|signing_secret|session_secret|cookie_secret|token_secret|guardian_secret(?:_key)?|encryption_key|api_secret)$/i;

/**
 * The secret-like name a literal at `line` is bound to: the key or variable on its own line
 * (`secret_key_base: "…"`, `secret_key_base = … || "…"`), or, for a literal alone on its line, the
 * nearest assignment above it at a smaller indentation reached through control lines only (`if … do`,
 * `else`, comments, another branch's expression), at most 30 lines up. Undefined when none or when
 * the name is not a secret's.
 */
export function secretBinding(lines: readonly string[], line: number): string | undefined {
  const own = lines[line - 1] ?? '';
  const named = /^[ \t]*(?:config\s+:\w+,\s*)?([A-Za-z_]\w*)[ \t]*(?::(?!:)|=(?![=~>]))/.exec(own);
  if (named && !/^[ \t]*"/.test(own)) return SECRET_BINDING_NAME.test(named[1]!) ? named[1] : undefined;
  let indent = /^[ \t]*/.exec(own)![0].length;
  for (let i = line - 2, n = 0; i >= 0 && n < 30; i--, n++) {
    const l = lines[i]!;
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const ind = /^[ \t]*/.exec(l)![0].length;
    if (ind >= indent) continue;
    indent = ind;
    const assign = /^[ \t]*([A-Za-z_]\w*)[ \t]*=(?![=~>])/.exec(l);
    if (assign) return SECRET_BINDING_NAME.test(assign[1]!) ? assign[1] : undefined;
    if (!/^\s*(?:if|unless|case|cond|else|do|with)\b|\bdo\s*$|->\s*$/.test(l)) return undefined;
  }
  return undefined;
}

/**
 * The .NET form (`appsettings.json`: `"Jwt": { "Key": "…" }`, `"Authentication": { "Secret": "…" }`,
 * bound by `builder.Configuration["Jwt:Key"]`): the `"Key"`/`"Secret"` line, whose parent object the
 * rule checks is named for tokens or authentication.
 */
SECRET_PATTERNS.jsonJwtKey = {
  regex: /^[ \t]+"(?:Key|Secret|SecretKey|SigningSecret|TokenSecret)"[ \t]*:[ \t]*"([^"\s$]{16,})"[ \t]*(?:,[ \t]*)?$/m,
  files: APPSETTINGS,
  literals: ['Key', 'Secret'],
  maxPerFile: 3,
};

/**
 * Names of secret-holding keys, shared by config files (whole key: `"ClientSecret"`, `api_key:`) and env
 * files (end of the variable: `STRIPE_API_KEY`); each adds the names only it matches.
 */
const SECRET_NAMES = ['password', 'api[-_]?key', 'private[-_]?key', 'access[-_]?key', 'client[-_]?secret'];

/**
 * A key named for a secret in shipped JSON or YAML configuration (`"AppSecret": "dfec…"`,
 * `"ClientSecret": "X8x…"` in appsettings.json, `client_secret: …` in config/*.yml), and a
 * connection string's `Password=` in appsettings (a bare YAML `secret:` is judged by its parent, springJwtSecret),
 * a YAML `token:` (Spring's `vault:` / `  token: …`, also as a dotted key), and a Java `.properties` key whose last
 * dotted segment names a secret (`vault.token=…`, `jwt.secret=…`, `spring.datasource.password=…`; round 15:
 * Shopizer's Vault token): groups are the
 * value (JSON), the value (YAML), the connection string's password or the properties value — values only, never the key, since redaction masks
 * the first group it finds in every report string. The rule keeps values that look generated (secretValue).
 * Blind round 11: SimplCommerce's Facebook AppSecret and Google ClientSecret went unreported.
 */
const SECRET_KEY_NAMES = [
  ...SECRET_NAMES,
  '(?:app|api|consumer|oauth)[-_]?secret',
  'secret[-_]?(?:access[-_]?)?key',
  'signing[-_]?key',
  // A session or cookie signing secret (`SESSION_SECRET: '898f…'` in config/config.yml): a default
  // committed there signs every deployment's sessions that does not override it (round 13).
  '(?:session|cookie)[-_]?secret',
  'auth[-_]?token',
  'access[-_]?token',
].join('|');
SECRET_PATTERNS.configSecret = {
  regex: new RegExp(
    String.raw`^[ \t]*"(?:${SECRET_KEY_NAMES}|secret)"[ \t]*:[ \t]*"([^"\s]{8,})"|^[ \t]*(?:[\w-]+\.)*(?:${SECRET_KEY_NAMES}|token)[ \t]*:[ \t]*["']?([^\s"'#]{8,})["']?[ \t]*$|^[ \t]*"[\w.:-]+"[ \t]*:[ \t]*"(?=[^"\n]*\b(?:Server|Data Source|Host|Addr|Address)[ \t]*=)[^"\n]*?\b(?:Password|Pwd)[ \t]*=[ \t]*([^;"\n]{6,})|^[ \t]*(?:[\w-]+\.)*(?:${SECRET_KEY_NAMES}|token|secret)[ \t]*=[ \t]*(\S{8,})[ \t]*$`,
    'im',
  ),
  files: [
    ...APPSETTINGS,
    '**/config/**/*.{json,yml,yaml}',
    '**/application*.{yml,yaml}',
    '**/bootstrap*.{yml,yaml}',
    '**/*.properties',
  ],
  literals: [
    'secret',
    'Secret',
    'SECRET',
    'key',
    'Key',
    'KEY',
    'password',
    'Password',
    'PASSWORD',
    'token',
    'Token',
    'Pwd',
  ],
  maxPerFile: 5,
  comments: true,
};

/** JavaScript and TypeScript source extensions a configuration module is written in. */
const JS_EXT = '{js,mjs,cjs,ts,mts,cts}';

/**
 * A secret-named key of a JS/TS configuration module — a file under a config/ folder or named for
 * configuration, settings, secrets or keys (`config/auth.config.js`, `src/config/index.ts`,
 * `app.config.js`, `secrets.ts`) — whose value is a string literal: `module.exports = { SECRET:
 * '…' }`, `export default { jwtSecret: "…" }`, `clientSecret: '…'`. The literal may sit on the line
 * after its key (a formatter wraps a long one there). The key must END in a secret's word (secret,
 * password, token, or an api/private/access/signing/app/jwt/hmac/session/cookie/encryption/master/client
 * key), so `secretName:` or `passwordMinLength:` is no secret. Nothing overrides such a literal: every
 * deployment signs or logs in with it (blind round 48: a 128-hex JWT secret in backend/config/
 * auth.config.js, read by jwt.sign/verify). The rule keeps generated-looking values (secretValue)
 * in production code. Bounded runs, unanchored (a key starts at a non-word character): linear.
 * Groups: the value, one per quote style.
 */
SECRET_PATTERNS.jsConfigSecret = {
  regex:
    /(?<![\w$.-])["']?(?:[\w$-]{0,40}?[_-]?)?(?:secret|password|passwd|token|(?:api|private|access|signing|secret|app|jwt|hmac|session|cookie|encryption|master|client)[_-]?key)["']?[ \t]*:[ \t]*(?:\r?\n[ \t]*)?(?:'([^'\n\\]{12,300})'|"([^"\n\\]{12,300})"|`([^`\n$\\]{12,300})`)[ \t]*(?=[,}\n;]|$)/i,
  files: [
    `**/config/**/*.${JS_EXT}`,
    `**/configs/**/*.${JS_EXT}`,
    `**/*config.${JS_EXT}`,
    `**/*settings.${JS_EXT}`,
    `**/*secrets.${JS_EXT}`,
    `**/*keys.${JS_EXT}`,
  ],
  literals: [
    'secret',
    'Secret',
    'SECRET',
    'password',
    'Password',
    'PASSWORD',
    'token',
    'Token',
    'TOKEN',
    'key',
    'Key',
    'KEY',
  ],
  maxPerFile: 5,
  comments: true,
};

/**
 * A configuration value that looks generated, not typed or templated: 12+ characters, digits among
 * letters or mixed case, no placeholder, template, environment reference, URL or file path, not a
 * demo value (`postgres`, `Passw0rd`) nor a publishable key (`pk_…`), which is public by design.
 */
export function secretValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 12 || isPlaceholder(v) || WELL_KNOWN.test(v) || typedPhrase(v)) return false;
  if (/[$%{}<>]|^(?:ENV|env)\b|:\/\/|^[./~]|\.(?:pem|key|crt|p12|pfx|json|ya?ml)$|^pk_/.test(v)) return false;
  // Words (`Fjalekalimi:`, `Klient-hemmelighed`, a translated label) are typed: a generated value
  // mixes digits with letters, or is a long run of letters whose case changes often.
  if (/\d/.test(v)) return /[A-Za-z]/.test(v);
  return v.length >= 20 && /^[A-Za-z_+/=-]+$/.test(v) && (v.match(/[a-z][A-Z]|[A-Z][a-z]/g) ?? []).length >= 6;
}

/**
 * Which captured value of a kind is a secret to mask — one judgement, declared beside the kind, for the
 * rule and for the report's last scrub (src/util/redact.ts), which otherwise masks every value a kind's
 * pattern captures. Kinds not named here mask every value. `groups` are the pattern's capture groups.
 */
export const MASKED_VALUE: Readonly<Record<string, (value: string, groups: readonly unknown[]) => boolean>> = {
  // A stand-in signing secret (`your-jwt-secret`) stays readable.
  jwtSecret: (value) => !PLACEHOLDER.test(value),
  // Any quoted long token ends a line of Mix configuration the way a secret does: only a value that
  // looks generated is masked (a phrase such as "default-secret-change-me" stays readable).
  mixSecretLiteral: (value) => secretValue(value),
  // A literal default of an environment lookup (`getEnv("JWT_SECRET", "…")`, `${JWT_SECRET:…}`): masked
  // when it would be counted as a real secret; a stand-in ("default-secret-change-me") stays readable.
  envDefaultSecret: (value) => defaultSecretValue(value) === 'real',
  placeholderDefaultSecret: (value) => defaultSecretValue(value) === 'real',
  // A secret-named configuration key: every value is masked but a placeholder or template
  // (`password: ${DB_PASSWORD}`, `<your-key>`); a connection string's password (group 3) always.
  configSecret: (value, groups) => typeof groups[2] === 'string' || !PLACEHOLDER.test(value),
  // A JS/TS configuration module's secret-named literal: masked when it looks generated.
  jsConfigSecret: (value) => secretValue(value),
};

/** Translation catalogues (config/locales/de.yml): their `password:` is a label, not a value. */
export const LOCALE_PATH = /(^|\/)(?:locales?|i18n|l10n|translations?|lang|languages)\//i;

/**
 * The literal key among a JWT call's arguments (`{ sub: id }, 'k3y…', { expiresIn }`): a string
 * literal after a comma, followed by `,` or `)`; a dict key (`"role":`) or a template is not one.
 */
export function jwtKeyArgument(args: string): string | undefined {
  const m = /,[ \t]*(?:'([^'\n]{6,})'|"([^"\n]{6,})")[ \t]*[,)]/.exec(args);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The text a Kubernetes Secret stores under `data:` (base64, as the API requires), when the line at
 * `line` is such a value and it decodes to printable text; otherwise undefined. The decoded text is
 * what the cluster hands the container, so placeholders are judged on it (`cGxhY2Vob2xkZXIt…` is
 * `placeholder-…`).
 */
export function k8sSecretData(text: string, line: number, value: string): string | undefined {
  if (!/^kind:[ \t]*Secret\b/m.test(text) || yamlParent(text, line) !== 'data') return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}

/** The key a YAML line sits under: the nearest line above with less indentation. */
export function yamlParent(text: string, line: number): string | undefined {
  const lines = text.split(/\r?\n/, line);
  const indent = (/^[ \t]*/.exec(lines[line - 1] ?? '')?.[0] ?? '').length;
  for (let i = line - 2; i >= 0; i--) {
    if (/^[ \t]*#/.test(lines[i]!)) continue;
    // YAML `jwt:`, or a JSON object's key `"Jwt": {`.
    const m = /^([ \t]*)"?([\w.-]+)"?[ \t]*:[ \t]*(?:#.*|\{[ \t]*)?$/.exec(lines[i]!);
    if (m && m[1]!.length < indent) return m[2];
    if (lines[i]!.trim() && (/^[ \t]*/.exec(lines[i]!)?.[0] ?? '').length < indent) return undefined;
  }
  return undefined;
}

/**
 * The keys a YAML line sits under, nearest first, at most `max` levels (Micronaut's
 * `jwt:` / `signatures:` / `secret:` / `generator:` / `secret: …`).
 */
export function yamlAncestors(text: string, line: number, max = 6): string[] {
  const lines = text.split(/\r?\n/, line);
  let indent = (/^[ \t]*/.exec(lines[line - 1] ?? '')?.[0] ?? '').length;
  const out: string[] = [];
  for (let i = line - 2; i >= 0 && indent > 0 && out.length < max; i--) {
    const l = lines[i]!;
    if (!l.trim() || /^[ \t]*#/.test(l)) continue;
    const ind = (/^[ \t]*/.exec(l)?.[0] ?? '').length;
    if (ind >= indent) continue;
    const m = /^[ \t]*"?([\w.-]+)"?[ \t]*:[ \t]*(?:#.*|\{[ \t]*)?$/.exec(l);
    if (!m) break;
    out.push(m[1]!);
    indent = ind;
  }
  return out;
}

/** A string literal, single- or double-quoted, of 6+ characters: the key (one group per quote). */
const LIT = String.raw`(?:'([^'\n]{6,})'|"([^"\n]{6,})")`;
/**
 * A string literal handed to a JWT or HMAC API as its signing key, in code: `new SymmetricSecurityKey(
 * Encoding.UTF8.GetBytes("…"))` or `"…"u8` (C#), `jwt.sign(payload, "…")` / `jwt.verify` (Node),
 * `jwt.encode(payload, "…")` (PyJWT, ruby-jwt), `JWT::encode($p, "…")` (PHP), `SignedString([]byte("…"))`
 * (Go), `Keys.hmacShaKeyFor("…".getBytes())`, `signWith(SignatureAlgorithm.HS256, "…")`,
 * `setSigningKey("…")`, `Algorithm.HMAC256("…")` (Java), `createHmac('sha256', '…')` (Node). Unlike a
 * value in a configuration file, nothing overrides it: every deployment signs with this key, so
 * anyone who reads the repository can forge tokens. A key read from configuration or the environment
 * is no literal and does not match; commented-out code is no evidence (comments are not read).
 */
/** The alternatives of codeSigningKey; `jwtCall` is the JWT call's, which differs between scan and scrub. */
const codeKeyParts = (jwtCall: string) =>
  [
    String.raw`\bnew\s+SymmetricSecurityKey\(\s*(?:Encoding\.\w+\.GetBytes\(\s*"([^"\n]{6,})"|"([^"\n]{6,})"u8)`,
    // The call's arguments (one bounded run, linear): the rule finds the literal key among them
    // (jwtKeyArgument), as the payload may hold strings (`{"sub": uid}`).
    jwtCall,
    String.raw`\bSignedString\(\s*\[\]byte\(\s*"([^"\n]{6,})"`,
    String.raw`\b(?:Keys\.hmacShaKeyFor|setSigningKey|Algorithm\.HMAC(?:256|384|512))\(\s*"([^"\n]{6,})"`,
    String.raw`\bsignWith\(\s*SignatureAlgorithm\.HS\d+\s*,\s*"([^"\n]{6,})"`,
    String.raw`\bcreateHmac\(\s*['"]\w+['"]\s*,\s*${LIT}`,
  ].join('|');

SECRET_PATTERNS.codeSigningKey = {
  regex: new RegExp(
    codeKeyParts(String.raw`\b(?:jwt|JWT|jsonwebtoken|jose)(?:\.|::)(?:sign|verify|encode|decode)\(([^;\n]{1,240})`),
  ),
  files: ['**/*.{cs,js,mjs,cjs,ts,mts,cts,jsx,tsx,py,go,java,kt,rb,php}'],
  literals: [
    'SymmetricSecurityKey',
    'jwt.',
    'JWT.',
    'JWT::',
    'jsonwebtoken.',
    'jose.',
    'SignedString',
    'hmacShaKeyFor',
    'setSigningKey',
    'Algorithm.HMAC',
    'signWith',
    'createHmac',
  ],
  maxPerFile: 3,
};

/**
 * codeSigningKey for redacting report text (short snippets, not scanned files): the JWT call's key
 * literal itself, so that a snippet quoting `jwt.decode(token, secret_key, …)` keeps its code and
 * one quoting `jwt.sign(p, "k3y…")` loses the key.
 */
export const CODE_SIGNING_KEY_SCRUB = new RegExp(
  codeKeyParts(
    String.raw`\b(?:jwt|JWT|jsonwebtoken|jose)(?:\.|::)(?:sign|verify|encode|decode)\([^;\n]{0,240}?,[ \t]*${LIT}(?=[ \t]*[,)])`,
  ),
  'g',
);

export const ENV_GLOBS = ['**/.env', '**/.env.*', '**/*.env'];

/** `.env.example` and friends document variables; they are meant to be committed. */
export function isEnvTemplate(path: string): boolean {
  const b = basename(path);
  return (
    /\.(example|sample|template|dist|defaults?|tmpl|tpl|schema|test|testing|ci|e2e|travis|github|gitlab|circleci|local\.example)$/i.test(
      b,
    ) ||
    /example|sample|template/i.test(b) ||
    // `test.env`, `e2e.env`: the same test fixtures, named the other way round.
    /^(?:test|testing|ci|e2e)\.env$/i.test(b)
  );
}

/** An env variable named for a secret: one of SECRET_NAMES or a generic secret word, at the end of its name. */
const SECRET_KEY = new RegExp(
  `(?:${[...SECRET_NAMES, 'passwd', 'secret', 'token', 'auth', 'credentials?', 'dsn', 'database_url', '_key'].join('|')})$`,
  'i',
);

/** Values nobody keeps secret: the demo defaults of compose files, tutorials and SQL Server's `sa`. */
export const WELL_KNOWN =
  /^(?:password|passw0rd|p@ssw0rd|secret|s3cr3t|admin|administrator|root|sa|postgres|mysql|mongo|mongodb|guest|rabbitmq|redis|default|demo|qwerty|letmein|123456\d*|mypassword|mysecret|supersecret|topsecret)\d{0,4}!?$/i;

/** Hosts on the developer's own machine: credentials for a database there are not a leak. */
const LOCAL_DB_HOST = String.raw`localhost|127\.0\.0\.1|0\.0\.0\.0|host\.docker\.internal`;

/** A secret manager's call or address, judged inside a command or template (`$(…)`, backticks, `<%…%>`, `{{…}}`). */
const MANAGER_CALL =
  /\bop:\/\/|\bop\s+read\b|\bvault\s+(?:kv\s+get|read)\b|\baws\s+(?:secretsmanager|ssm)\s|\bgcloud\s+secrets\s|\bdoppler\s+secrets\s|\bsops\s+(?:-d|--decrypt|exec)/;

/** A value that is a secret manager's address as a whole (`op://vault/item`, `@Microsoft.KeyVault(…)`). */
const MANAGER_ADDRESS = /^(?:@Microsoft\.KeyVault\(|(?:op|vault|awssm|gcpsm|azkv|ssm|secretsmanager):\/\/)/;

/** A command or template as a whole: `$(…)`, backticks, `<%…%>`, `{{…}}`; group 1 is what it runs. */
const SUBSTITUTION = /^(?:\$\(([\s\S]*)\)|`([\s\S]*)`|<%[=-]?([\s\S]*?)-?%>|\{\{-?([\s\S]*?)-?\}\})$/;

/**
 * What an env line's value holds: `{ lookup: true }` when it is resolved when the file is rendered or
 * loaded, not a literal — a variable reference (`${DB_PASSWORD}`, `$DB_PASSWORD`), a secret manager's
 * address (`op://vault/item`, `@Microsoft.KeyVault(…)`), or a command or template (`$(…)`, backticks,
 * `<%= … %>`, `{{ … }}`) that calls a secret manager (`op read`, `vault kv get`, `aws secretsmanager`,
 * `gcloud secrets`, `doppler secrets`, `sops -d`) or computes its value from something else. Such a file
 * is a template: the secret stays in the manager (blind round 23, once-campfire .env.erb reading
 * 1Password at deploy time). Otherwise `{ value }`, the literal the line commits: a ` #` comment is cut
 * first (never Ruby's `#{…}`), so a comment naming a manager makes no lookup; a shell default
 * (`${V:-x}`, `${V-x}`, `${V:=x}`) is the value used whenever V is unset; and a template or command that
 * only prints a literal (`{{ "x" }}`, `<%= "x" %>`, `$(echo x)`) commits that literal.
 */
export function envValue(raw: string): { lookup: true } | { value: string } {
  let v = raw
    .replace(/\s+#(?!\{).*$/, '')
    .trim()
    .replace(/^["']|["']$/g, '');
  for (let depth = 0; depth < 4; depth++) {
    const dflt = /^\$\{[A-Za-z_]\w*:?[-=]([\s\S]*)\}$/.exec(v);
    if (!dflt) break;
    v = dflt[1]!.trim().replace(/^["']|["']$/g, '');
  }
  if (/^\$(?:\{|[A-Za-z_]\w*$)/.test(v) || MANAGER_ADDRESS.test(v)) return { lookup: true };
  const sub = SUBSTITUTION.exec(v);
  if (!sub && !/^(?:\$\(|`|<%|\{\{)/.test(v)) return { value: v };
  if (MANAGER_CALL.test(v)) return { lookup: true };
  const inner = (sub?.slice(1).find((x) => x !== undefined) ?? '').trim();
  // Only a literal printed as it is: `"x"` (through `| filters`), `echo x`, `printf x`.
  const literal =
    /^(["'])([^"'`$]*)\1\s*(?:\|[^"'`$]*)?$/.exec(inner)?.[2] ??
    /^(?:echo|printf)(?:\s+-\w+)*\s+(["']?)([^"'`$\s;|&]+)\1$/.exec(inner)?.[2];
  if (literal !== undefined) return { value: literal };
  // A literal put through a transform (`$(echo -n sk_live_… | base64)`) is still the literal: a
  // token of 16+ characters with letters and digits that names no variable, path or setting.
  const token =
    /(?<![\w$/.{-])(?=[A-Za-z0-9_+/=-]*\d)(?=[A-Za-z0-9_+/=-]*[a-z])[A-Za-z0-9_+/=-]{16,200}(?![\w+/=-])/.exec(
      inner,
    )?.[0];
  return token === undefined ? { lookup: true } : { value: token };
}

/**
 * Lines of an env file that give a secret-named key a real-looking value. A line whose value is a
 * lookup (envValue) is returned with `lookup` set: it names where the secret is read from, and
 * holds none.
 */
export function envSecrets(
  path: string,
  text: string,
): { path: string; line: number; key: string; echo?: boolean; lookup?: boolean; phrase?: boolean }[] {
  const out: { path: string; line: number; key: string; echo?: boolean; lookup?: boolean; phrase?: boolean }[] = [];
  const settings = envSettings(text);
  const all = text.split(/\r?\n/);
  const local = localParagraphs(all);
  all.forEach((raw, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (!m || !SECRET_KEY.test(m[1]!) || /^(VITE|NEXT_PUBLIC|REACT_APP|PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC)_/.test(m[1]!))
      return;
    const judged = envValue(m[2]!);
    if ('lookup' in judged) {
      out.push({ path, line: i + 1, key: m[1]!, lookup: true });
      return;
    }
    const value = judged.value;
    if (value.length < 6 || isPlaceholder(value) || /^(true|false|none|null)$/i.test(value)) return;
    // A demo value that everyone types (`password`, `secret`, `postgres`) stands for one to choose.
    if (WELL_KNOWN.test(value)) return;
    // A URL with no password part (`postgres://db:5432/app`) carries no credential, nor does a
    // file path (`file:../data/app.db`, SQLite); a connection setting is secret only with a password.
    // (Read from the first colon after `://` and the last before `@`: one pass, where a colon
    // anywhere in the run let the engine retry from each, quadratic on `a:a:a:…`.)
    if (/^[a-z][\w+.-]*:\/\//i.test(value) && !/:\/\/[^/@\s:]*:[^/@\s]+@/.test(value)) return;
    // A URL's password that is a demo default or a stand-in (`postgres://postgres:password@db/app`,
    // the password a self-hosting compose file sets for its own database) stands for one to choose.
    const urlPassword = /:\/\/[^/@\s:]*:([^/@\s]+)@/.exec(value)?.[1];
    if (urlPassword !== undefined && (WELL_KNOWN.test(urlPassword) || PLACEHOLDER.test(urlPassword))) return;
    if (/^(?:file|sqlite\d?):/i.test(value)) return;
    if (/(?:DATABASE_URL|_DSN|^DSN)$/i.test(m[1]!) && !/:[^/@\s:]*[^/@\s]@/.test(value)) return;
    // Credentials for a database on the developer's own machine are not a leak.
    if (LOCAL_DB_AT.test(value)) return;
    // A file path (`JWT_SECRET_KEY=%kernel.project_dir%/config/jwt/private.pem`) names where a key
    // is read from, not the key (blind round 45: Symfony's committed .env).
    if (filePathValue(value)) return;
    // A password that repeats the file's own user or database name (`DB_USER=shop`, `DB_PASSWORD=shop`),
    // or whose own host is this machine (`DB_HOST=localhost`): a local default, no credential.
    if (PASSWORD_NAME.test(m[1]!) && localDefaultPassword(m[1]!, value, settings)) return;
    // Nor are the values of a block the file marks for local development ("# --- FOR LOCAL
    // DEVELOPMENT ONLY ---") or whose host key names the developer's machine (DATABASE_HOSTNAME=localhost).
    if (local[i]) return;
    // A value that repeats the key's own name (`SECRET_KEY = secretKey`) is a scaffold's placeholder:
    // still a committed value, said as what it is (blind round 18, typescript-express-starter).
    const bare = (x: string) => x.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
    out.push({
      path,
      line: i + 1,
      key: m[1]!,
      ...(bare(value) === bare(m[1]!) ? { echo: true } : {}),
      ...(wordPhrase(value) ? { phrase: true } : {}),
    });
  });
  return out;
}

/**
 * A value written as words joined by `-` or `_` (`super-secret-token`, `my_admin_pass`): typed by a
 * person, not generated (a generated key mixes cases and digits or runs without separators).
 * Bounded: at most 64 characters, one pass.
 */
export function wordPhrase(value: string): boolean {
  return (
    value.length <= 64 &&
    /^[a-z]{2,}(?:[-_][a-z]{2,})+$/i.test(value) &&
    (/^[a-z_-]+$/.test(value) || /^[A-Z_-]+$/.test(value))
  );
}

/**
 * A comment above a key, within the 40 lines before it, that gives it to tests only ("KEYS IN THIS
 * FILE ARE ONLY FOR TESTING", "for testing purposes only", "must only be used for testing"): a test
 * fixture kept in a helper package, like a key under testdata/ (blind round 49). Comment lines only
 * (`//`, `#`, `*`, `/*`, `--`, `;`), each read up to 300 characters.
 */
export function testingOnlyComment(lines: readonly string[], line: number): boolean {
  for (let i = Math.max(0, line - 41); i < Math.min(line, lines.length); i++) {
    const text = lines[i]!.slice(0, 300);
    if (!/^\s*(?:\/\/|#|\*|\/\*|--|;)/.test(text)) continue;
    if (TESTING_ONLY.test(text)) return true;
  }
  return false;
}

const TESTING_ONLY =
  /\bonly\s+(?:be\s+)?(?:used\s+)?for\s+(?:unit\s+)?test(?:s|ing)?\b|\bfor\s+(?:unit\s+)?test(?:s|ing)?(?:\s+purposes)?\s+only\b|\btest(?:s|ing)?\s+(?:purposes\s+)?only\b|\bmust\s+only\s+be\s+used\s+(?:for|in)\s+test/i;

/** A host key of an env file naming the developer's own machine (`DATABASE_HOSTNAME=localhost`). */
const LOCAL_HOST_KEY =
  /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]{0,80}(?:HOST|HOSTNAME|SERVER|ADDR|ADDRESS)\s*=\s*["']?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|host\.docker\.internal)\b/i;

/**
 * For each line of an env file, whether its block (the lines between blank lines) is local-development
 * configuration: the comment that opens the block gives a local, development or test use and names no
 * production (LOCAL_USE), or a host key of the block names the developer's machine. The secret-named
 * values there are what a developer's database or stand-in service is started with (blind round 46:
 * `DATABASE_PASSWORD=not_at_all_secret` under "# --- FOR LOCAL DEVELOPMENT ONLY ---", beside
 * `DATABASE_HOSTNAME=localhost`). Blocks of at most 200 lines are judged; longer ones are not set aside.
 */
function localParagraphs(lines: readonly string[]): boolean[] {
  const out = new Array<boolean>(lines.length).fill(false);
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.trim() !== '') continue;
    if (i - start > 0 && i - start <= 200) {
      const header: string[] = [];
      for (let j = start; j < i && /^\s*#/.test(lines[j]!); j++) header.push(lines[j]!.slice(0, 300));
      const said = header.join(' ');
      let isLocal = header.length > 0 && LOCAL_USE.test(said) && !PRODUCTION_WORD.test(said);
      for (let j = start; j < i && !isLocal; j++) if (LOCAL_HOST_KEY.test(lines[j]!.slice(0, 400))) isLocal = true;
      if (isLocal) out.fill(true, start, i);
    }
    start = i + 1;
  }
  return out;
}

/**
 * A value that is a file path: one that starts like a path (`/run/secrets/jwt`, `./keys/jwt.pem`,
 * `~/…`, a framework parameter such as `%kernel.project_dir%/…`) and is made of path segments, or a
 * relative path ending in a key or configuration file's extension (`config/jwt/private.pem`). A
 * generated key of base64 may hold `/` but neither starts so nor ends in such an extension.
 */
export function filePathValue(value: string): boolean {
  const v = value.trim();
  if (v.length > 400 || !/^(?:%[\w.]+%|~|\.{1,2})?\/?(?:[\w.@-]+\/)*[\w.@-]+$/.test(v) || !v.includes('/'))
    return false;
  if (/^(?:%[\w.]+%|~|\.{1,2})\//.test(v)) return true;
  if (/\.(?:pem|key|crt|cer|der|pub|p8|p12|pfx|jks|keystore|json|ya?ml|txt|conf)$/i.test(v)) return true;
  // An absolute path of two or more word segments (`/run/secrets/db_password`).
  return /^\/[\w.-]+\/[\w.-]+/.test(v) && !/[+=]/.test(v);
}

/** An env variable named for a password (`DB_PASSWORD`, `MYSQL_PASS`, `REDIS_PWD`). */
const PASSWORD_NAME = /(?:password|passwd|pass|pwd)$/i;

/**
 * An env file's settings, name to literal value (first wins), for judging one value by its
 * neighbours; and the lower-cased values of its user and database names (not secret-named), looked up
 * once per password rather than scanned (a file of 70,000 passwords after 2,000 names took 17 s).
 */
interface EnvSettings {
  values: Map<string, string>;
  names: Set<string>;
}

function envSettings(text: string): EnvSettings {
  const values = new Map<string, string>();
  const names = new Set<string>();
  for (const raw of text.split(/\r?\n/, 2000)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (!m || values.has(m[1]!)) continue;
    const judged = envValue(m[2]!);
    if (!('value' in judged)) continue;
    values.set(m[1]!, judged.value);
    if (!SECRET_KEY.test(m[1]!) && /(?:user|username|login|name|database|db)$/i.test(m[1]!))
      names.add(judged.value.toLowerCase());
  }
  return { values, names };
}

const LOCAL_HOST_ONLY = new RegExp(`^(?:${LOCAL_DB_HOST})$`, 'i');

/**
 * A password that is a local default: equal to a user or database name set in the same file (not a
 * secret-named setting), or whose host setting of the same prefix (`DB_PASSWORD` → `DB_HOST`) is this
 * machine. A production password is neither the account's name nor for a database on localhost.
 */
function localDefaultPassword(key: string, value: string, settings: EnvSettings): boolean {
  if (settings.names.has(value.toLowerCase())) return true;
  const prefix = key.replace(PASSWORD_NAME, '');
  const v = settings.values;
  const host = v.get(`${prefix}HOST`) ?? v.get(`${prefix}HOSTNAME`) ?? v.get(`${prefix}SERVER`);
  return host !== undefined && LOCAL_HOST_ONLY.test(host);
}

/**
 * A connection string's password worth reporting (`Server=db.prod;…;Password=…` in appsettings.json or
 * web.config): not a placeholder or a demo value (`Password=postgres`), and not for a server on the
 * developer's own machine (`Server=.`, `(localdb)`, LOCAL_DB_HOST). Both secret rules judge it so.
 */
export function connectionSecret(snippet: string, password: string): boolean {
  const v = password.trim();
  // The stand-in patterns only: a password for a remote database is never excused by its words.
  if (v.length < 6 || PLACEHOLDER.test(v) || WELL_KNOWN.test(v)) return false;
  return !LOCAL_DB_SERVER.test(snippet);
}

/** A connection URL's host on the developer's own machine (`…@localhost:5432`), compiled once. */
const LOCAL_DB_AT = new RegExp(`@(?:${LOCAL_DB_HOST})(?:[:/]|$)`);
/** A connection string's server on the developer's own machine (`Server=.;`, `(localdb)`), compiled once. */
const LOCAL_DB_SERVER = new RegExp(
  String.raw`\b(?:Server|Data Source|Host|Addr(?:ess)?)\s*=\s*(?:${LOCAL_DB_HOST}|\.|\(localdb\)[^;]*)\s*[;,"]`,
  'i',
);

/**
 * The top-level YAML section a line sits in (`development:` in Rails secrets.yml), from the lines above
 * it: the file's lines, so a caller asking about many matches of one file splits it once.
 */
export function yamlSection(lines: readonly string[], line: number): string | undefined {
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = /^([A-Za-z_][\w.-]*)\s*:/.exec(lines[i]!);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * A signing secret someone typed rather than generated: letters of one case and underscores only
 * (`CISECRETKEYIGUESS`, `my_super_secret_key`). Generated secrets mix cases, digits or symbols.
 */
export function typedPhrase(value: string): boolean {
  return /^[A-Z_-]+$/.test(value) || /^[a-z_-]+$/.test(value);
}

/**
 * The role a configuration file's name gives it: `settings/ci.py`, `application-dev.yml`,
 * `config/environments/test.rb` configure CI, tests or a developer's machine; a file named for
 * samples or examples (`application-secret-samples.yml`) documents values to replace.
 */
export function configRole(path: string): 'development' | 'sample' | undefined {
  const name = basename(path).replace(/\.[^.]+$/, '');
  if (/(^|[-_.])(ci|test|tests|testing|dev|development|local|e2e)$/i.test(name)) return 'development';
  // The environment first (`test_settings.py`, `local_settings.py`): a Django settings module for one.
  if (/^(ci|test|tests|testing|dev|development|local|e2e)[-_.]settings$/i.test(name)) return 'development';
  if (/(^|[-_.])(samples?|examples?|demo)([-_.]|$)/i.test(name)) return 'sample';
  return undefined;
}

/** Mix configuration files loaded in every environment, or by a deployed release. */
const MIX_SHARED_OR_DEPLOYED = /^(?:config|runtime|releases|prod|production|staging|stage|preprod|live)$/;

/**
 * A Mix environment's configuration that no deployment loads (issue 15, blind round 27): Mix
 * reads `config/<env>.exs` only when MIX_ENV is that env (`import_config "#{config_env()}.exs"`).
 * dev and test are the usual ones; a project may add its own (`hex`, `bench`, `ci`) for CI or a
 * tool. A file of an env the project deploys — prod, a staging-like name, or the MIX_ENV a
 * Dockerfile builds the release with — stays production configuration, as do config.exs,
 * runtime.exs and releases.exs, which every environment loads.
 */
export function mixNonProductionEnv(files: FileView, path: string): boolean {
  const m = /^((?:[^/]+\/)*)config\/([a-z_][a-z0-9_]*)\.exs$/.exec(path);
  if (!m) return false;
  const env = m[2]!;
  if (MIX_SHARED_OR_DEPLOYED.test(env)) return false;
  if (!files.exists(`${m[1]}mix.exs`) && !files.exists('mix.exs')) return false;
  return !deployedMixEnvs(files).has(env);
}

/**
 * The MIX_ENV values the repository's images are built with (`ENV MIX_ENV=prod`, `ARG MIX_ENV="staging"`,
 * `MIX_ENV=staging mix release`). A Dockerfile named for development (dev.Dockerfile, Dockerfile.dev)
 * builds a developer's container, and `RUN MIX_ENV=test mix deps.get` only fetches a suite's
 * dependencies: neither deploys that env (blind round 45).
 */
function deployedMixEnvs(files: FileView): Set<string> {
  return memo(files, 'secrets:mix-deployed-envs', () => {
    const out = new Set<string>();
    for (const p of files.match(['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile'])) {
      if (
        misnamedDockerfile(p) ||
        /(?:^|[/.-])(?:dev|development|local|test|ci)(?:\.Dockerfile$|\.|$)/i.test(basename(p))
      )
        continue;
      for (const hit of (files.read(p) ?? '').matchAll(
        /^[ \t]*(?:ENV|ARG)[ \t]+MIX_ENV(?:[ \t]*=[ \t]*|[ \t]+)["']?([a-z_][a-z0-9_]*)|\bMIX_ENV=["']?([a-z_][a-z0-9_]*)["']?[ \t]+mix[ \t]+(?:release|compile|assets\.deploy|phx\.digest)\b/gm,
      ))
        out.add((hit[1] ?? hit[2])!);
    }
    return out;
  });
}

/**
 * A comment that gives the value a developer's machine or a test run for its place: "for local
 * development", "generate it locally", "docker compose run … generate_token", "dummy token", "not a
 * real key". One that names production says the opposite, whatever else it says.
 */
const LOCAL_USE =
  /\b(?:local(?:ly)?|localhost|development|for (?:dev|testing|tests?)\b|in (?:dev|tests?)\b|docker[ -]?compose|dummy|placeholder|fake)\b|\bnot (?:a )?(?:real|production|secret)\b/i;
const PRODUCTION_WORD = /\bprod(?:uction)?\b|\blive\b/i;
/** A key whose value names a service on the developer's own machine: `url: 'http://localhost:3003'`. */
const LOCAL_URL_LINE =
  /^[ \t]*["']?[\w.-]*(?:url|uri|host|endpoint|server|base)["']?[ \t]*:[ \t]*["']?(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|host\.docker\.internal)\b/i;
/** The payload values of a token minted for a demonstration: jwt.io's, or a subject no one is called. */
const DUMMY_CLAIM =
  /^(?:foo|bar|baz|qux|test\w{0,20}|tester|example|dummy|fake|sample|demo|dev|local|localhost|john doe|jane doe|1234567890|user\d{0,3}|anonymous)$/i;

/** A JWT's payload, decoded (base64url JSON), when the value is a JWT; bounded. */
function jwtPayload(value: string): Record<string, unknown> | undefined {
  const parts = /^eyJ[\w-]{4,2000}\.(eyJ[\w-]{2,4000})\.[\w-]{0,2000}$/.exec(value.trim());
  if (!parts) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a secret-named value in configuration is a development placeholder rather than a committed
 * credential (blind round 39, sdr-api: config/settings.yml's token for `url: 'http://localhost:3003'`,
 * a JWT with payload {"sub":"Foo"}, under "# To generate the token: docker compose run … rake
 * generate_token"), or undefined. Three signs, each enough: a comment on the line or the two above it
 * that gives a local, development or test use (and does not name production); a sibling key of the
 * same YAML block pointing at localhost (the credential opens a service on the developer's machine);
 * a JWT whose claims are all stand-ins (`sub: Foo`, jwt.io's `1234567890`/`John Doe`) and times.
 */
export function developmentPlaceholder(lines: readonly string[], line: number, value: string): string | undefined {
  const at = line - 1;
  const own = (lines[at] ?? '').slice(0, 2000);
  const trailing = /\s#\s?(.{0,300})$/.exec(own.replace(/(["'])(?:\\.|(?!\1).){0,2000}\1/g, '""'))?.[1] ?? '';
  const above: string[] = [];
  for (let i = at - 1; i >= 0 && i >= at - 2; i--) {
    const c = /^\s*(?:#|\/\/)\s?(.{0,300})/.exec(lines[i] ?? '');
    if (!c) break;
    above.push(c[1]!);
  }
  const comment = [trailing, ...above].join(' ');
  if (PRODUCTION_WORD.test(comment)) return undefined;
  if (LOCAL_USE.test(comment)) return 'a comment beside it gives it a local, development or test use';
  // Siblings: the lines of the same indentation in the block around it, up to 20 each way.
  const indent = /^[ \t]*/.exec(own)![0].length;
  if (indent > 0) {
    for (const step of [-1, 1]) {
      for (let i = at + step, n = 0; i >= 0 && i < lines.length && n < 20; i += step, n++) {
        const l = lines[i]!;
        if (!l.trim() || /^\s*#/.test(l)) continue;
        const ind = /^[ \t]*/.exec(l)![0].length;
        if (ind < indent) break;
        if (ind === indent && LOCAL_URL_LINE.test(l))
          return `its block points at a service on localhost (line ${i + 1})`;
      }
    }
  }
  const claims = jwtPayload(value.replace(/^["']|["']$/g, ''));
  if (claims) {
    const entries = Object.entries(claims).slice(0, 20);
    const stand = entries.filter(([k, v]) =>
      /^(?:iat|exp|nbf)$/.test(k) ? typeof v === 'number' : typeof v === 'string' && DUMMY_CLAIM.test(v.trim()),
    );
    if (entries.some(([k]) => k === 'sub') && stand.length === entries.length)
      return `a JWT whose claims are stand-ins (sub: ${String(claims.sub).slice(0, 20)})`;
  }
  return undefined;
}
