/**
 * "github.com/gin-gonic/gin v1.11.0", "| tomcat-embed-core | 10.1.20 | **10.1.35** | FIXED |",
 * "axios@1.6.0": a line that names a declared package and, right after it, a version says the project
 * is at that version. That the package is there (a mechanism found, a rule passing, the dependency
 * declared) confirms only half of it: when every concrete version the manifests declare for it
 * differs from every version the line gives, the line holds only in part, and the reason says which
 * version is declared (issue 16, wrong confirmations).
 */
import type { Dependency } from '../types.js';
import type { Claim } from './extract.js';
import { type LookupContext, versionAgrees } from './lookup.js';
import { plain } from './status.js';

/** "1.2", "v1.12.0", "2.0.0-rc5", "6.1.14.RELEASE": a dotted version, with a leading v at most. */
const VERSION = /^v?\d+(?:\.\d+){1,4}(?:[-+][0-9A-Za-z.]{1,40})?$/;
/** A declared version that names one version or a range starting at one ("^1.2.0", "==2.3"), not "${x}" or "*". */
const CONCRETE = /^[\s=v^~>]*\d+\.\d+/;
/** Words a line puts between versions: "10.1.20 → 10.1.35", "from 1.2 to 1.4". */
const BETWEEN = /^(?:→|->|=>|to|from|zu|auf|para|à|a|de|von|@)$/i;
/** A name and its version in one word: "axios@1.6.0", "django==4.2.1", "gin@v1.9.1". */
const JOINED = /^(@?[^@=~\s]{1,200})(?:@|==|~=)(v?\d[\w.+-]{0,60})$/;

/** A word without the emphasis, quotes and closing colon or full stop around it ("**v1.11.0**", "`gin`:"). */
function trimMarks(w: string): string {
  const mark = (c: string) => '*_"\'`'.includes(c);
  let a = 0;
  let b = w.length;
  while (a < b && mark(w[a]!)) a++;
  while (b > a && (mark(w[b - 1]!) || w[b - 1] === ':')) b--;
  if (b > a && w[b - 1] === '.') b--;
  return w.slice(a, b);
}

export interface PinDifference {
  name: string;
  said: string[];
  declared: Dependency[];
}

/** Declared dependencies by lower-case name, Maven artifact and Go module path without its /vN. */
function byName(ctx: LookupContext): Map<string, Dependency[]> {
  const m = new Map<string, Dependency[]>();
  const add = (k: string, d: Dependency) => {
    const l = m.get(k);
    if (l) l.push(d);
    else m.set(k, [d]);
  };
  for (const d of ctx.facts.dependencies) {
    const name = d.name.toLowerCase();
    add(name, d);
    const artifact = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : '';
    if (artifact && artifact !== name) add(artifact, d);
    const tail = /\/v\d+$/.exec(name);
    const major = tail && name.slice(0, tail.index).includes('/') ? name.slice(0, tail.index) : undefined;
    if (major) add(major, d);
  }
  return m;
}

const cache = new WeakMap<LookupContext, Map<string, Dependency[]>>();

/** The package the line names with versions none of its declarations agrees with, or null. */
export function pinnedVersionDifference(ctx: LookupContext, claim: Claim): PinDifference | null {
  const words = plain(claim.text)
    .split(/[\s|,;()[\]]+/)
    .map(trimMarks)
    .filter(Boolean)
    .slice(0, 80);
  let names = cache.get(ctx);
  if (!names) cache.set(ctx, (names = byName(ctx)));
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!.toLowerCase();
    const said: string[] = [];
    const m = JOINED.exec(word);
    const joined = m && VERSION.test(m[2]!) ? m : null;
    if (joined) {
      word = joined[1]!;
      said.push(joined[2]!);
    }
    if (word.length < 3 || VERSION.test(word)) continue;
    const deps = names.get(word);
    if (!deps) continue;
    for (let k = i + 1; k < Math.min(words.length, i + 6) && !joined; k++) {
      const w = words[k]!;
      if (VERSION.test(w)) said.push(w);
      else if (!BETWEEN.test(w)) break;
    }
    if (!said.length) continue;
    const declared = deps.filter((d) => d.version && CONCRETE.test(d.version) && !d.version.includes('${'));
    if (!declared.length) return null;
    const agrees = declared.some((d) =>
      said.some((s) => versionAgrees(s.replace(/^v(?=\d)/, ''), d.version!.replace(/^v(?=\d)/, '')) !== 'no'),
    );
    return agrees ? null : { name: deps[0]!.name, said, declared };
  }
  return null;
}

/** "github.com/gin-gonic/gin is declared at v1.12.0, not v1.11.0". */
export function pinDifferenceReason(p: PinDifference): string {
  const at = [...new Set(p.declared.map((d) => d.version!))].slice(0, 3).join(', ');
  return `${p.declared[0]!.name} is declared at ${at}, not ${p.said.join(' / ')}`;
}
