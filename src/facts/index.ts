/**
 * Facts, computed once per audit: languages, manifests → dependencies (with their directness),
 * frameworks, workspaces (from the listing and the manifests), then — from the one scan — which
 * dependencies the code uses, the outbound calls, and the profile.
 */
import type { FileView, OpsOnlyHttp } from '../types.js';
import type { Match } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { detectLanguages } from './languages.js';
import { parseManifests } from './manifests/index.js';
import { detectFrameworks, nameIndex } from './frameworks.js';
import { detectWorkspaces } from './workspaces.js';
import { dockerfiles } from './dockerfile.js';
import { detectProfile, JVM_IMPORT_KEY, PROFILE_PATTERNS, serverSites } from './profile.js';
import { applyUsage, usagePatterns } from './usage.js';
import { commandGraph, namedGraph } from './commands/index.js';
import {
  JVM_CLIENT_IMPORT_KEY,
  JVM_CLIENT_IMPORT_PATTERN,
  LOAD_SCRIPT_PATTERN,
  OUTBOUND_KEY,
  OUTBOUND_PATTERN,
  outboundCalls,
} from './outbound.js';
import { CATALOGUES } from './catalogues.js';
import { GITOPS_PATTERN, reusablePackage } from './infra-package.js';
import { PROXY_PATTERNS, proxyFacts } from './proxy.js';
import { APP_SERVER_PATTERN, appServers } from './app-servers.js';
import { workflowPlatforms } from './workflow-platforms.js';
import { HOST_LOGGER_PATTERN, HOST_RUNTIME_PATTERN, hostRuntimes } from './host-runtime.js';
import { IMAGE_BUILDER_PATTERN, imageBuilders } from './image-builders.js';
import {
  GENERATED_PATTERN,
  MINIFIED_PATTERN,
  RELEASE_BANNER_PATTERN,
  THIRD_PARTY_PATTERN,
  thirdPartyFolderFiles,
  thirdPartyScripts,
  toolWrittenFiles,
  generatedFiles,
  generatorOutputs,
  vendoredLibraries,
  versionedCopies,
} from './generated.js';
import { opsOnlyHttp, ROUTE_KEY, ROUTE_PATTERN, springWorker } from './inbound.js';
import { serverlessApp } from './serverless-app.js';
import { componentClassifier } from './component.js';
import { USE_CLIENT_MODULE } from './alongside.js';
import { inRustTestModule } from './rust-tests.js';
import {
  importedJvmFrameworks,
  importedJvmLibraries,
  JVM_LIBRARY_IMPORT_KEY,
  JVM_LIBRARY_IMPORT_PATTERN,
} from './jvm-imports.js';
import type {
  CommandGraph,
  Dependency,
  DependencyQuery,
  Facts,
  Manifest,
  OutboundCalls,
  Profile,
  ProfileId,
  ProxyFacts,
  TagRecency,
} from '../types.js';
import { NOT_THE_PRODUCT } from './paths.js';
import { type FactNotes, guarded } from './guard.js';

export type PreFacts = Omit<
  Facts,
  | 'profile'
  | 'outbound'
  | 'proxy'
  | 'servers'
  | 'opsOnlyHttp'
  | 'appServers'
  | 'imageBuilders'
  | 'nothingToAssess'
  | 'reusable'
  | 'tags'
  | 'generated'
>;

/** The profile when deciding it failed (guard.ts): the most demanding one, saying why. */
const UNDECIDED_PROFILE: Profile = {
  id: 'service',
  detected: true,
  reasons: [
    'the profile could not be decided (see the notes), so the repository is judged as a service; set `profile:` in .readiness.yml to choose',
  ],
};
const EMPTY_PROXY: ProxyFacts = { rateLimits: [], headers: [], hsts: [], httpsRedirect: [] };
const NO_COMMANDS: CommandGraph = { runs: [], unresolved: [], runnerConfigs: [] };
const NO_OUTBOUND: OutboundCalls = { found: false, sites: [], files: 0, clients: [], searched: 0 };

