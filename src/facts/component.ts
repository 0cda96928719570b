/**
 * Which part of the project a file belongs to: the service itself, the page it serves, a desktop
 * or mobile shell around it, or the tooling that builds it. Rules that judge a service practice
 * (security headers, retries, tracing, error tracking, shutdown…) credit only server code: a
 * browser `fetch` is the page calling its own backend, an Electron window's headers are not the
 * service's, a front-end Sentry `tracesSampleRate` traces the browser, a webpack config never runs
 * in production (blind rounds 3 and 4: evidence taken from the wrong component).
 *
 * Decided once per path, from two sources:
 *  - path conventions: front-end folders (frontend/, static/, public/, client/…), component files
 *    (.tsx/.vue/.svelte, *.component.ts), service workers; desktop/, electron/, src-tauri/;
 *    mobile/, android/, ios/; build configs (webpack/vite/rollup/gulp…) and scripts/ (a Next or Nuxt
 *    config is not one: its headers() and routeRules are served at run time);
 *  - the project's layout: a package (any folder with its own package.json) that depends on a UI
 *    framework (react, vue, svelte, @angular/core…) and on no server framework is browser code as a
 *    whole (`web/`, `ui/`, `app/` with a Vue package.json), and so is one that bundles page libraries
 *    (webpack with bootstrap or jQuery) and no server framework; one that depends on electron or Tauri is
 *    a desktop shell, on react-native/expo/capacitor a mobile app.
 * A full-stack framework's server side stays server code: Next.js `pages/api/` and `app/**\/route.ts`,
 * Nuxt and SvelteKit `server/`, `+server.ts`, Next `middleware.ts`.
 */
import type { Component, Dependency, Framework, Manifest, Match } from '../types.js';
import { codeMatches, dirOf } from './paths.js';
import { useClientModule } from './alongside.js';

export type { Component };

const JS_FAMILY = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/i;

/**
 * Server code of full-stack JavaScript frameworks, wherever it sits: Next.js `pages/api/`, route
 * handlers, `middleware.ts`, `instrumentation(.node).ts` and `sentry.server/edge.config.*`; Nuxt,
 * Nitro and SvelteKit `server/`, `+server.ts`, `hooks.server.ts`; Remix and React Router's
 * server-only modules (`*.server.ts`, `entry.server.tsx`, `.server/` folders) and the custom
 * server of such an app (a `server/` folder of plain modules: Hono or Express serving the app).
 * A `server-only/` folder is the same promise in a package shared with the pages (a monorepo's
 * `packages/lib` with React helpers beside its database, queue and rate-limit modules): blind round
 * 43, a Hono server's own rate limiter in `packages/lib/server-only/rate-limit/` read as browser
 * code because the package depends on React.
 */
const FULLSTACK_SERVER =
  /(^|\/)pages\/api\/|(^|\/)app\/(?:.*\/)?route\.[cm]?[jt]s$|(^|\/)server(?:-only|_only)?\/(?:[^/]+\/)*[^/]+\.[cm]?[jt]s$|(^|\/)\+(?:server|page\.server|layout\.server)\.[cm]?[jt]s$|(^|\/)(?:src\/)?(?:middleware|instrumentation(?:\.node)?)\.[cm]?[jt]s$|(^|\/)sentry\.(?:server|edge)\.config\.[cm]?[jt]s$|\.server\.[cm]?[jt]sx?$|(^|\/)\.server\//;

const DESKTOP = /(^|\/)(?:desktop|electron|electron-app|src-tauri|tauri)\//i;
const MOBILE = /(^|\/)(?:mobile|mobile-app|android|ios|react-native)\//i;
// Test runners' configurations (playwright.config.ts `webServer.timeout`, jest `testTimeout`) bound
// the test run, never a call the service makes: tooling, like the bundlers' configs.
// Code generators (generator/, codegen/, CodeGeneration/: a program that downloads an OpenAPI
// document to write the client) run at build time, never in the service (round 16).
const BUILD =
  /(^|\/)(?:webpack|vite|vitest|rollup|esbuild|rspack|babel|postcss|tailwind|karma|tsup|turbo|playwright|jest|cypress|nightwatch|ava)(?:\.[\w-]+)*\.config\.[cm]?[jt]s$|(^|\/)wdio(?:\.[\w-]+)*\.conf\.[cm]?[jt]s$|(^|\/)(?:gulpfile|Gruntfile)(?:\.[\w-]+)*\.[cm]?[jt]s$|(^|\/)(?:scripts|build-tools?|webpack)\/|(^|\/)(?:generators?|codegen|code-?generators?|code-?generation|[\w.-]+\.codegen(?:eration|erator)?)\//i;
