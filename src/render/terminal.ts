/** The terminal summary: what a developer reads first. chalk and cli-table3 live here only. */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Report, RuleReport } from '../report/schema.js';
import { location } from './helpers.js';
import { oneLineDeep } from '../util/printable.js';

export interface TerminalOptions {
  color: boolean;
  verbose?: boolean;
  /** How many roadmap items to show. */
  roadmap?: number;
}

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
  const out: string[] = [];
  const repo = report.repository;
  out.push(`${c.bold(`readiness ${report.tool.version}`)} — ${c.bold(repo.name)}`);
  const where = [
    repo.commit ? `commit ${repo.commit.slice(0, 7)}${repo.branch ? ` on ${repo.branch}` : ''}` : 'not a git commit',
    `${repo.files} files`,
    repo.languages
      .slice(0, 4)
      .map((l) => `${l.name} ${l.files}`)
      .join(', '),
  ].filter(Boolean);
  out.push(c.gray(where.join(' · ')));
  out.push(c.gray(`profile: ${repo.profile.id} (${repo.profile.reasons.join('; ')})`));
  out.push('');

  const base = report.baseline;
  const table = new Table({
    head: ['Pillar', 'Score', ...(base ? [`Δ ${base.file}`] : []), 'Grade', 'Coverage'],
    style: { head: options.color ? ['bold'] : [], border: options.color ? ['gray'] : [] },
    colAligns: ['left', 'right', ...(base ? (['right'] as const) : []), 'center', 'left'],
  });
  for (const p of report.pillars) {
    const g = gradeColor(c, p.grade);
    const d = base?.pillars.find((x) => x.id === p.id);
    table.push([
      p.title,
      p.score === null ? c.gray('n/a') : g(String(p.score)),
      ...(base ? [deltaText(c, d?.delta ?? null)] : []),
      p.grade ? g(p.grade) : c.gray('—'),
      coverageText(p.coverage),
    ]);
  }
  out.push(table.toString());
  const s = report.summary;
  const g = gradeColor(c, s.grade);
  out.push(
    `${c.bold('Overall')} ${s.score === null ? c.gray('not assessed') : g.bold(`${s.score} ${s.grade}`)}${base ? ` ${deltaText(c, base.overall.delta)}` : ''}  ${c.gray(`(${coverageText(s.coverage)})`)}`,
  );

  const rules = report.pillars.flatMap((p) => p.rules);
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
  if (problems.length > 0) {
    out.push('', c.bold('What to fix'));
    for (const r of problems) out.push(...ruleLines(c, r, options.verbose ?? false));
  }
  if (options.verbose) {
    const passes = rules.filter((r) => r.outcome === 'pass' || r.outcome === 'not-applicable');
    if (passes.length) out.push('', c.bold('Verified and not applicable'));
    for (const r of passes) out.push(...ruleLines(c, r, true));
  }

  out.push(...baselineLines(c, report), ...suppressedLines(c, report));

  const top = report.roadmap.slice(0, options.roadmap ?? 5);
  if (top.length > 0) {
    out.push('', c.bold('Roadmap') + c.gray(' (points gained per effort)'));
    top.forEach((item, i) => {
      const pillar = report.pillars.find((p) => p.id === item.pillar)?.title ?? item.pillar;
      out.push(
        `  ${i + 1}. ${c.green(`+${item.pillarGain.toFixed(1)}`)} ${pillar} ${c.gray(`(+${item.gain.toFixed(1)} overall, ${item.effort} effort)`)}: ${item.title} ${c.gray(item.rule)}`,
      );
    });
  }
  if (report.gates.checks.length > 0) {
    out.push('', c.bold('Gates'));
    for (const ch of report.gates.checks) out.push(`  ${ch.passed ? c.green('✓') : c.red('✗')} ${ch.message}`);
  }
  for (const n of report.notes) out.push(c.gray(`note: ${n}`));
  return `${out.join('\n')}\n`;
}

