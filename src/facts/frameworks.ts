/** Web frameworks, from manifests (and the ASP.NET Web SDK attribute). */
import type { FileView } from '../types.js';
import { lowerBound } from '../util/bisect.js';
import { NOT_THE_PRODUCT, TEST_PROJECT_DIR } from './paths.js';
import type { Dependency, Ecosystem, Framework } from '../types.js';
import { lineOf } from './manifests/text.js';
import { SCAFFOLD_DIR } from './workers.js';

/** dependency name (or `prefix*`) → framework id and display name. */
export const WEB_FRAMEWORKS: {
  ecosystem: Ecosystem | Ecosystem[];
  deps: string[];
  id: string;
  name: string;
  /**
   * JVM packages whose import in main code shows the framework in use when the build names it
   * through something unresolved (a catalogue, a convention plugin): see JVM_SERVER_IMPORTS.
   */
  imports?: string[];
  /** Names the `deps` prefixes also cover that are not the server: a framework's HTTP clients. */
  except?: string[];
}[] = [
  { ecosystem: 'npm', deps: ['express'], id: 'express', name: 'Express' },
  // Swift server frameworks (SwiftPM names a dependency by its repository: vapor/vapor, hummingbird-project/hummingbird).
  { ecosystem: 'swift', deps: ['vapor'], id: 'vapor', name: 'Vapor' },
  { ecosystem: 'swift', deps: ['hummingbird'], id: 'hummingbird', name: 'Hummingbird' },
  { ecosystem: 'npm', deps: ['fastify'], id: 'fastify', name: 'Fastify' },
  { ecosystem: 'npm', deps: ['koa'], id: 'koa', name: 'Koa' },
  { ecosystem: 'npm', deps: ['@hapi/hapi', 'hapi'], id: 'hapi', name: 'hapi' },
  { ecosystem: 'npm', deps: ['@nestjs/core'], id: 'nestjs', name: 'NestJS' },
  { ecosystem: 'npm', deps: ['next'], id: 'nextjs', name: 'Next.js' },
  { ecosystem: 'npm', deps: ['hono'], id: 'hono', name: 'Hono' },
  // The router of Cloudflare Workers and other fetch-handler runtimes (blind round 51: an OCI registry Worker).
  { ecosystem: 'npm', deps: ['itty-router'], id: 'itty-router', name: 'itty-router' },
  // Remix and its runtime adapters (a Remix app on Workers declares @remix-run/cloudflare, not /node).
  {
    ecosystem: 'npm',
    deps: [
      '@remix-run/node',
      '@remix-run/serve',
      '@remix-run/express',
      '@remix-run/cloudflare',
      '@remix-run/cloudflare-pages',
      '@remix-run/cloudflare-workers',
      '@remix-run/architect',
      '@remix-run/deno',
    ],
    id: 'remix',
    name: 'Remix',
  },
  // React Router v7 framework mode, the Remix successor: its server runtimes and adapters. A bare
  // `react-router` dependency is the routing library of a page, not a server (see reactRouterApp).
  {
    ecosystem: 'npm',
    deps: [
      '@react-router/node',
      '@react-router/serve',
      '@react-router/express',
      '@react-router/cloudflare',
      '@react-router/architect',
    ],
    id: 'react-router',
    name: 'React Router (framework mode)',
  },
  { ecosystem: 'npm', deps: ['nuxt'], id: 'nuxt', name: 'Nuxt' },
  { ecosystem: 'npm', deps: ['@sveltejs/kit'], id: 'sveltekit', name: 'SvelteKit' },
  { ecosystem: 'npm', deps: ['@adonisjs/core'], id: 'adonis', name: 'AdonisJS' },
  { ecosystem: 'npm', deps: ['restify'], id: 'restify', name: 'restify' },
  { ecosystem: 'pip', deps: ['fastapi'], id: 'fastapi', name: 'FastAPI' },
  { ecosystem: 'pip', deps: ['flask'], id: 'flask', name: 'Flask' },
  { ecosystem: 'pip', deps: ['django'], id: 'django', name: 'Django' },
  { ecosystem: 'pip', deps: ['starlette'], id: 'starlette', name: 'Starlette' },
  { ecosystem: 'pip', deps: ['aiohttp'], id: 'aiohttp', name: 'aiohttp' },
  { ecosystem: 'pip', deps: ['tornado'], id: 'tornado', name: 'Tornado' },
  { ecosystem: 'pip', deps: ['sanic'], id: 'sanic', name: 'Sanic' },
  { ecosystem: 'pip', deps: ['litestar'], id: 'litestar', name: 'Litestar' },
  { ecosystem: 'pip', deps: ['pyramid'], id: 'pyramid', name: 'Pyramid' },
  { ecosystem: 'pip', deps: ['falcon'], id: 'falcon', name: 'Falcon' },
  { ecosystem: 'go', deps: ['github.com/gin-gonic/gin'], id: 'gin', name: 'Gin' },
  { ecosystem: 'go', deps: ['github.com/labstack/echo*'], id: 'echo', name: 'Echo' },
  { ecosystem: 'go', deps: ['github.com/gofiber/fiber*'], id: 'fiber', name: 'Fiber' },
  { ecosystem: 'go', deps: ['github.com/go-chi/chi*'], id: 'chi', name: 'chi' },
  { ecosystem: 'go', deps: ['github.com/gorilla/mux'], id: 'gorilla', name: 'Gorilla mux' },
  {
    ecosystem: 'go',
    deps: ['github.com/grpc-ecosystem/grpc-gateway*', 'google.golang.org/grpc'],
    id: 'grpc-go',
    name: 'gRPC',
  },
  { ecosystem: 'go', deps: ['github.com/julienschmidt/httprouter'], id: 'httprouter', name: 'httprouter' },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['org.springframework.boot:spring-boot-starter-web*', 'org.springframework.boot:spring-boot-starter-webflux'],
    id: 'spring-boot',
    name: 'Spring Boot',
  },
  {
    ecosystem: ['maven', 'gradle'],
    // The server extensions of a Quarkus application (REST, routes, gRPC, WebSockets, servlets,
    // GraphQL): a Quarkus service has no main class, these make it one. Their clients serve nothing.
    deps: [
      'io.quarkus:quarkus-resteasy*',
      'io.quarkus:quarkus-rest*',
      'io.quarkus:quarkus-vertx-http',
      'io.quarkus:quarkus-reactive-routes',
      'io.quarkus:quarkus-grpc',
      'io.quarkus:quarkus-websockets*',
      'io.quarkus:quarkus-undertow',
      'io.quarkus:quarkus-smallrye-graphql',
      'io.quarkus:quarkus-spring-web',
      'io.quarkus:quarkus-funqy-http',
    ],
    except: [
      'io.quarkus:quarkus-rest-client*',
      'io.quarkus:quarkus-resteasy-client*',
      'io.quarkus:quarkus-resteasy-reactive-client*',
      'io.quarkus:quarkus-websockets-client*',
      'io.quarkus:quarkus-websockets-next-client*',
    ],
    id: 'quarkus',
    name: 'Quarkus',
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['io.micronaut:micronaut-http-server*'],
    id: 'micronaut',
    name: 'Micronaut',
    imports: ['io.micronaut.http.annotation'],
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: [
      'io.ktor:ktor-server-core*',
      'io.ktor:ktor-server-netty*',
      'io.ktor:ktor-server-cio*',
      'io.ktor:ktor-server-jetty*',
    ],
    id: 'ktor',
    name: 'Ktor',
    imports: ['io.ktor.server'],
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['org.http4k:http4k-server-*', 'org.http4k:http4k-core'],
    id: 'http4k',
    name: 'http4k',
    imports: ['org.http4k.server'],
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['io.javalin:javalin*'],
    id: 'javalin',
    name: 'Javalin',
    imports: ['io.javalin'],
  },
  { ecosystem: ['maven', 'gradle'], deps: ['io.dropwizard:dropwizard-core'], id: 'dropwizard', name: 'Dropwizard' },
  // Servers a plain Java application embeds and starts itself (round 4: a Jetty + Jersey server was a "library").
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['org.eclipse.jetty:jetty-server', 'org.eclipse.jetty.ee*:jetty-ee*-servlet'],
    id: 'jetty',
    name: 'Jetty',
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['org.glassfish.jersey.core:jersey-server', 'org.glassfish.jersey.containers:*'],
    id: 'jersey',
    name: 'Jersey',
  },
  { ecosystem: ['maven', 'gradle'], deps: ['io.undertow:undertow-core'], id: 'undertow', name: 'Undertow' },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['io.vertx:vertx-web'],
    id: 'vertx-web',
    name: 'Vert.x Web',
    imports: ['io.vertx.ext.web'],
  },
  {
    ecosystem: ['maven', 'gradle'],
    // Helidon SE's web server, or Helidon MP's server bundle (CDI-started, no server code of its own).
    deps: [
      'io.helidon.webserver:helidon-webserver*',
      'io.helidon.microprofile.bundles:helidon-microprofile*',
      'io.helidon.microprofile.server:helidon-microprofile-server',
    ],
    id: 'helidon',
    name: 'Helidon',
    imports: ['io.helidon.webserver'],
  },
  { ecosystem: ['maven', 'gradle'], deps: ['com.sparkjava:spark-core'], id: 'spark-java', name: 'Spark' },
  // Scala (sbt records `%%` modules without the Scala suffix; Maven and Gradle spell `_2.13`, `_3`).
  // A Scala framework makes a service only with a program that starts it (profile.ts, scalaMain):
  // Tapir, http4s and the Akka/Pekko routing DSLs are as often the base of a published library.
  {
    ecosystem: ['maven', 'gradle'],
    // The server interpreters (a `*` matches at the end only); the stub server is for tests.
    deps: [
      'netty',
      'http4s',
      'akka-http',
      'pekko-http',
      'zio-http',
      'vertx',
      'armeria',
      'jdkhttp',
      'play',
      'nima',
      'finatra',
    ].map((s) => `com.softwaremill.sttp.tapir:tapir-${s}-server*`),
    id: 'tapir',
    name: 'Tapir',
    imports: ['sttp.tapir.server'],
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['ember-server', 'blaze-server', 'netty-server', 'jetty-server', 'server'].map(
      (s) => `org.http4s:http4s-${s}*`,
    ),
    id: 'http4s',
    name: 'http4s',
    imports: ['org.http4s.ember.server', 'org.http4s.blaze.server', 'org.http4s.netty.server', 'org.http4s.server'],
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['com.typesafe.akka:akka-http', 'com.typesafe.akka:akka-http_*'],
    id: 'akka-http',
    name: 'Akka HTTP',
    imports: ['akka.http.scaladsl.server'],
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['org.apache.pekko:pekko-http', 'org.apache.pekko:pekko-http_*'],
    id: 'pekko-http',
    name: 'Pekko HTTP',
    imports: ['org.apache.pekko.http.scaladsl.server'],
  },
  {
    ecosystem: ['maven', 'gradle'],
    // What the PlayScala/PlayJava sbt plugins add (manifests/sbt.ts records it), or the server modules.
    deps: ['com.typesafe.play', 'org.playframework'].flatMap((o) =>
      ['server', 'akka-http-server', 'pekko-http-server', 'netty-server'].map((s) => `${o}:play-${s}*`),
    ),
    id: 'play',
    name: 'Play',
  },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['dev.zio:zio-http', 'dev.zio:zio-http_*', 'io.d11:zhttp*'],
    id: 'zio-http',
    name: 'ZIO HTTP',
    imports: ['zio.http'],
  },
  { ecosystem: ['maven', 'gradle'], deps: ['com.github.finagle:finch*'], id: 'finch', name: 'Finch' },
  {
    ecosystem: ['maven', 'gradle'],
    deps: ['org.scalatra:scalatra', 'org.scalatra:scalatra_*'],
    id: 'scalatra',
    name: 'Scalatra',
  },
  { ecosystem: ['maven', 'gradle'], deps: ['com.lihaoyi:cask', 'com.lihaoyi:cask_*'], id: 'cask', name: 'Cask' },
  { ecosystem: 'nuget', deps: ['Microsoft.AspNetCore.*'], id: 'aspnetcore', name: 'ASP.NET Core' },
  { ecosystem: 'bundler', deps: ['rails', 'railties'], id: 'rails', name: 'Ruby on Rails' },
  { ecosystem: 'bundler', deps: ['sinatra'], id: 'sinatra', name: 'Sinatra' },
  { ecosystem: 'bundler', deps: ['hanami'], id: 'hanami', name: 'Hanami' },
  { ecosystem: 'composer', deps: ['laravel/framework', 'laravel/lumen-framework'], id: 'laravel', name: 'Laravel' },
  { ecosystem: 'composer', deps: ['symfony/framework-bundle', 'symfony/http-kernel'], id: 'symfony', name: 'Symfony' },
  { ecosystem: 'composer', deps: ['slim/slim'], id: 'slim', name: 'Slim' },
  // Mezzio (formerly Zend Expressive): a PSR-15 middleware application; Laminas MVC (formerly Zend
  // Framework) its MVC sibling (blind round 50: a Mezzio service was "no web framework").
  {
    ecosystem: 'composer',
    deps: ['mezzio/mezzio', 'zendframework/zend-expressive'],
    id: 'mezzio',
    name: 'Mezzio',
  },
  {
    ecosystem: 'composer',
    deps: ['laminas/laminas-mvc', 'zendframework/zend-mvc'],
    id: 'laminas-mvc',
    name: 'Laminas MVC',
  },
  // Elixir: Phoenix, and Plug served by Cowboy or Bandit. A Hex package that declares one is a
  // service only where its own code starts the endpoint (profile.ts, Elixir server starts).
  { ecosystem: 'hex', deps: ['phoenix'], id: 'phoenix', name: 'Phoenix' },
  { ecosystem: 'hex', deps: ['plug_cowboy', 'bandit', 'cowboy', 'plug'], id: 'plug', name: 'Plug' },
  { ecosystem: 'hex', deps: ['absinthe_plug', 'absinthe'], id: 'absinthe', name: 'Absinthe (GraphQL)' },
  { ecosystem: 'cargo', deps: ['actix-web'], id: 'actix-web', name: 'Actix Web' },
  { ecosystem: 'cargo', deps: ['axum'], id: 'axum', name: 'axum' },
  { ecosystem: 'cargo', deps: ['rocket'], id: 'rocket', name: 'Rocket' },
  { ecosystem: 'cargo', deps: ['warp'], id: 'warp', name: 'warp' },
  { ecosystem: 'cargo', deps: ['tonic'], id: 'tonic', name: 'tonic (gRPC)' },
  { ecosystem: 'cargo', deps: ['poem'], id: 'poem', name: 'Poem' },
];

