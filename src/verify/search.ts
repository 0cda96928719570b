/**
 * Targeted searches for the names a document gives (classes, annotations, endpoints, settings,
 * mechanisms, package versions), in the files the audit listed. In `readiness verify` the needles
 * join the audit's one scan pass as extra patterns (needlePatterns), so no file is read twice; the
 * scan's matches become hits here (fromScan). Without a scan (a library call, a unit test),
 * searchRepository reads the candidates itself, bounded: MAX_FILES files and MAX_BYTES in all. When
 * a bound stops a search, `complete` is false and nothing is concluded from an absence.
 */
import { isCommentLine, isProductionPath } from '../facts/paths.js';
import type { ScanPattern } from '../scan/scanner.js';
import type { FileView, Match } from '../types.js';

export interface Needle {
  key: string;
  /** Lower-case literals, one of which a matching line contains (the scan's cheap pre-filter). */
  anchors: string[];
  /** What a matching line holds (no g flag; lines are searched one at a time or by the scan). */
  regex: RegExp;
  /** Where to look: source and configuration, build manifests, or the files a claim names. */
  scope: 'code' | 'manifests' | { names: string[] };
  /** Built from the document's own text: the scan runs it under its hard time limit (PatternSpec.guarded). */
  guarded?: boolean;
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
  /** Every candidate file of each scope was searched. */
  complete: boolean;
  filesRead: number;
  /**
   * Routes' hits on comment lines (`// r.POST("/upload", h.Upload)`), by the endpoint needle's key: a
   * route commented out is not served, which a reader who finds only that line concludes.
   */
  commented?: Map<string, Hit[]>;
}

/** Needles whose hits on comment lines are kept apart (endpoints and their last segment). */
const KEEPS_COMMENTED = /^eps?:/;
const MAX_COMMENTED = 3;

function keepCommented(commented: Map<string, Hit[]>, key: string, hit: Hit): void {
  if (!KEEPS_COMMENTED.test(key)) return;
  const l = commented.get(key) ?? [];
  if (l.length < MAX_COMMENTED) l.push(hit);
  commented.set(key, l);
}

export const MAX_NEEDLES = 400;
export const MAX_FILES = 8000;
export const MAX_BYTES = 48 * 1024 * 1024;
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_HITS = 12;

const CODE_EXTS =
  'py,pyi,ts,tsx,js,jsx,mjs,cjs,go,java,kt,kts,cs,fs,vb,rb,php,rs,scala,swift,c,h,cc,cpp,hpp,m,ex,exs,erl,clj,dart,lua,pl,r,sh,bash,zsh,ps1,psm1,sql,yaml,yml,json,jsonc,toml,ini,cfg,conf,properties,xml,gradle,tf,tfvars,hcl,bicep,proto,graphql,gql,env,example,tpl,j2,jinja,jinja2,erb,vue,svelte,html,cshtml,razor,nginx,http';
const CODE_GLOBS = [
  `**/*.{${CODE_EXTS}}`,
  '**/Dockerfile*',
  '**/Makefile',
  '**/Jenkinsfile*',
  '**/Procfile',
  '**/Gemfile',
  '**/Rakefile',
  '**/Justfile',
  '**/Pipfile',
  '**/.env*',
];
const MANIFEST_GLOBS = [
  '**/package.json',
  '**/requirements*.txt',
  '**/requirements*.in',
  '**/pyproject.toml',
  '**/Pipfile',
  '**/setup.py',
  '**/setup.cfg',
  '**/environment.yml',
  '**/environment.yaml',
  '**/pom.xml',
  '**/build.gradle',
  '**/build.gradle.kts',
  '**/settings.gradle',
  '**/settings.gradle.kts',
  '**/gradle.properties',
  '**/libs.versions.toml',
  '**/gradle-wrapper.properties',
  '**/go.mod',
  '**/Cargo.toml',
  '**/*.csproj',
  '**/Directory.Packages.props',
  '**/Directory.Build.props',
  '**/packages.config',
  '**/global.json',
  '**/Gemfile',
  '**/*.gemspec',
  '**/composer.json',
  '**/Dockerfile*',
  '**/.nvmrc',
  '**/.node-version',
  '**/.python-version',
  '**/.tool-versions',
  '**/runtime.txt',
  '**/mix.exs',
  '**/.ruby-version',
  '**/.java-version',
];
/** Built, vendored, minified and lock files hold no claim's evidence. */
const SKIP =
  /(?:^|\/)(?:node_modules|vendor|third_party|\.venv|venv|dist|build|out|target|coverage|\.next|\.nuxt|bower_components|site-packages|__pycache__|\.git)\/|\.min\.[jc]ss?$|(?:package-lock|npm-shrinkwrap|yarn|pnpm-lock|composer|Cargo|Gemfile|poetry|Pipfile|go)\.(?:json|lock|sum|yaml)$/i;
const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** Where a hit is: code 0, configuration 1, an environment file or its example 2, CI 3; tests after all. */
function hitRank(path: string, test: boolean): number {
  const kind = /(?:^|\/)\.env[^/]*$|\.env(?:\.[\w-]+)?$|\.(?:example|sample|template|dist)$/i.test(path)
    ? 2
    : /(?:^|\/)(?:\.github\/workflows|\.gitlab-ci|\.circleci|azure-pipelines|Jenkinsfile)/.test(path)
      ? 3
      : /\.(?:ya?ml|json|jsonc|toml|ini|cfg|conf|properties|xml|env)$/i.test(path)
        ? 1
        : 0;
  return (test ? 4 : 0) + kind;
}

