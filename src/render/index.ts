/** Format dispatch. Every renderer takes only the Report. */
import type { Report } from '../report/schema.js';
import { UsageError } from '../util/errors.js';
import { oneLineDeep, printable, printableJson } from '../util/printable.js';
import { builtinTemplate, renderTemplate } from './handlebars.js';
import { renderTerminal } from './terminal.js';
import { renderBadge } from './badge.js';
import { renderSarif } from './sarif.js';

export const FORMATS = ['terminal', 'json', 'md', 'summary', 'html', 'sarif', 'badge'] as const;
export type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = {
  json: 'json',
  md: 'md',
  markdown: 'md',
  txt: 'terminal',
  html: 'html',
  htm: 'html',
  sarif: 'sarif',
};

/** The format implied by an --output file name, if any. */
export function formatFromPath(path: string): Format | undefined {
  if (/\.sarif\.json$/i.test(path)) return 'sarif';
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
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
      `name it .json, .md, .html, .sarif or .txt, or give --format (${FORMATS.join(', ')})`,
  );
}

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  if (value === 'markdown') return 'md';
  throw new UsageError(`--format ${value}: expected one of ${FORMATS.join(', ')}`);
}

export interface RenderOptions {
  color: boolean;
  /** Terminal format: every rule with its evidence, not one screen. */
  verbose?: boolean;
  /** Terminal format: the columns to fit (default 80). The caller measures; renderers stay pure. */
  width?: number;
  template?: string;
}

/**
 * The one place a report becomes text: whatever the format, no control character from the
 * repository survives into it (see util/printable.ts). JSON formats escape what JSON.stringify
 * leaves raw. Templates (Markdown, HTML, a user's) see every string on one line with its control
 * characters made visible — a line break in a title would otherwise start a line of the output
 * with repository text (`::error …` in a CI log), and Markdown or HTML read it as a space anyway —
 * and their output is made printable once more. The terminal renderer flattens the Report's
 * strings itself, before it adds colours of its own.
 */
export function render(report: Report, format: Format, options: RenderOptions): string {
  const document = (template: string) => printable(renderTemplate(template, oneLineDeep(report)));
  if (options.template) return document(options.template);
  switch (format) {
    case 'json':
      return printableJson(`${JSON.stringify(report, null, 2)}\n`);
    case 'md':
      return document(builtinTemplate('report.md.hbs'));
    case 'summary':
      return document(builtinTemplate('summary.md.hbs'));
    case 'html':
      return document(builtinTemplate('report.html.hbs'));
    case 'badge':
      return printableJson(renderBadge(report));
    case 'sarif':
      return printableJson(renderSarif(report));
    case 'terminal':
      return renderTerminal(report, {
        color: options.color,
        verbose: options.verbose ?? false,
        ...(options.width ? { width: options.width } : {}),
      });
  }
}
