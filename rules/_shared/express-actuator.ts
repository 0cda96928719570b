/**
 * express-actuator (`app.use(actuator())`): one middleware that serves `/health` (status UP, no
 * dependency check), `/info` and `/metrics` (process memory and uptime as JSON, no Prometheus
 * format), under `basePath` when one is given (blind round 22, actual-server src/app.js:61).
 */
import type { Match } from '../../src/types.js';

/** `app.use(actuator())`, `router.use(expressActuator({ basePath: '/management' }))`. */
export const ACTUATOR_MOUNT = {
  regex: /\.use\(\s*(?:[\w.]*\.)?(\w*[aA]ctuator)\s*\(\s*(?:\{[^}]*?\bbasePath\s*:\s*["'`]([^"'`]*)["'`])?/,
  files: ['**/*.{js,ts,mjs,cjs}'],
  literals: ['ctuator('],
  maxPerFile: 2,
};

/** The routes an express-actuator mount serves at, given the project declares the package. */
export function actuatorRoutes(
  mounts: Match[],
  declared: boolean,
  endpoint: 'health' | 'metrics',
): { match: Match; route: string }[] {
  if (!declared) return [];
  return mounts.map((m) => {
    const base = (m.groups[1] ?? '').replace(/\/+$/, '');
    const route = `${base && !base.startsWith('/') ? '/' : ''}${base}/${endpoint}`;
    return { match: { ...m, groups: [route] }, route };
  });
}
