/**
 * Claim extraction from Markdown as people write readiness reports: status tables and test
 * tables, checklists, bullets with status marks, headings with status, label lines ("Coverage:
 * 71%"), "Missing:" lists, readiness figures, and inside fenced blocks the lines that carry a
 * status (ASCII trees with a mark per node, test-runner output). Context decides what a line
 * claims (context.ts); each claim keeps its line.
 */
import { fenceReader, readTable, type Sink } from './blocks.js';
import { type Context, headingContext, isImperative, labelContext, META_LABEL } from './context.js';
import { type ClaimNumber, GOAL, isTestCount, numberIn, plainNumber } from './numbers.js';
import { type Asserted, iconStatus, plain, statusOf, subjectOf, TRAILING_STATUS } from './status.js';
import { namesIn } from './names.js';
import { mapClaim, mechanismsIn, pillarOf } from './vocabulary.js';

export type { Asserted } from './status.js';
export type { ClaimNumber } from './numbers.js';
export { statusOf, plain } from './status.js';

export interface Claim {
  line: number;
  /** The claim as written (markup stripped). */
  text: string;
  /** What the claim is about: a table's first cell, a bullet's lead, a heading, a tree node's path. */
  subject: string;
  asserted: Asserted | null;
  number: ClaimNumber | null;
  /** True for the document's statement of overall readiness. */
  readiness: boolean;
  source: 'table' | 'checklist' | 'bullet' | 'heading' | 'prose' | 'label' | 'fence';
  /** The line as written (code ticks kept), where names are looked for. */
  raw?: string;
  /** The heading the claim sits under ("Tests de integración"): it may say what a bare "Total" counts. */
  section?: string;
}

/** Lines longer than this are cut before they are read: claims are short, and patterns stay cheap. */
const MAX_LINE = 2000;
/** A heading states the current figure only with words like these (others define levels: "Beta Ready (90%)"). */
const CURRENT = /\b(current|overall|status|maturity|assessment|score|summary|today|now|gesamt|actual|estado)\b/i;
const VALUE_LABEL =
  /^(?:summary|finding|issue|description|observation|result|verdict|conclusion|zusammenfassung|befund|resumen|hallazgo|résumé|constat)$/i;
interface Section {
  context: Context;
  status: Asserted | null;
  level: number;
  ticked: number;
}

