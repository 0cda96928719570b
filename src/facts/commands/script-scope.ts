/** Reading a script top to bottom: its arguments, its assignments and the `case` branch that runs. */
import { simpleCommands } from './shell.js';
import { globMatch } from '../../util/glob-match.js';

/** A shell glob: `*` and `?`; a bracket is read as itself, as this reader always has. */
const SHELL = { question: true };

/**
 * What a script knows as it is read top to bottom: its arguments (`$1`, `$@`) and its own simple
 * assignments, and which branch of a `case` on a known value runs (`ct.sh lint` runs the `*)`
 * branch, not `install)`). A value it cannot know keeps every branch, as before.
 */
export class ScriptScope {
  private readonly env = new Map<string, string>();
  /**
   * Every value a variable may hold: `RUNNER=cargo` then `[ -n "$X" ] && RUNNER=cross` (or an
   * `if`/`else` that sets it either way) may run either program, so a command through it is each.
   */
  private readonly values = new Map<string, string[]>();
  /** Depth of `if`/`while`/`for`/`case` blocks open: an assignment inside one may not happen. */
  private depth = 0;
  private readonly cases: { subject?: string; matched: boolean; active: boolean }[] = [];
  /**
   * The `if`/`elif`/`else` chains open: `known` when every test so far compared known values, `taken`
   * when one of them held, `active` when the branch being read may run (`./ci.sh precommit type-check`
   * runs the `elif [ $case = "precommit" ]` arm only, not the `backend` arm above it).
   */
  private readonly ifs: { known: boolean; taken: boolean; active: boolean }[] = [];

  constructor(args: readonly string[] = [], vars: Readonly<Record<string, string>> = {}) {
    for (const [k, v] of Object.entries(vars)) {
      this.env.set(k, v);
      this.values.set(k, [v]);
    }
    args.slice(0, 9).forEach((a, i) => this.env.set(String(i + 1), a));
    if (args.length) this.env.set('@', args.join(' ')).set('*', args.join(' '));
  }

