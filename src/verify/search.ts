/**
 * Targeted searches for the names a document gives (classes, annotations, endpoints, settings,
 * mechanisms, package versions), in the files the audit listed. Bounded: at most MAX_NEEDLES
 * names, files under MAX_FILE_BYTES, MAX_FILES files and MAX_BYTES in all; each file is read once
 * and scanned once for every needle's anchors together, and a needle's line pattern runs only on
 * the lines that hold one of its anchors. When the budget stops the search before every candidate
 * was read, `complete` is false and nothing is concluded from an absence.
 */
import { isCommentLine, isProductionPath } from '../facts/paths.js';
import type { FileView } from '../types.js';

export interface Needle {
  key: string;
  /** Lower-case literals; a line must contain one before `line` is tried. */
  anchors: string[];
  /** The line test (a regex without the g flag, or a function); absent: an anchor alone is a hit. */
  line?: RegExp | ((line: string) => boolean);
  /** Where to look: source and configuration, or build manifests only, or the listed paths. */
  scope: 'code' | 'manifests' | { paths: string[] };
}

export interface Hit {
  path: string;
  line: number;
  snippet: string;
  /** In a test, example or docs folder: evidence that a thing is tested or shown, not that it is used. */
  test: boolean;
}

export interface SearchResult {
  hits: Map<string, Hit[]>;
  /** Every candidate file of each scope was read. */
  complete: boolean;
  filesRead: number;
}

export const MAX_NEEDLES = 400;
export const MAX_FILES = 8000;
export const MAX_BYTES = 48 * 1024 * 1024;
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_HITS = 12;

const TEXT_EXT =
  /\.(?:py|pyi|ts|tsx|js|jsx|mjs|cjs|go|java|kt|kts|cs|fs|vb|rb|php|rs|scala|swift|c|h|cc|cpp|hpp|m|ex|exs|erl|clj|dart|lua|pl|r|sh|bash|zsh|ps1|psm1|sql|ya?ml|json|jsonc|toml|ini|cfg|conf|properties|xml|gradle|tf|tfvars|hcl|bicep|proto|graphql|gql|env|example|tpl|j2|jinja2?|erb|vue|svelte|html|cshtml|razor|nginx|http)$/i;
const NAMED =
  /(?:^|\/)(?:Dockerfile[^/]*|Makefile|Jenkinsfile[^/]*|Procfile|Gemfile|Rakefile|Justfile|Pipfile|\.env[^/]*)$/;
const SKIP =
  /(?:^|\/)(?:node_modules|vendor|third_party|\.venv|venv|dist|build|out|target|coverage|\.next|\.nuxt|bower_components|site-packages|__pycache__|\.git)\/|\.min\.[jc]ss?$|(?:package-lock|npm-shrinkwrap|yarn|pnpm-lock|composer|Cargo|Gemfile|poetry|Pipfile|go)\.(?:json|lock|sum|yaml)$/i;
export const MANIFEST =
  /(?:^|\/)(?:package\.json|requirements[^/]*\.(?:txt|in)|pyproject\.toml|Pipfile|setup\.py|setup\.cfg|environment\.ya?ml|pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|gradle\.properties|libs\.versions\.toml|gradle-wrapper\.properties|go\.mod|Cargo\.toml|[^/]*\.csproj|Directory\.(?:Packages|Build)\.props|packages\.config|global\.json|Gemfile|[^/]*\.gemspec|composer\.json|Dockerfile[^/]*|\.nvmrc|\.node-version|\.python-version|\.tool-versions|runtime\.txt|mix\.exs|\.ruby-version|\.java-version)$/;

export interface SearchView {
  files: FileView;
  /** The document's own path when it sits in the repository: never searched. */
  documentPath?: string;
  /** Read a file's text without keeping it (the disk); FileView.read otherwise. */
  readText?: (path: string, maxBytes: number) => string | undefined;
}