/** The Scala frameworks above: a service only where a program of the product starts (profile.ts). */
export const SCALA_FRAMEWORKS = new Set([
  'tapir',
  'http4s',
  'akka-http',
  'pekko-http',
  'zio-http',
  'finch',
  'scalatra',
  'cask',
]);

/** `import io.ktor.server.…` (Kotlin, Java, Scala, Groovy) of a JVM web framework in WEB_FRAMEWORKS. */
export const JVM_SERVER_IMPORTS: Array<{ prefix: string; id: string; name: string }> = WEB_FRAMEWORKS.flatMap((fw) =>
  (fw.imports ?? []).map((prefix) => ({ prefix, id: fw.id, name: fw.name })),
);

/** A dependency that names this framework's server: one of its `deps`, not one of its `except` (clients). */
export function isFrameworkDep(fw: (typeof WEB_FRAMEWORKS)[number], name: string): boolean {
  return namesMatcher(fw.deps)(name) && !(fw.except ? namesMatcher(fw.except)(name) : false);
}

/**
 * `name` matches `pattern` exactly or, for `prefix*`, by prefix; case-insensitive for pip/nuget.
 * `@*` + `/name` is an npm package under any scope: the unscoped one's forks republished under a
 * user's scope (`@isaacs/express-prometheus-middleware`) keep its name and its meaning.
 */
