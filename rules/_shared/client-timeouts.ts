/**
 * Outbound HTTP clients judged call by call for the timeouts rule: which clients are checked per
 * language, what each waits for when the code sets nothing, and whether a careful reviewer takes
 * that default as a timeout. The rule says which clients it checked, so "no call without one" is
 * never claimed for a language it cannot read (issue 15, class 5: framework defaults).
 *
 * Defaults, and the verdict on each (a total bound of about 30 s is what teams set by hand; a
 * per-read bound or one past a load balancer's 60 s idle timeout leaves a hung dependency holding
 * the request after the caller gave up):
 * - Laravel's HTTP client (Guzzle underneath): 30 s total, 10 s to connect — accepted, said so.
 * - httpx: 5 s for every phase — accepted, said so.
 * - aiohttp: 5 min total per request — not accepted (finding) where neither the session nor its
 *   requests set `timeout=`.
 * - .NET HttpClient: 100 s total — not accepted (finding).
 * - Node's fetch (undici): 300 s for headers and 300 s for the body — not accepted (finding).
 * - AWS SDK for JavaScript v3: no request timeout — finding.
 * - Faraday over Net::HTTP: 60 s to connect, 60 s per read, so a trickling answer never ends — finding.
 * - Guzzle used directly, Python requests, redis-py, Go's default client: wait forever — finding.
 * - Spring WebClient (Reactor Netty: 30 s to connect, no response timeout) and RestTemplate: no
 *   bound either, but set by builder beans and properties away from the call, so not judged per call.
 */
import type { Lines, Match, PatternSpec, RuleContext } from '../../src/types.js';
import { LineIndex } from '../../src/util/lines.js';
import { serverCodeMatches } from '../../src/facts/component.js';
import { dirOf } from '../../src/facts/paths.js';
import { inRustTestModule, rustTestFrom } from '../../src/facts/rust-tests.js';
import { table } from '../../src/util/table.js';
import { lineStarts } from '../../src/util/lines.js';
import { mask, SYNTAX } from '../../src/facts/tests/mask.js';

/** Balanced-enough argument list: two levels of nested parentheses. */
/**
 * A timeout set to zero, a negative number, None/nil/null, Infinity or `0s`: in Go's http.Client and
 * net.Dialer, requests, Guzzle, Spring and most clients that turns the timeout off (round 21, spegel
 * `http.Client{Timeout: 0}` was cited as an explicit timeout). Removed from a line before it is taken as
 * a timeout; a line whose only timeout is such a value bounds nothing.
 */
const DISABLED_TIMEOUT =
  /['"]?\b\w*(?:timeout|Timeout)\w*['"]?\s*(?:[:=]|=>)\s*(?:0(?:\.0+)?(?:s|ms)?(?![\w.])|-\s*\d[\d.]*|None\b|nil\b|null\b|false\b|(?:math\.|float\(['"])?[iI]nf(?:inity)?\b['"]?\)?|['"]0(?:s|ms)?['"]|time\.Duration\(0\))|\.(?:timeout|connectTimeout|connect_timeout)\(\s*0\s*\)/g;

/** The line's timeouts are all turned off (zero, None, Infinity…): nothing is bounded there. */
export function disabledTimeout(snippet: string): boolean {
  // Its `\w*…timeout\w*` is quadratic on one long word: snippets are 160 characters, and a longer
  // text (a Guzzle client's options) is read no further than the first 1,000.
  if (snippet.length > 1000) snippet = snippet.slice(0, 1000);
  DISABLED_TIMEOUT.lastIndex = 0;
  if (!DISABLED_TIMEOUT.test(snippet)) return false;
  return !/timeout/i.test(snippet.replace(DISABLED_TIMEOUT, ' '));
}

export const ARGS = String.raw`((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)`;

/** The AWS SDK v3 clients the outbound fact knows (S3Client, DynamoDBClient, …). */
const AWS_CLIENTS = 'S3|DynamoDB|SQS|SNS|Lambda|SecretsManager|SES|SESv2|Kinesis|EventBridge|CloudWatch|CloudWatchLogs';

/**
 * Constructors of well-known HTTP API client libraries whose calls have NO timeout unless one is
 * given (their documentation's default is none), per ecosystem, each with the parameter that bounds
 * them. A construction without it is a client whose every call can hang (blind round 32, Kiwi TCMS:
 * `jira.JIRA(…)`, `gitlab.Gitlab(…)`, `redminelib.Redmine(…)` built without one while timeouts said
 * "no call without one"). Counted only where the project depends on the library directly. Clients
 * with a bounded default are not listed: PyGithub (15 s), hvac (30 s), slack_sdk (30 s), stripe (80 s).
 */
