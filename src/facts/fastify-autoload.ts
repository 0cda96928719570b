/**
 * Plugins registered by @fastify/autoload: `fastify.register(autoload, { dir: join(__dirname,
 * 'plugins/external') })` registers every module of that folder. A module whose default export is a
 * plugin package (`import helmet from '@fastify/helmet'` … `export default helmet`) registers that
 * package, though no line of the project calls `register(helmet)` (round 11: fastify/demo's helmet,
 * cors and rate-limit were "declared but never registered"). Autohooks files (`autohooks.ts`) of an
 * autoloaded folder run their hooks for every route below them.
 */
import type { FileView } from '../types.js';
import { joinPath } from './commands/types.js';
import { dirOf } from './paths.js';

export interface AutoloadedModule {
  /** The plugin module and the line of its default export. */
  path: string;
  line: number;
  snippet: string;
  /** The package its default export re-exports (`@fastify/helmet`), when it is one. */
  pkg?: string;
  /** Where the folder is autoloaded. */
  via: { path: string; line: number };
}

const JS = '{ts,js,mjs,cjs,mts,cts}';
/** `dir: path.join(__dirname, 'plugins')`, `dir: join(import.meta.dirname, 'routes')`, `dir: 'src/plugins'`. */
const DIR =
  /\bdir\s*:\s*(?:(?:path\.)?(?:join|resolve)\(\s*(?:__dirname|import\.meta\.dirname|[\w.]+)\s*,\s*)?['"`]([\w./-]+)['"`]/g;

/**
 * The modules that the autoload registrations in these files (files that import @fastify/autoload)
 * load, each with its default export and the package it re-exports. Only those files and the
 * folders they name are read.
 */
export function fastifyAutoloaded(files: FileView, loaders: readonly string[]): AutoloadedModule[] {
  const out: AutoloadedModule[] = [];
  for (const loader of [...new Set(loaders)].slice(0, 20)) {
    const text = files.read(loader) ?? '';
    if (!/\bregister\s*\(/.test(text)) continue;
    for (const m of text.matchAll(DIR)) {
      const via = { path: loader, line: files.lines(loader)!.lineAt(m.index) };
      const dir = joinPath(dirOf(loader), m[1]!);
      for (const path of files.match([`${dir}/**/*.${JS}`]).slice(0, 200)) {
        if (/\.(?:test|spec|d)\.\w+$/.test(path)) continue;
        const body = files.read(path) ?? '';
        const lines = body.split('\n');
        const i = lines.findIndex((l) => /^\s*(?:export\s+default\b|module\.exports\s*=)/.test(l));
        if (i < 0) continue;
        const snippet = lines[i]!.trim();
        const name = /^(?:export\s+default|module\.exports\s*=)\s*([A-Za-z_$][\w$]*)\s*(?:;\s*)?$/.exec(snippet)?.[1];
        const pkg = name
          ? new RegExp(
              String.raw`import\s+${name}\b[^;\n]*?from\s+['"]([^'"]+)['"]|\b${name}\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)`,
            ).exec(body)
          : null;
        const from = pkg?.[1] ?? pkg?.[2];
        out.push({ path, line: i + 1, snippet, ...(from && !from.startsWith('.') ? { pkg: from } : {}), via });
      }
    }
  }
  return out;
}

/** `app.register(X, …)`, `app.register(require('pkg'))`, `app.register(import('pkg'))`: what a Fastify register call names. */
const REGISTER =
  /\.register\(\s*(?:await\s+)?(?:(?:require|import)\(\s*['"]([@\w./-]{1,100})['"]\s*\)|([A-Za-z_$][\w$]{0,60})\s*(?:[,)]|$))/;

/**
 * Whether a line registers one of the plugin packages `pkgs` with Fastify: by the package named in
 * the call, or by the name the file binds it to (`import fastifyRateLimit from '@fastify/rate-limit'`,
 * `const cors = require('@fastify/cors')`) and then registers (`app.register(fastifyRateLimit, { max })`).
 * Blind round 46: quirrel's `app.register(fastifyRateLimit, …)` was "declared and imported, but no
 * call applies it". `text` is the file's text (the first 200 kB are read for the binding).
 */
export function registersFastifyPlugin(line: string, text: string, pkgs: readonly string[]): boolean {
  const m = REGISTER.exec(line.slice(0, 400));
  if (!m) return false;
  if (m[1] !== undefined) return pkgs.includes(m[1]);
  const name = m[2]!.replace(/\$/g, '\\$');
  const names = pkgs.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  const bound = new RegExp(
    String.raw`\bimport\s+(?:type\s+)?${name}\s*(?:,\s*\{[^}]{0,400}\})?\s+from\s+['"](?:${names})['"]|\b(?:const|let|var)\s+${name}\s*=\s*require\(\s*['"](?:${names})['"]\s*\)`,
  );
  return bound.test(text.slice(0, 200_000));
}
