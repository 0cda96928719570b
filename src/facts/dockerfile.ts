/** Dockerfiles parsed into stages and instructions, with lines; shared by the container rules. */
import { posix } from 'node:path';
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { commandTestRunner, isDevContainer, isLocalDevPath, isProductionPath } from './paths.js';
import { escapeRe } from '../util/regex.js';
import { NOT_A_DOCKERFILE } from '../walk/dockerfile-names.js';

export const DOCKERFILE_GLOBS = [
  '**/Dockerfile',
  // Lower-case names are as common (`docker/dockerfile`); Docker reads whatever `-f` names.
  '**/dockerfile',
  '**/Dockerfile.*',
  '**/Dockerfile-*',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  // A name with the image's purpose in front (`web-crawler-dockerfile`, `api_Dockerfile`) or behind
  // (`Dockerfile_prod`): built with `-f`, or a CDK `DockerImageAsset`/`fromAsset(dir, { file })`
  // (blind round 38: an image running as root was never judged for its name `…-dockerfile`).
  '**/*-dockerfile',
  '**/*-Dockerfile',
  '**/*_dockerfile',
  '**/*_Dockerfile',
  '**/Dockerfile_*',
  '**/dockerfile-*',
  '**/*.Containerfile',
  '**/*.containerfile',
  '**/Containerfile',
  '**/Containerfile.*',
];

/**
 * A template a generator renders into Dockerfiles (`Dockerfile.j2`, `Dockerfile.tmpl`): its
 * `FROM {{ base }}` is not an unpinned image, and the rendered files are the ones that build.
 */
export function isTemplate(path: string): boolean {
  return /\.(j2|jinja2?|tmpl|tpl|template|erb|mustache|hbs|ejs|njk|gotmpl|in)$/i.test(path);
}

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
  endLine: number;
}

export interface Stage {
  image: string;
  alias?: string;
  line: number;
  instructions: Instruction[];
}

export interface Dockerfile {
  path: string;
  ok: boolean;
  error?: string;
  stages: Stage[];
  /** ARG values declared before the first FROM (used in image references). */
  args: Record<string, string>;
  /** A CI step that builds this Dockerfile and pushes the image to a registry. */
  published?: { path: string; line: number };
  /**
   * An Earthfile target that saves an image (`SAVE IMAGE`): its recipe is the final stage, built
   * on the stages of the targets it builds FROM (`FROM +build`) or on the file's base recipe.
   */
  target?: { name: string; line: number; save: number };
  /**
   * Why the image is a mock of another system for local runs or tests, when it is: named so
   * (`Dockerfile.npg-mock`, `mocks/payments/Dockerfile`), or built by a compose service named so
   * (`pagopa-pdv-mock: build: {dockerfile: Dockerfile.pdv}`).
   */
  mock?: string;
  /**
   * Why the image exists to run the project's tests, when it does: every compose service that builds
   * it runs the test suite once and serves nothing (`command: … && exec tox run -e py`, no ports).
   */
  testRun?: string;
  /**
   * Why the image is a local development image, when it is: every compose service that builds it
   * bind-mounts the build context over the image (`volumes: ['./:/app']`), so it runs the working
   * copy, not what the image was built with — while another Dockerfile here builds the image that
   * ships (blind round 50: three `data/infra/*.Dockerfile` dev images beside a multi-stage non-root
   * Dockerfile made container-user and container-image partial).
   */
  sourceMounted?: string;
}

/** Earthly's build files: each target with `SAVE IMAGE` builds an image like a Dockerfile stage. */
export const EARTHFILE_GLOBS = ['**/Earthfile'];

/**
 * The images an Earthfile builds (blind round 18, tokei: `+docker` pushed by publish_image.yaml, a
 * target with no FROM of its own on the base recipe `FROM alpine:3.19` and no USER). One entry per
 * target that saves an image: stages are the base recipe (alias `+`), the targets it builds FROM
 * (alias `+name`), then the target; `COPY +t/file` reads as `COPY --from=+t`. A target built
 * `FROM DOCKERFILE` is the Dockerfile's image, judged there.
 */
/** Targets one image's FROM +target chain may go through. */
const MAX_EARTHLY_CHAIN = 16;