function ruleLines(c: ChalkInstance, r: RuleReport, full: boolean): string[] {
  const color =
    r.outcome === 'fail' || r.outcome === 'error'
      ? c.red
      : r.outcome === 'partial' || r.outcome === 'unknown'
        ? c.yellow
        : r.outcome === 'pass'
          ? c.green
          : c.gray;
  const title = r.outcome === 'pass' ? r.title : r.outcome === 'partial' ? `${r.title} (partly)` : r.failureTitle;
  const lines = [
    `  ${color(ICON[r.outcome] ?? '?')} ${c.bold(title)} ${c.gray(`${r.id} · ${r.severity}${r.maxPoints ? ` · ${r.points}/${r.maxPoints} pts` : ''}`)}`,
  ];
  lines.push(`    ${r.message}`);
  const ev = full ? r.evidence : r.evidence.slice(0, 4);
  for (const e of ev) {
    const parts = [c.cyan(location(e)), e.snippet ?? '', e.note ? c.gray(e.note) : ''].filter(Boolean);
    lines.push(`    → ${parts.join('  ')}`);
  }
  if (r.evidence.length > ev.length)
    lines.push(c.gray(`    … ${r.evidence.length - ev.length} more (--verbose or --format md)`));
  if (r.outcome === 'fail' || r.outcome === 'partial') lines.push(`    ${c.gray('fix:')} ${r.remediation}`);
  return lines;
}

function deltaText(c: ChalkInstance, d: number | null): string {
  if (d === null) return c.gray('—');
  return d > 0 ? c.green(`+${d}`) : d < 0 ? c.red(String(d)) : c.gray('±0');
}

/** Rules whose outcome changed since the baseline, regressions first. */
function baselineLines(c: ChalkInstance, report: Report): string[] {
  const b = report.baseline;
  if (!b || b.rules.length === 0) return [];
  const order = { regressed: 0, removed: 1, changed: 2, added: 3, improved: 4 } as const;
  const rules = [...b.rules].sort((x, y) => order[x.change] - order[y.change] || (x.id < y.id ? -1 : 1));
  const out = [
    '',
    c.bold(`Since the baseline ${b.file}`) + (b.commit ? c.gray(` (commit ${b.commit.slice(0, 7)})`) : ''),
  ];
  for (const r of rules) {
    const mark =
      r.change === 'regressed' || (r.before === 'pass' && r.after === 'fail')
        ? c.red('▼')
        : r.change === 'improved'
          ? c.green('▲')
          : c.gray('•');
    const state = (o: string | null, score: number | null) =>
      o === null ? 'absent' : o === 'partial' && score !== null ? `partial ${Math.round(score * 100)}%` : o;
    out.push(`  ${mark} ${r.id}: ${state(r.before, r.beforeScore)} → ${state(r.after, r.afterScore)}`);
  }
  return out;
}

/** Suppressed results leave the score but stay visible, with their reason. */
function suppressedLines(c: ChalkInstance, report: Report): string[] {
  const hidden = report.pillars.flatMap((p) => p.rules).filter((r) => r.suppressed);
  if (hidden.length === 0 && report.suppressed.length === 0) return [];
  const out = ['', c.bold('Suppressed')];
  for (const r of hidden) {
    const where = r.suppressed!.inline ? 'inline' : r.suppressed!.expires ? `until ${r.suppressed!.expires}` : 'config';
    out.push(`  ${c.gray('~')} ${r.id} (${r.outcome}, ${where}): ${r.suppressed!.reason}`);
  }
  for (const s of report.suppressed.filter((x) => x.expired || x.matched === false)) {
    out.push(
      `  ${s.expired ? c.red('✗') : c.gray('?')} ${s.rule}: ${s.expired ? `expired on ${s.expires}` : 'matched nothing'} (${s.reason})`,
    );
  }
  return out;
}
