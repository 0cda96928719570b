/**
 * Subject resolver: a claim a reader settles from the repository's inventory alone. "NestJS modules
 * structured", "Separation of concerns (controllers, services, DTOs)", "Catalogue modules separated",
 * "No cache module", "Falta módulo de logging centralizado": every word that says WHAT is there is a
 * framework concept (controller, service, DTO, module, middleware, migration, cache, queue…, a small
 * closed table per concept in en/de/es/fr/pt/it), a product (a declared dependency) or the name of a
 * folder or file; the other words only say how well (structured, separated, clearly) or are stop words.
 * Each distinctive term is resolved to the inventory the audit already built — dependency manifests at
 * any depth, the file and folder names of product code — and the claim is decided only when every
 * content word is accounted for:
 *  - done: every term found → confirmed; some → partly, naming what is missing; a named product that
 *    no manifest, file or CI command shows, and nothing else found → contradicted;
 *  - missing ("no X", "Falta X", "X fehlt"): none of X's specific terms anywhere → confirmed (absent,
 *    as said); one file, folder or dependency that carries all of them → contradicted.
 * A word the tables do not know and the inventory does not name leaves the claim open: its meaning is
 * not read from names. Opinion words alone ("clean", "well structured") name nothing and decide nothing.
 */
import type { Dependency, Evidence } from '../types.js';
import type { Claim } from './extract.js';
import { type Finding, fromDep, type LookupContext } from './lookup.js';
import { NOT_NAMING, singular as singularOf, TEST_FILE, UNLISTED_DIR } from './named-feature.js';
import { PRODUCTS, type Product, productInRepository } from './products.js';
import { plain } from './status.js';

/** A framework concept: the words a document uses for it, and how the inventory shows it. */
interface Concept {
  id: string;
  /** Folded (lower case, no accents) single words or two-word phrases. */
  words: RegExp;
  /** A path (folded) of product code that shows the concept: a folder or a file's own name. */
  path: RegExp;
  /** A file's name (folded) that shows it, anchored at its start. */
  file?: RegExp;
  /** A dependency name that provides it. */
  dep?: RegExp;
  /** A structural word (module, service, component): in a claim of absence it is what holds the thing, not the thing. */
  generic?: boolean;
}

