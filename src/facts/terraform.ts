/**
 * Terraform/OpenTofu HCL parsed enough for rules: blocks with type, labels, path and line, their
 * literal attributes and nested blocks; backends, variables, tfvars files and workspace use.
 * A small hand-written parser (no HCL library is maintained for Node): expressions that are not
 * literals are kept as raw text. Malformed HCL yields a note and the blocks read so far.
 */
import type { Digest, FileView } from '../types.js';
import { detachDeep, share } from '../util/detach.js';
import { memo } from '../util/memo.js';
import { keepShape, plainCopy, plainMaker } from '../util/shapes.js';
import { lineAt } from '../util/lines.js';
import { parseJson } from '../util/parsers.js';

export const TF_READS = ['**/*.tf', '**/*.tofu'];
export const TFVARS_GLOBS = ['**/*.tfvars', '**/*.tfvars.json'];

/** A literal value, or `{expr}` holding the raw text of anything else (references, lists, maps). */
export type TfValue = string | number | boolean | null | { expr: string };

export interface TfBlock {
  type: string;
  labels: string[];
  path: string;
  line: number;
  endLine: number;
  attrs: Record<string, TfValue>;
  attrLines: Record<string, number>;
  blocks: TfBlock[];
}

export interface TerraformModel {
  files: string[];
  /** Top-level blocks of every file. */
  blocks: TfBlock[];
  resources: TfBlock[];
  data: TfBlock[];
  modules: TfBlock[];
  variables: TfBlock[];
  backends: { type: string; path: string; line: number }[];
  tfvars: string[];
  /** Top-level literal settings of the tfvars files (`desired_count = 3`), in file order. */
  tfvarValues: TfVarSetting[];
  /** Files that read `terraform.workspace`. */
  workspaces: string[];
  /** Terragrunt units (`terragrunt.hcl`): the module folder their `terraform { source }` points at and their literal `inputs`. */
  terragrunt: TerragruntUnit[];
  notes: { path: string; note: string }[];
}

/** One `name = literal` line of a tfvars file. */
export interface TfVarSetting {
  path: string;
  line: number;
  name: string;
  value: TfValue;
}

/** A `terragrunt.hcl`: the local module folder it deploys (`../../aws//app` → `aws/app/`) and its literal inputs. */
export interface TerragruntUnit {
  path: string;
  /** The module folder, ending in `/` (`''` for the root); undefined when the source is not a local folder. */
  dir?: string;
  inputs: TfVarSetting[];
}

class HclError extends Error {}

/**
 * An empty object that V8 keeps as a hash table from the start (deleting a property other than the
 * last one added does that), with the usual prototype: a body's attributes, keyed by whatever names
 * the file uses. Built by adding names one by one, each object walked V8's tree of hidden classes
 * and grew it by a class per new name; with the names of thousands of files that tree was most of
 * the parser's time (~25 % less over the generated 100k tree's 5,056 .tf files). Same properties,
 * same order, same prototype.
 */
function dictionary<T>(): Record<string, T> {
  const o: Record<string, unknown> = { a: 0, b: 0 };
  delete o.a;
  delete o.b;
  return o as Record<string, T>;
}

/** How deep blocks may nest before the file is refused as malformed (see readBody). */
const MAX_HCL_DEPTH = 256;

/** An identifier at a position: at most 200 characters, as many as the parser ever looked at. */
const HCL_NAME = /[A-Za-z_][\w-]{0,199}/y;

/**
 * Characters by code (`text.charCodeAt`), and the line counted only when one is asked for (a
 * statement's start, a block's end, a message): a file is read at most once or twice per audit, so
 * its parse runs mostly in V8's first tiers, where a closure call and a one-character string per
 * character (the parser as first written) were most of its time (~100 ms of CPU for the generated
 * 10k tree's 468 .tf files). The line is always 1 + the newlines before the position.
 */
