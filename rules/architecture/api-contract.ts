import { defineRule, type Evidence, type FileView } from '../../src/types.js';
import { fail, listing, partial, pass, searched } from '../../src/engine/results.js';
import { fromMatch, isProductionPath, isTestPath } from '../../src/facts/paths.js';
import { k8s } from '../../src/facts/k8s.js';

// Contracts by file name. docs/ is a normal home for a contract, so only tests are excluded.
const CONTRACT_FILES: { kind: string; globs: string[] }[] = [
  {
    kind: 'OpenAPI',
    globs: ['**/openapi*.{yaml,yml,json}', '**/*.openapi.{yaml,yml,json}', '**/swagger*.{yaml,yml,json}'],
  },
  { kind: 'protobuf/gRPC', globs: ['**/*.proto'] },
  { kind: 'GraphQL schema', globs: ['**/*.graphql', '**/*.graphqls', '**/*.gql'] },
  { kind: 'AsyncAPI', globs: ['**/asyncapi*.{yaml,yml,json}'] },
  { kind: 'Smithy/TypeSpec/RAML', globs: ['**/*.smithy', '**/*.tsp', '**/*.raml'] },
];
const SPEC_DOCS = ['**/*.{yaml,yml,json}'];
/**
 * A GraphQL file is a schema when it defines types (`type Query {`, `schema {`, `input`, `enum`,
 * `scalar`, `union`, `interface`, `extend type`, `directive @`). A file of operations only (`query
 * gen3Species { … }`, fragments) is a client's example query, and an empty metadata file says
 * nothing: neither describes the API (round 22, pokeapi's graphql/v1beta/examples/*.gql).
 */
const SDL_KEYWORDS = new Set([
  'schema',
  'type',
  'interface',
  'input',
  'enum',
  'union',
  'scalar',
  'directive',
  'extend',
]);

/**
 * Whether a GraphQL document defines types: a type-system keyword starts a definition at the top
 * level. Inside braces it is a field (a query's `schema { … }` selection, blind round 27: lldap's
 * app/queries/*.graphql were cited as the schema instead of the root schema.graphql). One pass over
 * the text: brace depth, `#` comments and strings skipped.
 */
export function isGraphqlSchema(text: string): boolean {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === 34 /* " */) {
      const block = text.startsWith('"""', i);
      const close = block ? text.indexOf('"""', i + 3) : text.indexOf('"', i + 1);
      // An unterminated string ends the document; block strings (descriptions) may hold braces.
      i = close < 0 ? n : close + (block ? 3 : 1);
    } else if (c === 123 /* { */ || c === 40 /* ( */ || c === 91 /* [ */) {
      depth++;
      i++;
    } else if (c === 125 /* } */ || c === 41 /* ) */ || c === 93 /* ] */) {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (depth === 0 && ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) {
      let j = i + 1;
      while (j < n && /\w/.test(text[j]!)) j++;
      if (SDL_KEYWORDS.has(text.slice(i, j))) return true;
      i = j;
    } else i++;
  }
  return false;
}
/** Test data folders: a spec there is an input of the tests, not this service's contract. */
const FIXTURE_DIR = /(^|\/)(?:__)?(?:fixtures?|mocks?|testdata|test-data|samples?|stubs?)(?:__)?\//i;
/** Settings of the code generator (openapi-generator-cli's openapitools.json), not a description of the API. */
const GENERATOR_CONFIG = /(^|\/)(?:openapitools\.json|openapi-?generator[^/]*\.(?:ya?ml|json)|\.openapi-generator\/)/i;

/** Suffixes of the stubs protoc generates from `name.proto` for languages other than Go. */
const STUBS = ['_pb2.py', '_pb2_grpc.py', '_pb2.pyi', '_pb.js', '_pb.ts', '_grpc_pb.js', '_pb.d.ts', '_pb.rb'];

/**
 * Protos copied from another project to call its service (lnbits' wallets/boltz_grpc_files): the
 * proto names the owner's Go module (`option go_package = "github.com/BoltzExchange/…"`), this
 * repository has no Go module of its own, and this project's client stubs sit beside the proto.
 * That is the other service's contract, not this one's. Each such proto, with the module it names.
 */