/** Which listed files a scope covers, in a stable order: production code before tests. */
function candidates(view: SearchView, scope: Needle['scope']): string[] {
  if (typeof scope === 'object') return scope.paths.filter((p) => view.files.exists(p));
  const out = view.files.paths.filter(
    (p) =>
      p !== view.documentPath &&
      !SKIP.test(p) &&
      (scope === 'manifests' ? MANIFEST.test(p) : TEXT_EXT.test(p) || NAMED.test(p)),
  );
  // Production code first, then its configuration, then tests and examples: evidence reads best that way.
  const code = /\.(?:py|ts|tsx|js|jsx|mjs|cjs|go|java|kt|cs|rb|php|rs|scala|swift|c|cc|cpp|ex|dart)$/i;
  const prod = out.filter((p) => isProductionPath(p));
  return [
    ...prod.filter((p) => code.test(p)),
    ...prod.filter((p) => !code.test(p)),
    ...out.filter((p) => !isProductionPath(p)),
  ];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function searchRepository(view: SearchView, needles: Needle[]): SearchResult {
  const hits = new Map<string, Hit[]>();
  const list = needles.slice(0, MAX_NEEDLES).filter((n) => n.anchors.length > 0);
  if (list.length === 0) return { hits, complete: true, filesRead: 0 };
  // Files to read, with the needles each one needs.
  const perFile = new Map<string, Needle[]>();
  for (const n of list) {
    for (const p of candidates(view, n.scope)) {
      const l = perFile.get(p);
      if (l) l.push(n);
      else perFile.set(p, [n]);
    }
  }
  let bytes = 0;
  let filesRead = 0;
  let complete = needles.length <= MAX_NEEDLES;
  for (const [path, ns] of perFile) {
    if (filesRead >= MAX_FILES || bytes >= MAX_BYTES) {
      complete = false;
      break;
    }
    const text = view.readText ? view.readText(path, MAX_FILE_BYTES) : view.files.read(path);
    if (text === undefined || text.length > MAX_FILE_BYTES) continue;
    filesRead++;
    bytes += text.length;
    scanFile(path, text, ns, hits);
  }
  return { hits, complete, filesRead };
}

function scanFile(path: string, text: string, needles: Needle[], hits: Map<string, Hit[]>): void {
  const lower = text.toLowerCase();
  // Longest first, so that of two anchors at one place the longer is taken.
  const anchors = [...new Set(needles.flatMap((n) => n.anchors))].sort((a, b) => b.length - a.length);
  // One pass for every anchor at once (an alternation of literals: linear in the text).
  const any = new RegExp(anchors.map(escapeRe).join('|'), 'g');
  const where = new Map<string, number[]>();
  for (const m of lower.matchAll(any)) {
    const l = where.get(m[0]);
    if (l) l.push(m.index!);
    else where.set(m[0], [m.index!]);
  }
  if (where.size === 0) return;
  const test = !isProductionPath(path);
  for (const n of needles) {
    const found = hits.get(n.key) ?? [];
    if (found.length >= MAX_HITS) continue;
    const seen = new Set(found.filter((h) => h.path === path).map((h) => h.line));
    for (const a of n.anchors) {
      // An anchor hidden inside a longer one's match is looked up on its own.
      const positions = where.get(a) ?? occurrences(lower, a);
      for (const at of positions) {
        const start = lower.lastIndexOf('\n', at) + 1;
        const endAt = lower.indexOf('\n', at);
        const lineText = text.slice(start, endAt < 0 ? lower.length : endAt);
        // A comment that mentions a thing ("# TODO: add retries") is not the thing.
        if (isCommentLine(lineText)) continue;
        if (n.line && !(typeof n.line === 'function' ? n.line(lineText) : n.line.test(lineText))) continue;
        const line = lineNumber(text, start);
        if (seen.has(line)) continue;
        seen.add(line);
        found.push({ path, line, snippet: shorten(lineText.trim()), test });
        if (found.length >= MAX_HITS) break;
      }
      if (found.length >= MAX_HITS) break;
    }
    if (found.length) hits.set(n.key, found);
  }
}

/** Where a literal occurs, at most 200 places (enough to find a matching line among them). */
function occurrences(lower: string, a: string): number[] {
  const out: number[] = [];
  for (let at = lower.indexOf(a); at >= 0 && out.length < 200; at = lower.indexOf(a, at + a.length)) out.push(at);
  return out;
}

function lineNumber(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const shorten = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}...` : s);