export function parseHcl(path: string, text: string): { blocks: TfBlock[]; error?: string } {
  let i = 0;
  const n = text.length;
  // The line at i, counted up to the first newline at or after i (i only moves forward).
  let line = 1;
  let nextNewline = text.indexOf('\n');
  if (nextNewline < 0) nextNewline = n;
  const lineNow = (): number => {
    while (nextNewline < i && nextNewline < n) {
      line++;
      nextNewline = text.indexOf('\n', nextNewline + 1);
      if (nextNewline < 0) nextNewline = n;
    }
    return line;
  };
  const skipSpace = (newlines: boolean) => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)) {
        const end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c === 32 || c === 9 || c === 13 || (newlines && c === 10)) i++;
      else break;
    }
  };
  /**
   * A quoted string's raw text between its quotes (escapes and interpolations as written). It was
   * built a character at a time, a string per character of every quoted string (the scan worker's
   * largest cost after the automaton at 100k files); the text between the quotes is the same.
   */
  const readString = (): string => {
    // i at the opening quote; template interpolations may contain quotes of their own.
    i++;
    const from = i;
    let depth = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) {
        i += 2;
        continue;
      }
      if ((c === 36 /* $ */ || c === 37) /* % */ && text.charCodeAt(i + 1) === 123 /* { */) {
        depth++;
        i += 2;
        continue;
      }
      if (c === 125 /* } */ && depth > 0) depth--;
      else if (c === 34 /* " */ && depth === 0) {
        const out = text.slice(from, i);
        i++;
        return out;
      } else if (c === 10 && depth === 0) throw new HclError(`unterminated string on line ${lineNow()}`);
      i++;
    }
    throw new HclError('unterminated string');
  };
  /** Raw expression text up to the end of the line (outside brackets), or a closing brace. */
  const readExpr = (): string => {
    const start = i;
    let open = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        readString();
        continue;
      }
      if (c === 60 /* < */ && text.charCodeAt(i + 1) === 60) {
        const h = /^<<-?\s*([A-Za-z_]\w*)[^\n]*\n/.exec(text.slice(i, i + 200));
        if (h) {
          // The marker on a line of its own. A line's own blanks only: under the m flag `^\s*` ran on
          // across blank lines from each of them (100,000 blank lines in a heredoc took 21 s).
          const end = new RegExp(`^[ \\t]*${h[1]}[ \\t\\r]*$`, 'm');
          const rest = text.slice(i + h[0].length);
          const m = end.exec(rest);
          i = m ? i + h[0].length + m.index + m[0].length : n;
          continue;
        }
      }
      if (c === 35 || (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42))) {
        if (open === 0) break;
        skipSpace(true);
        continue;
      }
      // Only the depth of brackets matters, not which ones are open.
      if (c === 40 /* ( */ || c === 91 /* [ */ || c === 123 /* { */) open++;
      else if (c === 41 /* ) */ || c === 93 /* ] */ || c === 125 /* } */) {
        if (open === 0) break;
        open--;
      } else if (c === 10 && open === 0) break;
      i++;
    }
    if (open > 0) throw new HclError(`unbalanced brackets in expression starting on line ${lineAt(text, start)}`);
    return text.slice(start, i).trim();
  };
  const name = (): string | undefined => {
    HCL_NAME.lastIndex = i;
    return HCL_NAME.exec(text)?.[0];
  };
  const literal = (raw: string): TfValue => {
    if (/^"([^"\\$%]|\\.)*"$/.test(raw)) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (raw === 'null') return null;
    return { expr: raw };
  };
  const readBody = (
    depth: number,
    blocks: TfBlock[] = [],
  ): TfBlock[] & { attrs?: Record<string, TfValue>; attrLines?: Record<string, number> } => {
    const attrs = dictionary<TfValue>();
    const attrLines = dictionary<number>();
    for (;;) {
      skipSpace(true);
      if (i >= n) {
        if (depth > 0) throw new HclError('unexpected end of file: a block is not closed');
        break;
      }
      if (text.charCodeAt(i) === 125 /* } */) {
        if (depth === 0) throw new HclError(`unexpected "}" on line ${lineNow()}`);
        i++;
        break;
      }
      const startLine = lineNow();
      const id = name();
      if (!id) throw new HclError(`unexpected "${text[i]}" on line ${startLine}`);
      i += id.length;
      skipSpace(false);
      if (text.charCodeAt(i) === 61 /* = */ && text.charCodeAt(i + 1) !== 61) {
        i++;
        skipSpace(false);
        attrs[id] = literal(readExpr());
        attrLines[id] = startLine;
        continue;
      }
      const labels: string[] = [];
      while (i < n && text.charCodeAt(i) !== 123 /* { */) {
        if (text.charCodeAt(i) === 34) labels.push(readString());
        else {
          const l = name();
          if (!l) throw new HclError(`expected "{" or "=" after "${id}" on line ${lineNow()}`);
          labels.push(l);
          i += l.length;
        }
        skipSpace(false);
      }
      if (i >= n) throw new HclError(`block "${id}" on line ${startLine} has no body`);
      // The parser recurses per level: a file of 20,000 nested blocks overflowed the stack and ended
      // the audit with an internal error. Real configurations nest a few levels.
      if (depth >= MAX_HCL_DEPTH)
        throw new HclError(`block "${id}" on line ${startLine} is nested deeper than ${MAX_HCL_DEPTH} levels`);
      i++;
      const inner = readBody(depth + 1);
      blocks.push({
        type: id,
        labels,
        path,
        line: startLine,
        endLine: lineNow(),
        attrs: inner.attrs ?? {},
        attrLines: inner.attrLines ?? {},
        blocks: [...inner],
      });
    }
    return Object.assign(blocks, { attrs, attrLines });
  };
  const top: TfBlock[] = [];
  try {
    readBody(0, top);
    return { blocks: top };
  } catch (err) {
    if (!(err instanceof HclError)) throw err;
    return { blocks: top, error: err.message };
  }
}

