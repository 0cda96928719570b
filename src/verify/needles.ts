/**
 * The targeted searches a document needs, planned for the whole document before any claim is
 * judged: one needle per name (identifier, annotation, endpoint, setting, package, mechanism and its
 * alternatives), deduplicated, so that search.ts reads each candidate file once for all of them.
 */
import type { Claim } from './extract.js';
import { type Names, namesIn, type Setting } from './names.js';
import { MAX_NEEDLES, type Needle } from './search.js';
import { proseNamesIn, proseNeedles } from './prose-names.js';
import { MECHANISMS, mechanismsIn } from './vocabulary.js';
import { escapeRe } from '../util/regex.js';
import { productKey, productsIn } from './products.js';
import { table } from '../util/table.js';

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[\s_.:/-]+/)
    .filter((w) => w.length > 1);

/** Runtimes a document names one way and a manifest another ("JDK 17" is <java.version>17). */
const ALIAS: Record<string, string> = table({
  jdk: 'java',
  openjdk: 'java',
  golang: 'go',
  nodejs: 'node',
  postgresql: 'postgres',
});

/** The names a claim gives, read once per claim (needles and findings both ask). */
const names = new WeakMap<Claim, Names>();
export function namesOf(claim: Claim): Names {
  let n = names.get(claim);
  if (!n) names.set(claim, (n = namesIn(claim.raw ?? claim.text)));
  return n;
}

/** "No hardcoded secrets or API keys", "without stack traces": the things named must be absent, which the rule judges. */
export const NEGATED = /^(?:no|not|never|without|zero|0|keine?|kein|sin|ningún|sans|aucun|nenhum)\b/i;

