/** Rendering an Aggregate: terminal summary, CSV, JSON, and Markdown/HTML from templates. */
import { builtinTemplate, renderTemplate } from '../render/handlebars.js';
import { UsageError } from '../util/errors.js';
import { oneLineDeep, printable, printableJson } from '../util/printable.js';
import type { Aggregate, AggregateGroup } from './schema.js';

export const AGGREGATE_FORMATS = ['terminal', 'json', 'md', 'html', 'csv'] as const;
export type AggregateFormat = (typeof AGGREGATE_FORMATS)[number];

const BY_EXTENSION: Record<string, AggregateFormat> = {
  json: 'json',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  csv: 'csv',
  txt: 'terminal',
};

export function aggregateFormat(format: string | undefined, output: string | undefined): AggregateFormat {
  if (format) {
    if ((AGGREGATE_FORMATS as readonly string[]).includes(format)) return format as AggregateFormat;
    throw new UsageError(`--format ${format}: expected one of ${AGGREGATE_FORMATS.join(', ')}`);
  }
  if (!output) return 'terminal';
  const ext = /\.([A-Za-z0-9]+)$/.exec(output)?.[1]?.toLowerCase();
  const f = ext ? BY_EXTENSION[ext] : undefined;
  if (!f) throw new UsageError(`--output ${output}: cannot tell the format from the extension; add --format`);
  return f;
}

/** As for a single report (render/index.ts): the reports aggregated are input, and no control character of theirs gets out. */
export function renderAggregate(agg: Aggregate, format: AggregateFormat, options: { width?: number } = {}): string {
  switch (format) {
    case 'json':
      return printableJson(`${JSON.stringify(agg, null, 2)}\n`);
    case 'csv':
      return printable(csv(agg));
    case 'md':
      return printable(renderTemplate(builtinTemplate('aggregate.md.hbs'), oneLineDeep(context(agg))));
    case 'html':
      return printable(renderTemplate(builtinTemplate('aggregate.html.hbs'), oneLineDeep(context(agg))));
    default:
      return terminal(oneLineDeep(agg), options.width ?? 80);
  }
}

/** What the templates receive: the Aggregate plus a few derived lists they cannot compute. */
function context(agg: Aggregate) {
  const weakest = agg.rules
    .filter((r) => r.applies > 0 && r.passRate !== null)
    .sort((a, b) => a.passRate! - b.passRate! || b.applies - a.applies || (a.id < b.id ? -1 : 1))
    .slice(0, 10)
    .map((r) => ({ ...r, passPercent: `${Math.round(r.passRate! * 100)}%` }));
  return {
    ...agg,
    weakest,
    levelIds: [
      ...(agg.levels.length
        ? agg.levels.map((l) => l.id)
        : Object.keys(agg.overview.levels).filter((l) => l !== 'none')),
      'none',
    ],
    teamRepositories: agg.teams.map((t) => ({ ...t, list: agg.repositories.filter((r) => r.team === t.key) })),
    sparkline: sparkline(agg.trend.map((t) => t.score)),
  };
}

/** An inline SVG polyline of the mean score per snapshot (0–100), for the HTML page. */
export function sparkline(values: (number | null)[], width = 160, height = 32): string {
  const pts = values
    .map((v, i) =>
      v === null
        ? null
        : { x: values.length > 1 ? (i / (values.length - 1)) * width : width / 2, y: height - (v / 100) * height },
    )
    .filter((p): p is { x: number; y: number } => p !== null);
  const poly = pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const last = pts.at(-1);
  return `<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="mean score per snapshot"><polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${poly}"/>${last ? `<circle cx="${last.x.toFixed(1)}" cy="${last.y.toFixed(1)}" r="2.5" fill="currentColor"/>` : ''}</svg>`;
}

/**
 * RFC 4180: quote fields that hold a comma, quote or line break; neutralise spreadsheet formulas.
 * A semicolon or a tab is quoted too: a spreadsheet in a locale whose list separator is `;` (most
 * of Europe) splits an unquoted `x;=1+1` into a second cell that is a formula.
 */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(agg: Aggregate): string {
  const pillars = agg.overview.pillars.map((p) => p.id);
  const head = [
    'name',
    'remote',
    'team',
    'tier',
    'tags',
    'score',
    'grade',
    'level',
    'next_level',
    ...pillars,
    'failing',
    'flags',
    'commit',
    'commit_date',
    'file',
  ];
  const rows = agg.repositories.map((r) => [
    r.name,
    r.remote,
    r.team,
    r.tier,
    r.tags.join(' '),
    r.score,
    r.grade,
    r.level,
    r.nextLevel?.id ?? '',
    ...pillars.map((p) => r.pillars[p]),
    r.failing.join(' '),
    r.flags.join(' '),
    r.commit,
    r.commitDate,
    r.file,
  ]);
  return `${[head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

const padTo = (s: string, n: number) => (s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`);
const num = (v: number | null) => (v === null ? 'n/a' : String(v));

