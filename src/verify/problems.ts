/**
 * Problems a document reports ("Problem: `CommandBar` needs a `ThemeProvider`", "| `src/x.jsx:36` |
 * `monthIncome` |", "Default JWT secret in code") and the places it points at ("Location:
 * `config/config.go:68`"). A reader opens the file: when the code the finding names is gone, or the
 * file or the line is, the finding is out of date (contradicted). When the code is still there,
 * whether it is still a problem needs a reader — unless what is named is a setting, which is either
 * set so or not.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { Out } from './judge.js';
import { type Finding, fileFinding, type LookupContext, searchFinding } from './lookup.js';
import { namesIn } from './names.js';
import { namesOf } from './needles.js';
import type { VerifiedClaim } from './schema.js';
import { escapeRe } from '../util/regex.js';

/** The text of a file of the listing, read once per lookup context. */
const texts = new WeakMap<LookupContext, Map<string, string | undefined>>();
export function fileText(ctx: LookupContext, path: string): string | undefined {
  let m = texts.get(ctx);
  if (!m) texts.set(ctx, (m = new Map()));
  if (!m.has(path)) m.set(path, ctx.readText ? ctx.readText(path, 1 << 20) : ctx.files.read(path));
  return m.get(path);
}

/** Code written in ticks, not paths: `monthIncome`, `motion.create(Tag)`, `AllowCredentials: true`. */
export function codeSpans(raw: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(/`([^`\n]{2,120})`/g)) {
    const span = m[1]!.trim();
    const bare = span.replace(/:\d+(?:-\d+)?$/, '');
    if (namesIn(`\`${bare}\``).paths.includes(bare.replace(/^\.\//, ''))) continue;
    if (!/[A-Za-z]{2}/.test(span) || out.includes(span)) continue;
    out.push(span);
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const SETTING_SPAN = /^[\w.-]+\s*(?::|=|:=)\s*[\w."'-]+$/;

/** Whether a span of code is in a text: as written (spacing aside), or its leading name ("motion.create"). */
export function spanIn(text: string, span: string): boolean {
  if (squash(text).includes(squash(span))) return true;
  const head = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*/.exec(span)?.[0];
  if (!head || head.length < 4 || head === span || SETTING_SPAN.test(span)) return false;
  // "import React from 'react'" is a statement: it is there as written or not at all.
  if (/\s/.test(span.replace(/\([^()]*\)/g, ''))) return false;
  return new RegExp(`(?<![\\w$])${head.replace(/[.?$]/g, (c) => `\\${c}`)}(?![\\w$])`).test(text);
}

/** A line that is only a comment (kept as an empty line, so line numbers hold). */
const COMMENT_LINE = /^[ \t]*(?:\/\/|\/\*|\*(?!\*?\/)|#(?![[!])|--\s)[^\n]*$/gm;

/** How far code may have moved from the line a finding names before it is taken to be gone from there. */
const NEAR_LINES = 25;

export function judgeProblem(claim: Claim, ctx: LookupContext | undefined, out: Out): VerifiedClaim {
  const spans = codeSpans(claim.raw ?? claim.text);
  // "1. **Cache** (`src/cache/file_cache.rs`):" heading a list of violations: the place itself.
  const place = !!ctx && !!claim.locus && claim.subject === claim.locus && spans.length === 0;
  if (!ctx || (spans.length === 0 && !place))
    return out('none', 'unverifiable', 'a problem the document reports; which code it means is not named');
  if (claim.locus) {
    const file = fileFinding(ctx, claim.locus);
    if (file.present === 'no')
      return out('file', 'contradicted', `the finding's file is gone: ${file.detail}`, file.evidence);
    // Only a file of the same name elsewhere: the code moved, and the finding's place with it.
    if (file.present === 'partly' && claim.locus.includes('/'))
      return out('file', 'contradicted', `the finding's file moved: ${file.detail}`, file.evidence);
    if (place)
      return file.present === 'yes'
        ? out('file', 'confirmed', `the file the findings below name is there: ${file.detail}`, file.evidence)
        : out('file', 'unverifiable', file.detail, file.evidence);
    const path = file.evidence[0]?.path;
    const source = path && file.present === 'yes' ? fileText(ctx, path) : undefined;
    // Comments say what the code does not do ("/// No unwrap() calls"): they hold no code.
    const text = source?.replace(COMMENT_LINE, '');
    if (text !== undefined) {
      const lines = text.split('\n');
      const named = Number(/:(\d+)(?:-\d+)?$/.exec(claim.subject)?.[1] ?? 0);
      if (named > lines.length)
        return out(
          'file',
          'contradicted',
          `${path} has ${lines.length} lines, not ${named}: the code the finding names has moved or gone`,
          [{ path: path!, note: `${lines.length} lines` }],
        );
      const found = spans.map((s) => ({ s, at: lines.findIndex((l) => spanIn(l, s)) }));
      const shown: Evidence[] = found
        .filter((f) => f.at >= 0)
        .map((f) => ({ path: path!, line: f.at + 1, snippet: lines[f.at]!.trim().slice(0, 160) }));
      // "| `src/x.js:221` | `pageHeight` |": at the line named, give or take the edits since.
      const at = Number(/:(\d+)(?:-\d+)?$/.exec(claim.subject)?.[1] ?? 0);
      const near = (k: number) => !at || Math.abs(k + 1 - at) <= NEAR_LINES;
      if (at && at <= lines.length && spans.every((s) => !lines.some((l, k) => near(k) && spanIn(l, s))))
        return out(
          'search',
          'contradicted',
          `the code the finding names is no longer at or near line ${at} of ${path} (${spans.map((s) => `\`${s}\``).join(', ')}): the document is out of date`,
          [{ path: path!, line: at, snippet: lines[at - 1]!.trim().slice(0, 160) }],
        );
      if (found.every((f) => f.at < 0 && !spanIn(text, f.s)))
        return out(
          'search',
          'contradicted',
          `the code the finding names is no longer in ${path} (${spans.map((s) => `\`${s}\``).join(', ')}): the document is out of date`,
          [{ path: path!, note: `${lines.length} lines, none holds what the finding names` }],
        );
      if (spans.every((s) => SETTING_SPAN.test(s)) && shown.length === spans.length)
        return out('search', 'confirmed', `set as the document says in ${path}`, shown);
      return out(
        'search',
        'unverifiable',
        `the code the finding names is still in ${path}; whether it is still a problem needs a reader`,
        shown.length ? shown : [{ path: path! }],
      );
    }
  }
  // No file named: the names are searched across the repository.
  const ids = namesOf(claim).identifiers;
  const findings = ids.map((id) => searchFinding(ctx, id, ctx.search.hits.get(`id:${id}`), true));
  if (findings.length && findings.every((f) => f.present === 'no'))
    return out(
      'search',
      'contradicted',
      `the code the finding names is gone: ${findings.map((f) => f.detail).join('; ')}`,
      findings.flatMap((f) => f.evidence).slice(0, 2),
    );
  return out(
    'search',
    'unverifiable',
    'a problem the document reports; whether it is still there needs a reader',
    findings.flatMap((f) => f.evidence).slice(0, 3),
  );
}

/**
 * "`src/api.js`: Public record API now calls `/api/verify/patient/:id`": a change said to be made in
 * a file. The code it names in ticks must be there (or gone, after "removed"); without code named,
 * what changed needs a reader, whatever the file.
 */
export function changeFinding(ctx: LookupContext, claim: Claim, file: Finding): Finding {
  const at = file.evidence[0]!.path;
  const raw = claim.raw ?? claim.text;
  const spans = codeSpans(raw).filter((s) => !at.endsWith(s.replace(/^\.?\//, '')));
  const text = (fileText(ctx, at) ?? '').replace(COMMENT_LINE, '');
  if (!spans.length || !text)
    return CHANGED.test(raw)
      ? { ...file, present: 'unknown', detail: `${at} is there; what changed in it needs a reader` }
      : file;
  const lines = text.split('\n');
  const gone = (s: string) =>
    new RegExp(`\\b(?:removed|deleted|dropped|eliminated)\\b[^\`]{0,40}\`${escapeRe(s)}\``, 'i').test(raw);
  const found = spans.map((s) => {
    // A route may be written under a base URL the client prepends ("/api" + `/verify/patient/${id}`).
    const tail = s.replace(/^\/[\w.-]+(?=\/[\w.-]+\/)/, '');
    const route = /^\/[\w/{}:.-]*$/.test(s) && /[:{]/.test(s) ? [routePattern(s), routePattern(tail)] : null;
    const k = lines.findIndex((l) => (route ? route.some((r) => r.test(l)) : spanIn(l, s)));
    return { s, k, ok: gone(s) ? k < 0 : k >= 0 };
  });
  const ev = found
    .filter((f) => f.k >= 0)
    .slice(0, 3)
    .map((f) => ({ path: at, line: f.k + 1, snippet: lines[f.k]!.trim().slice(0, 160) }));
  const good = found.filter((f) => f.ok).length;
  const base = { subject: `change in ${at}`, basis: 'search' as const };
  if (good === found.length)
    return {
      ...base,
      present: 'yes',
      detail: `${at} holds what the change names (${spans.map((s) => `\`${s}\``).join(', ')})`,
      evidence: ev.length ? ev : [{ path: at }],
    };
  const bad = found
    .filter((f) => !f.ok)
    .map((f) => `\`${f.s}\``)
    .join(', ');
  return {
    ...base,
    present: good ? 'partly' : 'no',
    detail: `${at} is there, but not as the change says: ${bad}`,
    evidence: ev.length ? ev : [{ path: at, note: `${lines.length} lines` }],
  };
}

/** Words of a change made ("now calls", "Fixed", "Added"): the file alone does not show it. */
export const CHANGED =
  /\b(?:now|fixed|added|removed|updated|changed|replaced|renamed|moved|refactored|rewrote|rewritten|reworked|switched)\b/i;

/** "/api/verify/patient/:patientId" as code writes it: each parameter one segment, in any form. */
function routePattern(route: string): RegExp {
  const parts = route
    .split(/(\{[^{}]*\}|:\w+)/)
    .map((p, k) => (k % 2 ? '(?::\\w+|\\{[^{}/]*\\}|\\$\\{[^{}]*\\}|[\\w.~-]+)' : escapeRe(p)));
  return new RegExp(`${parts.join('')}(?![\\w-])`);
}

/** "Location: `config/config.go:68`": the file must be there, and long enough; what the line holds needs a reader. */
export function lineFinding(ctx: LookupContext, path: string, line: number) {
  const file = fileFinding(ctx, path);
  if (file.present !== 'yes') return file;
  const at = file.evidence[0]!.path;
  const text = fileText(ctx, at);
  if (text === undefined) return { ...file, present: 'unknown' as const, detail: `${at} could not be read` };
  const lines = text.split('\n');
  if (line > lines.length)
    return {
      ...file,
      present: 'no' as const,
      detail: `${at} has ${lines.length} lines, not ${line}: the document is out of date`,
      evidence: [{ path: at, note: `${lines.length} lines` }],
    };
  return {
    ...file,
    present: 'unknown' as const,
    detail: `${at} exists; whether line ${line} still holds what the document says needs a reader`,
    evidence: [{ path: at, line, snippet: lines[line - 1]!.trim().slice(0, 160) }],
  };
}
