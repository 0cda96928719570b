/** Verify output: terminal, JSON, Markdown (templates/verify.md.hbs) and SARIF. */
import { Chalk } from 'chalk';
import { builtinTemplate, renderTemplate } from '../render/handlebars.js';
import type { VerifyResult } from './schema.js';
import { VERSION } from '../version.js';
import { pathToUri, sarifLog, sarifText } from '../render/sarif.js';
import { oneLineDeep, printable, printableJson } from '../util/printable.js';
import { truncate, wrap } from '../render/text.js';
import { table } from '../util/table.js';

const ICON: Record<string, string> = table({
  confirmed: '✓',
  'partially-confirmed': '◐',
  contradicted: '✗',
  unverifiable: '?',
});

/** The terminal view fits `width` columns: prose wraps under its indent, a quoted line or evidence is cut with "…". */
export function renderVerifyTerminal(unsafe: VerifyResult, color: boolean, width = 80): string {
  // The document's text and the evidence reach the terminal on one line each, with no control character.
  const r = oneLineDeep(unsafe);
  const c = new Chalk({ level: color ? 1 : 0 });
  const s = r.summary;
  const out: string[] = [];
  const fitted = (text: string, indent: string) => wrap(text, width, indent);
  out.push(c.bold(truncate(`readiness verify — ${r.document} against ${r.repository}`, width)));
  if (r.repaired)
    out.push(
      ...fitted(
        `the document was mojibake (UTF-8 read as ${r.repaired.encoding}); ${r.repaired.lines} lines repaired before reading`,
        '  ',
      ).map((l) => c.gray(l)),
    );
  // Counts first, coloured after the line is fitted (colour codes take no columns).
  const counts = [
    [`${s.confirmed} confirmed`, c.green],
    [`${s.partiallyConfirmed} partially confirmed`, c.yellow],
    [`${s.contradicted} contradicted`, c.red],
    [`${s.unverifiable} unverifiable`, c.gray],
  ] as const;
  let countLine = `${s.claims} claims: ${counts.map(([t]) => t).join(', ')}`;
  for (const line of fitted(countLine, '  ')) {
    countLine = line;
    for (const [t, tint] of counts) countLine = countLine.replace(t, tint(t));
    out.push(countLine);
  }
  const measured = `${s.measuredScore ?? 'n/a'}${s.measuredGrade ? ` (${s.measuredGrade})` : ''}`;
  if (s.claimedReadiness) {
    out.push(
      ...fitted(
        `claimed readiness: ${s.claimedReadiness.value}${typeof s.claimedReadiness.value === 'number' && s.claimedReadiness.asScore === s.claimedReadiness.value ? ' %' : ''} (line ${s.claimedReadiness.line}); measured: ${measured}`,
        '  ',
      ),
    );
  } else out.push(`measured readiness: ${measured}`);
  const order = ['contradicted', 'partially-confirmed', 'confirmed', 'unverifiable'];
  for (const v of order) {
    const list = r.claims.filter((x) => x.verdict === v);
    if (list.length === 0) continue;
    out.push('', c.bold(`${v} (${list.length})`));
    const color_ =
      v === 'contradicted' ? c.red : v === 'confirmed' ? c.green : v === 'partially-confirmed' ? c.yellow : c.gray;
    for (const x of list) {
      // The claim as quoted (one line, cut), why (wrapped prose), and where (one line each, cut).
      out.push(`  ${color_(ICON[v]!)} ${truncate(`line ${x.line}: ${x.text}`, width - 4)}`);
      for (const l of fitted(`      ${x.rule ? `${x.rule}: ` : ''}${x.reason}`, '      ')) out.push(c.gray(l));
      for (const e of x.evidence.slice(0, v === 'unverifiable' ? 0 : 2)) {
        out.push(
          c.gray(
            truncate(
              `      → ${e.line ? `${e.path}:${e.line}` : e.path}${e.snippet ? `  ${e.snippet}` : ''}${e.note ? `  ${e.note}` : ''}`,
              width,
            ),
          ),
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderVerifyJson(r: VerifyResult): string {
  return printableJson(`${JSON.stringify(r, null, 2)}\n`);
}

export function renderVerifyMarkdown(r: VerifyResult): string {
  return printable(renderTemplate(builtinTemplate('verify.md.hbs'), oneLineDeep(r)));
}

/**
 * SARIF 2.1.0: one result per contradicted claim, located at the document's line when the document
 * lies inside the repository; a document outside it is named in the message, and the result is
 * located at the repository root (a uri never leaves the repository).
 */
export function renderVerifySarif(r: VerifyResult): string {
  const results = r.claims
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => ({
      ruleId: 'verify/contradicted-claim',
      level: 'error',
      message: {
        text: sarifText(
          r.documentPath !== undefined
            ? `${c.text} — ${c.reason}`
            : `${r.document} line ${c.line}: ${c.text} — ${c.reason}`,
        ),
      },
      locations: [
        r.documentPath !== undefined
          ? {
              physicalLocation: {
                artifactLocation: { uri: pathToUri(r.documentPath) },
                region: { startLine: c.line },
              },
            }
          : { physicalLocation: { artifactLocation: { uri: '.' } } },
      ],
      properties: { rule: c.rule, asserted: c.asserted },
    }));
  const sarif = sarifLog(
    {
      name: 'readiness',
      version: VERSION,
      rules: [
        {
          id: 'verify/contradicted-claim',
          shortDescription: { text: 'A claim in the readiness document is contradicted by the repository' },
          fullDescription: {
            text: 'readiness verify checked the claim against an audit of the repository and found the opposite.',
          },
          help: { text: 'Correct the document, or make the repository match it.' },
          defaultConfiguration: { level: 'error' },
        },
      ],
    },
    results,
  );
  return printableJson(`${JSON.stringify(sarif, null, 2)}\n`);
}
