/**
 * Hidden classes for objects the audit keeps by the hundred thousand. V8 finds the hidden class of
 * an object built from `{}` one key at a time (a literal of up to four fields, `Object.assign({},
 * …)`, a structured clone from a scan worker) by following transitions from the empty object's
 * class, which holds at most 1,536 of them. A scan parses YAML, JSON and HCL mappings whose first
 * keys are all different: the empty class fills up, and until the garbage collector clears the
 * transitions of dead objects every new key sequence gets a class of its own (a Map, a descriptor
 * array and an enum cache: ~300 bytes per object). At 100k generated files, 7,597 of 7,598 test
 * files' counts had one each (~7 MB at 300k files), created mid-scan on either thread.
 *
 * A shape kept here is built when its module loads, before the scan, and stays alive: its
 * transitions are then found, never added, by every later object with the same leading keys.
 */
const kept: object[] = [];

/** Keeps the hidden classes of an object with these keys, added in this order, alive for the whole run. */
export function keepShape(...keys: string[]): void {
  const o: Record<string, number> = {};
  for (const k of keys) o[k] = 0;
  kept.push(o);
}

/**
 * A maker of empty plain objects for one type, whose fields then sit inside the object: V8 sizes
 * the objects a constructor makes by the fields its first few got (slack tracking), where `{}`
 * holds four and puts the rest in a property array beside the object (16 bytes and up to three
 * empty slots more). A structured clone is built that way too, whatever its fields. The objects
 * are plain: their prototype is `Object.prototype` and their constructor `Object`. One maker per
 * type, since the size is the type's.
 */
export function plainMaker(): () => Record<string, unknown> {
  function Plain(): void {}
  Plain.prototype = Object.prototype;
  const Made = Plain as unknown as new () => Record<string, unknown>;
  return () => new Made();
}

/**
 * `o` copied into an object from `make` (plainMaker): the same keys in the same order and the same
 * values. For objects of the program's own types, never a parsed mapping (an own `__proto__` key
 * would set the copy's prototype).
 */
export function plainCopy<T extends object>(make: () => Record<string, unknown>, o: T): T {
  return Object.assign(make(), o) as T;
}
