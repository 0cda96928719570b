/**
 * Rust crates that exist to be compiled by the tests, not run by them: a crate under a test or
 * fixture folder (`tests/crates/foo`, `tests/fixtures/bar`) of an enclosing Cargo project that is
 * not a member of that project's workspace — it declares a `[workspace]` of its own, the
 * enclosing workspace's `exclude` names it, none of its `members` globs matches it, or the
 * enclosing manifest is a plain package with no workspace. `cargo test` of the project never runs
 * its `#[test]`s; the project's tests upload, build or document it. Blind round 46: 13 such
 * fixture `#[test]`s were counted as the project's tests.
 */
import type { FileView } from '../../types.js';
import { toml } from '../../util/parsers.js';
import { globTest } from '../../walk/glob.js';

/** Folder names that hold material for the tests rather than the project's own crates. */
const FIXTURE_SEGMENT = /^(?:tests?|fixtures?|testdata|test[-_]data|test[-_]?fixtures|__fixtures__|test[-_]?crates)$/i;
/** Bounds for hostile trees: folders walked up, globs read from one manifest. */
const MAX_DEPTH = 32;
const MAX_GLOBS = 200;

export interface FixtureCrate {
  /** The fixture crate's manifest and the enclosing project's. */
  manifest: string;
  enclosing: string;
  why: 'own-workspace' | 'excluded' | 'not-a-member' | 'plain-package' | 'in-fixture';
}

interface Manifest {
  workspace: boolean;
  members: string[];
  exclude: string[];
}

/** One answer per audit: manifests read and crate folders decided, by folder. */
export function rustFixtureCrates(files: FileView): (path: string) => FixtureCrate | undefined {
  const manifests = new Map<string, Manifest | null>();
  const byCrate = new Map<string, FixtureCrate | undefined>();
  const manifestOf = (dir: string): Manifest | null => {
    if (manifests.has(dir)) return manifests.get(dir)!;
    const path = dir ? `${dir}/Cargo.toml` : 'Cargo.toml';
    let m: Manifest | null = null;
    if (files.exists(path)) {
      const text = files.read(path) ?? '';
      m = { workspace: false, members: [], exclude: [] };
      try {
        const doc = toml().parse(text) as Record<string, unknown>;
        const ws = doc.workspace as Record<string, unknown> | undefined;
        if (ws && typeof ws === 'object') {
          m.workspace = true;
          const list = (v: unknown) =>
            Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string').slice(0, MAX_GLOBS) : [];
          m.members = list(ws.members);
          m.exclude = list(ws.exclude);
        }
      } catch {
        // An unreadable manifest: a `[workspace]` header still says it roots its own workspace.
        m.workspace = /^\s*\[workspace\]\s*$/m.test(text);
      }
    }
    manifests.set(dir, m);
    return m;
  };
  const parent = (dir: string) => (dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '');
  const decide = (crate: string): FixtureCrate | undefined => {
    if (byCrate.has(crate)) return byCrate.get(crate);
    const d = decideUncached(crate);
    byCrate.set(crate, d);
    return d;
  };
  const decideUncached = (crate: string): FixtureCrate | undefined => {
    // The nearest Cargo project above the crate.
    let up = crate;
    for (let n = 0; n < MAX_DEPTH && up !== ''; n++) {
      up = parent(up);
      const enc = manifestOf(up);
      if (!enc) continue;
      const rel = up ? crate.slice(up.length + 1) : crate;
      // Only a crate that sits in a test or fixture folder of that project is taken for a fixture.
      // (folders above the crate's own: a member crate named `tests` is the project's test crate).
      if (
        !rel
          .split('/')
          .slice(0, -1)
          .some((s) => FIXTURE_SEGMENT.test(s))
      ) {
        // A crate of a fixture workspace (tests/fixture-project/derive) is part of the fixture.
        const outer = decide(up);
        return outer ? { manifest: `${crate}/Cargo.toml`, enclosing: outer.manifest, why: 'in-fixture' } : undefined;
      }
      const own = manifestOf(crate)!;
      const manifest = crate ? `${crate}/Cargo.toml` : 'Cargo.toml';
      const enclosing = up ? `${up}/Cargo.toml` : 'Cargo.toml';
      if (own.workspace) return { manifest, enclosing, why: 'own-workspace' };
      if (!enc.workspace) return { manifest, enclosing, why: 'plain-package' };
      const matches = (globs: string[]) =>
        globs.some((g) => {
          const glob = g.replace(/^\.\//, '').replace(/\/+$/, '');
          return glob === rel || globTest(glob)(rel);
        });
      if (matches(enc.exclude)) return { manifest, enclosing, why: 'excluded' };
      if (!matches(enc.members)) return { manifest, enclosing, why: 'not-a-member' };
      return undefined;
    }
    return undefined;
  };
  return (path) => {
    // The crate a source file belongs to: the nearest folder above it with a Cargo.toml.
    let dir = parent(path);
    for (let n = 0; n < MAX_DEPTH; n++) {
      if (manifestOf(dir)) return decide(dir);
      if (dir === '') return undefined;
      dir = parent(dir);
    }
    return undefined;
  };
}

export function fixtureReason(f: FixtureCrate): string {
  if (f.why === 'in-fixture')
    return `in a crate (${f.manifest}) of the fixture project ${f.enclosing}, which the tests compile: cargo test of the project does not run it`;
  const because =
    f.why === 'own-workspace'
      ? 'it declares a [workspace] of its own'
      : f.why === 'excluded'
        ? `${f.enclosing} excludes it from its workspace`
        : f.why === 'not-a-member'
          ? `no member glob of ${f.enclosing}'s workspace matches it`
          : `${f.enclosing} is a single package, not a workspace`;
  return `in a fixture crate (${f.manifest}) under a test folder of ${f.enclosing}: ${because}, so cargo test of the project does not run it`;
}
