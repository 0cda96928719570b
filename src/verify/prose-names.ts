/**
 * Names of code written in plain prose, without code ticks: "Custom StringArray type for JSON
 * serialization", "ExportSettings and ImportSettings in backup", "database reset per case (RefreshDatabase)".
 * A camelCase word of two humps is as often a product's name ("GitHub", "TypeScript") as the
 * repository's own class, so such a word is taken as a subject only when the repository itself
 * defines it (class, function, type, struct … of that exact name), imports it (a library's class the
 * code uses), or holds a file of that name: nothing is read from how the word looks alone. Language
 * independent: the definition and import keywords of the common languages, matched case-sensitively.
 *
 * Ticked dot-files ("`.gcloudignore`") whose names names.ts does not read as paths are found the same way:
 * in the listing or not at all.
 *
 * A claim is settled by these names only when every one of them is found, and only for a claim of
 * presence (done or partial): a name that is not found may be a product or a plain word, so it never
 * contradicts, and a claim of absence is left to the negative-claim rules.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import type { Needle } from './search.js';
import { plain } from './status.js';
import { escapeRe } from '../util/regex.js';

/**
 * Two or more humps, upper camel case: "StringArray", "CategoryData". (A lower camel word, "organizationId",
 * is as often a local variable that any file declares as the thing a line means.)
 */
const CAMEL = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/;

/** Words that only bind a line together, in the documents' languages. */
const GLUE =
  /^(?:the|and|for|with|via|from|into|its|von|der|die|das|den|dem|und|mit|fur|für|les|des|une|pour|avec|par|los|las|del|con|por|para|com|dos|das|nos|nas|uma|per|che|gli)$/i;
/** A run's verdict or a judgement of quality: what the line says of the names is not their presence. */
const NOT_PRESENCE =
  /\b(?:PASS(?:ED|ES)?|FAIL(?:ED|S)?|working|works|functional|verified|tested|best practices?|follows?|proper(?:ly)?|correct(?:ly)?|secure(?:ly)?|all|every|fully|comprehensive)\b/i;
/** Words of testing and coverage, in the documents' languages. */
export const ABOUT_TESTS =
  /\b(?:tests?|testing|tested|specs?|coverage|couverture|cobertura|abdeckung|testes|pruebas|testf[äa]lle|pr[üu]fung)\b/i;
/** At most this many words of its own beside the names: a line that says much more than them is about more. */
const MAX_OTHER_WORDS = 4;

/** "[Guide](docs/guide.md)": the link's target is not a word of the line (read without a pattern that backtracks). */
function dropLinkTargets(s: string): string {
  return s
    .split('](')
    .map((part, i) => (i === 0 ? part : part.replace(/^[^)\s]*\)/, ']')))
    .join('');
}

/** A token without the dots, slashes and dashes around it. */
function trimEnds(t: string): string {
  let a = 0;
  let b = t.length;
  while (a < b && './-'.includes(t[a]!)) a++;
  while (b > a && './-'.includes(t[b - 1]!)) b--;
  return t.slice(a, b);
}