  /** The simple commands of one logical line; none inside a `case` branch that does not run. */
  commands(text: string, soft: boolean[]): string[][] {
    const t = text.trim();
    // `case WORD in`, read without a regex: `^case\s+(.+?)\s+in$` rescanned the blanks after each
    // character of the word (a line of 40k blanks took 0.6 s, twice as many four times that).
    const open = /^case\s/.test(t) && /\sin$/.test(t) ? t.slice(5, -3).trim() : '';
    if (open) {
      // `case "${1:-}" in`: the argument when it is known (the default only stands for a missing one).
      const word = open.replace(/\$\{(\w+):?[-=][^}]*\}/g, (m, k: string) => (this.env.has(k) ? `\${${k}}` : m));
      const subject = simpleCommands(`x ${word}`, undefined, this.env)[0]?.[1];
      this.cases.push({ ...(subject && !subject.includes('$') ? { subject } : {}), matched: false, active: true });
      return [];
    }
    const c = this.cases.at(-1);
    if (c && /^esac\b/.test(t)) {
      this.cases.pop();
      return [];
    }
    let body = text;
    const branch = c ? caseArm(t) : undefined;
    if (c && branch && !/^[\w-]+\s*\(\s*\)/.test(t)) {
      const hit =
        c.subject === undefined ||
        branch[1]!.split('|').some((p) => globMatch(p.trim().replace(/^["']|["']$/g, ''), c.subject!, SHELL) ?? true);
      c.active = c.subject === undefined || (hit && !c.matched);
      if (c.active) c.matched = true;
      body = branch[2]!;
    }
    if (c && !c.active) return [];
    const keyword = /^(if|elif|else|fi)\b/.exec(t)?.[1];
    const outer = this.ifs.some((f) => !f.active);
    if (keyword === 'fi') {
      this.ifs.pop();
      if (this.ifs.some((f) => !f.active)) return [];
    } else if (keyword === 'if' && outer) {
      if (opensIf(t)) this.ifs.push({ known: true, taken: true, active: false });
      return [];
    } else if ((keyword === 'elif' || keyword === 'else') && this.ifs.length) {
      const top = this.ifs.at(-1)!;
      if (this.ifs.slice(0, -1).some((f) => !f.active)) return [];
      if (keyword === 'else') top.active = !top.known || !top.taken;
      else top.active = !top.known || !top.taken;
      if (!top.active) return [];
    } else if (outer) return [];
    const conditional = this.depth > 0 || c !== undefined || /^(?:if|elif|else|while|until|for)\b|&&|\|\|/.test(t);
    this.depth = Math.max(0, this.depth + blockDelta(t));
    const assigned: [string, string][] = [];
    const src = body.replace(/;;\s*$/, '');
    // The first variable the line reads that may hold several values: looked up per reference, not
    // a regex per variable the script ever set (lines × variables: 10k assignments took 1.7 s).
    let multi: [string, string[]] | undefined;
    for (const m of src.matchAll(/\$\{?(\w+)/g)) {
      const vs = this.values.get(m[1]!);
      if (vs && vs.length > 1) {
        multi = [m[1]!, vs];
        break;
      }
    }
    let out: string[][];
    if (!multi) out = simpleCommands(src, soft, this.env, assigned);
    else {
      out = [];
      const seen = new Set<string>();
      for (const v of multi[1]) {
        const s: boolean[] = [];
        simpleCommands(src, s, new Map(this.env).set(multi[0], v), assigned).forEach((argv, i) => {
          const key = argv.join('\u0000');
          if (seen.has(key)) return;
          seen.add(key);
          out.push(argv);
          soft.push(s[i]!);
        });
      }
    }
    if (keyword === 'if' || keyword === 'elif') {
      // The test (`[ "$1" = lint ]`, `[[ $task == test* ]]`, `test "$x" != y`) decided on known values.
      const held = testOutcome(out[0]);
      const top = keyword === 'elif' ? this.ifs.at(-1) : undefined;
      const known = held !== undefined && (top ? top.known : true);
      const state = { known, taken: held === true, active: held !== false };
      if (top) Object.assign(top, state);
      else if (opensIf(t)) this.ifs.push(state);
      // A branch that does not run: its test is read, the commands after `then` on its line are not.
      if (held === false) {
        out = out.slice(0, 1);
        soft.splice(1);
      }
    }
    for (const [k, v] of assigned) {
      const had = this.values.get(k);
      if (conditional && had && !had.includes(v)) {
        // Either value: the single one is no longer known (a `case` on it keeps every branch).
        this.values.set(k, [...had, v].slice(0, 4));
        this.env.delete(k);
      } else if (!conditional || !had) {
        this.values.set(k, [v]);
        this.env.set(k, v);
      }
    }
    return out;
  }
}

/**
 * A `case` arm's patterns and the commands after them (`lint | check) make lint ;;`): up to the
 * first `)`, an optional `(` before. By index, not `^\(?\s*([^()]+?)\s*\)\s*(.*)$`, which rescanned
 * the blanks after each character (quadratic in a line of blanks inside a `case`).
 */
function caseArm(t: string): [string, string, string] | undefined {
  const s = t.startsWith('(') ? t.slice(1) : t;
  const close = s.indexOf(')');
  if (close <= 0) return undefined;
  const head = s.slice(0, close);
  const rest = s.slice(close + 1).trimStart();
  if (head.includes('(') || rest.includes('\n')) return undefined;
  return [t, head.trim(), rest];
}

/** An `if` line whose block stays open (`if …; then … fi` on one line closes it). */
const opensIf = (t: string) => !/(?:^|[;&|]\s*)fi\s*(?:[;#].*)?$/.test(t);

/**
 * Whether a test command holds, when it compares two known words (`[ a = b ]`, `[[ a != b* ]]`,
 * `test a == b`); undefined for anything else (a value left as `$x`, `-f file`, several tests).
 */
function testOutcome(argv: string[] | undefined): boolean | undefined {
  if (!argv) return undefined;
  const [head, ...rest] = argv;
  let words: string[];
  if (head === '[' && rest.at(-1) === ']') words = rest.slice(0, -1);
  else if (head === '[[' && rest.at(-1) === ']]') words = rest.slice(0, -1);
  else if (head === 'test') words = rest;
  else return undefined;
  const negate = words[0] === '!';
  if (negate) words = words.slice(1);
  if (words.length !== 3 || words.some((w) => w.includes('$') || w.includes('\u0001') || w.includes('`')))
    return undefined;
  const [a, op, b] = words as [string, string, string];
  let eq: boolean | undefined;
  if (op === '=' || op === '==' || op === '!=') eq = head === '[[' ? globMatch(b, a, SHELL) : a === b;
  if (eq === undefined) return undefined;
  const held = op === '!=' ? !eq : eq;
  return negate ? !held : held;
}

/** How many blocks a line opens (`if …; then`, `while …; do`, `case … in`) less those it closes. */
function blockDelta(t: string): number {
  const opens = (t.match(/(?:^|[;&|]\s*)(?:if|while|until|for|case)\b/g) ?? []).length;
  const closes = (t.match(/(?:^|[;&|]\s*)(?:fi|done|esac)\b/g) ?? []).length;
  return opens - closes;
}