/** One file's blocks, taken while the scan reads it (rules declare `digests: [TF_DIGEST]`, not its text). */
export interface TfFile {
  blocks: TfBlock[];
  error?: string;
  /** It reads `terraform.workspace`. */
  workspace: boolean;
}

// A file's digest and a non-literal value are built from `{}` (up to four fields), also during the
// rules (a workspace package's view takes its own digests, a head's body is parsed again): one
// hidden class each, not one per object (keepShape; 24k of them at the end of a 300k audit).
keepShape('blocks', 'workspace');
keepShape('blocks', 'error', 'workspace');
keepShape('expr');

/** Makers of kept blocks, sized for their fields (see plainMaker): heads, and blocks with bodies. */
const newHead = plainMaker();
const newBlock = plainMaker();

/**
 * A worker's blocks as this thread builds them (Digest.adopt): each block, nested ones included,
 * copied into an object of its own size; labels, attributes and lists kept as they came.
 */
function adoptBlocks(file: TfFile): TfFile {
  const copies = new Map<TfBlock, TfBlock>();
  const adopt = (list: TfBlock[]) => {
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      let c = copies.get(b);
      if (!c) {
        c = plainCopy('blocks' in b ? newBlock : newHead, b);
        copies.set(b, c).set(c, c);
        if ('blocks' in c) adopt(c.blocks);
      }
      list[i] = c;
    }
  };
  adopt(file.blocks);
  return file;
}

export const TF_DIGEST: Digest<TfFile> = {
  key: 'terraform:file',
  files: TF_READS,
  of: (path, text) => {
    const { blocks, error } = parseHcl(path, text);
    // A copy of the top-level list (the parser hangs top-level attributes on it) with no view into the text.
    return detachDeep({
      blocks: blocks.map((b) => (bodyRead(b) ? b : headOf(b))),
      ...(error !== undefined ? { error } : {}),
      workspace: text.includes('terraform.workspace'),
    });
  },
  adopt: adoptBlocks,
};

/**
 * Resource types whose bodies (attributes, nested blocks) some rule or fact reads; a `*` ends a
 * prefix. Every other resource, and every data, output and locals block, is kept as its head
 * (type, labels, place) only: at 100k generated files the bodies were 40 MB of the audit's heap
 * and no rule read them. A body that is read anyway is parsed again from its file, once (see
 * `lazyBodies`), so this list decides memory and time, never an answer.
 */
const BODIES_READ = [
  'aws_alb*',
  'aws_api_gateway_method_settings',
  'aws_api_gateway_usage_plan',
  'aws_apprunner_service',
  'aws_autoscaling_group',
  'aws_backup_plan',
  'aws_backup_selection',
  'aws_db_instance',
  'aws_dynamodb_table',
  'aws_ecs_*',
  'aws_efs_*',
  'aws_eks_*',
  'aws_elasticache_*',
  'aws_elb',
  'aws_instance',
  'aws_lambda_function',
  'aws_lb*',
  'aws_rds_*',
  'aws_route53_health_check',
  'aws_s3_bucket*',
  'azurerm_*',
  'google_*',
  'kubernetes_*',
  'helm_release',
];
const BODY_TYPES = new Set(BODIES_READ.filter((t) => !t.endsWith('*')));
const BODY_PREFIXES = BODIES_READ.filter((t) => t.endsWith('*')).map((t) => t.slice(0, -1));
/** Top-level blocks whose bodies are kept whatever their labels: the model and facts read them. */
const KEPT_BLOCKS = new Set(['variable', 'module', 'provider', 'terraform']);

function bodyRead(b: TfBlock): boolean {
  if (KEPT_BLOCKS.has(b.type)) return true;
  if (b.type !== 'resource') return false;
  const t = b.labels[0] ?? '';
  return BODY_TYPES.has(t) || BODY_PREFIXES.some((p) => t.startsWith(p));
}

/**
 * A block without its body: `attrs`, `attrLines` and `blocks` are absent, put back by `lazyBodies`;
 * `nested` lists the types of the blocks nested in it (see `hasNestedBlock`), when there are any.
 */
