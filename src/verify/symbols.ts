/**
 * Subject resolution by the code's own names: a line in plain words ("API key validation", "Audit
 * logging for security events", "❌ No password reset") names a code unit when one function, method or
 * class of the product is called by exactly those words (ValidateAPIKey, NewAuditLogger, reset_password).
 * The definitions of the product's code are read once (a bounded, line-by-line pass over source files;
 * no tests, vendored or generated code) and each name is split into its words; a unit answers the line
 * when every word of its name is a word of the line and its words account for every content word the
 * line has (stop words, words of manner and a purpose clause aside). Then:
 *  - done: the unit is there with a real body → confirmed, cited at its definition;
 *  - missing (❌, "X missing"): the unit is there with a real body → contradicted (the document is out
 *    of date). A stub settles neither (stubs.ts).
 * Not settled by a name: a line said partly done (what is left undone is not read from a name), the
 * bold label of a list, a heading, a line with a negation said done ("✅ No raw SQL with user input").
 * A name of one word ("validate", "Logger") is no subject: it takes two words of the line to name a unit.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { TEST_FILE, UNLISTED_DIR } from './named-feature.js';
import { unCamel } from './names.js';
import { plain } from './status.js';
import { pendingAt, stubAt } from './stubs.js';

const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|cs|rb|php|swift|scala|dart|ex|exs)$/i;
const NOT_PRODUCT =
  /(?:^|\/)(?:tests?|__tests__|specs?|e2e|fixtures|testdata|mocks?|examples?|samples?|docs?|scripts?|migrations?|node_modules|vendor|third_party|dist|build|out|target|coverage|\.next|\.nuxt|generated|__generated__)\//i;
const MAX_FILES = 4000;
const MAX_BYTES = 24 * 1024 * 1024;
const MAX_FILE = 512 * 1024;
const MAX_LINE = 400;
const MAX_SYMBOLS = 60000;

/** A definition's keyword and the name after it, or a method with an access word before it. */
const DEF =
  /\b(?:class|struct|trait|interface|enum|fn|func|def|function|fun|module)\s+(?:\([^()]{0,80}\)\s*)?([A-Za-z_]\w{3,79})|^\s*(?:(?:public|private|protected|internal|static|async|override|final|virtual|abstract|suspend|export)\s+){1,4}(?:[\w<>[\],.?]{1,60}\s+)?([A-Za-z_]\w{3,79})\s*\(|\b(?:const|let|var)\s+([A-Za-z_]\w{3,79})\s*=\s*(?:async\s*)?(?:\([^()]{0,120}\)|\w+)\s*=>/;
const DEF_HINT =
  /\b(?:class|struct|trait|interface|enum|fn|func|def|function|fun|module|public|private|protected|internal|static|async|const|let|var)\b/;

/** Words of a name that say nothing of what the unit does. */
const GENERIC = new Set(
  (
    'get set new do does make is has can should handle handler handlers run init impl base default main util utils ' +
    'helper helpers service services controller controllers manager module provider impl func fn to from by with of ' +
    'for the a an and or on in at internal private public async sync data info item items obj object value values ' +
    'type types model models dto entity config process apply build create update delete list find fetch load save'
  ).split(' '),
);
/** Verbs that name the act: a name of only these and generic words names no subject. */
const WEAK = new Set('create update delete list find fetch load save get set check'.split(' '));

/** Stop words, markers of status and words of manner in the languages documents use. */
const STOP = new Set(
  (
    'a an the and or of for to in on at by with from into via as is are be was were been has have had this that ' +
    'these those its it all each every both per our their de del la las el los lo un una y e o u en con al se su ' +
    'sus le les des du d l et ou au aux avec dans sur ce ces son sa ses der die das den dem ein eine einen und oder ' +
    'mit im am zum zur von vom fur auf ist sind os um uma da do dos na no nas nos em com pelo pela ok done yes ' +
    'implemented implementado implementada implemente implementiert complete completed completo complet full fully ' +
    'proper properly basic enhanced advanced comprehensive robust strict secure working works functional support ' +
    'supported added configured configure configuration setup enabled active available present exists existing ' +
    'ready correct correctly correcte correctement fonctionnel funcional vorhanden aktiv bereit via using used ' +
    'feature features functionality system logic mechanism layer level en place'
  ).split(' '),
);
const NEGATION =
  /^(?:no|not|none|never|without|missing|lacks?|lacking|sin|falta|faltan|sans|pas|aucune?|manque|kein\w*|nicht|ohne|fehlt|fehlen|sem|nao|nenhuma?|absent|todo)$/;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** "validation" → "valid", "logging" → "logg", "refunds" → "refund": a stem compared by its prefix. */
function stem(w: string): string {
  for (const suf of ['ations', 'ation', 'ement', 'ment', 'ions', 'ion', 'ing', 'ers', 'er', 'es', 'ed', 's', 'e'])
    if (w.length - suf.length >= 4 && w.endsWith(suf)) return w.slice(0, -suf.length);
  return w;
}

/** Two stems are one word: equal, or sharing five letters and three quarters of the shorter. */
function same(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 5) return false;
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  return k >= 5 && k >= 0.75 * n;
}

interface Symbol {
  name: string;
  /** The stems of its name's words that say what it does (two at least). */
  words: string[];
  path: string;
  line: number;
  snippet: string;
}

