/**
 * The shapes of a claim's line the judge reads before it looks anything up: a line in two parts,
 * an auditor's own step, a run's result, an opinion, a value the files cannot compare. Split from judge.ts.
 */
import type { Report, RuleReport } from '../report/schema.js';
import type { Claim } from './extract.js';
import { fileText } from './problems.js';
import { type Finding, fileFinding, type LookupContext } from './lookup.js';
import { namesIn } from './names.js';
import { plain, statusOf as statusOfWords } from './status.js';
import type { VerifiedClaim } from './schema.js';
const BUT_NOT = /,? but (?:there is |there are |it has |has |have )?(?:no|not|without|lacks?|lacking|missing|none)\b/i;
/** Labels that introduce the state described, not a thing of their own. */
const STATE_LABEL =
  /^(?:current(?:ly| state)?|state|status|today|now|ist-zustand|aktuell|estado actual|état actuel|actuellement)$/i;

/** "X exists, but no Y" → X is there, Y is not. */
export function butParts(text: string): Claim['parts'] | null {
  const m = BUT_NOT.exec(text);
  if (!m) return null;
  let head = text.slice(0, m.index).trim();
  const colon = head.indexOf(': ');
  if (colon > 0 && STATE_LABEL.test(head.slice(0, colon).trim())) head = head.slice(colon + 2).trim();
  // The negative word ("no", "without") stays with what it negates.
  const tail = text.slice(m.index + m[0].lastIndexOf(' ') + 1).trim();
  if (head.length < 4 || tail.length < 4) return null;
  return [
    { text: head, asserted: 'done' },
    { text: tail, asserted: 'not-done' },
  ];
}

/** "| Containers Docker | 8 |", "Docker services: 9", "9 services in docker-compose.yml": a count of compose services. */
export function composeCount(claim: Claim): number | null {
  const t = plain(claim.text);
  if (!/\b(?:docker|compose|containers?)\b/i.test(t)) return null;
  const label = /^(?:docker\s+)?(?:containers|services)(?:\s+docker)?\s*[:|]\s*(\d{1,3})\s*(?:\||$)/i.exec(t);
  const words = /(?<![\d.,])(\d{1,3}) (?:docker |compose )?(?:services|containers)\b/i.exec(t);
  const m = label ?? words;
  return m ? Number(m[1]) : null;
}

export const PRIORITY_LEAD =
  /^(?:immediate(?:ly)?|urgent|asap|p[0-3]|high[- ]priority|medium[- ]priority|low[- ]priority|short[- ]term|medium[- ]term|long[- ]term|sofort|dringend|urgente|imediato|inmediato)\s*:\s*\S/i;

/** "Error Handling: thiserror", "Broker: Redis": a label's value that is exactly a declared library's name. */
export function valueDependency(ctx: LookupContext, claim: Claim) {
  const m = /^[^:]{2,40}:\s*([@\w][\w.@/-]{1,60})\s*$/.exec(plain(claim.text));
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  return ctx.facts.dependencies.find((d) => d.name.toLowerCase() === name) ?? null;
}

const SUPERFLUOUS =
  /^\s*(?:[-–—:]\s*)?(?:is\s+|are\s+)?(?:not (?:needed|used|required|in use|referenced)|unused|no longer (?:used|needed)|obsolete|redundant|leftover|dead|deprecated|can be (?:removed|deleted)|should be (?:removed|deleted)|n[aã]o (?:usad[oa]|necess[aá]ri[oa])|sin uso|innecesari[oa]|nicht (?:verwendet|benötigt)|inutilis[ée]e?|非必要|未使用)\b/i;