function headOf(b: TfBlock): TfBlock {
  const { type, labels, path, line, endLine } = b;
  const nested = new Set<string>();
  const visit = (x: TfBlock, depth: number) => {
    if (depth >= NESTED_DEPTH) return;
    for (const c of x.blocks) nested.add(c.type), visit(c, depth + 1);
  };
  visit(b, 0);
  return { type, labels, path, line, endLine, ...(nested.size ? { nested: [...nested] } : {}) } as TfBlock;
}

/** How deep `hasNestedBlock` looks. */
const NESTED_DEPTH = 8;

/** Whether a block of `type` is nested in `b`, at most eight levels down; a head answers without its body. */
export function hasNestedBlock(b: TfBlock, type: string): boolean {
  const head = headAt.get(b);
  if (head) return head.nested.includes(type);
  const walk = (x: TfBlock, depth: number): boolean =>
    depth < NESTED_DEPTH && x.blocks.some((c) => c.type === type || walk(c, depth + 1));
  return walk(b, 0);
}

/** Every top-level block of a file with its body: what a head's body is parsed again from. */
const TF_FULL: Digest<TfBlock[]> = {
  key: 'terraform:full',
  files: TF_READS,
  of: (path, text) => detachDeep([...parseHcl(path, text).blocks]),
};

/**
 * Where a head stands: the view to read its file from, the file's path in that view (a workspace
 * package's view names it relative to the package; the block's own path is the repository's), and
 * its place among the file's blocks.
 */
const headAt = new WeakMap<TfBlock, { files: FileView; path: string; at: number; nested: readonly string[] }>();
const NONE: readonly string[] = [];
const BODY_KEYS = ['attrs', 'attrLines', 'blocks'] as const;

/**
 * Gives the heads of `blocks` (one file's) their bodies back as properties that parse the file
 * again the first time one is read, then hold plain values: the same keys in the same order, so a
 * head reads, spreads and serialises as the whole block did.
 */
function lazyBodies(files: FileView, path: string, blocks: TfBlock[]): void {
  blocks.forEach((b, at) => {
    // A scan worker's blocks arrive with their own copy of every string (structured cloning):
    // they keep the listing's path and one copy of each type instead (~1.7 MB at 100k files).
    if (b.path === path) b.path = path;
    b.type = share(b.type);
    if ('attrs' in b) return;
    const head = b as TfBlock & { nested?: string[] };
    headAt.set(b, { files, path, at, nested: head.nested ?? NONE });
    delete head.nested;
    for (const key of BODY_KEYS)
      Object.defineProperty(b, key, { get: BODY_GETTERS[key], enumerable: true, configurable: true });
  });
}

function fillBody(b: TfBlock): void {
  const where = headAt.get(b)!;
  const full = where.files.digest(where.path, TF_FULL)?.[where.at];
  const same = full && full.type === b.type && full.line === b.line;
  const body = {
    attrs: same ? full.attrs : {},
    attrLines: same ? full.attrLines : {},
    blocks: same ? full.blocks : [],
  };
  for (const key of BODY_KEYS)
    Object.defineProperty(b, key, { value: body[key], writable: true, enumerable: true, configurable: true });
  headAt.delete(b);
}

const BODY_GETTERS = Object.fromEntries(
  BODY_KEYS.map((key) => [
    key,
    function (this: TfBlock) {
      fillBody(this);
      return this[key];
    },
  ]),
) as Record<(typeof BODY_KEYS)[number], (this: TfBlock) => unknown>;

export function parseTerraform(files: FileView): TerraformModel {
  const model: TerraformModel = {
    files: files.match(TF_READS),
    blocks: [],
    resources: [],
    data: [],
    modules: [],
    variables: [],
    backends: [],
    tfvars: files.match(TFVARS_GLOBS),
    tfvarValues: [],
    workspaces: [],
    terragrunt: [],
    notes: [],
  };
  for (const path of files.match(TERRAGRUNT_GLOBS).slice(0, MAX_TERRAGRUNT_FILES)) {
    const unit = terragruntUnit(path, files.read(path) ?? '');
    if (unit) model.terragrunt.push(unit);
  }
  for (const path of model.tfvars.slice(0, MAX_TFVARS_FILES))
    model.tfvarValues.push(...tfvarSettings(path, files.read(path) ?? ''));
  for (const path of model.files) {
    const file = files.digest(path, TF_DIGEST);
    if (file === undefined) continue;
    const { blocks, error } = file;
    lazyBodies(files, path, blocks);
    if (error) model.notes.push({ path, note: `HCL not fully parsed: ${error}` });
    model.blocks.push(...blocks);
    if (file.workspace) model.workspaces.push(path);
    for (const b of blocks) {
      if (b.type === 'resource') model.resources.push(b);
      else if (b.type === 'data') model.data.push(b);
      else if (b.type === 'module') model.modules.push(b);
      else if (b.type === 'variable') model.variables.push(b);
      else if (b.type === 'terraform') {
        for (const inner of b.blocks) {
          if (inner.type === 'backend') model.backends.push({ type: inner.labels[0] ?? '', path, line: inner.line });
          if (inner.type === 'cloud') model.backends.push({ type: 'cloud', path, line: inner.line });
        }
      }
    }
  }
  return model;
}

