import { apmSdkPattern } from '../../src/facts/apm-sdks.js';
import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { namesMatcher } from '../../src/facts/frameworks.js';
import { codeMatches, firstPerFile, fromMatch, isProductionPath } from '../../src/facts/paths.js';
import { COMPONENT_NAMES, splitByComponent } from '../../src/facts/component.js';
import { dependencyEvidence, setAside } from '../../src/facts/dependencies.js';
import { APPENDER_TYPE_PATTERN, logAppenders, TRACKER_APPENDER } from '../_shared/log-appenders.js';

const CODE = ['**/*.{js,ts,mjs,cjs,jsx,tsx,py,go,java,kt,scala,groovy,cs,fs,vb,rb,php,rs,ex,exs}'];

/**
 * Integrations that initialise themselves once configured with a DSN/key: Spring Boot starters,
 * Laravel/Symfony packages (auto-discovered service providers), Rails railties.
 */
const AUTO_CONFIGURED = [
  // Every Spring Boot module of Sentry's: the starters and the auto-configuration modules
  // (sentry-spring-boot-jakarta, sentry-spring-boot-4; blind round 34, hmpps-alerts-api).
  'io.sentry:sentry-spring-boot*',
  'sentry/sentry-laravel',
  'sentry/sentry-symfony',
  'bugsnag/bugsnag-laravel',
  'bugsnag/bugsnag-symfony',
  'rollbar/rollbar-laravel',
  'honeybadger-io/honeybadger-laravel',
  'laravel/nightwatch',
  'spatie/laravel-flare',
  // Ruby agents that start with Rails once their key or config file is there.
  'appsignal',
  'honeybadger',
  // Elixir: the Sentry and Rollbax OTP applications start with the release once `config :sentry, dsn: …` is set.
  'sentry',
  'rollbax',
];

/**
 * Gems whose Railtie starts the agent with Rails and reads its key from the deployment's environment
 * or a config file the deployment provides (blind round 39, sdr-api: honeybadger with
 * config/honeybadger.yml as a Capistrano linked file was "no DSN or key configured"): in a Rails
 * application the declared gem reports errors by itself, and the key belongs out of git. Sentry,
 * Rollbar and Airbrake need their `configure`/`init` call in an initializer, seen above.
 */
const RAILS_SELF_STARTING: [string, string][] = [
  ['honeybadger', 'HONEYBADGER_API_KEY or config/honeybadger.yml'],
  ['appsignal', 'APPSIGNAL_PUSH_API_KEY or config/appsignal.yml'],
  ['bugsnag', 'BUGSNAG_API_KEY'],
];
/** A deployment that links a tracker's config file into each release (Capistrano `linked_files`). */
const LINKED_CONFIG = /\blinked_files\b[^\n]{0,400}?config\/(honeybadger|appsignal|bugsnag)\.yml/;

