/** YAML with line numbers: walk a document's nodes and report scalars with their lines. */
import type { Node } from 'yaml';
import { checkYamlNesting, yaml } from './parsers.js';
import { parseFast, type Lines } from './yaml-fast.js';

export interface YamlScalar {
  /** Keys from the document root, e.g. ['jobs', 'test', 'steps', '2', 'run']. */
  path: string[];
  value: string;
  line: number;
  /** A block scalar (`|` or `>`): its content starts on the line after `line`. */
  block: boolean;
}

export interface YamlDoc {
  value: unknown;
  /** Line of a path in the document (first line of the node), if present. */
  lineOf(path: (string | number)[]): number | undefined;
  scalars: YamlScalar[];
}

export interface YamlFile {
  docs: YamlDoc[];
  error?: string;
}

/**
 * Parses every document of a YAML stream; a malformed file yields `error`, never a throw. Plain
 * block YAML is read by yaml-fast.ts (the same answers, several times faster); the rest, and any
 * line that reader is not certain of, by the `yaml` library.
 */
export function parseYamlWithLines(text: string): YamlFile {
  const fast = parseFast(text);
  if (!fast) return parseWithLibraryOrFlowRepair(text);
  let exact: YamlFile | undefined;
  const docs = fast.map(({ value, lines }, k): YamlDoc => {
    let scalars: YamlScalar[] | undefined;
    return {
      value,
      get scalars() {
        return (scalars ??= scalarsOf(value, lines));
      },
      lineOf(path) {
        const hit = fastLineOf(lines, path);
        return hit !== null ? hit : (exact ??= parseWithLibrary(text)).docs[k]?.lineOf(path);
      },
    };
  });
  return { docs };
}

/** The line of `path`, undefined when it is not there, or null when only the library can tell. */
function fastLineOf(root: Lines, path: (string | number)[]): number | undefined | null {
  let at = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    let next: Lines | undefined;
    if (at.keys && typeof key === 'string') next = at.keys.get(key);
    else if (at.items && typeof key === 'number' && Number.isInteger(key) && key >= 0) next = at.items[key];
    else return null;
    if (!next) return at.keys && i === path.length - 1 ? undefined : null;
    at = next;
  }
  return at.empty ? null : at.line;
}

function scalarsOf(value: unknown, lines: Lines): YamlScalar[] {
  const out: YamlScalar[] = [];
  const walk = (v: unknown, l: Lines, path: string[], depth: number) => {
    if (depth > 64) return;
    if (l.pairs) for (const [k, pv, pl] of l.pairs) walk(pv, pl, [...path, k], depth + 1);
    else if (l.keys) for (const [k, kl] of l.keys) walk((v as Record<string, unknown>)[k], kl, [...path, k], depth + 1);
    else if (l.items) l.items.forEach((il, i) => walk((v as unknown[])[i], il, [...path, String(i)], depth + 1));
    else if (v !== null && v !== undefined) out.push({ path, value: String(v), line: l.line, block: !!l.block });
  };
  walk(value, lines, [], 0);
  return out;
}

/**
 * The library's reading; where it rejects only a flow collection continued at (or left of) its key's
 * own indent (`args: [` then `"--flag",` lines under `args`), which PyYAML and kubectl accept, the
 * same text with those lines indented past the key (issue 15, blind round 49: two Kubernetes
 * Deployments were "not parseable as YAML", their replicas, probes and limits unseen).
 */
function parseWithLibraryOrFlowRepair(text: string): YamlFile {
  const first = parseWithLibrary(text);
  if (!first.error || !FLOW_INDENT.test(first.error)) return first;
  const repaired = indentFlowContinuations(text);
  if (repaired === undefined) return first;
  const second = parseWithLibrary(repaired);
  return second.error ? first : second;
}

const FLOW_INDENT = /^Flow (?:sequence|mapping) in block collection must be sufficiently indented/;
/** Above this many characters the repair is not tried (the library's error stands). */
const MAX_REPAIR = 2_000_000;
/** A key further right than this is not repaired (the added padding would be lines × this). */
const MAX_KEY_COLUMN = 200;

