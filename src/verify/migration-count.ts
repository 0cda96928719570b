/**
 * "All 17 migrations executed", "Migrations: 16/15", "| Migrationen | 12 |": a count of the schema
 * migrations, which the migrations rule counts file by file. A count that no longer matches says the
 * document is out of date (projects keep adding migrations); what a run of them did is not checked.
 */
import type { Report } from '../report/schema.js';
import type { Claim } from './extract.js';
import type { Finding } from './lookup.js';
import { plain } from './status.js';

const WORD = String.raw`(?:database\s+|db\s+|schema\s+|sql\s+)?(?:migrations?|migra[çc](?:ões|ão)|migraci(?:ones|ón)|migrationen)`;
/** Counts of some migrations only — new, pending, failed ones — are not the total. */
const SOME =
  /\b(?:new|neue[ns]?|novas?|nuevas?|nouvelles?|pending|added|failed|failing|missing|more|additional|recent|remaining|unapplied|outstanding|broken|extra)\s*$/i;
const BEFORE = new RegExp(String.raw`(?<![\d.,/])(\d{1,4})(\+?)\s+((?:[\w-]+\s+)?)${WORD}\b`, 'i');
const LABEL = new RegExp(
  String.raw`^(?:total\s+)?${WORD}\s*[:|]\s*(\d{1,4})(\+?)(?:\s*\/\s*\d{1,4})?\s*(?:\||$|\(|files?\b|arquivos\b|archivos\b)`,
  'i',
);

export function migrationCount(claim: Claim): { count: number; atLeast: boolean } | null {
  if (claim.asserted === 'not-done' || claim.asserted === 'planned') return null;
  const t = plain(claim.text).replace(/^\|\s*/, '');
  const label = LABEL.exec(t);
  if (label) return { count: Number(label[1]), atLeast: label[2] === '+' };
  const m = BEFORE.exec(t);
  if (!m || SOME.test(m[3]!) || SOME.test(t.slice(0, m.index))) return null;
  // "2 of 17 migrations", "17 migrations in the billing module": part of the total, not all of it.
  if (
    /\bof\s*$/i.test(t.slice(0, m.index)) ||
    /^\s*(?:in|for|of|under)\s+(?!place\b|production\b|git\b|the repo)(?:the\s+)?\w/i.test(
      t.slice(m.index + m[0].length),
    )
  )
    return null;
  return { count: Number(m[1]), atLeast: m[2] === '+' };
}

export function migrationCountFinding(report: Report, claim: Claim): Finding | null {
  const said = migrationCount(claim);
  if (!said) return null;
  const rule = report.pillars.flatMap((p) => p.rules).find((r) => r.id === 'architecture/database-migrations');
  const found = rule?.data?.migrations;
  if (typeof found !== 'number' || found === 0 || !rule) return null;
  const agrees = said.atLeast ? found >= said.count : found === said.count;
  const where = rule.evidence.filter((e) => e.path && e.path !== '.').slice(0, 3);
  return {
    subject: `${said.count}${said.atLeast ? '+' : ''} migrations`,
    basis: 'rule:architecture/database-migrations',
    valued: true,
    present: agrees ? 'yes' : 'no',
    detail: `the migrations rule counts ${found} migration file(s)${where.length ? ` (${where.map((e) => e.path).join(', ')})` : ''}`,
    evidence: where.length ? where : [{ path: '.', note: `${found} migration files` }],
  };
}
