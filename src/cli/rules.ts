/** `readiness rules` and `readiness explain RULE-ID`. */
import type { PillarDefinition } from '../types.js';
import { PILLAR_IDS } from '../types.js';
import { UsageError } from '../util/errors.js';

export interface RuleRow {
  id: string;
  pillar: string;
  title: string;
  severity: string;
  effort: string;
  weight: number;
  description: string;
}

export function ruleRows(pillars: PillarDefinition[], pillar?: string): RuleRow[] {
  if (pillar && !(PILLAR_IDS as readonly string[]).includes(pillar))
    throw new UsageError(`--pillar ${pillar}: expected one of ${PILLAR_IDS.join(', ')}`);
  return pillars
    .filter((p) => !pillar || p.id === pillar)
    .flatMap((p) =>
      p.rules.map(({ rule, weight }) => ({
        id: `${p.id}/${rule.meta.id}`,
        pillar: p.id,
        title: rule.meta.title,
        severity: rule.meta.severity,
        effort: rule.meta.effort,
        weight,
        description: rule.meta.description,
      })),
    );
}

export function renderRules(rows: RuleRow[], format: string): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format !== 'terminal') throw new UsageError(`--format ${format}: expected terminal or json`);
  const idWidth = Math.max(...rows.map((r) => r.id.length), 4);
  const lines = [`${'RULE'.padEnd(idWidth)}  SEVERITY  WEIGHT  TITLE`];
  for (const r of rows)
    lines.push(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${String(r.weight).padStart(6)}  ${r.title}`);
  lines.push('', `${rows.length} rules. 'readiness explain <rule>' tells why each matters and how it is detected.`);
  return `${lines.join('\n')}\n`;
}

export function explainRule(pillars: PillarDefinition[], id: string): string {
  const matches = pillars
    .flatMap((p) => p.rules.map((r) => ({ p, ...r })))
    .filter(({ p, rule }) => `${p.id}/${rule.meta.id}` === id || rule.meta.id === id);
  if (matches.length === 0) throw new UsageError(`unknown rule ${id} (see 'readiness rules')`);
  if (matches.length > 1)
    throw new UsageError(
      `rule id ${id} is ambiguous: ${matches.map(({ p, rule }) => `${p.id}/${rule.meta.id}`).join(', ')}`,
    );
  const { p, rule, weight } = matches[0]!;
  const m = rule.meta;
  return [
    `${p.id}/${m.id} — ${m.title}`,
    `Pillar: ${p.title} · severity ${m.severity} · effort ${m.effort} · weight ${weight}`,
    '',
    'Why it matters',
    `  ${m.description}`,
    '',
    'How it is detected',
    `  ${m.detection ?? 'See the rule source.'}`,
    ...(m.patterns
      ? [
          '',
          '  Patterns:',
          ...Object.entries(m.patterns).map(
            ([k, s]) =>
              `    ${k}: /${s.regex.source.length > 100 ? `${s.regex.source.slice(0, 97)}...` : s.regex.source}/ in ${s.files.join(', ')}`,
          ),
        ]
      : []),
    '',
    'How to fix it',
    `  ${m.remediation}`,
    '',
    `When it fails: "${m.failureTitle}"`,
    '',
  ].join('\n');
}