/** A line that names code and says little else of it, and nothing of how well or whether a run passed. */
export function aboutTheNames(raw: string, names: string[]): boolean {
  let t = dropLinkTargets(raw.replace(/`[^`\n]*`/g, ' '));
  for (const n of names) t = t.split(n).join(' ');
  if (NOT_PRESENCE.test(t)) return false;
  const words = (t.match(/\p{L}{3,}/gu) ?? []).filter((w) => !GLUE.test(w));
  return words.length <= MAX_OTHER_WORDS;
}

/** The camelCase words of a line outside code ticks, which names.ts leaves to this module. */
export function proseNamesIn(raw: string, taken: string[]): string[] {
  const untick = dropLinkTargets(raw.replace(/`[^`\n]*`/g, ' '));
  const out: string[] = [];
  for (const tok of untick.split(/[\s,;:()[\]<>"'|*_!?{}=+→]+/)) {
    const t = trimEnds(tok);
    if (t.length < 6 || !CAMEL.test(t) || taken.includes(t) || out.includes(t)) continue;
    out.push(t);
  }
  return out.slice(0, 6);
}

/**
 * A line that defines the name (class, interface, struct, fn, def, func (r *T) Name, const Name =,
 * public … Name(…)) or imports it (import, from, use, using, require, include).
 */
function definitionPattern(name: string): RegExp {
  const n = escapeRe(name);
  const at = `(?<![\\w$])${n}(?![\\w$])`;
  return new RegExp(
    [
      `\\b(?:class|interface|trait|struct|enum|type|record|object|def|fun|func|function|fn|protocol|typealias|impl|module|mixin|extension)\\s+(?:\\([^)\\n]{0,120}\\)\\s*)?${at}`,
      `\\b(?:const|let|var|val)\\s+${n}\\s*[=:]`,
      `\\b(?:public|private|protected|internal|static|override|suspend|async|export|pub)\\b[^=;\\n]{0,160}?(?<![\\w$.])${n}\\s*[(<]`,
      `^\\s*(?:import|from|use|using|require|include|require_once)\\b[^\\n]*?${at}`,
    ].join('|'),
    // Multiline: the scan runs it over a whole file, where the import form must still start a line.
    'm',
  );
}

/** The searches the prose names of one claim need: their definitions and imports. */
export function proseNeedles(names: string[]): Needle[] {
  return names.map((name) => ({
    key: `def:${name}`,
    anchors: [name.toLowerCase()],
    regex: definitionPattern(name),
    scope: 'code' as const,
    // Built from the document's words: run under the scan's time limit like any pattern nobody vetted.
    guarded: true,
  }));
}

const byBase = new WeakMap<object, Map<string, string>>();
/** A file whose name without its extension is the name, exactly ("HistoryScreen.kt"). */
function fileNamed(ctx: LookupContext, name: string): string | undefined {
  let m = byBase.get(ctx.files);
  if (!m) {
    m = new Map();
    for (const p of ctx.files.paths) {
      const base = p
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, '');
      if (!m.has(base)) m.set(base, p);
    }
    byBase.set(ctx.files, m);
  }
  return m.get(name);
}

/** A prose name the repository defines, imports or has a file of; null when it does not. */
function proseFinding(ctx: LookupContext, name: string): Finding | null {
  const hits = ctx.search.hits.get(`def:${name}`) ?? [];
  const code = hits.filter((h) => !h.test);
  const hit = code[0] ?? hits[0];
  if (hit)
    return {
      subject: name,
      basis: 'search',
      present: 'yes',
      detail: `${name} is defined or imported at ${hit.path}:${hit.line}`,
      evidence: [{ path: hit.path, line: hit.line, snippet: hit.snippet }],
    };
  const file = fileNamed(ctx, name);
  if (file)
    return { subject: name, basis: 'file', present: 'yes', detail: `${file} exists`, evidence: [{ path: file }] };
  return null;
}

/**
 * The findings of a claim of presence whose prose names and ticked dot-files are ALL in the repository; none otherwise
 * (one name not found leaves the line to the other lookups, as if it named none).
 */
export function proseFindings(ctx: LookupContext, claim: Claim, names: string[], paths: string[]): Finding[] {
  const raw = claim.raw ?? claim.text;
  // Dot-files names.ts reads as paths (".env.example", ".gitignore") are looked up there.
  const dots = dotFilesIn(raw).filter((d) => !paths.includes(d));
  if (!names.length && !dots.length) return [];
  if (claim.asserted !== 'done' && claim.asserted !== 'partial') return [];
  // "Couverture des modèles: ✅ Validation StatusCheck": under a heading of tests, the line says the
  // name is tested, which its definition does not show.
  if (ABOUT_TESTS.test(`${claim.section ?? ''} ${plain(claim.text)}`)) return [];
  if (!aboutTheNames(raw, [...names, ...dots.map((d) => `\`${d}\``)])) return [];
  const found = [...names.map((n) => proseFinding(ctx, n)), ...dots.map((d) => dotFileFinding(ctx, d))];
  return found.every((f) => f) ? (found as Finding[]) : [];
}

/**
 * "`.gcloudignore`", "`.env.template`": a ticked name of a dot-file with no extension names.ts knows.
 * It is found where the listing holds a file of that name; a dot-file kept out of the repository
 * (".env.production" on a server) is not a file the line can be checked against, so absence decides nothing.
 */
const DOT_FILE = /`(\.[A-Za-z][\w.-]{1,60})`/g;
function dotFilesIn(raw: string): string[] {
  return [...new Set([...raw.matchAll(DOT_FILE)].map((m) => m[1]!))].slice(0, 4);
}
function dotFileFinding(ctx: LookupContext, name: string): Finding | null {
  const path = ctx.files.named(name)[0];
  return path ? { subject: name, basis: 'file', present: 'yes', detail: `${path} exists`, evidence: [{ path }] } : null;
}
