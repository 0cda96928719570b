/**
 * Text that leaves the process (a terminal, a CI log, a file someone will `cat`) must show
 * repository text, never obey it: an ESC starts a terminal escape sequence (colours, cursor moves,
 * hyperlinks, window titles), a CR overwrites the line already printed, a newline in a one-line
 * message forges a new line (`::error …` is a GitHub Actions workflow command), and bidirectional
 * overrides reorder what the reader sees (Trojan Source, CVE-2021-42574). Each such character is
 * replaced by a visible escape such as `\x1b` or `\u202e`.
 */

// C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-character CSI), and the
// bidirectional embeddings, overrides and isolates.
const UNSAFE = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_BREAK = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Multi-line text with every control character but newline and tab made visible (CRLF stays). */
export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === '\r\n' ? ch : visible(ch)));
}

/**
 * One line: line breaks and tabs become a space (they only separate words), every other control
 * character becomes visible. For messages, titles, reasons and anything printed within a line.
 */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_OR_BREAK, (ch) =>
    ch === '\r\n' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\u2028' || ch === '\u2029'
      ? ' '
      : visible(ch),
  );
}

/** Every string in a JSON-like value through oneLine: for renderers that add escapes of their own. */
export function oneLineDeep<T>(value: T): T {
  if (typeof value === 'string') return oneLine(value) as T;
  if (Array.isArray(value)) return value.map((v) => oneLineDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = oneLineDeep(v);
    return out as T;
  }
  return value;
}

// JSON.stringify escapes C0 controls itself; these it leaves raw.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text (a report, SARIF, a badge) with the characters that JSON.stringify leaves raw written
 * as `\uXXXX` escapes: the same value for any parser, and nothing a terminal or log acts on. They
 * can only occur inside strings, where the escape is valid.
 */
export function printableJson(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text that may be posted where GitHub reads it — the Markdown report or summary as a pull-request
 * comment, SARIF in code scanning — must not notify or cross-reference anyone: `@user` and
 * `@org/team` ping, `#123`, `GH-123` and `owner/repo#123` link the issue and leave a "mentioned
 * this" event in it. GitHub finds them in the rendered text, after Markdown escapes are gone, so a
 * backslash does not help; a zero-width space after the `@`, `#` or `GH-` (as Renovate does) keeps
 * the text as it reads and breaks the reference. The one place both outputs take it from.
 */
export function inertReferences(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])|#(?=\d)|\b(?:GH|gh)-(?=\d)/g, (m) => `${m}\u200b`);
}
