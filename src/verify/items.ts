/**
 * List items and label lines as a careful reader takes them: an item's own mark first, then the
 * label of the list it is in (nested labels included: "- **Missing headers:**" above its sub-items),
 * then the heading's status. Under "Missing" or a heading with ❌/⚠️, "No rate limiting" names a gap;
 * under "Issues", "Default secret in code" names a problem that is there. Label lines state facts
 * ("Server port: 8081", "Datei: `src/app.js`", "Status: ✅ Available" under a heading that has no
 * mark of its own) or are metadata ("Date:", "Owner:", "Fix:").
 */
import { countsCodeUnits } from './code-units.js';
import { pinnedClaim } from './pins.js';
import { type Context, isImperative, isPlanStep, labelContext, META_LABEL, TO_DO_SECTION } from './context.js';
import type { Claim } from './extract.js';
import { namesIn } from './names.js';
import { GOAL, isTestCount, numberIn, plainNumber, scoreIn, standaloneCount } from './numbers.js';
import { type Asserted, iconStatus, plain, statusOf, subjectOf, TRAILING_STATUS } from './status.js';
import { mapClaim, pillarOf } from './vocabulary.js';
import { codeSpans } from './problems.js';
import { occurrenceClaim } from './occurrences.js';

export interface Section {
  /** The test file the heading names, whose tests the items below list. */
  testFile?: string;
  context: Context;
  status: Asserted | null;
  level: number;
  ticked: number;
  /** The heading as written, and whether a claim was made of it. */
  text: string;
  claimed: boolean;
  /** The title of a task ("### 2. Complete Cargo.toml Metadata ✅"): its items, not its status line, say what was done. */
  task?: boolean;
}

export interface ItemState {
  push(c: Omit<Claim, 'subject'> & { subject?: string }): void;
  stack: Section[];
  /** The context the last prose label set ("**Missing:**"), if any. */
  list: Context | undefined;
  /** The file the current block names ("**Datei:** `src/app.js`"), for the findings beside it. */
  file: string;
  /** Code the section's prose names in ticks, which a bare list of places below it is about. */
  code: string[];
  /** The list's label says its items are done ("**Fixes applied**", "Changes made:"). */
  done?: boolean;
  /** The prose label of the list being read ("**Week 1:**", "Areas for Improvement:"), else ''. */
  label?: string;
  /**
   * The mark of the prose line just above the list ("**Solução:** ✅ Implementados 3 endpoints" under
   * "### ❌ Endpoints faltando"): its items are what that line marks, not what the heading does.
   */
  mark?: Asserted | null;
  /** The header's release version was read ("**Version**: 0.1.0"). */
  versioned?: boolean;
  /**
   * The document ticks some boxes and leaves others open (a progress checklist: "Check off each item
   * as you implement it"): an open box says the thing is not done yet. A document whose boxes are all
   * open is a list of requests, and its boxes claim nothing.
   */
  progress?: boolean;
}

/** A checkbox as written: "[ ]", "[x]", "[✅]", "[✔]". */
export const CHECKBOX = /^\[( |[xX]|✅|✔️?|☑️?|✓)\](.*)/u;

const VALUE_LABEL =
  /^(?:summary|finding|issue|description|observation|result|verdict|conclusion|zusammenfassung|befund|resumen|hallazgo|résumé|constat)$/i;
/** "No rate limiting", "Missing security headers", "Keine Tests": the item names what is absent. */
const LEADING_ABSENCE =
  /^(?:no|missing|lacks?|lacking|without|absent|not|kein(?:e|en)?|fehlende?[rn]?|ohne|sin|falta|faltan|aucun[e]?|pas de|sans|nenhum[a]?)\b/i;
/**
 * "Pagination absente - StudentListView", "Index manquants - Copy.status", "Cache ausente: settings":
 * the item's lead — its words before a dash or colon — ends in a word of absence, after its subject.
 */
