/**
 * "34 Eloquent Models", "62 Database Migrations", "187 Blade View Templates", "40 Policy Classes",
 * "| Background Jobs | 5 |": counts of a framework's code units, which a reader makes by listing the folder
 * the framework keeps them in (app/Models, database/migrations, resources/views, app/Policies, db/migrate,
 * app/jobs…) or, for Django, by counting the model classes of models.py. A count that equals the folder's
 * files (all of them, those directly in it, or without the framework's base class) is confirmed; one that
 * equals none of them says the document is out of date. A kind with no folder of its own here stays open.
 */
import { isProductionPath } from '../facts/paths.js';
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import type { UnitCount } from './unit-counts.js';
import { table } from '../util/table.js';

interface Kind {
  /** The words of the kind in a document (plural or singular, after the count). */
  words: string;
  /** The folder names that hold the kind (compared without case). */
  folders: string[];
  /** A folder only counts under this parent (`http/` for Requests), when given. */
  parent?: RegExp;
  /** The files of the kind in that folder. */
  files: RegExp;
  /** Base classes a reader may leave out (ApplicationJob, Controller.php). */
  base?: RegExp;
  /** Kept with the tests (FactoryBot's spec/factories/): test paths count too. */
  withTests?: boolean;
}

const CODE = /\.(?:php|rb|py|ts|js|java|kt|cs|go|ex)$/i;
/** The files of a web front end's pages and components. */
const UI = /\.(?:vue|svelte|tsx|jsx|ts|js|astro)$/i;
const KINDS: Record<string, Kind> = table({
  model: {
    words:
      '(?:eloquent\\s+|django\\s+|active\\s*record\\s+|orm\\s+|sqlalchemy\\s+|prisma\\s+|database\\s+|data\\s+|core\\s+|domain\\s+)?(?:models?|mod[eè]les?|modelos?|modelle)(?:\\s+(?:files?|class(?:es)?|prisma))?',
    folders: ['models'],
    files: CODE,
    base: /^(?:application_record\.rb|applicationrecord\.\w+|basemodel\.\w+|base\.py)$/i,
  },
  migration: {
    words: '(?:database\\s+|db\\s+|schema\\s+)?migrations?(?:\\s+files?)?',
    folders: ['migrations', 'migrate', 'migration'],
    files: /\.(?:php|rb|py|sql|ts|js)$/i,
  },
  view: {
    words:
      '(?:blade\\s+|erb\\s+|haml\\s+)?(?:view\\s+templates?|views?|templates?|vues?|vistas?)(?:\\s+(?:files?|blade))?',
    folders: ['views'],
    parent: /(?:^|\/)(?:resources|app)\/$/i,
    files: /\.(?:php|erb|haml|slim|jbuilder|twig|html)$/i,
  },
  policy: { words: '(?:authorization\\s+)?polic(?:y|ies)(?:\\s+class(?:es)?)?', folders: ['policies'], files: CODE },
  request: {
    words: 'form\\s+requests?(?:\\s+class(?:es)?)?',
    folders: ['requests'],
    parent: /(?:^|\/)http\/$/i,
    files: CODE,
  },
  observer: { words: 'observers?(?:\\s+class(?:es)?)?', folders: ['observers'], files: CODE },
  job: {
    words: '(?:background\\s+|queued?\\s+|async\\s+)?jobs?(?:\\s+class(?:es)?)?',
    folders: ['jobs'],
    parent: /(?:^|\/)app\/$/i,
    files: CODE,
    base: /^application_?job\.\w+$/i,
  },
  middleware: {
    words: '(?:custom\\s+|http\\s+)?middlewares?(?:\\s+class(?:es)?)?',
    folders: ['middleware', 'middlewares'],
    parent: /(?:^|\/)http\/$/i,
    files: CODE,
  },
  service: {
    words: 'service\\s+(?:class(?:es)?|objects?|files?)',
    folders: ['services'],
    files: CODE,
  },
  controller: {
    words: '(?:web\\s+|api\\s+|http\\s+)?(?:controllers?|contr[oô]leurs?|controladore?s?)(?:\\s+class(?:es)?)?',
    folders: ['controllers'],
    parent: /(?:^|\/)(?:http|app)\/$/i,
    files: CODE,
    base: /^(?:controller\.php|application_controller\.rb|basecontroller\.\w+)$/i,
  },
  event: { words: 'events?(?:\\s+class(?:es)?)?', folders: ['events'], parent: /(?:^|\/)app\/$/i, files: CODE },
  listener: { words: '(?:event\\s+)?listeners?(?:\\s+class(?:es)?)?', folders: ['listeners'], files: CODE },
  notification: {
    words: 'notifications?(?:\\s+class(?:es)?)?',
    folders: ['notifications'],
    parent: /(?:^|\/)app\/$/i,
    files: CODE,
  },
  seeder: { words: '(?:database\\s+)?seeders?(?:\\s+class(?:es)?)?', folders: ['seeders'], files: CODE },
  factory: {
    words: '(?:model\\s+)?factor(?:y|ies)(?:\\s+class(?:es)?)?',
    folders: ['factories'],
    files: CODE,
    withTests: true,
  },
  action: {
    words: '(?:action\\s+(?:class(?:es)?|files?)|actions\\s+(?:class(?:es)?|files?))',
    folders: ['actions'],
    files: CODE,
  },
  route: { words: '(?:api\\s+)?route\\s+(?:files?|modules?)', folders: ['routes'], files: CODE },
  page: {
    words: '(?:vue\\s+|react\\s+|frontend\\s+)?(?:pages?|p[aá]ginas?|seiten)(?:\\s+(?:files?|vue|react))?',
    folders: ['pages'],
    files: UI,
  },
  component: {
    words:
      '(?:vue\\s+|react\\s+|ui\\s+|frontend\\s+)?(?:components?|componentes?|composants?|komponenten)(?:\\s+(?:files?|vue|react))?',
    folders: ['components'],
    files: UI,
  },
});

