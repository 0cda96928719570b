/**
 * Listing the repository: `git ls-files` inside a work tree (fast, honours every ignore file),
 * a .gitignore-aware walker elsewhere. Paths are repo-relative POSIX strings, sorted.
 * Symbolic links are never followed (a link is listed and later skipped for content), so a link
 * out of the root or a loop cannot be read or walked.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { DiskSource } from './disk-source.js';
import { decode } from './file-index.js';
import { gitErrorLine, locateGit, runGitEntries, type GitRepo } from './git-exec.js';
import { anyGlob } from './glob.js';
import { ignoreLineProblem } from './glob-guard.js';

/** Folders never audited: VCS data, installed dependencies, vendored and generated code. */
export const ALWAYS_SKIPPED_DIRS = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  // Yarn Berry's own folder: the vendored Yarn release, its plugins and SDKs, the offline cache
  // (blind round 25, podkrepi: .yarn/plugins/@yarnpkg/plugin-workspace-tools.cjs cited as the
  // project reading its configuration). The project's settings are .yarnrc.yml, beside it.
  '.yarn',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  '.venv',
  'venv',
  'site-packages',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.terraform',
  '.terragrunt-cache',
  'dist',
  'target',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.gradle',
  '.idea',
  '.vs',
  'obj',
  '.cache',
  '.parcel-cache',
  'coverage',
  '.serverless',
]);

/**
 * A folder vendored by convention only under its parent: ASP.NET's `wwwroot/lib/`, where LibMan and
 * Bower restore jQuery, Bootstrap and their tests (blind round 11: a vendored pagination spec counted
 * as 89 of the project's tests, jquery.slim.js as its largest module).
 */
function vendoredPair(parent: string | undefined, dir: string): boolean {
  return dir === 'lib' && parent === 'wwwroot';
}

/**
 * Build-output folder names that are also ordinary package names: below a JVM source root
 * (`src/main/kotlin/`, `src/test/groovy/`, `src/integrationTest/java/`) a folder is a package
 * (`projektor/coverage/`, `com/acme/target/`), never a build's output, which Maven and Gradle write
 * beside src/ (blind round 37, projektor: 16 JUnit, 18 Kotest and 28 Spock test files in `coverage`
 * packages were never listed).
 */
const OUTPUT_NAMES = new Set(['dist', 'target', 'obj', 'coverage']);
/** A JVM source root, up to and including its language folder. */
const JVM_SOURCE_ROOT = /(?:^|\/)src\/[^/]+\/(?:java|kotlin|groovy|scala)\//;

/**
 * A build module named like a test-data folder (Gradle `include 'server:test:test-fixtures'`):
 * the folder holds a JVM source set right below it and sits under no `src/` folder itself (a sample
 * project kept as test input lies below the plugin's own `src/test/…`). Its tests are the project's
 * (blind round 37, projektor: server/test/test-fixtures/src/test/kotlin was never listed).
 */
const JVM_MODULE_BELOW = /^src\/[^/]+\/(?:java|kotlin|groovy|scala)\//;
function jvmModule(p: string, below: number): boolean {
  const above = p.slice(0, below);
  return JVM_MODULE_BELOW.test(p.slice(below)) && !above.startsWith('src/') && !above.includes('/src/');
}

/** Whether a folder named `dir` is left out; `inPackage` when it lies below a JVM source root. */
function skippedDir(parent: string | undefined, dir: string, inPackage: () => boolean): boolean {
  if (vendoredPair(parent, dir)) return true;
  return ALWAYS_SKIPPED_DIRS.has(dir) && !(OUTPUT_NAMES.has(dir) && inPackage());
}

/** Test-data folders: a repository's own fixtures must not be mistaken for its configuration. */
export const TEST_DATA_DIRS = new Set(['fixtures', 'testdata', '__fixtures__', 'test-fixtures', '__snapshots__']);

/**
 * A test script kept in a test-data folder (`fixtures/test-fixtures.sh`, `fixtures/<case>/test.sh`,
 * `testdata/run-tests.sh`): the suite CI runs, not data the tests read (blind round 22, rustypaste:
 * 36 black-box scenarios CI runs through fixtures/test-fixtures.sh were never seen). Only shell
 * scripts named as tests are kept; the data beside them (configs, inputs, snapshots) stays out.
 */
const TEST_SCRIPT = /(?:^|\/)(?:tests?|run[-_]?tests?|tests?[-_][\w.-]*|[\w.-]*[-_]tests?)\.(?:sh|bash)$/i;

export interface ListOptions {
  /** Extra globs to leave out (config `ignore`). */
  ignore?: string[];
  /** Keep test-data folders (default false). */
  includeTestData?: boolean;
  /** Time limit for the git subprocess in ms (default 30 s). */
  gitTimeoutMs?: number;
}