function terminal(agg: Aggregate, width: number): string {
  const out: string[] = [];
  const o = agg.overview;
  out.push(
    `readiness aggregate — snapshot ${agg.snapshot} — ${o.repositories} repositor${o.repositories === 1 ? 'y' : 'ies'}` +
      (agg.inputs.skipped.length ? ` (${agg.inputs.skipped.length} file(s) skipped)` : ''),
  );
  out.push(`Score: mean ${num(o.score.mean)}, median ${num(o.score.median)} (${o.score.assessed} assessed)`);
  const levels = Object.entries(o.levels);
  if (levels.length > 1) out.push(`Levels: ${levels.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push(`Pillars (mean): ${o.pillars.map((p) => `${p.id} ${num(p.score.mean)}`).join(' · ')}`);
  for (const w of agg.warnings) out.push(`! ${w.message}`);
  out.push('');
  out.push(...groupTable('Team', agg.teams, Math.max(60, width)));
  if (agg.tiers.length > 1) out.push('', ...groupTable('Tier', agg.tiers, Math.max(60, width)));
  const weakest = agg.rules
    .filter((r) => r.applies > 0 && r.passRate !== null)
    .sort((a, b) => a.passRate! - b.passRate! || b.applies - a.applies || (a.id < b.id ? -1 : 1))
    .slice(0, 5);
  if (weakest.length) {
    out.push('', 'Weakest rules (pass rate where the rule applies):');
    for (const r of weakest)
      out.push(
        `  ${padTo(r.id, 38)} ${String(Math.round(r.passRate! * 100)).padStart(3)}% of ${r.applies}` +
          (r.notApplicable || r.unknown || r.error
            ? ` (${r.notApplicable} N/A, ${r.unknown} unknown, ${r.error} error)`
            : ''),
      );
  }
  const ch = agg.changes;
  if (ch) {
    const up = ch.levelChanges.filter((l) => l.up).length;
    out.push(
      '',
      `Since ${ch.since}: ${ch.levelChanges.length} level change(s) (${up} up, ${ch.levelChanges.length - up} down), ` +
        `${ch.newlyFailing.length} rule(s) newly failing, ${ch.newlyPassing.length} newly passing` +
        (ch.added.length || ch.removed.length ? `, ${ch.added.length} added, ${ch.removed.length} removed` : ''),
    );
    const deltas = ch.scoreDeltas.filter((d) => d.delta !== null && d.delta !== 0);
    if (deltas.length)
      out.push(
        `  team score deltas: ${deltas.map((d) => `${d.team} ${d.delta! > 0 ? '+' : ''}${d.delta}`).join(', ')}`,
      );
    for (const f of ch.newlyFailing.slice(0, 5)) out.push(`  ✗ ${f.name}: ${f.rule} ${f.from} → ${f.to}`);
  }
  for (const s of agg.inputs.skipped.slice(0, 5)) out.push(`skipped ${s.file}: ${s.reason}`);
  if (agg.inputs.skipped.length > 5) out.push(`… and ${agg.inputs.skipped.length - 5} more skipped`);
  out.push('', 'Full detail: --format md, --format html, --format csv or --format json.');
  return `${out.join('\n')}\n`;
}

function groupTable(label: string, groups: AggregateGroup[], width: number): string[] {
  const nameW = 18;
  const lines = [`${padTo(label, nameW)} Repos  Mean Median  Holding back`];
  const rest = width - nameW - 21;
  for (const g of groups) {
    const back = g.holdingBack[0];
    lines.push(
      `${padTo(g.key, nameW)} ${String(g.repositories).padStart(5)} ${num(g.score.mean).padStart(5)} ${num(g.score.median).padStart(6)}  ${back ? padTo(`${back.name} (${back.reason})`, rest).trimEnd() : ''}`,
    );
  }
  return lines;
}