/**
 * Front-end files (before: isBrowserCode in outbound.ts). Angular components
 * (`*.component.ts`) and service workers (`sw.js`, `service-worker.js`) run in the browser wherever
 * they sit; Stimulus controllers beside Rails view components (app/components/**.js) run in the page.
 */
const BROWSER_FILE =
  /\.(jsx|tsx|vue|svelte)$|(^|\/)app\/(components|views)\/.*\.[cm]?[jt]s$|\.component\.[cm]?[jt]s$|(^|\/)(sw|service[-_.]?worker|[\w-]+[-_.]sw)(\.[\w-]+)*\.[cm]?[jt]s$/i;
/**
 * Folders that hold the page's code, for JavaScript files only: PHP's `public/index.php` is the
 * front controller and Go's `web/` the server.
 */
const BROWSER_DIR =
  /(^|\/)(static|public|assets|frontend|front-end|client|webapp|wwwroot|ClientApp|www|javascript|web|ui|webui|web-ui|spa)\//i;
/**
 * A theme's scripts (`flaskbb/themes/aurora/src/app.js`) are the page's look and behaviour when the
 * service is not a Node program (no root package.json); in a Node server a `services/themes/`
 * folder may well be server code that manages themes.
 */
const THEME_DIR = /(^|\/)themes?\//i;
/** In a package with a UI framework, these folders are the page's (hooks, stores, composables). */
const UI_PACKAGE_DIR = /(^|\/)(?:components|hooks|composables|stores?|views|pages|layouts|widgets)\//;

const UI_DEPS = /^(?:react|react-dom|vue|svelte|@angular\/core|solid-js|preact|lit|@sveltejs\/kit|alpinejs)$/;
const SERVER_DEPS =
  /^(?:express|fastify|koa|@nestjs\/core|next|nuxt|@sveltejs\/kit|hono|@hapi\/hapi|restify|@remix-run\/node|@remix-run\/server-runtime|@remix-run\/cloudflare|@react-router\/(?:node|serve|express|cloudflare|dev)|@adonisjs\/core|@feathersjs\/feathers|socket\.io|ws|@trpc\/server|h3|astro)$/;
/** Bundlers that build a page's assets (not tsup/esbuild, which also package Node programs). */
const PAGE_BUNDLERS = /^(?:webpack|vite|parcel|parcel-bundler|browserify|laravel-mix|@rsbuild\/core|snowpack|gulp)$/;
/** Libraries that only run in a page: CSS frameworks, DOM helpers, icon fonts. */
const PAGE_LIBS =
  /^(?:bootstrap|jquery|@popperjs\/core|@fortawesome\/[\w-]+|tailwindcss|bulma|foundation-sites|htmx\.org|@hotwired\/[\w-]+|stimulus|turbolinks|dompurify|twemoji|sass|less|normalize\.css|css-loader|style-loader|sass-loader|mini-css-extract-plugin|html-webpack-plugin|jest-environment-jsdom|happy-dom|@testing-library\/dom)$/;
/**
 * A browser extension's toolchain and typings (blind round 47: an extension's React popup that
 * depends on @trpc/server for its client's types read as the service, its fetch cited as the
 * service's outbound call without a timeout). Its code runs in the reader's browser.
 */
const EXTENSION_DEPS =
  /^(?:@types\/chrome|@types\/firefox-webext-browser|@types\/webextension-polyfill|webextension-polyfill|@crxjs\/vite-plugin|wxt|plasmo|web-ext|@samrum\/vite-plugin-web-extension|vite-plugin-web-extension)$/;
