/**
 * Which of several glob lists ("targets": a pattern group, the files kept whole, a digest) each
 * path matches, decided per extension once instead of per path against every glob (DESIGN §9):
 * on a 100k-file tree testing every path against ~500 globs was 1.3 s before the first read.
 *
 * The answer is exactly `anyGlob(target)(path)` for every target. Globs are deduplicated, then
 * sorted into three kinds:
 * - `**\/*.ext` and `**\/*.{a,b}` with plain extensions: they match exactly the paths with one of
 *   those extensions and a base name longer than the extension (see glob.ts) — no test per path;
 * - other globs that fix the extension (globExtensions): tested only on paths with it, after a
 *   cheap check of the literal text every match starts with (`.github/workflows/`);
 * - the rest (`**\/Dockerfile.*`, `README*`): tested on every path, after the same check.
 * A path's targets are then worked out once per extension and combination of extra globs hit.
 */
import {
  expandBraces,
  extensionOf,
  globExtensions,
  globTest,
  literalPrefix,
  requiredLiteral,
  type PathTest,
} from '../walk/glob.js';

interface Tested {
  glob: number;
  prefix: string;
  /** Every match contains one of these (`**\/*{log,Log}*.ts` → log, Log), or undefined. */
  some: string[] | undefined;
  /** Compiled on first use: a small tree meets few of the ~400 globs (picomatch compiles are slow). */
  test: PathTest | undefined;
}

interface ByExt {
  /** Targets of the plain-extension globs for this extension (when the base name is longer). */
  plain: number[];
  tests: Tested[];
  /** Answers per combination of extra globs hit ('' = none), with and without a stem. */
  memo: Map<string, number[]>;
}

const PLAIN_EXT = /^\*\*\/\*\.(?:([A-Za-z0-9_-]+)|\{([A-Za-z0-9_,-]+)\})$/;

export class PathPlan {
  private readonly globs: string[] = [];
  private readonly targetsOf: number[][] = [];
  private readonly plainExts = new Map<number, Set<string>>();
  private readonly fixed = new Map<string, Tested[]>();
  private readonly open: Tested[] = [];
  private readonly byExt = new Map<string, ByExt>();

  /** `targets[i]` is the glob list of target i; `targetsOf(path)` answers with ascending ids. */
  constructor(targets: readonly (readonly string[])[]) {
    const ids = new Map<string, number>();
    targets.forEach((list, t) => {
      for (const g of list) {
        let id = ids.get(g);
        if (id === undefined) {
          ids.set(g, (id = this.globs.length));
          this.globs.push(g);
          this.targetsOf.push([]);
          this.classify(g, id);
        }
        const of = this.targetsOf[id]!;
        if (of[of.length - 1] !== t) of.push(t);
      }
    });
  }

  private classify(glob: string, id: number): void {
    const plain = PLAIN_EXT.exec(glob);
    const exts = plain && (plain[1] ? [plain[1]] : plain[2]!.split(','));
    if (exts?.every((e) => e !== '')) {
      this.plainExts.set(id, new Set(exts));
      return;
    }
    const tested: Tested = {
      glob: id,
      prefix: literalPrefix(glob),
      some: someLiteral(glob),
      test: undefined,
    };
    const fixed = globExtensions(glob);
    if (!fixed) return void this.open.push(tested);
    for (const e of fixed) {
      let list = this.fixed.get(e);
      if (!list) this.fixed.set(e, (list = []));
      list.push(tested);
    }
  }

  private entry(ext: string): ByExt {
    let e = this.byExt.get(ext);
    if (!e) {
      const plain: number[] = [];
      for (const [id, exts] of this.plainExts) if (exts.has(ext)) plain.push(id);
      const tests = [...(this.fixed.get(ext) ?? []), ...this.open].sort((a, b) => a.glob - b.glob);
      this.byExt.set(ext, (e = { plain, tests, memo: new Map() }));
    }
    return e;
  }

  /** The targets `path` matches, ascending; the same array for paths with the same answer. */
  targetsFor(path: string): readonly number[] {
    const ext = extensionOf(path);
    const e = this.entry(ext);
    // `**/*.ts` needs a character before `.ts` in the base name (`.ts` alone is a dotfile).
    const stem = ext !== '' && path.length - ext.length - 2 > path.lastIndexOf('/');
    let key = stem ? 's' : '';
    for (const t of e.tests)
      if (
        path.startsWith(t.prefix) &&
        (t.some === undefined || t.some.some((l) => path.includes(l))) &&
        (t.test ??= globTest(this.globs[t.glob]!))(path)
      )
        key += `,${t.glob}`;
    let hit = e.memo.get(key);
    if (!hit) {
      const globs = stem ? [...e.plain] : [];
      if (key.length > 1) for (const g of key.slice(key.indexOf(',') + 1).split(',')) globs.push(Number(g));
      const out = new Set<number>();
      for (const g of globs) for (const t of this.targetsOf[g]!) out.add(t);
      e.memo.set(key, (hit = [...out].sort((a, b) => a - b)));
    }
    return hit;
  }
}

/**
 * Literal text one of which every match contains: the required literal of each brace
 * alternative (`**\/{test,tests}/**\/*.ts` → test, tests). Undefined when an alternative has
 * none or there are too many to be cheaper than the glob's regex.
 */
function someLiteral(glob: string): string[] | undefined {
  const alternatives = expandBraces(glob, 64);
  if (!alternatives) return undefined;
  const out = new Set<string>();
  for (const alt of alternatives) {
    const lit = requiredLiteral(alt);
    if (!lit || out.add(lit).size > 4) return undefined;
  }
  return [...out];
}
