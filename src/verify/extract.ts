/**
 * Claim extraction from Markdown as people write readiness reports: status tables and test
 * tables, checklists, bullets with status marks, headings with status, label lines ("Coverage:
 * 71%"), "Missing:" lists, readiness figures, and inside fenced blocks the lines that carry a
 * status (ASCII trees with a mark per node, test-runner output). Context decides what a line
 * claims (context.ts); each claim keeps its line.
 */
import { pinnedClaim } from './pins.js';
import { quotesBuildLine } from './quoted-pins.js';
import { type AbsentUnits, absentUnits } from './absent-units.js';
import { fenceReader, readTable, type Sink } from './blocks.js';
import { type Context, headingContext, isImperative, labelContext, TO_DO_SECTION } from './context.js';
import { CHECKBOX, type ItemState, itemReader, namesCode, type Section } from './items.js';
import { type ClaimNumber, GOAL, numberIn, standaloneCount } from './numbers.js';
import { type Asserted, iconStatus, plain, statusOf, subjectOf, TRAILING_STATUS } from './status.js';
import { namesIn } from './names.js';
import { codeSpans } from './problems.js';
import { mapClaim, mechanismsIn, pillarOf } from './vocabulary.js';

import { indexLinkClaims } from './links.js';
import { placedIn } from './placed.js';
import { headerItem, type Setting } from './headers.js';
import { table } from '../util/table.js';
import { restoreLostMarks } from './lost-marks.js';
export type { Asserted } from './status.js';
export type { ClaimNumber } from './numbers.js';
export { statusOf, plain, subjectOf } from './status.js';

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
  /** A problem the document says is there ("Default secret in code"), not a practice it has. */
  problem?: boolean;
  /** The file the block around the claim names ("**Datei:** `src/app.js`"): where its code names are. */
  locus?: string;
  /**
   * The line of the item this claim details ("- **Location:** …", "- **Endpoints at risk:** …" or
   * the code shown under "1. **Default JWT secret in code**"): the two stand or fall together.
   */
  detailOf?: number;
  /**
   * A line that names code in ticks without a status mark (true), or an audit finding marked fixed
   * or open: the code it names must be there now.
   */
  named?: boolean | 'fixed' | 'open';
  /** The headings above the claim, outermost first ("Module 4: API Versioning"): the module a section is about. */
  headings?: string[];
  /** The port a table row gives its subject under a "Port" column ("| 8001 | patient-service |"). */
  port?: number;
  /** Listed under "Files deleted" or "Removed dependencies": what it names must be gone. */
  removed?: boolean;
  /** "JWT auth present, no RBAC": parts that each say something, judged one by one. */
  parts?: { text: string; asserted: Asserted }[];
  /** A line of a block the document shows from a file it names ("`Config.kt:84` exempts …:"): the file must hold it. */
  shownFrom?: number;
  /** "No policies defined for Registration, Order": the companions a gap line says the units lack. */
  absentUnits?: AbsentUnits;
  /** A build file's line quoted in a fence ("<tomcat.version>10.1.35</tomcat.version>"): the build must hold it. */
  quotedBuildLine?: string;
  /** A line of code shown under a heading or label naming its file ("#### Setup (`tests/setup.ts`):"), judged alone. */
  listing?: boolean;
  /** The files a finding's location names, one of which must hold the line shown (else the finding is stale). */
  shownIn?: string[];
  /** Shown under a finding's "**Location:**" (shownFrom is that label's line): the finding stands or falls with it. */
  locatedFinding?: boolean;
  /** Listed under a heading naming a test file ("### tests/test_api.py (44 tests)"): what that file tests. */
  tested?: string;
  /**
   * A file the document places at a path, which must be there: a node of a file tree drawn in a fence
   * ("├── setup.go   (Setup de testcontainers)", with the count of tests or lines its note gives), a
   * status naming where a thing lives ("Implemented in `src/rate_limit/limiter.py`"), or a citation of
   * code ("`internal/api/server.go:59-63`", "`internal/auth/auth.go:HandleLogin`": the lines must be
   * in the file, the names defined in it).
   */
  placed?: string;
  /**
   * Tests a fenced list names ("- TestAuthFlow_LoginSuccess"): each must be defined in a test file.
   * On the list's header ("// Auth Flow (3 tests)") all the names below it, whose number it gives.
   */
  testsNamed?: string[];
  /**
   * An item taken for its shape alone ("- Streak updates use atomic DB operations": no mark, no code
   * named, under a heading that sets no other reading): it counts as read and is never confirmed.
   */
  loose?: boolean;
  /** An HTTP header a list says is set ("- X-Frame-Options: DENY"), with the value it gives. */
  setting?: Setting;
  /** The file a documentation index links to ("- [Deployment](DEPLOYMENT.md)"), as written: it must be there. */
  linked?: string;
  /**
   * Under a heading of the audit's own steps ("## Actions effectuées", "## Audit Methodology", "### 1.
   * Vérification de la configuration"): a line there may report what the auditor did, not the repository.
   */
  method?: boolean;
  /**
   * An open box without a mark of its own ("- [ ] Rate limiting") in a checklist that ticks others: work
   * still to do. Found done, the document is out of date; found absent, nothing is confirmed.
   */
  openBox?: boolean;
}

