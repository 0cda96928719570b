/**
 * Package scripts: npm/yarn/pnpm/bun `run` (with npm's `pre`/`post` hooks), npm-run-all/run-s/run-p
 * and concurrently, workspace runs (`--workspaces`, `pnpm -r`, `yarn workspaces`, turbo, lerna, nx),
 * and Composer scripts. A script's body is followed as shell, where it is written in package.json.
 */
import type { CommandHop, FileView } from '../../types.js';
import { globMatcher } from '../../walk/glob.js';
import { memo } from '../../util/memo.js';
import {
  type Block,
  dirOf,
  type Expansion,
  findIn,
  flagValue,
  joinPath,
  lineOf,
  positionals,
  type Resolver,
} from './types.js';
import { escapeRe } from '../../util/regex.js';
import { nxFormat, nxTargetNames, nxTargets } from './nx.js';
import { own } from './own.js';
import { table } from '../../util/table.js';

/** The hop of a command a script runs that no file line states (a package binary, a script's own line). */
const NO_HOP: CommandHop = Object.freeze({ path: '', line: 0, text: '' });

interface Scripts {
  path: string;
  name?: string;
  scripts: Record<string, string>;
  text: string;
}

export function readScripts(files: FileView, path: string, key = 'scripts'): Scripts | undefined {
  const json = files.readJson<Record<string, unknown>>(path);
  if (!json.ok || !json.value || typeof json.value !== 'object') return undefined;
  const raw = json.value[key];
  const scripts: Record<string, string> = Object.create(null);
  if (raw && typeof raw === 'object' && !Array.isArray(raw))
    for (const [k, v] of Object.entries(raw)) {
      if (typeof v === 'string') scripts[k] = v;
      // Composer: a list of commands; `@name` runs another script, `@php x` runs php.
      else if (Array.isArray(v)) scripts[k] = v.filter((x) => typeof x === 'string').join('\n');
    }
  const name = typeof json.value.name === 'string' ? json.value.name : undefined;
  return { path, scripts, text: files.read(path) ?? '', ...(name ? { name } : {}) };
}

/** The line of `"name":` inside the scripts object (the first such key after `"scripts"`). */
export function scriptLine(s: Scripts, name: string, key = 'scripts'): number {
  const start = lineOf(s.text, new RegExp(`^\\s*"${key}"\\s*:`)) ?? 1;
  return lineOf(s.text, new RegExp(`^\\s*"${escapeRe(name)}"\\s*:`), start) ?? start;
}

function block(s: Scripts, name: string, label: string, key = 'scripts'): Block {
  return { path: s.path, line: scriptLine(s, name, key), text: s.scripts[name]!, via: label, cwd: dirOf(s.path) };
}

/** `npm run x` runs prex, x, postx (npm and yarn 1; pnpm and bun only x). */
function runScript(s: Scripts, name: string, pm: string): Block[] {
  if (s.scripts[name] === undefined) return [];
  const hooks = pm === 'npm' || pm === 'yarn';
  const names = hooks ? [`pre${name}`, name, `post${name}`] : [name];
  return names.filter((n) => s.scripts[n] !== undefined).map((n) => block(s, n, `${pm} script ${n}`));
}

/** Every package.json below the root (workspace packages), not in node_modules. */
function workspacePackages(files: FileView): Scripts[] {
  return memo(files, 'commands:workspaces', () =>
    files
      .named('package.json')
      .filter((p) => p.includes('/') && !p.includes('node_modules/'))
      .map((p) => readScripts(files, p))
      .filter((s): s is Scripts => !!s),
  );
}

