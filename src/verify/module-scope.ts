/**
 * The module a section of the document is about: "### 4. **Module 4: API Versioning**" is the folder
 * 04-api-versioning/ of a multi-module build, so a "Port: 8082" under it is that module's setting, not
 * the one another module happens to set to the same value.
 */
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { plain } from './status.js';
import { MANIFEST } from './sub-project.js';

const folders = new WeakMap<object, string[]>();

/** Folders other than the root that hold a manifest of their own ("04-api-versioning/"), each with a slash. */
export function moduleFolders(ctx: LookupContext): string[] {
  const cached = folders.get(ctx);
  if (cached) return cached;
  const out = new Set<string>();
  for (const p of ctx.files.paths) {
    const slash = p.lastIndexOf('/');
    if (slash <= 0 || !MANIFEST.test(p.slice(slash + 1))) continue;
    if (/(?:^|\/)(?:node_modules|vendor|third_party|dist|build|target|fixtures?|examples?|testdata)\//i.test(p))
      continue;
    out.add(p.slice(0, slash + 1));
  }
  const list = [...out];
  folders.set(ctx, list);
  return list;
}

/** The words of a folder's own name that say what it is: "04-api-versioning" → api, versioning. */
function nameWords(folder: string): string[] {
  const last = folder.replace(/\/$/, '').split('/').pop() ?? '';
  return last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !/^\d+$/.test(w));
}

/**
 * The module folder the innermost heading above the claim names: every word of the folder's name
 * among the heading's words (the longest such name wins; a tie names no one module), or the folder's
 * name written whole. Null when the document has one project, or no heading names a module.
 */
export function sectionModule(ctx: LookupContext, claim: Claim): string | null {
  const heads = claim.headings;
  if (!heads?.length) return null;
  const mods = moduleFolders(ctx);
  if (mods.length < 2) return null;
  for (let i = heads.length - 1; i >= 0; i--) {
    const text = plain(heads[i]!).toLowerCase();
    const words = new Set(text.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    let best: string[] = [];
    let size = 0;
    for (const m of mods) {
      const name = nameWords(m);
      const whole = m.replace(/\/$/, '').split('/').pop()!.toLowerCase();
      const all = name.length > 0 && name.join('').length >= 4 && name.every((w) => words.has(w));
      const score = text.includes(whole) && whole.length >= 4 ? 100 : all ? name.length : 0;
      if (score === 0) continue;
      if (score > size) {
        best = [m];
        size = score;
      } else if (score === size) best.push(m);
    }
    if (best.length === 1) return best[0]!;
    if (best.length > 1) return null;
  }
  return null;
}

/** Whether a path lies inside a module folder other than `module` (a sibling's file, not a shared one). */
export function inOtherModule(ctx: LookupContext, path: string, module: string): boolean {
  return moduleFolders(ctx).some((m) => m !== module && !module.startsWith(m) && path.startsWith(m));
}