/** The kind a phrase names: "Eloquent Models" → model. */
const KIND_RE = Object.entries(KINDS).map(([id, k]) => [id, new RegExp(`^${k.words}$`, 'i')] as const);
const kindOf = (phrase: string): string | null => KIND_RE.find(([, re]) => re.test(phrase.trim()))?.[0] ?? null;

const ALL_WORDS = Object.values(KINDS)
  .map((k) => k.words)
  .join('|');
/** "34 Eloquent Models", "15+ core models", "~40 policies": the count before the kind. */
const COUNT_BEFORE = new RegExp(
  `(?<![\\d.,/:-])(~\\s*)?(\\d{1,4})(\\+?)\\s+(?:(?:core|main|new|custom|total|all)\\s+)?(${ALL_WORDS})\\b`,
  'i',
);
/** "Eloquent Models | 34 | 34 | PASS", "Background Jobs: 5+", "**Models**: 15+ core models", "Contrôleurs : 36 fichiers". */
const LABEL = new RegExp(
  `^(${ALL_WORDS})\\s*[:|]\\s*(~\\s*)?(\\d{1,4})(\\+?)(?:\\s*\\|\\s*(\\d{1,4})|\\s*\\/\\s*(\\d{1,4}))?(?!\\s*[%./\\d])(?:\\s+(?:files?|fichiers|arquivos|archivos|dateien)\\b)?`,
  'i',
);
/** "#### Policies (40 Classes)", "### Actions (14 files)", "Jobs (5 total)": the kind, then its count in brackets. */
const LABEL_BRACKET = new RegExp(
  `^(${ALL_WORDS})\\s*\\(\\s*(~\\s*)?(\\d{1,4})(\\+?)\\s*(?:class(?:es)?|files?|total|arquivos|archivos|fichiers|dateien|klassen)?\\s*\\)\\s*:?$`,
  'i',
);
/** "Factories (15 factories)": the kind, then its count in brackets with the kind's own word. */
const LABEL_BRACKET_KIND = new RegExp(
  `^(${ALL_WORDS})\\s*\\(\\s*(~\\s*)?(\\d{1,4})(\\+?)\\s+([\\w-]+)\\s*\\)\\s*:?$`,
  'i',
);
function bracketLabel(text: string): RegExpExecArray | null {
  const plainBracket = LABEL_BRACKET.exec(text);
  if (plainBracket) return plainBracket;
  const own = LABEL_BRACKET_KIND.exec(text);
  return own && kindOf(own[5]!) && kindOf(own[5]!) === kindOf(own[1]!) ? own : null;
}

