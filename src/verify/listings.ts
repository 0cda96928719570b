/**
 * Code a document shows from a file it names in the heading or label above the block ("#### Test
 * Setup (`tests/setup.ts`):", "**Schema**: `shared/schema.ts`"): each line of the block says the file
 * holds it. A reader opens the file and finds the line, or does not; a line not found as written may
 * be reworded, moved or split over lines, so only a line found confirms anything.
 */
import type { Claim } from './extract.js';
import { isImperative } from './context.js';
import { type LookupContext, fileFinding } from './lookup.js';
import type { Out } from './judge.js';
import { fileText } from './problems.js';
import type { VerifiedClaim } from './schema.js';

/** A path in ticks with an extension ("`tests/setup.ts`", "`jest.config.js`"). */
const TICKED_PATH = /`((?:[\w.@-]+\/)*[\w@-][\w@.-]{0,100}\.[A-Za-z]\w{0,9})`/g;
/** What is to be done, not what is there: code under such a label is a proposal, not the file's. */
const PROPOSED =
  /\b(?:solution|fix|remediation|recommend\w*|suggest\w*|proposed?|should|instead|correct(?:ion|ed)?|after|target|planned|todo|lösung|empfehlung|soluci[oó]n|solu[cç][aã]o|recomendaci[oó]n)\b/i;

/**
 * The file a line above a fence says the code is from: a heading or bold label naming one path in
 * ticks ("#### Configuration (`jest.config.js`):", "**Example** (from `src/lib.rs`):",
 * "**关键代码**: `backend/apps/core/authentication.py`"), ending with the colon or the path.
 */
export function listingIntro(line: string): string | null {
  const t = line.trim();
  if (t.length > 300 || (t.match(/`/g) ?? []).length !== 2) return null;
  const m = [...t.matchAll(TICKED_PATH)];
  if (m.length !== 1) return null;
  const path = m[0]![1]!;
  const at = m[0]!.index!;
  const after = t.slice(at + path.length + 2);
  // The path ends the line, or closes it in brackets before the colon.
  if (!/^\)?:?(?:\*\*)?:?$/.test(after.replace(/\s/g, ''))) return null;
  if (!after.includes(':') && !t.endsWith('`')) return null;
  const before = t.slice(0, at);
  // A heading, a bold label, a path in brackets ("Updated schema (`prisma/schema.prisma`):"), or a
  // sentence that ends with the path and the colon ("… documented in its `lib.rs`:").
  if (
    !/^#{1,6}\s/.test(t) &&
    !t.startsWith('**') &&
    !/\((?:from |aus |de |desde )?$/i.test(before) &&
    !/^\s*:$/.test(after)
  )
    return null;
  const words = before
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/[(:]\s*(?:from |aus |de |desde )?$/i, '')
    .trim();
  if (PROPOSED.test(words) || (words && isImperative(words))) return null;
  return path;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** The line shown, found in the file named (one of the files of that name when only a name is given). */
export function judgeListing(claim: Claim, ctx: LookupContext, out: Out): VerifiedClaim {
  const name = claim.locus!;
  const file = fileFinding(ctx, name);
  const paths = name.includes('/')
    ? file.present === 'yes' && file.basis === 'file'
      ? [file.evidence[0]!.path]
      : []
    : ctx.files.named(name, true).slice(0, 25);
  if (!paths.length)
    return out('file', 'unverifiable', `the code is shown from ${name}, which is not one file of the repository`, [
      { path: '.', note: `${name} not found` },
    ]);
  const code = squash(claim.subject);
  for (const path of paths) {
    const text = fileText(ctx, path) ?? '';
    const lines = text.split('\n');
    const at = lines.findIndex((l) => squash(l).includes(code));
    if (at >= 0)
      return out('search', 'confirmed', `${path} holds the line as shown`, [
        { path, line: at + 1, snippet: lines[at]!.trim().slice(0, 160) },
      ]);
    // Spread over lines in the file ("datasources: { db: { url: … } }" written on three).
    if (code.length >= 12 && squash(text).includes(code))
      return out('search', 'confirmed', `${path} holds the code as shown, over several lines`, [{ path }]);
  }
  return out(
    'search',
    'unverifiable',
    `${paths.join(', ')} does not hold this line as written; it may have been reworded or moved`,
    paths.slice(0, 3).map((path) => ({ path, note: 'the line shown is not in the file as written' })),
  );
}
