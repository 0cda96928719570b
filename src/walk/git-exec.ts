/**
 * The one way the tool runs git (DESIGN §8): every git call goes through `runGit`, isolated from
 * the audited repository's own configuration and from the caller's environment.
 *
 * An audited tree may come with its own `.git` (an archive, a directory someone sent), and its
 * config can name commands git runs for the commands we use: `core.fsmonitor` runs on every
 * index read (`ls-files`), hooks run on index writes, and a partial clone fetches lazily through
 * credential helpers and ssh. So:
 * - the environment is ours: no inherited GIT_* variable (a GIT_DIR or GIT_INDEX_FILE left by a
 *   hook would point git at another repository), no system or global config, no prompts, no
 *   pager, no optional locks (git never writes the index for us), no lazy fetch;
 * - `-c` overrides (the command line wins over every config file) switch off each
 *   command-bearing key those commands could honour;
 * - the git directory is located and checked here, then named explicitly (GIT_DIR and
 *   GIT_WORK_TREE), so no `core.worktree`, `.git` file or `commondir` takes git outside the root,
 *   and a repository whose config includes other files is not run at all (an include is a read
 *   outside the root, and a FIFO or /dev/zero there hangs git); nor is one whose objects or refs
 *   git would read elsewhere (alternates, a linked `objects`, a linked branch ref).
 */
