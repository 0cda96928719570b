import { defineRule, type Evidence, type Match } from '../../src/types.js';
import {
  aboutCredentialRotation,
  DEPLOY_CONTEXT,
  headingProse,
  OPS_DOC,
  PRODUCT_ARTEFACT,
  sectionBody,
} from '../_shared/ops-docs.js';
import { fail, graded, listing, partial, pass } from '../../src/engine/results.js';
import { CI_GLOBS, ciFiles } from '../../src/facts/ci.js';
import { fromMatch, isAgentDoc, isProductionPath, isTestPath } from '../../src/facts/paths.js';
import { publishedHere } from '../../src/facts/deploy.js';
import { ownNamed } from '../../src/facts/deploy-images.js';
import { k8s } from '../../src/facts/k8s.js';
import { shipitConfigs } from '../_shared/shipit.js';
import type { FileView } from '../../src/types.js';

const DOCS = ['**/*.{md,markdown,rst,adoc,txt}'];
const SCRIPTS = [
  '**/*.{sh,bash,ps1,mk,yml,yaml,py,groovy,tf,json,ts,js,toml}',
  '**/Makefile',
  '**/Jenkinsfile',
  '**/Jenkinsfile.*',
  '**/Jenkinsfile_*',
  '**/Jenkinsfile-*',
  '**/justfile',
  '**/Justfile',
];
// `\b` on each alternative, so each is checked alone (test/patterns.test.ts). The flags between
// `kubectl` and `rollout undo` start at a non-blank and stop at the next `kubectl` (`\s+` and the
// flags shared blanks, and each of many `kubectl` on a line scanned to its end).
const ROLLBACK_CMD =
  /\bhelm\s+rollback|\bkubectl\s+(?:[^\s|;&](?:(?!kubectl\s)[^\n|;&])*\s)?rollout\s+undo|\bkubectl\s+argo\s+rollouts\s+(?:undo|abort)|\bargocd\s+app\s+rollback|\bheroku\s+(?:rollback|releases:rollback)|\bkamal\s+rollback|\bcap\s+\w+\s+deploy:rollback|\bgcloud\s+run\s+services\s+update-traffic|\baz\s+webapp\s+deployment\s+slot\s+swap|\baws\s+deploy\s+stop-deployment|\b(?:vercel|wrangler|serverless|sls)\s+rollback|\bfirebase\s+hosting:rollback/;
/** A line that prints or raises a message: a command named in it is not run. */
const MESSAGE_LINE =
  /^\s*(?:echo|printf|print|puts|say|die|fatal|warn|error|info|log(?:ger)?(?:\.\w+)?|raise|throw|console\.\w+|Write-(?:Host|Output|Error|Warning|Verbose)|fmt\.\w*print\w*|>&2[ \t]+echo)\b/i;
/** What tags an image: a build, tag or push, a `-t`/`--tag` flag, a `tags:`/`image:` key, an IMAGE variable. */
const TAG_CMD = String.raw`(?:docker\s+(?:buildx\s+)?(?:build|tag|push)|--tag|\s-t\s|\btags?:|\bimage:|IMAGE(?:_TAG|_NAME|_REF)?\s*[:=]|(?<![\w$])(?:[A-Z]+_)?TAGS?=)`;
/**
 * The end of a `${{ … }}` expression whose last name names a version, tag, release, ref or commit
 * (`env.kimai_version`, `steps.v.outputs.VERSION_TAG`, `needs.b.outputs.imageTag`, `github.sha`):
 * a word of that kind starting the last name or one of its `_`/`-`/camelCase parts, then the rest
 * of that name (no dot). Read backwards from the end of the captured name, a bounded window.
 */
const EXPR_END = String.raw`(?:[\s{._-](?:version|tag|release|sha|ref_name|VERSION|TAG|RELEASE|SHA|REF_NAME|Version|Tag|Release|Sha)|[a-z0-9](?:Version|Tag|Release|Sha|RefName)|\.release\.name)(?:s|[_-][\w-]{0,40}|[A-Z]\w{0,40})?`;
/**
 * A `${{ … }}` expression naming a version (see EXPR_END). The dotted name is taken whole once
 * (at most 120 characters, atomically through a lookahead capture) and only its end is judged, so
 * a long name is not re-scanned from each of its characters. `g` names the capture (one per use).
 */
const versionExpr = (g: string) => String.raw`\$\{\{\s*(?=(?<${g}>[\w.-]{1,120}))\k<${g}>(?<=${EXPR_END})\s*\}\}`;
/**
 * What names the commit or version an image is tagged with, after a tag command on its line
 * (`canary-${{ env.VERSION }}`, `nightly-${VERSION}`, `${GITHUB_REF#refs/tags/}`). Run by the check on
 * the rest of a tag command's line (the `tagCommand` pattern): as one alternative of the scan
 * pattern it made that pattern too large for recheck to decide, so it ran guarded.
 */
const VERSION_NAME = new RegExp(
  String.raw`(?:github\.sha|GITHUB_SHA|TRAVIS_COMMIT|TRAVIS_TAG|GIT_(?:SHA|COMMIT)\w*|BITBUCKET_COMMIT|DRONE_COMMIT\w*|\$\{?COMMIT(?:_SHA|_ID|_HASH)?\b|CI_COMMIT_(?:SHORT_)?SHA|CI_COMMIT_TAG|github\.ref_name|github\.event\.release\.tag_name|GITHUB_REF_NAME|Build\.(?:BuildId|BuildNumber|SourceVersion)|BUILD_NUMBER|CIRCLE_SHA1|CIRCLE_TAG|git\s+rev-parse|git\s+describe|SHORT_SHA|COMMIT_SHA|\$\{?(?:[A-Z]+_){0,3}VERSION\b|\benv\.(?:[A-Z]+_){0,3}VERSION\b|steps\.[\w-]+\.outputs\.(?:tags|[Vv]ersion|VERSION|(?:[A-Za-z]+_)+VERSION)\b|steps\.[\w-]{0,40}(?:[Vv]ersion|VERSION|[Tt]ag|TAG|[Ss]ha|SHA)[\w-]{0,40}\.outputs\.\w{1,40}|needs\.[\w-]+\.outputs\.(?:[\w-]*[Vv]ersion|VERSION)\b|GITHUB_REF\b|\{\{\s*\.(?:Version|Tag|ShortCommit|FullCommit)\s*\}\}|${versionExpr('cmd')})`,
);
// A step named for the version computes it (\`id: app-version\`, then \`\${{ steps.app-version.outputs.value }}\`),
// and an image reference kept in a shell variable before the push (\`REMOTE_IMAGE_REF="…:\${{ … }}"\`,
// then \`docker push "$REMOTE_IMAGE_REF"\`) is tagged there (blind round 42: a per-deploy version
// \`1.0.0-<timestamp>-<sha>\` read as "no versioned artefact").
/**
 * An image of this project tagged with a version written by hand (`tags: org/app:latest,org/app:1.6.2`,
 * `docker push org/app:2.3.0`): each release edits the number, and every pushed version stays
 * pullable (blind round 45: a release workflow's hard-coded `koillection:1.6.2` was "no versioned
 * artefact"). The reference has an owner (`org/app`, a registry path) so a service image it runs
 * (`image: postgres:16.2`) is none, and an `image:` key is what a job runs, not what it pushes.
 */
