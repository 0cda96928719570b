/**
 * The verdict shared by authentication and authorization: code that wires a check earns a pass;
 * a library that is only declared earns partial credit (declared is not used); nothing fails.
 */
import type { Evidence, Match, RuleContext, RuleResult } from '../../../src/types.js';
import { fail, listing, partial, pass } from '../../../src/engine/results.js';
import { firstPerFile, fromMatch, isProductionPath } from '../../../src/facts/paths.js';
import { dependencyEvidence, setAside } from '../../../src/facts/dependencies.js';
import {
  type Definition,
  definedName,
  definitionEvidence,
  findUse,
  unusedNote,
} from '../../../src/facts/references.js';

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
  /**
   * Where its lines rank as evidence, lowest first (default 0): declarative guards on routes and
   * controllers (`#[IsGranted]`, `[Authorize(Roles=…)]`, `permission_classes`) before guards the
   * project wrote, before conditions read from names alone (`if (!x.IsAdmin…)`).
   */
  rank?: number;
  /** The kind's matches when the rule derives them from its scan matches (default: the scan's). */
  matches?: Match[];
}

/** Code that runs at setup, not per request: seeders, migrations, fixtures, factories. */
const SETUP_CODE =
  /(^|\/)(?:seeds?|seeders?|seeding|migrations?|fixtures?|factories|management\/commands|[Cc]onsole\/[Cc]ommands)\/|(^|\/)[^/]*seed(?:er)?s?[^/]*\.\w+$/i;

export function codeOrDeps(
  ctx: RuleContext,
  o: {
    kinds: CodeKind[];
    catalogue: string;
    what: string;
    searchedNote: string;
    extra?: Evidence[];
    /**
     * The rule's reference pattern (src/facts/references.ts): a match on a line that defines a
     * function (`export function hasPermission(`) counts only when something else uses it.
     */
    refs?: string;
    /** The names the reference pattern records (a definition of another name cannot be checked). */
    refsCover?: (name: string) => boolean;
    /** Checks the project wrote itself, found by definition and use: cited with both. */
    own?: { kind: CodeKind; defs: Definition[] };
    /** Hand-written checks nothing uses: no credit, named in the message. */
    unused?: Definition[];
    /**
     * Libraries the code uses for something else (a JWT library that only signs the tokens the
     * service sends): no credit, each named with where it is used.
     */
    otherUse?: { test: (name: string) => boolean; evidence: Evidence };
  },
): RuleResult {
  const hits: { m: Match; kind: CodeKind; def?: Definition }[] = [];
  const refs = o.refs ? ctx.matches(o.refs) : [];
  const unused: Definition[] = [...(o.unused ?? [])];
  for (const kind of o.kinds) {
    for (const m of kind.matches ?? ctx.matches(kind.key)) {
      if (!isProductionPath(m.path) || COMMENT_LINE.test(m.snippet) || kind.reject?.test(m.snippet)) continue;
      if (kind.rejectMatch?.(m)) continue;
      const defined = o.refs ? definedName(m.snippet) : undefined;
      const name = defined && (o.refsCover?.(defined) ?? true) ? defined : undefined;
      if (name) {
        const use = findUse(name, m, refs);
        if (!use) {
          unused.push({ def: m, name });
          continue;
        }
        hits.push({ m, kind, def: { def: m, name, use } });
      } else hits.push({ m, kind });
    }
  }
  const taken = new Set(hits.map((h) => `${h.m.path}:${h.m.line}`));
  for (const d of o.own?.defs ?? []) {
    if (!taken.has(`${d.def.path}:${d.def.line}`)) hits.push({ m: d.def, kind: o.own!.kind, def: d });
  }
  const idle = unused.filter(
    (d, i) =>
      !taken.has(`${d.def.path}:${d.def.line}`) &&
      unused.findIndex((x) => x.def.path === d.def.path && x.def.line === d.def.line) === i,
  );
  // Declarative guards first (CodeKind.rank); then a hand-written check, with its definition and a use: the pair says most. Code
  // that handles requests comes before seed, migration and fixture code, which runs once at setup
  // (round 5: an admin seeder's `if (!admin)` was the first evidence of authorization).
  hits.sort(
    (a, b) =>
      (a.kind.rank ?? 0) - (b.kind.rank ?? 0) ||
      Number(!a.def) - Number(!b.def) ||
      Number(SETUP_CODE.test(a.m.path)) - Number(SETUP_CODE.test(b.m.path)) ||
      (a.m.path < b.m.path ? -1 : a.m.path > b.m.path ? 1 : a.m.line - b.m.line),
  );
  const names = ctx.catalogue(o.catalogue);
  const found = ctx.facts.findDependencies(names).filter((d) => isProductionPath(d.path));
  const deps = o.otherUse ? found.filter((d) => !o.otherUse!.test(d.name)) : found;
  const otherUse: Evidence[] =
    o.otherUse && deps.length < found.length
      ? [
          {
            ...o.otherUse.evidence,
            note: `${listing(found.filter((d) => o.otherUse!.test(d.name)).map((d) => d.name))}: ${o.otherUse.evidence.note}`,
          },
        ]
      : [];
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
    // A declared library of the catalogue (laravel/passport, devise, spring-security) says which
    // mechanism the code wires: it is cited first, before lines that use it (round 11, solidtime:
    // `inviteUser(…, Role::from(…), auth()->user())` was the first evidence, Passport uncited).
    const evidence = [
      ...depEvidence.slice(0, 3),
      ...matches.flatMap((m) => {
        const h = hits.find((x) => x.m === m)!;
        return h.def ? definitionEvidence(h.def, h.kind.label) : [fromMatch(m, h.kind.label)];
      }),
      ...extra,
    ];
    const what = [...labels, ...(extra.length ? [extra[0]!.note!] : [])];
    const using = data.libraries.length ? ` with ${data.libraries.slice(0, 3).join(', ')}` : '';
    return pass(
      `${cap(o.what)} is wired in code${using}: ${what.join('; ')} (${hits.length + extra.length} place${hits.length + extra.length === 1 ? '' : 's'}).`,
      evidence,
      data,
    );
  }
  const unusedText = idle.length > 0 ? ` ${unusedNote(idle)}.` : '';
  const idleEvidence: Evidence[] = idle
    .slice(0, 3)
    .map((d) => ({ ...fromMatch(d.def), note: `${d.name} defined here, but never used: no credit` }));
  if (deps.length > 0) {
    const imported = deps.some((d) => d.use === 'production');
    return partial(
      0.5,
      `${cap(o.what)} libraries are declared (${data.libraries.slice(0, 4).join(', ')})${imported ? ' and imported' : ''}, but no code that checks requests with them was found.${unusedText}`,
      [
        ...depEvidence.map((e) => ({ ...e, note: `${e.note}: declared, not wired into request handling` })),
        { path: '.', note: o.searchedNote },
        ...idleEvidence,
        ...otherUse,
        ...aside,
      ],
      data,
    );
  }
  const other = otherUse[0];
  const otherText = other ? ` Not counted: ${other.note}${other.line ? ` (${other.path}:${other.line})` : ''}.` : '';
  return fail(
    `No ${o.what} found: no library and no code that checks requests.${unusedText}${otherText}`,
    [
      {
        path: '.',
        note: `${o.searchedNote}, and no library from the ${o.catalogue} catalogue${otherUse.length ? ' used for it' : ''}`,
      },
      ...idleEvidence,
      ...otherUse,
      ...aside,
    ],
    data,
  );
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