export function terraform(files: FileView): TerraformModel {
  return memo(files, 'terraform', () => parseTerraform(files));
}

/**
 * Resources of the given types: exact, or a pattern whose `*` stands for any run of characters
 * (`aws_lb*`, `azurerm_*web_app`, `azurerm_*virtual_machine*`). A `*` inside the pattern matched
 * nothing before (round 36: `azurerm_*web_app` never matched `azurerm_linux_web_app`).
 */
export function resourcesOf(model: TerraformModel, ...types: string[]): TfBlock[] {
  return model.resources.filter((r) => types.some((t) => typeMatches(r.labels[0] ?? '', t)));
}

/** Whether a resource type matches a pattern with `*` wildcards (parts in order: linear in the type). */
export function typeMatches(type: string, pattern: string): boolean {
  if (!pattern.includes('*')) return type === pattern;
  const parts = pattern.split('*');
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!type.startsWith(first) || !type.endsWith(last) || type.length < first.length + last.length) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const i = type.indexOf(part, at);
    if (i < 0 || i + part.length > type.length - last.length) return false;
    at = i + part.length;
  }
  return true;
}

/** A nested block by path of names: `block(r, 'settings', 'backup_configuration')`. */
export function block(b: TfBlock, ...names: string[]): TfBlock | undefined {
  let cur: TfBlock | undefined = b;
  for (const name of names) cur = cur?.blocks.find((x) => x.type === name);
  return cur;
}

/** An attribute by path through nested blocks; the last name is the attribute. */
export function attr(b: TfBlock, ...names: string[]): TfValue | undefined {
  const owner = block(b, ...names.slice(0, -1));
  return owner?.attrs[names[names.length - 1]!];
}

/** A number from a literal, or undefined for expressions. */
export function num(v: TfValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

export function label(b: TfBlock): string {
  return `${b.labels[0] ?? b.type}${b.labels[1] ? `.${b.labels[1]}` : ''}`;
}

/** At most this many tfvars files are read, and this many settings kept from each. */
const MAX_TFVARS_FILES = 200;
const MAX_TFVARS_SETTINGS = 2000;

/**
 * The top-level literal settings of a tfvars file: `name = 3`, `name = true`, `name = "x"` outside
 * any `{…}`/`[…]` (a map's or list's inner keys are not variables). `.tfvars.json`: the top-level
 * scalars of its object. One pass over the lines; brackets inside strings are skipped.
 */
export function tfvarSettings(path: string, text: string): TfVarSetting[] {
  const out: TfVarSetting[] = [];
  if (path.endsWith('.json')) {
    let doc: unknown;
    try {
      doc = text.length <= 1_000_000 ? parseJson(text) : undefined;
    } catch {
      return out;
    }
    if (doc && typeof doc === 'object' && !Array.isArray(doc))
      for (const [name, value] of Object.entries(doc as Record<string, unknown>)) {
        if (out.length >= MAX_TFVARS_SETTINGS) break;
        if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string')
          out.push({ path, line: 1, name, value });
      }
    return out;
  }
  let depth = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < MAX_TFVARS_SETTINGS; i++) {
    const raw = lines[i]!;
    if (depth === 0) {
      const m =
        /^[ \t]*([A-Za-z_][\w-]*)[ \t]*=[ \t]*(?:"([^"\\$]*)"|(-?\d+(?:\.\d+)?|true|false))[ \t]*(?:(?:#|\/\/).*)?\r?$/.exec(
          raw,
        );
      if (m) {
        const lit = m[3];
        const value: TfValue =
          m[2] !== undefined ? m[2] : lit === 'true' ? true : lit === 'false' ? false : Number(lit);
        out.push({ path, line: i + 1, name: m[1]!, value });
        continue;
      }
    }
    let inString = false;
    for (let j = 0; j < raw.length; j++) {
      const c = raw[j]!;
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '#' || (c === '/' && raw[j + 1] === '/')) break;
      else if (c === '{' || c === '[' || c === '(') depth++;
      else if ((c === '}' || c === ']' || c === ')') && depth > 0) depth--;
    }
  }
  return out;
}

/** Terragrunt unit files read, at most this many, each up to 1 MB. */
export const TERRAGRUNT_GLOBS = ['**/terragrunt.hcl'];
const MAX_TERRAGRUNT_FILES = 500;