const DESKTOP_DEPS = /^(?:electron|@tauri-apps\/api|@tauri-apps\/cli|nw|@neutralinojs\/lib)$/;
const MOBILE_DEPS = /^(?:react-native|expo|@capacitor\/core|@ionic\/react|@ionic\/angular|@ionic\/vue|nativescript)$/;

/** What path conventions alone say (no layout facts): used where no facts are at hand. */
export function pathComponent(path: string): Component {
  if (JS_FAMILY.test(path) && FULLSTACK_SERVER.test(path)) return 'server';
  if (DESKTOP.test(path)) return 'desktop';
  if (MOBILE.test(path)) return 'mobile';
  if (BUILD.test(path)) return 'build';
  if (BROWSER_FILE.test(path)) return 'browser';
  if ((JS_FAMILY.test(path) || /(^|\/)package\.json$/.test(path)) && BROWSER_DIR.test(path)) return 'browser';
  return 'server';
}

interface PackageKind {
  dir: string;
  kind: Component;
  /** A UI framework is a dependency (its component folders are browser code). */
  ui: boolean;
  /** A server framework is a dependency. */
  server: boolean;
}

/** What the classifier may read beyond the manifests and dependencies (absent in small tests). */
export interface ComponentContext {
  /** The project's web frameworks: one in another ecosystem means the service is not the JavaScript. */
  frameworks?: readonly Framework[];
  /** A package.json's parsed text, for its `bin` field. */
  readJson?: (path: string) => unknown;
  /** A build file's text (Gradle, Maven), for a plugin declaration. */
  read?: (path: string) => string | undefined;
  /** The programs the repository's images run (ENTRYPOINT/CMD executables), asked for once. */
  imagePrograms?: () => readonly string[];
  /** Whether a module is a `'use client'` module (the scan's digest, so no file is read twice). */
  useClient?: (path: string) => boolean;
}

/**
 * A Go program of the repository's `cmd/NAME/` that the image does not run, when the image runs
 * another of them: a companion command-line tool (podcli beside the podinfo server), not the
 * service (blind round 43: its retry loop was credited as the service's retries). False when
 * the path is no such program or the image runs none of the `cmd/` programs (nothing to compare).
 */
function goCompanion(
  path: string,
  programs: readonly string[] | undefined,
  isProgram: (dir: string) => boolean,
): boolean {
  if (!path.startsWith('cmd/') || !path.endsWith('.go') || !programs || programs.length === 0) return false;
  const slash = path.indexOf('/', 4);
  // `cmd/run/` of `package run` (no main.go) is a subcommand the served program imports, not a
  // program of its own (blind round 45: the server's whole `run` command — its SIGTERM handler,
  // gRPC health service and authn interceptors — was read as a companion CLI's).
  return slash > 4 && !programs.includes(path.slice(4, slash).toLowerCase()) && isProgram(path.slice(0, slash));
}

/**
 * A Gradle or Maven build that publishes a build plugin: `java-gradle-plugin` (or its
 * `gradlePlugin { }` block, `kotlin-dsl` in a plugin project) and Maven `<packaging>maven-plugin`.
 * Its code runs inside other projects' builds, never in the service (blind round 37, projektor:
 * the publishing plugin's resilience4j retries and OkHttp timeouts were credited to the Ktor
 * server beside it). Only the first 64 KiB of the file are read.
 */
