/**
 * Helm templates made parseable: template directives are neutralised line by line (keeping line
 * numbers) so that kinds, containers, probes, resources and replicas can be read as YAML, and
 * `.Values` references are kept as markers that k8s.ts resolves against the chart's values.yaml.
 */

/** A whole value that came from a template: `replicas: {{ .Values.replicaCount }}`. */
export const VALUE_REF = '__helmValue';

export interface HelmLine {
  text: string;
  /** `.Values` paths of the `if` blocks enclosing this line (negated with a leading `!`). */
  conditions: string[];
  /** The line of the template file this output line stands for (an included line: the `include`). */
  at?: number;
  /** Where a line spliced in from a named template was written (`_pod.tpl:124`). */
  from?: { path: string; line: number };
}

/** A named template of a chart (`{{- define "x.pod" -}}` in templates/_pod.tpl): its body lines. */
export interface HelmDefine {
  path: string;
  /** Line of the first body line. */
  line: number;
  body: string[];
  /** It holds a pod spec or a whole object (see WORKLOAD_DEFINE). */
  workload: boolean;
  /** It holds a container's probes or resources (see CONTAINER_FRAGMENT): spliced in as a workload is. */
  fragment?: boolean;
  /** Offset in the source of each body line, where unrolling a literal `range` made the body longer. */
  origin?: number[];
}

/** Template comments blanked, lines kept. */
const blankComments = (t: string) => t.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));

/** Directives that open a block closed by `{{ end }}`. */
const OPENERS = new Set(['if', 'with', 'range', 'define', 'block']);

/** Net block depth a (joined) line opens: `{{ if }}` +1, `{{ end }}` -1. */
function depthChange(line: string): number {
  let d = 0;
  for (const m of line.matchAll(TEMPLATE)) {
    const word = /^(\w+)/.exec(m[1]!.trim())?.[1] ?? '';
    if (OPENERS.has(word)) d++;
    else if (word === 'end') d--;
  }
  return d;
}

/**
 * Where each block opened on a line ends, found in one stack pass: for a line that opens more
 * blocks than it closes, the first later line where the depth falls back to the line's own
 * starting depth (`lines.length` when it never does); for any other line, the next line.
 */
export function blockEnds(lines: string[]): Int32Array {
  const ends = new Int32Array(lines.length);
  // Open lines, each with the depth before it; the depths rise towards the top of the stack.
  const open: { line: number; before: number }[] = [];
  let depth = 0;
  for (let j = 0; j < lines.length; j++) {
    const change = lines[j]!.includes('{{') ? depthChange(lines[j]!) : 0;
    depth += change;
    while (open.length > 0 && depth <= open[open.length - 1]!.before) ends[open.pop()!.line] = j;
    if (change > 0) open.push({ line: j, before: depth - change });
    else ends[j] = j + 1;
  }
  for (const o of open) ends[o.line] = lines.length;
  return ends;
}

/** Lines with directives spanning lines joined onto their first line (the rest left empty). */
function joinDirectives(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    let j = i;
    while (
      j + 1 < out.length &&
      j - i < 20 &&
      (out[i]!.match(/\{\{/g)?.length ?? 0) > (out[i]!.match(/\}\}/g)?.length ?? 0)
    ) {
      j++;
      out[i] = `${out[i]} ${out[j]!.trim()}`;
      out[j] = '';
    }
  }
  return out;
}

/** The named templates defined in a chart's helper files. */
export function helmDefines(sources: { path: string; text: string }[]): Map<string, HelmDefine> {
  const out = new Map<string, HelmDefine>();
  for (const { path, text } of sources) {
    const lines = blankComments(text).split(/\r?\n/);
    const joined = joinDirectives(lines);
    let ends: Int32Array | undefined;
    for (let i = 0; i < joined.length; i++) {
      const name = /\{\{-?\s*define\s+"([^"]+)"/.exec(joined[i]!)?.[1];
      if (!name) continue;
      ends ??= blockEnds(joined);
      const j = Math.min(ends[i]!, joined.length);
      const raw = lines.slice(i + 1, j);
      const unrolled = unrollLiteralRanges(raw);
      const body = unrolled?.body ?? raw;
      const joinedBody = body.join('\n');
      out.set(name, {
        path,
        line: i + 2,
        body,
        workload: WORKLOAD_DEFINE.test(joinedBody),
        ...(CONTAINER_FRAGMENT.test(joinedBody) ? { fragment: true } : {}),
        ...(unrolled ? { origin: unrolled.origin } : {}),
      });
      i = j;
    }
  }
  return out;
}

