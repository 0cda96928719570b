/**
 * The report formats' names, in a module of their own so that the command line's help can list
 * them without loading the renderers. Each name has its entry in the table in ./index.ts (the
 * compiler refuses a name without one).
 */
export const FORMATS = ['terminal', 'json', 'md', 'summary', 'html', 'sarif', 'badge'] as const;
export type Format = (typeof FORMATS)[number];