/** A catalogue name qualified by its ecosystem (`hex:tower`, `cargo:sentry`). */
const QUALIFIED = /^(npm|pip|go|maven|gradle|nuget|cargo|composer|bundler|hex|swift):(?!\/)/;

export function nameMatches(name: string, pattern: string, ecosystem?: string): boolean {
  // `hex:tower`: a name that means the practice in one ecosystem only (Elixir's error reporter
  // `tower`, not Rust's middleware crate of the same name). Without an ecosystem to compare, the
  // name alone is compared.
  const q = QUALIFIED.exec(pattern);
  if (q) {
    if (ecosystem !== undefined && ecosystem !== q[1]) return false;
    pattern = pattern.slice(q[0].length);
  }
  const n = name.toLowerCase();
  const p = pattern.toLowerCase();
  if (p.startsWith('@*/')) {
    const slash = n.indexOf('/');
    return n.startsWith('@') && slash > 1 && nameMatches(n.slice(slash + 1), p.slice(3));
  }
  return p.endsWith('*') ? n.startsWith(p.slice(0, -1)) : n === p;
}

type NameTest = (name: string, ecosystem?: string) => boolean;

/** A list of catalogue names, compiled: exact names, prefixes and names in any scope apart. */
interface CompiledNames {
  exact: Map<string, (string | undefined)[]>;
  prefixes: { p: string; eco: string | undefined }[];
  /** `@*` + `/rest`: `rest` compared with the part of a scoped name after its scope. */
  scoped: { eco: string | undefined; names: CompiledNames }[];
  test: NameTest;
}
const compiledNames = new WeakMap<readonly string[], CompiledNames>();

