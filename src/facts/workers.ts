/**
 * Cloudflare Workers configs (issue 15, blind round 46): a `wrangler.toml`, `wrangler.json` or
 * `wrangler.jsonc` whose `main` names the Worker's entry is a program Cloudflare runs and routes
 * requests to (`wrangler deploy`); its bindings (KV, R2, D1, queues, containers) are resources the
 * platform provisions from the file. A config of static assets only (`assets`, Pages'
 * `pages_build_output_dir`) is a site the platform serves. Read as text, never run.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { lineAt } from '../util/lines.js';
import { NOT_THE_PRODUCT, isProductionPath } from './paths.js';

export const WRANGLER_GLOBS = [
  '**/wrangler.toml',
  '**/wrangler.json',
  '**/wrangler.jsonc',
  // A config committed only as an example, the real one git-ignored so that each deployer fills in
  // their own bucket and account ids (blind round 51: wrangler.example.toml and .jsonc beside a
  // `wrangler deploy` script): the Worker it names is still what the repository deploys.
  '**/wrangler.example.toml',
  '**/wrangler.example.json',
  '**/wrangler.example.jsonc',
  '**/wrangler.sample.toml',
  '**/wrangler.sample.jsonc',
];

/** An example or sample config (`wrangler.example.toml`): read after a real one in the same folder. */
const EXAMPLE_CONFIG = /(?:^|\/)wrangler\.(?:example|sample)\.[^/]+$/;

export interface WorkerConfig {
  path: string;
  /** The `main` entry, as written, and its line; absent for an assets-only site. */
  main?: { entry: string; line: number; exists: boolean };
  /** An assets or Pages output directory: the platform serves static files from it. */
  assets: boolean;
  /** Binding kinds the config declares (`kv_namespaces`, `d1_databases`, `containers`…), with their lines. */
  bindings: { kind: string; line: number }[];
}

/** `main = "src/index.ts"` (TOML) or `"main": "src/index.ts"` (JSON), at a line start: a `//` comment is no key. */
const MAIN = /^[ \t]*"?main"?[ \t]*[:=][ \t]*["']([^"'\n]{1,200})["']/m;
const ASSETS =
  /^[ \t]*(?:\[assets\]|"assets"[ \t]*:|assets[ \t]*=|"?pages_build_output_dir"?[ \t]*[:=]|\[site\]|"site"[ \t]*:)/m;
const BINDING =
  /^[ \t]*(?:\[\[|\[)?"?(kv_namespaces|r2_buckets|d1_databases|queues|durable_objects|containers|vectorize|hyperdrive|services|ai|workflows|analytics_engine_datasets)"?(?:\]\]|\]|[ \t]*:)/gm;

function readConfig(files: FileView, path: string): WorkerConfig | undefined {
  const text = (files.read(path) ?? '').slice(0, 200_000);
  if (!text) return undefined;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const m = MAIN.exec(text);
  const bindings: { kind: string; line: number }[] = [];
  const seen = new Set<string>();
  for (const b of text.matchAll(BINDING)) {
    if (seen.has(b[1]!)) continue;
    seen.add(b[1]!);
    bindings.push({ kind: b[1]!, line: lineAt(text, b.index) });
  }
  const assets = ASSETS.test(text);
  if (!m && !assets) return undefined;
  const entry = m?.[1]?.trim().replace(/^\.\//, '');
  return {
    path,
    ...(m && entry ? { main: { entry, line: lineAt(text, m.index), exists: files.exists(`${dir}${entry}`) } } : {}),
    assets,
    bindings,
  };
}

/**
 * Folders whose apps are scaffolds, templates or test helpers of a tool or framework, not what the
 * repository deploys: a create-app's `templates/`, an integration suite's `helpers/` (the Workers
 * tooling and React Router repositories keep dozens of wrangler configs and apps there).
 */
export const SCAFFOLD_DIR =
  /(^|\/)(?:templates?|integration|integration-tests?|helpers|starters?|scaffolds?|boilerplates?|fixture)\//i;

/** The Workers configs of the product (not examples, tests, fixtures or templates), at most 50. */
export function workerConfigs(files: FileView): WorkerConfig[] {
  return memo(files, 'workers:configs', () =>
    files
      .match(WRANGLER_GLOBS)
      .sort((a, b) => Number(EXAMPLE_CONFIG.test(a)) - Number(EXAMPLE_CONFIG.test(b)))
      .filter((p) => isProductionPath(p) && !NOT_THE_PRODUCT.test(p) && !SCAFFOLD_DIR.test(p))
      .slice(0, 50)
      .flatMap((p) => readConfig(files, p) ?? []),
  );
}

/** Whether a platform-file candidate is a Workers config that deploys something (a `main` or assets). */
export function isWorkerConfig(path: string, text: string): boolean {
  if (NOT_THE_PRODUCT.test(path) || SCAFFOLD_DIR.test(path)) return false;
  return MAIN.test(text.slice(0, 200_000)) || ASSETS.test(text.slice(0, 200_000));
}
