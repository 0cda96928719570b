/**
 * The verdict shared by authentication and authorization: code that wires a check earns a pass;
 * a library that is only declared earns partial credit (declared is not used); nothing fails.
 */
import type { Evidence, Match, RuleContext, RuleResult } from '../../../src/types.js';
import { fail, partial, pass } from '../../../src/engine/results.js';
import { firstPerFile, fromMatch, isProductionPath } from '../../../src/facts/paths.js';
import { dependencyEvidence, setAside } from '../../../src/facts/dependencies.js';

/** A commented-out line wires nothing. */
export const COMMENT_LINE = /^\s*(?:#(?!\[)|\/\/|\/\*|\*|--|<!--)/;

export interface CodeKind {
  key: string;
  /** What a match shows, for the evidence note and the message. */
  label: string;
  /** Drop matches that only look like a check (e.g. `permission_classes = [AllowAny]`). */
  reject?: RegExp;
  /** Drop matches whose surroundings say they are something else (a rate limiter's AddPolicy). */
  rejectMatch?: (m: Match) => boolean;
}

export function codeOrDeps(
  ctx: RuleContext,
  o: { kinds: CodeKind[]; catalogue: string; what: string; searchedNote: string; extra?: Evidence[] },
): RuleResult {
  const hits: { m: Match; kind: CodeKind }[] = [];
  for (const kind of o.kinds) {
    for (const m of ctx.matches(kind.key)) {
      if (!isProductionPath(m.path) || COMMENT_LINE.test(m.snippet) || kind.reject?.test(m.snippet)) continue;
      if (kind.rejectMatch?.(m)) continue;
      hits.push({ m, kind });
    }
  }
  hits.sort((a, b) => (a.m.path < b.m.path ? -1 : a.m.path > b.m.path ? 1 : a.m.line - b.m.line));
  const names = ctx.catalogue(o.catalogue);
  const deps = ctx.facts.findDependencies(names).filter((d) => isProductionPath(d.path));
  const depEvidence: Evidence[] = deps.slice(0, 5).map((d) => dependencyEvidence(d, `${o.what} library`));
  const aside = setAside(ctx.facts, names);
  const labels = [...new Set(hits.map((h) => h.kind.label))].sort();
  const files = new Set(hits.map((h) => h.m.path)).size;
  const data = {
    codeMatches: hits.length,
    files,
    libraries: [...new Set(deps.map((d) => d.name))].sort(),
    kinds: labels,
  };
  const extra = o.extra ?? [];
  if (hits.length > 0 || extra.length > 0) {
    const matches = firstPerFile(
      hits.map((h) => h.m),
      8,
    );
    const evidence = [
      ...matches.map((m) => fromMatch(m, hits.find((h) => h.m === m)!.kind.label)),
      ...extra,
      ...depEvidence.slice(0, 3),
    ];
    const what = [...labels, ...(extra.length ? [extra[0]!.note!] : [])];
    return pass(
      `${cap(o.what)} is wired in code: ${what.join('; ')} (${hits.length + extra.length} place${hits.length + extra.length === 1 ? '' : 's'}).`,
      evidence,
      data,
    );
  }
  if (deps.length > 0) {
    const imported = deps.some((d) => d.use === 'production');
    return partial(
      0.5,
      `${cap(o.what)} libraries are declared (${data.libraries.slice(0, 4).join(', ')})${imported ? ' and imported' : ''}, but no code that checks requests with them was found.`,
      [
        ...depEvidence.map((e) => ({ ...e, note: `${e.note}: declared, not wired into request handling` })),
        { path: '.', note: o.searchedNote },
        ...aside,
      ],
      data,
    );
  }
  return fail(
    `No ${o.what} found: no library and no code that checks requests.`,
    [{ path: '.', note: `${o.searchedNote}, and no library from the ${o.catalogue} catalogue` }, ...aside],
    data,
  );
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
