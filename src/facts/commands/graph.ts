/**
 * The walker of the command graph: from each CI step (and each commit hook) through shell text,
 * script files and the resolvers (package scripts, task files, tox/nox, build tools, actions) down
 * to the commands that run, each with the chain of file:line hops that reached it. Nothing is
 * executed; depth and size are bounded, cycles are cut.
 */
import type { CommandGraph, CommandHop, CommandRun, CommandTool, FileView } from '../../types.js';
import { own } from './own.js';
import {
  type CiCommand,
  type CiFile,
  ciFiles,
  THROWAWAY_CLUSTER_STEP,
  throwawayClusterJobs,
  workflowTriggers,
} from '../ci.js';
import { type ContainerPaths, composeRunEntrypoint, containerPaths, withComposeFile } from './container.js';
import { type DispatcherView, dispatcherView, type ScriptFunction } from './dispatcher.js';
import { dotnetBuilds } from './dotnet.js';
import { hookOrigins, lintStaged, preCommitCiOrigin, preCommitRun, vpStaged } from './hooks.js';
import { gruntResolver, gulpResolver } from './js-tasks.js';
import { cargoMakeTasks, denoTasks, goBuildScript, invokeTasks, mageTargets } from './task-runners.js';
import { gradleTasks, mavenPhases } from './jvm.js';
import { justRecipes, makeTargets, rakeTasks, taskfileTasks } from './make.js';
import { exCheck } from './ex-check.js';
import { mixAliases } from './mix.js';
import { nixFlakeCheck, nixRun, treefmtFormatters } from './nix.js';
import {
  assumedPackageManager,
  composerScripts,
  concurrently,
  monorepoRunners,
  packageScripts,
  runAll,
  stringRunners,
} from './node.js';
import { noxSessions, pythonScripts, toxEnvs } from './python.js';
import { consoleScripts, runnerScripts } from './runner-scripts.js';
import { trunkRun } from './trunk.js';
import { ScriptScope } from './script-scope.js';
import { commandsOf, logicalLines, normalise } from './shell.js';
import { readsScriptFromStdin, remoteDeploy, sshCall } from './remote.js';
import { ciDefaults, stepText, usesExpansion } from './steps.js';
import { coverageTools } from './coverage.js';
import { classify, conventional } from './tools.js';
import { type Expansion, joinPath, positionals, type Resolver, type UsesStep } from './types.js';
import { table } from '../../util/table.js';
import { pushTo } from '../../util/push-to.js';

const MAX_HOPS = 10;
const MAX_RUNS = 20_000;
/** Commands looked at in all: a hostile tree of targets calling targets fans out, and stops here. */
const MAX_STEPS = 30_000;
const MAX_UNRESOLVED = 500;
/** Reusable workflows and actions expanded from one `uses:` step of a CI file, nested ones included. */
const MAX_USES_PER_STEP = 500;

const RESOLVERS: Resolver[] = [
  dotnetBuilds,
  packageScripts,
  runAll,
  concurrently,
  stringRunners,
  monorepoRunners,
  composerScripts,
  makeTargets,
  justRecipes,
  taskfileTasks,
  rakeTasks,
  mixAliases,
  exCheck,
  gulpResolver,
  gruntResolver,
  invokeTasks,
  mageTargets,
  goBuildScript,
  cargoMakeTasks,
  denoTasks,
  toxEnvs,
  noxSessions,
  pythonScripts,
  preCommitRun,
  trunkRun,
  lintStaged,
  vpStaged,
  gradleTasks,
  mavenPhases,
  runnerScripts,
  consoleScripts,
  nixRun,
  nixFlakeCheck,
  treefmtFormatters,
];

interface Frame {
  origin: CommandRun['origin'];
  chain: CommandHop[];
  cwd: string;
  /** Why failures below this point do not fail the job (`continue-on-error: true`, `|| true`). */
  advisory?: string;
  /** Inside a container: its absolute paths map back to the repository. */
  container?: ContainerPaths;
  /** The runner above fails when a command changed a file (a pre-commit hook): rewriting is checking. */
  failsOnChange?: true;
  /** Inside a task dispatcher: the functions it defines, walked where called, and its own-directory variables. */
  functions?: { map: Map<string, ScriptFunction>; vars: Record<string, string>; sourced?: Map<string, string> };
  /** Run on another host over ssh (the host as written): a compose `up` there deploys. */
  remote?: string;
}

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh']);
const SCRIPT_EXT = /\.(?:sh|bash|zsh|ps1|cmd|bat)$/i;
const WORKSPACE_VAR =
  /^(?:\$\{?(?:GITHUB_WORKSPACE|CI_PROJECT_DIR|PWD|CIRCLE_WORKING_DIRECTORY|TRAVIS_BUILD_DIR|WORKSPACE|BITBUCKET_CLONE_DIR)\}?|\$\((?:pwd|Build\.SourcesDirectory|System\.DefaultWorkingDirectory)\))\/?/;

