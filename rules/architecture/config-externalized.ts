import { defineRule, type Evidence, type FileView, type Match, type RuleContext } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import {
  firstPerFile,
  fromMatch,
  isCommentLine,
  isExampleFolder,
  isProductionPath,
  isTestPath,
} from '../../src/facts/paths.js';
import { redactLine } from '../../src/util/redact.js';
import { basename } from '../../src/walk/glob.js';
import { connectionSecret } from '../../src/facts/secrets.js';
import { platformApps } from '../../src/facts/platform-apps.js';
import { K8S_DIGEST } from '../../src/facts/k8s.js';
import { TF_DIGEST } from '../../src/facts/terraform.js';
import { COMPOSE_GLOBS } from '../../src/facts/deploy.js';

const CODE = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go,java,kt,scala,cs,rb,php,rs,ex,exs,swift}'];
const CONFIG = ['**/*.{yml,yaml,properties,json,toml,ini,env,conf}'];
const ENV_EXAMPLES = [
  '**/.env.example',
  '**/.env.sample',
  '**/.env.template',
  '**/.env.dist',
  '**/.env.defaults',
  '**/env.example',
  // Without the dot (`backend/env-example`, `env_sample`): the same template under a name that is not hidden (blind round 49).
  '**/env{-,_}{example,sample,template}',
  '**/env.{sample,template}',
  '**/example.env',
  '**/.env.*.example',
  // Per environment (`.env.development.template`, `.env.testing.sample`): a Vapor app loads `.env.<environment>`.
  '**/.env.*.template',
  '**/.env.*.sample',
  '**/sample.env',
  // Named per component (`config/app.env.sample`, `secrets/postgres.env.example`): kustomize
  // configMapGenerator and secretGenerator inputs, copied and filled in per deployment (round 22).
  '**/*.env.sample',
  '**/*.env.example',
  '**/*.env.template',
  '**/*.env.dist',
];
// A password that is obviously a placeholder is not a finding. A reference may be escaped with a
// backslash (`\${REDIS_PASSWORD}`) so a build step's template expansion (Gradle `expand`, Maven
// filtering) leaves it for Spring to resolve at run time (blind round 33).
const PLACEHOLDER =
  /^\\?(\$|\{|%|<|\*|x+$|password|passwd|pass|pwd|secret|changeme|change_me|example|user|username|test|dummy|admin|root|postgres|mysql|guest)/i;
const DB_SCHEME =
  /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|jdbc:[a-z]+):\/\/[^:/@\s'"]+:[^@/\s'"]+@/;
// Hosts that are developer defaults, not production endpoints.
const LOCAL_HOST =
  /^(localhost|127\.|0\.0\.0\.0|\[?::1|host\.docker\.internal|[a-z0-9_-]+$)|\.(localhost|local|test|invalid|example)$|(^|\.)example\.(com|org|net)$/i;

/**
 * Default or sample configuration files (`config/defaults.hjson`, `config.example.toml`,
 * `settings.sample.yaml`, `app.yml.dist`): with a comment above most settings they document them.
 */
const SAMPLE_CONFIGS = [
  '**/*{default,defaults,example,sample,template,dist,reference}*.{hjson,json5,toml,yaml,yml,ini,conf,cfg,properties,php}',
  '**/*.{hjson,toml,yaml,yml,ini,conf,cfg,properties}.{dist,example,sample,template,default,defaults}',
];
/** An application's own settings file, a defaults file when its header says so (DEFAULTS_HEADER). */
const DEFAULTS_FILES = ['**/config/{config,settings,application,app}.{yml,yaml,toml,hjson}'];
/** A header comment that presents the file as defaults to override elsewhere. */
const DEFAULTS_HEADER =
  /^\s*#[^\n]*\b(?:defaults?|override|overridden|copy (?:any|the) (?:sections?|settings?|keys?)|local\.ya?ml)\b/im;
/** The file is configuration by its name or folder, not any YAML named `sample`. */
const CONFIG_NAMED = /(^|\/|[._-])(config|configuration|settings|conf|cfg|defaults?|application|app|server)([./_-]|$)/i;
/** .NET options bound from configuration (`IOptions<T>`, `IOptionsSnapshot<T>`, `IOptionsMonitor<T>`). */
const IOPTIONS = /\bIOptions(?:Snapshot|Monitor)?</;
const COMMENT_LINE = /^\s*(?:#|\/\/|;|\/\*|\*)/;
/** `key: v`, `key = v`, `"key": v`, `'key' => v` (PHP arrays), `KEY=v`. */
const KEY_LINE = /^\s*(?:["']?[A-Za-z_][\w.-]*["']?\s*(?::(?!:)|=(?!=)|=>))/;
/** Settings documented per key: at least three, and a quarter of the keys. */
const MIN_DOCUMENTED = 3;

/** Keys with a comment on the line above or at the end of their line, out of all keys. */
function documentedKeys(text: string): { documented: number; keys: number; first?: number } {
  const lines = text.split(/\r?\n/);
  let documented = 0;
  let keys = 0;
  let first: number | undefined;
  lines.forEach((l, i) => {
    if (COMMENT_LINE.test(l) || !KEY_LINE.test(l)) return;
    keys++;
    if (
      COMMENT_LINE.test(lines[i - 1] ?? '') ||
      /\s(?:#|\/\/)\s*\S/.test(l.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""'))
    ) {
      documented++;
      first ??= i + 1;
    }
  });
  return { documented, keys, ...(first ? { first } : {}) };
}

/** A mechanism that loads the configuration from the environment as a whole, not one variable. */
/** Go flag definitions: `flag.StringVar(`, `pflag.IntP(`, `cmd.Flags().String(`, `kingpin.Flag(`, `&cli.StringFlag{`. */
const FLAG_DEF =
  /\b(?:flag|pflag)\.(?:String|Int|Int64|Uint|Uint64|Bool|Duration|Float64|StringSlice|Var)(?:Var)?P?\(|\.(?:Persistent)?Flags\(\)\.(?:String|Int|Int64|Uint|Bool|Duration|Float64|StringSlice|StringArray)(?:Var)?P?\(|\b(?:kingpin|app|cmd)\.Flag\(\s*"|&cli\.(?:String|Int|Bool|Duration|StringSlice)Flag\{/;

const CONFIG_LOADER =
  /\.from_prefixed_env\(|\.from_envvar\(|\bos\.environ\.items\(\)|\bBaseSettings\b|@ConfigurationProperties\b|viper\.AutomaticEnv|envconfig\.(?:Must)?Process|cleanenv\.Read(?:Env|Config)\(|envdecode\.\w*Decode|\benv\.Parse(?:As|WithOptions)?\s*[([]|\benv\.Provider\(|\benviron\.Env\(|\bfrom[ \t]+decouple[ \t]+import\b|\benv::vars\(\)|\bEnvironmentVariableSubstitutor\b/;
/** A read of a variable of the user's shell (a CLI's default user name, the REPL start-up file). */
const STRAY_READ =
  /\(\s*['"](?:USER|USERNAME|LOGNAME|HOME|PATH|SHELL|TERM|EDITOR|VISUAL|PAGER|PYTHONSTARTUP|PWD|LANG|TMPDIR|TEMP|TMP|COLUMNS|LINES|NO_COLOR|APPDATA|LOCALAPPDATA|XDG_\w+)['"]|\[\s*['"](?:USER|USERNAME|HOME|PATH|SHELL|TERM|EDITOR|PYTHONSTARTUP)['"]\s*\]/;
const SETTINGS_FILE =
  /(^|\/)(_?config|settings|env|environment|configuration)\.[a-z]+$|(^|\/)(config|settings|conf)\/[^/]+$/i;

/** Names of a configuration's JSON Schema (`.config-schema.json`, `config.schema.json`, `settings-schema.json`). */
/** Documentation pages named for the configuration (configReferencePages). */
const CONFIG_PAGE_DIRS = ['docs', 'doc', 'man'].flatMap((d) => [
  `**/${d}/**/*{config,Config,CONFIG,settings,Settings,SETTINGS,options,Options}*.{md,rst,adoc}`,
]);
const CONFIG_SCHEMA_FILES = [
  '**/*{config,settings,configuration}*{schema,Schema}*.{json,yaml,yml}',
  '**/.*{config,settings,configuration}*{schema,Schema}*.{json,yaml,yml}',
];

export default defineRule({
  meta: {
    id: 'config-externalized',
    title: 'Configuration comes from the environment and is documented',
    failureTitle: 'Configuration is not externalised',
    description:
      'The same build must run in every environment (twelve-factor, III): hosts, ports and credentials belong in the environment or a secret store, and the settings a deployment needs should be documented.',
    remediation:
      'Read settings from environment variables through a settings library (pydantic-settings, envalid/convict, viper/envconfig, Spring profiles and `${ENV}` placeholders, IOptions), document them in a committed .env.example (no real values), and move any hard-coded host or credential into the environment or a secret store.',
    severity: 'high',
    effort: 'low',
    detection:
      'Externalised: environment reads in production code (process.env, Deno.env.get, Bun.env, os.environ/getenv, os.Getenv, System.getenv (called, or passed as a value: `load(os.Getenv)`, `System::getenv`), Elixir System.get_env/fetch_env! (config/runtime.exs), Environment.GetEnvironmentVariable, Swift `Environment.get("X")` (Vapor) and ProcessInfo.processInfo.environment, ENV[…], env::var, dotenv loading, clap `env` arguments, Go struct tags binding a field to a variable (`env:"PORT"` of go-flags, caarlos0/env and kong, `envconfig:"PORT"`), Spring @Value/@ConfigurationProperties, IOptions<> where options are bound from configuration (GetSection, Bind, configuration[…]), pydantic BaseSettings, also among several bases), or where nothing reads the environment, Go command-line flags the deployment passes as arguments (`flag.StringVar`, pflag, cobra `cmd.Flags()`, kingpin `Flag(`, urfave/cli flags); a child process handed the environment (`env={**os.environ}`) is no read or a settings library in use (catalogue `config-libraries`, dependency alone earns partial). Documented: .env.example/.sample/.template, a settings file the application loads by name (viper `SetConfigName("app")` + `SetConfigType("env")` → app.env, `godotenv.Load("…")`, `load_dotenv("…")`) listing three or more settings, a default or sample configuration file with a comment on most settings (config/defaults.hjson, config.example.toml, settings.sample.yaml), a man page ENVIRONMENT section, a docs page or sample .conf listing three or more variables, a sample compose file (docker-compose-sample.yaml) whose environment block sets three or more, Helm values.yaml, the `env:` list of a platform application manifest (NAIS Application), Spring application*.yml/properties with ${…} placeholders, Ktor application*.yaml `$NAME` / `"$NAME:default"` and HOCON application*.conf `${?NAME}`, Symfony `%env(…)%` in config/*.yml, appsettings.json, a README configuration section. Findings (high confidence only): a connection URL with a literal password to a fully qualified host in production code or config, `spring.datasource.password=` literal (an empty one, or one for an in-memory H2/HSQLDB/Derby URL, is none), `Password=` literal in appsettings(.Production).json.',
    patterns: {
      // Go command-line flags (flag, pflag, cobra's `cmd.Flags()`, kingpin, urfave/cli): settings the
      // deployment passes as arguments (a Deployment's `args:`), read from outside as the environment is.
      flagDef: {
        regex: FLAG_DEF,
        files: ['**/*.go'],
        literals: ['flag.', 'Flags()', 'Flag(', 'Flag{'],
        maxPerFile: 2,
      },
      envRead: {
        // The arguments of a clap attribute stop at the next attribute: scanning on from each of
        // many unclosed `#[arg(` to the end of the line was quadratic.
        regex:
          /process\.env\b|import\.meta\.env\b|\bDeno\.env\.(?:get|toObject)\(|\bBun\.env\b|\bos\.environ\b|\bos\.getenv\b|\bgetenv\(|\bos\.(?:Getenv|LookupEnv|Environ)\b|System(?:\.|::)getenv\b|\bSystem\.(?:get_env|fetch_env!?)\(|Environment\.GetEnvironmentVariable\(|\bEnvironment\.get\(\s*"|\bProcessInfo\.processInfo\.environment\b|\bENV(?:\[|\.fetch\b)|\benv::var|\bstd::env::var|@(?:(?:param|field|get|set):)?Value\(\s*"\\?\$\{|@ConfigurationProperties\b|\bIOptions(?:Snapshot|Monitor)?<|\bIConfiguration\b|\bclass[ \t]+\w+\((?:[\w.]+,[ \t]*)*(?:pydantic_settings\.|pydantic\.)?BaseSettings\b|\$_ENV\[|\benv\(\s*['"]|viper\.(?:Get|AutomaticEnv|Unmarshal)|envconfig\.(?:Must)?Process|cleanenv\.Read(?:Env|Config)\(|envdecode\.\w*Decode|\benv\.Parse(?:As|WithOptions)?\s*[([]|\benv\.Provider\(|\benviron\.Env\(|\bfrom[ \t]+decouple[ \t]+import\b|\bdotenvy?::dotenv|\.from_prefixed_env\(|\.from_envvar\(|require\(\s*['"]dotenv|from\s+['"]dotenv|dotenv\.config\(|load_dotenv\(|godotenv\.Load|#\[(?:clap|arg|structopt)\((?:(?!#\[(?:clap|arg|structopt)\()[^)\n])*\benv\b|(?<![\w-])env(?:config)?:"[A-Za-z_][\w]*"|\bnew\s+EnvironmentVariableSubstitutor\s*\(/,
        files: CODE,
        // Specific literals: the alternation costs ~15 ms/MiB, so it runs only where an env read is likely.
        literals: [
          'process.env',
          'meta.env',
          // Deno's `Deno.env.get("PORT")` and Bun's `Bun.env.PORT` (blind round 48: a Deno service was "no environment reads").
          'Deno.env',
          'Bun.env',
          'os.environ',
          'environ.get',
          'environ[',
          'getenv',
          'Getenv',
          'LookupEnv',
          'os.Environ',
          'GetEnvironmentVariable',
          // Swift: Vapor's `Environment.get("DATABASE_HOST")`, Foundation's ProcessInfo.
          'Environment.get',
          'processInfo.environment',
          // Elixir: System.get_env/fetch_env! in config/runtime.exs or the application.
          'System.get_env',
          'System.fetch_env',
          'ENV[',
          'ENV.fetch',
          'env::var',
          '@Value',
          // Kotlin use-site targets: `@param:Value("\${api.url}")`, `@field:Value(…)`.
          ':Value(',
          '@ConfigurationProperties',
          'IOptions',
          'IConfiguration',
          'BaseSettings',
          '$_ENV',
          "env('",
          'env("',
          'viper.',
          'envconfig.',
          // cleanenv, envdecode, caarlos0/env `env.Parse(&cfg)`, koanf's env provider, django-environ, python-decouple.
          'cleanenv.',
          'envdecode.',
          'env.Parse',
          'env.Provider',
          'environ.Env',
          'decouple',
          'dotenv',
          'from_prefixed_env',
          'from_envvar',
          ', env',
          '(env',
          // Go struct tags that bind a field to a variable: go-flags, caarlos0/env, kong `env:"PORT"`,
          // kelseyhightower/envconfig `envconfig:"PORT"` (blind round 28, goldpinger config.go:25).
          'env:"',
          'envconfig:"',
          // Dropwizard's `new SubstitutingSourceProvider(…, new EnvironmentVariableSubstitutor(…))`:
          // every `${VAR}` of the configuration YAML is read from the environment (blind round 50).
          'EnvironmentVariableSubstitutor',
        ],
        // A file's stray read (USER) may come before its loader: a few per file, the best one cited.
        maxPerFile: 3,
      },
      placeholder: {
        // A default stops at the next `${` (`${A:${B}}` is found at `${B}`): `[^}]*` ran on from
        // each of many unclosed `${A:` to the end of the file.
        regex: /\$\{[A-Za-z_][A-Za-z0-9_.-]*(?::(?:(?!\$\{)[^}])*)?\}/,
        files: ['**/application*.{yml,yaml,properties}', '**/bootstrap*.{yml,yaml,properties}'],
        literals: ['${'],
        maxPerFile: 1,
      },
      // Ktor's YAML configuration reads the environment by `$NAME` (`host: "$DB_HOST:localhost"`,
      // a default after the colon), HOCON by `${?NAME}` / `${NAME}` (application.conf): the same read
      // (blind round 23, kotlinconf-app application.yaml). The YAML form counts where Ktor is the framework.
      ktorEnv: {
        regex: /^[ \t]*[\w.-]+[ \t]*[:=][ \t]*["']?\$(\{\??)?[A-Z_][A-Z0-9_]*(?:\}|(?=[:"'\s]|$))/m,
        files: ['**/application*.{yml,yaml,conf}'],
        literals: ['$'],
        maxPerFile: 1,
      },
      // Symfony's `%env(DATABASE_URL)%` (with processors: `%env(int:PORT)%`) is the same read.
      symfonyEnv: {
        regex: /%env\((?:[\w\\-]+:)*\w+\)%/,
        files: ['**/config/**/*.{yml,yaml,xml}'],
        literals: ['%env('],
        maxPerFile: 1,
      },
      // .NET options bound from configuration (`Configure<T>(config.GetSection("Jwt"))`, `.Bind(`,
      // `BindConfiguration`, `configuration["Key"]`, `GetConnectionString`): without any, an
      // `IOptions<T>` holds what code put in it (`Configure<T>(o => o.Issuer = "issuer")`).
      netBinding: {
        regex:
          /\bGetSection\(|\.Bind\(|\bBindConfiguration\(|\bConfiguration\s*\[|\bconfiguration\s*\[|\bconfig\s*\[\s*"|\bGetConnectionString\(|\bGetValue<|\bAddEnvironmentVariables\(|Environment\.GetEnvironmentVariable\(/,
        files: ['**/*.cs'],
        literals: [
          'GetSection',
          '.Bind(',
          'BindConfiguration',
          'onfiguration',
          'config[',
          'GetConnectionString',
          'GetValue<',
          'GetEnvironmentVariable',
        ],
        maxPerFile: 1,
      },
      // A settings file the application itself loads (`viper.SetConfigName("app")` with
      // `SetConfigType("env")`, `godotenv.Load("app.env")`, `load_dotenv("settings.env")`,
      // `dotenv.config({ path: … })`): listing every setting, it documents them as .env.example does.
      loadedSettings: {
        regex:
          /\bviper\.SetConfigName\(\s*"([\w.-]+)"\s*\)|\bgodotenv\.(?:Load|Overload|Read)\(\s*"([^"\n]+)"|\bload_dotenv\(\s*(?:dotenv_path\s*=\s*)?["']([^"'\n]+)["']|\bdotenv\.config\(\s*\{\s*path:\s*["'`]([^"'`\n]+)["'`]/,
        files: ['**/*.{go,py,js,ts,mjs,cjs}'],
        literals: ['SetConfigName', 'godotenv', 'load_dotenv', 'dotenv'],
        maxPerFile: 2,
      },
      readmeSection: {
        // The title starts at a non-blank: blanks that `\s+` and `.*` could share were quadratic.
        regex: /^#{1,4}\s+(?:\S.*)?\b(configur(?:e|ation|ing)|environment variables|settings|env vars)\b/im,
        files: ['README*', 'docs/**/*.md'],
        literals: ['onfig', 'nvironment', 'ettings', 'env'],
        ignoreCase: true,
        maxPerFile: 1,
      },
      // A settings schema that documents each setting where it is declared: convict's `doc:`,
      // envalid's `desc:`, envconfig's `desc:"…"` struct tag (blind round 8, a convict schema with
      // `doc` and `env` per setting was called undocumented). Three per file, in a schema file.
      settingDoc: {
        regex: /^[ \t]*(?:doc|desc)[ \t]*:[ \t]*['"`][^'"`\n]{3}|\bdesc:"[^"\n]{3}/m,
        files: ['**/*.{ts,mts,cts,js,mjs,cjs,go}'],
        literals: ['doc', 'desc'],
        maxPerFile: 3,
      },
      settingSchema: {
        regex: /\b(?:convict|cleanEnv)\(|\benvconfig:"/,
        files: ['**/*.{ts,mts,cts,js,mjs,cjs,go}'],
        literals: ['convict', 'cleanEnv', 'envconfig:'],
        maxPerFile: 1,
      },
      // Settings documented outside a README section: a man page's ENVIRONMENT section, a docs
      // page or sample config file that lists the variables (three or more, see check()).
      manEnvironment: {
        regex: /^\.S[Hh][ \t]+"?ENVIRONMENT\b/m,
        files: ['**/*.{1,5,7,8}', '**/*.{1,5,7,8}.in', '**/*.{1,5,7,8}.md'],
        literals: ['ENVIRONMENT'],
        maxPerFile: 1,
      },
      // A table row may name the variable in a later column (`| redis.addr | REDIS_ADDR | … |`, a flag table).
      envListed: {
        regex:
          /^[ \t]*(?:\|[ \t]*`?|[*-][ \t]+`?|`|\.B[ \t]+|export[ \t]+)?([A-Z][A-Z0-9]*_[A-Z0-9_]+)(?:`?[ \t]*(?:\||:|—|–|-[ \t]|=)|`[ \t]*$|[ \t]*$)|^[ \t]*\|(?:[^|\n]*\|){1,3}[ \t]*`?([A-Z][A-Z0-9]*_[A-Z0-9_]+)`?[ \t]*\|/m,
        files: [
          'README*',
          // A contributor or agent guide's table of the settings (CLAUDE.md's `| OPERATOR_SCOPE_NAMESPACE | … |`).
          '{AGENTS,CLAUDE,CONTRIBUTING,DEVELOPMENT,HACKING}.md',
          '**/docs/**/*.{md,rst,adoc}',
          '**/doc/**/*.{md,rst,adoc}',
          '**/*{config,Config,CONFIG,configuration,environment,ENVIRONMENT,settings,SETTINGS}*.{md,rst,adoc}',
          '**/*.{conf,cfg}',
        ],
        literals: ['_'],
        maxPerFile: 3,
      },
      // Starts at "://" (a leading scheme alternation is ~8x slower); check() verifies the scheme.
      credUrl: {
        regex: /:\/\/([^:/@\s'"]+):([^@/\s'"]+)@([^:/\s'"?]+)/,
        files: [...CODE, ...CONFIG],
        literals: ['://'],
        maxPerFile: 3,
      },
      springPassword: {
        // `[ \t]*`, not `\s*`: an empty `password=` must not capture the next line's key as its value.
        regex: /^[ \t]*spring\.(?:datasource|r2dbc|rabbitmq|data\.redis)\.password[ \t]*[=:][ \t]*(\S*)/m,
        files: ['**/application*.properties'],
        literals: ['password'],
        maxPerFile: 3,
      },
      // An in-memory database (jdbc:h2:mem, jdbc:hsqldb:mem, jdbc:derby:memory) has no password worth protecting.
      springMemDb: {
        regex:
          /^[ \t]*spring\.(?:datasource|r2dbc)\.url[ \t]*[=:][ \t]*(?:jdbc|r2dbc):(?:h2:mem|hsqldb:mem|derby:memory)\b/m,
        files: ['**/application*.properties'],
        literals: [':mem'],
        maxPerFile: 1,
      },
      // A connection string written into the shipped appsettings (`"DefaultConnection": "Server=.;…"`).
      netConnString: {
        regex: /^[ \t]*"(\w+)"[ \t]*:[ \t]*"((?:Server|Data Source|Host|Addr|Address)=[^"]*)"/im,
        files: ['**/appsettings.json', '**/appsettings.Production.json'],
        literals: ['Server=', 'Data Source=', 'Host=', 'Addr'],
        ignoreCase: true,
        maxPerFile: 3,
      },
      netPassword: {
        regex: /(?:Password|Pwd)\s*=\s*([^;"']+)/i,
        files: ['**/appsettings.json', '**/appsettings.Production.json', '**/web.config'],
        literals: ['assword', 'wd='],
        ignoreCase: true,
        maxPerFile: 3,
      },
    },
    reads: [...SAMPLE_CONFIGS, ...CONFIG_SCHEMA_FILES, ...CONFIG_PAGE_DIRS],
    digests: [K8S_DIGEST, TF_DIGEST],
  },
  appliesTo: (ctx) =>
    ctx.facts.profile.id === 'service' || {
      reason: `profile is ${ctx.facts.profile.id}: runtime configuration matters for a deployable service`,
    },
  check(ctx) {
    const prod = (k: string) =>
      ctx.matches(k).filter((m) => isProductionPath(m.path) && !/\.env\.|example|sample/i.test(m.path));
    const findings: Evidence[] = [];
    const finding = (m: Match, secret: string, note: string) =>
      findings.push({ ...fromMatch(m, note), snippet: redactLine(m.snippet, secret) });
    for (const m of prod('credUrl')) {
      const [, pass_, host] = m.groups as string[];
      if (!pass_ || !host || PLACEHOLDER.test(pass_) || LOCAL_HOST.test(host) || !host.includes('.')) continue;
      if (!DB_SCHEME.test(m.snippet)) continue;
      finding(m, pass_, `hard-coded credentials for ${host}`);
    }
    const memDbFiles = new Set(ctx.matches('springMemDb').map((m) => m.path));
    for (const m of prod('springPassword').filter((p) => !memDbFiles.has(p.path))) {
      const value = (m.groups[0] ?? '').trim();
      if (!value || PLACEHOLDER.test(value) || value.length < 4) continue;
      finding(m, value, 'hard-coded database password');
    }
    // A .NET connection string's password is judged as security/no-committed-secrets judges it (connectionSecret).
    for (const m of prod('netPassword')) {
      const value = (m.groups[0] ?? '').trim();
      if (connectionSecret(m.snippet, value)) finding(m, value, 'hard-coded database password');
    }

    const netBound = ctx.matches('netBinding').some((m) => isProductionPath(m.path));
    // Tool configuration (playwright.config.ts, vite.config.js) reading env is not the service's config.
    const envReads = ctx
      .matches('envRead')
      .filter((m) => isProductionPath(m.path) && !/(^|\/)[^/]*\.config\.[cm]?[jt]s$/.test(m.path))
      // A commented-out read (`#   keyfile: System.get_env("SSL_KEY_PATH")` in a generated config) reads nothing.
      .filter((m) => !isCommentLine(m.snippet))
      // Handing the environment to a child process (`env={**os.environ, …}`) reads no setting.
      .filter((m) => !/\*\*os\.environ\b|\bos\.environ\.copy\(\)|\.\.\.process\.env\b/.test(m.snippet))
      // Setting a variable (`os.environ["X"] = "true"`, `process.env.X = …`) writes the environment, reads nothing.
      .filter((m) => !/^\s*(?:os\.environ\[[^\]]+\]|process\.env(?:\.\w+|\[[^\]]+\]))\s*=(?!=)/.test(m.snippet))
      // An `IOptions<T>` is a read only where options are bound from configuration somewhere.
      .filter((m) => !IOPTIONS.test(m.snippet) || /\bIConfiguration\b/.test(m.snippet) || netBound);
    // Spring (${DB_URL:…}) and Symfony (%env(DB_URL)%) placeholders are environment reads too, written in configuration.
    const ktor = ctx.facts.frameworks.some((f) => f.id === 'ktor');
    const ktorEnv = ctx
      .matches('ktorEnv')
      .filter((m) => (m.groups[0] ? /\.conf$/.test(m.path) : ktor && /\.ya?ml$/.test(m.path)));
    const placeholders = firstPerFile(
      [...ctx.matches('placeholder'), ...ctx.matches('symfonyEnv'), ...ktorEnv].filter((m) => isProductionPath(m.path)),
      2,
    );
    const libs = ctx.facts.findDependencies(ctx.catalogue('config-libraries'));
    const examples = [...new Set(ctx.files.match(ENV_EXAMPLES))];
    const helm = ctx.files
      .match(['**/values.yaml'])
      .filter((p) => ctx.files.exists(p.replace(/values\.yaml$/, 'Chart.yaml')));
    const listed = listedVariables(ctx.matches('envListed'));
    const docs: Evidence[] = [
      ...examples.slice(0, 2).map((p) => ({ path: p, note: 'documents the environment variables' })),
      ...helm.slice(0, 1).map((p) => ({ path: p, note: 'Helm values' })),
      // A platform application manifest lists the variables the deployment sets (NAIS `env:`),
      // with their values per environment in the files it is rendered with (.nais/dev.yaml).
      ...platformApps(ctx.files)
        .filter((a) => a.env)
        .slice(0, 1)
        .map((a) => ({
          path: a.path,
          line: a.env!.line,
          note: `${a.system} ${a.workload.kind} ${a.name} lists ${a.env!.names.length} environment variable${a.env!.names.length === 1 ? '' : 's'} the deployment sets${a.envFiles.length > 0 ? `, with per-environment values in ${listing(a.envFiles.slice(0, 3).map((f) => f.path))}` : ''}`,
        })),
      ...placeholders.map((m) => fromMatch(m, 'configuration placeholder resolved from the environment')),
      ...ctx.files
        .named('.env')
        .slice(0, 1)
        .map((p) => ({
          path: p,
          note: 'committed .env lists the settings (keep real values out of it: see security/no-committed-secrets)',
        })),
      ...ctx.files
        .match(['**/appsettings.json'])
        .filter(isProductionPath)
        .slice(0, 1)
        .map((p) => ({ path: p, note: 'appsettings.json: overridable by environment variables' })),
      // The list of variables before a configuration heading: the heading may be about configuring
      // something else (a README's "Basic Prometheus Configuration" scrape block, round 19); a heading
      // of the same file counts beside the list only when it names the environment variables.
      ...listed.slice(0, 1).map((m) => tableHeading(ctx.files, m)),
      // An example's README (docs/examples/custom-configuration/README.md) configures the example
      // (a cluster the software manages), not the service's own settings (blind round 25, cluster-operator).
      ...ctx
        .matches('readmeSection')
        .filter((m) => !isExampleFolder(m.path))
        .filter((m) => !listed.some((l) => l.path === m.path) || /environment|env vars/i.test(m.snippet))
        .slice(0, 1)
        .map((m) => fromMatch(m, 'configuration section')),
      ...ctx
        .matches('manEnvironment')
        .slice(0, 1)
        .map((m) => fromMatch(m, 'man page ENVIRONMENT section documents the variables')),
      ...loadedSettingsFiles(
        ctx,
        ctx.matches('loadedSettings').filter((m) => isProductionPath(m.path)),
      ).slice(0, 1),
      ...commentedDefaults(ctx.files).slice(0, 1),
      ...configGemSettings(ctx).slice(0, 1),
      ...composeSamples(ctx.files).slice(0, 1),
      ...commentedComposeSettings(ctx.files).slice(0, 1),
      ...schemaDocs(ctx.matches('settingSchema'), ctx.matches('settingDoc')).slice(0, 1),
      ...configJsonSchema(ctx.files).slice(0, 1),
      ...configReferencePages(ctx.files).slice(0, 1),
      ...namedInDocs(ctx.files, [...envReads, ...placeholders]).slice(0, 1),
    ];
    // Cite the settings module first (settings.py, config.ts), not the first file in path order.
    // The central loader first (Flask `from_prefixed_env`, a loop over `os.environ.items()`, pydantic
    // BaseSettings, @ConfigurationProperties, viper.AutomaticEnv), then the settings module, and a
    // shell variable read for a CLI default (USER, PYTHONSTARTUP) last (round 15, flaskbb).
    const rank = (m: Match) =>
      CONFIG_LOADER.test(m.snippet) ? 0 : STRAY_READ.test(m.snippet) ? 3 : SETTINGS_FILE.test(m.path) ? 1 : 2;
    const ranked = [...envReads].sort((a, b) => rank(a) - rank(b));
    // Shell variables are cited only when nothing else reads the environment.
    const settingsFirst = ranked.some((m) => rank(m) < 3) ? ranked.filter((m) => rank(m) < 3) : ranked;
    // .NET's IConfiguration/IOptions read the configuration providers (appsettings*.json, then
    // environment variables, then the command line): said so, not "from the environment" (round 11).
    const netRead = (m: Match) => /\bIConfiguration\b/.test(m.snippet) || IOPTIONS.test(m.snippet);
    const externalised: Evidence[] = firstPerFile(settingsFirst, 3).map((m) =>
      fromMatch(
        m,
        netRead(m)
          ? 'reads configuration through IConfiguration/IOptions (appsettings*.json, overridden by environment variables)'
          : CONFIG_LOADER.test(m.snippet)
            ? 'loads the configuration from the environment'
            : STRAY_READ.test(m.snippet)
              ? 'reads a shell variable (a default, not a setting of the service)'
              : 'reads configuration from the environment',
      ),
    );
    // Connection strings fixed in the shipped appsettings: a password there is a finding above; one
    // without (a local server, integrated security) is a default the environment must override.
    const connStrings = prod('netConnString').filter((m) => !/(?:Password|Pwd)\s*=/i.test(m.groups[1] ?? ''));
    const connNotes: Evidence[] = firstPerFile(connStrings, 2).map((m) =>
      fromMatch(
        m,
        `connection string ${m.groups[0]} hard-coded in ${basename(m.path)} (no password): production must override it (ConnectionStrings__${m.groups[0]})`,
      ),
    );
    if (externalised.length === 0 && placeholders.length)
      externalised.push(fromMatch(placeholders[0]!, 'configuration resolved from the environment'));
    // A service configured by command-line flags is configured from outside too (blind round 48, an
    // operator's `flag.StringVar` settings set by its Deployment's args).
    const flags = externalised.length === 0 ? firstPerFile(prod('flagDef'), 2) : [];
    for (const m of flags.slice(0, 2))
      externalised.push(
        fromMatch(m, "reads configuration from command-line flags (set by the deployment's arguments)"),
      );
    const libEvidence: Evidence[] = libs.slice(0, 2).map((d) => ({
      path: d.path,
      ...(d.line ? { line: d.line } : {}),
      snippet: d.name,
      note: 'configuration library',
    }));
    const hasCode = externalised.length > 0;
    const netOnly = envReads.length > 0 && envReads.every(netRead);
    const parts = [
      hasCode
        ? netOnly
          ? 'configuration read through IConfiguration/IOptions (appsettings*.json and environment variables)'
          : flags.length > 0
            ? 'command-line flags in code'
            : envReads.length === 0
              ? `environment variables read by the configuration file (${placeholders[0]!.path}:${placeholders[0]!.line})`
              : 'environment reads in code'
        : libs.length
          ? 'a configuration library (not seen in use)'
          : '',
      docs.length ? 'documented settings' : '',
    ].filter(Boolean);
    const score = (hasCode ? 0.6 : libs.length ? 0.3 : 0) + (docs.length ? 0.4 : 0);
    const seen = new Set<string>();
    const evidence = [...findings.slice(0, 10), ...externalised, ...libEvidence, ...docs, ...connNotes].filter((e) => {
      const key = `${e.path}:${e.line ?? ''}`;
      return !seen.has(key) && seen.add(key);
    });
    const data = {
      findings: findings.length,
      envReads: new Set(envReads.map((m) => m.path)).size,
      libraries: [...new Set(libs.map((d) => d.name))].sort(),
      documented: docs.length > 0,
    };
    if (findings.length) {
      const first = findings[0]!;
      const msg = `${findings.length} hard-coded host credential(s) or password(s) in production code or config (first: ${first.note} at ${first.path}:${first.line})`;
      if (score === 0) return fail(`${msg}; no configuration from the environment.`, evidence, data);
      return partial(Math.min(score, 1) * 0.5, `${msg}, although ${listing(parts)} exist.`, evidence, data);
    }
    // The message names the first connection-string note's finding as the evidence does.
    const fixed = connNotes.length ? ` ${connNotes[0]!.path}:${connNotes[0]!.line}: ${connNotes[0]!.note}.` : '';
    if (score >= 1)
      return pass(
        `Configuration comes from ${flags.length ? 'command-line arguments' : 'the environment'} and is documented (${listing(parts)}).${fixed}`,
        evidence,
        data,
      );
    if (score === 0)
      return fail(
        'No sign that configuration comes from the environment.',
        [
          {
            path: '.',
            note: `no environment reads in ${ctx.searched('envRead')} source files, no configuration library, no .env.example`,
          },
        ],
        data,
      );
    const missing = [
      hasCode ? '' : 'no environment reads in code',
      docs.length ? '' : 'no .env.example, commented default configuration or other documentation of the settings',
    ].filter(Boolean);
    return partial(score, `Found ${listing(parts)}; ${listing(missing)}.${fixed}`, evidence, data);
  },
});

/** Files that list three or more distinct UPPER_SNAKE settings, one per line: their first line. */
/**
 * A list of variables in a Markdown table is cited at the section heading right over the table
 * (`### Command line flags` over `| Name | Environment Variable Name |`, round 19), else at its row.
 */
function tableHeading(files: FileView, m: Match): Evidence {
  const note = 'documents the environment variables (a list of settings)';
  if (!m.snippet.startsWith('|')) return fromMatch(m, note);
  // The file's line index, not a split of the whole file per match.
  const text = files.lines(m.path);
  if (!text) return fromMatch(m, note);
  const line = (k: number) => text.bare(k + 1);
  let i = m.line - 1;
  while (
    i > 0 &&
    line(i - 1)
      .trimStart()
      .startsWith('|')
  )
    i--;
  let h = i - 1;
  while (h >= 0 && line(h).trim() === '') h--;
  const heading = h >= 0 && h >= i - 3 ? /^#{2,6}[ \t]+\S.*/.exec(line(h)) : null;
  return heading
    ? {
        path: m.path,
        line: h + 1,
        snippet: heading[0].trim(),
        note: 'documents the environment variables (a table of settings under this heading)',
      }
    : fromMatch(m, note);
}

function listedVariables(matches: Match[]): Match[] {
  const byFile = new Map<string, Match[]>();
  for (const m of matches) byFile.set(m.path, [...(byFile.get(m.path) ?? []), m]);
  return [...byFile.values()]
    .filter((ms) => new Set(ms.map((m) => m.groups[0] ?? m.groups[1])).size >= 3)
    .map((ms) => ms[0]!);
}

/**
 * A default or sample configuration file with a comment on most settings (lemmy's
 * config/defaults.hjson, a config.example.toml): the settings are documented where they are set.
 */
function commentedDefaults(files: FileView): Evidence[] {
  const out: Evidence[] = [];
  // The application's own defaults file (config/config.yml, config/settings.yml) whose header says
  // it holds the defaults and where to override them (`create local.yml … copy any sections you
  // want to change`): the same documentation as a config.example (round 13).
  const named = files
    .match(DEFAULTS_FILES)
    .filter((p) => DEFAULTS_HEADER.test((files.read(p) ?? '').split('\n', 12).join('\n')));
  for (const path of [...new Set([...files.match(SAMPLE_CONFIGS), ...named])]) {
    if (isTestPath(path) || !CONFIG_NAMED.test(path)) continue;
    const d = documentedKeys(files.read(path) ?? '');
    if (d.documented < MIN_DOCUMENTED || d.documented * 4 < d.keys) continue;
    out.push({
      path,
      ...(d.first ? { line: d.first } : {}),
      note: `commented default configuration: ${d.documented} of ${d.keys} settings documented`,
    });
  }
  return out;
}

/**
 * The Ruby `config` gem's settings (blind round 39, sdr-api: config/settings.yml with
 * config/settings/*.yml per environment was "no documentation of the settings"): config/settings.yml
 * lists every setting with its default, config/settings/<environment>.yml and settings.local.yml
 * override them, and with `use_env` so do `SETTINGS__…` environment variables — the gem's
 * documented layout, read as Helm's values.yaml is. Only where the gem is declared: a
 * config/settings.yml alone is any YAML.
 */
function configGemSettings(ctx: RuleContext): Evidence[] {
  if (ctx.facts.findDependencies(['bundler:config']).length === 0) return [];
  const out: Evidence[] = [];
  for (const path of ctx.files.match(['**/config/settings.yml', '**/config/settings.yaml'])) {
    if (isTestPath(path)) continue;
    const text = (ctx.files.read(path) ?? '').slice(0, 200_000);
    let keys = 0;
    for (const l of text.split('\n', 5000)) if (!COMMENT_LINE.test(l) && KEY_LINE.test(l)) keys++;
    if (keys < MIN_DOCUMENTED) continue;
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    const perEnv = ctx.files
      .match([`${dir}settings/*.yml`, `${dir}settings/*.yaml`])
      .map((p) => basename(p))
      .sort();
    const initializer = ctx.files.match([`${dir}initializers/config.rb`])[0];
    const useEnv = initializer ? /^[ \t]*config\.use_env\s*=\s*true\b/m.test(ctx.files.read(initializer) ?? '') : false;
    out.push({
      path,
      note: `settings of the config gem: ${keys} settings with their defaults${perEnv.length > 0 ? `, overridden per environment in ${dir}settings/ (${listing(perEnv.slice(0, 4))})` : ''}${useEnv ? ` and by environment variables (use_env in ${initializer})` : ''}`,
    });
  }
  return out;
}

/**
 * A documentation page of the configuration: a page under docs/, doc/ or man/ (Markdown,
 * reStructuredText, AsciiDoc; a man page written in Markdown, `tool-configuration.5.md`) named for the
 * configuration, settings or options, that names three or more settings, each where it is described: a
 * heading, a table row, a list item or a line of its own opening with the setting as code
 * (`` `:base_path` ``, `` ### `server.port` ``, `` | `PORT` | … ``). Blind round 48: every key of a
 * YAML configuration file documented in docs/…-configuration.5.md was "no documentation of the settings".
 * At most 20 pages and 2,000 lines each are read.
 */
const CONFIG_PAGE_NAME = /(?:^|[-_.])(?:configuration|configuring|config|settings|options)(?:[-_.]|$)/i;
const SETTING_LINE = /^[ \t]*(?:#{1,6}[ \t]+|\|[ \t]*|[*-][ \t]+)?`(:?[A-Za-z][\w.:-]{1,60})`/;

function configReferencePages(files: FileView): Evidence[] {
  const out: Evidence[] = [];
  const pages = files
    .match(CONFIG_PAGE_DIRS)
    .filter((p) => CONFIG_PAGE_NAME.test(basename(p).replace(/\.(?:md|rst|adoc)$/i, '')) && !isTestPath(p))
    .filter((p) => !/(^|\/)_?(?:examples?|samples?|demos?)\//i.test(p))
    .slice(0, 20);
  for (const path of pages) {
    const names = new Set<string>();
    let first = 0;
    const lines = (files.read(path) ?? '').split('\n', 2000);
    lines.forEach((l, i) => {
      const m = SETTING_LINE.exec(l);
      if (!m) return;
      if (names.size === 0) first = i + 1;
      names.add(m[1]!);
    });
    if (names.size < MIN_DOCUMENTED) continue;
    out.push({
      path,
      line: first,
      note: `configuration reference page: describes ${names.size} settings (${listing([...names].slice(0, 3).map((n) => `\`${n}\``))}${names.size > 3 ? ', …' : ''})`,
    });
  }
  return out;
}

/**
 * A JSON Schema of the configuration that describes its settings (blind round 45: a
 * .config-schema.json giving each of 119 settings a description, a default and its environment
 * variable): three or more `description`s under `properties`, in a schema file named for the
 * configuration, outside tests. Counted, not parsed: at most 500 KB read.
 */
function configJsonSchema(files: FileView): Evidence[] {
  const out: Evidence[] = [];
  for (const path of files.match(CONFIG_SCHEMA_FILES).slice(0, 20)) {
    if (!isProductionPath(path)) continue;
    const text = (files.read(path) ?? '').slice(0, 500_000);
    if (!/["']?\$schema["']?\s*:|["']?properties["']?\s*:/.test(text)) continue;
    const described = (text.match(/["']?description["']?\s*:\s*["']?[^\s"'][^\n]{2}/g) ?? []).length;
    if (described < 3) continue;
    const env = (text.match(/["']?x-env(?:-var(?:iable)?)?["']?\s*:\s*["']?[A-Z]/g) ?? []).length;
    out.push({
      path,
      note: `a JSON Schema of the configuration describes its settings (${described} descriptions${env ? `, ${env} naming their environment variable` : ''})`,
    });
  }
  return out;
}

/** Settings schemas (convict, envalid, envconfig) that document three or more settings in place. */
function schemaDocs(schemas: readonly Match[], docs: readonly Match[]): Evidence[] {
  const inSchema = new Set(schemas.filter((m) => isProductionPath(m.path)).map((m) => m.path));
  const byFile = new Map<string, Match[]>();
  for (const m of docs) if (inSchema.has(m.path)) byFile.set(m.path, [...(byFile.get(m.path) ?? []), m]);
  return [...byFile.values()]
    .filter((ms) => ms.length >= 3)
    .map((ms) => fromMatch(ms[0]!, 'a settings schema documents each setting where it is declared (doc/desc)'));
}

/** Compose files named as a sample or template for operators (docker-compose-sample.yaml, compose.example.yml). */
const COMPOSE_SAMPLES = [
  '**/*compose*{sample,example,template}*.{yml,yaml}',
  '**/*{sample,example,template}*compose*.{yml,yaml}',
];

/**
 * A sample compose file whose `environment:` block sets three or more variables: the settings a
 * deployment needs, documented where an operator copies them from (round 12: bugsink's
 * docker-compose-sample.yaml, a comment on each variable).
 */
function composeSamples(files: FileView): Evidence[] {
  const out: Evidence[] = [];
  for (const path of files.match(COMPOSE_SAMPLES)) {
    if (isTestPath(path)) continue;
    const lines = (files.read(path) ?? '').split(/\r?\n/);
    let best: { line: number; vars: number; commented: number } | undefined;
    for (let i = 0; i < lines.length; i++) {
      const block = /^(\s*)environment:\s*$/.exec(lines[i]!);
      if (!block) continue;
      const indent = block[1]!.length;
      let vars = 0;
      let commented = 0;
      for (let j = i + 1; j < lines.length; j++) {
        const l = lines[j]!;
        if (!l.trim() || /^\s*#/.test(l)) continue;
        if (l.length - l.trimStart().length <= indent) break;
        if (/^\s*(?:-\s*)?[A-Z][A-Z0-9_]*\s*[:=]/.test(l)) vars++, (commented += /\s#\s/.test(l) ? 1 : 0);
      }
      if (vars >= MIN_DOCUMENTED && (!best || vars > best.vars)) best = { line: i + 1, vars, commented };
    }
    // The block with the most variables: the service's own, not its database's.
    if (best)
      out.push({
        path,
        line: best.line,
        note: `sample compose file sets ${best.vars} environment variables${best.commented ? ` (${best.commented} with a comment)` : ''}: the settings a deployment needs`,
      });
  }
  return out;
}

/** `# - ACTUAL_PORT=5006`, `#   LOG_LEVEL: debug`: a variable left commented out for the operator to set. */
const COMMENTED_VAR = /^\s*#\s*(?:-\s*)?["']?[A-Z][A-Z0-9_]*["']?\s*[:=]/;

/**
 * A compose file whose `environment:` block lists three or more settings commented out (`# -
 * ACTUAL_PORT=5006` under "Uncomment any of the lines below to set configuration options"): the
 * optional settings, documented where an operator turns them on (round 22, actual-server's
 * docker-compose.yml:8-17). Variables set uncommented in an ordinary compose file document nothing.
 */
function commentedComposeSettings(files: FileView): Evidence[] {
  const out: Evidence[] = [];
  for (const path of files.match(COMPOSE_GLOBS)) {
    if (isTestPath(path)) continue;
    const lines = (files.read(path) ?? '').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const block = /^(\s*)environment:\s*$/.exec(lines[i]!);
      if (!block) continue;
      const indent = block[1]!.length;
      let commented = 0;
      for (let j = i + 1; j < lines.length; j++) {
        const l = lines[j]!;
        if (!l.trim()) continue;
        if (l.length - l.trimStart().length <= indent) break;
        if (COMMENTED_VAR.test(l)) commented++;
      }
      if (commented >= MIN_DOCUMENTED) {
        out.push({
          path,
          line: i + 1,
          note: `compose file lists ${commented} optional settings commented out in its environment block: documented where an operator sets them`,
        });
        break;
      }
    }
  }
  return out;
}

/**
 * Settings files the application loads by name (a viper config name, a dotenv path) that list
 * three or more settings: the file the code reads documents every setting it takes (round 14,
 * viper loading app.env). The file is looked up by name: `app` with viper's SetConfigType (or any
 * of the types viper reads), a dotenv path by its last segment.
 */
function loadedSettingsFiles(ctx: RuleContext, loads: Match[]): Evidence[] {
  const out: Evidence[] = [];
  for (const m of loads) {
    const [viperName, ...paths] = m.groups as (string | undefined)[];
    let names: string[];
    if (viperName) {
      const type = /\bviper\.SetConfigType\(\s*"(\w+)"/.exec(ctx.files.read(m.path) ?? '')?.[1];
      names = (type ? [type] : ['env', 'yaml', 'yml', 'json', 'toml']).map((t) => `${viperName}.${t}`);
    } else {
      const path = paths.find(Boolean);
      if (!path) continue;
      names = [path.split('/').pop()!];
    }
    for (const name of names) {
      for (const file of ctx.files.named(name)) {
        const text = ctx.files.read(file) ?? '';
        const keys = text.split(/\r?\n/).filter((l) => KEY_LINE.test(l) && !COMMENT_LINE.test(l)).length;
        if (keys < MIN_DOCUMENTED) continue;
        out.push({
          path: file,
          line: 1,
          note: `settings file the application loads (${m.path}:${m.line}) lists ${keys} settings`,
        });
        return out;
      }
    }
  }
  return out;
}

/** A setting name the code reads, in the form an operator sets it (`ENABLE_HTML_ENDPOINT`). */
const READ_NAME =
  /["'`]([A-Z][A-Z0-9_]{3,60})["'`]|\benv\.([A-Z][A-Z0-9_]{3,60})\b|\$\{([A-Za-z][\w.-]{2,100}?)(?::[^}\r\n]{0,200})?\}/g;
/** A named read in code: `env("X")`, `env.list('X')`, `getenv("X")`, `environ.get("X")`, `environ["X"]`, `process.env.X`. */
const FILE_READ =
  /\b(?:env(?:\.\w{1,20})?|getenv|environ\.get|config)\(\s*["']([A-Z][A-Z0-9_]{3,60})["']|\benviron\[\s*["']([A-Z][A-Z0-9_]{3,60})["']|\bprocess\.env\.([A-Z][A-Z0-9_]{3,60})\b/g;
/** An upper-case word of a document that may name a variable (`DEV_MODE`, `SPRING_CLOUD_GCP_PUBSUB_PROJECT-ID`). */
const DOC_NAME = /[A-Z][A-Z0-9_.-]{3,100}/g;
/** The environment form of a name: Spring's relaxed binding maps `spring.cloud.project-id` to `SPRING_CLOUD_PROJECT_ID`. */
const envForm = (name: string) => name.toUpperCase().replace(/[.-]/g, '_');

/**
 * The environment variables the code reads (getenv("X"), process.env.X, a Spring `${a.b-c}` key in
 * its environment form) that the README or docs name: two or more are settings documented in
 * prose, where an operator reads them (blind round 44: "set WORKER_GROUP_SIZE … as environment
 * variables", "use the environment variable ENABLE_HTML_ENDPOINT=true" were "no documentation of
 * the settings"). Cited at the first line that names one. Bounded: 40 reads, 20 documents of at
 * most 200,000 characters.
 */
function namedInDocs(files: FileView, reads: Match[]): Evidence[] {
  const wanted = new Set<string>();
  for (const m of reads.slice(0, 40))
    for (const g of m.snippet.slice(0, 400).matchAll(READ_NAME)) {
      const name = envForm(g[1] ?? g[2] ?? g[3] ?? '');
      if (name.length >= 4) wanted.add(name);
    }
  // The other reads of the files that read the environment (a settings module's `env("SECRET_KEY")`,
  // `env.list("ALLOWED_HOSTS")`, `os.getenv("X")` past the first match of the file): at most 10
  // files of 200,000 characters (blind round 48, django-environ settings).
  for (const path of [...new Set(reads.map((m) => m.path))].slice(0, 10))
    for (const g of (files.read(path) ?? '').slice(0, 200_000).matchAll(FILE_READ)) wanted.add((g[1] ?? g[2] ?? g[3])!);
  // Spring Boot binds every key of its application*.yml/properties from the environment form of
  // its name (relaxed binding): those keys are settings an operator sets as variables too.
  for (const name of springKeys(files)) wanted.add(name);
  if (wanted.size < 2) return [];
  // The root README, then contributing and setup guides anywhere in the repository (a guide the
  // project's site serves: …/guides/contributing/site.md, blind round 48), then docs/ and other READMEs.
  const docs = [
    ...new Set(
      files.match([
        'README*',
        '{CONTRIBUTING,DEVELOPMENT,HACKING,SETUP,INSTALL,DEPLOYMENT,DEPLOY}*.{md,rst,adoc}',
        '**/{contributing,Contributing}/**/*.{md,rst,adoc}',
        '**/{CONTRIBUTING,DEVELOPMENT,HACKING,SETUP,INSTALL,DEPLOYMENT,DEPLOY}*.{md,rst,adoc}',
        'docs/**/*.{md,rst,adoc}',
        '**/README*',
      ]),
    ),
  ]
    .filter((p) => /\.(?:md|markdown|rst|adoc|txt)$|README$/i.test(p) && !isExampleFolder(p) && !isTestPath(p))
    .slice(0, 30);
  for (const path of docs) {
    const lines = (files.read(path) ?? '').slice(0, 200_000).split('\n');
    const found = new Set<string>();
    let first = 0;
    lines.forEach((line, i) => {
      for (const t of line.matchAll(DOC_NAME)) {
        const name = envForm(t[0].replace(/[.-]+$/, ''));
        if (wanted.has(name) && !found.has(name)) {
          found.add(name);
          if (!first) first = i + 1;
        }
      }
    });
    if (found.size >= 2)
      return [
        {
          path,
          line: first,
          note: `names ${found.size} settings the service reads from the environment (${[...found].slice(0, 4).join(', ')}${found.size > 4 ? ', …' : ''})`,
        },
      ];
  }
  return [];
}

/** Spring Boot configuration files of the application (src/main/resources/application*.yml|properties). */
const SPRING_CONFIG = ['**/src/main/resources/application*.{yml,yaml,properties}'];

/**
 * The keys of Spring Boot's configuration files, flattened (`spring:` › `cloud:` › `project-id:`
 * → `SPRING_CLOUD_PROJECT_ID`), in their environment form. YAML nesting is read by indentation,
 * lists and values left aside. Bounded: 5 files, 2,000 lines each, 500 keys.
 */
function springKeys(files: FileView): Set<string> {
  const out = new Set<string>();
  for (const path of files.match(SPRING_CONFIG).filter(isProductionPath).slice(0, 5)) {
    const lines = (files.read(path) ?? '').split('\n').slice(0, 2000);
    const stack: { indent: number; key: string }[] = [];
    for (const line of lines) {
      if (out.size >= 500) return out;
      if (path.endsWith('.properties')) {
        const m = /^[ \t]*([A-Za-z][\w.-]{0,150})[ \t]*[=:]/.exec(line);
        const key = m?.[1];
        if (key?.includes('.')) out.add(envForm(key));
        continue;
      }
      const m = /^( *)([A-Za-z][\w.-]{0,80})[ \t]*:(?:[ \t]|$)/.exec(line);
      if (!m) continue;
      const indent = m[1]!.length;
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      if (stack.length >= 8) continue;
      stack.push({ indent, key: m[2]! });
      // One word alone (`server`, `docker`) is too common a word of prose to stand for a setting.
      if (stack.length >= 2) out.add(envForm(stack.map((x) => x.key).join('.')));
    }
  }
  return out;
}