function compileNames(patterns: readonly string[]): CompiledNames {
  const known = compiledNames.get(patterns);
  if (known) return known;
  const exact = new Map<string, (string | undefined)[]>();
  const prefixes: { p: string; eco: string | undefined }[] = [];
  const scopedBy = new Map<string | undefined, string[]>();
  for (const pattern of patterns) {
    const q = QUALIFIED.exec(pattern);
    const eco = q?.[1];
    const p = (q ? pattern.slice(q[0].length) : pattern).toLowerCase();
    if (p.startsWith('@*/')) scopedBy.set(eco, [...(scopedBy.get(eco) ?? []), p.slice(3)]);
    else if (p.endsWith('*')) prefixes.push({ p: p.slice(0, -1), eco });
    else exact.set(p, [...(exact.get(p) ?? []), eco]);
  }
  const scoped = [...scopedBy].map(([eco, rest]) => ({ eco, names: compileNames(rest) }));
  const test: NameTest = (name, ecosystem) => {
    const ok = (eco: string | undefined) => eco === undefined || ecosystem === undefined || ecosystem === eco;
    const n = name.toLowerCase();
    if (exact.get(n)?.some(ok)) return true;
    for (const x of prefixes) if (ok(x.eco) && n.startsWith(x.p)) return true;
    if (scoped.length === 0 || !n.startsWith('@')) return false;
    const slash = n.indexOf('/');
    if (slash <= 1) return false;
    const rest = n.slice(slash + 1);
    return scoped.some((x) => ok(x.eco) && x.names.test(rest));
  };
  const c = { exact, prefixes, scoped, test };
  compiledNames.set(patterns, c);
  return c;
}

