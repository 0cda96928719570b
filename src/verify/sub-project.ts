/** Where a document sits in the repository: the project folder it belongs to, and the performance scripts beside it. */
import type { LookupContext } from './lookup.js';

/** What marks a folder as a project of its own. */
export const MANIFEST =
  /^(?:Cargo\.toml|package\.json|pyproject\.toml|setup\.py|go\.mod|pom\.xml|build\.gradle(?:\.kts)?|composer\.json|Gemfile|mix\.exs|pubspec\.yaml|[^/]+\.csproj|[^/]+\.sln)$/;

const projects = new WeakMap<object, string | null>();

/**
 * The nearest folder above the document, other than the root, that holds a manifest ("tool/"), or
 * null when the document belongs to the repository as a whole.
 */
export function subProject(ctx: LookupContext): string | null {
  const cached = projects.get(ctx);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  const doc = ctx.documentPath;
  if (doc?.includes('/')) {
    const manifests = new Set(
      ctx.files.paths
        .filter((p) => MANIFEST.test(p.slice(p.lastIndexOf('/') + 1)))
        .map((p) => p.slice(0, p.lastIndexOf('/') + 1)),
    );
    const segs = doc.split('/').slice(0, -1);
    for (let n = segs.length; n >= 1 && !found; n--) {
      const dir = `${segs.slice(0, n).join('/')}/`;
      if (manifests.has(dir)) found = dir;
    }
  }
  projects.set(ctx, found);
  return found;
}

/** Benchmarks and performance scripts by name or folder: "benchmark_test.go", "tests/performance/load.sh". */
const PERF_NAME = /load[-_]?test|perf(?:ormance)?[-_]?test|benchmark|stress[-_]?test/i;
const PERF_FOLDER = /(?:^|\/)(?:performance|perf|load[-_]?tests?|benchmarks?|benches)\/[^/]+$/i;
const PERF_EXT = /\.(?:sh|[cm]?[jt]s|py|go|java|kt|rb|jmx|rs|ya?ml)$/i;
const PERF_FILE = {
  test: (p: string) =>
    PERF_EXT.test(p) &&
    (PERF_FOLDER.test(p) || (!/\.ya?ml$/i.test(p) && PERF_NAME.test(p.slice(p.lastIndexOf('/') + 1)))),
};
const NOT_PERF = /(?:^|\/)(?:node_modules|vendor|third_party|dist|build|target)\//;

export function performanceFiles(ctx: LookupContext): string[] {
  const out: string[] = [];
  for (const p of ctx.files.paths) {
    if (out.length >= 3) break;
    if (PERF_FILE.test(p) && !NOT_PERF.test(p)) out.push(p);
  }
  return out;
}
