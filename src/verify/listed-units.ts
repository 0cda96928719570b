/**
 * A list of the repository's units, one per item, under a label or heading that says their kind
 * ("**Business modules:** 14 modules" over "- Products (inventory)", "- Digital Menu (…)"; "**Hooks:**"
 * over "- use-orders (orders)"). A reader opens the folder where the listed units live and looks each
 * one up by name. That folder is found from the list itself: the one folder that holds most of the
 * items, by a folder or file named as the item is (`digital-menu/`, `use-orders.ts`). Then an item
 * there is confirmed; an item said to be done that is nowhere in the repository is contradicted; one
 * found only elsewhere is there in part; an item said to be missing that is there is contradicted.
 *
 * A list whose items the repository does not name (other words, another language) finds no such folder
 * and is left as it was: unsure stays unverifiable.
 */
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { NOT_NAMING, TEST_FILE, UNLISTED_DIR } from './named-feature.js';
import type { VerifiedClaim } from './schema.js';
import { plain } from './status.js';

/** A label or heading naming a kind of unit. */
const KIND =
  /(?<![\p{L}])(?:modules?|módulos?|modulos?|modul(?:e|en)?|hooks?|services?|servicios?|serviços?|controllers?|controladores?|contr[ôo]leurs?|apps?|aplicaciones|packages?|paquetes?|pacotes?|features?|routers?|handlers?|stores?|slices?|composables?|plugins?|middlewares?|repositor(?:y|ies)|repositorios?)(?![\p{L}])/iu;
/** An item's name: one to four words or one code-form name, before its note. */
const NAME = /^([\p{L}][\p{L}\p{N}_.-]{1,40}(?: [\p{L}][\p{L}\p{N}_-]{0,30}){0,3})(?:\s*(?:\(|[-–—:]\s|$))/u;
const MIN_HOME = 3;
const MAX_PATHS = 50000;

interface Item {
  index: number;
  name: string;
  keys: string[];
}

/** "Digital Menu" → digital-menu, digital_menu, digitalmenu, and the singular of each. */
function keysOf(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.-]+/)
    .filter(Boolean);
  if (!words.length) return [];
  const out = new Set<string>();
  for (const sep of ['-', '_', '']) {
    const k = words.join(sep);
    out.add(k);
    if (k.length > 4 && k.endsWith('s') && !k.endsWith('ss')) out.add(k.slice(0, -1));
    else out.add(`${k}s`);
  }
  return [...out];
}

const byName = new WeakMap<object, Map<string, string[]>>();

/** Folders and file stems of the repository by lower-case name, with their paths (folders end in "/"). */
function names(ctx: LookupContext): Map<string, string[]> {
  const cached = byName.get(ctx.files);
  if (cached) return cached;
  const out = new Map<string, string[]>();
  const add = (key: string, path: string) => {
    const list = out.get(key) ?? [];
    if (list.length < 20 && !list.includes(path)) list.push(path);
    out.set(key, list);
  };
  for (const path of ctx.files.paths.slice(0, MAX_PATHS)) {
    if (path === ctx.documentPath || NOT_NAMING.test(path)) continue;
    const segs = path.split('/');
    const base = segs.pop()!;
    if (segs.some((s) => UNLISTED_DIR.test(s))) continue;
    if (!TEST_FILE.test(base)) add(base.replace(/^\./, '').split('.')[0]!.toLowerCase(), path);
    for (let k = 0; k < segs.length; k++) add(segs[k]!.toLowerCase(), `${segs.slice(0, k + 1).join('/')}/`);
  }
  byName.set(ctx.files, out);
  return out;
}

const parentOf = (path: string) => path.replace(/\/$/, '').split('/').slice(0, -1).join('/');