export function extractClaims(markdown: string): Claim[] {
  const lines = markdown.split(/\r?\n/).map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l));
  const ticks = tickedPerSection(lines);
  const claims: Claim[] = [];
  const push = (c: Omit<Claim, 'subject'> & { subject?: string }) =>
    claims.push({
      ...c,
      subject: (c.subject ?? subjectOf(c.text)).slice(0, 200),
      text: c.text.slice(0, 400),
      raw: (c.raw ?? lines[c.line - 1]!).slice(0, 600),
      ...(label || heading ? { section: label || heading } : {}),
    });
  const stack: Section[] = [];
  const here = () => stack[stack.length - 1];
  const inContext = (c: Context) => stack.some((s) => s.context === c);
  const sink: Sink = { push, inContext };
  const reader = fenceReader(lines, sink);
  let list: Context | undefined;
  let fence: string | null = null;
  let heading = '';
  /** The label of the list being read ("**E2E Tests:**"), else ''. */
  let label = '';

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const n = i + 1;
    const fenceMark = /^\s*(```+|~~~+)/.exec(raw)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
      fence = fence ? null : fenceMark;
      reader.open(i);
      continue;
    }
    if (fence) {
      if (!inContext('example')) reader.line(raw, n);
      continue;
    }
    if (!raw.trim()) continue;

    const h = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (h) {
      const level = h[1]!.length;
      while (stack.length && here()!.level >= level) stack.pop();
      const text = h[2]!;
      const status = iconStatus(text) ?? (TRAILING_STATUS.test(plain(text)) ? statusOf(text) : null);
      stack.push({ context: headingContext(text), status, level, ticked: ticks.get(i) ?? 0 });
      heading = plain(text).slice(0, 120);
      label = '';
      list = undefined;
      const found = numberIn(text);
      const readiness = found.readiness && CURRENT.test(text);
      const subScore = !found.readiness && pillarOf(subjectOf(text)) && found.number && found.number.kind !== 'count';
      // A heading with a mark is a claim only when it names something ("## ✅ Critical items" names nothing).
      const names = () => {
        const x = namesIn(text);
        return x.paths.length + x.identifiers.length + x.endpoints.length + x.packages.length > 0;
      };
      const meaningful = () =>
        mapClaim(subjectOf(text), plain(text)) !== null || mechanismsIn(text).length > 0 || names();
      // "Phase 2: Staging (Week 3) 🟡": a plan's step, whose bullets say what is done.
      const phase = /^\W*(?:phase|sprint|milestone|iteration|stage|week|fase|etapa|woche)\s*\d/i.test(plain(text));
      if ((status && here()!.context !== 'historical' && !phase && meaningful()) || readiness || subScore)
        push({
          line: n,
          text: plain(text),
          asserted: status,
          number: found.readiness && !readiness ? null : found.number,
          readiness,
          source: 'heading',
        });
      continue;
    }

    // Under an example, a template or a proposed design nothing is a claim about the repository.
    if (inContext('example')) continue;

    // A table: header, separator, rows.
    if (/^\s*\|/.test(raw) && /^\s*\|?[\s:-]+\|[\s|:-]*$/.test(lines[i + 1] ?? '')) {
      let j = i + 2;
      while (j < lines.length && /^\s*\|/.test(lines[j]!)) j++;
      readTable(lines, i, j, sink);
      i = j - 1;
      list = undefined;
      continue;
    }

    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (item) {
      bullet(item[1]!, n);
      continue;
    }

    // Prose: a label that sets how the list below reads, a "Label: value" claim, or a sentence with a mark.
    const ctx = labelContext(raw);
    list = ctx;
    // "**Integration Tests:**" says what the list below it counts.
    if (ctx === 'skip') label = plain(raw).replace(/:\s*$/, '').slice(0, 120);
    if (labelled(raw, n)) continue;
    const { number, readiness } = numberIn(raw);
    const icon = iconStatus(raw);
    if (readiness || (icon && raw.length < 200 && ctx === undefined))
      push({ line: n, text: plain(raw), asserted: icon ?? 'done', number, readiness, source: 'prose' });
  }
  return claims;

  /** Status and context of a list item: its own mark first, then the list's label, then the heading. */
  function bullet(body: string, n: number): void {
    const check = /^\[([ xX])\]\s*(.*)$/.exec(body);
    const text = check ? check[2]! : body;
    const { number, readiness } = numberIn(text);
    const historical = inContext('historical') || list === 'historical';
    if (check) {
      // "[x] Monitoring configured ❌ PENDING": the mark written after the box says more than the box.
      if (check[1] !== ' ')
        return void push({
          line: n,
          text: plain(text),
          asserted: iconStatus(text) ?? 'done',
          number,
          readiness,
          source: 'checklist',
        });
      // "[ ] ❌ Prometheus metrics": the mark after the box is the author's verdict, whatever the list.
      const mark = iconStatus(text);
      if (mark && !historical)
        return void push({ line: n, text: plain(text), asserted: mark, number, readiness, source: 'checklist' });
      // An unticked box is a claim of absence only in a list that tracks status (something is
      // ticked) or under "Missing:"; in a reviewer's checklist or a template it is a question.
      const review = list === 'review' || list === 'planned' || inContext('review') || inContext('planned');
      const tracking = (here()?.ticked ?? 0) > 0 || list === 'absent' || inContext('absent');
      if (review || !tracking || historical) return;
      return void push({ line: n, text: plain(text), asserted: 'not-done', number, readiness, source: 'checklist' });
    }
    if (labelled(body, n)) return;
    const own = iconStatus(body) ?? (TRAILING_STATUS.test(plain(body)) ? statusOf(body) : null);
    // Under "Next steps", a roadmap or a reviewer's checklist, only what carries its own mark is a claim.
    if (!own && !readiness && (inContext('planned') || inContext('review'))) return;
    if (!own && (isImperative(body) || list === 'skip' || list === 'planned' || list === 'review')) {
      if (!readiness) return;
    }
    if (!own && list === 'files') {
      // "`src/x.ts` - no rate limit middleware": the file is there, and lacks what the note says.
      const note = plain(body)
        .split(/\s[-–—:]\s/)
        .slice(1)
        .join(' - ');
      const said = note && statusOf(note) === 'not-done' ? 'not-done' : 'done';
      if (/[\w-]+\/|\.[a-z]{1,6}\b/i.test(body))
        push({ line: n, text: plain(body), asserted: said, number: null, readiness: false, source: 'bullet' });
      return;
    }
    const inherited =
      list === 'absent'
        ? 'not-done'
        : list === undefined || list === null
          ? // Under "## ✅ Completed" and its sub-headings alike.
            ([...stack].reverse().find((x) => x.status)?.status ?? null)
          : null;
    const asserted = own ?? inherited;
    if (historical && asserted !== 'done' && !readiness) return;
    if (asserted || readiness)
      push({ line: n, text: plain(body), asserted: asserted ?? 'done', number, readiness, source: 'bullet' });
  }

  /** "Tests passing: 412/415", "**Coverage**: 71%", "TypeScript strict mode: Enabled". */
  function labelled(text: string, n: number): boolean {
    const p = plain(text);
    const colon = p.indexOf(': ');
    if (colon < 2 || colon > 60) return false;
    const label = p.slice(0, colon).trim();
    const value = p.slice(colon + 2).trim();
    if (!value || label.split(/\s+/).length > 6) return false;
    const { number, readiness } = numberIn(p);
    if (readiness) return (void push({ line: n, text: p, asserted: 'done', number, readiness, source: 'label' }), true);
    // "Result: 95% ready after phase 2", "Goal: …": a projection, not a claim about today.
    if (META_LABEL.test(label) || GOAL.test(`${label}:`)) return true;
    // "Summary: No rate limiting" — the value is the claim, the label only introduces it.
    const subject = VALUE_LABEL.test(label) ? subjectOf(value) : label;
    const icon = iconStatus(text);
    const absent = list === 'absent' || (list == null && inContext('absent'));
    // "Canary deployment: Set up a progressive rollout" is a step to take; under "Missing" it names a gap.
    if (isImperative(value) && !icon) {
      if (absent)
        push({
          line: n,
          text: p,
          subject: label,
          asserted: 'not-done',
          number: null,
          readiness: false,
          source: 'label',
        });
      return true;
    }
    if (!icon && (list === 'planned' || list === 'review' || inContext('review') || inContext('planned'))) return true;
    const testy = /\btests?\b|pruebas|testfälle|coverage|abdeckung|cobertura|couverture/i.test(label);
    const hinted = plainNumber(
      value,
      testy ? (/cover|abdeck|cobert|couvert/i.test(label) ? 'coverage' : 'tests') : undefined,
    );
    const figure = testy || isTestCount(hinted) || hinted?.unit === 'coverage' ? hinted : null;
    const status = icon ?? statusOf(value) ?? (absent ? 'not-done' : null);
    const num = figure ?? (pillarOf(label) ? plainNumber(value) : null);
    if (!status && !num) return false;
    if ((inContext('historical') || list === 'historical') && status !== 'done' && !num) return true;
    push({ line: n, text: p, subject, asserted: status ?? 'done', number: num, readiness: false, source: 'label' });
    return true;
  }
}

/** For each heading line: how many ticked boxes its section holds (up to the next heading of any level). */
function tickedPerSection(lines: string[]): Map<number, number> {
  const out = new Map<number, number>();
  let at = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^#{1,6}\s/.test(lines[i]!)) at = i;
    else if (at >= 0 && /^\s*(?:[-*+]|\d+[.)])\s+\[[xX]\]/.test(lines[i]!)) out.set(at, (out.get(at) ?? 0) + 1);
  }
  return out;
}
