/** `readiness diff OLD.json NEW.json`: pillar and rule deltas between two saved reports. */
import { diffReports } from '../report/diff.js';
import { renderDiff, DIFF_FORMATS, type DiffFormat } from '../render/diff.js';
import { UsageError } from '../util/errors.js';
import { loadReport } from './render.js';

export function diffCommand(
  oldPath: string,
  newPath: string,
  flags: { format?: string; color: boolean; width?: number },
  io: { stdout: (s: string) => void },
): void {
  const format = (flags.format ?? 'terminal') as DiffFormat;
  if (!DIFF_FORMATS.includes(format))
    throw new UsageError(`--format ${flags.format}: expected one of ${DIFF_FORMATS.join(', ')}`);
  const before = loadReport(oldPath);
  const after = loadReport(newPath);
  io.stdout(renderDiff(diffReports(before, after), after, format, { color: flags.color, width: flags.width ?? 80 }));
}
