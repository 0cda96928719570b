/**
 * Claim extraction from Markdown as people write readiness reports: tables with a status column,
 * checklists, bullets with status emoji, headings with status, "Missing:" lists, and readiness
 * figures ("85% production-ready", "9.1/10", "Grade: A+"). Each claim keeps its line.
 */

export type Asserted = 'done' | 'partial' | 'not-done' | 'planned';

export interface ClaimNumber {
  kind: 'percent' | 'count' | 'ratio' | 'score10' | 'grade';
  value: number | string;
  total?: number;
  /** What is counted: "tests", "endpoints", … (for counts and ratios). */
  unit?: string;
}

export interface Claim {
  line: number;
  /** The claim as written (markup stripped). */
  text: string;
  /** The subject used to map the claim to a rule: a table's first cell, a bullet's text, a heading. */
  subject: string;
  asserted: Asserted | null;
  number: ClaimNumber | null;
  /** True for the document's statement of overall readiness. */
  readiness: boolean;
  source: 'table' | 'checklist' | 'bullet' | 'heading' | 'prose';
}

const DONE_ICON = /✅|✔️?|☑️?|🟢|💚|\[x\]/i;
const PARTIAL_ICON = /⚠️?|🟡|🟠|🔄|⏳|🚧|◐|🔶/;
const NOT_ICON = /❌|✖️?|✗|🔴|⛔|🚫|❗|\[ \]/;
const PLANNED_ICON = /📋|🔜|🗓️?|📅/;
const ANY_ICON = new RegExp(
  `${DONE_ICON.source}|${PARTIAL_ICON.source}|${NOT_ICON.source}|${PLANNED_ICON.source}`,
  'gi',
);

const NOT_WORDS =
  /\b(not (?:yet )?(?:done|configured|implemented|set ?up|performed|started|tested|ready|available|in place|enabled)|missing|needs work|to ?do|absent|none|no|fehlt|nicht umgesetzt|offen|falta|pendiente de implementar|manquant|non fait)\b/i;
const PARTIAL_WORDS =
  /\b(partial(?:ly)?|pending|in progress|wip|mostly|incomplete|limited|basic|teilweise|in arbeit|parcial(?:mente)?|partiel(?:lement)?|en cours)\b/i;
const PLANNED_WORDS = /\b(planned|future|roadmap|next (?:phase|step)s?|optional|later|geplant|planificado|prévu)\b/i;
const DONE_WORDS =
  /\b(complete(?:d)?|done|yes|implemented|operational|passing|configured|in place|enabled|fully functional|ready|pass(?:es|ed)?|exists?|set up|erledigt|fertig|umgesetzt|vorhanden|hecho|completado|terminé|fait)\b/i;

/** The status a piece of text asserts: icons first (the author's verdict), then words. */
export function statusOf(text: string): Asserted | null {
  if (NOT_ICON.test(text)) return 'not-done';
  if (PARTIAL_ICON.test(text)) return /⏳/.test(text) && PLANNED_WORDS.test(text) ? 'planned' : 'partial';
  if (PLANNED_ICON.test(text)) return 'planned';
  if (DONE_ICON.test(text)) return 'done';
  if (NOT_WORDS.test(text)) return 'not-done';
  if (PARTIAL_WORDS.test(text)) return 'partial';
  if (PLANNED_WORDS.test(text)) return 'planned';
  if (DONE_WORDS.test(text)) return 'done';
  return null;
}

function iconStatus(text: string): Asserted | null {
  if (NOT_ICON.test(text)) return 'not-done';
  if (PARTIAL_ICON.test(text)) return 'partial';
  if (PLANNED_ICON.test(text)) return 'planned';
  if (DONE_ICON.test(text)) return 'done';
  return null;
}

