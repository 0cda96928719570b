/**
 * NestJS route composition (round 1): a route is the global prefix (`app.setGlobalPrefix('api')`,
 * unless its `exclude` list names the route), then the controller's path (`@Controller('status')`),
 * then the method's (`@Get('health')`). pingvin serves `@Get("health")` in `@Controller("/")` under
 * the prefix `api` as /api/health, which its Dockerfile HEALTHCHECK curls.
 */
import type { FileView, Match, PatternSpec } from '../types.js';

export const NEST_PREFIX: PatternSpec = {
  regex: /\bsetGlobalPrefix\(\s*["'`]([^"'`]*)["'`]/,
  files: ['**/*.{ts,js,mts,mjs}'],
  literals: ['setGlobalPrefix'],
  maxPerFile: 2,
};

/** A NestJS route decorator on this line: `@Controller('x')`, `@Get('y')`, `@Head()`. */
const DECORATOR = /@(Controller|Get|Head|All)\(\s*(?:["'`]([^"'`]*)["'`])?/;

/** How far above a method decorator its class's `@Controller` may be. */
const ABOVE = 400;

/**
 * The full path of a NestJS route declared on the matched line, or undefined when the line is not a
 * NestJS decorator. `prefixes` are the setGlobalPrefix matches of the repository.
 */
export function nestRoute(files: FileView, m: Match, prefixes: readonly Match[]): string | undefined {
  const d = DECORATOR.exec(m.snippet);
  if (!d) return undefined;
  let controller = '';
  let method = '';
  if (d[1] === 'Controller') controller = d[2] ?? '';
  else {
    method = d[2] ?? '';
    const lines = (files.read(m.path) ?? '').split('\n');
    for (let i = m.line - 2; i >= 0 && i >= m.line - 1 - ABOVE; i--) {
      const c = /@Controller\(\s*(?:["'`]([^"'`]*)["'`])?/.exec(lines[i] ?? '');
      if (c) {
        controller = c[1] ?? '';
        break;
      }
    }
  }
  const local = join(controller, method);
  return join(globalPrefix(files, prefixes, local), local);
}

/** The prefix that applies to a route: the one of the same app folder, unless excluded. */
function globalPrefix(files: FileView, prefixes: readonly Match[], route: string): string {
  for (const p of prefixes) {
    const text = (files.read(p.path) ?? '')
      .split('\n')
      .slice(p.line - 1, p.line + 5)
      .join('\n');
    const call = text.slice(0, text.indexOf(');') >= 0 ? text.indexOf(');') : text.length);
    const exclude = /exclude\s*:\s*\[([^\]]*)\]/.exec(call)?.[1] ?? '';
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