class Walker {
  readonly runs: CommandRun[] = [];
  readonly unresolved: CommandGraph['unresolved'] = [];
  private readonly seen = new Set<string>();
  private steps = 0;
  private usesLeft = 0;
  /** Which bound stopped the walk, if one did: said in the report, never silent. */
  spent: string | undefined;

  /** False (and the bound remembered) once the walk has spent its steps or runs. */
  private within(): boolean {
    if (this.runs.length >= MAX_RUNS) this.spent ??= `${MAX_RUNS.toLocaleString('en-US')} commands`;
    else if (this.steps > MAX_STEPS) this.spent ??= `${MAX_STEPS.toLocaleString('en-US')} steps`;
    return this.spent === undefined;
  }
  /**
   * The dispatcher view of a script, by script and first argument: a script run from many places
   * (`./run.sh test` in every job) is split and scanned once, not on every call.
   */
  private readonly dispatchers = new Map<string, DispatcherView | undefined>();

  constructor(
    private readonly files: FileView,
    private readonly view: typeof dispatcherView,
  ) {}

  /** A file a dispatcher sources, when it is in the listing. */
  private readonly load = (path: string): string | undefined =>
    this.files.exists(path) ? this.files.read(path) : undefined;

  /** Shell text written at path from line: each simple command, `cd` carried along the text. */
  shell(
    text: string,
    line: number,
    path: string,
    via: string | undefined,
    frame: Frame,
    args?: string[],
    vars?: Record<string, string>,
  ): void {
    let cwd = frame.cwd;
    // Directories `git clone` fills at run time: what runs inside them is another repository's.
    const clones = new Map<string, string>();
    const scope = new ScriptScope(args, vars);
    for (const l of logicalLines(text, line)) {
      const soft: boolean[] = [];
      // The heredoc the line opens, fed to a shell or an ssh session: its lines are that shell's commands.
      let heredoc = l.heredoc;
      scope.commands(l.text, soft).forEach((words, i) => {
        const n = normalise(words);
        if (!n) return;
        if (n.cd !== undefined) {
          // A directory on another host is not one of the repository's.
          if (!frame.remote && !n.cd.includes('$') && n.cd !== '-') cwd = joinPath(cwd, n.cd);
          return;
        }
        const stdin = heredoc ? readsScriptFromStdin(n.argv) : undefined;
        if (heredoc && stdin) {
          const body = heredoc;
          heredoc = undefined;
          const remote = stdin.host ?? frame.remote;
          this.shell(body.text, body.line, path, via, { ...frame, cwd, ...(remote ? { remote } : {}) });
        }
        const hop: CommandHop = { path, line: l.line, text: l.text.slice(0, 200), ...(via ? { via } : {}) };
        const clone = cloneTarget(n.argv);
        if (clone) clones.set(joinPath(cwd, clone.dir), clone.url);
        const foreign = [...clones].find(([d]) => cwd === d || cwd.startsWith(`${d}/`));
        if (foreign) {
          this.note(
            [...frame.chain, hop],
            `runs in ${foreign[0]}, a clone of ${foreign[1]}: another repository's code`,
          );
          return;
        }
        const advisory = frame.advisory ?? (soft[i] ? `\`|| true\` at ${path}:${l.line}` : undefined);
        const ref = n.container ? withComposeFile(n.container, vars) : undefined;
        const inside = ref ? containerPaths(this.files, ref, cwd) : undefined;
        // `docker compose run SERVICE tests …`: the words go to the image's entrypoint script.
        const entry = ref && inside ? composeRunEntrypoint(this.files, ref, cwd, n.argv, inside) : undefined;
        if (entry) n.argv = entry.argv;
        // `docker compose run app run-test`: a bare name the container finds on its PATH (or beside the
        // service's Dockerfile) that is a script of the repository runs that script (blind round 39).
        else if (inside && n.argv[0] && !n.argv[0].includes('/')) {
          const script = inside.which(n.argv[0]);
          if (script && this.isShellScript(script)) n.argv = [script, ...n.argv.slice(1)];
        }
        const f = {
          ...frame,
          // The CI line, then the entrypoint line the words reach.
          ...(entry ? { chain: [...frame.chain, hop] } : {}),
          cwd: inside?.cwd ?? (n.dir ? joinPath(cwd, n.dir) : cwd),
          ...(advisory ? { advisory } : {}),
          ...(inside ? { container: inside } : {}),
        };
        // A wrapper that measures coverage (`nyc --check-coverage`, `coverage run -m pytest`) is a run of its own.
        for (const w of n.wrappers ?? []) {
          const cov = coverageTools(w);
          if (cov.length) this.emit(w, cov, { ...f, chain: entry ? f.chain : [...f.chain, hop] });
        }
        // tox without -e runs the environments TOXENV / TOX_ENV name, when the CI step sets one.
        const toxEnv = vars?.TOX_ENV ?? vars?.TOXENV;
        const argv =
          toxEnv && n.argv[0] === 'tox' && !n.argv.some((a) => /^(?:-e|--env(?:=|$))/.test(a))
            ? [...n.argv, '-e', toxEnv]
            : n.argv;
        // pre-commit's SKIP (on the command line or in the step's env) leaves those hooks out of the run.
        const lead = words.slice(
          0,
          Math.max(
            0,
            words.findIndex((w) => !/^[A-Za-z_]\w*=/.test(w)),
          ),
        );
        const skip = lead.find((w) => w.startsWith('SKIP='))?.slice(5) ?? vars?.SKIP;
        this.command(argv, f, entry ? entry.hop : hop, skip ? { SKIP: skip } : undefined);
      });
    }
  }

