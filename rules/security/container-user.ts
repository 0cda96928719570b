import { defineRule, type Evidence, type FileView } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import {
  DOCKERFILE_GLOBS,
  dockerfiles,
  EARTHFILE_GLOBS,
  NONROOT_IMAGE,
  nonrootImageUser,
  resolveImage,
  shipsImage,
  type Dockerfile,
  type Stage,
} from '../../src/facts/dockerfile.js';
import { isCommentLine, isDevContainer, isLocalDevPath, isProductionPath } from '../../src/facts/paths.js';
import { DROP_PATTERN, entrypointDrop, jibUsers } from './_lib/image-user.js';
import { deployments, publishedHere } from '../../src/facts/deploy.js';

/** A Dockerfile named for local development (`Dockerfile.dev`, `local.Dockerfile`). */
const LOCAL_IMAGE_NAME = /(^|[./-])(dev|devel|development|local|debug)([./-]|$)/i;
/** An image named for trying the product out (`Dockerfile.evaluation`, `Dockerfile.demo`): it runs the service, on a laptop. */
const TRY_OUT_IMAGE_NAME = /(^|[./-])(evaluation|eval|demo|playground|sandbox|trial|tryout)([./-]|$)/i;
const ROOT_USER = /^(?:root|0)(?::(?:root|0))?$/i;
/**
 * Windows containers: ContainerAdministrator (and LocalSystem) is the administrator, the root of a
 * Windows image; ContainerUser is the unprivileged one (blind round 22, Ocelot Dockerfile.windows).
 */
const WINDOWS_ADMIN = /^(?:ContainerAdministrator|NT AUTHORITY\\SYSTEM|LocalSystem|Administrator)$/i;
/** Build files that pass build arguments to `docker build`. */
const BUILD_ARG_FILES = [
  '**/Makefile',
  '**/GNUmakefile',
  '**/*.mk',
  '.github/workflows/*.{yml,yaml}',
  '**/docker-bake.{hcl,json}',
  '**/Taskfile.{yml,yaml}',
  '**/justfile',
];

type Verdict = { ok: boolean; evidence: Evidence };

