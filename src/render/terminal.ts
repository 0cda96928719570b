/**
 * The terminal view: what a developer reads first. By default one screen — the overall score with
 * its coverage, the six pillars, the top fixes with their gain and effort, failed gates, and a hint
 * to the full detail; `verbose` adds every rule with its evidence and remedy. Lines fit the given
 * width: prose is wrapped or cut, the pillar table never is. chalk and cli-table3 live here only.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Report, RuleReport } from '../report/schema.js';
import { ruleTitle } from '../report/wording.js';
import { firstSentence, location } from './helpers.js';
import { oneLine, oneLineDeep } from '../util/printable.js';
import { displayWidth, fitLine, type Part, truncate, wrap } from './text.js';

export interface TerminalOptions {
  color: boolean;
  /** Every rule with its evidence and remedy, the baseline and suppressions in full. */
  verbose?: boolean;
  /** How many roadmap items to show (default 5; 10 with verbose). */
  roadmap?: number;
  /** Terminal columns (default 80). */
  width?: number;
}

export const DEFAULT_WIDTH = 80;
/** Below this, lines stop making sense; the table then uses pillar ids. */
const MIN_WIDTH = 40;
/** How many of each list the default view shows before it points at --verbose. */
const SHOWN = { fixes: 5, gates: 3, gateLines: 4, notes: 2, changes: 3, packages: 3 };

const ICON: Record<string, string> = {
  pass: '✓',
  partial: '◐',
  fail: '✗',
  'not-applicable': '–',
  unknown: '?',
  error: '!',
};

function gradeColor(c: ChalkInstance, grade: string | null): ChalkInstance {
  if (grade === 'A' || grade === 'B') return c.green;
  if (grade === 'C') return c.yellow;
  if (grade === 'D' || grade === 'F') return c.red;
  return c.gray;
}

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

/** Workspace packages (--packages): the weakest few on one screen, every one with --verbose. */
function packageLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
  const packages = [...(report.packages ?? [])].sort(
    (a, b) => (a.summary.score ?? 101) - (b.summary.score ?? 101) || (a.path < b.path ? -1 : 1),
  );
  if (packages.length === 0) return [];
  const shown = verbose ? packages : packages.slice(0, SHOWN.packages);
  const out = ['', c.bold(`Packages (${packages.length})`) + c.gray(verbose ? '' : ', weakest first')];
  for (const p of shown) {
    const g = gradeColor(c, p.summary.grade);
    const score = p.summary.score === null ? 'n/a' : `${p.summary.score} ${p.summary.grade}`;
    out.push(
      fitLine(
        [
          { text: `  ${p.gates.passed ? ' ' : '✗'} `, style: c.red },
          { text: score.padStart(5), style: g },
          { text: `  ${p.path}`, shrink: true },
          ...(p.roadmap[0] ? [{ text: `  ${p.roadmap[0].title}`, style: c.gray, shrink: true }] : []),
        ],
        width,
      ),
    );
  }
  if (shown.length < packages.length) out.push(c.gray(`  … ${packages.length - shown.length} more packages`));
  return out;
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

function problemLines(c: ChalkInstance, rules: RuleReport[], width: number): string[] {
  const problems = rules.filter(
    (r) =>
      !r.suppressed &&
      (r.outcome === 'fail' || r.outcome === 'partial' || r.outcome === 'error' || r.outcome === 'unknown'),
  );
  const order = { fail: 0, error: 1, partial: 2, unknown: 3 } as Record<string, number>;
  const sev = { critical: 0, high: 1, medium: 2, low: 3 } as Record<string, number>;
  problems.sort(
    (a, b) => order[a.outcome]! - order[b.outcome]! || sev[a.severity]! - sev[b.severity]! || (a.id < b.id ? -1 : 1),
  );
  if (problems.length === 0) return [];
  return ['', c.bold('What to fix'), ...problems.flatMap((r) => ruleLines(c, r, width, true))];
}

