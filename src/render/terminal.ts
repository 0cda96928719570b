/**
 * The terminal view: what a developer reads first. By default one screen — the overall score with
 * its coverage, the six pillars, the top fixes with their gain and effort, failed gates, and a hint
 * to the full detail; `verbose` adds every rule with its evidence and remedy. Lines fit the given
 * width: prose is wrapped or cut, the pillar table never is. chalk and cli-table3 live in this
 * renderer only (this file and terminal-lists.ts).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Report, RuleReport } from '../report/schema.js';
import { ruleTitle } from '../report/wording.js';
import { firstSentence } from './helpers.js';
import { oneLine, oneLineDeep } from '../util/printable.js';
import { displayWidth, fitLine, type Part, truncate, wrap } from './text.js';
import {
  baselineLines,
  deltaColor,
  deltaText,
  gateLines,
  gradeColor,
  noteLines,
  packageLines,
  problemLines,
  ruleLines,
  SHOWN,
  suppressedLines,
  unassessedLines,
} from './terminal-lists.js';

export interface TerminalOptions {
  color: boolean;
  /** Every rule with its evidence and remedy, the baseline and suppressions in full. */
  verbose?: boolean;
  /** How many roadmap items to show (default 5; all with verbose). */
  roadmap?: number;
  /** Terminal columns (default 80). */
  width?: number;
}

export const DEFAULT_WIDTH = 80;

/** Below this, lines stop making sense; the table then uses pillar ids. */
const MIN_WIDTH = 40;

export function coverageText(cov: Report['summary']['coverage']): string {
  const extra = [
    cov.notApplicable && `${cov.notApplicable} N/A`,
    cov.unknown && `${cov.unknown} unknown`,
    cov.error && `${cov.error} error`,
    cov.suppressed && `${cov.suppressed} suppressed`,
  ].filter(Boolean);
  return `${cov.assessed} of ${cov.total} rules assessed${extra.length ? `; ${extra.join(', ')}` : ''}`;
}

export function renderTerminal(unsafe: Report, options: TerminalOptions): string {
  // Every string of the report on one line with no control character, before colours are added:
  // a file name, message or title from the repository can neither forge a line nor send an escape.
  const report = oneLineDeep(unsafe);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
  const verbose = options.verbose ?? false;
  const out: string[] = [...headerLines(c, report, width, verbose), ''];
  out.push(...overallLines(c, report, width), ...levelLines(c, report, width), '', pillarTable(c, report, width));
  out.push(...packageLines(c, report, width, verbose));

  const rules = report.pillars.flatMap((p) => p.rules);
  if (verbose) {
    out.push(...problemLines(c, rules, width));
    const passes = rules.filter((r) => r.outcome === 'pass' || r.outcome === 'not-applicable');
    if (passes.length) out.push('', c.bold('Verified and not applicable'));
    for (const r of passes) out.push(...ruleLines(c, r, width, true));
  }
  out.push(...fixLines(c, report, width, options.roadmap ?? (verbose ? Number.POSITIVE_INFINITY : SHOWN.fixes)));
  out.push(...baselineLines(c, report, width, verbose));
  if (verbose) {
    out.push(...suppressedLines(c, report, width, true), ...gateLines(c, report, width, true));
    const notes = noteLines(c, report, width, true);
    if (notes.length) out.push('', ...notes);
  } else {
    out.push(...gateLines(c, report, width, false));
    // What else the reader should know, one line each, in one block.
    const status = [
      ...suppressedLines(c, report, width, false),
      ...unassessedLines(c, rules, width),
      ...noteLines(c, report, width, false),
    ];
    if (status.length) out.push('', ...status);
    out.push('', ...hintLines(c, rules, width));
  }
  return `${out.join('\n')}\n`;
}

function headerLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
  const repo = report.repository;
  const where = repo.commit
    ? `commit ${repo.commit.slice(0, 7)}${repo.branch ? ` on ${repo.branch}` : ''}`
    : 'not a git commit';
  const lines = [
    fitLine(
      [
        { text: `readiness ${report.tool.version}`, style: c.bold },
        { text: ' — ' },
        { text: oneLine(repo.name), style: c.bold, shrink: true },
        { text: ` · ${repo.profile.id} · ${repo.files} files · ${oneLine(where)}`, style: c.gray, shrink: true },
      ],
      width,
    ),
  ];
  if (verbose) {
    const langs = repo.languages.map((l) => `${l.name} ${l.files}`).join(', ');
    if (langs) lines.push(...wrap(`languages: ${langs}`, width, '  ').map((l) => c.gray(l)));
    const reasons = oneLine(repo.profile.reasons.join('; '));
    lines.push(...wrap(`profile: ${repo.profile.id} (${reasons})`, width, '  ').map((l) => c.gray(l)));
  }
  return lines;
}

function overallLines(c: ChalkInstance, report: Report, width: number): string[] {
  const s = report.summary;
  const g = gradeColor(c, s.grade);
  const score = s.score === null ? 'not assessed' : `${s.score} ${s.grade}`;
  const delta = report.baseline ? ` ${deltaText(report.baseline.overall.delta)}` : '';
  const head = `Overall ${score}${delta}  `;
  const [first = '', ...rest] = wrap(`(${coverageText(s.coverage)})`, width - displayWidth(head), ' ');
  const styledHead = `${c.bold('Overall')} ${s.score === null ? c.gray(score) : g.bold(score)}${
    report.baseline ? ` ${deltaColor(c, report.baseline.overall.delta)(delta.trim())}` : ''
  }  `;
  return [styledHead + c.gray(first), ...rest.map((l) => ' '.repeat(displayWidth(head)) + c.gray(l.trimStart()))];
}