const SEG = (w: string) => `(?:^|/)${w}/`;
const CONCEPTS: Concept[] = [
  {
    id: 'controller',
    words: /^(?:controllers?|controlador(?:es)?|controleurs?|controladores?|controllori|kontroller)$/,
    path: new RegExp(`${SEG('controllers?')}|controller[s]?\\.[a-z]+$`),
  },
  {
    id: 'service',
    words: /^(?:services?|servicios?|servicos?|servizi|servizio|dienste?)$/,
    path: new RegExp(`${SEG('services?')}|[._-]?service\\.[a-z]+$`),
    generic: true,
  },
  { id: 'dto', words: /^(?:dtos?)$/, path: new RegExp(`${SEG('dtos?')}|[._-]?dto\\.[a-z]+$`) },
  {
    id: 'module',
    words: /^(?:modules?|modulos?|modul[e]?|moduli|modulen)$/,
    path: /[./-]module\.[jt]s$|module\.(?:kt|java|swift|dart)$|(?:^|\/)modules\//,
    generic: true,
  },
  {
    id: 'middleware',
    words: /^(?:middlewares?)$/,
    path: new RegExp(`${SEG('middlewares?')}|middleware[s]?\\.[a-z]+$`),
  },
  {
    id: 'migration',
    words: /^(?:migrations?|migracion(?:es)?|migracao|migracoes|migrazion[ei]|migrationen)$/,
    path: new RegExp(`${SEG('migrations?')}|migration[s]?[._-]|_migration\\.[a-z]+$`),
    dep: /^(?:alembic|flyway(?:-core)?|liquibase(?:-core)?|org\.flywaydb:.*|org\.liquibase:.*|knex|typeorm|prisma|golang-migrate|diesel_migrations|sqlx)$/,
  },
  {
    id: 'cache',
    words: /^(?:cache|caches|caching|cacheo|cacheado|cachee|mise en cache|zwischenspeicher)$/,
    path: /(?:^|\/)caches?\//,
    file: /^(?:[a-z0-9]+[._-])*cach(?:e|ing)/,
    dep: /cache|caching|memcache/,
  },
  {
    id: 'queue',
    words:
      /^(?:queues?|colas?|warteschlangen?|message queues?|job queues?|cola de (?:mensajes|trabajos)|fila de (?:mensagens|jobs)|file de messages|coda di messaggi|nachrichtenwarteschlangen?)$/,
    path: /(?:^|\/)(?:queues?|jobs)\/|queue[s]?\.[a-z]+$/,
    dep: /^(?:bull|bullmq|@nestjs\/bull(?:mq)?|celery|rq|sidekiq|resque|amqplib|amqp-connection-manager|pika|kombu|kafkajs|dramatiq|huey|bee-queue|agenda)$/,
  },
  { id: 'interceptor', words: /^(?:interceptors?|interceptores?|intercepteurs?)$/, path: /interceptor[s]?[./]/ },
  {
    id: 'exception filter',
    words:
      /^(?:exception (?:filters?|handlers?)|error (?:handlers?|boundar(?:y|ies))|filtros? de excepciones|manejador(?:es)? de errores|gestionnaires? d'erreurs|exception ?handler|errorhandler)$/,
    path: /exception[-_.]?(?:filter|handler)|error[-_.]?(?:handler|boundary)|(?:^|\/)exceptions?\/|(?:^|\/)filters\//,
  },
  {
    id: 'health check',
    words: /^(?:health ?checks?|health endpoints?|healthchecks?)$/,
    path: /(?:^|\/)health(?:check)?s?\//,
    file: /^(?:[a-z0-9]+[._-])*health(?:check)?s?[._-]/,
    dep: /terminus|health|actuator/,
  },
  { id: 'guard', words: /^(?:guards?)$/, path: /(?:^|\/)guards\/|[._-]guard\.[a-z]+$/ },
  { id: 'pipe', words: /^(?:pipes?)$/, path: /(?:^|\/)pipes\/|\.pipe\.[jt]s$/ },
  {
    id: 'repository',
    words: /^(?:repositor(?:y|ies)|repositorios?|repositorio|repositori|repositories)$/,
    path: /(?:^|\/)repositor(?:y|ies)\/|repository\.[a-z]+$/,
  },
  {
    id: 'entity',
    words: /^(?:entit(?:y|ies)|entidad(?:es)?|entites?|entidades?|entita)$/,
    path: /(?:^|\/)entit(?:y|ies)\/|\.entity\.[jt]s$|entity\.[a-z]+$/,
  },
  {
    id: 'logging',
    words: /^(?:logging|logger|loggers|logs?|journalisation|protokollierung|registro de logs)$/,
    path: /(?:^|\/)(?:logging|loggers?|logs?)\//,
    file: /^(?:[a-z0-9]+[._-])*log(?:ger|ging)?[._-]/,
    dep: /^(?:winston|pino|nestjs-pino|pino-http|bunyan|morgan|log4js|loglevel|loguru|structlog|monolog\/monolog|serilog(?:\..+)?|nlog|go\.uber\.org\/zap|github\.com\/sirupsen\/logrus|github\.com\/rs\/zerolog|ch\.qos\.logback:.*|org\.apache\.logging\.log4j:.*|org\.slf4j:.*|tracing|env_logger|log)$/,
  },
  { id: 'factory', words: /^(?:factor(?:y|ies))$/, path: /(?:^|\/)factories\/|factory\.[a-z]+$/ },
  { id: 'seeder', words: /^(?:seeders?|seeds?)$/, path: /(?:^|\/)(?:seeders?|seeds)\/|seeder\.[a-z]+$|seed\.[a-z]+$/ },
  {
    id: 'form request',
    words: /^(?:form ?requests?)$/,
    path: /(?:^|\/)http\/requests\/|request\.php$/,
  },
  {
    id: 'route',
    words: /^(?:routes?|routing|router|rutas?|rotas?|routen|routage|rotte)$/,
    path: /(?:^|\/)(?:routes?|routers?)\/|(?:^|[/._-])rout(?:e|es|er|ing)\.[a-z]+$/,
  },
  {
    id: 'component',
    words: /^(?:components?|componentes?|composants?|komponenten?|componenti)$/,
    path: /(?:^|\/)components\//,
    generic: true,
  },
  {
    id: 'helper',
    words: /^(?:helpers?|utils|utilities|utilidades|utilitaires)$/,
    path: /(?:^|\/)(?:helpers?|utils)\/|helpers?\.[a-z]+$/,
  },
  { id: 'serializer', words: /^(?:serializers?)$/, path: /(?:^|\/)serializers\/|serializers?\.[a-z]+$/ },
  {
    id: 'i18n',
    words: /^(?:i18n|translations?|traducciones|traductions|ubersetzungen|traducoes|locales)$/,
    path: /(?:^|\/)(?:i18n|locales?|lang|translations)\//,
  },
  { id: 'policy', words: /^(?:polic(?:y|ies))$/, path: /(?:^|\/)policies\/|policy\.[a-z]+$/ },
  { id: 'action', words: /^(?:actions?|acciones)$/, path: /(?:^|\/)actions\//, generic: true },
  { id: 'listener', words: /^(?:listeners?)$/, path: /(?:^|\/)listeners\/|listener\.[a-z]+$/ },
  {
    id: 'schema',
    words: /^(?:schemas?|esquemas?|schemata)$/,
    path: /(?:^|\/)schemas?\/|schema\.[a-z]+$/,
    generic: true,
  },
];

/** Stop words of six languages, and markers of a list or a status. */
const STOP = new Set(
  (
    'a an the and or of for to in on at by with from into via as is are be was were been has have had this that ' +
    'these those its it all each every both per its our their de del la las el los lo un una unos unas y e o u en con ' +
    'al se su sus le les des du d l et ou au aux avec dans sur ce ces cet cette son sa ses der die das den dem des ein ' +
    'eine einen und oder mit im am zum zur von vom fur auf ist sind o os as um uma da do das dos na no nas nos em com ' +
    'pelo pela il lo gli i di della delle dei degli e ed con nel nella per ok'
  ).split(' '),
);
/** How well or in what state: words that qualify what is there and name nothing. */
const NEUTRAL =
  /^(?:structured|structure|structures|estructurad[oa]s?|estructura|estruturad[oa]s?|estrutura|structuree?s?|strukturiert|struktur|organi[sz]ed|organizad[oa]s?|organisee?s?|organisiert|organizzat[oie]|separated|separate|separation|separad[oa]s?|separacion|separacao|separee?s?|getrennt|trennung|separat[oie]|clear|clearly|claramente|clairement|klar|chiaramente|correct|correctly|correctamente|corretamente|correctement|korrekt|correttamente|well|bien|bem|gut|good|buen[oa]?s?|bon(?:ne)?s?|bom|boa|solid|solida?s?|solide|clean|limpi[oa]s?|limp[oa]s?|propre|sauber|pulit[oa]|proper|properly|implemented|implementad[oa]s?|implementee?s?|implementiert|implementat[oie]|present|presente?s?|vorhanden|exists?|existe|existen|existent|defined|definid[oa]s?|definie?s?|definiert|definit[oie]|in|place|concerns?|responsabilidad(?:es)?|responsabilidades|responsabilites|responsibilit(?:y|ies)|verantwortlichkeiten|modular|modulare?s?|modularis(?:e|ee|iert)|dedicated|dedicad[oa]s?|dedie?e?s?|eigene?n?|layer(?:ed|s)?|capas?|camadas?|couches?|schichten?|strati|pattern|patron|padrao|architecture|arquitectura|arquitetura|architektur|architettura|used|usad[oa]s?|utilise?e?s?|verwendet|utilizzat[oie]|present|setup|set|up|created|cread[oa]s?|criad[oa]s?|creee?s?|erstellt|creat[oie]|added|agregad[oa]s?|adicionad[oa]s?|ajoutee?s?|hinzugefugt|aggiunt[oie]|follows?|sigue|segue|suit|folgt|segu(?:e|ono)|uses?|usa|usan|usam|utiliza|utilizan|utilizam|utilise|utilisent|nutzt|nutzen|custom|personalizad[oa]s?|personnalisee?s?|benutzerdefiniert\w*|api|rest|implementation|implementacion|implementacao|integrated|integrad[oa]s?|integree?s?|integriert|integrat[oie]|enabled|habilitad[oa]s?|activee?s?|aktiviert|abilitat[oie]|available|disponibles?|verfugbar|generated|generad[oa]s?|gerad[oa]s?|generee?s?|generiert|generat[oie]|reusable|reutilizables?|reutilizave(?:l|is)|reutilisables?|wiederverwendbare?n?|riutilizzabil[ei]|robust[oa]?s?|robuste?s?|excellent\w*|excelente?s?|great|best|mejores|melhores|meilleures?)$/;
/**
 * Praise: how well, and nothing of what. Beside a single subject it is the whole of what the line says
 * ("Controllers properly organized", "Composants bien organisés"). Words of form (structured, modular,
 * reusable, separated) say what kind of thing is there and do not count as praise.
 */
const OPINION =
  /^(?:organi[sz]ed|organizad[oa]s?|organisee?s?|organisiert|organizzat[oie]|clear|clearly|claramente|clairement|klar|chiaramente|correct|correctly|correctamente|corretamente|correctement|korrekt|correttamente|well|bien|bem|gut|good|buen[oa]?s?|bon(?:ne)?s?|bom|boa|solid|solida?s?|solide|clean|limpi[oa]s?|limp[oa]s?|propre|sauber|pulit[oa]|proper|properly|robust[oa]?s?|robuste?s?|excellent\w*|excelente?s?|great|best|mejores|melhores|meilleures?)$/;
/** A claim of absence, at its start ("No hay X", "Falta X", "Sin X", "Kein X") or end ("X fehlt", "X missing"). */
const ABSENT_HEAD =
  /^(?:no hay|no existe|no tiene|no|not|none|sin|falta|faltan|missing|lacks?|lacking|without|there is no|there are no|keine?n?|kein|ohne|es fehlt|es gibt kein(?:e|en)?|fehlende?r?|sans|pas de|aucune?|il n'y a pas de|manque(?: de)?|absence de|ausencia de|sem|nao ha|nao existe|falta de|ausencia|nenhuma?|manca(?:no)?|nessuna?|senza|non c'e)\b/;
const ABSENT_TAIL = /\b(?:fehlt|fehlen|missing|absent|absente?s?|ausente?s?|manquante?s?|mancante|faltante)$/;
/** A negation or hedge inside the line: what is said of the thing is then more than that it is there. */
const INNER_NEGATION =
  /\b(?:no|not|sin|sem|sans|pas|ohne|kein\w*|nicht|non|never|nunca|jamais|nie|only|solo|solamente|seulement|nur|apenas|partial\w*|parcial\w*|partiel\w*|teilweise|mais|but|pero|aber|however|todo|to do)\b/;
/** Qualifiers of a missing thing: "no CENTRALISED logging" may hold where logging is there. */
const QUALIFIER =
  /^(?:centrali[sz]ed|centralizad[oa]s?|centralisee?s?|zentral\w*|centralizzat[oie]|global(?:es)?|globale?s?|structured|estructurad[oa]s?|estruturad[oa]s?|structuree?s?|strukturiert\w*|dedicated|dedicad[oa]s?|dedie?e?s?|eigene?n?|proper|complete|completo|complet|vollstandig|unified|unificad[oa]s?|unifiee?s?|einheitliche?n?)$/;
/** A word of what the thing does or of a run: a name in the inventory does not show it. */
const BEHAVIOUR =
  /^(?:shows?|displays?|renders?|works?|working|responds?|returns?|prevents?|ensures?|allows?|optimi[sz]ed|faster|tested|passing|passes|pass|passed|verified|fixed|funciona|funcionan|fonctionne|funktioniert|testad[oa]s?|probad[oa]s?|teste?e?s?|getestet)$/;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** "catálogos" → "catalogo", "policies" → "policy", "entidades" → "entidad". */
const singular = (w: string) => singularOf(w, true);

/** A folder of copies, tests, documentation, examples or build output: not product code. */
const NOT_PRODUCT_DIR = (seg: string) => UNLISTED_DIR.test(seg) || /^(?:examples?|samples?|\.github)$/i.test(seg);

/** A product-code path: no tests, documentation, examples, copies, vendored or generated folders. */
function productPath(path: string): boolean {
  if (NOT_NAMING.test(path)) return false;
  const segs = path.split('/');
  return !TEST_FILE.test(segs.pop()!) && !segs.some(NOT_PRODUCT_DIR);
}

interface Inventory {
  paths: string[];
  /** The paths folded (lower case, no accents), folded once. */
  folded: string[];
  /** Folded word of a folder or a file's stem → the first product path carrying it. */
  words: Map<string, string>;
  /** Folded tokens of each dependency name → the dependency. */
  deps: { tokens: Set<string>; folded: string; dep: Dependency }[];
  /** What each concept and product resolved to, decided once per inventory, not per claim. */
  concepts: Map<string, Evidence | null>;
  products: Map<Product, { evidence: Evidence | null; absent?: boolean }>;
}

const inventories = new WeakMap<object, Inventory>();
function inventoryOf(ctx: LookupContext): Inventory {
  const cached = inventories.get(ctx.files);
  if (cached) return cached;
  const paths = ctx.files.paths.filter((p) => p !== ctx.documentPath && productPath(p));
  const words = new Map<string, string>();
  const add = (name: string, at: string) => {
    const w = singular(fold(name).replace(/[^a-z0-9]+/g, ''));
    if (w.length > 2 && !words.has(w)) words.set(w, at);
  };
  for (const path of paths) {
    const segs = path.split('/');
    const base = segs.pop()!;
    let dir = '';
    for (const seg of segs) add(seg, (dir += `${seg}/`));
    add(base.replace(/^\./, '').split('.')[0]!, path);
  }
  const deps = ctx.facts.dependencies.map((d) => {
    const folded = fold(d.name);
    return { tokens: new Set(folded.split(/[^a-z0-9]+/).filter((t) => t.length > 1)), folded, dep: d };
  });
  const inv = { paths, folded: paths.map(fold), words, deps, concepts: new Map(), products: new Map() };
  inventories.set(ctx.files, inv);
  return inv;
}

type Term =
  | { kind: 'concept'; word: string; concept: Concept }
  | { kind: 'product'; word: string; product: Product }
  | { kind: 'name'; word: string };

interface Resolved {
  term: Term;
  evidence: Evidence | null;
  /** A product no manifest, file or CI command shows. */
  absent?: boolean;
}

/** "(controllers," → "controllers": what is around a word, by a scan (no pattern that backtracks). */
function trimWord(w: string): string {
  const word = /[a-z0-9@]/;
  let a = 0;
  let b = w.length;
  while (a < b && !word.test(w[a]!)) a++;
  while (b > a && !/[a-z0-9]/.test(w[b - 1]!)) b--;
  return w.slice(a, b);
}

/** The claim's words once the status, a purpose clause and markup are cut away. */
function wordsOf(text: string, cutPurpose: boolean): string[] | null {
  let t = fold(plain(text))
    // "OK - …", "MEJORABLE - …", "| Done |": a status label before the statement.
    .replace(/^[\p{L} ]{1,20}\s[-–—:]\s/u, (m) =>
      /^(?:ok|done|hecho|fait|erledigt|feito|mejorable|pendiente|partial|missing|todo|a mejorar|warning|info)\s/.test(m)
        ? ''
        : m,
    )
    .replace(/^[-*•\s]+/, '');
  // "for validation", "para servicios singleton": what it is for is not what is there.
  // In a line of absence it is part of what is missing ("no Redis for sessions" where Redis is there).
  if (cutPurpose) t = t.split(/\s(?:for|para|pour|fur|zur|zum|pra|so that)\s/)[0]!;
  const tokens = t
    .replace(/\b(chart|next|nest|vue|node|express|three|d3)\.js\b/g, '$1js')
    .split(/[^a-z0-9@/.+#-]+|\s/)
    .map(trimWord)
    .filter(Boolean);
  if (tokens.length === 0 || tokens.length > 12) return null;
  return tokens;
}

/** The terms of a claim: concepts, products and names; null when a word is neither and names nothing. */
function termsOf(ctx: LookupContext, tokens: string[]): { terms: Term[]; qualified: boolean; opinion: boolean } | null {
  const inv = inventoryOf(ctx);
  const terms: Term[] = [];
  let qualified = false;
  let opinion = false;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    // "cola de mensajes", "form requests": a concept of two or three words.
    const three = i + 2 < tokens.length ? `${w} ${tokens[i + 1]} ${tokens[i + 2]}` : '';
    const c3 = three ? CONCEPTS.find((c) => c.words.test(three)) : undefined;
    if (c3) {
      terms.push({ kind: 'concept', word: three, concept: c3 });
      i += 2;
      continue;
    }
    const two = i + 1 < tokens.length ? `${w} ${tokens[i + 1]}` : '';
    const c2 = two ? CONCEPTS.find((c) => c.words.test(two)) : undefined;
    if (c2) {
      terms.push({ kind: 'concept', word: two, concept: c2 });
      i++;
      continue;
    }
    if (STOP.has(w) || /^\d+$/.test(w)) continue;
    if (QUALIFIER.test(w)) qualified = true;
    if (OPINION.test(w)) opinion = true;
    if (NEUTRAL.test(w) || QUALIFIER.test(w)) continue;
    const concept = CONCEPTS.find((c) => c.words.test(w));
    if (concept) {
      terms.push({ kind: 'concept', word: w, concept });
      continue;
    }
    const product = PRODUCTS.find((p) => p.claim.test(w));
    if (product) {
      terms.push({ kind: 'product', word: w, product });
      continue;
    }
    // A word the tables do not know must itself be a name the inventory holds.
    if (w.length < 4 || !(nameIn(inv, w) || depOf(inv, w))) return null;
    terms.push({ kind: 'name', word: w });
  }
  return { terms, qualified, opinion };
}

function nameIn(inv: Inventory, w: string): string | undefined {
  const s = singular(w);
  return inv.words.get(s) ?? inv.words.get(w);
}

function depOf(inv: Inventory, w: string): Inventory['deps'][number] | undefined {
  const bare = w.replace(/(?:\.?js)$/, '');
  if (bare.length < 3) return undefined;
  return inv.deps.find((d) => d.tokens.has(w) || d.tokens.has(bare) || d.tokens.has(`${bare}js`));
}

function resolve(ctx: LookupContext, term: Term): Resolved {
  const inv = inventoryOf(ctx);
  if (term.kind === 'concept') {
    const c = term.concept;
    let evidence = inv.concepts.get(c.id);
    if (evidence === undefined) {
      const at = inv.folded.findIndex(
        (f) => c.path.test(f) || (c.file?.test(f.slice(f.lastIndexOf('/') + 1)) ?? false),
      );
      const dep = at < 0 && c.dep ? inv.deps.find((d) => c.dep!.test(d.folded)) : undefined;
      evidence =
        at >= 0
          ? { path: inv.paths[at]!, note: `${c.id}: a ${c.id} by its file or folder name` }
          : dep
            ? fromDep(dep.dep)
            : null;
      inv.concepts.set(c.id, evidence);
    }
    return { term, evidence };
  }
  if (term.kind === 'product') {
    const product = term.product;
    let found = inv.products.get(product);
    if (!found) {
      const dep = inv.deps.find((d) => product.shows.some((s) => d.folded.includes(s)));
      const at = dep ? -1 : inv.folded.findIndex((f) => product.shows.some((s) => f.includes(s)));
      found = dep
        ? { evidence: fromDep(dep.dep) }
        : at >= 0
          ? { evidence: { path: inv.paths[at]! } }
          : { evidence: null, absent: productInRepository(ctx, product) === false };
      inv.products.set(product, found);
    }
    return { term, ...found };
  }
  const path = nameIn(inv, term.word);
  if (path) return { term, evidence: { path } };
  const dep = depOf(inv, term.word);
  return { term, evidence: dep ? fromDep(dep.dep) : null };
}

/** A whole number standing alone: not a version (3.11), a name (OAuth2, HTTP/2), a year or a percentage. */
const BARE_FIGURE = /(?<![\w.,/:-])(?!(?:19|20)\d\d\b)\d{1,6}\+?(?![\w.,/%-])/u;

const describe = (r: Resolved) =>
  `${r.term.word} → ${r.evidence!.path}${r.evidence!.line ? `:${r.evidence!.line}` : ''}${r.evidence!.snippet ? ` (${r.evidence!.snippet})` : ''}`;

/**
 * The inventory's answer to a claim whose every word is a concept, a product, a name or a word of
 * manner; null when the claim says more than names can settle.
 */
export function subjectFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.source === 'fence' || claim.number || !claim.asserted || claim.asserted === 'planned') return null;
  const whole = fold(plain(claim.subject && claim.subject.length > 3 ? claim.subject : claim.text));
  const text = fold(plain(claim.text));
  // "Middleware: 6", "Database Tables: 3", "12 services": a count or value the names do not settle —
  // the subject being there says nothing of how many there are.
  if (BARE_FIGURE.test(text)) return null;
  // The subject of a table row or a bullet's lead; the text when the line is one statement.
  const source = whole.length >= text.length * 0.5 ? whole : text;
  // "Store - Factory", "Controller → Service": single names joined as a diagram says nothing of them.
  const pieces = text.split(/\s(?:-|–|—|→|->|>|\/|\|)\s/);
  if (pieces.length > 1 && pieces.every((x) => /^[\p{L}\p{N}_.-]+$/u.test(x.trim()))) return null;
  const uncut = wordsOf(source, false);
  if (!uncut) return null;
  let line = uncut.join(' ');
  let absence = claim.asserted === 'not-done';
  const head = ABSENT_HEAD.exec(line);
  const tail = ABSENT_TAIL.exec(line);
  if (head || tail) {
    absence = true;
    line = (head ? line.slice(head[0].length) : line.slice(0, tail!.index)).trim();
  } else if (!absence) line = (wordsOf(source, true) ?? []).join(' ');
  // "Logs no estructurados", "only Nest Logger used inline": a negation or hedge inside the line.
  if (INNER_NEGATION.test(line)) return null;
  const rest = line.split(' ').filter(Boolean);
  if (rest.some((w) => BEHAVIOUR.test(w))) return null;
  const read = termsOf(ctx, rest);
  if (!read || read.terms.length === 0) return null;
  // At least one term the tables know: a line of bare folder names ("Users Admin") is a menu, not a statement.
  if (!read.terms.some((t) => t.kind !== 'name')) return null;
  const resolved = read.terms.map((t) => resolve(ctx, t));
  const found = resolved.filter((r) => r.evidence);
  const missing = resolved.filter((r) => !r.evidence);
  const subject = read.terms.map((t) => t.word).join(', ');
  if (absence) {
    // "No hay módulo de caché" marked done (a status mark beside it): what is done is the absence.
    // "MEJORABLE - Falta X": a partial mark beside it, and still what the line states is that X is absent.
    const negated = claim.asserted === 'done' || claim.asserted === 'partial' ? { negated: true } : {};
    // The thing said missing is its specific terms; "module", "service" only say where it would live.
    const specific = resolved.filter((r) => !(r.term.kind === 'concept' && r.term.concept.generic));
    if (specific.length === 0 || specific.some((r) => r.term.kind === 'name')) return null;
    if (specific.every((r) => !r.evidence && (r.term.kind === 'concept' || r.absent)))
      return {
        subject,
        basis: 'inventory',
        present: 'no',
        ...negated,
        detail: `no ${specific.map((r) => (r.term.kind === 'concept' ? r.term.concept.id : r.term.word)).join(' or ')} among the product files, folders and dependencies (${inventoryOf(ctx).paths.length} files, ${inventoryOf(ctx).deps.length} dependencies looked at)`,
        evidence: [
          {
            path: '.',
            note: `looked for ${specific.map((r) => r.term.word).join(', ')} by file, folder and dependency name`,
          },
        ],
      };
    // "No cache module" where cache-manager is declared: there, unless the line says of what kind.
    if (!read.qualified && specific.length === 1 && specific[0]!.evidence)
      return {
        subject,
        basis: 'inventory',
        present: 'yes',
        ...negated,
        detail: `found: ${describe(specific[0]!)}`,
        evidence: [specific[0]!.evidence!],
      };
    return null;
  }
  // "Schema erstellt", "Controllers properly organized": one subject, and a structural word or a
  // judgement of it, says too little of which thing is meant to be settled by a name.
  if (
    read.terms.length === 1 &&
    (read.opinion || (read.terms[0]!.kind === 'concept' && read.terms[0]!.concept.generic))
  )
    return null;
  if (missing.length === 0)
    return {
      subject,
      basis: 'inventory',
      present: 'yes',
      detail: `every subject the line names is in the repository: ${found.map(describe).join('; ')}`,
      evidence: found.map((r) => r.evidence!),
    };
  // A concept not named by a file may be there under another name: only a product is verifiably absent.
  if (missing.some((r) => !(r.term.kind === 'product' && r.absent))) return null;
  const gone = missing.map((r) => r.term.word).join(', ');
  if (found.length)
    return {
      subject,
      basis: 'inventory',
      present: 'partly',
      detail: `found ${found.map(describe).join('; ')}; but no manifest, file or CI command shows ${gone}`,
      evidence: [
        ...found.map((r) => r.evidence!),
        { path: '.', note: `no dependency, file or CI command for ${gone}` },
      ],
    };
  return {
    subject,
    basis: 'inventory',
    present: 'no',
    detail: `no dependency, file or CI command shows ${gone}`,
    evidence: [{ path: '.', note: `looked for ${gone} in the manifests, file names and CI commands` }],
  };
}