function ruleLines(c: ChalkInstance, r: RuleReport, width: number, full: boolean): string[] {
  const color =
    r.outcome === 'fail' || r.outcome === 'error'
      ? c.red
      : r.outcome === 'partial' || r.outcome === 'unknown'
        ? c.yellow
        : r.outcome === 'pass'
          ? c.green
          : c.gray;
  const points = r.maxPoints ? ` · ${r.points}/${r.maxPoints} pts` : '';
  const title = oneLine(ruleTitle(r));
  const meta = `${r.id} · ${r.severity}${points}`;
  const head: Part[] = [{ text: '  ' }, { text: ICON[r.outcome] ?? '?', style: color }, { text: ' ' }];
  // The title and its id on one line where they fit; the id on a line of its own where not.
  const lines =
    displayWidth(`    ${title} ${meta}`) <= width
      ? [fitLine([...head, { text: title, style: c.bold }, { text: ` ${meta}`, style: c.gray }], width)]
      : [
          fitLine([...head, { text: title, style: c.bold, shrink: true }], width),
          c.gray(fitLine([{ text: `    ${meta}`, shrink: true }], width)),
        ];
  lines.push(...wrap(oneLine(r.message), width - 4).map((l) => `    ${l}`));
  const ev = full ? r.evidence : r.evidence.slice(0, 4);
  for (const e of ev) {
    const where = oneLine(location(e));
    const text = [where, e.snippet ? oneLine(e.snippet) : '', e.note ? oneLine(e.note) : ''].filter(Boolean).join('  ');
    const [first = '', ...rest] = wrap(text, width - 6);
    const colored = first.startsWith(where) ? c.cyan(where) + first.slice(where.length) : first;
    lines.push(`    → ${colored}`, ...rest.map((l) => `      ${l}`));
  }
  if (r.evidence.length > ev.length) lines.push(c.gray(`    … ${r.evidence.length - ev.length} more`));
  if (r.outcome === 'fail' || r.outcome === 'partial') {
    const fix = wrap(`fix: ${oneLine(r.remediation)}`, width - 4);
    lines.push(...fix.map((l, i) => (i === 0 ? `    ${c.gray('fix:')}${l.slice(4)}` : `    ${l}`)));
  }
  return lines;
}

function deltaText(d: number | null): string {
  if (d === null) return '—';
  return d > 0 ? `+${d}` : d < 0 ? String(d) : '±0';
}

function deltaColor(c: ChalkInstance, d: number | null): ChalkInstance {
  return d === null || d === 0 ? c.gray : d > 0 ? c.green : c.red;
}

/** Rules whose outcome changed since the baseline, regressions first. */
function baselineLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
  const b = report.baseline;
  if (!b || b.rules.length === 0) return [];
  const order = { regressed: 0, removed: 1, changed: 2, added: 3, improved: 4 } as const;
  const rules = [...b.rules].sort((x, y) => order[x.change] - order[y.change] || (x.id < y.id ? -1 : 1));
  const tally = new Map<string, number>();
  for (const r of rules) tally.set(r.change, (tally.get(r.change) ?? 0) + 1);
  const counts = [...tally].map(([k, n]) => `${n} ${k}`).join(', ');
  const out = [
    '',
    fitLine(
      [
        { text: `Since the baseline ${oneLine(b.file)}`, style: c.bold, shrink: true },
        ...(b.commit ? [{ text: ` (commit ${b.commit.slice(0, 7)})`, style: c.gray }] : []),
        { text: `: ${counts}`, style: c.gray },
      ],
      width,
    ),
  ];
  const shown = verbose ? rules : rules.slice(0, SHOWN.changes);
  for (const r of shown) {
    const mark =
      r.change === 'regressed' || (r.before === 'pass' && r.after === 'fail')
        ? c.red('▼')
        : r.change === 'improved'
          ? c.green('▲')
          : c.gray('•');
    const state = (o: string | null, score: number | null) =>
      o === null ? 'absent' : o === 'partial' && score !== null ? `partial ${Math.round(score * 100)}%` : o;
    out.push(
      `  ${mark} ${fitLine([{ text: `${r.id}: ${state(r.before, r.beforeScore)} → ${state(r.after, r.afterScore)}`, shrink: true }], width - 4)}`,
    );
  }
  if (shown.length < rules.length) out.push(c.gray(`  … ${rules.length - shown.length} more changes`));
  return out;
}

