/**
 * NestJS route composition (round 1): a route is the global prefix (`app.setGlobalPrefix('api')`,
 * unless its `exclude` list names the route), then the controller's path (`@Controller('status')`),
 * then the method's (`@Get('health')`). pingvin serves `@Get("health")` in `@Controller("/")` under
 * the prefix `api` as /api/health, which its Dockerfile HEALTHCHECK curls.
 */
import type { Match, PatternSpec } from '../types.js';

/** `app.setGlobalPrefix('api', { exclude: ['robots.txt', 'health'] })`: the prefix and the exclusions. */
export const NEST_PREFIX: PatternSpec = {
  regex: /\bsetGlobalPrefix\(\s*["'`]([^"'`]*)["'`]\s*(?:,\s*\{\s*exclude\s*:\s*\[([^\]]*)\])?/,
  files: ['**/*.{ts,js,mts,mjs}'],
  literals: ['setGlobalPrefix'],
  maxPerFile: 2,
};

/**
 * `@Controller('status')` lines, so a method route finds its class's path without reading the file
 * again; also a project's own wrapper of it (`@ApiController('health')`, blind round 16 mx-space/core).
 */
export const NEST_CONTROLLER: PatternSpec = {
  regex: /@\w*Controller\(\s*(?:["'`]([^"'`]*)["'`])?/,
  files: ['**/*.{ts,js,mts,mjs}'],
  literals: ['Controller('],
  maxPerFile: 20,
};

/** A NestJS route decorator on this line: `@Controller('x')`, `@Get('y')`, `@Head()`. */
const DECORATOR = /@(\w*Controller|Get|Head|All)\(\s*(?:["'`]([^"'`]*)["'`])?/;

/**
 * The full path of a NestJS route declared on the matched line, or undefined when the line is not a
 * NestJS decorator: the global prefix (`prefixes`, unless it excludes the route), the nearest
 * `@Controller` above in the file (`controllers`), the method's path.
 */
export function nestRoute(m: Match, prefixes: readonly Match[], controllers: readonly Match[]): string | undefined {
  const d = DECORATOR.exec(m.snippet);
  if (!d) return undefined;
  let controller = '';
  let method = '';
  if (d[1]!.endsWith('Controller')) controller = d[2] ?? '';
  else {
    method = d[2] ?? '';
    const above = controllers.filter((c) => c.path === m.path && c.line <= m.line).pop();
    controller = above?.groups[0] ?? '';
  }
  const local = join(controller, method);
  return join(globalPrefix(prefixes, local), local);
}

/** The prefix that applies to a route, unless its exclude list names it. */
function globalPrefix(prefixes: readonly Match[], route: string): string {
  for (const p of prefixes) {
    const exclude = p.groups[1] ?? '';
    const excluded = [...exclude.matchAll(/["'`]\/?([^"'`]*)["'`]/g)].some((e) => e[1] === route);
    if (!excluded) return p.groups[0] ?? '';
  }
  return '';
}

function join(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');
}