/** What the facts read back from the scan (the scan's result, or a test's). */
export interface FactScan {
  matches(key: string): Match[];
  /** Files a pattern ran on (0 when unknown). */
  searched?(key: string): number;
}

/**
 * The packages this repository itself defines (a manifest of the product that names its package),
 * by ecosystem and name; samples, examples and tests are not the product (issue 15, blind round 49:
 * a web framework's workspace, one crate depending on its sibling framework crate, was "a service").
 */
export function ownPackages(manifests: readonly Manifest[]): Set<string> {
  const out = new Set<string>();
  for (const m of manifests) {
    if (m.ok && m.name && !NOT_THE_PRODUCT.test(m.path)) out.add(`${m.ecosystem}\0${m.name}`);
  }
  return out;
}

/** A profile other than service says when the web framework it set aside is the repository's own package. */
function withOwnFramework(profile: Profile, files: FileView, pre: PreFacts): Profile {
  if (!profile.detected || profile.id === 'service') return profile;
  const own = ownPackages(pre.manifests);
  if (own.size === 0) return profile;
  const fw = detectFrameworks(
    files,
    pre.dependencies.filter((d) => d.direct && own.has(`${d.ecosystem}\0${d.name}`)),
  )[0];
  if (!fw) return profile;
  const at = `${fw.evidence.path}${fw.evidence.line ? `:${fw.evidence.line}` : ''}`;
  return {
    ...profile,
    reasons: [
      ...profile.reasons,
      `web framework ${fw.name} (${at}) is a package of this repository: it is the product, not a framework the repository serves with`,
    ],
  };
}

export function collectFacts(files: FileView, notes?: FactNotes): PreFacts {
  const { languages, sourceFiles } = guarded(notes, 'languages', { languages: [], sourceFiles: [] as string[] }, () =>
    detectLanguages(files.paths, (p) => files.read(p)),
  );
  const { manifests, dependencies } = guarded(
    notes,
    'dependencies',
    { manifests: [] as Manifest[], dependencies: [] as Dependency[] },
    () => parseManifests(files),
  );
  dependencies.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)) || (a.name < b.name ? -1 : 1),
  );
  // Frameworks are the project's choices: a framework another package pulls in is not one.
  // A framework that is a package of this repository is the repository's product, not its choice:
  // the framework's own workspace (a sibling crate or package depending on it) is no service.
  const own = ownPackages(manifests);
  const frameworks = guarded(notes, 'web frameworks', [], () =>
    detectFrameworks(
      files,
      dependencies.filter((d) => d.direct && !own.has(`${d.ecosystem}\0${d.name}`)),
    ),
  );
  const workspaces = guarded(notes, 'workspaces', [], () => detectWorkspaces(files, manifests));
  const langSet = new Set(languages.map((l) => l.name));
  guarded(notes, 'CI command graph', undefined, () => namedGraph(files));
  return {
    // Asked after the scan, by completeFacts and the rules: the Azure check looks at every YAML
    // file's text, which the scan has read by then (alongside.ts), so no file is read once for it
    // before the scan and again by the scan. The graph of the CI files found by name is built now,
    // as the whole graph was: the files it follows are read and kept before the scan.
    get commands() {
      return guarded(notes, 'CI command graph', NO_COMMANDS, () => commandGraph(files));
    },
    languages,
    sourceFiles,
    manifests,
    dependencies,
    frameworks,
    workspaces,
    findDependencies: finder(dependencies),
    hasLanguage: (name: string) => langSet.has(name),
    componentOf: componentClassifier(manifests, dependencies, {
      frameworks,
      readJson: (path) => {
        const r = files.readJson(path);
        return r.ok ? r.value : undefined;
      },
      read: (path) => files.read(path),
      imagePrograms: () => imagePrograms(files),
      useClient: (path) => files.digest(path, USE_CLIENT_MODULE) === true,
    }),
  };
}

/**
 * The programs the images run: the executable's name in the final stage's ENTRYPOINT or CMD
 * (`CMD ["./podinfo"]`, `ENTRYPOINT /usr/bin/api --port 80`), lower-cased, at most 50.
 */