/** The searches one claim needs, by key. */
function needlesOf(claim: Claim): Needle[] {
  if (claim.asserted === 'done' && NEGATED.test(claim.subject) && !claim.named) return [];
  const names = namesOf(claim);
  const out: Needle[] = [];
  const mechs = mechanismsIn(claim.text);
  for (const m of [...mechs, ...MECHANISMS.filter((x) => mechs.some((y) => y.family === x.family && y !== x))])
    if (m.anchors)
      out.push({ key: `mech:${m.id}`, anchors: m.anchors, regex: m.code ?? anyOf(m.anchors), scope: 'code' });
  for (const id of names.identifiers) {
    // "BootstrapTests.contextLoads()": the member is what a file defines; a test's name may wrap
    // the name given ("TestTaskServiceIntegration", "test_retry_policy").
    const last = id.split('.').pop()!;
    // "prefix `pq_pk_`", "`azure_speech_*` fields": a name written with a trailing underscore (or
    // underscore and star) is the start of the names that have it, not a whole word.
    const prefix = new RegExp(`(?<![\\w$])${escapeRe(id)}_(?:\\*|(?!\\w))`).test(claim.raw ?? claim.text);
    out.push({
      key: `id:${id}`,
      anchors: [last.toLowerCase()],
      regex: prefix
        ? new RegExp(`(?<![\\w$])${escapeRe(last)}_`, 'i')
        : new RegExp(`(?<![\\w$])(?:test_?)?${escapeRe(last)}(?:_?tests?|spec)?(?![\\w$])`, 'i'),
      scope: 'code',
    });
  }
  for (const a of names.annotations)
    out.push({
      key: `ann:${a}`,
      anchors: [a.toLowerCase()],
      regex: new RegExp(`${escapeRe(a)}(?![\\w])`, 'i'),
      scope: 'code',
    });
  for (const e of names.endpoints) {
    const literal = e.split(/\{[^{}]*\}|:\w+|<[^<>]*>/)[0]!.replace(/\/$/, '') || e;
    const pattern = e
      .split(/(\{[^{}]*\}|:\w+|<[^<>]*>)/)
      .map((p, k) => (k % 2 ? '[^/\\s\'"`]+' : escapeRe(p)))
      .join('');
    // "/me", "/v1": a word this short is part of many strings (".../users/me/calendarList"); the route
    // is the string itself, quoted whole.
    const short = /^\/\w{1,3}$/.test(e);
    out.push({
      key: `ep:${e}`,
      anchors: [literal.toLowerCase()],
      regex: short ? new RegExp(`["'\`]${pattern}/?["'\`]`, 'i') : new RegExp(`${pattern}(?![\\w-])`, 'i'),
      scope: 'code',
    });
    const group = groupedRouteNeedle(e);
    if (group) out.push(group);
    // "/api/users/:id" under `users := api.Group("/users")`, "/api/v1/customers/" in a nested
    // `path('customers/', …)`: the last fixed segment quoted alone, where a file composes the route.
    const fixed = e.split('/').filter((p) => p && !new RegExp(`^${PARAM}$`).test(p));
    const tail = fixed.at(-1);
    if (tail && tail.length > 2 && /^[\w.-]+$/.test(tail))
      out.push({
        key: `epq:${e}`,
        anchors: [tail.toLowerCase()],
        regex: new RegExp(`["'\`]/?${escapeRe(tail)}/?["'\`]`, 'i'),
        scope: 'code',
      });
    const last = `/${e.split('/').filter(Boolean).pop() ?? ''}`;
    if (last !== e && !/[{:<]/.test(last) && last.length > 2)
      out.push({
        key: `eps:${last}`,
        anchors: [last.toLowerCase()],
        regex: new RegExp(`${escapeRe(last)}(?![\\w/-])`, 'i'),
        scope: 'code',
      });
  }
  // "Bcrypt hashing": an algorithm named is looked for in the code, where no package may name it.
  for (const p of productsIn(claim.raw ?? claim.text).filter((x) => x.inCode))
    out.push({ key: productKey(p), anchors: p.shows, regex: anyOf(p.shows), scope: 'code' });
  for (const s of names.settings) out.push(settingNeedle(s, names.paths));
  for (const l of names.literals)
    out.push({ key: `lit:${l}`, anchors: [l.toLowerCase()], regex: new RegExp(escapeRe(l), 'i'), scope: 'code' });
  // "**Removed dependencies:** - okhttp": the item is a package to look for in the manifests.
  const listed =
    claim.removed && !names.paths.length && /^[@\w][\w.@/-]*(?: [\w.-]+)?$/.test(claim.subject)
      ? [{ name: claim.subject.toLowerCase() }]
      : [];
  for (const p of [...names.packages, ...listed]) {
    const ws = words(ALIAS[p.name] ?? p.name);
    if (ws.length === 0) continue;
    const longest = [...ws].sort((a, b) => b.length - a.length)[0]!;
    out.push({
      key: `pkg:${p.name}`,
      anchors: [longest],
      // Anchored: the lookaheads run once per line, not once per position.
      regex: new RegExp(`^${ws.map((w) => `(?=.*${escapeRe(w)})`).join('')}`, 'im'),
      scope: 'manifests',
    });
  }
  return out;
}

/** The words of a line of code: camelCase, snake_case and kebab-case split, lower case. */
export function codeWords(line: string): string[] {
  return line
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The search key of a setting, scoped to the files a claim names ("PORT 5000 in deploy.sh"). */
export const settingKey = (s: Setting, paths: string[]) => `set:${s.key}@${paths.join(',')}`;

/**
 * A word of a key as code spells it: lower case after a non-letter (pool_size, pool-size), capital
 * after a lower-case letter (poolSize), or upper case (POOL_SIZE) — not inside a word (importedAt).
 */
function keyWord(w: string, first: boolean): string {
  const cap = w[0]!.toUpperCase() + w.slice(1);
  return first
    ? `(?:(?<![A-Za-z0-9])(?:${w}|${cap}|${w.toUpperCase()})|(?<=[a-z0-9])${cap})`
    : `(?:${w}|${cap}|${w.toUpperCase()})`;
}

const anyOf = (anchors: string[]) => new RegExp(anchors.map(escapeRe).join('|'), 'i');

function settingNeedle(s: Setting, paths: string[]): Needle {
  const parts = s.key.split(' ');
  // "pool size" matches poolSize, POOL_SIZE and pool-size, but "port" not importedAt.
  // A port is also what a server listens on: app.listen(8000).
  // "connection pool size" is written poolSize as often as connectionPoolSize.
  const alternatives = [
    parts,
    ...(parts.length > 2 ? [parts.slice(-2)] : []),
    ...(s.key === 'port' ? [['listen']] : []),
  ];
  const regex = new RegExp(
    alternatives.map((alt) => `${alt.map((w, k) => keyWord(w, k === 0)).join('[\\s_.-]?')}(?![a-z])`).join('|'),
  );
  return {
    key: settingKey(s, paths),
    anchors: alternatives.map((alt) => [...alt].sort((a, b) => b.length - a.length)[0]!),
    regex,
    scope: paths.length ? { names: paths } : 'code',
  };
}

/** Every search the document needs, deduplicated. */
const planned = new WeakMap<Claim[], Needle[]>();
export function planNeedles(claims: Claim[]): Needle[] {
  let hit = planned.get(claims);
  if (!hit) planned.set(claims, (hit = plan(claims)));
  return hit;
}

function plan(claims: Claim[]): Needle[] {
  const byKey = new Map<string, Needle>();
  for (const c of claims) if (c.asserted) for (const n of needlesOf(c)) if (!byKey.has(n.key)) byKey.set(n.key, n);
  // Names in plain prose (prose-names.ts) come last, within the budget the others leave: they never
  // make the search of the named code incomplete.
  const prose = new Map<string, Needle>();
  for (const c of claims)
    if (c.asserted === 'done' || c.asserted === 'partial')
      for (const n of proseNeedles(proseNamesOf(c))) if (!byKey.has(n.key) && !prose.has(n.key)) prose.set(n.key, n);
  return [...byKey.values(), ...[...prose.values()].slice(0, Math.max(0, MAX_NEEDLES - byKey.size))];
}

/** The names of code a claim writes in plain prose (prose-names.ts), read once per claim. */
const prose = new WeakMap<Claim, string[]>();
export function proseNamesOf(claim: Claim): string[] {
  let n = prose.get(claim);
  if (!n) {
    const names = namesOf(claim);
    prose.set(claim, (n = proseNamesIn(claim.raw ?? claim.text, [...names.identifiers, ...names.paths])));
  }
  return n;
}

const PARAM = String.raw`(?:\{[^{}/]*\}|:\w+|<[^<>/]*>)`;

/**
 * "/v1/users/{id}" where the code writes `v1 := r.Group("/v1")` and `v1.GET("/users/:id", …)`: the
 * route's last two segments quoted whole as a route, or a leading part of its path quoted whole as a
 * group prefix — both in one file show the route as the code composes it.
 */
export function groupedRouteNeedle(e: string): Needle | null {
  const segs = e.split('/').filter(Boolean);
  if (segs.length < 3 || !new RegExp(`^${PARAM}$`).test(segs.at(-1)!) || /[{:<]/.test(segs.at(-2)!)) return null;
  const prefix = segs.slice(0, -2);
  if (prefix.some((p) => /[{:<]/.test(p))) return null;
  const heads = [
    ...new Set([...prefix.map((_, k) => `/${prefix.slice(0, k + 1).join('/')}`), ...prefix.map((p) => `/${p}`)]),
  ];
  const route = `${escapeRe(`/${segs.at(-2)}/`)}${PARAM}`;
  return {
    key: `epg:${e}`,
    anchors: [...new Set([`/${segs.at(-2)!}/`, ...heads].map((a) => a.toLowerCase()))],
    regex: new RegExp(`["'\`](?:${route}|(?:${heads.map(escapeRe).join('|')})/?)["'\`]`, 'i'),
    scope: 'code',
  };
}

/** The route part of a grouped-route needle's hit ("/users/:id"), or null for a prefix hit. */
export function groupedRouteOf(e: string, snippet: string): string | null {
  const segs = e.split('/').filter(Boolean);
  const m = new RegExp(`["'\`](${escapeRe(`/${segs.at(-2)}/`)}${PARAM})["'\`]`, 'i').exec(snippet);
  return m ? m[1]! : null;
}