/** The level reached, when the configuration defines levels, and what the next one still needs. */
function levelLines(c: ChalkInstance, report: Report, width: number): string[] {
  const level = report.level;
  if (!level) return [];
  const next = level.next
    ? ` · next ${level.next.id}: ${level.next.unmet.length} rule${level.next.unmet.length === 1 ? '' : 's'} to meet (${level.next.unmet.map((u) => u.rule).join(', ')})`
    : '';
  return [
    fitLine(
      [
        { text: 'Level ', style: c.bold },
        { text: level.id ?? 'none reached', style: level.id ? c.green : c.gray },
        { text: next, style: c.gray, shrink: true },
      ],
      width,
    ),
  ];
}

/**
 * The six pillars, never wrapped or cut: pillar ids stand in for titles on a narrow terminal, and
 * where there is room a last column names each pillar's most valuable fix (cut to fit).
 */
function pillarTable(c: ChalkInstance, report: Report, width: number): string {
  const fits = (t: string) => t.split('\n').every((l) => displayWidth(stripAnsi(l)) <= width);
  const plain = tableOf(c, report, (p) => p.title);
  if (!fits(plain)) return tableOf(c, report, (p) => p.id);
  // Room left for a "Top fix" column: its borders and padding take 3 columns.
  const room = width - displayWidth(stripAnsi(plain.split('\n')[0]!)) - 3;
  return room >= MIN_GAP_COLUMN ? tableOf(c, report, (p) => p.title, room) : plain;
}

/** The narrowest "Top fix" column, and the least of a fix's first step, worth showing. */
const MIN_FIX_TEXT = 30;

const MIN_GAP_COLUMN = 24;

function tableOf(
  c: ChalkInstance,
  report: Report,
  name: (p: Report['pillars'][number]) => string,
  gapWidth = 0,
): string {
  const base = report.baseline;
  const rules = new Map(report.pillars.flatMap((p) => p.rules.map((r) => [r.id, r])));
  const gapOf = (pillar: string) => {
    const item = report.roadmap.find((r) => r.pillar === pillar);
    const rule = item && rules.get(item.rule);
    return rule ? truncate(oneLine(ruleTitle(rule)), gapWidth - 1) : '';
  };
  const table = new Table({
    head: ['Pillar', 'Score', ...(base ? ['Δ'] : []), 'Grade', 'Assessed', ...(gapWidth ? ['Top fix'] : [])],
    style: { head: c.level > 0 ? ['bold'] : [], border: c.level > 0 ? ['gray'] : [], 'padding-left': 1 },
    colAligns: ['left', 'right', ...(base ? (['right'] as const) : []), 'center', 'right', 'left'],
    // No rule between rows: six pillars read as one block.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const p of report.pillars) {
    const g = gradeColor(c, p.grade);
    const d = base?.pillars.find((x) => x.id === p.id)?.delta ?? null;
    table.push([
      name(p),
      p.score === null ? c.gray('n/a') : g(String(p.score)),
      ...(base ? [deltaColor(c, d)(deltaText(d))] : []),
      p.grade ? g(p.grade) : c.gray('—'),
      `${p.coverage.assessed} of ${p.coverage.total}`,
      ...(gapWidth ? [gapOf(p.id)] : []),
    ]);
  }
  return table.toString();
}

/** The roadmap's first items: what to fix next, with the points it adds and the effort. */
function fixLines(c: ChalkInstance, report: Report, width: number, count: number): string[] {
  const top = report.roadmap.slice(0, count);
  if (top.length === 0) return [];
  const out = ['', c.bold('Top fixes') + c.gray(' (points gained, effort)')];
  const rules = new Map(report.pillars.flatMap((p) => p.rules.map((r) => [r.id, r])));
  top.forEach((item, i) => {
    const pillar = report.pillars.find((p) => p.id === item.pillar)?.title ?? item.pillar;
    const rule = rules.get(item.rule);
    const gain: Part[] = [
      { text: '      ' },
      { text: `+${item.pillarGain.toFixed(1)}`, style: c.green },
      { text: ` ${pillar}`, shrink: true },
      { text: ` (+${item.gain.toFixed(1)} overall)`, style: c.gray },
      { text: `, ${item.effort} effort` },
    ];
    // On a wide terminal the first step of the fix follows, when enough of it fits to be read.
    const room = width - displayWidth(gain.map((p) => p.text).join(''));
    const step = rule ? oneLine(firstSentence(rule.remediation)) : '';
    if (step && room >= MIN_FIX_TEXT) gain.push({ text: ` — ${step}`, style: c.gray, shrink: true });
    out.push(
      fitLine(
        [
          { text: `  ${String(i + 1).padStart(2)}. ` },
          { text: oneLine(rule ? ruleTitle(rule) : item.title), style: c.bold, shrink: true },
          { text: `  ${item.rule}`, style: c.gray, shrink: true },
        ],
        width,
      ),
      fitLine(gain, width),
    );
  });
  if (report.roadmap.length > top.length)
    out.push(c.gray(fitLine([{ text: `  … ${report.roadmap.length - top.length} more fixes`, shrink: true }], width)));
  return out;
}

/** The one line that says where the rest is. */
function hintLines(c: ChalkInstance, rules: RuleReport[], width: number): string[] {
  const findings = rules.filter((r) => r.outcome !== 'pass' && r.outcome !== 'not-applicable').length;
  const text = `Every finding${findings ? ` (${findings})` : ''} with its evidence and fix: --verbose, or --format md`;
  return wrap(text, width, '').map((l) => c.gray(l));
}

const ANSI = /\u001b\[[0-9;]*m/g;

function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}