const LITERAL_VERSION_TAG = /(?<![\w.-])[\w.-]+(?:\/[\w.-]+)+:v?\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?(?![\w.])/;
const literalVersionTag = (m: Match): boolean =>
  !/^\s*(?:-\s*)?image:/.test(m.snippet) && LITERAL_VERSION_TAG.test(m.groups[0] ?? '');

/** Where images are tagged: CI files, scripts, Makefiles, GoReleaser, Skaffold and ERB deployment templates. */
const IMAGE_TAG_FILES = [
  ...CI_GLOBS,
  '**/*.{sh,bash,mk}',
  '**/Makefile',
  '**/.goreleaser.{yml,yaml}',
  '**/skaffold.yaml',
  '**/*.{yml,yaml}.erb',
];
const notScanned = (p: string) =>
  isTestPath(p) ||
  isAgentDoc(p) ||
  /(?:^|\/)(?:CHANGELOG|CHANGES|HISTORY|NEWS)[^/]*$|(?:^|\/)(?:examples?|samples?|demos?)\//i.test(p);
/**
 * A docker/metadata-action tag spec that names a version or commit: `type=semver`, `type=pep440`,
 * `type=sha`, `type=match`, `type=ref,event=tag` (the git tag), or `type=raw` whose value is a
 * version, tag or commit expression. Bounded after `type=raw`: one line, 200 characters.
 */