  command(argv: string[], frame: Frame, hop: CommandHop | undefined, env?: Record<string, string>): void {
    const chain = hop?.path ? [...frame.chain, hop] : frame.chain;
    if (hop?.path && frame.chain.some((h) => h.path === hop.path && h.line === hop.line && h.text === hop.text)) return;
    ++this.steps;
    if (!this.within()) return;
    if (chain.length > MAX_HOPS) {
      this.note(chain, 'too deep to follow');
      return;
    }
    const next: Frame = { ...frame, chain };
    // A function of the dispatcher being read: its body runs here, with this call's arguments.
    const fn = frame.functions?.map.get(argv[0]!);
    if (fn) {
      this.shell(fn.text, fn.line, fn.path, undefined, next, argv.slice(1), frame.functions!.vars);
      return;
    }
    if (frame.functions) delete next.functions;
    const c = argv.indexOf('-c');
    // `/bin/bash -c …` as a container's command is the same shell.
    const prog = argv[0]!.replace(/^\/(?:usr\/)?(?:local\/)?bin\//, '');
    if ((SHELLS.has(prog) || prog === 'pwsh' || prog === 'powershell') && c > 0 && argv[c + 1]) {
      // `bash -c "…"` is written on the line already in the chain: its commands take that hop's place.
      const last = chain[chain.length - 1];
      this.shell(argv[c + 1]!, last?.line ?? 1, last?.path ?? '', last?.via, { ...next, chain: chain.slice(0, -1) });
      return;
    }
    // `ssh host 'cmd; cmd'`: the words after the host are a command line the remote shell runs.
    const ssh = sshCall(argv);
    if (ssh && ssh.command.length && !readsScriptFromStdin(argv)) {
      this.emit(argv, classify(argv), next);
      const last = chain[chain.length - 1];
      this.shell(ssh.command.join(' '), last?.line ?? 1, last?.path ?? '', last?.via, {
        ...next,
        chain: chain.slice(0, -1),
        remote: ssh.host,
      });
      return;
    }
    // `circleci tests run --command="xargs jest …"` runs that command on this node's share of the files.
    const inner = circleciTestsCommand(argv);
    if (inner) {
      const last = chain[chain.length - 1];
      this.shell(inner, last?.line ?? 1, last?.path ?? '', last?.via, { ...next, chain: chain.slice(0, -1) });
      return;
    }
    for (const r of RESOLVERS) {
      const exp = r(argv, { files: this.files, cwd: frame.cwd, ...(env ? { env } : {}) });
      if (!exp) continue;
      if (exp.script && chain.some((h) => h.path === exp.script)) return;
      this.expand(exp, next);
      if (exp.unresolved) this.note(chain, exp.unresolved);
      if (exp.tools?.length || exp.unresolved)
        this.emit(argv, exp.tools ?? (exp.absent ? conventional(argv, exp.unresolved!) : classify(argv)), next);
      return;
    }
    const script = this.scriptFile(argv, frame.cwd, frame.container);
    if (script) {
      const base = script.slice(script.lastIndexOf('/') + 1);
      const at = argv.findIndex((w) => w.replace(/\\/g, '/').endsWith(base));
      const args = at < 0 ? [] : argv.slice(at + 1);
      const text = this.files.read(script) ?? '';
      const gate = coverageScriptGate(text, script);
      if (gate) this.emit(argv, [gate.tool], { ...next, chain: [...next.chain, gate.hop] });
      const body = psOrBat(text, script);
      const key = `${script}\0${args[0] ?? ''}`;
      if (!this.dispatchers.has(key))
        this.dispatchers.set(
          key,
          SCRIPT_EXT.test(script) && !/\.(?:sh|bash|zsh)$/i.test(script)
            ? undefined
            : this.view(body, script, args[0], this.load),
        );
      const d = this.dispatchers.get(key);
      if (d) {
        const functions = { map: d.functions, vars: d.vars, ...(d.sourced ? { sourced: d.sourced } : {}) };
        this.shell(d.text, 1, script, undefined, { ...next, functions }, args, d.vars);
        return;
      }
      // A file sourced by the dispatcher sees its functions; a script it executes does not.
      const sourced = argv[0] === '.' || argv[0] === 'source';
      // A library the dispatcher sources runs its top level there; its functions run where called.
      const library = sourced ? frame.functions?.sourced?.get(script) : undefined;
      this.shell(
        library ?? body,
        1,
        script,
        undefined,
        sourced && frame.functions ? { ...next, functions: frame.functions } : next,
        args,
      );
      return;
    }
    const tools = classify(argv);
    // An unknown word run as a package manager is (`gnpm test`, `gnpm run test:vitest`) where the
    // nearest package.json has that script: a wrapper a CI step installed, followed as one.
    if (tools.length === 0) {
      const wrapped = assumedPackageManager(argv, this.files, frame.cwd);
      if (wrapped) {
        this.expand(wrapped, next);
        return;
      }
    }
    this.emit(argv, tools, next);
  }

  expand(exp: Expansion, frame: Frame): void {
    for (const b of exp.blocks ?? [])
      this.shell(b.text, b.line, b.path, b.via, {
        ...frame,
        cwd: b.cwd,
        ...(b.advisory && !frame.advisory ? { advisory: b.advisory } : {}),
      });
    for (const c of exp.commands ?? []) {
      const at = c.failsOnChange ? { ...frame, failsOnChange: c.failsOnChange } : frame;
      if (c.tools) {
        this.emit(c.argv, c.tools, { ...at, chain: [...frame.chain, c.hop] });
        continue;
      }
      // `pipenv run coverage run manage.py test`: what follows a runner is a command line of its own.
      const n = normalise(c.argv);
      if (!n || n.cd !== undefined) continue;
      const hop = c.hop.path ? c.hop : undefined;
      for (const w of n.wrappers ?? []) {
        const cov = coverageTools(w);
        if (cov.length) this.emit(w, cov, { ...at, cwd: c.cwd, chain: hop ? [...frame.chain, hop] : frame.chain });
      }
      this.command(n.argv, { ...at, cwd: n.dir ? joinPath(c.cwd, n.dir) : c.cwd }, hop);
    }
    for (const u of exp.uses ?? []) this.uses(u, frame);
  }

  uses(u: UsesStep, frame: Frame): void {
    const chain = [...frame.chain, u.hop];
    if (chain.length > MAX_HOPS || frame.chain.some((h) => h.path === u.hop.path && h.line === u.hop.line)) return;
    // Each expansion is a step too, and one step of a CI file expands at most MAX_USES_PER_STEP:
    // workflows calling five reusable workflows each (or composite actions five actions) were
    // followed down every path to MAX_HOPS, 5^10 of them (ten such files kept the audit busy past
    // five minutes), and one such step must not spend the budget of every other file's steps.
    if (frame.chain.length === 0) this.usesLeft = MAX_USES_PER_STEP;
    if (--this.usesLeft < 0) return;
    ++this.steps;
    if (!this.within()) return;
    const exp = usesExpansion(this.files, u);
    if (!exp) return;
    const next = { ...frame, chain, cwd: u.cwd };
    this.expand(exp, next);
    if (exp.tools?.length) this.emit([u.ref.replace(/@[\s\S]*$/, '')], exp.tools, next);
    if (exp.unresolved)
      this.note(
        chain,
        exp.unresolved,
        exp.remote ? { ref: exp.remote, ...(frame.origin.job ? { job: frame.origin.job } : {}) } : undefined,
      );
  }

  note(chain: CommandHop[], reason: string, remote?: { ref: string; job?: string }): void {
    if (this.unresolved.length < MAX_UNRESOLVED) this.unresolved.push({ chain, reason, ...(remote ? { remote } : {}) });
  }

  emit(argv: string[], tools: CommandTool[], frame: Frame): void {
    const key = `${frame.origin.path}#${frame.origin.job ?? ''}#${frame.chain.map((h) => `${h.path}:${h.line}`).join('>')}#${argv.join(' ')}`;
    if (this.seen.has(key) || !this.within()) return;
    this.seen.add(key);
    const deploy = frame.remote ? remoteDeploy(argv, frame.remote) : undefined;
    if (deploy) tools = [...tools.filter((t) => !t.kinds.includes('deploy')), deploy];
    this.runs.push({
      argv: argv.slice(0, 40),
      // pre-commit fails the hook when the formatter rewrote a file: that is a check of the formatting.
      tools: frame.failsOnChange ? tools.map(({ mode: _w, ...t }) => t) : tools,
      origin: frame.origin,
      chain: frame.chain,
      ...(frame.advisory ? { advisory: frame.advisory } : {}),
    });
  }

  /** A file of the repository with a shell's shebang or a script's extension. */
  private isShellScript(p: string): boolean {
    if (SCRIPT_EXT.test(p)) return true;
    return /^#!.*\b(?:ba|z|da|k)?sh\b/.test((this.files.read(p) ?? '').slice(0, 100));
  }

  /** A script in the repository that a command runs: `./ci/test.sh`, `bash scripts/lint.sh`, `pwsh -File build.ps1`. */
  private scriptFile(argv: string[], cwd: string, container?: ContainerPaths): string | undefined {
    // `$BASH`/`${SHELL}` (an environment or make variable left unresolved) is the shell itself.
    const a = /^\$\{?(?:BASH|SHELL)\}?$/.test(argv[0]!) ? 'bash' : argv[0];
    let target: string | undefined;
    if (SHELLS.has(a!)) target = argv.slice(1).find((w, i, all) => !w.startsWith('-') && all[i - 1] !== '-o');
    else if (a === 'source' || a === '.' || a === 'call') target = argv[1];
    else if (a === 'pwsh' || a === 'powershell' || a === 'powershell.exe') {
      const f = argv.findIndex((w) => /^-f(?:ile)?$/i.test(w));
      target = (f > 0 ? argv[f + 1] : undefined) ?? argv.slice(1).find((w) => /\.ps1$/i.test(w));
    } else if (a === 'cmd') target = argv.slice(1).find((w) => /\.(?:cmd|bat)$/i.test(w));
    else if (a!.includes('/') || SCRIPT_EXT.test(a!)) target = a;
    if (!target) return undefined;
    const rel = target.replace(WORKSPACE_VAR, '').replace(/\\/g, '/');
    if (rel.includes('$')) return undefined;
    const mapped = container && rel.startsWith('/') ? container.map(rel) : undefined;
    for (const p of [...(mapped ? [mapped] : []), joinPath(cwd, rel), joinPath('', rel)]) {
      if (!this.files.exists(p)) continue;
      if (SCRIPT_EXT.test(p)) return p;
      const head = (this.files.read(p) ?? '').slice(0, 100);
      if (/^#!.*\b(?:ba|z|da|k)?sh\b/.test(head)) return p;
    }
    return undefined;
  }
}

/**
 * The command `circleci tests run` starts with the test files it splits between parallel nodes
 * (`--command="xargs ./node_modules/.bin/jest --ci"` or `--command xargs …`; blind round 19, daily-api).
 */
function circleciTestsCommand(argv: string[]): string | undefined {
  if (argv[0] !== 'circleci' || argv[1] !== 'tests' || argv[2] !== 'run') return undefined;
  for (let i = 3; i < argv.length; i++) {
    const w = argv[i]!;
    if (w.startsWith('--command=')) return w.slice('--command='.length) || undefined;
    if (w === '--command' && argv[i + 1]) return argv[i + 1];
  }
  return undefined;
}

/** `git clone URL [DIR]`: the directory it creates (DIR, else the URL's last segment without `.git`). */
/** What reads a coverage report in a script: `go tool cover -func`, `coverage report`, an lcov or Istanbul summary. */
const COVERAGE_READ =
  /\bgo\s+tool\s+cover\b[^\n]*-func\b|\bcoverage\s+report\b|\blcov\s+--summary\b|coverage-summary\.json|\bgcovr\b[^\n]*--print-summary/;

/**
 * A script of the repository that reads a coverage report and exits non-zero on a comparison
 * (supabase auth's hack/coverage.sh: every function of some packages at 100.0 %, else `exit 1`):
 * a coverage gate written by hand, cited at the line that reads the report. Comment lines and
 * echoed text (a usage note `#   ./test.sh --coverage-report`, `echo "run: coverage report"`) are
 * not commands, and the comparison and the exit must follow that read closely: a script that
 * prints a report and elsewhere exits 1 when `cd` fails checks no floor (blind round 40).
 */
function coverageScriptGate(text: string, path: string): { tool: CommandTool; hop: CommandHop } | undefined {
  if (!/cover/i.test(text)) return undefined;
  const lines = text.split('\n', 20_000);
  const WINDOW = 40;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l.length > 2000 || l.startsWith('#') || /^(?:echo|printf|rem|::)\b/i.test(l)) continue;
    if (!COVERAGE_READ.test(l)) continue;
    let compared = false;
    const end = Math.min(lines.length, i + WINDOW);
    for (let j = i; j < end; j++) {
      const m = lines[j]!.trim();
      if (m.length > 2000 || m.startsWith('#')) continue;
      if (!compared && /\s-(?:lt|le|gt|ge|ne|eq)\s|[<>]=?\s*\$?\{?\w|grep\s+-v\b[^\n]*100/.test(m)) compared = true;
      if (compared && /^exit[ \t]+[1-9]/.test(m)) {
        return {
          tool: {
            name: 'coverage check script',
            kinds: ['coverage', 'coverage-gate'],
            implied: `${path} exits non-zero when coverage is below its bar`,
          },
          hop: { path, line: i + 1, text: l.slice(0, 200) },
        };
      }
    }
  }
  return undefined;
}

function cloneTarget(argv: string[]): { url: string; dir: string } | undefined {
  if (argv[0] !== 'git' || argv[1] !== 'clone') return undefined;
  const words = positionals(argv.slice(2), ['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config']);
  const url = words[0];
  if (!url) return undefined;
  const dir =
    words[1] ??
    url
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .split(/[/:]/)
      .pop();
  return dir && !dir.includes('$') ? { url, dir } : undefined;
}

/** PowerShell `& dotnet test`, batch `call x` / `@echo off`: close enough to sh for command lines. */
function psOrBat(text: string, path: string): string {
  if (/\.(?:cmd|bat)$/i.test(path)) return text.replace(/^[ \t]*@/gm, '').replace(/^[ \t]*(?:rem|::)\b.*$/gim, '');
  if (/\.ps1$/i.test(path))
    return (
      text
        // A `<# … #>` block is blanked, its line breaks kept: every later command keeps its true line.
        .replace(/^[ \t]*<#[\s\S]*?#>/gm, (c) => c.replace(/[^\n]/g, ''))
        // psake/Invoke-Build `Exec { dotnet test }` and `exec { & dotnet test }` run the block's command.
        // A block spread over lines keeps its line breaks after the command, so later lines keep their numbers.
        .replace(
          /^([ \t]*)exec\s*\{\s*(.*?)\s*\}[ \t]*(?:-\w+.*)?$/gim,
          (m, indent: string, cmd: string) => `${indent}${cmd}${'\n'.repeat(m.split('\n').length - 1)}`,
        )
        .replace(/^[ \t]*&[ \t]*/gm, '')
    );
  return text;
}

/** A workflow only other workflows call (`on: workflow_call`) is followed from its callers. */
function onlyCalled(f: CiFile, callers: Set<string>): boolean {
  if (f.system !== 'github-actions' || !callers.has(f.path)) return false;
  const keys = workflowTriggers(f);
  return keys.length > 0 && keys.every((k) => k === 'workflow_call');
}

/** view: how a script is seen as a task dispatcher (a test counts the views through it). */
export function buildGraph(
  files: FileView,
  view: typeof dispatcherView = dispatcherView,
  /** The CI files to start from: every one (ciFiles), or those found by name (namedCiFiles). */
  found: CiFile[] = ciFiles(files),
): CommandGraph {
  const w = new Walker(files, view);
  const ci = found.filter((f) => f.ok);
  const callers = new Set(
    ci.flatMap((f) =>
      f.commands
        .filter((c) => c.kind === 'uses' && c.text.startsWith('./'))
        .map((c) => joinPath('', c.text.replace(/@[\s\S]*$/, ''))),
    ),
  );
  const extra = ciDefaults(files, ci);
  for (const f of [...ci, ...extra.extraFiles]) {
    if (onlyCalled(f, callers)) continue;
    walkCiFile(w, f);
  }
  for (const d of extra.defaults) {
    const origin = { kind: 'ci' as const, system: d.system, path: d.hop.path, ...(d.job ? { job: d.job } : {}) };
    // A default's script is cited where the default comes from (its block's hop): no second hop on the same line.
    w.expand(d.expansion, { origin, chain: [], cwd: '' });
    if (d.expansion.tools?.length) w.emit([d.hop.text], d.expansion.tools, { origin, chain: [d.hop], cwd: '' });
    // A shared-library step of another repository (Jenkins `withPipeline(…)`): what it runs is not known here.
    if (d.expansion.unresolved)
      w.note(
        [d.hop],
        d.expansion.unresolved,
        d.expansion.remote ? { ref: d.expansion.remote, ...(d.job ? { job: d.job } : {}) } : undefined,
      );
  }
  // pre-commit.ci runs the hooks on every pull request: a CI job, cited at its `ci:` block.
  const pci = preCommitCiOrigin(files);
  if (pci) {
    const origin = { kind: 'ci' as const, system: pci.system, path: pci.path, job: 'pre-commit.ci' };
    w.expand(pci.expansion, { origin, chain: [pci.hop], cwd: '' });
  }
  for (const h of hookOrigins(files)) {
    const origin = { kind: 'hook' as const, system: h.system, path: h.path };
    w.expand(h.expansion, { origin, chain: [], cwd: '' });
  }
  markClusterInstalls(files, ci, w.runs);
  const runnerConfigs = runnerConfigsOf(files, w.runs);
  // Read now, with the other facts, so that the scan reuses the text instead of reading it again.
  for (const c of runnerConfigs) files.read(c.path);
  return { runs: w.runs, unresolved: w.unresolved, runnerConfigs, ...(w.spent ? { spent: w.spent } : {}) };
}

/** Runners whose config file a command may name, and the flags that name it. */
const CONFIG_FLAGS: Record<string, string[]> = table({
  jest: ['--config', '-c'],
  vitest: ['--config', '-c'],
  mocha: ['--config'],
  playwright: ['--config', '-c'],
  cypress: ['--config-file', '-C'],
  pytest: ['-c', '--config-file'],
});

function runnerConfigsOf(files: FileView, runs: CommandRun[]): CommandGraph['runnerConfigs'] {
  const out: CommandGraph['runnerConfigs'] = [];
  const add = (argv: string[], cwd: string) => {
    const head = argv[0] ?? '';
    const runner = head.slice(head.lastIndexOf('/') + 1);
    // `karma start test/karma.js`: Karma takes its config as the operand of `start`/`run`.
    if (runner === 'karma') {
      const value = argv[1] === 'start' || argv[1] === 'run' ? argv[2] : undefined;
      if (!value || value.startsWith('-') || value.includes('$')) return;
      const path = joinPath(cwd, value);
      if (files.exists(path) && !out.some((c) => c.path === path)) out.push({ runner, path });
      return;
    }
    const flags = own(CONFIG_FLAGS, runner);
    if (!flags) return;
    const i = argv.findIndex((a) => flags.includes(a) || flags.some((f) => a.startsWith(`${f}=`)));
    const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
    if (!value || value.includes('$')) return;
    const path = joinPath(cwd, value);
    if (files.exists(path) && !out.some((c) => c.path === path)) out.push({ runner, path });
  };
  for (const pkg of files.named('package.json')) {
    if (pkg.includes('node_modules/')) continue;
    const json = files.readJson<{ scripts?: Record<string, unknown> }>(pkg);
    const scripts = json.ok && json.value?.scripts && typeof json.value.scripts === 'object' ? json.value.scripts : {};
    const dir = pkg.includes('/') ? pkg.slice(0, pkg.lastIndexOf('/')) : '';
    for (const v of Object.values(scripts)) if (typeof v === 'string') for (const c of commandsOf(v)) add(c.argv, dir);
  }
  for (const r of runs) add(r.argv, '');
  return out;
}

/** Every step of a CI file: shell steps as text, `uses:` steps through their actions. */
function walkCiFile(w: Walker, f: CiFile): void {
  const steps = new Map<string, CiCommand[]>();
  for (const c of f.commands) {
    const key = c.kind === 'uses' ? `u${c.job ?? ''}:${c.line}:${c.text}` : `s${c.job ?? ''}#${c.step ?? c.line}`;
    pushTo(steps, key, c);
  }
  for (const cmds of steps.values()) {
    const c = cmds[0]!;
    const origin = { kind: 'ci' as const, system: f.system, path: f.path, ...(c.job ? { job: c.job } : {}) };
    const frame: Frame = { origin, chain: [], cwd: c.cwd ?? '', ...(c.advisory ? { advisory: c.advisory } : {}) };
    if (c.kind === 'uses') {
      w.uses(
        {
          ref: c.text,
          ...(c.with ? { with: c.with } : {}),
          hop: { path: f.path, line: c.line, text: c.text },
          cwd: c.cwd ?? '',
        },
        frame,
      );
      continue;
    }
    const { text, line } = stepText(cmds);
    w.shell(text, line, f.path, undefined, frame, undefined, c.env);
  }
}

/** The name of the install test a chart's `helm install --wait` into a throwaway cluster is (see productTestRuns). */
export const CLUSTER_INSTALL = 'helm install --wait on a throwaway cluster';

/**
 * `helm install … --wait` (or `--atomic`) in a job that creates a throwaway cluster (kind, minikube,
 * k3d) installs the repository's chart and waits until its workloads are ready: an install test of the chart,
 * named as such beside the Helm deploy it also is (round 12, a chart repository's kind job).
 */
function markClusterInstalls(files: FileView, ci: CiFile[], runs: CommandRun[]): void {
  const jobs = throwawayClusterJobs(runs);
  for (const f of ci)
    for (const c of f.commands) if (c.job && THROWAWAY_CLUSTER_STEP.test(c.text)) jobs.add(`${f.path}#${c.job}`);
  if (!jobs.size) return;
  for (const r of runs) {
    if (r.origin.kind !== 'ci' || !jobs.has(`${r.origin.path}#${r.origin.job}`)) continue;
    if (!r.tools.some((t) => t.name === 'Helm') || !r.argv.some((a) => /^--(?:wait|atomic|wait-for-jobs)\b/.test(a)))
      continue;
    // The repository's own chart (`./keda/`), not one it installs beside it (`prometheus-community/…`).
    const chart = helmChartArg(r.argv);
    if (!chart || !files.exists(joinPath(joinPath('', chart), 'Chart.yaml'))) continue;
    r.tools = [{ name: CLUSTER_INSTALL, kinds: [] }, ...r.tools];
  }
}

const HELM_VALUED = [
  '-n',
  '--namespace',
  '-f',
  '--values',
  '--set',
  '--set-string',
  '--set-file',
  '--set-json',
  '--version',
  '--timeout',
  '--kube-context',
  '--kubeconfig',
  '--repo',
  '--description',
  '--post-renderer',
  '-o',
  '--output',
];

/** The chart of `helm install [NAME] CHART …` / `helm upgrade --install NAME CHART …`. */
function helmChartArg(argv: string[]): string | undefined {
  const sub = argv.findIndex((a) => a === 'install' || a === 'upgrade');
  if (sub < 0) return undefined;
  const words = positionals(argv.slice(sub + 1), HELM_VALUED);
  return argv.includes('--generate-name') || argv.includes('-g') ? words[0] : words[1];
}
