/**
 * Globs written by an attacker. A committed `.readiness.yml`, a package.json `workspaces` list, a
 * vitest `include` or a pytest `python_files` hands us globs, and picomatch turns a glob into a
 * backtracking regular expression: each unbounded wildcard that can stop at many places multiplies
 * the work of a failed match. Measured (picomatch 4, Node 20, one path):
 * - `*a*a*a*a*b` on a 255-character name: 1.1 s; four `*a*` segments on 15 such names: minutes;
 * - `**\/a/**\/a/**\/b` on `a/a/…` 2,000 deep: 0.8 s; four globstars: minutes;
 * - `*(a*)*b` (a wildcard inside a repeated group) on 30 characters: 8 s;
 * - braces nested 12,000 deep: a stack overflow (an internal error) in the brace expansion.
 * So a glob is refused when its shape is unsafe (`globShape().problem`: configuration says so in
 * one line, exit 2; a glob from a repository file matches nothing), and a glob with two or more
 * such wildcards is matched segment by segment (glob.ts), where `**` cannot multiply with them.
 */

export const GLOB_LIMITS = {
  /** Characters; the longest built-in glob has 150. */
  length: 512,
  /** Path segments: the segment-by-segment match costs (glob segments × path segments) tests. */
  segments: 32,
  braceGroups: 32,
  braceDepth: 5,
  /** Unbounded wildcards (`*`, `*(…)`, `+(…)`, `!(…)`) in one path segment (of braces' alternatives, the most). */
  perSegment: 3,
  /** Alternatives a glob with `/` inside braces is expanded to, to be matched segment by segment. */
  alternatives: 64,
} as const;

export interface GlobShape {
  /** Why the glob is refused, or null. */
  problem: string | null;
  /** Choice points that multiply in a regex match: each `**` segment, each wildcard after a segment's first. */
  ambiguity: number;
  /** A `/` inside braces: the glob must be expanded before it can be cut into segments. */
  slashInBraces: boolean;
}

const EXTGLOB_OPENERS = '@?+*!';

