/**
 * A figure tied to a keyword: "Polls backend every 30 seconds", "Limite máximo de 1000 caracteres",
 * "Request timeout 30s". A reader confirms it by finding the number in the code (30000 ms for 30
 * seconds, 3600 for an hour) with the keyword's stem near it (interval, max, timeout) within three
 * lines. Found → confirmed at that line; not found → nothing is concluded (the value may be computed,
 * or set where no search reads), so absence never contradicts here.
 *
 * Only a short line of one figure and one keyword of the table, said done, is read: a line that gives
 * several figures or says much more than the value is about more than this lookup compares.
 */
import { isCommentLine, isProductionPath } from '../facts/paths.js';
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { ABSENCE, corpus } from './exact-names.js';
import { plain } from './status.js';

/** Keywords of a line, and the stems that show the same setting in code. */
const KEYS: [RegExp, string[]][] = [
  [/\b(?:polls?|polling|refresh(?:es|ed)?|every)\b/i, ['interval', 'poll', 'refresh']],
  [/\btime-?outs?\b/i, ['timeout']],
  [/\b(?:max(?:imum)?|máxim[oa]|maximal|höchstens|limite?|limit(?:ed)?|up to)\b/i, ['max', 'limit']],
  [/\b(?:min(?:imum)?|mínim[oa]|mindestens|at least)\b/i, ['min']],
  [/\b(?:retr(?:y|ies)|attempts?|tentativas?|versuche)\b/i, ['retr', 'attempt']],
  [/\b(?:ttl|expir(?:es|y|ation)|expira\w*|lifetime)\b/i, ['ttl', 'expir', 'lifetime', 'max_age', 'maxage']],
];

/** The one figure of the line with its unit: "30 seconds", "1000 caracteres", "30s". */
const FIGURE =
  /(?<![\w.,])(\d{1,7})\s?(ms|milliseconds?|s|secs?|seconds?|segundos?|sekunden|min|mins|minutes?|minutos?|minuten|h|hours?|horas?|stunden|chars?|characters?|caracteres|zeichen)?(?![\w.,])/giu;

function values(n: number, unit: string): number[] {
  const u = unit.toLowerCase();
  if (/^(?:s|sec|second|segundo|sekunde)/.test(u)) return [n, n * 1000];
  if (/^(?:min|minute|minuto)/.test(u)) return [n, n * 60, n * 60000];
  if (/^(?:h|hour|hora|stunde)/.test(u)) return [n, n * 60, n * 3600, n * 3600000];
  return [n];
}

const MAX_WORDS = 9;

/** The line's keyed figure found in the product's code, or null. */
export function keyedFigureFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.asserted !== 'done' || claim.problem || claim.removed) return null;
  const text = plain(claim.text);
  if (ABSENCE.test(text) || (text.match(/\p{L}{2,}/gu) ?? []).length > MAX_WORDS) return null;
  const figures = [...text.matchAll(FIGURE)];
  if (figures.length !== 1) return null;
  const n = Number(figures[0]![1]);
  if (n < 2) return null;
  const keys = KEYS.filter(([k]) => k.test(text));
  if (keys.length !== 1) return null;
  const stems = keys[0]![1];
  const wanted = values(n, figures[0]![2] ?? '').map(String);
  for (const { path, text: code } of corpus(ctx)) {
    if (!isProductionPath(path)) continue;
    for (const v of wanted) {
      let at = code.indexOf(v);
      while (at >= 0) {
        const before = at > 0 ? code[at - 1]! : ' ';
        const after = code[at + v.length] ?? ' ';
        if (!/[\w.]/.test(before) && !/[\w.]/.test(after)) {
          const found = near(code, at, stems);
          if (found) return finding(path, code, at, v, claim, found);
        }
        at = code.indexOf(v, at + 1);
      }
    }
  }
  return null;
}

/** Whether a stem is written within three lines of the position (the line itself not a comment). */
function near(code: string, at: number, stems: string[]): string | null {
  const start = code.lastIndexOf('\n', at) + 1;
  const end = code.indexOf('\n', at);
  if (isCommentLine(code.slice(start, end < 0 ? undefined : end))) return null;
  let from = start;
  for (let i = 0; i < 3 && from > 0; i++) from = code.lastIndexOf('\n', from - 2) + 1;
  let to = end < 0 ? code.length : end;
  for (let i = 0; i < 3 && to < code.length; i++) {
    const next = code.indexOf('\n', to + 1);
    to = next < 0 ? code.length : next;
  }
  const window = code.slice(from, to).toLowerCase();
  return stems.find((s) => window.includes(s)) ?? null;
}

function finding(path: string, code: string, at: number, v: string, claim: Claim, stem: string): Finding {
  let line = 1;
  for (let i = code.indexOf('\n'); i >= 0 && i < at; i = code.indexOf('\n', i + 1)) line++;
  const start = code.lastIndexOf('\n', at) + 1;
  const end = code.indexOf('\n', at);
  return {
    subject: plain(claim.text),
    basis: 'search',
    present: 'yes',
    valued: true,
    detail: `${path}:${line} sets ${v} beside "${stem}"`,
    evidence: [
      {
        path,
        line,
        snippet: code
          .slice(start, end < 0 ? undefined : end)
          .trim()
          .slice(0, 160),
      },
    ],
  };
}