const BUILD_PLUGIN =
  /\bid[ \t]*(?:\([ \t]*)?["'](?:java-gradle-plugin|com\.gradle\.plugin-publish)["']|^[ \t]*apply[ \t]+plugin[ \t]*:[ \t]*["']java-gradle-plugin["']|^[ \t]*gradlePlugin[ \t]*\{|`java-gradle-plugin`|<packaging>[ \t]*maven-plugin[ \t]*<\/packaging>/m;
const JVM_BUILD = /(^|\/)(?:build\.gradle(?:\.kts)?|pom\.xml)$/;

function jvmPluginDirs(manifests: readonly Manifest[], read: ComponentContext['read']): string[] {
  if (!read) return [];
  const out: string[] = [];
  for (const m of manifests) {
    if (!JVM_BUILD.test(m.path)) continue;
    const dir = dirOf(m.path);
    if (dir === '') continue; // the root build is the project itself
    const text = read(m.path);
    if (text && BUILD_PLUGIN.test(text.slice(0, 65536))) out.push(dir);
  }
  return out;
}

/** A package.json that declares command-line programs (`"bin": "dist/index.js"` or a map of them). */
function declaresBin(readJson: ComponentContext['readJson'], path: string): boolean {
  const json = readJson?.(path);
  if (!json || typeof json !== 'object') return false;
  const bin = (json as { bin?: unknown }).bin;
  return typeof bin === 'string' ? bin.length > 0 : !!bin && typeof bin === 'object' && Object.keys(bin).length > 0;
}

/**
 * The kind of each JavaScript package from its declared dependencies: desktop (electron, Tauri),
 * mobile (react-native, expo, capacitor), browser (a UI framework and no server framework), a
 * command-line tool, or server. The root package is browser as a whole only when the service is
 * written in another language (a Rust, Go or Python web framework) and the root package bundles
 * pages (a bundler with CSS loaders or page libraries): mCaptcha-style `templates/**\/ts` built by
 * webpack into static/ (blind round 29: its browser fetch() calls were cited as the service's
 * outbound calls). Otherwise the root usually holds the service too.
 * A package of a monorepo that declares `bin`, depends on no server framework and sits beside a
 * server (another package with one, or a web framework in another language) is a command-line tool
 * the project ships, not the service (blind round 29, Hexabot: packages/cli's download was cited as
 * the service's only outbound call).
 * A package that depends on a mobile framework and on a server framework is not a mobile app: it is
 * a workspace holding both (an Nx root with an Ionic client in apps/client/ and a NestJS API in
 * apps/api/), whose files are placed by their paths (client/, *.component.ts) like any full-stack
 * root's. Blind round 44: every file of such a workspace read as the mobile app, so the API's
 * health controller, guards, throttler, helmet and fetch calls were all set aside.
 */
function packageKinds(
  manifests: readonly Manifest[],
  deps: readonly Dependency[],
  ctx: ComponentContext,
): PackageKind[] {
  const byManifest = new Map<string, string[]>();
  // Server frameworks a package runs with (not only builds or type-checks with: a CLI's dev
  // dependency on @trpc/server gives it the router's types, it serves nothing).
  const runtimeServer = new Set<string>();
  for (const d of deps) {
    if (!d.path.endsWith('package.json')) continue;
    let list = byManifest.get(d.path);
    if (!list) byManifest.set(d.path, (list = []));
    list.push(d.name);
    if (!d.dev && SERVER_DEPS.test(d.name)) runtimeServer.add(d.path);
  }
  const otherServer = (ctx.frameworks ?? []).some((f) => f.ecosystem !== 'npm');
  const out: (PackageKind & { path: string; page: boolean; runtime: boolean })[] = [];
  for (const m of manifests) {
    if (!m.path.endsWith('package.json') || /(^|\/)node_modules\//.test(m.path)) continue;
    const names = byManifest.get(m.path) ?? [];
    const dir = dirOf(m.path);
    const ui = names.some((n) => UI_DEPS.test(n));
    const server = names.some((n) => SERVER_DEPS.test(n));
    // A package that bundles page libraries (webpack with bootstrap, a theme of a Python or Go
    // service) builds the page, with no UI framework: browser code as well.
    const page = names.some((n) => PAGE_BUNDLERS.test(n)) && names.some((n) => PAGE_LIBS.test(n));
    const kind: Component = names.some((n) => DESKTOP_DEPS.test(n))
      ? 'desktop'
      : names.some((n) => EXTENSION_DEPS.test(n)) && dir !== ''
        ? 'browser'
        : names.some((n) => MOBILE_DEPS.test(n)) && !server
          ? 'mobile'
          : (ui || page) && !server && (dir !== '' || otherServer)
            ? 'browser'
            : 'server';
    out.push({ dir, kind, ui, server, path: m.path, page, runtime: runtimeServer.has(m.path) });
  }
  // A server package in another folder: from the set of server folders, not a scan of every
  // package per package (a workspace of 20,000 packages made that 400 million comparisons).
  const serverDirs = new Set(out.filter((p) => p.server).map((p) => p.dir));
  const serverBeside = (dir: string) =>
    otherServer || serverDirs.size > 1 || (serverDirs.size === 1 && !serverDirs.has(dir));
  for (const p of out)
    if (
      p.kind === 'server' &&
      p.dir !== '' &&
      !p.runtime &&
      !p.ui &&
      serverBeside(p.dir) &&
      declaresBin(ctx.readJson, p.path)
    )
      p.kind = 'cli';
  // Deepest first: a file belongs to its nearest package.
  return out
    .map(({ dir, kind, ui, server }) => ({ dir, kind, ui, server }))
    .sort((a, b) => b.dir.length - a.dir.length);
}

/**
 * Folders that hold a page's files whatever the package: in a server package with no UI framework,
 * a `web/`, `client/` or `ui/` folder under src/ is a module of the server (Hexabot
 * `packages/api/src/extensions/actions/web/`: an HTTP-request action; a `client/` wrapping another
 * API), while static assets stay the page's.
 */
const ASSET_DIR = /(^|\/)(static|public|assets|wwwroot|www)\//i;

/** One classifier per audit: each path is decided once and remembered. */
export function componentClassifier(
  manifests: readonly Manifest[],
  deps: readonly Dependency[],
  ctx: ComponentContext = {},
): (path: string) => Component {
  const packages = packageKinds(manifests, deps, ctx);
  const nodeRoot = manifests.some((m) => m.path === 'package.json');
  const pluginDirs = jvmPluginDirs(manifests, ctx.read);
  const cache = new Map<string, Component>();
  // The image's programs that are Go `cmd/` programs of the repository: only then is another
  // `cmd/` program known not to be the service.
  let served: string[] | undefined;
  const servedGo = (): string[] => {
    if (served) return served;
    const programs = ctx.imagePrograms?.() ?? [];
    const dirs = new Set(
      manifests.filter((m) => m.path.endsWith('go.mod')).length > 0 && ctx.read
        ? programs.filter((p) => ctx.read!(`cmd/${p}/main.go`) !== undefined)
        : [],
    );
    served = [...dirs];
    return served;
  };
  // A `cmd/NAME` folder is a program of its own when it holds a main.go (unknown without a reader: assumed).
  const programDirs = new Map<string, boolean>();
  const isProgram = (dir: string): boolean => {
    let p = programDirs.get(dir);
    if (p === undefined) programDirs.set(dir, (p = !ctx.read || ctx.read(`${dir}/main.go`) !== undefined));
    return p;
  };
  // The deepest package folder above a path, looked up folder by folder: `packages` is sorted
  // deepest first, so its first entry per folder is the one a scan of the list would find (that
  // scan, per path, made a workspace of 20,000 packages quadratic).
  const byDir = new Map<string, PackageKind>();
  for (const p of packages) if (!byDir.has(p.dir)) byDir.set(p.dir, p);
  const nearest = (path: string): PackageKind | undefined => {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      const p = byDir.get(path.slice(0, i));
      if (p) return p;
    }
    return byDir.get('');
  };
  return (path: string): Component => {
    let c = cache.get(path);
    if (c !== undefined) return c;
    c = pathComponent(path);
    if (c === 'server' && goCompanion(path, servedGo(), isProgram)) {
      cache.set(path, 'cli');
      return 'cli';
    }
    if (c === 'server' && pluginDirs.some((d) => path.startsWith(`${d}/`))) {
      cache.set(path, 'build');
      return 'build';
    }
    const manifest = path === 'package.json' || path.endsWith('/package.json');
    // A page folder's name in the package's own location (`apps/webapp/`, `web/`) says nothing of
    // a full-stack package that depends on a server framework: only folders inside it do (round
    // 27: a React Router app on Hono in apps/webapp/ had all its server modules as browser code).
    // Inside a server package with no UI framework, only static-asset folders do.
    if (c === 'browser' && JS_FAMILY.test(path) && !BROWSER_FILE.test(path)) {
      const pkg = nearest(path);
      if (pkg?.server && pkg.dir !== '') {
        const inner = path.slice(pkg.dir.length + 1);
        if (!(pkg.ui ? BROWSER_DIR : ASSET_DIR).test(inner)) c = 'server';
      }
    }
    // A plain script in a page folder that loads a Node-only module (node:fs, child_process, a
    // server framework, a server-side APM or error-tracking SDK) runs in Node, not the page (blind
    // round 42: app/components/app-insights.js setting up the `applicationinsights` Node SDK of an
    // Express service read as browser code).
    if (c === 'browser' && PLAIN_SCRIPT.test(path) && ctx.read && loadsNodeOnly(ctx.read(path))) c = 'server';
    // A React Server Components client module (`'use client'` as its first statement) runs in the
    // page: its fetch is the page calling its backend (blind round 45). A route handler, pages/api
    // or middleware is server code whatever it says.
    if (c === 'server' && JS_FAMILY.test(path) && !FULLSTACK_SERVER.test(path) && useClient(ctx, path)) c = 'browser';
    if (c === 'server' && (manifest || (JS_FAMILY.test(path) && !FULLSTACK_SERVER.test(path)))) {
      const pkg = nearest(path);
      if (pkg && pkg.kind !== 'server') c = pkg.kind;
      else if (!manifest && !nodeRoot && THEME_DIR.test(path)) c = 'browser';
      else if (!manifest && pkg?.ui && UI_PACKAGE_DIR.test(path.slice(pkg.dir ? pkg.dir.length + 1 : 0))) c = 'browser';
    }
    cache.set(path, c);
    return c;
  };
}

/** Scripts whose folder alone made them browser code (not .jsx/.tsx/.vue/.svelte or *.component.ts). */
const PLAIN_SCRIPT = /(?<!\.component)\.[cm]?[jt]s$/i;

/**
 * Modules only Node runs: its built-ins that no bundler polyfills for a page (`fs`, `child_process`,
 * `http`, any `node:` specifier), server frameworks, and the Node SDKs of APM and error trackers
 * (`applicationinsights`; the browser's is `@microsoft/applicationinsights-web`).
 */
const NODE_ONLY_IMPORT =
  /(?:\brequire\(\s*|\bfrom\s+|^[ \t]*import\s+)['"](?:node:[\w/]+|fs|fs\/promises|child_process|cluster|worker_threads|net|tls|dgram|http2?|https|os|applicationinsights|express|fastify|koa|@hapi\/hapi|dd-trace|newrelic|elastic-apm-node|@sentry\/node|@opentelemetry\/sdk-node)['"]/m;

/** Whether a script loads a Node-only module (the first 64 KiB are read). */
/** The `'use client'` directive: first statement of the module, after comments and blank lines only. */
/** A client module: from the scan's digest where the audit gives one, else from the text. */
function useClient(ctx: ComponentContext, path: string): boolean {
  if (ctx.useClient) return ctx.useClient(path);
  const text = ctx.read?.(path);
  return text !== undefined && useClientModule(text);
}

function loadsNodeOnly(text: string | undefined): boolean {
  return text !== undefined && NODE_ONLY_IMPORT.test(text.slice(0, 65536));
}

export const COMPONENT_NAMES: Record<Component, string> = {
  server: 'server code',
  browser: 'browser code',
  desktop: 'desktop shell',
  mobile: 'mobile app',
  build: 'build tooling',
  cli: 'command-line tool',
};

/** Splits evidence into the service's own (server code) and another component's, for messages. */
export function splitByComponent<T extends { path: string }>(
  componentOf: (path: string) => Component,
  items: readonly T[],
): { server: T[]; elsewhere: T[] } {
  const server: T[] = [];
  const elsewhere: T[] = [];
  for (const x of items) (componentOf(x.path) === 'server' ? server : elsewhere).push(x);
  return { server, elsewhere };
}

/** Production, non-comment matches in the service's own code (codeMatches, without other components). */
export function serverCodeMatches(facts: { componentOf(path: string): Component }, matches: Match[]): Match[] {
  return codeMatches(matches).filter((m) => facts.componentOf(m.path) === 'server');
}
