import { defineRule, type Evidence } from '../../src/types.js';
import { requestScopedOnly, runtime } from '../../src/facts/runtime.js';

/** Platforms that run functions on AWS Lambda. */
const LAMBDA_PLATFORMS = new Set(['AWS SAM', 'Serverless Framework']);
import { fail, graded, listing, partial, pass, unknown } from '../../src/engine/results.js';
import {
  DOCKERFILE_GLOBS,
  dockerfiles,
  EARTHFILE_GLOBS,
  imagePin,
  resolveImage,
  shipsImage,
} from '../../src/facts/dockerfile.js';
import { dirOf } from '../../src/facts/paths.js';
import { ciFiles } from '../../src/facts/ci.js';
import { deployments } from '../../src/facts/deploy.js';

/** Dev containers, test/example images and build tools are not what ships; they count only when nothing else exists. */
const shipped = shipsImage;

/**
 * A RUN that compiles or installs build tools: a toolchain package (build-essential, build-base,
 * gcc, g++, make, cmake, *-dev headers) or a build command (go build, cargo build, mvn, gradle,
 * npm/yarn/pnpm install or build, dotnet build/publish, javac, tsc, make), or a package manager
 * that installs and compiles the app's dependencies (`bundle install`, a bare `yarn`, `composer
 * install`, `mix deps.get`) or its assets (`rails assets:precompile`) — on any base image, a
 * project's own toolchain image included (blind round 29: homeland/base with gcc and build-base).
 */
const BUILD_RUN =
  /\b(?:build-essential|build-base|gcc|g\+\+|clang|cmake|autoconf|automake|libtool|[\w.+-]+-dev(?:el)?)\b|\bgo\s+build\b|\bcargo\s+(?:build|install)\b|\bmvnw?\b|\bgradlew?\b|\b(?:npm|yarn|pnpm|bun)\s+(?:ci|install|i|run\s+build|build)\b|\bdotnet\s+(?:build|publish|restore)\b|\bjavac\b|\btsc\b|(?:^|[;&|]\s*)make\b|\bbundle\s+install\b|\byarn(?=[ \t]*(?:$|&&|;|\|\||\\|--))|\bassets:precompile\b|\bcomposer\s+install\b|\bmix\s+(?:deps\.(?:get|compile)|compile|release)\b/;

/** Language runtime and SDK images: an application built or installed on them. */
const LANGUAGE_RUNTIME =
  /^(?:(?:docker\.io|public\.ecr\.aws|mirror\.gcr\.io)\/)?(?:library\/|docker\/library\/)?(?:python|pypy|node|ruby|php|openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes|golang|rust|maven|gradle|elixir|erlang|swift|haskell|composer|oven\/bun|denoland\/deno|mcr\.microsoft\.com\/dotnet\/[\w-]+)(?::|@|$)/i;

const oneLine = (t: string) =>
  t
    .replace(/\\\r?\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function buildStep(d: { stages: { instructions: { keyword: string; args: string; line: number }[] }[] }) {
  return d.stages.flatMap((s) => s.instructions).find((i) => i.keyword === 'RUN' && BUILD_RUN.test(i.args));
}

/** Flags of `docker build` that take a value: the word after them is no build context. */
const BUILD_FLAG_VALUE = new Set([
  '-f',
  '--file',
  '-t',
  '--tag',
  '--build-arg',
  '--target',
  '--platform',
  '--label',
  '--cache-from',
  '--cache-to',
  '--secret',
  '--ssh',
  '--network',
  '--output',
  '-o',
  '--progress',
  '--iidfile',
  '--build-context',
]);

/** `a/./b/../c` → `a/c`; undefined past the root. */
function tidy(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg !== '..') out.push(seg);
    else if (out.pop() === undefined) return undefined;
  }
  return out.join('/');
}

/**
 * The build contexts CI gives each Dockerfile: an Azure `Docker@N` task's `Dockerfile:` and
 * `buildContext:` inputs (a template's `${{ parameters.name }}` in both read as the same folder, the
 * `**` glob as any folder), docker/build-push-action's `file:` and `context:`, and a shell
 * `docker build -f X/Dockerfile <context>` (relative to the step's directory). Docker reads the
 * .dockerignore at the context's root (blind round 37: images built from the parent folder, which
 * has the .dockerignore). Bounded: each input read to 300 characters, each command to 200 words.
 */
