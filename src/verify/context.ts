/**
 * How the context of a line changes what it claims. A list under "Missing:" claims absence; one
 * under "Next steps:" or in a reviewer's checklist asks for work and claims nothing; gaps under a
 * completed or historical phase are not current; imperative steps ("Run the migrations") and
 * labels ("Date:", "Owner:") are not claims; a sign-off table is not a status table.
 */
import { iconStatus, plain } from './status.js';

/** What a heading or a label line makes of the lines under it. */
export type Context =
  | 'absent'
  | 'issues'
  | 'planned'
  | 'review'
  | 'files'
  | 'historical'
  | 'example'
  | 'skip'
  | 'list'
  | 'removed'
  | 'places'
  | null;

const ABSENT =
  /^(?:missing|gaps?|known gaps|needs|needed|not (?:yet )?(?:done|implemented|started)|remaining(?! (?:tasks?|work|steps?|actions?|to-?dos?))(?: \w+)?|known issues|limitations|not included|outstanding|open (?:items|issues|points)|blockers?|critical gaps?|what'?s missing|fehlt|fehlend|offene punkte|lücken|pendiente|pendientes|faltantes?|manquant|lacunes)\b/i;
/** A list of problems found: "No rate limiting" names a gap, "Default secret in code" a problem that is there. */
const ISSUES =
  /^(?:(?:critical|known|major|minor|high|medium|low|security|open|main|key|top|serious|severe|important|blocking|urgent|priority)\s+){0,2}(?:issues?|problems?|blockers?|violations?|weakness(?:es)?|concerns?|risks?|vulnerabilities|schwächen|schwachstellen|probleme|risiken|debilidades|problemas|riesgos|faiblesses|problèmes|risques)\b/i;
const PLANNED =
  /^(?:next steps?|remaining (?:tasks?|work|steps?|actions?|to-?dos?)|planned|roadmap|future(?: work| improvements| enhancements)?|recommendations?|recommended|suggest(?:ed|ions?)|proposed|improvements?|nice to have|optional(?! (?:features?|services?|integrations?|modules?|components?|add-?ons|extras))|backlog|ideas|nächste schritte|empfehlungen|próximos pasos|recomendaciones|prochaines étapes|próximos passos|recomenda[çc][õo]es|sugest[õo]es|melhorias|prossimi passi|raccomandazioni|volgende stappen|aanbevelingen|langkah (?:selanjutnya|berikutnya)|rekomendasi|saran|rencana)\b|\b(?:roadmap|(?:remediation|action|implementation|migration|improvement) plan|pull requests?|to-?do list|aktionsplan|maßnahmen(?:plan)?|plan de (?:acci[oó]n|implementaci[oó]n|trabajo|mejora)|plan d'action|hoja de ruta|fahrplan|objetivos|objectives|goals|targets|ziele)\b/i;
/**
 * A heading or label over work still to do: "TODO", "PHASE 3 - CRUD (À FAIRE)", "Modules à créer",
 * "Files to create", "Archivos por crear". What is listed under it is a plan (files to write, modules
 * to build), not a claim that the thing is missing — and a file found there since is no contradiction
 * either. A name that holds the word ("Todo API endpoints") is not one.
 */
const TO_DO =
  /^to-?dos?(?: (?:list|items?))?(?:$|\s*[:(\-–—])|\((?:to-?do|à faire|a faire|por hacer|à venir|a venir|zu erledigen|planned|planifi[ée]e?s?|pr[ée]vue?s?|geplant|planificad[oa]s?)\)|[-–—:]\s*(?:to-?do|à faire|a faire|por hacer)\s*$|\b(?:à|a) (?:créer|cr[ée]er|implémenter|développer|faire|écrire|ajouter|crear|implementar|desarrollar|hacer)\b|\bto (?:be )?(?:create[d]?|implement(?:ed)?|build|built|write|written|do|done)\b|\bpor (?:hacer|crear|implementar|desarrollar)\b|\bzu (?:erstellen|implementieren|erledigen|schreiben)\b|待办|待完成|待实现/i;
/**
 * "**Critical Endpoints:**", "Affected files:" under a finding ("### 3. No Rate Limiting"): the places
 * the gap exposes, which are there — not more things missing.
 */
const PLACES =
  /^(?:(?:critical|affected|vulnerable|exposed|impacted|unprotected|sensitive|at-risk|risky)\s+(?:endpoints?|routes?|apis?|urls?|files?|places?|locations?|paths?)|(?:endpoints?|routes?|files?)\s+(?:affected|at risk|exposed|impacted))$/i;
const REVIEW =
  /\b(?:reviewer|review checklist|evaluat(?:or|ion) checklist|auditor|verification(?: steps| checklist)?(?! (?:report|results?|summary|status))|how to verify|to verify|acceptance criteria|sign-?off|approval|before (?:you )?(?:deploy(?:ing)?|launch(?:ing)?|release|releasing|going live|production)|pre-?(?:deploy(?:ment)?|launch|release|production|flight|merge)(?: checklist)?|post-?deploy(?:ment)?|go-?live|launch day|deployment checklist|release checklist|questions|action items|steps to|procedure|checklist template|checkliste vor|lista de verificaci[oó]n|antes de (?:desplegar|producci[oó]n))\b/i;
const FILES =
  /^(?:files?(?: (?:created|added|changed|modified|touched|involved))?|new files|created files|deliverables|key files|dateien|archivos|fichiers)\b/i;
/** "### Files Deleted", "**Removed dependencies:**": each item names something that must be gone. */
const REMOVED =
  /^(?:(?:files?|dependencies|packages|libraries|modules|classes|code) (?:deleted|removed|dropped)|(?:deleted|removed|dropped|retired) (?:files?|dependencies|packages|libraries|modules|classes|code)|gelöschte dateien|entfernte (?:dateien|abhängigkeiten)|archivos eliminados|dependencias eliminadas)$/i;
const HISTORICAL =
  /^(?:before|previously|initial (?:state|assessment|audit|findings|review|analysis)|original (?:state|assessment|findings|audit)|baseline\b|history|historical|archived?|changelog|change log|previous (?:\w+ )?(?:state|assessment|audit|findings|review|status)|what was (?:fixed|done|missing)|resolved(?: issues| findings)?|fixed issues|issues fixed|vorher|ausgangslage|estado (?:inicial|anterior)|antes)\b|\((?:historical|archived|superseded|outdated|resolved)\)/i;
const PHASE = /\b(?:phase|sprint|milestone|iteration|stage|week|fase|etapa|woche)\s*\d+/i;
const FINISHED =
  /\b(?:complete[d]?|done|finished|closed|shipped|erledigt|abgeschlossen|completad[oa]|terminad[oa]|termin[ée]e?)\b/i;

/** An example, a template or a proposed design: nothing under it is a claim about the repository. */
const EXAMPLE =
  /\b(?:examples?|ejemplos?|beispiele?|exemples?|sample|templates?|plantillas?|vorlagen?|propuest[oa]s?|proposed|vorgeschlagen|propos[ée]e?s?|mock-?ups?)\b/i;

/**
 * A heading about an example: the word leads or ends it ("Example configuration", "Compose
 * example", "Architecture (proposed)") — not a name that holds it ("FastAPI Template Evaluation
 * Report" is a report on a template project).
 */
function aboutExample(t: string): boolean {
  const words = t
    .replace(/[()[\]:.,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const inParens = [...t.matchAll(/\(([^()]*)\)/g)].some((m) => EXAMPLE.test(m[1]!));
  return inParens || (words.length > 0 && (EXAMPLE.test(words[0]!) || EXAMPLE.test(words[words.length - 1]!)));
}

/**
 * The context a heading sets, from its text. The document's title (level 1) names the document —
 * "Production Readiness Verification Report", "Release Checklist" — and says nothing of how its
 * lists read, unless it is all history, an example, or a list of gaps.
 */
export function headingContext(raw: string, level = 2): Context {
  const t = plain(raw).replace(/^[\d.)\s]+/, '');
  // "### Step 1.3: Create Database Configuration": a step of a plan, and what it shows is to be done.
  if (isPlanStep(raw)) return 'planned';
  if (REMOVED.test(t.split(/[(:]/)[0]!.trim())) return 'removed';
  if (HISTORICAL.test(t)) return 'historical';
  // "Add More Examples ✅", "Examples provided ✅": examples as a deliverable, not an illustration.
  if (aboutExample(t) && !iconStatus(raw) && !isImperative(t)) return 'example';
  if (PHASE.test(t) && (iconStatus(raw) === 'done' || FINISHED.test(t))) return 'historical';
  if (ABSENT.test(t)) return 'absent';
  if (level === 1) return null;
  if (ISSUES.test(t)) return 'issues';
  if (TO_DO.test(t)) return 'planned';
  // "## Key Files to Review", "### Files created": each item names files that must be there.
  if (FILES.test(t)) return 'files';
  if (REVIEW.test(t)) return 'review';
  if (PLANNED.test(t)) return 'planned';
  return null;
}

/**
 * "### Step 1.3: Create Database Configuration", "### Task 1: Complete LogAlertManager View": a step
 * of a plan, whose code is to be written.
 */
export function isPlanStep(raw: string): boolean {
  const t = plain(raw).replace(/^[\d.)\s]+/, '');
  const lead = /^(?:step|schritt|paso|étape|etapa|task|aufgabe|tarea|tâche|tarefa) ?\d[\d.]{0,10}[:.)-]? /i.exec(
    t,
  )?.[0];
  const step = lead ? t.slice(lead.length).trim() : '';
  // After "Step N:" a verb is an instruction even where it could start a noun ("Update Configuration").
  // "Complete" and "Finish" lead as verbs after a step's number ("Task 1: Complete LogAlertManager View").
  return !!step && (IMPERATIVE.test(step) || /^(?:complete|finish|finali[sz]e)\b/i.test(step)) && !iconStatus(raw);
}

/** A line that introduces a list ("**Missing:**", "Before deploying:", "Files:"), and what it makes of it. */
export function labelContext(raw: string): Context | undefined {
  const t = plain(raw).replace(/^[\d.)\s]+/, '');
  if (!/:\s*$/.test(t) && !/^\s*(\*\*|__)[^*_]{1,60}(\*\*|__)\s*$/.test(raw)) return undefined;
  const label = t.replace(/:\s*$/, '');
  if (label.length > 80) return undefined;
  // "go.mod exists: ✅", "go vet: ❌": a mark after the colon is the value, not a list below.
  if (iconStatus(raw.slice(raw.lastIndexOf(':') + 1))) return undefined;
  // "**Current verification**", "Latest test results:": what was found, not a checklist to follow.
  if (/^(?:current|latest|recent|final|aktuelle?|actual|dernière)\s/i.test(label) && REVIEW.test(label)) return 'list';
  if (REMOVED.test(label)) return 'removed';
  if (PLACES.test(label)) return 'places';
  if (ABSENT.test(label)) return 'absent';
  if (ISSUES.test(label)) return 'issues';
  if (TO_DO.test(label)) return 'planned';
  if (FILES.test(label)) return 'files';
  if (REVIEW.test(label)) return 'review';
  if (PLANNED.test(label)) return 'planned';
  // "**Notes:**" comments on the section; "**Celery setup:**" introduces more of it.
  return NOTES.test(label) ? 'skip' : 'list';
}

const NOTES =
  /^(?:impacts?|consequences?|auswirkungen?|impacto|conséquences|why it matters|notes?|comments?|remarks?|hinweise?|anmerkungen?|notas?|observaciones|remarques|tips?|caveats?|assumptions?|(?:open )?questions?|context|background|hintergrund|rationale|why)\b/i;

/** Labels whose value is metadata, never a claim. */
export const META_LABEL =
  /^(?:status|date|datum|fecha|author|autor|owner|responsable|version|document version|doc version|prepared by|reviewed by|approved by|reviewer|approver|audience|classification|scope|alcance|last updated|updated|next review|created|assessment date|audit date|audit type|role|rolle|goal|ziel|objetivo|target|purpose|environment|entorno|branch|commit|repository|repo|project|projekt|proyecto|agent|analyst|analista|time|duration|effort|priority|priorität|why|warum|note|notes|hinweis|location|problem|fix|solution|lösung|error|fehler|source|quelle|action|aktion|file|datei|archivo|why it matters|impact|risk|risk level)$/i;

const IMPERATIVE =
  /^(?:add|adjust|apply|audit|automate|build|check|clean|conduct|configure|confirm|consider|create|define|delete|deploy|design|document|enable|ensure|establish|evaluate|execute|expand|fix|implement|improve|increase|install|integrate|introduce|investigate|keep|make|measure|migrate|monitor|move|optimi[sz]e|perform|plan|prepare|reduce|refactor|remove|replace|restrict|review|rotate|run|schedule|set up|setup|set|share|split|start|switch|track|tune|update|upgrade|use|validate|verify|wait|watch|write|hinzufügen|prüfen|erstellen|einrichten|aktualisieren|ausführen|agregar|añadir|configurar|crear|revisar|verificar|ejecutar|implementar|actualizar|ajouter|configurer|créer|vérifier|mettre en place|adicionar|ajustar|criar|documentar|fazer|garantir|monitorar|monitorear|testar|probar|usar|utilizar|atualizar|executar|definir|habilitar|instalar|migrar|remover|validar|manter|preparar|utiliser|tester|documenter|surveiller|activer|écrire|rédiger|implémenter|déployer|corriger|améliorer|optimiser|supprimer|mettre à jour|schreiben|implementieren|konfigurieren|einführen|entfernen|beheben|verbessern|escribir|desplegar|corregir|mejorar|eliminar|escrever|implantar|corrigir|melhorar|aggiungere|configurare|verificare|usare|tambahkan|gunakan|pastikan|buat|jalankan|periksa|aktifkan|pasang|perbarui|lakukan|siapkan|terapkan)\b(?![-_./])/i;
const DONE_PARTICIPLE =
  /\b(?:enabled|configured|implemented|done|complete[d]?|added|exists?|in place|passing|set up|documented|tested|verified|defined|created|installed|integrated|automated|deployed|running|active|available|covered|fixed|removed)\b/i;

/**
 * A verb that is the first half of a noun ("Test database:", "Wait time:", "Clean architecture",
 * "Build pipeline"): the line names a thing, it does not ask for work.
 */
const COMPOUND =
  /^(?:test|wait|clean|build|run|set ?up|check|release|deploy|monitor|track|review|update|start)[ -](?:time|times|database|db|endpoints?|suites?|files?|coverage|results?|framework|environment|data|status|architecture|code|strategy|runner|server|stage|steps?|scripts?|pipeline|plan|configuration|config|process|cycle|job|jobs|matrix|command|target|tool|logs?|checks?|history|notes|frequency|interval)\b|^test[ -](?:helpers?|mocks?|fixtures?|factories|stubs?|doubles|utilities|utils|setup|harness|cases?|classes)\b/i;
export const isCompoundNoun = (text: string): boolean => COMPOUND.test(plain(text).replace(/^[\d.)\s]+/, ''));

/** A leading condition before a comma ("When running locally,", "If needed,", "Si besoin,"). */
const CONDITION_LEAD =
  /^(?:when|whenever|if|once|before|after|unless|for|in|on|quand|lorsque|si|cuando|wenn|falls|sobald)\b[^,.;:]{1,80},\s*/i;
const HTTP_ROUTE = /^(?:DELETE|PUT|PATCH|POST|GET)\s+\//;

/** "Run the migrations", "Watch the dashboards for a day": an instruction, not a claim. */
export function isImperative(text: string): boolean {
  // "When running MySQL on the same host, use `DB_HOST=localhost`": a condition, then the instruction.
  const t = plain(text)
    .replace(/^[\d.)\s]+/, '')
    .replace(CONDITION_LEAD, '');
  // "DELETE /api/items/:id", "PUT /users/me": an HTTP method in capitals before a route names the route.
  if (COMPOUND.test(t) || HTTP_ROUTE.test(t)) return false;
  const verb = IMPERATIVE.exec(t);
  // "Build optimisations enabled" reports; "Set up a progressive rollout" instructs.
  return !!verb && !DONE_PARTICIPLE.test(t.slice(verb[0].length));
}

