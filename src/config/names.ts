/**
 * The configuration file names discovered in an audited root, in a module of their own: an audit
 * of a tree without one need not load the parser and its schema.
 */
export const CONFIG_NAMES = [
  '.readiness.yml',
  '.readiness.yaml',
  'readiness.config.yml',
  'readiness.config.yaml',
  'readiness.config.json',
];