/**
 * A `terragrunt.hcl` read for what it gives a module: the folder of its `terraform { source = … }`
 * when that is a local path (`../../../aws//app`, `${get_repo_root()}/modules//db`,
 * `${get_terragrunt_dir()}/../mod`; a `?ref=` is dropped) and the top-level literal settings of its
 * `inputs = { … }` map (`ecs_min_tasks = 2`), each with its line. Terragrunt passes the inputs to the
 * module as its variables: a unit is where a Terragrunt repository sets its variables' values, as a
 * tfvars file does elsewhere. Undefined when the file has neither.
 */
export function terragruntUnit(path: string, text: string): TerragruntUnit | undefined {
  if (text.length > 1_000_000) return undefined;
  const { blocks } = parseHcl(path, text);
  const top = blocks as TfBlock[] & { attrs?: Record<string, TfValue>; attrLines?: Record<string, number> };
  const source = blocks.find((b) => b.type === 'terraform')?.attrs.source;
  const raw = typeof source === 'string' ? source : source && typeof source === 'object' ? source.expr : '';
  const rel = raw
    .replace(/^"|"$/g, '')
    .replace(/\?.*$/, '')
    .replace(/^\$\{get_terragrunt_dir\(\)\}\/?/, './')
    .replace(/\/\//g, '/');
  let dir: string | undefined;
  if (/^\$\{get_repo_root\(\)\}\//.test(rel)) dir = joinDir('', rel.slice(rel.indexOf('}') + 2));
  else if (/^\.\.?(?:\/|$)/.test(rel)) dir = joinDir(dirOf(path), rel);
  const inputs: TfVarSetting[] = [];
  const value = top.attrs?.inputs;
  if (value && typeof value === 'object' && /^\{[\s\S]*\}$/.test(value.expr)) {
    const at = top.attrLines?.inputs ?? 1;
    for (const x of tfvarSettings(path, value.expr.slice(1, -1))) inputs.push({ ...x, line: at + x.line - 1 });
  }
  return dir === undefined && inputs.length === 0 ? undefined : { path, ...(dir !== undefined ? { dir } : {}), inputs };
}

/** A path named for production (`envs/prod/…`, `production.tfvars`, `prd.tfvars`, `live/`). */
const PROD_NAMED = /(?:^|[/._-])(?:prod|production|prd|live)(?:[/._-]|$)/i;

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/** `a/b/` joined with `../c` → `a/c/`; undefined when it climbs above the root. */
function joinDir(dir: string, rel: string): string | undefined {
  const parts = dir.split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
}

/**
 * The local module calls of the model by the folder their `source` points at (`../modules/x` →
 * `modules/x/`), and in each folder by the settings they give (`desired_count` → the calls that set
 * it): a reference finds the calls that set its name without a scan of every call of the folder.
 */
function callsByDir(model: TerraformModel): Map<string, Map<string, TfBlock[]>> {
  let byDir = CALLS.get(model);
  if (byDir) return byDir;
  byDir = new Map();
  for (const m of model.modules) {
    const src = m.attrs.source;
    if (typeof src !== 'string' || !/^\.\.?\//.test(src)) continue;
    const dir = joinDir(dirOf(m.path), src);
    if (dir === undefined) continue;
    let byName = byDir.get(dir);
    if (!byName) {
      byName = new Map();
      byDir.set(dir, byName);
    }
    for (const name of Object.keys(m.attrs)) {
      const list = byName.get(name) ?? [];
      list.push(m);
      byName.set(name, list);
    }
  }
  CALLS.set(model, byDir);
  return byDir;
}
const CALLS = new WeakMap<TerraformModel, Map<string, Map<string, TfBlock[]>>>();

/** A name's declarations and tfvars settings, each the first of its kind (the order a scan would find them in). */
interface NameIndex {
  /** The first declaration, and the first in each folder. */
  firstDecl?: TfBlock;
  declIn: Map<string, TfBlock>;
  /** The first setting in a production-named tfvars file. */
  prod?: TfVarSetting;
  /** The first setting of each folder's auto-loaded tfvars (`terraform.tfvars`, `*.auto.tfvars`). */
  autoIn: Map<string, TfVarSetting>;
}

const AUTO_TFVARS = /(?:^|\/)(?:terraform\.tfvars(?:\.json)?|[^/]+\.auto\.tfvars(?:\.json)?)$/;

/**
 * The model's variable declarations and tfvars settings by name, built once per model in one pass:
 * a reference is then resolved without a scan of every declaration and setting (thousands of `var.`
 * settings beside 400,000 tfvars lines were a quadratic audit).
 */
function byName(model: TerraformModel): Map<string, NameIndex> {
  let index = BY_NAME.get(model);
  if (index) return index;
  const map = new Map<string, NameIndex>();
  index = map;
  const entry = (name: string): NameIndex => {
    let e = map.get(name);
    if (!e) {
      e = { declIn: new Map(), autoIn: new Map() };
      map.set(name, e);
    }
    return e;
  };
  for (const b of model.variables) {
    const name = b.labels[0];
    if (name === undefined) continue;
    const e = entry(name);
    e.firstDecl ??= b;
    if (!e.declIn.has(dirOf(b.path))) e.declIn.set(dirOf(b.path), b);
  }
  for (const t of model.tfvarValues) {
    const e = entry(t.name);
    if (PROD_NAMED.test(t.path)) e.prod ??= t;
    if (AUTO_TFVARS.test(t.path) && !e.autoIn.has(dirOf(t.path))) e.autoIn.set(dirOf(t.path), t);
  }
  BY_NAME.set(model, index);
  return index;
}
const BY_NAME = new WeakMap<TerraformModel, Map<string, NameIndex>>();

/**
 * The Terragrunt input that sets `name` for the module in `dir`: a production-named unit's
 * (`live/prod/app/terragrunt.hcl`) first, else the units' shared value when they all agree.
 */
function terragruntInput(model: TerraformModel, dir: string, name: string): TfVarSetting | undefined {
  let index = TG_INPUTS.get(model);
  if (!index) {
    index = new Map();
    for (const u of model.terragrunt) {
      if (u.dir === undefined) continue;
      let byName = index.get(u.dir);
      if (!byName) index.set(u.dir, (byName = new Map()));
      for (const x of u.inputs) {
        const list = byName.get(x.name) ?? [];
        if (list.length < 50) list.push(x);
        byName.set(x.name, list);
      }
    }
    TG_INPUTS.set(model, index);
  }
  const set = index.get(dir)?.get(name) ?? [];
  const prod = set.find((x) => PROD_NAMED.test(x.path));
  if (prod) return prod;
  return set.length > 0 && set.every((x) => x.value === set[0]!.value) ? set[0] : undefined;
}
const TG_INPUTS = new WeakMap<TerraformModel, Map<string, Map<string, TfVarSetting[]>>>();

/** A reference to the environment a configuration is deployed to (`var.env`, `local.environment`, `var.app_stage`, `terraform.workspace`). */
const ENV_REF = String.raw`(?:(?:var|local)\.(?:[A-Za-z][A-Za-z0-9]{0,30}_)?(?:env|environment|env_name|environment_name|stage|workspace)|terraform\.workspace)`;
/** `ENV == "name"` or `!=`, alone or choosing between two outcomes (literals or `var.x`). */
const ENV_COMPARE = new RegExp(String.raw`^\(?\s*${ENV_REF}\s*(==|!=)\s*"([\w-]{1,40})"\s*\)?$`);
const ENV_CHOICE = new RegExp(
  String.raw`^\(?\s*${ENV_REF}\s*(==|!=)\s*"([\w-]{1,40})"\s*\)?\s*\?\s*(-?\d{1,9}(?:\.\d{1,6})?|true|false|"[^"$%\\]{0,80}"|var\.[A-Za-z_][\w-]{0,80})\s*:\s*(-?\d{1,9}(?:\.\d{1,6})?|true|false|"[^"$%\\]{0,80}"|var\.[A-Za-z_][\w-]{0,80})$`,
);

/**
 * A setting that depends on the environment, read as production gives it: `var.env !=
 * "development"` is true in production, `var.env == "dev" ? 1 : 2` is 2, `var.env == "production" ?
 * true : false` is true (a name other than prod/production/prd/live is not production). The note says
 * what the other environment gets (`true outside development, false in development`). Only a
 * reference named for the environment is read; anything else is undefined.
 */
function envChoice(expr: string): { value: TfValue; via: string } | undefined {
  const text = expr.trim();
  if (text.length > 300) return undefined;
  const lit = (raw: string): TfValue =>
    raw === 'true' || raw === 'false'
      ? raw === 'true'
      : raw.startsWith('"')
        ? raw.slice(1, -1)
        : raw.startsWith('var.')
          ? { expr: raw }
          : Number(raw);
  const show = (v: TfValue) => (v && typeof v === 'object' ? v.expr : JSON.stringify(v));
  const compare = ENV_COMPARE.exec(text);
  const choice = compare ? undefined : ENV_CHOICE.exec(text);
  const m = compare ?? choice;
  if (!m) return undefined;
  const name = m[2]!;
  const prodNamed = /^(?:prod|production|prd|live)$/i.test(name);
  // Whether the comparison holds in production.
  const holds = (m[1] === '==') === prodNamed;
  const [inProd, other] = compare
    ? [holds as TfValue, !holds as TfValue]
    : holds
      ? [lit(m[3]!), lit(m[4]!)]
      : [lit(m[4]!), lit(m[3]!)];
  const where = prodNamed ? `in ${name}` : `outside ${name}`;
  const elsewhere = prodNamed ? `elsewhere` : `in ${name}`;
  return { value: inProd, via: `${text}: ${show(inProd)} ${where}, ${show(other)} ${elsewhere}` };
}

/** Where a resolved variable's value came from, for evidence: `var.x default`, `prod.tfvars:12`. */
export interface ResolvedVar {
  value: TfValue;
  via: string;
}

/** How many module calls a reference is followed through (a root calls a module that calls another). */
const MAX_VAR_HOPS = 4;

/**
 * A `var.name` reference followed to the value production gives it: the module call that sets it
 * (`module "api" { source = "../modules/ecs_service"  desired_count = var.api_desired_count }`),
 * then, at a root module, a production-named tfvars file that sets it
 * (`envs/prod/us-east-1/terraform.tfvars: api_desired_count = 3`) or the root's own auto-loaded
 * `terraform.tfvars`/`*.auto.tfvars`, else the variable's default. When several calls of the module
 * give it different values, the variable's default stands (the calls disagree). undefined when
 * nothing literal is found.
 */
export function resolveVarFrom(model: TerraformModel, v: TfValue | undefined, from?: string): ResolvedVar | undefined {
  if (!v || typeof v !== 'object') return undefined;
  // One answer per folder and reference: a module that reads `var.x` in a thousand places, called
  // by a thousand modules, compares the calls' settings once.
  let memo = RESOLVED.get(model);
  if (!memo) {
    memo = new Map();
    RESOLVED.set(model, memo);
  }
  const key = `${dirOf(from ?? '')}\0${v.expr}`;
  if (memo.has(key)) return memo.get(key);
  const got = resolveUncached(model, v, from);
  memo.set(key, got);
  return got;
}
const RESOLVED = new WeakMap<TerraformModel, Map<string, ResolvedVar | undefined>>();

function resolveUncached(model: TerraformModel, v: TfValue | undefined, from?: string): ResolvedVar | undefined {
  let cur = v;
  let at = from ?? '';
  for (let hop = 0; hop <= MAX_VAR_HOPS; hop++) {
    if (!cur || typeof cur !== 'object') return undefined;
    const env = envChoice(cur.expr);
    if (env) {
      if (env.value === null || typeof env.value !== 'object') return { value: env.value, via: env.via };
      cur = env.value;
      continue;
    }
    const m = /^var\.([A-Za-z_][\w-]*)$/.exec(cur.expr.trim());
    if (!m) return undefined;
    const name = m[1]!;
    const dir = dirOf(at);
    const named = byName(model).get(name);
    const decl = named?.declIn.get(dir) ?? named?.firstDecl;
    const dflt = decl && 'default' in decl.attrs ? decl.attrs.default : undefined;
    const fromDefault = (): ResolvedVar | undefined =>
      dflt !== undefined && (dflt === null || typeof dflt !== 'object')
        ? { value: dflt, via: `${cur && typeof cur === 'object' ? cur.expr : name} default` }
        : undefined;
    const calls = callsByDir(model).get(dir)?.get(name) ?? [];
    if (calls.length > 0) {
      const set = calls.map((c) => c.attrs[name]!);
      const first = JSON.stringify(set[0]);
      if (!set.every((x) => JSON.stringify(x) === first)) return fromDefault();
      if (set[0] === null || typeof set[0] !== 'object') {
        const call = calls[0]!;
        return {
          value: set[0]!,
          via: `module "${call.labels[0] ?? ''}" (${call.path}:${call.attrLines[name] ?? call.line})`,
        };
      }
      cur = set[0];
      at = calls[0]!.path;
      continue;
    }
    // A root module: the environments' variable files, then the Terragrunt units that deploy it.
    const chosen = named?.prod ?? named?.autoIn.get(dir) ?? terragruntInput(model, dir, name);
    if (chosen) return { value: chosen.value, via: `${chosen.path}:${chosen.line}` };
    return fromDefault();
  }
  return undefined;
}

/**
 * A `var.name` reference resolved to the value production gives it (resolveVarFrom: the module call,
 * the production tfvars, else the variable's literal default), so a module's settings can be judged
 * (`multi_az = var.multi_az` with `default = false`); anything else is returned unchanged.
 */
export function resolveVar(model: TerraformModel, v: TfValue | undefined, from?: string): TfValue | undefined {
  if (!v || typeof v !== 'object' || v === null) return v;
  return resolveVarFrom(model, v, from)?.value ?? v;
}