/** Models of machine learning, not of the database. */
const NOT_CODE =
  /\b(?:llms?|ai|ml|gpt|openai|embeddings?|language|ollama|trained|pretrained|inference|hugging\s*face|onnx|docker|compose|containers?|k8s|kubernetes|pods?|cron)\b/i;
const MADE =
  /\b(?:created|added|wrote|written|introduced|extracted|generated|criad[oa]s?|adicionad[oa]s?|cread[oa]s?|añadid[oa]s?|agregad[oa]s?|erstellt|hinzugefügt|ajouté(?:e?s)?|créé(?:e?s)?)\b/i;
/** Words before a count that make it the units something reaches ("Applied to 7 models"). */
const SOME_OF =
  /\b(?:applied to|used (?:in|by)|included in|shared by|reused (?:in|by)|across|aplicad[oa] (?:a|em)|usad[oa] (?:em|por)|angewendet auf|appliqu[ée] (?:à|aux))\s*$/i;
/** "in `backend/models/`": the folder the count is about. */
const IN_FOLDER = /\b(?:in|under|em|en|dans|unter)\s+`?\.?\/?([\w.-]+(?:\/[\w.-]+)*)\/?`?/i;
const VENDORED = /(?:^|\/)(?:node_modules|vendor|third_party|target|build|dist|\.venv|venv|site-packages)\//;
/** A copy of the code kept aside ("archive/20251101/app/Models/"): not the units the project has today. */
const ARCHIVED = /(?:^|\/)(?:archives?|archived|backups?|old|deprecated|obsolete|attic|_old|\.old)\//i;
/** "(HomeController, PreOrderController, Controller)": the units a count names, two or more identifiers. */
const NAMED_LIST = /\(\s*([A-Z]\w*(?:\s*,\s*[A-Z]\w*)+)\s*\)/;

interface Folder {
  dir: string;
  all: string[];
  direct: string[];
}

function foldersOf(ctx: LookupContext, kind: Kind, within?: string): Folder[] {
  const byDir = new Map<string, Folder>();
  for (const p of ctx.files.paths) {
    if (VENDORED.test(p) || (!kind.withTests && !isProductionPath(p))) continue;
    const name = p.slice(p.lastIndexOf('/') + 1);
    if (!kind.files.test(name) || /^(?:__init__\.py|index\.\w+|\.gitkeep|\.keep)$/i.test(name)) continue;
    if (within && !`/${p.toLowerCase()}`.includes(`/${within}/`)) continue;
    const parts = p.split('/');
    // The nearest folder of the kind above the file.
    for (let i = parts.length - 2; i >= 0; i--) {
      if (!kind.folders.includes(parts[i]!.toLowerCase())) continue;
      const parent = `${parts.slice(0, i).join('/')}/`;
      if (kind.parent && !kind.parent.test(parent === '/' ? '' : parent)) break;
      const dir = parts.slice(0, i + 1).join('/');
      const f = byDir.get(dir) ?? { dir, all: [], direct: [] };
      f.all.push(p);
      if (i === parts.length - 2) f.direct.push(p);
      byDir.set(dir, f);
      break;
    }
  }
  const all = [...byDir.values()];
  // An archived copy of the app beside the live one: a reader counts the live one.
  const live = all.filter((f) => !ARCHIVED.test(`${f.dir}/`));
  return live.length ? live : all;
}

/** Django: the classes of models.py (and models/*.py) that derive from a Model. */
function djangoModels(ctx: LookupContext, within?: string): { count: number; evidence: Evidence[] } | null {
  let count = 0;
  const evidence: Evidence[] = [];
  for (const p of ctx.files.paths) {
    if (VENDORED.test(p) || !isProductionPath(p) || !/(?:^|\/)models(?:\.py|\/[\w]+\.py)$/.test(p)) continue;
    if (within && !`/${p.toLowerCase()}`.includes(`/${within}/`)) continue;
    const body = fileText(ctx, p);
    if (!body || !/\bfrom\s+django\.db\s+import\b|\bdjango\.db\b/.test(body)) continue;
    let n = 0;
    const lines = body.split('\n');
    lines.forEach((line, i) => {
      // "class Orchard(models.Model):" — the bases read between the brackets, without a pattern to backtrack.
      if (!line.startsWith('class ')) return;
      const open = line.indexOf('(');
      const close = line.indexOf(')', open);
      if (open < 0 || close < 0 || !/Model\b/.test(line.slice(open + 1, close))) return;
      const block = lines.slice(i + 1, i + 30);
      const end = block.findIndex((l) => l.startsWith('class '));
      if (!(end < 0 ? block : block.slice(0, end)).some((l) => l.includes('abstract = True'))) n++;
    });
    if (n) {
      count += n;
      evidence.push({ path: p, note: `${n} model classes` });
    }
  }
  return count ? { count, evidence } : null;
}