/**
 * `patterns.some((p) => nameMatches(name, p, ecosystem))` in one lookup: exact names in a map,
 * prefixes and names in any scope beside it. Catalogues hold hundreds of names and a workspace
 * of 20,000 packages declares 20,000 names, each asked by every rule: compared one pattern at a
 * time that was minutes of work. Compiled once per pattern list.
 */
export function namesMatcher(patterns: readonly string[]): NameTest {
  return compileNames(patterns).test;
}

/** Names (lower-cased) to the positions that carry them, and the distinct names sorted. */
interface NameTable {
  at: Map<string, number[]>;
  sorted: string[];
}

function nameTable(names: Iterable<[string, number]>): NameTable {
  const at = new Map<string, number[]>();
  for (const [n, i] of names) {
    const list = at.get(n);
    if (list) list.push(i);
    else at.set(n, [i]);
  }
  return { at, sorted: [...at.keys()].sort() };
}

/** Positions of a table's names that a compiled list may match (a superset, checked after). */
function candidates(t: NameTable, c: CompiledNames, out: Set<number>): boolean {
  for (const k of c.exact.keys()) for (const i of t.at.get(k) ?? []) out.add(i);
  for (const { p } of c.prefixes)
    for (let k = lowerBound(t.sorted.length, (x) => t.sorted[x]! < p); k < t.sorted.length; k++) {
      const n = t.sorted[k]!;
      if (!n.startsWith(p)) break;
      for (const i of t.at.get(n)!) out.add(i);
    }
  // A name in any scope of a name in any scope: too rare to index; the caller tests every item.
  return c.scoped.every((x) => x.names.scoped.length === 0);
}

/**
 * Items (dependencies) looked up by catalogue name lists without comparing every item with every
 * name: the exact names by map, prefixes by range in the sorted names, names in any scope by the
 * part after the scope. Answers in the items' order, exactly the items `namesMatcher` accepts.
 */
