/**
 * A documentation index: "| **[X.md](./X.md)** | … |", "👉 **[Testing Strategy](../testing-strategy/README.md)**",
 * "- [Deployment](DEPLOYMENT.md)". A line whose first element is a link to a file of the repository
 * says that file is there — confirmed when it is (the target resolved from the document's folder),
 * contradicted when it is not: stale indexes list documents that were deleted or never written.
 * Only the link a line opens with is read (a link inside a sentence cites, it does not list), only a
 * target with a file name (a folder link navigates), only its first mention in the document, and
 * not after a status mark ("- ❌ [PostController.cs](…) - endpoints unprotected" is about the file's code).
 */
import { posix } from 'node:path';
import type { Claim } from './extract.js';

/**
 * "**Location:** [base_service.py](../app/services/base_service.py)", "Arquivo: [x](…)": a label that
 * says where a thing is, in the document's language, before the link places the item in that file.
 */
const PLACE_LABEL = String.raw`(?:location|localiza[cç][aã]o|ubicaci[oó]n|emplacement|speicherort|file|arquivo|archivo|fichier|datei|path|caminho|ruta|chemin|pfad|source|fonte|fuente|quelle)`;
const INDEX_LINK = new RegExp(
  String.raw`^\s*(?:[-*+]\s+|\d+[.)]\s+|\|\s*)?(?:(?![✅❌⚠☑✔✗✘❗⛔🔴🟢🟡🟠🚧⏳])\p{Extended_Pictographic}️?\s*)?(?:(?:\*\*|__)?${PLACE_LABEL}\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*)?(?:\*\*|__)?\[([^\]
]{1,120})\]\(([^)\s]+)\)`,
  'iu',
);
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i;
/** A file name: a stem and an extension of letters ("README.md", "alerts.yml"). */
const FILE_NAME = /(?:^|\/)[^/]+\.[a-z][a-z0-9]{0,7}$/i;

/** The links that open lines outside fences and that no other claim was read from. */
export function indexLinkClaims(lines: string[], claimed: Set<number>): Claim[] {
  const out: Claim[] = [];
  const seen = new Set<string>();
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const f = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      continue;
    }
    if (fence !== null || claimed.has(i + 1)) continue;
    const m = INDEX_LINK.exec(raw);
    if (!m) continue;
    let target = m[2]!.replace(/^<|>$/g, '').split('#')[0]!.split('?')[0]!;
    try {
      target = decodeURIComponent(target);
    } catch {
      /* kept as written */
    }
    const key = posix.normalize(target);
    if (!target || REMOTE.test(m[2]!) || !FILE_NAME.test(target) || seen.has(key)) continue;
    seen.add(key);
    const text = raw
      .replace(/^\s*(?:[-*+]|\d+[.)]|\|)\s*/, '')
      .replace(/\*\*|__/g, '')
      .replace(/\|\s*$/, '')
      .trim();
    out.push({
      line: i + 1,
      text: text.slice(0, 400),
      subject: m[1]!.replace(/\*\*|`/g, '').slice(0, 200),
      asserted: 'done',
      number: null,
      readiness: false,
      source: /^\s*\|/.test(raw) ? 'table' : 'bullet',
      raw: raw.slice(0, 600),
      linked: target,
    });
  }
  return out;
}

/** The repository path a link of the document at `documentPath` points to; null when it leaves the repository. */
export function resolveLink(documentPath: string | undefined, target: string): string | null {
  const p = target.startsWith('/')
    ? posix.normalize(target.slice(1))
    : posix.normalize(posix.join(posix.dirname(documentPath ?? 'README.md'), target));
  return p.startsWith('..') ? null : p;
}
