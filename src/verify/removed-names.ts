/**
 * Names a line says were taken out of use: removed ("removed deprecated `foo`", "Eliminados todos los
 * `System.out.println`") or replaced ("replaced encore_entry", "au lieu de X", "statt X"). The judge
 * looks them up to confirm they are gone, not that they are there.
 */
import { namesIn } from './names.js';

/** The names a verb of replacement puts out of use: "replaced encore_entry", "au lieu de X", "statt X". */
const REPLACED =
  /\b(?:replaced|remplac[ée]e?s?|ersetzt|reemplazad[oa]s?|substitu[íi]d[oa]s?|instead of|au lieu de|(?:an)?statt|anstelle von|en lugar de|em vez de|migrated from|migr[ée]e? depuis)\s+(?!by\b|with\b|par\b|durch\b|por\b|com\b|con\b)[`"']?([\w@./:-]+)/giu;
/** A name the line says was taken out: "removed deprecated `foo`", "foo removed" (read word by word). */
const REMOVED_VERB = /^(?:removed|dropped|deleted|entfernt)$/i;
/** "Remove MockCache", "Eliminados todos los `System.out.println`", "Removed the default ('changeme')". */
const REMOVAL =
  /(?<![\p{L}])(?:remove[ds]?|delete[ds]?|dropped|eliminated|eliminate[ds]?|eliminad[oa]s?|removid[oa]s?|retirad[oa]s?|supprimée?s?|entfernt|gelöscht)(?![\p{L}])/iu;
const REMOVED_QUALIFIER = /^(?:the|deprecated|unused|old|legacy|obsolete)$/i;
/** A word without the quotes, brackets and stops around it (a loop: a `+$` pattern backtracks). */
function bareWord(w: string): string {
  let a = 0;
  let b = w.length;
  while (a < b && '`"\'('.includes(w[a]!)) a++;
  while (b > a && '`"\'),.;:'.includes(w[b - 1]!)) b--;
  return w.slice(a, b);
}
export function removedNames(text: string, raw = text): string[] {
  const words = text.split(/\s+/).map(bareWord);
  const out: string[] = [];
  words.forEach((w, i) => {
    if (!REMOVED_VERB.test(w)) return;
    let j = i + 1;
    while (j < words.length && REMOVED_QUALIFIER.test(words[j]!)) j++;
    if (words[j]) out.push(words[j]!.toLowerCase());
    if (i > 0 && words[i - 1]) out.push(words[i - 1]!.toLowerCase());
  });
  // The names written after a verb of removal, up to the end of its clause: code and quoted values.
  const at = REMOVAL.exec(raw);
  if (at) {
    const clause = raw.slice(at.index + at[0].length).split(/[;.](?:\s|$)|\s(?:but|and then|aber|pero|mais|mas)\s/)[0]!;
    const names = namesIn(clause);
    const quoted = [...clause.matchAll(/["'`]([^"'`\n]{3,80})["'`]/g)].map((m) => m[1]!);
    for (const n of [...names.identifiers, ...names.literals, ...names.paths, ...quoted])
      out.push(bareWord(n).toLowerCase());
  }
  return out;
}
export function replacedNames(text: string): string[] {
  return [...text.matchAll(REPLACED)].map((m) => {
    let name = m[1]!.toLowerCase();
    while (name && '.,;:)'.includes(name.at(-1)!)) name = name.slice(0, -1);
    return name;
  });
}
