/**
 * A command-line program whose server lives in one of its sub-commands (`vhs serve`, `hugo server`):
 * the listener is a feature the user may start, not the product's job. Blind round 33: a GIF-recording
 * CLI built on cobra, released as binaries, was judged a service for the SSH listener of its `serve`
 * sub-command, and 17 service-only rules were failed instead of not applicable.
 *
 * The same layout is a service when the program is deployed to run that sub-command: an image whose
 * CMD/ENTRYPOINT runs it (`ENTRYPOINT ["soft", "serve"]`), a Procfile, a systemd unit, or a
 * compose/Kubernetes/Helm file that starts it. A program whose serving command is its root (or lives
 * in the file of its entry point), or whose other commands are only a server's chores (`migrate`,
 * `version`, `worker`), stays a service too.
 */
import type { Dependency, FileView, Match } from '../types.js';
import { dockerfiles, isToolImage } from './dockerfile.js';
import { NOT_THE_PRODUCT } from './paths.js';

export interface ServingSubcommand {
  /** The sub-command that starts the server. */
  name: string;
  /** The program's other sub-commands that do user work (not a server's chores). */
  others: string[];
  listener: Match;
}

/** One way a command-line framework declares a command, with the language's source files. */
export interface Declaration {
  ext: RegExp;
  /** A literal a declaring file contains, to skip the rest without running the regex. */
  literal: string;
  /** Global regex; group 1 is the command's name. */
  regex: RegExp;
}

const NAME = '([A-Za-z][\\w-]{0,40})';
/** How command-line frameworks declare a command (shared with verify's command-reference lookup). */
export const DECLARATIONS: Declaration[] = [
  // cobra: `&cobra.Command{ Use: "serve [flags]" }`.
  { ext: /\.go$/, literal: 'Use:', regex: new RegExp(`\\bUse:[ \\t]*"${NAME}`, 'g') },
  // urfave/cli: `&cli.Command{ Name: "serve", … }` (flags' `Name:` do not follow `Command{`).
  { ext: /\.go$/, literal: 'Command{', regex: new RegExp(`\\bCommand\\{\\s{0,200}Name:[ \\t]*"${NAME}"`, 'g') },
  // kong: a struct field tagged as a command, `Serve ServeCmd \`cmd:"" help:"…"\``.
  {
    ext: /\.go$/,
    literal: 'cmd:"',
    regex: new RegExp(`^[ \\t]*${NAME}[ \\t]+\\*?\\w+[ \\t]+\`[^\`\\n]{0,200}?\\bcmd:"`, 'gm'),
  },
  // click / typer: `@cli.command("serve")`, `@app.command(name="serve")`.
  {
    ext: /\.py$/,
    literal: '.command(',
    regex: new RegExp(`@\\w+\\.command\\([ \\t]*(?:name[ \\t]*=[ \\t]*)?["']${NAME}["']`, 'g'),
  },
  // click / typer without a name: the decorated function's name, on one of the next lines.
  {
    ext: /\.py$/,
    literal: '.command(',
    regex: new RegExp(
      `@\\w+\\.command\\([^)"'\\n]{0,100}\\)[ \\t]*\\n(?:[ \\t]*@[^\\n]{0,200}\\n){0,8}[ \\t]*(?:async[ \\t]+)?def[ \\t]+${NAME}`,
      'g',
    ),
  },
  // commander / yargs / sade / cac: `.command('serve')`, `.command("serve <dir>")`.
  { ext: /\.[cm]?[jt]s$/, literal: '.command(', regex: new RegExp(`\\.command\\([ \\t]*["'\`]${NAME}`, 'g') },
  // picocli: `@Command(name = "serve")`.
  {
    ext: /\.(java|kt)$/,
    literal: '@Command',
    regex: new RegExp(`@Command\\([ \\t]*name[ \\t]*=[ \\t]*"${NAME}"`, 'g'),
  },
  // System.CommandLine: `new Command("serve", …)`.
  { ext: /\.cs$/, literal: 'Command(', regex: new RegExp(`\\bnew[ \\t]+Command\\([ \\t]*"${NAME}"`, 'g') },
  // thor: `desc "serve", "…"`.
  { ext: /\.rb$/, literal: 'desc', regex: new RegExp(`^[ \\t]*desc[ \\t]+["']${NAME}`, 'gm') },
];