function imagePrograms(files: FileView): string[] {
  const out = new Set<string>();
  for (const d of dockerfiles(files).slice(0, 50)) {
    const last = d.stages[d.stages.length - 1];
    for (const i of last?.instructions ?? []) {
      if (i.keyword !== 'ENTRYPOINT' && i.keyword !== 'CMD') continue;
      const first = i.args
        .trim()
        .replace(/^\[\s*"?/, '')
        .split(/[\s",\]]/)[0];
      const name = first?.slice(first.lastIndexOf('/') + 1).toLowerCase();
      if (name) out.add(name);
    }
  }
  return [...out].slice(0, 50);
}

/**
 * The patterns the facts need from the scan: the profile's, and imports of the dependencies
 * worth asking about (`watched`: every name a detection catalogue lists, see catalogues.ts).
 */
export function factPatterns(pre: PreFacts, watched: readonly string[] = []): ScanPattern[] {
  return [
    ...PROFILE_PATTERNS,
    OUTBOUND_PATTERN,
    JVM_CLIENT_IMPORT_PATTERN,
    LOAD_SCRIPT_PATTERN,
    GITOPS_PATTERN,
    ...PROXY_PATTERNS,
    APP_SERVER_PATTERN,
    HOST_RUNTIME_PATTERN,
    HOST_LOGGER_PATTERN,
    IMAGE_BUILDER_PATTERN,
    GENERATED_PATTERN,
    MINIFIED_PATTERN,
    THIRD_PARTY_PATTERN,
    RELEASE_BANNER_PATTERN,
    ROUTE_PATTERN,
    JVM_LIBRARY_IMPORT_PATTERN,
    ...usagePatterns(pre.dependencies, watched),
  ];
}

export function completeFacts(
  files: FileView,
  pre: PreFacts,
  scan: FactScan,
  options: {
    override?: ProfileId | undefined;
    watched?: readonly string[];
    tags?: readonly string[];
    tagRecency?: TagRecency | undefined;
    /** Where a fact that failed says so (guard.ts); the audit adds them to the report's notes. */
    notes?: FactNotes;
  } = {},
): Facts {
  const notes = options.notes;
  guarded(notes, 'use of the dependencies in code', undefined, () =>
    applyUsage(pre.dependencies, options.watched ?? [], (k) => scan.matches(k)),
  );
  const decided: Profile = options.override
    ? { id: options.override, detected: false, reasons: [`set by configuration or --profile to "${options.override}"`] }
    : guarded(notes, 'profile', UNDECIDED_PROFILE, () =>
        detectProfile({
          files,
          ...pre,
          serverMatches: scan.matches('facts:server'),
          jvmImports: scan.matches(JVM_IMPORT_KEY),
        }),
      );
  const profile = guarded(notes, 'profile', decided, () => withOwnFramework(decided, files, pre));
  // A generated file's client (grpc-gateway's `RegisterXHandlerFromEndpoint` dial) is the generator's
  // code for every user, not a call the service chose to make (blind round 14: simplebank).
  const generatedSet = new Set(
    guarded(notes, 'generated files', [], () => generatedFiles(scan.matches(GENERATED_PATTERN.key))),
  );
  // Copies of other projects' code kept in the tree: their calls are not the service's either.
  const copiedSet = new Set([
    ...guarded(notes, 'vendored libraries', [], () => vendoredLibraries(files)),
    ...guarded(notes, 'versioned copies', [], () => versionedCopies(files.paths)),
    ...guarded(notes, 'third-party scripts', [], () =>
      thirdPartyScripts(scan.matches(THIRD_PARTY_PATTERN.key), scan.matches(RELEASE_BANNER_PATTERN.key)),
    ),
    ...guarded(notes, 'third-party folders', [], () => thirdPartyFolderFiles(files.paths)),
  ]);
  // A load-test script (k6, Locust) calls the service from outside, wherever it sits.
  const loadScripts = [...new Set(scan.matches(LOAD_SCRIPT_PATTERN.key).map((m) => m.path))].sort();
  const loadSet = new Set(loadScripts);
  const outbound = guarded(notes, 'outbound calls', NO_OUTBOUND, () =>
    outboundCalls(
      scan
        .matches(OUTBOUND_KEY)
        .filter((m) => !generatedSet.has(m.path) && !copiedSet.has(m.path) && !loadSet.has(m.path)),
      scan.searched?.(OUTBOUND_KEY) ?? 0,
      pre.dependencies,
      CATALOGUES['http-clients'] ?? [],
      pre.componentOf,
      (m) => m.path.endsWith('.rs') && inRustTestModule(files.lines(m.path), m.line),
      scan.matches(JVM_CLIENT_IMPORT_KEY).filter((m) => !generatedSet.has(m.path)),
    ),
  );
  const empty = nothingToAssess(files);
  const servers = guarded(notes, 'servers the code starts', [], () =>
    serverSites(scan.matches('facts:server'), files).map((m) => ({
      path: m.path,
      line: m.line,
      snippet: m.snippet,
    })),
  );
  const opsOnly =
    profile.id === 'service'
      ? guarded(
          notes,
          'HTTP the service serves',
          undefined,
          () =>
            opsOnlyHttp(scan.matches(ROUTE_KEY), servers, pre.frameworks) ??
            springWorker(servers, pre.frameworks, pre.dependencies, files) ??
            eventFunctions(files, servers.length, pre.frameworks.length),
        )
      : undefined;
  // A Spring context that serves no HTTP is a service for what it runs, not for a server it starts:
  // the profile's reason says so from the same worker fact (blind round 44).
  const stated =
    opsOnly &&
    opsOnly.routes.length === 0 &&
    profile.reasons.length === 1 &&
    /^the code starts a server \(/.test(profile.reasons[0]!)
      ? { ...profile, reasons: [`a long-running worker: ${opsOnly.reason}`] }
      : profile;
  const reusable =
    profile.id === 'infrastructure'
      ? guarded(notes, 'reusable infrastructure package', undefined, () =>
          reusablePackage(files, scan.matches(GITOPS_PATTERN.key)),
        )
      : undefined;
  // A JVM build whose declarations did not resolve (an artefact version catalogue, a convention
  // plugin): the database driver and web framework main code imports are facts all the same, so a
  // rule does not call "no database client" or "no web framework" what the profile was decided by.
  const importedLibraries = guarded(notes, 'JVM libraries imported', [], () =>
    importedJvmLibraries(scan.matches(JVM_LIBRARY_IMPORT_KEY), pre.manifests, pre.dependencies),
  );
  const importedFrameworks =
    profile.id === 'service'
      ? guarded(notes, 'JVM frameworks imported', [], () =>
          importedJvmFrameworks(scan.matches(JVM_IMPORT_KEY), pre.manifests, pre.frameworks),
        )
      : [];
  const hosts = guarded(notes, 'host runtimes', [], () =>
    hostRuntimes(
      importedLibraries.length ? [...pre.dependencies, ...importedLibraries] : pre.dependencies,
      scan.matches(HOST_RUNTIME_PATTERN.key),
      scan.matches(HOST_LOGGER_PATTERN.key),
      files.paths,
    ),
  );
  return {
    ...pre,
    ...(importedFrameworks.length ? { frameworks: [...pre.frameworks, ...importedFrameworks] } : {}),
    findDependencies: finder(importedLibraries.length ? [...pre.dependencies, ...importedLibraries] : pre.dependencies),
    profile: stated,
    outbound,
    proxy: guarded(notes, 'reverse proxies', EMPTY_PROXY, () => proxyFacts((k) => scan.matches(k))),
    imageBuilders: guarded(notes, 'image builders', [], () =>
      imageBuilders(files, scan.matches(IMAGE_BUILDER_PATTERN.key)),
    ),
    appServers: [
      ...guarded(notes, 'application servers', [], () =>
        appServers(files, pre.dependencies, pre.frameworks, scan.matches(APP_SERVER_PATTERN.key)),
      ),
      // A host runtime that drains on SIGTERM is what runs a module of it (facts/host-runtime.ts).
      ...hosts.flatMap((h) =>
        h.shutdown ? [{ id: h.id, name: h.name, drains: true, behaviour: h.shutdown, evidence: h.evidence }] : [],
      ),
      // So is a workflow platform the repository deploys with its flows (facts/workflow-platforms.ts).
      ...guarded(notes, 'workflow platforms', [], () =>
        workflowPlatforms(files, pre.dependencies).flatMap(({ spec, evidence }) =>
          spec.shutdown ? [{ id: spec.id, name: spec.name, drains: true, behaviour: spec.shutdown, evidence }] : [],
        ),
      ),
    ],
    ...(hosts.length ? { hostRuntimes: hosts } : {}),
    servers,
    ...(opsOnly ? { opsOnlyHttp: opsOnly } : {}),
    tags: [...(options.tags ?? [])],
    ...(options.tagRecency ? { tagRecency: options.tagRecency } : {}),
    generated: [
      ...new Set([
        ...generatedSet,
        ...scan.matches(MINIFIED_PATTERN.key).map((m) => m.path),
        ...guarded(notes, 'generator outputs', [], () => generatorOutputs(files)),
        ...copiedSet,
        ...guarded(notes, 'tool-written files', [], () => toolWrittenFiles(files.paths)),
      ]),
    ].sort(),
    ...(loadScripts.length ? { loadScripts } : {}),
    ...(empty ? { nothingToAssess: empty } : {}),
    ...(reusable ? { reusable } : {}),
  };
}

/**
 * Nothing any rule could judge: no files, or only git housekeeping (.gitignore, .gitattributes,
 * .gitkeep) and a licence. A score there would be a few vacuous passes (issue 15: an empty
 * repository scored 25).
 */
function nothingToAssess(files: FileView): string | undefined {
  const HOUSEKEEPING = /(^|\/)(\.git\w*|\.keep|LICEN[CS]E[^/]*|COPYING[^/]*|UNLICENSE)$/i;
  if (files.paths.some((p) => !HOUSEKEEPING.test(p))) return undefined;
  return files.paths.length === 0
    ? 'the repository has no files'
    : `the repository holds only ${files.paths.join(', ')}: nothing to assess`;
}

/**
 * Direct (or imported by production code), production, used — unless the query asks for more. A
 * resolved pin whose declaration is also listed gives way to it: evidence cites the definition.
 */
function finder(dependencies: Dependency[]): Facts['findDependencies'] {
  const declared = new Set(dependencies.filter((d) => d.direct && !d.pin).map((d) => `${d.ecosystem}:${d.name}`));
  // By name first (a workspace of 20,000 packages was every dependency against every name, per query).
  const byName = nameIndex(dependencies);
  return (names: readonly string[], q: DependencyQuery = {}) =>
    byName(names).filter((d) => {
      if (d.dev && !q.includeDev) return false;
      if (!d.direct && d.use !== 'production' && !q.includeTransitive) return false;
      // A development tool runs as a command, not an import: its use is not asked.
      if (!d.dev && (d.use === 'none' || d.use === 'non-production') && !q.includeUnused) return false;
      return !(d.pin && declared.has(`${d.ecosystem}:${d.name}`));
    });
}

/**
 * A serverless application whose functions take no HTTP requests (no API, HTTP API or function URL
 * event; no server or web framework in the code): the platform invokes them for events, a state
 * machine or the SDK, so the inbound-request rules have no request to judge (blind round 50).
 */
function eventFunctions(files: FileView, servers: number, frameworks: number): OpsOnlyHttp | undefined {
  if (servers > 0 || frameworks > 0) return undefined;
  const app = serverlessApp(files);
  if (!app || app.http) return undefined;
  return {
    routes: [],
    reason: `a serverless application (${app.tool} ${app.path}:${app.line}) whose functions take no HTTP requests: the platform invokes them for events, a state machine or the SDK`,
  };
}