/** The shape of a glob, read in one pass without recursion (a glob may be a megabyte of braces). */
export function globShape(glob: string): GlobShape {
  const refuse = (problem: string): GlobShape => ({ problem, ambiguity: 0, slashInBraces: false });
  if (glob.length > GLOB_LIMITS.length) return refuse(`longer than ${GLOB_LIMITS.length} characters`);
  let braces = 0;
  let depth = 0;
  let group = 0; // inside an extglob or a plain (…) group
  // `?(…)` and `@(…)` match their body at most once: a wildcard inside is one wildcard of the segment
  // (Jest's default `**/?(*.)+(spec|test).[jt]s?(x)`), not one that repeats with the group.
  let onceGroup = false;
  // `!(…)` becomes a lookahead, tried whole at one place: one wildcard inside (`!(*.d).ts`) costs a
  // scan of the segment there and cannot multiply with the wildcards outside it. Two could.
  let negatedGroup = false;
  let negatedWildcards = 0;
  let segment = 0; // unbounded wildcards in the current segment
  let segments = 0;
  let ambiguity = 0;
  let slashInBraces = false;
  let irregular = false; // a negated group, or `**` inside braces: read by picomatch in its own way
  // Per open brace: the most wildcards of its finished alternatives, and the current one's count
  // (a segment holds the most of any alternative, not their sum).
  const frames: { most: number; here: number }[] = [];
  const count = (k: number) => {
    if (frames.length) frames[frames.length - 1]!.here += k;
    else segment += k;
  };
  const endSegment = (): string | null => {
    if (segment > GLOB_LIMITS.perSegment)
      return `more than ${GLOB_LIMITS.perSegment} repeating wildcards (*, *(…), +(…), !(…)) in one path segment`;
    ambiguity += Math.max(0, segment - 1);
    segment = 0;
    if (++segments > GLOB_LIMITS.segments) return `more than ${GLOB_LIMITS.segments} path segments`;
    return null;
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      // A class is one character, whatever it holds; `[]…]` and `[!]…]` keep a leading `]`.
      const from = glob[i + 1] === '!' || glob[i + 1] === '^' ? i + 3 : i + 2;
      const close = glob.indexOf(']', from);
      if (close !== -1) i = close;
    } else if (c === '{') {
      braces++;
      depth++;
      frames.push({ most: 0, here: 0 });
      if (braces > GLOB_LIMITS.braceGroups) return refuse(`more than ${GLOB_LIMITS.braceGroups} brace groups`);
      if (depth > GLOB_LIMITS.braceDepth) return refuse(`braces nested more than ${GLOB_LIMITS.braceDepth} deep`);
    } else if (c === ',' && frames.length) {
      const f = frames[frames.length - 1]!;
      f.most = Math.max(f.most, f.here);
      f.here = 0;
    } else if (c === '}') {
      if (depth > 0) depth--;
      const f = frames.pop();
      if (f) count(Math.max(f.most, f.here));
    } else if (c === '(') {
      if (group > 0) return refuse('a group inside a group');
      group++;
      const opener = glob[i - 1] ?? '';
      onceGroup = opener === '?' || opener === '@';
      negatedGroup = opener === '!';
      negatedWildcards = 0;
      if (opener === '!') irregular = true;
      if (EXTGLOB_OPENERS.includes(opener) && opener !== '?' && opener !== '@') count(1);
    } else if (c === ')') {
      if (group > 0) group--;
    } else if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      if (glob[j] === '(') {
        i = j - 1; // `*(…)`: counted as a group at the `(`
        continue;
      }
      if (group > 0 && negatedGroup && j - i === 1 && negatedWildcards++ === 0) {
        i = j - 1; // counted with its group
        continue;
      }
      if (group > 0 && !onceGroup) return refuse('a wildcard inside a group');
      const whole = j - i >= 2 && (i === 0 || glob[i - 1] === '/') && (j === glob.length || glob[j] === '/');
      if (whole && depth === 0) ambiguity++;
      else count(1);
      if (j - i >= 2 && depth > 0) irregular = true;
      i = j - 1;
    } else if (c === '/') {
      if (depth > 0) slashInBraces = true;
      else if (group === 0) {
        const p = endSegment();
        if (p) return refuse(p);
      }
    }
  }
  // An unclosed brace is literal to picomatch: what it held counts whole.
  for (const f of frames) segment += f.most + f.here;
  const p = endSegment();
  if (p) return refuse(p);
  // Matched segment by segment (glob.ts), these would not mean what picomatch makes them mean.
  if (ambiguity >= 2 && irregular)
    return refuse('a negated group !(…) or a ** inside braces, with more than one wildcard that can repeat');
  return { problem: null, ambiguity, slashInBraces };
}

/** Why a glob is refused (for a one-line configuration error), or null when it is safe to match. */
export function globProblem(glob: string): string | null {
  const shape = globShape(glob);
  if (shape.problem) return shape.problem;
  if (shape.ambiguity >= 2 && shape.slashInBraces && !expandBraces(glob, GLOB_LIMITS.alternatives))
    return `braces around a "/" that expand to more than ${GLOB_LIMITS.alternatives} globs`;
  return null;
}

/**
 * `a{b,c{d,e}}f` → [abf, acdf, acef]; null when braces are unbalanced, hold no comma (picomatch
 * reads `{a}` as literal and `{1..3}` as a range; neither is expanded here) or expand to more than
 * `limit`. Call only on a glob whose shape passed: its brace groups and depth are bounded.
 */
export function expandBraces(glob: string, limit: number): string[] | null {
  const open = glob.indexOf('{');
  if (open === -1) return glob.includes('}') ? null : [glob];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close === -1 || commas.length === 0) return null;
  const head = glob.slice(0, open);
  const tail = glob.slice(close + 1);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const expanded = expandBraces(head + glob.slice(bounds[k]! + 1, bounds[k + 1]) + tail, limit);
    if (!expanded) return null;
    out.push(...expanded);
    if (out.length > limit) return null;
  }
  return out;
}

/**
 * Why a .gitignore line is not honoured by the file walker, or null. The `ignore` library turns
 * each `**` into a backtracking group and tests every parent folder too: `**\/a/**\/b` took 17 s
 * on one path 2,000 folders deep. Its single wildcards do not backtrack that way (measured).
 */
export function ignoreLineProblem(line: string): string | null {
  if (line.length > GLOB_LIMITS.length) return `longer than ${GLOB_LIMITS.length} characters`;
  const first = line.indexOf('**');
  return first !== -1 && line.indexOf('**', first + 2) !== -1 ? 'more than one **' : null;
}
