/**
 * Template helpers, shared by the built-in templates and users' --template files. Markdown
 * escaping lives here so that repository content (paths, snippets) can never break a table.
 */
import Handlebars, { type HelperOptions } from 'handlebars';
import type { Evidence } from '../types.js';
import { ruleTitle } from '../report/wording.js';
import { inertReferences } from '../util/printable.js';

export const OUTCOME_ICON: Record<string, string> = {
  pass: '✅',
  partial: '⚠️',
  fail: '❌',
  'not-applicable': '➖',
  unknown: '❔',
  error: '💥',
};

export const OUTCOME_SYMBOL: Record<string, string> = {
  pass: '✓',
  partial: '◐',
  fail: '✗',
  'not-applicable': '–',
  unknown: '?',
  error: '!',
};

/** Line breaks and tabs only separate words in a cell or a line: one space each. */
const flat = (value: unknown) => String(value ?? '').replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ');

/**
 * Inline escaping. Backslash escapes (CommonMark: any ASCII punctuation) keep plain text
 * readable, except for `<` and `>`, which become entities: an entity cannot be swallowed, and a
 * backslash can (a GFM autolink literal once took the backslash before `<img onerror>` into its
 * URL and left the tag raw). GFM autolink literals (`www.`, `scheme://`, `user@host`) are broken
 * by escaping their punctuation, so no repository text becomes a link; nor a GitHub @mention or
 * #reference (see inertReferences).
 */