/** Markdown emphasis, links, code ticks and status icons removed; whitespace folded. */
export function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(ANY_ICON, ' ')
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]|\uFE0F/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const READINESS = [
  /(\d{1,3}(?:\.\d+)?)\s*%\s*(?:production[- ]?ready|ready\b|readiness|complete\b)/i,
  /(?:production[- ]?ready|readiness)[^\n|]{0,40}?\b(\d{1,3}(?:\.\d+)?)\s*%/i,
];
const SCORE10 = /(?:readiness|score|rating|overall)[^\n|]{0,40}?\b(\d(?:\.\d+)?|10)\s*\/\s*10\b/i;
const GRADE = /\b(?:grade|rating)\b[:\s*]*([A-F][+-]?)(?![\w])/;
const GOAL =
  /\b(goal|target|aim|objective|expected|should reach|to reach|path to|towards|road to|plan to|would|will be)\b|\b(result|outcome|after)\s*:/i;
/** A heading states the current figure only with words like these (others define levels: "Beta Ready (90%)"). */
const CURRENT = /\b(current|overall|status|maturity|assessment|score|summary|today|now)\b/i;

export function numberIn(text: string): { number: ClaimNumber | null; readiness: boolean } {
  if (!GOAL.test(text)) {
    for (const re of READINESS) {
      const m = re.exec(text);
      if (m) return { number: { kind: 'percent', value: Number(m[1]) }, readiness: true };
    }
    const s = SCORE10.exec(text);
    if (s) return { number: { kind: 'score10', value: Number(s[1]) }, readiness: true };
    const g = GRADE.exec(text);
    if (g) return { number: { kind: 'grade', value: g[1]! }, readiness: true };
  }
  const ratio = /\b(\d[\d,]*)\s*\/\s*(\d[\d,]*)\s+([a-z][\w-]*(?:\s[a-z][\w-]*)?)/i.exec(text);
  if (ratio)
    return {
      number: { kind: 'ratio', value: num(ratio[1]!), total: num(ratio[2]!), unit: ratio[3]!.toLowerCase() },
      readiness: false,
    };
  const count =
    /\b(\d[\d,]*)\+?\s+(tests?|test cases|unit tests|integration tests|endpoints|metrics|services|pages|dashboards|alerts|rules|microservices)\b/i.exec(
      text,
    );
  if (count)
    return { number: { kind: 'count', value: num(count[1]!), unit: count[2]!.toLowerCase() }, readiness: false };
  const pct = /\b(\d{1,3}(?:\.\d+)?)\s*%/.exec(text);
  if (pct) return { number: { kind: 'percent', value: Number(pct[1]) }, readiness: false };
  return { number: null, readiness: false };
}

const num = (s: string) => Number(s.replace(/,/g, ''));

