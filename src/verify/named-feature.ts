/**
 * Named-feature lookup: "Email change request system with approval workflow", "Enterprise Groups",
 * "Comprehensive Rack::Attack configuration". A careful reader settles such a claim by finding a file,
 * folder or dependency NAMED by the claim's words. The claim's content phrases (two to four consecutive
 * content words, stop words of several languages dropped, CamelCase/snake/kebab joins split, plural
 * folded) are matched against the names the audit already has: the stems of listed code and
 * configuration files and folders, and the declared dependencies. A multi-word phrase must match; a
 * single word names nothing on its own (measured: too many menu-like lines).
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { unCamel } from './names.js';
import { plain } from './status.js';

/** Stop words (en, fr, de, es, pt) and words that qualify a feature rather than name it. */
const STOP = new Set(
  (
    'a an the and or of for to in on at by with without from into via as is are be was were been has have had ' +
    'this that these those it its all any each every some more most very well fully full complete completed ' +
    'comprehensive proper properly basic simple new old now also only not no yes done ready added implemented ' +
    'integrated integration configured configuration enabled support supported system systems feature features ' +
    'management handling flow workflow based using used use per etc e g i ie eg via see note ' +
    'le la les un une des du de d l et ou en au aux avec sans pour par sur dans est sont ce cette ces son sa ses ' +
    'der die das ein eine und oder mit ohne für von zu im in am ist sind den dem des auf ' +
    'el los las uno una y o con sin para por en del al es son ' +
    'o os as um uma e ou com sem para por em do da dos das no na nos nas é são'
  ).split(/\s+/),
);

/** Folders of copies (a release snapshot "v1.0.0-PRODUCTION/", an archive), tests and build output; files whose name shows nothing of the code: documentation, images, lock files. */
export const NOT_NAMING = /\.(?:md|markdown|txt|rst|adoc|png|jpe?g|gif|svg|ico|webp|pdf|lock|log|snap)$/i;
export const UNLISTED_DIR =
  /^(?:node_modules|vendor|dist|build|out|target|coverage|tmp|\.venv|venv|fixtures|testdata|__snapshots__|docs?|_?archive[sd]?|old|backups?|deprecated|legacy|tests?|specs?|__tests__|e2e|\.git)$/i;
const VERSIONED = /\bv?\d+\.\d+\.\d+/;
export const TEST_FILE = /[._-](?:test|spec|tests)\.[a-z]+$|^test_/i;

const COMPARED = /\b(?:wie|like|comme|como|similar to|same as|as in|gleiche[nr]?|identi(?:cal|que|sch)|analog)\b/i;

/**
 * "Invitations" → "invitation", "policies" → "policy"; short words and "-ss" kept. `es` also folds
 * the Spanish/Portuguese "-es" after a consonant ("entidades" → "entidad", "canales" → "canal").
 */