/**
 * The text with every line inside a block-context flow collection (`key: [` … `]`) that starts at
 * or left of the key's column indented two columns past it; undefined when no line moved. Lines keep
 * their numbers. One pass over the characters: quotes (single, double with escapes) and comments are
 * followed so a `]` in a string or comment closes nothing.
 */
export function indentFlowContinuations(text: string): string | undefined {
  if (text.length > MAX_REPAIR) return undefined;
  const lines = text.split('\n');
  let depth = 0;
  let base = 0;
  let quote = '';
  let moved = false;
  const scan = (line: string, from: number) => {
    for (let i = from; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = '';
        }
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    }
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (depth > 0) {
      let indent = 0;
      while (line[indent] === ' ') indent++;
      if (!quote && indent < line.length && indent <= base) {
        // The padding is bounded by the key's column: a key hundreds of columns in is no manifest
        // (a hostile file would grow by lines × columns), and the library's error stands.
        if (base > MAX_KEY_COLUMN) return undefined;
        lines[n] = ' '.repeat(base + 2 - indent) + line;
        moved = true;
      }
      scan(line, 0);
      continue;
    }
    quote = '';
    // The column of the node that holds the value: past the indent and any `- ` item markers.
    let col = 0;
    while (line[col] === ' ') col++;
    while (line[col] === '-' && line[col + 1] === ' ') {
      col += 2;
      while (line[col] === ' ') col++;
    }
    let at = col;
    if (line[at] !== '[' && line[at] !== '{') {
      const colon = line.indexOf(': ', col);
      if (colon < 0 || line.lastIndexOf('#', colon) >= col) continue;
      at = colon + 2;
      while (line[at] === ' ') at++;
      if (line[at] !== '[' && line[at] !== '{') continue;
    }
    scan(line, at);
    if (depth > 0) base = col;
    else quote = '';
  }
  return moved ? lines.join('\n') : undefined;
}

function parseWithLibrary(text: string): YamlFile {
  const { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } = yaml();
  const lc = new LineCounter();
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    checkYamlNesting(text);
    parsed = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false, strict: false });
  } catch (err) {
    return { docs: [], error: (err as Error).message.split('\n')[0] };
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const docs: YamlDoc[] = [];
  for (const d of list) {
    if (d.errors.length > 0) return { docs, error: d.errors[0]!.message.split('\n')[0] };
    let value: unknown;
    try {
      value = d.toJS({ maxAliasCount: 100 });
    } catch (err) {
      return { docs, error: (err as Error).message.split('\n')[0] };
    }
    const lineAt = (node: Node | null | undefined) => (node?.range ? lc.linePos(node.range[0]).line : undefined);
    const scalars: YamlScalar[] = [];
    const walk = (node: unknown, path: string[], depth: number) => {
      if (depth > 64) return;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '?';
          walk(pair.value, [...path, key], depth + 1);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => walk(item, [...path, String(i)], depth + 1));
      } else if (isScalar(node) && node.value !== null && node.value !== undefined) {
        scalars.push({
          path,
          value: String(node.value),
          line: lineAt(node as Node) ?? 1,
          block: node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED',
        });
      }
    };
    walk(d.contents, [], 0);
    docs.push({
      value,
      scalars,
      lineOf(path) {
        try {
          const node = d.getIn(path, true) as Node | undefined;
          if (node && typeof node === 'object') return lineAt(node);
          // A key whose value is null: find the pair's key node instead.
          const parent = d.getIn(path.slice(0, -1), true);
          if (isMap(parent)) {
            const pair = parent.items.find(
              (p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]),
            );
            if (pair && isScalar(pair.key)) return lineAt(pair.key as Node);
          }
        } catch {
          /* path not in the document */
        }
        return undefined;
      },
    });
  }
  return { docs };
}