export function ciBuildContexts(
  files: import('../../src/types.js').FileView,
  dockerfiles: string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (file: string, context: string) => {
    const list = out.get(file) ?? [];
    if (!list.includes(context) && list.length < 10) list.push(context);
    out.set(file, list);
  };
  const strip = (v: string) =>
    v
      .trim()
      .replace(/^["']|["']$/g, '')
      .replace(
        /^(?:\$\(Build\.SourcesDirectory\)|\$\(System\.DefaultWorkingDirectory\)|\$\{\{\s*github\.workspace\s*\}\})\/?/,
        '',
      )
      .replace(/^\.\//, '');
  for (const f of ciFiles(files)) {
    if (!f.ok) continue;
    for (const c of f.commands) {
      const w = c.with;
      if (c.kind === 'uses' && w) {
        const task = c.text.trim();
        const azure = /^Docker@\d+$/i.test(task);
        const action = /^docker\/build-push-action@/i.test(task);
        if (!azure && !action) continue;
        const fileIn = (azure ? (w.Dockerfile ?? w.dockerfile ?? w.dockerFile) : w.file)?.slice(0, 300);
        const ctxIn = (azure ? (w.buildContext ?? w.buildcontext) : w.context)?.slice(0, 300);
        if (!fileIn || ctxIn === undefined) continue;
        // The Dockerfile input as a pattern: expressions are named folders, `**/` any folders.
        // At most one `*` or new name in a folder or file name, and two `**/` (runs of them are one):
        // the regex is matched against the repository's paths, and `*a*a*a*ax` tried every split of
        // a long name (10 s for 400 characters), `${{ a }}${{ b }}…` and `**/**/…` likewise.
        const names: string[] = [];
        let re = '';
        let wild = 0;
        let globstars = 0;
        let folderStart = true;
        let last = '';
        let tame = true;
        const parts = strip(fileIn).split(/(\$\{\{\s*[\w.-]+\s*\}\}|\$\([\w.-]+\)|\*\*\/|\*)/);
        for (const part of parts) {
          if (!part) continue;
          const expr = /^\$(?:\{\{\s*([\w.-]+)\s*\}\}|\(([\w.-]+)\))$/.exec(part);
          if (expr) {
            const name = expr[1] ?? expr[2]!;
            const i = names.indexOf(name);
            if (i >= 0) re += `\\${i + 1}`;
            else {
              names.push(name);
              re += '([^/]+)';
              wild++;
            }
            folderStart = false;
          } else if (part === '**/') {
            if (last !== '**/') {
              globstars++;
              if (!folderStart) tame = false;
              re += '(?:[^/]+/)*';
            }
            wild = 0;
            folderStart = true;
          } else if (part === '*') {
            re += '[^/]*';
            wild++;
            folderStart = false;
          } else {
            re += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            if (part.includes('/')) wild = 0;
            folderStart = part.endsWith('/');
          }
          if (wild > 1 || globstars > 2) tame = false;
          last = part;
        }
        if (names.length > 9 || !tame) continue;
        const matcher = new RegExp(`^${re}$`);
        for (const d of dockerfiles) {
          const m = matcher.exec(d);
          if (!m) continue;
          const ctx = strip(ctxIn).replace(
            /\$\{\{\s*([\w.-]+)\s*\}\}|\$\(([\w.-]+)\)/g,
            (all, a?: string, b?: string) => {
              const i = names.indexOf(a ?? b ?? '');
              return i >= 0 ? m[i + 1]! : all;
            },
          );
          if (ctx.includes('$')) continue;
          const t = tidy(ctx);
          if (t !== undefined) add(d, t);
        }
      } else if (c.kind === 'run' && /\bdocker\s+(?:buildx\s+)?build\b/.test(c.text)) {
        const words = c.text.slice(0, 4000).split(/\s+/).slice(0, 200);
        const start = words.indexOf('build');
        let file: string | undefined;
        let context: string | undefined;
        for (let i = start + 1; i < words.length; i++) {
          const wd = words[i]!;
          if (/^[;&|]/.test(wd)) break;
          if (wd === '-f' || wd === '--file') file = words[i + 1];
          else if (wd.startsWith('--file=')) file = wd.slice(7);
          if (BUILD_FLAG_VALUE.has(wd)) i++;
          else if (!wd.startsWith('-') && wd !== '\\') context = wd;
        }
        if (!file || context === undefined || file.includes('$') || context.includes('$')) continue;
        const base = c.cwd ? `${strip(c.cwd)}/` : '';
        const df = tidy(`${base}${strip(file)}`);
        const t = tidy(`${base}${strip(context)}`);
        if (df && t !== undefined && dockerfiles.includes(df)) add(df, t);
      }
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'container-image',
    title: 'A reproducible container image is built',
    failureTitle: 'No container image definition',
    description:
      'A Dockerfile makes the runtime reproducible. Multi-stage builds keep compilers out of production images, pinned base images make builds repeatable, and a .dockerignore keeps secrets and clutter out of the build context.',
    remediation:
      'Add a Dockerfile with a build stage and a slim final stage, pin base images to a version tag or digest (never `latest`), and add a .dockerignore.',
    severity: 'medium',
    effort: 'medium',
    detection:
      'Dockerfile/Containerfile outside .devcontainer/, tests and examples; scores multi-stage builds (not asked of a single stage that only copies files onto a tool image, not a language runtime, with no RUN that compiles or installs build tools), pinned base images (tag or digest, not `latest` or untagged, ARG defaults substituted) and a `.dockerignore` beside the Dockerfile, beside it as `<name>.dockerignore`, in the module of a `src/main/docker/` Dockerfile (its build context), or at the root. Images built without a Dockerfile by Jib, Cloud Native Buildpacks (`spring-boot:build-image`, `pack build`) or ko also pass.',
    reads: [...DOCKERFILE_GLOBS, ...EARTHFILE_GLOBS],
  },
  appliesTo: ({ facts, files }) => {
    if (facts.profile.id !== 'service')
      return { reason: `profile is ${facts.profile.id}: only services ship container images` };
    // Lambda functions deployed as zip packages (a SAM template, a Serverless Framework service)
    // with no Dockerfile anywhere: the platform supplies the runtime, there is no image to judge.
    const lambda = runtime(files).platforms.filter((p) => LAMBDA_PLATFORMS.has(p.system));
    if (lambda.length > 0 && requestScopedOnly(runtime(files)) && dockerfiles(files).length === 0)
      return {
        reason: `the service's functions are deployed to AWS Lambda as code packages (${lambda[0]!.system} ${lambda[0]!.path}) and no Dockerfile is here: there is no container image to judge`,
      };
    // A Cloudflare Worker is deployed as a script bundle run in the platform's isolates: with no
    // Dockerfile (no Containers binding), there is no image to judge (blind round 51).
    const workers = runtime(files).platforms.filter((p) => p.system === 'Cloudflare Workers');
    if (workers.length > 0 && requestScopedOnly(runtime(files)) && dockerfiles(files).length === 0)
      return {
        reason: `the service is a Cloudflare Worker (${workers[0]!.path}) deployed as a script bundle and no Dockerfile is here: there is no container image to judge`,
      };
    return true;
  },
  check({ files, facts }) {
    const found = dockerfiles(files);
    const all = found.filter(shipped);
    const notShipped = found
      .filter((d) => !shipped(d))
      .map(
        (d): Evidence => ({
          path: d.path,
          note: d.mock
            ? `not counted: a mock of another system for local runs and tests (${d.mock}) is not what ships`
            : d.sourceMounted
              ? `not counted: a local-development image (${d.sourceMounted}) is not what ships`
              : 'not counted: a dev-container, local-development, test, example, packaging or build-tool image is not what ships',
        }),
      );
    if (all.length === 0) {
      const builders = facts.imageBuilders.filter((b) => b.kind === 'builder');
      const platforms = facts.imageBuilders.filter((b) => b.kind === 'platform');
      if (builders.length > 0) {
        return pass(
          `The image is built without a Dockerfile, by ${listing(builders.map((b) => b.tool))}.`,
          builders.slice(0, 3).map((b) => b.evidence),
          { dockerfiles: 0, builder: builders[0]!.tool },
        );
      }
      if (platforms.length > 0) {
        return partial(
          0.6,
          `${platforms[0]!.tool} builds the image from source; nothing in the repository (Dockerfile, Jib, ko, buildpacks config) pins the runtime and the layers it ships.`,
          platforms.slice(0, 2).map((b) => b.evidence),
          { dockerfiles: 0, platform: platforms[0]!.tool },
        );
      }
      return fail('No Dockerfile or Containerfile found.', [
        {
          path: '.',
          note: `no Dockerfile or Containerfile (named so, or Dockerfile.x, Dockerfile-x, Dockerfile_x, x.Dockerfile, x-dockerfile, x_dockerfile) outside .devcontainer/, tests and examples, and no Jib, buildpacks or ko build, in ${files.size} files`,
        },
        ...notShipped.slice(0, 3),
      ]);
    }
    const ok = all.filter((d) => d.ok);
    const broken: Evidence[] = all
      .filter((d) => !d.ok)
      .map((d) => ({ path: d.path, note: `not parsed: ${d.error ?? 'unparseable'}` }));
    if (ok.length === 0) return unknown('Dockerfiles found but none could be parsed.', broken);
    const evidence: Evidence[] = [];
    let multi = 0;
    let noBuildStage = 0;
    let pinned = 0;
    let ignored = 0;
    const lacking = {
      'multi-stage builds': [] as string[],
      'pinned base images': [] as string[],
      'a .dockerignore': [] as string[],
    };
    const ciContexts = ciBuildContexts(
      files,
      ok.map((d) => d.path),
    );
    for (const d of ok) {
      const last = d.stages[d.stages.length - 1]!;
      const isMulti = d.stages.length > 1;
      const images = d.stages.map((s) => ({ s, pin: imagePin(d, s) })).filter((x) => x.pin !== 'stage');
      const loose = images.filter((x) => x.pin === 'latest' || x.pin === 'untagged' || x.pin === 'floating');
      // A JVM module's src/main/docker/ Dockerfiles (Quarkus's convention) build with the module as
      // context (`docker build -f src/main/docker/Dockerfile.jvm .`): its .dockerignore applies.
      const moduleDir = /(?:^|\/)src\/main\/docker\/[^/]+$/.exec(d.path);
      // A compose file that builds this Dockerfile names its context (`context: ../`): Docker reads
      // the .dockerignore at that context's root (or `<Dockerfile>.dockerignore`), not one in the
      // Dockerfile's folder (blind round 29: packages/api/.dockerignore, built from the root).
      const contexts = [
        ...new Set([
          ...deployments(files)
            .compose.filter((s) => s.dockerfile === d.path && s.buildContext !== undefined)
            .map((s) => s.buildContext!),
        ]),
      ];
      const dockerignore =
        (contexts.length > 0
          ? contexts
          : [
              ...(ciContexts.get(d.path) ?? []),
              dirOf(d.path),
              ...(moduleDir ? [d.path.slice(0, Math.max(0, moduleDir.index))] : []),
              '',
            ]
        )
          .map((dir) => (dir ? `${dir}/.dockerignore` : '.dockerignore'))
          .find((p) => files.exists(p)) ??
        (files.exists(`${d.path}.dockerignore`) ? `${d.path}.dockerignore` : undefined);
      // A single stage that builds nothing (COPY of scripts onto a tool image, a package install) has
      // no compiler to leave behind: a build stage would hold nothing (blind round 24, a backup image
      // of aws-cli plus COPY). Asked only where a RUN compiles or installs build tools.
      // An application's image on a language runtime (python, node, a JDK…) keeps being asked: its
      // dependencies are installed or built there. A tool image (aws-cli, alpine, this project's own
      // image) that only copies files onto its base is not.
      const build = isMulti ? undefined : buildStep(d);
      const baseImage = resolveImage(d, last.image);
      const noBuild = !isMulti && !build && !baseImage.includes('$') && !LANGUAGE_RUNTIME.test(baseImage);
      if (noBuild) noBuildStage++;
      if (isMulti || noBuild) multi++;
      else lacking['multi-stage builds'].push(d.path);
      if (loose.length === 0) pinned++;
      else lacking['pinned base images'].push(d.path);
      if (dockerignore) ignored++;
      else lacking['a .dockerignore'].push(d.path);
      evidence.push({
        path: d.path,
        line: last.line,
        snippet: `FROM ${last.image}${last.alias ? ` AS ${last.alias}` : ''}`,
        note: `${d.stages.length} stage${d.stages.length === 1 ? '' : 's'}${noBuild ? ' (nothing compiled and no build tools installed: no build stage needed)' : build ? ` (builds in the final image: ${oneLine(build.args).slice(0, 60)}${oneLine(build.args).length > 60 ? '…' : ''}, line ${build.line})` : ''}; base images ${loose.length === 0 ? 'pinned' : 'not pinned'}; ${dockerignore ? '.dockerignore present' : 'no .dockerignore'}`,
      });
      for (const { s, pin } of loose) {
        evidence.push({
          path: d.path,
          line: s.line,
          snippet: `FROM ${s.image}`,
          note: `base image ${resolveImage(d, s.image)} is ${pin === 'latest' ? 'tagged latest' : pin === 'floating' ? 'on a floating tag without a version' : 'untagged'}: builds are not reproducible`,
        });
      }
      for (const { s } of images.filter((x) => x.pin === 'variable')) {
        evidence.push({
          path: d.path,
          line: s.line,
          snippet: `FROM ${s.image}`,
          note: 'base image comes from a build argument without a default: pinning depends on the caller',
        });
      }
    }
    evidence.push(...broken);
    // The images set aside are named (an export or test image seen, not missed).
    evidence.push(...notShipped.slice(0, 3));
    const n = ok.length;
    const g = graded([
      { name: 'a Dockerfile', found: true, weight: 2 },
      { name: 'multi-stage builds', found: multi === n, weight: 1 },
      { name: 'pinned base images', found: pinned === n, weight: 1 },
      { name: 'a .dockerignore', found: ignored === n, weight: 1 },
    ]);
    const data = { dockerfiles: n, multiStage: multi, pinnedBaseImages: pinned, withDockerignore: ignored };
    if (g.missing.length === 0)
      return pass(
        `${n} Dockerfile${n === 1 ? '' : 's'}: ${noBuildStage ? `multi-stage where something is built (${noBuildStage} build${noBuildStage === 1 ? 's' : ''} nothing)` : 'multi-stage'}, pinned base images, .dockerignore.`,
        evidence,
        data,
      );
    // "Multi-stage" is said only of builds that have stages: single-stage images that build nothing
    // need none, and are named so (blind round 28: "2 Dockerfiles with multi-stage builds" for two
    // single-FROM images that copy a prebuilt jar and a database init script).
    const has = g.found
      .filter((x) => x !== 'a Dockerfile')
      .map((x) =>
        x !== 'multi-stage builds' || noBuildStage === 0
          ? x
          : noBuildStage === n
            ? `single stages that build nothing (no build stage needed)`
            : `multi-stage builds where something is built (${noBuildStage} build${noBuildStage === 1 ? 's' : ''} nothing)`,
      );
    const where = (m: string) => {
      const list = lacking[m as keyof typeof lacking] ?? [];
      return n > 1 && list.length < n
        ? `${m} (${listing(list.slice(0, 2))}${list.length > 2 ? ` and ${list.length - 2} more` : ''})`
        : m;
    };
    return partial(
      g.score,
      `${n} Dockerfile${n === 1 ? '' : 's'}${has.length ? ` with ${listing(has)}` : ''}; missing ${listing(g.missing.map(where))}.`,
      evidence,
      data,
    );
  },
});
