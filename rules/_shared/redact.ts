/**
 * Redaction: evidence for a secret shows where it is, never what it is. Only the first four
 * characters of the value survive, so a reader can tell which key it was.
 */
export function redactValue(secret: string): string {
  if (secret.length <= 8) return '[REDACTED]';
  return `${secret.slice(0, 4)}…[REDACTED]`;
}

export function redactLine(line: string, secret: string): string {
  const replaced = secret ? line.split(secret).join(redactValue(secret)) : line;
  // The snippet may have been shortened mid-secret: drop anything that still holds a long token.
  return replaced.replace(/[A-Za-z0-9+/_=-]{20,}/g, (t) => (t.includes('REDACTED') ? t : redactValue(t)));
}

/**
 * Redacts `secret` in a scanner snippet, also when the snippet was cut inside the secret (it then
 * ends with a prefix of the secret and `…`). Only a known, non-secret kind prefix (`AKIA`,
 * `ghp_`, `sk_live_`) may survive; any other character of the value is replaced.
 */
export function redactSecretIn(snippet: string, secret: string, kindPrefix = ''): string {
  const masked = kindPrefix && secret.startsWith(kindPrefix) ? `${kindPrefix}…[REDACTED]` : '[REDACTED]';
  if (!secret) return redactLine(snippet, '');
  let out = snippet.split(secret).join(masked);
  if (out.endsWith('…')) {
    const body = out.slice(0, -1);
    for (let k = Math.min(secret.length - 1, body.length); k >= 1; k--) {
      if (body.endsWith(secret.slice(0, k))) {
        out = body.slice(0, body.length - k) + masked;
        break;
      }
    }
  }
  return redactLine(out, '');
}
