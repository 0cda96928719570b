/**
 * A workspace package seen as a repository of its own: its files with paths relative to the
 * package, plus what it inherits from the repository — the files of the root folder and of every
 * folder between the root and the package, and the repository-wide folders (CI, hooks, docs) — so
 * that a root ESLint config, the CI workflows or SECURITY.md count for every package, marked as
 * inherited. The package's own file wins where both exist (its package.json, its README).
 *
 * Texts the audit already holds are reused and digests are shared with the repository's index:
 * one scan serves every package.
 */
import type { Digest } from '../types.js';
import { FileIndex, type FileSource, type SkipReason } from './file-index.js';

/** Repository-wide folders every package inherits. */
const INHERITED_DIRS = [
  '.github/',
  '.gitlab/',
  '.circleci/',
  '.buildkite/',
  '.azure-pipelines/',
  '.husky/',
  '.changeset/',
  'docs/',
  'doc/',
];

export interface PackageMapping {
  /** Package-relative path → repository path. */
  full: Map<string, string>;
  /** Package-relative paths that come from outside the package. */
  inherited: Set<string>;
}

export function mapPackage(paths: readonly string[], dir: string): PackageMapping {
  const prefix = `${dir.replace(/\/$/, '')}/`;
  const ancestors = new Set<string>(['']);
  const parts = prefix.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) ancestors.add(`${parts.slice(0, i).join('/')}/`);
  const full = new Map<string, string>();
  const inherited = new Set<string>();
  for (const p of paths) if (p.startsWith(prefix)) full.set(p.slice(prefix.length), p);
  for (const p of paths) {
    if (p.startsWith(prefix)) continue;
    const slash = p.lastIndexOf('/');
    const folder = slash < 0 ? '' : p.slice(0, slash + 1);
    if (!ancestors.has(folder) && !INHERITED_DIRS.some((d) => p.startsWith(d))) continue;
    // An inherited file keeps its repository path: a root .eslintrc.json stands where the
    // package's own would, and a package file of the same name hides it.
    if (full.has(p)) continue;
    full.set(p, p);
    inherited.add(p);
  }
  return { full, inherited };
}

/** The package's FileIndex: reads and digests go to the repository's index by repository path. */
export class PackageIndex extends FileIndex {
  constructor(
    readonly mapping: PackageMapping,
    private readonly repo: FileIndex,
    repoSource: FileSource,
  ) {
    const paths = [...mapping.full.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const source: FileSource = {
      readBytes: (path: string, max: number): Buffer | SkipReason => {
        const full = mapping.full.get(path);
        if (full === undefined) return 'unreadable';
        const held = repo.peek(full);
        if (typeof held === 'string') return Buffer.from(held, 'utf8');
        if (held === null) return repo.stats.skipped.get(full) ?? 'unreadable';
        return repoSource.readBytes(full, max);
      },
    };
    super(paths, source, repo.maxFileBytes);
  }

  /** The repository path of a package-relative path (unchanged when it is not in the view). */
  fullPath(path: string): string {
    return this.mapping.full.get(path) ?? path;
  }

  /** Models of repository-wide files are the repository's (see src/util/memo.ts). */
  memoOwner(key: string): FileIndex | undefined {
    return key === 'ci' ? this.repo : undefined;
  }

  override digest<T>(path: string, d: Digest<T>, text?: string): T | undefined {
    const full = this.mapping.full.get(path);
    return full === undefined ? undefined : this.repo.digest(full, d, text);
  }
}
