/** Reading a script top to bottom: its arguments, its assignments and the `case` branch that runs. */
import { simpleCommands } from './shell.js';

/**
 * What a script knows as it is read top to bottom: its arguments (`$1`, `$@`) and its own simple
 * assignments, and which branch of a `case` on a known value runs (`ct.sh lint` runs the `*)`
 * branch, not `install)`). A value it cannot know keeps every branch, as before.
 */
export class ScriptScope {
  private readonly env = new Map<string, string>();
  private readonly cases: { subject?: string; matched: boolean; active: boolean }[] = [];

  constructor(args: readonly string[] = []) {
    args.slice(0, 9).forEach((a, i) => this.env.set(String(i + 1), a));
    if (args.length) this.env.set('@', args.join(' ')).set('*', args.join(' '));
  }

  /** The simple commands of one logical line; none inside a `case` branch that does not run. */
  commands(text: string, soft: boolean[]): string[][] {
    const t = text.trim();
    const open = /^case\s+(.+?)\s+in\s*$/.exec(t);
    if (open) {
      const subject = simpleCommands(`x ${open[1]}`, undefined, this.env)[0]?.[1];
      this.cases.push({ ...(subject && !subject.includes('$') ? { subject } : {}), matched: false, active: true });
      return [];
    }
    const c = this.cases.at(-1);
    if (c && /^esac\b/.test(t)) {
      this.cases.pop();
      return [];
    }
    let body = text;
    const branch = c ? /^\(?\s*([^()]+?)\s*\)\s*(.*)$/.exec(t) : null;
    if (c && branch && !/^[\w-]+\s*\(\s*\)/.test(t)) {
      const hit =
        c.subject === undefined ||
        branch[1]!.split('|').some((p) => globRe(p.trim().replace(/^["']|["']$/g, '')).test(c.subject!));
      c.active = c.subject === undefined || (hit && !c.matched);
      if (c.active) c.matched = true;
      body = branch[2]!;
    }
    if (c && !c.active) return [];
    const assigned: [string, string][] = [];
    const out = simpleCommands(body.replace(/;;\s*$/, ''), soft, this.env, assigned);
    for (const [k, v] of assigned) this.env.set(k, v);
    return out;
  }
}

const globRe = (p: string) =>
  new RegExp(
    `^${p
      .replace(/[.+^${}()|[\]\\/]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
