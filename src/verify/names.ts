/**
 * The names a claim gives that a reader can look up: files and folders, code identifiers,
 * annotations and decorators, HTTP endpoints, configuration settings with their values, and
 * packages with versions or changes ("upgraded to Django 5.0", "dropped the legacy gateway
 * library", "migrated from Hystrix to Resilience4j"). Pure text work; lookup.ts decides them.
 */

import { plain } from './status.js';

export interface Setting {
  /** The key as words ("pool size", "port"). */
  key: string;
  /** The value as written, and the numbers that mean the same ("5s" → 5, 5000). */
  value: string;
  numbers: number[];
  /** A value that is a word, not a number ("true", "update", "json"): it must follow the key. */
  word?: string;
}

export interface PackageName {
  /** The name as written, lower case ("django", "spring boot", "legacy gateway"). */
  name: string;
  version?: string;
  change?: 'added' | 'removed' | 'upgraded';
}

export interface Names {
  /** Quoted strings inside code ticks ("default-secret-change-in-production"): searched as written. */
  literals: string[];
  paths: string[];
  identifiers: string[];
  annotations: string[];
  endpoints: string[];
  settings: Setting[];
  packages: PackageName[];
}

const FILE_EXT =
  /\.(?:md|mdx|rst|txt|adoc|py|pyi|ts|tsx|js|jsx|mjs|cjs|go|java|kt|kts|cs|rb|php|rs|scala|swift|c|h|cpp|hpp|sh|bash|ps1|sql|ya?ml|json|toml|ini|cfg|conf|env|example|properties|xml|gradle|tf|tfvars|hcl|bicep|proto|graphql|gql|html|css|scss|lock|dockerfile|mod|sum|csproj|sln|j2|tpl|http|svelte|vue|astro|ex|exs|dart|erb|twig|cshtml|razor)$/i;
/** Files of code and documents, which a route does not end in. */
const SOURCE_FILE =
  /\.(?:rs|ts|tsx|js|jsx|mjs|py|go|java|kt|cs|rb|php|swift|scala|c|h|cpp|hpp|md|sh|toml|ya?ml|json|sql)$/i;
const KNOWN_FILES =
  /^(?:Dockerfile|Makefile|Jenkinsfile|Procfile|Gemfile|Rakefile|Justfile|Taskfile|Vagrantfile|Pipfile|LICENSE|CODEOWNERS|\.env\.example|\.gitignore|\.dockerignore|\.nvmrc|\.editorconfig)$/;
const PRODUCT_JS =
  /^(?:node|vue|next|nuxt|express|three|d3|chart|react|angular|ember|backbone|socket\.io|moment|nest|deno|bun|alpine|svelte|solid|p5|anime|video|highlight|ext)\.js$/i;
/** Slash-words that are not paths. */
/** A Go module path: a code host or Go vanity domain, then its path ("golang.org/x/crypto"). */
const GO_MODULE =
  /^(?:github\.com|gitlab\.com|bitbucket\.org|golang\.org\/x|gopkg\.in|go\.uber\.org|google\.golang\.org|k8s\.io|sigs\.k8s\.io|go\.etcd\.io|go\.opentelemetry\.io)\/[\w.-]+(?:\/[\w.-]+){0,4}$/;
const NOT_PATHS =
  /^(?:ci\/cd|i\/o|tcp\/ip|and\/or|read\/write|async\/await|dev\/staging\/prod|client\/server|n\/a|24\/7|on\/off|yes\/no|true\/false|get\/post|request\/response|input\/output|import\/export|backup\/restore|start\/stop|pass\/fail)$/i;
/** Class-like names: a code suffix, or three capitals humps. Product names (GitHub, OpenTelemetry) are not searched. */
const CODE_SUFFIX =
  /(?:Service|Controller|Tests?|Spec|Handler|Manager|Client|Repository|Repo|Factory|Provider|Middleware|Config|Configuration|Breaker|Limiter|Validator|Module|Guard|Interceptor|Filter|Helper|Utils?|Exception|Error|Worker|Job|Queue|Router|Resolver|Adapter|Gateway|Store|Schema|Policy|Strategy|Listener|Publisher|Consumer|Producer|Scheduler|Checker|Monitor|Logger|Tracker|Builder|Parser|Serializer|Mapper|Dao|Dto|Entity|Hook|Context|Registry|Loader|Processor|Indicator|Aspect|Advice|Pool|Cache)$/;
