/**
 * The report formats' names and the --output extensions that imply them, in a module of their own
 * so that the command line can list and choose them without loading the renderers. Each name has
 * its entry in the table in ./index.ts (the compiler refuses a name without one).
 */
import { UsageError } from '../util/errors.js';

export const FORMATS = ['terminal', 'json', 'md', 'summary', 'html', 'sarif', 'badge'] as const;
export type Format = (typeof FORMATS)[number];

/** --output extensions that imply each format (lower case, without the dot). */
const EXTENSIONS_OF: Record<Format, string[]> = {
  terminal: ['txt'],
  json: ['json'],
  md: ['md', 'markdown'],
  summary: [],
  html: ['html', 'htm'],
  sarif: ['sarif', 'sarif.json'],
  badge: [],
};
const ENTRIES = Object.entries(EXTENSIONS_OF) as [Format, string[]][];
/** The extensions, longest first, so that `x.sarif.json` is SARIF rather than JSON. */
const EXTENSIONS = ENTRIES.flatMap(([f, e]) => e.map((x) => [x, f] as const)).sort((a, b) => b[0].length - a[0].length);

/** The format implied by an --output file name, if any. */
export function formatFromPath(path: string): Format | undefined {
  const lower = path.toLowerCase();
  return EXTENSIONS.find(([x]) => lower.endsWith(`.${x}`))?.[1];
}

/**
 * The format to write: --format when given, else the one the --output file's extension names,
 * else `fallback`. An --output whose extension names no format is a usage error rather than a
 * report.pdf that silently holds terminal text.
 */
export function chooseFormat(format: string | undefined, output: string | undefined, fallback: Format): Format {
  if (format) return parseFormat(format);
  if (!output) return fallback;
  const inferred = formatFromPath(output);
  if (inferred) return inferred;
  const ext = /\.([^./\\]+)$/.exec(output)?.[1];
  throw new UsageError(
    `--output ${output}: ${ext ? `.${ext} is not a report format` : 'no extension to tell the format from'}; ` +
      `name it ${ENTRIES.flatMap(([, e]) => e.filter((x) => !x.includes('.')).map((x) => `.${x}`)).join(', ')}` +
      `, or give --format (${FORMATS.join(', ')})`,
  );
}

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  if (value === 'markdown') return 'md';
  throw new UsageError(`--format ${value}: expected one of ${FORMATS.join(', ')}`);
}