/** A file or folder a line names first, then calls unused or not needed. */
export function superfluousFile(claim: Claim, ctx: LookupContext): Finding | null {
  const text = plain(claim.text);
  const path = namesIn(claim.text).paths[0];
  if (!path || (!text.startsWith(path.replace(/^\.\//, '')) && !text.startsWith(path))) return null;
  const rest = text.slice(text.indexOf(path) + path.length);
  if (!SUPERFLUOUS.test(rest)) return null;
  const f = fileFinding(ctx, path);
  return f.present === 'yes' || f.present === 'no' ? f : null;
}

/** A report's rules by id, indexed once: every claim asks. */
const rulesOf = new WeakMap<Report, Map<string, RuleReport>>();
/** A table row's or a line's verdict of a run: "| PASS |", "FIXED", "FUNCTIONAL", "working". */
export const RAN_VERDICT = /\b(?:PASS(?:ED)?|FIXED|FUNCTIONAL|WORKING|VERIFIED|OPERATIONAL|SUCCESS(?:FUL)?)\b/;
/** "113/134 Passing", "All Passing (52/52)", "20/20 tests passed": how many of a run's tests passed. */
export const RUN_TALLY =
  /(?<![\d.])\d{1,5}\s*\/\s*\d{1,5}\s+(?:tests?\s+)?(?:passing|passed|pass)\b|\b(?:passing|passed)\s*\(\s*\d{1,5}\s*\/\s*\d{1,5}\s*\)/i;
/** What a component does or how well, beyond that it is there: "use text + color", "shows uptime", "optimized". */
export const BEHAVIOUR =
  /\b(?:uses?|shows?|displays?|renders?|works?|responds?|returns?|prevents?|ensures?|allows?|available in|optimi[sz]ed|faster|semantic|accessible|real-time)\b/i;

export function ruleById(report: Report, id: string): RuleReport | undefined {
  let m = rulesOf.get(report);
  if (!m) rulesOf.set(report, (m = new Map(report.pillars.flatMap((p) => p.rules.map((r) => [r.id, r] as const)))));
  return m.get(id);
}

export const UNCHECKABLE_ACTION =
  /^(?:update|review|verify|check|ensure|validate|test|monitor|watch|run|conduct|perform|tune|optimi[sz]e|improve|increase|reduce|refactor|clean(?: up)?|investigate|evaluate|consider|fix|address|resolve|share|train|communicate|schedule|rotate|renew|prüfen|überprüfen|aktualisieren|revisar|verificar|actualizar|mejorar)\b/i;
/** Verbs whose object a reader can look for: "Optimize <database queries>", "Consider <a CDN>". */
export const OBJECT_OF_ACTION =
  /^(?:(?:update|review|ensure|tune|optimi[sz]e|improve|increase|reduce|refactor|clean(?: up)?|fix|address|resolve|consider|überprüfen|aktualisieren|revisar|actualizar|mejorar)\s+(?:and\s+|&\s+|und\s+|y\s+)?)+/i;
export const NOT_VERIFIED =
  /\b(?:verification|validation|testing|review|check) (?:is )?(?:still )?(?:needed|required|pending)\b|\bnot (?:yet )?(?:tested|verified|validated|reviewed|audited|benchmarked|exercised|proven)\b|\bnicht (?:getestet|geprüft|verifiziert)\b|\bno (?:probad[oa]|verificad[oa]|validad[oa])\b/i;
export const OUTCOME =
  /\b\d+\s+(?:[\w-]+\s+)?(?:tests?\s+)?(?:failed|failing|failures?|skipped|fehlgeschlagen|übersprungen|fallid[oa]s|fallos|omitid[oa]s|échou[ée]s?|errors?|warnings?|warnungen|avisos|avertissements)\b/i;

/** What a run did ("executed", "applied", "passing"): a count that holds does not show it. */
export const RUN_WORDS = /\b(?:execut|appl(?:y|ied)|ran\b|run\b|pass|succe|green|funcion|erfolg|ausgef)/i;

export const RUNS =
  /\b(?:database|db) (?:is |was |has been )?seeded\b|\bseeded with\b|\ball (?:[\w-]+ ){0,3}(?:are |is )?working\b|\bworks? end-to-end\b|\bcompletes? successfully\b|\b(?:tested|verified) (?:and|&) (?:working|functional)\b|\bworking (?:examples?|tests?|doc ?tests?|demos?|builds?)\b|\b(?:examples?|demos?|builds?|doc(?:umentation)? tests?) (?:verified|validated|work|run)\b|\bbuilds? (?:successfully|cleanly|without (?:errors|warnings))\b|\bno compilation errors\b|\bcompiles? (?:cleanly|successfully|without)\b/i;

/** "No Linting Errors", "Zero compilation warnings", "Fully functional": what a run shows, not the files. */
export const RUN_RESULT =
  /\b(?:no|zero|keine|aucune?|ning[uú]n|nenhum|nenhuma)\s+(?:[\w-]+\s+)?(?:errors|warnings|vulnerabilit(?:y|ies)|fehler|warnungen|erreurs?|errores|erros?)\b|(?:^|[\s:|(])0\s+(?:[\w-]+\s+)?(?:issues|errors|warnings|findings|problems|vulnerabilities)\b|\b(?:full|complete|100 ?%)\s+(?:test\s+)?coverage\b|\bfully (?:functional|operational|working)\b|\bvoll funktionsfähig\b|\bpleinement fonctionnel/i;

/** "Limited X", "Basic X": a degree of something, which the files show only as there or not. */
/** A part of the line (after a label, a dash or a table cell) that begins by saying something is absent. */
const ABSENCE_LEAD =
  /^(?:no|none|missing|lacks?|lacking|without|absent|there (?:is|are) no|no hay|não há|il n'y a pas|es gibt kein\w*|kein(?:e|en)?|fehlende?[rn]?|ohne|sin|falta|faltan|aucun[e]?|pas de|sans|nenhum[a]?)\b/i;
export const statesAbsence = (text: string) =>
  plain(text)
    .split(/\s[-–—]\s|[|;]|:\s/)
    .some((part) => ABSENCE_LEAD.test(part.replace(/^[^\p{L}]+/u, '')));

export const DEGREE =
  /^(?:limited|basic|some|minimal|rudimentary|partial|begrenzte?|grundlegende?|limitad[oa]|b[aá]sic[oa]|limit[ée]e?)\s/i;

export const RUN_FAILS =
  /\b(?:npm run \w+|lint(?:ing|er)?|build|tests?|compil\w*|type-?check\w*|ci|pipeline)\b[^.;]{0,24}\b(?:still fails|fails|failing|is failing|breaks|is broken|schlägt fehl|falla|échoue)\b/i;

export const OPINION =
  /^(?:easy|easier|simple|simpler|seamless|intuitive|elegant|excellent|great|nice|beautiful|user-friendly|developer-friendly|painless|effortless|efficient|performant|blazing|lightning|einfache?|simples?|fácil|facile)\s/i;

/**
 * A report of the auditor's own step: "Lecture complète du schéma", "Vérification des dépendances",
 * "Analysis of the routes", "Revisión de …", "Überprüfung der …", "Reviewed the config", "Counted and verified …".
 */
const AUDITOR_STEP =
  /^(?:(?:lecture|relecture|vérification|verification|analyse|analysis|examen|revue|review|inspection|reading|lectura|revisión|verificación|análisis|leitura|revisão|verificação|análise|überprüfung|prüfung|durchsicht|test)\s+(?:(?:complète|completa|complete|détaillée|detallada|detalhada|vollständige|full|thorough|manuel(?:le)?|manual)\s+)?(?:de|des|du|d'|del|da|do|das|dos|of|the|der|die)\b|(?:reviewed|verified|checked|counted|analy[sz]ed|inspected|audited|examined|read|lu|analysé|vérifié|examiné|relu|revisado|verificado|analizado|analisado|lido|geprüft|überprüft|analysiert|gelesen)\b)/i;

export function auditorAction(text: string): boolean {
  const t = plain(text).replace(/^[^\p{L}]+/u, '');
  return AUDITOR_STEP.test(t) || AUDITOR_STEP.test(t.replace(/^[^:]{1,40}:\s*/, ''));
}

/** Labels of advice, commands, risks and impacts, in the languages the documents are written in. */
export const ADVICE_LABEL =
  /^[^\p{L}]*(?:empfohlen|empfehlung|recommend(?:ed|ation)?|recomendaci[oó]n|recomenda[cç][aã]o|recommandation|kommando|command|befehl|comando|commande|soluci[oó]n|solution|solu[cç][aã]o|l[öo]sung|riesgo|risque|risco|risiko|risk|impact|impacto|auswirkung)\s*:/iu;

/** "correct", "correctement", "bien structurées", "well-structured", "best practices": a judgement of quality. */
/**
 * Words that make a line a possibility or a doubt about what it names (en, pt, es, fr, de). Measured on
 * rounds 5-14: negations and failures ("fails to start if X is missing", "without it, …") describe
 * code a reader finds as written as often as not, so only the possibility is taken as unsettled.
 */
export const SAID_OF_IT =
  /\b(?:may|might|could|pode(?:m|ria)?|poderia|puede(?:n)?|podr[ií]a|peu(?:t|vent)|pourrai(?:t|ent)|kann|k[öo]nnte|(?:debe|deve|doit|should|must|muss) (?:ser |être |be |werden )?(?:verific|v[ée]rifi|checked|geprüft|confirm)\w*)\b/i;

/** The state of a run or an author's verdict: "all tests are now green", "scan complete", "Apto com ressalvas". */
export const RUN_STATE =
  /\ball (?:[\w-]+ ){0,2}tests? (?:(?:are|is|were) )?(?:now )?(?:green|passing|pass(?:ed)?)\b|\btests? (?:are )?(?:now )?green\b|\b(?:security|vulnerability|dependency|code) (?:scan|audit)s? (?:is |was |are )?(?:complete[d]?|passed|clean)\b|\bapt[oa] (?:com|con) ressalvas\b/i;

export const WELL_DONE =
  /(?<![\p{L}\p{N}_])(?:correct(?:e|es|ement|ly)?|correctamente|corretamente|correct[oa]s?|corret[oa]s?|korrekt|bien (?:structur|organis|estructurad|organizad)\p{L}*|bem (?:estruturad|organizad)\p{L}*|gut (?:strukturiert|organisiert)|well[- ](?:structured|organi[sz]ed)|best practices|bonnes pratiques|buenas pr[áa]cticas|boas pr[áa]ticas)(?![\p{L}\p{N}_])/iu;

/** "8 toasts", "5 new formatting rules", "3 endpoints": a count of things in a file its note gives. */
export const FILE_NOTE_COUNT =
  /(?<![\w.:/@-])(?<!\b(?:phase|step|stage|sprint|version|part|chapter|level|task|week|day|section|issue|fase|etapa|paso|passo|schritt|no\.?|nº|#)\s?)(\d{1,4})\s+(?:new\s+|more\s+|extra\s+|novos?\s+|nuevos?\s+|neue\s+)?(?!(?:lines?|linhas?|líneas?|zeilen|lignes?|tests?|testes?|pruebas|bytes?|kb|mb|ms|seconds?|minutes?|hours?|days?|years?|x)\b)([\p{L}][\p{L}-]{2,})(?![\p{L}-])(?!\s*(?:→|->|=>))/iu;
/** The value a file the evidence names gives the key of `releaseTag = "0.3.1"`: where it is set there. */
export function assignedIn(
  ctx: LookupContext,
  evidence: VerifiedClaim['evidence'],
  quoted: string,
): { path: string; line: number; snippet: string; value: string } | null {
  const key = quoted
    .slice(0, quoted.search(/[ \t]?=/))
    .split('.')
    .pop()!;
  if (key.length < 3) return null;
  const setting = new RegExp(
    `(?<![\\w.])${key.replace(/[$]/g, '\\$&')}["']?[ \\t]*[:=][ \\t]*["']([^"'\\n]{1,60})["']`,
  );
  for (const path of [...new Set(evidence.map((e) => e.path))]) {
    if (!ctx.files.exists(path)) continue;
    const lines = (fileText(ctx, path) ?? '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = setting.exec(lines[i]!);
      if (m) return { path, line: i + 1, snippet: lines[i]!.trim().slice(0, 160), value: m[1]! };
    }
  }
  return null;
}
/** "releaseTag = \"0.3.1\"", "version = '2.1'": a value the line quotes for a name. */
export const ASSIGNED = /(?<![\w.])[\w.]{1,80}[ \t]?=[ \t]?["']([^"'\s]{1,60})["']/;

/** "tested", "getestet", "testados", "testé", "probado": a claim that something is tested. */
export const TESTED =
  /(?<![\p{L}\p{N}_])(?:tested|untested|getestet|testad[oa]s?|testé(?:e|s|es)?|probad[oa]s?)(?![\p{L}\p{N}_])/iu;
/** A test file or folder: what shows a thing is tested. */
export const TEST_PATH =
  /(?:^|\/)(?:tests?|spec|specs|__tests__|e2e|testing)\/|[._-](?:test|spec)s?\.\w+$|Tests?\.\w+$/i;

/** "Monitoring script created" found as scripts/production-monitor.sh: the file's name says what the claim does. */
export function fileNamedByWords(claim: Claim, evidence: VerifiedClaim['evidence']): boolean {
  const stems = plain(claim.text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && !statusOfWords(w) && !/(?:ed|ete|ion)$/.test(w))
    .map((w) => w.slice(0, 5));
  return evidence.some((e) => {
    const parts = (e.path.toLowerCase().split('/').pop() ?? '').split(/[^a-z0-9]+/);
    return stems.some((st) => parts.some((p) => p.startsWith(st)));
  });
}

/**
 * Values a line gives that are its whole point, checked only where the lookup that confirmed it could
 * not have compared them (measured on rounds 5-17; the grader confirms a line whose decoration — an
 * interval "(alle 10s)", a coverage "(43.2%)" — the reader takes as read, so only these stay):
 * - a size ("/organization/plan: 255 KB") confirmed by a path, route or identifier being there;
 * - a percentage that is the line's only content beside a short label ("Documentation: 80%");
 * - a port ("port 3000") that the evidence does not show.
 * Returns the value the evidence does not show, or null.
 */
const SIZE = /(?<![\w.])(\d+(?:[.,]\d+)?)\s*(?:KB|MB|GB|TB|KiB|MiB|GiB|kB)(?![\p{L}])/u;
const PERCENT = /(?<![\w.])(\d+(?:[.,]\d+)?)\s*%/;
const PORT = /\bport[ \t]?:?[ \t]?(\d{2,5})\b/i;
const KEYED_NUMBER = /"[\w.-]{1,60}"[ \t]?:[ \t]?(\d+(?:\.\d+)?)(?![\w.])/;
export function uncomparedValue(claim: Claim, basis: string, said: string): string | null {
  const t = plain(claim.raw ?? claim.text);
  const candidates: [string, string][] = [];
  const size = SIZE.exec(t);
  if (size && (basis === 'search' || basis === 'file')) candidates.push([size[0], size[1]!]);
  const percent = PERCENT.exec(t);
  if (percent && basis !== 'tests' && scoreLabel(t.replace(percent[0], ''))) candidates.push([percent[0], percent[1]!]);
  const port = PORT.exec(t);
  if (port) candidates.push([port[0], port[1]!]);
  // '"latency_ms": 600' found because the key is in the code: the number is what the line gives.
  const keyed = KEYED_NUMBER.exec(t);
  if (keyed && (basis === 'search' || basis === 'file')) candidates.push([keyed[0], keyed[1]!]);
  for (const [shown, num] of candidates) {
    const n = Number(num.replace(',', '.'));
    const forms = [num, String(n), String(n * 1024), String(n * 1024 * 1024)];
    if (!forms.some((f) => new RegExp(`(?<![\\d.])${f.replace('.', '\\.')}(?![\\d])`).test(said))) return shown;
  }
  return null;
}

/** "Documentation : ", "| Documentation | | Partielle |": a short label with at most a status beside the score. */
function scoreLabel(rest: string): boolean {
  const words = rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length > 0 && words.length <= 3;
}

/** "27 gems", "42 dependencies", "15+ packages": a count of what a manifest declares. */
const DECLARED_COUNT =
  /(?<![\w.,])(\d{1,4})(\+?)\s+(?:(direct|runtime|production|prod|dev|development)\s+)?(gems|packages|dependencies|deps|crates|libraries)\b/i;

/**
 * "Gemfile configuration (27 gems)", "`package.json`: 42 dependencies": one manifest the line names was
 * found, and the line counts what it declares — counted in the entries the audit read from it (a
 * development or runtime qualifier counts only those). One figure only; otherwise null.
 */
export function manifestCount(
  ctx: LookupContext | undefined,
  claim: Claim,
  found: Finding[],
): { path: string; claimed: number; found: number; atLeast: boolean; agrees: boolean; unit: string } | null {
  if (!ctx || claim.asserted === 'not-done') return null;
  // "| 002 | Gemfile configuration (27 gems) |": a row's number in the first cell is no figure of the line.
  const text = plain(claim.text).replace(/^\s*\d{1,4}\s*\|/, '');
  const m = DECLARED_COUNT.exec(text);
  if (!m) return null;
  const rest = text.slice(0, m.index) + text.slice(m.index + m[0].length);
  const words = rest.split(/\s+/).filter((w) => !w.includes('/'));
  if (words.some((w) => /^\W*\d+\W*$/.test(w))) return null;
  const manifests = new Set(ctx.facts.manifests.map((x) => x.path));
  const paths = new Set(
    found
      .filter((f) => f.basis === 'file' && f.present === 'yes')
      .flatMap((f) => f.evidence.map((e) => e.path))
      .filter((p) => manifests.has(p)),
  );
  if (paths.size !== 1) return null;
  const path = [...paths][0]!;
  const kind = m[3]?.toLowerCase();
  const deps = ctx.facts.dependencies.filter(
    (d) => d.path === path && !d.pin && (kind === undefined || (/^dev/.test(kind) ? d.dev : !d.dev)),
  );
  const names = new Set(deps.map((d) => d.name));
  if (names.size === 0) return null;
  const claimed = Number(m[1]);
  const atLeast =
    m[2] === '+' || /\b(?:over|more than|at least|plus de|mehr als|más de|mais de)\s*$/i.test(text.slice(0, m.index));
  return {
    path,
    claimed,
    found: names.size,
    atLeast,
    agrees: atLeast ? names.size >= claimed : names.size === claimed,
    unit: m[4]!.toLowerCase(),
  };
}

/** "POST /parking - spaces (9 states)": an HTTP method and the route it serves, then what it is for. */
const ENDPOINT_ENTRY = /^[^\p{L}\d/]*(?:GET|POST|PUT|PATCH|DELETE)\s+\/[^\s()]*\s*(?:[-–—:|(]|$)/u;
/** The word after a figure that makes it a count of code, a limit or a setting, not the domain's number. */
const COUNTED_AFTER =
  /^\s*(?:endpoints?|routes?|tests?|methods?|fields?|params?|parameters?|handlers?|files?|lines?|cases?|checks?|rules?|quer(?:y|ies)|columns?|tables?|models?|items?|results?|records?|rows?|entries|per\b|\/\s*(?:s|secs?|seconds?|mins?|minutes?|h|hours?|days?|req)\b|req|requests?|calls?|attempts?|retries|tries|chars?|characters?|ms\b|s\b|secs?|seconds?|mins?|minutes?|h\b|hours?|days?|[kmg]b\b|%|x\b|times?)/i;
const LIMIT_BEFORE =
  /(?:max(?:imum)?|min(?:imum)?|limit(?:ed)?(?: to)?|up to|top|first|last|at most|at least|≤|≥|<=?|>=?)\s*$/i;

/**
 * "POST `/stellplaetze` - Stellplatz (9 Bundesländer)", "POST `/accessibility-check` - ÖNORM B 1600": a
 * line of an endpoint list claims the route; the figures of its description are the domain's (a number of
 * states, a standard's number), which no lookup counts. A figure that counts code ("5 endpoints"), or is a
 * limit or setting ("20 per page", "max 5"), still leaves the line open. Only when the route was found.
 */
export function endpointEntry(claim: Claim, decisive: Finding[]): boolean {
  if (!decisive.some((f) => f.subject.startsWith('endpoint ') && f.present === 'yes')) return false;
  const t = plain(claim.text);
  const m = ENDPOINT_ENTRY.exec(t);
  if (!m) return false;
  const rest = t.slice(m[0].length);
  for (const n of rest.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const after = rest.slice(n.index! + n[0].length, n.index! + n[0].length + 24);
    const before = rest.slice(Math.max(0, n.index! - 16), n.index);
    if (COUNTED_AFTER.test(after) || LIMIT_BEFORE.test(before)) return false;
  }
  return true;
}

/** "TTL: 5 minutes", "expiry 7 days": a duration no setting was compared with leaves the claim open. */
export const DURATION =
  /(?<![\w.])\d+(?:\.\d+)?\s*(?:ms|milliseconds?|secs?|seconds?|mins?|minutes?|hours?|days?|秒|分钟|小时|天)(?![a-z])/i;

/** What a claim says of a package's use beyond its being declared. */
export const USE_OF_PACKAGE =
  /\b(?:with|configured for|using|in) async(?:hronous)?\b|\basync(?:hronous)? (?:support|operations?|mode|engine|sessions?|driver)\b|\bTTL\b|\btime-to-live\b|\bconnection pool(?:ing)?\b|\bvia \S+ escaping\b|\bescaping\b/i;