const META_VERSIONED_TAG =
  /\btype=(?:semver|pep440|sha|match|ref,event=tag)\b|\btype=raw,[^\n]{0,200}?(?:\{\{\s*(?:sha|version|tag|major|minor|patch)\b|github\.(?:sha|ref_name|run_number|run_id|event\.release\.tag_name)|GITHUB_SHA|[Vv]ersion|VERSION)/;
/**
 * A GitHub Actions workflow run by a published release or a pushed tag (`on: release`, `on: { push:
 * { tags: [...] } }`): its `github.ref` is the release's tag.
 */
function releaseTriggered(files: FileView, path: string): boolean {
  if (!/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) return false;
  const doc = files.readYaml<Record<string, unknown>>(path);
  if (!doc.ok || !doc.value || typeof doc.value !== 'object') return false;
  const on = (doc.value as Record<string, unknown>).on ?? (doc.value as Record<string, unknown>).true;
  if (on === 'release') return true;
  if (Array.isArray(on)) return on.includes('release');
  if (!on || typeof on !== 'object') return false;
  const o = on as Record<string, unknown>;
  const push = o.push && typeof o.push === 'object' ? (o.push as Record<string, unknown>) : undefined;
  return 'release' in o || (push !== undefined && (push.tags !== undefined || push['tags-ignore'] !== undefined));
}

const isDoc = (p: string) => /\.(?:md|markdown|rst|adoc|txt)$/i.test(p);

/** An Azure Pipelines value naming the build's version or commit: `$(Build.BuildNumber)`, `$(GitVersion.FullSemVer)`. */
const AZURE_BUILD_VERSION =
  /\$\((?:Build\.(?:BuildId|BuildNumber|SourceVersion)|GitVersion\.\w+|[\w.]*(?:[Vv]ersion|VERSION|SemVer))\)|\$\[\s*counter\(/;

/**
 * Images an Azure Pipelines template tags with one of its parameters (a `Docker@2` task's
 * `tags: ${{ parameters.tag }}`), where a pipeline that includes the template passes the build's
 * version (`tag: $(BuildNumber)`, with the variable `BuildNumber: $(GitVersion.FullSemVer)`): the
 * parameter is followed from the template into the tag (blind round 37, a template-built image
 * tagged with the GitVersion build number read as "no versioned image"). One pass over the
 * parsed pipelines; each value read at most 2,000 characters.
 */
function azureTemplateTags(files: FileView): Match[] {
  const azure = ciFiles(files).filter((f) => f.ok && f.system === 'azure-pipelines');
  const variables = (f: (typeof azure)[number]) => {
    const out = new Map<string, string>();
    for (const d of f.docs) {
      const v = (d as Record<string, unknown> | null)?.variables;
      if (Array.isArray(v)) {
        for (const x of v.slice(0, 500)) {
          const r = x as Record<string, unknown> | null;
          if (typeof r?.name === 'string' && typeof r.value === 'string') out.set(r.name, r.value);
        }
      } else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v).slice(0, 500)) if (typeof x === 'string') out.set(k, x);
    }
    return out;
  };
  // Parameter values passed to each template, by the template's path.
  const passed = new Map<string, { value: string; vars: Map<string, string> }[]>();
  for (const f of azure) {
    let vars: Map<string, string> | undefined;
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : '';
    for (const c of f.commands) {
      const t = c.text.trim();
      if (c.kind !== 'uses' || !/\.ya?ml$/i.test(t) || t.includes('@') || !c.with) continue;
      vars ??= variables(f);
      const target = normalise(t.startsWith('/') ? t.slice(1) : `${dir}${t}`);
      for (const [k, value] of Object.entries(c.with)) {
        const key = `${target}\n${k}`;
        const list = passed.get(key) ?? [];
        if (list.length < 20) list.push({ value: value.slice(0, 2000), vars });
        passed.set(key, list);
      }
    }
  }
  const versioned = (v: { value: string; vars: Map<string, string> }) =>
    AZURE_BUILD_VERSION.test(v.value) ||
    [...v.value.matchAll(/\$\(([\w.]{1,80})\)/g)].some((m) =>
      AZURE_BUILD_VERSION.test(v.vars.get(m[1]!)?.slice(0, 2000) ?? ''),
    );
  const out: Match[] = [];
  for (const f of azure)
    for (const c of f.commands) {
      if (c.kind !== 'uses' || !/^Docker@\d+$/i.test(c.text.trim())) continue;
      const tags = c.with?.tags ?? c.with?.tag;
      if (!tags) continue;
      for (const m of tags.slice(0, 2000).matchAll(/\$\{\{\s*parameters\.([\w-]{1,60})\s*\}\}/g))
        if ((passed.get(`${f.path}\n${m[1]}`) ?? []).some(versioned)) {
          out.push({ path: f.path, line: c.line, snippet: `tags: ${m[0]}`, groups: [] });
          return out;
        }
    }
  return out;
}

/**
 * Images a Dagger program publishes under a reference tagged with the commit or version
 * (`Publish(ctx, fmt.Sprintf("ghcr.io/%s/app-prod:%s", owner, gitSHA()))`, the reference built in a
 * helper of the package): the pipeline's code is its CI, so the image is versioned (blind round 42:
 * a Dagger pipeline's SHA-tagged production image read as "no versioned artefact"). Only the Go
 * files of a module that requires the Dagger SDK, at most 60, and only where that module publishes.
 */
function daggerImageTags(files: FileView): Match[] {
  const out: Match[] = [];
  for (const mod of files.match(['go.mod', '**/go.mod']).slice(0, 20)) {
    if (!/^\s*(?:require\s+)?dagger\.io\/dagger\s+v/m.test((files.read(mod) ?? '').slice(0, 100_000))) continue;
    const dir = mod.includes('/') ? mod.slice(0, mod.lastIndexOf('/') + 1) : '';
    const paths = files.match([`${dir}**/*.go`]).slice(0, 60);
    const texts = paths.map((p) => (files.read(p) ?? '').slice(0, 200_000));
    if (!texts.some((t) => /\.Publish\s*\(/.test(t))) continue;
    paths.forEach((path, i) => {
      const lines = texts[i]!.split(/\r?\n/);
      for (let n = 0; n < lines.length && out.length < 2; n++) {
        const l = lines[n]!;
        if (l.length > 1000) continue;
        const ref = /"([\w.%-]{1,100}(?:\/[\w.%-]{1,100}){1,4}):%[sv]"/.exec(l);
        if (!ref) continue;
        // The value the tag is formatted from: the call's last argument, on this line or the next ones.
        const rest = [l.slice(ref.index + ref[0].length), ...lines.slice(n + 1, n + 5)].join(' ');
        let depth = 1;
        let end = 0;
        for (; end < Math.min(rest.length, 400) && depth > 0; end++)
          if (rest[end] === '(') depth++;
          else if (rest[end] === ')') depth--;
        const last =
          rest
            .slice(0, depth === 0 ? end - 1 : end)
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean)
            .at(-1) ?? '';
        // The commit names this build; a version does only in a reference of the project's own (its
        // owner filled in, `ghcr.io/%s/app`), not a tool image pinned to a release (`1password/op:%s`).
        const commit = /sha|SHA|Sha|[Cc]ommit|COMMIT/.test(last);
        const own = ref[1]!.includes('%');
        if (commit || (own && /[Vv]ersion|VERSION|\b[Tt]ag\b|\bTAG\b/.test(last)))
          out.push({ path, line: n + 1, snippet: `image ${ref[1]}:%s from ${last.slice(0, 80)}`, groups: [] });
      }
    });
    if (out.length) break;
  }
  return out;
}

/** A relative path with `./` and `dir/../` taken out. */
function normalise(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/');
}

export default defineRule({
  meta: {
    id: 'rollback',
    title: 'Rollback is possible and written down',
    failureTitle: 'No rollback path',
    description:
      'When a release misbehaves, the fastest mitigation is returning to the last good version. That needs immutable versioned artefacts to return to, a command or automatic mechanism that does it, and a written procedure the on-call engineer can follow under stress.',
    remediation:
      'Tag images immutably (commit SHA or version, never only `latest`), use an automatic rollback where the platform offers it (`helm upgrade --atomic`, ECS deployment circuit breaker with rollback, CodeDeploy auto-rollback), and document the rollback procedure in a runbook (`helm rollback`, `kubectl rollout undo`).',
    severity: 'medium',
    effort: 'low',
    detection:
      'Rollback sections in docs (headings naming rollback or reverting a release; rollback commands in runbooks); rollback commands in scripts and CI (`helm rollback`, `kubectl rollout undo`, `argocd app rollback`, Cloud Run traffic shifts, slot swaps) schema rollbacks (`migration:revert`, `alembic downgrade`, `db:rollback`, `migrate:rollback`, `db:migrate:undo`, `flyway undo`) in scripts, package.json or task recipes are named but not counted (they revert the database, not a release); a `# Rollback` comment inside a fenced code block is no heading; automatic rollback settings (`helm --atomic`, ECS `deployment_circuit_breaker`, CodeDeploy `auto_rollback_configuration`); images tagged with a commit SHA, build number or version in CI (a version written by hand on an image with an owner, `tags: org/app:1.6.2`, counts; `image:` keys are what a job runs; `docker/metadata-action`, `${{ github.sha }}`, `$CI_COMMIT_SHA`, `${{ env.VERSION }}`, `steps.x.outputs.VERSION`, `${GITHUB_REF#refs/*/}`, `TAGS=` lists, docker/metadata-action tag specs such as `type=raw,value=${{ github.event.release.tag_name }}` or `type=semver`, a build/deploy workflow given `gitRef:`/`imageTag:` from an input, the release tag or the build’s output); Jib images tagged with the project version in pom.xml or build.gradle (`<tag>${project.version}</tag>`, `jib.to.tags`); a Shipit `shipit.yml` that deploys (`deploy:`/`rollback: override:`), whose Rollback action in Shipit is both the procedure and the command.',
    reads: ['shipit.yml', 'shipit.*.yml', 'shipit.yaml', 'shipit.*.yaml'],
    patterns: {
      // A line that starts with `#` or `=` (`#{1,6}[ \t]*` matched the same lines: the text after
      // could take more marks and blanks, which it shared with them). `.` stops at a lone \r or
      // U+2028, after which `^` starts again (`[^\n]*` ran on from every heading between them).
      docHeading: {
        regex: /^[#=].*\b(?:roll(?:ing)?[ -]?back|revert(?:ing)?\s+(?:a\s+|the\s+)?(?:deploy|release))[^\n]*/gim,
        files: DOCS,
        literals: ['roll', 'revert'],
        ignoreCase: true,
        maxPerFile: 3,
      },
      command: {
        regex: new RegExp(ROLLBACK_CMD.source, 'g'),
        files: [...DOCS, ...SCRIPTS],
        literals: ['rollback', 'undo', 'update-traffic', 'slot swap', 'stop-deployment', 'abort'],
        maxPerFile: 3,
      },
      // Schema rollback: the migration tool's revert (`typeorm migration:revert`, `alembic downgrade`,
      // `rails db:rollback`, `knex migrate:rollback`, `sequelize db:migrate:undo`, `flyway undo`)
      // in a script, a package.json script or a task runner recipe (round 19: `db:migrate:rollback`).
      schemaRollback: {
        regex:
          /\bmigration:revert\b|\balembic\s+downgrade\b|\b(?:rails|rake)\s+db:rollback\b|\bknex\s+migrate:(?:rollback|down)\b|\bdb:migrate:undo\b|\bflyway\s+undo\b|\bmigrate\s+rollback\b/g,
        files: [...SCRIPTS, '**/package.json', '**/Rakefile', '**/*.rake'],
        literals: ['revert', 'downgrade', 'rollback', 'undo'],
        maxPerFile: 2,
      },
      // A CloudFormation deploy (`sam deploy`, `aws cloudformation deploy|create-stack|update-stack`,
      // `cdk deploy`, `serverless deploy`): CloudFormation rolls a failed stack update back to the last
      // working one by default; `--disable-rollback`/`--no-rollback` turns that off (blind round 50).
      stackDeploy: {
        regex:
          /\b(?:sam|cdk|serverless|sls)[ \t]+deploy\b(?![^\n]*--(?:disable-rollback|no-rollback|rollback[= ]false)\b)|\baws[ \t]+cloudformation[ \t]+(?:deploy|create-stack|update-stack)\b(?![^\n]*--(?:disable-rollback|on-failure[= ](?:DO_NOTHING|DELETE))\b)/g,
        files: SCRIPTS,
        literals: ['deploy', 'create-stack', 'update-stack'],
        maxPerFile: 2,
      },
      // A template published to the AWS Serverless Application Repository with a semantic version
      // (`Metadata: AWS::ServerlessRepo::Application: SemanticVersion: 1.2.0`): every version stays deployable.
      sarVersion: {
        regex: /^[ \t]+SemanticVersion[ \t]*:[ \t]*["']?\d+\.\d+\.\d+/m,
        files: ['**/*.{yml,yaml,json}'],
        literals: ['SemanticVersion'],
        maxPerFile: 1,
      },
      // Fly.io: `[experimental] auto_rollback = true` in fly.toml rolls a failed deploy back (blind round 27).
      automatic: {
        regex:
          /(?:^|\s)--(?:atomic|rollback-on-failure)\b|\bdeployment_circuit_breaker\b|\bauto_rollback_configuration\b|\b[Aa]uto[Rr]ollback[Cc]onfiguration\b|\bDeploymentCircuitBreaker\b|circuitBreaker\s*:\s*\{\s*rollback\s*:\s*true|\benable_auto_rollback\b|(?<![^\n])[ \t]*auto_rollback[ \t]*=[ \t]*true\b/g,
        files: SCRIPTS,
        literals: [
          '--atomic',
          '--rollback-on-failure',
          'circuit_breaker',
          'CircuitBreaker',
          'circuitBreaker',
          'auto_rollback',
          'utoRollback',
        ],
        maxPerFile: 2,
      },
      // A tag command and the rest of its line (a line counts once); the check keeps those that
      // name a commit or version (VERSION_NAME). More per file than kept: most tag lines name none.
      tagCommand: {
        regex: new RegExp(String.raw`${TAG_CMD}([^\n]*)`, 'g'),
        files: IMAGE_TAG_FILES,
        literals: ['docker', '--tag', '-t ', 'tag', 'image', 'IMAGE'],
        maxPerFile: 40,
      },
      versionedImage: {
        regex: new RegExp(
          [
            String.raw`docker\/metadata-action`,
            // docker/metadata-action tag specs passed on (a reusable workflow's `tags:` input):
            // `type=raw,value=${{ github.event.release.tag_name }}`, `type=semver,…`, `type=sha`.
            String.raw`\btype=(?:semver|sha|ref,event=tag|raw,value=[\w.-]*${versionExpr('raw')})[^\n]*`,
            // A build or deploy workflow given the commit, tag or image tag to ship (`gitRef:`,
            // `imageTag:` from a dispatch input, the release tag or the build's output): any earlier
            // version can be built or deployed again (round 19: a reusable build-and-push workflow).
            String.raw`\b(?:git[_-]?[Rr]ef|image[_-]?[Tt]ag)\s*:\s*\$\{\{\s*(?:inputs\.[\w-]+|github\.(?:sha|ref_name|event\.release\.tag_name)|needs\.[\w-]+\.outputs\.[\w-]*(?:[Tt]ag|[Vv]ersion|sha))[^\n]*`,
            // A deploy workflow handed the version to deploy by its dispatch input (`app_version:
            // ${{ inputs.version }}`, a `version` input that "must already exist"): any earlier
            // version can be deployed again (blind round 30, a workflow_dispatch deploy-to-env workflow).
            String.raw`\b(?:(?:app|image|release|deploy(?:ment)?)[_-]?)?[Vv]ersion\s*:\s*\$\{\{\s*(?:github\.event\.)?inputs\.[\w-]*(?:[Vv]ersion|[Tt]ag)\s*\}\}[^\n]*`,
            // An image path is read from its first segment: a start at each later segment scanned
            // the rest of the path again.
            String.raw`(?<![\w.-])(?<![\w.-]\/)[\w.-]+(?:\/[\w.-]+)+:\{\{\s*\.(?:Version|Tag|ShortCommit|FullCommit)\s*\}\}`,
            // goreleaser `image_templates` whose name is itself a template (`{{ .Env.ORG }}/{{ .ProjectName }}:{{ .Tag }}`).
            String.raw`\}\}:\{\{\s*\.(?:Version|Tag|ShortCommit|FullCommit)\s*\}\}`,
            // An image reference in a list under `tags: |` (no tag command on its own line) whose tag
            // is the version or commit CI computed: `owner/app:${{ env.VERSION }}`.
            // The image name may itself be an expression (`${{ env.IMAGE_NAME }}:${{ github.event.release.tag_name }}`),
            // and the release's own tag is a version as much as `github.ref_name` is.
            String.raw`(?:(?<![\w.-])(?<![\w.-]\/)[\w.-]+(?:\/[\w.-]+)+|\}\}):[\w.-]*${versionExpr('ref')}`,
            // The same list item tagged with an output of a step named for the version or tags, whatever
            // the output is called (`ghcr.io/${{ github.repository_owner }}/server:${{ steps.tags.outputs.patch }}`,
            // the patch, minor and major numbers of the release; blind round 50).
            String.raw`(?:\}\}|[\w.-])\/[\w.-]+:\$\{\{\s*steps\.[\w-]{0,40}(?:[Vv]ersion|VERSION|[Tt]ag|TAG)[\w-]{0,40}\.outputs\.\w{1,40}\s*\}\}`,
            // An image reference a script keeps in a variable or list before a build that pushes it
            // (`TAG_LIST=("$REPO:$VERSION" …)`, then `docker buildx build $TAGS --push`): the
            // repository path, literal or a variable named for it, tagged with the version.
            String.raw`(?<![\w.-])(?<![\w.-]\/)[\w.-]+(?:\/[\w.-]+)+:\$\{?(?:[A-Z]+_){0,3}VERSION\b`,
            String.raw`\$\{?(?:[A-Z]+_)?(?:REPO|REPOSITORY|IMAGE)(?:_[A-Z]+)?\}?:\$\{?(?:[A-Z]+_){0,3}VERSION\b`,
            // A GoReleaser `dockers_v2:`/`kos:` `tags:` list item that is the release's version or
            // commit (`- "{{.Version}}"`, `- "v{{ .Tag }}"`); the images are listed apart. Kept in
            // GoReleaser files only (see the check).
            String.raw`(?<![^\n])[ \t]*-[ \t]*["']?[\w.-]{0,40}\{\{\s*\.(?:Version|Tag|ShortCommit|FullCommit)\s*\}\}[^\n]*`,
            // Krane/ERB deployment templates tag the image with the commit they deploy
            // (`:<%= current_sha %>`). The ERB expression is taken whole, then its last part must
            // name the commit or version (`[\w.]*X\w*` tried every X of a long name to its end).
            String.raw`\bimage:\s*["']?[\w.-]+(?:\/[\w.-]+)+:<%=\s*(?=(?<erb>[\w.]*))\k<erb>(?<=(?:sha|SHA|revision|REVISION|version|VERSION|commit|COMMIT)\w*)\s*%>`,
          ].join('|'),
          'g',
        ),
        files: IMAGE_TAG_FILES,
        literals: ['docker', '--tag', '-t ', 'tag', 'image', 'IMAGE', '{{', 'type=', 'gitRef', 'git_ref', 'git-ref'],
        maxPerFile: 2,
      },
      // An archive command in CI (`zip -r dist/app-${{ steps.v.outputs.VERSION }}.zip …`, `tar -czf
      // app-$VERSION.tar.gz …`): the rest of the line is taken and its output name judged in the check.
      archiveCommand: {
        regex: /\b(?:zip|tar|7z)[ \t][^\n]*/g,
        files: CI_GLOBS,
        literals: ['zip', 'tar', '7z'],
        maxPerFile: 4,
      },
      // A Helm values file that pins the image to a release (`image: { repository: …, tag: "2.14.2" }`):
      // the deployment names an immutable version, an earlier one can be deployed again (round 24).
      // A Kubernetes manifest's container image pinned to a release (`image: …/log_server:v1.3.3`).
      manifestImageTag: {
        regex:
          /^[ \t]*(?:-[ \t]*)?image:[ \t]*["']?([\w.-]+(?:\/[\w.-]+)+):v?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?["']?[ \t]*(?:#.*)?$/gm,
        files: ['**/*.{yaml,yml}'],
        literals: ['image:'],
        maxPerFile: 2,
      },
      pinnedValuesTag: {
        regex: /^[ \t]+tag:[ \t]*["']?v?\d+\.\d+(?:\.\d+)?(?:[-+.][\w.]+)?["']?[ \t]*(?:#.*)?$/gm,
        files: ['**/values.{yaml,yml}', '**/values[-.]*.{yaml,yml}'],
        literals: ['tag:'],
        maxPerFile: 1,
      },
      // Jib (Maven or Gradle) tags the image it pushes in the build file, not in CI:
      // `<to><tags><tag>${project.version}</tag>`, `<image>repo:${project.version}</image>`,
      // `jib.to.tags = [version]`, `to { image = "repo:$version" }`. Kept only in a file naming Jib.
      buildFileImageTag: {
        regex:
          /<tag>\s*\$\{(?:project\.version|revision|git\.commit\.id(?:\.\w+)?|[\w-]*version)\}|<image>[^<\n$]*:\$\{(?:project\.version|revision|git\.commit\.id(?:\.\w+)?|[\w-]*version)\}|\btags\s*=\s*(?:\[|(?:mutableS|s)etOf\(|listOf\()\s*["']?\$?\{?(?:project\.)?version\b|\bimage\s*=\s*["'][^"'\n$]*:\$\{?(?:project\.)?version\b/g,
        files: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
        literals: ['<tag>', '<image>', 'tags', 'image'],
        maxPerFile: 2,
      },
    },
  },
  appliesTo: ({ facts }) =>
    facts.profile.id === 'service'
      ? true
      : { reason: `profile is ${facts.profile.id}: rollback of a running deployment concerns services` },
  check(ctx) {
    const keep = (ms: Match[]) => ms.filter((m) => !notScanned(m.path));
    // A rollback heading names a procedure when, read as prose (not a setting's dotted name), it or
    // its section speaks of a deployment: a product's "Sample Rollback Email" template does not.
    // A `# Rollback if needed` comment inside a fenced code block is a shell comment, not a heading.
    const fences = new Map<string, number[]>();
    const fenced = (m: Match) => {
      if (!/\.(?:md|markdown|mdx)$/i.test(m.path)) return false;
      if (!fences.has(m.path)) fences.set(m.path, fenceLines(ctx.files.read(m.path) ?? ''));
      const f = fences.get(m.path)!;
      let open = false;
      for (const l of f) {
        if (l >= m.line) break;
        open = !open;
      }
      return open;
    };
    const headings = keep(ctx.matches('docHeading')).filter(
      (m) =>
        !fenced(m) &&
        !/transaction/i.test(m.snippet) &&
        /roll(?:ing)?[ -]?back|revert/i.test(headingProse(m.snippet)) &&
        !PRODUCT_ARTEFACT.test(headingProse(m.snippet)) &&
        // A key rotation runbook's "## Rollback" undoes the rotation, not a release.
        !aboutCredentialRotation(ctx.files.read(m.path) ?? '') &&
        (OPS_DOC.test(m.path) ||
          DEPLOY_CONTEXT.test(`${headingProse(m.snippet)}\n${sectionBody(ctx.files.read(m.path) ?? '', m.line)}`)),
    );
    // A command named inside a message (`echo "resolve it manually (e.g. 'helm rollback')" >&2`,
    // a log call, a raised error) is advice to a reader, not a step the script runs (blind round 37).
    const commands = keep(ctx.matches('command')).filter((m) => isDoc(m.path) || !MESSAGE_LINE.test(m.snippet));
    const docCommands = commands.filter((m) => isDoc(m.path));
    const scriptCommands = commands.filter((m) => !isDoc(m.path));
    // `--atomic` rolls back a failed `helm upgrade`/`helm install`; on `git push --atomic` (all refs
    // or none) or another command it rolls nothing back (blind round 30, a version-bump push).
    const automatic = keep(ctx.matches('automatic')).filter(
      (m) =>
        !/--atomic\b/.test(m.snippet) ||
        /\bhelm(?:file)?\b|\bupgrade\b|\binstall\b/.test(m.snippet) ||
        !/\bgit\b/.test(m.snippet),
    );
    // Comments and Markdown excepted: a deploy a script or CI runs.
    const stackDeploys = keep(ctx.matches('stackDeploy')).filter((m) => !/^\s*(?:#|\/\/)/.test(m.snippet));
    const sar = keep(ctx.matches('sarVersion')).filter((m) =>
      /AWS::ServerlessRepo::Application/.test(ctx.files.read(m.path) ?? ''),
    );
    const schema = keep(ctx.matches('schemaRollback')).filter((m) => !/^\s*#/.test(m.snippet));
    // `TAG=$(git describe --tags …)` picks a git tag to check out (wallabag's install script), not an
    // image: only a file that builds or pushes images makes such a variable an image tag.
    // What a whole file says (it names images, pushes them, uses Jib) is tested once per file, not per match.
    const inFile = (re: RegExp) => {
      const seen = new Map<string, boolean>();
      return (path: string) => {
        if (!seen.has(path)) seen.set(path, re.test(ctx.files.read(path) ?? ''));
        return seen.get(path)!;
      };
    };
    const namesImages = inFile(/\b(?:docker|podman|buildah|nerdctl|ko|jib|image)\b/i);
    const pushesImages = inFile(/\b(?:docker|podman|buildah)\s+(?:buildx\s+build\b[^\n]*--push\b|push\b)/);
    const usesJib = inFile(/\bjib\b/i);
    const gitTagOnly = (m: Match) =>
      /^\s*(?:export\s+)?\w*TAGS?=\s*["']?\$\(\s*git\s/.test(m.snippet) && !namesImages(m.path);
    // An image reference with a version tag but no tag command on its line (`"$REPO:$VERSION"` in a
    // list) counts where the same file builds and pushes images (round 12: buildxdocker.bash).
    const TAGLESS_REF = new RegExp(TAG_CMD);
    const taglessRef = (m: Match) => !TAGLESS_REF.test(m.snippet) && /:\$\{?(?:[A-Z]+_){0,3}VERSION\b/.test(m.snippet);
    const pushes = (m: Match) => !taglessRef(m) || pushesImages(m.path);
    // A bare `- "{{.Version}}"` list item tags images only in a GoReleaser file (`dockers_v2:` `tags:`).
    const strayTemplateItem = (m: Match) =>
      /^[ \t]*-[ \t]*["']?[\w.-]{0,40}\{\{/.test(m.snippet) && !/(?:^|\/)\.?goreleaser\.ya?ml$/.test(m.path);
    // A Kubernetes workload's own image pinned to a release version in its manifest: the manifest of
    // an earlier release names the image to go back to (blind round 49: `log_server:v1.3.3` in a
    // Deployment, built and tagged by the project's Cloud Build file). Own images only: a pinned
    // database image is no artefact of this project.
    const workloadFiles = new Set(k8s(ctx.files).workloads.map((w) => w.path));
    const manifestPinned = keep(ctx.matches('manifestImageTag')).filter(
      (m) => workloadFiles.has(m.path) && isProductionPath(m.path) && ownNamed(ctx.files, m.groups[0] ?? ''),
    );
    const pinned = [
      ...keep(ctx.matches('pinnedValuesTag')).filter((m) => ownPinnedImage(ctx.files, m)),
      ...manifestPinned.slice(0, 2),
    ];
    // docker/metadata-action's default tags (no `tags:` input, or only `type=ref,event=branch|pr`,
    // `type=edge`, `type=schedule`) are the branch or PR name: mutable, no version to go back to
    // (blind round 39). Its step, and `steps.x.outputs.tags` handed on, count only where the file
    // asks it for a version or commit tag.
    // With no tag specs of its own, metadata-action's defaults include `type=ref,event=tag`: a
    // workflow run on a published release or a pushed tag tags the image with that release's version
    // (blind round 42, a release-triggered publish workflow read as having no versioned image).
    const explicitSpecs = inFile(/\btype=/);
    const metadataVersioned = (path: string) =>
      inFileVersioned(path) || (!explicitSpecs(path) && releaseTriggered(ctx.files, path));
    const inFileVersioned = inFile(META_VERSIONED_TAG);
    const usesMetadataAction = inFile(/docker\/metadata-action/);
    const metadataDefaults = (m: Match) =>
      /docker\/metadata-action|steps\.[\w-]+\.outputs\.tags\b/.test(m.snippet) &&
      usesMetadataAction(m.path) &&
      !metadataVersioned(m.path);
    // Two per file, as the scan keeps of versionedImage.
    const perFile = new Map<string, number>();
    const tagged = keep(ctx.matches('tagCommand')).filter((m) => {
      if (!(VERSION_NAME.test(m.groups[0] ?? '') || literalVersionTag(m)) || (perFile.get(m.path) ?? 0) >= 2)
        return false;
      perFile.set(m.path, (perFile.get(m.path) ?? 0) + 1);
      return true;
    });
    const versioned = [
      ...[...tagged, ...keep(ctx.matches('versionedImage'))].filter(
        (m) => !gitTagOnly(m) && pushes(m) && !strayTemplateItem(m) && !metadataDefaults(m),
      ),
      ...pinned,
      ...keep(ctx.matches('buildFileImageTag')).filter((m) => usesJib(m.path)),
      ...keep(azureTemplateTags(ctx.files)),
      ...keep(daggerImageTags(ctx.files)),
    ];
    // Name what was found from the kind of evidence: a tag on a GitHub release or a git tag pushed
    // by CI (an Azure `GitHubRelease` task's `tag: v$(Build.BuildNumber)`) is a versioned release,
    // not an image (blind round 4 called one an "image tag").
    const kinds = versioned.map((m) => ({
      m,
      kind: taglessRef(m) || pinned.includes(m) ? ('image' as const) : artefactKind(m, ctx.files.read(m.path)),
    }));
    // Versioned release archives (`app-${{ steps.v.outputs.VERSION }}.zip`) built by a workflow that
    // publishes a release (action-gh-release, `gh release`): every past version stays downloadable
    // and can be installed again, as a versioned image can (blind round 29, a self-hosted PHP app).
    const archives = keep(ctx.matches('archiveCommand')).filter(
      (m) => VERSIONED_ARCHIVE.test(m.snippet) && PUBLISHES_RELEASE.test(ctx.files.read(m.path) ?? ''),
    );
    if (sar.length > 0) {
      versioned.push(sar[0]!);
      kinds.push({ m: sar[0]!, kind: 'release' });
    }
    if (archives.length > 0) {
      versioned.push(archives[0]!);
      kinds.push({ m: archives[0]!, kind: 'release' });
    }
    const images = kinds.filter((k) => k.kind === 'image').map((k) => k.m);
    const releases = kinds.filter((k) => k.kind === 'release').map((k) => k.m);
    const artefactName = images.length
      ? 'immutable versioned image tags'
      : sar.length
        ? 'versioned releases (AWS Serverless Application Repository semantic versions)'
        : archives.length
          ? 'versioned release archives (no versioned container image)'
          : releases.length
            ? 'versioned release tags (no versioned container image)'
            : 'versioned build artefacts';
    // Shipit rolls back from its UI: a past deploy's Rollback button deploys that commit again with
    // the file's `rollback:` steps (or its deploy steps). The procedure is the deploy tool's own action,
    // the file says what it runs (blind round 25, rubygems.org shipit.yml:13-15).
    const shipit = shipitConfigs(ctx.files).flatMap((s) => {
      const st = s.rollback ?? s.deploy;
      return st ? [{ ...st, explicit: !!s.rollback }] : [];
    });
    const writtenDoc = headings.length > 0 || docCommands.length > 0;
    const documented = writtenDoc || shipit.length > 0;
    // A rollback command in a runbook shows both the procedure and the means.
    // A schema rollback (`migration:revert`, `alembic downgrade`) undoes a database change, not a
    // release: named, but no means of rolling the service back (blind round 31).
    const mechanism = commands.length > 0 || automatic.length > 0 || shipit.length > 0 || stackDeploys.length > 0;
    const g = graded([
      {
        name:
          writtenDoc || !shipit.length
            ? 'a written rollback procedure'
            : 'a rollback action of the deploy tool (Shipit)',
        found: documented,
        weight: 4,
      },
      { name: 'a rollback command or automatic rollback', found: mechanism, weight: 3 },
      {
        name: versioned.length ? artefactName : 'immutable versioned image tags',
        found: versioned.length > 0,
        weight: 3,
      },
    ]);
    const evidence: Evidence[] = [
      ...headings.slice(0, 2).map((m) => fromMatch(m, 'rollback procedure')),
      ...docCommands.slice(0, 2).map((m) => fromMatch(m, 'documented rollback command')),
      ...scriptCommands.slice(0, 2).map((m) => fromMatch(m, 'rollback command')),
      ...shipit.slice(0, 1).map(
        (st): Evidence => ({
          path: st.path,
          line: st.line,
          snippet: st.text.slice(0, 120),
          note: st.explicit
            ? "Shipit rollback step: a past deploy's Rollback action in Shipit deploys that commit again with it"
            : "Shipit deploy step, which Shipit's Rollback action runs again on the earlier commit (no rollback: override)",
        }),
      ),
      ...automatic.slice(0, 2).map((m) => fromMatch(m, 'automatic rollback on failed deploys')),
      ...(automatic.length === 0 ? stackDeploys.slice(0, 1) : []).map((m) =>
        fromMatch(
          m,
          'CloudFormation deploy: a failed stack update is rolled back to the last working stack by default',
        ),
      ),
      ...schema
        .slice(0, 2)
        .map((m) =>
          fromMatch(
            m,
            'schema rollback command (reverts the last migration): it undoes a database change, not a release; not counted',
          ),
        ),
      ...(images.length ? images : versioned)
        .slice(0, 2)
        .map((m) =>
          fromMatch(
            m,
            pinned.includes(m)
              ? `the deployment's values pin the image to version ${m.snippet.replace(/^\s*tag:\s*["']?|["']?\s*(?:#.*)?$/g, '')}: an earlier tag can be deployed again`
              : images.includes(m)
                ? usesMetadataAction(m.path) && !inFileVersioned(m.path)
                  ? "images tagged with the release's git tag (docker/metadata-action's default `type=ref,event=tag`, the workflow runs on a release or tag push)"
                  : 'images tagged with a version or commit'
                : sar.includes(m)
                  ? 'version published to the AWS Serverless Application Repository: an earlier version can be deployed again'
                  : archives.includes(m)
                    ? 'versioned release archive attached to a published release: an earlier version can be installed again'
                    : releases.includes(m)
                      ? 'release tagged with a version (a release tag, not an image)'
                      : 'build artefact tagged with a version or commit',
          ),
        ),
    ];
    const data = {
      documented,
      mechanism,
      versionedImages: versioned.length > 0,
      versionedKind: images.length ? 'image' : releases.length ? 'release' : versioned.length ? 'artefact' : 'none',
    };
    if (documented && (mechanism || versioned.length > 0))
      return pass(
        writtenDoc
          ? `Rollback is possible and written down: ${listing(g.found)}.`
          : `Rollback is an action of the deploy tool, configured in the repository: ${listing(g.found)}.`,
        evidence,
        data,
      );
    if (g.found.length === 0) {
      return fail(
        'No rollback procedure, command or versioned artefact found.',
        [
          {
            path: '.',
            note: `no rollback heading or command in ${ctx.searched('docHeading')} docs, no rollback command or automatic rollback in ${ctx.searched('automatic')} scripts/configs, no version- or SHA-tagged image in CI`,
          },
        ],
        data,
      );
    }
    return partial(
      g.score,
      `${listing(g.found)} found; ${g.missing.map((m) => `no ${m.replace(/^an? /, '')}`).join(', ')}.`,
      evidence,
      data,
    );
  },
});

/** An archive named for the version CI computed: `app-${{ steps.v.outputs.VERSION }}.tar.gz`, `app-$VERSION.zip`. */
const VERSIONED_ARCHIVE =
  /(?:\$\{\{\s*(?:steps\.[\w-]+\.outputs\.(?:version|VERSION|tag|TAG)|env\.(?:[A-Z]+_){0,3}VERSION|github\.(?:ref_name|event\.release\.tag_name))\s*\}\}|\$\{?(?:[A-Z]+_){0,3}VERSION\b\}?|\$\{?(?:GITHUB_REF_NAME|TAG|TAG_NAME|RELEASE_TAG)\b\}?)[\w.-]{0,40}\.(?:zip|tar\.gz|tgz|tar\.xz|tar\.bz2|tar\.zst|7z)\b/;
/** A workflow step that publishes a release its files are attached to. */
const PUBLISHES_RELEASE =
  /\b(?:action-gh-release|gh\s+release\s+(?:create|upload)|upload-release-asset|upload-release-action|ncipollo\/release-action|create-release|goreleaser)\b/;

const IMAGE_WORDS =
  /\b(?:docker|podman|buildah|nerdctl|kaniko|jib|ko|image|images|container|registry|ghcr\.io|quay\.io|gcr\.io|docker\.io|metadata-action|build-push-action|Dockerfile)\b|\.azurecr\.io|\.amazonaws\.com\/|\{\{\s*\.(?:Version|Tag|ShortCommit|FullCommit)/i;
const RELEASE_WORDS =
  /\b(?:GitHubRelease|GithubRelease|gh\s+release|action-gh-release|create-release|upload-release-action|release-action|tagSource|git\s+tag|git\s+push\b[^\n]*--tags|releases?:|prerelease|release_name|releaseNotes)\b/i;

/**
 * What a versioned tag names: an image (the line, or the step it sits in, builds, pushes or names
 * an image), a release (a GitHub release or git tag step), or another build artefact. Reads the
 * few lines above the match (its step), not the whole file: one CI file often does both.
 */
function artefactKind(m: Match, text: string | undefined): 'image' | 'release' | 'artefact' {
  if (IMAGE_WORDS.test(m.snippet) || /(?:^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?)$/.test(m.path)) return 'image';
  if (RELEASE_WORDS.test(m.snippet)) return 'release';
  const lines = (text ?? '').split(/\r?\n/);
  const step = lines.slice(Math.max(0, m.line - 9), m.line).reverse();
  for (const l of step) {
    if (RELEASE_WORDS.test(l)) return 'release';
    if (IMAGE_WORDS.test(l)) return 'image';
  }
  return 'artefact';
}

/**
 * A pinned `tag:` in a chart's values file whose image (the `repository:` just above) is the
 * project's own: named like the chart beside it, or published by this repository's build files.
 */
function ownPinnedImage(files: FileView, m: Match): boolean {
  if (!isProductionPath(m.path)) return false;
  const lines = files.read(m.path)?.split(/\r?\n/) ?? [];
  const above = lines.slice(Math.max(0, m.line - 5), m.line - 1).reverse();
  const repo = above.map((l) => /^[ \t]+(?:repository|name):[ \t]*["']?([^"'\s#]+)/.exec(l)?.[1]).find(Boolean);
  if (!repo || repo.includes('{{')) return false;
  const last = repo.split('/').pop()!.toLowerCase();
  const dir = m.path.includes('/') ? m.path.slice(0, m.path.lastIndexOf('/')) : '';
  return k8s(files).charts.some((c) => c.dir === dir && c.name.toLowerCase() === last) || publishedHere(files, repo);
}

/** The 1-based lines of a Markdown text that open or close a fenced code block (``` or ~~~), in order. */
function fenceLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let start = 0;
  const t = text.slice(0, 500_000);
  while (start <= t.length && out.length < 5000) {
    const end = t.indexOf('\n', start);
    const l = t.slice(start, end < 0 ? t.length : end);
    if (/^[ \t]{0,3}(?:```|~~~)/.test(l)) out.push(line);
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return out;
}