export function nameIndex<T extends { name: string; ecosystem: string }>(
  items: readonly T[],
): (patterns: readonly string[]) => T[] {
  const lower = items.map((d) => d.name.toLowerCase());
  const whole = nameTable(lower.map((n, i): [string, number] => [n, i]));
  let scopedTable: NameTable | undefined;
  const scopedRest = () =>
    (scopedTable ??= nameTable(
      lower.flatMap((n, i): [string, number][] => {
        const slash = n.indexOf('/');
        return n.startsWith('@') && slash > 1 ? [[n.slice(slash + 1), i]] : [];
      }),
    ));
  return (patterns) => {
    const c = compileNames(patterns);
    const found = new Set<number>();
    let complete = candidates(whole, c, found);
    for (const x of c.scoped) complete = candidates(scopedRest(), x.names, found) && complete;
    const order = complete ? [...found].sort((a, b) => a - b) : items.map((_, i) => i);
    return order.filter((i) => c.test(items[i]!.name, items[i]!.ecosystem)).map((i) => items[i]!);
  };
}

/**
 * A .NET project that is not the product: under a tests/, samples/, benchmarks/ … folder, or named
 * as a test, sample, demo or benchmark project (`WebAppTest.csproj`, `Foo.Sample.csproj`). Its Web
 * SDK or ASP.NET packages host a test app, not a service (blind round 14: FusionCache's NuGet
 * packages under src/ were judged a service from tests/WebAppTest/WebAppTest.csproj).
 */
const DOTNET_NON_PRODUCT_PROJECT =
  /(?:^|\/)[^/]*?(?:^|[^A-Za-z]|[a-z])(?:Tests?|Testing|Samples?|Demos?|Benchmarks?|Playground)(?:[^a-z][^/]*)?\.(?:cs|fs|vb)proj$/;

export function isNonProductDotnetProject(path: string): boolean {
  return NOT_THE_PRODUCT.test(path) || TEST_PROJECT_DIR.test(path) || DOTNET_NON_PRODUCT_PROJECT.test(path);
}

/** A .NET project file that is not the product: by name or folder, or a test project by what it references. */
export function nonProductDotnetProjectFile(files: FileView, path: string): boolean {
  return isNonProductDotnetProject(path) || DOTNET_TEST_PROJECT.test(files.read(path) ?? '');
}

export const DOTNET_PROJECT = /\.(?:cs|fs|vb)proj$/;
/** A test project by what it references, whatever its name (`acceptance/Ocelot.Acceptance.csproj`). */
const DOTNET_TEST_PROJECT =
  /<IsTestProject>\s*true\s*<|<PackageReference\s+Include\s*=\s*"(?:Microsoft\.NET\.Test\.Sdk|xunit(?:\.v3)?|NUnit|MSTest(?:\.TestFramework)?|TUnit)"/i;
/** A project that runs as a program: the Web or Worker SDK, or an executable output. */
const DOTNET_HOST_PROJECT = /Sdk\s*=\s*"Microsoft\.NET\.Sdk\.(?:Web|Worker)"|<OutputType>\s*(?:Exe|WinExe)\s*</i;

/**
 * What a .NET project is, read from its file: `test` (it references a test SDK or framework),
 * `host` (Web/Worker SDK or an executable) or `library`. A web framework's package in a test project
 * hosts a test app, and in a class library it extends the framework for others (blind round 22:
 * Ocelot, a gateway library on NuGet, was judged a service from the TestHost package of its
 * acceptance tests): only a host project makes the repository a service.
 */
function dotnetProjectKind(files: FileView, path: string): 'test' | 'host' | 'library' {
  const text = files.read(path) ?? '';
  if (DOTNET_TEST_PROJECT.test(text)) return 'test';
  return DOTNET_HOST_PROJECT.test(text) ? 'host' : 'library';
}

/**
 * Whether a .NET source file belongs to a project that is not the product: its nearest enclosing
 * project file is a test, sample or benchmark project by name, or a test project by what it
 * references (blind round 22: Ocelot's `manual/` test host and `acceptance/` tests started servers).
 * Files of other languages, and files under no project, are not answered here (false).
 */