const TRAILING_ABSENCE =
  /^[^-–—:(]{2,60}?\s(?:absent(?:e|s|es)?|manquant(?:e|s|es)?|ausentes?|faltantes?|inexistentes?|missing|fehlt|fehlen|fehlend)\s*(?:$|[-–—:(])/i;
/** An item that is only a file's name or path, in ticks or bold or neither, with a note after a dash or not. */
const BARE_FILE_ITEM =
  /^(?:\*\*|`)*((?:[\w.@-]+\/)*[\w@-][\w.@-]*\.(?:md|mdx|rst|txt|ya?ml|json|toml|ini|cfg|conf|env|py|ts|tsx|js|jsx|mjs|go|rs|java|kt|kts|php|rb|sh|ps1|sql|xml|gradle|cs|vue|svelte|html|css|scss|lock|tf|proto|dockerfile))(?:\*\*|`)*\s*(?:[-–—:]\s+\S.*)?$/i;
/** "Node.js", "Chart.js", "Socket.io": a library's name shaped like a file's. */
const LIBRARY_NAME =
  /^(?:[A-Z][\w]*|node|vue|next|nuxt|three|d3|express|chart|ethers|web3|alpine|ember|backbone|socket)\.(?:js|ts)$/;
/** "Champs manquants :", "Missing fields:", "Campos faltantes:": a label that says what follows is absent. */
const ABSENT_LABEL =
  /^(?:(?:[\p{L}-]+\s+){1,2}(?:manquant(?:e|s|es)?|faltantes?|ausentes?)|(?:missing|fehlende?)(?:\s+[\p{L}-]+){1,2})\s*:/iu;
/** Labels whose value is where a finding is: a file, a path with a line. */
const FILE_LABEL =
  /^(?:file|files|datei|dateien|archivo|arquivo|ficheiro|fichier|location|ort|ubicaci[oó]n|path|pfad|where|wo|module|modul|folder|ordner|directory|verzeichnis|package|paket|carpeta|dossier)$/i;
/** Labels whose value describes a problem found in the code. */
const PROBLEM_LABEL = /^(?:problem|issue|finding|befund|quelle|source|cause|ursache|bug|hallazgo|causa)$/i;
/** Rating stars, also as they read after a wrong decoding ("â\u00ad" of ⭐). */
const STARS = /[⭐★☆]|â\u00ad/;
const CONSEQUENCE =
  /^(?:(?:this|it|that|which|users?|they|clients?|customers?|requests?|jobs?|data|the app(?:lication)?)\s+)?(?:will|won['’]?t|would|could|might|may|can(?:not|['’]t)?)\s/i;
const ADVICE = /\bneeds? (?:updating|fixing|rework|work|review|production|optimi[sz]ation|to be)\b|\bshould be\b/i;
/** "Committed secrets removed", "Debug routes deleted": the item is about something taken away. */
const REMOVAL =
  /\b(?:removed|deleted|eliminated|dropped|rotated|revoked|fixed|resolved|entfernt|gelöscht|eliminad[oa]s?|removid[oa]s?|supprimée?s?)\b/i;
/** Labels of a repository metric: a language's files, test files or lines, the dependencies declared. */
/** "1,547 lines", "729 lines (pandas, reportlab)": a size in lines, a note after it or not. */
const LINES_VALUE = /(?<=\d) ?lines(?= ?(?:\([^()]*\))?$)/i;
const METRIC_LABEL =
  /^(?:total\s+)?(?:(?:[A-Za-z#+]{1,12}\s+)?(?:source\s+|test\s+)?(?:files|lines(?: of code)?|loc|sloc|code)|(?:[A-Za-z#+]{1,12}\s+)?(?:direct\s+)?dependencies)$/i;
/**
 * Headings and labels over what is to be done or weighed rather than what is: improvements, priorities,
 * steps, options, weeks of a plan, a definition of done, reminders, methods (in the languages reports use).
 */
const NOT_A_STATE =
  /\b(?:improvements?|enhancements?|priorit(?:y|ies|ät|é|ad|ade)|steps?|options?|op[cç][aãi][oó]n?|reminders?|methodolog\w*|methods?|week|woche|semana|semaine|sprint|termine|schedule|definition of done|DoD|benefits?|advantages?|vorteile|ventajas|avantages|vantagens|pros|why|actions?(?: required)?|required|remediation|solutions?|acci[oó]n(?:es)?|a[cç][õo]es|ma[ßs]nahmen|d[ée]finition (?:de|of) (?:done|termin[ée])|criteria|crit[èe]res?|crit[ée]rios?|areas? for|to-?dos?|tasks?|tareas|tâches|tarefas|aufgaben|plan|planning|planung|planificaci[oó]n)\b|验证|步骤|计划|建议/i;
/** "Completed tasks", "Steps done": a heading of such words that reports them finished. */
const DONE_WORD =
  /\b(?:completed?|finished|achieved|erledigt|abgeschlossen|completad[oa]s|terminad[oa]s|conclu[ií]d[oa]s|termin[ée]e?s)\b/i;
/** "📚 **Reference**: [Guide](…)", "See also: …": a pointer to reading, not a claim. */
const REFERENCE =
  /^\W*(?:references?|referenz(?:en)?|referencias?|r[ée]f[ée]rences?|see(?: also)?|siehe|ver|voir|docs?|links?)\s*:/i;
/** The title of a log of changes: "Changelog", "Release notes", "Registro de cambios". */
const CHANGELOG =
  /\b(?:change ?log|release notes|registro de cambios|journal des modifications|änderungsprotokoll|historial de cambios|notas de versi[oó]n|notas de lan[cç]amento)\b/i;
/**
 * Labels that name what the repository is built from or has ("Stack", "Technology", "Database") or
 * what was done to it ("Files Created", "Tests Executed", "Implementados"), or what it lacks ("Missing").
 */
const STATE_LABEL =
  /^(?:(?:tech(?:nology|nologies)?|tecnolog[ií]as?|technologien|technologies)(?: stack)?|(?:\w+ )?stack|frameworks?|database|datenbank|base de datos|banco de dados|backend|frontend|infra(?:structure|estructura|estrutura)?|cache|orm|missing|fehlt|fehlend\w*|faltan?(?:tes)?|manquant\w*|(?:[\p{L}-]+ ){0,3}(?:created|implemented|executed|tested|added|configured|deployed|integrated|covered|implementad[oa]s|cread[oa]s|criad[oa]s|agregad[oa]s|adicionad[oa]s|implementiert|erstellt|hinzugefügt|implémenté(?:e|s|es)?|créé(?:e|s|es)?|ajouté(?:e|s|es)?))$/iu;
/** "**Stack**: a + b", "**Stack:** a + b" → [label, value], read by hand (a pattern for it backtracks). */
function boldLabel(body: string): [string, string] | null {
  const t = body.trimStart();
  if (!t.startsWith('**')) return null;
  const end = t.indexOf('**', 2);
  if (end < 3 || end > 42) return null;
  const inner = t.slice(2, end).trimEnd();
  const rest = t.slice(end + 2).trimStart();
  const label = inner.endsWith(':') ? inner.slice(0, -1) : rest.startsWith(':') ? inner : null;
  const value = (inner.endsWith(':') ? rest : rest.slice(1)).trim();
  return label?.trim() && value ? [label, value] : null;
}

/** Connectives between the parts of a list ("NestJS + Prisma", "JWT con bcrypt", "Redis and Postgres"). */
const JOINER = new Set(['+', '/', '|', '&', 'with', 'con', 'com', 'avec', 'mit', 'and', 'y', 'e', 'et', 'und']);
/** How many parts a value lists, by its words: joined by a connective or a comma. */
function partsOf(value: string): number {
  let parts = 0;
  let open = false;
  for (const w of value.split(/\s+/)) {
    if (JOINER.has(w.toLowerCase())) {
      if (open) parts++;
      open = false;
      continue;
    }
    if (/\p{L}/u.test(w)) open = true;
    if (w.endsWith(',') && open) {
      parts++;
      open = false;
    }
  }
  return parts + (open ? 1 : 0);
}

/** "1. [Executive Summary](#executive-summary)": an item that is a link and nothing else. */
function onlyLink(body: string): boolean {
  const t = body.replace(/^[^\w[]+/, '');
  const m = /^\[[^\]]*\]\([^)]*\)/.exec(t);
  return !!m && !/\w/.test(t.slice(m[0].length));
}

/** A command line as a list item: a package manager or deployment tool and its subcommand. */
const COMMAND =
  /^(?:npm|npx|yarn|pnpm|pip3?|poetry|bundle|rails|rake|docker(?:-compose)?|kubectl|helm|terraform|git|cargo|go|mvn|gradle|dotnet|composer|php artisan|python3?|node|curl|make)\s+[a-z][\w:-]*(?:\s|$)/;
/** A modal that turns a statement into advice or a guess ("could be enhanced", "may not work", "should use"). */
const HEDGED =
  /\b(?:could|should|would|might|must|ought|needs? to|debe(?:r[ií]a)?|deveria|devrait|sollte|könnte|pourrait|podr[ií]a|poderia)\b/i;
/** Labels of a document's header or of time ("Date", "Updated", "Author", "Version"), whose figures count nothing. */
const DATED_LABEL =
  /\b(?:date|datum|fecha|data|updated|generated|created|author|autor|auteur|version|versión|versão|commit|branch|time|zeit|tiempo|duration|dauer|reviewer|auditor|prepared|period|week|sprint|phase|release)\b/i;
const STATUS_LABEL = /^(?:status|stand|estado|statut|state|zustand)$/i;

export function itemReader(st: ItemState): {
  bullet(body: string, n: number, indent: number): void;
  labelled(text: string, n: number, listCtx?: Context | undefined): boolean;
  labelLine(body: string, n: number): boolean;
} {
  /** Labels of nested lists, and the file a finding's heading item names ("1. **Cache** (`src/cache.rs`):"). */
  const nested: { indent: number; ctx: Context; file?: string }[] = [];
  const inContext = (c: Context) => st.stack.some((s) => s.context === c);
  const here = () => st.stack[st.stack.length - 1];
  /** The nearest heading that says how its items read: a list of gaps or problems, or a status. */
  const nearest = () =>
    [...st.stack]
      .reverse()
      .find((x) => x.status || x.context === 'absent' || x.context === 'issues' || x.context === 'planned');

  return { bullet, labelled, labelLine };

  /**
   * "**Stack**: Laravel 12 / Livewire 4 / PostgreSQL", "**Missing**: Tests, Authentication": a line
   * of prose that is a bold label and its value, which no reading above took. Like a plain item, it
   * states how the repository is (or, under a label of absence, what it lacks), and is never confirmed
   * by loose matches. Labels of metadata, notes, impacts and steps stay out.
   */
  function labelLine(body: string, n: number): boolean {
    const m = boldLabel(body);
    if (!m || inContext('historical') || inContext('issues')) return false;
    const label = plain(m[0]).trim();
    const words = plain(body);
    if (META_LABEL.test(label) || GOAL.test(`${label}:`) || isImperative(m[1])) return false;
    // "**Go Files Created**: 17", "**Binary Size**: 14MB": a label that gives its subject a figure, read
    // by its shape (dates, versions and names aside); a precise count may settle it, its words never.
    const figure = DATED_LABEL.test(label) ? null : standaloneCount(plain(m[1]));
    if (figure && !inContext('planned') && !inContext('review') && !inContext('example'))
      return (
        st.push({
          line: n,
          text: words,
          subject: label,
          asserted: 'done',
          number: figure,
          readiness: false,
          source: 'label',
          loose: true,
        }),
        true
      );
    if (!STATE_LABEL.test(label)) return false;
    // Only a value that lists parts ("NestJS + Prisma + PostgreSQL", "Tests, Authentication"): a single
    // value after a bold label is as often a date, a name or a verdict of the document's header.
    const value = plain(m[1]);
    if (partsOf(value) < 2 || /\d{4}/.test(value)) return false;
    if (!plainStatement(body, words, undefined)) return false;
    const absent = /^(?:missing|gaps?|lacking|fehlt|fehlend\w*|faltan?|faltantes?|manquant\w*|ausentes?)$/i.test(label);
    const asserted = absent || LEADING_ABSENCE.test(m[1]) ? 'not-done' : 'done';
    st.push({
      line: n,
      text: words,
      subject: label,
      asserted,
      number: null,
      readiness: false,
      source: 'label',
      loose: true,
    });
    return true;
  }

  function bullet(body: string, n: number, indent: number): void {
    while (nested.length && nested[nested.length - 1]!.indent >= indent) nested.pop();
    const nest = nested.length ? nested[nested.length - 1] : undefined;
    const list = nest ? nest.ctx : st.list;
    const check = CHECKBOX.exec(body);
    const text = check ? check[2]!.trim() : body;
    const { number, readiness } = numberIn(text);
    const historical = inContext('historical') || list === 'historical';
    if (check) return void box(check[1] !== ' ', text, n, historical, list);
    // "**CRITICAL**: 115 instances of `.unwrap()` in production code": a count of code, whatever the list.
    if (!historical && occurrenceClaim(body))
      return void st.push({
        line: n,
        text: plain(body),
        asserted: 'done',
        number: null,
        readiness: false,
        source: 'bullet',
      });
    const inIssues = !historical && (list === 'issues' || (list == null && nearest()?.context === 'issues'));
    // "- **Missing headers:**" says how the items below it read.
    if (/:\s*$/.test(plain(body)) && !iconStatus(body)) {
      const ctx = labelContext(body);
      if (ctx !== undefined) {
        // "1. **Template System** (`src/template/context.rs`):" in a list of violations: the place
        // of the findings below it, which must still be where the document says.
        const path = inIssues && ctx === 'list' ? locatedPath(body) : null;
        if (path) {
          const file = path.replace(/:\d+(?:-\d+)?$/, '');
          st.push({ ...problemAt(body, n, file, path), raw: '' });
          return void nested.push({ indent, ctx: 'issues', file });
        }
        // A group of findings ("10. **Other Modules**:") in a list of violations is more of it.
        return void nested.push({ indent, ctx: inIssues && ctx === 'list' ? 'issues' : ctx });
      }
    }
    if (inIssues && violationItem(body, n, nest?.file)) return;
    if (labelled(body, n, list)) return;
    const from = nearest();
    const absentList = list === 'absent' || (list == null && from?.context === 'absent');
    const issueList = list === 'issues' || (list == null && from?.context === 'issues');
    const inherited: Asserted | null = absentList
      ? 'not-done'
      : issueList
        ? null
        : list === 'places'
          ? 'done'
          : list === 'list' && st.done && !nest
            ? 'done'
            : list === undefined || list === null || list === 'list'
              ? (!nest && st.mark) || (from?.status ?? null)
              : null;
    const words = plain(body);
    const lack = LEADING_ABSENCE.test(words) || TRAILING_ABSENCE.test(words) ? 'not-done' : null;
    let own = iconStatus(body) ?? (TRAILING_STATUS.test(words) ? statusOf(body) : null);
    // "Champs manquants : `avatar`, `phone`", "Missing fields: `avatar`": the names after the label are absent.
    if (!own && ABSENT_LABEL.test(words)) own = 'not-done';
    // Under ⚠️/❌ or in a list of problems, "No API versioning" names a gap; under ✅ it is a strength.
    if (!own && lack && (issueList || (inherited && inherited !== 'done'))) own = lack;
    // "⚠️ Missing SECURITY.md policy": a warning mark on a gap says the gap is there.
    if (
      own === 'partial' &&
      lack &&
      /^(?:missing|no|lacks?|lacking|without|fehlende?[rn]?|kein(?:e|en)?|falta|faltan|manque)\b/i.test(
        words.replace(/^\W+/, ''),
      )
    )
      own = lack;
    // "**Files:** - `src/PublicLayout.jsx` — line 2" under a fix that names `prop-types`: a place
    // where that code is today, even in a plan of fixes.
    if (!own && list === 'files' && st.code.length && placeItem(body, n)) return;
    // Under "Next steps", a roadmap or a reviewer's checklist, only what carries its own mark is a claim.
    if (!own && !readiness && (inContext('planned') || inContext('review') || list === 'planned' || list === 'review'))
      return;
    if (!own && isImperative(body) && !readiness) return;
    if (!own && (list === 'files' || (list == null && here()?.context === 'files'))) return void fileItem(body, n);
    // "This will cause data loss", "Users won't receive emails", "Vite config needs optimisation":
    // the consequence of a problem or advice about it, not a second finding.
    if (!own && issueList && (CONSEQUENCE.test(words) || ADVICE.test(words))) return;
    if (!own && issueList && !historical)
      // "Default JWT secret in code": a problem the document says is there.
      return void st.push({
        line: n,
        text: words,
        asserted: 'done',
        number: null,
        readiness: false,
        source: 'bullet',
        problem: true,
      });
    const asserted = own ?? inherited;
    if (historical && asserted !== 'done' && !readiness && !changelog(list)) return;
    if (asserted || readiness)
      st.push({ line: n, text: words, asserted: asserted ?? 'done', number, readiness, source: 'bullet' });
    // "Created `ICustomerService`", "Streaks use `$this->increment()`": an item without a mark that
    // names code states that the code is there, and the code is looked up.
    // "**Unit Tests** (143 tests) - No external dependencies": a count of tests the repository holds.
    else if (!historical && !issueList && !absentList && isTestCount(number) && /\(\s*\d+ tests?\)/i.test(words))
      st.push({ line: n, text: words, asserted: 'done', number, readiness: false, source: 'bullet' });
    else if (!historical && !issueList && !absentList && namesCode(body))
      st.push({ line: n, text: words, asserted: 'done', number, readiness: false, source: 'bullet', named: true });
    else if ((!historical || changelog(list)) && !issueList && plainStatement(body, words, list))
      st.push({
        line: n,
        text: words,
        asserted: lack ?? 'done',
        number,
        readiness: false,
        source: 'bullet',
        loose: true,
      });
    // "- PROJECT_AUDIT.md", "- `docs/RUNBOOK.md` — the runbook": an item that is a file's name, as a
    // tree's bare node is — there, it stays open; in no folder of the repository, the list is out of date.
    else if (!historical && !issueList && !absentList && !inContext('removed') && list !== 'removed') {
      const file = BARE_FILE_ITEM.exec(body.trim())?.[1];
      if (file && !LIBRARY_NAME.test(file))
        st.push({
          line: n,
          text: words,
          subject: file,
          asserted: 'done',
          number: null,
          readiness: false,
          source: 'bullet',
          raw: file,
          placed: file,
          loose: true,
        });
    }
  }

  /**
   * "- Streak updates use atomic DB operations", "- No resume capability for failed transfers": an
   * item without a mark that states how the repository is, under a heading that sets no other reading
   * (no plan, review, example, list of problems or steps). It says the thing is there, or — led by
   * "no"/"missing" — that it is not.
   */
  /**
   * "# Changelog" over "#### Added" / "- PostRepositoryTest (11 tests)": a log of changes made, whose
   * entries say what the repository gained (unlike "### Before:", which tells a state since left).
   */
  function changelog(list: Context | undefined): boolean {
    const past = st.stack.filter((s) => s.context === 'historical');
    return past.length > 0 && past.every((s) => CHANGELOG.test(plain(s.text))) && list !== 'historical';
  }

  function plainStatement(body: string, words: string, list: Context | undefined): boolean {
    if (list !== undefined && list !== null && list !== 'list') return false;
    if (inContext('planned') || inContext('review') || inContext('example') || inContext('files')) return false;
    if (inContext('absent') || inContext('removed')) return false;
    // (The nearest heading and the list's label: a title such as "Readiness Checklist" or "Task 4
    // Verification Report" over the whole document sets no reading of its own.)
    const headings = [here() && here()!.level > 1 ? plain(here()!.text) : '', st.label ?? ''];
    if (headings.some((h) => TO_DO_SECTION.test(h) || (NOT_A_STATE.test(h) && !DONE_WORD.test(h)))) return false;
    if (/\?|:\s*$/.test(words) || words.split(/\s+/).length < 2) return false;
    // "1. [Executive Summary](#executive-summary)": a table of contents; "**Reference**: [Guide](…)": a pointer.
    if (onlyLink(body) || REFERENCE.test(words)) return false;
    // "Removed the old `LegacyBilling` class": what is gone cannot be told from what never was;
    // "1. **Ledger** (`app/Services/`)": the title of the sub-list below it.
    if (
      (!ROUTE_ITEM.test(words) &&
        /\b(?:remov|delet|drop|deprecat|untrack)\w*/i.test(words.replace(HTTP_DELETE, '/'))) ||
      /^\*\*[^*]{1,60}\*\* ?\([^()]*\):?$/.test(body.trim())
    )
      return false;
    // "rails generate haml:application_layout convert", "`terraform init; terraform apply`": a command to run.
    if (/^`[^`]+`$/.test(body.trim()) || COMMAND.test(body.replace(/`/g, ''))) return false;
    // "Documentation could be enhanced", "Token handling should be reviewed": advice, not a state.
    return !HEDGED.test(words);
  }

  function box(ticked: boolean, text: string, n: number, historical: boolean, list: Context | null | undefined): void {
    const { number, readiness } = numberIn(text);
    // "[x] Monitoring configured ❌ PENDING": the mark written after the box says more than the box.
    if (ticked)
      return void st.push({
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
      return void st.push({ line: n, text: plain(text), asserted: mark, number, readiness, source: 'checklist' });
    // An unticked box without a mark of its own is work still to do, in any list and any language:
    // a to-do, a reviewer's question or a template's step, not a claim that the thing is missing
    // (a reader confirms nothing by finding it absent, and it may be half there) — unless the document
    // ticks other boxes: then the open ones are what it says is not done yet, and stale once done.
    // Steps ("Deploy to the CDN", "Run the migrations"), a go-live or reviewer's list and plans stay
    // requests; "No secrets in images" or "Committed secrets removed" left open says nothing either way
    // (the open box turns a removal around, and what is gone cannot be told from what never was).
    const words = plain(text);
    if (
      st.progress &&
      !historical &&
      !inContext('example') &&
      !inContext('planned') &&
      !inContext('review') &&
      // ("**Action Items:**", "**Next steps:**" over the boxes: steps to take, as under such a heading.)
      list !== 'review' &&
      list !== 'planned' &&
      !isImperative(words) &&
      !LEADING_ABSENCE.test(words) &&
      !REMOVAL.test(words)
    )
      st.push({
        line: n,
        text: plain(text),
        asserted: 'not-done',
        number,
        readiness,
        source: 'checklist',
        // (Under "## Missing" or "**Gaps:**" the open box is a gap the document states, not work to do.)
        ...(inContext('absent') || list === 'absent' ? {} : { openBox: true }),
      });
  }

  /** A finding at a place: the file (and line) the code must still be at. */
  function problemAt(body: string, n: number, file: string, subject: string) {
    return {
      line: n,
      text: plain(body),
      subject,
      asserted: 'done' as const,
      number: null,
      readiness: false,
      source: 'bullet' as const,
      problem: true,
      locus: file,
    };
  }

  /**
   * "- Line 209: `ctx.unwrap()`" under a file's item, "- `src/cli/utils.rs:399`: Config unwrap": a
   * violation at a place. Without code of its own, the code the list named before and the item's words
   * call by name ("Unwraps in validators" after `.unwrap()`) is what must be there.
   */
  function violationItem(body: string, n: number, file: string | undefined): boolean {
    const words = plain(body);
    const own = codeSpans(body);
    for (const c of own) if (st.code.length < 16 && !st.code.includes(c)) st.code.push(c);
    const lead = /^`([^`\s]+)`/.exec(body.replace(/^\*\*|\*\*(?=`)/g, ''))?.[1];
    const path = lead && locatedPath(`\`${lead}\``) ? lead : null;
    const lineNo = /^(?:lines?|zeilen?|l[ií]neas?|lignes?)\s+(\d+)/i.exec(words)?.[1];
    if (!path && !(file && lineNo)) return false;
    const at = path ? path.replace(/:\d+(?:-\d+)?$/, '') : file!;
    const subject = path ?? `${file}:${lineNo}`;
    const named = own.length ? own : calledByName(words, st.code);
    st.push({ ...problemAt(body, n, at, subject), raw: named.map((c) => `\`${c}\``).join(' ') });
    return true;
  }

  /** A place ("`src/x.jsx` — Zeile 2") with no code of its own: the section's code is what is there. */
  function placeItem(body: string, n: number): boolean {
    if (inContext('historical') || inContext('example') || /`[^`]+`.*`[^`]+`/.test(body)) return false;
    const path = locatedPath(body);
    if (!path) return false;
    const line = /(?:zeile|line|l\.|línea|ligne)\s*(\d+)/i.exec(body)?.[1];
    const bare = path.replace(/:\d+(?:-\d+)?$/, '');
    st.push({
      line: n,
      text: plain(body),
      subject: line && bare === path ? `${path}:${line}` : path,
      asserted: 'done',
      number: null,
      readiness: false,
      source: 'bullet',
      problem: true,
      locus: bare,
      raw: st.code.map((c) => `\`${c}\``).join(' '),
    });
    return true;
  }

  /** "`src/x.ts` - no rate limit middleware": the file is there, and lacks what the note says. */
  function fileItem(body: string, n: number): void {
    const note = plain(body)
      .split(/\s[-–—:]\s/)
      .slice(1)
      .join(' - ');
    const said = note && statusOf(note) === 'not-done' ? 'not-done' : 'done';
    if (/(?<![\w-])[\w-]+\/|\.[a-z]{1,6}\b/i.test(body))
      st.push({ line: n, text: plain(body), asserted: said, number: null, readiness: false, source: 'bullet' });
  }

  /** "Tests passing: 412/415", "**Coverage**: 71%", "Server port: 8081", "Datei: `src/app.js`". */
  function labelled(text: string, n: number, list: Context | undefined = st.list): boolean {
    const p = plain(text);
    const colon = p.indexOf(': ');
    if (colon < 2 || colon > 60) return false;
    const label = p.slice(0, colon).trim();
    const value = p.slice(colon + 2).trim();
    if (!value || label.split(/\s+/).length > 6) return false;
    const { number, readiness } = numberIn(p);
    const push = (c: Partial<Claim> & { asserted: Asserted | null }) =>
      st.push({ line: n, text: p, number: null, readiness: false, source: 'label', ...c });
    if (occurrenceClaim(text) && !inContext('historical') && !inContext('example'))
      return (push({ asserted: 'done', raw: text }), true);
    if (readiness) return (push({ asserted: 'done', number, readiness }), true);
    const example = inContext('example') || inContext('historical') || list === 'historical';
    // "**Missing:** .github/workflows/ci.yml": the file the line says is not there.
    if (/^(?:missing|fehlt|falta|manquant|absent)$/i.test(label) && !example) {
      const file = BARE_FILE_ITEM.exec(value.trim())?.[1];
      if (file && !LIBRARY_NAME.test(file) && !/\s[-–—:]\s/.test(value))
        return (push({ subject: file, asserted: 'not-done', raw: `\`${file}\``, placed: file }), true);
    }
    // "Datei: `src/app.js`", "Location: `config/config.go:68`": where a finding is, a fact of today.
    if (FILE_LABEL.test(label) && !example) {
      const path = locatedPath(text);
      if (path) {
        st.file = path.replace(/:\d+(?:-\d+)?$/, '');
        // "**File:** `app/core/database.py`" in "Step 1.3: Create …": where code is to go.
        if (here() && isPlanStep(here()!.text)) return true;
        return (push({ asserted: 'done', subject: path, raw: `\`${path}\`` }), true);
      }
    }
    // "Problem: `CommandBar` needs a `ThemeProvider`": a finding about the code beside it.
    if (PROBLEM_LABEL.test(label) && !example && !LEADING_ABSENCE.test(value))
      return (
        push({ asserted: 'done', subject: subjectOf(value), problem: true, ...(st.file ? { locus: st.file } : {}) }),
        true
      );
    // "Status: ✅ Available" under "### Performance Benchmarks": the heading is what is available.
    if (STATUS_LABEL.test(label) && !example) return statusLine(value, n, p);
    // "**Version**: 0.1.0" in a document's header: the release the manifest states (once: later
    // mentions repeat it, and "1.0" or "1.0.0-PRODUCTION" name the document or a stage, not a release).
    if (
      /^(?:project |package |app |current )?(?:version|versão|versión|versione)$/i.test(label) &&
      /^v?\d+\.\d+\.\d+$/.test(value) &&
      n <= 20 &&
      !example &&
      !st.versioned
    )
      return ((st.versioned = true), push({ subject: label, asserted: 'done' }), true);
    // "Result: 95% ready after phase 2", "Goal: …": a projection, not a claim about today.
    if (META_LABEL.test(label) || GOAL.test(`${label}:`)) return true;
    // "Summary: No rate limiting" — the value is the claim, the label only introduces it.
    const subject = VALUE_LABEL.test(label) ? subjectOf(value) : label;
    const icon = iconStatus(text);
    const absent = list === 'absent' || (list == null && inContext('absent'));
    // "Canary deployment: Set up a progressive rollout" is a step to take; under "Missing" it names a gap.
    if (isImperative(value) && !icon) {
      if (absent) push({ subject: label, asserted: 'not-done' });
      return true;
    }
    if (!icon && (list === 'planned' || list === 'review' || inContext('review') || inContext('planned'))) return true;
    // "Code Organization: ⭐⭐⭐⭐ (4/5)": a star rating, the author's own score.
    const stars = STARS.test(text) ? /\(\s*(\d(?:\.\d)?)\s*\/\s*5(?!\d)/.exec(value) : null;
    if (stars && !example)
      return (
        push({
          subject: label,
          asserted: 'done',
          number: { kind: 'score10', value: Number(stars[1]) * 2, unit: 'score' },
        }),
        true
      );
    // "Design Patterns: 95/100": a self-assessed score, said so.
    const testy = /\btests?\b|pruebas|testfälle|coverage|abdeckung|cobertura|couverture/i.test(label);
    const score = testy ? null : scoreIn(value);
    if (score && !pillarOf(label)) return (push({ subject, asserted: 'done', number: score }), true);
    const hinted = plainNumber(
      value,
      testy ? (/cover|abdeck|cobert|couvert/i.test(label) ? 'coverage' : 'tests') : undefined,
    );
    // "Test Files: 12 (25% test coverage)": the count of test files leads; the percentage is an aside.
    const fileCount = /^(?:total\s+)?test\s+(?:files|suites)$/i.exec(label) && /^(\d{1,5})\b(?!\s*[%/.])/.exec(value);
    const figure = fileCount
      ? { kind: 'count' as const, value: Number(fileCount[1]), unit: 'test files' }
      : testy || isTestCount(hinted) || hinted?.unit === 'coverage'
        ? hinted
        : null;
    const status = icon ?? statusOf(value) ?? (absent ? 'not-done' : null);
    const num = figure ?? (pillarOf(label) ? plainNumber(value) : null);
    // "Sliding window size: 10", "Broker: Redis": a setting as a value, under a heading that says it is done.
    const setting = !status && !num && namesIn(`${label}: ${value}`).settings.length > 0;
    // "**Go Version**: 1.25.4", "**Framework**: ASP.NET Core 8.0": a version the project's files state.
    const version =
      !status &&
      !num &&
      !example &&
      (/^[A-Za-z][\w.#+ -]{0,24}\s+(?:version|versão|versión)$/i.test(label) ||
        (/^(?:framework|runtime|language|platform|linguagem|lenguaje|sprache)$/i.test(label) &&
          /^[A-Za-z][\w.#+ -]{0,24}?\s+v?\d+(?:\.\d+)*\b/.test(value))) &&
      /^(?:[A-Za-z][\w.#+ -]{0,24}?\s+)?v?\d+(?:\.\d+)*/.test(value);
    // "**Android Gradle Plugin**: 8.7.3", "**Build Tool**: Gradle 8.9": a build tool's version (pins.ts).
    if (!version && !status && !num && !example && pinnedClaim(`${label}: ${value}`))
      return (push({ subject: label, asserted: 'done' }), true);
    if (version) return (push({ subject: label, asserted: 'done' }), true);
    // "**Total Go Files**: 47", "Go Lines: 28210", "Go Test Files: 27", "Dependencies: 0": a metric of
    // the repository, which the listing, the files and the manifests settle (a count, not of tests run).
    if (
      !icon &&
      !example &&
      !fileCount &&
      METRIC_LABEL.test(label) &&
      // ("**Total Go Code**: 1,547 lines": code is measured in lines only when the value says so.)
      (!/code$/i.test(label) || LINES_VALUE.test(value)) &&
      /^~?\d[\d,.]*\+?(?:\s*\([^()]*\))?$/.test(value.replace(LINES_VALUE, ''))
    )
      return (push({ subject: label, asserted: 'done' }), true);
    // "**Models**: 15+ core models", "Background Jobs: 5": a count of code units the folders settle.
    if (!icon && !example && !status && !num && countsCodeUnits(label, value))
      return (push({ subject: label, asserted: 'done' }), true);
    if (!status && !num && !setting) return false;
    if ((inContext('historical') || list === 'historical') && status !== 'done' && !num) return true;
    // "✅ Security: Non-root user": the practice named after an area's name is what is claimed.
    const practice = !num && pillarOf(label) && mapClaim(subjectOf(value), value) ? subjectOf(value) : null;
    push({ subject: practice ?? subject, asserted: status ?? 'done', number: num });
    return true;
  }

  /** A status line claims what its heading names, unless the heading carried the mark already. */
  function statusLine(value: string, n: number, p: string): boolean {
    const h = here();
    // "**Status**: met" / "not met": a requirement's state, as an assistant's state file writes it.
    const met = /^\s*(?:met|satisfied|fulfilled)\b/i.test(plain(value))
      ? 'done'
      : /^\s*(?:not\s+met|unmet|unsatisfied)\b/i.test(plain(value))
        ? 'not-done'
        : null;
    const status = met ?? statusOf(value);
    // "**Status:** ✅ PRODUCTION READY" under the title: the document's overall verdict.
    if (h?.level === 1 && status && !h.claimed && /\bready\b|\bbereit\b|\blisto\b|\bprêt\b/i.test(value)) {
      h.claimed = true;
      st.push({
        line: n,
        text: p,
        subject: 'overall readiness',
        asserted: status,
        number: null,
        readiness: true,
        source: 'label',
      });
      return true;
    }
    if (!h || h.level < 2 || h.context === 'planned' || h.context === 'review') return true;
    // "**Status:** ❌ Not Fixed" under a heading that carried a mark or was read already: the line
    // restates the heading's subject's state. It is read, by its shape — never confirmed by its words.
    if ((h.status || h.claimed) && !h.task) {
      const said = status ?? h.status;
      if (said && !met)
        st.push({
          line: n,
          text: `${plain(h.text).replace(/^[\d.)\s]+/, '')}: ${p.slice(p.indexOf(': ') + 2)}`,
          subject: plain(h.text).replace(/^[\d.)\s]+/, ''),
          asserted: said,
          number: null,
          readiness: false,
          source: 'label',
          raw: h.text,
          loose: true,
        });
      return true;
    }
    if (!status || h.task) return true;
    // The items of the section below the line are what the status is about: they read as its mark.
    // "met" says no more than its items do: they are the claims.
    if (status === 'done') h.status = status;
    if (met) return true;
    const subject = plain(h.text).replace(/^[\d.)\s]+/, '');
    h.claimed = true;
    st.push({
      line: n,
      text: `${subject}: ${p.slice(p.indexOf(': ') + 2)}`,
      subject,
      asserted: status,
      number: null,
      readiness: false,
      source: 'label',
      raw: h.text,
    });
    return true;
  }
}

/** The name a call ends in: "ctx.unwrap()" → "unwrap" (read backwards, no pattern to backtrack). */
function calledName(code: string): string | undefined {
  if (!code.endsWith('()')) return undefined;
  let i = code.length - 2;
  while (i > 0 && /\w/.test(code[i - 1]!)) i--;
  const name = code.slice(i, -2);
  return name.length >= 3 && /^[A-Za-z_]/.test(name) ? name : undefined;
}

/** Calls of the list's code that the words name ("unwraps" for `.unwrap()`), as `.unwrap()`. */
function calledByName(words: string, code: string[]): string[] {
  const said = new Set(
    words
      .toLowerCase()
      .split(/[^a-z0-9_]+/)
      .map((w) => w.replace(/e?s$/, '')),
  );
  const out: string[] = [];
  for (const c of code) {
    const name = calledName(c);
    if (
      name &&
      (said.has(name.toLowerCase()) || said.has(name.toLowerCase().replace(/e$/, ''))) &&
      !out.includes(`.${name}()`)
    )
      out.push(`.${name}()`);
  }
  return out;
}

/** The path (with its line) a location names: "`config/config.go:68`", "src/app.js, line 4". */
export function locatedPath(text: string): string | null {
  const ticked = /`([^`\s]+?(?::\d+(?:-\d+)?)?)`/.exec(text)?.[1];
  const candidate = ticked ?? /(?:^|\s)([\w.@-]+(?:\/[\w.@-]+)+(?::\d+(?:-\d+)?)?)/.exec(plain(text))?.[1];
  if (!candidate) return null;
  const bare = candidate.replace(/:\d+(?:-\d+)?$/, '');
  return namesIn(`\`${bare}\``).paths.length ? candidate : null;
}

/** "DELETE /api/items/:id": the HTTP method of a route, not a removal. */
const HTTP_DELETE = /\bDELETE`?\s+`?\//g;
/** "DELETE /api/users/:id (delete user)": a route and what it does; its words of removal describe the route. */
const ROUTE_ITEM = /^[\s`*-]*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)`?\s+`?\//;

/** Code a line names in ticks: an identifier, a member call or a path ("`ICustomerService`", "`src/app.ts`"). */
export function namesCode(raw: string): boolean {
  if (!/`[^`\n]{2,120}`/.test(raw) || /\?\s*$/.test(raw)) return false;
  // "1. **API Server** (`internal/api/`)": the title of the list below it, a catalogue's entry.
  if (/^\*\*[^*]{1,60}\*\* ?\([^()]*\):?$/.test(raw.trim())) return false;
  // "Removed `ssl/` from git tracking", "Dropped `Context::default()`": what is named is gone, not there.
  if (
    !ROUTE_ITEM.test(raw) &&
    /\b(?:remov|delet|drop|replac|deprecat|rename|untrack)\w*/i.test(raw.replace(HTTP_DELETE, '/'))
  )
    return false;
  const names = namesIn(raw);
  return names.identifiers.length + names.paths.length + names.annotations.length > 0;
}
