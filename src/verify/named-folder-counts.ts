/**
 * "Domain Layer (7 files)", "Tests (3 files)", "API Layer (4 files)": a part of the repository named as
 * its folder is ("Domain" is `src/Domain/`; "Layer", "Module", "Project" say what kind of part it is),
 * with the number of files it holds. A reader opens the one folder of that name and counts its source
 * files of its main language (all its files where it holds no source). The figure holds when it equals
 * that count, is left open when it equals only the count of all files (project and settings files in),
 * and is out of date otherwise. A name that is no folder's, or several folders', is left open.
 */
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import type { VerifiedClaim } from './schema.js';
import { plain } from './status.js';

const SHAPE =
  /^([\p{L}][\p{L}\p{N} ._-]{0,40}?)\s*\(\s*(\d{1,4})\s+(?:files?|archivos|ficheros|fichiers|dateien|arquivos)\s*\)\s*$/iu;
const KIND_WORDS =
  /^(?:layer|layers|module|modules|project|projects|folder|directory|package|capa|couche|schicht|camada)$/i;
const SKIP = /(?:^|\/)(?:node_modules|vendor|dist|build|out|target|bin|obj|coverage|\.git)\//;
const SOURCE = /\.(?:cs|java|kt|go|py|rb|php|rs|ts|tsx|js|jsx|swift|scala|ex|exs|dart|c|cc|cpp|h|hpp)$/i;

export function relateNamedFolderCounts(
  claims: Claim[],
  judged: VerifiedClaim[],
  ctx: LookupContext | undefined,
): VerifiedClaim[] {
  if (!ctx) return judged;
  const out = [...judged];
  claims.forEach((c, i) => {
    if (out[i]!.verdict !== 'unverifiable' || c.asserted === 'not-done' || c.asserted === 'planned') return;
    const m = SHAPE.exec(plain(c.text));
    if (!m) return;
    const words = m[1]!.trim().split(/\s+/);
    if (words.length > 1 && KIND_WORDS.test(words.at(-1)!)) words.pop();
    const name = words.join(' ').toLowerCase();
    const claimed = Number(m[2]);
    if (name.length < 2) return;
    const folders = new Set<string>();
    for (const path of ctx.files.paths) {
      if (SKIP.test(path) || path === ctx.documentPath) continue;
      const segs = path.split('/');
      for (let k = 0; k < segs.length - 1; k++)
        if (segs[k]!.toLowerCase() === name || segs[k]!.toLowerCase() === name.replace(/\s+/g, ''))
          folders.add(segs.slice(0, k + 1).join('/'));
    }
    if (folders.size !== 1) return;
    const folder = [...folders][0]!;
    const inside = ctx.files.paths.filter((p) => p.startsWith(`${folder}/`) && !SKIP.test(p));
    if (!inside.length) return;
    const byExt = new Map<string, number>();
    for (const p of inside) {
      const ext = /\.[^./]+$/.exec(p)?.[0]?.toLowerCase();
      if (ext && SOURCE.test(p)) byExt.set(ext, (byExt.get(ext) ?? 0) + 1);
    }
    const [ext, source] = [...byExt.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const counts = `${folder}/ holds ${inside.length} file${inside.length === 1 ? '' : 's'}${ext ? `, ${source} of them ${ext}` : ''}`;
    const evidence = [{ path: `${folder}/` }];
    // Its source files are what a part of the code holds; a figure that equals only the count with
    // project and settings files in it is open to either reading, and is left so.
    if (ext && claimed !== source && claimed === inside.length) return;
    if (ext ? claimed === source : claimed === inside.length)
      out[i] = { ...out[i]!, basis: 'file', rule: null, verdict: 'confirmed', reason: `found: ${counts}`, evidence };
    else
      out[i] = {
        ...out[i]!,
        basis: 'file',
        rule: null,
        verdict: 'contradicted',
        reason: `the document says ${claimed} files, but ${counts}`,
        evidence,
      };
  });
  return out;
}
