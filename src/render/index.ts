/** Format dispatch. Every renderer takes only the Report. */
import type { Report } from '../report/schema.js';
import { UsageError } from '../util/errors.js';
import { oneLineDeep, printable, printableJson } from '../util/printable.js';
import { FORMATS, type Format } from './formats.js';
import { renderJson } from './json.js';
import { builtinTemplate, renderTemplate } from './handlebars.js';
import { renderTerminal } from './terminal.js';
import { renderBadge } from './badge.js';
import { renderSarif } from './sarif.js';

export { FORMATS, type Format };
export { chooseFormat, formatFromPath, parseFormat } from './formats.js';

export interface RenderOptions {
  color: boolean;
  /** Terminal format: every rule with its evidence, not one screen. */
  verbose?: boolean;
  /** Terminal format: the columns to fit (default 80). The caller measures; renderers stay pure. */
  width?: number;
  template?: string;
}

interface FormatEntry {
  render: (report: Report, options: RenderOptions) => string;
}

/** A template's output: it sees every string on one line, and its text is made printable once more. */
const document = (template: string, report: Report) => printable(renderTemplate(template, oneLineDeep(report)));

/**
 * Every report format in one table: its renderer. Adding a format is its name and --output
 * extensions in ./formats.ts and one entry here (with its renderer module or template); the
 * command line's help, the extension inference and the errors read these two.
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
    render: (report, o) =>
      renderTerminal(report, { color: o.color, verbose: o.verbose ?? false, ...(o.width ? { width: o.width } : {}) }),
  },
  json: { render: renderJson },
  md: { render: (report) => document(builtinTemplate('report.md.hbs'), report) },
  summary: { render: (report) => document(builtinTemplate('summary.md.hbs'), report) },
  html: { render: (report) => document(builtinTemplate('report.html.hbs'), report) },
  sarif: { render: (report) => printableJson(renderSarif(report)) },
  badge: { render: (report) => printableJson(renderBadge(report)) },
} satisfies Record<Format, FormatEntry>;
export function render(report: Report, format: Format, options: RenderOptions): string {
  if (options.template) return document(options.template, report);
  // A JavaScript caller can pass any string: name the formats rather than fail on undefined.
  const entry = (TABLE as Record<string, FormatEntry>)[format];
  if (!entry) throw new UsageError(`format ${String(format)}: expected one of ${FORMATS.join(', ')}`);
  return entry.render(report, options);
}
