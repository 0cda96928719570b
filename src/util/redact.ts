import { CODE_SIGNING_KEY_SCRUB, KINDS, MASKED_VALUE, SECRET_PATTERNS, secretValue } from '../facts/secrets.js';
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

/**
 * The last line of defence: every string of a report passes through this before it is printed,
 * so a credential that reaches an evidence note, a suppression reason or rule data by any path
 * (an inline marker's comment, a snippet another rule cited) is masked all the same.
 */
export function redactSecrets(text: string): string {
  let out = redactKinds(text);
  if (SECRET_WORD.test(out)) out = out.replace(SECRET_IN_PROSE, maskProse);
  return out.includes('://') ? out.replace(URL_PASSWORD, maskUrlPassword) : out;
}

/**
 * The password of a URL's user information (`mongodb+srv://admin:…@cluster`, `postgres://app:…@db`):
 * masked whatever it looks like, as a local default costs nothing to hide; a template (`${DB_PASS}`,
 * `<password>`, `%s`, `***`) stays readable.
 */
// The password may hold `/` (an unencoded one is taken up to the `@` before the host).
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,100}:)([^\s@]{1,200})@/gi;
function maskUrlPassword(whole: string, head: string, password: string): string {
  if (password.includes('REDACTED') || /[$<{%*]/.test(password)) return whole;
  return `${head}[REDACTED]@`;
}

/**
 * A credential written out after a secret's name anywhere in a line — `MAIL_PASSWORD=…` in a list item,
 * "SMTP password: …" in an audit's prose, `token => '…'` — which the kinds, anchored to the layouts of
 * configuration files, do not see. Only a value that looks generated (secretValue) is masked: "password:
 * required" and "token: ${TOKEN}" stay readable. Bounded runs, one start per position: linear.
 */
const SECRET_WORD = /pass(?:word|wd)|pwd|secret|token|api[-_]?key|private[-_]?key|access[-_]?key/i;
const SECRET_IN_PROSE =
  /\b([\w.-]{0,40}?(?:pass(?:word|wd)|pwd|secret|token|api[-_]?key|private[-_]?key|access[-_]?key)[\w-]{0,20})["'`]?[ \t]{0,4}(?:[:=]|=>|\bis\b)[ \t]{0,4}["'`]?([^\s"'`,;)\]]{8,200})/gi;
function maskProse(whole: string, _name: string, value: string): string {
  if (value.includes('REDACTED') || !secretValue(value)) return whole;
  return `${whole.slice(0, whole.length - value.length)}[REDACTED]`;
}

function redactKinds(text: string): string {
  // Most strings of a report (rule names, statuses, descriptions) hold none of the kinds' literals:
  // one search for all of them instead of ~70 \`includes\` per string (a 12-file audit's report has
  // ~600 strings, a large one thousands). Until a kind replaces something, \`out\` is \`text\`.
  if (!ANY_LITERAL.test(text)) return text;
  let out = text;
  for (const [kind, spec] of SCRUB) {
    if (!spec.literals.some((l) => out.includes(l))) continue;
    out = out.replace(spec.regex, (whole: string, ...groups: unknown[]) => {
      if (kind === 'privateKey') {
        const marker = /^-----BEGIN [A-Z ]*-----/.exec(whole)![0];
        return whole.length > marker.length ? `${marker} …[REDACTED]` : whole;
      }
      const value = groups.slice(0, -2).find((g): g is string => typeof g === 'string' && g.length > 0);
      if (!value) return whole;
      // A kind's own judge (src/facts/secrets.ts MASKED_VALUE) keeps a stand-in or a template readable.
      const masked = MASKED_VALUE[kind];
      if (masked && !masked(value, groups.slice(0, -2))) return whole;
      const prefix = KINDS[kind]?.prefix ?? '';
      return whole.split(value).join(prefix && value.startsWith(prefix) ? `${prefix}…[REDACTED]` : '[REDACTED]');
    });
  }
  return out;
}

// The detection patterns, global, and for a private key everything after its BEGIN line on the same line.
const SCRUB: [string, { regex: RegExp; literals: string[] }][] = Object.entries(SECRET_PATTERNS).map(([kind, spec]) => [
  kind,
  {
    regex:
      kind === 'codeSigningKey'
        ? CODE_SIGNING_KEY_SCRUB
        : kind === 'privateKey'
          ? /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----(?:(?!…\[REDACTED\]).)*/g
          : new RegExp(
              spec.regex.source.replace(/\$$/, '').replace(/\\s\*\(\?:\[,;\]\\s\*\)\?$/, ''),
              `${spec.regex.flags.replace('m', '')}g`,
            ),
    literals: spec.literals ?? [],
  },
]);

/** Some kind's literal (the search each kind's \`literals.some(includes)\` makes, in one pass). */
const ANY_LITERAL = new RegExp(
  SCRUB.flatMap(([, spec]) => spec.literals)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|'),
);

/** Applies redactSecrets to every string in a JSON-like value. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}
