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