export interface Listing {
  paths: string[];
  method: 'git' | 'walk';
  /** The repository git listed (null when the walker did): the same one gitInfo asks about. */
  repo: GitRepo | null;
  notes: string[];
  /** How many paths were left out by the skip lists and ignore globs. */
  excluded: number;
}

export async function listFiles(root: string, options: ListOptions = {}): Promise<Listing> {
  const notes: string[] = [];
  let raw: string[] | undefined;
  let method: Listing['method'] = 'walk';
  const located = await locateGit(root);
  let repo = located.repo;
  if (!repo && located.reason) notes.push(`git not used: ${located.reason}; listed with the file walker instead`);
  if (repo) {
    try {
      raw = await gitList(repo, options.gitTimeoutMs ?? 30_000);
      method = 'git';
    } catch (err) {
      notes.push(`git ls-files failed (${gitErrorLine(err)}); listed with the file walker instead`);
      repo = null;
    }
  }
  if (raw) {
    const linked = underLinkedFolder(root, raw);
    if (linked.size > 0) {
      notes.push(
        `${linked.size} path(s) git listed under a symbolic link to a folder were left out (never read through a link)`,
      );
      raw = raw.filter((p) => !linked.has(p));
    }
  }
  if (!raw) {
    const walked = walk(root);
    raw = walked.paths;
    if (walked.unsafeIgnoreLines > 0)
      notes.push(
        `${walked.unsafeIgnoreLines} .gitignore line(s) with more than one ** or over 512 characters were not honoured (they can take hours to match)`,
      );
  }
  const keep = filterFor(options);
  const kept = raw.filter(keep);
  const copies = vendoredCopies(kept);
  const paths = (
    copies.size > 0
      ? kept.filter((p) => !inVendoredCopy(p, copies) && !MINIFIED.test(p))
      : kept.filter((p) => !MINIFIED.test(p))
  ).sort(compareCodePoints);
  if (copies.size > 0)
    notes.push(
      `vendored copies of other projects left out (a folder under lib/, external/ or deps/ with its own licence): ${[...copies].sort(compareCodePoints).slice(0, 5).join(', ')}${copies.size > 5 ? ', …' : ''}`,
    );
  return { paths, method, repo, notes, excluded: raw.length - paths.length };
}

/** Folders that hold copies of other projects' code, each in a folder of its own. */
const VENDOR_PARENTS = new Set([
  'lib',
  'libs',
  'external',
  'extern',
  'externals',
  '3rdparty',
  'thirdparty',
  'third-party',
  'deps',
  'contrib',
]);
const LICENCE_NAME = /^(?:licen[cs]es?|copying|unlicense)(?:[-._][\w.-]*)?$/i;
/** Minified or standalone bundles (`redoc.standalone.js`, `jquery.min.js`): built from another project's source. */
const MINIFIED = /\.(?:min|standalone)\.(?:[cm]?js|css)$/i;

/**
 * Folders below lib/, external/, deps/… that carry their own licence (`lib/simplepie/simplepie/`
 * with LICENSES/, `lib/phpmailer/phpmailer/LICENSE`): a copy of another project, whose configs,
 * changelog and code are not this project's (issue 15, blind round 4: a vendored library's
 * phpstan.neon decided the project's type safety). The lib/ folder itself is never one.
 */
function vendoredCopies(paths: string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    // Most paths name no licence: test the last two segments before splitting (the listing is hot at 300k).
    const slash = p.lastIndexOf('/');
    if (slash === -1 || !(LICENCE_NAME.test(p.slice(slash + 1)) || /\/licen[cs]es\/[^/]+$/i.test(p))) continue;
    const parts = p.split('/');
    // The licence file, or a file in a LICENSES/ folder (REUSE).
    let holder = -1;
    if (LICENCE_NAME.test(parts[parts.length - 1]!)) holder = parts.length - 1;
    else if (parts.length >= 2 && /^licen[cs]es$/i.test(parts[parts.length - 2]!)) holder = parts.length - 2;
    if (holder < 2) continue;
    const parent = parts.slice(0, holder - 1).findIndex((d) => VENDOR_PARENTS.has(d.toLowerCase()));
    if (parent !== -1) out.add(parts.slice(0, holder).join('/'));
  }
  return out;
}

function inVendoredCopy(path: string, copies: Set<string>): boolean {
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) if (copies.has(path.slice(0, i))) return true;
  return false;
}

