/** Line lookups shared by the manifest parsers: evidence must point at the declaring line. */
import { lineLookup } from '../../util/lines.js';

// Parsers ask for many lines of the same manifest in a row: keep the last text's line table.
let last: { text: string; lookup: (offset: number) => number } | undefined;

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  if (last?.text !== text) last = { text, lookup: lineLookup(text) };
  return last.lookup(offset);
}

/** Line of the first occurrence of `needle` at or after `from`, or undefined. */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  const i = text.indexOf(needle, from);
  return i === -1 ? undefined : lineAt(text, i);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits text into lines once; line n is lines[n-1]. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}