import { spawn } from 'node:child_process';
import { lstatSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A path that can never exist: it lies below this module's own file (ENOTDIR), and git reads a
 * missing config, ignore or attributes file as empty and finds no hook in a missing folder.
 * Not /dev/null: on a machine where /dev/null has been replaced by a regular file, git would
 * read whatever was last written there as config.
 */
const NOWHERE = join(fileURLToPath(import.meta.url), 'nowhere');

/**
 * Every key that names a command, or a file outside the tree, which git could honour while it
 * lists files, resolves HEAD or reads config. Most are not read by those commands at all; they
 * are switched off anyway so that a future git, or a new command here, cannot bring one back.
 */
export const GIT_OVERRIDES: readonly string[] = [
  'core.fsmonitor=false', // runs a hook on every index read: ls-files ran it before this module
  'core.untrackedCache=false', // cached listing data in the index: not trusted, not written
  `core.hooksPath=${NOWHERE}`, // no hook (post-index-change, reference-transaction) can be found
  'core.pager=cat',
  'core.editor=:',
  'core.askPass=',
  'core.sshCommand=',
  'core.gitProxy=',
  `core.excludesFile=${NOWHERE}`, // neither the auditor's personal ignores nor a file outside the tree
  `core.attributesFile=${NOWHERE}`,
  'core.virtualFilesystem=', // a command run on index reads in Microsoft's git fork
  'diff.external=',
  'credential.helper=', // an empty value empties the helper list
  'gpg.program=',
  'protocol.allow=never', // no transport at all: a lazy fetch of a partial clone cannot start
];

/** Where the repository's git data is, checked to be inside the root (or a verified link back to it). */
export interface GitRepo {
  root: string;
  gitDir: string;
}

export interface GitLocation {
  repo: GitRepo | null;
  /** Why git is not used (a note), or null when there is simply no repository. */
  reason: string | null;
}

export interface RunOptions {
  timeoutMs?: number;
  maxBuffer?: number;
  stripFinalNewline?: boolean;
  /** Bytes of output decoded at a time, at a NUL (tests; the default is PIECE_BYTES). */
  pieceBytes?: number;
}

/** Bytes of output decoded at a time (see runGit). */
const PIECE_BYTES = 512 * 1024;

/** A git run that failed: its exit, the first of its stderr, or the limit it ran into. */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    message: string,
    readonly stderr: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/**
 * Runs `git <args>` isolated (see above); resolves with stdout, rejects with a GitError on any
 * failure: a non-zero exit, a signal, the time limit (SIGTERM, then SIGKILL), more output than
 * maxBuffer. Node's own spawn, with exactly this environment and no stdin: loading a process
 * library cost more than a small audit's git calls.
 */
export async function runGit(repo: GitRepo, args: string[], options: RunOptions = {}): Promise<string> {
  const decoded: string[] = [];
  await runGitPieces(repo, args, options, (b, end) => void decoded.push(b.toString('utf8', 0, end)));
  const stdout = decoded.length === 1 ? decoded[0]! : decoded.join('');
  return (options.stripFinalNewline ?? true) ? stdout.replace(/\r?\n$/, '') : stdout;
}

/**
 * Runs `git <args>` as runGit does, for output of NUL-terminated entries (`-z`): each entry's first
 * `tag` bytes (ASCII, `ls-files -t`'s `H `) and the rest, each decoded from git's bytes on its own.
 * Split out of one decoded text, every entry was a slice of it (~30 bytes each, and the whole text
 * kept alive: 16.5 + 8.3 MB of a 300k-file listing, for ~19.6 MB of strings of their own).
 * Empty entries are left out.
 */
export async function runGitEntries(
  repo: GitRepo,
  args: string[],
  options: RunOptions = {},
  tag = 0,
): Promise<{ tags: string[]; entries: string[] }> {
  const tags: string[] = [];
  const entries: string[] = [];
  await runGitPieces(repo, args, options, (b, end) => {
    for (let at = 0; at < end; ) {
      let nul = b.indexOf(0, at);
      if (nul === -1 || nul > end) nul = end;
      if (nul > at) {
        const from = Math.min(at + tag, nul);
        tags.push(b.toString('latin1', at, from));
        entries.push(b.toString('utf8', from, nul));
      }
      at = nul + 1;
    }
  });
  return { tags, entries };
}

/**
 * Runs `git <args>` isolated and hands its output to `take` a piece at a time, each piece ending
 * at a NUL (but the last), as `take(buffer, end)`: the piece is `buffer`'s bytes before `end`.
 */
function runGitPieces(
  repo: GitRepo,
  args: string[],
  options: RunOptions,
  take: (piece: Buffer, end: number) => void,
): Promise<void> {
  const overrides = GIT_OVERRIDES.flatMap((o) => ['-c', o]);
  const maxBuffer = options.maxBuffer ?? 16 * 1024 * 1024;
  const pieceBytes = options.pieceBytes ?? PIECE_BYTES;
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['--no-pager', '--no-replace-objects', ...overrides, ...args], {
      cwd: repo.root,
      env: isolatedEnv(repo),
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let failure: GitError | undefined;
    let killer: NodeJS.Timeout | undefined;
    const stop = (why: GitError) => {
      failure ??= why;
      child.kill('SIGTERM');
      // Its output is not wanted any more; closing the pipes also ends the wait when something
      // git started still holds them.
      child.stdout.destroy();
      child.stderr.destroy();
      killer ??= setTimeout(() => child.kill('SIGKILL'), 2000);
    };
    // The limit counts only time in which this thread was free to see git finish. git's metadata
    // calls run beside the scan and the rules, which hold the thread for seconds at a time on a big
    // tree: a plain timer fired as soon as the thread came back, before the exit git had long since
    // made was read, and a 300k-file audit on a busy machine lost its commit, date and branch. Each
    // tick adds one tick's worth however late it comes (a blocked stretch counts once), and the
    // stop waits for this turn's I/O (setImmediate), so a finished git is always seen first.
    // The listing's bound: at 10 s, a busy machine (load ~30 on two cores) lost the commit date,
    // branch and tags of an ordinary repository now and then, and two audits of one tree differed.
    const limitMs = options.timeoutMs ?? 30_000;
    const tickMs = Math.min(250, limitMs);
    let waitedMs = 0;
    let closed = false;
    const timer = setInterval(() => {
      waitedMs += tickMs;
      if (waitedMs < limitMs) return;
      clearInterval(timer);
      setImmediate(() => {
        if (!closed) stop(new GitError(`git ${args[0]} timed out`, '', true));
      });
    }, tickMs);
    // Output is decoded a piece at a time, each piece ending at a NUL (always a whole character,
    // so the text is the same as the whole output's decoding): one buffer of the whole output (17 MB
    // for a 300k-file listing), allocated and freed, raised glibc's mmap threshold to its size, and
    // every later buffer below it (the shared listing, the file reads) went to the brk heap, which
    // never shrinks: ~50 MB of peak RSS at 300k files (docs/performance.md, thirteenth session).
    let pending = 0;
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > maxBuffer) return stop(new GitError(`git ${args[0]}: output over ${maxBuffer} bytes`, ''));
      out.push(b);
      pending += b.length;
      if (pending < pieceBytes) return;
      const nul = b.lastIndexOf(0);
      if (nul === -1) return;
      const whole = Buffer.concat(out, pending);
      const cut = pending - b.length + nul + 1;
      take(whole, cut);
      out.length = 0;
      if (cut < pending) out.push(whole.subarray(cut));
      pending -= cut;
    });
    child.stderr.on('data', (b: Buffer) => {
      // Only the start of stderr is ever shown (gitErrorLine): keep 64 KiB of it.
      if (errBytes < 65536) err.push(b), (errBytes += b.length);
    });
    child.on('error', (e) => {
      failure ??= new GitError(`git ${args[0]}: ${e.message}`, '');
    });
    child.on('close', (code, signal) => {
      closed = true;
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (failure) return reject(failure);
      if (code !== 0) return reject(new GitError(`git ${args[0]} failed (${signal ?? `exit code ${code}`})`, stderr));
      const rest = Buffer.concat(out);
      take(rest, rest.length);
      resolvePromise();
    });
  });
}

