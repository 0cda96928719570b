/**
 * Outbound calls (issue 15, class 7): whether production code calls other services over the
 * network — HTTP and gRPC clients, cloud and SaaS SDK clients. Retries, timeouts and circuit
 * breakers protect those calls; an application that makes none has nothing for them to protect,
 * and is told so rather than failed. Database drivers are not counted: their pools and statement
 * timeouts are configured elsewhere, and a CRUD service is not expected to wrap its own database
 * in a circuit breaker.
 *
 * Two sources, either enough: client calls in production code (one scan pattern per language
 * family), and a client library from the `http-clients` catalogue that production code imports.
 */
import type { Dependency, Evidence, Match, OutboundCalls } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { isCommentLine, isMigrationRunner, isProductionPath } from './paths.js';
import { namesMatcher } from './frameworks.js';
import { pathComponent } from './component.js';

export const OUTBOUND_KEY = 'facts:outbound';

const URL_METHOD = String.raw`(?<!\b(?:rf|factory|request_factory|requestFactory|test_client|testClient|self\.client|RequestFactory\(\s*\)|APIRequestFactory\(\s*\)))\.(?:get|post|put|patch|delete|head|request)\(\s*(?:['"\x60]https?:\/\/|\w*(?:url|uri|Url|Uri|URL|URI|endpoint|Endpoint|api_path|apiPath)\b(?!\s*[=:]))`;

