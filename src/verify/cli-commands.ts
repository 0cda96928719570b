/**
 * An item that documents a sub-command of the project's own command-line program: "- `tsk cache warm` -
 * Pre-warm caches", "- `mytool service start/stop/restart` - lifecycle". The program and its
 * sub-commands are looked up among the commands the project's source registers (cobra `Use:`, urfave
 * `Name:`, commander/yargs `.command('x')`/`new Command('x')`, argparse `add_parser('x')`, click/typer
 * `@group.command('x')`), within the sub-project the document belongs to. A sub-command of a group the
 * program registers, registered nowhere, is missing; every one registered beside its group, present; a
 * Go handler that only prints a message makes it "there, but does nothing". Anything else (the program
 * not the project's, a name registered elsewhere, too few registrations to judge) is left to the other
 * lookups.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { subProject } from './sub-project.js';
import { DECLARATIONS } from '../facts/subcommands.js';

/**
 * "- ✅ `prog sub verb <arg>` - …": a ticked command line at the item's start. Its lengths (a program
 * name of 31 characters at most, at most 160 after the blanks that follow it) are checked by leadText,
 * not by bounded repetitions, which recheck cannot decide (and which cost 160 steps a character).
 */
const LEAD =
  /^\s*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]*)?(?:[^\s`\w]{1,3}[ \t]+)?`([a-z][\w.-]*(?:[ \t][^`\n]*)?)`[ \t]*(?:[-–—:]|$)/;
const MAX_PROGRAM = 31;
const MAX_ARGS = 160;

/**
 * The code an item leads with: "prog sub verb <arg>" of "- ✅ `prog sub verb <arg>` - …", or null.
 * The same as `([a-z][\w.-]{0,30}(?:[ \t]+[^`\n]{1,160})?)` between the backticks.
 */
export function leadText(raw: string): string | null {
  const code = LEAD.exec(raw)?.[1];
  if (code === undefined) return null;
  let name = 1;
  while (name < code.length && code[name] !== ' ' && code[name] !== '\t') name++;
  if (name > MAX_PROGRAM) return null;
  if (name === code.length) return code;
  let blanks = name;
  while (blanks < code.length && (code[blanks] === ' ' || code[blanks] === '\t')) blanks++;
  // `[ \t]+[^`\n]{1,160}`: one blank at least, then 1 to 160 characters (which may start with blanks).
  return code.length - name - 1 >= 1 && code.length - blanks <= MAX_ARGS ? code : null;
}
const WORD = /^[a-z][\w-]{0,40}(?:\/[a-z][\w-]{0,40}){0,8}$/;

const SOURCE = /\.(?:go|py|[cm]?[jt]s|rb)$/;
const CLI_PATH = /(?:^|\/)(?:cli|cmds?|commands?|bin|main\.\w+$|cli\.\w+$|app\.\w+$|index\.\w+$)/i;
const SKIP = /(?:^|\/)(?:node_modules|vendor|dist|build|\.git|z_archive|archive|third_party|testdata|fixtures?)\//i;
const MAX_FILES = 200;
const MAX_BYTES = 128 * 1024;

/**
 * Registrations of a sub-command by name: the command-line frameworks' declarations the profile
 * already reads (src/facts/subcommands.ts: cobra, urfave, kong, click/typer, commander/yargs, picocli,
 * System.CommandLine, thor), plus argparse sub-parsers and commander's `new Command('x')`.
 */
const REGISTER: RegExp[] = [
  ...DECLARATIONS.map((d) => d.regex),
  /\bnew[ \t]+Command\([ \t]*['"`]([a-z][\w-]*)/g, // commander
  /\badd_parser\([ \t]*['"]([a-z][\w-]*)/g, // argparse
];

interface Registration {
  path: string;
  line: number;
  text: string;
}

interface Index {
  /** Every registration of a name, across files. */
  byName: Map<string, Registration[]>;
  /** cobra's tree: a command's sub-commands by name, where every AddCommand argument is a known command. */
  children: Map<string, Set<string> | 'open'>;
  count: number;
  texts: Map<string, string>;
  /** The programs' own names: argparse `prog=`, commander `.name()`, package.json "bin", pyproject scripts. */
  programs: Set<string>;
}

const indexes = new WeakMap<object, Map<string, Index>>();

/** The 1-based line of an offset, by binary search over the text's line starts (one pass per file). */
function lineAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The registered commands of the scope's command-line source files, once per listing and scope. */
function indexOf(ctx: LookupContext, scope: string): Index {
  let byScope = indexes.get(ctx.files);
  if (!byScope) indexes.set(ctx.files, (byScope = new Map()));
  const hit = byScope.get(scope);
  if (hit) return hit;
  const index: Index = { byName: new Map(), children: new Map(), count: 0, texts: new Map(), programs: new Set() };
  const paths = ctx.files.paths
    .filter((p) => p.startsWith(scope) && SOURCE.test(p) && CLI_PATH.test(p.slice(scope.length)) && !SKIP.test(p))
    .sort()
    .slice(0, MAX_FILES);
  for (const path of paths) {
    const text = ctx.files.read(path)?.slice(0, MAX_BYTES);
    if (!text || !/Command|add_parser|\.command\(/.test(text)) continue;
    let any = false;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const add = (name: string, at: number) => {
      const line = lineAt(starts, at);
      const list = index.byName.get(name) ?? [];
      if (!list.some((r) => r.path === path)) list.push({ path, line, text: '' });
      index.byName.set(name, list);
      index.count++;
      any = true;
    };
    for (const re of REGISTER)
      for (const m of text.matchAll(re)) {
        const at = m.index! + m[0].lastIndexOf(m[1]!);
        add(m[1]!, at);
        // click/typer name a command after its function, underscores as dashes.
        if (m[1]!.includes('_')) add(m[1]!.replace(/_/g, '-'), at);
      }
    for (const name of programNames(text)) index.programs.add(name);
    if (any) index.texts.set(path, text);
    if (any && text.includes('AddCommand(')) cobraTree(text, index.children);
  }
  for (const path of ctx.files.paths.filter((p) => p.startsWith(scope) && !SKIP.test(p))) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (name === 'package.json') {
      const parsed = ctx.files.readJson<{ bin?: unknown }>(path);
      const bin = parsed.ok ? parsed.value?.bin : undefined;
      if (bin && typeof bin === 'object') for (const k of Object.keys(bin)) index.programs.add(k);
    } else if (name === 'pyproject.toml') {
      const text = ctx.files.read(path) ?? '';
      const at = text.search(/^\[(?:project\.scripts|tool\.poetry\.scripts)\]/m);
      if (at >= 0)
        for (const m of text
          .slice(at)
          .split(/\n\[/)[0]!
          .matchAll(/^[ \t]*["']?([a-z][\w.-]*)["']?[ \t]*=/gm))
          index.programs.add(m[1]!);
    }
  }
  // Each file split into lines once, not once per registration (a file of thousands of registrations).
  const lines = new Map<string, string[]>();
  for (const list of index.byName.values())
    for (const r of list) {
      let ls = lines.get(r.path);
      if (!ls) lines.set(r.path, (ls = index.texts.get(r.path)?.split('\n') ?? []));
      r.text = (ls[r.line - 1] ?? '').trim().slice(0, 120);
    }
  byScope.set(scope, index);
  return index;
}

const PARSER = /\bArgumentParser\(/g;
const PROG = /\bprog\s*=\s*['"`]([a-z][\w.-]*)/y;
const NAMED = /\b\.name\(\s*['"`]([a-z][\w.-]*)/g;
/** How far into an ArgumentParser call its `prog=` may start. */
const PROG_WITHIN = 200;

/**
 * The programs a source names: argparse `ArgumentParser(… prog='x'` (`prog` within 200 characters of
 * the parenthesis and before it closes), commander `.name('x')`. Each call's window is searched by
 * hand: as one regex (`ArgumentParser\([^)]{0,200}?\bprog…`) the bounded repetition left recheck
 * without a verdict.
 */
export function programNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PARSER)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + PROG_WITHIN + 4);
    const close = window.indexOf(')');
    const last = Math.min(close < 0 ? window.length : close, PROG_WITHIN);
    for (let at = window.indexOf('prog'); at >= 0 && at <= last; at = window.indexOf('prog', at + 1)) {
      PROG.lastIndex = from + at;
      const name = PROG.exec(text)?.[1];
      if (name) {
        out.push(name);
        break;
      }
    }
  }
  for (const m of text.matchAll(NAMED)) out.push(m[1]!);
  return out;
}
const COBRA_VAR = /\b(\w+)\s*:?=\s*&cobra\.Command\{[^{}]{0,300}?\bUse:\s*"([a-z][\w-]*)/g;
const ADD = /\b(\w+)\.AddCommand\(((?:[^()]|\([^()]{0,80}\)){0,400})\)/g;

/** cobra's parent → children edges of one file: `cacheCmd.AddCommand(clearCmd, statusCmd)`. */
function cobraTree(text: string, children: Index['children']): void {
  const names = new Map<string, string>();
  for (const m of text.matchAll(COBRA_VAR)) names.set(m[1]!, m[2]!);
  for (const m of text.matchAll(ADD)) {
    const parent = names.get(m[1]!);
    if (!parent) continue;
    let set = children.get(parent);
    if (set === 'open') continue;
    if (!set) children.set(parent, (set = new Set()));
    for (const arg of m[2]!.split(',').map((a) => a.trim())) {
      const child = names.get(arg);
      // A command built by a function call or elsewhere: the children are not all known here.
      if (!child) {
        children.set(parent, 'open');
        break;
      }
      set.add(child);
    }
  }
}

/** The command line an item leads with: the program and its sub-command words (alternatives split). */
export function ledCommand(raw: string): { program: string; path: string[][] } | null {
  const code = leadText(raw);
  if (code === null) return null;
  const [program, ...rest] = code.trim().split(/\s+/);
  const path: string[][] = [];
  for (const t of rest) {
    if (!WORD.test(t)) break;
    path.push(t.split('/'));
  }
  return path.length ? { program: program!, path } : null;
}

/** The body of the Go function `name` in `text` (up to its closing brace at the line start), bounded. */
function goBody(text: string, name: string): string[] | null {
  const at = text.search(new RegExp(`\\nfunc\\s+(?:\\([^)]{0,80}\\)\\s*)?${name}\\(`));
  if (at < 0) return null;
  const lines = text.slice(at + 1, at + 1 + 8000).split('\n');
  const end = lines.findIndex((l, i) => i > 0 && l.startsWith('}'));
  return end > 0 ? lines.slice(1, end) : null;
}

/** A trimmed line that only prints, returns nil or comments. */
const PRINT_ONLY = /^(?:fmt\.(?:Print|Fprint)\w*\(.*\)|log\.Print\w*\(.*\)|return(?: nil)?|\/\/.*|)$/;

/** A cobra command whose run function (and the handler it returns) only prints: there, doing nothing. */
function printsOnly(text: string, reg: Registration): boolean {
  const lines = text.split('\n').slice(reg.line - 1, reg.line + 40);
  const at = lines.findIndex((l) => /^\s*RunE?:\s*func\(/.test(l));
  if (at < 0 || at > 12) return false;
  const indent = /^\s*/.exec(lines[at]!)![0];
  const close = lines.findIndex((l, i) => i > at && l.startsWith(`${indent}}`));
  if (close < 0) return false;
  const body = lines.slice(at + 1, close).filter((l) => l.trim());
  // `return c.handleX(args…)`, the arguments prepared without calls: the handler's body decides.
  const last = /^\s*return\s+(?:\w+\.)?(\w+)\([^()]*\)\s*$/.exec(body.at(-1) ?? '');
  const prep = body.slice(0, -1).every((l) => !/\w\(/.test(l.replace(/\blen\(/g, '')));
  const inner = last && prep ? goBody(text, last[1]!) : body;
  return !!inner?.length && inner.every((l) => PRINT_ONLY.test(l.trim())) && inner.some((l) => /\bPrint/.test(l));
}

/** The finding of an item documenting a sub-command of the project's program; null when not decidable. */
export function cliCommandFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.asserted !== 'done' && claim.asserted !== 'partial') return null;
  const cmd = ledCommand(claim.raw ?? '');
  if (!cmd) return null;
  const index = indexOf(ctx, subProject(ctx) ?? '');
  // The program must be the project's own, and the registrations enough to say what is not there.
  if (index.count < 4 || !(index.byName.has(cmd.program) || index.programs.has(cmd.program))) return null;
  const subject = `${cmd.program} ${cmd.path.map((a) => a.join('/')).join(' ')}`;
  let parents = (index.byName.get(cmd.program) ?? []).map((r) => r.path);
  let found: Registration[] = [];
  const missing: string[] = [];
  let partly = false;
  let names = [cmd.program];
  for (const [level, alternatives] of cmd.path.entries()) {
    const here: Registration[] = [];
    // The group's sub-commands, where cobra's tree names them all.
    const sets = level === 0 ? [] : names.map((n) => index.children.get(n));
    const known =
      sets.length && sets.every((c) => c instanceof Set) ? new Set(sets.flatMap((c) => [...(c as Set<string>)])) : null;
    for (const name of alternatives) {
      const regs = index.byName.get(name);
      // A group that adds commands built elsewhere (`AddCommand(newInstallCmd())`): not all known.
      if (!regs && sets.includes('open')) return null;
      if (!regs || (known && !known.has(name))) {
        missing.push(name);
        continue;
      }
      // Below the first level, registered beside its group (cobra's AddCommand, a subparsers block).
      const beside = level === 0 ? regs : regs.filter((r) => parents.includes(r.path));
      if (!beside.length) return null;
      here.push(beside[0]!);
    }
    if (missing.length) {
      // Some of the last level's alternatives there: the rest are missing.
      partly = here.length > 0 && level === cmd.path.length - 1;
      if (partly) found = here;
      break;
    }
    found = here;
    parents = here.map((r) => r.path);
    names = alternatives;
  }
  const evidence = found.map((r) => ({ path: r.path, line: r.line, snippet: r.text }));
  if (missing.length) {
    return {
      subject,
      basis: 'config',
      present: partly ? 'partly' : 'no',
      detail: `${cmd.program} registers no ${missing.map((n) => `\`${n}\``).join(', ')} command`,
      evidence,
    };
  }
  const idle = found.filter((r) => printsOnly(index.texts.get(r.path) ?? '', r));
  return {
    subject,
    basis: 'config',
    present: idle.length ? 'partly' : 'yes',
    detail: idle.length
      ? `${idle.map((r) => `${r.path}:${r.line}`).join(', ')} registers the command, but its handler only prints a message`
      : `${found.map((r) => `${r.path}:${r.line}`).join(', ')} registers the command`,
    evidence,
  };
}
