/** `readiness render REPORT.json`: re-render a saved JSON report without auditing again. */
import { reportSchema, type Report } from '../report/schema.js';
import { chooseFormat, render, type Format } from '../render/index.js';
import { UsageError } from '../util/errors.js';
import { CAPS, jsonErrorText, readCappedText } from '../util/read-capped.js';
import { writeAtomic } from '../util/atomic.js';

export interface RenderFlags {
  format?: string;
  template?: string;
  output?: string;
  color: boolean;
  verbose?: boolean;
  /** Columns of the terminal (terminal format on stdout only). */
  width?: number;
}

/** Reads and validates a saved report; every failure is one line naming the file. */
export function loadReport(path: string): Report {
  const text = readCappedText(path, { maxBytes: CAPS.report, label: path });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path}: not valid JSON (${jsonErrorText(err)})`);
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new UsageError(`${path}: not a readiness report (schemaVersion 1 or 2): at ${at}: ${issue.message}`);
  }
  return parsed.data;
}

export function renderCommand(reportPath: string, flags: RenderFlags, io: { stdout: (s: string) => void }): void {
  const report = loadReport(reportPath);
  // A saved report is most often re-rendered into a document, so Markdown is the default.
  const format: Format = chooseFormat(flags.format, flags.output, 'md');
  const text = render(report, format, {
    color: flags.color && !flags.output,
    verbose: flags.verbose ?? false,
    ...(flags.width && !flags.output ? { width: flags.width } : {}),
    ...(flags.template ? { template: flags.template } : {}),
  });
  if (flags.output) writeAtomic(flags.output, text);
  else io.stdout(text);
}
