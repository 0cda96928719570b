/**
 * Appends `value` to the list `map` holds under `key`, creating it: in place, where
 * `map.set(key, [...(map.get(key) ?? []), value])` copied the list on every append, quadratic in a
 * group's size (a CI step or a justfile recipe of 20,000 commands took a minute).
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
