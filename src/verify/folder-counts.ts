/**
 * "internal/api/handlers/   # ALL handlers (6 files)", "`scripts/` (12 files)": the number of files a
 * line gives a folder it names. A reader lists the folder: the files directly in it or all files under
 * it. A number that equals neither says the document is out of date (contradicted, naming the folder
 * and its files); one that equals either is what the listing shows.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { plain } from './status.js';

/** "(6 files)", "6 arquivos", "— 12 Dateien": a count of files with no kind of file named. */
const FILES = /(?<![\w.,/-])(\d{1,4})\s+(?:files?|fichiers?|archivos?|arquivos?|dateien|datei)\b/i;
const KEEP = /(?:^|\/)(?:\.gitkeep|\.keep|\.DS_Store)$/;

export interface FolderCount {
  folder: string;
  claimed: number;
  direct: number;
  all: number;
  agrees: boolean;
  evidence: Evidence[];
}

/** The folder a "the folder X/ exists" finding found, as the listing spells it. */
function foundFolder(f: Finding): string | null {
  const m = /^the folder (.+)\/ exists$/.exec(f.detail);
  const inside = f.evidence[0]?.path;
  if (!m || !inside) return null;
  const want = m[1]!.toLowerCase();
  const lower = inside.toLowerCase();
  let at = 0;
  if (!lower.startsWith(`${want}/`)) {
    const i = lower.indexOf(`/${want}/`);
    if (i < 0) return null;
    at = i + 1;
  }
  return inside.slice(0, at + want.length);
}

/** The files of one folder: how many directly in it and in all, and the first three of each (listing order). */
interface Held {
  direct: number;
  all: number;
  firstDirect: string[];
  firstAll: string[];
}

// Per listing: every folder's files, worked out in one pass over the paths (as lookup.ts indexes
// folders), not a scan of every path per claim (review 23).
const heldIndex = new WeakMap<object, Map<string, Held>>();

function heldBy(ctx: LookupContext, dir: string): Held | undefined {
  let index = heldIndex.get(ctx.files);
  if (!index) {
    index = new Map();
    for (const p of ctx.files.paths) {
      if (KEEP.test(p)) continue;
      for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) {
        const d = p.slice(0, i);
        let h = index.get(d);
        if (!h) index.set(d, (h = { direct: 0, all: 0, firstDirect: [], firstAll: [] }));
        h.all++;
        if (h.firstAll.length < 3) h.firstAll.push(p);
        if (!p.includes('/', i + 1)) {
          h.direct++;
          if (h.firstDirect.length < 3) h.firstDirect.push(p);
        }
      }
    }
    heldIndex.set(ctx.files, index);
  }
  return index.get(dir);
}

/** The count of files a line gives the one folder a lookup found, compared with the folder's listing. */
export function folderFileCount(ctx: LookupContext | undefined, claim: Claim, findings: Finding[]): FolderCount | null {
  if (!ctx || claim.asserted === 'not-done') return null;
  const text = plain(claim.text);
  const m = FILES.exec(text);
  if (!m) return null;
  // One figure only: "12 files, 3 of them tests" counts something else too.
  // (A path's digits, "v2/handlers/", are not a figure.)
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
  if (
    /\d/.test(
      rest
        .split(/\s+/)
        .filter((w) => !w.includes('/'))
        .join(' '),
    )
  )
    return null;
  const folders = [
    ...new Set(
      findings
        .filter((f) => f.basis === 'file' && f.present === 'yes')
        .map(foundFolder)
        .filter((d): d is string => !!d),
    ),
  ];
  if (folders.length !== 1) return null;
  const dir = folders[0]!;
  const held = heldBy(ctx, dir);
  if (!held?.all) return null;
  const claimed = Number(m[1]);
  return {
    folder: dir,
    claimed,
    direct: held.direct,
    all: held.all,
    agrees: claimed === held.direct || claimed === held.all,
    evidence: (held.direct ? held.firstDirect : held.firstAll).map((path) => ({ path })),
  };
}

export function folderCountReason(c: FolderCount): string {
  const held = c.direct === c.all ? `${c.all} files` : `${c.direct} files directly and ${c.all} files in all`;
  return c.agrees
    ? `found: ${c.folder}/ holds ${held}, as the document says`
    : `the document says ${c.claimed} files, but ${c.folder}/ holds ${held}: the document is out of date`;
}