/**
 * A named template that renders a container's probes or resources at its own top level
 * (`{{- define "db.probes" -}}` → `livenessProbe:` …, included with `| nindent 10` inside a container;
 * blind round 22, influxdata/helm-charts): what it renders belongs to the including container.
 */
const CONTAINER_FRAGMENT = /^(?:livenessProbe|readinessProbe|startupProbe|resources):/m;

/** Items of a literal list one helper ranges over, at most (`range $p := list "liveness" "readiness"`). */
const LITERAL_ITEMS = 8;

/**
 * A helper's `range $name := list "liveness" "readiness" "startup"` whose body writes `{{ $name }}`
 * unrolled, one copy per item with the item written in (`{{ $name }}Probe:` → `livenessProbe:`),
 * so that the keys it renders can be read; each line keeps its offset in the source. Undefined when
 * the body has no such range.
 */
function unrollLiteralRanges(body: string[]): { body: string[]; origin: number[] } | undefined {
  if (!body.some((l) => /\brange\s+\$\w+\s*:=\s*list\s+"/.test(l))) return undefined;
  const ends = blockEnds(body);
  const out: string[] = [];
  const origin: number[] = [];
  let changed = false;
  for (let i = 0; i < body.length; i++) {
    const m = /^\s*\{\{-?\s*range\s+(\$\w+)\s*:=\s*list((?:\s+"[\w.-]+")+)\s*-?\}\}\s*$/.exec(body[i]!);
    const items = m ? [...m[2]!.matchAll(/"([\w.-]+)"/g)].map((x) => x[1]!) : [];
    const j = m ? ends[i]! : 0;
    if (!m || items.length > LITERAL_ITEMS || j >= body.length) {
      out.push(body[i]!);
      origin.push(i);
      continue;
    }
    const ref = new RegExp(`\\{\\{-?\\s*\\${m[1]}\\s*-?\\}\\}`, 'g');
    out.push('');
    origin.push(i);
    for (const item of items)
      for (let k = i + 1; k < j; k++) {
        out.push(body[k]!.replace(ref, item));
        origin.push(k);
      }
    out.push('');
    origin.push(j);
    changed = true;
    i = j;
  }
  return changed ? { body: out, origin } : undefined;
}

/**
 * A named template that holds a pod spec or a whole object (`containers:`, a top-level `kind:`):
 * the workload is judged from it. Label and name helpers are left as directives.
 */
const WORKLOAD_DEFINE = /^\s*(?:- )?(?:containers|initContainers):\s*$|^kind:\s*\S/m;

/**
 * Blocks tracked one inside another; deeper ones (no chart nests so far) are read as if absent, as
 * each line looks through the whole stack (quadratic on thousands of nested `range`s).
 */
const MAX_NESTING = 64;

/** Maximum nesting of includes followed. */
const INCLUDE_DEPTH = 3;

/**
 * Lines one template may grow to with named templates spliced in and ranges unrolled: four times
 * its own lines, and never under SPLICE_FLOOR. The depth limit bounds nesting, not fan-out (a
 * helper that includes another ten times, four deep); past this the template is read plain.
 */
const SPLICE_FACTOR = 4;
const SPLICE_FLOOR = 20_000;

/** Output lines left to one template's expansion, shared by the whole recursion. */
interface Budget {
  left: number;
}

interface Expanded {
  lines: string[];
  at: number[];
  from: ({ path: string; line: number } | undefined)[];
}

/** An unrolled `range $key, $entry := .Values.P` over a values map: one entry. */
interface RangeScope {
  /** Values path of the entry: `components.ad`. */
  scope: string;
  key: string;
  entry: Record<string, unknown>;
  /** The range's value variable (`$config`), the argument an include passes the entry by. */
  variable: string;
  /** Fields set on the entry from elsewhere: `set . "defaultValues" $.Values.default`. */
  aliases: Map<string, string>;
}

/** Fields of the root context, never fields of a range entry. */
const ROOT_FIELDS = new Set(['Values', 'Chart', 'Release', 'Capabilities', 'Template', 'Files']);

/** A values key that can stand in a template's text as it is: `ad`, `otel-collector`, `v1.2`. */
const PLAIN_KEY = /^[\w.-]+$/;

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === false || v === '' || (typeof v === 'object' && Object.keys(v).length === 0);

/**
 * A named template's body as rendered for one range entry: its relative fields (`.resources`)
 * become that entry's values paths (`.Values.components.ad.resources`), `{{ .name }}` the entry's
 * key when the entry sets no name, and a nested `range` over a field the entry leaves empty
 * renders nothing. Lines inside a nested `range`/`with` (another dot) are left as they are.
 */
function scoped(body: string[], s: RangeScope): string[] {
  const out: string[] = [];
  const stack: { kind: string; drop: boolean }[] = [];
  let beyond = 0;
  for (const line of body) {
    const inner = stack.some((b) => b.kind === 'range' || b.kind === 'with');
    const dropping = stack.some((b) => b.drop);
    let text = line;
    if (!inner && !dropping)
      text = line.replace(TEMPLATE, (whole, expr: string) => {
        if (/^\.name(\s*\|\s*lower)?$/.test(expr.trim()) && !('name' in s.entry))
          return PLAIN_KEY.test(s.key) ? s.key : whole;
        return whole.replace(/(^|[\s(|{])\.([A-Za-z_]\w*)/g, (m, pre: string, field: string) =>
          ROOT_FIELDS.has(field)
            ? m
            : s.aliases.has(field)
              ? `${pre}.Values.${s.aliases.get(field)}`
              : `${pre}.Values.${s.scope}.${field}`,
        );
      });
    for (const m of line.matchAll(TEMPLATE)) {
      const expr = m[1]!.trim();
      const word = /^(\w+)/.exec(expr)?.[1] ?? '';
      if (OPENERS.has(word)) {
        const field = word === 'range' ? /^range\s+\.([A-Za-z_]\w*)\s*$/.exec(expr)?.[1] : undefined;
        if (stack.length >= MAX_NESTING) beyond++;
        else stack.push({ kind: word, drop: !inner && field !== undefined && isEmpty(s.entry[field]) });
      } else if (word === 'end') {
        if (beyond > 0) beyond--;
        else stack.pop();
      }
    }
    out.push(dropping || stack.some((b) => b.drop) ? '' : text);
  }
  return out;
}

/**
 * Splices the body of each workload-bearing named template in where a line includes it
 * (`{{- include "x.pod" . | nindent 6 }}`), indented as `nindent`/`indent` says; line origins
 * are kept so findings cite the helper's line. A `range $name, $config := .Values.components`
 * that includes one is unrolled over the entries values.yaml sets: one workload per entry.
 */
function expandIncludes(
  lines: string[],
  defines: Map<string, HelmDefine>,
  depth: number,
  budget: Budget,
  values?: unknown,
  scope?: RangeScope,
): Expanded {
  const out: Expanded = { lines: [], at: [], from: [] };
  const keep = (line: string, at: number) => {
    out.lines.push(line);
    out.at.push(at);
    out.from.push(undefined);
  };
  const workloadInclude = (l: string) => {
    const n = /\{\{-?\s*(?:include|template)\s+"([^"]+)"/.exec(l)?.[1];
    return n !== undefined && defines.get(n)?.workload === true;
  };
  // Found once per call, on the first range worth unrolling: where each block ends, and how many
  // lines up to each one include a workload (a body holds one when the counts differ).
  let ends: Int32Array | undefined;
  let includes: Int32Array | undefined;
  for (let i = 0; i < lines.length; i++) {
    // Spent: the caller reads the template plain, so nothing more is worth producing.
    if (budget.left < 0) return out;
    const line = lines[i]!;
    const only = line.includes('{{') && line.replace(TEMPLATE, '').trim() === '';
    const range =
      only && values !== undefined && !scope
        ? /\{\{-?\s*range\s+\$\w+\s*,\s*(\$\w+)\s*:=\s*\$?\.Values\.([\w.]+)\s*-?\}\}/.exec(line)
        : null;
    // The value first: a range over what values.yaml leaves unset (or sets to a list) is not unrolled.
    const entries = range ? valueAt(values, range[2]!) : undefined;
    if (range && entries && typeof entries === 'object' && !Array.isArray(entries)) {
      if (!ends || !includes) {
        ends = blockEnds(lines);
        includes = new Int32Array(lines.length + 1);
        lines.forEach((l, k) => {
          includes![k + 1] = includes![k]! + (workloadInclude(l) ? 1 : 0);
        });
      }
      const j = depthChange(line) > 0 ? ends[i]! : lines.length;
      if (j < lines.length && includes[j]! > includes[i + 1]!) {
        const body = lines.slice(i + 1, j);
        const aliases = new Map<string, string>();
        for (const l of body)
          for (const m of l.matchAll(/\bset\s+\.\s+"(\w+)"\s+\$\.Values\.([\w.]+)/g)) aliases.set(m[1]!, m[2]!);
        keep('', i + 1);
        for (const [key, entry] of Object.entries(entries as Record<string, unknown>)) {
          if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
          // The key is written into the lines (`.Values.components.<key>.resources`): one that
          // is no plain name (a line break, `{{`) would shift or open lines, so it is not unrolled.
          if (!PLAIN_KEY.test(key)) continue;
          const s: RangeScope = {
            scope: `${range[2]}.${key}`,
            key,
            entry: entry as Record<string, unknown>,
            variable: range[1]!,
            aliases,
          };
          const variable = new RegExp(`\\${s.variable}\\.`, 'g');
          const inst = expandIncludes(
            body.map((l) => l.replace(variable, `.Values.${s.scope}.`)),
            defines,
            depth,
            budget,
            values,
            s,
          );
          budget.left -= inst.lines.length;
          if (budget.left < 0) return out;
          inst.lines.forEach((l, k) => {
            out.lines.push(l);
            out.at.push(i + 1 + inst.at[k]!);
            out.from.push(inst.from[k]);
          });
        }
        keep('', j + 1);
        i = j;
        continue;
      }
    }
    // A key whose value is the include (`template: {{ include "x.podTemplate" . | fromYaml | toYaml | nindent 4 }}`):
    // `nindent` starts the body on the next line, under the key (blind round 45, a chart whose
    // Deployment and DaemonSet both include one pod template). The key is kept, the body spliced below.
    const keyed =
      !only && depth < INCLUDE_DEPTH && line.includes('nindent') && line.length <= 500
        ? KEYED_INCLUDE.exec(line)
        : null;
    const name = only
      ? /\{\{-?\s*(?:include|template)\s+"([^"]+)"\s*(\S*)/.exec(line)
      : keyed
        ? ([keyed[0], keyed[2]!, keyed[3]!] as const)
        : null;
    const def = name && depth < INCLUDE_DEPTH ? defines.get(name[1]!) : undefined;
    if (!def?.workload && !def?.fragment) {
      keep(line, i + 1);
      continue;
    }
    if (keyed) keep(keyed[1]!, i + 1);
    const pad = ' '.repeat(Number(/\bn?indent\s+(\d+)/.exec(line)?.[1] ?? 0));
    // The entry passed on (`include "x.deployment" $config`): the body reads the entry's fields.
    const passed = scope && (name![2] === scope.variable || name![2] === '.') ? scope : undefined;
    const inner = expandIncludes(
      passed ? scoped(def.body, passed) : def.body,
      defines,
      depth + 1,
      budget,
      values,
      passed,
    );
    budget.left -= inner.lines.length;
    inner.lines.forEach((l, k) => {
      out.lines.push(l.trim() ? `${pad}${l}` : l);
      out.at.push(i + 1);
      const at = inner.at[k]! - 1;
      out.from.push(inner.from[k] ?? { path: def.path, line: def.line + (def.origin?.[at] ?? at) });
    });
  }
  return out;
}

/**
 * One directive, `{{- expr -}}`. The expression is captured with the spaces around it (callers
 * trim it): spaces matched on both sides of a lazy group backtrack quadratically on a long run of
 * them. It holds no `{{` (directives do not nest) and at most 2,000 characters, so the scan from
 * each `{{` stops at the next one: linear on a line of unclosed braces.
 */
/**
 * A map key whose value is an include with `nindent` (`  template: {{ include "x.pod" . | nindent 4 }}`):
 * the key, the template's name and the argument passed. Read on lines of at most 500 characters.
 */
const KEYED_INCLUDE =
  /^([ \t]*(?:- )?[\w.-]+:)[ \t]*\{\{-?[ \t]*(?:include|template)[ \t]+"([^"]+)"[ \t]*(\S*)[^}\n]*?\|[ \t]*nindent[ \t]+\d+[^}\n]*\}\}[ \t]*$/;

const TEMPLATE = /\{\{-?((?:[^{]|\{(?!\{)){0,2000}?)-?\}\}/g;

/**
 * A directive TEMPLATE leaves (longer than it reads, or holding `{{`) becomes a placeholder too, so
 * that YAML never reads its braces as a flow map; found with indexOf, linear. An unclosed `{{` stays.
 */
function overlong(text: string): string {
  let out = '';
  let from = 0;
  for (let i = text.indexOf('{{'); i !== -1; i = text.indexOf('{{', from)) {
    const end = text.indexOf('}}', i + 2);
    if (end === -1) break;
    out += `${text.slice(from, i)}helm-template`;
    from = end + 2;
  }
  return out + text.slice(from);
}

function valuesRef(expr: string, dotPath: string | undefined): string | undefined {
  // `.Values.a | default .Values.b`: a when values.yaml sets it, else b (ALTERNATIVE).
  // Each run of spaces has one way to match (`\s*\)?\s*` has many: quadratic on a long run).
  const fallback =
    /^\(?\s*\$?\.Values\.([\w.-]+)\s*(?:\)\s*)?\|\s*default\s+(?:\(\s*)?\$?\.Values\.([\w.-]+)\s*(?:\)\s*)?$/.exec(
      expr.trim(),
    );
  if (fallback) return `${fallback[1]}${ALTERNATIVE}${fallback[2]}`;
  const m = /(?:^|[\s(])\$?\.Values\.([A-Za-z0-9_.-]+)/.exec(expr);
  if (m) return m[1];
  // `toYaml .` inside `{{- with .Values.resources }}`.
  if (dotPath && /(^|[\s(|])\.(\s|$|\))/.test(expr)) return dotPath;
  return undefined;
}

/**
 * Neutralises a Helm template; the result has exactly as many lines as the input. When splicing
 * named templates in would outgrow the budget (see SPLICE_FACTOR), the template is read plain and
 * `notes` says so.
 */
export function neutraliseHelm(
  text: string,
  defines?: Map<string, HelmDefine>,
  values?: unknown,
  notes?: string[],
): HelmLine[] {
  // Comments and directives spanning lines become blank lines.
  const source = blankComments(text);
  let expanded: Expanded | undefined;
  if (defines && defines.size > 0) {
    const input = source.split(/\r?\n/);
    const limit = Math.max(SPLICE_FLOOR, SPLICE_FACTOR * input.length);
    const budget: Budget = { left: limit };
    expanded = expandIncludes(input, defines, 0, budget, values);
    if (budget.left < 0) {
      expanded = undefined;
      notes?.push(
        `named templates not spliced in: they would grow the template past ${limit} lines; read without them`,
      );
    }
  }
  const lines = expanded ? expanded.lines : source.split(/\r?\n/);
  const out: HelmLine[] = [];
  // Block stack: each opener records its `.Values` scope (for `with`) and condition (for `if`).
  // An `if` block also records the first list item of each branch: a later branch that opens with
  // the same item (`- image:` with a registry, with a digest, with a tag) is an alternative of that
  // one item, not another one — Helm renders exactly one branch.
  const stack: {
    kind: string;
    dot?: string;
    cond?: string;
    /** The plain `.Values` conjuncts of `if and A (not B) (eq …)`: each must hold. */
    conds?: string[];
    items?: Set<string>;
    first?: string;
    skip?: boolean;
  }[] = [];
  /** Blocks opened past MAX_NESTING: not tracked, their `end`s close nothing tracked. */
  let beyond = 0;
  let lastKeyIndent = -1;
  /** The output line of the key that `lastKeyIndent` belongs to. */
  let lastKeyLine = -1;
  /** Lines where a values block was spliced in, with the indent of the key it belongs to. */
  const markers: { index: number; keyIndent: number; ref: string; keyLine: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // A directive opened but not closed on this line: join continuation lines as blanks.
    if ((line.match(/\{\{/g)?.length ?? 0) > (line.match(/\}\}/g)?.length ?? 0)) {
      let j = i;
      let joined = line;
      while (
        j + 1 < lines.length &&
        (joined.match(/\{\{/g)?.length ?? 0) > (joined.match(/\}\}/g)?.length ?? 0) &&
        j - i < 20
      ) {
        j++;
        joined += ` ${lines[j]!.trim()}`;
      }
      line = joined;
      for (let k = i + 1; k <= j; k++) lines[k] = '';
    }
    const dot = [...stack].reverse().find((s) => s.dot)?.dot;
    const conditions = stack.flatMap((s) => (s.cond ? [s.cond] : (s.conds ?? [])));
    const onlyTemplates = line.replace(TEMPLATE, '').trim() === '';
    if (line.includes('{{') && onlyTemplates) {
      let emitted = '';
      for (const m of line.matchAll(TEMPLATE)) {
        const expr = m[1]!.trim();
        const word = /^(\w+)/.exec(expr)?.[1] ?? '';
        if (['if', 'with', 'range', 'define', 'block'].includes(word)) {
          const ref = valuesRef(expr.slice(word.length), dot);
          const negated = /^if\s+not\b/.test(expr);
          if (stack.length >= MAX_NESTING) {
            beyond++;
            continue;
          }
          stack.push({
            kind: word,
            ...(word === 'if' ? { items: new Set<string>() } : {}),
            ...(word === 'with' && ref ? { dot: ref } : {}),
            ...(word === 'if' && ref && /^if\s+(not\s+)?\(?\s*\.Values\.[\w.-]+\s*\)?$/.test(expr)
              ? { cond: `${negated ? '!' : ''}${ref}` }
              : word === 'if' && /^if\s+and\s/.test(expr)
                ? { conds: conjuncts(expr.replace(/^if\s+and\s+/, '')) }
                : {}),
          });
        } else if (word === 'end') {
          if (beyond > 0) beyond--;
          else stack.pop();
        } else if (word === 'else' && beyond === 0) {
          const top = stack[stack.length - 1];
          if (top?.items) {
            if (top.first) top.items.add(top.first);
            top.first = undefined;
            top.skip = false;
          }
          if (top?.cond) top.cond = top.cond.startsWith('!') ? top.cond.slice(1) : `!${top.cond}`;
          // The else of `if and A B` holds when either is false: nothing to require of either.
          if (top?.conds) top.conds = undefined;
        } else if (!emitted && /\b(toYaml|include|tpl|toJson)\b/.test(expr)) {
          // A whole block from values under the key above: `resources:` / `{{- toYaml .Values.resources | nindent 12 }}`.
          const ref = valuesRef(expr, dot);
          const prior = markers[markers.length - 1];
          if (ref && lastKeyIndent >= 0 && prior?.keyLine === lastKeyLine) {
            // A second block for the same key with nothing between: the other branch of an `if`
            // (`{{- if .Values.resources.operator }}…{{- else }}{{- toYaml .Values.resources }}`).
            // Helm renders one; the marker keeps both, and the first one set in values.yaml wins.
            prior.ref = `${prior.ref}${ALTERNATIVE}${ref}`;
            out[prior.index]!.text = `${' '.repeat(prior.keyIndent + 2)}${VALUE_REF}: "${prior.ref}"`;
          } else if (ref && lastKeyIndent >= 0) {
            emitted = `${' '.repeat(lastKeyIndent + 2)}${VALUE_REF}: "${ref}"`;
            markers.push({ index: out.length, keyIndent: lastKeyIndent, ref, keyLine: lastKeyLine });
          }
        }
      }
      out.push({ text: emitted, conditions });
      continue;
    }
    if (!blank(line)) {
      const item = /^(\s*- [\w.-]+:)/.exec(line)?.[1] ?? `${' '.repeat(indentOf(line))}${line.trim()}`;
      for (const s of stack) {
        if (!s.items || s.first !== undefined) continue;
        s.first = item;
        if (s.items.has(item) && item.trimStart().startsWith('- ')) s.skip = true;
      }
      if (stack.some((s) => s.skip)) {
        out.push({ text: '', conditions });
        continue;
      }
    }
    // A block scalar whose header is followed by a template (`- |{{ range .Files.Lines "x.sh" }}`,
    // a file inlined line by line): the header alone; `|helm-template` is no YAML (blind round 49:
    // a backup CronJob running a chart file was unparseable, so unseen).
    const header = BLOCK_HEADER_TEMPLATE.exec(line);
    // Inline templates become plain scalars; a whole value keeps its `.Values` path.
    let text = (header ? header[1]! : line).replace(TEMPLATE, (_m, expr: string) => {
      const ref = valuesRef(expr.trim(), dot);
      return ref ? `${VALUE_REF}.${ref}` : 'helm-template';
    });
    if (text.includes('{{')) text = overlong(text);
    // `key: __helmValue.x` → a map marker when it is the whole value.
    text = text.replace(
      new RegExp(`^(\\s*(?:- )?[\\w.-]+:\\s*)["']?${VALUE_REF}\\.([\\w.|-]+)["']?\\s*$`),
      `$1"${VALUE_REF}.$2"`,
    );
    const key = /^(\s*)(?:- )?[\w.-]+:\s*$/.exec(text);
    if (key) (lastKeyIndent = key[1]!.length + (text.trimStart().startsWith('- ') ? 2 : 0)), (lastKeyLine = out.length);
    else if (text.trim()) lastKeyIndent = -1;
    out.push({ text, conditions });
  }
  fitMarkersToLists(out, markers);
  templatedItemsAsMaps(out);
  if (expanded)
    out.forEach((l, i) => {
      l.at = expanded.at[i]!;
      const from = expanded.from[i];
      if (from) l.from = from;
    });
  return out;
}

/**
 * The arguments of `and` that are plain `.Values` paths or their `not`: `.Values.autoscaling.enabled
 * (eq .Values.mode "deployment")` → ['autoscaling.enabled']. Other arguments (comparisons, `or`)
 * are not judged; the block holds only if the plain ones do.
 */
function conjuncts(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const take = (arg: string) => {
    const m = /^\(?\s*(not\s+)?\$?\.Values\.([\w.-]+)\s*\)?$/.exec(arg.trim());
    if (m) out.push(`${m[1] ? '!' : ''}${m[2]}`);
  };
  for (let i = 0; i <= args.length; i++) {
    const ch = args[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === undefined || /\s/.test(ch)) && depth === 0) {
      if (i > start) take(args.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

const indentOf = (t: string) => t.length - t.trimStart().length;
/** Nothing YAML reads: an empty line or a comment. */
const blank = (t: string) => t.trim() === '' || t.trimStart().startsWith('#');

/** Separates the alternatives of one marker (the branches of an `if`/`else`). */
const ALTERNATIVE = '|';

/** The value a marker stands for: the first of its alternatives that values.yaml sets. */
function markedValue(values: unknown, ref: string): unknown {
  const alternatives = ref.split(ALTERNATIVE).map((r) => valueAt(values, r));
  return alternatives.find(truthy) ?? alternatives[alternatives.length - 1];
}

/** The nearest line YAML reads, from `i` in steps of `step`. */
/** A block scalar header (`key: |`, `- >-`) followed on its line by a template only. */
const BLOCK_HEADER_TEMPLATE = /^([ \t]*(?:- |[\w.-]+:[ \t]+)[|>][-+]?[1-9]?)[ \t]*\{\{[^\n]{0,2000}$/;

function nearest(out: HelmLine[], i: number, step: 1 | -1): string {
  let k = i + step;
  while (k >= 0 && k < out.length && blank(out[k]!.text)) k += step;
  return out[k]?.text ?? '';
}

/**
 * A values block spliced in beside list items (`rules:` with `{{- toYaml .rules }}` in one branch
 * and `- apiGroups:` in the other; `env:` with values first, then literal `- name:` items) must be
 * a list item too: a map key among sequence items is not YAML.
 */
function fitMarkersToLists(out: HelmLine[], markers: { index: number; keyIndent: number; ref: string }[]): void {
  // Last first: a marker turned into an item is the sibling the one above it sees.
  for (const { index, keyIndent, ref } of [...markers].reverse()) {
    const item = (t: string) => t.trimStart().startsWith('- ') && indentOf(t) >= keyIndent;
    const after = nearest(out, index, 1);
    const before = nearest(out, index, -1);
    const sibling = item(after) && indentOf(after) <= keyIndent + 2 ? after : item(before) ? before : undefined;
    if (sibling) out[index]!.text = `${' '.repeat(indentOf(sibling))}- "${VALUE_REF}.${ref}"`;
  }
}

/**
 * `- {{ toYaml $constraint | nindent 8 | trim }}` followed by deeper keys (`labelSelector:`): the
 * item is a map whose first entries came from the template. A scalar there would make the keys
 * below it invalid, so the item becomes a map with a placeholder entry; likewise `labels: {{
 * include … | nindent 4 }}` followed by literal labels is a key whose value is that map.
 */
function templatedItemsAsMaps(out: HelmLine[]): void {
  const whole = new RegExp(`^(\\s*)(- |[\\w./-]+:\\s+)"?(helm-template|${VALUE_REF}\\.[\\w.-]+)"?\\s*$`);
  for (let i = 0; i < out.length; i++) {
    const m = whole.exec(out[i]!.text);
    if (!m) continue;
    const after = nearest(out, i, 1);
    if (!(indentOf(after) > m[1]!.length + 1 && /^\s*(?:- )?[\w./-]+:(\s|$)/.test(after))) continue;
    const ref = m[3]!.startsWith(VALUE_REF) ? m[3]!.slice(VALUE_REF.length + 1) : undefined;
    if (m[2] !== '- ') out[i]!.text = `${m[1]}${m[2]!.trimEnd()}`;
    else out[i]!.text = `${m[1]}- ${ref ? `${VALUE_REF}: "${ref}"` : 'helm-template: true'}`;
  }
}

/** Reads a dotted path from a values object. */
export function valueAt(values: unknown, path: string): unknown {
  let cur: unknown = values;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Replaces value markers in a parsed document with what values.yaml holds at that path. */
export function resolveValues(node: unknown, values: unknown, depth = 0): unknown {
  if (depth > 40) return node;
  if (typeof node === 'string' && node.startsWith(`${VALUE_REF}.`)) {
    const v = markedValue(values, node.slice(VALUE_REF.length + 1));
    return v === undefined ? node : v;
  }
  if (Array.isArray(node)) return node.map((n) => resolveValues(n, values, depth + 1));
  if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj[VALUE_REF] === 'string') {
      const v = markedValue(values, obj[VALUE_REF] as string);
      const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => k !== VALUE_REF));
      if (v && typeof v === 'object' && !Array.isArray(v))
        return { ...(resolveValues(v, values, depth + 1) as object), ...rest };
      return Object.keys(rest).length > 0 ? resolveValues(rest, values, depth + 1) : (v ?? null);
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveValues(v, values, depth + 1)]));
  }
  return node;
}

/** Whether the `if` conditions enclosing a line hold with the chart's default values. */
export function conditionsHold(conditions: string[], values: unknown): boolean {
  return conditions.every((c) => {
    const neg = c.startsWith('!');
    const set = truthy(valueAt(values, neg ? c.slice(1) : c));
    return neg ? !set : set;
  });
}

/** Helm's truth: unset, null, false, 0, '' and empty maps or lists are false. */
function truthy(v: unknown): boolean {
  return !(
    v === undefined ||
    v === null ||
    v === false ||
    v === 0 ||
    v === '' ||
    (typeof v === 'object' && Object.keys(v as object).length === 0)
  );
}
