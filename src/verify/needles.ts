/**
 * The targeted searches a document needs, planned for the whole document before any claim is
 * judged: one needle per name (identifier, annotation, endpoint, setting, package, mechanism and its
 * alternatives), deduplicated, so that search.ts reads each candidate file once for all of them.
 */
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { namesIn, type Setting } from './names.js';
import type { Needle } from './search.js';
import { MECHANISMS, mechanismsIn } from './vocabulary.js';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[\s_.:/-]+/)
    .filter((w) => w.length > 1);

/** "No hardcoded secrets or API keys", "without stack traces": the things named must be absent, which the rule judges. */
export const NEGATED = /^(?:no|not|never|without|zero|0|keine?|kein|sin|ningún|sans|aucun|nenhum)\b/i;

/** The searches one claim needs, by key. */
function needlesOf(claim: Claim, files: LookupContext['files']): Needle[] {
  if (claim.asserted === 'done' && NEGATED.test(claim.subject)) return [];
  const names = namesIn(claim.raw ?? claim.text);
  const out: Needle[] = [];
  const mechs = mechanismsIn(claim.text);
  for (const m of [...mechs, ...MECHANISMS.filter((x) => mechs.some((y) => y.family === x.family && y !== x))])
    if (m.anchors)
      out.push({ key: `mech:${m.id}`, anchors: m.anchors, ...(m.code ? { line: m.code } : {}), scope: 'code' });
  for (const id of names.identifiers) {
    // "BootstrapTests.contextLoads()": the member is what a file defines; a test's name may wrap
    // the name given ("TestTaskServiceIntegration", "test_retry_policy").
    const last = id.split('.').pop()!;
    out.push({
      key: `id:${id}`,
      anchors: [last.toLowerCase()],
      line: new RegExp(`(?<![\\w$])(?:test_?)?${escapeRe(last)}(?:_?tests?|spec)?(?![\\w$])`, 'i'),
      scope: 'code',
    });
  }
  for (const a of names.annotations)
    out.push({
      key: `ann:${a}`,
      anchors: [a.toLowerCase()],
      line: new RegExp(`${escapeRe(a)}(?![\\w])`, 'i'),
      scope: 'code',
    });
  for (const e of names.endpoints) {
    const literal = e.split(/\{[^}]*\}|:[\w]+|<[^>]*>/)[0]!.replace(/\/$/, '') || e;
    const pattern = e
      .split(/(\{[^}]*\}|:[\w]+|<[^>]*>)/)
      .map((p, k) => (k % 2 ? '[^/\\s\'"`]+' : escapeRe(p)))
      .join('');
    out.push({
      key: `ep:${e}`,
      anchors: [literal.toLowerCase()],
      line: new RegExp(`${pattern}(?![\\w-])`, 'i'),
      scope: 'code',
    });
    const last = `/${e.split('/').filter(Boolean).pop() ?? ''}`;
    if (last !== e && !/[{:<]/.test(last) && last.length > 2)
      out.push({
        key: `eps:${last}`,
        anchors: [last.toLowerCase()],
        line: new RegExp(`${escapeRe(last)}(?![\\w/-])`, 'i'),
        scope: 'code',
      });
  }
  const scoped = names.paths.flatMap((p) =>
    files.named(p.split('/').pop()!, true).filter((x) => x.toLowerCase().endsWith(p.toLowerCase())),
  );
  for (const s of names.settings) out.push(settingNeedle(s, scoped));
  for (const p of names.packages) {
    const ws = words(p.name);
    if (ws.length === 0) continue;
    const longest = [...ws].sort((a, b) => b.length - a.length)[0]!;
    out.push({
      key: `pkg:${p.name}`,
      anchors: [longest],
      // Anchored: the lookaheads run once per line, not once per position.
      line: new RegExp(`^${ws.map((w) => `(?=.*${escapeRe(w)})`).join('')}`, 'i'),
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
  const has = (line: string) => {
    const w = codeWords(line);
    return alternatives.some((alt) => w.some((_, i) => alt.every((p, k) => w[i + k] === p)));
  };
  return {
    key: `set:${s.key}@${paths.join(',')}`,
    anchors: alternatives.map((alt) => [...alt].sort((a, b) => b.length - a.length)[0]!),
    line: has,
    scope: paths.length ? { paths } : 'code',
  };
}

/** Every search the document needs, deduplicated. */
export function planNeedles(claims: Claim[], files: LookupContext['files']): Needle[] {
  const byKey = new Map<string, Needle>();
  for (const c of claims)
    if (c.asserted) for (const n of needlesOf(c, files)) if (!byKey.has(n.key)) byKey.set(n.key, n);
  return [...byKey.values()];
}
