import { defineRule, type Evidence } from '../../src/engine/types.js';
import { fail, graded, listing, partial, pass, unknown } from '../../src/engine/results.js';
import { DOCKERFILE_GLOBS, dockerfiles, imagePin, resolveImage } from '../_shared/dockerfile.js';
import { dirOf, isProductionPath } from '../_shared/paths.js';

/** Dev containers and test/example images are not what ships; they count only when nothing else exists. */
const shipped = (p: string) => isProductionPath(p) && !/(^|\/)\.devcontainer\//.test(p);

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
    detection: 'Dockerfile/Containerfile anywhere in the tree; scores multi-stage builds, pinned base images (tag or digest, not `latest` or untagged) and a `.dockerignore` beside the Dockerfile or at the root.',
    reads: DOCKERFILE_GLOBS,
  },
  appliesTo: ({ facts }) => (facts.profile.id === 'service' ? true : { reason: `profile is ${facts.profile.id}: only services ship container images` }),
  check({ files }) {
    const found = dockerfiles(files);
    const all = found.some((d) => shipped(d.path)) ? found.filter((d) => shipped(d.path)) : found;
    if (all.length === 0) {
      return fail('No Dockerfile or Containerfile found.', [{ path: '.', note: `no file matching ${DOCKERFILE_GLOBS.join(', ')} in ${files.size} files` }]);
    }
    const ok = all.filter((d) => d.ok);
    const broken: Evidence[] = all.filter((d) => !d.ok).map((d) => ({ path: d.path, note: `not parsed: ${d.error ?? 'unparseable'}` }));
    if (ok.length === 0) return unknown('Dockerfiles found but none could be parsed.', broken);
    const evidence: Evidence[] = [];
    let multi = 0;
    let pinned = 0;
    let ignored = 0;
    for (const d of ok) {
      const last = d.stages[d.stages.length - 1]!;
      const isMulti = d.stages.length > 1;
      const images = d.stages.map((s) => ({ s, pin: imagePin(d, s) })).filter((x) => x.pin !== 'stage');
      const loose = images.filter((x) => x.pin === 'latest' || x.pin === 'untagged');
      const dockerignore = [dirOf(d.path), ''].map((dir) => (dir ? `${dir}/.dockerignore` : '.dockerignore')).find((p) => files.exists(p))
        ?? (files.exists(`${d.path}.dockerignore`) ? `${d.path}.dockerignore` : undefined);
      if (isMulti) multi++;
      if (loose.length === 0) pinned++;
      if (dockerignore) ignored++;
      evidence.push({
        path: d.path,
        line: last.line,
        snippet: `FROM ${last.image}${last.alias ? ' AS ' + last.alias : ''}`,
        note: `${d.stages.length} stage${d.stages.length === 1 ? '' : 's'}; base images ${loose.length === 0 ? 'pinned' : 'not pinned'}; ${dockerignore ? '.dockerignore present' : 'no .dockerignore'}`,
      });
      for (const { s, pin } of loose) {
        evidence.push({ path: d.path, line: s.line, snippet: `FROM ${s.image}`, note: `base image ${resolveImage(d, s.image)} is ${pin === 'latest' ? 'tagged latest' : 'untagged'}: builds are not reproducible` });
      }
      for (const { s } of images.filter((x) => x.pin === 'variable')) {
        evidence.push({ path: d.path, line: s.line, snippet: `FROM ${s.image}`, note: 'base image comes from a build argument without a default: pinning depends on the caller' });
      }
    }
    evidence.push(...broken);
    const n = ok.length;
    const g = graded([
      { name: 'a Dockerfile', found: true, weight: 2 },
      { name: 'multi-stage builds', found: multi === n, weight: 1 },
      { name: 'pinned base images', found: pinned === n, weight: 1 },
      { name: 'a .dockerignore', found: ignored === n, weight: 1 },
    ]);
    const data = { dockerfiles: n, multiStage: multi, pinnedBaseImages: pinned, withDockerignore: ignored };
    if (g.missing.length === 0) return pass(`${n} Dockerfile${n === 1 ? '' : 's'}: multi-stage, pinned base images, .dockerignore.`, evidence, data);
    return partial(g.score, `${n} Dockerfile${n === 1 ? '' : 's'} found; missing ${listing(g.missing)}${n > 1 ? ' in some' : ''}.`, evidence, data);
  },
});
