/**
 * Markdown as a reader sees it: rendered by micromark with GFM (tables, autolink literals,
 * strikethrough, footnotes, task lists), raw HTML allowed as in the most permissive renderers. And
 * a "neutral twin" of a report: every free-text string replaced, character for character, by
 * letters, so that rendering the hostile report and its twin must give the same elements. Any
 * element, link or image that repository text created shows up as a difference.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function markdownToHtml(md: string): string {
  return micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The sequence of tags (opening and closing) in HTML, attributes left out. */
export function tagSequence(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}

/** Every href and src value in HTML. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
}

/** The text of rendered HTML: tags removed, the entities micromark writes decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// Enumerations (outcomes, severities, pillar ids, verdicts) steer the templates: they stay.
const ENUM = /^[a-z]+(-[a-z]+)*$/;

/**
 * The same value with every other string rewritten character for character: letters, digits,
 * spaces, backticks (rule prose keeps its code spans) and sentence ends (the roadmap cuts prose
 * at its first sentence) and `&` (the radar breaks titles at " & ") stay, whitespace becomes a space, the rest `x`. Lengths are kept, so shortening and fencing decide the same way; '.' (the whole
 * repository as evidence path) stays.
 */
export function neutralTwin<T>(value: T): T {
  if (typeof value === 'string') {
    if (value === '.' || ENUM.test(value)) return value;
    return value.replace(/[^A-Za-z0-9 `.!?&]/g, (ch) => (/\s/.test(ch) ? ' ' : 'x')) as T;
  }
  if (Array.isArray(value)) return value.map((v) => neutralTwin(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = neutralTwin(v);
    return out as T;
  }
  return value;
}
