import type { CommandGraph } from '../../src/types.js';
import type { CiFile } from '../../src/facts/ci.js';

/** Shell lines that push a container image to a registry. */
const IMAGE_PUSH_RUN =
  /\b(?:docker|podman|buildah)[ \t]+(?:push|manifest[ \t]+push|buildx[ \t]+imagetools[ \t]+create)\b|\bdocker[ \t]+buildx[ \t]+build\b[^\n]{0,400}[ \t]--push\b|\b(?:crane|skopeo)[ \t]+(?:push|copy|cp)\b/;
/** Actions that build and push an image (unless `push: false`). */
const IMAGE_PUSH_ACTION = /^(?:docker\/(?:build-push-action|bake-action)|redhat-actions\/push-to-registry)@/i;
/** Shell lines and actions that upload a browser or editor extension to its store. */
const EXTENSION_RUN =
  /\b(?:chrome-webstore-upload(?:-cli)?|web-ext[ \t]+sign|wxt[ \t]+submit|plasmo[ \t]+publish|vsce[ \t]+publish|ovsx[ \t]+publish)\b/;
const EXTENSION_ACTION =
  /^[\w.-]+\/[\w.-]*(?:chrome-extension|webstore|web-ext|firefox-addon|browser-extension|vscode-extension|vsce)[\w.-]*@/i;
/** Actions that only set a job up: check out, toolchains, registry logins, image metadata, signing. */
const SETUP_USES =
  /^(?:actions\/(?!deploy-pages)[\w-]+|docker\/(?:setup-[\w-]+|login-action|metadata-action)|sigstore\/[\w-]+|aws-actions\/(?:configure-aws-credentials|amazon-ecr-login)|azure\/(?:docker-login|login)|google-github-actions\/(?:auth|setup-gcloud)|pnpm\/action-setup|oven-sh\/setup-bun|dtolnay\/rust-toolchain)@/i;
/** Commands that reach a server, a cluster or a web hook: a job running one may deploy. */
const REACHES =
  /^(?:ssh|scp|sftp|rsync|sshpass|ansible|ansible-playbook|docker-compose|kubectl|oc|helm|fly|flyctl|dokku|cap|kamal|lftp|curl|wget|http|https|az|aws|gcloud)$/;

/** A cloud CLI call that only logs in to its image registry (`aws ecr get-login-password`, `gcloud auth configure-docker`, `az acr login`). */
function registryLogin(cmd: string, argv: readonly string[]): boolean {
  return (
    (cmd === 'aws' && argv[1] === 'ecr') ||
    (cmd === 'gcloud' && argv[1] === 'auth') ||
    (cmd === 'az' && argv[1] === 'acr' && argv[2] === 'login')
  );
}

/**
 * CI jobs whose only product is an artefact published to a registry or a store: a container image
 * pushed (docker/build-push-action, `docker push`, `docker buildx imagetools create`) or a browser or
 * editor extension uploaded, beside set-up steps only, and nothing that reaches a server, a cluster,
 * a cloud API or a web hook. Such a job releases something for others to run: an environment it
 * names (`environment: chrome-production` for the registry's secrets) gates a release, not a
 * deployment (blind round 47, an image publishing job's environment credited as production).
 * Returns the job → what it publishes.
 */
export function artefactOnlyJobs(f: CiFile, graph: CommandGraph): Map<string, string> {
  const what = new Map<string, string>();
  const busy = new Set<string>();
  for (const c of f.commands) {
    if (!c.job) continue;
    const text = c.text.trim();
    if (c.kind === 'uses') {
      if (IMAGE_PUSH_ACTION.test(text)) {
        if (c.with?.push !== 'false') what.set(c.job, 'a container image');
      } else if (EXTENSION_ACTION.test(text)) what.set(c.job, 'an extension');
      else if (!SETUP_USES.test(text)) busy.add(c.job);
    } else if (IMAGE_PUSH_RUN.test(text.slice(0, 4000))) what.set(c.job, 'a container image');
    else if (EXTENSION_RUN.test(text.slice(0, 4000))) what.set(c.job, 'an extension');
  }
  for (const r of graph.runs) {
    if (r.origin.kind !== 'ci' || r.origin.path !== f.path || !r.origin.job || !what.has(r.origin.job)) continue;
    const cmd = (r.argv[0] ?? '').replace(/^.*\//, '');
    if (
      (REACHES.test(cmd) && !registryLogin(cmd, r.argv)) ||
      (cmd === 'docker' && /^(?:compose|stack|service|context|run)$/.test(r.argv[1] ?? '')) ||
      r.tools.some((t) => t.kinds.includes('deploy'))
    )
      busy.add(r.origin.job);
  }
  for (const j of busy) what.delete(j);
  return what;
}