function wordsOfName(name: string): string[] {
  return unCamel(name)
    .split(/[\s_]+/)
    .filter((w) => w.length >= 2 && /^[a-z]+$/.test(w));
}

const indexes = new WeakMap<object, Symbol[]>();

/** The product's definitions, read once per file listing. */
export function symbolsOf(ctx: LookupContext): Symbol[] {
  const cached = indexes.get(ctx.files);
  if (cached) return cached;
  const out: Symbol[] = [];
  let files = 0;
  let bytes = 0;
  for (const path of ctx.files.paths) {
    if (!CODE_FILE.test(path) || NOT_PRODUCT.test(path) || UNLISTED_DIR.test(path)) continue;
    if (TEST_FILE.test(path.slice(path.lastIndexOf('/') + 1)) || /\.d\.ts$|\.min\.js$/.test(path)) continue;
    if (++files > MAX_FILES || bytes > MAX_BYTES || out.length >= MAX_SYMBOLS) break;
    const text = ctx.readText?.(path, MAX_FILE) ?? ctx.files.read(path);
    if (!text || text.length > MAX_FILE) continue;
    bytes += text.length;
    let start = 0;
    for (let no = 1; start <= text.length; no++) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, Math.min(end, start + MAX_LINE));
      start = end + 1;
      if (!DEF_HINT.test(line)) continue;
      const m = DEF.exec(line);
      const name = m?.[1] ?? m?.[2] ?? m?.[3];
      if (!name || /^test/i.test(name)) continue;
      const all = wordsOfName(name);
      const words = all.filter((w) => !GENERIC.has(w)).map(stem);
      if (words.length < 1 || all.length < 2) continue;
      out.push({ name, words: all.map(stem), path, line: no, snippet: line.trim().slice(0, 160) });
    }
  }
  indexes.set(ctx.files, out);
  return out;
}

/** The content words of the line, stemmed; null when it says too much or nothing. */
function contentWords(text: string): { words: string[]; negated: boolean } | null {
  const t = fold(plain(text))
    // "API key validation for security events": what it is for is not what is there.
    .split(/\s(?:for|pour|para|fur|zur|zum|so that|in order to)\s/)[0]!;
  const raw = t.split(/[^a-z0-9]+/).filter(Boolean);
  const negated = raw.some((w) => NEGATION.test(w));
  const words = raw.filter((w) => !STOP.has(w) && !NEGATION.test(w) && !/^\d/.test(w) && w.length >= 2).map(stem);
  if (words.length < 2 || words.length > 6) return null;
  return { words, negated };
}

/** A unit of the product whose name is the line's subject, or null. */
export function symbolFinding(ctx: LookupContext, claim: Claim): Finding | null {
  // A heading ("Error Handling") names a topic, not a statement about a unit.
  if (claim.source === 'fence' || claim.source === 'heading' || claim.number || !claim.asserted) return null;
  // "🚧 Partial: project export": what is left undone is not read from a name; "**Error Handling**" over a
  // list is the list's label.
  if (claim.asserted !== 'done' && claim.asserted !== 'not-done') return null;
  if (/^[\s>*+-]*(?:\d+[.)]\s*)?\*\*[^*]+\*\*:?\s*$/.test(claim.raw ?? '')) return null;
  const line = contentWords(claim.subject && claim.subject.length > 3 ? claim.subject : claim.text);
  if (!line) return null;
  // "✅ No raw SQL with user input", "X but not Y": a negation in a line said done says more than a name shows.
  if (line.negated && claim.asserted !== 'not-done') return null;
  let best: { s: Symbol; covered: number } | null = null;
  for (const s of symbolsOf(ctx)) {
    // Every word of the unit's name is a word of the line …
    if (!s.words.every((w) => (GENERIC.has(w) ? true : line.words.some((x) => same(w, x))))) continue;
    const named = s.words.filter((w) => !GENERIC.has(w));
    if (named.length === 0) continue;
    // … and every content word of the line is a word of the name.
    const covered = line.words.filter((x) => s.words.some((w) => same(w, x))).length;
    if (covered < line.words.length || covered < 2) continue;
    if (named.every((w) => WEAK.has(w))) continue;
    if (!best || s.words.length < best.s.words.length) best = { s, covered };
  }
  if (!best) return null;
  const { s } = best;
  // Said missing while only a stub is there: the document is right, which the stub reading settles.
  // Said done while only a stub is there ("This action adds a new project"): not what the line says.
  if (stubAt(ctx, s.path, s.line, s.name)) return null;
  const evidence: Evidence[] = [{ path: s.path, line: s.line, snippet: s.snippet }];
  // "Parent notifications" where notify_parents only sets flags and says "# TODO: Send actual
  // notification": the unit is there, what its TODO names is not done — in part, with both places cited.
  const pending = claim.asserted === 'done' ? pendingAt(ctx, s.path, s.line, s.name) : null;
  if (pending)
    return {
      subject: s.name,
      basis: 'search',
      present: 'partly',
      detail: `the line's words name ${s.name}, defined at ${s.path}:${s.line}, but its body leaves a TODO at ${s.path}:${pending.line} ("${pending.text}")`,
      evidence: [...evidence, { path: s.path, line: pending.line, snippet: pending.text }],
    };
  return {
    subject: s.name,
    basis: 'search',
    present: 'yes',
    detail: `the line's words name ${s.name}, defined at ${s.path}:${s.line}`,
    evidence,
  };
}