export function inNonProductDotnetProject(files: FileView): (path: string) => boolean {
  const projects = files.match(['**/*.csproj', '**/*.fsproj', '**/*.vbproj']);
  if (projects.length === 0) return () => false;
  const byDir = new Map<string, boolean>();
  for (const p of projects) {
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    const nonProduct = nonProductDotnetProjectFile(files, p);
    // Two projects in one folder: the folder is the product's if either is.
    byDir.set(dir, (byDir.get(dir) ?? true) && nonProduct);
  }
  return (path) => {
    if (!/\.(?:cs|fs|vb)$/.test(path)) return false;
    for (let dir = path; dir.includes('/'); ) {
      dir = dir.slice(0, dir.lastIndexOf('/'));
      const answer = byDir.get(dir);
      if (answer !== undefined) return answer;
    }
    return byDir.get('') ?? false;
  };
}

/** The first ASP.NET Web SDK project that is a test, sample or benchmark host (set aside), cited `path:line`. */
export function nonProductWebHost(files: FileView): string | undefined {
  for (const p of files.match(['**/*.csproj', '**/*.fsproj']).filter(isNonProductDotnetProject)) {
    const text = files.read(p);
    if (text && /Sdk\s*=\s*"Microsoft\.NET\.Sdk\.Web"/.test(text))
      return `${p}:${lineOf(text, 'Microsoft.NET.Sdk.Web') ?? 1}`;
  }
  return undefined;
}

