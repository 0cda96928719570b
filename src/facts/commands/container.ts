/**
 * Paths inside a container, mapped back to the repository: `docker compose exec backend bash
 * /app/tests-start.sh` runs `backend/tests-start.sh` when compose mounts `./backend:/app` (or the
 * Dockerfile copies it there). Mounts come first (they hide what the image holds), then the
 * Dockerfile's COPY/ADD lines, resolved against its WORKDIR. Nothing here runs a container.
 */
import type { FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import { parseYamlWithLines } from '../../util/yaml-lines.js';
import { type Dockerfile, parseDockerfile, type Stage } from '../dockerfile.js';
import { dirOf, joinPath } from './types.js';
import { lowerBound } from '../../util/bisect.js';

/** What a `docker … run|exec` command says about its container. */
export interface ContainerRef {
  /** Compose service name, or the image / container name for plain docker. */
  name: string;
  compose: boolean;
  /** Compose files named with `-f`. */
  composeFiles: string[];
  /** `-v host:container` mounts. */
  volumes: string[];
  workdir?: string;
  /** `run` starts a new container (its image's ENTRYPOINT gets the words); `exec` enters a running one. */
  verb?: 'run' | 'exec';
}

/** Container path → repository path, and the directory a command starts in. */
export interface ContainerPaths {
  map(path: string): string | undefined;
  /** The repository directory behind the container's working directory, when known. */
  cwd?: string;
  /**
   * The repository file a bare command name (`run-test`) starts inside the container: a directory
   * of the container's PATH (the image's `ENV PATH`, the service's `PATH`, the standard bin
   * directories) mapped back to the repository, else the directory of the service's Dockerfile
   * (`docker/app/run-test` beside `docker/app/Dockerfile`).
   */
  which(name: string): string | undefined;
}

/** The directories a Linux image searches by default. */
const STANDARD_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** `/a/b:$PATH:/c` → [`/a/b`, `/c`]: the absolute directories of a PATH value, at most 20. */
function pathDirs(value: string): string[] {
  return value
    .replace(/^["']|["']$/g, '')
    .split(':')
    .filter((d) => d.startsWith('/') && !d.includes('$'))
    .slice(0, 20)
    .map((d) => d.replace(/\/+$/, '') || '/');
}

const COMPOSE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** `$(pwd)`, `$PWD`, `${{ github.workspace }}` (already `$CI_EXPR`), `.`: the directory the command runs in. */
const HERE =
  /^(?:\$\(pwd\)|\$\{?PWD\}?|\$CI_EXPR|\$\{?GITHUB_WORKSPACE\}?|\$\{?CI_PROJECT_DIR\}?|\$\{?CURDIR\}?|\.)(?=\/|:|$)/;

function isDir(files: FileView, dir: string): boolean {
  if (dir === '') return true;
  const paths = files.paths;
  const prefix = `${dir}/`;
  const lo = lowerBound(paths.length, (i) => paths[i]! < prefix);
  return lo < paths.length && paths[lo]!.startsWith(prefix);
}

/** Pairs of (container path, repository path), in the order a lookup should try them. */
function pairsFor(
  files: FileView,
  ref: ContainerRef,
  cwd: string,
): { pairs: [string, string][]; workdir?: string; path: string[]; homes: string[] } {
  const pairs: [string, string][] = [];
  const path: string[] = [];
  const homes: string[] = [];
  const mount = (spec: string, base: string) => {
    const [host, target] = spec.split(':');
    if (!host || !target?.startsWith('/')) return;
    if (host.startsWith('/') || host.startsWith('~')) return;
    const h = host.replace(HERE, '').replace(/^\/+/, '');
    if (h.includes('$') || !/^[.\w]|^$/.test(h)) return;
    pairs.push([target.replace(/\/+$/, '') || '/', joinPath(base, h)]);
  };
  for (const v of ref.volumes) mount(v, cwd);
  let workdir = ref.workdir;
  if (!ref.compose) return { pairs, path, homes, ...(workdir ? { workdir } : {}) };
  const service = composeService(files, ref, cwd);
  if (!service) return { pairs, path, homes, ...(workdir ? { workdir } : {}) };
  const env = service.def.environment;
  const envPath = Array.isArray(env)
    ? env.find((e): e is string => typeof e === 'string' && e.startsWith('PATH='))?.slice(5)
    : rec(env)?.PATH;
  if (typeof envPath === 'string') path.push(...pathDirs(envPath));
  for (const v of Array.isArray(service.def.volumes) ? service.def.volumes : []) {
    if (typeof v === 'string') mount(v, service.dir);
    const o = rec(v);
    if (o && typeof o.source === 'string' && typeof o.target === 'string')
      mount(`${o.source}:${o.target}`, service.dir);
  }
  workdir ??= typeof service.def.working_dir === 'string' ? service.def.working_dir : undefined;
  const build = typeof service.def.build === 'string' ? { context: service.def.build } : rec(service.def.build);
  if (build && typeof build.context === 'string' && !build.context.includes('$')) {
    const context = joinPath(service.dir, build.context);
    const dockerfile = joinPath(context, typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile');
    // `build.target` picks the stage the service runs (`client-development`), not the last one.
    const target = typeof build.target === 'string' && !build.target.includes('$') ? build.target : undefined;
    const copied = copies(files, dockerfile, context, target);
    pairs.push(...copied.pairs);
    path.push(...copied.path);
    workdir ??= copied.workdir;
    if (files.exists(dockerfile)) homes.push(dirOf(dockerfile));
  }
  return { pairs, path, homes, ...(workdir ? { workdir } : {}) };
}

/** The service's definition across the compose files a command names, or those of its directory. */
function composeService(
  files: FileView,
  ref: ContainerRef,
  cwd: string,
): { def: Record<string, unknown>; dir: string; file: string } | undefined {
  const candidates = ref.composeFiles.length
    ? ref.composeFiles.map((f) => joinPath(cwd, f))
    : [cwd, ''].flatMap((d) => COMPOSE_NAMES.map((n) => joinPath(d, n)));
  const def: Record<string, unknown> = Object.create(null);
  let dir: string | undefined;
  let file: string | undefined;
  for (const path of candidates) {
    if (!files.exists(path)) continue;
    const parsed = memo(files, `commands:compose:${path}`, () => parseYamlWithLines(files.read(path) ?? ''));
    const s = rec(rec(rec(parsed.docs[0]?.value)?.services)?.[ref.name]);
    if (!s) continue;
    dir ??= dirOf(path);
    file ??= path;
    // An override file adds mounts and settings to the base definition.
    for (const [k, v] of Object.entries(s))
      def[k] = k === 'volumes' && Array.isArray(def[k]) && Array.isArray(v) ? [...(def[k] as unknown[]), ...v] : v;
  }
  return dir === undefined || file === undefined ? undefined : { def, dir, file };
}

/**
 * The stages an image is built through, base first: the `target` stage (compose `build.target`, the
 * image a service runs), else the last one, preceded by the stages it is built FROM (`FROM base AS
 * dev` inherits base's WORKDIR and files); at most 10.
 */
function stageChain(df: Dockerfile, target?: string): Stage[] {
  const byAlias = (a: string) => df.stages.find((s) => s.alias?.toLowerCase() === a.toLowerCase());
  let stage = (target ? byAlias(target) : undefined) ?? df.stages[df.stages.length - 1];
  const chain: Stage[] = [];
  while (stage && chain.length < 10 && !chain.includes(stage)) {
    chain.unshift(stage);
    stage = byAlias(stage.image);
  }
  return chain;
}

/** COPY/ADD of the image's stages (stageChain) as (container path, repository path), and its WORKDIR. */
function copies(
  files: FileView,
  dockerfile: string,
  context: string,
  target?: string,
): { pairs: [string, string][]; workdir?: string; path: string[] } {
  const text = files.read(dockerfile);
  if (text === undefined) return { pairs: [], path: [] };
  const df = parseDockerfile(dockerfile, text);
  const pairs: [string, string][] = [];
  const path: string[] = [];
  let workdir = '/';
  for (const ins of stageChain(df, target).flatMap((st) => st.instructions)) {
    // `ENV PATH=$PATH:/srv/app/bin`, `ENV PATH /opt/bin:$PATH`: directories a bare command is looked up in.
    if (ins.keyword === 'ENV') {
      const m = /(?:^|\s)PATH(?:=|\s+)(\S+)/.exec(ins.args.slice(0, 2000));
      if (m) path.push(...pathDirs(m[1]!));
    }
    if (ins.keyword === 'WORKDIR') workdir = ins.args.startsWith('/') ? ins.args : joinPosix(workdir, ins.args);
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    const words = ins.args.split(/\s+/).filter((w) => w && !w.startsWith('--'));
    if (words.length < 2 || ins.args.includes('--from')) continue;
    const dest = words[words.length - 1]!;
    const target = dest.startsWith('/') ? dest : joinPosix(workdir, dest);
    for (const src of words.slice(0, -1)) {
      const repo = joinPath(context, src.replace(/\*.*$/, ''));
      if (files.exists(repo) && (dest.endsWith('/') || words.length > 2))
        pairs.push([joinPosix(target, repo.slice(repo.lastIndexOf('/') + 1)), repo]);
      else pairs.push([target.replace(/\/+$/, '') || '/', repo]);
    }
  }
  return { pairs, workdir, path };
}

const joinPosix = (a: string, b: string) => `/${joinPath(a, b)}`;

export function containerPaths(files: FileView, ref: ContainerRef, cwd: string): ContainerPaths {
  const key = `commands:container:${cwd}:${JSON.stringify(ref)}`;
  return memo(files, key, () => {
    const { pairs, workdir, path, homes } = pairsFor(files, ref, cwd);
    const lookup = (path: string, test: (p: string) => boolean) => {
      const abs = path.replace(/\/+$/, '') || '/';
      for (const [inside, repo] of pairs) {
        if (abs !== inside && !abs.startsWith(inside === '/' ? '/' : `${inside}/`)) continue;
        const p = joinPath(repo, abs.slice(inside.length).replace(/^\/+/, ''));
        if (test(p)) return p;
      }
      return undefined;
    };
    const dir = workdir ? lookup(workdir, (p) => isDir(files, p)) : undefined;
    const exists = (p: string) => files.exists(p);
    return {
      map: (p) => lookup(p.startsWith('/') ? p : joinPosix(workdir ?? '/', p), exists),
      which: (name) => {
        if (!/^[\w][\w.-]{0,100}$/.test(name)) return undefined;
        for (const d of [...path, ...STANDARD_PATH]) {
          const hit = lookup(`${d}/${name}`, exists);
          if (hit) return hit;
        }
        for (const h of homes) if (files.exists(joinPath(h, name))) return joinPath(h, name);
        return undefined;
      },
      ...(dir !== undefined ? { cwd: dir } : {}),
    };
  });
}

const CONTAINER_VALUED = new Set(
  '-f --file -p --project-name --env-file -e --env -v --volume -w --workdir -u --user --name --network --net --entrypoint --platform -l --label --mount --add-host --shm-size -m --memory --cpus --ulimit --cap-add --device --gpus --pull --profile --log-driver --publish --hostname -h --ipc --tmpfs --runtime --security-opt --volumes-from --link'.split(
    ' ',
  ),
);

/**
 * `docker compose run web pytest`, `docker exec api npm test`: the command run inside the
 * container, and what the command line says about the container (service, `-f`, `-v`, `-w`).
 */
export function containerCommand(argv: string[]): { inner: string[]; ref: ContainerRef } | undefined {
  let i: number;
  const compose = (argv[0] === 'docker' || argv[0] === 'podman') && argv[1] === 'compose';
  if (compose) i = 2;
  else if (argv[0] === 'docker-compose' || argv[0] === 'podman-compose' || argv[0] === 'docker' || argv[0] === 'podman')
    i = 1;
  else return undefined;
  const ref: ContainerRef = {
    name: '',
    compose: compose || argv[0]!.endsWith('-compose'),
    composeFiles: [],
    volumes: [],
  };
  // Options, and variables that hold options (`docker run ${DOCKER_ARGS} --rm …`).
  const skip = () => {
    while (i < argv.length && (argv[i]!.startsWith('-') || /^\$\{?\w+\}?$/.test(argv[i]!))) {
      const [flag, inline] = argv[i]!.split(/=(.*)/s) as [string, string | undefined];
      const value = inline ?? (CONTAINER_VALUED.has(flag) ? argv[i + 1] : undefined);
      if (value !== undefined) {
        if (flag === '-f' || flag === '--file') ref.composeFiles.push(value);
        else if (flag === '-v' || flag === '--volume') ref.volumes.push(value);
        else if (flag === '-w' || flag === '--workdir') ref.workdir = value;
      }
      i += inline === undefined && CONTAINER_VALUED.has(flag) ? 2 : 1;
    }
  };
  skip();
  if (argv[i] !== 'run' && argv[i] !== 'exec') return undefined;
  ref.verb = argv[i] as 'run' | 'exec';
  i++;
  skip();
  ref.name = argv[i] ?? '';
  i++; // the service, container or image
  return i < argv.length ? { inner: argv.slice(i), ref } : undefined;
}

/**
 * The compose files a command reads: its `-f` files, else those COMPOSE_FILE names (`:`- or
 * `;`-separated, as compose reads it from the step's environment).
 */
export function withComposeFile(ref: ContainerRef, vars: Record<string, string> | undefined): ContainerRef {
  const env = vars?.COMPOSE_FILE;
  if (!ref.compose || ref.composeFiles.length > 0 || !env || env.includes('$')) return ref;
  return { ...ref, composeFiles: env.split(/[:;]/).filter(Boolean).slice(0, 8) };
}

/** A Dockerfile's exec-form ENTRYPOINT (`["/app/bin/docker-entrypoint"]`) of the final stage, with its line. */
function imageEntrypoint(
  files: FileView,
  dockerfile: string,
  target?: string,
): { argv: string[]; line: number } | undefined {
  const text = files.read(dockerfile);
  if (text === undefined) return undefined;
  const df = parseDockerfile(dockerfile, text);
  const ins = stageChain(df, target)
    .flatMap((st) => st.instructions)
    .filter((x) => x.keyword === 'ENTRYPOINT')
    .pop();
  if (!ins?.args.trim().startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(ins.args);
    if (Array.isArray(v) && v.length > 0 && v.length <= 20 && v.every((x) => typeof x === 'string'))
      return { argv: v as string[], line: ins.line };
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * `docker compose run SERVICE ARGS`: ARGS go to the image's ENTRYPOINT, not to a shell. When the
 * service's entrypoint (compose `entrypoint:` or its build's Dockerfile ENTRYPOINT, exec form) is
 * a script in the repository with a `case` arm for the first word (`tests)`), the command is that
 * script with ARGS (blind round 30, redash: ci.yml `docker compose run redash tests --cov=redash`
 * → Dockerfile ENTRYPOINT bin/docker-entrypoint → `tests)` → `exec pytest`). Otherwise the words
 * stay the command they look like (an entrypoint that ends `exec "$@"`).
 */
export function composeRunEntrypoint(
  files: FileView,
  ref: ContainerRef,
  cwd: string,
  inner: readonly string[],
  paths: ContainerPaths,
): { argv: string[]; hop: { path: string; line: number; text: string } } | undefined {
  if (!ref.compose || ref.verb !== 'run' || !inner[0] || !/^[\w:.-]+$/.test(inner[0])) return undefined;
  const service = composeService(files, ref, cwd);
  if (!service) return undefined;
  let entry: string[] | undefined;
  let hop: { path: string; line: number; text: string } | undefined;
  const e = service.def.entrypoint;
  if (Array.isArray(e) && e.length > 0 && e.every((x) => typeof x === 'string')) entry = e as string[];
  else if (typeof e === 'string' && e.trim()) entry = e.trim().split(/\s+/);
  if (entry) hop = { path: service.file, line: 1, text: `entrypoint: ${entry.join(' ')}` };
  else {
    const build = typeof service.def.build === 'string' ? { context: service.def.build } : rec(service.def.build);
    if (!build || typeof build.context !== 'string' || build.context.includes('$')) return undefined;
    const context = joinPath(service.dir, build.context);
    const dockerfile = joinPath(context, typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile');
    const img = imageEntrypoint(
      files,
      dockerfile,
      typeof build.target === 'string' && !build.target.includes('$') ? build.target : undefined,
    );
    if (!img) return undefined;
    entry = img.argv;
    hop = { path: dockerfile, line: img.line, text: `ENTRYPOINT ${JSON.stringify(img.argv)}` };
  }
  const prog = entry[entry.length - 1]!;
  const script = prog.startsWith('/') ? paths.map(prog) : joinPath(paths.cwd ?? service.dir, prog);
  if (!script || !files.exists(script)) return undefined;
  const text = files.read(script) ?? '';
  if (!caseArm(text, inner[0])) return undefined;
  return { argv: [...entry, ...inner], hop };
}

/** A shell `case` arm for the word: `tests)`, `  test | tests )`, `"tests")`. Linear: one pass over the lines. */
function caseArm(text: string, word: string): boolean {
  for (const raw of text.slice(0, 500_000).split('\n')) {
    const l = raw.trim();
    const close = l.indexOf(')');
    if (close <= 0 || close > 200) continue;
    const head = l.slice(0, close).replace(/^\(/, '');
    if (!/^[\w|"' *:.-]+$/.test(head)) continue;
    if (head.split('|').some((p) => p.trim().replace(/^["']|["']$/g, '') === word)) return true;
  }
  return false;
}
