/**
 * Netlify builds that run the app's server code: server-rendered frameworks and functions. Shared by
 * continuous-deployment (not a static site) and the runtime fact (a platform that runs the service).
 */
import type { FileView } from '../types.js';

/**
 * A Netlify build that renders on the server: its command (or the package script it runs) is
 * `nuxt build` or `next build`, which Netlify deploys as functions beside the assets, unless the
 * framework config makes it static (Nuxt top-level `ssr: false`, Next.js `output: 'export'`). The
 * host then runs the app's server, not a static site (blind round 47, a Nuxt app on Netlify set
 * aside as "a static site built from one folder").
 */
export function serverRendered(files: FileView, toml: string, base: string | undefined): boolean {
  const command = /^[ \t]*command[ \t]*=[ \t]*["']([^"'\n]{0,300})["']/m.exec(toml)?.[1];
  if (!command) return false;
  const dir = (base ?? '').replace(/^\.?\/+|\/+$/g, '');
  const at = (f: string) => (dir && dir !== '.' ? `${dir}/${f}` : f);
  let text = command;
  const script = /\b(?:npm|pnpm|yarn|bun)[ \t]+(?:run[ \t]+)?([\w:.-]{1,60})/.exec(command)?.[1];
  if (script) {
    const pkg = files.readJson(at('package.json'));
    const scripts = pkg.ok ? (pkg.value as { scripts?: Record<string, unknown> } | undefined)?.scripts : undefined;
    const body = scripts?.[script];
    if (typeof body === 'string') text += `\n${body.slice(0, 500)}`;
  }
  const config = (names: string[]) =>
    names
      .map((n) => files.read(at(n)))
      .find((t) => t !== undefined)
      ?.slice(0, 100_000) ?? '';
  if (/\b(?:nuxt|nuxi)[ \t]+build\b/.test(text))
    return !/^[ \t]{0,2}ssr[ \t]*:[ \t]*false\b/m.test(config(['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs']));
  if (/\bnext[ \t]+build\b/.test(text))
    return !/\boutput[ \t]*:[ \t]*["']export["']/.test(config(['next.config.js', 'next.config.mjs', 'next.config.ts']));
  return false;
}

/**
 * A netlify.toml that runs the service: it declares functions (`[functions]`, netlify/functions/) or
 * its build renders on the server (serverRendered).
 */
export function netlifyRunsServer(files: FileView, path: string, text: string): boolean {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  if (/^[ \t]*(?:\[functions\]|functions[ \t]*=)/m.test(text) || files.match([`${dir}netlify/functions/**`]).length > 0)
    return true;
  const base = /^[ \t]*base[ \t]*=[ \t]*["']([^"'\n]*)["']/m.exec(text)?.[1];
  return serverRendered(files, text, base ?? (dir ? dir.slice(0, -1) : undefined));
}