const CALLS = [
  // JavaScript/TypeScript: fetch, axios/got/ky/superagent/undici, node http(s), Nest HttpService, SDK clients.
  // A definition of a function named fetch is no call: Python/Ruby/Scala `def`, Elixir `defp`,
  // `defmacro` and `defdelegate fetch(struct, key), to: Map` (the Access behaviour, blind round 36),
  // Kotlin `fun`, Go `func`, Rust `fn`, a JS `async fetch(` method.
  String.raw`(?<![\w.$]|\bdef |\bdefp |\bdefmacrop? |\bdefdelegate |function |\bfun |\bfunc |\bfn |\basync )fetch\(\s*[\x60'"\w]`,
  String.raw`\b(?:axios|got|ky|superagent|needle|ofetch|\$fetch)(?:\.(?:get|post|put|patch|delete|head|request|create|extend))?\(`,
  String.raw`\bundici\.(?:request|fetch)\(|\brequest\(\s*['"\x60]https?:`,
  String.raw`\bhttps?\.(?:request|get)\(`,
  String.raw`\bthis\.(?:httpService|http)\.(?:get|post|put|patch|delete|request)\(`,
  String.raw`\bnew\s+(?:[A-Z]\w*)?(?:S3|DynamoDB|SQS|SNS|Lambda|SecretsManager|SES|Kinesis|EventBridge|Stripe|OpenAI|Anthropic|Twilio|WebClient|BlobServiceClient|SecretClient|PubSub|Storage|Firestore)(?:Client)?\(`,
  // Python: requests/httpx/aiohttp/urllib, boto3, grpc channels.
  String.raw`\b(?:requests|httpx)\.(?:get|post|put|patch|delete|head|options|request|Session|Client|AsyncClient)\(`,
  String.raw`\baiohttp\.ClientSession\(|\burllib\.request\.urlopen\(|\burllib3\.PoolManager\(|\bhttp\.client\.HTTPS?Connection\(`,
  String.raw`\bboto3\.(?:client|resource|Session)\(|\bgrpc\.(?:aio\.)?(?:insecure|secure)_channel\(`,
  // Go: net/http clients, gRPC dials, resty, AWS SDK v2 clients.
  String.raw`\bhttp\.(?:Get|Post|PostForm|Head|NewRequest|NewRequestWithContext)\(|&?http\.Client\s*\{|\bhttp\.DefaultClient\b`,
  String.raw`\bgrpc\.(?:Dial|DialContext|NewClient)\(|\bresty\.New\(|\.NewFromConfig\(`,
  // JVM: RestTemplate/WebClient/RestClient, OkHttp, Feign, java.net.http, gRPC channels, Apache HttpClient.
  String.raw`\b(?:RestTemplate|WebClient|RestClient|OkHttpClient|HttpClient\.new(?:Builder|HttpClient)|ManagedChannelBuilder|HttpClients\.create\w*)\b|@FeignClient\b|@HttpExchange\b|\bHttpURLConnection\b`,
  // JVM clients known by how their timeouts are set (one fact with the timeouts rule, which found
  // these while retries and circuit breakers said "no outbound calls"): java.net URLConnection,
  // Spring's request factories and RestTemplateBuilder, Apache HttpClient builders, Ktor's
  // HttpClient(engine), and a connect/read timeout set on a connection, client or request factory
  // (`conn.setConnectTimeout(…)`, a RestTemplate builder's) — not on a DataSource or pool (`ds.setConnectTimeout`), the driver's.
  String.raw`\.openConnection\(\s*\)|\b(?:SimpleClientHttpRequestFactory|HttpComponentsClientHttpRequestFactory|JdkClientHttpRequestFactory|RestTemplateBuilder|HttpClientBuilder|RequestConfig\.custom)\b|\bHttpClient\s*\(\s*(?:CIO|OkHttp|Apache5?|Java|Android|Darwin|Js)\b`,
  // A client of any library (an in-house HTTP tool, an RPC proxy builder) whose call chain gives a
  // URL and a timeout (`HttpTool.createClient().url(address).timeout(3000)`, `.timeout(t).url(u)`):
  // a call to another service, with its timeout (blind round 32, xxl-job: the admin calls its
  // executors over HTTP, yet timeouts and circuit breakers said "no outbound calls").
  String.raw`\.url\(\s*[^()\n]{1,80}\)\s*\.\s*(?:timeout|connectTimeout|readTimeout)\s*\(|\.(?:timeout|connectTimeout|readTimeout)\s*\([^;\n]{0,80}\)\s*\.\s*url\(`,
  // Bounded name parts: `\w*` before `[hH]ttp\w*` backtracked quadratically on one long word (60 KB: 1.3 s).
  String.raw`\b\w{0,60}?(?:[cC]onn(?:ection)?|[cC]lient|[fF]actory|[bB]uilder|[hH]ttp\w{0,40})\s*\.\s*set(?:Connect|Read)Timeout\(`,
  // .NET: HttpClient and its factory, gRPC channels, RestSharp, Refit, Flurl (`url.WithTimeout(…)`
  // sends a request; `using Flurl.Http` is the client).
  // The resilience handlers of the HttpClient factory (`ConfigureHttpClientDefaults(http =>
  // http.AddStandardResilienceHandler())`, the Aspire service defaults) wrap its clients' calls.
  String.raw`\bnew\s+HttpClient\s*[({]|\bIHttpClientFactory\b|\.AddHttpClient\b|\.ConfigureHttpClientDefaults\(|\.Add(?:Standard(?:Resilience|Hedging)|Resilience)Handler\(|\bGrpcChannel\.ForAddress\(|\bnew\s+RestClient\(|\bRestService\.For<`,
  String.raw`^[ \t]*using\s+Flurl\.Http\b|\bnew\s+Flurl(?:Client|Request)\(|\bFlurlHttp\.|\.WithTimeout\(\s*(?:TimeSpan\.|\d)`,
  // Mail and Redis-backed services the code talks to (blind round 14, simplebank: SMTP mail and an
  // asynq queue were its only outbound calls): net/smtp, gomail, smtplib, nodemailer, SmtpClient;
  // go-redis and asynq clients, StackExchange.Redis connections.
  String.raw`\bsmtp\.(?:SendMail|Dial|DialTLS|NewClient|PlainAuth)\(|\bgomail\.NewDialer\(|\bsmtplib\.SMTP(?:_SSL)?\(|\bnodemailer\.createTransport\(|\bnew\s+SmtpClient\s*\(`,
  // Directory, mailbox and mail-transfer clients (blind round 35, davis: IMAP login through
  // webklex/php-imap, LDAP login through `ldap_connect`, mail through Symfony Mailer — each a
  // connection to another server that can hang or fail, yet retries, timeouts and circuit breakers
  // said "no outbound calls"). LDAP: PHP ldap_connect, LdapRecord and Symfony Ldap, python-ldap and
  // ldap3, ldapjs and ldapts, go-ldap, JNDI, Spring LdapTemplate, UnboundID, .NET LdapConnection.
  String.raw`\bldap_(?:connect|bind)\(|^[ \t]*use[ \t]+(?:LdapRecord|Symfony\\Component\\Ldap)\\|\bldap\.(?:initialize|createClient|DialURL|DialTLS|Dial)\(|\bldap3\.(?:Server|Connection)\(|^[ \t]*from[ \t]+ldap3[ \t]+import\b|\bnew\s+(?:InitialDirContext|InitialLdapContext|LDAPConnection|LdapConnection)\s*[({]|\bLdapTemplate\b|"github\.com\/go-ldap\/ldap|\bfrom\s+['"](?:ldapjs|ldapts)['"]|\brequire\(\s*['"](?:ldapjs|ldapts)['"]\s*\)|\bldap3::Ldap(?:Conn|ConnAsync)\b`,
  // IMAP/POP3: PHP imap_open and webklex/php-imap, imaplib/poplib, imapflow and node-imap, go-imap,
  // MailKit, Net::IMAP/POP3/SMTP in Ruby.
  String.raw`\bimap_open\(|^[ \t]*use[ \t]+Webklex\\PHPIMAP\\|\bimaplib\.IMAP4(?:_SSL)?\(|\bpoplib\.POP3(?:_SSL)?\(|\bnew\s+(?:ImapFlow|Imap|ImapClient|Pop3Client)\s*\(|"github\.com\/emersion\/go-(?:imap|smtp)|\bNet::(?:IMAP|POP3|SMTP|LDAP|FTP)\b`,
  // SMTP client libraries by their import or send call (blind round 47, go-base: passwordless login
  // mail through wneessen/go-mail `mail.NewClient(…)` ⏎ `client.DialAndSend(msg)` was "no outbound
  // calls"): Go's go-mail, gomail and go-simple-mail, nodemailer and emailjs imported in Node,
  // aiosmtplib in Python. Each send dials a mail server that can hang or refuse like any service.
  String.raw`"(?:github\.com\/(?:wneessen\/go-mail|go-gomail\/gomail|go-mail\/mail|xhit\/go-simple-mail|jordan-wright\/email)(?:\/v\d{1,3})?|gopkg\.in\/(?:gomail|mail)\.v\d)"|\.DialAndSend(?:WithContext)?\(|(?:\bfrom\s+|\brequire\(\s*)['"](?:nodemailer|emailjs)['"]|\baiosmtplib\.(?:send|SMTP)\(`,
  // Mailers that send through an SMTP server or a mail API: Symfony Mailer and SwiftMailer,
  // PHPMailer, Laravel's Mail facade, JavaMail/Jakarta Mail and Spring's JavaMailSender, Django's
  // and Flask-Mail's senders, MailKit's SmtpClient, lettre's transports.
  String.raw`^[ \t]*use[ \t]+(?:Symfony\\Component\\Mailer|PHPMailer\\PHPMailer)\\|\bnew\s+(?:PHPMailer|Swift_Mailer)\s*\(|\bMail::(?:to|send|raw|queue)\(|^[ \t]*import[ \t]+(?:javax|jakarta)\.mail\.|\bJavaMailSender\b|^[ \t]*from[ \t]+(?:django\.core\.mail|flask_mail)[ \t]+import\b|\b(?:Async)?SmtpTransport::|\bMailKit\.Net\.`,
  // Redis dialled by the service (blind round 19, redis_exporter: every scrape dials Redis): redigo
  // `redis.Dial(…)`/`redis.DialURL(…)` and its `redis.Pool{Dial:…}`, redisc clusters, rueidis clients.
  String.raw`\bredis\.New(?:Client|ClusterClient|FailoverClient|UniversalClient)\(|\basynq\.NewClient\(|\bConnectionMultiplexer\.Connect(?:Async)?\(`,
  String.raw`\bredis\.Dial(?:URL|Context|URLContext)?\(|\bredisc\.Cluster\s*\{|\brueidis\.New(?:Client)?\(`,
  // redis-py and its asyncio client (blind round 27: a scoring service's events over
  // `redis.Redis(host=…)`), ioredis and node-redis in Node, the redis gem.
  String.raw`\b(?:redis|aioredis|redis\.asyncio)\.(?:Redis|StrictRedis|RedisCluster|from_url)\(|\b(?:Strict)?Redis\.from_url\(|\bnew\s+(?:IO)?Redis(?:\.Cluster)?\(|\bRedis\.new\b`,
  // Ruby, PHP, Rust.
  String.raw`\bNet::HTTP\b|\bFaraday\.(?:new|get|post)\b|\bHTTParty\b|\bRestClient\.(?:get|post|put|delete)\b|\bHTTP\.(?:get|post|headers|timeout)\b|\bTyphoeus::|\bExcon\.`,
  String.raw`\bnew\s+(?:\\?GuzzleHttp\\)?Client\(|\bHttp::(?:get|post|put|patch|delete|withHeaders|timeout|retry)\(|\bcurl_init\(|\bHttpClient::create\(|\bHttpClientInterface\b|\buse\s+(?:Symfony\\(?:Component|Contracts)\\HttpClient|GuzzleHttp|Aws)\\`,
  // Any language: a get/post whose first argument is a URL (a literal, or a name that says so).
  // Not on a test request factory or test client (Django `rf = RequestFactory()` ⏎ `rf.get(url.path)`,
  // `self.client.get(url)`): that builds a request in-process, it calls nothing (round 8).
  // A URL-named argument needs a client for receiver as well (urlMethodOnClient below).
  URL_METHOD,
  // A client library of a remote API imported by the code (go-googletrans, go-openai, stripe-go, a
  // vendor's SDK): each of its calls crosses the network, whatever the method is named
  // (`trans.Translate(…)`). Telemetry SDKs are not outbound calls of the service.
  String.raw`"github\.com\/[\w.-]+\/(?![^"\n]*(?:opentelemetry|otel|sentry|datadog|newrelic|prometheus))[\w.-]*(?:googletrans|translate|sdk|openai|anthropic|stripe|sendgrid|mailgun|twilio|telegram-bot-api|go-github)[\w.-]*(?:\/[\w./-]*)?"`,
  String.raw`^[ \t]*(?:from|import)[ \t]+(?:googletrans|deep_translator|openai|anthropic|stripe|twilio|sendgrid|slack_sdk|telegram|mailgun|google\.cloud)\b`,
  String.raw`\bfrom\s+['"](?!@?(?:opentelemetry|sentry|datadog|newrelic))(?:@[\w.-]+\/)?[\w.-]*(?:translate|-sdk|sdk-|openai|anthropic)[\w.-]*['"]`,
  // Clients of a remote git host: the kohsuke GitHub API client (`new GitHubBuilder()`,
  // `GitHub.connect…(`) and JGit's network commands (`Git.cloneRepository()`, `Git.lsRemoteRepository()`)
  // — a clone or an API call that can hang or fail like any HTTP call (blind round 42).
  String.raw`\bnew\s+GitHubBuilder\s*\(|\bGitHub\.connect(?:Anonymously|UsingOAuth|UsingPassword|ToEnterprise\w{0,30})?\s*\(|\bGit\.(?:cloneRepository|lsRemoteRepository)\s*\(`,
  // Elixir: Req, Finch, HTTPoison, Tesla clients (`use Tesla`), Mint connections, hackney and httpc.
  String.raw`\b(?:Req|Finch|HTTPoison|Tesla)\.(?:get|post|put|patch|delete|head|request|new|build|stream)!?\(|\bMint\.HTTP\.connect\(|:(?:hackney|httpc)\.request\(|^[ \t]*use[ \t]+Tesla\b`,
  String.raw`\breqwest::(?:Client|get|blocking)\b|\bhyper::Client\b|\bureq::(?:get|post|agent)\b|\btonic::transport::Channel\b|\baws_sdk_\w+::Client\b`,
  // Swift: AsyncHTTPClient (`HTTPClient(eventLoopGroupProvider:`, `HTTPClient.shared`, an
  // `HTTPClientRequest(url:`), Foundation's URLSession, and Vapor's client (`req.client.get(uri)`).
  String.raw`\bHTTPClient(?:\s*\(\s*eventLoopGroup|\.shared\b|Request\s*\(\s*url\s*:)|\bURLSession\.shared\.(?:data|dataTask|upload|download)\b|\b(?:req|app|request)\.client\.(?:get|post|put|patch|delete|send)\(`,
].join('|');