// Per listing: its Prisma schemas and their models, read once, not once per claim (review 23).
const prismaIndex = new WeakMap<object, { path: string; lower: string; count: number; line: number }[]>();

/** Prisma: the `model X {` blocks of each schema.prisma (a monorepo may keep one per app). */
function prismaModels(ctx: LookupContext, within?: string): { path: string; count: number; line: number }[] {
  let all = prismaIndex.get(ctx.files);
  if (!all) {
    all = [];
    for (const p of ctx.files.paths) {
      if (VENDORED.test(p) || !/\.prisma$/.test(p)) continue;
      const lines = (fileText(ctx, p) ?? '').split('\n');
      const at = lines.map((l, i) => (/^model\s+\w+\s*\{/.test(l) ? i + 1 : 0)).filter((i) => i > 0);
      if (at.length) all.push({ path: p, lower: `/${p.toLowerCase()}`, count: at.length, line: at[0]! });
    }
    prismaIndex.set(ctx.files, all);
  }
  return all
    .filter((f) => !within || f.lower.includes(`/${within}/`))
    .map(({ path, count, line }) => ({ path, count, line }));
}

/** "Admin Batches Views | 4": the views a folder named for them holds. */
const NAMED_VIEWS = /^([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s+(?:blade\s+)?views?\s*[:|]/i;

function namedFolder(roots: Folder[], name: string): Folder | null {
  const words = name.toLowerCase().split(/\s+/);
  const forms = (w: string) => [w, `${w}s`, w.replace(/s$/, ''), w.replace(/ies$/, 'y')];
  for (const root of roots) {
    const hits = new Map<string, Folder>();
    for (const p of root.all) {
      const rel = p
        .slice(root.dir.length + 1)
        .toLowerCase()
        .split('/')
        .slice(0, -1);
      if (rel.length !== words.length && !(words.length > 1 && rel.length === 1)) continue;
      const joined = words.length > 1 && rel.length === 1 ? [rel[0]!.replace(/[-_]/g, ' ')] : rel;
      const target = words.length > 1 && rel.length === 1 ? [words.join(' ')] : words;
      if (
        !target.every(
          (w, i) => forms(w).some((f) => forms(joined[i]!.replace(/-/g, ' ')).includes(f)) || joined[i] === w,
        )
      )
        continue;
      const dir = p.slice(0, p.lastIndexOf('/'));
      const f = hits.get(dir) ?? { dir, all: [], direct: [] };
      f.direct.push(p);
      hits.set(dir, f);
    }
    if (hits.size === 1) {
      const f = [...hits.values()][0]!;
      f.all = root.all.filter((p) => p.startsWith(`${f.dir}/`));
      return f;
    }
  }
  return null;
}

/** "8 controllers optimized…", "14 middleware checks", "3 jobs per minute": not the count of all units of the kind. */
export const notAllOfKind = (after: string): boolean =>
  /^\s*(?:tests?|specs?|methods?|calls?|endpoints?|routes?|checks?|per|\/|runs?|executed|pass|(?:were\s+|are\s+)?(?:optimi[sz]ed|updated|refactored|fixed|modified|changed|improved|affected|touched|reviewed|rewritten|converted|migrated|moved|need|needs|require|lack|missing|without|still|left|remaining|to\s))/i.test(
    after,
  );

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : /s$/.test(word) ? 'es' : 's'}`;

/** The count a claim gives of a framework's code units, and the counts a reader listing the folder makes. */
export function codeUnitCount(ctx: LookupContext | undefined, claim: Claim): UnitCount | null {
  // "0 Background Jobs (intentional)" reads as partly done; a count is a statement either way.
  if (!ctx || (claim.asserted !== 'done' && claim.asserted !== 'partial')) return null;
  let text = claim.text
    .replace(/[*_`✅]/g, '')
    .replace(/^\|\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (NOT_CODE.test(text)) return null;
  // "Created 6 Action classes", "Adicionados 3 componentes": the ones a change made, not all there are
  // ("28 models created" still counts them all).
  const made = MADE.exec(text);
  if (made && /\d/.test(text.slice(made.index))) return null;
  let claimed: number[];
  let phrase: string;
  let atLeast: boolean;
  let about: number;
  // "| 003 | Database migrations (16 files) | Complete |": a row's cell that gives a kind its count.
  if (claim.source === 'table' && !LABEL.test(text)) {
    const cell = text
      .split('|')
      .map((c) => c.trim())
      .find((c) => bracketLabel(c));
    if (cell) text = cell;
  }
  const namedLabel = NAMED_VIEWS.exec(text);
  const label =
    LABEL.exec(text) ?? bracketLabel(text) ?? (namedLabel ? LABEL.exec(text.replace(namedLabel[1]!, '').trim()) : null);
  const before = label ? null : COUNT_BEFORE.exec(text);
  if (label) {
    phrase = label[1]!;
    claimed = [Number(label[3])];
    // "Pages: 8/6": done of planned; either number is what the line may mean.
    if (label[5] ?? label[6]) claimed.push(Number(label[5] ?? label[6]));
    atLeast = label[4] === '+';
    about = label[2] ? 0.1 : 0;
  } else if (before) {
    // "5 new tables", "3 request handlers": the words right after the count must name the kind.
    phrase = before[4]!;
    claimed = [Number(before[2])];
    atLeast = before[3] === '+';
    about = before[1] ? 0.1 : 0;
    // "14 middleware checks", "3 jobs per minute": the kind is not what is counted.
    // "8 controllers optimized with eager loading": the ones an action touched, not all there are.
    if (notAllOfKind(text.slice(before.index + before[0].length))) return null;
    // "Applied to 7 models", "used by 3 controllers": the ones something reaches, not all there are.
    if (SOME_OF.test(text.slice(Math.max(0, before.index - 40), before.index))) return null;
  } else return null;
  const id = kindOf(phrase);
  if (!id) return null;
  const kind = KINDS[id]!;
  const m = (label ?? before)!;
  const within = IN_FOLDER.exec(text.slice(m.index + m[0].length))?.[1]
    ?.toLowerCase()
    .replace(/\/$/, '');
  const folders = foldersOf(ctx, kind, within);
  const counts = new Map<number, string>();
  const add = (n: number, how: string) => {
    if (!counts.has(n)) counts.set(n, how);
  };
  const evidence: Evidence[] = [];
  if (id === 'model') {
    const dj = djangoModels(ctx, within);
    if (dj) {
      add(dj.count, `${plural(dj.count, 'model class')} in models.py`);
      evidence.push(...dj.evidence.slice(0, 3));
    }
  }
  if (id === 'model') {
    const schemas = prismaModels(ctx, within);
    for (const f of schemas) {
      add(f.count, `${plural(f.count, 'model')} in ${f.path}`);
      evidence.push({ path: f.path, line: f.line, note: `${f.count} models` });
    }
    if (schemas.length > 1) {
      const total = schemas.reduce((n, f) => n + f.count, 0);
      add(total, `${total} models in ${schemas.length} Prisma schemas`);
    }
  }
  if (!folders.length && !counts.size) return null;
  // "| Complaint Views | 10 |", "Admin Batches Views: 4": the views of one folder of the views.
  const named = id === 'view' && label && namedLabel && !kindOf(namedLabel[0].slice(0, -1).trim()) ? namedLabel : null;
  if (named && folders.length) {
    const sub = namedFolder(folders, named[1]!);
    if (!sub) return null;
    counts.clear();
    // Partials in a subfolder are counted by some readers and not by others: only all of them confirm.
    if (sub.direct.length !== sub.all.length && claimed.includes(sub.direct.length)) return null;
    add(sub.all.length, `${plural(sub.all.length, 'file')} under ${sub.dir}/`);
    evidence.push(...sub.direct.slice(0, 3).map((path) => ({ path })));
    folders.length = 0;
  }
  // The folders of the kind: one a reader lists, or several whose files together are the count.
  folders.sort((a, b) => b.all.length - a.all.length);
  // "Controllers: 4 (HomeController, …, Controller)": the units the line names. In a folder that holds
  // each of them, any other file of the kind was added since: the count and its list are out of date.
  const listed = NAMED_LIST.exec(text.slice(m.index))?.[1]
    ?.split(',')
    .map((n) => n.trim().toLowerCase());
  // (Only a list as long as the count enumerates the units; a shorter one may give examples.)
  if (listed && listed.length >= claimed[0]! && folders.length && !named) {
    const stem = (p: string) =>
      p
        .slice(p.lastIndexOf('/') + 1)
        .replace(/\.[^.]+$/, '')
        .toLowerCase();
    const holder = folders.find((f) => listed.every((n) => f.all.some((p) => stem(p) === n)));
    if (holder) {
      const extra = holder.all.filter((p) => !listed.includes(stem(p)));
      if (extra.length)
        return {
          what: phrase.toLowerCase(),
          where: `${plural(holder.all.length, 'file')} under ${holder.dir}/, among them ${extra
            .slice(0, 4)
            .map((p) => p.slice(holder.dir.length + 1))
            .join(', ')} that the line's list leaves out`,
          claimed: claimed[0]!,
          atLeast,
          found: holder.all.length,
          others: false,
          evidence: extra.slice(0, 3).map((path) => ({ path })),
          agrees: atLeast && holder.all.length >= claimed[0]!,
        };
    }
  }
  const main = folders[0];
  if (main) {
    const base = (fs: string[]) => fs.filter((p) => !kind.base?.test(p.slice(p.lastIndexOf('/') + 1))).length;
    add(main.all.length, `${plural(main.all.length, 'file')} under ${main.dir}/`);
    add(main.direct.length, `${plural(main.direct.length, 'file')} directly in ${main.dir}/`);
    add(base(main.all), `${main.all.length} files under ${main.dir}/ less the base class`);
    add(base(main.direct), `${main.direct.length} files directly in ${main.dir}/ less the base class`);
    if (folders.length > 1) {
      const total = folders.reduce((s, f) => s + f.all.length, 0);
      add(total, `${total} files in ${folders.length} ${kind.folders[0]} folders`);
      for (const f of folders.slice(1, 6)) add(f.all.length, `${plural(f.all.length, 'file')} under ${f.dir}/`);
    }
    evidence.push(...main.all.slice(0, 3).map((path) => ({ path })));
  }
  const agrees = (n: number) =>
    claimed.some((c) => (atLeast ? n >= c : about ? Math.abs(n - c) <= about * Math.max(n, c) : n === c));
  const hit = [...counts.keys()].find(agrees);
  const [first] = counts.entries();
  const [found, how] = hit !== undefined ? [hit, counts.get(hit)!] : first!;
  const rest = text.slice(0, m.index) + text.slice(m.index + m[0].length);
  return {
    what: named ? `${named[1]} views` : phrase.toLowerCase(),
    where: how,
    claimed: claimed[0]!,
    atLeast,
    found,
    // "37 Controllers (29 Web + 8 API)": other figures of the line are not checked here.
    others: !label && /\d/.test(rest),
    evidence: evidence.slice(0, 3),
    ...(hit !== undefined ? { agrees: true } : { agrees: false }),
  };
}

/** "**Models**: 15+ core models", "Background Jobs: 5": a label line whose value counts a framework's code units. */
export function countsCodeUnits(label: string, value: string): boolean {
  const v = value.replace(/[*_`]/g, '').trim();
  const lead = new RegExp(`^(~\\s*)?\\d{1,4}\\+?\\s+(?:[a-z-]+\\s+)?(${ALL_WORDS})\\b`, 'i').exec(v);
  if (lead && kindOf(lead[2]!)) return !NOT_CODE.test(v);
  return Boolean(kindOf(label.replace(/[*_`]/g, '').trim())) && /^~?\d{1,4}\+?(?:\s*\([^()]*\))?$/.test(v);
}