export interface SearchView {
  files: FileView;
  /** The document's own path when it sits in the repository: never searched. */
  documentPath?: string;
  /** Read a file's text without keeping it (the disk); FileView.read otherwise. */
  readText?: (path: string, maxBytes: number) => string | undefined;
}

const globsOf = (scope: Needle['scope']): string[] =>
  scope === 'code'
    ? CODE_GLOBS
    : scope === 'manifests'
      ? MANIFEST_GLOBS
      : scope.names.map((n) => `**/${n.split('/').pop()!}`).filter((g) => !GLOB_CHARS.test(g.slice(3)));

/** A file a needle's scope covers: a named file's path must end as the claim wrote it. */
function inScope(view: SearchView, scope: Needle['scope'], path: string): boolean {
  if (path === view.documentPath || SKIP.test(path)) return false;
  if (typeof scope !== 'object') return true;
  const lower = path.toLowerCase();
  return scope.names.some((n) => lower === n.toLowerCase() || lower.endsWith(`/${n.toLowerCase()}`));
}

/** The needles as patterns of the audit's scan: literals first, the regex only where one occurs. */
export function needlePatterns(needles: Needle[]): ScanPattern[] {
  return needles.slice(0, MAX_NEEDLES).map((n) => ({
    key: `verify:${n.key}`,
    regex: n.regex,
    files: globsOf(n.scope),
    // Anchors are lower-case, matched case-blind; the regex keeps its own case, as per-line search does.
    literals: n.anchors,
    ignoreCase: true,
    keepCase: true,
    ...(n.guarded ? { guarded: true } : {}),
    maxPerFile: MAX_HITS,
    // verify searches the text for what a document names, comments included, as it always has.
    comments: true,
  }));
}

/** Hits from the scan's matches of needlePatterns (the scan read every candidate within its size cap). */
export function fromScan(view: SearchView, needles: Needle[], scanned: (key: string) => Match[]): SearchResult {
  const hits = new Map<string, Hit[]>();
  const commented = new Map<string, Hit[]>();
  for (const n of needles.slice(0, MAX_NEEDLES)) {
    const found: Hit[] = [];
    for (const m of scanned(`verify:${n.key}`)) {
      if (!inScope(view, n.scope, m.path)) continue;
      const hit = { path: m.path, line: m.line, snippet: m.snippet, test: !isProductionPath(m.path) };
      if (isCommentLine(m.snippet)) keepCommented(commented, n.key, hit);
      else found.push(hit);
    }
    // Production code first, then configuration, environment files and CI: evidence reads best
    // that way, and a flood of .env lines must not crowd the code out of the hits kept.
    found.sort((a, b) => hitRank(a.path, a.test) - hitRank(b.path, b.test));
    if (found.length) hits.set(n.key, found.slice(0, MAX_HITS));
  }
  const scopes = new Map(needles.map((n) => [globsOf(n.scope).join('\0'), globsOf(n.scope)]));
  const searched = new Set([...scopes.values()].flatMap((g) => view.files.match(g)));
  return { hits, complete: needles.length <= MAX_NEEDLES, filesRead: searched.size, commented };
}

/** The same search without a scan: each candidate read once, every needle tried on it. */
export function searchRepository(view: SearchView, needles: Needle[]): SearchResult {
  const hits = new Map<string, Hit[]>();
  const commented = new Map<string, Hit[]>();
  const list = needles.slice(0, MAX_NEEDLES);
  const perFile = new Map<string, Needle[]>();
  const byScope = new Map<string, string[]>();
  for (const n of list) {
    const globs = globsOf(n.scope);
    const sig = globs.join('\0');
    let paths = byScope.get(sig);
    if (!paths) byScope.set(sig, (paths = view.files.match(globs)));
    for (const p of paths) {
      if (!inScope(view, n.scope, p)) continue;
      const l = perFile.get(p);
      if (l) l.push(n);
      else perFile.set(p, [n]);
    }
  }
  // Production code before configuration, environment files, CI, tests and examples, so that a
  // needle's first hits are the best evidence.
  const order = [...perFile.keys()].sort((a, b) => hitRank(a, !isProductionPath(a)) - hitRank(b, !isProductionPath(b)));
  let bytes = 0;
  let filesRead = 0;
  let complete = needles.length <= MAX_NEEDLES;
  for (const path of order) {
    if (filesRead >= MAX_FILES || bytes >= MAX_BYTES) {
      complete = false;
      break;
    }
    const text = view.readText ? view.readText(path, MAX_FILE_BYTES) : view.files.read(path);
    if (text === undefined || text.length > MAX_FILE_BYTES) continue;
    filesRead++;
    bytes += text.length;
    scanText(path, text, perFile.get(path)!, hits, commented);
  }
  return { hits, complete, filesRead, commented };
}

/** A needle's lines in one text: only lines holding one of its anchors are tried. */
function scanText(
  path: string,
  text: string,
  needles: Needle[],
  hits: Map<string, Hit[]>,
  commented: Map<string, Hit[]>,
): void {
  const lower = text.toLowerCase();
  const test = !isProductionPath(path);
  for (const n of needles) {
    const found = hits.get(n.key) ?? [];
    if (found.length >= MAX_HITS || !n.anchors.some((a) => lower.includes(a))) continue;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && found.length < MAX_HITS; i++) {
      const l = lines[i]!;
      const ll = l.toLowerCase();
      if (!n.anchors.some((a) => ll.includes(a)) || !n.regex.test(l)) continue;
      const hit = { path, line: i + 1, snippet: l.trim().slice(0, 160), test };
      if (isCommentLine(l)) keepCommented(commented, n.key, hit);
      else found.push(hit);
    }
    if (found.length) hits.set(n.key, found);
  }
}