export default defineRule({
  meta: {
    id: 'container-user',
    title: 'Containers do not run as root',
    failureTitle: 'Containers run as root',
    description:
      'A process running as root inside a container is one kernel or runtime bug away from root on the host, and can rewrite its own image at run time. An unprivileged user costs one line.',
    remediation:
      'In the final stage of every Dockerfile, create or pick an unprivileged user and switch to it: `USER 10001` (or `USER node`, `USER app`, a `:nonroot` distroless image). Do not switch back to root after it.',
    severity: 'high',
    effort: 'low',
    detection:
      'Every Dockerfile/Containerfile (not dev containers) and every Earthfile target that saves an image (`SAVE IMAGE`; built on the targets it builds FROM or the base recipe): the last `USER` of the final stage, following stages built FROM an earlier stage; `:nonroot` distroless and Chainguard images count as unprivileged; an entrypoint script that execs the service through su-exec/gosu/runuser/setpriv drops privileges; a final stage FROM the own image this repository publishes inherits the non-root USER of the Dockerfile here that builds it; a final stage FROM a build argument runs as the image the build passes (`--build-arg RUNTIME_IMAGE=…` in a Makefile, the Make variable resolved, or a workflow); `USER ContainerAdministrator` (Windows) is the administrator, as root. Images Jib builds: `<container><user>` (Maven) or `jib.container.user` (Gradle). A finding per final stage without USER (at its FROM line) or whose USER is root/0.',
    reads: [...DOCKERFILE_GLOBS, ...EARTHFILE_GLOBS],
    patterns: { drop: DROP_PATTERN },
  },
  appliesTo: (ctx) => {
    const { files, facts } = ctx;
    const every = dockerfiles(files);
    const all = every.filter((d) => !isDevContainer(d.path));
    // Jib builds the image from the build file: its <container><user> is the USER line.
    if (all.length === 0) {
      if (jibUsers(ctx).length > 0) return true;
      // A dev container's Dockerfile was seen and set aside: say so, never "no Dockerfile" (round 12).
      const dev = every.filter((d) => isDevContainer(d.path));
      return {
        reason: dev.length
          ? `only a development-container Dockerfile (${listing(dev.slice(0, 2).map((d) => d.path))}): the image an editor opens the repository in, not one that ships`
          : 'no Dockerfile or Containerfile in the repository',
      };
    }
    // Only images that ship are judged — the same decision container-image makes (a Dockerfile.dev,
    // a test or example image, a maintainer tool is not deployed).
    const shipped = all.filter((d) => !d.ok || shipsImage(d));
    if (shipped.length === 0 && jibUsers(ctx).length === 0)
      return {
        reason: `no image ships from this ${facts.profile.id === 'service' ? '' : `${facts.profile.id} `}repository: ${all
          .slice(0, 3)
          .map((d) => d.path)
          .join(', ')} build${all.length === 1 ? 's' : ''} a development, test, example or tool image`,
      };
    return true;
  },
  check(ctx) {
    const { files } = ctx;
    const all = dockerfiles(files).filter((d) => !isDevContainer(d.path));
    const ok = all.filter((d) => d.ok);
    const jib = jibUsers(ctx);
    if (ok.length === 0 && jib.length > 0) {
      const good = jib.filter((j) => j.ok).length;
      const data = { dockerfiles: 0, jibImages: jib.length, nonRoot: good, root: jib.length - good };
      const evidence = jib.map((j) => j.evidence);
      if (good === jib.length) return pass('The image Jib builds runs as a non-root user.', evidence, data);
      return fail('The image Jib builds runs as root (no non-root <container><user>).', evidence, data);
    }
    if (ok.length === 0)
      return unknown(
        'No Dockerfile could be parsed.',
        all.map((d) => ({ path: d.path, note: d.error ?? 'unparseable' })),
      );
    // Images for tests, examples, local development and package builds matter less; judge the
    // service's images when there are any.
    const prod = ok.filter((d) => shipsImage(d) && !dataOnly(d));
    const judged = prod.length > 0 ? prod : ok;
    // No USER line, but the entrypoint execs the service as another user (su-exec, gosu…).
    const verdicts = [
      ...judged.map((d) => {
        const v = judge(d);
        const drop = v.ok
          ? undefined
          : entrypointDrop(
              files,
              d,
              ctx.matches('drop').filter((m) => !isCommentLine(m.snippet)),
            );
        if (drop && /no USER instruction/.test(v.evidence.note ?? '')) return { ok: true, evidence: drop };
        // `USER root` at the end, set so that the entrypoint can fix volume ownership and then drop
        // to the service's user (linuxserver-style PUID with `exec gosu "$PUID" …`): the service
        // never runs as root (blind round 40).
        if (drop && v.evidence.note === 'the final stage runs as root')
          return {
            ok: true,
            evidence: {
              ...drop,
              note: `${drop.note} (the final stage says ${v.evidence.snippet} at line ${v.evidence.line} only for the entrypoint's setup)`,
            },
          };
        if (!v.ok && /no USER instruction/.test(v.evidence.note ?? '')) {
          const own = ownBaseImage(files, d, ok);
          if (own) return own;
        }
        return v.ok || !/no USER instruction/.test(v.evidence.note ?? '') ? v : (buildArgImage(files, d) ?? v);
      }),
      ...jib,
    ];
    const good = verdicts.filter((v) => v.ok).length;
    const evidence = verdicts.map((v) => v.evidence);
    for (const d of all.filter((x) => !x.ok)) evidence.push({ path: d.path, note: d.error ?? 'unparseable' });
    // A tool image beside the app's (an export, packaging or local-development image) is named as set
    // aside: a reader sees it was seen, not missed. Images under tests/ or examples/ go unsaid.
    if (prod.length > 0)
      for (const d of ok.filter((x) => isProductionPath(x.path) && !shipsImage(x)).slice(0, 3))
        evidence.push({
          path: d.path,
          // A local-development image (under dev/, `Dockerfile.dev`) runs a process, but on a laptop.
          note: d.mock
            ? `not judged: a mock of another system for local runs and tests (${d.mock}), not the deployment; the image that ships is judged`
            : d.testRun
              ? `not judged: a test image (${d.testRun}), not the deployment; the image that ships is judged`
              : d.sourceMounted
                ? `not judged: a local-development image (${d.sourceMounted}), not the deployment; the image that ships is judged`
                : isLocalDevPath(d.path) || LOCAL_IMAGE_NAME.test(d.path.slice(d.path.lastIndexOf('/') + 1))
                  ? 'not judged: a local-development image (not published), not the deployment; the image that ships is judged'
                  : TRY_OUT_IMAGE_NAME.test(d.path.slice(d.path.lastIndexOf('/') + 1))
                    ? 'not judged: an image for trying the product out (evaluation, demo, playground; not published), not the deployment; the image that ships is judged'
                    : 'not judged: a packaging, export or build-tool image (it runs no service); the image that ships is judged',
        });
    // A data-only image (an OLM bundle: FROM scratch, LABELs and COPYs) runs no process: no user to judge.
    if (prod.length > 0)
      for (const d of ok.filter((x) => isProductionPath(x.path) && shipsImage(x) && dataOnly(x)).slice(0, 3))
        evidence.push({
          path: d.path,
          line: d.stages[d.stages.length - 1]!.line,
          snippet: 'FROM scratch',
          note: 'not judged: a data-only image (FROM scratch with files copied in, no RUN, CMD or ENTRYPOINT): it runs no process, so no user',
        });
    const data = { dockerfiles: judged.length, nonRoot: good, root: verdicts.length - good };
    // A base image that runs as an unprivileged user (Chainguard, distroless :nonroot) needs no USER
    // line: said so, not "switches to a non-root user" where the Dockerfile has none (round 21, lydia-api).
    const byBase = verdicts.filter((v) =>
      /^no USER here: the base image runs as |is the image passed as build argument/.test(v.evidence.note ?? ''),
    );
    if (good === verdicts.length)
      return pass(
        verdicts.some((v) => /drops to an unprivileged user/.test(v.evidence.note ?? ''))
          ? `${good === 1 ? 'The image runs' : `All ${good} images run`} the service as a non-root user (a USER line, or an entrypoint that drops privileges with su-exec/gosu before starting it).`
          : byBase.length === good
            ? `${good === 1 ? 'The final stage is built' : `All ${good} final stages are built`} on a base image that runs as an unprivileged user (${listing(byBase.slice(0, 2).map((v) => `${v.evidence.snippet} at ${v.evidence.path}:${v.evidence.line}`))}); no USER line is needed.`
            : byBase.length > 0
              ? `All ${good} images run as a non-root user: ${good - byBase.length} by a USER line in the final stage, ${byBase.length} by a base image that runs as an unprivileged user.`
              : `${good === 1 ? 'The Dockerfile switches' : `All ${good} images switch`} to a non-root user in the final stage.`,
        evidence,
        data,
      );
    const bad = verdicts.length - good;
    const msg = `${bad} of ${verdicts.length} ${jib.length > 0 || judged.some((d) => d.target) ? 'image' : 'Dockerfile'}${verdicts.length === 1 ? '' : 's'} run${bad === 1 && verdicts.length === 1 ? 's' : ''} ${jib.length > 0 ? 'as root' : 'the final stage as root'}.`;
    return good === 0 ? fail(msg, evidence, data) : partial(good / verdicts.length, msg, evidence, data);
  },
});

