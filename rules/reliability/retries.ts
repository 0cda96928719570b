import { defineRule } from '../../src/types.js';
import { platformRetries, workflowPlatforms } from '../../src/facts/workflow-platforms.js';
import type { Evidence, FileView } from '../../src/types.js';
import { k8s, K8S_DIGEST } from '../../src/facts/k8s.js';
import {
  CODE_GLOBS,
  outboundApplies,
  libraryVerdict,
  MULTI_PURPOSE,
  productionMatches,
} from '../_shared/resilience.js';
import { partial, pass } from '../../src/engine/results.js';
import type { Lines, Match, RuleContext } from '../../src/types.js';
import { firstPerFile, fromMatch, isCommentLine, isProductionPath } from '../../src/facts/paths.js';
import { runtime } from '../../src/facts/runtime.js';

/**
 * Hand-written backoff: a delay that grows exponentially with the attempt counter
 * (`0.25 * (2**retry_counter)`, `Math.pow(2, attempt)`, `1 << attempt`, `2u64.pow(tries)`).
 * Blanks on either side of an optional `(` are one `\s*` each, never two in a row (linear).
 * Any base above 1 grows (`1.25_f64.powf(retry_count)`, `Math.pow(1.5, attempt)`), and the
 * counter may be converted first (`math.Pow(2, float64(attempt))`).
 */
const HAND_GROWTH = String.raw`(?:\b\d+(?:\.\d+)?\s*\*\*\s*(?:\(\s*)?|\b(?:Math\.pow|math\.Pow|pow|powf)\(\s*\d+(?:\.\d+)?\s*,\s*|\b1[lLuU]{0,2}\s*<<\s*(?:\(\s*)?|\b\d+(?:\.\d+)?(?:_?[uif]\d+)?\.pow[if]?\(\s*)(?:(?:float64|float32|float|double|Double|int|f64)?\(\s*)?(?:self\.|this\.|&)?(?=\w*?(?:[Aa]ttempt|[Rr]etr|[Tt]ries|[Tt]ry|[Tt]ried|[Ff]ail(?:ure)?_?[Cc]ount|[Ff]ailures))\w+`;

/**
 * What makes such a power a delay: a sleep, timer, delay, wait, backoff or retry named within a few
 * lines of it (8 above, 6 below; a request's timeout is no delay between attempts). A power of a failure count with none of these near it is arithmetic of another kind
 * (an SLA penalty `penalty_percent * (2**failures_over_threshold)`, blind round 27), not a backoff.
 */
const DELAY_CONTEXT =
  /\b(?:u?sleep|setTimeout|schedule\w*|wait)|Sleep|[Dd]elay|DELAY|[Bb]ack_?[Oo]ff|BACK_?OFF|[Rr]etr(?:y|ies|ied)|RETR|Wait\b|_wait|Duration|[Ii]nterval|INTERVAL|[Rr]equeue/;

const HAND_GROWTH_LINE = new RegExp(HAND_GROWTH);

/** Whether a hand-written power of a counter (`2**failures`) stands near a delay, a sleep or a retry. */
function nearDelay(ctx: RuleContext, m: Match): boolean {
  const lines = ctx.files.lines(m.path);
  if (!lines) return false;
  return DELAY_CONTEXT.test(lines.range(Math.max(1, m.line - 8), m.line + 6).join('\n'));
}

/**
 * A delay doubled each round (`delay *= 2`, `backoff = min(backoff * 2, max)`) is a backoff only
 * where it grows the wait between attempts: a retry, attempt, backoff or reconnect named on the line
 * or within a few lines (8 above, 6 below). A doubling with none of these is other arithmetic (a
 * cron expression's search that widens its `interval *= 2`, blind round 32), not a retry.
 */