export function singular(w: string, es = false): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (es && w.length > 5 && /(?:[^aeiou]es)$/.test(w) && /(?:ad|ion|or|al)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 4 && /(?:ss|us|is)$/.test(w)) return w;
  if (w.length > 3 && w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** A name's words: "EmailChangeRequest", "email_change_requests", "rack-attack", "Rack::Attack". */
export function nameWords(name: string): string[] {
  return unCamel(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => singular(w));
}

interface Named {
  words: string[];
  path: string;
  kind: 'file' | 'folder' | 'dependency';
}

const indexes = new WeakMap<object, Named[]>();

function namesIndex(ctx: LookupContext): Named[] {
  const cached = indexes.get(ctx.files);
  if (cached) return cached;
  const out: Named[] = [];
  const folders = new Set<string>();
  for (const path of ctx.files.paths) {
    if (path === ctx.documentPath || NOT_NAMING.test(path)) continue;
    const segs = path.split('/');
    const base = segs.pop()!;
    if (TEST_FILE.test(base) || segs.some((s) => UNLISTED_DIR.test(s) || VERSIONED.test(s))) continue;
    const stem = base.replace(/^\./, '').split('.')[0]!;
    const words = nameWords(stem);
    if (words.length) out.push({ words, path, kind: 'file' });
    let dir = '';
    for (const seg of segs) {
      dir = dir ? `${dir}/${seg}` : seg;
      if (folders.has(dir)) continue;
      folders.add(dir);
      const w = nameWords(seg);
      if (w.length) out.push({ words: w, path: `${dir}/`, kind: 'folder' });
    }
  }
  for (const d of ctx.facts.dependencies) {
    const w = nameWords(d.name.replace(/^@[^/]+\//, ''));
    if (w.length) out.push({ words: w, path: d.path, kind: 'dependency', ...{ dep: d.name } });
  }
  indexes.set(ctx.files, out);
  return out;
}

/** The claim's content words in runs: a stop word or a punctuation break ends a run. */
function contentRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const chunk of plain(text).split(/[,;()|!?\u2013\u2014/"'`*[\]]+|[:.](?=\s|$)|\s-\s/)) {
    let run: string[] = [];
    for (const token of chunk.split(/\s+/).filter(Boolean)) {
      const words = nameWords(token);
      if (!words.length || words.some((w) => STOP.has(w) || /^\d+$/.test(w))) {
        if (run.length) runs.push(run);
        run = [];
        // A code-form token (UsersQuery, ROLE_ADMIN) is a phrase of its own even beside stop words.
        continue;
      }
      run.push(...words);
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

const contains = (hay: string[], needle: string[]) => {
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, j) => hay[i + j] === w)) return true;
  return false;
};

/**
 * A file, folder or dependency the claim's words name, longest phrases first; single words are not
 * looked up.
 */
export function namedFeatureFinding(ctx: LookupContext, claim: Claim): Finding | null {
  const bySubject = phraseFinding(ctx, claim, claim.subject || claim.text);
  // A short line said to be done ("Invitation System: polymorphic invitation flow"): its description
  // names the thing as well.
  if (bySubject || claim.asserted !== 'done' || !claim.subject || claim.subject === claim.text) return bySubject;
  const byText = phraseFinding(ctx, claim, claim.text);
  return byText?.basis === 'file' && byText.evidence[0]?.path.endsWith('/') ? null : byText;
}

function phraseFinding(ctx: LookupContext, claim: Claim, words: string): Finding | null {
  // Lines inside a code block are code or output shown, not the document's statements; a long subject
  // is a sentence, whose words name what it compares or lacks as much as what it has.
  if (claim.source === 'fence') return null;
  const index = namesIndex(ctx);
  // The claim's subject names the thing ("Enterprise Groups: complete organization management"); the
  // rest of a long line names what it is compared with or what it lacks.
  // What it is likened to ("same test approach as the Online-Portal") is not what it says is there.
  const runs = contentRuns(words.split(COMPARED)[0]!);
  if (runs.flat().length > 8) return null;
  const absence = claim.asserted !== 'done' && claim.asserted !== 'partial';
  const phrases: string[][] = [];
  for (const run of runs)
    for (let n = Math.min(4, run.length); n >= 2; n--)
      for (let i = 0; i + n <= run.length; i++) phrases.push(run.slice(i, i + n));
  phrases.sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    // A phrase of two very short words ("ui kit", "db io") names little.
    if (phrase.join('').length < 7) continue;
    const hit =
      index.find((n) => n.kind !== 'folder' && contains(n.words, phrase) && !/(?:^|\/)tests?\//.test(n.path)) ??
      index.find((n) => contains(n.words, phrase));
    // "❌ Email verification": an absence claim is contradicted only by the very thing it names, all of
    // its words ("Ausência de X como Value Object" is not refuted by a folder ValueObjects/).
    if (hit && absence && (hit.kind === 'folder' || phrase.length !== runs.flat().length)) continue;
    if (hit) return found(ctx, phrase, hit);
  }
  return null;
}

function found(ctx: LookupContext, phrase: string[], hit: Named): Finding {
  const subject = phrase.join(' ');
  if (hit.kind === 'dependency') {
    const dep = (hit as Named & { dep: string }).dep;
    return {
      subject,
      basis: 'dependency',
      present: 'yes',
      detail: `"${subject}" names the dependency ${dep}`,
      evidence: [{ path: hit.path, snippet: dep }],
    };
  }
  const line = hit.kind === 'file' ? lineOf(ctx, hit.path, phrase) : undefined;
  return {
    subject,
    basis: 'file',
    present: 'yes',
    detail: `"${subject}" names ${hit.kind === 'folder' ? 'the folder ' : ''}${hit.path}`,
    evidence: [{ path: hit.path, ...(line ? { line } : {}) }],
  };
}

/** The first line of the file that spells the phrase as a name (EmailChangeRequest, email_change_request). */
function lineOf(ctx: LookupContext, path: string, phrase: string[]): number | undefined {
  const text = ctx.readText ? ctx.readText(path, 256 * 1024) : ctx.files.read(path);
  if (!text) return undefined;
  const stems = phrase.map((w) => w.slice(0, Math.max(3, w.length - 1)));
  // Letters, then separators: disjoint classes, so a long run of word characters cannot backtrack.
  const re = new RegExp(stems.map((s) => s.replace(/[^\p{L}\p{N}]/gu, '')).join('[\\p{L}\\p{N}]*?[_\\-: ]*'), 'iu');
  const lines = text.split('\n');
  const i = lines.findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : undefined;
}
