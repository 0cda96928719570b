/**
 * Whose image a deployment runs: the project's own (published by its build or CI files, named
 * like the project or like an image it publishes) or a third party's (a well-known server, a
 * pinned official image, a vendor's packaging), and a compose file in an examples folder that is
 * the deployment the README documents. deploy.ts judges compose services with it.
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { escapeRe } from '../util/regex.js';
import { isExamplePath, isProductionPath, isTestPath } from './paths.js';

/**
 * Images of databases, brokers and tools that a repository runs beside its own services, and the
 * development tools (SonarQube, mail catchers, database consoles, JHipster's control center) that
 * are never what is deployed.
 */
const THIRD_PARTY =
  /^(?:[\w-]+(?:\.[\w-]+)+(?::\d+)?\/)?(?:[\w-]+\/)?(postgres(?:ql)?|postgis|pgvector|mysql|mariadb|mongo(?:db)?|redis(?:-stack)?|valkey|memcached|rabbitmq|nats|kafka|cp-kafka|zookeeper|cp-zookeeper|nginx|traefik|caddy|haproxy|envoy|grafana|prometheus|alertmanager|loki|tempo|promtail|zipkin|jaeger|all-in-one|opentelemetry-collector\S*|otel\S*|elasticsearch|kibana|logstash|opensearch\S*|minio|localstack|mailhog|mailpit|adminer|pgadmin4|mssql\S*|cassandra|neo4j|consul|vault|keycloak|selenium\S*|wiremock|azurite|azure-storage\S*|cosmosdb\S*|dynamodb-local|clickhouse-server|influxdb|etcd|toxiproxy|busybox|alpine|ubuntu|debian|sonarqube|jhipster-control-center|jhipster-registry|phpmyadmin|redis-commander|redisinsight|kafka-ui|kafdrop|akhq|mongo-express|maildev|smtp4dev|mailcatcher|swagger-ui|swagger-editor|pgweb|dozzle|portainer|portainer-ce|clamav|spotlight|pgautoupgrade|certbot|acme\.sh|acme-companion|nginx-proxy|docker-gen|watchtower|autoheal)(?::|@|$)|^(?:[\w-]+(?:\.[\w-]+)+(?::\d+)?\/)?(?:temporalio|getsentry|pgautoupgrade)\/[\w.-]+(?::|@|$)/i;

/**
 * A public image the deployment depends on, not one of the project's own units: a well-known
 * server (THIRD_PARTY), a Docker Hub official image pinned to a release (`ghost:5.8`,
 * `library/wordpress`: no owner), or a vendor's packaging of one (`bitnami/…`). An image this repository publishes, or
 * named like the project, is its own whatever its name.
 */