/**
 * Headings of what the auditor did: "Actions effectuées", "Audit Methodology", "Steps taken",
 * "Vérification de la configuration", "Audit du schéma Prisma", "Revisión de …", "Überprüfung der …".
 */
const METHOD_HEADING =
  /^(?:actions? (?:effectu[ée]es|réalisées|taken|performed|realizadas|realizadas)|a[cç][cç](?:ões|iones) (?:realizadas|efectuadas)|(?:audit |review )?methodolog(?:y|ie)|m[ée]thodologie|metodolog[ií]a|vorgehen(?:sweise)?|steps? taken|what (?:was|we) (?:did|done|checked|reviewed)|(?:audit|vérification|verification|analyse|analysis|review|examen|revue|revisión|verificación|análisis|auditor[ií]a|revisão|verificação|análise|auditoria|überprüfung|prüfung)\s+(?:de|des|du|d'|de la|del|da|do|das|dos|of|the|der|die)\b)/i;

/** Labels that give a detail of the item above them, not a claim of their own kind. */
const DETAIL_LABEL =
  /^(?:location|locations|file|files|datei|dateien|archivo|fichier|where|endpoints?(?: at risk)?|affected \w+|issue|problem|quelle|source|cause|evidence|risk|impact|severity|fix|risiko|auswirkung|ubicaci[oó]n)\s*:/i;

/** Sections whose lines are not about the repository today: plans, examples, the past, reviews to do. */
const NOT_TODAY = new Set(['planned', 'example', 'historical', 'review']);
const stackHas = (stack: Section[], contexts: Set<string>) => stack.some((s) => s.context && contexts.has(s.context));

/** "Step 3", "Option 2: Docker", "Epic 6", "Category 4": a figure that numbers a section, not a count. */
const SECTION_WORD =
  /^\W*(?:step|schritt|paso|passo|étape|part|teil|parte|section|chapter|kapitel|option|opção|opción|epic|category|categoria|categoría|kategorie|task|tarefa|tarea|aufgabe|issue|item|day|tag|día|dia|round|runde|v(?=\d)|version)\s*\d/i;
/** Lines longer than this are cut before they are read: claims are short, and patterns stay cheap. */
const MAX_LINE = 2000;
/** A heading states the current figure only with words like these (others define levels: "Beta Ready (90%)"). */
const CURRENT = /\b(current|overall|status|maturity|assessment|score|summary|today|now|gesamt|actual|estado)\b/i;
/** Fences whose lines are code or configuration, never prose bullets ("- run: npm test"). */
const CODE_FENCE =
  /^(?:ya?ml|json|toml|ini|sh|bash|zsh|shell|console|powershell|ps1|dockerfile|hcl|tf|xml|html|diff)$/i;
/** Fences whose lines may be a build file's ("```xml" from pom.xml, "```toml", "```gradle"). */
const BUILD_FENCE = /^(?:xml|toml|gradle|groovy|kotlin|kts|json|properties|ini)$/i;
/** A line over a fence that proposes what to write, not what is there. */
const PROPOSED =
  /\b(?:solution|recommend\w*|suggest\w*|should|proposed?|example|e\.g\.|to ?do|lösung|empfehlung|soluci[oó]n|solu[cç][aã]o|recomenda\w*|recommandation|exemple|ejemplo|exemplo|beispiel)\b/i;
const BEFORE_NOTE = /^(?:before|old|previous(?:ly)?|vorher|alt|antes|avant|anterior)\b/i;
const AFTER_NOTE = /^(?:after|new|now|updated|nachher|neu|depois|despu[eé]s|apr[eè]s|nuevo|novo)\b/i;
/** Fences of plain text, where a summary is drawn ("```" alone, "```text"). */
const PROSE_FENCE = /^(?:|te?xt|plain(?:text)?)$/i;
/** "Clippy:             0 warnings (-D) ✅": a label, its colon and the value set in a column. */
const SUMMARY_LABEL = /^\s*([A-Z][\w /().&-]{1,30}?):\s{2,}(\S.*)$/;
/** "- Wait time: 1-3 seconds" inside a fence: a list written as code, read as a list. */
const FENCE_BULLET = /^(\s*)[-*]\s+([A-Z][\w /().-]{1,40}:\s+\S.*)$/;

/** Headings over a list of what is there: strengths, features, integrations, "What works". */
const DESCRIBED =
  /^(?:(?:core|key|main|current|available|implemented|existing|notable)\s+)?(?:strengths?|features?|capabilities|integrations?|highlights|what works|what'?s working|what'?s (?:included|implemented|done|built)|pontos fortes|funcionalidades(?: implementadas)?|stärken|fortalezas|points forts|fitur)$|\s(?:features|strengths|capabilities|integrations|implementation|readiness)$/i;

/** A heading that is a test file's path ("1. tests/test_sync_api.py (629 lines, 44 tests)"). */
const TEST_FILE_HEADING =
  /^(?:\d+[.)]\s+)?((?:[\w.-]+\/)+tests?\.py|(?:[\w.-]+\/)*(?:test_[\w-]+|[\w-]+_test|[\w-]+\.(?:test|spec)|[\w-]+(?:Tests?|Spec))\.(?:py|go|rb|php|java|kt|cs|rs|[cm]?[jt]sx?|scala|swift|dart|exs?))(?:\s*\([^()]*\))?\s*$/;

/** An item with an open box: "- [ ] …". */
const UNTICKED = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]\s/;
/** GitHub's emoji shortcodes that are status marks, as the marks they render. */
const SHORTCODES: Record<string, string> = table({
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️',
  x: '❌',
  negative_squared_cross_mark: '❌',
  heavy_multiplication_x: '✖️',
  no_entry: '⛔',
  warning: '⚠️',
  construction: '🚧',
  hourglass: '⏳',
  hourglass_flowing_sand: '⏳',
  red_circle: '🔴',
  yellow_circle: '🟡',
  green_circle: '🟢',
});
/**
 * ":white_check_mark: Use PostgreSQL.</br>": a mark written as a shortcode, and a line break written as
 * HTML, read as the mark and the plain line GitHub shows.
 */