/**
 * A load-test script by what it imports: k6 (`import http from 'k6/http'`) or Locust (`from locust
 * import HttpUser`). Wherever it sits (blind round 18: k8s/load-tests.js), it drives the service
 * from outside: its `http.post` is no call the service makes.
 */
export const LOAD_SCRIPT_PATTERN: ScanPattern = {
  key: 'facts:load-script',
  regex:
    /^[ \t]*import\s[^\n]{0,200}?\sfrom\s+['"]k6(?:\/[\w/-]+)?['"]|\brequire\(\s*['"]k6(?:\/[\w/-]+)?['"]\s*\)|^[ \t]*from\s+locust\s+import\b|^[ \t]*import\s+locust\b/m,
  files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.py'],
  literals: ['k6', 'locust'],
  maxPerFile: 1,
};

export const OUTBOUND_PATTERN: ScanPattern = {
  key: OUTBOUND_KEY,
  regex: new RegExp(CALLS, 'm'),
  files: ['**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,py,go,java,kt,scala,groovy,cs,fs,vb,rb,php,rs,ex,swift}'],
  literals: [
    'GitHubBuilder',
    'GitHub.connect',
    'cloneRepository',
    'lsRemoteRepository',
    '.url(',
    'URLSession',
    '.client.',
    'Req.',
    'Finch.',
    'HTTPoison',
    'Tesla',
    'Mint.HTTP',
    'hackney',
    'httpc',
    'fetch',
    'axios',
    'got',
    'ky',
    'superagent',
    'needle',
    'undici',
    'request',
    'http',
    'Http',
    'HTTP',
    'Client',
    'boto3',
    'grpc',
    'Grpc',
    'resty',
    'FromConfig',
    'RestTemplate',
    'WebClient',
    'Feign',
    'ManagedChannel',
    'Net::',
    'Faraday',
    'Typhoeus',
    'Excon',
    'curl_init',
    'Aws\\',
    'reqwest',
    'hyper',
    'ureq',
    'tonic',
    'aws_sdk_',
    'Exchange',
    'url',
    'Url',
    'URL',
    'uri',
    'Uri',
    'URI',
    'ndpoint',
    'api_path',
    'apiPath',
    'trans',
    'sdk',
    'openai',
    'anthropic',
    'stripe',
    'sendgrid',
    'mailgun',
    'twilio',
    'telegram',
    'go-github',
    'google.cloud',
    'smtp',
    'gomail',
    'smtplib',
    'nodemailer',
    'DialAndSend',
    'emailjs',
    'go-mail',
    'aiosmtplib',
    'SmtpClient',
    'ldap',
    'Ldap',
    'LDAP',
    'DirContext',
    'imap',
    'Imap',
    'IMAP',
    'PHPIMAP',
    'poplib',
    'Pop3',
    'Net::',
    'Mailer',
    'Mail::',
    'mail',
    'MailKit',
    'SmtpTransport',
    'redis',
    'Redis',
    'rueidis',
    'asynq',
    'ConnectionMultiplexer',
    'openConnection',
    'RequestFactory',
    'RequestConfig',
    'ConnectTimeout',
    'ReadTimeout',
    'Flurl',
    'WithTimeout',
    'HttpClientDefaults',
    'ResilienceHandler',
    'HedgingHandler',
  ],
  maxPerFile: 3,
};

/**
 * JVM client libraries by the packages their classes live in. A JVM declaration says nothing of use
 * (`use` stays unknown: starters act by being on the classpath), but a client library is called by
 * naming its classes: a production JVM file imports them. One no main code imports is declared for
 * something else — a version pinned for another library, a transitive need (blind round 50: Apache
 * HttpClient declared "for Postgres hostname verification", with the comment "publicauth doesn't
 * perform any outgoing HTTP calls", made retries, timeouts and circuit breakers fail).
 */
const JVM_CLIENT_PACKAGES: ReadonlyArray<{ deps: string[]; prefixes: string[] }> = [
  { deps: ['org.apache.httpcomponents*'], prefixes: ['org.apache.http', 'org.apache.hc'] },
  { deps: ['com.squareup.okhttp3:okhttp'], prefixes: ['okhttp3'] },
  { deps: ['com.squareup.retrofit2:retrofit'], prefixes: ['retrofit2'] },
  { deps: ['io.github.openfeign:*'], prefixes: ['feign'] },
  { deps: ['io.ktor:ktor-client-*'], prefixes: ['io.ktor.client'] },
];
const JVM_ECOSYSTEMS = new Set(['maven', 'gradle', 'sbt']);

export const JVM_CLIENT_IMPORT_KEY = 'facts:jvm-client-import';
export const JVM_CLIENT_IMPORT_PATTERN: ScanPattern = {
  key: JVM_CLIENT_IMPORT_KEY,
  regex: new RegExp(
    String.raw`^[ \t]*import\s+(?:static\s+)?(${JVM_CLIENT_PACKAGES.flatMap((c) => c.prefixes)
      .map((p) => p.replace(/\./g, '\\.'))
      .join('|')})\.`,
    'm',
  ),
  files: ['**/*.{java,kt,scala,groovy}'],
  literals: JVM_CLIENT_PACKAGES.flatMap((c) => c.prefixes.map((p) => `${p}.`)),
  maxPerFile: 3,
};

/**
 * Guzzle's `new Client(…)` (PHP, named by its namespace import) is the one client built from the
 * bare name `Client`. In another language it is whatever type is called Client: an entity built in
 * a C# AutoMapper profile (`MapFrom(src => new Client() { Id = src.ClientId })`, blind round 27), a
 * DTO, a domain model. Outside PHP a line whose only client is that bare constructor calls nothing.
 */
const BARE_CLIENT = /\bnew\s+Client\(/g;
const CALL_LINE = new RegExp(CALLS, 'm');

/**
 * Elixir has no global `fetch`: a bare `fetch(tool)` there calls a function of the module or one it
 * imports (`Map.fetch`, `Keyword.fetch` delegated through Access; blind round 36, nerves_hub_web
 * update_tool.ex `def for_firmware(…), do: fetch(tool)`). A line whose only call is that calls nothing.
 */
const BARE_FETCH = /(?<![\w.$])fetch\(/g;
function onlyElixirFetch(m: Match): boolean {
  if (!/\.exs?$/.test(m.path) || !/(?<![\w.$])fetch\(/.test(m.snippet)) return false;
  return !CALL_LINE.test(m.snippet.replace(BARE_FETCH, '_('));
}

function onlyBareClient(m: Match): boolean {
  if (m.path.endsWith('.php') || !/\bnew\s+Client\(/.test(m.snippet)) return false;
  return !CALL_LINE.test(m.snippet.replace(BARE_CLIENT, 'new _('));
}

/**
 * `.get(url)` is an HTTP call when its receiver is a client (`client.get(url)`, `self.session.get(url)`,
 * `this.http.get(url)`, `curl.get(url)`, `reqwest::Client::new().get(url)`); on a map, a cache or a
 * settings object it is a lookup whose key happens to be a URL (blind round 29, mCaptcha:
 * `data.survey_secrets.get(survey_instance_url)`, a HashMap, was the "outbound call" cited by retries
 * and circuit breakers). A literal `https://` argument is a call whatever the receiver.
 */
const URL_METHOD_AT = new RegExp(URL_METHOD, 'g');
const CLIENTISH =
  /(?:client|https?|session|sess|api|agent|curl|request|req|rest|conn|connection|fetch|fetcher|axios|transport|sdk|remote|proxy|browser|driver|instance|service|gateway|web|net|ua)$/i;

/** The identifiers of the receiver chain that ends at `end` (`self.client`, `Client::new()`), read backwards, bounded. */
function receiverNames(text: string, end: number): string[] {
  const names: string[] = [];
  let i = end - 1;
  let word = '';
  const stop = Math.max(0, end - 160);
  while (i >= stop) {
    const ch = text[i]!;
    if (/[\w$]/.test(ch)) {
      word = ch + word;
      i--;
      continue;
    }
    if (word) names.push(word), (word = '');
    if (ch === '.' || ch === ':' || ch === '?' || ch === '!' || ch === '&') {
      i--;
      continue;
    }
    if (ch === ')' || ch === ']') {
      // Skip the call's or index's arguments back to the matching bracket.
      let depth = 0;
      for (; i >= stop; i--) {
        const c = text[i]!;
        if (c === ')' || c === ']') depth++;
        else if (c === '(' || c === '[') depth--;
        if (depth === 0) break;
      }
      i--;
      continue;
    }
    break;
  }
  if (word) names.push(word);
  return names;
}

function urlMethodOnClient(snippet: string): boolean {
  URL_METHOD_AT.lastIndex = 0;
  for (let m = URL_METHOD_AT.exec(snippet); m; m = URL_METHOD_AT.exec(snippet)) {
    if (/['"\x60]https?:/.test(m[0])) return true;
    // A chain continued from the line above (`self.client⏎    .get(url)`): its receiver is not on this line.
    const names = receiverNames(snippet, m.index);
    if (names.length === 0 || names.some((n) => CLIENTISH.test(n))) return true;
  }
  return false;
}

const OTHER_CALLS = new RegExp(CALLS.replace(`|${URL_METHOD}`, ''), 'm');

const CHAIN_START = /\.url\(\s*[^()\n]{1,80}\)\s*(?:\.|$)/;

/** A line whose only call is a URL-named `.get(` on something that is no client. */
function onlyLookup(m: Match): boolean {
  // The line that opens a URL-and-timeout call chain (`.url(address)` ⏎ `.timeout(…)`) is a call.
  return !OTHER_CALLS.test(m.snippet) && !urlMethodOnClient(m.snippet) && !CHAIN_START.test(m.snippet);
}

/**
 * Code that runs in the browser calls the service, not other services (path conventions only; the
 * project's layout is added by Facts.componentOf, see component.ts).
 */
export function isBrowserCode(path: string): boolean {
  return pathComponent(path) === 'browser';
}

/** 0: a construction (`new RestTemplate()`); 1: a call (`fetch(`); 2: another line; 3: an import. */
function siteRank(snippet: string): number {
  if (/^\s*(?:import|using|from\s+\S+\s+import|use|require|#include|package)\b/.test(snippet)) return 3;
  return /\bnew\s/.test(snippet) ? 0 : /\w\s*\(/.test(snippet) ? 1 : 2;
}

/**
 * A package named as the client of another service (`dor-services-client`, `slack-ruby-client`,
 * `hubspot-api-client`, `google-api-python-client`, `keycloak-admin-client`, `launchdarkly-server-sdk`):
 * a domain SDK, usually Faraday-, requests- or fetch-based, whose every call crosses the network
 * (blind round 39, sdr-api: `Dor::Services::Client` configured in config/initializers and called
 * from controllers and jobs, yet retries, timeouts and circuit breakers said "no outbound calls").
 * Not the clients of telemetry and error trackers (`prometheus-client`, `statsd-client`,
 * `sentry-sdk`, `opentelemetry-sdk`): they report, the service does not depend on their answer; not
 * database drivers (`mariadb-java-client`, `influxdb-client`), which the rules leave out; not the
 * browser's socket and GraphQL clients (`socket.io-client`, `apollo-client`), which call the service;
 * not the Model Context Protocol SDK (`@modelcontextprotocol/sdk`), which most projects use to serve.
 */
const CLIENT_SUFFIX = /[-_.](?:api[-_])?(?:client|sdk)s?$/;
const NOT_A_SERVICE_CLIENT =
  /prom|statsd|opentelemetry|otel|sentry|honeybadger|bugsnag|rollbar|airbrake|newrelic|new-relic|datadog|elastic-apm|jaeger|zipkin|influx|graphite|spring-boot-admin|oauth|signalr|test|mock|\bpg\b|postgres|mysql|mariadb|mongo|cassandra|scylla|sqlite|clickhouse|neo4j|couch|memcache|socket\.io|sockjs|engine\.io|apollo|stomp|\bws\b|websocket|languageclient|language-client|webpack|vite|hmr|devtools|modelcontextprotocol/;

export function isServiceClientName(name: string): boolean {
  // The last segment of a Maven coordinate, a Go module path or a scoped npm name (`@hubspot/api-client`).
  const n = name.slice(-200).toLowerCase();
  const last = n.slice(Math.max(n.lastIndexOf('/'), n.lastIndexOf(':')) + 1);
  if (!CLIENT_SUFFIX.test(last) || /^(?:api[-_])?(?:client|sdk)s?$/.test(last)) {
    // `@hubspot/api-client`, `@getalby/sdk`: the scope names the service (blind round 48: a Deno
    // service called remote wallets through `npm:@getalby/sdk`, yet "no outbound calls").
    if (!/^@[\w.-]+\/(?:api-client|sdk)$/.test(n)) return false;
  }
  return !NOT_A_SERVICE_CLIENT.test(n);
}

export function outboundCalls(
  matches: Match[],
  searched: number,
  deps: readonly Dependency[],
  clientNames: readonly string[],
  componentOf: (path: string) => string = pathComponent,
  inTest: (m: Match) => boolean = () => false,
  /** Imports of JVM client packages (JVM_CLIENT_IMPORT_PATTERN); without them, JVM clients are judged by their declaration alone. */
  jvmClientImports?: readonly Match[],
): OutboundCalls {
  // Only the service's own code: a browser fetch, a desktop shell or a build script is not its outbound call,
  // nor a call in a unit test kept in a production file (a Rust `#[cfg(test)]` module).
  const code = matches.filter(
    (m) =>
      isProductionPath(m.path) &&
      !isMigrationRunner(m.path) &&
      !isCommentLine(m.snippet) &&
      !onlyBareClient(m) &&
      !onlyElixirFetch(m) &&
      !onlyLookup(m) &&
      !inTest(m) &&
      componentOf(m.path) === 'server',
  );
  // Imported by production code, or declared by the project for production: a client library is
  // often used through another package (django-storages drives boto3, a search backend its client).
  // One only the tests import is not the service's.
  // Composer packages are loaded by autoload, so usage.ts cannot tell whether one is used; but PHP
  // code names every class it uses, and the PHP call patterns above (a client created, injected
  // through its interface or imported by namespace) see that. A Composer client that no production
  // PHP file names is declared only (symfony/http-client in a skeleton, Guzzle left from a template).
  const phpCalls = code.some((m) => m.path.endsWith('.php'));
  const isClient = namesMatcher(clientNames);
  const jvmImports = jvmClientImports?.filter(
    (m) => isProductionPath(m.path) && !isMigrationRunner(m.path) && componentOf(m.path) === 'server',
  );
  const jvmPackages = JVM_CLIENT_PACKAGES.map((c) => ({ ...c, matches: namesMatcher(c.deps) }));
  const jvmUse = new Map<Dependency, Match | null>();
  const jvmImported = (d: Dependency): boolean => {
    if (!jvmImports || !JVM_ECOSYSTEMS.has(d.ecosystem) || d.use !== undefined) return true;
    const pkg = jvmPackages.find((c) => c.matches(d.name));
    if (!pkg) return true;
    if (!jvmUse.has(d)) jvmUse.set(d, jvmImports.find((m) => pkg.prefixes.some((p) => m.groups[0] === p)) ?? null);
    return jvmUse.get(d) !== null;
  };
  const clients = deps.filter(
    (d) =>
      !d.dev &&
      (d.use === 'production' || (d.direct && d.use !== 'non-production')) &&
      (d.ecosystem !== 'composer' || phpCalls) &&
      // A gem of an optional Bundler group is installed only on request: the service's client
      // library only where its code uses it (tracks' `group :stripe, :optional => true`).
      (!d.optional || d.use === 'production') &&
      // A client library of the browser app (a Vue or React folder's axios) calls the service, not
      // other services: judged where it is declared and where it is imported.
      componentOf(d.path) === 'server' &&
      (!d.usedAt || componentOf(d.usedAt.path) === 'server') &&
      (isClient(d.name) || isServiceClientName(d.name)) &&
      jvmImported(d),
  );
  // One site per file, cited where the client is made or called (`new RestTemplate()`), never at
  // the import that names it: an import line only when the file shows nothing else.
  const sites: Evidence[] = [];
  const best = new Map<string, Match>();
  for (const m of code) {
    const prior = best.get(m.path);
    if (!prior || siteRank(m.snippet) < siteRank(prior.snippet)) best.set(m.path, m);
  }
  for (const m of best.values()) {
    sites.push({ path: m.path, line: m.line, snippet: m.snippet, note: 'outbound call' });
    if (sites.length >= 5) break;
  }
  for (const d of clients.slice(0, 3)) {
    const imported = jvmUse.get(d);
    if (imported) {
      sites.push({ path: imported.path, line: imported.line, note: `imports the client library ${d.name}` });
      continue;
    }
    sites.push(
      d.usedAt
        ? { path: d.usedAt.path, line: d.usedAt.line, note: `imports the client library ${d.name}` }
        : {
            path: d.path,
            ...(d.line ? { line: d.line } : {}),
            note: `declares the client library ${d.name} for production`,
          },
    );
  }
  return {
    found: code.length > 0 || clients.length > 0,
    sites,
    files: new Set(code.map((m) => m.path)).size,
    clients: [...new Set(clients.map((d) => d.name))].sort(),
    searched,
  };
}