export function imageRepo(image: string): string {
  return image
    .replace(/@[\s\S]*$/, '')
    .replace(/:[\w.-]+$/, '')
    .replace(/^(?:docker\.io|index\.docker\.io|registry\.hub\.docker\.com)\//, '');
}

/**
 * A compose file in an examples or docs folder (not a hidden one, not under tests) that is the
 * deployment the project documents (round 20: OpenBudgeteer's examples/compose-postgres.yaml): a
 * service runs the project's own image — published here, named like the project, or named like an
 * image its CI or README publishes (`openbudgeteer:pre-release` beside `axelander/openbudgeteer`) —
 * and the root README points to the file or its folder, or shows that image run (a compose block,
 * `docker run`). A library's demo compose that runs only third-party images is no deployment.
 */
export function documentedExample(files: FileView, path: string): boolean {
  if (isProductionPath(path) || !isExamplePath(path) || isTestPath(path) || /(^|\/)\./.test(path)) return false;
  return memo(files, `deploy:documented-example:${path}`, () => {
    const text = files.read(path);
    if (text === undefined || text.length > 200_000) return false;
    const images = [...text.matchAll(/^[ \t]+image:[ \t]*["']?([^"'\s#]+)/gm)].map((m) => m[1]!);
    const own = images.filter((i) => !i.includes('$') && !THIRD_PARTY.test(i) && ownNamed(files, i));
    if (own.length === 0) return false;
    const readme = readmeText(files);
    if (!readme) return false;
    const dir = path.slice(0, path.lastIndexOf('/') + 1);
    if (
      readme.includes(path) ||
      readme.includes(path.slice(path.lastIndexOf('/') + 1)) ||
      (dir && readme.includes(dir))
    )
      return true;
    // The README shows the image run: `image: owner/<name>` in a compose block, or `docker run … <name>`.
    const tails = readmeRunTails(files);
    return own.some((i) => {
      const last = imageLast(i);
      return (
        tails.some((t) => endsAName(t, last)) ||
        new RegExp(`^[ \\t]*image:[ \\t]*["']?(?:[\\w.:-]+/)*${escapeRe(last)}(?![\\w.-]|/)`, 'im').test(readme)
      );
    });
  });
}

/**
 * The rest of each root README line after a `docker run` or `podman run`, lower-cased, read once.
 * A later `docker run` on the same line has a tail inside the first one's, so it adds nothing: a
 * pattern `docker run.*?<name>` tried from each of them was quadratic on a long line (3.5 s).
 */
function readmeRunTails(files: FileView): string[] {
  return memo(files, 'deploy:readme-run-tails', () => {
    const text = readmeText(files);
    const out: string[] = [];
    const run = /\b(?:docker|podman)\s+run\b/gi;
    let lineEnd = -1;
    for (let m = run.exec(text); m; m = run.exec(text)) {
      const from = m.index + m[0].length;
      if (from < lineEnd) continue;
      lineEnd = from;
      while (lineEnd < text.length && !'\n\r\u2028\u2029'.includes(text[lineEnd]!)) lineEnd++;
      out.push(text.slice(from, lineEnd).toLowerCase());
    }
    return out;
  });
}

/** `name` (lower-case) occurs in `text` not followed by more of a name or a path (`shop` in `acme/shop:1`). */
function endsAName(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!/[\w./-]/.test(text[at + name.length] ?? '')) return true;
  }
  return false;
}

/** The last path segment of an image's repository, lower-cased: `ghcr.io/acme/shop:1.2` → `shop`. */
const imageLast = (image: string) => imageRepo(image).split('/').pop()!.toLowerCase();

/**
 * The project's own image by name: ownImage, or an image whose name is the last segment of an
 * image this repository's build files publish (`openbudgeteer:dev` beside `axelander/openbudgeteer`).
 */
export function ownNamed(files: FileView, image: string): boolean {
  if (ownImage(files, image)) return true;
  const last = imageLast(image);
  if (last.length < 3 || THIRD_PARTY.test(last)) return false;
  if (/^[\w.-]+$/.test(last)) return publishedLastSegments(files).has(last);
  return memo(files, `deploy:own-named:${last}`, () => {
    const re = new RegExp(`(?<![\\w.-])[\\w.-]+/${escapeRe(last)}(?![\\w.-]|/)`, 'i');
    return buildTexts(files).some((t) => re.test(t));
  });
}

/**
 * A match starts only after a name segment and its slash; without the look-behind a pattern
 * `[\w.-]+/<name>` rescanned a 40k-letter word from each letter, once per compose image (6 s).
 */
// After an expression too (`gcr.io/${PROJECT_ID}/app:${TAG_NAME}`, `$REGISTRY/app`: the registry a build variable names).
export const AFTER_SLASH_SEGMENT = /(?<=[\w.}$-]\/)[\w.-]+(?![\w.-]|\/)/g;

/**
 * The last segments of the `owner/name` words in the build and CI files (`openbudgeteer` in
 * `axelander/openbudgeteer`), lower-cased: collected once per tree, not searched for per image.
 */
function publishedLastSegments(files: FileView): Set<string> {
  return memo(files, 'deploy:published-last-segments', () => {
    const out = new Set<string>();
    for (const t of buildTexts(files)) for (const m of t.matchAll(AFTER_SLASH_SEGMENT)) out.add(m[0].toLowerCase());
    return out;
  });
}

/** The root README's text ('' when there is none). */
export function readmeText(files: FileView): string {
  return memo(files, 'deploy:readme-text', () => {
    const readme = files.match(['README.md', 'README.rst', 'README.adoc', 'README']).at(0);
    return readme === undefined ? '' : (files.read(readme) ?? '');
  });
}

/** Published by this repository, or named like the project. */
export function ownImage(files: FileView, image: string): boolean {
  return publishedHere(files, image) || imageRepo(image).split('/').pop()!.toLowerCase() === projectName(files);
}

/**
 * The image's name without tag or digest, a variable tag included (`docker.elastic.co/kibana/kibana:${STACK_VERSION}`):
 * a variable there picks a version, not whose image it is.
 */
export function imageName(image: string): string {
  const bare = image.replace(/@[\s\S]*$/, '');
  const tag = bare.indexOf(':', bare.lastIndexOf('/') + 1);
  return tag >= 0 ? bare.slice(0, tag) : bare;
}

export function thirdPartyImage(files: FileView, image: string): boolean {
  if (imageName(image).includes('$') || ownNamed(files, image)) return false;
  const repo = imageRepo(image);
  // A locally built image is often owner-less too (`image: shopapp` from Jib): only a pinned
  // release tag or digest (`ghost:5.8`, `postgres@sha256:…`) reads as a pulled official image.
  const pinned = /@sha256:|:(?!latest$|dev$|local$|snapshot$)[\w.-]+$/i.test(image);
  // Owner and name agreeing (`certbot/certbot`) is no sign of a vendor's image: a project's own
  // published image reads the same (`bookwyrm/bookwyrm`), so only THIRD_PARTY names vendors.
  return (
    THIRD_PARTY.test(image) || (!repo.includes('/') && pinned) || /^(?:library|bitnami|bitnamilegacy)\//i.test(repo)
  );
}

/** Where a repository names the images it builds and pushes. */
const BUILD_FILES = [
  '.github/workflows/*.{yml,yaml}',
  '.gitlab-ci.yml',
  '.circleci/config.yml',
  '**/docker-bake.hcl',
  'Makefile',
  'justfile',
  'Taskfile.yml',
  'package.json',
  // Google Cloud Build: its steps build and push the images (`--destination=gcr.io/$PROJECT_ID/app:$TAG_NAME`).
  '**/cloudbuild*.{yaml,yml,json}',
];

/**
 * This repository builds and publishes the image: its name (without registry, tag or digest)
 * appears in a CI workflow or build file (`images: docmost/docmost`, `docker build -t org/app`).
 */
export function publishedHere(files: FileView, image: string): boolean {
  const name = image
    .replace(/@[\s\S]*$/, '')
    .replace(/:[\w.-]+$/, '')
    .replace(/^(?:docker\.io|index\.docker\.io|ghcr\.io|quay\.io|registry\.hub\.docker\.com)\//, '');
  if (!name.includes('/')) return false;
  const texts = buildTexts(files);
  return texts.some((t) => t.includes(name)) || name.split('/').pop()!.toLowerCase() === projectName(files);
}

/**
 * The build and CI files that may publish an image, read once, without their `image:` lines: a
 * CI job's container or service image (CircleCI `- image: bitnami/kafka`, a GitHub Actions
 * `services:` database) is what the job runs, not what the repository publishes (blind round 31,
 * a Go client library whose test brokers in CI made its test compose file read as its own image).
 */
function buildTexts(files: FileView): string[] {
  return memo(files, 'deploy:build-texts', () =>
    files
      .match(BUILD_FILES)
      .filter((p) => isProductionPath(p) || p.startsWith('.github/'))
      .map((p) => (files.read(p) ?? '').replace(CI_IMAGE_LINE, '')),
  );
}

/** A YAML `image:` key and its value, to the end of the line, commented out or not. */
const CI_IMAGE_LINE = /^[ \t]*(?:#[ \t]*)?(?:-[ \t]*)?["']?image["']?[ \t]*:[^\n]*/gm;

/**
 * The name the root manifest gives the project (package.json, pyproject, Cargo.toml, go.mod):
 * an image `owner/<that name>` is this project's own image even when a release script, not a
 * CI file, builds and pushes it.
 */
export function projectName(files: FileView): string | undefined {
  return memo(files, 'deploy:project-name', () => {
    const d = declaredNames(files);
    const name = d.packageJson?.replace(/^@[^/]+\//, '') ?? d.toml[0];
    return name ? name.toLowerCase() : d.goModule?.split('/').pop()?.toLowerCase();
  });
}

/**
 * The names the root manifests give the project, as written: package.json `name`, pyproject's
 * `[project]`/`[tool.poetry]` and Cargo's `[package]` names (in that order), Cargo
 * `[[bin]]` names, and go.mod's module path.
 */
export function declaredNames(files: FileView): {
  packageJson?: string;
  toml: string[];
  bins: string[];
  goModule?: string;
} {
  return memo(files, 'deploy:declared-names', () => {
    const out: { packageJson?: string; toml: string[]; bins: string[]; goModule?: string } = { toml: [], bins: [] };
    const pkg = files.readJson('package.json');
    const fromPkg = pkg.ok ? (pkg.value as { name?: unknown }).name : undefined;
    if (typeof fromPkg === 'string') out.packageJson = fromPkg;
    for (const f of ['pyproject.toml', 'Cargo.toml']) {
      const t = files.readToml(f);
      if (!t.ok) continue;
      const v = t.value as {
        project?: { name?: unknown };
        package?: { name?: unknown };
        tool?: { poetry?: { name?: unknown } };
        bin?: { name?: unknown }[];
      };
      const n = v.project?.name ?? v.package?.name ?? v.tool?.poetry?.name;
      if (typeof n === 'string') out.toml.push(n);
      for (const b of Array.isArray(v.bin) ? v.bin : []) if (typeof b?.name === 'string') out.bins.push(b.name);
    }
    out.goModule = /^module\s+(\S+)/m.exec(files.read('go.mod') ?? '')?.[1];
    return out;
  });
}
