/**
 * HTTP paths the repository's own deployment configuration calls to check the service: the URL a
 * Dockerfile HEALTHCHECK fetches (`curl --fail http://localhost:${PORT}/api/status`), the URL a
 * compose healthcheck of a service built here fetches, a fly.toml http check's `path`, render.yaml's
 * `healthCheckPath`. Whatever its name, a route one of these calls is the service's health endpoint
 * (blind round 45: a Next.js `app/api/status/route.ts` probed by the Dockerfile was "no health
 * endpoint"). Kubernetes probes are read from the deployed workloads by the rule itself.
 */
import type { FileView } from '../types.js';
import { deployments } from './deploy.js';
import { dockerfiles, imageHealthcheck } from './dockerfile.js';

export interface CheckedPath {
  /** The path called, lower-cased, without a trailing slash or query (`/api/status`). */
  route: string;
  /** Where the check is declared. */
  file: string;
  line: number;
  snippet: string;
  /** What declares it: "the Dockerfile HEALTHCHECK", "the compose healthcheck of web", … */
  by: string;
}

/** A URL to the local instance: scheme, host (no slash, space or quote), then the path. Linear: the classes do not overlap. */
const LOCAL_URL = /\bhttps?:\/\/[^/\s'"`]{1,120}(\/[\w.~%/-]{0,200})/g;
const PATH_KEY = /^\s*path\s*=\s*["'](\/[\w.~%/-]{0,200})["']/;
const RENDER_KEY = /^\s*healthCheckPath\s*:\s*["']?(\/[\w.~%/-]{0,200})/;

const norm = (p: string): string => {
  const s = p.toLowerCase().replace(/\/+$/, '');
  return s === '' ? '/' : s;
};

export function checkedPaths(files: FileView): CheckedPath[] {
  const out: CheckedPath[] = [];
  const add = (raw: string, file: string, line: number, snippet: string, by: string) => {
    if (out.length < 40) out.push({ route: norm(raw), file, line, snippet: snippet.trim().slice(0, 160), by });
  };
  for (const d of dockerfiles(files)) {
    const hc = imageHealthcheck(d);
    if (!hc) continue;
    for (const m of hc.args.slice(0, 2000).matchAll(LOCAL_URL))
      add(m[1]!, d.path, hc.line, `HEALTHCHECK ${hc.args}`, 'the Dockerfile HEALTHCHECK');
  }
  // Compose healthchecks of services built here (a third-party image's check calls that image's
  // own route): the lines of the service's block, up to the next service of the file.
  const compose = deployments(files).compose;
  for (const s of compose) {
    if (!s.built || !s.healthcheck) continue;
    const lines = files.lines(s.path);
    if (!lines) continue;
    const next = compose
      .filter((o) => o.path === s.path && o.line > s.line)
      .reduce((a, o) => Math.min(a, o.line), Math.min(lines.count + 1, s.line + 400));
    let inCheck = false;
    let indent = -1;
    for (let n = s.line + 1; n < next; n++) {
      const l = lines.bare(n);
      if (!l.trim()) continue;
      const lead = /^\s*/.exec(l)![0].length;
      if (/^\s*healthcheck\s*:/.test(l)) {
        inCheck = true;
        indent = lead;
        continue;
      }
      if (inCheck && lead <= indent) inCheck = false;
      if (!inCheck) continue;
      for (const m of l.slice(0, 2000).matchAll(LOCAL_URL))
        add(m[1]!, s.path, n, l, `the compose healthcheck of ${s.name}`);
    }
  }
  for (const path of files.match(['**/fly.toml', '**/fly.*.toml'])) {
    const lines = files.lines(path);
    if (!lines) continue;
    let inCheck = false;
    for (let n = 1; n <= Math.min(lines.count, 2000); n++) {
      const l = lines.bare(n);
      if (/^\s*\[/.test(l)) inCheck = /checks\b/.test(l);
      const m = inCheck ? PATH_KEY.exec(l) : null;
      if (m) add(m[1]!, path, n, l, 'a fly.toml http check');
    }
  }
  for (const path of files.match(['**/render.yaml', '**/render.yml'])) {
    const lines = files.lines(path);
    if (!lines) continue;
    for (let n = 1; n <= Math.min(lines.count, 2000); n++) {
      const m = RENDER_KEY.exec(lines.bare(n));
      if (m) add(m[1]!, path, n, lines.bare(n), 'render.yaml healthCheckPath');
    }
  }
  return out;
}

/**
 * The route a file-system routing file serves: Next.js `app/…/route.ts` (route groups `(x)` and
 * parallel/private folders `@x`/`_x` left out), Next.js `pages/api/…`, Nuxt `server/api|routes/…`,
 * SvelteKit `routes/…/+server.ts`. Undefined for any other file, or one with a dynamic segment.
 */
export function fileSystemRoute(path: string): string | undefined {
  const m =
    /(?:^|\/)app\/((?:[^/]+\/)*?)route\.(?:js|ts|mjs)$/.exec(path) ??
    /(?:^|\/)routes\/((?:[^/]+\/)*?)\+server\.(?:js|ts)$/.exec(path) ??
    /(?:^|\/)(pages\/api\/(?:[^/]+\/)*?[^/]+?)(?:\/index)?\.(?:js|ts)$/.exec(path) ??
    /(?:^|\/)server\/((?:api|routes)\/(?:[^/]+\/)*?[^/]+?)(?:\/index)?(?:\.get)?\.(?:js|ts)$/.exec(path);
  if (!m) return undefined;
  const segs = m[1]!
    .replace(/^pages\//, '')
    .replace(/^routes\//, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  if (segs.some((s) => /[[\]]/.test(s) || s.startsWith('_'))) return undefined;
  return norm(`/${segs.join('/')}`);
}
