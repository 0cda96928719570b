/**
 * A table's own entry for a name a repository wrote, or undefined: `table[name]` answers `constructor`,
 * `toString` or `__proto__` with Object.prototype's members, so a CI step `run: constructor x` crashed
 * the command graph (h-mend31).
 */
export function own<T>(table: Readonly<Record<string, T>>, name: string | undefined): T | undefined {
  return name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}