/** The community NestJS Sentry modules, whose forRoot/forRootAsync call Sentry.init. */
const NEST_SENTRY_MODULE = /\bfrom\s+['"](?:@ntegral\/nestjs-sentry|@travelerdev\/nestjs-sentry|nestjs-sentry)['"]/;

export default defineRule({
  meta: {
    id: 'error-tracking',
    title: 'Errors are reported to a tracker',
    failureTitle: 'No error tracking',
    description:
      'An error tracker groups exceptions, counts how many users they hit and alerts on new ones with the stack trace; without one, production errors are found by reading logs after a user complains.',
    remediation:
      'Initialise an error-tracking SDK (Sentry or a GlitchTip server, Rollbar, Bugsnag, Honeybadger, AppSignal, Raygun, Airbrake; Laravel Nightwatch or Flare) at start-up with the DSN from the environment, and tag events with the release and environment.',
    severity: 'medium',
    effort: 'low',
    detection:
      'The initialisation call: `Sentry.init(`, `sentry_sdk.init(`, `sentry.Init(`, `SentrySdk.Init(`, `UseSentry(`, `Sentry.init do`, `\\Sentry\\init(`, `sentry::init(`, a community NestJS Sentry module imported with `SentryModule.forRoot(…)`/`forRootAsync(…)` (@ntegral/nestjs-sentry and its forks call `Sentry.init`; the official @sentry/nestjs module does not), `Rollbar.init`/`new Rollbar(`, `Bugsnag.start(`, `Honeybadger.configure`, Airbrake notifiers, Google Cloud Error Reporting (`ContextExceptionLogger.Create(`, `AddGoogleErrorReportingForAspNetCore(`, `new ErrorReporting(`, `error_reporting.Client(`), Application Insights (`AddApplicationInsightsTelemetry(`, `appInsights.setup(`); a Sentry DSN in Spring/Laravel configuration for their auto-configured integrations; in Elixir `use Sentry.PlugCapture`, `Sentry.LoggerHandler`, or `config :sentry, dsn: …` (the Sentry, AppSignal, Honeybadger and Rollbax OTP applications start themselves). A self-hosted tracker inside the application (Rails: `mount ExceptionTrack::Engine`, `ExceptionNotification.configure`/`ExceptionNotification::Rack`, exception_handler, Logster, Solid Errors, Rails Error Dashboard mounted) earns partial credit: errors are stored or mailed, not grouped and alerted on by a service. An SDK dependency (catalogue `error-tracking`) that nothing initialises earns partial credit.',
    patterns: {
      // Self-hosted trackers inside the application: Rails engines and middleware that store or mail
      // each exception (exception-track mounted as an engine, exception_notification, Errbit through
      // Airbrake is an init above), Django's db-logger/ErrorReport apps.
      selfHosted: {
        regex:
          /(\bmount\s+ExceptionTrack::Engine\b|\bExceptionTrack\.configure\b|\bExceptionNotification\.configure\b|\bExceptionNotification::Rack\b|\bExceptionHandler\.configure\b|\bmount\s+(?:Logster::Web|RailsErrorDashboard::Engine|SolidErrors::Engine)\b)/,
        files: ['**/*.rb'],
        literals: [
          'ExceptionTrack',
          'ExceptionNotification',
          'ExceptionHandler',
          'Logster',
          'RailsErrorDashboard',
          'SolidError',
        ],
        maxPerFile: 2,
      },
      init: {
        // An Airbrake notifier's options stop at the next `new Notifier(` (linear on many unclosed ones).
        regex:
          /(\bSentry\.(?:init|configure|PlugCapture|PlugContext|LoggerHandler)\b|sentry_sdk\.init\s*\(|\bsentry\.Init\s*\(|SentrySdk\.Init\s*\(|\.UseSentry\s*\(|\\?Sentry\\init\s*\(|\bsentry::init\s*\(|Raven\.(?:config|install)\s*\(|new\s+Rollbar\s*\(|\bRollbar\.(?:init|configure|configure_logger)\b|rollbar\.(?:init|SetToken)\s*\(|RollbarLocator|\bBugsnag\.(?:start|configure|Configure|register)\b|bugsnag\.(?:configure|Configure)\s*\(|\.AddBugsnag\s*\(|\bHoneybadger\.(?:configure|Configure)\b|honeybadger\.(?:configure|Configure)\s*\(|new\s+(?:Airbrake\.)?Notifier\s*\(\s*\{(?:(?!new\s+(?:Airbrake\.)?Notifier\s*\()[^}])*projectId|Airbrake\.configure|pybrake\.Notifier|gobrake\.NewNotifier|SentryAsgiMiddleware|SentryWsgiMiddleware|withSentryConfig\s*\(|@sentry\/\w+\/register|Sentry::init|RaygunClient|raygun\.Client\s*\(|\b[aA]ppsignal\.(?:start|configure)\b|\buse\s+Appsignal\.(?:Phoenix|Plug)\b|new\s+Appsignal\s*\(|\bFlare::(?:make|register)\s*\(|\bflare\.light\s*\(|\.(?:Add|Use)Exceptionless\s*\(|ExceptionlessClient\.Default\.Startup|\.AddElmahIo\s*\(|highlight_io\.H\s*\(|Highlight::H\.new|\bH\.init\s*\(\s*\{\s*projectID|ContextExceptionLogger\.Create\s*\(|\.AddGoogle(?:ErrorReporting|Diagnostics)ForAspNetCore\s*\(|new\s+ErrorReporting\s*\(|\berror_reporting\.Client\s*\(|ErrorReportingClient\.create\s*\()/,
        files: CODE,
        literals: [
          'Sentry',
          'sentry',
          'Raven',
          'Rollbar',
          'rollbar',
          'Bugsnag',
          'bugsnag',
          'Honeybadger',
          'honeybadger',
          'Notifier',
          'Airbrake',
          'Raygun',
          'raygun',
          'Appsignal',
          'appsignal',
          'Flare',
          'flare',
          'Exceptionless',
          'ElmahIo',
          'highlight',
          'Highlight',
          'projectID',
          // Google Cloud Error Reporting (.NET Google.Cloud.Diagnostics, Node, Python, Java) and Application Insights.
          'ExceptionLogger',
          'AddGoogle',
          'ErrorReporting',
          'error_reporting',
        ],
        maxPerFile: 2,
      },
      // APM SDKs whose initialisation reports exceptions (the shared SDK → signals table).
      apmSdk: apmSdkPattern('errors'),
      // A NestJS module that starts Sentry when the application module imports it: the community
      // modules (@ntegral/nestjs-sentry, @travelerdev/nestjs-sentry, nestjs-sentry) call Sentry.init
      // with the options given (blind round 25, podkrepi-api app.module.ts:77). The official
      // @sentry/nestjs SentryModule does not: it expects Sentry.init in an instrument file.
      // A log appender that reports errors to a tracker, in a YAML logging configuration
      // (Dropwizard `logging:` / `appenders:` / `- type: sentry` with a DSN): the logging framework
      // sends each error event (blind round 50).
      appenderType: APPENDER_TYPE_PATTERN,
      nestSentry: {
        regex: /\bSentryModule\.forRoot(?:Async)?\s*\(/,
        files: ['**/*.{ts,js,mts,mjs}'],
        literals: ['SentryModule'],
        maxPerFile: 1,
      },
      dsn: {
        // Configuration that arms an auto-configured integration (Spring `sentry.dsn`, Laravel `SENTRY_LARAVEL_DSN`).
        regex:
          /^[ \t]*(?:sentry\.dsn\s*[=:]|sentry:\s*$|["']dsn["']\s*=>\s*env\(\s*["']SENTRY|SENTRY_(?:LARAVEL_)?DSN\s*=|BUGSNAG_API_KEY\s*=|ROLLBAR_TOKEN\s*=|NIGHTWATCH_TOKEN\s*=|FLARE_KEY\s*=|APPSIGNAL_PUSH_API_KEY\s*=|HONEYBADGER_API_KEY\s*=|push_api_key:|config[ \t]+:(?:sentry|appsignal|honeybadger|rollbax)[ \t]*,)/m,
        files: [
          '**/application*.{yml,yaml,properties}',
          '**/config/*.php',
          '**/.env.example',
          '**/.env.sample',
          '**/.env.dist',
          '**/config/appsignal.yml',
          // Symfony bundles read their settings from config/packages/*.yaml or app/config/config_*.yml.
          '**/config/**/*.{yml,yaml}',
          // Mix projects: `config :sentry, dsn: …` in config/*.exs.
          '**/config/*.exs',
        ],
        literals: [
          'sentry',
          'SENTRY',
          'BUGSNAG',
          'ROLLBAR',
          'NIGHTWATCH',
          'FLARE',
          'APPSIGNAL',
          'HONEYBADGER',
          'push_api_key',
          'appsignal',
          'honeybadger',
          'rollbax',
        ],
        maxPerFile: 1,
      },
    },
  },
  appliesTo: ({ facts }) =>
    facts.profile.id === 'service'
      ? true
      : { reason: `profile is ${facts.profile.id}: error tracking is expected of deployed services` },
  check(ctx) {
    // A tracker the page, a desktop shell or a mobile app starts reports that component's errors,
    // not the service's: with server code beside it, it is a partial (src/facts/component.ts).
    const { componentOf } = ctx.facts;
    const nestSentry = codeMatches(ctx.matches('nestSentry')).filter((m) =>
      NEST_SENTRY_MODULE.test(ctx.files.read(m.path) ?? ''),
    );
    const initAll = splitByComponent(componentOf, [
      ...codeMatches(ctx.matches('init')),
      ...codeMatches(ctx.matches('apmSdk')),
      ...nestSentry,
    ]);
    const depsAll = splitByComponent(componentOf, ctx.facts.findDependencies(ctx.catalogue('error-tracking')));
    const hasServer = ctx.facts.sourceFiles.some((p) => componentOf(p) === 'server' && isProductionPath(p));
    const init = hasServer ? initAll.server : [...initAll.server, ...initAll.elsewhere];
    const deps = hasServer ? depsAll.server : [...depsAll.server, ...depsAll.elsewhere];
    const dsn = codeMatches(ctx.matches('dsn'));
    const auto = deps.filter((d) => namesMatcher(AUTO_CONFIGURED)(d.name));
    const libraries = [...new Set(deps.map((d) => d.name))].sort();
    const data = { libraries, codeFiles: new Set(init.map((m) => m.path)).size };
    const evidence: Evidence[] = [
      ...firstPerFile(init, 4).map((m) =>
        fromMatch(
          m,
          nestSentry.includes(m)
            ? 'error tracker initialised: the NestJS Sentry module calls Sentry.init with the options it is given'
            : 'error tracker initialised',
        ),
      ),
      ...firstPerFile(dsn, 2).map((m) => fromMatch(m, 'error tracker configured')),
      ...deps.slice(0, 3).map((d) => dependencyEvidence(d, 'error-tracking SDK')),
    ];
    const appenders = logAppenders(ctx.files, ctx.matches('appenderType')).filter(
      (a) => !a.layout && TRACKER_APPENDER.test(a.type),
    );
    if (init.length === 0 && appenders.length > 0) {
      const a = appenders[0]!;
      return pass(
        `Errors are reported to a tracker: the logging configuration sends error events through a ${a.type} appender (${a.match.path}:${a.match.line}).`,
        [fromMatch(a.match, `${a.type} log appender: error events go to the tracker`), ...evidence],
        { ...data, appender: a.type },
      );
    }
    if (init.length > 0)
      return pass(
        `Errors are reported to a tracker: initialised in ${data.codeFiles} file${data.codeFiles === 1 ? '' : 's'}.`,
        evidence,
        data,
      );
    if (auto.length > 0 && dsn.length > 0)
      return pass(`Errors are reported to a tracker: ${auto[0]!.name} is auto-configured with a DSN.`, evidence, data);
    const rails = ctx.facts.frameworks.some((f) => f.id === 'rails');
    const selfStarting = rails
      ? deps.flatMap((d) => {
          const gem = RAILS_SELF_STARTING.find(([n]) => d.ecosystem === 'bundler' && d.name.toLowerCase() === n);
          return gem ? [{ d, key: gem[1] }] : [];
        })
      : [];
    if (selfStarting.length > 0) {
      const { d, key } = selfStarting[0]!;
      const linked = ['config/deploy.rb', 'config/deploy.yml']
        .map((path) => ({ path, text: ctx.files.read(path)?.slice(0, 200_000) ?? '' }))
        .flatMap(({ path, text }) => {
          const m = LINKED_CONFIG.exec(text);
          return m ? [{ path, line: text.slice(0, m.index).split('\n').length, name: m[1]! }] : [];
        });
      const where = linked[0]
        ? `; the deployment links config/${linked[0].name}.yml into each release (${linked[0].path}:${linked[0].line})`
        : '';
      return pass(
        `Errors are reported to a tracker: the ${d.name} gem starts with Rails and reads its key from ${key} in the deployment (not committed, as a key should be)${where}.`,
        [
          ...evidence,
          ...linked.slice(0, 1).map((l) => ({
            path: l.path,
            line: l.line,
            note: `config/${l.name}.yml provided by the deployment (Capistrano linked file)`,
          })),
        ],
        { ...data, selfStarting: d.name },
      );
    }
    const clientInit = hasServer ? initAll.elsewhere : [];
    if (clientInit.length > 0) {
      const where = listing([...new Set(clientInit.map((m) => COMPONENT_NAMES[componentOf(m.path)]))]);
      return partial(
        0.4,
        `An error tracker is initialised in the ${where} only: the service's own errors are not reported (no initialisation in its server code).`,
        [
          ...firstPerFile(clientInit, 3).map((m) =>
            fromMatch(m, `error tracker initialised in the ${COMPONENT_NAMES[componentOf(m.path)]}`),
          ),
          ...evidence,
          {
            path: '.',
            note: `no error-tracker initialisation in the service's code (${ctx.searched('init')} source files searched)`,
          },
        ],
        { ...data, clientOnly: true },
      );
    }
    const selfHosted = codeMatches(ctx.matches('selfHosted'));
    if (selfHosted.length > 0)
      return partial(
        0.6,
        'Errors are recorded by a self-hosted tracker inside the application (stored or mailed per exception), not by an error-tracking service that groups them and alerts on new ones.',
        [...firstPerFile(selfHosted, 3).map((m) => fromMatch(m, 'self-hosted error tracker')), ...evidence],
        { ...data, selfHosted: true },
      );
    if (deps.length > 0) {
      // Auto-configured integrations start from a key in the deployment's environment: none is named here.
      const missing = auto.length > 0 ? 'no DSN or key is configured in the repository' : 'nothing initialises it';
      return partial(
        0.4,
        `${listing(libraries.slice(0, 3))} declared, but ${missing}.`,
        [...evidence, { path: '.', note: `no error-tracker initialisation in ${ctx.searched('init')} source files` }],
        data,
      );
    }
    return fail(
      'No error-tracking SDK found.',
      [
        {
          path: '.',
          note: `no Sentry/Rollbar/Bugsnag/Honeybadger/Airbrake/AppSignal/Raygun/Flare/Nightwatch/Highlight initialisation in ${ctx.searched('init')} source files and no such SDK among ${ctx.facts.dependencies.filter((d) => d.direct).length} direct dependencies`,
        },
        ...setAside(ctx.facts, ctx.catalogue('error-tracking')),
      ],
      data,
    );
  },
});