export function detectFrameworks(files: FileView, deps: Dependency[]): Framework[] {
  const out = new Map<string, Framework>();
  const kinds = new Map<string, 'test' | 'host' | 'library'>();
  const dotnetHost = (path: string) => {
    if (!DOTNET_PROJECT.test(path)) return true; // central package files (Directory.Packages.props): as before
    let kind = kinds.get(path);
    if (!kind) kinds.set(path, (kind = dotnetProjectKind(files, path)));
    return kind === 'host';
  };
  // The dependencies by name: each framework looks its names up instead of testing every dependency
  // (56 frameworks times the 40,000 dependencies of a 1 MB package.json: a third of its audit).
  const named = nameIndex(deps);
  for (const fw of WEB_FRAMEWORKS) {
    const ecos = Array.isArray(fw.ecosystem) ? fw.ecosystem : [fw.ecosystem];
    const dep = named(fw.deps).find(
      (d) =>
        ecos.includes(d.ecosystem) &&
        !(fw.except ? namesMatcher(fw.except)(d.name) : false) &&
        !d.dev &&
        // An optional Hex dependency (`optional: true`) is an integration a library offers its users.
        !(d.ecosystem === 'hex' && d.optional) &&
        !NOT_THE_PRODUCT.test(d.path) &&
        !TEST_PROJECT_DIR.test(d.path) &&
        !(d.ecosystem === 'nuget' && (DOTNET_NON_PRODUCT_PROJECT.test(d.path) || !dotnetHost(d.path))),
    );
    if (dep && !out.has(fw.id)) {
      out.set(fw.id, {
        id: fw.id,
        name: fw.name,
        ecosystem: dep.ecosystem,
        evidence: {
          path: dep.path,
          ...(dep.line ? { line: dep.line } : {}),
          snippet: `${dep.name}${dep.version ? ` ${dep.version}` : ''}`,
        },
      });
    }
  }
  // ASP.NET Core apps reference the framework through the Web SDK, not a package. The Web SDK
  // project is the host, so it is the evidence even when some package named Microsoft.AspNetCore.*
  // (a diagnostics helper in a class library) was seen first.
  if (!out.has('aspnetcore') || files.has(['**/*.csproj', '**/*.fsproj'])) {
    for (const p of files.match(['**/*.csproj', '**/*.fsproj']).filter((x) => !isNonProductDotnetProject(x))) {
      const text = files.read(p);
      if (text && /Sdk\s*=\s*"Microsoft\.NET\.Sdk\.Web"/.test(text) && !DOTNET_TEST_PROJECT.test(text)) {
        out.set('aspnetcore', {
          id: 'aspnetcore',
          name: 'ASP.NET Core',
          ecosystem: 'nuget',
          evidence: {
            path: p,
            line: lineOf(text, 'Microsoft.NET.Sdk.Web') ?? 1,
            snippet: 'Sdk="Microsoft.NET.Sdk.Web"',
          },
        });
        break;
      }
    }
  }
  const mvc = springMvc(deps, out);
  if (mvc) out.set(mvc.id, mvc);
  const rr = out.has('react-router') ? undefined : reactRouterApp(files, deps);
  if (rr) out.set(rr.id, rr);
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** React Router's framework config beside the package manifest; `ssr: false` builds a static single-page app. */
const REACT_ROUTER_CONFIGS = [
  'react-router.config.ts',
  'react-router.config.js',
  'react-router.config.mjs',
  'react-router.config.mts',
];
const SSR_OFF = /\bssr\s*:\s*false\b/;

/**
 * A React Router v7 framework-mode application (issue 15, blind round 46: a site on Cloudflare Workers
 * built with `@react-router/dev` and react-router.config.ts was "a library, no web framework"). The
 * framework's build tool is a development dependency by design and the Workers runtime comes from
 * the Cloudflare Vite plugin, so no server runtime is declared: the package that has
 * `@react-router/dev` and its config (or `app/routes.ts`) beside its manifest is the app. With
 * `ssr: false` it prerenders a static single-page app, which serves nothing itself.
 */
function reactRouterApp(files: FileView, deps: readonly Dependency[]): Framework | undefined {
  for (const d of deps) {
    if (d.ecosystem !== 'npm' || d.name !== '@react-router/dev') continue;
    if (NOT_THE_PRODUCT.test(d.path) || TEST_PROJECT_DIR.test(d.path) || SCAFFOLD_DIR.test(d.path)) continue;
    const dir = d.path.includes('/') ? d.path.slice(0, d.path.lastIndexOf('/') + 1) : '';
    const config = REACT_ROUTER_CONFIGS.map((c) => `${dir}${c}`).find((c) => files.exists(c));
    const text = config ? (files.read(config) ?? '') : undefined;
    if (text !== undefined && SSR_OFF.test(text.slice(0, 50_000))) continue;
    const routes = ['app/routes.ts', 'app/routes.js'].map((r) => `${dir}${r}`).find((r) => files.exists(r));
    const at = config ?? routes;
    if (!at) continue;
    return {
      id: 'react-router',
      name: 'React Router (framework mode)',
      ecosystem: 'npm',
      evidence: {
        path: at,
        line: 1,
        snippet: `${d.name}${d.version ? ` ${d.version}` : ''} (${d.path}${d.line ? `:${d.line}` : ''})`,
      },
    };
  }
  return undefined;
}

const SPRING_WEB_MODULES = ['org.springframework:spring-webmvc', 'org.springframework:spring-webflux'];

/**
 * Spring MVC or WebFlux declared as the module itself, not through Boot's web starter (blind round
 * 35, rm-collection-exercise-service: `spring-webmvc` + `spring-boot-starter-jetty` with
 * `@RequestMapping` controllers was "no web framework: the HTTP server is the standard library's").
 * With any Spring Boot module beside it, the application is a Spring Boot web application (Boot
 * auto-configures the dispatcher, its server and Spring Security the same way); without, a Spring
 * MVC application deployed as a WAR.
 */
function springMvc(deps: readonly Dependency[], out: ReadonlyMap<string, Framework>): Framework | undefined {
  if (out.has('spring-boot')) return undefined;
  const production = (d: Dependency) =>
    !d.dev &&
    !NOT_THE_PRODUCT.test(d.path) &&
    !TEST_PROJECT_DIR.test(d.path) &&
    (d.ecosystem === 'maven' || d.ecosystem === 'gradle');
  const dep = deps.find((d) => production(d) && SPRING_WEB_MODULES.includes(d.name));
  if (!dep) return undefined;
  const boot = deps.some(
    (d) =>
      production(d) &&
      d.name.startsWith('org.springframework.boot:spring-boot') &&
      !/-(?:test|devtools|docker-compose|testcontainers)$/.test(d.name),
  );
  return {
    id: boot ? 'spring-boot' : 'spring-mvc',
    name: boot ? 'Spring Boot' : dep.name.endsWith('webflux') ? 'Spring WebFlux' : 'Spring MVC',
    ecosystem: dep.ecosystem,
    evidence: {
      path: dep.path,
      ...(dep.line ? { line: dep.line } : {}),
      snippet: `${dep.name}${dep.version ? ` ${dep.version}` : ''}`,
    },
  };
}
