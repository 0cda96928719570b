/**
 * The contract every stage shares: the rule contract (DESIGN §3), facts, artefacts and the
 * read-only view of files. This module imports nothing, so any folder may depend on it and it
 * depends on none (rules → src, never the reverse).
 */

export const PILLAR_IDS = [
  'architecture',
  'quality',
  'observability',
  'security',
  'reliability',
  'operations',
] as const;
export type PillarId = (typeof PILLAR_IDS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EFFORTS = ['low', 'medium', 'high'] as const;
export type Effort = (typeof EFFORTS)[number];

export const OUTCOMES = ['pass', 'partial', 'fail', 'not-applicable', 'unknown', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Evidence {
  path: string;
  line?: number;
  endLine?: number;
  snippet?: string;
  note?: string;
}

/** A content pattern a rule needs; the scanner runs it in its single pass over the tree. */
export interface PatternSpec {
  regex: RegExp;
  /** Globs (repo-relative, picomatch syntax) of the files this pattern can match in. */
  files: string[];
  /**
   * Cheap pre-filter: the regex only runs on a file that contains at least one of these
   * substrings (case-sensitive unless `ignoreCase`). Keeps the scan near the read floor.
   */
  literals?: string[];
  ignoreCase?: boolean;
  /** With `ignoreCase`: only the literals are matched case-blind; the regex keeps its own flags. */
  keepCase?: boolean;
  /** Stop recording after this many matches per file (default 50). */
  maxPerFile?: number;
  /**
   * A pattern nobody checked for catastrophic backtracking (a custom rule's, from configuration):
   * the scan runs it under a hard time limit that interrupts it.
   */
  guarded?: boolean;
  /**
   * The pattern reads comments on purpose (a secret in a comment is still committed; a Sorbet
   * `# typed:` sigil is a comment). Without it, a match that starts inside a comment of a source
   * file is not recorded: commented-out code is not code.
   */
  comments?: boolean;
  /**
   * The pattern reads generated files too (facts.generated). Without it, a match in a file whose
   * first lines say a tool generated it is not handed to the rule: generated code is evidence of
   * the generator, not of the project's practice. A committed secret is committed either way.
   */
  generated?: boolean;
}

export interface Match {
  path: string;
  line: number;
  /** The matching line, trimmed and shortened. */
  snippet: string;
  /** Capture groups of the match (index 1…). */
  groups: (string | undefined)[];
}

export interface RuleMeta {
  /** kebab-case, equal to the file name. */
  id: string;
  title: string;
  failureTitle: string;
  description: string;
  remediation: string;
  severity: Severity;
  effort: Effort;
  /** How the rule detects, for `readiness explain`: files, libraries, patterns in prose. */
  detection?: string;
  patterns?: Record<string, PatternSpec>;
  /**
   * Globs of files the rule parses whole (workflows, Dockerfiles, manifests). The scanner keeps
   * the text of these when it reads them so that nothing is read twice.
   */
  reads?: string[];
  /**
   * Per-file summaries computed while the scanner holds a file's text (see Digest), read back with
   * `ctx.files.digest(path, d)`: for many files whose text the rule needs only once.
   */
  digests?: Digest<unknown>[];
  /**
   * 'repository': the practice belongs to the repository as a whole (its CI, security policy,
   * dependency bot, release process). With --packages, every package inherits the repository's
   * result, marked as inherited, instead of being judged alone.
   */
  scope?: 'repository';
  /**
   * The options the rule takes (`rules: {<pillar>/<id>: {options: …}}` in the config): a schema
   * that validates them, a strict zod object in the built-in rules. A wrong type or an unknown key
   * is a usage error naming the key, and the rule receives the parsed value (defaults filled in).
   * A rule without it takes no options. `readiness explain` prints them.
   */
  options?: OptionsSchema;
}

/**
 * What the engine needs of an options schema: zod's `safeParse` shape, typed structurally so that
 * this module imports nothing (any library with the same method fits).
 */
export interface OptionsSchema {
  safeParse(value: unknown): OptionsParse;
}

export type OptionsParse =
  | { success: true; data: unknown }
  | { success: false; error: { issues: readonly OptionsIssue[] } };

export interface OptionsIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  /** zod's `unrecognized_keys` issue lists the keys. */
  keys?: readonly string[];
}

/** The dates of the newest git tag and of the audited commit (Facts.tagRecency). */
export interface TagRecency {
  /** The newest tag's name. */
  tag: string;
  /** Its creation date (the tagger's, or the commit's for a lightweight tag). */
  tagDate: string;
  /** The audited commit's committer date. */
  headDate: string;
}

export interface NotApplicable {
  reason: string;
}

export interface RuleResult {
  outcome: 'pass' | 'partial' | 'fail' | 'unknown';
  /** Required for partial (0 < score < 1); implied for the others. */
  score?: number;
  message: string;
  evidence: Evidence[];
  data?: Record<string, unknown>;
}

export interface RuleContext {
  /** The repository's files, read-only: listing, globs, memoised reads and parses, digests. */
  files: FileView;
  facts: Facts;
  /** Matches of one of this rule's declared patterns, sorted by path then line. */
  matches(patternKey: string): Match[];
  /** How many readable files the pattern was run against (for "searched N files" evidence). */
  searched(patternKey: string): number;
  /** Options for this rule from the config (`rules: {<id>: {options: …}}`). */
  options: Record<string, unknown>;
  /** Detection catalogues, merged with the config's `detect:` extensions. */
  catalogue(name: string): string[];
  /** Coverage and test-result files given with `--coverage`/`--junit`, parsed; absent without them. */
  artifacts?: Artifacts;
}

export interface Rule {
  meta: RuleMeta;
  appliesTo?: (ctx: RuleContext) => true | NotApplicable;
  check: (ctx: RuleContext) => RuleResult;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A pillar's table: rules with their weights (weights live here, not in the rules). */
export interface PillarDefinition {
  id: PillarId;
  title: string;
  description: string;
  rules: { rule: Rule; weight: number }[];
}

// ── Facts ────────────────────────────────────────────────────────────────────────────────────

export const ECOSYSTEMS = [
  'npm',
  'pip',
  'go',
  'maven',
  'gradle',
  'nuget',
  'cargo',
  'composer',
  'bundler',
  'hex',
  'swift',
] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export const PROFILES = ['service', 'library', 'cli', 'infrastructure', 'docs'] as const;
export type ProfileId = (typeof PROFILES)[number];

/** What a manifest, a compiled requirements file or a lockfile says about one package. */
export interface DeclaredDependency {
  ecosystem: Ecosystem;
  /** npm/pip/cargo/gem/nuget package name; Go module path; Maven/Gradle `group:artifact`. */
  name: string;
  version?: string;
  /** The manifest that declares it. */
  path: string;
  line?: number;
  /** Development, test or build-only dependency (or declared by an example, docs or test project). */
  dev: boolean;
  /** Set by a parser that knows the entry is not the project's own choice (see Dependency.direct). */
  direct?: boolean;
  /** Why it is not direct, as the file says it (`via celery-redbeat`, `// indirect`, `version pin`). */
  via?: string;
  /**
   * A resolved pin of a package declared elsewhere (a pip-compile output line `# via -r
   * requirements.in`): direct, but the declaration is the better evidence.
   */
  pin?: boolean;
  /**
   * Declared in a Bundler group marked `optional: true`: installed only when asked for, so it is
   * the project's only where its code uses it (`use` is then asked of Ruby requires and constants).
   */
  optional?: boolean;
}

/**
 * Where the project's code imports a package: `production` code, only tests/examples/docs
 * (`non-production`), or nowhere (`none`). Absent where imports cannot tell: JVM starters act by
 * being on the classpath, Bundler.require and Composer autoload load what is declared, NuGet
 * packages add extension methods to other namespaces — and for packages no catalogue names.
 */
export type DependencyUse = 'production' | 'non-production' | 'none';

export interface Dependency extends DeclaredDependency {
  /**
   * The project chose it: declared in a manifest (package.json, pyproject, requirements.in, go.mod
   * without `// indirect`, a csproj PackageReference…). False for what another package pulls in
   * (pip-compile `# via other`, go.mod `// indirect`) and for version pins that declare nothing
   * (Maven dependencyManagement, Directory.Packages.props PackageVersion, version catalogues).
   */
  direct: boolean;
  use?: DependencyUse;
  /** The first import that decided `use` (a production one when there is one). */
  usedAt?: { path: string; line: number; snippet?: string };
}

/** Which dependencies findDependencies returns besides direct, production, used ones. */
export interface DependencyQuery {
  includeDev?: boolean;
  /** Packages another package pulls in, and version pins. */
  includeTransitive?: boolean;
  /** Declared packages no production code imports. */
  includeUnused?: boolean;
}

export interface Manifest {
  ecosystem: Ecosystem;
  path: string;
  /** Parsed without error. */
  ok: boolean;
  error?: string;
  /** Package name where the manifest states one. */
  name?: string;
}

export interface Framework {
  /** Stable id, e.g. `express`, `fastapi`, `spring-boot`, `aspnetcore`, `gin`. */
  id: string;
  name: string;
  ecosystem: Ecosystem;
  evidence: Evidence;
}

export interface Workspace {
  path: string;
  ecosystem: Ecosystem;
  name?: string;
}

export interface Profile {
  id: ProfileId;
  reasons: string[];
  /** False when the profile came from --profile or the config. */
  detected: boolean;
}

// ── Command graph ────────────────────────────────────────────────────────────────────────────

/**
 * `coverage`: coverage is measured or uploaded (`go test -cover`, `pytest --cov`, codecov);
 * `coverage-gate`: a floor fails the run when coverage drops (`--cov-fail-under=90`, `nyc check-coverage`);
 * `release`: a release is cut or published (chart-releaser, semantic-release, goreleaser release, `gh release create`).
 */
export const TOOL_KINDS = [
  'test',
  'lint',
  'format',
  'typecheck',
  'scan',
  'deploy',
  'build',
  'coverage',
  'coverage-gate',
  'release',
] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

/** A tool a command runs: `pytest` (test), `biome ci` (lint and format), `mvn verify` (build and test). */
export interface CommandTool {
  name: string;
  kinds: ToolKind[];
  /**
   * Set when no line names the tool and a convention implies it: a CI system's default script, a
   * marketplace action, a build tool's lifecycle (`mvn verify` runs the tests; `gradle check` the
   * plugins applied). Says which convention.
   */
  implied?: string;
  /** A coverage floor (percent) the command enforces, when it names one (`--cov-fail-under=90`). */
  threshold?: number;
  /**
   * `write`: a formatter run that rewrites (or prints) the code instead of failing on unformatted
   * code (`prettier --write`, `black .`, Spotless `apply`): it formats, but checks nothing.
   */
  mode?: 'write';
}

/** One hop of the chain that reaches a command: the line that runs the next step. */
export interface CommandHop {
  path: string;
  line: number;
  /** The text at that line (a shell line, an action reference, a task name). */
  text: string;
  /** What was followed from here: `npm script test`, `make lint`, `tox env lint`, `composite action`. */
  via?: string;
}

/** A command that CI (or a hook) really executes, found by following scripts and targets from CI. */
export interface CommandRun {
  /** The simple command with its start-up wrappers removed (`npx`, `poetry run`, `FOO=1`). */
  argv: string[];
  tools: CommandTool[];
  origin: {
    kind: 'ci' | 'hook';
    /** CI system (`github-actions`, …) or hook manager (`pre-commit`, `husky`, `lefthook`, …). */
    system: string;
    path: string;
    job?: string;
  };
  /** From the CI step (or hook) to the line that runs the command; the last hop is where it is written. */
  chain: CommandHop[];
  /**
   * Why a failure of this command does not fail the pipeline (`continue-on-error: true`,
   * GitLab `allow_failure: true`, `|| true`): it still runs, but only advises.
   */
  advisory?: string;
}

/**
 * The command graph (DESIGN §2): what each CI job and each commit hook really executes, followed
 * through package scripts, make/just/task targets, shell scripts, tox/nox, pre-commit, composite
 * actions and build-tool conventions, down to the tools.
 */
export interface CommandGraph {
  runs: CommandRun[];
  /** Steps that could not be followed (a missing script or target, a remote template), and why. */
  unresolved: {
    chain: CommandHop[];
    reason: string;
    /** A reusable workflow of another repository (`org/repo/.github/workflows/x.yml@ref`) and the job that calls it. */
    remote?: { ref: string; job?: string };
  }[];
  /**
   * Config files that commands pass to a test runner (`jest --config config/jest.unit.cjs`,
   * `pytest -c ci/pytest.ini`), in package scripts or in what CI runs: the runner reads these.
   */
  runnerConfigs: { runner: string; path: string }[];
  /**
   * The bound that stopped the walk (`30,000 steps`) when CI and its scripts held more than the
   * audit follows: what lies beyond was not read, and the report says so.
   */
  spent?: string;
}

/** What a reverse proxy configured in the repository enforces in front of the app (facts/proxy.ts). */
export interface ProxyFacts {
  rateLimits: Evidence[];
  headers: Evidence[];
  hsts: Evidence[];
  httpsRedirect: Evidence[];
}

/** Whether production code calls other services (see facts/outbound.ts). */
/** A listener that serves only operational routes (facts/inbound.ts). */
export interface OpsOnlyHttp {
  /** The operational routes the listener serves, with file:line. */
  routes: Evidence[];
  /** Why the inbound-request rules do not apply, naming those routes. */
  reason: string;
}

export interface OutboundCalls {
  found: boolean;
  /** A few call sites (one per file) and imports of client libraries. */
  sites: Evidence[];
  /** Production files with a client call. */
  files: number;
  /** Client libraries (catalogue `http-clients`) that production code imports. */
  clients: string[];
  /** Files the call patterns ran on. */
  searched: number;
}

export interface Facts {
  /** What CI and commit hooks execute, down to the tools (computed once, before the scan). */
  commands: CommandGraph;
  languages: { name: string; files: number }[];
  /** Files counted as source code (languages with code, not data or docs). */
  sourceFiles: string[];
  manifests: Manifest[];
  dependencies: Dependency[];
  frameworks: Framework[];
  workspaces: Workspace[];
  profile: Profile;
  /**
   * A reusable infrastructure package — a Terraform module, a repository of Helm charts — that its
   * callers deploy (facts/infra-package.ts): deployment rules do not judge it as a deployment.
   */
  reusable?: { kind: 'terraform-module' | 'helm-charts' | 'ansible-content'; reason: string; evidence: Evidence[] };
  /** Calls to other services from production code: what retries, timeouts and breakers protect. */
  outbound: OutboundCalls;
  /**
   * What runs the application and whether it drains in-flight work on SIGTERM by default
   * (gunicorn, uvicorn, Puma, the ASP.NET Core host, actix-web, Spring Boot 3.4+; facts/app-servers.ts).
   */
  appServers: {
    id: string;
    name: string;
    /** Drains in-flight work on SIGTERM without any code or setting. */
    drains: boolean;
    /** What it does by default, for messages. */
    behaviour: string;
    evidence: Evidence;
    /** Would drain, but a start script runs it without `exec` (SIGTERM stops at the shell). */
    shellWrapped?: boolean;
  }[];
  /**
   * The host runtime the project is a module of (a Caddy module), with what the host does for it
   * by default: its logging and its shutdown (facts/host-runtime.ts).
   */
  hostRuntimes?: HostRuntime[];
  /** Images built without a Dockerfile: Jib, ko, buildpacks, Nixpacks, .NET SDK, a PaaS (facts/image-builders.ts). */
  imageBuilders: { tool: string; kind: 'builder' | 'platform'; evidence: Evidence }[];
  /** Where production code starts a server (net/http, Node http, uvicorn, Kestrel, gRPC…). */
  servers: Evidence[];
  /**
   * Set when that server serves only operational routes (/metrics, health probes, pprof): a
   * controller's or an agent's listener, not a request-serving API (facts/inbound.ts).
   */
  opsOnlyHttp?: OpsOnlyHttp;
  /**
   * The repository's git tags, newest first (walk/git.ts `gitTags`, at most a few hundred): empty
   * when the tree is not a git repository or git is unavailable. Releases are often only tags.
   */
  tags: string[];
  /**
   * When the newest tag was made and when the audited commit was (ISO 8601 dates, from git): set
   * only when both are known. Tags that stopped long before the current history say how the
   * project was released then, not now.
   */
  tagRecency?: TagRecency;
  /**
   * Source files a tool wrote ("Code generated … DO NOT EDIT.", `@generated`, an auto-generated
   * banner in the first lines, a minified script; facts/generated.ts), sorted. Rules' pattern matches
   * leave them out.
   */
  generated: string[];
  /**
   * Load-test scripts found by what they import (k6, Locust; facts/outbound.ts LOAD_SCRIPT_PATTERN),
   * beside those found by path (paths.ts isLoadTestPath): they drive the service from outside, so
   * their calls are not its outbound calls and their language is not its code.
   */
  loadScripts?: string[];
  /** What a reverse proxy in the repository enforces (rate limits, headers, HSTS, HTTPS redirect). */
  proxy: ProxyFacts;
  /**
   * Set when the repository holds nothing any rule could judge (no files, or only git
   * housekeeping and a licence): every rule is then not applicable, and there is no score.
   */
  nothingToAssess?: string;
  /**
   * Dependencies whose name matches one of the entries (exact, or `prefix*`), any ecosystem: by
   * default only the project's direct, production dependencies that its code uses (or whose use
   * imports cannot tell), with a declaration preferred over its resolved pin. `dependencies`
   * holds the rest.
   */
  findDependencies(names: readonly string[], options?: DependencyQuery): Dependency[];
  hasLanguage(name: string): boolean;
  /**
   * The part of the project a file belongs to (src/facts/component.ts): server code, browser code,
   * a desktop or mobile shell, or build tooling. Decided once per path.
   */
  componentOf(path: string): Component;
}

export type Component = 'server' | 'browser' | 'desktop' | 'mobile' | 'build' | 'cli';

// ── Artefacts ────────────────────────────────────────────────────────────────────────────────

export type CoverageFormat = 'lcov' | 'cobertura' | 'jacoco' | 'istanbul-summary' | 'go-cover';

export interface CoverageReport {
  /** The file as the user named it (never made absolute: reports stay byte-identical). */
  path: string;
  format: CoverageFormat;
  linesCovered: number;
  linesTotal: number;
  /** Line coverage in percent, rounded to two decimals (Go profiles: statements). */
  percent: number;
  branchesCovered?: number;
  branchesTotal?: number;
}

export interface JUnitReport {
  path: string;
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  /** The first failing test cases (suite › name), for evidence. */
  failures: string[];
}

export interface Artifacts {
  coverage: CoverageReport[];
  junit: JUnitReport[];
}

// ── Files ────────────────────────────────────────────────────────────────────────────────────

export type SkipReason = 'too-large' | 'binary' | 'unreadable' | 'symlink' | 'not-a-file';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A small summary of a file computed from its text while the scanner has it (a test file's count
 * of test cases), so that the text itself need not be kept until the rules run. `files` are the
 * globs where the scanner computes it; elsewhere FileView.digest computes it on demand.
 */
export interface Digest<T> {
  key: string;
  files: readonly string[];
  /** Other files the digest reads whole while it runs (a chart's values.yaml): kept by the scanner. */
  keep?: readonly string[];
  of(path: string, text: string, files: FileView): T;
  /**
   * Taken only from files the scan reads for something else (a pattern, a kept text, another
   * digest): `files` alone never makes the scan read a file. For a fact that looks for a word in
   * files the scan reads anyway (a shell script's `mocha` lines), so the fact's own read of each
   * is not a second one; a file the scan did not read is read when the digest is asked for.
   */
  alongside?: boolean;
  /**
   * The value as the main thread builds it, from the structured clone a scan worker sent
   * (scanner.ts): a clone's objects of more than four fields hold the rest in a property array
   * beside them. Same keys, order, values and shared objects. Absent: the clone is kept.
   */
  adopt?(value: T): T;
}

/**
 * A file's lines, indexed once (src/util/lines.ts): a rule that looks at the lines around each match
 * does a lookup per match, never a split or scan of the whole text per match. Lines are 1-based and
 * split at '\n' as `text.split('\n')` splits them.
 */
export interface Lines {
  readonly text: string;
  /** How many lines (`text.split('\n').length`). */
  readonly count: number;
  /** The 1-based line that holds `offset`. */
  lineAt(offset: number): number;
  /** Offset where line `n` starts (0 before the first line, the text's length past the last). */
  start(n: number): number;
  /** Line `n` without its '\n' ('' outside the text); the '\r' of a CRLF ending stays. */
  line(n: number): string;
  /** Line `n` without its line ending, '\n' or '\r\n'. */
  bare(n: number): string;
  /**
   * Lines `from`..`to`, inclusive and clipped: `text.split('\n').slice(from - 1, to)`; `bare` drops
   * the '\r' of CRLF endings, as `split(/\r?\n/)` does.
   */
  range(from: number, to: number, bare?: boolean): string[];
  /** Line `n` with `before` lines above it and `after` below, clipped to the text (`bare` as in range). */
  window(n: number, before: number, after: number, bare?: boolean): string[];
}

/**
 * What rules and facts see of the repository: the listing and memoised, size-capped reads. No
 * write, no scan bookkeeping. The disk index and the in-memory index used by tests both provide it.
 */
export interface FileView {
  /** Every listed path (repo-relative, POSIX, sorted). */
  readonly paths: readonly string[];
  readonly size: number;
  readonly maxFileBytes: number;
  exists(path: string): boolean;
  /** All listed paths matching the glob(s), sorted. */
  match(globs: string | readonly string[]): string[];
  has(globs: string | readonly string[]): boolean;
  /** Paths whose base name is `name`. */
  named(name: string, ignoreCase?: boolean): string[];
  /**
   * The folders that directly hold a listed file ('' for the root), when the view can give them
   * without `paths` (a scan worker's shared listing); otherwise callers work them out from `paths`.
   */
  folders?(): ReadonlySet<string>;
  /**
   * The folder inside the root that a listed symbolic link leads to (`frontend/src/common` →
   * `common`), or undefined: not a link, a link to a file, or a target outside the root (never followed).
   */
  linkedFolder?(path: string): string | undefined;
  /** The text, or undefined when the file is absent, too large, binary or unreadable. */
  read(path: string): string | undefined;
  /** The text's lines, indexed once per file (see Lines); undefined where read gives undefined. */
  lines(path: string): Lines | undefined;
  digest<T>(path: string, d: Digest<T>, text?: string): T | undefined;
  readJson<T = unknown>(path: string): Parsed<T>;
  readYaml<T = unknown>(path: string): Parsed<T>;
  readYamlAll<T = unknown>(path: string): Parsed<T[]>;
  readToml<T = unknown>(path: string): Parsed<T>;
}

/** A host the project is a module of (facts/host-runtime.ts): it supplies logging and shutdown. */
export interface HostRuntime {
  id: string;
  name: string;
  /** The registration in production code. */
  evidence: Evidence;
  /** Where production code logs through the host's logger, when it does. */
  loggerAt?: Evidence;
  logging?: string;
  shutdown?: string;
}
