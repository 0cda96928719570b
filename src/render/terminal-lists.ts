/**
 * The terminal view's lists: rules with their evidence (--verbose), packages, baseline changes,
 * suppressions, gates and notes — each bounded on the one screen, complete with --verbose.
 */
import type { ChalkInstance } from 'chalk';
import type { Report, RuleReport } from '../report/schema.js';
import { ruleTitle } from '../report/wording.js';
import { location } from './helpers.js';
import { oneLine } from '../util/printable.js';
import { displayWidth, fitLine, type Part, truncate, wrap } from './text.js';

/** How many of each list the default view shows before it points at --verbose. */
export const SHOWN = { fixes: 5, gates: 3, gateLines: 4, notes: 2, changes: 3, packages: 3 };

const ICON: Record<string, string> = {
  pass: '✓',
  partial: '◐',
  fail: '✗',
  'not-applicable': '–',
  unknown: '?',
  error: '!',
};

export function gradeColor(c: ChalkInstance, grade: string | null): ChalkInstance {
  if (grade === 'A' || grade === 'B') return c.green;
  if (grade === 'C') return c.yellow;
  if (grade === 'D' || grade === 'F') return c.red;
  return c.gray;
}

/** Workspace packages (--packages): the weakest few on one screen, every one with --verbose. */
export function packageLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
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

export function problemLines(c: ChalkInstance, rules: RuleReport[], width: number): string[] {
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

export function ruleLines(c: ChalkInstance, r: RuleReport, width: number, full: boolean): string[] {
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

export function deltaText(d: number | null): string {
  if (d === null) return '—';
  return d > 0 ? `+${d}` : d < 0 ? String(d) : '±0';
}

export function deltaColor(c: ChalkInstance, d: number | null): ChalkInstance {
  return d === null || d === 0 ? c.gray : d > 0 ? c.green : c.red;
}

/** Rules whose outcome changed since the baseline, regressions first. */
export function baselineLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
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
export function suppressedLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
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
export function unassessedLines(c: ChalkInstance, rules: RuleReport[], width: number): string[] {
  const errors = rules.filter((r) => r.outcome === 'error' && !r.suppressed).length;
  const unknown = rules.filter((r) => r.outcome === 'unknown' && !r.suppressed).length;
  if (errors + unknown === 0) return [];
  const what = [errors && `${errors} error`, unknown && `${unknown} unknown`].filter(Boolean).join(', ');
  const text = `${errors + unknown} rule${errors + unknown === 1 ? '' : 's'} not assessed (${what}): --verbose says why`;
  return [(errors ? c.red : c.yellow)(fitLine([{ text, shrink: true }], width))];
}

export function gateLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
  const checks = report.gates.checks;
  if (checks.length === 0) return [];
  const failed = checks.filter((x) => !x.passed);
  // What the audited tree narrowed is never folded into "N gates passed": the reader must see it.
  const narrowed = checks.filter((x) => x.kind === 'config');
  const passed = checks.filter((x) => x.passed && x.kind !== 'config');
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
  for (const g of narrowed) out.push(...mark(c.yellow('!'), lines(g.message)));
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

export function noteLines(c: ChalkInstance, report: Report, width: number, verbose: boolean): string[] {
  const notes = verbose ? report.notes : report.notes.slice(0, SHOWN.notes);
  const out = notes.flatMap((n) =>
    verbose
      ? wrap(`note: ${oneLine(n)}`, width, '  ').map((l) => c.gray(l))
      : [c.gray(fitLine([{ text: `note: ${oneLine(n)}`, shrink: true }], width))],
  );
  if (notes.length < report.notes.length) out.push(c.gray(`… ${report.notes.length - notes.length} more notes`));
  return out;
}