export const SDK_CONSTRUCTORS: {
  ecosystem: 'pypi' | 'npm' | 'go';
  /** Dependency names (any one declared directly). */
  packages: string[];
  /** The construction, up to its opening parenthesis. */
  call: string;
  /** How the constructor takes a timeout, read in its arguments. */
  timeout: RegExp;
  /** What the finding names. */
  label: string;
}[] = [
  // jira: JIRA(server, …, timeout=None) — https://jira.readthedocs.io/api.html
  {
    ecosystem: 'pypi',
    packages: ['jira'],
    call: String.raw`\b(?:jira\.)?JIRA\(`,
    timeout: /\btimeout\s*=/,
    label: 'jira.JIRA() without timeout=',
  },
  // python-gitlab: Gitlab(url, …, timeout=None) — https://python-gitlab.readthedocs.io/en/stable/api/gitlab.html
  {
    ecosystem: 'pypi',
    packages: ['python-gitlab'],
    call: String.raw`\b(?:gitlab\.)?Gitlab\(`,
    timeout: /\btimeout\s*=/,
    label: 'gitlab.Gitlab() without timeout=',
  },
  // python-redmine: Redmine(url, …, requests={'timeout': …}) — https://python-redmine.com/configuration.html
  {
    ecosystem: 'pypi',
    packages: ['python-redmine'],
    call: String.raw`\b(?:redminelib\.)?Redmine\(`,
    timeout: /['"]timeout['"]\s*:/,
    label: "redminelib.Redmine() without requests={'timeout': …}",
  },
  // axios: axios.create({ timeout }) — the default timeout is 0, none (https://axios-http.com/docs/req_config).
  {
    ecosystem: 'npm',
    packages: ['axios'],
    call: String.raw`\baxios\.create\(`,
    timeout: /\btimeout\s*:/,
    label: 'axios.create() without timeout (axios waits forever by default)',
  },
  // Octokit: new Octokit({ request: { timeout } }) — no timeout by default (https://github.com/octokit/request.js).
  {
    ecosystem: 'npm',
    packages: ['@octokit/rest', '@octokit/core', 'octokit'],
    call: String.raw`\bnew\s+Octokit\(`,
    timeout: /\btimeout\s*:/,
    label: 'new Octokit() without request.timeout',
  },
  // go-github: github.NewClient(nil) uses http.DefaultClient, which has no timeout.
  {
    ecosystem: 'go',
    packages: ['github.com/google/go-github'],
    call: String.raw`\bgithub\.NewClient\((?=\s*nil\s*\))`,
    timeout: /(?!)/,
    label: 'github.NewClient(nil): http.DefaultClient has no timeout',
  },
];

export const CLIENT_PATTERNS: Record<string, PatternSpec> = table({
  // The constructors of SDK_CONSTRUCTORS with their arguments (group 1).
  sdkClient: {
    regex: new RegExp(`(?:${SDK_CONSTRUCTORS.map((c) => c.call).join('|')})${ARGS}\\)`),
    files: ['**/*.{py,js,mjs,cjs,ts,mts,cts,go}'],
    literals: ['JIRA(', 'Gitlab(', 'Redmine(', 'axios.create(', 'Octokit(', 'NewClient('],
    maxPerFile: 20,
  },
  // `fetch(url)` or `fetch(url, {…})`; a bare name (`fetch(url, opts)`) cannot be judged. The
  // character before is consumed rather than looked behind: recheck proves this form linear.
  jsFetch: {
    regex: new RegExp(String.raw`(?:^|[^\w.$\n])fetch\(${ARGS}\)`, 'm'),
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    literals: ['fetch('],
    maxPerFile: 50,
  },
  // A file that binds its own `fetch` to something else (`const fetch = settings.fetchFn`) calls
  // that, not a fetch API; `import fetch from 'node-fetch'` or `require('node-fetch')` is still fetch.
  jsFetchBinding: {
    regex:
      /\b(?:const|let|var)[ \t]+fetch[ \t]*(?::[^=\n;]{0,80})?=(?![ \t]*(?:require\b|await\b|import\b|globalThis\.fetch\b))/,
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    literals: ['fetch'],
    maxPerFile: 1,
  },
  // `new S3Client({…})`, or v3's aggregated client `new S3({…})` (the same client with a method per command).
  jsAws: {
    regex: new RegExp(String.raw`\bnew\s+(?:${AWS_CLIENTS})(Client)?\(${ARGS}\)`),
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    literals: ['new '],
    maxPerFile: 20,
  },
  jsAwsV3Import: {
    regex: /\bfrom[ \t]+['"]@aws-sdk\/client-|\brequire\(\s*['"]@aws-sdk\/client-/,
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    literals: ['@aws-sdk/client-'],
    maxPerFile: 1,
  },
  // Python's smtplib and ftplib, socket.create_connection: without `timeout=` they take the socket
  // default, none unless socket.setdefaulttimeout is called: a stalled server holds the call forever.
  pySocketClient: {
    regex: new RegExp(
      String.raw`(?<![\w.])(?:(smtplib|ftplib|socket)\.)?(SMTP_SSL|SMTP|LMTP|FTP_TLS|FTP|create_connection)\(${ARGS}\)`,
    ),
    files: ['**/*.py'],
    literals: ['SMTP', 'FTP', 'create_connection('],
    maxPerFile: 20,
  },
  pySocketClientImport: {
    regex: /^[ \t]*(?:import[ \t]+(?:smtplib|ftplib|socket)\b|from[ \t]+(?:smtplib|ftplib|socket)[ \t]+import\b)/m,
    files: ['**/*.py'],
    literals: ['smtplib', 'ftplib', 'socket'],
    maxPerFile: 1,
  },
  pySocketDefault: {
    regex: /\bsocket\.setdefaulttimeout\(\s*(?!None\b)[\w.]/,
    files: ['**/*.py'],
    literals: ['setdefaulttimeout'],
    maxPerFile: 1,
  },
  // Go `net.Dial(…)` has no timeout (net.DialTimeout or a net.Dialer{Timeout:} sets one).
  goNetDial: {
    regex: /\bnet\.Dial\(/,
    files: ['**/*.go'],
    literals: ['net.Dial('],
    maxPerFile: 20,
  },
  // A Faraday call or connection; a timeout set on a later line of its block or arguments is found
  // by line (rbTimeout) up to the next call, the next method, or 30 lines on.
  rbFaraday: {
    regex: /\bFaraday\.(?:new|get|post|put|patch|delete|head)\b/,
    files: ['**/*.rb'],
    literals: ['Faraday.'],
    maxPerFile: 50,
  },
  rbTimeout: { regex: /timeout/, files: ['**/*.rb'], literals: ['timeout'], maxPerFile: 100 },
  rbDef: { regex: /^[ \t]*def[ \t]/m, files: ['**/*.rb'], literals: ['def'], maxPerFile: 500 },
  rbFaradayDefaults: {
    regex: /\bFaraday\.default_connection_options(?:\.request\.\w*timeout|\s*=)/,
    files: ['**/*.rb'],
    literals: ['default_connection_options'],
    maxPerFile: 1,
  },
  rbNetHttp: {
    regex: /\bNet::HTTP\.(get|get_response|post|post_form)\(/,
    files: ['**/*.rb'],
    literals: ['Net::HTTP.'],
    maxPerFile: 50,
  },
  phpLaravelHttp: {
    regex:
      /\bHttp::(?:get|post|put|patch|delete|head|send|retry|pool|withHeaders|withToken|withOptions|withBasicAuth|acceptJson|asJson|asForm|baseUrl|accept|withUserAgent)\(/,
    files: ['**/*.php'],
    literals: ['Http::'],
    maxPerFile: 50,
  },
  phpGuzzle: {
    regex: new RegExp(String.raw`\bnew\s+(?:\\?GuzzleHttp\\)?Client\(${ARGS}\)`),
    files: ['**/*.php'],
    literals: ['Client('],
    maxPerFile: 20,
  },
  phpGuzzleImport: {
    regex: /^[ \t]*use[ \t]+GuzzleHttp\\Client[ \t]*;/m,
    files: ['**/*.php'],
    literals: ['GuzzleHttp'],
    maxPerFile: 1,
  },
  // Rust reqwest: a client built by `Client::new()` (or a builder without `.timeout(`) and the
  // `reqwest::get` shortcut have no total timeout, so a request waits as long as the server likes.
  rsReqwest: {
    regex: /\b(?:reqwest::)?(?:blocking::)?Client::(new|builder)\(\)|\breqwest::(?:blocking::)?(get)\(/,
    files: ['**/*.rs'],
    literals: ['Client::', 'reqwest::'],
    maxPerFile: 50,
  },
  rsReqwestUse: {
    regex: /\buse[ \t]+reqwest::/,
    files: ['**/*.rs'],
    literals: ['reqwest'],
    maxPerFile: 1,
  },
  // aiohttp: a session built without `timeout=` allows 5 min per request (ClientTimeout(total=300)).
  pyAiohttpSession: {
    regex: new RegExp(String.raw`(?<![\w.])(?:aiohttp\.)?ClientSession\(${ARGS}\)`),
    files: ['**/*.py'],
    literals: ['ClientSession('],
    maxPerFile: 20,
  },
  pyAiohttpImport: {
    regex: /^[ \t]*(?:import[ \t]+aiohttp\b|from[ \t]+aiohttp(?:\.\w+)*[ \t]+import\b)/m,
    files: ['**/*.py'],
    literals: ['aiohttp'],
    maxPerFile: 1,
  },
  // redis-py (and its asyncio client): socket_timeout defaults to None, so a stalled server holds
  // the call forever.
  pyRedis: {
    regex: new RegExp(
      String.raw`\b(?:redis|aioredis)\.(?:asyncio\.)?(?:(?:Strict)?Redis(?:Cluster)?|from_url)\(${ARGS}\)|\b(?:Strict)?Redis\.from_url\(${ARGS}\)`,
    ),
    files: ['**/*.py'],
    literals: ['Redis', 'redis'],
    maxPerFile: 20,
  },
  pyHttpx: {
    regex: new RegExp(
      String.raw`\bhttpx\.(?:get|post|put|patch|delete|head|options|request|stream|Client|AsyncClient)\(${ARGS}\)`,
    ),
    files: ['**/*.py'],
    literals: ['httpx.'],
    maxPerFile: 50,
  },
});

export interface Fault {
  m: Match;
  note: string;
}

/** Clients judged call by call, per language, for the message. */
export const CHECKED: { language: string; names: string[]; clients: string }[] = [
  { language: 'JS/TS', names: ['JavaScript', 'TypeScript'], clients: 'fetch, AWS SDK clients, axios.create, Octokit' },
  {
    language: 'Python',
    names: ['Python'],
    clients: 'requests, httpx, aiohttp, redis-py, smtplib, ftplib, sockets, jira, python-gitlab, python-redmine',
  },
  { language: 'Go', names: ['Go'], clients: 'net/http, net.Dial' },
  { language: '.NET', names: ['C#'], clients: 'HttpClient' },
  { language: 'Ruby', names: ['Ruby'], clients: 'Faraday, Net::HTTP' },
  { language: 'PHP', names: ['PHP'], clients: "Laravel's Http, Guzzle" },
  { language: 'Rust', names: ['Rust'], clients: 'reqwest' },
];

/** Languages with outbound calls that no check reads call by call. */
const UNCHECKED = ['Java', 'Kotlin', 'Scala', 'Groovy', 'Elixir', 'F#', 'Visual Basic'];

/** "Python (requests, httpx) and Ruby (Faraday, Net::HTTP)", for the languages present. */
export function checkedClients(
  ctx: RuleContext,
  /** Languages otherwise unchecked whose clients the caller did check (`Kotlin` → `Ktor HttpClient`). */
  found: Record<string, string> = {},
): { checked: string; unchecked: string[] } {
  const present = new Set(ctx.facts.languages.map((l) => l.name));
  // Rust: reqwest's calls are checked one by one; another client (awc, hyper, ureq) is not (blind
  // round 22, rustypaste: awc named "Rust (reqwest)").
  const reqwest = !present.has('Rust') || ctx.facts.findDependencies(['reqwest']).length > 0;
  const checked = CHECKED.filter((c) => c.names.some((n) => present.has(n)) && (c.language !== 'Rust' || reqwest)).map(
    (c) => `${c.language} (${c.clients})`,
  );
  const other = reqwest
    ? []
    : ctx.facts
        .findDependencies(['awc', 'hyper', 'ureq', 'isahc', 'surf'])
        .map((d) => d.name)
        .slice(0, 2);
  for (const [language, clients] of Object.entries(found))
    if (present.has(language)) checked.push(`${language} (${clients})`);
  return {
    checked: checked.join(', '),
    unchecked: [
      ...UNCHECKED.filter((l) => present.has(l) && !(l in found)),
      ...(reqwest ? [] : [other.length ? `Rust (${[...new Set(other)].join(', ')})` : 'Rust']),
    ],
  };
}

/** A first argument that is a path on the page's own origin: `'/api/x'`, `` `/api/${id}` ``. */
const SAME_ORIGIN_URL = /^\s*(['"`])\/(?![/\\])/;

/** A module marked `'use client'` (React/Next.js client component) or using browser storage. */
function runsInBrowser(text: string): boolean {
  return (
    /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/.test(text.slice(0, 2000)) ||
    /\b(?:localStorage|sessionStorage)\.(?:getItem|setItem)\(/.test(text)
  );
}

/**
 * A helper module that only `'use client'` modules import runs in the page too (blind round 45: an
 * upload helper's `fetch(url, { method: 'PUT' })` imported by a client hook alone). Importers are the
 * JS/TS files of the repository whose import specifier ends in the helper's folder and name
 * (`@/lib/storage/upload-client` for lib/storage/upload-client.ts); at least one, and every one
 * marked `'use client'`. Bounded: the files that name the module's stem, out of the first 5,000.
 */
function importedOnlyByClients(ctx: RuleContext, path: string, inBrowser: (p: string) => boolean): boolean {
  const m = /(?:^|\/)([\w.-]+)\/([\w.-]+?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(path);
  if (!m) return false;
  const [, folder, stem] = m as unknown as [string, string, string];
  if (stem === 'index') return false;
  let importers = 0;
  for (const f of ctx.files.match('**/*.{ts,tsx,js,jsx,mjs,cjs,mts}').slice(0, 5000)) {
    if (f === path) continue;
    const text = ctx.files.read(f);
    if (!text?.includes(stem)) continue;
    const imports = [
      ...text.slice(0, 20000).matchAll(/\bfrom\s*['"]([^'"\n]{1,200})['"]|\bimport\(\s*['"]([^'"\n]{1,200})['"]/g),
    ]
      .map((i) => (i[1] ?? i[2]!).replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, ''))
      .filter((spec) => {
        const parts = spec.split('/');
        return (
          parts[parts.length - 1] === stem &&
          (parts.length < 2 || parts[parts.length - 2] === folder || parts[parts.length - 2] === '.')
        );
      });
    if (imports.length === 0) continue;
    if (!inBrowser(f)) return false;
    importers++;
  }
  return importers > 0;
}

/** Production server code: a browser fetch, a desktop shell or a build script is not the service's call. */
function serverIn(ctx: RuleContext): (key: string) => Match[] {
  return (key) => serverCodeMatches(ctx.facts, ctx.matches(key));
}

/**
 * Whether a file is a page or endpoint (`src/pages/**`) of an Astro site that is prerendered: its
 * astro.config sets `output: 'static'` or no output (Astro's default), and the file does not opt out
 * with `export const prerender = false`. Such a route runs once, when the site is built: its
 * `fetch` is a build step of a marketing or docs site, not a call the service makes (blind round 24,
 * a website's llms.txt endpoint fetching the docs' navigation at build time).
 */
function astroPrerendered(ctx: RuleContext): (path: string) => boolean {
  const configs = ctx.files.match(['**/astro.config.{mjs,js,ts,mts,cjs}']);
  if (!configs.length) return () => false;
  const staticDirs = configs
    .filter((c) => !/\boutput\s*:\s*['"](?:server|hybrid)['"]/.test(ctx.files.read(c) ?? ''))
    .map((c) => dirOf(c));
  return (path) =>
    staticDirs.some((d) => path.startsWith(d ? `${d}/src/pages/` : 'src/pages/')) &&
    !/\bexport\s+const\s+prerender\s*=\s*false\b/.test(ctx.files.read(path) ?? '');
}

/**
 * A function or method named fetch defined on this line, with TypeScript's modifiers before it
 * (`public async fetch(`, `protected override fetch(`) and a return type after its parameters.
 */
const FETCH_DEFINITION =
  /\bfunction\s+fetch\(|^\s*(?:(?:public|private|protected|static|override|async)\s+){0,4}fetch\([^)]*\)\s*(?::[^{]*)?\{/;

/** Faults of the clients added for issue 15 (the rule keeps its Python/Go/.NET checks). */
export function clientFaults(ctx: RuleContext): Fault[] {
  // Each file masked once (strings blanked, offsets kept): a word on a line of the masked text is code.
  const masked = new Map<string, { code: string; starts: number[] }>();
  const inStringLiteral = (path: string, line: number, word: string): boolean => {
    let f = masked.get(path);
    if (!f) {
      const code = mask(ctx.files.read(path) ?? '', SYNTAX.js);
      f = { code, starts: lineStarts(code) };
      masked.set(path, f);
    }
    const start = f.starts[line - 1];
    if (start === undefined) return false;
    const end = f.starts[line] ?? f.code.length;
    return !f.code.slice(start, end).includes(word);
  };
  const server = serverIn(ctx);
  const faults: Fault[] = [];
  const ownFetch = new Set(ctx.matches('jsFetchBinding').map((m) => m.path));
  // Whether a module runs in the browser is a fact of its whole text: worked out once per file.
  const browser = new Map<string, boolean>();
  const inBrowser = (path: string) => {
    if (!browser.has(path)) browser.set(path, runsInBrowser(ctx.files.read(path) ?? ''));
    return browser.get(path)!;
  };
  const prerendered = astroPrerendered(ctx);
  const onlyClients = new Map<string, boolean>();
  const clientOnly = (path: string) => {
    if (!onlyClients.has(path))
      onlyClients.set(path, onlyClients.size < 5 && importedOnlyByClients(ctx, path, inBrowser));
    return onlyClients.get(path)!;
  };
  for (const m of server('jsFetch')) {
    if (ownFetch.has(m.path)) continue;
    // A page or endpoint of a static Astro site runs when the site is built, not in the service.
    if (prerendered(m.path)) continue;
    // A same-origin path (`fetch('/api/suggestions')`) only resolves in a browser (Node's fetch
    // rejects a relative URL), and a 'use client' module or one reading localStorage runs there:
    // the page calling its own server, not the server calling out (round 9, Perplexica).
    if (SAME_ORIGIN_URL.test(m.groups[0] ?? '') || inBrowser(m.path)) continue;
    // A helper only client modules import runs there too: asked only of a fetch with no signal.
    const args0 = m.groups[0] ?? '';
    if (!/\bsignal\b|\.\.\./.test(args0) && !optionsByName(args0) && clientOnly(m.path)) continue;
    // Page script inside a string the server sends (an HTML page built in a template literal,
    // `<script>… fetch(spec.url) …</script>`) runs in the reader's browser (blind round 35, signalk).
    if (inStringLiteral(m.path, m.line, 'fetch(')) continue;
    // A method or function named fetch is defined, not called: a service's own fetch wrapper
    // (`public async fetch(input: RequestInfo | URL, init?: RequestInit) {`, blind round 44) is
    // judged by the calls made through it and the one it makes inside.
    if (FETCH_DEFINITION.test(m.snippet)) continue;
    const args = m.groups[0] ?? '';
    if (!/\bsignal\b|\.\.\./.test(args) && !optionsByName(args))
      faults.push({
        m,
        note: "fetch() without a signal: Node's fetch waits up to 300 s for headers, 300 s for the body",
      });
  }
  const awsV3 = new Set(ctx.matches('jsAwsV3Import').map((m) => m.path));
  for (const m of server('jsAws')) {
    // The aggregated `new S3({…})` is v3's only where the file imports a v3 client package (v2's
    // `new S3()` has its own 120 s default).
    if (!m.groups[0] && !awsV3.has(m.path)) continue;
    const args = (m.groups[1] ?? '').trim();
    if (args.startsWith('{') && !/requestHandler|[tT]imeout|\.\.\./.test(args))
      faults.push({ m, note: 'AWS SDK client without a requestHandler timeout (none by default)' });
  }
  if (ctx.matches('rbFaradayDefaults').length === 0) {
    const faraday = server('rbFaraday');
    // Lines by file, so that each client looks only at its own file's bounds and timeouts.
    const linesByPath = (ms: Match[]) => {
      const out = new Map<string, number[]>();
      for (const o of ms) {
        const l = out.get(o.path);
        if (l) l.push(o.line);
        else out.set(o.path, [o.line]);
      }
      return out;
    };
    const timeouts = linesByPath(ctx.matches('rbTimeout'));
    const bounds = linesByPath([...faraday, ...ctx.matches('rbDef')]);
    for (const m of faraday) {
      let end = m.line + 30;
      for (const l of bounds.get(m.path) ?? []) if (l > m.line && l < end) end = l;
      if (!(timeouts.get(m.path) ?? []).some((t) => t >= m.line && t < end))
        faults.push({ m, note: 'Faraday without a timeout: Net::HTTP waits 60 s to connect and 60 s per read' });
    }
  }
  for (const m of server('rbNetHttp'))
    faults.push({ m, note: `Net::HTTP.${m.groups[0]} takes no timeout: 60 s to connect, 60 s per read` });
  const guzzleFiles = new Set(ctx.matches('phpGuzzleImport').map((m) => m.path));
  for (const m of server('phpGuzzle')) {
    const args = (m.groups[0] ?? '').trim();
    const guzzle = guzzleFiles.has(m.path) || m.snippet.includes('GuzzleHttp');
    if (!guzzle) continue;
    // Options given as a literal array, or merged from literal arrays (`array_merge($this->guzzle,
    // ['verify' => …])`, Socialite's providers): judged by what the literals set (round 21, roadmap).
    const literal = args === '' || args.startsWith('[') || /^array_(?:merge|replace)(?:_recursive)?\(/.test(args);
    // A timeout key whose value is not zero or null (disabledTimeout: a lookahead after `\s*` let
    // `'timeout' => 0` pass and took `=> 0.5` for zero).
    const timeout =
      /(?:['"](?:timeout|connect_timeout|read_timeout)['"]|RequestOptions::(?:CONNECT_|READ_)?TIMEOUT)\s*=>/.test(
        args,
      ) && !disabledTimeout(args);
    // A client made without options whose requests pass them (`$client->get($url, ['timeout' =>
    // $this->timeOut])`, an `$options` array built below it in the same method): Guzzle takes a
    // timeout per request (blind round 23, data-importer SimpleFINRequest.php:80/84).
    if (literal && !timeout && requestTimeoutBelow(ctx.files.lines(m.path), m.line)) continue;
    // Options merged from a local array the method built above (`$defaultOptions = ['timeout' =>
    // $timeout, …]; return new Client(array_merge($options, $defaultOptions));`, blind round 47).
    if (literal && !timeout && mergedTimeoutAbove(ctx.files.lines(m.path), m.line, args)) continue;
    if (literal && !timeout)
      faults.push({
        m,
        note: /['"]timeout['"]\s*=>/.test(args)
          ? 'Guzzle client with timeout 0 waits indefinitely'
          : 'Guzzle client without timeout waits indefinitely',
      });
  }
  faults.push(...reqwestFaults(ctx, server('rsReqwest')));
  // An aiohttp session without `timeout=`: bounded where its request on the same line passes one
  // (or passes options through, `**kwargs`), or, for a session kept and used elsewhere in the file,
  // where the file's requests pass `timeout=` (a ClientTimeout).
  const aiohttp = new Set(ctx.matches('pyAiohttpImport').map((m) => m.path));
  const fileTimeout = new Map<string, boolean>();
  for (const m of server('pyAiohttpSession')) {
    if (!aiohttp.has(m.path) && !m.snippet.includes('aiohttp.')) continue;
    if (/\btimeout\s*=|\*\*/.test(m.groups[0] ?? '')) continue;
    const rest = m.snippet.slice(m.snippet.indexOf('ClientSession('));
    if (/\.(?:get|post|put|patch|delete|head|request|ws_connect)\(/.test(rest)) {
      if (/\btimeout\s*=(?!\s*None\b)|\*\*/.test(rest)) continue;
    } else {
      if (!fileTimeout.has(m.path))
        fileTimeout.set(m.path, /\btimeout\s*=(?!\s*None\b)/.test(ctx.files.read(m.path) ?? ''));
      if (fileTimeout.get(m.path)) continue;
    }
    faults.push({ m, note: "aiohttp ClientSession without timeout=: aiohttp's default allows 5 min per request" });
  }
  const socketImports = new Set(ctx.matches('pySocketClientImport').map((m) => m.path));
  const socketDefault = ctx.matches('pySocketDefault').length > 0;
  for (const m of socketDefault ? [] : server('pySocketClient')) {
    // `SMTP(` alone only in a file that imports smtplib/ftplib/socket (not an own class of that name).
    if (!m.groups[0] && !socketImports.has(m.path)) continue;
    const what = m.groups[1]!;
    const args = m.groups[2] ?? '';
    if (/\btimeout\s*=|\*\*/.test(args) && !disabledTimeout(args)) continue;
    // create_connection(address, timeout): a second positional argument is the timeout.
    if (what === 'create_connection' && /^[^,]*,\s*[\w.]/.test(args.trim().replace(/^\([^()]*\)/, 'address'))) continue;
    faults.push({
      m,
      note: `${m.groups[0] ? `${m.groups[0]}.` : ''}${what}() without timeout=: it takes the socket default, none unless socket.setdefaulttimeout is set, so a stalled server holds the call forever`,
    });
  }
  for (const m of server('sdkClient')) {
    const c = SDK_CONSTRUCTORS.find(
      (x) =>
        new RegExp(x.call).test(m.snippet) && ctx.facts.findDependencies(x.packages).some((d) => d.direct !== false),
    );
    // A class or function of that name (`class JIRA(IssueTrackerType):`) is defined, not built; a bare
    // Python name is the library's only where the file imports it from the package.
    if (!c || /^\s*(?:class|def|function|export\s+class)\s/.test(m.snippet)) continue;
    if (
      c.ecosystem === 'pypi' &&
      !/\b(?:jira|gitlab|redminelib)\.\w+\(/.test(m.snippet) &&
      !/^[ \t]*from[ \t]+(?:jira|gitlab|redminelib)[ \t]+import\b/m.test(ctx.files.read(m.path) ?? '')
    )
      continue;
    const args = m.groups[0] ?? '';
    if (c.timeout.test(args) || /\*\*|\.\.\./.test(args)) continue;
    // axios instances inherit axios.defaults: a default timeout set in the file bounds them.
    if (c.ecosystem === 'npm' && /\baxios\.defaults\.timeout\s*=/.test(ctx.files.read(m.path) ?? '')) continue;
    faults.push({ m, note: `${c.label}: its calls have no timeout by default` });
  }
  for (const m of server('goNetDial'))
    faults.push({ m, note: 'net.Dial() without a timeout (use net.DialTimeout or a net.Dialer with Timeout)' });
  for (const m of server('pyRedis')) {
    const args = (m.groups[0] ?? '') + (m.groups[1] ?? '');
    if (/\bsocket_timeout\s*=|\*\*|\bconnection_pool\s*=/.test(args) && !disabledTimeout(args)) continue;
    faults.push({ m, note: 'redis-py client without socket_timeout: a stalled Redis holds the call forever' });
  }
  for (const m of server('pyHttpx')) {
    if (/\btimeout\s*=\s*None\b/.test(m.groups[0] ?? ''))
      faults.push({ m, note: 'httpx call with timeout=None waits forever' });
  }
  return faults;
}

/**
 * A timeout option (`'timeout' =>`, `'connect_timeout' =>`, `RequestOptions::TIMEOUT =>`, not zero or
 * null) on the lines after a Guzzle client is made, up to the end of its method (the next function)
 * or 30 lines: the requests made with it pass the timeout themselves.
 */
/**
 * Whether a PHP array merged into a client's options (`array_merge($options, $defaultOptions)`) was
 * built in the same method above the client with a timeout that is not off. Only local variables
 * (`$defaultOptions`, not `$this->options`); at most 30 lines back, stopping at the method's start.
 */
function mergedTimeoutAbove(lines: Lines | undefined, line: number, args: string): boolean {
  if (!lines || !/^array_(?:merge|replace)/.test(args)) return false;
  const names = new Set([...args.slice(0, 400).matchAll(/\$(\w{1,60})\b(?!\s*->)/g)].map((x) => x[1]!));
  names.delete('this');
  if (names.size === 0) return false;
  const start = Math.max(1, line - 30);
  let from = 0;
  for (let n = line - 1; n >= start; n--) {
    if (/^\s*(?:(?:public|protected|private|static|final|abstract)\s+)*function\b/.test(lines.line(n))) {
      from = n;
      break;
    }
  }
  let inArray = false;
  for (let n = Math.max(from, start); n < line; n++) {
    const l = lines.line(n);
    const assign = /^\s*\$(\w{1,60})\s*=\s*(?:\[|array\()/.exec(l);
    if (assign) inArray = names.has(assign[1]!);
    if (
      inArray &&
      /(?:['"](?:timeout|connect_timeout|read_timeout)['"]|RequestOptions::(?:CONNECT_|READ_)?TIMEOUT)\s*=>/.test(l) &&
      !disabledTimeout(l)
    )
      return true;
    if (inArray && /[\])]\s*;/.test(l)) inArray = false;
  }
  return false;
}

function requestTimeoutBelow(lines: Lines | undefined, line: number): boolean {
  if (!lines) return false;
  for (let n = line + 1; n <= Math.min(lines.count, line + 30); n++) {
    const l = lines.line(n);
    if (/^\s*(?:(?:public|protected|private|static|final|abstract)\s+)*function\b/.test(l)) return false;
    if (
      /(?:['"](?:timeout|connect_timeout|read_timeout)['"]|RequestOptions::(?:CONNECT_|READ_)?TIMEOUT)\s*=>/.test(l) &&
      !disabledTimeout(l)
    )
      return true;
  }
  return false;
}

/** What reqwestFaults needs of one Rust file, worked out once per file rather than once per match. */
interface RustFile {
  lines: Lines;
  /** The first `#[cfg(test)]` line (1-based); Infinity when there is none. */
  testFrom: number;
  /** The file sets `.timeout(` somewhere. */
  timeout: boolean;
}

function rustFile(lines: Lines): RustFile {
  return { lines, testFrom: rustTestFrom(lines), timeout: /\.timeout\(/.test(lines.text) };
}

/** Whether `line` of a Rust file sits in a unit test (`#[cfg(test)]` module or `#[test]` function). */
export { inRustTestModule };

function inRustTest(f: RustFile, line: number): boolean {
  return inRustTestModule(f.lines, line);
}

/**
 * reqwest clients without a total timeout (reqwest sets none by default): `Client::new()`, a
 * `Client::builder()` chain that never calls `.timeout(` before `.build()`, and `reqwest::get`.
 * A file that sets `.timeout(` on its requests is taken as bounding them.
 */
function reqwestFaults(ctx: RuleContext, matches: Match[]): Fault[] {
  const faults: Fault[] = [];
  const uses = new Set(ctx.matches('rsReqwestUse').map((m) => m.path));
  const byPath = new Map<string, RustFile>();
  for (const m of matches) {
    const qualified = m.snippet.includes('reqwest::');
    if (!qualified && !uses.has(m.path)) continue;
    let file = byPath.get(m.path);
    if (!file) byPath.set(m.path, (file = rustFile(ctx.files.lines(m.path) ?? new LineIndex(''))));
    const { lines } = file;
    if (inRustTest(file, m.line)) continue;
    const kind = m.groups[0] ?? m.groups[1];
    if (kind === 'builder') {
      const chain: string[] = [];
      for (let n = m.line; n <= Math.min(lines.count, m.line + 20); n++) {
        chain.push(lines.line(n));
        if (/\.build\(\)|;/.test(lines.line(n))) break;
      }
      if (!/\.timeout\(/.test(chain.join('\n')))
        faults.push({ m, note: 'reqwest Client::builder() without .timeout(): no total timeout by default' });
      continue;
    }
    if (file.timeout) continue;
    faults.push({
      m,
      note:
        kind === 'get'
          ? 'reqwest::get uses a client with no timeout: the request waits as long as the server likes'
          : 'reqwest Client::new() has no timeout: a request waits as long as the server likes',
    });
  }
  return faults;
}

/** Calls bounded by their client's default, which a careful reviewer accepts (see the header). */
export function boundedByDefault(ctx: RuleContext): { m: Match; note: string }[] {
  const out: { m: Match; note: string }[] = [];
  const server = serverIn(ctx);
  if (ctx.facts.frameworks.some((f) => f.id === 'laravel'))
    for (const m of server('phpLaravelHttp'))
      out.push({ m, note: "Laravel's HTTP client: 30 s timeout and 10 s connect timeout by default" });
  for (const m of server('pyHttpx'))
    if (!/\btimeout\s*=/.test(m.groups[0] ?? '')) out.push({ m, note: 'httpx: 5 s timeout by default' });
  return out;
}

/** `fetch(url, options)`: the options are a name, set elsewhere, so the call cannot be judged. */
function optionsByName(args: string): boolean {
  const parts = topLevelCommas(args);
  return parts.length > 1 && /^\s*[\w.$]+\s*$/.test(parts[1] ?? '');
}

function topLevelCommas(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(args.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(args.slice(start));
  return parts;
}
