/**
 * "32 Java source files", "4 REST Controllers", "9 DTO classes", "4 Repository interfaces": counts
 * of the units a codebase is made of, which a reader settles by listing the files. Files of the
 * language are counted outside tests and vendored folders; a kind of class by the file names that
 * carry it (`OrderController.java`) or the folder that holds it (`dto/`) — not "4 services", which names
 * deployable services as often as service classes. A count that no longer
 * matches says the document is out of date; a kind the file names do not show stays unverifiable.
 */
import { isProductionPath, isTestPath } from '../facts/paths.js';
import type { Evidence } from '../types.js';
import { codeUnitCount, notAllOfKind } from './code-units.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import { table } from '../util/table.js';

const LANGS = 'java|kotlin|python|typescript|javascript|go|rust|php|ruby|c#|swift|dart|scala';
const LANGUAGE_FILES = new RegExp(
  `(?<![\\d.,])(\\d{1,5})(\\+?)\\s+(${LANGS})\\s+(?:source\\s+|code\\s+)?files\\b`,
  'i',
);
/** "59 arquivos Python", "12 fichiers Go": the language after the word for files. */
const LANGUAGE_FILES_AFTER = new RegExp(
  `(?<![\\d.,])(\\d{1,5})(\\+?)\\s+(?:arquivos|archivos|ficheiros|fichiers|dateien)\\s+(${LANGS})\\b`,
  'i',
);
/** "Total Go Files: 47", "| Arquivos Python | 59 |": the language's files named, then the count. */
const LANGUAGE_FILES_LABEL = new RegExp(
  `^(?:total\\s+)?(?:(${LANGS})\\s+(?:source\\s+)?files|(?:arquivos|archivos|fichiers)\\s+(${LANGS}))\\s*[:|]\\s*(\\d{1,5})(\\+?)\\s*(?:files?\\s*$|\\||$|\\()`,
  'i',
);
/** "40 PHP files in `app/`": the folder the count is about. */
const IN_FOLDER = /^\s*(?:in|under|em|en|dans|unter)\s+`?\.?\/?([\w.-]+(?:\/[\w.-]+)*)\/?`?/i;
const EXTENSIONS: Record<string, string[]> = table({
  java: ['.java'],
  kotlin: ['.kt'],
  python: ['.py'],
  typescript: ['.ts', '.tsx'],
  javascript: ['.js', '.jsx', '.mjs', '.cjs'],
  go: ['.go'],
  rust: ['.rs'],
  php: ['.php'],
  ruby: ['.rb'],
  'c#': ['.cs'],
  swift: ['.swift'],
  dart: ['.dart'],
  scala: ['.scala'],
});
const KIND_COUNT =
  /(?<![\d.,])(\d{1,4})(\+?)\s+(?:rest\s+|api\s+|jpa\s+|spring\s+)?(controllers?|repositor(?:y|ies)|entit(?:y|ies)|dtos?|dto classes|handlers?|middlewares?)\b(?!\s+(?:tests?|methods?|calls?|endpoints?))/i;