export function isolatedEnv(repo: GitRepo): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^GIT_/i.test(k)) env[k] = v;
  return {
    ...env,
    GIT_DIR: repo.gitDir,
    GIT_WORK_TREE: repo.root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: NOWHERE,
    GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_NO_LAZY_FETCH: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_PROTOCOL_FROM_USER: '0',
    LC_ALL: 'C',
  };
}

/** Small files git reads for the commands we run; a link, FIFO or device among them is refused. */
const GIT_FILES = [
  'HEAD',
  'index',
  'config',
  'config.worktree',
  'commondir',
  'packed-refs',
  'info/exclude',
  'shallow', // read with every commit git parses (`show -s HEAD`), as are grafts
  'info/grafts',
];
const MAX_GIT_CONFIG = 1024 * 1024;

/**
 * Finds the git directory of `root` (which holds `.git`) and decides whether git may run there.
 * `repo: null` with a reason: git is not used, and the reason becomes a note; with no reason,
 * there is no repository at all.
 */
export async function locateGit(rootArg: string): Promise<GitLocation> {
  const root = resolve(rootArg);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { repo: null, reason: null };
  }
  const dotGit = join(root, '.git');
  const st = lstatOrNull(dotGit);
  if (!st) return { repo: null, reason: null };
  let gitDir: string;
  let linkedBack = false;
  if (st.isDirectory()) gitDir = dotGit;
  else if (st.isSymbolicLink()) {
    const target = realOrNull(dotGit);
    if (!target || !inside(realRoot, target)) return refuse('.git is a link out of the audited folder');
    gitDir = target;
  } else if (st.isFile()) {
    const pointed = readGitFile(dotGit, root);
    if (!pointed) return refuse('.git is a file without a readable "gitdir:" line');
    const target = realOrNull(pointed);
    if (!target) return refuse('.git points to a git directory that does not exist');
    linkedBack = !inside(realRoot, target) && linksBack(target, realRoot);
    if (!inside(realRoot, target) && !linkedBack)
      return refuse('.git points outside the audited folder, to a git directory that is not this work tree’s');
    gitDir = target;
  } else return refuse('.git is neither a folder nor a file');

  for (const name of GIT_FILES) {
    const f = lstatOrNull(join(gitDir, name));
    if (f && !f.isFile()) return refuse(`.git/${name} is not a regular file`);
    if (f && name.startsWith('config') && f.size > MAX_GIT_CONFIG) return refuse(`.git/${name} is over 1 MiB`);
  }
  // A linked work tree shares its main repository's config and refs (`commondir`); that is only
  // accepted for a work tree whose git directory links back to this root, and only to the
  // repository that holds it.
  const common = readSmall(join(gitDir, 'commondir'));
  if (common !== null) {
    const c = realOrNull(resolve(gitDir, common.trim()));
    const ok = c && (inside(realRoot, c) || (linkedBack && c === dirname(dirname(gitDir))));
    if (!ok) return refuse('.git/commondir points outside the audited folder');
    const cfg = lstatOrNull(join(c, 'config'));
    if (cfg && (!cfg.isFile() || cfg.size > MAX_GIT_CONFIG))
      return refuse('the shared git config is not a small regular file');
  }

  const storeProblem = objectStoreProblem(
    gitDir,
    common !== null ? realOrNull(resolve(gitDir, common.trim())) : null,
    realRoot,
  );
  if (storeProblem) return refuse(storeProblem);

  const repo = { root, gitDir };
  try {
    const keys = (await runGit(repo, ['config', '--no-includes', '--name-only', '-z', '--list'], { timeoutMs: 10_000 }))
      .split('\0')
      .map((k) => k.trim().toLowerCase());
    if (keys.some((k) => k.startsWith('include.') || k.startsWith('includeif.')))
      return refuse('its git config includes other files');
  } catch (err) {
    return refuse(`git config cannot be read (${gitErrorLine(err)})`);
  }
  return { repo, reason: null };
}