function shortcodes(line: string): string {
  if (!line.includes(':') && !/<\/?br\s*\/?>/i.test(line)) return line;
  const out = line.replace(/(?<![\w:]):([a-z_]+):(?![\w:])/g, (m, name: string) => SHORTCODES[name] ?? m).trimEnd();
  const br = /<\/?br ?\/?>$/i.exec(out);
  return br ? out.slice(0, br.index).trimEnd() : out;
}

/** The section under heading line `i` holds a list or a table before any other heading. */
function headsList(lines: string[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j < i + 40; j++) {
    const l = lines[j]!;
    if (/^#{1,6}\s/.test(l) || /^\s*```/.test(l)) return false;
    if (/^\s*(?:[-*+]|\d+[.)])\s+\S/.test(l) || /^\s*\|/.test(l)) return true;
  }
  return false;
}

export function extractClaims(markdown: string): Claim[] {
  const lines = restoreLostMarks(
    markdown
      .split(/\r?\n/)
      .map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l))
      .map(shortcodes),
  );
  const ticks = tickedPerSection(lines);
  const decorated = decoratedHeadings(lines);
  const claims: Claim[] = [];
  /** Under "### Files Deleted" each item names something that must be gone. */
  const removedHere = () => stack.some((s) => s.context === 'removed') || state.list === 'removed';
  /** The line of the last item or heading, which detail lines and fenced code below it belong to. */
  let anchor = 0;
  const push = (c: Omit<Claim, 'subject'> & { subject?: string }) =>
    claims.push({
      ...(anchor && anchor !== c.line && (c.source === 'fence' || DETAIL_LABEL.test(c.text))
        ? { detailOf: anchor }
        : {}),
      ...c,
      ...(removedHere() && c.asserted === 'done' && c.source !== 'fence' ? { removed: true } : {}),
      // "**Modul:** `apps/backend/src/app/health/`" above "- health.controller.ts": where names are.
      ...(state.file && c.locus === undefined ? { locus: state.file } : {}),
      subject: (c.subject ?? subjectOf(c.text)).slice(0, 200),
      text: c.text.slice(0, 400),
      raw: (c.raw ?? lines[c.line - 1]!).slice(0, 600),
      ...(label || heading ? { section: label || heading } : {}),
      ...(stack.length ? { headings: stack.map((s) => plain(s.text).slice(0, 120)) } : {}),
      ...(stack.some((s) => METHOD_HEADING.test(plain(s.text).replace(/^[^\p{L}]+/u, ''))) ? { method: true } : {}),
      // Items under "### tests/test_api.py (44 tests)": what that file is said to test.
      ...(c.source === 'bullet' && c.asserted === 'done' && !c.number && testedFile() ? { tested: testedFile() } : {}),
    });
  const testedFile = () => [...stack].reverse().find((s) => s.testFile)?.testFile;
  const stack: Section[] = [];
  const here = () => stack[stack.length - 1];
  const inContext = (c: Context) => stack.some((s) => s.context === c);
  const sink: Sink = { push, inContext };
  const reader = fenceReader(lines, sink);
  const state: ItemState = { push, stack, list: undefined, file: '', code: [], progress: progressChecklist(lines) };
  const items = itemReader(state);
  /** Lines outside fences, examples and plans, where a line may cite code. */
  const citable: number[] = [];
  /** Lines of fences of prose or code shown (not configuration), outside examples and plans. */
  const fenced: number[] = [];
  let fence: string | null = null;
  let fenceLang = '';
  /** The fence shows files as they are (not a plan, a proposal or the past). */
  let quotedAsIs = false;
  /** Under "<!-- Before -->" in the fence, until "<!-- After -->". */
  let beforeChange = false;
  let heading = '';
  /** The label of the list being read ("**E2E Tests:**"), else ''. */
  let label = '';

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const n = i + 1;
    const fenceMark = /^\s*(```+|~~~+)\s*([\w+-]*)/.exec(raw);
    if (fenceMark && (!fence || fenceMark[1]!.startsWith(fence))) {
      fence = fence ? null : fenceMark[1]!;
      fenceLang = fenceMark[2] ?? '';
      reader.open(i);
      if (fence) {
        let k = i - 1;
        while (k >= 0 && !lines[k]!.trim()) k--;
        quotedAsIs =
          !inContext('planned') &&
          !inContext('historical') &&
          !inContext('review') &&
          !(k >= 0 && PROPOSED.test(lines[k]!));
        beforeChange = false;
      }
      continue;
    }
    if (fence) {
      // (Code an example shows from a file it names is that file's: "#### Example Test (`tests/x.ts`):".)
      if (inContext('example') && !reader.listing()) continue;
      // "<!-- Before -->" … "<!-- After -->": what a change replaced is not what the files hold.
      const trimmed = raw.trim();
      const note = /^(?:<!--|\/\/|#)/.test(trimmed)
        ? trimmed
            .replace(/^(?:<!--|\/\/|#)/, '')
            .replace(/-->$/, '')
            .trim()
        : undefined;
      if (note !== undefined && BEFORE_NOTE.test(note)) beforeChange = true;
      else if (note !== undefined && AFTER_NOTE.test(note)) beforeChange = false;
      if (!inContext('planned') && !inContext('historical') && !CODE_FENCE.test(fenceLang)) fenced.push(n);
      const pseudo = CODE_FENCE.test(fenceLang) ? null : FENCE_BULLET.exec(raw);
      if (pseudo) items.bullet(pseudo[2]!, n, pseudo[1]!.length);
      else {
        const before = claims.length;
        reader.line(raw, n);
        // "Tests:              317/317 passing ✅" in a summary block: a label line, as outside a fence.
        const summary = claims.length === before && PROSE_FENCE.test(fenceLang) ? SUMMARY_LABEL.exec(raw) : null;
        // ("Skipped:   2 tests", "Failed:   0": what a run left out or failed, not the suite's size.)
        if (
          summary &&
          !/^(?:skipped|failed|failing|errors?|pending|incomplete|risky|ignored|flaky)$/i.test(summary[1]!)
        )
          items.labelled(`${summary[1]}: ${summary[2]}`, n);
        // "<tomcat.version>10.1.35</tomcat.version>" in a block of build configuration: the line the
        // build files hold (quoted-pins.ts), unless it is what was there before or a proposal.
        else if (
          claims.length === before &&
          quotedAsIs &&
          !beforeChange &&
          BUILD_FENCE.test(fenceLang) &&
          quotesBuildLine(raw)
        )
          push({
            line: n,
            text: raw.trim(),
            asserted: 'done',
            number: null,
            readiness: false,
            source: 'fence',
            quotedBuildLine: raw.trim(),
          });
        // "- androidx.core:core-ktx:1.13.1", "Kotlin: 2.0.0" in a block of the build's versions: the
        // version the build files pin (pins.ts).
        else if (
          claims.length === before &&
          !CODE_FENCE.test(fenceLang) &&
          !inContext('planned') &&
          !inContext('historical') &&
          pinnedClaim(raw)
        )
          push({
            line: n,
            text: raw.trim().replace(/^[-*•]\s+/, ''),
            asserted: 'done',
            number: null,
            readiness: false,
            source: 'fence',
          });
      }
      continue;
    }
    if (!raw.trim()) continue;

    const h = /^(#{1,6})[ \t]+(\S.*)/.exec(raw);
    if (h) {
      anchor = n;
      const level = h[1]!.length;
      while (stack.length && here()!.level >= level) stack.pop();
      const text = h[2]!;
      // "### PRIORITÄT 🔴 HOCH — before hosting": a priority band, its circle a priority, not a status.
      const priority =
        /^\W*(?:priority|priorität|prioridad|priorité|prioridade|prio)\b|\b(?:high|medium|low|critical) priority\b/i.test(
          plain(text),
        );
      // "## 🔄 GitHub Actions Workflows" among "## 🐳 Docker", "## 📊 Summary": a picture, not a status.
      const pictured =
        decorated &&
        PICTURE_ICON.test(text) &&
        !iconStatus(text.replace(PICTURE_ICON, '')) &&
        !TRAILING_STATUS.test(plain(text));
      const status =
        priority || pictured ? null : (iconStatus(text) ?? (TRAILING_STATUS.test(plain(text)) ? statusOf(text) : null));
      const context = headingContext(text, level);
      // "### Core Strengths", "### What Works", "### Performance Features": what the repository has,
      // item by item, though no item carries a mark. The heading itself names no one thing.
      const described =
        !status && context === null && level > 1 && DESCRIBED.test(plain(text).replace(/^[\d.)\s]+/, ''));
      // "### 1. tests/test_sync_api.py (629 lines, 44 tests)": the file, its size, and below it what it tests.
      const testFile = !status && context === null && level > 1 ? TEST_FILE_HEADING.exec(plain(text))?.[1] : undefined;
      const section: Section = {
        ...(testFile ? { testFile } : {}),
        context,
        status: described || testFile ? 'done' : status,
        level,
        ticked: ticks.get(i) ?? 0,
        text,
        claimed: false,
      };
      stack.push(section);
      heading = plain(text).slice(0, 120);
      label = '';
      state.list = undefined;
      state.label = '';
      state.done = false;
      state.mark = null;
      state.file = '';
      state.code = [];
      const found = numberIn(text);
      const readiness = found.readiness && CURRENT.test(text);
      const subScore = !found.readiness && pillarOf(subjectOf(text)) && found.number && found.number.kind !== 'count';
      // A heading with a mark is a claim only when it names something ("## ✅ Critical items" names nothing).
      const names = () => {
        const x = namesIn(text);
        return x.paths.length + x.identifiers.length + x.endpoints.length + x.packages.length > 0;
      };
      // "## ✅ 1. Tests Passing": a numbered point of a report states something of its own.
      // ("## ✅ 4. Cache System (Redis)", "1. Optimisations in base.html": a numbered section's title
      // names its topic, and only a state it gives — "Tests Passing" — makes it a claim.)
      const numbered = /^\W*\d+[.)]\s+\S/.test(plain(text)) && statusOf(plain(text)) !== null;
      const topic = /^\W*\d+[.)]\s+\S/.test(plain(text)) && !numbered && !found.number;
      const meaningful = () =>
        numbered ||
        (!topic && (mapClaim(subjectOf(text), plain(text)) !== null || mechanismsIn(text).length > 0 || names()));
      // "Phase 2: Staging (Week 3) 🟡": a plan's step, whose bullets say what is done.
      const phase = /^\W*(?:phase|sprint|milestone|iteration|stage|week|fase|etapa|woche)\s*\d/i.test(plain(text));
      // "### 2. Complete Cargo.toml Metadata ✅": the title of a task, whose items (and not the
      // title, nor the "Status: ✅" line under it) say what was done.
      // A numbered step is a task even when its verb doubles as an adjective ("2. Complete …").
      const step = /^\W*\d+[.)]\s+(?:complete|finish|finalize|finalise)\b/i.test(plain(text));
      const task = !!status && (isImperative(text) || step);
      if (task) Object.assign(section, { claimed: true, task: true });
      if (testFile && /\(\s*\d/.test(text)) {
        section.claimed = true;
        push({
          line: n,
          text: plain(text),
          subject: testFile,
          asserted: 'done',
          number: null,
          readiness: false,
          source: 'heading',
        });
        continue;
      }
      if ((status && !task && context !== 'historical' && !phase && meaningful()) || readiness || subScore) {
        section.claimed = true;
        // "## ✅ CI/CD Pipeline", "### ✅ Unit Tests" over a list: a mark on the title of the group,
        // whose items say what is there. Words of state ("## Observability 🔴 NOT DONE") or a figure
        // ("(70+)", "100%") are a claim of the heading's own.
        if (!readiness && !subScore && !found.number && statusOf(plain(text)) === null && headsList(lines, i)) continue;
        push({
          line: n,
          text: plain(text),
          asserted: status,
          number: found.readiness && !readiness ? null : found.number,
          readiness,
          source: 'heading',
        });
      } else if (
        level > 2 &&
        !status &&
        !phase &&
        !priority &&
        (context === null || context === 'absent' || context === 'issues') &&
        !stackHas(stack, NOT_TODAY) &&
        absenceHeading(text)
      ) {
        // "### 6. Missing Rate Limiting", "### 3. **No Rate Limiting**", "#### Issue 1: No CSP": a finding
        // whose title states what is absent is the document's claim of absence, checked as hard as a
        // claim of presence (stale audits: the thing was added since).
        push({
          line: n,
          text: absenceHeading(text)!,
          asserted: 'not-done',
          number: null,
          readiness: false,
          source: 'heading',
        });
      } else if (
        level > 1 &&
        !phase &&
        !priority &&
        context === null &&
        !stackHas(stack, NOT_TODAY) &&
        !GOAL.test(plain(text))
      ) {
        // "#### Policies (40 Classes)", "### Total Tests: 131", "### API Routes (app/api/ — 122 route
        // files)": a heading that gives its subject a figure, read by its shape (its own numbering
        // aside). A precise count may settle it; its words alone never confirm it.
        const bare = plain(text).replace(/^\W*\d+(?:\.\d+)*[.)]?\s+/, '');
        const figure = numberIn(bare).number ?? standaloneCount(bare);
        if (figure && !/^\W*(?:19|20)\d\d\b/.test(String(figure.value)) && !SECTION_WORD.test(bare))
          push({
            line: n,
            text: plain(text),
            asserted: status ?? 'done',
            number: figure,
            readiness: false,
            source: 'heading',
            loose: true,
          });
      }
      continue;
    }

    // Under an example, a template or a proposed design nothing is a claim about the repository.
    if (inContext('example')) continue;
    if (!inContext('planned') && !inContext('historical') && !inContext('review')) citable.push(n);

    // A table: header, separator, rows.
    if (/^\s*\|/.test(raw) && isTableRule(lines[i + 1] ?? '')) {
      let j = i + 2;
      while (j < lines.length && /^\s*\|/.test(lines[j]!)) j++;
      readTable(lines, i, j, sink);
      i = j - 1;
      state.list = undefined;
      state.mark = null;
      continue;
    }

    const item = /^(\s*)(?:[-*+]|\d+[.)])[ \t]+(\S.*)/.exec(raw);
    // "- No policies defined for Registration, Order, or Payment models": a gap naming its units.
    const gap = !inContext('planned') && !inContext('historical') ? absentUnits(plain(item ? item[2]! : raw)) : null;
    if (gap) {
      push({
        line: n,
        text: plain(item ? item[2]! : raw),
        asserted: 'not-done',
        number: null,
        readiness: false,
        source: item ? 'bullet' : 'prose',
        absentUnits: gap,
      });
      continue;
    }
    if (item) {
      if (!DETAIL_LABEL.test(plain(item[2]!))) anchor = n;
      items.bullet(item[2]!, n, item[1]!.replace(/\t/g, '    ').length);
      continue;
    }

    // Prose: a label that sets how the list below reads, a "Label: value" claim, or a sentence with a mark.
    const body = raw.replace(/^\s*>\s?/, '');
    // "`prop-types` is imported but not declared": the code the files listed below are about.
    for (const span of codeSpans(body)) if (state.code.length < 8) state.code.push(span);
    const ctx = labelContext(body);
    state.list = ctx;
    // "**Solução:** ✅ Implementados 3 novos endpoints" above a list: the mark its items carry.
    state.mark = ctx === undefined ? iconStatus(body) : null;
    // "**main.rs** :" above a block of code: the file the code is shown from.
    const named = ctx === 'list' ? withoutColon(plain(body)) : '';
    if (named && !/\s/.test(named) && namesIn(`\`${named}\``).paths.includes(named)) state.file = named;
    // "**Frontend fixes applied**", "Changes made:": what is listed below is done.
    // ("**Changes:**", "**Added validation for:**": a bare list of changes, or one led by a verb of
    // what was done; "**Features:**" under "What Was Changed": the features of the change.)
    const labelText = plain(body).replace(/:\s*$/, '');
    state.done =
      ctx === 'list' &&
      (DONE_LABEL.test(labelText) ||
        CHANGE_LABEL.test(labelText) ||
        (FEATURE_LABEL.test(labelText) && stack.some((s) => CHANGED_HEADING.test(plain(s.text)))));
    // "**Integration Tests:**" says what the list below it counts.
    if (ctx === 'skip' || ctx === 'list') label = plain(body).replace(/:\s*$/, '').slice(0, 120);
    state.label = ctx === undefined ? '' : plain(body).replace(/:\s*$/, '').slice(0, 120);
    if (items.labelled(body, n)) continue;
    const { number, readiness } = numberIn(body);
    const icon = iconStatus(body);
    // "### Vorher:" / "### Before": the gaps listed were; what is done there is still claimed.
    const past = inContext('historical') || state.list === 'historical';
    if (past && icon !== 'done' && !readiness) continue;
    // "**ordens/tests.py (5 testes):**": a test file and its count, written as the label of its list.
    const testLabel = /^\*\*[^*]+\*\*:?\s*$/.test(body.trim())
      ? TEST_FILE_HEADING.exec(withoutColon(plain(body)))
      : null;
    if (testLabel && /\(\s*\d/.test(body) && !inContext('example') && !inContext('planned'))
      push({
        line: n,
        text: plain(body),
        subject: testLabel[1]!,
        asserted: 'done',
        number: null,
        readiness: false,
        source: 'heading',
      });
    else if (readiness || (icon && body.length < 200 && ctx === undefined))
      push({ line: n, text: plain(body), asserted: icon ?? 'done', number, readiness, source: 'prose' });
    // "Mass assignment is enforced via `Model::shouldBeStrict()`": a sentence naming code says it is there.
    else if (
      ctx === undefined &&
      // One short sentence: a paragraph of an audit's finding tells how a weakness works.
      body.length < 220 &&
      !/[.!;]\s+[A-Z]/.test(plain(body)) &&
      !inContext('planned') &&
      !inContext('review') &&
      !inContext('issues') &&
      !inContext('absent') &&
      !isImperative(body) &&
      namesCode(body)
    )
      push({ line: n, text: plain(body), asserted: 'done', number, readiness: false, source: 'prose', named: true });
    // "📍 tests/test_api.py (141 lines)": a file and its length, written as a line of its own.
    else if (ctx === undefined && body.length < 200 && SIZED_FILE.test(body) && namesIn(body).paths.length === 1)
      push({ line: n, text: plain(body), asserted: 'done', number: null, readiness: false, source: 'prose' });
    // "**Stack**: Laravel 12 / Livewire 4 / PostgreSQL": a bold label and its value, read for its shape.
    else if (ctx === undefined && body.length < 300 && !inContext('planned') && !inContext('review'))
      items.labelLine(body, n);
  }
  // "✅ **Status:** Implemented in `src/limiter.py`", "`internal/api/server.go:59-63` — if unset, …": a
  // line no other reading took that places a thing in a file, or cites code by line or name.
  // (An item taken for its shape alone gives way to any reading below that finds more in its line.)
  const taken = new Set(claims.filter((c) => !c.loose).map((c) => c.line));
  for (const n of citable) {
    const raw = lines[n - 1]!;
    if (/^\s*\|/.test(raw) || isImperative(raw.replace(/^\s*(?:>\s*)?(?:[-*+]|\d+[.)])?\s*/, ''))) continue;
    const placed = placedIn(raw);
    if (taken.has(n)) {
      // "only `/pots` is wrapped in `RequireAdmin` (`server/main.go:109`)": a line read for the code it
      // names, which it also cites by place — the place is checked.
      if (placed && /:[\w$]/.test(placed))
        for (const c of claims) if (c.line === n && c.named === true) c.placed = placed;
      continue;
    }
    // (A sentence wrapped over lines: the code it names may be on the next one.)
    const next = lines[n]?.trim() ?? '';
    const wrapped = next && !/^(?:#|[-*+]\s|\d+[.)]\s|\||```)/.test(next) ? ` ${next.replace(/^>\s?/, '')}` : '';
    if (placed)
      claims.push({
        line: n,
        text: plain(raw).slice(0, 400),
        subject: placed,
        asserted: 'done',
        number: null,
        readiness: false,
        source: 'prose',
        raw: `${raw}${wrapped}`.slice(0, 600),
        placed,
      });
  }
  // "- X-Frame-Options: DENY", "- Strict-Transport-Security (HSTS)": a header the list says is set.
  for (const n of [...citable, ...fenced]) {
    const raw = lines[n - 1]!;
    const setting = headerItem(raw);
    if (!setting) continue;
    const here = claims.filter((c) => c.line === n);
    // ("Cache-Control: no-store" says no gap: a header's value is no mark of absence.)
    const said =
      iconStatus(raw) ??
      (here[0]?.asserted === 'not-done' &&
      /^\W*(?:no|not|missing|without|kein\w*|sin|sans)\s/i.test(plain(raw).replace(/^[-*+•\s]+/, ''))
        ? 'not-done'
        : 'done');
    if (here.length)
      for (const c of here) Object.assign(c, { setting, asserted: said, number: null, loose: undefined });
    else
      claims.push({
        line: n,
        text: plain(raw).slice(0, 400),
        subject: setting.name,
        asserted: said,
        number: null,
        readiness: false,
        source: fenced.includes(n) ? 'fence' : 'bullet',
        raw: raw.slice(0, 600),
        setting,
      });
  }
  // "| **[X.md](./X.md)** | … |", "👉 [Testing Strategy](../testing-strategy/README.md)": an index of files.
  claims.push(...indexLinkClaims(lines, new Set(claims.filter((c) => !c.loose).map((c) => c.line))));
  const firm = new Set(claims.filter((c) => !c.loose).map((c) => c.line));
  // "### Pre-release checklist" / "- [ ] Tested on Android 14": an open box under a heading of steps
  // still to take is an instruction to the reader, not a statement about the repository.
  // "- [x] **Linting**" over "  - [x] flake8 configured with strict rules": a topic in bold that heads
  // the items nested under it is a label of the group; the items say what is done, each on its own.
  return claims.filter(
    (c) =>
      !(c.loose && firm.has(c.line)) &&
      !(UNTICKED.test(c.raw ?? '') && TO_DO_SECTION.test(c.section ?? '')) &&
      !groupLabel(lines, c.line),
  );
}