/** Labels that turn the list under them into claims of absence, or into no claims at all. */
const ABSENT_LABEL =
  /^\s*(?:#+\s*|\*\*|__)?\s*(missing|gaps?|needs|not (?:yet )?(?:done|implemented)|to ?do|remaining|known issues|limitations|not included|outstanding)\b[^:]*:?\s*(\*\*|__)?\s*:?\s*$/i;
const PLANNED_LABEL =
  /^\s*(?:#+\s*|\*\*|__)?\s*(next steps|planned|roadmap|future (?:work|improvements)|recommendations?|phase \d+[^:]*)\b[^:]*:?\s*(\*\*|__)?\s*:?\s*$/i;
const NEUTRAL_LABEL = /^\s*(\*\*|__)[^*_]{1,60}:?(\*\*|__)\s*:?\s*$/;

export function extractClaims(markdown: string): Claim[] {
  const lines = markdown.split(/\r?\n/);
  const claims: Claim[] = [];
  let fence = false;
  let heading: { status: Asserted | null; level: number } = { status: null, level: 0 };
  let listMode: Asserted | 'skip' | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const n = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      continue;
    }
    if (fence || !raw.trim()) continue;

    const h = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (h) {
      const text = h[2]!;
      const status =
        iconStatus(text) ?? (/[:–—-]\s*(done|complete|partial|not done|pending)\b/i.test(text) ? statusOf(text) : null);
      heading = { status, level: h[1]!.length };
      listMode = ABSENT_LABEL.test(text) ? 'not-done' : PLANNED_LABEL.test(text) ? 'planned' : null;
      const found = numberIn(text);
      const readiness = found.readiness && CURRENT.test(text);
      const number = found.readiness && !readiness ? null : found.number;
      if (status || readiness)
        claims.push({
          line: n,
          text: plain(text),
          subject: subjectOf(text),
          asserted: status,
          number,
          readiness,
          source: 'heading',
        });
      continue;
    }

    // A table: header, separator, rows. Rows with a status cell are claims.
    if (/^\s*\|/.test(raw) && /^\s*\|?[\s:-]+\|[\s|:-]*$/.test(lines[i + 1] ?? '')) {
      const header = cells(raw).map((c) => plain(c).toLowerCase());
      let statusCol = header.findIndex((c) => /status|ready|done|state|result|implemented|complete/.test(c));
      let j = i + 2;
      for (; j < lines.length && /^\s*\|/.test(lines[j]!); j++) {
        const row = cells(lines[j]!);
        if (statusCol < 0) statusCol = row.findIndex((c) => iconStatus(c) !== null);
        const statusCell = statusCol >= 0 ? (row[statusCol] ?? '') : '';
        const asserted = statusCell ? statusOf(statusCell) : null;
        const text = plain(row.join(' | '));
        const rest = numberIn(row.filter((_, k) => k !== statusCol).join(' | '));
        const { number, readiness } = rest.number ? rest : numberIn(statusCell);
        if (asserted || readiness) {
          claims.push({
            line: j + 1,
            text,
            subject: plain(row[0] ?? ''),
            asserted,
            number,
            readiness,
            source: 'table',
          });
        }
      }
      i = j - 1;
      listMode = null;
      continue;
    }

    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (item) {
      const body = item[1]!;
      const check = /^\[([ xX])\]\s*(.*)$/.exec(body);
      const { number, readiness } = numberIn(body);
      if (check) {
        claims.push({
          line: n,
          text: plain(check[2]!),
          subject: subjectOf(check[2]!),
          asserted: check[1] === ' ' ? 'not-done' : 'done',
          number,
          readiness,
          source: 'checklist',
        });
        continue;
      }
      if (listMode === 'skip') continue;
      const own =
        iconStatus(body) ??
        (/\s[-–—:]\s*(complete|done|partial|pending|missing|not done)\b/i.test(body) ? statusOf(body) : null);
      const asserted = own ?? (listMode && listMode !== null ? listMode : heading.status);
      if ((asserted || readiness) && !/^(status|note|notes|files?|summary|result)$/i.test(subjectOf(body))) {
        claims.push({
          line: n,
          text: plain(body),
          subject: subjectOf(body),
          asserted,
          number,
          readiness,
          source: 'bullet',
        });
      }
      continue;
    }

    // A label line ("**Missing:**", "**Files:**") sets how the list below it reads.
    if (ABSENT_LABEL.test(raw)) listMode = 'not-done';
    else if (PLANNED_LABEL.test(raw)) listMode = 'planned';
    else if (NEUTRAL_LABEL.test(raw)) listMode = 'skip';
    else listMode = null;

    const { number, readiness } = numberIn(raw);
    const icon = iconStatus(raw);
    if (readiness || (icon && raw.length < 200)) {
      claims.push({
        line: n,
        text: plain(raw),
        subject: subjectOf(raw),
        asserted: icon ?? (readiness ? 'done' : null),
        number,
        readiness,
        source: 'prose',
      });
    }
  }
  return claims;
}

function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The part of a line that names what is claimed: before " - ", ":" notes or a parenthesis. */
function subjectOf(text: string): string {
  const p = plain(text);
  const cut = p.split(/\s[-–—]\s|:\s/)[0] ?? p;
  return cut.replace(/\((?:\d{1,3}%|[^)]*)\)\s*$/, '').trim() || p;
}