/** Suppressed results leave the score but stay visible, with their reason. */
function suppressedLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
  const hidden = report.pillars.flatMap((p) => p.rules).filter((r) => r.suppressed);
  const stale = report.suppressed.filter((x) => x.expired || x.matched === false);
  if (hidden.length === 0 && stale.length === 0) return [];
  if (!verbose) {
    const parts = [
      hidden.length && `${hidden.length} result${hidden.length === 1 ? '' : 's'} suppressed`,
      stale.filter((s) => s.expired).length && `${stale.filter((s) => s.expired).length} suppression(s) expired`,
      stale.filter((s) => !s.expired).length &&
        `${stale.filter((s) => !s.expired).length} suppression(s) matched nothing`,
    ].filter(Boolean);
    return [c.gray(fitLine([{ text: `${parts.join('; ')} (--verbose lists them)`, shrink: true }], width))];
  }
  const out = ['', c.bold('Suppressed')];
  for (const r of hidden) {
    const where = r.suppressed!.inline ? 'inline' : r.suppressed!.expires ? `until ${r.suppressed!.expires}` : 'config';
    out.push(...wrap(`  ~ ${r.id} (${r.outcome}, ${where}): ${oneLine(r.suppressed!.reason)}`, width, '    '));
  }
  for (const s of stale) {
    const what = s.expired ? `expired on ${s.expires}` : 'matched nothing';
    out.push(...wrap(`  ${s.expired ? '✗' : '?'} ${s.rule}: ${what} (${oneLine(s.reason)})`, width, '    '));
  }
  return out;
}

/** Rules that could not be judged count against nothing, so they are easy to miss: say so. */
function unassessedLines(c: ChalkInstance, rules: RuleReport[], width: number): string[] {
  const errors = rules.filter((r) => r.outcome === 'error' && !r.suppressed).length;
  const unknown = rules.filter((r) => r.outcome === 'unknown' && !r.suppressed).length;
  if (errors + unknown === 0) return [];
  const what = [errors && `${errors} error`, unknown && `${unknown} unknown`].filter(Boolean).join(', ');
  const text = `${errors + unknown} rule${errors + unknown === 1 ? '' : 's'} not assessed (${what}): --verbose says why`;
  return [(errors ? c.red : c.yellow)(fitLine([{ text, shrink: true }], width))];
}

function gateLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
  const checks = report.gates.checks;
  if (checks.length === 0) return [];
  const failed = checks.filter((x) => !x.passed);
  const passed = checks.filter((x) => x.passed);
  const out = ['', c.bold('Gates')];
  const shown = verbose ? failed : failed.slice(0, SHOWN.gates);
  // A failed gate keeps a few lines on one screen (--verbose, and stderr for other formats, say it all).
  const lines = (m: string) => {
    const w = wrap(oneLine(m), width - 4);
    const keep = SHOWN.gateLines - 1;
    return verbose || w.length <= SHOWN.gateLines
      ? w
      : [...w.slice(0, keep), truncate(w.slice(keep).join(' '), width - 4)];
  };
  for (const g of shown) out.push(...mark(c.red('✗'), lines(g.message)));
  if (shown.length < failed.length) out.push(c.gray(`  … ${failed.length - shown.length} more failed gates`));
  if (verbose) for (const g of passed) out.push(...mark(c.green('✓'), wrap(oneLine(g.message), width - 4)));
  else if (passed.length)
    out.push(
      `  ${c.green('✓')} ${fitLine([{ text: passed.length === 1 ? passed[0]!.message : `${passed.length} gates passed`, shrink: true }], width - 4)}`,
    );
  return out;
}

function mark(symbol: string, lines: string[]): string[] {
  return lines.map((l, i) => (i === 0 ? `  ${symbol} ${l}` : `    ${l}`));
}

function noteLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
  const notes = verbose ? report.notes : report.notes.slice(0, SHOWN.notes);
  const out = notes.flatMap((n) =>
    verbose
      ? wrap(`note: ${oneLine(n)}`, width, '  ').map((l) => c.gray(l))
      : [c.gray(fitLine([{ text: `note: ${oneLine(n)}`, shrink: true }], width))],
  );
  if (notes.length < report.notes.length) out.push(c.gray(`… ${report.notes.length - notes.length} more notes`));
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