/**
 * An image that holds files and runs nothing: its final stage is FROM scratch with no RUN, CMD or
 * ENTRYPOINT (an OLM bundle of manifests, a data image copied from). No process, no user (blind
 * round 25, cluster-operator olm/bundle.Dockerfile was said to "run as root").
 */
function dataOnly(d: Dockerfile): boolean {
  const final = d.stages[d.stages.length - 1];
  return (
    !!final &&
    final.image.trim().toLowerCase() === 'scratch' &&
    !final.instructions.some((i) => ['RUN', 'CMD', 'ENTRYPOINT'].includes(i.keyword.toUpperCase()))
  );
}

function judge(d: Dockerfile): Verdict {
  const final = d.stages[d.stages.length - 1]!;
  const from = `FROM ${final.image}${final.alias ? ` AS ${final.alias}` : ''}`;
  // The user of the final stage is inherited from the stage it is built FROM, if any.
  const chain: Stage[] = [];
  for (let s: Stage | undefined = final; s && !chain.includes(s); ) {
    chain.push(s);
    const image = resolveImage(d, s.image).toLowerCase();
    s = d.stages
      .slice(0, d.stages.indexOf(s))
      .reverse()
      .find((x) => x.alias?.toLowerCase() === image);
  }
  for (const s of chain) {
    const user = [...s.instructions].reverse().find((i) => i.keyword === 'USER');
    if (user) {
      const name = user.args.trim().replace(/^["']|["']$/g, '');
      if (ROOT_USER.test(name) || WINDOWS_ADMIN.test(name))
        return {
          ok: false,
          evidence: {
            path: d.path,
            line: user.line,
            snippet: `USER ${user.args}`,
            note: WINDOWS_ADMIN.test(name)
              ? `the final stage runs as ${name}, the Windows container administrator (root of a Windows image; ContainerUser is the unprivileged one)`
              : 'the final stage runs as root',
          },
        };
      return {
        ok: true,
        evidence: {
          path: d.path,
          line: user.line,
          snippet: `USER ${user.args}`,
          note: name.includes('$') ? 'runs as the user named by a build argument' : `runs as ${name}`,
        },
      };
    }
    const baseUser = nonrootImageUser(resolveImage(d, s.image));
    if (baseUser) {
      return {
        ok: true,
        evidence: {
          path: d.path,
          line: s.line,
          snippet: `FROM ${s.image}`,
          note: `no USER here: the base image runs as ${baseUser} by default`,
        },
      };
    }
  }
  if (d.target) {
    const root = chain[chain.length - 1]!;
    return {
      ok: false,
      evidence: {
        path: d.path,
        line: d.target.line,
        snippet: `${d.target.name}:`,
        note: `Earthfile target +${d.target.name} saves an image (SAVE IMAGE, line ${d.target.save}${d.published ? `; pushed by ${d.published.path}:${d.published.line}` : ''}) with no USER instruction in it or the recipe it builds on (FROM ${resolveImage(d, root.image)}, line ${root.line}): the container runs as root`,
      },
    };
  }
  return {
    ok: false,
    evidence: {
      path: d.path,
      line: final.line,
      snippet: from,
      note: 'final stage has no USER instruction: the container runs as root',
    },
  };
}

/**
 * A final stage FROM this repository's own published image (`FROM ghcr.io/acme/app:$TAG` in a
 * platform wrapper such as heroku/Dockerfile), where another Dockerfile here ends with a non-root
 * USER: the wrapper inherits that user (blind round 24, imgproxy heroku/Dockerfile on the image
 * docker/Dockerfile builds with USER 999). Which Dockerfile builds it: the one whose image the CI
 * publishes is not always named, so any Dockerfile here that runs as a non-root user is cited.
 */
function ownBaseImage(files: FileView, d: Dockerfile, all: readonly Dockerfile[]): Verdict | null {
  const final = d.stages[d.stages.length - 1]!;
  const image = resolveImage(d, final.image);
  if (!image || image.includes('$') || !image.includes('/')) return null;
  // The registry path varies (`ghcr.io/acme/engine/base` in a FROM, `acme/base` in the compose
  // file and the workflow that publish it): the image is this repository's when any owner/name
  // tail of it is published here.
  const segments = image
    .replace(/@[\s\S]*$/, '')
    .replace(/:[\w.-]+$/, '')
    .split('/');
  const tails = segments.slice(0, -1).map((owner) => `${owner}/${segments[segments.length - 1]}`);
  // A compose service that builds here and tags the image (`image: acme/base` with `build:`) makes it too.
  const strip = (i: string) => i.replace(/@[\s\S]*$/, '').replace(/:[\w.${}-]+$/, '');
  const composed = deployments(files).compose.some(
    (c) => c.hasBuild && c.image !== undefined && [strip(image), ...tails].includes(strip(c.image)),
  );
  if (!composed && !publishedHere(files, image) && !tails.some((t) => publishedHere(files, t))) return null;
  // The Dockerfile that builds it, by convention named for the image (`docker/base/Dockerfile`,
  // `Dockerfile.base`, `base.Dockerfile` for `…/base`): the child inherits exactly its user, root
  // included (blind round 27, a bootstrap image FROM the repository's base image that ends
  // `USER engine`).
  const name = segments[segments.length - 1]!.toLowerCase();
  const builder = all.find((o) => o !== d && !o.target && builds(o.path, name));
  if (builder) {
    const v = judge(builder);
    if (!v.ok || !/^runs as /.test(v.evidence.note ?? '')) return null;
    return {
      ok: true,
      evidence: {
        path: d.path,
        line: final.line,
        snippet: `FROM ${final.image}`,
        note: `built on this repository's own image ${image.replace(/[:@][\s\S]*$/, '')}, built by ${builder.path}, whose final stage ${v.evidence.note} (line ${v.evidence.line}): the container inherits that user`,
      },
    };
  }
  for (const other of all) {
    if (other === d || other.target) continue;
    const v = judge(other);
    if (!v.ok || !/^runs as /.test(v.evidence.note ?? '')) continue;
    return {
      ok: true,
      evidence: {
        path: d.path,
        line: final.line,
        snippet: `FROM ${final.image}`,
        note: `built on this repository's own image ${image.replace(/[:@][\s\S]*$/, '')} (published by its CI), whose Dockerfile ${other.path}:${v.evidence.line} ${v.evidence.note}: the container inherits that user`,
      },
    };
  }
  return null;
}

/** Whether a Dockerfile path is named for an image: its folder (`docker/base/Dockerfile`) or its suffix or prefix. */
function builds(path: string, image: string): boolean {
  const parts = path.toLowerCase().split('/');
  const file = parts[parts.length - 1]!;
  const dir = parts[parts.length - 2];
  return (
    file === `dockerfile.${image}` ||
    file === `${image}.dockerfile` ||
    file === `containerfile.${image}` ||
    ((file === 'dockerfile' || file === 'containerfile') && dir === image)
  );
}

/**
 * A final stage built FROM a build argument (`ARG RUNTIME_IMAGE=placeholder` … `FROM ${RUNTIME_IMAGE}`)
 * runs as the user of the image the build passes: `--build-arg RUNTIME_IMAGE=${DOCKER_BUILD_RUNTIME_IMAGE}`
 * in a Makefile (the variable resolved in that file) or a workflow. A `:nonroot` distroless or
 * Chainguard image passed there runs unprivileged (blind round 22, oauth2-proxy Makefile:61). Other
 * images passed for other flavours are named in the note.
 */
function buildArgImage(files: FileView, d: Dockerfile): Verdict | null {
  const final = d.stages[d.stages.length - 1]!;
  const name = /^\$\{?(\w+)\}?$/.exec(final.image.trim())?.[1];
  if (!name) return null;
  const passed = new RegExp(String.raw`(?:^|[\s"'])${name}=([^\s"',]+)`);
  const values: { image: string; path: string; line: number }[] = [];
  for (const path of files.match(BUILD_ARG_FILES)) {
    const text = files.read(path);
    if (!text?.includes(`${name}=`)) continue;
    const lines = text.split('\n');
    // The file's variable definitions, first of each name, read once (a lookup per use re-scanned
    // the whole file: an 864 KB Makefile of build-arg uses took 8.5 s, the review of the round-22 fixes).
    let defs: Map<string, { value: string; line: number }> | undefined;
    const defined = (ref: string) => {
      if (!defs) {
        defs = new Map();
        lines.forEach((x, j) => {
          const d = /^[ \t]*(?:export[ \t]+)?(\w+)[ \t]*[?:+]?=[ \t]*(\S+)/.exec(x);
          if (d && !defs!.has(d[1]!)) defs!.set(d[1]!, { value: d[2]!, line: j + 1 });
        });
      }
      return defs.get(ref);
    };
    lines.forEach((l, i) => {
      if (values.length >= 20) return;
      const m = passed.exec(l);
      if (!m || !/--build-arg|build-args|args|ARG/i.test(l + (lines[i - 1] ?? '') + (lines[i - 2] ?? ''))) return;
      const ref = /^\$[({](\w+)[)}]$/.exec(m[1]!)?.[1];
      if (!ref) return void values.push({ image: m[1]!.slice(0, 120), path, line: i + 1 });
      const def = defined(ref);
      if (def) values.push({ image: def.value.slice(0, 120), path, line: def.line });
    });
  }
  const nonroot = values.find((v) => NONROOT_IMAGE.test(v.image));
  if (!nonroot) return null;
  const others = [
    ...new Set(values.filter((v) => !NONROOT_IMAGE.test(v.image)).map((v) => `${v.image} (${v.path}:${v.line})`)),
  ];
  return {
    ok: true,
    evidence: {
      path: nonroot.path,
      line: nonroot.line,
      snippet: nonroot.image,
      note: `the final stage of ${d.path} (FROM ${final.image}, line ${final.line}) is the image passed as build argument ${name}: ${nonroot.image} runs as an unprivileged user${others.length ? `; other flavours passed run as root unless they set a user: ${others.slice(0, 2).join(', ')}` : ''}`,
    },
  };
}
