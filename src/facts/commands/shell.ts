/**
 * Shell text as commands, never executed: logical lines (continuations joined, heredoc bodies and
 * comments dropped, each with its first line number), split into simple commands by shell-quote
 * (quotes, escapes and operators the way sh reads them), with control keywords, redirections and
 * the wrappers that only change how a tool starts (`npx`, `poetry run`, `FOO=1`, `sudo`) removed,
 * so that a command's first word is the program it runs: `echo pytest` runs echo.
 */
import { parse } from 'shell-quote';
import { type ContainerRef, containerCommand } from './container.js';

export interface ShellLine {
  text: string;
  line: number;
  /**
   * The body of the heredoc the line opens (`ssh host <<EOF`, `bash -s <<'EOF'`): not commands of
   * this script, but the commands a remote or child shell reads from it (at most 500 lines).
   */
  heredoc?: { text: string; line: number };
}

const HEREDOC_MAX_LINES = 500;

/** Lines of a script; `\`-continued lines join the first, heredoc bodies are not commands. */
export function logicalLines(text: string, firstLine = 1): ShellLine[] {
  const out: ShellLine[] = [];
  const raw = text.split(/\r?\n/);
  let heredoc: string | undefined;
  // The line that opened the heredoc, its body collected (unquoted delimiters expand `\$`, `\``).
  let body: { owner: ShellLine; lines: string[]; quoted: boolean; at: number } | undefined;
  let acc = '';
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!;
    if (heredoc !== undefined) {
      if (l.replace(/^\t+/, '').trim() === heredoc) {
        heredoc = undefined;
        if (body?.lines.length) {
          const text = body.lines.join('\n');
          body.owner.heredoc = { text: body.quoted ? text : text.replace(/\\([$`\\])/g, '$1'), line: body.at };
        }
        body = undefined;
      } else if (body && body.lines.length < HEREDOC_MAX_LINES) body.lines.push(l);
      continue;
    }
    if (!acc) start = i;
    const cont = /(^|[^\\])\\$/.test(l);
    acc += cont ? `${l.slice(0, -1)} ` : l;
    if (cont && i < raw.length - 1) continue;
    // A quoted string that spans lines (`awk '{ …\n next }'`) is one word: its lines are not commands.
    if (openQuote(acc) && i < raw.length - 1 && i - start < 200) {
      acc += '\n';
      continue;
    }
    const t = acc.trim();
    acc = '';
    const hd = /<<-?\s*(['"]?)([\w-]+)\1/.exec(t);
    if (hd) heredoc = hd[2]!;
    if (t && !t.startsWith('#') && !t.startsWith('//')) {
      const owner: ShellLine = { text: t, line: firstLine + start };
      out.push(owner);
      if (hd) body = { owner, lines: [], quoted: hd[1] !== '', at: firstLine + i + 1 };
    }
  }
  return out;
}

/** Whether a quote is still open at the end of the text (sh rules: no escapes inside '…'). */
function openQuote(text: string): boolean {
  let q: string | undefined;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (q === "'") {
      if (c === "'") q = undefined;
    } else if (c === '\\') k++;
    else if (q === '"') {
      if (c === '"') q = undefined;
    } else if (c === "'" || c === '"') q = c;
    else if (c === '#' && (k === 0 || /\s/.test(text[k - 1]!))) return false;
  }
  return q !== undefined;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '{', '}', '!', 'time']);
const REDIRECT = new Set(['<', '>', '>>', '>&', '<&', '&>', '>|', '<<<', '<<', '<<-']);
/** Commands that look a program up rather than run it. */
const LOOKUP = new Set(['command', 'which', 'type', 'hash', 'whereis']);

type Token = ReturnType<typeof parse>[number];

/**
 * The simple commands of one logical line, each as its words. `$(…)` bodies are commands of their
 * own; `for x in …`, `case` patterns and function headers are not commands.
 */
export function simpleCommands(
  text: string,
  soft?: boolean[],
  env?: ReadonlyMap<string, string>,
  assigned?: [string, string][],
): string[][] {
  return commandsAt(text, soft, env, assigned, 0);
}

/** simpleCommands inside `nesting` quoted substitutions (`"$(…)"`): three deep at most are read. */
function commandsAt(
  text: string,
  soft: boolean[] | undefined,
  env: ReadonlyMap<string, string> | undefined,
  assigned: [string, string][] | undefined,
  nesting: number,
): string[][] {
  let tokens: Token[];
  try {
    // Variables stay as written (`$PYTEST`): nothing from the environment is used, only what the
    // script itself sets (`env`: its arguments and assignments). CI expressions (`${{ matrix.python }}`
    // in GitHub, `${{ parameters.x }}` in Azure) are values, not shell.
    // A secret, variable or env value keeps its name (`${{ secrets.DEPLOY_HOOK }}` → `$DEPLOY_HOOK`): the name says what it holds.
    const plain = text
      .replace(/\$\{\{\s*(?:secrets|vars|env)\.([A-Za-z_]\w*)\s*\}\}/g, '$$$1')
      // An interpreter named with its version from the matrix (`php${{ matrix.php }} ./vendor/bin/phpunit`,
      // `python${{ matrix.python }} -m pytest`) is that interpreter (issue 15, blind round 47).
      .replace(/(?<![\w$/.-])(php|python3?|pypy3?|ruby|node|perl)\$\{\{(?:[^}]|\}(?!\}))*\}\}(?=[\s;|&)]|$)/g, '$1')
      // Up to the closing `}}`: an expression may hold braces of its own (`format('python{0}', …)`).
      .replace(/\$\{\{(?:[^}]|\}(?!\}))*\}\}/g, '$CI_EXPR')
      .replace(/\$\{?(MAKE)\}?|\$\((MAKE)\)/g, 'make')
      // `${ARGS//$'\n'/ }`, `${REF#refs/tags/}`: the variable with its text edited, one value (the
      // parser throws on the pattern); `for ((i=1; i<=N; i++))` is a loop header, no program.
      .replace(/\$\{([A-Za-z_]\w*)(?:\/\/?|##?|%%?|\^\^?|,,?)[^}]*\}/g, '$$$1')
      .replace(/\bfor\s*\(\(.*?\)\)/g, 'for _ in _')
      // `"${@:-help}"`, `${1:-build}`: the script's arguments when it has them, else the default.
      .replace(/\$\{([@*]|[1-9]):-([\w:.-]{0,40})\}/g, (_m, k: string, d: string) => (env?.has(k) ? `$${k}` : d))
      // `exec "$@"` (an environment wrapper: `scripts/run-in-env.sh ruff check` activates a venv and
      // runs its arguments) is each argument a word of its own, not one word: quoted `"$@"` splits
      // (blind round 50: pre-commit's `entry: scripts/run-in-env.sh ruff check` in CI was not linting).
      // Only plain words are put back in: nothing that the shell would read as an operator.
      .replace(/"\$(?:@|\{@\})"/g, (m) => {
        const all = env?.get('@');
        return all !== undefined && /^[\w@%+=:,./ -]{1,400}$/.test(all) ? all : m;
      })
      // `\`cmd\`` is the old spelling of `$(cmd)`.
      .replace(/`([^`]*)`/g, '$$($1)')
      // A `#` inside a word is no comment (`nix run .#lint`, `pkgs#jq`, `url#anchor`): shell-quote
      // takes it for one, so it is kept aside and put back in the words.
      .replace(/(?<=[^\s#{$])#/g, '\u0003');
    tokens = parse(plain, (k) => env?.get(k) ?? `\u0001${k}\u0002`).map((t) =>
      typeof t === 'string'
        ? t.replace(/\u0003/g, '#')
        : 'pattern' in t
          ? { ...t, pattern: t.pattern.replace(/\u0003/g, '#') }
          : 'comment' in t
            ? { ...t, comment: t.comment.replace(/\u0003/g, '#') }
            : t,
    );
  } catch {
    return [];
  }
  const out: string[][] = [];
  let cur: string[] = [];
  // `$( … )` inside a command: its commands run first, the command around it goes on after `)`.
  const outer: { cur: string[]; depth: number; cond: boolean }[] = [];
  let depth = 0;
  // Inside `[[ … ]]`: a conditional expression, whose `|`, `(`, `<`, `&&` are operators of the test
  // (`[[ $f =~ ^(env/|docs/) ]]`), not pipes and groups of commands; `$(…)` inside still runs.
  let cond = false;
  let skipNext = false;
  // `cmd || true`: the command runs, but its failure is swallowed (recorded in `soft`).
  const swallowed = new Set<number>();
  let afterOr = false;
  const flush = () => {
    if (cur.length) {
      // `test -z "$(gofmt -l .)"`: a substitution inside double quotes runs its commands first too
      // (the parser leaves it a word: `$(` read as an empty variable, then the text).
      if (nesting < 3)
        cur = cur.map((w) => {
          const at = w.indexOf('\u0001\u0002(');
          if (at < 0) return w;
          const body = quotedSubstitution(w, at + 3);
          if (body === undefined) return w;
          out.push(...commandsAt(body, undefined, env, undefined, nesting + 1));
          return `${w.slice(0, at)}\u0001SUBST\u0002${w.slice(at + 3 + body.length + 1)}`;
        });
      if (afterOr && out.length && /^(?:true|:|exit\s+0|echo\b.*)$/.test(cur.join(' '))) swallowed.add(out.length - 1);
      out.push(cur);
    }
    cur = [];
  };
  for (const t of tokens) {
    if (typeof t === 'string') {
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (cur.length === 0 && KEYWORDS.has(t)) continue;
      if (cur.length === 0 && t === '[[') cond = true;
      else if (cond && t === ']]') cond = false;
      cur.push(t);
      continue;
    }
    if ('comment' in t) {
      if (!cond) break;
      continue;
    }
    if ('op' in t) {
      const opensSubst = t.op === '(' && cur.length > 0 && /(?:^\$|\u0001\u0002)$/.test(cur[cur.length - 1]!);
      if (cond && t.op !== 'glob' && !opensSubst) continue;
      if (t.op === 'glob') {
        if (!skipNext) cur.push((t as { pattern: string }).pattern);
        skipNext = false;
      } else if (REDIRECT.has(t.op)) skipNext = true;
      else if (opensSubst) {
        // The parser reads `$(` as an empty variable then `(`: the word stands for the output.
        const w = cur.pop()!.replace(/(?:\$|\u0001\u0002)$/, '\u0001SUBST\u0002');
        outer.push({ cur: [...cur, w], depth, cond });
        cur = [];
        depth = 0;
        cond = false;
      } else if (t.op === ')' && depth === 0 && outer.length) {
        flush();
        const o = outer.pop()!;
        cur = o.cur;
        depth = o.depth;
        cond = o.cond;
      } else {
        if (t.op === '(') depth++;
        else if (t.op === ')' && depth > 0) depth--;
        flush();
        afterOr = t.op === '||';
      }
    }
  }
  flush();
  for (let o = outer.pop(); o; o = outer.pop()) {
    cur = o.cur;
    flush();
  }
  const kept: string[][] = [];
  out.forEach((argv, i) => {
    // `ACTION=lint`, `ACTION=$1` (already substituted): values a script uses later.
    // A command line held in a variable (`dc="docker compose --file envs/compose-$2.yml"`, then
    // `$dc run web bin/rails test`) is kept too, its own variables as written: its program is literal.
    if (assigned && argv.every((w) => /^[A-Za-z_]\w*=/.test(w)))
      for (const w of argv) {
        const value = w.slice(w.indexOf('=') + 1);
        if (!w.includes('\u0001')) assigned.push([w.slice(0, w.indexOf('=')), value]);
        else if (/^[\w./-]+\s+\S/.test(value))
          assigned.push([w.slice(0, w.indexOf('=')), value.replace(/\u0001(\w+)\u0002/g, '$$$1')]);
      }
    // An unquoted variable that holds a command line splits into its words (`$dc run web …`).
    const head = argv[0];
    const split =
      head && /^[\w./-]+\s+\S/.test(head) && !/^[A-Za-z_]\w*=/.test(head)
        ? [...head.trim().split(/\s+/), ...argv.slice(1)]
        : argv;
    const words = unmark(split);
    if (isDeclaration(words)) return;
    kept.push(words);
    soft?.push(swallowed.has(i));
  });
  return kept;
}

/** The body of a `$(…)` from just after its `(` to the matching `)`, or undefined when unbalanced. */
function quotedSubstitution(word: string, from: number): string | undefined {
  let depth = 0;
  for (let k = from; k < word.length; k++) {
    const c = word[k]!;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return word.slice(from, k);
      depth--;
    }
  }
  return undefined;
}

/**
 * Variables were marked while parsing. A program written as `${PREFIX}pytest` or `$VENV/bin/ruff`
 * is the program after the variable (a venv prefix, a tool directory); elsewhere a variable stays
 * as written.
 */
function unmark(argv: string[]): string[] {
  const asWritten = (w: string) => w.replace(/\u0001(\w+)\u0002/g, '$$$1');
  const head = argv[0]!;
  const program = head.replace(/^(?:\u0001\w+\u0002)+\/?/, '');
  return [
    program && /^[\w.]/.test(program) && program !== head ? program : asWritten(head),
    ...argv.slice(1).map(asWritten),
  ];
}

/** `for f in …`, `case $x in`, `pattern)`, `foo() {`, `local x=…`: structure, not a program run. */
function isDeclaration(argv: string[]): boolean {
  const a = argv[0]!;
  if (['for', 'case', 'esac', 'function', 'select', 'local', 'export', 'declare', 'readonly', 'set'].includes(a))
    return true;
  if (/\)$/.test(a) && argv.length === 1) return true;
  if (/^[\w-]+\(\)$/.test(a)) return true;
  if (argv.length >= 2 && argv[1] === '()') return true;
  return argv.every((w) => /^[A-Za-z_]\w*=/.test(w));
}

export interface Normalised {
  argv: string[];
  /** A directory the command changes to for what follows on its line (`cd api`). */
  cd?: string;
  /** The directory the program runs in, relative to the command's (`pnpm -C apps/core exec vitest`). */
  dir?: string;
  /** The words removed in front (`npx`, `poetry run`), for the evidence. */
  via?: string;
  /** Each wrapper removed, as its words: a wrapper may do work of its own (`nyc --check-coverage`, `coverage run`). */
  wrappers?: string[][];
  /** The container the command runs in (`docker compose exec backend …`): its paths are the container's. */
  container?: ContainerRef;
}

/**
 * Strips what only changes how a program starts: environment assignments, `env`, `sudo`,
 * `timeout 60`, `xvfb-run`, package runners (`npx`, `pnpm exec`, `yarn dlx`, `bunx`, `poetry run`,
 * `uv run`, `pipenv run`, `pdm run`, `bundle exec`), `python -m X` and `coverage run -m X`, paths
 * to a binary (`./node_modules/.bin/jest` → `jest`), and `go run <tool-module>`.
 */
const PS_WRAPPED = new Set([
  'dotnet',
  'msbuild',
  'nuget',
  'npm',
  'yarn',
  'pnpm',
  'cargo',
  'go',
  'gradle',
  'mvn',
  'pytest',
]);

export function normalise(words: string[]): Normalised | undefined {
  let argv = [...words];
  const via: string[] = [];
  const wrappers: string[][] = [];
  let container: ContainerRef | undefined;
  let dir: string | undefined;
  for (let guard = 0; guard < 12 && argv.length; guard++) {
    const [a, b] = [argv[0]!, argv[1]];
    if (/^[A-Za-z_]\w*=(?!=)/.test(a)) {
      argv = argv.slice(1);
      continue;
    }
    if (a === 'cd') return argv[1] ? { argv: [], cd: argv[1] } : undefined;
    // A PowerShell wrapper named after the program runs it (posh-build `Invoke-Dotnet test …`, `Invoke-MSBuild`).
    const ps = /^Invoke-(\w+)$/i.exec(a);
    if (ps && PS_WRAPPED.has(ps[1]!.toLowerCase())) {
      argv = [ps[1]!.toLowerCase(), ...argv.slice(1)];
      continue;
    }
    if (LOOKUP.has(a) || a === 'echo' || a === 'printf') return { argv };
    // `pnpm -C apps/core exec vitest`, `npm --prefix web exec jest`, `yarn --cwd app dlx x`: the package runner
    // runs the program in that directory (a script name after the flag is the script resolver's to follow).
    const pmDir = PM_DIR.has(a) ? /^(?:-C|--dir|--prefix|--cwd)(?:=(.+))?$/.exec(b ?? '') : null;
    if (pmDir) {
      const d = pmDir[1] ?? argv[2];
      const rest = argv.slice(pmDir[1] ? 2 : 3);
      if (d && (rest[0] === 'exec' || rest[0] === 'dlx')) {
        dir = dir ? `${dir}/${d}` : d;
        argv = [a, ...rest];
        continue;
      }
    }
    // `step xargs typos`, `run find . -exec shfmt {} +`: a helper of the script's own (a function that logs and
    // runs "$@") in front of xargs or find: the program after them is in command position (blind round 39).
    if (
      (b === 'xargs' || (b === 'find' && argv.includes('-exec'))) &&
      /^[a-z][\w-]{0,40}$/.test(a) &&
      !NOT_WRAPPERS.has(a)
    ) {
      via.push(a);
      argv = argv.slice(1);
      continue;
    }
    const skip = wrapperLength(argv);
    if (skip > 0) {
      wrappers.push(argv.slice(0, skip));
      via.push(argv.slice(0, skip).join(' '));
      argv = argv.slice(skip);
      // A package runner names a package, pinned or not (`uvx ruff@0.6.0`, `npx prettier@3.3.0`, `uvx black==24.1.0`,
      // `pnpm dlx @biomejs/biome@1.9.0`): the program is the package's.
      if (PACKAGE_RUNNER.test(via[via.length - 1]!) && argv[0]) argv = [packageProgram(argv[0]), ...argv.slice(1)];
      continue;
    }
    // Interpreter options before the script or module (`python -Wa manage.py test`, `python -X dev -m pytest`).
    if (/^python[\d.]*$|^py$/.test(a) && b?.startsWith('-') && b !== '-m' && b !== '-c') {
      let i = 1;
      while (argv[i]?.startsWith('-') && argv[i] !== '-m' && argv[i] !== '-c') i += /^-[WXQ]$/.test(argv[i]!) ? 2 : 1;
      argv = [a, ...argv.slice(i)];
      continue;
    }
    if (/^python[\d.]*$|^py$/.test(a) && b === '-m' && argv[2]) {
      via.push(`${a} -m`);
      argv = moduleRun(argv[2]!, argv.slice(3));
      continue;
    }
    // PHP ini settings before the script (`php -d memory_limit=1G vendor/bin/phpstan`, `php -dxdebug.mode=coverage`,
    // `php -n -c php.ini x`); `-r code`, `-l file` and the others are PHP's own commands and stay.
    if (/^php[\d.]*$/.test(a) && /^-(?:[dc].*|n|q|e)$/.test(b ?? '')) {
      let i = 1;
      while (/^-(?:[dc].*|n|q|e)$/.test(argv[i] ?? '')) i += /^-[dc]$/.test(argv[i]!) ? 2 : 1;
      argv = [a, ...argv.slice(i)];
      continue;
    }
    // `php vendor/bin/phpunit`, `python manage.py test`, `node node_modules/.bin/jest`: the script is the program.
    if ((/^php[\d.]*$/.test(a) || /^python[\d.]*$/.test(a)) && b && !b.startsWith('-')) {
      argv = argv.slice(1);
      continue;
    }
    // A path to a package's binary is that program (`./node_modules/.bin/jest`, `vendor/bin/phpunit`,
    // `.venv/bin/pytest`, Rails binstubs `bin/rails`, `bin/rspec`): resolvers know it by its name (round 19).
    const bin = PACKAGE_BIN.exec(a)?.[1] ?? RAILS_BINSTUB.exec(a)?.[1];
    if (bin) {
      argv = [bin, ...argv.slice(1)];
      continue;
    }
    const nm = a === 'node' && b ? /(?:^|\/)node_modules\/(?:\.bin\/([\w.-]+)|(@?[\w.-]+)\/bin\/)/.exec(b) : null;
    if (nm) {
      argv = [nm[1] ?? nm[2]!, ...argv.slice(2)];
      continue;
    }
    if (a === 'coverage' && b === 'run') {
      // `-m X` and `--module X` (`coverage run --source=. --module manage test`, round 8).
      const m = argv.findIndex((w) => w === '-m' || w === '--module');
      wrappers.push(m > 0 ? argv.slice(0, m) : ['coverage', 'run']);
      via.push('coverage run');
      if (m > 0 && argv[m + 1]) argv = moduleRun(argv[m + 1]!, argv.slice(m + 2));
      else {
        // Coverage's own options come before the script; the script's arguments after it stay its own.
        let i = 2;
        while (argv[i]?.startsWith('-')) i += COVERAGE_VALUED.has(argv[i]!) ? 2 : 1;
        argv = ['python', ...argv.slice(i)];
      }
      continue;
    }
    // `find . -name '*.sh' -exec shellcheck {} +`: the program -exec starts for the files found.
    const ex = a === 'find' ? argv.findIndex((w) => w === '-exec' || w === '-execdir') : -1;
    if (ex > 0 && argv[ex + 1]) {
      const end = argv.findIndex((w, i) => i > ex && (w === ';' || w === '+'));
      via.push(argv.slice(0, ex + 1).join(' '));
      argv = argv.slice(ex + 1, end < 0 ? undefined : end);
      continue;
    }
    const c = containerCommand(argv);
    if (c) {
      via.push(argv.slice(0, argv.length - c.inner.length).join(' '));
      argv = c.inner;
      container = c.ref;
      continue;
    }
    // `go tool golangci-lint run` (a tool declared in go.mod's `tool` directive) runs that tool; Go's own
    // tools (`go tool cover`, `go tool pprof`) stay as they are.
    if (a === 'go' && b === 'tool' && argv[2] && !argv[2].startsWith('-') && !GO_BUILTIN_TOOLS.has(argv[2])) {
      via.push(`go tool ${argv[2]}`);
      argv = [argv[2].split('/').pop()!, ...argv.slice(3)];
      continue;
    }
    if (a === 'go' && b === 'run' && argv[2] && /^[\w.-]+\.\w+\/.+/.test(argv[2]) && !argv[2].endsWith('.go')) {
      via.push(`go run ${argv[2]}`);
      argv = [
        argv[2]
          .replace(/@[\s\S]*$/, '')
          .split('/')
          .pop()!,
        ...argv.slice(3),
      ];
      continue;
    }
    break;
  }
  if (argv.length === 0) return undefined;
  return {
    argv,
    ...(via.length ? { via: via.join(' '), wrappers } : {}),
    ...(container ? { container } : {}),
    ...(dir ? { dir } : {}),
  };
}

/** A package manager's or virtualenv's binary directory: `node_modules/.bin/X`, Composer's `vendor/bin/X`, `.venv/bin/X`. */
const PACKAGE_BIN =
  /^(?:\.\/)?(?:[\w.-]+\/)*(?:node_modules\/\.bin|vendor\/bin|\.?venv\/bin|\.?env\/bin|\.venv\/Scripts)\/([\w.-]+?)(?:\.exe|\.cmd)?$/;
/** Rails binstubs (`bin/rails`, `bin/rake`, `bin/rspec`, `bin/rubocop`): the gem's program, started through Bundler. */
const RAILS_BINSTUB =
  /^(?:\.\/)?bin\/(rails|rake|rspec|rubocop|brakeman|bundle|bundler-audit|standardrb|erb_lint|erblint)$/;

const PACKAGE_RUNNER = /^(?:npx|bunx|pnpx|uvx|uv tool run|pipx run|(?:npm|pnpm|yarn) (?:exec|dlx))\b/;

/** `ruff@0.6.0` → `ruff`, `black==24.1.0` → `black`, `@biomejs/biome@1.9.0` → `@biomejs/biome`. */
const packageProgram = (spec: string): string => spec.replace(/(?<=.)@[^/@]*$/, '').replace(/(?:[=<>!~]=|[<>]).*$/, '');

const COVERAGE_VALUED = new Set([
  '--rcfile',
  '--source',
  '--omit',
  '--include',
  '--context',
  '--concurrency',
  '--data-file',
  '--debug',
]);

/** Programs that take a program's name as an argument without running it. */
const NOT_WRAPPERS = new Set([
  'man',
  'info',
  'apt',
  'apt-get',
  'apk',
  'brew',
  'yum',
  'dnf',
  'help',
  'whatis',
  'whereis',
]);

const PM_DIR = new Set(['npm', 'pnpm', 'yarn', 'bun']);

const GO_BUILTIN_TOOLS = new Set(
  'addr2line asm buildid cgo compile covdata cover dist doc fix link nm objdump pack pprof test2json trace vet'.split(
    ' ',
  ),
);

const NYC_VALUED =
  '-r --reporter --report-dir -x --exclude -n --include --lines --statements --branches --functions --temp-dir --cwd -e --extension --require -i --src -o --reports-dir'.split(
    ' ',
  );

const UVX_VALUED = [
  '-p',
  '--package',
  '--from',
  '--with',
  '-w',
  '--with-requirements',
  '--with-editable',
  '--python',
  '--index',
  '--index-url',
  '--extra-index-url',
];

/** Words that only start the next program: how many of them are at the front. */
function wrapperLength(argv: string[]): number {
  const [a, b] = [argv[0]!, argv[1] ?? ''];
  const flagsAfter = (n: number, valued: string[] = []) => {
    let i = n;
    while (i < argv.length && argv[i]!.startsWith('-')) i += valued.includes(argv[i]!) ? 2 : 1;
    return i;
  };
  switch (a) {
    case 'env':
      return flagsAfter(1) + argv.slice(flagsAfter(1)).findIndex((w) => !/^[A-Za-z_]\w*=/.test(w));
    case 'sudo':
      return flagsAfter(1, ['-u', '-g']);
    case 'exec':
    case 'nice':
    case 'nohup':
    case 'xvfb-run':
    case 'dbus-run-session':
      return flagsAfter(1, ['-s', '--server-args', '-n']);
    case 'timeout':
      return flagsAfter(1, ['-s', '-k']) + 1;
    // `git ls-files | xargs bandit …`: the program xargs starts with the names it reads.
    case 'xargs':
      return flagsAfter(1, ['-I', '-n', '-P', '-L', '-d', '-E', '-s', '-a', '-i']);
    case 'nyc':
    case 'c8':
      // `nyc check-coverage`, `c8 report`: a command of the tool itself, not a wrapper.
      if (/^(?:check-coverage|report|merge|instrument)$/.test(argv[flagsAfter(1, NYC_VALUED)] ?? '')) return 0;
      return flagsAfter(1, NYC_VALUED);
    case 'cross-env':
      return 1 + argv.slice(1).findIndex((w) => !/^[A-Za-z_]\w*=/.test(w));
    case 'dotenv':
    case 'dotenv-cli':
      return argv.indexOf('--') > 0 ? argv.indexOf('--') + 1 : flagsAfter(1, ['-e', '-c', '-v']);
    case 'dotenvx':
      return b === 'run' ? (argv.indexOf('--') > 0 ? argv.indexOf('--') + 1 : flagsAfter(2, ['-f', '--env-file'])) : 0;
    case 'env-cmd':
      return flagsAfter(1, ['-f', '--file', '-e', '--environments', '-r', '--rc-file']);
    case 'npx':
    case 'bunx':
    case 'pnpx':
    case 'uvx':
      return flagsAfter(1, UVX_VALUED);
    case 'pipx':
      return b === 'run' ? flagsAfter(2, ['--spec']) : 0;
    case 'npm':
    case 'pnpm':
    case 'yarn':
      return b === 'exec' || b === 'dlx'
        ? flagsAfter(2, ['-c', '--package']) + (argv[flagsAfter(2)] === '--' ? 1 : 0)
        : 0;
    case 'poetry':
    case 'rye':
    case 'conda':
    case 'micromamba':
      return b === 'run' ? flagsAfter(2, ['-n', '--name', '-p']) : 0;
    case 'uv':
      if (b === 'run') return flagsAfter(2, ['--with', '--python', '-p', '--extra', '--group', '--package']);
      // `uv tool run ruff check` is `uvx ruff check`.
      return b === 'tool' && argv[2] === 'run' ? flagsAfter(3, UVX_VALUED) : 0;
    case 'bundle':
      return b === 'exec' ? 2 : 0;
    // A version manager runs the program with its pinned tools: `mise x -- tflint`, `mise exec node@20 -- npm test`
    // (the words before `--` name tools, not the program), `asdf exec terraform validate`.
    case 'mise':
    case 'rtx':
      if (b !== 'x' && b !== 'exec') return 0;
      return argv.indexOf('--') > 1 && argv.indexOf('--') < argv.length - 1 ? argv.indexOf('--') + 1 : 0;
    case 'asdf':
      return b === 'exec' && argv[2] && !argv[2].startsWith('-') ? 2 : 0;
    case 'dotnet':
      return b === 'tool' && argv[2] === 'run' ? 3 : 0;
    // `nix develop -c make test`, `nix develop .#ci --command pytest`, `nix shell nixpkgs#jq -c jq …`:
    // the command runs in the flake's shell.
    case 'nix': {
      if (b !== 'develop' && b !== 'shell') return 0;
      const at = argv.findIndex((w, i) => i > 1 && (w === '-c' || w === '--command'));
      return at > 0 && argv[at + 1] ? at + 1 : 0;
    }
    default:
      return 0;
  }
}

/** The simple commands of a script text, normalised, each with its line. */
export function commandsOf(text: string, firstLine = 1): { argv: string[]; line: number; text: string; cd?: string }[] {
  const out: { argv: string[]; line: number; text: string; cd?: string }[] = [];
  for (const l of logicalLines(text, firstLine)) {
    for (const words of simpleCommands(l.text)) {
      const n = normalise(words);
      if (n) out.push({ argv: n.argv, line: l.line, text: l.text, ...(n.cd ? { cd: n.cd } : {}) });
    }
  }
  return out;
}

/**
 * What `python -m X …` runs: the tool X (`pytest`, `unittest`), or the project's own script X.py
 * when X names one of the entry scripts projects run as modules (Django's `manage`).
 */
function moduleRun(module: string, rest: string[]): string[] {
  if (module === 'py.test') return ['pytest', ...rest];
  if (module === 'manage') return ['python', 'manage.py', ...rest];
  return [module, ...rest];
}
