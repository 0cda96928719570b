/**
 * Plain-text layout for the terminal: display width, truncation and word wrap. Works on text
 * without colour codes; the terminal renderer colours after it has fitted a line.
 */

/** Terminal columns a string takes: East Asian wide characters and emoji count 2, combining marks 0. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

function charWidth(cp: number): number {
  if (cp < 0x300) return 1;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** The string cut to `width` columns, ending in "…" when something was cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 0) return '';
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Words wrapped to `width` columns; every line after the first starts with `indent` (the first
 * line's own indent is the caller's). A word longer than a line is cut across lines.
 */
export function wrap(s: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  // The first line keeps its own leading spaces.
  const lead = /^ */.exec(s)![0];
  let line = '';
  const room = () => Math.max(1, width - (lines.length === 0 ? lead.length : displayWidth(indent)));
  const push = () => {
    lines.push(lines.length === 0 ? lead + line : indent + line);
    line = '';
  };
  for (const word of s.split(/\s+/).filter(Boolean)) {
    if (line && displayWidth(line) + 1 + displayWidth(word) <= room()) {
      line += ` ${word}`;
      continue;
    }
    if (line) push();
    let rest = word;
    // A word wider than a whole line (a long path or URL) is cut.
    while (displayWidth(rest) > room()) {
      const head = cut(rest, room());
      line = head;
      push();
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  if (line || lines.length === 0) push();
  return lines;
}

/** The longest prefix of `s` that fits `width` columns (at least one character). */
function cut(s: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (out && w + cw > width) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** A piece of a line: its text, how to colour it, and whether it may be shortened to fit. */
export interface Part {
  text: string;
  style?: (s: string) => string;
  /** Prose that may be cut; fixed parts (numbers, ids) never are. */
  shrink?: boolean;
}

/**
 * One line of parts that fits `width` columns: the shrinkable parts are cut, last first, until
 * the line fits; colour is applied afterwards, so it never counts against the width.
 */
export function fitLine(parts: Part[], width: number): string {
  const texts = parts.map((p) => p.text);
  let over = displayWidth(texts.join('')) - width;
  for (let i = parts.length - 1; i >= 0 && over > 0; i--) {
    if (!parts[i]!.shrink || !texts[i]) continue;
    const w = displayWidth(texts[i]!);
    const keep = Math.max(0, w - over);
    texts[i] = keep === 0 ? '' : truncate(texts[i]!, keep);
    over -= w - displayWidth(texts[i]!);
  }
  return parts.map((p, i) => (p.style && texts[i] ? p.style(texts[i]!) : texts[i])).join('');
}
