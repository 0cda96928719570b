/** Format dispatch. Every renderer takes only the Report. */
import type { Report } from '../report/schema.js';
import { UsageError } from '../util/errors.js';
import { oneLineDeep, printable, printableJson } from '../util/printable.js';
import { FORMATS, type Format } from './formats.js';
import { builtinTemplate, renderTemplate } from './handlebars.js';
import { renderTerminal } from './terminal.js';
import { renderBadge } from './badge.js';
import { renderSarif } from './sarif.js';

export { FORMATS, type Format };

export interface RenderOptions {
  color: boolean;
  /** Terminal format: every rule with its evidence, not one screen. */
  verbose?: boolean;
  /** Terminal format: the columns to fit (default 80). The caller measures; renderers stay pure. */
  width?: number;
  template?: string;
}

interface FormatEntry {
  /** --output extensions that imply the format (lower case, without the dot). */
  extensions: string[];
  render: (report: Report, options: RenderOptions) => string;
}

/** A template's output: it sees every string on one line, and its text is made printable once more. */
const document = (template: string, report: Report) => printable(renderTemplate(template, oneLineDeep(report)));

/**
 * Every report format in one table: the --output extensions that imply it, and its renderer.
 * Adding a format is its name in ./formats.ts and one entry here (with its renderer module or
 * template); the command line's help, the extension inference and the errors read these two.
 *
 * This is also the one place a report becomes text: whatever the format, no control character from
 * the repository survives into it (see util/printable.ts). JSON formats escape what JSON.stringify
 * leaves raw. Templates (Markdown, HTML, a user's) see every string on one line with its control
 * characters made visible — a line break in a title would otherwise start a line of the output
 * with repository text (`::error …` in a CI log), and Markdown or HTML read it as a space anyway —
 * and their output is made printable once more. The terminal renderer flattens the Report's
 * strings itself, before it adds colours of its own.
 */
const TABLE = {
  terminal: {
    extensions: ['txt'],
    render: (report, o) =>
      renderTerminal(report, { color: o.color, verbose: o.verbose ?? false, ...(o.width ? { width: o.width } : {}) }),
  },
  json: { extensions: ['json'], render: (report) => printableJson(`${JSON.stringify(report, null, 2)}\n`) },
  md: { extensions: ['md', 'markdown'], render: (report) => document(builtinTemplate('report.md.hbs'), report) },
  summary: { extensions: [], render: (report) => document(builtinTemplate('summary.md.hbs'), report) },
  html: { extensions: ['html', 'htm'], render: (report) => document(builtinTemplate('report.html.hbs'), report) },
  sarif: { extensions: ['sarif', 'sarif.json'], render: (report) => printableJson(renderSarif(report)) },
  badge: { extensions: [], render: (report) => printableJson(renderBadge(report)) },
} satisfies Record<Format, FormatEntry>;
const ENTRIES = Object.entries(TABLE) as [Format, FormatEntry][];
/** The extensions, longest first, so that `x.sarif.json` is SARIF rather than JSON. */
const EXTENSIONS = ENTRIES.flatMap(([f, e]) => e.extensions.map((x) => [x, f] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);

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
      `name it ${ENTRIES.flatMap(([, e]) => e.extensions.filter((x) => !x.includes('.')).map((x) => `.${x}`)).join(', ')}` +
      `, or give --format (${FORMATS.join(', ')})`,
  );
}

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  if (value === 'markdown') return 'md';
  throw new UsageError(`--format ${value}: expected one of ${FORMATS.join(', ')}`);
}

export function render(report: Report, format: Format, options: RenderOptions): string {
  if (options.template) return document(options.template, report);
  // A JavaScript caller can pass any string: name the formats rather than fail on undefined.
  const entry = (TABLE as Record<string, FormatEntry>)[format];
  if (!entry) throw new UsageError(`format ${String(format)}: expected one of ${FORMATS.join(', ')}`);
  return entry.render(report, options);
}
