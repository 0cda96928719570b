/** What a resolver returns for one command: where its real work is written, or the tools it implies. */
import type { CommandHop, CommandTool, FileView } from '../../types.js';
import { LineIndex } from '../../util/lines.js';

/** A block of shell text to follow, written at `path` from `line` (a script body, a recipe). */
export interface Block {
  path: string;
  line: number;
  text: string;
  /** What this block is, for the chain: `npm script test`, `make lint`, `tox env py`. */
  via: string;
  /** Directory the block runs in (repo-relative, '' for the root). */
  cwd: string;
  /** Why its failures do not fail the job (a reusable workflow's `continue-on-error: true`). */
  advisory?: string;
  /**
   * Environment variables of a composite action's step that carry an input (`INPUTS_ARGS: ${{ inputs.args }}`):
   * variable name → input name. The caller's value replaces `$INPUTS_ARGS` / `${INPUTS_ARGS…}` in the text.
   */
  envInputs?: Record<string, string>;
  /**
   * A composite action step's `working-directory` written with the caller's inputs
   * (`${{ inputs.lambda-directory }}`): the caller's value names the directory (steps.ts `withInputs`).
   */
  cwdInput?: string;
}

/** A command known without shell text (a pre-commit hook id, an action's input), at its own hop. */
export interface Synthetic {
  argv: string[];
  hop: CommandHop;
  cwd: string;
  /** Tools named by the convention that produced it, instead of classifying argv. */
  tools?: CommandTool[];
  /**
   * The runner fails when the command changed a file (pre-commit and prek fail a hook that
   * modified files): a formatter in write mode is a check here.
   */
  failsOnChange?: true;
}

/** An action, task or orb step to follow (`uses: ./.github/actions/x`, `uses: golangci/golangci-lint-action@v6`). */
export interface UsesStep {
  ref: string;
  with?: Record<string, string>;
  hop: CommandHop;
  cwd: string;
}

export interface Expansion {
  blocks?: Block[];
  uses?: UsesStep[];
  commands?: Synthetic[];
  /** Tools this command itself runs by convention (Maven's lifecycle, Gradle's check). */
  tools?: CommandTool[];
  /** Why the command could not be followed (it is still recorded as a run). */
  unresolved?: string;
  /** The file it would read does not exist here (generated, or in a directory not tracked): conventions apply. */
  absent?: boolean;
  /** A reusable workflow of another repository: what it runs cannot be read here. */
  remote?: string;
  /**
   * The script file whose commands these are (runner-scripts.ts): a script already in the chain that
   * runs itself again, at any line and with any arguments, is a cycle.
   */
  script?: string;
}

export interface ResolveContext {
  files: FileView;
  cwd: string;
  /** Environment the command line sets for itself or its CI step (`SKIP=a,b pre-commit run`). */
  env?: Readonly<Record<string, string>>;
}

export type Resolver = (argv: string[], r: ResolveContext) => Expansion | undefined;

/** `a/b` + `../c` → `a/c`; absolute and home paths are taken from the repository root. */
export function joinPath(dir: string, rel: string): string {
  const parts = (rel.startsWith('/') || rel.startsWith('~') ? '' : dir).split('/').filter(Boolean);
  for (const p of rel.replace(/^~\/?(?:project|repo)?\/?/, '').split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

export const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** Line (1-based) of the first match of `re` at or after line `from`, or undefined. */
export function lineOf(text: string, re: RegExp, from = 1): number | undefined {
  // Resolvers ask about many keys of one file in a row (every script of a package.json): its lines
  // are indexed once, not split again per key.
  if (last?.text !== text) last = new LineIndex(text);
  for (let n = Math.max(1, from); n <= last.count; n++) if (re.test(last.bare(n))) return n;
  return undefined;
}
let last: LineIndex | undefined;

/** A file in `cwd`, else at the root: the paths a tool would look in. */
export function findIn(files: FileView, cwd: string, names: string[]): string | undefined {
  for (const dir of cwd ? [cwd, ''] : ['']) {
    for (const n of names) {
      const p = joinPath(dir, n);
      if (files.exists(p)) return p;
    }
  }
  return undefined;
}

/** Positional words of argv after its flags (`valued` flags consume the next word). */
export function positionals(argv: string[], valued: string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '--') break;
    if (w.startsWith('-')) {
      if (valued.includes(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The value of a flag given as `--flag value`, `--flag=value` or `-f value`. */
export function flagValue(argv: string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    for (const n of names) {
      if (w === n && argv[i + 1] !== undefined) return argv[i + 1];
      if (w.startsWith(`${n}=`)) return w.slice(n.length + 1);
    }
  }
  return undefined;
}
