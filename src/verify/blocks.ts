/**
 * Blocks that hold claims in their own ways: tables (status tables, test tables, dependency tables
 * with versions, findings tables; sign-off tables hold none) and fenced blocks, where only ASCII-tree
 * nodes with a status mark, lines that start with a mark, and test-runner summaries are claims.
 */
import type { Claim } from './extract.js';
import { type Context, isSignoffTable } from './context.js';
import { isTestCount, numberIn, plainNumber, testOutput } from './numbers.js';
import { locatedPath } from './items.js';
import { countsCodeUnits } from './code-units.js';
import { type Asserted, iconStatus, plain, statusOf } from './status.js';
import { pillarOf } from './vocabulary.js';
import { listingIntro } from './listings.js';

/** Where a block's claims go, and the context it sits in. */
export interface Sink {
  push(c: Omit<Claim, 'subject'> & { subject?: string }): void;
  inContext(c: Context): boolean;
}

// (A pipe in the indent is one not starting the branch "|--".)
/** "Unit Tests:     64 tests (133 assertions)", "Total: 263 tests": a label, then a count of tests. */
const TEST_BREAKDOWN = /^\s*([A-Za-z][\w./-]*(?: [\w./-]+){0,3}):[ \t]+(\d[\d,]*) tests?\b/;
/** "`src/x/Config.kt:84` exempts … :", "`TransactionController.kt:484-505`:": code from a file follows. */
const LOCATED_INTRO = /^(?:\*\*[^*]*\*\*\s*)?`((?:[\w.@-]+\/)*[\w@-]+\.[A-Za-z]{1,6}(?::\d+(?:-\d+)?)?)`[^\n]{0,200}:$/;
/** A comment that is only a place: "AccountController.kt:371". */
const LOCATED_COMMENT = /^((?:[\w.@-]+\/)*[\w@-]+\.[A-Za-z]{1,6}:\d+(?:-\d+)?)$/;
/** A folder at the start of a fenced line, alone or with a note: the root of a tree drawn below it. */
const TREE_ROOT = /^([\w@-][\w.@-]*(?:\/[\w.@-]+)*\/)(?:\s+(\S.*))?$/;
const TREE = /^((?:[\s│]|\|(?!--))*)(?:├──|└──|\|--|`--|\+--|\\--|├─|└─)\s*(\S+)(.*)/;
const FENCE_MARK = /^\s*(?:(?:#|\/\/|--|\*|-|>)\s*)?(?:✅|✔|☑|❌|✖|✗|✓|⚠|🟢|🟡|🟠|🔴|⏳|\[[ xX]\]|PASS\b|FAIL\b)/;
/** A tree node's name read without a note: a file with an extension, a dotfile, or a folder (not "..."). */
const BARE_NODE = /^(?:[\w@-][\w@.-]*\.[A-Za-z][\w-]{0,9}|\.[\w-][\w.-]*|[\w@-][\w@.-]*\/)$/;
/**
 * A line of a plain fence that starts with a file's path ("lib/db/queries.ts  - Added 15 query
 * functions", "src/stores/clientStore.js:   21 ocorrências"): a path with a folder and an extension,
 * then a note set apart by spaces, a dash or a colon, or nothing.
 */
const LISTED_FILE = /^\s*((?:[\w@.()[\]-]+\/)*[\w@.-]*\w\.[A-Za-z][\w]{0,9}:?)(?:\s*$|\s{2,}\S|\s+[-–—#]\s|:\s)/;
/** A tree node's name that is a file ("setup.go", ".env.example", "Makefile") or a folder ("api/"). */
const FILE_NODE =
  /^(?:[\w@.-]*\w\.[A-Za-z][\w-]{0,9}|\.[\w.-]+|[\w@.-]+\/|Makefile|Dockerfile|Procfile|Gemfile|Jenkinsfile|Vagrantfile|LICENSE)$/;
/**
 * Whether a tree node without a mark claims a file: a file's or folder's name, carrying a note
 * ("(3 tests - Login flows)", "# HTTP handlers") unless READINESS_TREE_NODES=all (measurement).
 */
function treeNodeClaim(name: string, note: string): boolean {
  if (!FILE_NODE.test(name)) return false;
  if (process.env.READINESS_TREE_NODES === 'all') return true;
  return /\S/.test(note) && !/\.\.\.|…/.test(name);
}
/** Whether the tree node on line n (1-based), at `indent`, has nodes of its own on the lines below it. */
function parentNode(lines: string[], n: number, indent: number): boolean {
  // (Blank lines and bare "│" spacers between a folder and its first node are skipped, a few at most.)
  for (let i = n; i < Math.min(lines.length, n + 4); i++) {
    const below = lines[i]!;
    if (/^[\s│|]*$/.test(below)) continue;
    const t = TREE.exec(below);
    return !!t && t[1]!.length > indent;
  }
  return false;
}
/** "- TestAuthFlow_LoginSuccess", "* test_login_rejects_bad_password": a test's name as a list item. */
const TEST_NAME_ITEM =
  /^\s*[-*•]\s+`?(Test[A-Z_]\w*|test_\w+|test[A-Z]\w*|\w+_test|[A-Z]\w*Tests?\.\w+|should\w+)`?\s*$/;
/** "Auth Flow (3 tests)", "Infrastructure: 4 tests": a group of tests and its size. */
const TEST_GROUP =
  /^([A-Za-z][\w /&+.-]{0,60}?)\s*(?:\(\s*|:\s*|[-–—]\s*)(\d{1,4}) (?:tests?|testes|pruebas|cases)\)?\s*$/i;
/** A line of a box drawn with box characters: its text. */
function boxText(raw: string): string | null {
  const t = raw.trim();
  const side = (c: string | undefined) => c === '║' || c === '│' || c === '┃';
  return t.length >= 2 && side(t[0]) && side(t[t.length - 1]) ? t.slice(1, -1).trim() : null;
}
/** Where code ends and a comment that starts with a status mark begins. */
const CODE_MARK = /\s(?:\/\/|#|--)\s*(?:✅|✔|☑|❌|✖|✗|✓|⚠|🟢|🟡|🟠|🔴)/u;
function codeMark(raw: string): [string, string] | null {
  const at = CODE_MARK.exec(raw);
  if (!at || !raw.slice(0, at.index).trim()) return null;
  return [
    raw.slice(0, at.index).trim(),
    raw
      .slice(at.index)
      .trim()
      .replace(/^(?:\/\/|#|--)/, '')
      .trim(),
  ];
}
/** Labels whose value is where a finding is ("**Location:** `app/x.php` (line 21)", "**Files:**" over a list). */
const LOCATION_LABEL =
  /^\s*(?:[-*]\s+)?\*\*(?:location|locations|file|files|datei|dateien|archivo|archivos|arquivo|arquivos|fichier|fichiers|ubicaci[oó]n|localiza[cç][aã]o|emplacement)\s*:?\*\*\s*:?\s*(.*)$/i;
/** Labels of what the finding is ("**Issue:**", "**Problem:**", "**Vulnerable code:**"). */
const ISSUE_LABEL =
  /^\s*(?:[-*]\s+)?\*\*(?:issue|problem|finding|vulnerab\w*|bug|befund|problema|probl[eè]me|hallazgo|current(?: code| implementation)?|vulnerable code)\s*:?\*\*/i;
/** What is to be done, not what is there: code under these labels is a proposal. */
const PROPOSAL =
  /\b(?:solution|fix(?:ed)?|remediation|mitigation|recommend\w*|suggest\w*|proposed?|should|instead|correct(?:ion|ed)?|after|example|e\.g\.|lösung|empfehlung|soluci[oó]n|solu[cç][aã]o|correctif|recomendaci[oó]n|recomenda[cç][aã]o)\b/i;
/** A finding said to be closed, in its heading or its status line. */
const RESOLVED =
  /\b(?:resolved|fixed|addressed|mitigated|corrig[ée]e?s?|r[ée]solue?s?|resuelto|solucionado|corrigido|resolvido|behoben|erledigt)\b|✅/i;
const STATUS_LABEL_LINE = /^\s*(?:[-*]\s+)?\*\*(?:status|state|estado|statut|stand)\s*:?\*\*/i;
/** A shell or environment block: commands and settings, never a source file's code. */
const SHELL_FILE = /\.(?:sh|bash|zsh|ps1|bat|cmd|env)$|(?:^|\/)\.env(?:\.\w+)?$/i;
const SHELL_FENCE =
  /^\s*(?:```+|~~~+)\s*(?:bash|sh|shell|zsh|console|shell-session|powershell|ps1|cmd|bat|env|dotenv)\s*$/i;