/** Sort by UTF-16 code units, independent of locale: the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function filterFor(options: ListOptions): (p: string) => boolean {
  const extra = options.ignore?.length
    ? anyGlob(options.ignore.flatMap((g) => [g, `${g.replace(/\/$/, '')}/**`]))
    : undefined;
  const includeTestData = options.includeTestData ?? false;
  return (p) => {
    const parts = p.split('/');
    let at = 0;
    for (let i = 0; i < parts.length - 1; i++) {
      const d = parts[i]!;
      if (skippedDir(parts[i - 1], d, () => JVM_SOURCE_ROOT.test(p.slice(0, at)))) return false;
      at += d.length + 1;
      if (!includeTestData && TEST_DATA_DIRS.has(d) && !TEST_SCRIPT.test(p) && !jvmModule(p, at)) return false;
    }
    return !extra?.(p);
  };
}

/**
 * Tracked and untracked files, less those deleted in the work tree, from one git run (one read of
 * the index, one process): `-t` tags each entry, and a deleted file comes once more tagged `R `.
 */
async function gitList(repo: GitRepo, timeoutMs: number): Promise<string[]> {
  // Each path a string of its own, not a slice of the whole output (runGitEntries), its tag apart.
  const { tags, entries } = await runGitEntries(
    repo,
    ['ls-files', '-z', '-t', '--cached', '--others', '--deleted', '--exclude-standard'],
    { timeoutMs, maxBuffer: 1024 * 1024 * 1024 },
    2,
  );
  const gone = new Set<string>();
  for (let i = 0; i < entries.length; i++) if (tags[i] === 'R ') gone.add(entries[i]!);
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const p = entries[i]!;
    // A file deleted in the work tree but still in the index is not there to audit; a path in
    // a merge conflict appears more than once.
    if (tags[i] === 'R ' || gone.has(p) || seen.has(p)) continue;
    seen.add(p);
    out.push(p);
  }
  return out;
}

/**
 * Paths below a folder that is a symbolic link (or not a folder at all). Git never tracks such a
 * path, but an index can be written by hand: `linkdir/secret.py` with `linkdir` linked out of the
 * root would be read through the link (O_NOFOLLOW guards only the last component). Each folder is
 * checked once, however many paths it holds.
 */
function underLinkedFolder(root: string, paths: string[]): Set<string> {
  const folderOk = new Map<string, boolean>([['', true]]);
  const ok = (dir: string): boolean => {
    let v = folderOk.get(dir);
    if (v === undefined) {
      const slash = dir.lastIndexOf('/');
      v = ok(slash === -1 ? '' : dir.slice(0, slash));
      if (v) {
        try {
          v = lstatSync(join(root, dir)).isDirectory();
        } catch {
          v = true; // gone: the read will say so
        }
      }
      folderOk.set(dir, v);
    }
    return v;
  };
  const out = new Set<string>();
  for (const p of paths) {
    const slash = p.lastIndexOf('/');
    if (slash !== -1 && !ok(p.slice(0, slash))) out.add(p);
  }
  return out;
}

const MAX_IGNORE_FILE = 1024 * 1024;

/** A .gitignore-aware walk that never follows symbolic links. */
function walk(root: string): { paths: string[]; unsafeIgnoreLines: number } {
  const out: string[] = [];
  let unsafeIgnoreLines = 0;
  const stack: { rel: string; rules: { base: string; ig: Ignore }[] }[] = [{ rel: '', rules: [] }];
  while (stack.length > 0) {
    const { rel, rules } = stack.pop()!;
    const abs = rel ? join(root, rel) : root;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to list
    }
    let own = rules;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      // Read like any audited file: never through a link, never a FIFO, never past the size cap.
      const bytes = new DiskSource(abs).readBytes('.gitignore', MAX_IGNORE_FILE);
      const text = typeof bytes === 'string' ? null : decode(bytes);
      if (text) {
        const lines = text.split(/\r?\n/);
        const safe = lines.filter((l) => !ignoreLineProblem(l));
        unsafeIgnoreLines += lines.length - safe.length;
        try {
          own = [...rules, { base: rel, ig: ignore().add(safe) }];
        } catch {
          /* a .gitignore the ignore library refuses: walk on without it */
        }
      }
    }
    const parent = rel.slice(rel.lastIndexOf('/') + 1);
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      const isDir = e.isDirectory();
      if (isDir && skippedDir(parent, e.name, () => JVM_SOURCE_ROOT.test(`${rel}/`))) continue;
      if (ignored(own, p, isDir)) continue;
      if (isDir) stack.push({ rel: p, rules: own });
      else if (e.isFile() || e.isSymbolicLink()) out.push(p);
    }
  }
  return { paths: out, unsafeIgnoreLines };
}

function ignored(rules: { base: string; ig: Ignore }[], p: string, isDir: boolean): boolean {
  for (const { base, ig } of rules) {
    const rel = base ? p.slice(base.length + 1) : p;
    try {
      if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
    } catch {
      /* a path the ignore library refuses (e.g. odd characters): keep it */
    }
  }
  return false;
}

/** Whether root is an existing directory; used by the CLI for a clean usage error. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
