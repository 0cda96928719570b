/**
 * "115 instances of `.unwrap()` in production code", "`.expect()` usage is ZERO": a count of a piece
 * of code, which a reader settles by searching for it. Production code is the source files that are
 * not tests — and in Rust, the part of a file above its `#[cfg(test)]` module; comments hold no code.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { Out } from './judge.js';
import type { LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import type { VerifiedClaim } from './schema.js';

const COUNTED =
  /(?<![\w.])(\d[\d,]{0,7}|zero|no)\s(?:instances?|occurrences?|uses|usages|calls|matches)\sof\s`([^`\n]{2,60})`/i;
const USAGE =
  /`([^`\n]{2,60})`\s(?:usage|usages|calls?|instances?|occurrences?)\s(?:is|are)\s(zero|none|\d[\d,]{0,7})\b/i;

/** "68 console.log() espalhados", "2 alert() ainda presentes": a count right before a call written with its brackets. */
const CALLS = /(?<![\w.,/:-])(\d{1,5})\s+`?((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\(\)`?(?![\w(])/;
/** Calls a change took out or replaced: the count is of what was there, not of what is. */
const CHANGED =
  /\b(?:removed|replaced|eliminated|cleaned|fixed|migrated|converted|remov(?:id|ed)[oa]s?|substitu[ií]d[oa]s?|eliminad[oa]s?|corrigid[oa]s?|entfernt|ersetzt|supprim[ée]e?s?|remplac[ée]e?s?)\b|→|->|=>/i;

/** The code a line counts, and the count it gives; null when it gives none. */
export function occurrenceClaim(raw: string): { code: string; count: number; call?: boolean } | null {
  const a = COUNTED.exec(raw);
  const b = a ? null : USAGE.exec(raw);
  const code = a?.[2] ?? b?.[1];
  const said = (a?.[1] ?? b?.[2] ?? '').toLowerCase();
  if (!code || !said) {
    const c = CALLS.exec(raw.replace(/[*_]/g, ''));
    if (!c || CHANGED.test(raw)) return null;
    return { code: `${c[2]}(`, count: Number(c[1]), call: true };
  }
  const count = /^(?:zero|no|none)$/.test(said) ? 0 : Number(said.replace(/,/g, ''));
  return Number.isFinite(count) ? { code: code.trim(), count } : null;
}

/** Whether a line holds the code: a call by its whole name ("alert(" is not "showAlert("). */
function holds(line: string, code: string, call: boolean | undefined): boolean {
  if (!line.includes(code)) return false;
  if (!call) return true;
  return new RegExp(`(?<![\\w$.])${code.replace(/[.$(]/g, (ch) => `\\${ch}`)}`).test(line);
}

const SOURCE = /\.(?:rs|go|py|ts|tsx|js|jsx|mjs|java|kt|cs|rb|php|swift|scala|c|h|cpp|hpp|vue|svelte)$/;
const NOT_PRODUCTION =
  /(?:^|\/)(?:tests?|spec|specs|__tests__|benches|examples?|fixtures|testdata|node_modules|vendor|third_party|target|dist|build)\/|(?:_test|\.test|\.spec|_spec)\.[a-z]+$|Tests?\.(?:java|kt|cs)$|(?:^|\/)tests?\.rs$|(?:^|\/)test_[^/]*\.py$/i;
const COMMENT = /^\s*(?:\/\/|\/\*|\*|#(?![[!]))/;
const MAX_FILES = 3000;

export function judgeOccurrences(claim: Claim, ctx: LookupContext, out: Out): VerifiedClaim | null {
  const said = occurrenceClaim(claim.raw ?? claim.text);
  if (!said) return null;
  const files = ctx.files.paths.filter((p) => SOURCE.test(p) && !NOT_PRODUCTION.test(p)).slice(0, MAX_FILES);
  let count = 0;
  const shown: Evidence[] = [];
  for (const path of files) {
    const text = fileText(ctx, path);
    if (!text?.includes(said.code)) continue;
    const lines = text.split('\n');
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]!;
      if (line.includes('#[cfg(test)]')) break;
      if (COMMENT.test(line) || !holds(line, said.code, said.call)) continue;
      count++;
      if (shown.length < 3) shown.push({ path, line: k + 1, snippet: line.trim().slice(0, 160) });
    }
  }
  const named = said.call ? `${said.code})` : said.code;
  const close = said.count === 0 ? count === 0 : Math.abs(count - said.count) <= Math.max(1, said.count * 0.1);
  const where = `${files.length} production source files (tests, test modules and comments left out)`;
  return close
    ? out(
        'search',
        'confirmed',
        `the document says ${said.count} of \`${named}\`; ${count} found in ${where}`,
        shown.length ? shown : [{ path: '.', note: `no \`${named}\` in ${where}` }],
      )
    : out(
        'search',
        'contradicted',
        `the document says ${said.count} of \`${named}\`, but ${count} are found in ${where}: the document is out of date`,
        shown.length ? shown : [{ path: '.', note: `no \`${named}\` in ${where}` }],
      );
}