const NPM_BUILTIN = new Set(['install', 'i', 'ci', 'add', 'remove', 'uninstall', 'update', 'up', 'upgrade', 'audit']);
const YARN_BUILTIN = new Set([
  ...NPM_BUILTIN,
  'why',
  'info',
  'cache',
  'config',
  'init',
  'pack',
  'publish',
  'version',
  'set',
  'plugin',
  'node',
  'constraints',
  'dedupe',
  'explain',
  'patch',
  'npm',
  'link',
  'unlink',
  'outdated',
  'login',
  'logout',
  'global',
  'licenses',
  'list',
  'store',
  'prune',
  'rebuild',
  'fetch',
  'import',
  'generate-lock-entry',
  'check',
  'bin',
  'create',
  'exec',
  'dlx',
  'workspace',
  'workspaces',
  'install-test',
  'it',
  'publish',
  'import',
  'env',
  'setup',
  'deploy',
  'root',
]);
const PM_VALUED = ['--prefix', '-C', '--dir', '--cwd', '--filter', '-F', '-w', '--workspace', '--loglevel'];

/** `npm test`, `yarn lint`, `pnpm -r run build`, `bun run x`: the scripts they run. */
export const packageScripts: Resolver = (argv, { files, cwd }) => {
  const pm = argv[0]!;
  if (!['npm', 'yarn', 'pnpm', 'bun'].includes(pm)) return undefined;
  const dir = flagValue(argv, ['--prefix', '-C', '--dir', '--cwd']);
  const here = dir ? joinPath(cwd, dir) : cwd;
  const pos = positionals(argv.slice(1), PM_VALUED);
  let [cmd, name] = [pos[0], pos[1]];
  if (!cmd) return undefined;
  const all =
    argv.some((w) => ['-r', '--recursive', '--workspaces', '-ws'].includes(w)) ||
    (pm === 'yarn' && cmd === 'workspaces' && (pos[1] === 'run' || pos[1] === 'foreach'));
  const filter = flagValue(argv, ['--filter', '-F', '--workspace', '-w']);
  if (pm === 'yarn' && cmd === 'workspaces') name = pos.includes('run') ? pos[pos.indexOf('run') + 1] : undefined;
  else if (pm === 'yarn' && cmd === 'workspace')
    return inWorkspace(files, pos[1], pos[2] === 'run' ? pos[3] : pos[2], pm);
  else if (['run', 'run-script', 'rum', 'urn'].includes(cmd)) name = pos[1];
  else if (['test', 't', 'tst', 'start', 'stop', 'restart'].includes(cmd))
    name = cmd === 't' || cmd === 'tst' ? 'test' : cmd;
  else if (pm === 'npm' || pm === 'bun' || NPM_BUILTIN.has(cmd) || (pm === 'yarn' && YARN_BUILTIN.has(cmd)))
    return undefined;
  else if (pm === 'pnpm' && ['exec', 'dlx', 'why', 'store', 'publish', 'pack', 'link', 'env'].includes(cmd))
    return undefined;
  else name = cmd;
  if (!name) return undefined;
  if (all || filter) return acrossWorkspaces(files, here, name, pm, filter);
  const pkg = findIn(files, here, ['package.json']);
  const s = pkg ? readScripts(files, pkg) : undefined;
  if (!s) return { unresolved: `no package.json in ${here || 'the root'}`, absent: true };
  const blocks = withForwarded(runScript(s, name, pm), name, forwardedArgs(argv, pm, name));
  if (blocks.length === 0 && argv.includes('--if-present')) return { blocks: [] };
  if (blocks.length === 0 && (pm === 'yarn' || pm === 'pnpm')) {
    // Without a script of that name yarn and pnpm run the package's binary: `yarn lint-staged`, `pnpm eslint .`.
    const at = argv.indexOf(name, 1);
    if (at > 0) return { commands: [{ argv: argv.slice(at), hop: NO_HOP, cwd: here }] };
  }
  return blocks.length ? { blocks } : { unresolved: `${s.path} has no script "${name}"` };
};

/**
 * The arguments a package manager appends to the script it runs: after `--` (`npm run test -- --coverage`,
 * `npm test -- --coverage`), and for yarn, pnpm and bun also the words after the script's name
 * (`yarn test --coverage`). npm appends them to the script's command line, not to its pre/post hooks
 * (blind round 28, blues-stack: CI's `npm run test -- --coverage` over `"test": "vitest"` measured
 * coverage, read as "neither measured nor gated"). At most 20, each quoted for the shell.
 */