const DOUBLED_LINE =
  /\b\w+\s*\*=\s*2\b|\b\w+\s*<<=\s*1\b|\b(\w+)\s*=\s*(?:(?:Math\.|std::cmp::|math\.)?[Mm]in\(\s*)?\(?\s*(?:self\.|this\.)?\1\s*(?:\*\s*2\b|\.(?:saturating_mul|checked_mul|wrapping_mul|mul_f64|mul_f32)\(\s*2\b)/;
const RETRY_CONTEXT =
  /[Rr]etr(?:y|ies|ied|ying)|RETR|[Aa]ttempt|ATTEMPT|[Bb]ack_?[Oo]ff|BACK_?OFF|[Rr]econnect|RECONNECT|\b[Tt]ries\b|[Rr]equeue|[Rr]edeliver/;

/** Whether a doubled delay stands near a retry word, or is the wait a sleep or timer nearby takes (the loop repeats a call). */
function nearRetry(ctx: RuleContext, m: Match, line: string): boolean {
  const lines = ctx.files.lines(m.path);
  if (!lines) return false;
  const near = lines.range(Math.max(1, m.line - 8), m.line + 6).join('\n');
  if (RETRY_CONTEXT.test(near)) return true;
  const name = /\b(\w{1,60})\s*(?:\*=|=)/.exec(line)?.[1];
  if (!name) return false;
  return new RegExp(
    String.raw`(?:\b(?:u?sleep|setTimeout|delay|wait|after|schedule)\w*|Sleep|Delay|Wait)\([^\n]{0,80}?\b${name}\b`,
  ).test(near);
}

/** Call sites that wrap work in a retry policy, per language (imports of a retry-only library count as use). */
const CODE = new RegExp(
  [
    // JS/TS
    // A scoped publish of the same wrappers counts too (`@vercel/fetch-retry` wraps fetch with async-retry's
    // backoff: blind round 46, quirrel's client), the name whole after the scope.
    String.raw`(?:from\s+|require\(\s*)['"](?:p-retry|async-retry|axios-retry|retry-axios|exponential-backoff|@lifeomic/attempt|(?:@[\w.-]{1,60}\/)?fetch-retry|promise-retry|ts-retry-promise|@octokit/plugin-retry)['"]`,
    String.raw`\bretry\(\s*handle(?:All|Type|When|Result)\b`,
    // undici's RetryAgent and retry interceptor: failed requests retried up to maxRetries with an
    // exponential wait (minTimeout × timeoutFactor, capped at maxTimeout) by default (blind round 49,
    // a NestJS webhook module's `new RetryAgent(new Agent(…), { maxRetries, … })`).
    String.raw`\bnew\s+RetryAgent\s*\(|\binterceptors\.retry\s*\(`,
    // RxJS `retry({ count: 2, delay: … })`: a bounded retry that waits between attempts (a number
    // or a function that picks the wait); Stripe's SDK `maxNetworkRetries: 2` retries its requests
    // with exponential backoff and jitter (blind round 25, podkrepi-api auth.service.ts:130,
    // stripe-config-factory.ts:14). The retry options stop at the first `}` or the next `retry(`.
    String.raw`\bretry\(\s*\{(?:(?!\bretry\()[^}])*\bdelay\s*:`,
    String.raw`\bmaxNetworkRetries\s*:\s*[1-9]|\bmax_network_retries\s*=\s*[1-9]`,
    // Sequelize's connection and query retry (retry-as-promised): `retry: { max: 10, backoffBase:
    // 500, backoffExponent: 1.1, match: [/SequelizeConnectionError/] }` waits a growing delay between
    // attempts; the two backoff keys are its own (blind round 38, ffc-pay-processing database.js:21).
    String.raw`\bbackoff(?:Base|Exponent)\s*:\s*\d`,
    // Job queues that retry with backoff: Bull/BullMQ job options, Sidekiq, Celery.
    // The options span lines (`attempts: 12,\n backoff: {\n delay: …,\n type: 'exponential' }`).
    String.raw`\bbackoff\s*:\s*\{[^}]{0,160}?\btype\s*:\s*['"](?:exponential|fixed)`,
    // The options after `attempts:` stop at the next `attempts:`, and the rest of a
    // `sidekiq_options` line at the next one: scanning on from each of many was quadratic.
    String.raw`\battempts\s*:\s*(?:[2-9]|\d{2,})\b(?:(?!\battempts\s*:)[^}]){0,160}?\bbackoff\s*:\s*(?:\d|\{)`,
    String.raw`\b(?:autoretry_for\s*=|retry_backoff\s*=\s*True)`,
    // asynq (Go): a task enqueued with `asynq.MaxRetry(n)` is retried n times with exponential
    // backoff (the default RetryDelayFunc) — blind round 14, simplebank's verification mail.
    String.raw`\basynq\.MaxRetry\(\s*(?:[1-9]|\w+)`,
    // Elixir: ElixirRetry's `retry with: exponential_backoff()`, Req's retry options (`retry:
    // :transient`, `max_retries: 3`), an Oban worker with attempts to spare (retried with
    // exponential backoff), and backoff written by hand (`:math.pow(2, attempt)`, `Integer.pow(3, times)`).
    String.raw`\bretry[ \t]+with:[ \t]*(?:exponential_backoff|linear_backoff|constant_backoff)\b|\bretry:[ \t]*:(?:transient|safe_transient)\b|\bmax_retries:[ \t]*[1-9]|^[ \t]*use[ \t]+Oban\.Worker\b[^\n]{0,120}?\bmax_attempts:[ \t]*(?:[2-9]|\d{2,})|(?::math\.pow|\bInteger\.pow)\([ \t]*\d+(?:\.\d+)?[ \t]*,[ \t]*\w{0,30}?(?:attempt|retr|tries|times|failures)\w{0,20}[ \t]*\)`,
    // Python
    String.raw`^[ \t]*@(?:tenacity\.)?retry\b`,
    String.raw`@backoff\.on_(?:exception|predicate)\b`,
    String.raw`\bstamina\.retry\b`,
    String.raw`\bRetry\(\s*(?:total|connect|read|status|backoff_factor|status_forcelist)\s*=`,
    String.raw`\b(?:Async)?Retrying\(`,
    // Go
    String.raw`\bbackoff\.(?:Retry|RetryNotify|RetryWithData|NewExponentialBackOff)\b`,
    String.raw`\bretry\.Do\(`,
    String.raw`\bretryablehttp\.NewClient\(`,
    // Kubernetes clients: client-go's conflict retries with backoff (`retry.RetryOnConflict(retry.DefaultRetry, …)`),
    // apimachinery's exponential backoff, and a controller's rate-limited workqueue, which requeues a
    // failed reconcile with per-item exponential backoff.
    String.raw`\bretry\.(?:RetryOnConflict|OnError)\(|\bretry\.Default(?:Retry|Backoff)\b|\bwait\.ExponentialBackoff(?:WithContext)?\(`,
    String.raw`\bworkqueue\.(?:New(?:Typed)?RateLimitingQueue(?:WithConfig)?|Default(?:Typed)?ControllerRateLimiter|New(?:Typed)?ItemExponentialFailureRateLimiter)\b`,
    // Java/Kotlin
    String.raw`@Retryable\b`,
    String.raw`@Retry\(`,
    // Reactor's retry specs, the chain often broken after the class (`Retry⏎    .backoff(5, …)`, ktlint's
    // layout; blind round 47: a WebFlux client's `.retryWhen(spec)` built this way was "no retries").
    String.raw`\bRetry[ \t]*(?:\r?\n[ \t]*)?\.(?:of|backoff|fixedDelay)\(`,
    String.raw`\bRetryRegistry\b`,
    String.raw`\bRetryTemplate\b`,
    // Spring Integration's retry advice on a message handler (`new RequestHandlerRetryAdvice()`): the
    // handler's call is retried by a RetryTemplate (blind round 44, a Pub/Sub consumer's adviceChain).
    String.raw`\bRequestHandlerRetryAdvice\s*\(`,
    String.raw`^[ \t]*(?:-[ \t]*)?name:[ \t]*Retry[ \t\r]*$`,
    String.raw`^[ \t]*resilience4j\.retry\.`,
    String.raw`\bRetryConfig\.custom\(`,
    // Ktor's client retry plugin: `install(HttpRequestRetry) { … }` retries server errors (3 times by
    // default) with exponentialDelay() unless the block picks constantDelay()/noDelay() (blind round 46).
    String.raw`\binstall\(\s*HttpRequestRetry\b`,
    // C#
    String.raw`\bWaitAndRetry(?:Async|Forever|ForeverAsync)?\(`,
    String.raw`\.AddRetry\(`,
    String.raw`\bAddStandardResilienceHandler\(`,
    String.raw`\bAddTransientHttpErrorPolicy\(`,
    String.raw`\bRetryStrategyOptions\b`,
    String.raw`\bEnableRetryOnFailure\(`,
    // Ruby, PHP, Rust
    String.raw`\bRetriable\.retriable\b`,
    String.raw`\brequest\s*(?:\(\s*)?:retry\b`,
    String.raw`\bFaraday::Retry\b`,
    String.raw`\bMiddleware::retry\(`,
    // Laravel's HTTP client: `Http::retry(3, 100)` or `->retry([100, 200])` (backoff per attempt).
    // Not `$this->retry(…)`: a method of the project's own class, named retry whatever it does (blind
    // round 50: a CLI command's `$this->retry($io, …)` asks the user to confirm again).
    String.raw`(?:\bHttp::|(?<!\$this)->)retry\(\s*[\d\[$]`,
    String.raw`\bRetryTransientMiddleware\b`,
    String.raw`\bbackoff::future::retry\b`,
    String.raw`\btokio_retry::`,
    String.raw`\.retry\(\s*(?:&\s*)?ExponentialBuilder`,
    // Go: resty's client retries (exponential backoff with jitter between its wait bounds), and
    // jpillora/backoff's `&backoff.Backoff{Min: …, Max: …, Factor: 2}`.
    String.raw`\.SetRetryCount\(\s*(?:[1-9]\d*|[A-Za-z_][\w.]*)\s*\)`,
    String.raw`\bbackoff\.Backoff\s*\{`,
    // Python httpx: connection retries of its transport (`httpx.HTTPTransport(retries=3)`).
    String.raw`\bHTTPTransport\([^()\n]{0,80}?\bretries\s*=\s*[1-9]`,
    // Java: guava-retrying's `RetryerBuilder.newBuilder()`; Kotlin Arrow's `Schedule.exponential<…>(…)`.
    String.raw`\bRetryerBuilder\b`,
    String.raw`\bSchedule\.exponential\s*<`,
    // PHP: caseyamcl/guzzle_retry_middleware, stechstudio/backoff, Laravel's `retry(3, fn () => …, 100)` helper.
    String.raw`\bGuzzleRetryMiddleware::factory\(`,
    String.raw`\bnew\s+Backoff\(\s*\d+\s*,\s*['"](?:exponential|linear|polynomial|constant)`,
    String.raw`(?:^|[\s=(,;!?:])retry\(\s*\d+\s*,\s*(?:function\b|fn\b|static\s+(?:function|fn)\b)`,
    // Hand-written backoff: a power of the attempt counter (kept only near a delay, see
    // nearDelay) or a delay doubled each round (`delay *= 2`). The counter is named for what it
    // counts; a power of anything else is arithmetic.
    HAND_GROWTH,
    // A delay doubled by assignment (`backoff = min(backoff * 2, max)`, `delay = delay * 2`).
    // Rust: `delay = (delay * 2).min(max)`, `backoff = backoff.saturating_mul(2)`, `delay <<= 1` (blind round 46).
    String.raw`\b((?=\w*?(?:[Dd]elay|[Bb]ackoff|[Bb]ack_off|[Ww]ait|[Ss]leep|[Ii]nterval))\w+)\s*=\s*(?:(?:Math\.|std::cmp::|math\.)?[Mm]in\(\s*)?\(?\s*(?:self\.|this\.)?\1\s*(?:\*\s*2\b|\.(?:saturating_mul|checked_mul|wrapping_mul|mul_f64|mul_f32)\(\s*2\b)`,
    String.raw`\b(?=\w*?(?:[Dd]elay|[Bb]ackoff|[Bb]ack_off|[Ww]ait|[Ss]leep|[Ii]nterval))\w+\s*<<=\s*1\b`,
    // A sleep for a backoff or retry delay (`sleep(retry_delay)`, `time.Sleep(backoff)`,
    // `await asyncio.sleep(backoff)`, `setTimeout(resolve, retryDelay)`).
    String.raw`\b(?:sleep|Sleep|setTimeout|delay|Delay|wait_for|Thread\.sleep)\w*\(\s*(?:[^()\n]{0,40}?[,(]\s*)?(?:self\.|this\.)?(?=\w*?(?:[Bb]ackoff|[Bb]ack_off|[Rr]etry_?[Dd]elay|[Rr]etryDelay|[Rr]etry_?[Ii]nterval|[Rr]etryInterval|[Rr]etry_?[Ww]ait))\w+`,
    String.raw`\b(?=\w*?(?:[Dd]elay|[Bb]ackoff|[Bb]ack_off|[Ww]ait|[Ss]leep|[Ii]nterval))\w+\s*\*=\s*2\b`,
  ].join('|'),
  'm',
);

/** The arguments of a Python retry decorator (`@retry(…)`, `@tenacity.retry(…)`), across lines. */
/** urllib3's Retry policy and its arguments (one level of nested parentheses). */
const URLLIB3_RETRY_ARGS = /\bRetry\(([^()]*(?:\([^()]*\)[^()]*)*)\)/;

const DECORATOR_ARGS = /^[ \t]*@(?:tenacity\.|retrying\.)?retry\(([^()]*(?:\([^()]*\)[^()]*)*)\)/;

/**
 * Whether a retry decorator's arguments wait a fixed time or not at all: `wait_fixed`, `wait_none`,
 * or only a stop condition (`stop_max_attempt_number=5`, `stop=stop_after_attempt(3)`). A wait that
 * grows or is randomised (exponential, random, incrementing, a backoff factor) is backoff.
 */
export function fixedWait(args: string): boolean {
  if (
    /exponential|random|increment|backoff|jitter|wait_chain|wait_combine|\bdelay\b|\bwait\s*=\s*(?!(?:tenacity\.)?wait_(?:fixed|none)\b)/i.test(
      args,
    )
  )
    return false;
  if (/\bwait_(?:fixed|none)\b/.test(args)) return true;
  return /\bstop(?:_\w+)?\s*[=(]/.test(args) && !/\bwait/.test(args);
}

/** A list of retry delays, by its name (`$retryDelays`, `RETRY_DELAYS`, `backoffSchedule`). */
const DELAY_LIST = String.raw`(?=\w*?(?:[Dd]elays|DELAYS|[Bb]ack_?[Oo]ffs|BACK_?OFFS|[Bb]ackoff_?[Ss]chedule|BACKOFF_SCHEDULE|[Rr]etry_?[Ii]ntervals|RETRY_INTERVALS|[Rr]etry_?[Ww]aits|RETRY_WAITS))\w+`;

/**
 * Hand-written retries without backoff: a loop bounded by a retry or attempt count
 * (`for (int attempt = 0; attempt < maxRetries; attempt++)`, `for i in range(MAX_RETRIES)`,
 * `while (retries-- > 0)`), or a loop over the instances of a service whose body tries the call
 * and, on failure, goes on to the next (`for (ServiceDTO s : services) { try {` — failover). They
 * retry, but at once: partial credit, said so.
 */
/**
 * A loop body that polls: it sleeps a delay named for polling (`sleep(pollingDelayMs)`,
 * `time.Sleep(pollInterval)`) or tests a job's status for completion, and catches no failure
 * (no try/catch/except/rescue, no `err != nil`) — asking again is its purpose, not recovering.
 */
function pollsJob(body: readonly string[]): boolean {
  const text = body.join('\n');
  if (/\b(?:catch|except|rescue)\b|\berr\s*!=\s*nil|\bis_err\(\)|\.ok\b/.test(text)) return false;
  return (
    /\b(?:u?sleep|Sleep|setTimeout|delay|Delay|wait)\w*\s*\([^)\n]{0,120}?\b\w*[pP]oll\w*/.test(text) ||
    (/\b\w*[pP]oll\w*\b/.test(body[0] ?? '') && /\bstatus\b[^\n]{0,20}(?:===?|!==?)\s*['"`]\w+/.test(text))
  );
}

const RETRY_LOOP = new RegExp(
  [
    // `for (int attempt = 0; attempt < maxRetries; attempt++)`, Go `for i := 0; i < maxAttempts; i++ {`.
    // PHP's variables carry a `$` (`for ($attempt = 0; $attempt < $maxRetries; $attempt++)`).
    String.raw`\bfor(?:[ \t]*\()?[ \t]*(?:(?:int|long|var|let|auto|size_t|uint)[ \t]+)?\$?\w+[ \t]*:?=[ \t]*\$?\w+[ \t]*;[ \t]*\$?\w+[ \t]*<=?[ \t]*(?:this\.|self\.|\$this->|\$)?(?=\w*?(?:[rR]etr(?:y|ies)|[aA]ttempts|[tT]ries|RETR(?:Y|IES)|ATTEMPTS|TRIES))\w+[ \t]*;`,
    String.raw`\bfor[ \t]+\w+[ \t]+in[ \t]+range\([ \t]*(?:\d+[ \t]*,[ \t]*)?(?:self\.)?(?=\w*?(?:retries|attempts|tries|RETRIES|ATTEMPTS|TRIES))\w+[ \t]*\)`,
    String.raw`\bwhile[ \t]*(?:\([ \t]*)?(?:this\.|self\.|\$this->|\$)?(?=\w*?(?:[rR]etries|[aA]ttempts|[tT]ries))\w+[ \t]*(?:--[ \t]*)?>[ \t]*0`,
    // An open loop (Rust `loop { … }`, `while (true)`) that gives up once an attempt counter passes
    // its maximum: `attempts += 1; if attempts > max_retries { return Err(e); }` (blind round 46).
    String.raw`\bif(?:[ \t]*\()?[ \t]*(?:this\.|self\.|\$)?(?=\w*?(?:[aA]ttempt|[rR]etr(?:y|ies)|[tT]ries))\w+[ \t]*>=?[ \t]*(?:this\.|self\.|\$)?(?=\w*?(?:[mM]ax|MAX))\w+(?:[ \t]*\))?[ \t]*\{`,
    // Ruby: `retry if (attempts += 1) < 3` in a rescue, or a loop that re-raises once its count of
    // tries is spent (`raise(ConnectionError, e.message) unless times > 0`; blind round 48).
    String.raw`^[ \t]*retry[ \t]+(?:if|unless)\b|\braise\b[^\n]{0,120}?[ \t]unless[ \t]+@?(?:[a-z]\w{0,30}_)?(?:attempts?|retries|tries|times)(?:_\w{1,30})?[ \t]*>=?[ \t]*\w+`,
    // A loop over a schedule of retry delays (`foreach ($retryDelays as $attempt => $delay)`,
    // `for (const delay of RETRY_DELAYS)`, `for delay in BACKOFF_DELAYS:`): one attempt per delay.
    String.raw`\bforeach[ \t]*\([ \t]*\$(?:this->)?(${DELAY_LIST})[ \t]+as\b|\bfor[ \t]*\([ \t]*(?:const|let|var)[ \t]+\w+[ \t]+of[ \t]+(?:this\.)?(${DELAY_LIST})[ \t]*\)|^[ \t]*for[ \t]+\w+(?:[ \t]*,[ \t]*\w+)?[ \t]+in[ \t]+(?:enumerate\([ \t]*)?(?:self\.)?(${DELAY_LIST})\b`,
    // `for (ServiceDTO service : services) { try {`, `foreach (var s in servers) { try`, `for (const h of hosts) { try`.
    String.raw`\b(?:for|foreach)[ \t]*\([ \t]*(?:(?:final|const|let|var)[ \t]+)?(?:[\w.]+[ \t]+)?\w+[ \t]+(?::|of|in)[ \t]+(?:this\.)?(?=\w*?(?:[sS]ervers|[iI]nstances|[hH]osts|[eE]ndpoints|[nN]odes|[sS]ervices|[uU]rls|URLs|[rR]eplicas|[aA]ddresses|[mM]irrors))\w+[ \t]*\)[ \t]*\{\s*try\b`,
    String.raw`^[ \t]*for[ \t]+\w+[ \t]+in[ \t]+(?:self\.)?(?=\w*?(?:servers|instances|hosts|endpoints|nodes|urls|replicas|addresses|mirrors))\w+[ \t]*:[ \t]*\r?\n[ \t]*try[ \t]*:`,
  ].join('|'),
  'm',
);

/**
 * Whether a loop over destinations (its first line, then its body) leaves at the first success: a
 * `return` or `break` inside the loop's block. Python's block ends at the first line indented no
 * deeper than the `for`; a braced one at a closing brace as shallow as it.
 */
export function stopsAtFirstSuccess(lines: readonly string[]): boolean {
  const first = lines[0];
  if (first === undefined) return false;
  const depth = (l: string) => /^[ \t]*/.exec(l)![0].length;
  const indent = depth(first);
  const python = /:\s*$/.test(first);
  for (const l of lines.slice(1)) {
    if (!l.trim()) continue;
    if (python ? depth(l) <= indent : depth(l) <= indent && /^\s*\}/.test(l)) break;
    if (/^\s*(?:\/\/|#)/.test(l)) continue;
    if (/\b(?:return|break)\b/.test(l)) return true;
  }
  return false;
}

/**
 * The list of delays a retry loop walks, defined within the 20 lines above it (`$retryDelays = [0, 2,
 * 5];`, `RETRY_DELAYS = (1, 2, 4)`, `const retryDelays = [100, 500, 2000]`): its values when there are
 * two or more, none smaller than the one before and the last larger than the first.
 */
function delaySchedule(
  lines: Lines | undefined,
  name: string,
  loopLine: number,
): { line: number; snippet: string; values: string[] } | null {
  if (!lines) return null;
  const bare = name.replace(/^\$/, '');
  const def = new RegExp(
    String.raw`(?:^|[\s$>.])${bare}\b[^=\n]{0,40}=[ \t]*(?:array\(|\[|\()[ \t]*([\d_.]+(?:[ \t]*,[ \t]*[\d_.]+)+)[ \t]*,?[ \t]*[\])]`,
  );
  for (let at = loopLine - 1; at >= Math.max(1, loopLine - 20); at--) {
    const text = lines.line(at);
    const m = def.exec(text);
    if (!m) continue;
    const values = m[1]!.split(',').map((v) => v.trim());
    const nums = values.map((v) => Number(v.replace(/_/g, '')));
    if (nums.some(Number.isNaN) || nums.some((n, i) => i > 0 && n < nums[i - 1]!)) return null;
    return nums[nums.length - 1]! > nums[0]! ? { line: at, snippet: text.trim(), values } : null;
  }
  return null;
}

/**
 * A sleep that grows linearly with the loop counter (`time.Sleep(time.Duration(i+1) * 100 *
 * time.Millisecond)`, `sleep((attempt + 1) * 0.1)`, `Thread.sleep(500L * retries)`): a linear
 * backoff, which a retry loop near it has (said so, not "no growing delay").
 */
const LINEAR_DELAY =
  /\b(?:sleep|Sleep|setTimeout|delay|Delay|Thread\.sleep|wait_for|usleep)\w*\([^\n]{0,60}?(?:\(\s*\w+\s*\+\s*1\s*\)\s*\*|\*\s*\(\s*\w+\s*\+\s*1\s*\)|(?:\bDuration|\bfloat64|\bfloat)?\(\s*(?:[ijk]|\w*(?:[Aa]ttempt|[Rr]etr|[Tt]ries|[Tt]ry)\w*)\s*(?:\+\s*1\s*)?\)\s*\*|\*\s*(?=\w*?(?:[Aa]ttempt|[Rr]etr|[Tt]ries))\w+\b)/;

/**
 * A sleep for a delay named for retrying (`time.Sleep(retryInterval)`, `sleep(retry_delay)`,
 * matched by the code pattern): a backoff only when the file grows that delay (`retryDelay *= 2`, `retry_delay = base * attempt`);
 * a delay set once is a fixed interval, which spaces the attempts but backs off nothing (round 12).
 */
const RETRY_SLEEP =
  /\b(?:sleep|Sleep|setTimeout|delay|Delay|wait_for|Thread\.sleep)\w*\(\s*(?:[^()\n]{0,40}?[,(]\s*)?(?:self\.|this\.)?((?=\w*?(?:[Rr]etry_?[Dd]elay|[Rr]etryDelay|[Rr]etry_?[Ii]nterval|[Rr]etryInterval|[Rr]etry_?[Ww]ait))\w+)/;

/**
 * A sleep whose whole argument is a delay named for backoff (`time.sleep(self.restart_backoff)`):
 * backoff only when the file grows it; a value set once is a fixed interval (blind round 25, merino-py).
 */
const BACKOFF_SLEEP =
  /\b(?:sleep|Sleep|setTimeout|delay|Delay|wait_for|Thread\.sleep)\w{0,10}\(\s*(?:self\.|this\.)?(\w{0,40}?[Bb]ack_?[Oo]ff\w{0,20})\s*\)/;

/** Whether the file makes the delay grow: doubled, shifted, or computed from an attempt counter. */
function grows(text: string, name: string): boolean {
  const esc = name.replace(/[$]/g, '\\$&');
  const assign = new RegExp(String.raw`\b${esc}\s*(?:\*=|<<=|\+=|:?=\s*([^\n;]*))`, 'g');
  for (const m of text.matchAll(assign)) {
    if (m[1] === undefined) return true;
    const rhs = m[1];
    // `self.restart_backoff = restart_backoff`: a parameter kept, not a delay grown.
    if (new RegExp(String.raw`^\s*(?:self\.|this\.)?${esc}\s*[;,]?\s*$`).test(rhs)) continue;
    if (
      new RegExp(String.raw`\b${esc}\b`).test(rhs) ||
      /\*\*|<<|\bpow|\bPow|[Aa]ttempt|[Rr]etr(?:y|ies)_?(?:[Cc]ount|[Nn]um)|[Tt]ries|[Ff]ail|[Cc]ount|\bi\b|[Bb]ackoff|[Jj]itter/.test(
        rhs,
      )
    )
      return true;
  }
  return false;
}

/** Celery's task options that retry with backoff (`autoretry_for=…`, `retry_backoff=True`). */
const CELERY_BACKOFF = /\bautoretry_for\s*=|\bretry_backoff\s*=\s*True\b/;

/**
 * A retry loop whose body (re)connects a database, broker or cache (`setupDB()`, `sql.Open`,
 * `Dial`, "failed to connect to database"): a start-up wait for a dependency to come up, not a
 * retry policy for the calls the service makes.
 */
const RECONNECT =
  /\b(?:[Cc]onnect(?:ed|ing|ion)?|[Rr]econnect\w*|[Dd]ial\w*|[Pp]ing(?:Context)?|[Oo]pen|[Ss]etup\w*)\b/;
const DATASTORE =
  /\b(?:[Dd]atabase|DB|db|[Ss]ql|SQL|[Pp]ostgres\w*|[Mm]y[Ss]ql|[Rr]edis|[Mm]ongo\w*|[Rr]abbit\w*|amqp|AMQP|[Kk]afka|[Nn]ats|[Bb]roker|gorm)\b/;

/**
 * A job re-run by its queue: the task-queue retry catalogue. Each entry is a queue's retry setting
 * on one line (`line`), in the languages it serves (`ext`), and — where the setting's words are
 * common elsewhere (`max_retries=`, `attempts:`) — what else its file must say to be that queue's
 * (`marker`: its import or decorator). The job runs again after an exception (a deadlock, a lost
 * record), which is no retry of the outbound calls inside it: partial at most (round 13). Queue
 * retries that back off (Celery `autoretry_for`/`retry_backoff`, BullMQ `attempts` with `backoff`,
 * asynq `MaxRetry`, Oban `max_attempts`, ActiveJob `wait:` that grows) are retry policies in CODE;
 * these are the rest (blind round 41: taskiq `retry_on_error=True, max_retries=3` read as no retry).
 */
const JOB_QUEUE_RETRIES: {
  queue: string;
  ext: RegExp;
  line: RegExp;
  marker?: RegExp;
  /** An option that, in the keyword list the line opens (continued while lines end in a comma), sets the count itself: then not the default. */
  options?: RegExp;
}[] = [
  { queue: 'ActiveJob retry_on', ext: /\.rb$/, line: /\bretry_on\s+\w/ },
  {
    queue: 'Sidekiq retry',
    ext: /\.rb$/,
    line: /\bsidekiq_options\b(?:(?!\bsidekiq_options\b)[^\n])*\bretry:\s*(?:[1-9]|true)/,
  },
  { queue: 'Resque retry', ext: /\.rb$/, line: /@retry_limit\s*=\s*[1-9]/, marker: /Resque::Plugins::Retry\b/ },
  {
    queue: 'taskiq retry',
    ext: /\.py$/,
    line: /\bretry_on_error\s*=\s*True\b|\bmax_retries\s*=\s*[1-9]/,
    marker: /\btaskiq\b|\bbroker\.task\(/,
  },
  {
    queue: 'Celery retry',
    ext: /\.py$/,
    line: /\bmax_retries\s*=\s*[1-9]|\bself\.retry\(|\bautoretry_for\s*=|\bretry_backoff\s*=\s*True\b/,
    marker: /\bcelery\b|@shared_task\b|@\w+\.task\b/,
  },
  {
    queue: 'Dramatiq retry',
    ext: /\.py$/,
    line: /\bmax_retries\s*=\s*[1-9]|@dramatiq\.actor\b/,
    marker: /\bdramatiq\b/,
  },
  { queue: 'Huey retry', ext: /\.py$/, line: /\bretries\s*=\s*[1-9]/, marker: /\bhuey\b/ },
  { queue: 'arq retry', ext: /\.py$/, line: /\bmax_tries\s*=\s*[1-9]|\bRetry\(\s*defer\b/, marker: /\barq\b/ },
  { queue: 'RQ Retry', ext: /\.py$/, line: /\bRetry\(\s*max\s*=\s*[1-9]/, marker: /\brq\b/ },
  {
    queue: 'Bull/BullMQ attempts',
    ext: /\.[cm]?[jt]sx?$/,
    line: /\battempts\s*:\s*[2-9]|\battempts\s*:\s*\d{2,}/,
    marker: /['"](?:bullmq|bull|bee-queue|@nestjs\/bull(?:mq)?)['"]/,
  },
  {
    queue: 'graphile-worker/pg-boss retry',
    ext: /\.[cm]?[jt]sx?$/,
    line: /\bmaxAttempts\s*:\s*[2-9]|\bretryLimit\s*:\s*[1-9]/,
    marker: /['"](?:graphile-worker|pg-boss)['"]/,
  },
  // liteque (and queue layers shaped like it): `defaultJobArgs: { numRetries: 5 }` re-runs a failed
  // job that many times (blind round 47, a queue abstraction over liteque/Restate plugins).
  {
    queue: 'job queue numRetries',
    ext: /\.[cm]?[jt]sx?$/,
    line: /\bnumRetries\s*:\s*[1-9]/,
    marker: /['"]liteque['"]|\bdefaultJobArgs\b|\b(?:create\w*Queue|new\s+\w*Queue)\s*[(<]/,
  },
  { queue: 'Hangfire AutomaticRetry', ext: /\.cs$/, line: /\[\s*AutomaticRetry\s*\(\s*Attempts\s*=\s*[1-9]/ },
  { queue: 'Laravel queue tries', ext: /\.php$/, line: /\$tries\s*=\s*[1-9]/, marker: /\bShouldQueue\b/ },
  // An Oban worker re-runs a failed job with exponential backoff, 20 attempts by default (blind
  // round 42: workers with no max_attempts read as no retry). `max_attempts: 1` turns it off; a
  // count of 2 or more is the backoff policy the BACKOFF patterns credit.
  {
    queue: 'Oban worker retry (default 20 attempts, exponential backoff)',
    ext: /\.exs?$/,
    line: /\buse[ \t]+Oban\.Worker\b/,
    options: /\bmax_attempts:/,
  },
];

/** One regex for the matcher: every entry's line pattern (each is checked again, with its marker, in jobRetries). */
const JOB_RETRY = new RegExp(JOB_QUEUE_RETRIES.map((q) => q.line.source).join('|'));

/** The queue retries in production code, each with the queue it belongs to (the first entry whose line, file type and marker fit). */
function jobRetries(ctx: RuleContext): (Match & { queue: string })[] {
  const marked = new Map<string, boolean>();
  const seen = new Set<string>();
  return productionMatches(ctx, 'jobRetry').flatMap((m) => {
    // One setting per line, however many of the alternatives the line holds.
    if (seen.has(`${m.path}:${m.line}`)) return [];
    seen.add(`${m.path}:${m.line}`);
    const line = ctx.files.lines(m.path)?.line(m.line) ?? m.snippet;
    const q = JOB_QUEUE_RETRIES.find((e) => {
      if (!e.ext.test(m.path) || !e.line.test(line)) return false;
      if (e.options?.test(keywordList(ctx.files.lines(m.path)?.range(m.line, m.line + 8) ?? [line]))) return false;
      if (!e.marker) return true;
      const key = `${m.path}\0${e.queue}`;
      if (!marked.has(key)) marked.set(key, e.marker.test(ctx.files.read(m.path) ?? ''));
      return marked.get(key)!;
    });
    return q ? [{ ...m, queue: q.queue }] : [];
  });
}

/** The keyword list a line opens: the line and those after it while each ends in a comma (at most the lines given). */
function keywordList(lines: readonly string[]): string {
  const out: string[] = [];
  for (const l of lines) {
    out.push(l);
    if (!/,[ \t]*$/.test(l)) break;
  }
  return out.join('\n');
}

/** A rate-limit header a client reads to know how long to wait before it tries again. */
const RATE_LIMIT_HEADER = /\b(?:Retry-After|RETRY_AFTER|X-RateLimit-Reset|x-ratelimit-reset|retry_after|retryAfter)\b/i;

/**
 * A reconcile that asks to run again: `Requeue: true` in a `ctrl.Result`/`reconcile.Result` (on its
 * line or the literal's), or `return ctrl.Result{}, err`. RequeueAfter alone is a fixed delay the
 * workqueue does not grow, so it is not one.
 */
const REQUEUE =
  /^[ \t]*Requeue:[ \t]*true\b|\b(?:ctrl|reconcile)\.Result\{[^}\n]{0,80}\bRequeue:[ \t]*true\b|\breturn[ \t]+(?:ctrl|reconcile)\.Result\{\}[ \t]*,[ \t]*(?:err\b|\w+[Ee]rr\b|fmt\.Errorf\(|errors\.)/m;

/** Requeues in production Go files that import controller-runtime (its workqueue is what retries them). */
function controllerRequeues(ctx: RuleContext): Match[] {
  const imports = new Map<string, boolean>();
  return productionMatches(ctx, 'requeue').filter((m) => {
    let yes = imports.get(m.path);
    if (yes === undefined) {
      const head = (ctx.files.read(m.path) ?? '').slice(0, 20_000);
      yes = /"sigs\.k8s\.io\/controller-runtime(?:\/[\w./-]{0,80})?"/.test(head);
      imports.set(m.path, yes);
    }
    return yes;
  });
}

/**
 * A client that retries rate-limited calls: a file that reads a rate-limit header (Retry-After,
 * X-RateLimit-Reset), checks for 429 (or 403, GitHub's rate limit) and calls a retry after a sleep.
 * The wait is the one the server asks for, which is the backoff such an API wants (round 13).
 */
function rateLimitRetries(ctx: RuleContext): { header: Match; retry: Match }[] {
  const out: { header: Match; retry: Match }[] = [];
  // The file's retry call, found once per file however many headers it reads.
  const retries = new Map<string, Match | null>();
  const retryIn = (path: string): Match | null => {
    const text = ctx.files.read(path) ?? '';
    if (!/\b429\b|TOO_MANY_REQUESTS|TooManyRequests|too_many_requests/.test(text)) return null;
    if (!/\b(?:sleep|Sleep|setTimeout|delay|Delay|wait_for)\w*\(/.test(text)) return null;
    const lines = text.split('\n');
    const i = lines.findIndex((l) => /\bretry\w*\(/i.test(l) && !/^\s*(?:\/\/|#)/.test(l));
    return i < 0 ? null : { path, line: i + 1, snippet: lines[i]!.trim().slice(0, 160), groups: [] };
  };
  for (const header of productionMatches(ctx, 'rateLimitHeader')) {
    if (!retries.has(header.path)) retries.set(header.path, retryIn(header.path));
    const retry = retries.get(header.path);
    if (retry) out.push({ header, retry });
  }
  return out;
}

/**
 * The ActiveJob adapter set to Sidekiq (`config.active_job.queue_adapter = :sidekiq`): then every
 * ActiveJob job runs as a Sidekiq job, re-run with Sidekiq's exponential backoff when it fails
 * (round 21, CodeTriage: its jobs are `< ApplicationJob`, not `include Sidekiq::Job`).
 */
function sidekiqAdapter(ctx: RuleContext): Match | undefined {
  return productionMatches(ctx, 'sidekiqAdapter')[0];
}

/** The last segment of a Ruby constant path (`Jobs::Base` → `Base`). */
const lastConst = (name: string): string => name.slice(name.lastIndexOf(':') + 1);

/**
 * Sidekiq jobs: `include Sidekiq::Job`, the classes that inherit it (`class SendEmailJob <
 * ApplicationJob` where ApplicationJob is a plain class including Sidekiq::Job: blind round 46,
 * govuk_sidekiq apps), and ActiveJob jobs where the adapter is Sidekiq. `from` maps an inheriting
 * job's file to the file of the class whose include it inherits (its sidekiq_options too).
 */
function sidekiqJobsFrom(ctx: RuleContext): { jobs: Match[]; from: Map<string, string> } {
  const jobs = productionMatches(ctx, 'sidekiqJob');
  const seen = new Set(jobs.map((m) => m.path));
  const from = new Map<string, string>();
  const classes = jobs.length > 0 ? productionMatches(ctx, 'rbClass') : [];
  // The class each include sits in (the last class opened above it), by name → its file.
  const bases = new Map<string, string>();
  for (const j of jobs) {
    let own: Match | undefined;
    for (const c of classes) if (c.path === j.path && c.line <= j.line && (!own || c.line > own.line)) own = c;
    if (own?.groups[0]) bases.set(lastConst(own.groups[0]), j.path);
  }
  // Subclasses of those, a few levels down (each round adds the classes that extend the last ones).
  for (let depth = 0; depth < 4 && bases.size > 0; depth++) {
    let grew = false;
    for (const c of classes) {
      const sup = c.groups[1];
      if (!sup || !c.groups[0] || seen.has(c.path)) continue;
      const basePath = bases.get(lastConst(sup));
      if (basePath === undefined) continue;
      jobs.push(c);
      seen.add(c.path);
      from.set(c.path, from.get(basePath) ?? basePath);
      bases.set(lastConst(c.groups[0]), c.path);
      grew = true;
    }
    if (!grew) break;
  }
  if (!sidekiqAdapter(ctx)) return { jobs, from };
  return {
    jobs: [
      ...jobs,
      ...productionMatches(ctx, 'activeJob').filter(
        (m) => !seen.has(m.path) && !/\bclass\s+ApplicationJob\b/.test(m.snippet),
      ),
    ],
    from,
  };
}

/**
 * The Sidekiq jobs whose retries are on: not `sidekiq_options retry: false` in the job's file, nor in
 * the base class it inherits Sidekiq::Job from unless its own file sets a retry count.
 */
function retriedSidekiqJobs(ctx: RuleContext): { jobs: Match[]; from: Map<string, string> } {
  const { jobs, from } = sidekiqJobsFrom(ctx);
  const off = new Set(ctx.matches('sidekiqNoRetry').map((m) => m.path));
  const on = new Set(
    ctx
      .matches('jobRetry')
      .filter((m) => /\bretry:\s*(?:[1-9]|true)/.test(m.snippet))
      .map((m) => m.path),
  );
  return {
    jobs: jobs.filter((j) => {
      if (off.has(j.path)) return false;
      const base = from.get(j.path);
      return !(base && off.has(base) && !on.has(j.path));
    }),
    from,
  };
}

/**
 * Sidekiq jobs that make an outbound call in their own file and whose retries are not turned off,
 * with the `retry: n` their sidekiq_options set (Sidekiq's default is 25, with exponential backoff).
 */
function sidekiqCalls(
  ctx: RuleContext,
): { job: Match; call: Match; retry?: { path: string; line: number; count: string } }[] {
  const calls = new Map(productionMatches(ctx, 'rbCall').map((m) => [m.path, m]));
  const counts = new Map(
    ctx
      .matches('jobRetry')
      .map((m) => [m.path, { m, count: /\bretry:\s*(\d+|true)/.exec(m.snippet)?.[1] }] as const)
      .filter(([, v]) => v.count !== undefined),
  );
  return retriedSidekiqJobs(ctx).jobs.flatMap((job) => {
    const call = calls.get(job.path);
    if (!call) return [];
    const c = counts.get(job.path);
    return [{ job, call, ...(c ? { retry: { path: c.m.path, line: c.m.line, count: c.count! } } : {}) }];
  });
}

/**
 * ActiveJob jobs that make the outbound call and are retried with a growing wait: a `retry_on …,
 * wait: :polynomially_longer` in the job's own file, or in ApplicationJob, which every job under
 * app/jobs/ inherits. Like Sidekiq's, the retry re-runs the job that makes the call, with backoff.
 */
function activeJobCalls(ctx: RuleContext): { retry: Match; call: Match }[] {
  const retries = productionMatches(ctx, 'activeJobBackoff');
  if (retries.length === 0) return [];
  const base = retries.find((m) => /(?:^|\/)application_job\.rb$/.test(m.path));
  // The first retry of each file, looked up per call (a find per call was calls × retries).
  const byPath = new Map<string, Match>();
  for (const r of retries) if (!byPath.has(r.path)) byPath.set(r.path, r);
  const out: { retry: Match; call: Match }[] = [];
  for (const call of productionMatches(ctx, 'rbCall')) {
    const own = byPath.get(call.path);
    const retry = own ?? (base && /(?:^|\/)app\/jobs\//.test(call.path) ? base : undefined);
    if (retry) out.push({ retry, call });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'retries',
    title: 'Outbound calls retry with backoff',
    failureTitle: 'No retries with backoff on outbound calls',
    description:
      'Networks and dependencies fail transiently; a call that is retried with backoff (and jitter) rides out a blip that would otherwise surface as an error to users.',
    remediation:
      'Wrap outbound calls in a retry policy with exponential backoff and a cap: tenacity or backoff (Python), p-retry/axios-retry/cockatiel (Node), Resilience4j or Spring Retry (JVM), Polly or Microsoft.Extensions.Http.Resilience (.NET), cenkalti/backoff or go-retryablehttp (Go). Retry only idempotent operations.',
    severity: 'medium',
    effort: 'low',
    detection:
      "Code that applies a retry policy (e.g. `@retry`, `backoff.Retry(`, `@Retryable`, `WaitAndRetryAsync(`, `retry_on`, RxJS `retry({ count, delay })`, undici `new RetryAgent(` or `interceptors.retry(`, the Stripe SDK's `maxNetworkRetries`, Sequelize's `retry: { backoffBase, backoffExponent }`; Elixir `retry with: exponential_backoff()`, Req `retry: :transient`/`max_retries:`, Req GET/HEAD calls without `retry: false` (Req's default transient retry with backoff; partial 0.6), `use Oban.Worker, max_attempts: n`; promise-retry, resty `SetRetryCount(n)`, jpillora/backoff `&backoff.Backoff{…}`, httpx `HTTPTransport(retries=n)`, guava-retrying `RetryerBuilder`, Arrow `Schedule.exponential`, `GuzzleRetryMiddleware::factory(`, Laravel's `retry(n, fn …)` helper) in production sources, and hand-written backoff: a delay exponential in an attempt or failure counter (`2 ** attempt`, `Math.pow(2, retries)`, `:math.pow(3, times)`, `1 << attempt`, `1L << retries++`, `1.25_f64.powf(retry_count)`), doubled each round (`delay *= 2`, `backoff = min(backoff * 2, max)`) or a sleep for a backoff or retry delay (`sleep(retry_delay)`, `time.Sleep(backoff)`), plus Istio VirtualService `retries`; on a Kubernetes controller, the client-go `retry.RetryOnConflict`/`retry.DefaultRetry`, `wait.ExponentialBackoff` and a rate-limited workqueue (`workqueue.NewRateLimitingQueue`, `DefaultControllerRateLimiter`); a controller-runtime reconciler (its file imports sigs.k8s.io/controller-runtime) that requeues with `ctrl.Result{Requeue: true}` or returns its error, which the controller's rate-limited workqueue re-runs with per-item exponential backoff (`RequeueAfter` alone is a fixed delay and does not count). A retry library that is only declared (catalogue `retries`) earns partial credit. A sleep for a retry delay that the file never grows (`time.Sleep(retryInterval)` with `retryInterval := 1 * time.Second`) is a fixed interval, not backoff; loops that only reconnect a database or broker at start-up are partial (0.3) and protect no outbound call. A task-queue retry setting (ActiveJob `retry_on`, Sidekiq `retry:`, taskiq `retry_on_error`/`max_retries`, Celery `max_retries`/`self.retry(`, Dramatiq, Huey `retries=`, arq `max_tries`, RQ `Retry(max=…)`, Bull/BullMQ `attempts:`, graphile-worker/pg-boss, Hangfire `[AutomaticRetry(Attempts = n)]`, Laravel `$tries`) re-runs a job, not the outbound call (partial 0.3). A Sidekiq job (`include Sidekiq::Job`) whose file makes the outbound call passes as Sidekiq job retries (exponential backoff; `retry: n` or the default 25; `retry: false` is none); redisc `RetryConn(conn, n, delay)` is a client retry at a fixed delay (partial 0.4). An ActiveJob job that makes the outbound call and is retried with a growing wait (`retry_on …, wait: :polynomially_longer`/`:exponentially_longer` or a lambda, in its file or in ApplicationJob for jobs under app/jobs/) passes the same way. ActiveJob jobs run by the Sidekiq adapter (`config.active_job.queue_adapter = :sidekiq`) are Sidekiq jobs too; where no job file makes the call, they are a job retry (partial 0.3). A retry count the project sets on a client (`Client::Request::RETRIES = 3`, Excon `retry_limit:`, requests `HTTPAdapter(max_retries=3)`) is a retry without backoff (partial 0.5), and so is Spring Integration's `new RequestHandlerRetryAdvice()` left with its default RetryTemplate (no back-off policy in its file). A loop over a schedule of retry delays that sleeps each before the next attempt (`$retryDelays = [0, 2, 5]; foreach ($retryDelays as $attempt => $delay)`, `for (const d of RETRY_DELAYS)`) is backoff written by hand when the delays grow (partial 0.6), a fixed interval otherwise; PHP loops bounded by `$attempt < $maxRetries` count as well. Ruby's `retry if attempts < n` in a rescue, and a loop that re-raises once its tries are spent (`raise … unless times > 0`), are hand-written retries without backoff (partial). Task retries set on the flows of a workflow platform the repository deploys pass (Airflow default_args `retries` ≥ 1, with `retry_delay`/`retry_exponential_backoff` or Airflow's default 300 s delay; Prefect `@task(retries=…)` with `retry_delay_seconds`, Dagster `RetryPolicy(max_retries=…)` with a delay or backoff); without any delay they are partial.",
    patterns: {
      retryLoop: {
        regex: RETRY_LOOP,
        files: CODE_GLOBS,
        literals: [
          'etr',
          'ETRY',
          'ttempt',
          'ries',
          'RIES',
          'TEMPTS',
          'ervers',
          'nstances',
          'osts',
          'ndpoints',
          'odes',
          'ervices',
          'rls',
          'RLs',
          'eplicas',
          'ddresses',
          'irrors',
          'elays',
          'ELAYS',
          'ackoff',
          'ack_off',
          'ACKOFF',
          'ntervals',
          'NTERVALS',
          'aits',
          'AITS',
        ],
        maxPerFile: 3,
      },
      // A client's own retry at a fixed delay: redisc `RetryConn(conn, 10, 100*time.Millisecond)` re-sends a
      // Redis cluster command on MOVED/ASK/TRYAGAIN up to n times (blind round 19, redis_exporter).
      fixedClientRetry: {
        regex: /\bredisc\.RetryConn\(\s*\w+\s*,\s*(\w+)\s*,\s*([^)\n]{1,60})\)/,
        files: ['**/*.go'],
        literals: ['RetryConn'],
        maxPerFile: 3,
      },
      // A Sidekiq job (`include Sidekiq::Job`/`Sidekiq::Worker`) and an outbound call in its file: Sidekiq
      // re-runs a failed job with exponential backoff (25 times by default, `retry: n` to change it), so
      // the job's call is retried (blind round 19, link-checker-api's webhook job).
      sidekiqJob: {
        regex: /^[ \t]*include[ \t]+Sidekiq::(?:Job|Worker)\b/m,
        files: ['**/*.rb'],
        literals: ['Sidekiq::'],
        maxPerFile: 1,
      },
      // Ruby class definitions and what they extend: the jobs that inherit a base class's `include Sidekiq::Job`.
      rbClass: {
        regex: /^[ \t]*class[ \t]+([A-Z][\w:]{0,120})(?:[ \t]*<[ \t]*([A-Z][\w:]{0,120}))?/m,
        files: ['**/*.rb'],
        literals: ['class'],
        maxPerFile: 20,
      },
      // ActiveJob on Sidekiq: the adapter set in config, and the job classes (`class X < ApplicationJob`).
      sidekiqAdapter: {
        regex: /^[ \t]*(?:config\.active_job\.|self\.)?queue_adapter[ \t]*=[ \t]*:sidekiq\b/m,
        files: ['config/**/*.rb', '**/config/**/*.rb'],
        literals: ['sidekiq'],
        maxPerFile: 1,
      },
      activeJob: {
        regex: /^[ \t]*class[ \t]+[\w:]+[ \t]*<[ \t]*(?:ApplicationJob|ActiveJob::Base|[\w:]*Job)\b/m,
        files: ['**/app/jobs/**/*.rb', 'app/jobs/**/*.rb'],
        literals: ['Job'],
        maxPerFile: 1,
      },
      // A client library's own retry count, set by the project (`GitHubBub::Request::RETRIES = 3` in an
      // initializer, Excon `retry_limit: 3`, requests `HTTPAdapter(max_retries=3)`): the client re-sends a
      // failed request that many times, with no backoff the code shows (round 21, CodeTriage).
      clientRetryConfig: {
        regex:
          /^[ \t]*(?:[A-Z]\w*::)+(?:RETRIES|MAX_RETRIES|RETRY_LIMIT|RETRY_COUNT|MAX_ATTEMPTS)[ \t]*=[ \t]*([1-9]\d*)\b|(?::retry_limit[ \t]*=>|\bretry_limit:)[ \t]*([1-9]\d*)\b|\bHTTPAdapter\([ \t]*max_retries[ \t]*=[ \t]*([1-9]\d*)[ \t]*\)/m,
        files: ['**/*.rb', '**/*.py'],
        literals: ['RETRIES', 'RETRY_LIMIT', 'RETRY_COUNT', 'MAX_ATTEMPTS', 'retry_limit', 'max_retries'],
        maxPerFile: 2,
      },
      // A JS HTTP client's retry option (`$fetch(url, { …, retry: 3 })`, `ofetch.create({ retry: 2 })`,
      // `ky.get(url, { retry: { limit: 3 } })`, `got(url, { retry: { limit: 2 } })`): the client re-sends
      // the request itself. Which client is read from the lines above (see jsClientRetries).
      jsClientRetry: {
        regex: /\bretry\s*:\s*(?:([1-9]\d?)\b|\{[^}\n]{0,80}?\blimit\s*:\s*([1-9]\d?)\b)/,
        files: ['**/*.{ts,js,mjs,cjs,mts,cts,vue}'],
        literals: ['retry'],
        maxPerFile: 4,
      },
      sidekiqNoRetry: {
        regex: /\bsidekiq_options\b(?:(?!\bsidekiq_options\b)[^\n])*\bretry:\s*(?:false|0)\b/,
        files: ['**/*.rb'],
        literals: ['sidekiq_options'],
        maxPerFile: 1,
      },
      // A Python outbound call in a file (requests, httpx, aiohttp, urllib, boto3, smtplib): whether a Celery
      // task's file makes the call its autoretry_for re-runs.
      pyCall: {
        regex:
          /\b(?:requests|httpx|session|client)\.(?:get|post|put|patch|delete|head|request|send)\(|\b(?:httpx\.(?:Async)?Client|aiohttp\.ClientSession|urllib3\.PoolManager|smtplib\.SMTP(?:_SSL)?)\(|\burllib\.request\.urlopen\(|\burlopen\(|\bboto3\.(?:client|resource)\(/,
        files: ['**/*.py'],
        literals: ['requests.', 'httpx', 'session.', 'client.', 'aiohttp', 'urllib', 'smtplib', 'urlopen', 'boto3'],
        maxPerFile: 1,
      },
      rbCall: {
        regex: /\b(?:Net::HTTP(?:::\w+)?|HTTParty|Faraday|RestClient|Typhoeus(?:::Request)?|Excon|HTTPX?)\.\w+/,
        files: ['**/*.rb'],
        literals: ['Net::HTTP', 'HTTParty', 'Faraday', 'RestClient', 'Typhoeus', 'Excon', 'HTTP'],
        maxPerFile: 1,
      },
      // ActiveJob's `retry_on …, wait: :polynomially_longer` (or `:exponentially_longer`, a lambda):
      // the job is re-run with a growing wait (blind round 25, rubygems.org application_job.rb:16).
      activeJobBackoff: {
        // The rest of a `retry_on` line stops at the next one (linear on a line of many).
        regex:
          /\bretry_on\b(?:(?!\bretry_on\b)[^\n])*\bwait:[ \t]*(?::(?:polynomially_longer|exponentially_longer)\b|->|lambda\b|proc\b)/,
        files: ['**/*.rb'],
        literals: ['retry_on'],
        maxPerFile: 2,
      },
      // What switches Spring's `@Retryable` on: Spring Retry's `@EnableRetry` (or its RetryConfiguration
      // imported by hand), Spring Framework 7's `@EnableResilientMethods` (or its post-processor bean).
      // Without one, the annotation is inert: no proxy retries the method (blind round 35).
      retryEnable: {
        regex: /@EnableRetry\b|@EnableResilientMethods\b|\bRetryConfiguration\b|\bRetryAnnotationBeanPostProcessor\b/,
        files: ['**/*.java', '**/*.kt', '**/*.groovy', '**/*.xml'],
        literals: ['EnableRetry', 'EnableResilientMethods', 'RetryConfiguration', 'RetryAnnotationBeanPostProcessor'],
        maxPerFile: 1,
      },
      // Req (Elixir) retries GET and HEAD requests on transient errors by default (`retry:
      // :safe_transient`, exponential backoff, 3 retries) unless the call says `retry: false`.
      reqDefaultRetry: {
        regex: /\bReq\.(?:get|head|request)!?\(/,
        files: ['**/*.ex'],
        literals: ['Req.'],
        maxPerFile: 6,
      },
      jobRetry: {
        regex: JOB_RETRY,
        files: ['**/*.rb', '**/*.py', '**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}', '**/*.cs', '**/*.php', '**/*.ex'],
        literals: [
          'Oban.Worker',
          'retry_on',
          'sidekiq_options',
          'retry_limit',
          'max_retries',
          'self.retry',
          'dramatiq',
          'retries',
          'max_tries',
          'Retry(',
          'attempts',
          'maxAttempts',
          'retryLimit',
          'AutomaticRetry',
          'numRetries',
          '$tries',
          'autoretry_for',
          'retry_backoff',
        ],
        maxPerFile: 3,
      },
      rateLimitHeader: {
        regex: RATE_LIMIT_HEADER,
        files: CODE_GLOBS,
        literals: ['etry-After', 'ETRY_AFTER', 'etry_after', 'etryAfter', 'ateLimit-Reset', 'atelimit-reset'],
        ignoreCase: true,
        maxPerFile: 1,
      },
      // A controller-runtime reconciler that asks to be run again (`ctrl.Result{Requeue: true}`) or
      // returns its error: the controller's rate-limited workqueue re-runs it with per-item exponential
      // backoff (blind round 48, a kubebuilder operator's Reconcile was "no retries").
      requeue: {
        regex: REQUEUE,
        files: ['**/*.go'],
        literals: ['Requeue', 'Result{}'],
        maxPerFile: 8,
      },
      code: {
        regex: CODE,
        files: [...CODE_GLOBS, '**/application*.{yml,yaml,properties}'],
        literals: [
          'retry',
          'Retry',
          'maxNetworkRetries',
          'max_network_retries',
          'Retrying',
          'backoff',
          'BackOff',
          'Retriable',
          'retriable',
          'ExponentialBuilder',
          'RateLimit',
          'ResilienceHandler',
          'TransientHttpError',
          '**',
          'pow',
          'Pow',
          '<<',
          '*=',
          '* 2',
          '*2',
          'ackoff',
          'ack_off',
          'etry_delay',
          'etryDelay',
          'etry_interval',
          'etryInterval',
          'etry_wait',
          'max_retries',
          'max_attempts',
          // httpx's transport retries and Arrow's exponential Schedule (no retry/backoff word on the line).
          'HTTPTransport',
          'Schedule.exponential',
        ],
        maxPerFile: 3,
      },
    },
    digests: [K8S_DIGEST],
  },
  // A mesh policy (Istio VirtualService) protects calls the mesh sees, whatever the code does; a
  // Step Functions state machine's Retry re-runs the tasks (Lambda invocations) it calls.
  appliesTo: (ctx) =>
    outboundApplies(
      ctx,
      'retries',
      ['code', 'retryLoop', 'rateLimitHeader'],
      () =>
        k8s(ctx.files).objects.some((o) => o.kind === 'VirtualService') ||
        jobRetries(ctx).length > 0 ||
        stateMachineRetries(ctx.files).length > 0,
    ),
  check(ctx) {
    const config: Evidence[] = [
      ...k8s(ctx.files)
        .objects.filter((o) => o.kind === 'VirtualService' && JSON.stringify(o.doc.spec ?? {}).includes('"retries"'))
        .map((o) => ({ path: o.path, line: o.line, note: `Istio VirtualService ${o.name} sets retries` })),
      ...stateMachineRetries(ctx.files),
    ];
    // Sleeps for a retry delay: backoff where the file grows the delay, a fixed interval otherwise.
    // A code match that is only such a sleep (no backoff named on its line) is judged here; whether
    // the file grows a delay is worked out once per file and name, not once per sleep.
    const grown = new Map<string, boolean>();
    const fixed = productionMatches(ctx, 'code').filter((m) => {
      const line = ctx.files.lines(m.path)?.line(m.line) ?? '';
      const name = /[Bb]ack_?[Oo]ff/.test(line) ? BACKOFF_SLEEP.exec(line)?.[1] : RETRY_SLEEP.exec(line)?.[1];
      if (name === undefined) return false;
      const key = `${m.path}\0${name}`;
      if (!grown.has(key)) grown.set(key, grows(ctx.files.read(m.path) ?? '', name));
      return !grown.get(key);
    });
    // A retry decorator that waits a fixed time, or not at all, between attempts (retrying's
    // `@retry(wait_fixed=2000, stop_max_attempt_number=25)`, tenacity's `wait=wait_fixed(2)` or a
    // stop alone): bounded retries, no backoff.
    const fixedDecorators = productionMatches(ctx, 'code').filter((m) => {
      const text = (ctx.files.lines(m.path)?.range(m.line, m.line + 8) ?? []).join('\n');
      const args = DECORATOR_ARGS.exec(text)?.[1];
      return args !== undefined && fixedWait(args);
    });
    // urllib3's `Retry(total=1)` with no backoff_factor: urllib3's default factor is 0, so the next
    // attempt follows at once (blind round 42: read as a retry with backoff).
    const noBackoffRetries = productionMatches(ctx, 'code').filter((m) => {
      if (!/\.py$/.test(m.path)) return false;
      const text = (ctx.files.lines(m.path)?.range(m.line, m.line + 6) ?? []).join('\n');
      const args = URLLIB3_RETRY_ARGS.exec(text)?.[1];
      return args !== undefined && !/\bbackoff/.test(args);
    });
    // Spring Integration's RequestHandlerRetryAdvice keeps its default RetryTemplate unless the file
    // gives it one with a back-off: three attempts, one straight after the other (blind round 44).
    const adviceNoBackoff = productionMatches(ctx, 'code').filter(
      (m) =>
        /\bRequestHandlerRetryAdvice\s*\(/.test(ctx.files.lines(m.path)?.line(m.line) ?? '') &&
        !/[Bb]ack[Oo]ff/.test(ctx.files.read(m.path) ?? ''),
    );
    // Ktor's HttpRequestRetry whose block sets a constant delay or none: bounded retries, no backoff.
    const ktorFixed = productionMatches(ctx, 'code').filter((m) => {
      if (!/\bHttpRequestRetry\b/.test(ctx.files.lines(m.path)?.line(m.line) ?? '')) return false;
      const block = ktorBlock(ctx.files.lines(m.path)?.range(m.line, m.line + 20) ?? []);
      return /\b(?:constantDelay|noDelay)\s*\(/.test(block) && !/\bexponentialDelay\s*\(/.test(block);
    });
    // Spring's `@Retryable` (Spring Retry's, or Spring Framework 7's core one) retries nothing unless the
    // project enables it; Micronaut's and others' work on their own, so only files importing Spring's count.
    const retryEnabled = productionMatches(ctx, 'retryEnable').length > 0;
    const inertRetryable = retryEnabled
      ? []
      : productionMatches(ctx, 'code').filter(
          (m) =>
            /@Retryable\b/.test(ctx.files.lines(m.path)?.line(m.line) ?? '') &&
            /\borg\.springframework\.(?:retry|resilience)\b/.test(ctx.files.read(m.path) ?? ''),
        );
    // Celery's autoretry_for/retry_backoff re-runs the task with backoff: a retry of an outbound call only
    // where the task's file makes one; otherwise it re-runs file imports or exports, a job retry (blind
    // round 46: a Django app's import/export tasks passed while its outbound HTTP calls had no retry).
    const pyCalls = new Set(productionMatches(ctx, 'pyCall').map((m) => m.path));
    const celeryWithoutCall = (m: Match) =>
      m.path.endsWith('.py') &&
      !pyCalls.has(m.path) &&
      CELERY_BACKOFF.test(ctx.files.lines(m.path)?.line(m.line) ?? m.snippet);
    const result = libraryVerdict(ctx, {
      what: 'retries with backoff',
      catalogue: 'retries',
      code: ['code'],
      keep: (m) =>
        !celeryWithoutCall(m) &&
        !(HAND_GROWTH_LINE.test(ctx.files.lines(m.path)?.line(m.line) ?? '') && !nearDelay(ctx, m)) &&
        !(
          DOUBLED_LINE.test(ctx.files.lines(m.path)?.line(m.line) ?? '') &&
          !nearRetry(ctx, m, ctx.files.lines(m.path)?.line(m.line) ?? '')
        ) &&
        !fixed.some((f) => f.path === m.path && f.line === m.line) &&
        !fixedDecorators.some((f) => f.path === m.path && f.line === m.line) &&
        !noBackoffRetries.some((f) => f.path === m.path && f.line === m.line) &&
        !adviceNoBackoff.some((f) => f.path === m.path && f.line === m.line) &&
        !ktorFixed.some((f) => f.path === m.path && f.line === m.line) &&
        !inertRetryable.some((f) => f.path === m.path && f.line === m.line),
      config,
      outbound: true,
      multiPurpose: MULTI_PURPOSE,
    });
    if (result.outcome === 'pass') return result;
    // Task retries the project sets on the flows of a workflow platform it deploys (an Airflow DAG's
    // default_args `retries` and `retry_delay`, Prefect's `@task(retries=…)`): the platform runs each
    // failed task again after the delay, calls to other systems included (facts/workflow-platforms.ts).
    const platformRun = platformRetries(ctx.files, workflowPlatforms(ctx.files, ctx.facts.dependencies));
    if (platformRun) {
      const { platform, retries, delayed } = platformRun;
      const name = platform.spec.name;
      const n = retries.length;
      const files = `${n}${n === 50 ? '+' : ''} file${n === 1 ? '' : 's'}`;
      const evidence = [...(delayed.length ? delayed : retries).slice(0, 3), platform.evidence];
      if (delayed.length > 0 || platform.spec.defaultDelay)
        return pass(
          `Failed tasks are retried by ${name}: ${files} of flows set task retries (${retries[0]!.path}:${retries[0]!.line})${delayed.length > 0 ? `, ${delayed.length} with a delay or backoff between attempts` : `, and ${platform.spec.defaultDelay}`}.`,
          evidence,
          { ...result.data, platformRetries: n },
        );
      return partial(
        0.5,
        `Failed tasks are retried by ${name}: ${files} of flows set task retries (${retries[0]!.path}:${retries[0]!.line}), but none sets a delay or backoff, so the next attempt follows at once.`,
        evidence,
        { ...result.data, platformRetries: n },
      );
    }
    const limited = rateLimitRetries(ctx);
    if (limited.length > 0) {
      const first = limited[0]!;
      return pass(
        `Rate-limited outbound calls are retried after the wait the server asks for: ${limited.length} client${limited.length === 1 ? '' : 's'} read${limited.length === 1 ? 's' : ''} a rate-limit header (${first.header.path}:${first.header.line}) and retr${limited.length === 1 ? 'ies' : 'y'} the call (${first.retry.path}:${first.retry.line}).`,
        limited
          .slice(0, 3)
          .flatMap((l) => [
            fromMatch(l.retry, 'retry of a rate-limited call (429/403)'),
            fromMatch(l.header, 'waits for the rate-limit header before the retry'),
          ]),
        { ...result.data, rateLimitRetries: limited.length },
      );
    }
    const requeues = controllerRequeues(ctx);
    if (requeues.length > 0) {
      const r = requeues[0]!;
      const files = new Set(requeues.map((m) => m.path)).size;
      const asks = requeues.some((m) => /Requeue:/.test(m.snippet));
      const errs = requeues.some((m) => !/Requeue:/.test(m.snippet));
      const how =
        asks && errs
          ? 'requeues the request (`Requeue: true`) or returns its error,'
          : asks
            ? 'requeues the request (`Requeue: true`),'
            : 'returns its error to requeue the request,';
      return pass(
        `A failed reconcile is retried with backoff by controller-runtime: ${files === 1 ? 'a reconciler' : `${files} reconciler files`} (${r.path}:${r.line}) ${how} and the controller's rate-limited workqueue runs it again with per-item exponential backoff (the framework's default rate limiter), repeating the reconcile's API-server calls; no retry policy is written for calls outside the reconcile loop.`,
        firstPerFile(requeues, 2)
          .slice(0, 3)
          .map((m) =>
            fromMatch(m, "requeued through controller-runtime's rate-limited workqueue: per-item exponential backoff"),
          ),
        { ...result.data, controllerRequeues: requeues.length },
      );
    }
    if ((result.score ?? 0) >= 0.5) return result;
    // JS HTTP clients retrying by their options: ky and got wait an exponentially growing delay
    // between attempts by default (pass); ofetch/$fetch re-sends at once (retryDelay 0 by default) or
    // after a fixed retryDelay: retries without backoff.
    const js = jsClientRetries(ctx);
    const backedOff = js.filter((r) => r.client !== 'ofetch');
    if (backedOff.length > 0) {
      const r = backedOff[0]!;
      return pass(
        `Outbound calls are retried with backoff by the HTTP client's options: ${backedOff.length} ${r.client} call${backedOff.length === 1 ? '' : 's'} set a retry limit (${r.m.path}:${r.m.line}), and ${r.client} waits an exponentially growing delay between attempts by default.`,
        firstPerFile(
          backedOff.map((x) => x.m),
          2,
        )
          .slice(0, 3)
          .map((m) => fromMatch(m, 'HTTP client retry option: retried with exponential backoff (client default)')),
        { ...result.data, clientOptionRetries: backedOff.length },
      );
    }
    if (js.length > 0) {
      const r = js[0]!;
      const files = new Set(js.map((x) => x.m.path)).size;
      return partial(
        0.5,
        `Outbound calls are retried without backoff: ${js.length} ofetch/$fetch call${js.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} set \`retry: ${r.count}\` (${r.m.path}:${r.m.line}); ofetch re-sends ${r.delay ? `after a fixed retryDelay (${r.delay})` : 'at once (retryDelay 0 by default)'}, so the delay never grows and has no jitter.`,
        [
          ...firstPerFile(
            js.map((x) => x.m),
            2,
          )
            .slice(0, 3)
            .map((m) => fromMatch(m, 'ofetch retry option: retried, no backoff between attempts')),
          ...(result.evidence ?? []).filter((e) => e.path !== '.').slice(0, 2),
        ],
        { ...result.data, clientOptionRetries: js.length },
      );
    }
    if (inertRetryable.length > 0) {
      const r = inertRetryable[0]!;
      const files = new Set(inertRetryable.map((m) => m.path)).size;
      return partial(
        0.4,
        `Retries are annotated but not enabled: ${inertRetryable.length} Spring @Retryable method${inertRetryable.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${r.path}:${r.line}), but no @EnableRetry (Spring Retry) or @EnableResilientMethods (Spring Framework 7) is in the project, so no proxy retries them.`,
        firstPerFile(inertRetryable, 2)
          .slice(0, 3)
          .map((m) => fromMatch(m, '@Retryable without @EnableRetry/@EnableResilientMethods: inert')),
        { ...result.data, inertRetryable: inertRetryable.length },
      );
    }
    const sidekiq = sidekiqCalls(ctx);
    if (sidekiq.length > 0) {
      const { call, retry } = sidekiq[0]!;
      return pass(
        `Sidekiq job retries: ${sidekiq.length} Sidekiq job${sidekiq.length === 1 ? ' makes' : 's make'} the outbound call, and Sidekiq re-runs a failed job with exponential backoff (${retry ? `${retry.path}:${retry.line} sets retry: ${retry.count}` : "Sidekiq's default, 25 retries"}); calls made outside Sidekiq jobs are not covered by it.`,
        sidekiq
          .slice(0, 3)
          .flatMap((s) => [
            fromMatch(s.job, 'Sidekiq job: re-run with exponential backoff when it fails'),
            ...(s.retry ? [{ path: s.retry.path, line: s.retry.line, note: `retry: ${s.retry.count}` }] : []),
            fromMatch(s.call, 'outbound call made by the job'),
          ]),
        { ...result.data, sidekiqJobRetries: sidekiq.length, firstCall: `${call.path}:${call.line}` },
      );
    }
    const activeJob = activeJobCalls(ctx);
    if (activeJob.length > 0) {
      const { retry } = activeJob[0]!;
      return pass(
        `ActiveJob retries with backoff: ${activeJob.length} job${activeJob.length === 1 ? ' makes' : 's make'} the outbound call, and a failed job is re-run with a growing wait (${retry.path}:${retry.line}: ${retry.snippet.trim().slice(0, 80)}); calls made outside jobs are not covered by it.`,
        [
          fromMatch(retry, 'ActiveJob retry_on with a growing wait: failed jobs re-run with backoff'),
          ...activeJob.slice(0, 3).map((a) => fromMatch(a.call, 'outbound call made by a job retried with backoff')),
        ],
        { ...result.data, activeJobRetries: activeJob.length },
      );
    }
    // Req's default retry applies to the call unless its options (the call and the few lines below)
    // switch it off or make it a method Req does not retry by default.
    const reqCalls = (result.score ?? 0) < 0.6 ? productionMatches(ctx, 'reqDefaultRetry') : [];
    const reqRetried = reqCalls.filter((m) => {
      const opts = (ctx.files.lines(m.path)?.range(m.line, m.line + 6) ?? []).join('\n');
      return !/\bretry:[ \t]*(?:false|nil)\b/.test(opts) && !/\bmethod:[ \t]*:(?:post|put|patch|delete)\b/.test(opts);
    });
    if (reqRetried.length > 0) {
      const r = reqRetried[0]!;
      return partial(
        0.6,
        `Req retries by default: ${reqRetried.length} Req GET/HEAD call${reqRetried.length === 1 ? '' : 's'} (${r.path}:${r.line}) use Req's default retry of transient errors (\`retry: :safe_transient\`, exponential backoff, 3 retries); no retry policy is set explicitly, and calls with other methods are not retried.`,
        firstPerFile(reqRetried)
          .slice(0, 3)
          .map((m) => fromMatch(m, "Req call: retried on transient errors with backoff by Req's default")),
        { ...result.data, reqDefaultRetries: reqRetried.length },
      );
    }
    if (adviceNoBackoff.length > 0 && (result.score ?? 0) < 0.5) {
      const r = adviceNoBackoff[0]!;
      return partial(
        0.5,
        `Calls are retried without backoff: Spring Integration's RequestHandlerRetryAdvice (${r.path}:${r.line}) retries the message handler with its default RetryTemplate (3 attempts, no back-off policy), so the attempts follow at once; the delay never grows and has no jitter.`,
        firstPerFile(adviceNoBackoff, 2)
          .slice(0, 3)
          .map((m) => fromMatch(m, 'RequestHandlerRetryAdvice with the default RetryTemplate: no back-off')),
        { ...result.data, noBackoffRetries: adviceNoBackoff.length },
      );
    }
    if (noBackoffRetries.length > 0 && fixedDecorators.length === 0 && (result.score ?? 0) < 0.5) {
      const r = noBackoffRetries[0]!;
      const files = new Set(noBackoffRetries.map((m) => m.path)).size;
      return partial(
        0.5,
        `Calls are retried without backoff: ${noBackoffRetries.length} urllib3 Retry polic${noBackoffRetries.length === 1 ? 'y' : 'ies'} in ${files} file${files === 1 ? '' : 's'} (${r.path}:${r.line}) set no backoff_factor, whose default 0 sends the next attempt at once; the delay never grows and has no jitter.`,
        firstPerFile(noBackoffRetries, 2)
          .slice(0, 3)
          .map((m) => fromMatch(m, 'urllib3 Retry without backoff_factor: attempts follow at once')),
        { ...result.data, noBackoffRetries: noBackoffRetries.length },
      );
    }
    if (ktorFixed.length > 0 && (result.score ?? 0) < 0.5) {
      const k = ktorFixed[0]!;
      const files = new Set(ktorFixed.map((m) => m.path)).size;
      return partial(
        0.5,
        `Calls are retried at a fixed delay, without backoff: ${ktorFixed.length} Ktor HttpRequestRetry install${ktorFixed.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${k.path}:${k.line}) set constantDelay() or noDelay() instead of the plugin's default exponentialDelay(); the delay never grows.`,
        firstPerFile(ktorFixed, 2)
          .slice(0, 3)
          .map((m) => fromMatch(m, 'Ktor HttpRequestRetry with a constant delay: retries, no backoff')),
        { ...result.data, fixedDelayRetries: ktorFixed.length },
      );
    }
    if (fixedDecorators.length > 0 && (result.score ?? 0) < 0.5) {
      const d = fixedDecorators[0]!;
      const files = new Set(fixedDecorators.map((m) => m.path)).size;
      const wait = /wait_fixed\s*(?:=\s*|\(\s*)([\w.]+)/.exec(
        (ctx.files.lines(d.path)?.range(d.line, d.line + 8) ?? []).join(' '),
      )?.[1];
      return partial(
        0.5,
        `Calls are retried at a fixed delay, without backoff: ${fixedDecorators.length} @retry decorator${fixedDecorators.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} wait a fixed time or not at all between attempts (${wait ? `wait_fixed ${wait}` : 'a stop condition only'} at ${d.path}:${d.line}); the delay never grows and has no jitter.`,
        firstPerFile(fixedDecorators, 2)
          .slice(0, 3)
          .map((m) => fromMatch(m, 'retry decorator with a fixed wait (wait_fixed or none): no backoff')),
        { ...result.data, fixedDelayRetries: fixedDecorators.length },
      );
    }
    const queued = jobRetries(ctx);
    const jobsOnly = () => {
      const jobs = queued;
      if (jobs.length === 0 || (result.score ?? 0) >= 0.3) return result;
      const calls = ctx.facts.outbound.sites.slice(0, 2);
      return partial(
        0.3,
        `Only jobs are retried: ${jobs.length} job retr${jobs.length === 1 ? 'y' : 'ies'} (${[...new Set(jobs.map((m) => m.queue))].join(', ')}) in ${new Set(jobs.map((m) => m.path)).size} file${new Set(jobs.map((m) => m.path)).size === 1 ? '' : 's'} re-run a task after an exception; the outbound calls themselves are not retried with backoff.`,
        [
          ...firstPerFile(jobs)
            .slice(0, 3)
            .map((m) => fromMatch(m, 'job re-run by its queue: not a retry of an outbound call')),
          ...calls.map((c) => ({ ...c, note: `${c.note ?? 'outbound call'}: not retried` })),
        ],
        { ...result.data, jobRetries: jobs.length },
      );
    };
    // A client's own retry count set by the project, and ActiveJob jobs on Sidekiq whose files do not
    // make the call themselves (a fetcher class does): retried, but no backoff on the call is seen.
    const clientRetry = productionMatches(ctx, 'clientRetryConfig');
    // Sidekiq re-runs every failed job with exponential backoff, 25 times by default: jobs whose retries
    // are on (ActiveJob on the Sidekiq adapter, `include Sidekiq::Job` and the classes inheriting it).
    const adapter = sidekiqAdapter(ctx);
    const retried = retriedSidekiqJobs(ctx);
    const jobs = retried.jobs;
    const source =
      jobs.length === 0
        ? undefined
        : (adapter ??
          productionMatches(ctx, 'sidekiqJob').find((m) =>
            jobs.some((j) => j.path === m.path || retried.from.get(j.path) === m.path),
          ));
    const sourceNote = adapter
      ? 'ActiveJob on Sidekiq: failed jobs re-run with exponential backoff'
      : 'Sidekiq job: failed jobs re-run with exponential backoff (25 retries by default)';
    const sidekiqNote = source
      ? `${jobs.length} job${jobs.length === 1 ? '' : 's'} run on Sidekiq (${source.path}:${source.line}), which re-runs a failed job with exponential backoff (25 retries unless sidekiq_options sets retry), but no job file makes the outbound call itself`
      : '';
    const configured = () => {
      if (clientRetry.length > 0 && (result.score ?? 0) < 0.5) {
        const c = clientRetry[0]!;
        const count = c.groups.find((g) => g !== undefined);
        return partial(
          0.5,
          `A client retries by its own configuration, without backoff in the code: ${c.path}:${c.line} sets \`${c.snippet.trim().slice(0, 80)}\` (${count} retr${count === '1' ? 'y' : 'ies'})${sidekiqNote ? `; ${sidekiqNote}` : ''}. No backoff between the client's attempts is configured.`,
          [
            ...firstPerFile(clientRetry, 1)
              .slice(0, 3)
              .map((m) => fromMatch(m, "client's own retry count, set by the project: no backoff configured")),
            ...(source ? [fromMatch(source, sourceNote)] : []),
            ...ctx.facts.outbound.sites.slice(0, 2),
          ],
          { ...result.data, clientRetries: clientRetry.length, ...(source ? { sidekiqJobs: jobs.length } : {}) },
        );
      }
      // Jobs on Sidekiq's default retries; where queue settings are found too (a `retry_on`, `retry: 5`),
      // those name the jobs' retries (jobsOnly), as before the default was counted.
      if (source && (adapter || queued.length === 0) && (result.score ?? 0) < 0.3) {
        return partial(
          0.3,
          `Only jobs are retried: ${sidekiqNote}; the outbound calls themselves are not retried with backoff.`,
          [
            fromMatch(source, sourceNote),
            ...firstPerFile(
              jobs.filter((j) => j.path !== source.path),
              1,
            )
              .slice(0, 2)
              .map((m) => fromMatch(m, 'job run by Sidekiq')),
            ...ctx.facts.outbound.sites
              .slice(0, 2)
              .map((c) => ({ ...c, note: `${c.note ?? 'outbound call'}: not retried` })),
          ],
          { ...result.data, sidekiqJobs: jobs.length },
        );
      }
      return jobsOnly();
    };
    const failover = (snippet: string) =>
      !/retr|attempt|tries|\btimes\b|delays|back_?offs?|intervals|waits/i.test(snippet);
    // A loop over destinations retries only when it stops at the first that answers (failover); one
    // that sends to each in turn is a fan-out (round 18: a webhook posted once to every URL).
    const candidates = productionMatches(ctx, 'retryLoop').filter(
      (m) => !failover(m.snippet) || stopsAtFirstSuccess(ctx.files.lines(m.path)?.range(m.line, m.line + 20) ?? []),
    );
    // A polling loop asks again until a job is done, sleeping a polling delay between checks; it
    // catches no failure, so it retries nothing (blind round 24, papra azure-di…usecases.ts:93).
    const polling = candidates.filter((m) => pollsJob(ctx.files.lines(m.path)?.range(m.line, m.line + 40) ?? []));
    const bounded = candidates.filter((m) => !polling.includes(m));
    // A fixed-interval sleep in a loop found above is that loop's delay; elsewhere it is a loop itself.
    const near = (a: { path: string; line: number }, b: { path: string; line: number }) =>
      a.path === b.path && b.line >= a.line && b.line <= a.line + 15;
    const loops = [...bounded, ...fixed.filter((f) => !bounded.some((l) => near(l, f)))];
    if (loops.length === 0) {
      const client = productionMatches(ctx, 'fixedClientRetry');
      if (client.length === 0 || (result.score ?? 0) >= 0.4) {
        const r = configured();
        if (polling.length === 0 || r.outcome !== 'fail') return r;
        const p = polling[0]!;
        return {
          ...r,
          message: `${r.message} Not counted: ${p.path}:${p.line} polls a job until it completes, sleeping between checks; it retries no failed call.`,
          evidence: [
            ...r.evidence,
            fromMatch(p, 'polling loop (waits for a job to finish), not a retry of a failed call'),
          ],
        };
      }
      const c = client[0]!;
      return partial(
        0.4,
        `A client retries at a fixed delay, without backoff: redisc.RetryConn re-sends a Redis cluster command up to ${c.groups[0]} times, ${c.groups[1]!.trim()} apart, when the cluster redirects it or asks to try again (${c.path}:${c.line}); the delay never grows and other failures are not retried.`,
        firstPerFile(client, 2)
          .slice(0, 3)
          .map((m) => fromMatch(m, 'client retry at a fixed delay (redisc.RetryConn), no backoff')),
        { ...result.data, fixedClientRetries: client.length },
      );
    }
    const body = (m: { path: string; line: number }) =>
      (ctx.files.lines(m.path)?.range(m.line, m.line + 15) ?? ['']).join('\n');
    // A fixed retry delay found by name, or a sleep of a constant in a loop's body (`sleep(Duration::from_millis(500))`).
    const interval =
      fixed.length > 0 ||
      loops.some((m) => /\b(?:u?sleep|Sleep|setTimeout|delay|Delay|wait_for|Thread\.sleep)\w*\s*\(/.test(body(m)));
    // Loops that only wait at start-up for a database or broker to come up protect no call.
    if (loops.every((m) => RECONNECT.test(body(m)) && DATASTORE.test(body(m)))) {
      const calls = ctx.facts.outbound.sites.slice(0, 2);
      const delay = fixed.find((f) => loops.some((l) => near(l, f) || l === f));
      // Jobs their queue re-runs are said too: they are retried, only not as outbound calls.
      const queues = [...new Set(queued.map((m) => m.queue))];
      const jobNote =
        queued.length > 0
          ? ` Jobs are re-run by their queue (${queues.join(', ')}: ${queued.length} setting${queued.length === 1 ? '' : 's'}), which retries the task, not an outbound call.`
          : '';
      return partial(
        0.3,
        `Only a start-up reconnect loop${queued.length > 0 ? ' and job retries, no backoff on calls' : ', no backoff'}: ${loops.length === 1 ? 'it retries' : `${loops.length} loops retry`} the connection to a database or broker${interval ? ' at a fixed interval' : ''} while the service starts; outbound calls are not retried.${jobNote}`,
        [
          ...firstPerFile(queued)
            .slice(0, 2)
            .map((m) => fromMatch(m, 'job re-run by its queue: not a retry of an outbound call')),
          ...firstPerFile(loops, 2)
            .slice(0, 3)
            .map((m) =>
              fromMatch(m, 'start-up reconnect loop bounded by an attempt count: a wait for a dependency, no backoff'),
            ),
          ...(delay ? [fromMatch(delay, 'fixed retry interval: the delay never grows')] : []),
          ...calls.map((c) => ({ ...c, note: `${c.note ?? 'outbound call'}: not retried` })),
        ],
        { ...result.data, retryLoops: loops.length, startupReconnect: true },
      );
    }
    // A loop over a schedule of delays that grow (`$retryDelays = [0, 2, 5]`, sleeping each before
    // its attempt): backoff written by hand, not exponential (blind round 23, data-importer
    // AccountMapper.php:272-279).
    const schedules = loops.flatMap((m) => {
      const name = m.groups.find(Boolean);
      if (!name) return [];
      const s = delaySchedule(ctx.files.lines(m.path), name, m.line);
      const sleeps = /\b(?:u?sleep|Sleep|setTimeout|delay|Delay|wait_for|Thread\.sleep)\w*\s*\(/.test(body(m));
      return s && sleeps ? [{ loop: m, ...s }] : [];
    });
    if (schedules.length > 0) {
      const d = schedules[0]!;
      return partial(
        0.6,
        `Calls are retried by hand with growing delays: ${loops.length} retry loop${loops.length === 1 ? '' : 's'} over a delay schedule (${d.values.join(', ')}; ${d.loop.path}:${d.line}), sleeping before each new attempt; not exponential, and without jitter.`,
        [
          fromMatch(d.loop, 'hand-written retry loop: one attempt per delay of the schedule'),
          {
            path: d.loop.path,
            line: d.line,
            snippet: d.snippet.slice(0, 160),
            note: 'growing retry delays: the wait lengthens with each attempt',
          },
        ],
        { ...result.data, retryLoops: loops.length, delaySchedule: d.values },
      );
    }
    // A delay that grows with the attempt in the loop's body (the next 15 lines): linear backoff.
    const linear = loops.flatMap((m) => {
      const lines = ctx.files.lines(m.path)?.range(m.line + 1, m.line + 15) ?? [];
      const i = lines.findIndex((l) => LINEAR_DELAY.test(l) && !/^\s*(?:\/\/|#)/.test(l));
      return i < 0 ? [] : [{ loop: m, path: m.path, line: m.line + i + 1, snippet: lines[i]!.trim() }];
    });
    if (linear.length > 0) {
      const l = linear[0]!;
      return partial(
        0.6,
        `Calls are retried by hand with a linear backoff: ${loops.length} retry loop${loops.length === 1 ? '' : 's'}, the delay growing with the attempt (${l.path}:${l.line}); not exponential, and without jitter.`,
        [
          fromMatch(l.loop, 'hand-written retry loop bounded by an attempt count'),
          {
            path: l.path,
            line: l.line,
            snippet: l.snippet.slice(0, 160),
            note: 'linear backoff: the sleep grows with the attempt',
          },
        ],
        { ...result.data, retryLoops: loops.length, linearBackoff: linear.length },
      );
    }
    return partial(
      0.5,
      `Calls are retried by hand, without backoff: ${loops.length} retry loop${loops.length === 1 ? '' : 's'} (${loops.some((m) => failover(m.snippet)) ? 'failover across instances' : 'bounded attempts'}); ${interval ? 'the next attempt follows after a fixed interval that never grows' : 'the next attempt follows at once, with no growing delay'}.`,
      [
        ...firstPerFile(loops, 2)
          .slice(0, 3)
          .map((m) =>
            fromMatch(
              m,
              failover(m.snippet)
                ? 'hand-written failover retry: the call is tried on the next instance when one fails, no backoff'
                : 'hand-written retry loop bounded by an attempt count, no backoff',
            ),
          ),
      ],
      { ...result.data, retryLoops: loops.length },
    );
  },
});

/** The lines of a Kotlin block opened on the first line (`install(X) { … }`), up to its closing brace. */
function ktorBlock(lines: readonly string[]): string {
  let depth = 0;
  let opened = false;
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    for (const c of line) {
      if (c === '{') {
        depth++;
        opened = true;
      } else if (c === '}') depth--;
    }
    // `install(HttpRequestRetry)` alone: no block, the defaults.
    if (!opened || depth <= 0) break;
  }
  return out.join('\n');
}

/** The JS HTTP client a call names: ofetch (Nuxt's `$fetch`, `useFetch`), ky or got. */
const JS_CLIENT = /(\$fetch|\bofetch|\buse(?:Lazy)?Fetch\s*\(|\bky\b|\bgot\b)/g;

/**
 * Retry options of a JS HTTP client: the `retry:` match belongs to the nearest client call in the
 * 25 lines above it (within the same call's options), and the file must name that client.
 */
function jsClientRetries(
  ctx: RuleContext,
): { m: Match; client: 'ofetch' | 'ky' | 'got'; count: string; delay?: string }[] {
  const out: { m: Match; client: 'ofetch' | 'ky' | 'got'; count: string; delay?: string }[] = [];
  for (const m of productionMatches(ctx, 'jsClientRetry')) {
    if (isCommentLine(m.snippet)) continue;
    const lines = ctx.files.lines(m.path);
    if (!lines) continue;
    const above = lines.range(Math.max(1, m.line - 25), m.line);
    let client: 'ofetch' | 'ky' | 'got' | undefined;
    for (let i = above.length - 1; i >= 0 && !client; i--) {
      const hits = [...above[i]!.matchAll(JS_CLIENT)];
      const last = hits[hits.length - 1]?.[1];
      if (!last) continue;
      client = last === 'ky' ? 'ky' : last === 'got' ? 'got' : 'ofetch';
      // `got` and `ky` as words must be the package in this file.
      if (
        client !== 'ofetch' &&
        !new RegExp(`from\\s+['"]${client}['"]|require\\(\\s*['"]${client}['"]`).test(ctx.files.read(m.path) ?? '')
      )
        client = undefined;
    }
    if (!client) continue;
    const below = lines.range(m.line, m.line + 6).join('\n');
    const delay = /\bretryDelay\s*:\s*(\d+)/.exec([...above.slice(-6), below].join('\n'))?.[1];
    out.push({ m, client, count: m.groups[0] ?? m.groups[1] ?? '?', ...(delay ? { delay: `${delay} ms` } : {}) });
  }
  return out;
}

/** Amazon States Language definitions: `*.asl.json`/`*.asl.yaml`, and templates that declare a state machine inline. */
const ASL_GLOBS = ['**/*.asl.json', '**/*.asl.yaml', '**/*.asl.yml'];
const ASL_RETRY = /^[ \t]*"?Retry"?[ \t]*:/gm;
const BACKOFF_RATE = /"?BackoffRate"?[ \t]*:[ \t]*([\d.]+)/g;

/**
 * The Retry fields of the product's Step Functions state machines (blind round 50): Step Functions
 * re-runs a failed task with exponential backoff (BackoffRate, 2.0 unless set). A definition whose
 * every BackoffRate is 1 retries at a fixed interval and is left out. One evidence per file.
 */
function stateMachineRetries(files: FileView): Evidence[] {
  const paths = files
    .match(ASL_GLOBS)
    .concat(
      runtime(files)
        .platforms.filter((p) => p.system === 'AWS SAM')
        .map((p) => p.path),
    )
    .filter(isProductionPath)
    .slice(0, 200);
  const out: Evidence[] = [];
  for (const path of new Set(paths)) {
    const text = files.read(path)?.slice(0, 500_000);
    if (!text?.includes('Retry')) continue;
    if (!ASL_GLOBS.some((g) => path.endsWith(g.slice(4))) && !/StateMachine|"?States"?[ \t]*:/.test(text)) continue;
    ASL_RETRY.lastIndex = 0;
    const first = ASL_RETRY.exec(text);
    if (!first) continue;
    const rates = [...text.matchAll(BACKOFF_RATE)].slice(0, 200).map((m) => Number(m[1]));
    if (rates.length > 0 && rates.every((r) => r <= 1)) continue;
    out.push({
      path,
      line: files.lines(path)?.lineAt(first.index) ?? 1,
      note: `Step Functions Retry: the state machine re-runs failed tasks with exponential backoff (BackoffRate ${rates.find((r) => r > 1) ?? '2.0 by default'})`,
    });
  }
  return out;
}