export function parseEarthfile(path: string, text: string): Dockerfile[] {
  const lines = text.split(/\r?\n/);
  type Target = { name: string; line: number; ins: Instruction[] };
  const base: Target = { name: '', line: 1, ins: [] };
  const targets = new Map<string, Target>();
  let cur = base;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const header = /^([A-Za-z][\w.-]*)\s*:\s*(?:#.*)?$/.exec(raw);
    if (header) {
      cur = { name: header[1]!, line: i + 1, ins: [] };
      if (!targets.has(cur.name)) targets.set(cur.name, cur);
      continue;
    }
    const start = i;
    const joined = joinContinued(lines, i, '\\', false);
    i = joined.end;
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(joined.body);
    if (!m) continue;
    let args = m[2]!.trim();
    const keyword = m[1]!.toUpperCase();
    if (keyword === 'COPY') args = args.replace(/(^|\s)\+([\w.-]+)\//, '$1--from=+$2 ');
    cur.ins.push({ keyword, args, line: start + 1, endLine: i + 1 });
  }
  const args: Record<string, string> = {};
  for (const ins of base.ins)
    if (ins.keyword === 'ARG') {
      const a = /^(?:--global\s+)?([A-Za-z_]\w*)=("[^"]*"|'[^']*'|\S*)/.exec(ins.args);
      if (a) args[a[1]!] = a[2]!.replace(/^["']|["']$/g, '');
    }
  // A target's stage is built once: every image target builds FROM a chain of them, and a file of
  // targets each FROM the one before made that quadratic (a 1 MB Earthfile ran out of memory).
  const stages = new Map<Target, Stage | undefined>();
  const stageOf = (t: Target, alias: string): Stage | undefined => {
    if (!stages.has(t)) stages.set(t, buildStage(t, alias));
    return stages.get(t);
  };
  const buildStage = (t: Target, alias: string): Stage | undefined => {
    const from = t.ins.find((i) => i.keyword === 'FROM');
    if (from && /^DOCKERFILE\b/i.test(from.args)) return undefined;
    const image = from ? (from.args.split(/\s+/).find((p) => !p.startsWith('--')) ?? '') : '+';
    return {
      image,
      alias,
      line: from?.line ?? t.line,
      instructions: t.ins.filter((i) => i !== from && i.keyword !== 'VERSION' && i.keyword !== 'IMPORT'),
    };
  };
  const out: Dockerfile[] = [];
  for (const t of targets.values()) {
    const save = t.ins.find((i) => i.keyword === 'SAVE' && /^IMAGE\b/i.test(i.args));
    if (!save) continue;
    const chain: Stage[] = [];
    const seen = new Set<string>();
    let ok = true;
    for (let at: Target | undefined = t, alias = `+${t.name}`; at && !seen.has(alias); ) {
      seen.add(alias);
      const st = stageOf(at, alias);
      // A chain of more targets than a build file plausibly has is not followed: the image is left unjudged.
      if (!st || chain.length >= MAX_EARTHLY_CHAIN) {
        ok = false;
        break;
      }
      chain.unshift(st);
      if (!st.image.startsWith('+')) break;
      alias = st.image;
      at =
        alias === '+' ? (base.ins.some((i) => i.keyword === 'FROM') ? base : undefined) : targets.get(alias.slice(1));
    }
    if (!ok) continue;
    out.push({
      path,
      ok: true,
      stages: chain,
      args,
      target: { name: t.name, line: t.line, save: save.line },
    });
  }
  return out;
}

/**
 * For each Earthfile image, the first CI line that runs `earthly … +target` with a push (`--push`
 * there, or `SAVE IMAGE --push` in the target). Each CI line is read once for all targets: a line
 * without `earthly` is skipped, and the words after `earthly` are looked up among the ways a target
 * is named (`+docker`, `./+docker`, `dir/+docker`), where a pattern per target with a leading `.*?`
 * took 29 s on a 320 KB line.
 */
function earthlyPublished(ci: { path: string; lines: string[] }[], earth: Dockerfile[]): void {
  const byWord = new Map<string, { d: Dockerfile; pushes: boolean }[]>();
  // A folder with blanks or quotes in its name is no single word: its targets keep a pattern of their own.
  const odd: { d: Dockerfile; pushes: boolean; ref: RegExp }[] = [];
  for (const d of earth) {
    const save = d.stages.at(-1)!.instructions.find((i) => i.line === d.target!.save);
    const pushes = /--push\b/.test(save?.args ?? '');
    const dir = d.path.includes('/') ? d.path.slice(0, d.path.lastIndexOf('/')) : '';
    if (/[\s"']/.test(dir)) {
      const ref = new RegExp(
        String.raw`\bearthly\b.*?[\s"'](?:\.?/?${escapeRe(dir)}/?)?\+${escapeRe(d.target!.name)}(?:[\s"']|$)`,
      );
      odd.push({ d, pushes, ref });
      continue;
    }
    // `(?:\.?/?DIR/?)?\+NAME`, spelled out.
    const words = new Set([`+${d.target!.name}`]);
    for (const dot of ['', '.'])
      for (const slash of ['', '/'])
        for (const tail of ['', '/']) words.add(`${dot}${slash}${dir}${tail}+${d.target!.name}`);
    for (const w of words) {
      const list = byWord.get(w);
      if (list) list.push({ d, pushes });
      else byWord.set(w, [{ d, pushes }]);
    }
  }
  for (const f of ci)
    for (let i = 0; i < f.lines.length; i++) {
      const l = f.lines[i]!;
      if (!l.includes('earthly')) continue;
      const push = /--push\b/.test(l);
      for (const w of wordsAfterEarthly(l))
        for (const t of byWord.get(w) ?? [])
          if (!t.d.published && (t.pushes || push)) t.d.published = { path: f.path, line: i + 1 };
      for (const t of odd)
        if (!t.d.published && (t.pushes || push) && t.ref.test(l)) t.d.published = { path: f.path, line: i + 1 };
    }
}

/**
 * The words of a line that `\bearthly\b.*?[\s"']WORD(?:[\s"']|$)` would reach: each run of
 * characters between blanks or quotes that starts after an `earthly` with no line break between.
 */
function wordsAfterEarthly(l: string): string[] {
  const out: string[] = [];
  const ends: number[] = [];
  for (const m of l.matchAll(/\bearthly\b/g)) ends.push(m.index + m[0].length);
  let open = false;
  let next = 0;
  for (let i = 0; i < l.length; i++) {
    while (next < ends.length && ends[next]! <= i) {
      open = true;
      next++;
    }
    const c = l[i]!;
    if (open && WORD_EDGE.test(c)) {
      let j = i + 1;
      while (j < l.length && !WORD_EDGE.test(l[j]!)) j++;
      out.push(l.slice(i + 1, j));
    }
    // `.` does not cross a line break: a later `earthly` opens the line again.
    if (LINE_BREAK.test(c)) open = false;
  }
  return out;
}

const WORD_EDGE = /[\s"']/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The instruction that starts at `lines[from]`, its continuation lines joined: while the text so far,
 * trailing blanks aside, ends with the escape character, that character goes, and the next line,
 * trimmed, follows after a space (a comment line inside a continuation is dropped when asked, as
 * Docker does). The parts are collected and joined once: 400 KB of `a \` lines, joined by
 * re-trimming the growing text, took 5 s. `end` is the index of the instruction's last line.
 */
export function joinContinued(
  lines: readonly string[],
  from: number,
  escapeChar: string,
  dropComments: boolean,
): { body: string; end: number } {
  const parts = [lines[from]!];
  // How much of each part is kept: a continuation cuts the blanks and the escape at the end of the text.
  const ends = [parts[0]!.length];
  let i = from;
  for (;;) {
    // The last character that is not blank, across the parts (a part can be all blanks).
    let k = parts.length - 1;
    let e = ends[k]!;
    for (; k >= 0; k--, e = k >= 0 ? ends[k]! : 0) {
      const p = parts[k]!;
      while (e > 0 && BLANK.test(p[e - 1]!)) e--;
      if (e > 0) break;
    }
    if (k < 0 || parts[k]![e - 1] !== escapeChar || i + 1 >= lines.length) break;
    i++;
    parts.length = k + 1;
    ends.length = k + 1;
    const next = lines[i]!.trim();
    if (dropComments && next.startsWith('#')) {
      // The escape stays: the next line continues the instruction too.
      ends[k] = e;
      continue;
    }
    ends[k] = e - 1;
    parts.push(` ${next}`);
    ends.push(next.length + 1);
  }
  const body =
    parts.length === 1 && ends[0] === parts[0]!.length
      ? parts[0]!
      : parts.map((p, j) => (ends[j] === p.length ? p : p.slice(0, ends[j]))).join('');
  return { body, end: i };
}

/** A character `trimEnd` removes (`\s` is the same set). */
const BLANK = /\s/;

export function parseDockerfile(path: string, text: string): Dockerfile {
  const lines = text.split(/\r?\n/);
  const instructions: Instruction[] = [];
  let escapeChar = '\\';
  const directive = /^#\s*escape\s*=\s*([\\`])/i.exec(lines[0] ?? '');
  if (directive) escapeChar = directive[1]!;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (!first.trim() || first.trim().startsWith('#')) continue;
    const start = i;
    // Line continuations; comment lines inside a continuation are dropped, as Docker does.
    const joined = joinContinued(lines, i, escapeChar, true);
    i = joined.end;
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(joined.body);
    if (!m) continue;
    // Heredocs (`RUN <<EOF … EOF`, BuildKit): their body is shell or file content, not instructions.
    const heredocs = [...m[2]!.matchAll(/<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)].map((h) => h[2]!);
    for (const word of heredocs) {
      while (i + 1 < lines.length && lines[++i]!.trim() !== word) {
        /* skip the heredoc body */
      }
    }
    instructions.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start + 1, endLine: i + 1 });
  }
  const stages: Stage[] = [];
  const args: Record<string, string> = {};
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const parts = ins.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const asIdx = parts.findIndex((p) => p.toLowerCase() === 'as');
      stages.push({
        image: parts[0] ?? '',
        ...(asIdx > 0 && parts[asIdx + 1] ? { alias: parts[asIdx + 1]! } : {}),
        line: ins.line,
        instructions: [],
      });
    } else if (stages.length === 0) {
      // `ARG A=1 B=2` declares several; a default may use an ARG declared above it
      // (`ARG BUILDER=chef:rust-${RUST_VERSION}`), which Docker expands where it is declared.
      if (ins.keyword === 'ARG')
        for (const a of ins.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g))
          if (a[2] !== undefined || !(a[1]! in args))
            args[a[1]!] = substitute(args, (a[2] ?? '').replace(/^["']|["']$/g, ''));
    } else {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  if (stages.length === 0) return { path, ok: false, error: `${path}: no FROM instruction`, stages, args };
  return { path, ok: true, stages, args };
}

/** The repository's Dockerfiles by name: DOCKERFILE_GLOBS without files that only carry the word. */
export function dockerfilePaths(files: FileView): string[] {
  return files.match(DOCKERFILE_GLOBS).filter((p) => !NOT_A_DOCKERFILE.test(p));
}

export function dockerfiles(files: FileView): Dockerfile[] {
  return memo(files, 'dockerfiles', () => {
    const all: Dockerfile[] = dockerfilePaths(files)
      .filter((p) => !isTemplate(p))
      .map((p) => {
        const text = files.read(p);
        return text === undefined
          ? { path: p, ok: false, error: `${p}: unreadable`, stages: [], args: {} }
          : parseDockerfile(p, text);
      });
    const earth = files
      .match(EARTHFILE_GLOBS)
      .filter((p) => isProductionPath(p))
      .flatMap((p) => {
        const text = files.read(p);
        return text === undefined ? [] : parseEarthfile(p, text);
      });
    // Only a Dockerfile named for development or tests needs the CI looked at: one that CI pushes
    // to a registry is the published image, whatever its name (postiz-app's Dockerfile.dev, round 14).
    // An Earthfile target is looked up too: the CI line that runs `earthly --push +target`.
    const named = all.filter((d) => TOOL_NAME.test(baseName(d.path)));
    if (named.length > 0 || earth.length > 0) {
      const ci = files.match(CI_GLOBS).map((p) => ({ path: p, lines: (files.read(p) ?? '').split('\n') }));
      for (const d of named) {
        const at = publishedBy(ci, d.path) ?? deployedBy(files, d.path);
        if (at) d.published = at;
      }
      earthlyPublished(ci, earth);
    }
    markMocks(files, all);
    return [...all, ...earth];
  });
}

/**
 * Words that name a stand-in for another system: a mock server, a stub, a fake, an emulator or a
 * simulator. Compared with whole words of a name (`npg-mock`, `payments_stub`, `wiremock`), never a
 * substring (`mockingbird`).
 */
const MOCK_WORDS = new Set([
  'mock',
  'mocks',
  'mockserver',
  'wiremock',
  'stub',
  'stubs',
  'fake',
  'fakes',
  'emulator',
  'emulators',
  'simulator',
  'simulators',
  // Emulators of a cloud service, named for the product (`azurite/Dockerfile`, `localstack/`).
  'azurite',
  'localstack',
]);

/**
 * Programs that serve canned answers in place of another system: an image whose command runs one
 * is a mock, whatever its name (blind round 33: `Dockerfile.pdv-tokenizer` running json-server
 * beside the service's own Dockerfile).
 */
const MOCK_SERVER =
  /^(?:json-server|wiremock|mockserver|mockoon-cli|mb|mountebank|imposter|smocker|prism)$|(?:^|\/)(?:wiremock[\w.-]*\.jar|json-server)$/;

/** The mock server a Dockerfile's final stage starts, if it starts one. */
function mockServer(d: Dockerfile): string | undefined {
  const last = d.stages[d.stages.length - 1];
  for (const i of last?.instructions ?? []) {
    if (i.keyword !== 'CMD' && i.keyword !== 'ENTRYPOINT') continue;
    const args = i.args.trim();
    const words = args.startsWith('[')
      ? [...args.slice(0, 2000).matchAll(/"([^"\\]{0,200})"/g)].map((m) => m[1]!)
      : args.slice(0, 2000).split(/\s+/);
    // `java -jar wiremock-standalone.jar`, `npx json-server`, `prism mock api.yaml`.
    for (const [k, w] of words.slice(0, 8).entries()) {
      const m = MOCK_SERVER.exec(w);
      if (!m) continue;
      if (w === 'prism' && words[k + 1] !== 'mock') continue;
      return w.slice(w.lastIndexOf('/') + 1);
    }
  }
  return undefined;
}

/** A name made of words (split at `-`, `_`, `.`), one of which names a mock. */
export function mockName(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[-_.]/)
    .some((w) => MOCK_WORDS.has(w));
}

const COMPOSE_FILES = ['**/docker-compose*.{yml,yaml}', '**/compose*.{yml,yaml}', '**/*.docker-compose.{yml,yaml}'];

/**
 * Images that stand in for another system (a payment gateway's mock, a tokenizer stub) so the
 * service can run on a laptop or in tests: by the Dockerfile's name or folder, or by the compose
 * service that builds it. They are not what ships (blind round 26, helpdesk-service: two local
 * mocks made container-user partial while the shipped Dockerfile runs as a user).
 */
function markMocks(files: FileView, all: Dockerfile[]): void {
  const byPath = new Map(all.map((d) => [d.path, d]));
  for (const d of all) {
    const parts = d.path.split('/');
    const named = parts.find((seg, i) =>
      mockName(i === parts.length - 1 ? seg.replace(/^(?:Dockerfile|Containerfile)\.?/i, '') : seg),
    );
    if (named) d.mock = `named ${named}`;
    else if (d.ok) {
      const server = mockServer(d);
      if (server) d.mock = `runs ${server}, a mock server`;
    }
  }
  if (all.every((d) => d.mock)) return;
  // Per Dockerfile, the compose services that build it and whether each only runs the tests.
  const builders = new Map<string, { name: string; path: string; runner?: string; mounts?: string }[]>();
  for (const path of files.match(COMPOSE_FILES)) {
    const doc = files.readYaml<{ services?: Record<string, unknown> }>(path);
    const services = doc.ok ? doc.value?.services : undefined;
    if (!services || typeof services !== 'object') continue;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    for (const [name, raw] of Object.entries(services)) {
      const svc = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : undefined;
      if (!svc || svc.build === undefined) continue;
      const container = typeof svc.container_name === 'string' ? svc.container_name : '';
      const dockerfile = composeBuildPath(dir, svc.build);
      const d = dockerfile ? byPath.get(dockerfile) : undefined;
      if (d) {
        const serves = svc.ports !== undefined || svc.expose !== undefined;
        const runner = serves ? undefined : commandTestRunner(svc.command ?? svc.entrypoint);
        const context = composeBuildContext(dir, svc.build);
        const mounts = context === undefined ? undefined : contextMount(dir, context, svc.volumes);
        const list = builders.get(d.path) ?? [];
        if (list.length < 50) list.push({ name, path, ...(runner ? { runner } : {}), ...(mounts ? { mounts } : {}) });
        builders.set(d.path, list);
      }
      if (!mockName(name) && !mockName(container)) continue;
      if (d && !d.mock) d.mock = `built by compose service ${name} in ${path}`;
    }
  }
  // An image every compose service that builds it uses to run the test suite once (a library's
  // Termux or old-distribution test rig) is a test image, as one under tests/ is (blind round 48).
  for (const [path, list] of builders) {
    const d = byPath.get(path);
    if (!d || d.mock || !list.every((b) => b.runner)) continue;
    d.testRun = `built by compose service ${list[0]!.name} in ${list[0]!.path}, which runs the test suite (\`${list[0]!.runner!.slice(0, 60)}\`) and exits`;
  }
  // Images every compose service that builds them runs over a bind mount of their own build context:
  // development images, when another Dockerfile here is built by none of those services.
  const mounted = [...builders].filter(([, list]) => list.every((b) => b.mounts));
  const others = all.filter((d) => !d.mock && !d.testRun && !mounted.some(([p]) => p === d.path));
  if (!others.length) return;
  for (const [path, list] of mounted) {
    const d = byPath.get(path);
    if (!d || d.mock || d.testRun) continue;
    d.sourceMounted = `built by compose service ${list[0]!.name} in ${list[0]!.path}, which mounts the working copy over the image (\`${list[0]!.mounts}\`)`;
  }
}

/**
 * The compose volume that bind-mounts the service's build context (`./:/app`, `.:/var/www`,
 * `{type: bind, source: ., target: /app}`), as written; undefined when none does.
 */
function contextMount(dir: string, context: string, volumes: unknown): string | undefined {
  if (!Array.isArray(volumes)) return undefined;
  for (const v of volumes.slice(0, 100)) {
    let source: string | undefined;
    let text: string | undefined;
    if (typeof v === 'string') {
      const colon = v.indexOf(':');
      if (colon <= 0) continue;
      source = v.slice(0, colon);
      text = v;
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type !== 'bind' || typeof o.source !== 'string') continue;
      source = o.source;
      text = `${o.source}:${String(o.target ?? '')}`;
    }
    // Only a relative host path names a folder of this repository (`/srv/app`, `~/x`, a named volume do not).
    if (!source || !/^\.\.?(?:\/|$)/.test(source)) continue;
    if (normalised(`${dir}/${source}`) === context) return text!.slice(0, 80);
  }
  return undefined;
}