const SIGNOFF_HEADER =
  /^(?:role|rolle|rol|name|nombre|signature|unterschrift|firma|sign-?off|signed|approved(?: by)?|approver|reviewer|date|datum|fecha|owner|responsible|contact|team|version|author|changes?|comments?)$/i;

/** A table of who signed what, or of versions of the document: not a status table. */
export function isSignoffTable(header: string[]): boolean {
  const hits = header.filter((h) => SIGNOFF_HEADER.test(h.trim())).length;
  return header.length > 0 && hits * 2 >= header.length;
}

/**
 * Headings over steps to take rather than a state reached: before a release or deployment, what to
 * verify or test by hand, action items, optional improvements ("Pre-Launch", "Build Verification",
 * "Manual Testing", "Deployment checklist", "Avant production", "Mejoras futuras").
 */
export const TO_DO_SECTION =
  /\bpre-?(?:release|launch|deploy(?:ment)?|production|flight)\b|\bbefore (?:deploy\w*|launch\w*|releas\w*|going live|production|go-live)\b|\bverification(?: steps)?\b|\bto verify\b|\bmanual(?:ly)? test|\b(?:deployment|release|launch|go-live) checklist\b|\baction items\b|\bnext steps\b|\bavant (?:la )?(?:production|mise en production|déploiement)\b|\bantes de (?:producci[oó]n|desplegar|produ[cç][aã]o)\b|\bvor (?:dem )?(?:deployment|release|produktion)\b|\bopcional\b|\bmejoras futuras\b|\bmelhorias futuras\b|\bfuture improvements\b/i;