function forwardedArgs(argv: readonly string[], pm: string, name: string): string[] {
  const dash = argv.indexOf('--');
  let rest: readonly string[] = [];
  if (dash > 0) rest = argv.slice(dash + 1);
  else if (pm !== 'npm') {
    const at = argv.indexOf(name, 1);
    if (at > 0) rest = argv.slice(at + 1);
  }
  return rest.slice(0, 20).map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`));
}

function withForwarded(blocks: Block[], name: string, args: string[]): Block[] {
  if (args.length === 0) return blocks;
  const tail = ` ${args.join(' ')}`;
  return blocks.map((b) => (b.via.endsWith(` script ${name}`) ? { ...b, text: `${b.text}${tail}` } : b));
}

function inWorkspace(files: FileView, ws: string | undefined, name: string | undefined, pm: string): Expansion {
  const pkg = workspacePackages(files).find((p) => p.name === ws || dirOf(p.path) === ws);
  if (!pkg || !name) return { unresolved: `workspace ${ws ?? '?'} not found` };
  const blocks = runScript(pkg, name, pm);
  return blocks.length ? { blocks } : { unresolved: `${pkg.path} has no script "${name}"` };
}

function acrossWorkspaces(files: FileView, here: string, name: string, pm: string, filter?: string): Expansion {
  const wanted = filter?.replace(/^\.\//, '').replace(/\.{3}$/, '');
  const pkgs = workspacePackages(files).filter(
    (p) =>
      (!here || p.path.startsWith(`${here}/`)) &&
      (!wanted || p.name === wanted || dirOf(p.path) === wanted || globMatcher(wanted, true)(p.name ?? '')),
  );
  const blocks = pkgs.flatMap((p) => runScript(p, name, pm));
  return blocks.length
    ? { blocks }
    : { unresolved: `no workspace package has a script "${name}"`, ...(pkgs.length ? {} : { absent: true }) };
}

/** npm-run-all / run-s / run-p: script names and `lint:*` patterns. */
export const runAll: Resolver = (argv, { files, cwd }) => {
  if (!['npm-run-all', 'npm-run-all2', 'run-s', 'run-p'].includes(argv[0]!)) return undefined;
  const s = scriptsAt(files, cwd);
  if (!s) return { unresolved: `no package.json in ${cwd || 'the root'}` };
  const names = positionals(argv.slice(1), ['--max-parallel', '--npm-path', '-l']).flatMap((p) => matchScripts(s, p));
  return { blocks: names.flatMap((n) => runScript(s, n, 'npm')) };
};

/** concurrently "npm:lint" "eslint ." — each argument is a command or `npm:<script>`. */
export const concurrently: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'concurrently') return undefined;
  const s = scriptsAt(files, cwd);
  const args = positionals(argv.slice(1), [
    '-n',
    '--names',
    '-c',
    '--prefix-colors',
    '-s',
    '--success',
    '-p',
    '--prefix',
  ]);
  const blocks: Block[] = [];
  const commands: Expansion['commands'] = [];
  for (const a of args) {
    const m = /^(npm|yarn|pnpm|bun):(.+)$/.exec(a);
    if (m && s) blocks.push(...matchScripts(s, m[2]!).flatMap((n) => runScript(s, n, m[1]!)));
    // A plain command runs where concurrently is written: no hop of its own.
    else if (!m) commands.push({ argv: ['sh', '-c', a], hop: NO_HOP, cwd });
  }
  return { blocks, commands };
};

/**
 * CLIs that run commands handed to them as strings (or as package-script names), in one table: what
 * each one runs. Wrappers that run the rest of their own argv (`cross-env X=1 cmd`, `dotenv -e f --
 * cmd`, `env-cmd`, `nyc`/`c8 cmd`, `npx cmd`) are stripped in shell.ts `normalise`; npm-run-all,
 * run-s/run-p and concurrently have their resolvers above.
 */
const STRING_RUNNERS: Record<string, (args: string[]) => { commands: string[]; scripts?: string[] }> = table({
  // glob -c "tsx --test" "./test/**/*.ts" (the glob package's CLI): the command, given the matches.
  glob: (args) => {
    const i = args.findIndex((w) => w === '-c' || w === '--cmd' || w.startsWith('--cmd='));
    if (i < 0) return { commands: [] };
    const cmd = args[i]!.startsWith('--cmd=') ? args[i]!.slice(6) : args[i + 1];
    const rest = positionals(args.slice(0, i)).concat(positionals(args.slice(i + (args[i]!.includes('=') ? 1 : 2))));
    return { commands: cmd ? [[cmd, ...rest.map((r) => `'${r}'`)].join(' ')] : [] };
  },
  // cross-env-shell "X=1 npm test": the whole rest is one shell command.
  'cross-env-shell': (args) => ({ commands: args.length ? [args.join(' ')] : [] }),
  // start-server-and-test start http://localhost:3000 test: servers and the test, by script name or as commands.
  'start-server-and-test': serverAndTest,
  'server-test': serverAndTest,
  'start-test': serverAndTest,
});

function serverAndTest(args: string[]) {
  const words = positionals(args, ['--expect']).filter((w) => !/^(?:https?|tcp|http-get|https-get):|^:?\d+$/.test(w));
  return { commands: [], scripts: words };
}

export const stringRunners: Resolver = (argv, { files, cwd }) => {
  const run = own(STRING_RUNNERS, argv[0]);
  if (!run) return undefined;
  const s = scriptsAt(files, cwd);
  const { commands, scripts = [] } = run(argv.slice(1));
  const blocks: Block[] = [];
  const out: Expansion['commands'] = [];
  for (const c of commands) out.push({ argv: ['sh', '-c', c], hop: NO_HOP, cwd });
  // A word that names a package script runs that script (`start-server-and-test` runs `npm run <name>`).
  for (const w of scripts)
    if (s?.scripts[w] !== undefined) blocks.push(...runScript(s, w, 'npm'));
    else out.push({ argv: ['sh', '-c', w], hop: NO_HOP, cwd });
  return { blocks, commands: out };
};

function scriptsAt(files: FileView, cwd: string): Scripts | undefined {
  const pkg = findIn(files, cwd, ['package.json']);
  return pkg ? readScripts(files, pkg) : undefined;
}

/** `lint:*` matches one level (`lint:js`), `lint:**` any depth, as npm-run-all documents. */
function matchScripts(s: Scripts, pattern: string): string[] {
  if (!/[*?]/.test(pattern)) return s.scripts[pattern] !== undefined ? [pattern] : [];
  const re = new RegExp(
    `^${escapeRe(pattern)
      .replace(/\\\*\\\*/g, '.+')
      .replace(/\\\*/g, '[^:]+')}$`,
  );
  return Object.keys(s.scripts).filter((n) => re.test(n));
}

/** turbo run x / lerna run x / nx run-many -t x / nx affected -t x / nx x project: workspace scripts and nx targets. */
export const monorepoRunners: Resolver = (argv, { files, cwd }) => {
  const [tool, sub] = [argv[0]!, argv[1]];
  let names: string[] = [];
  if (tool === 'turbo')
    names = positionals(argv.slice(sub === 'run' ? 2 : 1), ['--filter', '-F', '--concurrency', '--cache-dir']);
  else if (tool === 'lerna' && sub === 'run')
    names = positionals(argv.slice(2), ['--scope', '--ignore', '--concurrency']).slice(0, 1);
  else if (tool === 'nx' && (sub === 'format' || sub?.startsWith('format:')))
    // Nx formats with Prettier: `nx format:check` checks, `nx format[:write]` rewrites.
    return nxFormat(sub);
  else if (tool === 'nx' && (sub === 'run-many' || sub === 'affected')) names = nxTargetNames(argv);
  // `nx affected:lint`, `nx run-many:test`: the target in the subcommand (the syntax before Nx 16).
  else if (tool === 'nx' && sub && /^(?:affected|run-many):[\w-]+$/.test(sub)) names = [sub.split(':')[1]!];
  else if (tool === 'nx' && sub === 'run' && argv[2]?.includes(':')) names = [argv[2].split(':')[1]!];
  else if (tool === 'nx' && sub && !sub.startsWith('-') && !['graph', 'reset', 'show'].includes(sub)) names = [sub];
  else return undefined;
  const blocks: Block[] = [];
  const commands: NonNullable<Expansion['commands']> = [];
  for (const name of names) {
    blocks.push(...(acrossWorkspaces(files, cwd, name, 'npm').blocks ?? []));
    if (tool === 'nx') commands.push(...nxTargets(files, name));
  }
  return blocks.length || commands.length
    ? { blocks, commands }
    : { unresolved: `no package or project defines "${names.join(', ')}"` };
};

/** composer test / composer run-script x: Composer scripts (`@other` runs another script). */
export const composerScripts: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'composer' && argv[0] !== 'composer.phar') return undefined;
  const pos = positionals(argv.slice(1), ['-d', '--working-dir']);
  const name = pos[0] === 'run-script' || pos[0] === 'run' ? pos[1] : pos[0];
  if (
    !name ||
    ['install', 'update', 'require', 'audit', 'dump-autoload', 'validate', 'config', 'global'].includes(name)
  )
    return undefined;
  const path = findIn(files, cwd, ['composer.json']);
  const s = path ? readScripts(files, path) : undefined;
  if (!s || s.scripts[name] === undefined) return { unresolved: `no Composer script "${name}"` };
  const b = block(s, name, `composer script ${name}`);
  // `@php vendor/bin/phpunit` runs php; `@lint` runs the script lint; `@putenv X=1` sets a variable.
  b.text = b.text
    .split('\n')
    .map((l) =>
      l
        .replace(/^@php\s+/, 'php ')
        .replace(/^@putenv\s.*$/, '')
        .replace(/^@(?!php\b)([\w:-]+)/, 'composer run-script $1'),
    )
    .join('\n');
  return { blocks: [b] };
};

/**
 * Commands that take `run NAME` or `test` and are no package manager: containers, other languages'
 * build tools and runners, shells and shell built-ins, system package managers, version managers.
 * A look-alike (`docker run test`, `cargo run test`, `go run test`, `echo test`) never reaches a
 * package script through the assumed-wrapper rule below.
 */
const NOT_PACKAGE_MANAGERS = new Set([
  // containers and clusters
  'docker',
  'podman',
  'nerdctl',
  'buildah',
  'docker-compose',
  'kubectl',
  'helm',
  'skaffold',
  'tilt',
  'kind',
  'minikube',
  'k3d',
  'earthly',
  'act',
  'vagrant',
  'garden',
  'devbox',
  'nix',
  'nix-shell',
  'flox',
  // other languages' tools and runners
  'cargo',
  'go',
  'deno',
  'dotnet',
  'poetry',
  'uv',
  'uvx',
  'pipenv',
  'hatch',
  'pdm',
  'rye',
  'pixi',
  'conda',
  'mamba',
  'micromamba',
  'tox',
  'nox',
  'python',
  'python3',
  'py',
  'pip',
  'pip3',
  'pipx',
  'flutter',
  'dart',
  'swift',
  'bundle',
  'bundler',
  'rails',
  'rake',
  'ruby',
  'composer',
  'php',
  'artisan',
  'mix',
  'elixir',
  'sbt',
  'gradle',
  'gradlew',
  'mvn',
  'mvnw',
  'ant',
  'java',
  'kotlin',
  'lein',
  'clojure',
  'clj',
  'stack',
  'cabal',
  'rebar3',
  'dune',
  'opam',
  'zig',
  'bazel',
  'bazelisk',
  'buck',
  'buck2',
  'pants',
  'please',
  'make',
  'gmake',
  'just',
  'task',
  'mage',
  'invoke',
  'scons',
  'ninja',
  'cmake',
  'ctest',
  'meson',
  'xcodebuild',
  'fastlane',
  'gh',
  'git',
  'terraform',
  'tofu',
  'terragrunt',
  'packer',
  'ansible',
  'ansible-playbook',
  'pulumi',
  'serverless',
  'sls',
  'cdk',
  'sam',
  'aws',
  'gcloud',
  'az',
  'firebase',
  'vercel',
  'netlify',
  'wrangler',
  'fly',
  'flyctl',
  'heroku',
  'railway',
  // JavaScript tools that are not package managers (their own `run`/`test` mean something else)
  'node',
  'npx',
  'pnpx',
  'bunx',
  'tsx',
  'ts-node',
  'vitest',
  'jest',
  'mocha',
  'playwright',
  'cypress',
  'turbo',
  'nx',
  'lerna',
  'rush',
  'wireit',
  'ultra',
  'moon',
  'volta',
  'corepack',
  'nvm',
  'fnm',
  'n',
  'asdf',
  'mise',
  'rtx',
  'pre-commit',
  'prek',
  'lefthook',
  'husky',
  'xvfb-run',
  // shells, built-ins and system tools
  'sh',
  'bash',
  'zsh',
  'dash',
  'fish',
  'pwsh',
  'powershell',
  'cmd',
  'env',
  'sudo',
  'doas',
  'time',
  'timeout',
  'nohup',
  'exec',
  'eval',
  'source',
  'echo',
  'printf',
  'cat',
  'ls',
  'cd',
  'mkdir',
  'rm',
  'rmdir',
  'cp',
  'mv',
  'touch',
  'ln',
  'chmod',
  'chown',
  'grep',
  'egrep',
  'sed',
  'awk',
  'find',
  'xargs',
  'test',
  'true',
  'false',
  'export',
  'set',
  'unset',
  'exit',
  'return',
  'sleep',
  'tee',
  'curl',
  'wget',
  'tar',
  'zip',
  'unzip',
  'jq',
  'yq',
  'head',
  'tail',
  'sort',
  'uniq',
  'wc',
  'cut',
  'tr',
  'date',
  'which',
  'command',
  'type',
  'kill',
  'wait',
  'trap',
  'read',
  'shift',
  'local',
  'declare',
  'readonly',
  'alias',
  'if',
  'then',
  'else',
  'fi',
  'for',
  'do',
  'done',
  'while',
  'case',
  'esac',
  'apt',
  'apt-get',
  'yum',
  'dnf',
  'apk',
  'brew',
  'choco',
  'winget',
  'scoop',
  'snap',
  'sdk',
  'systemctl',
  'service',
  'ssh',
  'scp',
  'rsync',
  'open',
  'start',
  'call',
  'watch',
  'parallel',
  'screen',
  'tmux',
  'su',
  'script',
  'run',
]);

/**
 * A command word the tool does not know, written as a package manager is (`W test`, `W run NAME`,
 * `W NAME`) where NAME is a script of the nearest package.json: a package-manager wrapper
 * installed by a CI step (blind round 30, etherpad: `gnpm test`, `gnpm run test:vitest`, gnpm a pnpm
 * wrapper set up by an action). Followed as pnpm would run the script, with the hop saying the
 * wrapper was assumed to be a package manager; its own flags are not forwarded. Only a plain word
 * (no path) outside NOT_PACKAGE_MANAGERS, and only when the script exists.
 */
export function assumedPackageManager(argv: readonly string[], files: FileView, cwd: string): Expansion | undefined {
  const w = argv[0];
  if (!w || argv.length < 2 || !/^[A-Za-z][\w-]{0,39}$/.test(w) || NOT_PACKAGE_MANAGERS.has(w.toLowerCase()))
    return undefined;
  const sub = argv[1]!;
  const name = sub === 'run' || sub === 'run-script' ? argv[2] : sub;
  if (!name || name.startsWith('-') || name.includes('=')) return undefined;
  const pkg = findIn(files, cwd, ['package.json']);
  const s = pkg ? readScripts(files, pkg) : undefined;
  if (!s || s.scripts[name] === undefined) return undefined;
  return {
    blocks: runScript(s, name, 'pnpm').map((b) => ({
      ...b,
      via: `${w} (not a known tool, assumed to be a package manager) script ${name}`,
    })),
  };
}
