/** Verify output: terminal, JSON, Markdown (templates/verify.md.hbs) and SARIF. */
import { Chalk } from 'chalk';
import { builtinTemplate, renderTemplate } from '../render/handlebars.js';
import type { VerifyResult } from './schema.js';
import { VERSION } from '../version.js';
import { pathToUri, sarifLog } from '../render/sarif.js';

const ICON: Record<string, string> = {
  confirmed: '✓',
  'partially-confirmed': '◐',
  contradicted: '✗',
  unverifiable: '?',
};

export function renderVerifyTerminal(r: VerifyResult, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const s = r.summary;
  const out: string[] = [];
  out.push(c.bold(`readiness verify — ${r.document} against ${r.repository}`));
  if (r.repaired)
    out.push(
      c.gray(
        `the document was mojibake (UTF-8 read as ${r.repaired.encoding}); ${r.repaired.lines} lines repaired before reading`,
      ),
    );
  out.push(
    `${s.claims} claims: ${c.green(`${s.confirmed} confirmed`)}, ${c.yellow(`${s.partiallyConfirmed} partially confirmed`)}, ${c.red(`${s.contradicted} contradicted`)}, ${c.gray(`${s.unverifiable} unverifiable`)}`,
  );
  if (s.claimedReadiness) {
    out.push(
      `claimed readiness: ${s.claimedReadiness.value}${typeof s.claimedReadiness.value === 'number' && s.claimedReadiness.asScore === s.claimedReadiness.value ? ' %' : ''} (line ${s.claimedReadiness.line}); measured: ${s.measuredScore ?? 'n/a'}${s.measuredGrade ? ` (${s.measuredGrade})` : ''}`,
    );
  } else out.push(`measured readiness: ${s.measuredScore ?? 'n/a'}${s.measuredGrade ? ` (${s.measuredGrade})` : ''}`);
  const order = ['contradicted', 'partially-confirmed', 'confirmed', 'unverifiable'];
  for (const v of order) {
    const list = r.claims.filter((x) => x.verdict === v);
    if (list.length === 0) continue;
    out.push('', c.bold(`${v} (${list.length})`));
    const color_ =
      v === 'contradicted' ? c.red : v === 'confirmed' ? c.green : v === 'partially-confirmed' ? c.yellow : c.gray;
    for (const x of list) {
      out.push(`  ${color_(ICON[v]!)} line ${x.line}: ${clean(x.text).slice(0, 110)}`);
      out.push(c.gray(`      ${x.rule ? `${x.rule}: ` : ''}${x.reason}`));
      for (const e of x.evidence.slice(0, v === 'unverifiable' ? 0 : 2)) {
        out.push(
          c.gray(
            `      → ${clean(e.line ? `${e.path}:${e.line}` : e.path)}${e.snippet ? `  ${clean(e.snippet)}` : ''}${e.note ? `  ${clean(e.note)}` : ''}`,
          ),
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}

// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

export function renderVerifyMarkdown(r: VerifyResult): string {
  return renderTemplate(builtinTemplate('verify.md.hbs'), r);
}

/** SARIF 2.1.0: one result per contradicted claim, located at the document's line. */
export function renderVerifySarif(r: VerifyResult): string {
  const results = r.claims
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => ({
      ruleId: 'verify/contradicted-claim',
      level: 'error',
      message: { text: `${c.text} — ${c.reason}` },
      locations: [
        { physicalLocation: { artifactLocation: { uri: pathToUri(r.document) }, region: { startLine: c.line } } },
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
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
