/**
 * Status marks an encoding lost: a document saved through a code page without emoji holds "- ? Redis
 * Caching", "## ? Features Implemented", "**Tests**: ? **7/7 PASSING**" or "| Auth | ? |" where the
 * author wrote ✅, ❌ or ⚠️ (one `?` for a mark of the Basic Multilingual Plane, two for a picture such
 * as 🚀 or 🔴). The line still claims something of the thing it names; only its mark is gone.
 *
 * A lost mark is read as the status the line's own words state ("? 7/7 PASSING"), else the status the
 * nearest heading above it states in words ("## ? Features Implemented", "# ?? DELIVERY COMPLETE"),
 * and is written back as that mark. Where nothing states a status the `?` is dropped, and the line
 * reads as one without a mark: claimed, its status unknown — never guessed. A lost picture (`??`) is
 * dropped: it was a decoration or a colour whose meaning cannot be told.
 *
 * Only a document with several such lines is read this way, and never inside a fence of code (where
 * `?? throw` and `? a : b` are operators).
 */

import { statusOf } from './status.js';

/** A mark at the head of a line, an item or a heading: "? X", "- ? X", "1. ? X", "## ? X", "> ? X". */
const AT_HEAD = /^(\s*(?:>\s*)?(?:(?:[-*+]|\d{1,3}[.)])[ \t]+|#{1,6}[ \t]+)?)(\?{1,3})([ \t]+)(?=[^\s?])/;
/** A mark after a bold label: "**Tests**: ? **7/7 PASSING**", "- **Build:** ? SUCCESS". */
const AFTER_LABEL = /^(\s*(?:[-*+][ \t]+)?\*\*[^*\n]{1,60}\*\*:?[ \t]*)(\?{1,3})([ \t]+)(?=[^\s?])/;
/** A table cell that is a mark, or starts with one: "| ? |", "| ? Done |". */
const CELL = /(\|[ \t]*)(\?{1,3})([ \t]*)(?=\||[^\s?|])/g;
/** A fence opening: its language says whether it holds code. */
const FENCE = /^\s*(```+|~~~+)\s*([\w+-]*)/;
/** Fences of prose or plain trees, where an item's mark is still a mark. */
const PROSE_FENCE = /^(?:|te?xt|plain(?:text)?|markdown|md)$/i;
/** Lines of this shape a document must hold before a `?` is read as a lost mark. */
const MIN_LINES = 3;

const MARK = { done: '✅', 'not-done': '❌', partial: '⚠️', planned: '📋' } as const;

type Status = keyof typeof MARK;

/** The words of a line with its lost marks and markup gone. */
function words(line: string): string {
  return line.replace(/(^|[\s|*:>])\?{1,3}(?=\s|\||$)/g, '$1 ').replace(/^[\s#>*+-]+/, '');
}

function replaceable(line: string): boolean {
  return AT_HEAD.test(line) || AFTER_LABEL.test(line) || (/^\s*\|/.test(line) && /\|[ \t]*\?{1,3}[ \t]*\|/.test(line));
}

/**
 * The lines with their lost marks written back as the status their words or headings state, or
 * dropped; the lines as they are where the document shows no lost marks.
 */
export function restoreLostMarks(lines: string[]): string[] {
  let fence: string | null = null;
  let prose = true;
  const shaped: boolean[] = [];
  let count = 0;
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (f && (!fence || f[1]!.startsWith(fence))) {
      fence = fence ? null : f[1]!;
      prose = !fence || PROSE_FENCE.test(f[2] ?? '');
      shaped.push(false);
      continue;
    }
    const ok = prose && replaceable(line);
    shaped.push(ok);
    if (ok) count++;
  }
  if (count < MIN_LINES) return lines;

  /** The status each open heading level states in words. */
  const headings: { level: number; status: Status | null }[] = [];
  const inherited = (): Status | null => {
    for (let k = headings.length - 1; k >= 0; k--) if (headings[k]!.status) return headings[k]!.status;
    return null;
  };
  const own = (text: string): Status | null => statusOf(words(text)) as Status | null;
  fence = null;
  return lines.map((line, i) => {
    const f = FENCE.exec(line);
    if (f && (!fence || f[1]!.startsWith(fence))) fence = fence ? null : f[1]!;
    const h = fence ? null : /^(#{1,6})[ \t]+(\S.*)/.exec(line);
    if (h) {
      const level = h[1]!.length;
      while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
      headings.push({ level, status: own(h[2]!) });
    }
    if (!shaped[i]) return line;
    const status = own(line) ?? inherited();
    const put = (_m: string, head: string, marks: string, space: string) =>
      marks.length > 1 || !status ? head : `${head}${MARK[status]}${space}`;
    if (/^\s*\|/.test(line)) return line.replace(CELL, put);
    if (AFTER_LABEL.test(line)) return line.replace(AFTER_LABEL, put);
    return line.replace(AT_HEAD, put);
  });
}