/** A compose service's `build:` as an object (`build: ./api` is `{context: ./api}`). */
function buildSpec(build: unknown): Record<string, unknown> | undefined {
  if (typeof build === 'string') return { context: build };
  return build && typeof build === 'object' && !Array.isArray(build) ? (build as Record<string, unknown>) : undefined;
}

/**
 * A slash path with `.` and `..` segments resolved, repository-relative ('' is the root); undefined
 * when it climbs above the root (`context: ../..` from a root compose file names no folder here).
 */
function normalised(path: string): string | undefined {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg !== '..') parts.push(seg);
    else if (parts.pop() === undefined) return undefined;
  }
  return parts.join('/');
}

/** The build context a compose `build:` names (`build: ../` or `context: ../`), repository-relative ('' is the root). */
export function composeBuildContext(dir: string, build: unknown): string | undefined {
  const b = buildSpec(build);
  if (!b) return undefined;
  const context = typeof b.context === 'string' ? b.context : '.';
  // A remote context (a git URL) has no folder here.
  if (/^[a-z][\w+.-]*:\/\/|^git@/i.test(context)) return undefined;
  return normalised(`${dir}/${context}`);
}

/** `build: ./api` or `build: {context: api, dockerfile: Dockerfile.prod}` → the Dockerfile's repository path. */
export function composeBuildPath(dir: string, build: unknown): string | undefined {
  const b = buildSpec(build);
  if (!b) return undefined;
  const context = typeof b.context === 'string' ? b.context : '.';
  const file = typeof b.dockerfile === 'string' ? b.dockerfile : 'Dockerfile';
  return normalised(`${dir}/${context}/${file}`);
}

