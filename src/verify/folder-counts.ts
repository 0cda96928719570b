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
  const at = lower.startsWith(`${want}/`) ? 0 : lower.indexOf(`/${want}/`) + 1;
  if (at < 0 || (at === 0 && !lower.startsWith(`${want}/`))) return null;
  return inside.slice(0, at + want.length);
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
  const under = ctx.files.paths.filter((p) => p.startsWith(`${dir}/`) && !KEEP.test(p));
  if (!under.length) return null;
  const direct = under.filter((p) => !p.slice(dir.length + 1).includes('/'));
  const claimed = Number(m[1]);
  return {
    folder: dir,
    claimed,
    direct: direct.length,
    all: under.length,
    agrees: claimed === direct.length || claimed === under.length,
    evidence: (direct.length ? direct : under).slice(0, 3).map((path) => ({ path })),
  };
}

export function folderCountReason(c: FolderCount): string {
  const held = c.direct === c.all ? `${c.all} files` : `${c.direct} files directly and ${c.all} files in all`;
  return c.agrees
    ? `found: ${c.folder}/ holds ${held}, as the document says`
    : `the document says ${c.claimed} files, but ${c.folder}/ holds ${held}: the document is out of date`;
}
