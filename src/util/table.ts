/**
 * Lookup tables keyed by names a repository writes (a command, a hook id, a file extension, a
 * dependency). A plain object literal answers `constructor`, `toString` or `__proto__` with
 * Object.prototype's members, so `TABLE[name]` on hostile input returned a function where a list
 * or string was expected and crashed the audit (`id: constructor` in a pre-commit config). A table
 * made here has no prototype: every name it was not given is `undefined`, and `name in table` is
 * false for them too.
 */
export function table<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** An empty record to fill from repository text (counts, attributes, environment), without a prototype. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