const SETTING_KEYS =
  /\b(connection[ _-]?pool[ _-]?size|max[ _-]?pool[ _-]?size|pool[ _-]?size|connection[ _-]?pool|port|max[ _-]?connections|connections|workers|threads|replicas|timeout|read[ _-]?timeout|connect[ _-]?timeout|retries|max[ _-]?retries|retry[ _-]?attempts|max[ _-]?attempts|attempts|rounds|salt[ _-]?rounds|ttl|interval|batch[ _-]?size|page[ _-]?size|concurrency|max[ _-]?body[ _-]?size|heap|memory[ _-]?limit|cpu[ _-]?limit|rate[ _-]?limit|max[ _-]?sessions|sessions|expir(?:y|ation|es[ _-]?in)|backoff[ _-]?(?:factor|multiplier)|delay)\b/gi;
/** A count before a key that counts tries or rounds ("12 rounds", "3 retries"): the setting's value. */
const COUNT_BEFORE_KEY = /(?<![\w.])(\d{1,3})[ \t](salt[ _-]?rounds|rounds|retries|retry[ _-]?attempts|attempts)\b/gi;
const VALUE =
  /^\s*(?:(?:of|=|:|is|to|at|on|set to|of up to|from)\s*)?[`'"]?(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|sec(?:ond)?s?|m|min(?:ute)?s?|h|hours?|d|days?|mb|gb|mi|gi|kb|%)?\b/i;
/**
 * Verbs of change: away from something (removed, "migrated from"), up to something ("upgraded …
 * to", the "to" found after the match), or adding something. Moves away are tried first, so that
 * "migrated from X to Y" drops X and adds Y.
 */
const CHANGE_VERBS =
  /\b(?:(removed|dropped|deleted|eliminated|replaced|uninstalled|got rid of|migrated (?:away )?from|switched (?:away )?from|moved (?:away )?from|migrate (?:away )?from|switch (?:away )?from|move (?:away )?from|replace|sunset)|(upgraded|updated|bumped|moved|migrated|switched|pinned)|(added|installed|introduced|adopted)) (?:the )?/gi;
/** "upgraded Spring Boot to …": up to three words, then "to". */
const UP_TO = /^(?:[\w.-]+ ){0,3}?to /i;
/** Runtimes and frameworks whose versions are written as bare numbers ("Java 21", "React 19"). */
const BARE_VERSION =
  /^(?:java|jdk|python|node|nodejs|go|golang|php|ruby|rust|react|angular|vue|django|rails|spring|spring boot|laravel|symfony|postgres|postgresql|mysql|mariadb|redis|mongodb|kubernetes|dotnet|\.net|net|gradle|maven|ubuntu|debian|alpine|typescript|next|nextjs|express|fastapi|flask|nestjs|svelte|elasticsearch|kafka|nginx|swift|kotlin|scala|elixir|erlang)$/i;
/** Standards whose versions a document gives beside a package's name. */
const SPEC =
  /^(?:openapi|swagger|oauth|oauth2|http|https|tls|ssl|html|css|ecmascript|es|json|jsonapi|graphql|grpc|soap|rest|ee|jakarta|saml|oidc|websocket|utf)$/i;
const PACKAGE_WORDS = /^(?:library|package|dependency|dependencies|module|sdk|client|lib|plugin|gem|crate)$/i;
const STOP =
  /^(?:the|a|an|and|or|with|to|in|for|of|on|all|new|old|its|their|our|from|by|as|is|are|was|be|been|via|using|version|latest|v|it|this|that|support|code|tests?|logic|pattern|patterns|handling|layer|framework)$/i;

function tokens(text: string): string[] {
  // "/api/verify/{recordId}": a route's placeholder is part of it; elsewhere braces separate words.
  return text
    .split(/[\s,;()[\]<>"'|]+/)
    .flatMap((t) => (/^\/[\w{}:.\-/]*$/.test(t) ? [t] : t.split(/[{}]+/)))
    .filter(Boolean);
}

/** "GET /me", "- POST /api/users": an HTTP method, then the route it serves (a word of two letters at least). */
const VERB_ROUTE = /(?<![\w/])(?:GET|POST|PUT|PATCH|DELETE)\s+(\/[A-Za-z_{:][\w{}:.\-/]*)(?![\w/])/g;

/** A URL of a server run on this machine, and its path ("http://localhost:3001/api/data"). */
const LOCAL_URL = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d{1,5})?(\/[A-Za-z_{:][\w{}:.\-/]*)$/i;

/** "/api/{resource}/{action}": placeholders after a prefix only — a naming convention, not a route. */
const CONVENTION = /^\/[\w.-]*(?:\/(?:\{[^{}/]*\}|:\w+|<[^<>/]*>)){2,}$/;

const trimPunct = (t: string) => t.replace(/^[`*_:]+|(?<![`*_.:!?])[`*_.:!?]+$/g, '');

