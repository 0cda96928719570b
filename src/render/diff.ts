/** Renders a ReportDiff for `readiness diff`: terminal, Markdown or JSON. */
import { Chalk } from 'chalk';
import type { ReportDiff } from '../report/diff.js';
import type { Report } from '../report/schema.js';
import { mdCode, mdEscape } from './helpers.js';
import { oneLineDeep, printable, printableJson } from '../util/printable.js';
import { displayWidth, truncate } from './text.js';

export const DIFF_FORMATS = ['terminal', 'md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const signed = (d: number | null) => (d === null ? 'n/a' : d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0');
const score = (s: number | null, g: string | null) => (s === null ? 'n/a' : `${s}${g ? ` ${g}` : ''}`);
const outcome = (o: string | null, side: 'before' | 'after') => o ?? (side === 'before' ? 'absent' : 'removed');

export function renderDiff(
  diff: ReportDiff,
  after: Report,
  format: DiffFormat,
  options: { color: boolean; width?: number },
): string {
  if (format === 'json') return printableJson(`${JSON.stringify(diff, null, 2)}\n`);
  // Saved reports are input like any other: their titles and names reach no terminal raw.
  return format === 'md' ? printable(diffMarkdown(diff, after)) : diffTerminal(oneLineDeep(diff), options);
}

function diffMarkdown(diff: ReportDiff, after: Report): string {
  const o = diff.overall;
  const out = [`## Readiness changes: ${mdEscape(after.repository.name)}`, ''];
  out.push(`**Overall: ${score(o.before, o.gradeBefore)} → ${score(o.after, o.gradeAfter)} (${signed(o.delta)})**`, '');
  out.push('| Pillar | Before | After | Change |', '|---|---:|---:|---:|');
  for (const p of diff.pillars)
    out.push(
      `| ${mdEscape(p.title)} | ${score(p.before, p.gradeBefore)} | ${score(p.after, p.gradeAfter)} | ${signed(p.delta)} |`,
    );
  out.push('');
  if (diff.rules.length === 0) out.push('No rule changed its outcome or points.');
  else {
    out.push('| Change | Rule | Before | After |', '|---|---|---|---|');
    for (const r of diff.rules)
      out.push(
        `| ${r.change} | ${mdEscape(r.title)} (${mdCode(r.id)}) | ${outcome(r.before, 'before')}${r.pointsBefore !== null ? `, ${r.pointsBefore} pts` : ''} | ${outcome(r.after, 'after')}${r.pointsAfter !== null ? `, ${r.pointsAfter} pts` : ''} |`,
      );
  }
  return `${out.join('\n')}\n`;
}

function diffTerminal(diff: ReportDiff, options: { color: boolean; width?: number }): string {
  const columns = options.width ?? 80;
  const o = diff.overall;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const tint = (d: number | null) => (d === null || d === 0 ? c.gray : d > 0 ? c.green : c.red);
  const out = [
    `${c.bold('Overall')} ${score(o.before, o.gradeBefore)} → ${score(o.after, o.gradeAfter)} ${tint(o.delta)(signed(o.delta))}`,
    '',
  ];
  const width = Math.max(...diff.pillars.map((p) => p.title.length));
  for (const p of diff.pillars)
    out.push(
      `  ${p.title.padEnd(width)}  ${score(p.before, p.gradeBefore).padStart(6)} → ${score(p.after, p.gradeAfter).padEnd(6)} ${tint(p.delta)(signed(p.delta))}`,
    );
  out.push('');
  if (diff.rules.length === 0) out.push('No rule changed its outcome or points.');
  for (const r of diff.rules) {
    const mark = r.change === 'improved' ? c.green('▲') : r.change === 'regressed' ? c.red('▼') : c.gray('•');
    // The title is what gives way when the line is wider than the terminal.
    const head = `${r.change.padEnd(9)} ${r.id}  ${outcome(r.before, 'before')} → ${outcome(r.after, 'after')}`;
    const room = columns - 4 - displayWidth(head) - 2;
    out.push(`  ${mark} ${truncate(head, columns - 4)}${room >= 8 ? `  ${c.gray(truncate(r.title, room))}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