/** A file that holds the program's entry point: a serving command declared here is the root. */
const ENTRY_POINT =
  /\bfunc[ \t]+main\(\)|\.Execute(?:Context)?(?:C)?\(|if[ \t]+__name__[ \t]*==|\bstatic[ \t]+(?:async[ \t]+)?(?:void|int|Task(?:<int>)?)[ \t]+Main\(|public[ \t]+static[ \t]+void[ \t]+main\(|\bfun[ \t]+main\(|\.parse(?:Async)?\([ \t]*process\.argv|\.start\([ \t]*ARGV/;

/**
 * Commands a server program carries beside the one that serves: running migrations, printing its
 * version, a worker of the same service. Several of these do not make a command-line tool.
 */
const SERVER_CHORES = new Set([
  'version',
  'help',
  'completion',
  'completions',
  'migrate',
  'migration',
  'migrations',
  'db',
  'database',
  'seed',
  'worker',
  'workers',
  'health',
  'healthcheck',
  'config',
  'init',
  'setup',
  'admin',
  'user',
  'users',
  'cron',
  'jobs',
  'job',
  'consumer',
  'scheduler',
  'schema',
  'man',
  'manual',
  'docs',
  'gendocs',
  'gen-docs',
  'check',
  'start',
  'run',
  'serve',
  'server',
  'web',
  'api',
  'grpc',
  'http',
]);

/** At most this many source files of one language are read for declarations. */
const MAX_FILES = 2000;

function declaredIn(text: string, ext: string): string[] {
  const names: string[] = [];
  for (const d of DECLARATIONS) {
    if (!d.ext.test(ext) || !text.includes(d.literal)) continue;
    d.regex.lastIndex = 0;
    for (const m of text.matchAll(d.regex)) names.push(m[1]!.toLowerCase());
  }
  return names;
}

/**
 * The sub-command every product listener sits in, when the program is a command-line tool with
 * several commands of user work and nothing deploys that sub-command; undefined otherwise.
 */
export function servingSubcommand(
  files: FileView,
  sourceFiles: string[],
  servers: Match[],
  cliDeps: Dependency[],
): ServingSubcommand | undefined {
  if (cliDeps.length === 0 || servers.length === 0) return undefined;
  let name: string | undefined;
  for (const m of servers) {
    const dot = m.path.lastIndexOf('.');
    const text = files.read(m.path);
    if (dot < 0 || text === undefined || ENTRY_POINT.test(text)) return undefined;
    const own = new Set(declaredIn(text, m.path.slice(dot)));
    if (own.size !== 1) return undefined;
    const n = [...own][0]!;
    if (name !== undefined && n !== name) return undefined;
    name = n;
  }
  if (name === undefined) return undefined;
  const ext = servers[0]!.path.slice(servers[0]!.path.lastIndexOf('.'));
  const sameLanguage = sourceFiles.filter((p) => p.endsWith(ext) && !NOT_THE_PRODUCT.test(p)).slice(0, MAX_FILES);
  const others = new Set<string>();
  let root = false;
  for (const p of sameLanguage) {
    const text = files.read(p);
    if (text === undefined) continue;
    const names = declaredIn(text, ext);
    if (names.length > 0 && ENTRY_POINT.test(text)) root = true;
    for (const n of names) if (n !== name && !SERVER_CHORES.has(n)) others.add(n);
  }
  // The root command declared beside the entry point, and at least two commands of user work.
  if (!root || others.size < 2) return undefined;
  if (deploysCommand(files, name)) return undefined;
  return { name, others: [...others].sort(), listener: servers[0]! };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\w-]/.test(c);

/** Whether `word` occurs in `text` as a whole word (not inside `observe` or `serve-static`). */
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + word.length])) return true;
  }
  return false;
}

/** Deployment descriptors that say how a program is started. */
const DEPLOY_GLOBS = [
  '**/Procfile',
  '**/*.service',
  '**/docker-compose*.{yml,yaml}',
  '**/compose*.{yml,yaml}',
  '**/*.{yml,yaml}',
];
/** Keys of a start command in compose, Kubernetes, Helm values, Procfiles and systemd units. */
const START_KEY = /(?:^|[\s"'])(?:command|args|entrypoint|ExecStart|web|worker|release)[ \t]*[:=]/i;
const MAX_DEPLOY_FILES = 500;

/**
 * Whether an image, Procfile, systemd unit or compose/Kubernetes/Helm file of the product starts
 * the sub-command. One pass over each file's lines.
 */
function deploysCommand(files: FileView, name: string): boolean {
  for (const d of dockerfiles(files)) {
    if (!d.ok || NOT_THE_PRODUCT.test(d.path) || isToolImage(d)) continue;
    for (const i of d.stages.at(-1)?.instructions ?? []) {
      if ((i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && hasWord(i.args, name)) return true;
    }
  }
  const candidates = files
    .match(DEPLOY_GLOBS)
    .filter((p) => !NOT_THE_PRODUCT.test(p) && !p.startsWith('.github/') && !/(^|\/)\.gitlab-ci/.test(p))
    .slice(0, MAX_DEPLOY_FILES);
  for (const p of candidates) {
    const text = files.read(p);
    if (text === undefined || !hasWord(text, name)) continue;
    // A list item that is the sub-command (`- serve`, `- "serve"`) or a start key whose line names it.
    let start = 0;
    let inArgs = false;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      const item = /^[ \t]*-[ \t]*["']?([\w-]+)["']?[ \t]*$/.exec(line.length > 200 ? '' : line);
      if (START_KEY.test(line.slice(0, 200))) {
        if (hasWord(line, name)) return true;
        inArgs = true;
      } else if (item) {
        if (inArgs && item[1] === name) return true;
      } else if (line.trim() !== '') inArgs = false;
      start = end + 1;
    }
  }
  return false;
}