/** A list item that is only a topic in bold ("- [x] **Code Formatting**") with items nested under it. */
const BOLD_TOPIC_ITEM =
  /^(\s*)[-*+]\s+(?:\[[xX ]\]\s+)?(?:(?:[\u2705\u274C\u2713\u2714\u{1F7E1}\u{1F534}\u{1F7E2}]|\u26A0\uFE0F?)\s*)*\*\*([^*]{2,60})\*\*:?\s*$/u;
/** A word that states something of the topic (configured, erstellt, configurado, activé, runs), not a name. */
const STATING_WORD =
  /^(?:\p{L}+(?:ed|iert|é|ée|és|ées|ado|ada|ados|adas|ido|ida|idos|idas)|(?:ge|er|be|ver|ein|auf|an)\p{L}+t|is|are|ist|sind|est|sont|es|son|runs?|works?|läuft|funciona|fonctionne|stable|stabil|ok|done|fertig|listo|prêt)$/iu;
function groupLabel(lines: string[], line: number): boolean {
  const m = BOLD_TOPIC_ITEM.exec(lines[line - 1] ?? '');
  if (!m) return false;
  const words = m[2]!.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0 || words.length > 4 || words.some((w) => /\d/.test(w) || STATING_WORD.test(w))) return false;
  let j = line;
  while (j < lines.length && !lines[j]!.trim()) j++;
  const child = /^(\s*)(?:[-*+]|\d+[.)])\s/.exec(lines[j] ?? '');
  return !!child && child[1]!.length > m[1]!.length;
}

