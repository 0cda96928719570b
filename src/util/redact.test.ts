import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact.js';

describe('redactSecrets: a signing key literal in a JWT call', () => {
  it('masks the literal key and keeps a call whose key is a variable', () => {
    const key = 'k3yThat' + 'ShipsWithTheApp';
    expect(redactSecrets(`jwt.sign({ sub: id }, '${key}', { expiresIn: '1h' })`)).toBe(
      `jwt.sign({ sub: id }, '[REDACTED]', { expiresIn: '1h' })`,
    );
    const call = 'return JWTUser(**jwt.decode(token, secret_key, algorithms=[ALGORITHM]))';
    expect(redactSecrets(call)).toBe(call);
  });
});

describe('redactSecrets: a secret-named key in shipped configuration', () => {
  it('masks the value, never the key, and leaves placeholders readable', () => {
    const value = 'X8xk29dk' + 'Qm3LpZ7w';
    expect(redactSecrets(`    "ClientSecret": "${value}",`)).toBe('    "ClientSecret": "[REDACTED]",');
    expect(redactSecrets(`  client_secret: ${value}`)).toBe('  client_secret: [REDACTED]');
    const template = '  password: ${DB_PASSWORD_VALUE}';
    expect(redactSecrets(template)).toBe(template);
    // A short, human-chosen password is masked too: a report shows where it is, never what it is.
    expect(redactSecrets('  password: Tr0ub4dor&3')).toBe('  password: [REDACTED]');
  });
});

describe('redactSecrets: one search for the literals of every kind before the kinds are tried', () => {
  it('still masks kinds whose literal holds regex syntax (a dot, quotes) and leaves text without any literal as it is', () => {
    const sendgrid = `SG.${'a'.repeat(22)}.${'b'.repeat(43)}`;
    expect(redactSecrets(`SENDGRID=${sendgrid}`)).toBe('SENDGRID=[REDACTED]');
    // The dot is no wildcard: `SGx` is not `SG.`, and nothing else in the text is a literal.
    const lookalike = `SGx${'a'.repeat(22)}.${'b'.repeat(43)}`;
    expect(redactSecrets(lookalike)).toBe(lookalike);
    const d = 'c'.repeat(30);
    expect(redactSecrets(`{"kty": "RSA", "d": "${d}"}`)).not.toContain(d);
    const plain = 'Every route checks the session; the build runs the same in every environment.';
    expect(redactSecrets(plain)).toBe(plain);
  });
});

describe('redactSecrets: each kind judges its own values (MASKED_VALUE beside the patterns)', () => {
  it('masks a generated default of an environment lookup and keeps a stand-in readable', () => {
    const generated = 'q8Zr2Lm5Tx9Wv3Ny7Pk1Hs4D';
    expect(redactSecrets(`signer = getEnv("JWT_SECRET", "${generated}")`)).toBe(
      'signer = getEnv("JWT_SECRET", "[REDACTED]")',
    );
    const standIn = 'signer = getEnv("JWT_SECRET", "default-secret-change-me")';
    expect(redactSecrets(standIn)).toBe(standIn);
  });
  it('masks a generated literal ending a line of Mix configuration and keeps a typed phrase readable', () => {
    const generated = 'Xk3pQ9vLm2Rt7Wz5Yb8Nc1Hd6Fg4Js0A';
    expect(redactSecrets(`      "${generated}"`)).toBe('      "[REDACTED]"');
    const phrase = '      "please-change-this-default-secret"';
    expect(redactSecrets(phrase)).toBe(phrase);
  });
});

describe('redactSecrets: a credential written after a secret name in prose or a list item', () => {
  it('masks a generated value after PASSWORD=, "password:" or "token is"', () => {
    expect(redactSecrets('- The .env.bak file contains `MAIL_PASSWORD=Zq8!rTw5Lp2x` in plain text')).toBe(
      '- The .env.bak file contains `MAIL_PASSWORD=[REDACTED]` in plain text',
    );
    expect(redactSecrets('SMTP password: Zq8rTw5Lp2xKm9 (rotate it)')).toBe('SMTP password: [REDACTED] (rotate it)');
    expect(redactSecrets('the api token is a81Kd9LmQ2xT7vZp')).toBe('the api token is [REDACTED]');
  });
  it('keeps words, templates and placeholders readable', () => {
    for (const text of [
      'password: required, at least 12 characters',
      'JWT_SECRET=${JWT_SECRET} is read from the environment',
      'DB_PASSWORD=changeme-in-production',
      'the token is rotated every 24 hours',
      'secret default hard-coded where production code reads the environment variable',
    ])
      expect(redactSecrets(text)).toBe(text);
  });
  it('stays linear on a long run of secret names without a value', () => {
    const hostile = `${'password_token_secret-'.repeat(5000)}:`;
    expect(redactSecrets(hostile)).toBe(hostile);
  });
});

describe("redactSecrets: the password of a URL's user information", () => {
  it('masks it in a connection string and keeps templates readable', () => {
    expect(redactSecrets('MONGO_URI=mongodb+srv://admin:Xk39fLq2Wm8@cluster0.example.net/db')).toBe(
      'MONGO_URI=mongodb+srv://admin:[REDACTED]@cluster0.example.net/db',
    );
    expect(redactSecrets('MONGO=mongodb://u:Ab/9xKq2@host/db')).toBe('MONGO=mongodb://u:[REDACTED]@host/db');
    expect(redactSecrets('connect to postgres://app:hunter2@db:5432/app')).toBe(
      'connect to postgres://app:[REDACTED]@db:5432/app',
    );
    for (const text of [
      'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app',
      'postgres://<user>:<password>@host/db',
      'see https://example.com:8443/path and http://localhost:3000',
    ])
      expect(redactSecrets(text)).toBe(text);
  });
  it('stays linear on many URL starts without a user part', () => {
    const hostile = 'a://b:'.repeat(20000);
    expect(redactSecrets(hostile)).toBe(hostile);
  });
});