/** "Spring Boot 2.3.2 → 3.4.0", "JDK 8 -> 17": the token before the arrow is what was; the claim is what is. */
const ARROW = /(?<!\S)[^\s→]{1,40}(?: ?(?:→|⇒)| (?:->|=>)) ?(?=\S)/g;

/** "Zuul removed", "RibbonConfiguration.java deleted": the words before a verb of removal at the end. */
const REMOVED_WORD =
  /^(?:removed|deleted|dropped|eliminated|uninstalled|gone|retired|entfernt|gelöscht|eliminad[oa]s?|supprimée?s?|retirad[oa]s?)$/i;
export function removedThing(text: string): string | null {
  const words = text.split('(')[0]!.trim().split(/\s+/);
  const at = words.findIndex((w) => REMOVED_WORD.test(w.replace(/(?<![.,;:!])[.,;:!]+$/, '')));
  if (at < 1 || at > 4 || at < words.length - 3) return null;
  return words.slice(0, at).join(' ');
}

export function namesIn(input: string): Names {
  const text = input.replace(ARROW, '');
  const out: Names = {
    literals: [],
    paths: [],
    identifiers: [],
    annotations: [],
    endpoints: [],
    settings: [],
    packages: [],
  };
  const add = (list: string[], v: string) => {
    if (!list.includes(v)) list.push(v);
  };
  const modules: string[] = [];
  const ticked = new Set([...text.matchAll(/`([^`\n]{1,120})`/g)].map((m) => m[1]!.trim()));
  // "GET /me", "POST /users": a path after an HTTP method is a route, however short or common its word.
  const verbRoutes = new Set(
    [...text.replace(/`/g, '').matchAll(VERB_ROUTE)].map((m) => m[1]!.replace(/(?<=.)\/$/, '')),
  );
  for (const raw of tokens(text.replace(/`/g, ''))) {
    const t = trimPunct(raw);
    // "http://localhost:8080/api/users": the project's own server, run locally — its path is a route.
    const local = LOCAL_URL.exec(t);
    if (local && /[a-z]{2}/i.test(local[1]!) && !CONVENTION.test(local[1]!)) {
      add(out.endpoints, local[1]!.replace(/(?<=.)\/$/, ''));
      continue;
    }
    if (t.length < 2 || /^https?:|:\/\/|^www\./i.test(t) || /@[^@]*\./.test(t.slice(1))) continue;
    if (/^@[A-Za-z_][\w.]*$/.test(t)) add(out.annotations, t);
    // "@EnableGlobalMethodSecurity(securedEnabled = true, …)": the annotation, before its arguments.
    else if (/^@[A-Za-z_][\w.]*\(/.test(t)) add(out.annotations, t.slice(0, t.indexOf('(')));
    else if (verbRoutes.has(t.replace(/(?<=.)\/$/, ''))) add(out.endpoints, t.replace(/(?<=.)\/$/, ''));
    else if (
      /^\/[A-Za-z_{:][\w{}:.\-/]*$/.test(t) &&
      /[a-z]{2}/i.test(t) &&
      !/^\/\w{1,3}$/.test(t) &&
      // "/src-tauri/src/main.rs": a file from the repository's root, not a route.
      !(SOURCE_FILE.test(t) && t.slice(1).includes('/'))
    ) {
      // "/ready", "/api/v1/status" — not "/s" or "/min" (rates) and not a bare root.
      if (!/^\/(?:sec|min|hour|day|month|year|req|user)s?$/i.test(t) && !CONVENTION.test(t))
        add(out.endpoints, t.replace(/\/$/, '') || t);
    }
    // "`github.com/spf13/cobra` - CLI framework": a Go module path is a dependency, not a file.
    else if (GO_MODULE.test(t)) add(modules, t.toLowerCase());
    else if (isPath(t, ticked.has(raw.replace(/[`*]/g, '')))) add(out.paths, t.replace(/^\.?\/(?=[\w.@-]+\/)/, ''));
    else if (isIdentifier(t, ticked.has(t) || ticked.has(`${t}()`))) add(out.identifiers, t.replace(/\(\)$/, ''));
  }
  for (const m of text.matchAll(SETTING_KEYS)) {
    const value = VALUE.exec(text.slice(m.index! + m[0].length, m.index! + m[0].length + 24));
    if (!value) continue;
    const n = Number(value[1]);
    const unit = (value[2] ?? '').toLowerCase();
    const numbers = [n];
    if (/^(s|sec|second)/.test(unit)) numbers.push(n * 1000);
    if (/^(m$|min)/.test(unit)) numbers.push(n * 60, n * 60000);
    out.settings.push({
      key: m[0].toLowerCase().replace(/[ _-]+/g, ' '),
      value: `${value[1]}${value[2] ?? ''}`,
      numbers,
    });
  }
  // "bcrypt with 12 rounds", "3 retries", "after 5 attempts": a count written before the key is its value.
  for (const m of text.matchAll(COUNT_BEFORE_KEY)) {
    const key = m[2]!.toLowerCase().replace(/[ _-]+/g, ' ');
    if (out.settings.some((x) => x.key === key || x.key.endsWith(` ${key}`))) continue;
    out.settings.push({ key, value: m[1]!, numbers: [Number(m[1])] });
  }
  for (const span of ticked) {
    codeNames(span, out);
    // "`Model::shouldBeStrict()`", "`User::query()->lockForUpdate()`": the members a call chain names.
    for (const m of span.matchAll(MEMBER)) {
      const id = m[1] ? `${m[1]}.${m[2]}` : m[2]!;
      if (m[2]!.length >= 4 && !out.identifiers.some((x) => x === id || x.endsWith(`.${m[2]}`)))
        add(out.identifiers, id);
    }
  }
  out.packages = packagesIn(text, ticked);
  for (const m of modules) if (!out.packages.some((p) => p.name === m)) out.packages.push({ name: m });
  return out;
}