/** File-name suffixes and folders that hold each kind. */
const KINDS: Record<string, { suffix: RegExp; folder: RegExp }> = table({
  controller: { suffix: /controller$/i, folder: /(?:^|\/)controllers?\// },
  repository: { suffix: /repository$/i, folder: /(?:^|\/)repositor(?:y|ies)\// },
  entity: { suffix: /entity$/i, folder: /(?:^|\/)(?:entity|entities)\// },
  dto: { suffix: /dto$/i, folder: /(?:^|\/)dtos?\// },
  handler: { suffix: /handler$/i, folder: /(?:^|\/)handlers?\// },
  middleware: { suffix: /middleware$/i, folder: /(?:^|\/)middlewares?\// },
});
const SOURCE = /\.(?:java|kt|py|ts|tsx|js|jsx|go|rs|php|rb|cs|swift|dart|scala)$/i;
const VENDORED = /(?:^|\/)(?:node_modules|vendor|third_party|target|build|dist|\.venv|venv)\//;

export interface UnitCount {
  what: string;
  claimed: number;
  atLeast: boolean;
  found: number;
  /** The line gives other figures beside this count ("with 16 API endpoints", "~2,300 lines"). */
  others: boolean;
  evidence: Evidence[];
  /** A share the two may differ by (lines of code are counted more than one way): 0.03 for ±3 %. */
  tolerance?: number;
  /** Whether the count holds, when more than one count a reader could make was compared. */
  agrees?: boolean;
  /** How the repository's count was made ("56 files under app/Models/"). */
  where?: string;
}

/** "Go Lines: 28210", "Python Test Lines: 900", "Lines of code (TypeScript): 12,400": lines of a language's files. */
const LANGUAGE_LINES_LABEL = new RegExp(
  `^(?:total\\s+)?(${LANGS})\\s+(test\\s+)?(?:source\\s+)?(?:lines(?:\\s+of\\s+code)?|loc|sloc|(?=code\\s*[:|]\\s*~?[\\d,.]+\\s+lines)code)\\s*[:|]\\s*~?(\\d{1,3}(?:[,.]\\d{3})+|\\d{1,8})(?:\\s+lines)?\\s*(?:\\||$|\\()`,
  'i',
);
/** "Go Test Files: 27": the language's test files. */
const LANGUAGE_TEST_FILES_LABEL = new RegExp(
  `^(?:total\\s+)?(${LANGS})\\s+test\\s+files\\s*[:|]\\s*(\\d{1,5})\\s*(?:\\||$|\\()`,
  'i',
);
/** "Go Dependencies: 0", "Dependencies: 12": the packages the manifests declare. */
const DEPENDENCIES_LABEL = new RegExp(
  `^(?:total\\s+)?(?:(${LANGS}|npm|pip|cargo|maven|gradle|nuget|composer)\\s+)?(?:direct\\s+)?dependencies\\s*[:|]\\s*(\\d{1,4})\\s*(?:\\||$|\\()`,
  'i',
);
const ECOSYSTEM_OF: Record<string, string[]> = table({
  go: ['go'],
  python: ['pip'],
  pip: ['pip'],
  javascript: ['npm'],
  typescript: ['npm'],
  npm: ['npm'],
  rust: ['cargo'],
  cargo: ['cargo'],
  java: ['maven', 'gradle'],
  kotlin: ['maven', 'gradle'],
  maven: ['maven'],
  gradle: ['gradle'],
  'c#': ['nuget'],
  nuget: ['nuget'],
  php: ['composer'],
  composer: ['composer'],
  ruby: ['bundler'],
});
/** Lines are counted from at most this many files: a count over more is left open. */
const MAX_COUNTED_FILES = 3000;

/** "Go Lines: 28210", "Go Test Files: 27", "Go Dependencies: 0": a metric of the repository on a label line. */
function metric(ctx: LookupContext, text: string): UnitCount | null {
  const line = text.replace(/^\|\s*/, '');
  const lines = LANGUAGE_LINES_LABEL.exec(line);
  const tests = LANGUAGE_TEST_FILES_LABEL.exec(line);
  if (lines || tests) {
    const name = (lines ?? tests)![1]!;
    const test = tests ? true : Boolean(lines![2]);
    const exts = EXTENSIONS[name.toLowerCase()]!;
    const files = ctx.files.paths.filter(
      (p) => exts.some((e) => p.endsWith(e)) && !VENDORED.test(p) && (test ? isTestPath(p) : isProductionPath(p)),
    );
    if (!files.length || files.length > MAX_COUNTED_FILES) return null;
    const evidence = files.slice(0, 3).map((path) => ({ path }));
    if (tests)
      return {
        what: `${name} test files`,
        claimed: Number(tests[2]),
        atLeast: false,
        found: files.length,
        others: false,
        evidence,
      };
    let total = 0;
    for (const f of files) {
      const body = fileText(ctx, f);
      if (body === undefined) return null;
      total += body.split('\n').length - (body.endsWith('\n') ? 1 : 0);
    }
    return {
      what: `lines in ${files.length} ${name}${test ? ' test' : ''} files`,
      claimed: Number(lines![3]!.replace(/[,.]/g, '')),
      atLeast: false,
      found: total,
      others: false,
      evidence,
      tolerance: 0.03,
    };
  }
  const deps = DEPENDENCIES_LABEL.exec(line);
  if (deps) {
    const ecosystems = deps[1] ? ECOSYSTEM_OF[deps[1].toLowerCase()] : undefined;
    if (deps[1] && !ecosystems) return null;
    const declared = ctx.facts.dependencies.filter(
      (d) => !d.pin && (!ecosystems || ecosystems.includes(d.ecosystem)) && !VENDORED.test(d.path),
    );
    // No manifest at all: nothing to count dependencies in.
    if (!declared.length && ctx.facts.manifests.length === 0) return null;
    const names = (ds: typeof declared) => new Set(ds.map((d) => `${d.ecosystem}:${d.name.toLowerCase()}`)).size;
    const claimed = Number(deps[2]);
    // Direct or all, production or with dev tools: a count that equals any of them holds.
    const counts = [
      names(declared.filter((d) => d.direct && !d.dev)),
      names(declared.filter((d) => d.direct)),
      names(declared),
    ];
    const found = counts.find((c) => c === claimed) ?? counts[0]!;
    return {
      what: `${deps[1] ? `${deps[1]} ` : ''}dependencies declared in the manifests`,
      claimed,
      atLeast: false,
      found,
      others: false,
      evidence: declared.slice(0, 3).map((d) => ({ path: d.path, ...(d.line ? { line: d.line } : {}), note: d.name })),
    };
  }
  return null;
}

const kindOf = (word: string): string =>
  word
    .toLowerCase()
    .replace(/ classes$/, '')
    .replace(/ies$/, 'y')
    .replace(/s$/, '');

/** The count a claim gives of a language's files or a kind of class, and the count the files show; null when it gives none. */
export function unitCount(ctx: LookupContext | undefined, claim: Claim): UnitCount | null {
  if (!ctx) return null;
  const framework = codeUnitCount(ctx, claim);
  if (framework) return framework;
  if (claim.asserted !== 'done') return null;
  const own = ctx.files.paths.filter((p) => isProductionPath(p) && !VENDORED.test(p));
  const text = claim.text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  const measured = metric(ctx, text);
  if (measured) return measured;
  const labelled = LANGUAGE_FILES_LABEL.exec(text.replace(/^\|\s*/, ''));
  const lang = LANGUAGE_FILES.exec(text) ?? LANGUAGE_FILES_AFTER.exec(text);
  if (lang || labelled) {
    const m = lang ?? labelled!;
    const [count, plus, name] = lang ? [lang[1]!, lang[2]!, lang[3]!] : [m[3]!, m[4]!, (m[1] ?? m[2])!];
    const exts = EXTENSIONS[name.toLowerCase()]!;
    let files = own.filter((p) => exts.some((e) => p.endsWith(e)));
    // "in `app/`": the files under a folder of that path, wherever the project sits.
    const folder = IN_FOLDER.exec(text.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    if (folder) {
      files = files.filter((p) => `/${p.toLowerCase()}`.includes(`/${folder}/`));
      if (!files.length) return null;
    }
    if (!files.length) return null;
    const rest = text.slice(0, m.index) + text.slice(m.index + m[0].length);
    return {
      others: /\d/.test(rest.replace(IN_FOLDER, '')) && !labelled,
      what: `${name} files${folder ? ` under ${folder}/` : ''}`,
      claimed: Number(count),
      atLeast: plus === '+',
      found: files.length,
      evidence: files.slice(0, 3).map((path) => ({ path })),
    };
  }
  const kind = KIND_COUNT.exec(claim.text);
  if (!kind || notAllOfKind(claim.text.slice(kind.index + kind[0].length))) return null;
  const k = KINDS[kindOf(kind[3]!)];
  if (!k) return null;
  const files = own.filter((p) => {
    if (!SOURCE.test(p)) return false;
    const base = p.slice(p.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
    return k.suffix.test(base) || (k.folder.test(p) && !/^(?:index|__init__|mod|package-info)$/i.test(base));
  });
  // The kind is not spelled in file names or folders here: a reader would read the code instead.
  if (!files.length) return null;
  return result(kind[3]!, kind, files, claim.text);
}

function result(what: string, m: RegExpExecArray, files: string[], text: string): UnitCount {
  const rest = text.slice(0, m.index) + text.slice(m.index + m[0].length);
  return {
    others: /\d/.test(rest),
    what,
    claimed: Number(m[1]),
    atLeast: m[2] === '+',
    found: files.length,
    evidence: files.slice(0, 3).map((path) => ({ path })),
  };
}

/** A count of files is exact, as `find | wc -l` gives it ("N+" is a floor). */
export function unitCountAgrees(u: UnitCount): boolean {
  if (u.agrees !== undefined) return u.agrees;
  if (u.atLeast) return u.found >= u.claimed;
  if (u.tolerance) return Math.abs(u.found - u.claimed) <= u.tolerance * Math.max(u.found, u.claimed);
  return u.found === u.claimed;
}