function refuse(why: string): GitLocation {
  return { repo: null, reason: why };
}

/** The first line of a git failure, for a note. */
export function gitErrorLine(err: unknown): string {
  const e = err as { message?: string; timedOut?: boolean; stderr?: string };
  if (e.timedOut) return 'timed out';
  const stderr = typeof e.stderr === 'string' ? e.stderr.trim().split('\n')[0] : '';
  return (stderr || e.message || String(err)).split('\n')[0]!.slice(0, 200);
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

function realOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A small regular file's text (never through a link, never a FIFO), or null. */
function readSmall(p: string, max = 4096): string | null {
  const st = lstatOrNull(p);
  if (!st?.isFile() || st.size > max) return null;
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}

function readGitFile(dotGit: string, root: string): string | null {
  const m = /^gitdir:[ \t]*(.+?)[ \t\r]*$/m.exec(readSmall(dotGit) ?? '');
  return m ? resolve(root, m[1]!) : null;
}

/**
 * Whether a git directory outside the root belongs to this work tree: a linked work tree's
 * directory (`<repo>/.git/worktrees/<name>`) names its `.git` file in `gitdir`; a submodule's lives
 * under `.git/modules/` of a repository that contains the root. A `.git` file an attacker wrote
 * cannot make another repository on the machine point back at it.
 */
function linksBack(gitDir: string, realRoot: string): boolean {
  const back = readSmall(join(gitDir, 'gitdir'));
  if (back !== null && realOrNull(resolve(gitDir, back.trim())) === join(realRoot, '.git')) return true;
  const marker = `${sep}.git${sep}modules${sep}`;
  const at = gitDir.indexOf(marker);
  return at > 0 && inside(gitDir.slice(0, at), realRoot) && realRoot !== gitDir.slice(0, at);
}

/**
 * Whether git, reading objects and refs for `rev-parse HEAD` and `show -s HEAD`, would read
 * outside the audited folder or hang: `objects/info/alternates` names other object stores (a path
 * anywhere on the machine: git reads them as this repository's own, recursively), and `objects`,
 * `refs` or the branch HEAD names can be links or FIFOs. The store of a linked work tree's main
 * repository (its verified `commondir`) counts as its own.
 */
function objectStoreProblem(gitDir: string, commonDir: string | null, realRoot: string): string | null {
  const base = commonDir ?? gitDir;
  const own = (p: string) => inside(realRoot, p) || (commonDir !== null && inside(commonDir, p));
  for (const dir of ['objects', 'refs']) {
    const st = lstatOrNull(join(base, dir));
    if (st && !st.isDirectory()) return `.git/${dir} is not a folder (a link or a file)`;
  }
  // The branch HEAD names: a link there is read through (to a file anywhere, or a FIFO that hangs git).
  const head = /^ref:\s*(refs\/[^\s]+)\s*$/.exec(readSmall(join(gitDir, 'HEAD')) ?? '')?.[1];
  if (head && !head.split('/').includes('..')) {
    for (const dir of new Set([gitDir, base])) {
      const st = lstatOrNull(join(dir, head));
      if (st && !st.isFile()) return `.git/${head} is not a regular file`;
    }
  }
  // Alternates, followed as git follows them (to depth 5), each store once.
  let level = [join(base, 'objects')];
  const seen = new Set(level);
  for (let depth = 0; depth <= 5 && level.length > 0; depth++) {
    const next: string[] = [];
    for (const store of level) {
      const file = join(store, 'info', 'alternates');
      const st = lstatOrNull(file);
      if (!st) continue;
      if (!st.isFile() || st.size > 64 * 1024) return '.git/objects/info/alternates is not a small regular file';
      for (const line of (readSmall(file, 64 * 1024) ?? '').split('\n')) {
        const entry = line.trim();
        if (!entry || entry.startsWith('#')) continue;
        const target = realOrNull(resolve(store, entry.replace(/^"(.*)"$/, '$1')));
        if (!target) continue; // git skips a store that does not exist
        if (!own(target)) return '.git/objects/info/alternates names an object store outside the audited folder';
        if (!seen.has(target)) next.push(target);
        seen.add(target);
      }
    }
    if (seen.size > 64) return '.git/objects/info/alternates names too many object stores';
    level = next;
  }
  return null;
}