function foreignProtos(files: FileView): Map<string, string> {
  const out = new Map<string, string>();
  if (files.match(['**/go.mod']).length > 0) return out;
  for (const p of files.match(['**/*.proto'])) {
    const stem = p.slice(0, -'.proto'.length);
    if (!STUBS.some((x) => files.exists(`${stem}${x}`))) continue;
    const m = /^\s*option\s+go_package\s*=\s*"((?:[\w.-]+\.[a-z]{2,})\/[\w.-]+\/[\w.-]+)/m.exec(files.read(p) ?? '');
    if (m) out.set(p, m[1]!);
  }
  return out;
}

/** An OpenAPI generator configured in a build: its generator name (`generatorName.set("kotlin")`, `<generatorName>java`, `-g typescript-axios`). */
const GENERATOR_NAME =
  /\bgeneratorName\b\s*(?:\.set\s*\(\s*|=\s*|>\s*)["']?([\w-]{1,60})|\bopenapi-generator(?:-cli)?\s+generate\b[^\n]{0,300}?\s(?:-g|--generator-name)[ =]["']?([\w-]{1,60})/g;
/** Generators that write a server from the spec (contract first: the spec is the service's own). */
const SERVER_GENERATOR =
  /spring|server|aspnetcore|fastapi|flask|jaxrs|ktor|rails|laravel|slim|symfony|lumen|undertow|inflector|vertx|micronaut|gin|echo|axum|aiohttp|express|django|play-framework|haskell-servant|rust-server|nancyfx|pistache|restbed/i;
const BUILD_FILES = ['build.gradle', 'build.gradle.kts', 'pom.xml', 'package.json', 'Makefile'];

/**
 * OpenAPI documents of other services kept to generate clients for them (blind round 43: a Kotlin
 * service's `openapi-specs/*-api-docs.json`, the `inputSpec` of openapi-generator tasks with
 * `generatorName.set("kotlin")`): the build file of the document's module (its folder or one above)
 * configures only client generators and names the document's folder or file. Those are the
 * contracts of the APIs it calls, not its own. Each such document, with the build file.
 */
function clientGeneratorInputs(files: FileView, specs: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const builds = new Map<string, string | null>();
  const clientBuild = (path: string): string | null => {
    let known = builds.get(path);
    if (known !== undefined) return known;
    const text = files.read(path) ?? '';
    const names = [...text.matchAll(GENERATOR_NAME)].slice(0, 50).map((m) => m[1] ?? m[2] ?? '');
    known = names.length > 0 && !names.some((n) => SERVER_GENERATOR.test(n)) ? text : null;
    builds.set(path, known);
    return known;
  };
  let n = 0;
  for (const p of specs) {
    if (++n > 500) break;
    const swift = swiftClientConfig(files, p);
    if (swift) {
      out.set(p, swift);
      continue;
    }
    const parts = p.split('/');
    const file = parts[parts.length - 1]!;
    const folder = parts.length > 1 ? `${parts[parts.length - 2]}/` : undefined;
    // The document's folder and up to three folders above it.
    for (let up = parts.length - 1; up >= Math.max(0, parts.length - 5); up--) {
      const dir = parts.slice(0, up).join('/');
      const build = BUILD_FILES.map((b) => (dir ? `${dir}/${b}` : b)).find((b) => files.exists(b) && clientBuild(b));
      if (!build) continue;
      const text = clientBuild(build)!;
      if (text.includes(file) || (folder && text.includes(folder))) out.set(p, build);
      break;
    }
  }
  return out;
}

/**
 * swift-openapi-generator's `openapi-generator-config.yaml` beside the document (the build plugin reads
 * the two from the target's folder) whose `generate:` list has no `server`: only types and a client
 * are generated, for an API the code calls (blind round 50: GitHub's REST description kept to call
 * GitHub, `generate: [types, client]`, was a bot's own "API described by OpenAPI"). The config's path.
 */
function swiftClientConfig(files: FileView, spec: string): string | undefined {
  const dir = spec.includes('/') ? spec.slice(0, spec.lastIndexOf('/') + 1) : '';
  const config = ['openapi-generator-config.yaml', 'openapi-generator-config.yml']
    .map((f) => `${dir}${f}`)
    .find((f) => files.exists(f));
  if (!config || config === spec) return undefined;
  const doc = files.readYaml<{ generate?: unknown }>(config);
  const generate = doc.ok ? doc.value?.generate : undefined;
  if (!Array.isArray(generate) || generate.length === 0) return undefined;
  const kinds = generate.slice(0, 10).map(String);
  return kinds.includes('client') && !kinds.includes('server') ? config : undefined;
}

/** Client code generators for GraphQL in a build or codegen config: graphql-kotlin's client tasks, Apollo Kotlin, GraphQL Code Generator with operation `documents`. */
const GRAPHQL_CLIENT_BUILD =
  /\bgraphqlGenerateClient\b|\bGraphQLGenerateClientTask\b|\bgraphqlIntrospectSchema\b|\bgraphqlDownloadSDL\b|\bcom\.apollographql\.apollo\b|(?<![^\n])[ \t]*["']?documents["']?[ \t]*:/;
const GRAPHQL_CLIENT_FILES = [
  'build.gradle',
  'build.gradle.kts',
  'pom.xml',
  'codegen.yml',
  'codegen.yaml',
  'codegen.ts',
  'codegen.js',
  'codegen.json',
];
const GRAPHQL_CONFIGS = [
  'graphql.config.yml',
  'graphql.config.yaml',
  'graphql.config.json',
  '.graphqlrc',
  '.graphqlrc.yml',
  '.graphqlrc.yaml',
  '.graphqlrc.json',
];
/** An endpoint of another host in a graphql-config (`url: https://api.example.com/graphql`), not a local server's. */
const REMOTE_ENDPOINT =
  /\burl["']?[ \t]*:[ \t]*["']?https?:\/\/(?!localhost\b|127\.0\.0\.1\b|0\.0\.0\.0\b|\[::1\])[\w.-]{1,200}/;

/**
 * GraphQL schemas of other APIs the service calls, kept for its client (blind round 47: a Kotlin
 * service's copy of a called API's schema beside the queries it sends): a schema in
 * `graphql-documents/` (where Spring's GraphQlClient loads the operations it sends), one that a
 * graphql-config beside or above it ties to another host's endpoint (operations to send beside it), or one that a client code
 * generator of its module names (graphql-kotlin client tasks, Apollo Kotlin, GraphQL Code Generator
 * `documents`). Each, with why.
 */
function graphqlClientSchemas(files: FileView, schemas: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const texts = new Map<string, string | null>();
  const read = (path: string): string | null => {
    let t = texts.get(path);
    if (t === undefined) {
      t = files.exists(path) ? (files.read(path) ?? '').slice(0, 200_000) : null;
      texts.set(path, t);
    }
    return t;
  };
  // Operation documents (queries, no type definitions) in the schema's own folder: what a client sends.
  const operationsBeside = (p: string): boolean => {
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    return files
      .match(dir ? [`${dir}/*.{graphql,gql}`] : ['*.{graphql,gql}'])
      .slice(0, 50)
      .some(
        (q) =>
          q !== p &&
          /^\s*(?:query|mutation|subscription|fragment)\b/m.test(read(q) ?? '') &&
          !isGraphqlSchema(read(q) ?? ''),
      );
  };
  for (const p of schemas.slice(0, 500)) {
    const parts = p.split('/');
    const file = parts[parts.length - 1]!;
    const folder = parts.length > 1 ? `${parts[parts.length - 2]}/` : undefined;
    if (parts.slice(0, -1).includes('graphql-documents')) {
      out.set(p, "kept in graphql-documents/, beside the operations Spring's GraphQlClient sends");
      continue;
    }
    for (let up = parts.length - 1; up >= Math.max(0, parts.length - 5) && !out.has(p); up--) {
      const dir = parts.slice(0, up).join('/');
      const at = (b: string) => (dir ? `${dir}/${b}` : b);
      const config =
        operationsBeside(p) &&
        GRAPHQL_CONFIGS.map(at).find((c) => {
          const t = read(c);
          return t?.includes(file) && REMOTE_ENDPOINT.test(t);
        });
      if (config) {
        out.set(p, `${config} ties it to another host's endpoint`);
        break;
      }
      const build = GRAPHQL_CLIENT_FILES.map(at).find((b) => {
        const t = read(b);
        return t !== null && GRAPHQL_CLIENT_BUILD.test(t) && (t.includes(file) || (!!folder && t.includes(folder)));
      });
      if (build) out.set(p, `the input of a GraphQL client generator in ${build}`);
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'api-contract',
    title: "The service's API is described by a contract",
    failureTitle: 'No API contract',
    description:
      'A machine-readable contract (OpenAPI, protobuf, GraphQL schema, AsyncAPI) lets clients generate code, lets CI detect breaking changes and documents the API independently of its implementation.',
    remediation:
      'Commit the API description: an openapi.yaml (or export the generated one in CI), the .proto files of a gRPC service, or the GraphQL schema. Check it for breaking changes in CI (e.g. oasdiff, buf breaking).',
    severity: 'medium',
    effort: 'medium',
    detection:
      'Contract files: openapi*/swagger*/*.openapi.{yaml,json}, YAML/JSON documents starting with `openapi:`/`swagger:`/`asyncapi:`, *.proto, *.graphql/*.graphqls/*.gql defining types (operation-only example queries are not a schema), a GraphQL introspection result committed as JSON (`{"data":{"__schema":…`, `{"__schema":…`), asyncapi*, Smithy/TypeSpec/RAML; an operator’s CustomResourceDefinitions with an openAPIV3Schema, for an API group its own code declares (`+groupName=`, `GroupVersion{Group: …}`, kube-rs `#[kube(group = …)]`, fabric8 `@Group`, kopf). Partial credit: docs generated from code only (FastAPI, springdoc, Elixir OpenApiSpex/PhoenixSwagger, Swashbuckle, @nestjs/swagger, drf-spectacular, swaggo, apipie-rails … catalogue `openapi-generators`), also when the code wires them through a wrapper (`APIFairy()` in Flask, `UseSwagger()`, `AddSwaggerGen()`, `UseOpenApi()`, `MapOpenApi()` in code, apipie `api :GET, "/path"` descriptions). OpenAPI documents of other APIs kept to generate clients (the build file of their module configures only client generators — openapi-generator `generatorName` such as kotlin, java, typescript-axios — and names the document’s folder or file) are not counted, nor GraphQL schemas of APIs the service calls (in the Spring GraphQL client folder `graphql-documents/`, tied by a graphql-config beside its operation documents to the endpoint of another host, or named by a GraphQL client generator of its module: graphql-kotlin client tasks, Apollo Kotlin, GraphQL Code Generator `documents`). Tests are ignored, except a spec document with `paths` kept beside end-to-end tests (e2e/swagger.json) outside fixture and mock folders. Not applicable when the only HTTP server serves operational routes (/metrics, health probes, pprof), as the listener of a Kubernetes controller or an agent does.',
    patterns: {
      // Docs generated from code, seen where the code wires them, also through a wrapper package or
      // the project's own extension method (`AddSwaggerDefault()` whose body calls AddSwaggerGen):
      // the middleware that serves the generated document (`UseSwagger()`, NSwag `UseOpenApi()`,
      // `MapOpenApi()`), apipie-rails' endpoint descriptions (`api :GET, "/p.json", "…"`), and Elixir's
      // OpenApiSpex (`use OpenApiSpex.ControllerSpecs`, `plug OpenApiSpex.Plug.PutApiSpec`) and
      // PhoenixSwagger (`use PhoenixSwagger`): operation specs written beside the controllers.
      generatedInCode: {
        regex:
          /\.(UseSwagger|AddSwaggerGen|UseOpenApi|MapOpenApi|AddOpenApiDocument|AddSwaggerDocument)\s*\(|^[ \t]*(api)[ \t]+:(?:GET|POST|PUT|PATCH|DELETE)[ \t]*,[ \t]*["'][^"']*["']|\b(APIFairy)\s*\(|(?:^[ \t]*use[ \t]+|\bplug[ \t]*(?:\([ \t]*)?)(OpenApiSpex|PhoenixSwagger)\b/m,
        files: ['**/*.{cs,fs,vb,rb,py,ex}'],
        literals: ['Swagger', 'OpenApi', 'api :', 'APIFairy('],
        maxPerFile: 1,
      },
      // The API group an operator's own code declares for its custom resources: kubebuilder's
      // `+groupName=x` marker and `schema.GroupVersion{Group: "x"}`, kube-rs `#[kube(group = "x")]`,
      // fabric8 `@Group("x")`, kopf `@kopf.on.create("x", …)`.
      crdGroup: {
        // A group is dot-separated words (`[\w-]+(?:\.[\w-]+)+`: no two quantifiers share a character).
        regex:
          /\+groupName=([\w-]+(?:\.[\w-]+)+)|\bGroupVersion\{\s*Group:\s*"([\w-]+(?:\.[\w-]+)+)"|#\[kube\(\s*group\s*=\s*"([\w-]+(?:\.[\w-]+)+)"|@Group\(\s*"([\w-]+(?:\.[\w-]+)+)"|@kopf\.on\.\w+\(\s*["']([\w-]+(?:\.[\w-]+)+)["']/g,
        files: ['**/*.{go,rs,java,kt,py}'],
        literals: ['groupName=', 'GroupVersion{', '#[kube(', '@Group(', '@kopf.on.'],
        maxPerFile: 2,
      },
      // A GraphQL schema committed as the result of the introspection query (`{"data":{"__schema":
      // …}}`, or the bare `{"__schema": …}` graphql-ruby's and graphql-js's dumps write), what
      // client code generators read (blind round 28: pupilfirst graphql_schema.json). Anchored at
      // the start of the document: one test per file.
      introspection: {
        regex: /^\s*\{\s*(?:"data"\s*:\s*\{\s*)?"__schema"\s*:/,
        files: ['**/*.json'],
        literals: ['"__schema"'],
        maxPerFile: 1,
      },
      // A gRPC service registered from generated code (`openfgav1.RegisterOpenFGAServiceServer(s, svr)`):
      // the package qualifier, to be matched to an import of a proto module of the same owner.
      grpcRegister: {
        regex: /\b(\w+)\.Register(\w+)Server\(/,
        files: ['**/*.go'],
        literals: ['Register'],
        maxPerFile: 3,
      },
      specDoc: {
        regex: /^[ \t{]*["']?(openapi|swagger|asyncapi)["']?\s*:\s*["']?\d/m,
        files: SPEC_DOCS,
        literals: ['openapi', 'swagger', 'asyncapi'],
        maxPerFile: 1,
      },
    },
  },
  appliesTo: (ctx) =>
    ctx.facts.opsOnlyHttp
      ? { reason: `${ctx.facts.opsOnlyHttp.reason}; there is no API to describe` }
      : ctx.facts.profile.id === 'service' || {
          reason: `profile is ${ctx.facts.profile.id}: an API contract is expected of a deployable service`,
        },
  check(ctx) {
    const evidence: Evidence[] = [];
    const kinds = new Set<string>();
    const byName = new Set<string>();
    const copies = foreignProtos(ctx.files);
    // A spec document with paths beside the end-to-end tests (e2e/swagger.json) describes this
    // service's API as well as one in docs/ does; fixtures and mocks under tests are other APIs.
    const testSpec = (p: string) =>
      !FIXTURE_DIR.test(p) && /^[ \t{,]*["']?paths["']?\s*:/m.test(ctx.files.read(p) ?? '');
    const counted = (p: string, spec: boolean) => !isTestPath(p) || (spec && testSpec(p));
    const specCandidates = new Set([
      ...ctx.files.match(CONTRACT_FILES[0]!.globs),
      ...ctx.matches('specDoc').map((m) => m.path),
    ]);
    const clientInputs = clientGeneratorInputs(ctx.files, specCandidates);
    const graphqlClients = graphqlClientSchemas(
      ctx.files,
      ctx.files
        .match(CONTRACT_FILES.find((c) => c.kind === 'GraphQL schema')!.globs)
        .filter((p) => isGraphqlSchema(ctx.files.read(p) ?? '')),
    );
    for (const c of CONTRACT_FILES) {
      const spec = c.kind === 'OpenAPI' || c.kind === 'AsyncAPI';
      const found = ctx.files
        .match(c.globs)
        .filter((p) => counted(p, spec) && !GENERATOR_CONFIG.test(p) && !copies.has(p) && !clientInputs.has(p))
        .filter((p) => c.kind !== 'GraphQL schema' || isGraphqlSchema(ctx.files.read(p) ?? ''))
        .filter((p) => c.kind !== 'GraphQL schema' || !graphqlClients.has(p));
      if (!found.length) continue;
      kinds.add(c.kind);
      for (const p of found) byName.add(p);
      evidence.push(
        ...found.slice(0, 3).map((p, i) => ({
          path: p,
          note: `${c.kind} contract${found.length > 3 ? ` (${i + 1} of ${found.length} files)` : ''}`,
        })),
      );
    }
    for (const m of ctx.matches('introspection')) {
      if (!counted(m.path, false) || FIXTURE_DIR.test(m.path) || byName.has(m.path)) continue;
      kinds.add('GraphQL schema');
      byName.add(m.path);
      if (evidence.length < 8) evidence.push({ path: m.path, note: 'GraphQL schema (introspection result as JSON)' });
    }
    for (const m of ctx.matches('specDoc')) {
      if (!counted(m.path, true) || byName.has(m.path) || clientInputs.has(m.path)) continue;
      const kind = m.groups[0] === 'asyncapi' ? 'AsyncAPI' : 'OpenAPI';
      kinds.add(kind);
      if (evidence.length < 8) evidence.push(fromMatch(m, `${kind} document`));
    }
    // An operator's API is its custom resources: the CustomResourceDefinition's openAPIV3Schema, for
    // a group this repository's own code declares, is the contract its clients (kubectl, GitOps,
    // generated clients) are checked against (blind round 25, cluster-operator
    // config/crd/bases/rabbitmq.com_rabbitmqclusters.yaml:40). A CRD of another project bundled
    // beside a chart declares a group the code here does not.
    const crdGroups = ctx.matches('crdGroup').filter((m) => !isTestPath(m.path));
    const groups = new Map<string, (typeof crdGroups)[number]>();
    for (const m of crdGroups) {
      const g = m.groups.find((x) => x);
      if (g && !groups.has(g)) groups.set(g, m);
    }
    if (groups.size) {
      const crds = k8s(ctx.files).objects.filter(
        (o) => o.kind === 'CustomResourceDefinition' && isProductionPath(o.path) && !isTestPath(o.path),
      );
      // The model keeps no spec (k8s.ts readPart): the group and the schema are read from the
      // object's own lines, up to the next document.
      const own = crds.flatMap((o) => {
        const lines = (ctx.files.read(o.path) ?? '').split(/\r?\n/);
        let end = lines.findIndex((l, i) => i >= o.line && /^---/.test(l));
        if (end < 0) end = lines.length;
        const body = lines.slice(o.line - 1, end);
        const group = body.map((l) => /^ {2}group:\s*["']?([\w.-]+)/.exec(l)?.[1]).find(Boolean);
        const at = body.findIndex((l) => /^\s+openAPIV3Schema:/.test(l));
        return group && at >= 0 && groups.has(group) ? [{ o, group, line: o.line + at }] : [];
      });
      if (own.length) {
        kinds.add('CustomResourceDefinition schema');
        for (const { o, group, line } of own.slice(0, 3)) {
          const decl = groups.get(group)!;
          evidence.push({
            path: o.path,
            line,
            note: `CustomResourceDefinition ${o.name} (group ${group}): its openAPIV3Schema is the operator's API contract; the group is this repository's own (${decl.path}:${decl.line})`,
          });
        }
      }
    }
    const data = { contracts: [...kinds].sort() };
    const clientNotes: Evidence[] = [
      ...[...clientInputs].slice(0, 2).map(([path, build]) => ({
        path,
        note: `not counted: another API's contract, the input of a client generator in ${build}`,
      })),
      ...[...graphqlClients].slice(0, 2).map(([path, why]) => ({
        path,
        note: `not counted: the GraphQL schema of an API this service calls (${why})`,
      })),
    ];
    const clientSay = `${
      clientInputs.size
        ? ` ${clientInputs.size} OpenAPI document${clientInputs.size === 1 ? '' : 's'} of other APIs (inputs of a client generator) not counted.`
        : ''
    }${
      graphqlClients.size
        ? ` ${graphqlClients.size} GraphQL schema${graphqlClients.size === 1 ? '' : 's'} of APIs this service calls (kept for its client) not counted.`
        : ''
    }`;
    if (kinds.size)
      return pass(`API described by ${listing([...kinds].sort())}.${clientSay}`, [...evidence, ...clientNotes], data);
    const copyNotes: Evidence[] = [
      ...[...copies].slice(0, 2).map(([path, module]) => ({
        path,
        note: `not counted: a copy of ${module}'s contract with this project's client stubs beside it`,
      })),
      ...clientNotes,
    ];

    const generators = ctx.facts.findDependencies(ctx.catalogue('openapi-generators'));
    const fastapi = ctx.facts.frameworks.filter((f) => ['fastapi', 'litestar'].includes(f.id));
    const generated: Evidence[] = [
      ...generators.slice(0, 3).map((d) => ({
        path: d.path,
        ...(d.line ? { line: d.line } : {}),
        snippet: d.name,
        note: 'generates API docs from code',
      })),
      ...fastapi.map((f) => ({ ...f.evidence, note: `${f.name} serves a generated OpenAPI document` })),
    ];
    const inCode = ctx.matches('generatedInCode').filter((m) => !isTestPath(m.path));
    const codeName = (m: (typeof inCode)[number]) =>
      m.groups[1] ? 'apipie-rails' : m.groups[2] ? 'APIFairy' : (m.groups[3] ?? 'Swagger/OpenAPI middleware');
    const codeNames = [...new Set(inCode.map(codeName))];
    // Wired in code: cited where it is, beside (or without) the dependency.
    for (const m of inCode.filter((x) => !generated.some((e) => e.path === x.path)).slice(0, 2))
      generated.push(
        fromMatch(
          m,
          m.groups[1]
            ? 'apipie-rails endpoint description: API docs generated from code'
            : m.groups[3]
              ? `${m.groups[3]}: operation specs in code generate the OpenAPI document`
              : `${m.groups[0] ?? m.groups[2]}: serves an API document generated from code`,
        ),
      );
    // The contract kept in a proto module of the same owner (`github.com/acme/api/proto` in go.mod),
    // whose generated server the service registers: versioned and machine-readable, in its own
    // repository (blind round 45).
    const external = externalProtoContract(ctx.files, ctx.matches('grpcRegister'));
    if (external)
      return pass(
        `API contract in the protobuf module ${external.module} (another repository of the same owner, required by ${external.require.path}:${external.require.line}), whose generated ${external.service} server this service registers; no contract file is committed here.${clientSay}`,
        [
          {
            path: external.require.path,
            line: external.require.line,
            note: `requires the proto module ${external.module}`,
          },
          {
            path: external.call.path,
            line: external.call.line,
            snippet: external.call.snippet.trim().slice(0, 120),
            note: `registers the ${external.service} service generated from ${external.importPath}`,
          },
          ...copyNotes,
        ],
        { ...data, externalContract: external.module },
      );
    if (generated.length) {
      const names = [
        ...new Set([
          ...generators.map((d) => d.name),
          ...fastapi.map((f) => f.name),
          // A name the dependency already gives is not repeated (apipie-rails; Swashbuckle/NSwag).
          ...codeNames.filter((n) =>
            n === 'apipie-rails' || n === 'APIFairy'
              ? !generators.some((d) => d.name.toLowerCase() === n.toLowerCase())
              : n === 'OpenApiSpex' || n === 'PhoenixSwagger'
                ? !generators.some((d) => d.name.replace(/_/g, '') === n.toLowerCase())
                : !generators.some((d) => /Swashbuckle|NSwag|OpenApi/i.test(d.name)),
          ),
        ]),
      ].sort();
      return partial(
        0.5,
        `Only generated API docs (${listing(names)}); no contract is committed.${clientSay}`,
        [...generated, ...copyNotes],
        {
          ...data,
          generated: names,
        },
      );
    }
    return fail(
      `No API contract found.${clientSay}`,
      [
        searched('OpenAPI/AsyncAPI document', SPEC_DOCS, ctx.searched('specDoc')),
        { path: '.', note: 'no *.proto, *.graphql, openapi*, swagger* or asyncapi* file' },
        ...copyNotes,
      ],
      data,
    );
  },
});

/** A module path segment that names an API description (`…/api/proto`, `…/apis`, `acme-proto`). */
const CONTRACT_SEGMENT =
  /^(?:proto|protos|protobuf|api|apis|idl|schemas?|contracts?)$|[-_](?:proto|protos|api|apis|idl)$/i;

/**
 * The proto module of the service's own owner that holds its contract: go.mod requires a module of
 * the same host and owner but another repository whose path names an API (`github.com/acme/api/proto`),
 * and production Go code registers a gRPC server from a package of it (`acmev1.RegisterShopServer(…)`).
 * Registrations of others' services (gRPC health, reflection, OTLP) have no such module.
 */
function externalProtoContract(
  files: FileView,
  registers: readonly { path: string; line: number; snippet: string; groups: (string | undefined)[] }[],
):
  | {
      module: string;
      require: { path: string; line: number };
      call: { path: string; line: number; snippet: string };
      service: string;
      importPath: string;
    }
  | undefined {
  const gomod = files.read('go.mod');
  if (!gomod || registers.length === 0) return undefined;
  const own = /^module[ \t]+(\S+)/m.exec(gomod)?.[1]?.split('/');
  if (!own || own.length < 3) return undefined;
  const modules: { module: string; line: number }[] = [];
  const lines = gomod.split(/\r?\n/, 2000);
  lines.forEach((l, i) => {
    const m = /^(?:require[ \t]+)?[ \t]*([\w.-]+\/[\w.-]+\/[\w.-]+(?:\/[\w.-]+){0,4})[ \t]+v\S+/.exec(l);
    if (!m) return;
    const parts = m[1]!.split('/');
    if (parts[0] !== own[0] || parts[1] !== own[1] || parts[2] === own[2]) return;
    if (parts.slice(2).some((seg) => CONTRACT_SEGMENT.test(seg))) modules.push({ module: m[1]!, line: i + 1 });
  });
  if (modules.length === 0) return undefined;
  for (const r of registers.slice(0, 50)) {
    if (!isProductionPath(r.path) || isTestPath(r.path) || r.path.endsWith('_test.go')) continue;
    const qualifier = r.groups[0] ?? '';
    const text = (files.read(r.path) ?? '').slice(0, 20_000);
    for (const imp of text.matchAll(/^[ \t]*(?:import[ \t]+)?(\w+[ \t]+)?"([\w./-]+)"/gm)) {
      const path = imp[2]!;
      const alias = imp[1]?.trim() ?? path.split('/').pop()!;
      if (alias !== qualifier) continue;
      const mod = modules.find((x) => path === x.module || path.startsWith(`${x.module}/`));
      if (mod)
        return {
          module: mod.module,
          require: { path: 'go.mod', line: mod.line },
          call: { path: r.path, line: r.line, snippet: r.snippet },
          service: r.groups[1] ?? '',
          importPath: path,
        };
    }
  }
  return undefined;
}
