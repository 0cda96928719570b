/**
 * Ordinals are labels, not counts: "2. Module 2: Spring Boot Core", "Phase 5", "Step 3 — Deploy". The
 * number after a word of sequence names the part; it counts nothing, so a lookup that found the part
 * the line names is not left open for want of counting "2". Only when that number is the line's only
 * figure (the list's own numbering aside): "Phase 2: Core Examples | 3 | 3" still counts 3 tickets.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { plain } from './status.js';

/** Words of sequence, in the documents' languages, then the number they label. */
const LABEL =
  /\b(?:module|modul|módulo|modulo|phase|fase|phasen?|step|schritt|paso|passo|étape|etape|part|teil|parte|partie|stage|stufe|etapa|sprint|chapter|kapitel|capítulo|chapitre|lesson|lektion|lección|lição|week|woche|semana|semaine|day|tag|día|dia|jour|level|tier|milestone|meilenstein|iteration|iteración|iteração|epic|wave|round|runde)\s+#?(\d{1,3})(?![\d.,])/giu;

/** The number the line's sequence word labels, when no other figure stands in the line; null otherwise. */
export function ordinalLabel(text: string): number | null {
  // "2. Module 2: …", "### 3) Phase 3": the list's own numbering is no figure of the line.
  const t = text.replace(/^\s*(?:#{1,6}\s*)?\d{1,3}[.)]\s+/, '');
  let label: number | null = null;
  let rest = t;
  for (const m of t.matchAll(LABEL)) {
    const n = Number(m[1]);
    if (label !== null && label !== n) return null;
    label = n;
    rest = rest.replace(m[0], ' ');
  }
  if (label === null || /\d/.test(rest)) return null;
  return label;
}

/** A folder numbered as a part: "02-spring-boot-core", "lesson_3_routing", "05.http-clients". */
const NUMBERED = /^0*(\d{1,3})[-_. ]+([\p{L}\d][\p{L}\d._ -]*)$/u;
const wordsOf = (s: string) => (s.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).filter(Boolean);

const numberedFolders = new WeakMap<object, Map<number, string[]>>();
/** The folders whose own name starts with a number, by that number (each path's folders, read once). */
function foldersByNumber(ctx: LookupContext): Map<number, string[]> {
  const cached = numberedFolders.get(ctx.files);
  if (cached) return cached;
  const out = new Map<number, string[]>();
  const seen = new Set<string>();
  for (const path of ctx.files.paths) {
    const parts = path.split('/');
    for (let i = 0; i < parts.length - 1 && i < 4; i++) {
      const folder = parts.slice(0, i + 1).join('/');
      if (seen.has(folder)) continue;
      seen.add(folder);
      const m = NUMBERED.exec(parts[i]!);
      if (!m) continue;
      const n = Number(m[1]);
      const list = out.get(n) ?? [];
      if (list.length < 8) list.push(folder);
      out.set(n, list);
    }
    if (seen.size > 50000) break;
  }
  numberedFolders.set(ctx.files, out);
  return out;
}

/**
 * "2. Module 2: Spring Boot Core ✓": the part the line labels is there when a folder carries both its
 * number and its name ("02-spring-boot-core/"), word for word (a note in brackets or after a dash aside).
 */
export function labelledPart(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.asserted !== 'done') return null;
  const text = plain(claim.text);
  const label = ordinalLabel(text);
  if (label === null) return null;
  LABEL.lastIndex = 0;
  const m = LABEL.exec(text.replace(/^\s*(?:#{1,6}\s*)?\d{1,3}[.)]\s+/, ''));
  LABEL.lastIndex = 0;
  if (!m) return null;
  const after = text.replace(/^\s*(?:#{1,6}\s*)?\d{1,3}[.)]\s+/, '').slice(m.index + m[0].length);
  // The name: after "Module 2:" up to a note in brackets or a dash.
  const name = wordsOf(after.replace(/^\s*[:\-–—]\s*/, '').split(/\(|\s[-–—]\s|\|/)[0]!);
  if (!name.length) return null;
  for (const folder of foldersByNumber(ctx).get(label) ?? []) {
    const own = wordsOf(NUMBERED.exec(folder.split('/').pop()!)![2]!);
    // The whole name: "Best Practices ENHANCED WITH JSPECIFY" says more than the folder shows.
    if (own.length === name.length && own.every((w, i) => w === name[i]))
      return {
        subject: `${m[0]}`,
        basis: 'file',
        present: 'yes',
        detail: `the folder ${folder}/ is ${m[0].toLowerCase()}, named as the line names it`,
        evidence: [{ path: folder }],
      };
  }
  return null;
}
