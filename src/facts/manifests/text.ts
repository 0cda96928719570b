/** Line lookups shared by the manifest parsers: evidence must point at the declaring line. */
import { lineAt } from '../../util/lines.js';

export { lineAt };

/** Line of the first occurrence of `needle` at or after `from`, or undefined. */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  const i = text.indexOf(needle, from);
  return i === -1 ? undefined : lineAt(text, i);
}

/**
 * The first offset, at or after `from`, of every name `re` captures (group 1), found in one pass.
 * Parsers locate each dependency's line with it: a search per dependency was quadratic in the
 * manifest's size (a 1 MB package.json cost minutes). The last few tables are kept, since a parser
 * asks about many names of the same text in a row.
 */
export function firstOffsets(text: string, re: RegExp, from = 0): Map<string, number> {
  const key = `${re.source}/${re.flags}@${from}`;
  const hit = offsetCache.find((c) => c.text === text && c.key === key);
  if (hit) return hit.map;
  offsetStats.scanned += text.length - from;
  const map = new Map<string, number>();
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  g.lastIndex = from;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    if (m[0].length === 0) g.lastIndex++;
    if (!map.has(m[1]!)) map.set(m[1]!, m.index);
  }
  offsetCache.unshift({ text, key, map });
  offsetCache.length = Math.min(offsetCache.length, 4);
  return map;
}
const offsetCache: { text: string; key: string; map: Map<string, number> }[] = [];
/** Characters the tables were built from (tests check a manifest is scanned a few times, not once per dependency). */
export const offsetStats = { scanned: 0 };

/**
 * `"key":` in JSON: a string (no line break inside) followed by a colon. A key's opening quote
 * never follows a backslash; without that, each escaped quote of a long string was a start that
 * scanned on to the string's end.
 */
export const JSON_KEY = /(?<!\\)"((?:[^"\\\n]|\\.)*)"\s*:/;
/** `name =` or `name.key =` at the start of a TOML line (a Cargo dependency). */
export const TOML_KEY = /^[ \t]*([A-Za-z0-9_-]+)[ \t]*[=.]/m;
/** `name =` / `name==1.0` at the start of a line (Pipfile, requirements, version catalogues). */
export const INI_KEY = /^[ \t]*([A-Za-z0-9_.-]+)[ \t]*=/m;
/** A quoted name: `"flask`, `'requests` (the quote's offset). */
export const QUOTED_NAME = /["']([A-Za-z0-9._-]+)/;

/** Splits text into lines once; line n is lines[n-1]. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}
