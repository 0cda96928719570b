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