/** "Model::shouldBeStrict", "$this->increment": a class or object and the member it calls. */
const MEMBER = /(?:(?<![\w$])\$?(\w+)|\))(?:::|->) ?([A-Za-z_]\w*)/g;

/** A key in code ("MaxOpenConns", "retry_backoff", "server.port", "\"max_retries\"") set to a plain value. */
const CODE_SETTING =
  /(?<![\w.$'"-])["']?([A-Za-z_]\w*(?:[.-][A-Za-z_]\w*)*)["']? ?(?::=|=|:) ?(["']?)(-?\d+(?:\.\d+)?|true|false|[A-Za-z][\w.-]{0,40})\2(?![\w.([])/g;

/** Settings and literals in a span of code a claim quotes. */
function codeNames(span: string, out: Names): void {
  // "`ops@example.com`": a literal searched as written.
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(span) && !out.literals.includes(span)) out.literals.push(span);
  for (const m of span.matchAll(/(["'])([^"'\n]{6,120})\1/g))
    if (/[A-Za-z]{3}/.test(m[2]!) && !out.literals.includes(m[2]!)) out.literals.push(m[2]!);
  for (const m of span.matchAll(CODE_SETTING)) {
    const key = splitKey(m[1]!);
    if (!key || key.split(' ').every((w) => w.length < 3)) continue;
    const value = m[3]!;
    const n = Number(value);
    const numeric = value !== '' && Number.isFinite(n);
    if (out.settings.some((x) => x.key === key)) continue;
    out.settings.push({ key, value, numbers: numeric ? [n] : [], ...(numeric ? {} : { word: value.toLowerCase() }) });
  }
}

/**
 * A name with its camelCase humps apart, lower-cased ("MaxOpenConns" → "max open conns",
 * "HTTPServer" → "http server"): the word breaks splitKey and named-feature's nameWords share.
 */
export function unCamel(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/(?<=[A-Z])(?=[A-Z][a-z])/g, ' ')
    .toLowerCase();
}

/** "MaxOpenConns" → "max open conns", "retry_backoff" → "retry backoff", "server.port" → "server port". */
export function splitKey(key: string): string {
  return unCamel(key)
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .join(' ');
}

/** A numbered file's name: digits, a separator, words with a letter, an extension. */
const NUMBERED_FILE = /^\d+[_-](?=[\w-]*[A-Za-z])[\w-]+(?:\.[\w-]+)*\.[A-Za-z]\w*$/;

function isPath(t: string, ticked: boolean): boolean {
  // "2025_02_03_000001_create_users_table.php", "001-init.sql": a file may start with digits (migrations
  // are numbered) when a word follows them; "1.2.3" or "24/7" is no file.
  if (NOT_PATHS.test(t) || (/^\d/.test(t) && !NUMBERED_FILE.test(t)) || t.includes('//')) return false;
  const base = t.split('/').filter(Boolean).pop() ?? '';
  if (KNOWN_FILES.test(base)) return true;
  // ("+page.svelte", "+layout.server.ts": SvelteKit's route files start with a plus.)
  if (FILE_EXT.test(base) && /^\+?[\w.@-]+$/.test(base) && !/^\d+(\.\d+)+$/.test(base)) {
    // "Node.js", "Vue.js": names of products, not files — unless ticked or in a folder.
    return t.includes('/') || ticked || !PRODUCT_JS.test(base);
  }
  // A folder: "deploy/kubernetes/", or a ticked path with a slash.
  return /^[\w.@-]+(?:\/[\w.@-]+)*\/$/.test(t) || (ticked && /^[\w.@-]+(?:\/[\w.@-]+)+$/.test(t));
}

/** "snake_case → camelCase": the names of naming conventions, not names in the code. */
const CONVENTION_NAME =
  /^(?:snake_case|camelCase|PascalCase|kebab-case|SCREAMING_SNAKE_CASE|UPPER_CASE|lowerCamelCase|UpperCamelCase)$/;

function isIdentifier(t: string, ticked: boolean): boolean {
  const id = t.replace(/\(\)$/, '');
  if (CONVENTION_NAME.test(id)) return false;
  // "Strict-Transport-Security", "X-Request-ID": a header's name, written as code.
  if (ticked && /^[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)+$/.test(id)) return true;
  if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(id) || id.length < 4) return false;
  if (ticked) return /[A-Z_.]|[a-z][A-Z]/.test(id.slice(1)) || t.endsWith('()');
  const humps = (id.match(/[A-Z][a-z0-9]+/g) ?? []).length;
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/.test(id)) return CODE_SUFFIX.test(id) || humps >= 3;
  // snake_case with an underscore (metric names, functions), not SHOUTING_CASE env vars.
  return /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(id);
}

/** Packages named with a version ("Django 5.0") or a change ("dropped X", "migrated from X to Y"). */
function packagesIn(text: string, ticked: Set<string>): PackageName[] {
  const out: PackageName[] = [];
  const push = (p: PackageName) => {
    if (!p.name || STOP.test(p.name)) return;
    // "Added `#[allow(dead_code)]`": code, not a package's name.
    if (!/^[@a-z0-9][\w.@/ +-]*$/i.test(p.name)) return;
    const same = out.find((o) => o.name === p.name);
    // One package once: "Upgraded to Spring Boot 3.2.1" is one claim with a change and a version.
    if (same)
      Object.assign(same, { ...p, ...same, version: same.version ?? p.version, change: same.change ?? p.change });
    else out.push(p);
  };
  for (const m of text.matchAll(
    /(?<![\w.+/@-])([@A-Za-z][\w.+/@-]*(?:\s[A-Z][\w.+-]*)?)`?\s+(?:v|\^|~|>=|==|~=)?(\d+(?:\.\d+){0,3}(?:\.x)?)(?![\w.%/])/g,
  )) {
    // "to Express 4.19": a function word before the name is not part of it.
    const name = m[1]!
      .replace(/(?<![:*`])[:*`]+$/, '')
      .replace(/^(?:to|from|with|and|or|of|in|on|for|the|a|an|via|using|at|by|is|are)\s+/i, '');
    if (
      /^\d|^(?:phase|step|part|week|sprint|day|version|v|tier|level|top|p\d+|page|line|section|pillar|hours?)$/i.test(
        name,
      )
    )
      continue;
    // "Installed 643 packages": a bare number is a version only after a name known to take one.
    if (!/[.v^~=]/.test(m[0].slice(m[1]!.length)) && !BARE_VERSION.test(name)) continue;
    // "Springdoc OpenAPI 3.0", "OAuth 2.0": the version of a standard, not of a package.
    const parts = name.split(/\s+/);
    if (SPEC.test(parts[parts.length - 1]!)) {
      if (parts.length > 1) push({ name: parts.slice(0, -1).join(' ').toLowerCase() });
      continue;
    }
    push({ name: name.toLowerCase(), version: m[2]!.replace(/\.x$/, '') });
  }
  for (const m of text.matchAll(CHANGE_VERBS)) {
    const change = m[2] ? 'upgraded' : m[3] ? 'added' : 'removed';
    let end = m.index! + m[0].length;
    if (change === 'upgraded') {
      const to = UP_TO.exec(text.slice(end, end + 120));
      if (!to) continue;
      end += to[0].length;
    }
    const rest = text.slice(end, end + 80);
    const words: string[] = [];
    let packageWord = false;
    for (const w of rest.split(/\s+/)) {
      const clean = w.replace(/^[`*"'(]+|(?<![`*"'),.;:])[`*"'),.;:]+$/g, '');
      if (PACKAGE_WORDS.test(clean)) packageWord = true;
      if (!clean || PACKAGE_WORDS.test(clean) || /^(?:to|with|in|for|and|from|by|because|since|as|—|-)$/i.test(clean))
        break;
      words.push(clean);
      if (/[,.;:)]$/.test(w) || words.length === 3) break;
    }
    const name = words.join(' ').toLowerCase();
    if (!name || /^\d/.test(name)) continue;
    // "Added context to errors", "Removed duplicate handlers": a change names a package only when
    // it says so ("the X library"), ticks it, spells it like one, or moves from one to another.
    const raw = words.join(' ');
    const looksLike =
      packageWord ||
      ticked.has(raw) ||
      /[-@/]|\d/.test(raw) ||
      (change === 'upgraded' && /\d/.test(name)) ||
      (/from|replace/i.test(m[0]) && /^\s*(?:to|with)\s/i.test(text.slice(end + raw.length)));
    if (!looksLike) continue;
    const version = change === 'upgraded' ? /\s(v?\d+(?:\.\d+)*)$/.exec(name)?.[1] : undefined;
    push({
      name: version ? name.slice(0, -version.length - 1) : name,
      ...(version ? { version: version.replace(/^v/, '') } : {}),
      change,
    });
    // "migrated from X to Y", "replaced X with Y": Y is what is used now — when it is named as a
    // product is ("to PostgreSQL", "with Resilience4j"), not described ("to a production database").
    const to = /^\s*(?:to|with)\s+([A-Za-z][\w.+-]*)/.exec(text.slice(end + raw.length));
    if (change === 'removed' && /from|replace/i.test(m[0]) && to && /^[A-Z]|[-@/.\d]/.test(to[1]!))
      push({ name: to[1]!.toLowerCase(), change: 'added' });
  }
  // "Zuul removed", "SpringFox Swagger 2.0 removed": a product named before the verb, not a file.
  const gone = removedThing(plain(text.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s*)?/, '')));
  if (gone && !FILE_EXT.test(gone) && /^[A-Z@]|[-@/]/.test(gone) && !/\//.test(gone)) {
    const version = /\s(v?\d+(?:\.\d+)*)$/.exec(gone)?.[1];
    const name = (version ? gone.slice(0, -version.length - 1) : gone).toLowerCase();
    const same = out.find((o) => o.name === name);
    if (same) same.change = 'removed';
    else push({ name, change: 'removed' });
  }
  for (const t of ticked) if (/^[@a-z][\w.@/-]*$/.test(t) && !t.includes('.') && /[-/@]/.test(t)) push({ name: t });
  return out;
}
