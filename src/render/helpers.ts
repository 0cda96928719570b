/**
 * Template helpers, shared by the built-in templates and users' --template files. Markdown
 * escaping lives here so that repository content (paths, snippets) can never break a table.
 */
import type { HelperOptions } from 'handlebars';
import type { Evidence } from '../engine/types.js';

export const OUTCOME_ICON: Record<string, string> = {
  pass: '✅',
  partial: '⚠️',
  fail: '❌',
  'not-applicable': '➖',
  unknown: '❔',
  error: '💥',
};

/** Escape text for a Markdown table cell or inline text: pipes, newlines, HTML, emphasis, backticks. */
export function mdEscape(value: unknown): string {
  return String(value ?? '')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([`*_[\]#])/g, '\\$1');
}

/** Inline code that survives any content: a fence longer than any backtick run inside. */
export function mdCode(value: unknown): string {
  const s = String(value ?? '').replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  if (!s) return '';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

export function shorten(value: unknown, max = 80): string {
  const s = String(value ?? '');
  if (s.length <= max) return s;
  const keep = Math.floor((max - 1) / 2);
  return `${s.slice(0, keep)}…${s.slice(s.length - keep)}`;
}

export function percent(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${Math.round(value <= 1 && value > 0 && !Number.isInteger(value) ? value * 100 : value)}%` : '—';
}

export function scoreText(value: unknown): string {
  return typeof value === 'number' ? String(value) : 'n/a';
}

export function gradeText(value: unknown): string {
  return typeof value === 'string' && value ? value : '—';
}

/** A 10-cell text bar: ▓▓▓▓▓▓▓░░░ */
export function scoreBar(value: unknown, width: unknown = 10): string {
  const w = typeof width === 'number' ? width : 10;
  if (typeof value !== 'number') return '·'.repeat(w);
  const filled = Math.round((Math.max(0, Math.min(100, value)) / 100) * w);
  return '▓'.repeat(filled) + '░'.repeat(w - filled);
}

export function pluralize(count: unknown, singular: unknown, plural?: unknown): string {
  const n = typeof count === 'number' ? count : Number(count);
  const p = typeof plural === 'string' ? plural : `${String(singular)}s`;
  return `${n} ${n === 1 ? String(singular) : p}`;
}

/** Where a piece of evidence points: path:line or path:line-end. */
export function location(e: Pick<Evidence, 'path' | 'line' | 'endLine'>): string {
  if (!e.line) return e.path;
  return `${e.path}:${e.line}${e.endLine && e.endLine !== e.line ? `-${e.endLine}` : ''}`;
}

/**
 * A URL for evidence on the repository's forge at the audited commit, or null when the remote
 * is not a known forge (then templates print the plain path).
 */
export function forgeUrl(remote: string | null | undefined, commit: string | null | undefined, e: Pick<Evidence, 'path' | 'line' | 'endLine'>): string | null {
  if (!remote || !commit || e.path === '.') return null;
  const path = e.path.split('/').map(encodeURIComponent).join('/');
  let host: string;
  try {
    host = new URL(remote).host;
  } catch {
    return null;
  }
  const end = e.endLine && e.endLine !== e.line ? e.endLine : undefined;
  if (host === 'github.com' || host.startsWith('github.')) {
    return `${remote}/blob/${commit}/${path}${e.line ? `#L${e.line}${end ? `-L${end}` : ''}` : ''}`;
  }
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) {
    return `${remote}/-/blob/${commit}/${path}${e.line ? `#L${e.line}${end ? `-${end}` : ''}` : ''}`;
  }
  if (host === 'bitbucket.org') {
    return `${remote}/src/${commit}/${path}${e.line ? `#lines-${e.line}${end ? `:${end}` : ''}` : ''}`;
  }
  if (host === 'dev.azure.com' || host.endsWith('.visualstudio.com')) {
    return `${remote}?path=/${path}&version=GC${commit}${e.line ? `&line=${e.line}&lineEnd=${end ?? e.line}&lineStartColumn=1&lineEndColumn=1000` : ''}`;
  }
  return null;
}

type Ctx = { data?: { root?: { repository?: { remote?: string | null; commit?: string | null } } } };

/** Handlebars helpers, registered on a fresh environment per render. */
export const HELPERS: Record<string, (...args: never[]) => unknown> = {
  percent: (v: unknown) => percent(v),
  // `{{grade}}` and `{{score}}` with no argument would shadow the Report fields of the same name;
  // then they read the field from the current context instead.
  score: function (this: { score?: unknown }, ...args: unknown[]) {
    return scoreText(args.length > 1 ? args[0] : this?.score);
  },
  grade: function (this: { grade?: unknown }, ...args: unknown[]) {
    return gradeText(args.length > 1 ? args[0] : this?.grade);
  },
  outcomeIcon: (o: unknown) => OUTCOME_ICON[String(o)] ?? '',
  scoreBar: (v: unknown, w: unknown) => scoreBar(v, w),
  pluralize: (n: unknown, s: unknown, p: unknown) => pluralize(n, s, typeof p === 'string' ? p : undefined),
  mdEscape: (v: unknown) => mdEscape(v),
  mdCode: (v: unknown) => mdCode(v),
  shorten: (v: unknown, n: unknown) => shorten(v, typeof n === 'number' ? n : 80),
  location: (e: Evidence) => location(e),
  /** Markdown link to the evidence on the forge, or the escaped location as code. */
  link: (e: Evidence, options: HelperOptions & Ctx) => {
    const repo = options?.data?.root?.repository;
    const url = forgeUrl(repo?.remote, repo?.commit, e);
    const text = mdCode(shorten(location(e), 100));
    return url ? `[${text}](${url})` : text;
  },
  url: (e: Evidence, options: HelperOptions & Ctx) => {
    const repo = options?.data?.root?.repository;
    return forgeUrl(repo?.remote, repo?.commit, e) ?? '';
  },
  json: (v: unknown) => JSON.stringify(v, null, 2),
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  gt: (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b,
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  not: (v: unknown) => !v,
  upper: (v: unknown) => String(v ?? '').toUpperCase(),
  short: (v: unknown) => (typeof v === 'string' ? v.slice(0, 7) : ''),
  inc: (v: unknown) => (typeof v === 'number' ? v + 1 : v),
  round: (v: unknown, d: unknown) => (typeof v === 'number' ? Number(v.toFixed(typeof d === 'number' ? d : 0)) : v),
  signed: (v: unknown) => (typeof v === 'number' ? `${v > 0 ? '+' : ''}${Number(v.toFixed(1))}` : ''),
};