const CI_GLOBS = [
  '.github/workflows/*.{yml,yaml}',
  '.gitlab-ci.yml',
  '.circleci/config.yml',
  'azure-pipelines.yml',
  'Jenkinsfile',
  'cloudbuild.{yml,yaml}',
];
/** Pushes the built image: `docker push`, `--push`, `push: true`, a registry output. */
const PUSHES =
  /\bdocker\s+push\b|--push\b|^\s*push\s*:\s*(?:true|\$\{\{)|type=(?:registry|image)[^\s"']*(?:push=true|name=)|\btype=registry\b/;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/^(Dockerfile|Containerfile)$/i, '');

/** A CircleCI orb step that pushes an image (`- docker/push:`, `- gcp-gcr/build-and-push-image:`, `- aws-ecr/build_and_push_image`). */
const ORB_PUSH = /^\s*-\s*[\w-]{1,60}\/(?:push|publish|push[-_]image|build[-_]and[-_]push[-_]image)\s*:?\s*$/;

/**
 * The first CI line that pushes a container image, whichever Dockerfile it builds: `docker push`,
 * `--push`, `push: true` of a build action, a registry output, a CircleCI orb's push step. Asked
 * where the product has a single Dockerfile, which such a step can only publish.
 */
export function ciImagePush(files: FileView): { path: string; line: number } | undefined {
  return memo(files, 'dockerfile:ci-image-push', () => {
    for (const path of files.match(CI_GLOBS).slice(0, 200)) {
      const lines = (files.read(path) ?? '').slice(0, 1_000_000).split('\n');
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.length > 2000 || /^\s*#/.test(l) || /\bgit\s+push\b/.test(l)) continue;
        if (PUSHES.test(l) || ORB_PUSH.test(l)) return { path, line: i + 1 };
      }
    }
    return undefined;
  });
}

/** The CI line that names this Dockerfile (`-f`, `--file`, `file:`) with a push within the same step. */
function publishedBy(
  ci: { path: string; lines: string[] }[],
  path: string,
): { path: string; line: number } | undefined {
  const esc = escapeRe(path);
  const ref = new RegExp(
    String.raw`(?:\s-f\s*|--file[=\s]\s*|^\s*(?:-\s*)?file\s*:\s*)["']?(?:\.\/|\$\{\{\s*github\.workspace\s*\}\}\/)?` +
      esc +
      String.raw`["']?(?:\s|$)`,
  );
  for (const f of ci)
    for (let i = 0; i < f.lines.length; i++) {
      if (!ref.test(f.lines[i]!)) continue;
      const window = f.lines.slice(Math.max(0, i - 15), i + 20);
      if (window.some((l) => PUSHES.test(l))) return { path: f.path, line: i + 1 };
    }
  return undefined;
}

/** Platform configurations that name the Dockerfile of the image they deploy. */
const PLATFORM_CONFIGS = ['**/wrangler.{toml,json,jsonc}', '**/fly.toml', '**/render.yaml', '**/railway.{json,toml}'];
/** `image = "./x.dockerfile"` (Cloudflare containers), `dockerfile = "…"` (fly), `dockerfilePath: …` (Render, Railway). */
const PLATFORM_DOCKERFILE =
  /(?:^|[\s"'{,])(?:image|dockerfile|dockerfilePath|dockerfile_path)["']?[ \t]*[:=][ \t]*["']?([\w./@-]{1,300})/gi;

/**
 * The platform configuration line that deploys this Dockerfile's image: a Cloudflare Workers
 * `containers` entry (`"image": "./sandbox.dockerfile"`), fly.toml `dockerfile`, Render or Railway
 * `dockerfilePath`, relative to the configuration's folder. The image runs in production whatever its
 * name (blind round 46: a Workers container built from `sandbox.dockerfile` was set aside as a demo image).
 */
function deployedBy(files: FileView, path: string): { path: string; line: number } | undefined {
  const at = platformDockerfiles(files).get(path);
  return at && { path: at.config, line: files.lines(at.config)?.lineAt(at.index) ?? 1 };
}

/**
 * Each Dockerfile the platform configurations name, to the first configuration (and offset) that
 * names it: read once for all the Dockerfiles (each Dockerfile re-reading every configuration took
 * 21 s for 500 Dockerfiles named for development beside 50 fly.toml files of 20 KB).
 */
function platformDockerfiles(files: FileView): Map<string, { config: string; index: number }> {
  return memo(files, 'dockerfile:platform-dockerfiles', () => {
    const out = new Map<string, { config: string; index: number }>();
    for (const config of files.match(PLATFORM_CONFIGS).slice(0, 50)) {
      if (!isProductionPath(config)) continue;
      const text = (files.read(config) ?? '').slice(0, 200_000);
      const dir = posix.dirname(config);
      for (const m of text.matchAll(PLATFORM_DOCKERFILE)) {
        const target = posix.normalize(posix.join(dir, m[1]!));
        if (!out.has(target)) out.set(target, { config, index: m.index + m[0].length });
      }
    }
    return out;
  });
}

/** `$NAME`, `${NAME}` and `${NAME:-default}` with the values known so far; unknown ones stay as written. */
function substitute(args: Record<string, string>, text: string): string {
  return text.replace(
    /\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}?/g,
    (_, name: string, def?: string) => args[name] || def || `$${name}`,
  );
}

/**
 * The image reference with ARG defaults substituted: `node:${NODE}` → `node:20`. A global
 * `ARG NAME=default` before the first FROM is the default of every FROM that names it, also
 * when a stage declares `ARG NAME` again without a value.
 */
export function resolveImage(df: Dockerfile, image: string): string {
  return substitute(df.args, image);
}

/** Whether an image is pinned: a digest, or a tag other than `latest`. Stage aliases and scratch are not images. */
/**
 * Tags that move with every upstream release although they are not `latest`: `node:alpine`,
 * `python:slim`, `node:lts`, `nginx:stable`. Codenames (`bookworm`, `jammy`) pin a release line and pass.
 */
const FLOATING_TAG =
  /^(?:lts|stable|current|edge|mainline|nightly|rolling|alpine|slim|latest-[\w-]+)(?:-(?:alpine|slim|bookworm|bullseye|bookworm-slim|bullseye-slim))?$/i;

export function imagePin(
  df: Dockerfile,
  stage: Stage,
): 'digest' | 'tag' | 'latest' | 'floating' | 'untagged' | 'stage' | 'variable' {
  const image = resolveImage(df, stage.image);
  if (image === 'scratch' || df.stages.some((s) => s.alias && s.alias.toLowerCase() === image.toLowerCase()))
    return 'stage';
  if (image.includes('@sha256:')) return 'digest';
  if (image.includes('$')) return 'variable';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon === -1) return 'untagged';
  const tag = image.slice(colon + 1);
  if (tag === 'latest') return 'latest';
  return FLOATING_TAG.test(tag) ? 'floating' : 'tag';
}

/**
 * Images that are tools, not the service (issue 15, class 4 and 6): named for tests or local
 * development (`Dockerfile.playwright`, `local.Dockerfile`, `document.e2e.Dockerfile`), kept with the
 * maintainers' scripts (`scripts/release-analysis/Dockerfile`), or package-build environments whose
 * command builds a .deb/.rpm (`packaging/debian/Dockerfile` → `CMD build.sh`, `rpmbuild`).
 * Named for trying the product out (`Dockerfile.evaluation`, `Dockerfile.demo`, `playground.Dockerfile`,
 * `Dockerfile.sandbox`): an all-in-one image for a laptop beside the deployed one (blind round 28,
 * pupilfirst's Dockerfile.evaluation used by its docker-compose.yml), unless CI publishes it.
 */
const TOOL_NAME =
  /(^|[./-])(test|tests|e2e|playwright|cypress|selenium|ci|dev|devel|development|local|debug|evaluation|eval|demo|playground|sandbox|trial|tryout)([./-]|$)/i;
const TOOL_DIR = /(^|\/)(\.devcontainers?|scripts?|tools?|hack|\.github)\//;
/** A folder named for shipping the product: `deploy/`, `deployment/`, `release/`, `production/`. */
const DEPLOY_DIRS = new Set('deploy deploys deployment deployments release releases prod production'.split(' '));

/**
 * A Dockerfile in a deployment folder under scripts/ or tools/ (`tools/deploy/docker/Dockerfile`, a
 * template's "Production Python Container" beside its compose and k8s files): the product's image, not
 * a tool's (blind round 39, litestar-fullstack: container-image said "no Dockerfile"). Segments are
 * compared one by one, after the tools/scripts folder: no pattern over the whole path.
 */
function deployUnderTools(path: string): boolean {
  const parts = path.split('/').slice(0, -1);
  const at = parts.findIndex((p) => /^(?:scripts?|tools?|hack)$/.test(p));
  return at >= 0 && parts.slice(at + 1).some((p) => DEPLOY_DIRS.has(p.toLowerCase()));
}

/** Where a Maven or Gradle module keeps the Dockerfiles of its application image (Quarkus's convention). */
const JVM_IMAGE_DIR = /(^|\/)src\/main\/docker\//;
const BASE_NAME = /(^|[./-])(base|builder|build|deps)([./-]|$)/i;
// `fpm` the packager, not PHP's `php-fpm` server.
const PACKAGE_BUILD =
  /\b(rpmbuild|dpkg-buildpackage|debuild|(?<!-)fpm|nfpm|build[-_]?(?:deb|rpm|package)\w*\.sh|make\s+(?:deb|rpm|package))\b/;

/** A command whose program is an archiver (exec or shell form): `["zip", "-r", …]`, `tar -czf …`, `7z a …`. */
const ARCHIVE_COMMAND = /^\s*(?:\[\s*)?["']?(?:\/(?:usr\/)?bin\/)?(?:zip|tar|7z|7za|gzip|xz|zstd)["']?(?:[\s,]|$)/;

/**
 * The image this Dockerfile builds is one that ships: not a dev container, test, example or
 * build-tool image (Dockerfile.dev, tests/Dockerfile, a packaging builder). One decision shared
 * by container-image, which does not count the others, and container-user, which does not judge them.
 */
export function shipsImage(d: Dockerfile): boolean {
  return isProductionPath(d.path) && !isDevContainer(d.path) && !isToolImage(d);
}

export function isToolImage(d: Dockerfile): boolean {
  const name = d.target?.name ?? baseName(d.path);
  // A development name says nothing when CI builds and pushes the image (the published image).
  if ((TOOL_NAME.test(name) && !d.published) || (TOOL_DIR.test(d.path) && !deployUnderTools(d.path))) return true;
  // A mock of another system (named so, or built by a compose service named so) unless CI publishes it.
  if (d.mock && !d.published) return true;
  // An image that only runs the test suite (built by a compose service that runs the tests) unless CI publishes it.
  if (d.testRun && !d.published) return true;
  // A development image that runs the working copy mounted over it, beside the shipped one, unless CI publishes it.
  if (d.sourceMounted && !d.published) return true;
  // An image kept in a local-development folder (`dev/local_setup/elasticsearch/Dockerfile`: the
  // search engine with a plugin, for a laptop) unless CI publishes it (blind round 25).
  if (isLocalDevPath(d.path) && !d.published) return true;
  const last = d.stages[d.stages.length - 1];
  const run = last?.instructions.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') ?? [];
  // A base or builder image (`Dockerfile.base`) that another Dockerfile builds FROM: it starts nothing.
  // Not when CI publishes it, nor in a JVM module's src/main/docker/ (Quarkus's Dockerfile.jvm…): there
  // it is the runtime base the application image is layered on (Jib's base image, blind round 27).
  if (BASE_NAME.test(name) && run.length === 0 && !d.published && !JVM_IMAGE_DIR.test(d.path)) return true;
  // An export image whose only command packs the copied files into an archive (`CMD ["zip", "-r",
  // "/app.zip", "."]`, `tar czf`): a packaging step a release script runs once, no service (blind
  // round 23, once-campfire Dockerfile-export beside the app's Dockerfile).
  if (run.length > 0 && run.every((i) => ARCHIVE_COMMAND.test(i.args))) return true;
  return (
    run.some((i) => PACKAGE_BUILD.test(i.args)) ||
    (/(^|\/)packaging\/(deb|debian|rpm|redhat|ubuntu)\//.test(d.path) &&
      !run.some((i) => /\b(serve|server|start|run)\b/.test(i.args)))
  );
}

/**
 * Base images that run as an unprivileged user unless told otherwise, with that user: distroless
 * `:nonroot`, Chainguard, .NET chiseled, Bitnami (uid 1001), nginx-unprivileged, rootless variants,
 * SQL Server 2019+ (the `mssql` user), Grafana's images (uid 472), Prometheus's (`nobody`), the
 * official Elastic Stack and OpenSearch images (uid 1000; blind round 42, a final stage FROM the
 * Elasticsearch image said to run as root), Keycloak (uid 1000), ZITADEL (`zitadel`; blind round 44)
 * and Red Hat's UBI OpenJDK images (uid 185). Not the language images (node, python, eclipse-temurin …): they run as root.
 */
const NONROOT_IMAGES: readonly { image: RegExp; user: string }[] = [
  { image: /[:-]nonroot\b|distroless\/[\w-]+:(?:[\w.-]*-)?nonroot/, user: 'nonroot (uid 65532)' },
  // Chainguard's images, from cgr.dev (any organisation's catalogue: `cgr.dev/<org>/jre`) or through
  // a mirror that keeps the upstream in the path: `mirror.example/cgr.dev/chainguard/node`, a
  // `…/chainguard/<image>` repository, or a pull-through repository named after the registry
  // (`<region>-docker.pkg.dev/cgr-<org>/pull-through/<org>/jre`; blind round 46, said to run as root).
  // wolfi-base and chainguard-base run as root: see ROOT_BY_DEFAULT.
  {
    image: /^(?:[\w.-]+\/)*?(?:cgr\.dev|chainguard|cgr-[\w.-]+)\/[\w.-]/,
    user: 'nonroot (uid 65532)',
  },
  { image: /chiseled/, user: 'app (uid 1654)' },
  { image: /^(?:docker\.io\/)?bitnami\//, user: 'uid 1001' },
  { image: /nginx-unprivileged/, user: 'nginx (uid 101)' },
  { image: /[-_]rootless\b/, user: 'an unprivileged user' },
  { image: /^mcr\.microsoft\.com\/mssql\/server:(?:20(?:19|22|25))/, user: 'mssql (uid 10001)' },
  {
    image: /^(?:docker\.io\/)?grafana\/(?:grafana|grafana-oss|grafana-enterprise|loki|promtail|tempo|alloy)(?::|@|$)/,
    user: 'an unprivileged user (uid 472 or 10001)',
  },
  {
    image: /^(?:docker\.io\/)?prom\/(?:prometheus|alertmanager|node-exporter|pushgateway|blackbox-exporter)(?::|@|$)/,
    user: 'nobody',
  },
  {
    image:
      /^(?:(?:docker\.io\/)?(?:library\/)?(?:elasticsearch|kibana|logstash)|(?:docker\.io\/)?elastic\/(?:elasticsearch|kibana|logstash|filebeat|metricbeat)|docker\.elastic\.co\/(?:elasticsearch|kibana|logstash|beats)\/[\w-]+)(?::|@|$)/,
    user: 'the Elastic image user (uid 1000)',
  },
  {
    image: /^(?:docker\.io\/)?opensearchproject\/(?:opensearch|opensearch-dashboards)(?::|@|$)/,
    user: 'opensearch (uid 1000)',
  },
  { image: /^quay\.io\/keycloak\/keycloak(?::|@|$)/, user: 'keycloak (uid 1000)' },
  // ZITADEL's published image ends `USER zitadel` (its build/Dockerfile, a scratch final stage).
  { image: /^(?:ghcr\.io\/|(?:docker\.io\/)?)zitadel\/zitadel(?::|@|$)/, user: 'zitadel' },
  {
    image: /^registry\.access\.redhat\.com\/ubi\d+\/openjdk-\d+(?:-runtime)?(?::|@|$)/,
    user: 'jboss (uid 185)',
  },
];

/** Chainguard's base images for building others, which run as root unlike its application images. */
const ROOT_BY_DEFAULT = /(?:^|\/)(?:wolfi-base|chainguard-base)(?::|@|$)/;

/** The unprivileged user a well-known base image runs as by default, or undefined (root, or unknown). */
export function nonrootImageUser(image: string): string | undefined {
  if (ROOT_BY_DEFAULT.test(image)) return undefined;
  return NONROOT_IMAGES.find((e) => e.image.test(image))?.user;
}

/** Any base image of the catalogue above. */
export const NONROOT_IMAGE = { test: (image: string): boolean => nonrootImageUser(image) !== undefined };

/**
 * The HEALTHCHECK an image built from this Dockerfile runs: the final stage's own or one it
 * inherits through `FROM <stage>`; in a file of several targets whose final stage has none (an
 * artefact-upload stage last), the check a runtime target declares. `HEALTHCHECK NONE` turns it off.
 */
export function imageHealthcheck(d: Dockerfile): Instruction | undefined {
  const own = (s: Stage): Instruction | undefined =>
    [...s.instructions].reverse().find((i) => i.keyword === 'HEALTHCHECK');
  const usable = (i: Instruction | undefined): Instruction | undefined =>
    i && !/^NONE\b/i.test(i.args) ? i : undefined;
  const byAlias = new Map(d.stages.filter((s) => s.alias).map((s) => [s.alias!.toLowerCase(), s]));
  let stage: Stage | undefined = d.stages[d.stages.length - 1];
  for (let depth = 0; stage && depth < d.stages.length; depth++) {
    const hc = own(stage);
    if (hc) return usable(hc);
    stage = byAlias.get(stage.image.toLowerCase());
  }
  return usable(d.stages.map(own).find(Boolean));
}

/**
 * Base images whose own default command is a long-running server: a Dockerfile that adds files and
 * sets no CMD runs it (`FROM nginx:alpine` + `COPY dist/ /usr/share/nginx/html`).
 */
const SERVER_BASE =
  /(?:^|\/)(?:nginx|nginxinc\/[\w-]+|openresty|httpd|caddy|traefik|haproxy|envoy|tomcat|jetty|wildfly|php|postgres|mysql|mariadb|redis|valkey|mongo|rabbitmq|elasticsearch|opensearch|grafana|prometheus|keycloak|minio|memcached|consul|vault)(?:[:@]|$)/i;
/**
 * Base images of an application server that the image adds the product to, whose own entrypoint
 * starts that server: web servers and servlet containers, PHP with Apache or FPM, and workflow and
 * analytics servers whose images take a project's DAGs, flows or plugins (`FROM apache/airflow` +
 * `COPY dags/`). Databases and caches are not here: an image that adds an extension to one ships the
 * database, not a service of the repository's own.
 */
const APP_SERVER_BASE =
  /(?:^|\/)(?:nginx|nginxinc\/[\w-]+|openresty(?:\/[\w-]+)?|httpd|caddy|tomcat|jetty|wildfly|jboss\/wildfly|php(?=:[^@\s]{0,100}?(?:apache|fpm))|keycloak(?:\/keycloak)?|apache\/airflow|dagster\/[\w-]+|prefecthq\/prefect|n8nio\/n8n|nodered\/node-red|apache\/superset|metabase\/metabase|grafana\/grafana(?:-oss|-enterprise)?|grafana)(?:[:@]|$)/i;

/**
 * The application server an image of the product runs, when it is built FROM such a server's image
 * with no command of its own (the caller asks whether CI publishes it): the server its base starts serves the
 * files the image adds (blind round 50: a production Airflow image, `FROM apache/airflow` + DAGs and
 * plugins, pushed to the registry by CI, was "a library" for a pyproject.toml of Ruff settings).
 */
export function publishedServerImage(d: Dockerfile): { base: string; line: number } | undefined {
  if (!d.ok || d.stages.length === 0) return undefined;
  const byAlias = new Map(d.stages.filter((s) => s.alias).map((s) => [s.alias!.toLowerCase(), s]));
  const chain: Stage[] = [];
  for (let s: Stage | undefined = d.stages[d.stages.length - 1]; s && !chain.includes(s) && chain.length < 50; )
    chain.push(s), (s = byAlias.get(resolveImage(d, s.image).toLowerCase()));
  if (chain.some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')))
    return undefined;
  const last = chain[chain.length - 1]!;
  const base = resolveImage(d, last.image);
  return APP_SERVER_BASE.test(base) ? { base, line: last.line } : undefined;
}

/**
 * Operating-system and language base images whose default command is a shell or a REPL: with no
 * CMD or ENTRYPOINT of its own the image starts nothing long-lived (a development box).
 */
const SHELL_BASE =
  /(?:^|\/)(?:ubuntu|debian|alpine|centos|fedora|rockylinux|almalinux|busybox|amazonlinux|archlinux|opensuse\/[\w-]+|node|python|golang|rust|ruby|openjdk|eclipse-temurin|amazoncorretto|buildpack-deps|gcc|perl|erlang|elixir|haskell|swift|dart|mcr\.microsoft\.com\/devcontainers\/[\w-]+)(?:[:@]|$)/i;
/**
 * A script named for a batch task: a verb of one-off work as a word of its name (`index-youtube-playlist.ts`,
 * `import_feeds.py`, `migrate-db.js`, `run-prisma-migrate.sh`, `backfill.rb`). A bare `index.js` is an entry
 * point, not a task.
 */
const BATCH_SCRIPT =
  /^(?!index\.)(?:[\w.-]{0,60}[-_.])?(?:re)?(?:index|import|export|migrate|seed|sync|backfill|crawl|scrape|backup|ingest|generate|cleanup|purge)(?:[-_.][\w.-]{0,80})?\.(?:[cm]?[jt]s|py|rb|sh|php)$/i;
/** Words of a command that serves or keeps running, beside a script name. */
const SERVING_WORD =
  /\b(?:serve|server|start|listen|daemon|worker|watch|web|api|gunicorn|uvicorn|puma|cron|loop|forever|pm2|supervisord)\b/i;
/** A command that serves or keeps running (a server, a daemon, a supervisor, a web framework's runner). */
const SERVER_COMMAND =
  /\b(?:serve|server|start|run|daemon|web|api|listen|up|worker|agent|watch|gunicorn|uvicorn|hypercorn|daphne|puma|unicorn|passenger|rails|nginx|httpd|apache2|caddy|supervisord|s6|pm2|php-fpm|catalina|java|dotnet|node|deno|bun|npm|yarn|pnpm|flask|django|manage\.py|sleep|tail\s+-f)\b/i;

/**
 * Why an image starts no long-running process, or undefined when it may: health checks, probes
 * and restarts concern a process that keeps running.
 * - No CMD or ENTRYPOINT on an OS or language base (`FROM ubuntu` + tools + WORKDIR): a
 *   development box that starts a shell.
 * - For a repository that is not a service (a CLI, a library): a final stage whose ENTRYPOINT/CMD
 *   runs the program once (`ENTRYPOINT ["/usr/local/bin/tool"]`) with no EXPOSE and no server-like
 *   command (`serve`, `start`, a web server, a supervisor).
 */
export function oneShotImage(d: Dockerfile, profile: string): string | undefined {
  if (!d.ok || d.stages.length === 0) return undefined;
  const byAlias = new Map(d.stages.filter((s) => s.alias).map((s) => [s.alias!.toLowerCase(), s]));
  // The final stage with the stages it builds FROM: CMD, ENTRYPOINT, EXPOSE and HEALTHCHECK are inherited.
  const chain: Stage[] = [];
  for (let s: Stage | undefined = d.stages[d.stages.length - 1]; s && !chain.includes(s); )
    chain.push(s), (s = byAlias.get(resolveImage(d, s.image).toLowerCase()));
  const all = chain.flatMap((s) => s.instructions);
  if (all.some((i) => i.keyword === 'EXPOSE' || i.keyword === 'HEALTHCHECK')) return undefined;
  const run = all.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  const base = resolveImage(d, chain[chain.length - 1]!.image);
  if (run.length === 0) {
    if (SHELL_BASE.test(base))
      return `${d.path}:${chain[0]!.line} builds FROM ${base} and sets no CMD or ENTRYPOINT: a development box that starts a shell, no long-running process`;
    // An image FROM scratch with no command starts nothing: it carries files (a release binary
    // that other images COPY --from). Outside the service profile, an image of a non-server base
    // with no command, EXPOSE or HEALTHCHECK is no server either.
    if (/^scratch$/i.test(base) || (profile !== 'service' && !SERVER_BASE.test(base)))
      return `${d.path}:${chain[0]!.line} builds FROM ${base} and sets no CMD, ENTRYPOINT or EXPOSE: it carries the ${profile === 'cli' ? 'command-line tool' : 'program'}, no server to health-check`;
    return undefined;
  }
  // A command that runs a script named for a batch task (`index-youtube-playlist.ts`, `import_feeds.py`,
  // `migrate-db.js`) and names nothing that serves runs once, whatever the profile (blind round 46:
  // an indexer image, CMD other/…/index-youtube-playlist.ts, judged for health checks).
  const args = run.map((i) => i.args).join(' ');
  const script = args
    .replace(/[[\]",']/g, ' ')
    .split(/\s+/)
    .slice(0, 40)
    .find(
      (t) => BATCH_SCRIPT.test(t.slice(t.lastIndexOf('/') + 1)) && !SERVING_WORD.test(t.slice(t.lastIndexOf('/') + 1)),
    );
  if (script && !SERVING_WORD.test(args.replace(script, ' '))) {
    const at = run.find((i) => i.args.includes(script)) ?? run[0]!;
    return `${d.path}:${at.line} ${at.keyword} runs ${script.slice(0, 80)}, a script named for a task it does once: no EXPOSE, no server command`;
  }
  if (profile === 'service' || SERVER_BASE.test(base)) return undefined;
  if (run.some((i) => SERVER_COMMAND.test(i.args))) return undefined;
  const first = run[0]!;
  return `${d.path}:${first.line} ${first.keyword} ${first.args.slice(0, 80)} runs the ${profile === 'cli' ? 'command-line tool' : 'program'} once: no EXPOSE, no server command`;
}

/**
 * The COPY/ADD instruction of a Dockerfile that puts a file of the repository into its image (a
 * service's settings.yml copied to /etc/…): its source is the file or a folder above it, from the
 * Dockerfile's folder or the repository root as build context. Copies from another stage do not count.
 */
export function copiedIntoImage(files: FileView, path: string): { dockerfile: string; line: number } | undefined {
  for (const d of dockerfiles(files)) {
    const dir = d.path.includes('/') ? d.path.slice(0, d.path.lastIndexOf('/') + 1) : '';
    for (const s of d.stages)
      for (const ins of s.instructions) {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
        if (/(^|\s)--from[= ]/.test(ins.args)) continue;
        const parts = ins.args
          .replace(/^\s*\[|\]\s*$/g, '')
          .split(/[\s,]+/)
          .map((p) => p.replace(/^["']|["']$/g, ''))
          .filter((p) => p && !p.startsWith('--'));
        for (const src of parts.slice(0, -1)) {
          const rel = src.replace(/^\.\/?/, '').replace(/\/$/, '');
          for (const base of new Set([dir, ''])) {
            const full = `${base}${rel}`.replace(/\/$/, '');
            if (full === path || (full === '' ? true : path.startsWith(`${full}/`)))
              return { dockerfile: d.path, line: ins.line };
          }
        }
      }
  }
  return undefined;
}