/** A length in lines in parentheses, in the languages reports are written in. */
const SIZED_FILE = /\(~?\d{1,6} ?(?:lines|lignes|zeilen|l[ií]neas|linhas|righe)\b/i;

const DONE_LABEL =
  /^(?:[\w-]+ ){0,3}(?:fixes|changes|improvements|updates|work) (?:applied|made|done|completed|implemented|delivered|shipped)$|^(?:[\w-]+ ){0,2}(?:changes|fixes) (?:in|to) (?:this|the) (?:release|update|session)$/i;

/** "Changes", "Fixes", "Added validation for", "Implemented": a label over what was done. */
const CHANGE_LABEL =
  /^(?:changes|changed|fixes|fixed|added|implemented|improvements|updates|änderungen|cambios|alterações|modifications)$|^(?:added|implemented|introduced|created|fixed|replaced|removed) [\w\s-]{1,40}$/i;
const FEATURE_LABEL = /^(?:features|key features|funktionen|características|funcionalidades|fonctionnalités)$/i;
/** Headings over a report of changes made ("What Was Changed", "Changes Made", "Implemented Fixes"). */
const CHANGED_HEADING =
  /\bwhat (?:was|has been|were) (?:changed|done|implemented|fixed|added)\b|\bchanges (?:made|applied|implemented)\b|\bimplemented (?:changes|fixes|improvements)\b/i;

/** Marks that double as pictures (🔄 sync, 📋 clipboard, 📅 calendar), leading a heading alone. */
const PICTURE_ICON = /^\s*(?:🔄|📋|📅|🗓️?)/u;
const LEADING_PICTURE = /^\s*\p{Extended_Pictographic}/u;

/** Whether the document leads its headings with pictures that are no status ("## 🐳 Docker", "## 📊 Summary"). */
function decoratedHeadings(lines: string[]): boolean {
  let pictures = 0;
  for (const l of lines) {
    const h = /^#{2,6}[ \t]+(\S.*)/.exec(l)?.[1];
    if (h && LEADING_PICTURE.test(h) && !iconStatus(h)) pictures++;
    if (pictures >= 2) return true;
  }
  return false;
}

/** A preposition that places a gap or says what it is for: the title is about one place, not the practice. */
const PLACED_GAP =
  /\s(?:in|on|at|for|from|to|of|during|when|within|inside|per|dans|pour|sur|en|für|bei|im|auf|para|em|no|na)\s/i;
/** A finding's number or label before its title: "3.", "Issue 1:", "Finding #2 -", "M-4:". */
const FINDING_LEAD =
  /^(?:(?:issue|finding|problem|gap|risk|critique|probl[eè]me|hallazgo|befund) ?#?\d{0,3} ?[:.\-–—] |[A-Z]{1,4}-?\d{1,3} ?[:.\-–—] |\d{1,3}(?:\.\d{1,3}){0,3}[.)]? )/i;
/** The word of absence a finding's title opens with ("Missing", "No", "Absence de"), then its subject. */
const ABSENCE_LEAD =
  /^(?:missing|no|lack of|absence of|absence de|absence d'|falta de|sin|sans|kein(?:e|en)?|fehlende?[rn]?) (?=[\p{L}\p{N}])/iu;
/** "Input Validation or Sanitization": the parts of a subject (spaces already single). */
const SUBJECT_PARTS = / (?:or|and|&|ou|et|oder|und|o|y) | ?[/,] ?/i;
/** Letters, digits and a closing bracket end a title; anything after them is markup. */
const TITLE_END = /[\p{L}\p{N})]/u;
/**
 * The title of a finding that states an absence, "Missing Rate Limiting" or "No Input Validation", as
 * its words (null otherwise): a word of absence, then a subject of one to six words, and nothing else.
 */
function absenceHeading(text: string): string | null {
  const words = plain(text)
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(FINDING_LEAD, '');
  // (Markup after the title — "**", " ✅", ":" — trimmed by hand: a pattern anchored at the end backtracks.)
  let end = words.length;
  while (end > 0 && !TITLE_END.test(words[end - 1]!)) end--;
  const t = words.slice(0, end).trim();
  const lead = ABSENCE_LEAD.exec(t);
  if (!lead) return null;
  const subject = t.slice(lead[0].length);
  // ("No. 3", "No need to …", "No changes"): a subject that names a thing, without a verb or a figure.
  // A practice is named in a few words ("Input Validation or Sanitization": each of its parts); a title
  // that places the gap ("Transaction Rollback in User Registration") or qualifies it ("Rate Limiting
  // Configuration") is about one place or one detail, which no finding of the whole practice settles.
  const parts = subject.split(SUBJECT_PARTS);
  if (
    parts.some((x) => x.split(' ').filter(Boolean).length > 3) ||
    parts.length > 3 ||
    /\d/.test(subject) ||
    PLACED_GAP.test(` ${subject} `) ||
    /^(?:need|changes?|issues?|problems?|more|longer|action)\b/i.test(subject)
  )
    return null;
  return t;
}

/** "main.rs :" → "main.rs", trimmed by hand (a pattern for spaces around a final colon backtracks). */
function withoutColon(t: string): string {
  const s = t.trimEnd();
  return (s.endsWith(':') ? s.slice(0, -1) : s).trimEnd();
}

/** "|---|:---:|": a table's rule line, of pipes, dashes, colons and spaces only. */
const isTableRule = (l: string) => /^[\s|:-]+$/.test(l) && l.includes('|') && l.includes('-');

/** Whether the document's checklists tick some boxes and leave others open (a record of progress). */
function progressChecklist(lines: string[]): boolean {
  let open = 0;
  let ticked = 0;
  for (const l of lines) {
    const box = /^\s*(?:[-*+]|\d+[.)])\s+(\[.*)/.exec(l)?.[1];
    const m = box ? CHECKBOX.exec(box) : null;
    if (m) m[1] === ' ' ? open++ : ticked++;
    else if (/^\s*(?:[-*+]|\d+[.)])\s+(?:✅|✔️?|☑️?)/u.test(l)) ticked++;
  }
  return open > 0 && ticked > 0;
}

/** For each heading line: how many ticked boxes its section holds (up to the next heading of any level). */
function tickedPerSection(lines: string[]): Map<number, number> {
  const out = new Map<number, number>();
  let at = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^#{1,6}\s/.test(lines[i]!)) at = i;
    else if (at >= 0 && /^\s*(?:[-*+]|\d+[.)])\s+\[(?:[xX]|✅|✔|☑|✓)/u.test(lines[i]!))
      out.set(at, (out.get(at) ?? 0) + 1);
  }
  return out;
}