function escapeInline(s: string): string {
  return (
    inertReferences(s)
      .replace(/\\/g, '\\\\')
      .replace(/&(?=#?\w+;)/g, '\\&')
      .replace(/([|`*[\]~])/g, '\\$1')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // `_` only emphasises at a word boundary: escaping it elsewhere would litter snake_case.
      .replace(/_+/g, (run: string, at: number, all: string) =>
        /[A-Za-z0-9]/.test(all[at - 1] ?? '') && /[A-Za-z0-9]/.test(all[at + run.length] ?? '')
          ? run
          : run.replace(/_/g, '\\_'),
      )
      .replace(/(www)\./gi, '$1\\.')
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/(?<=[\w.+-])@/g, '\\@')
  );
}

/**
 * What would open a block if the text began a line (a template may put it at one: a list item,
 * a cell that a custom template does not fence): indentation, `#`, list markers, `=`.
 */
function escapeLineStart(s: string): string {
  return (
    s
      .replace(/^\s+/, '')
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
      // In a heading, a last run of `#` after a space is its closing sequence and would vanish.
      .replace(/(\s)(#+\s*)$/, '$1\\$2')
  );
}

/**
 * Pipes inside a code span in a table cell: GFM splits cells before it sees code, so each pipe
 * needs an odd number of backslashes before it (an even run would escape itself, and the pipe
 * would end the cell). The cell stays whole; a pipe that had an odd run shows one more backslash.
 */
function escapeCellPipes(s: string): string {
  return s.replace(/(\\*)\|/g, (_m, run: string) => `${run}${run.length % 2 === 0 ? '\\' : '\\\\'}|`);
}

/**
 * Escape repository text for a Markdown table cell or inline text: it stays text — no element,
 * link, image, autolink or raw HTML, on one line, with pipes escaped for tables. `#`, `_` and `&`
 * are escaped only where they would mean something, so C#, snake_case and "Q&A" read as written.
 */
export function mdEscape(value: unknown): string {
  return escapeLineStart(escapeInline(flat(value)));
}

/**
 * Rules' prose (descriptions, remediations) is text with `code` in backticks, and a custom rule's
 * prose comes from a configuration the audited repository may have written: the code spans are
 * kept, everything else is escaped as mdEscape does (no links, images, HTML or emphasis).
 */
export function mdProse(value: unknown): string {
  const parts = flat(value).split(/(`[^`]+`)/);
  return escapeLineStart(parts.map((part, i) => (i % 2 === 1 ? escapeCellPipes(part) : escapeInline(part))).join(''));
}

/**
 * Inline code that survives any content: a fence longer than any backtick run inside. Pipes are
 * escaped because GitHub splits table cells on them even inside code spans.
 */
export function mdCode(value: unknown, table = true): string {
  // Outside a table a backslash before a pipe would show inside the code span.
  const s = table ? escapeCellPipes(flat(value)) : flat(value);
  if (!s.trim()) return '';
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
  return typeof value === 'number' && Number.isFinite(value)
    ? `${Math.round(value <= 1 && value > 0 && !Number.isInteger(value) ? value * 100 : value)}%`
    : '—';
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
 * A remote fit to be a link: http(s) only (a `javascript:`, `data:` or `file:` remote in a saved
 * report never becomes one), no credentials, no query or fragment, and every path segment
 * percent-encoded so that no character can end a Markdown link or an HTML attribute. Else null.
 */
export function linkableRemote(remote: string | null | undefined): string | null {
  if (!remote) return null;
  let u: URL;
  try {
    u = new URL(remote);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname || u.username || u.password) return null;
  const path = u.pathname
    .split('/')
    .filter(Boolean)
    .map((seg) => encodeSegment(decodeSegment(seg)))
    .join('/');
  return `${u.protocol}//${u.host}${path ? `/${path}` : ''}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape stays as written; encoding makes it inert
  }
}

/** A path segment percent-encoded with nothing left that Markdown or HTML could read (`(`, `)`, `'`…). */
export function encodeSegment(segment: string): string {
  // encodeURIComponent throws on a lone surrogate; such a name can only come from a hand-made report.
  return encodeURIComponent(
    segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  ).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A commit id as git prints it: anything else (a hand-edited report) is no part of a URL. */
const COMMIT = /^[0-9a-f]{1,64}$/i;

/**
 * A URL for evidence on the repository's forge at the audited commit, or null when the remote
 * is not a known forge (then templates print the plain path).
 */
export function forgeUrl(
  remoteIn: string | null | undefined,
  commit: string | null | undefined,
  e: Pick<Evidence, 'path' | 'line' | 'endLine'>,
): string | null {
  const remote = linkableRemote(remoteIn);
  if (!remote || !commit || !COMMIT.test(commit) || e.path === '.') return null;
  const path = e.path.split('/').map(encodeSegment).join('/');
  const host = new URL(remote).host;
  const line = Number.isInteger(e.line) && e.line! > 0 ? e.line : undefined;
  const end = line && Number.isInteger(e.endLine) && e.endLine !== line ? e.endLine : undefined;
  if (host === 'github.com' || host.startsWith('github.')) {
    return `${remote}/blob/${commit}/${path}${line ? `#L${line}${end ? `-L${end}` : ''}` : ''}`;
  }
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) {
    return `${remote}/-/blob/${commit}/${path}${line ? `#L${line}${end ? `-${end}` : ''}` : ''}`;
  }
  if (host === 'bitbucket.org') {
    return `${remote}/src/${commit}/${path}${line ? `#lines-${line}${end ? `:${end}` : ''}` : ''}`;
  }
  if (host === 'dev.azure.com' || host.endsWith('.visualstudio.com')) {
    return `${remote}?path=/${path}&version=GC${commit}${line ? `&line=${line}&lineEnd=${end ?? line}&lineStartColumn=1&lineEndColumn=1000` : ''}`;
  }
  return null;
}

/** The audited commit's page on a known forge, or null. */
export function commitUrl(remoteIn: string | null | undefined, commit: string | null | undefined): string | null {
  const remote = linkableRemote(remoteIn);
  if (!remote || !commit || !COMMIT.test(commit)) return null;
  const host = new URL(remote).host;
  if (host === 'github.com' || host.startsWith('github.')) return `${remote}/commit/${commit}`;
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return `${remote}/-/commit/${commit}`;
  if (host === 'bitbucket.org') return `${remote}/commits/${commit}`;
  if (host === 'dev.azure.com' || host.endsWith('.visualstudio.com')) return `${remote}/commit/${commit}`;
  return null;
}

type Root = {
  repository?: { remote?: string | null; commit?: string | null };
  pillars?: { id: string; title: string; rules: RuleLike[] }[];
  roadmap?: { rule: string; pillar: string; gain: number; pillarGain: number; effort: string }[];
  baseline?: { overall?: { delta?: unknown }; pillars?: { id: string; delta?: unknown }[] };
};
type RuleLike = { id: string; outcome: string; suppressed?: unknown; remediation?: string };
type Ctx = { data?: { root?: Root } };
const rootOf = (options: unknown): Root => (options as Ctx | undefined)?.data?.root ?? {};

/** ruleTitle for template values, which arrive untyped. */
function titleOf(r: unknown): string {
  const x = r as { outcome?: unknown; title?: unknown; failureTitle?: unknown; id?: unknown } | undefined;
  const title = String(x?.title ?? x?.id ?? '');
  return ruleTitle({ outcome: String(x?.outcome ?? ''), title, failureTitle: String(x?.failureTitle ?? title) });
}

/** Status icon for a grade: what a reader scanning the summary table looks for. */
export function gradeIcon(grade: unknown): string {
  if (grade === 'A' || grade === 'B') return '✅';
  if (grade === 'C') return '⚠️';
  if (grade === 'D' || grade === 'F') return '❌';
  return '➖';
}

/** The first sentence of a text (remediations are written as sentences). */
export function firstSentence(value: unknown): string {
  const s = String(value ?? '').trim();
  const m = /^(.+?[.!?])(\s|$)/s.exec(s);
  return m ? m[1]! : s;
}

/**
 * An inline SVG radar chart of the pillars: one labelled axis per pillar, the score polygon,
 * and pillars with no score drawn as "not assessed" (dashed axis, no vertex). Markup only, no
 * scripts; every text is escaped. Each axis carries data-pillar/data-score for tests and tools.
 */
export function radarSvg(pillars: { id: string; title: string; score: number | null }[], size = 420): string {
  const esc = Handlebars.Utils.escapeExpression;
  // Wider than tall: the side labels need room that the chart itself does not.
  const width = size + 220;
  const cx = width / 2;
  const cy = size / 2;
  const r = size / 2 - 70;
  const n = pillars.length;
  const fmt = (x: number) => Number(x.toFixed(1));
  const at = (i: number, v: number) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [fmt(cx + r * v * Math.cos(a)), fmt(cy + r * v * Math.sin(a))] as const;
  };
  const pts = (v: (i: number) => number) => pillars.map((_, i) => at(i, v(i)).join(',')).join(' ');
  const out: string[] = [];
  out.push(
    `<svg class="radar" role="img" aria-labelledby="radar-title" viewBox="0 0 ${width} ${size}" width="${width}" height="${size}" xmlns="http://www.w3.org/2000/svg">`,
  );
  out.push(
    `<title id="radar-title">Scores by pillar: ${esc(pillars.map((p) => `${p.title} ${p.score ?? 'not assessed'}`).join(', '))}</title>`,
  );
  for (const ring of [0.25, 0.5, 0.75, 1]) out.push(`<polygon class="ring" points="${pts(() => ring)}"/>`);
  pillars.forEach((p, i) => {
    const [x, y] = at(i, 1);
    const [lx, ly0] = at(i, 1.12);
    const anchor = Math.abs(lx - cx) < 5 ? 'middle' : lx > cx ? 'start' : 'end';
    // Titles such as "Observability & Monitoring" break after the ampersand into two lines.
    const lines = p.title.includes(' & ') ? p.title.split(/(?<= &) /) : [p.title];
    const above = ly0 < cy - 5;
    const ly = above ? ly0 - 15 * lines.length : ly0 + (Math.abs(ly0 - cy) < 5 ? 0 : 8);
    const assessed = p.score !== null;
    out.push(
      `<g class="axis${assessed ? '' : ' not-assessed'}" data-pillar="${esc(p.id)}" data-score="${assessed ? p.score : ''}">`,
    );
    out.push(`<line x1="${cx}" y1="${cy}" x2="${x}" y2="${y}"/>`);
    out.push(
      `<text class="label" x="${lx}" y="${fmt(ly)}" text-anchor="${anchor}">${lines.map((l, k) => `<tspan x="${lx}" dy="${k === 0 ? 0 : 14}">${esc(l)}</tspan>`).join('')}</text>`,
    );
    out.push(
      `<text class="value" x="${lx}" y="${fmt(ly + 14 * lines.length + 1)}" text-anchor="${anchor}">${assessed ? p.score : 'not assessed'}</text>`,
    );
    out.push('</g>');
  });
  out.push(`<polygon class="score" points="${pts((i) => (pillars[i]!.score ?? 0) / 100)}"/>`);
  pillars.forEach((p, i) => {
    if (p.score === null) return;
    const [x, y] = at(i, p.score / 100);
    out.push(`<circle class="vertex" cx="${x}" cy="${y}" r="3.5"/>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

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
  /** A gate check's mark: what the audited tree narrowed (kind config) is a warning, not a pass. */
  gateIcon: (g: { kind?: string; passed?: boolean }) => (g?.kind === 'config' ? '⚠️' : g?.passed ? '✅' : '❌'),
  /** A text symbol for an outcome (HTML: renders without an emoji font, e.g. when printed). */
  outcomeSymbol: (o: unknown) => OUTCOME_SYMBOL[String(o)] ?? '',
  scoreBar: (v: unknown, w: unknown) => scoreBar(v, w),
  pluralize: (n: unknown, s: unknown, p: unknown) => pluralize(n, s, typeof p === 'string' ? p : undefined),
  mdEscape: (v: unknown) => mdEscape(v),
  mdProse: (v: unknown) => mdProse(v),
  /** Rule prose for HTML: escaped, with its `code` spans shown as code. */
  htmlProse: (v: unknown) =>
    new Handlebars.SafeString(
      Handlebars.Utils.escapeExpression(String(v ?? '')).replace(
        /&#x60;([^&\n]*?(?:&(?!#x60;)[^&\n]*?)*)&#x60;/g,
        '<code>$1</code>',
      ),
    ),
  /** What to call a rule that is not passing: partial results keep their positive title. */
  problemTitle: (r: unknown) => titleOf(r),
  /** A rule's title as its outcome words it (src/report/wording.ts): the same in every format. */
  ruleTitle: (r: unknown) => titleOf(r),
  mdCode: (v: unknown) => mdCode(v),
  /** Inline code for running text and lists (not table cells): pipes are left alone. */
  mdCodeSpan: (v: unknown) => mdCode(v, false),
  shorten: (v: unknown, n: unknown) => shorten(v, typeof n === 'number' ? n : 80),
  location: (e: Evidence) => location(e),
  /** Markdown link to the evidence on the forge, or the escaped location as code. */
  link: (e: Evidence, options: HelperOptions & Ctx) => {
    const repo = options?.data?.root?.repository;
    // Path '.' is evidence about the whole tree (what was searched), not a file to link to.
    if (e?.path === '.') return 'whole repository';
    const url = forgeUrl(repo?.remote, repo?.commit, e);
    const text = mdCode(shorten(location(e), 100));
    return url ? `[${text}](${url})` : text;
  },
  url: (e: Evidence, options: HelperOptions & Ctx) => {
    const repo = options?.data?.root?.repository;
    return forgeUrl(repo?.remote, repo?.commit, e) ?? '';
  },
  json: (v: unknown) => JSON.stringify(v, null, 2),
  gradeIcon: (g: unknown) => gradeIcon(g),
  firstSentence: (v: unknown) => firstSentence(v),
  /** The rules among `rules` whose outcome is one of the given ones: `(where rules "fail" "partial")`. */
  where: (rules: unknown, ...args: unknown[]) => {
    const outcomes = new Set(args.slice(0, -1).map(String));
    return Array.isArray(rules) ? (rules as RuleLike[]).filter((r) => outcomes.has(r.outcome)) : [];
  },
  /** Every rule of the report, pillar by pillar. */
  allRules: (options: unknown) => (rootOf(options).pillars ?? []).flatMap((p) => p.rules),
  /** The first n items of a list. */
  take: (list: unknown, n: unknown) => (Array.isArray(list) ? list.slice(0, typeof n === 'number' ? n : 5) : []),
  /** A rule of the report by id (for roadmap items). */
  rule: (id: unknown, options: unknown) =>
    (rootOf(options).pillars ?? []).flatMap((p) => p.rules).find((r) => r.id === id),
  pillarTitle: (id: unknown, options: unknown) =>
    (rootOf(options).pillars ?? []).find((p) => p.id === id)?.title ?? String(id ?? ''),
  /** A rule's name as the current report tells it (baseline deltas carry only ids); else the id. */
  ruleName: (id: unknown, options: unknown) => {
    const r = (rootOf(options).pillars ?? []).flatMap((p) => p.rules).find((x) => x.id === id) as
      | (RuleLike & { title?: string; failureTitle?: string })
      | undefined;
    return r ? titleOf(r) : String(id ?? '');
  },
  /** The pillar's most valuable fix (its first roadmap item), as the rule it would fix. */
  mainGap: (pillarId: unknown, options: unknown) => {
    const root = rootOf(options);
    const item = (root.roadmap ?? []).find((r) => r.pillar === pillarId);
    return item ? (root.pillars ?? []).flatMap((p) => p.rules).find((r) => r.id === item.rule) : undefined;
  },
  /** The roadmap item for a rule: what fixing it adds. */
  gainFor: (id: unknown, options: unknown) => (rootOf(options).roadmap ?? []).find((r) => r.rule === id),
  /** A pillar's score change against the baseline, when the report carries one (else undefined). */
  baselineDelta: (id: unknown, options: unknown) => {
    const b = rootOf(options).baseline;
    const d = id === 'overall' ? b?.overall?.delta : b?.pillars?.find((p) => p.id === id)?.delta;
    return typeof d === 'number' ? d : undefined;
  },
  /** A number with an explicit sign and an arrow: ▲ +4, ▼ −3, ＝ 0. */
  delta: (v: unknown) =>
    typeof v !== 'number' ? '—' : v > 0 ? `▲ +${Number(v.toFixed(1))}` : v < 0 ? `▼ ${Number(v.toFixed(1))}` : '= 0',
  /** The repository's remote as a link target (http or https, no credentials), or ''. */
  remoteUrl: (options: unknown) => linkableRemote(rootOf(options).repository?.remote) ?? '',
  /** The commit URL on the forge, or ''. */
  commitUrl: (options: unknown) => {
    const repo = rootOf(options).repository;
    return commitUrl(repo?.remote, repo?.commit) ?? '';
  },
  radar: (pillars: unknown, size: unknown) =>
    new Handlebars.SafeString(radarSvg(Array.isArray(pillars) ? pillars : [], typeof size === 'number' ? size : 420)),
  /** HTML: a link to the evidence on the forge, or the location as code. */
  htmlLink: (e: Evidence, options: unknown) => {
    const repo = rootOf(options).repository;
    const url = forgeUrl(repo?.remote, repo?.commit, e);
    const esc = Handlebars.Utils.escapeExpression;
    if (e?.path === '.') return 'whole repository';
    const text = `<code>${esc(shorten(location(e), 100))}</code>`;
    return new Handlebars.SafeString(url ? `<a href="${esc(url)}">${text}</a>` : text);
  },
  /** A CSS class for a grade or outcome. */
  cls: (v: unknown) =>
    String(v ?? 'none')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '') || 'none',
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  gt: (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b,
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  not: (v: unknown) => !v,
  upper: (v: unknown) => String(v ?? '').toUpperCase(),
  short: (v: unknown) => (typeof v === 'string' ? v.slice(0, 7) : ''),
  minus: (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : a),
  inc: (v: unknown) => (typeof v === 'number' ? v + 1 : v),
  round: (v: unknown, d: unknown) => (typeof v === 'number' ? Number(v.toFixed(typeof d === 'number' ? d : 0)) : v),
  signed: (v: unknown) => (typeof v === 'number' ? `${v > 0 ? '+' : ''}${Number(v.toFixed(1))}` : ''),
};