/** A file's path in ticks, with an extension, and a line or range after a colon. */
const TICKED_FILE = /`((?:[\w.@-]+\/)*[\w@-]+\.[A-Za-z]{1,6})(?::\d+(?:-\d+)?)?`/g;

/**
 * A fence in an audit finding whose "**Location:**" names the files ("`app/Models/Order.php` (lines
 * 68-74)") and whose "**Issue:**" it illustrates: the code shown is what those files hold today.
 * Not under a heading further up, never after a label proposing a fix, and only in a finding
 * (an issue label between the heading and the fence). Reads at most 40 lines back.
 */
function findingLocation(lines: string[], at: number): { files: string[]; line: number } | null {
  let k = at - 1;
  while (k >= 0 && !lines[k]!.trim()) k--;
  if (k < 0 || PROPOSAL.test(lines[k]!)) return null;
  let issue = false;
  for (let j = at - 1; j >= 0 && j >= at - 40; j--) {
    const l = lines[j]!;
    if (/^#{1,6}\s/.test(l) || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(l) || /^\s*(?:```|~~~)/.test(l)) return null;
    // "**Status:** ✅ RESOLVED", "### 1. Hardcoded credentials ✅ FIXED": the finding is closed, and the
    // code shown under it is the fix or its settings, not the problem as it stands.
    if (STATUS_LABEL_LINE.test(l) && RESOLVED.test(l)) return null;
    if (ISSUE_LABEL.test(l)) issue = true;
    const label = LOCATION_LABEL.exec(l);
    if (!label) continue;
    if (!issue || closedHeading(lines, j)) return null;
    const files = [...label[1]!.matchAll(TICKED_FILE)].map((m) => m[1]!);
    // "**Location:**" alone over "- `app/Models/Order.php` (lines 68-74)": the items are the places.
    if (!label[1]!.trim())
      for (let i = j + 1; i < at && i <= j + 12; i++) {
        const item = /^[ \t]*[-*][ \t]+(\S.*)$/.exec(lines[i]!);
        if (!item) break;
        files.push(...[...item[1]!.matchAll(TICKED_FILE)].map((m) => m[1]!));
      }
    // "```bash" of environment variables under "**File:** `database/database.go:13`": settings to make,
    // not the code of that file.
    if (SHELL_FENCE.test(lines[at] ?? '') && files.every((f) => !SHELL_FILE.test(f))) return null;
    return files.length && files.length <= 6 ? { files, line: j + 1 } : null;
  }
  return null;
}

/** The heading over a finding's label (at most 12 lines up) says it is closed. */
function closedHeading(lines: string[], from: number): boolean {
  for (let j = from - 1; j >= 0 && j >= from - 12; j--) {
    const l = lines[j]!;
    if (/^#{1,6}\s/.test(l)) return RESOLVED.test(l);
    if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(l) || /^\s*(?:```|~~~)/.test(l)) return false;
  }
  return false;
}

/** A comment saying the code below is what is there today. */
const CURRENT_CODE = /^(?:current(?:ly)?|existing|actual|today|aktuell|ist-zustand|vorher|actuel|estado actual)\b/i;
/** Test runners by their output, and the language whose tests they run. */
const RUNNERS: [RegExp, string][] = [
  [/\bgradle|BUILD SUCCESS|\[INFO\]|\bmvn\b|maven|surefire|junit/i, 'Java'],
  [/\bpytest\b|\bRan \d+ tests?\b|\.py\b|unittest/, 'Python'],
  [/\bgo test\b|^(?:ok|FAIL|---)\s/m, 'Go'],
  [/\bcargo\b|test result: ok/, 'Rust'],
  [/\bdotnet\b|xunit|nunit/i, 'C#'],
  [/\bjest\b|\bvitest\b|\bnpm\b|\bpnpm\b|\byarn\b|Test Files/, 'JavaScript'],
];
/** A findings table: each row's summary states a gap. */
const FINDING_HEADER = /^(?:summary|finding|issue|gap|problem|description|befund|hallazgo|problema|lacune)$/i;
/** The column that states an audit's finding (beside a Status column). */
const AUDIT_HEADER =
  /^(?:finding|findings|issue|issues|problem|description|befund|hallazgo|problema|constat|probl[eè]me)$/i;

/** A finding's status: fixed (the fix is in the code) or open (the problem is still there). */
export function auditFate(cell: string): 'fixed' | 'open' | null {
  if (
    /^\W*(?:resolved|fixed|done|closed|mitigated|addressed|corrig[ée]e?|r[ée]solue?|behoben|erledigt|corrigido|resolvido|solucionado|resuelto)\b/i.test(
      cell,
    )
  )
    return 'fixed';
  if (
    /^\W*(?:open|unresolved|won['’]?t fix|wontfix|acknowledged|deferred|accepted|ouvert|offen|abierto|aberto)\b/i.test(
      cell,
    )
  )
    return 'open';
  return null;
}

/** Columns whose marks say yes or no of a property, not whether the row is done. */
const PROPERTY_HEADER =
  /^(?:auth(?:entication|orization|enticated)?|public|private|required|optional|mandatory|cached|deprecated|breaking|sensitive|secure|admin|internal|pii|nullable|default|rate[- ]limited|protected|login required)$/i;
const NOTES_HEADER =
  /^(?:notes?|comments?|remarks?|details|observations?|bemerkungen?|anmerkungen?|notas?|observaciones|remarques)$/i;
/** A cell that scores: "60%", "7/10", "45/100", a grade. */
const SCORED = /^(?:\d{1,3}(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*\/\s*(?:10|100)|[A-F][+-]?)$/;
/** Words that open a part saying something is absent or lacking. */
const LACKING =
  /^(?:no|missing|lacks?|lacking|without|needs?|requires?|weak|not|absent|kein(?:e|en)?|fehlende?|ohne|sin|falta|sans|pas de)\b/i;

/** "JWT auth present, no RBAC" → a part that is there and a part that is not. */
function notesParts(notes: string): { text: string; asserted: Asserted }[] {
  return notes
    .split(/(?<!\s)\s*[,;]\s*|\s\+\s/)
    .map((t) => t.trim())
    .filter((t) => /[A-Za-z]{3}/.test(t) && !/^(?:n\/a|not applicable|none|-|—)$/i.test(t))
    .slice(0, 4)
    .map((text) => ({ text, asserted: LACKING.test(text) ? ('not-done' as const) : ('done' as const) }));
}

const TEST_HEADER =
  /^(?:tests?|test count|# ?tests|number of tests|cases|test cases|anzahl(?: tests)?|pruebas|tests totales|nb tests|nombre de tests|测试数|測試數|用例数|用例數|测试用例|測試用例|测试数量|测试)$/i;
/** "Current State", "Ist-Zustand", "Estado actual": what is there today, beside a target. */
const CURRENT_HEADER = /\b(?:current|today|now|actual|ist|aktuell|actuel(?:le)?)\b/i;
const TARGET_HEADER = /\b(?:target|goal|ziel|objetivo|gap|delta|expected|erwartet|threshold)\b/i;

export function readTable(lines: string[], start: number, end: number, { push, inContext }: Sink): void {
  const header = cells(lines[start]!).map((c) => plain(c).toLowerCase());
  if (isSignoffTable(header)) return;
  let statusCol = header.findIndex((c) =>
    /status|ready|done|state|result|implemented|complete|estado|stand|zustand|statut|résultat|状态|狀態|结果|結果/.test(
      c,
    ),
  );
  const testCol = header.findIndex((c) => TEST_HEADER.test(c));
  const findingCol = statusCol < 0 ? header.findIndex((c) => FINDING_HEADER.test(c)) : -1;
  // "| Gem | Old Version | New Version |": the version now is the new one.
  const versionCol = header.findIndex((c) =>
    /^(?:(?:new|current|updated|installed|now|neue|aktuelle|nueva|actual|nova|atual)\s+)?(?:version|versión|versão|ver\.?)$/.test(
      c,
    ),
  );
  const skip = new Set(header.map((c, k) => (TARGET_HEADER.test(c) ? k : -1)).filter((k) => k >= 0));
  const targetCol = header.findIndex((c) => TARGET_HEADER.test(c));
  // "| Port | Service | Health |": the port a row gives its service, compared with the service's own.
  const portCol = header.findIndex((c) =>
    /^(?:(?:host|container|internal|external|http)\s+)?(?:port|ports|puerto|porta|porte)$/.test(c),
  );
  // "| A01: Broken Access Control | 60% | D | JWT auth present, no RBAC |": a scored row whose
  // notes say what is there and what is not.
  const notesCol = statusCol < 0 && findingCol < 0 ? header.findIndex((c) => NOTES_HEADER.test(c)) : -1;
  // "| # | Finding | Severity | Status |" with RESOLVED/FIXED/OPEN: an audit's findings, each a claim.
  const auditCol = statusCol >= 0 ? header.findIndex((c) => AUDIT_HEADER.test(c)) : -1;
  for (let j = start + 2; j < end; j++) {
    const row = cells(lines[j]!);
    if (row.every((c) => !plain(c))) continue;
    const fate = auditCol >= 0 ? auditFate(plain(row[statusCol] ?? '')) : null;
    if (fate && !inContext('historical') && !inContext('example')) {
      // FIXED/RESOLVED says the fix is in the code; OPEN says the problem is still there. Either way
      // the code the finding names in ticks must be there now.
      const cell = row[auditCol] ?? '';
      if (/`[^`\n]{2,120}`/.test(cell))
        push({
          line: j + 1,
          text: plain(row.join(' | ')),
          subject: plain(cell).slice(0, 120),
          asserted: 'done',
          number: null,
          readiness: false,
          source: 'table',
          raw: cell,
          named: fate,
        });
      // A finding with no code named: read by its shape — OPEN says the problem is there, FIXED that
      // the fix is in — and left to a precise fact, never confirmed by the words alone.
      else if (plain(cell))
        push({
          line: j + 1,
          text: plain(cell),
          subject: plain(cell).slice(0, 120),
          asserted: 'done',
          number: null,
          readiness: false,
          source: 'table',
          ...(fate === 'open' ? { problem: true } : {}),
          loose: true,
        });
      continue;
    }
    // "| `src/x.jsx:36` | `monthIncome`, `monthExpense` |": a finding at a place, with the code it
    // names — a claim about the code today even in a plan of fixes.
    const place = /`/.test(row[0] ?? '') ? locatedPath(row[0]!) : null;
    if (place && testCol < 0 && !inContext('historical') && !inContext('example')) {
      const rest = row.slice(1).join(' | ');
      if (/`[^`]+`/.test(rest))
        push({
          line: j + 1,
          text: plain(row.join(' | ')),
          subject: place,
          asserted: 'done',
          number: null,
          readiness: false,
          source: 'table',
          problem: true,
          locus: place.replace(/:\d+(?:-\d+)?$/, ''),
          raw: rest,
        });
      continue;
    }
    // A plan's or a reviewer's table states work to do; only a row with its own mark is a claim.
    // (A table of the versions installed states facts under a pre-deployment check as well.)
    const versionRow = versionCol > 0 && /\d/.test(row[versionCol] ?? '') && !inContext('planned');
    if ((inContext('planned') || inContext('review')) && !iconStatus(row.join(' ')) && !versionRow) continue;
    if (notesCol > 0 && !inContext('historical') && row.some((c, k) => k !== notesCol && SCORED.test(plain(c)))) {
      const notes = plain(row[notesCol] ?? '');
      const parts = notesParts(notes);
      if (parts.length)
        push({
          line: j + 1,
          text: notes,
          subject: parts[0]!.text,
          asserted: 'done',
          number: null,
          readiness: false,
          source: 'table',
          parts,
        });
      continue;
    }
    if (findingCol >= 0) {
      // In an action plan the rows are work to do, and their wording is not a claim about the code.
      if (inContext('planned') || inContext('review')) continue;
      const cell = plain(row[findingCol] ?? '');
      const said = statusOf(cell);
      if (said && said !== 'done' && !inContext('historical'))
        push({ line: j + 1, text: cell, asserted: said, number: null, readiness: false, source: 'table' });
      continue;
    }
    // A mark under "Auth" or "Required" is that column's value ("❌ Public"), not the row's status.
    if (statusCol < 0)
      statusCol = row.findIndex((c, k) => iconStatus(c) !== null && !PROPERTY_HEADER.test(header[k] ?? ''));
    const statusCell = statusCol >= 0 ? (row[statusCol] ?? '') : '';
    // The first cell that is not a row number names the row.
    const first = row.findIndex((c) => !/^\s*#?\d+\.?\s*$/.test(plain(c)));
    const subject = plain(row[Math.max(0, first)] ?? '').replace(/^[-–•]\s*/, '');
    const text = plain(row.join(' | '));
    if (versionCol > 0 && /\d/.test(row[versionCol] ?? '')) {
      // "| react | ^19.0.0 | ✅ |": a dependency at a version.
      const version = plain(row[versionCol]!).split(/\s/)[0]!;
      const said = statusCell ? statusOf(statusCell) : 'done';
      push({
        line: j + 1,
        text,
        subject,
        asserted: said === 'not-done' ? 'not-done' : 'done',
        number: null,
        readiness: false,
        source: 'table',
        raw: `\`${subject}\` ${version}`,
      });
      continue;
    }
    if (testCol > 0) {
      const count = plainNumber(row[testCol] ?? '', 'tests');
      // "| Integration | 8 | integration_smoke_test.go |": the test file the row names is what it counts.
      const file = row.map((c) => TEST_FILE.exec(plain(c))?.[1]).find(Boolean);
      if (count && (count.kind === 'count' || count.kind === 'ratio')) {
        push({
          line: j + 1,
          text,
          subject: file ?? subject,
          asserted: statusOf(statusCell) === 'not-done' ? 'not-done' : 'done',
          number: { ...count, unit: 'tests' },
          readiness: false,
          source: 'table',
        });
        continue;
      }
    }
    const asserted = statusCell ? statusOf(statusCell) : null;
    // "| Database | In-memory dicts | PostgreSQL + async SQLAlchemy |" in a gap table: the target is
    // said not to be reached yet — stale when it is there now.
    const target =
      targetCol > 0 && statusCol >= 0 && CURRENT_HEADER.test(header[statusCol]!) ? plain(row[targetCol] ?? '') : '';
    if (!asserted && target && !inContext('historical')) {
      push({
        line: j + 1,
        text: `${subject}: ${target}`,
        subject: target,
        asserted: 'not-done',
        number: null,
        readiness: false,
        source: 'table',
      });
      continue;
    }
    const rest = numberIn(row.filter((_, k) => k !== statusCol && !skip.has(k)).join(' | '));
    // A figure in a coverage column is coverage ("| SBUtil | 90.52% |" under "Line Coverage").
    const numberCol = row.findIndex((c, k) => k > 0 && k !== statusCol && /\d/.test(c));
    if (rest.number && rest.number.kind === 'percent' && /cover|abdeckung|cobertura/.test(header[numberCol] ?? ''))
      rest.number.unit = 'coverage';
    const found = rest.number ? rest : numberIn(statusCell);
    const { readiness } = found;
    // "| Integration Tests | ✅ | 7/8 passing |": the row's subject says what is counted.
    const number =
      found.number &&
      !readiness &&
      /\btests?\b|pruebas|testfälle/i.test(subject) &&
      (found.number.kind === 'ratio' || found.number.kind === 'count') &&
      !isTestCount(found.number)
        ? { ...found.number, unit: 'tests' }
        : found.number;
    const subScore = !!pillarOf(subject) && !!number && number.kind !== 'count';
    if (asserted || readiness || subScore) {
      if (inContext('historical') && asserted !== 'done' && !readiness) continue;
      const portCell = portCol >= 0 ? /^\s*:?(\d{2,5})\s*$/.exec(plain(row[portCol] ?? '')) : null;
      const port = portCell && portCol !== Math.max(0, first) ? Number(portCell[1]) : undefined;
      push({
        line: j + 1,
        text,
        subject,
        asserted: asserted ?? 'done',
        number: port ? null : number,
        readiness,
        source: 'table',
        ...(port ? { port } : {}),
      });
    } else if (countRow(row, subject) && !inContext('historical') && !inContext('planned') && !inContext('example'))
      // "| Controllers | 3 |" in a table of metrics: a count of code units, as "**Controllers**: 3" is.
      push({
        line: j + 1,
        text: `${countRow(row, subject)}: ${plain(row[1]!)}`,
        subject,
        asserted: 'done',
        number: null,
        readiness: false,
        source: 'table',
      });
    else if (
      found.number &&
      subject &&
      !inContext('historical') &&
      !inContext('planned') &&
      !inContext('review') &&
      !inContext('example')
    )
      // "| **Tests Unitaires** | 11 tests pour les modèles |", "| **Logging** | **8 / 10** | Strong |": a
      // row that gives its subject a figure, read by its shape; a precise count may settle it.
      push({ line: j + 1, text, subject, asserted: 'done', number, readiness: false, source: 'table', loose: true });
  }
}

/** "Laravel Models", "Django Views": a unit led by the framework or language it is of. */
const FRAMEWORK_LED =
  /^(?:laravel|django|rails|spring|nest(?:js)?|express|flask|fastapi|next(?:\.js)?|nuxt|react|vue|angular|symfony|eloquent|sequelize|prisma|typeorm|sqlalchemy|jpa|php|python|java|kotlin|ruby|go|c#|typescript|javascript)\s+(\S+)$/i;
/**
 * A two-cell row whose value is a bare count of a framework's code units ("| Policies | 1 |", "| Laravel
 * Models | 2 |"): the label the count is judged under, the framework's name dropped; null for another row.
 */
function countRow(row: string[], subject: string): string | null {
  if (row.length !== 2) return null;
  const value = plain(row[1]!);
  if (!/^~?\d{1,4}\+?$/.test(value)) return null;
  if (countsCodeUnits(subject, value)) return subject;
  const rest = FRAMEWORK_LED.exec(subject)?.[1];
  return rest && countsCodeUnits(rest, value) ? rest : null;
}

/** A test file's name: "x_test.go", "x.test.ts", "XTest.java", "test_x.py", "x.spec.js". */
const TEST_FILE =
  /(?:^|[\s(`])((?:[\w.-]+\/)*(?:\w+_test\.go|[\w.-]+\.(?:test|spec)\.[jt]sx?|\w+Tests?\.(?:java|kt|cs)|test_\w+\.py|\w+_test\.py))(?=$|[\s)`,;])/;

/** A fenced block's lines, one at a time; `open` at each opening fence. */
export function fenceReader(
  lines: string[],
  { push, inContext }: Sink,
): { open(at: number): void; line(raw: string, n: number): void; listing(): boolean } {
  let fenceAt = 0;
  let tree: { indent: number; name: string }[] = [];
  /** Under "// CURRENT (INSECURE):" the code is what the repository holds today; under "// REQUIRED:" it is not. */
  let current = false;
  /** The file the block is shown from, when the line above it or a comment in it names one. */
  let located = '';
  /** The line that named it: the lines shown from one place stand or fall together. */
  let locatedAt = 0;
  /** The files a finding's "**Location:**" names, when the block shows its code from one of them. */
  let locatedIn: string[] = [];
  /** The line of "// Auth Flow (3 tests)" over the test names being read, else 0. */
  let groupAt = 0;
  /** A fence of plain text ("```" alone, "```text"), where a line may list a file. */
  let plainFence = false;
  /** Code shown from the file a heading or label names: each line is looked for on its own. */
  let listing = false;
  return {
    open(at: number) {
      fenceAt = at;
      plainFence = /^\s*(?:```+|~~~+)[ \t]*(?:te?xt|plain(?:text)?)?$/i.test((lines[at] ?? '').trimEnd());
      groupAt = 0;
      tree = [];
      current = false;
      located = '';
      locatedIn = [];
      // "`src/…/WebSecurityConfig.kt:84` exempts `/graphql` from CSRF:" above the block: the code
      // below is shown as that file holds it.
      let k = at - 1;
      while (k >= 0 && !lines[k]!.trim()) k--;
      const intro = k >= 0 ? LOCATED_INTRO.exec(lines[k]!.trim()) : null;
      if (intro && !inContext('planned') && !inContext('review') && !inContext('example')) {
        located = intro[1]!.replace(/:\d+(?:-\d+)?$/, '');
        locatedAt = k + 1;
        current = true;
      } else if (!inContext('planned') && !inContext('review') && !inContext('example')) {
        // "**Location:** `app/Services/Mail/SendGridMailService.php` (line 23)", "**Issue:** Using
        // `env()` fallback …", then the code: one of the files named holds it, or the finding is stale.
        const place = findingLocation(lines, at);
        if (place) {
          located = place.files[0]!;
          locatedIn = place.files;
          locatedAt = place.line;
          current = true;
        }
      }
      // "#### Test Setup (`tests/setup.ts`):" over the code: the file's lines, each there or not on its own
      // (an example taken from a named file is still that file's).
      const shown =
        !located && k >= 0 && !inContext('planned') && !inContext('review') ? listingIntro(lines[k]!) : null;
      if (shown) {
        located = shown;
        locatedAt = k + 1;
        current = true;
        listing = true;
      }
    },
    line,
    listing: () => listing,
  };

  /**
   * Inside a fence: tree nodes with a mark, lines that start with a mark, test-runner summaries,
   * the text of a box ("║ READINESS SCORE: 66.5/100 ║"), code with a mark in its comment
   * ("MaxOpenConns: 25 // ⚠️ may be low"), and code shown as what the repository holds now.
   */
  function line(raw: string, n: number): void {
    const t = TREE.exec(raw);
    if (t) {
      const indent = t[1]!.length;
      tree = tree.filter((x) => x.indent < indent);
      const name = t[2]!.replace(/\/$/, '');
      const status = iconStatus(t[3]!);
      // A folder keeps its slash, so that it is looked up as a folder.
      const path = [...tree.map((x) => x.name), t[2]!].join('/');
      tree.push({ indent, name });
      if (status) {
        const text = `${path} ${plain(t[3]!)}`.trim();
        push({
          line: n,
          text,
          subject: path,
          asserted: status,
          number: null,
          readiness: false,
          source: 'fence',
          raw: text,
        });
      } else if (
        treeNodeClaim(t[2]!, t[3]!) &&
        !inContext('planned') &&
        !inContext('example') &&
        // "├── Entity/   # Tests unitaires entités" over its "│   ├── UserTest.php (8 tests)": the folder
        // is there when its nodes are; the note names the group, and the nodes carry the claims.
        !(t[2]!.endsWith('/') && parentNode(lines, n, indent))
      ) {
        // "├── auth_flow_test.go   (3 tests - Login flows)": a file of the tree, and what its note counts.
        const text = `${path} ${plain(t[3]!)}`.trim();
        push({
          line: n,
          text,
          subject: path,
          asserted: 'done',
          number: null,
          readiness: false,
          source: 'fence',
          raw: text,
          placed: path,
        });
      } else if (BARE_NODE.test(t[2]!) && !/\S/.test(t[3]!) && !inContext('planned') && !inContext('example')) {
        // "├── windows/" with no note: the tree says the file is there. Too many such nodes go
        // ungraded to confirm them by presence alone; a node not there is the tree out of date.
        push(listedPath(n, path, path));
      }
      return;
    }
    // "internal/domain/" above its "├── errors/": the folder the tree's nodes are in; with a mark of
    // its own ("config/   ✅ Configuration"), a claim that it is there.
    const root = TREE_ROOT.exec(raw.trimEnd());
    if (root) {
      // (A single folder on top is as often the project's own name as a folder in it.)
      const dir = root[1]!.replace(/\/$/, '');
      tree = dir.includes('/') ? [{ indent: -1, name: dir }] : [];
      const status = iconStatus(root[2] ?? '');
      if (status) {
        const text = `${root[1]} ${plain(root[2] ?? '')}`.trim();
        push({
          line: n,
          text,
          subject: root[1]!,
          asserted: status,
          number: null,
          readiness: false,
          source: 'fence',
          raw: text,
        });
      }
      return;
    }
    // "Unit Tests:     64 tests (133 assertions)": a breakdown of the suite by kind, each a count.
    const kind = TEST_BREAKDOWN.exec(raw);
    if (kind && !/^(?:skipped|failed|failing|errors?|pending|incomplete|risky|warnings?)$/i.test(kind[1]!.trim())) {
      const subject = kind[1]!.trim();
      return void push({
        line: n,
        text: plain(raw),
        subject,
        asserted: 'done',
        number: { kind: 'count', value: Number(kind[2]!.replace(/,/g, '')), unit: 'tests' },
        readiness: false,
        source: 'fence',
      });
    }
    const runner = testOutput(raw);
    if (runner) {
      // The runner whose output this is tells which tests it counted (Gradle's are the JVM's).
      const block = lines.slice(fenceAt, fenceAt + 200).join('\n');
      const language = RUNNERS.find(([re]) => re.test(block))?.[1];
      const subject = language ? `${language} tests` : 'test run';
      return void push({
        line: n,
        text: plain(raw),
        subject,
        asserted: 'done',
        number: runner,
        readiness: false,
        source: 'fence',
      });
    }
    if (FENCE_MARK.test(raw)) {
      const body = raw.replace(/^\s*(?:#|\/\/|--|\*|-|>)\s*/, '');
      const asserted = /^\s*PASS\b/.test(body) ? 'done' : /^\s*FAIL\b/.test(body) ? 'not-done' : statusOf(body);
      if (asserted) push({ line: n, text: plain(body), asserted, ...numberIn(body), source: 'fence' });
      return;
    }
    // "- TestAuthFlow_LoginSuccess" in a list of the suite's tests: that test is defined.
    const named = TEST_NAME_ITEM.exec(raw);
    if (named && !inContext('planned') && !inContext('example'))
      return void push({
        ...(groupAt ? { detailOf: groupAt } : {}),
        line: n,
        text: named[1]!,
        subject: named[1]!,
        asserted: 'done',
        number: null,
        readiness: false,
        source: 'fence',
        testsNamed: [named[1]!],
      });
    if (!named) groupAt = 0;
    const comment = /^\s*(?:\/\/|#|--|\/\*)(.*)/.exec(raw);
    // "// Auth Flow (3 tests)" over the names of those tests: that many, and each defined.
    const group = comment ? TEST_GROUP.exec(comment[1]!.trim()) : null;
    if (group && !inContext('planned') && !inContext('example')) {
      const names: string[] = [];
      for (let k = n; k < lines.length && k < n + 200; k++) {
        const m = TEST_NAME_ITEM.exec(lines[k]!);
        if (!m) break;
        names.push(m[1]!);
      }
      groupAt = names.length ? n : 0;
      if (names.length)
        return void push({
          line: n,
          text: plain(comment![1]!.trim()),
          subject: group[1]!,
          asserted: 'done',
          number: { kind: 'count', value: Number(group[2]!), unit: 'tests' },
          readiness: false,
          source: 'fence',
          testsNamed: names,
        });
    }
    if (comment && !FENCE_MARK.test(raw)) {
      // "// Fixed:", "// Recommended": from here on the block shows a change, not the file.
      if ((locatedIn.length || listing) && PROPOSAL.test(comment[1]!)) {
        located = '';
        locatedIn = [];
        listing = false;
        current = false;
        return;
      }
      // "// AccountController.kt:371" above a statement: the code below it is that file's.
      const place = LOCATED_COMMENT.exec(comment[1]!.trim());
      if (place && !inContext('planned') && !inContext('review') && !inContext('example')) {
        located = place[1]!.replace(/:\d+(?:-\d+)?$/, '');
        locatedAt = n;
        current = true;
        // The citation itself: the file is there and reaches that line, or the block is out of date.
        return void push({
          line: n,
          text: place[1]!,
          subject: located,
          asserted: 'done',
          number: null,
          readiness: false,
          source: 'fence',
          raw: place[1]!,
          placed: place[1]!,
          loose: true,
        });
      }
      // A comment of a listed file ("//! ## Boundary") is one of its lines too.
      if (located && !(listing && /[A-Za-z]{2}/.test(comment[1]!))) return;
      if (located) return void push(listedLine(n, raw.trim(), located));
      current = CURRENT_CODE.test(comment[1]!.trim()) && !inContext('planned') && !inContext('review');
      return;
    }
    if (!raw.trim()) {
      if (!located) current = false;
      return;
    }
    // "lib/db/schema.ts   - Extended with 5 new tables", "src/api/axios.js:   12 ocorrências" in a
    // plain fence: a listing of files, each said to be at that path.
    const listed = plainFence ? LISTED_FILE.exec(raw) : null;
    if (listed && !inContext('planned') && !inContext('example')) {
      const path = listed[1]!.replace(/:$/, '');
      return void push(listedPath(n, plain(raw.trim()), path));
    }
    const boxed = boxText(raw);
    if (boxed !== null) {
      const text = plain(boxed);
      const { number, readiness } = numberIn(text);
      const said = statusOf(text);
      if (readiness || said)
        push({ line: n, text, asserted: said ?? 'done', number, readiness, source: 'fence', raw: text });
      return;
    }
    const marked = codeMark(raw);
    if (marked && /[\w"')\]]/.test(marked[0])) {
      const code = marked[0].replace(/[,;]$/, '');
      return void push({
        line: n,
        text: `${code} — ${plain(marked[1])}`.trim(),
        subject: code,
        asserted: 'done',
        number: null,
        readiness: false,
        source: 'fence',
        raw: `\`${code}\``,
      });
    }
    if (current && /[A-Za-z]/.test(raw)) {
      // A trailing "// note" is the author's, not the file's.
      const note = raw.search(/\s\/\//);
      const code = (note > 0 ? raw.slice(0, note) : raw).trim().replace(/[,;]$/, '');
      // A line of a shown file is what the file holds; a bare opener or closer says nothing.
      if (located && !/[A-Za-z]{2}.*[\w"')]/.test(code)) return;
      if (listing) return void push(listedLine(n, code, located));
      return void push({
        ...fenceClaim(n, code, code, `\`${code}\``),
        ...(located ? { locus: located, shownFrom: locatedAt } : {}),
        ...(locatedIn.length > 1 ? { shownIn: locatedIn } : {}),
        ...(locatedIn.length ? { locatedFinding: true } : {}),
      });
    }
  }
}

function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/**
 * A path a fence lists with no note ("├── windows/", "lib/db/queries.ts  - …"): the block says it is
 * there. Loose: too many such lines go ungraded to confirm them by presence alone, but a path that is
 * not there is the listing out of date.
 */
function listedPath(line: number, text: string, path: string): Claim {
  return { ...fenceClaim(line, text, path, path), placed: path, loose: true };
}

/** A line of code the document shows from a file it names: the file must hold it as written. */
function listedLine(line: number, code: string, file: string): Claim {
  return { ...fenceClaim(line, code, code, `\`${code}\``), locus: file, listing: true };
}

/** A claim a fence's line makes: said done, no figure, not a readiness score. */
function fenceClaim(line: number, text: string, subject: string, raw: string): Claim {
  return { line, text, subject, asserted: 'done', number: null, readiness: false, source: 'fence', raw };
}