export function relateListedUnits(
  claims: Claim[],
  judged: VerifiedClaim[],
  ctx: LookupContext | undefined,
): VerifiedClaim[] {
  if (!ctx) return judged;
  const out = [...judged];
  const index = names(ctx);
  // Items of one list: consecutive bullets under the same label or heading that names a kind of unit.
  const groups: Claim[][] = [];
  // (The kind is said by the section, or by the label line the list hangs from: "**Hooks:** 16 hooks".)
  let head: Claim | undefined;
  claims.forEach((c, i) => {
    const prev = claims[i - 1];
    if (c.source !== 'bullet') return;
    const last = groups.at(-1)?.at(-1);
    if (last && prev === last && last.section === c.section && last.line + 1 === c.line) {
      groups.at(-1)!.push(c);
      return;
    }
    head = prev && prev.line + 1 === c.line && prev.source === 'label' ? prev : undefined;
    if ((c.section && KIND.test(c.section)) || (head && KIND.test(head.text))) groups.push([c]);
  });
  for (const group of groups) {
    const items: Item[] = [];
    for (const c of group) {
      const text = plain(c.text);
      // "Conocimiento (Wiki), Digital Menu", "Users & Roles": more than one unit on the line.
      const head = text.replace(/\([^()]*\)/g, ' ').split(/\s[-–—]\s|:\s/)[0]!;
      if (/[,&+/]|\s(?:and|y|e|et|und)\s/i.test(head)) continue;
      const m = NAME.exec(text);
      if (!m) continue;
      items.push({ index: claims.indexOf(c), name: m[1]!.trim(), keys: keysOf(m[1]!.trim()) });
    }
    if (items.length < MIN_HOME) continue;
    const found = (it: Item) => it.keys.flatMap((k) => index.get(k) ?? []);
    // The folder that holds the most items, each counted once.
    const tally = new Map<string, Set<number>>();
    for (const it of items)
      for (const p of found(it)) {
        const dir = parentOf(p);
        const s = tally.get(dir) ?? new Set<number>();
        s.add(it.index);
        tally.set(dir, s);
      }
    const [home, holds] = [...tally.entries()].sort((a, b) => b[1].size - a[1].size)[0] ?? ['', new Set<number>()];
    if (holds.size < MIN_HOME || holds.size * 5 < items.length * 3) continue;
    const where = `${home || '.'}/`;
    countOfList(claims, out, group, home, where, holds.size, group.length, ctx);
    for (const it of items) {
      const claim = claims[it.index]!;
      const was = out[it.index]!;
      // What looked at the named thing stands; a verdict from a rule the item's note happened to
      // name ("Dashboard (KPIs and metrics)" read as metrics), or none, gives way.
      if (was.verdict !== 'unverifiable' && !(was.verdict === 'contradicted' && /^(?:rule|pillar):/.test(was.basis)))
        continue;
      const paths = found(it);
      const inHome = paths.find((p) => parentOf(p) === home);
      const said = `${holds.size} of the ${items.length} listed are in ${where}`;
      if (claim.asserted === 'done') {
        if (inHome)
          out[it.index] = {
            ...was,
            basis: 'file',
            rule: null,
            verdict: 'confirmed',
            reason: `found: ${it.name} is ${inHome} (${said})`,
            evidence: [{ path: inHome }],
          };
        else if (paths.length)
          out[it.index] = {
            ...was,
            basis: 'file',
            rule: null,
            verdict: 'partially-confirmed',
            reason: `only in part: no ${it.name} in ${where}, where ${said}; a file or folder of that name is at ${paths[0]}`,
            evidence: paths.slice(0, 2).map((path) => ({ path })),
          };
        else
          out[it.index] = {
            ...was,
            basis: 'file',
            rule: null,
            verdict: 'contradicted',
            reason: `the document says done, but no ${it.name} is in ${where} (where ${said}) nor anywhere else in the repository`,
            evidence: [{ path: where }],
          };
      } else if (claim.asserted === 'not-done' && inHome)
        out[it.index] = {
          ...was,
          basis: 'file',
          rule: null,
          verdict: 'contradicted',
          reason: `the document says it is missing, but ${it.name} is ${inHome} (${said})`,
          evidence: [{ path: inHome }],
        };
    }
  }
  return out;
}

/**
 * "**Business modules:** 14 modules" over the list: the folder the list was found in holds the units
 * it counts. Fewer there than the figure, or more there while the list itself gives another number
 * too, and the figure is out of date; exactly as many, and it holds.
 */
function countOfList(
  claims: Claim[],
  out: VerifiedClaim[],
  group: Claim[],
  home: string,
  where: string,
  holds: number,
  listed: number,
  ctx: LookupContext,
): void {
  const first = group[0]!;
  const i = claims.findIndex((c) => c.line === first.line - 1);
  const label = claims[i];
  if (label?.source !== 'label' || label.number?.kind !== 'count' || !KIND.test(label.number.unit ?? '')) return;
  if (out[i]!.verdict !== 'unverifiable') return;
  const claimed = label.number.value;
  if (typeof claimed !== 'number') return;
  // The units of the folder: its sub-folders where the items were folders, else its files.
  const folders = new Set<string>();
  const files = new Set<string>();
  const prefix = home ? `${home}/` : '';
  for (const path of ctx.files.paths) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length).split('/');
    if (rest.length > 1) folders.add(rest[0]!);
    else if (!TEST_FILE.test(rest[0]!) && !NOT_NAMING.test(rest[0]!)) files.add(rest[0]!);
  }
  const units = Math.max(folders.size, files.size);
  const kind = folders.size >= files.size ? 'folders' : 'files';
  const at = `${where} holds ${units} ${kind} (${holds} of the ${listed} listed are there)`;
  if (units === claimed)
    out[i] = {
      ...out[i]!,
      basis: 'file',
      rule: null,
      verdict: 'confirmed',
      reason: `found: ${at}`,
      evidence: [{ path: where }],
    };
  else if (units < claimed || listed !== claimed)
    out[i] = {
      ...out[i]!,
      basis: 'file',
      rule: null,
      verdict: 'contradicted',
      reason: `the document says ${claimed}, but ${at}${listed !== claimed ? `, and the list itself has ${listed}` : ''}`,
      evidence: [{ path: where }],
    };
}
