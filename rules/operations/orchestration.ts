import { defineRule } from '../../src/types.js';
import type { Evidence, FileView } from '../../src/types.js';
import { fail, listing, partial, pass, unknown } from '../../src/engine/results.js';
import { composeDependencyNote, composeWorkloads, deployments, DEPLOY_READS } from '../../src/facts/deploy.js';
import { pulumi } from '../../src/facts/pulumi.js';
import { k8s, K8S_DIGEST, WORKLOAD_KINDS } from '../../src/facts/k8s.js';
import { fromMatch, isProductionPath } from '../../src/facts/paths.js';
import { resourcesOf, terraform, TF_DIGEST } from '../../src/facts/terraform.js';
import { runtime, SYSTEMD_GLOBS, systemdEvidence } from '../../src/facts/runtime.js';

/** YAML with apiVersion+kind that is not a workload description (developer tooling, catalogues). */
const NOT_DEPLOYMENT = /^(backstage\.io|kind\.x-k8s\.io|ctlptl\.dev|skaffold\/|k3d\.io|kuttl\.dev)/;

/**
 * Kinds that say how something runs on Kubernetes: workloads, their Service, Ingress and scaler,
 * OpenShift Templates, GitOps applications and releases. Other documents with apiVersion and kind
 * (a krew plugin-index entry, one Calico network policy, CRDs, RBAC) deploy nothing (blind round 23).
 */
const DEPLOYING_KINDS = new Set([
  ...WORKLOAD_KINDS,
  'Service',
  'Ingress',
  'HorizontalPodAutoscaler',
  'ScaledObject',
  'Template',
  'Route',
  'Application',
  'ApplicationSet',
  'HelmRelease',
]);

const TF_SYSTEMS: [string, string[]][] = [
  ['ECS', ['aws_ecs_task_definition', 'aws_ecs_service', 'aws_ecs_cluster']],
  ['EKS/GKE/AKS', ['aws_eks_cluster', 'google_container_cluster', 'azurerm_kubernetes_cluster']],
  ['Cloud Run', ['google_cloud_run_service', 'google_cloud_run_v2_service']],
  ['App Engine', ['google_app_engine_standard_app_version', 'google_app_engine_flexible_app_version']],
  ['Azure Container Apps', ['azurerm_container_app']],
  ['Azure App Service', ['azurerm_linux_web_app', 'azurerm_windows_web_app']],
  ['Helm releases', ['helm_release']],
  ['Kubernetes (Terraform)', ['kubernetes_deployment', 'kubernetes_deployment_v1']],
  ['AWS App Runner', ['aws_apprunner_service']],
  ['Lambda', ['aws_lambda_function']],
];

/** Capistrano's deploy configuration: the Capfile, the shared settings and one file per stage. */
const CAPISTRANO_GLOBS = ['Capfile', 'config/deploy.rb', 'config/deploy/*.rb'];
const CAP_SERVER = /^[ \t]*(?:server|role)[ \t(]+[:'"]/;

/** Capistrano stages (`config/deploy/<stage>.rb` beside a Capfile or config/deploy.rb) that name a server or role. */
function capistranoStages(files: FileView): { stage: string; path: string; line: number; text: string }[] {
  if (!files.exists('Capfile') && !files.exists('config/deploy.rb')) return [];
  const out: { stage: string; path: string; line: number; text: string }[] = [];
  for (const path of files.match(['config/deploy/*.rb']).slice(0, 20)) {
    const lines = (files.read(path) ?? '').slice(0, 100_000).split('\n');
    const i = lines.findIndex((l) => CAP_SERVER.test(l));
    if (i >= 0)
      out.push({
        stage: path.slice('config/deploy/'.length, -3),
        path,
        line: i + 1,
        text: lines[i]!.trim().slice(0, 160),
      });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'orchestration',
    title: 'The deployment target is described',
    failureTitle: 'No deployment target described',
    description:
      "When the way a service runs in production (replicas, probes, resources, configuration) lives only in someone's console or head, it cannot be reviewed, reproduced or rolled back; manifests in the repository make the runtime part of the change.",
    remediation:
      'Describe how the service runs: Kubernetes manifests, a Helm chart or Kustomize overlays, an ECS task definition, a Nomad job, a Cloud Run/App Engine/Container Apps configuration, or a PaaS file (fly.toml, render.yaml). docker-compose alone usually describes local development only.',
    severity: 'medium',
    effort: 'medium',
    detection:
      "Kubernetes manifests (apiVersion + kind, YAML or JSON, multi-document, Helm templates, the objects of OpenShift Templates and Lists), Helm Chart.yaml, kustomization.yaml, Nomad jobs, ECS task definitions (JSON, Terraform, CloudFormation), Cloud Run/App Engine/Azure Container Apps (Terraform, app.yaml, Bicep), Kamal config/deploy.yml, PaaS files (fly.toml, render.yaml, vercel.json of the service — not a docs or storybook site's —, a Procfile with Heroku/Dokku evidence — app.json, heroku.yml or a deploy job; a Procfile alone is a local process list —, a Heroku app.json manifest (buildpacks, formation, stack, addons) or heroku.yml at the root or one folder down, a component folder's Procfile beside such Heroku evidence,, serverless.yml, Elastic Beanstalk Dockerrun.aws.json/.ebextensions at any depth), systemd service units a package installs. docker-compose alone earns partial credit unless it is a production/stack file or a self-hosting template (the project's published image, restarting on its own or serving on every interface, in a file that does not call itself development; a file named example/sample counts when its content sets production: APP_ENV/NODE_ENV production or Let's Encrypt certificates).",
    patterns: {
      appEngine: {
        regex: /^runtime:\s*\S+/m,
        files: ['**/app.yaml', '**/app.yml'],
        literals: ['runtime:'],
        maxPerFile: 1,
      },
      containerApps: {
        regex: /Microsoft\.App\/containerApps/,
        files: ['**/*.{bicep,json,yaml,yml}'],
        literals: ['Microsoft.App/containerApps'],
        maxPerFile: 1,
      },
      cfnEcs: {
        regex: /AWS::ECS::(?:TaskDefinition|Service)\b/,
        files: ['**/*.{yml,yaml,json,template}'],
        literals: ['AWS::ECS::'],
        maxPerFile: 1,
      },
      doApp: {
        regex: /^[ \t]*(?:http_port|instance_size_slug|dockerfile_path):\s*\S/m,
        files: ['**/spec.yaml', '.do/*.yaml'],
        literals: ['http_port', 'instance_size_slug', 'dockerfile_path'],
        maxPerFile: 1,
      },
      aspire: {
        regex: /\bDistributedApplication\.CreateBuilder\(/,
        files: ['**/*.cs'],
        literals: ['DistributedApplication'],
        maxPerFile: 1,
      },
      kamal: {
        regex: /^service:\s*\S+/m,
        files: ['config/deploy.yml', 'config/deploy.*.yml'],
        literals: ['service:'],
        maxPerFile: 1,
      },
    },
    reads: [...DEPLOY_READS, ...SYSTEMD_GLOBS, ...CAPISTRANO_GLOBS],
    digests: [K8S_DIGEST, TF_DIGEST],
  },
  appliesTo: ({ facts }) =>
    facts.profile.id === 'service'
      ? true
      : { reason: `a deployment target is judged for services; the repository profile is ${facts.profile.id}` },
  check(ctx) {
    const found: { system: string; evidence: Evidence }[] = [];
    const add = (system: string, evidence: Evidence) => found.push({ system, evidence });
    const model = k8s(ctx.files);
    const manifests = model.objects.filter(
      (o) => !NOT_DEPLOYMENT.test(o.apiVersion) && o.kind !== 'Kustomization' && isProductionPath(o.path),
    );
    // Cite a manifest outside dot-folders (.github/…) first.
    const plain = manifests
      .filter((o) => !o.chart)
      .sort((a, b) => Number(/(^|\/)\./.test(a.path)) - Number(/(^|\/)\./.test(b.path)));
    // OpenShift Templates and DeploymentConfigs are Kubernetes objects under OpenShift's API groups.
    const openshift = plain.some((o) => o.kind === 'Template' || o.apiVersion.includes('openshift.io'));
    // Manifests describe a deployment when one of them runs or exposes something; the first such is cited.
    const deploying = plain.find((o) => DEPLOYING_KINDS.has(o.kind));
    const kinds = (objs: typeof plain) => listing([...new Set(objs.map((o) => o.kind))].sort().slice(0, 6));
    if (deploying)
      add(openshift ? 'OpenShift/Kubernetes manifests' : 'Kubernetes manifests', {
        path: deploying.path,
        line: deploying.line,
        note: `${plain.length} objects (${kinds(plain)}) in ${new Set(plain.map((o) => o.path)).size} files`,
      });
    for (const c of model.charts.filter((c) => isProductionPath(c.path)).slice(0, 3))
      add('Helm', { path: c.path, note: `chart ${c.name}` });
    for (const k of model.kustomizations.filter((k) => isProductionPath(k.path)).slice(0, 3))
      add('Kustomize', { path: k.path });
    // A Pulumi program that deploys workloads (pulumi.ts): the deployment target, read from its code.
    const iac = pulumi(ctx.files);
    if (iac.workloads.length > 0) {
      const w = iac.workloads[0]!;
      add(
        /@pulumi\/kubernetes|pulumi_kubernetes|pulumi-kubernetes/.test(ctx.files.read(w.path) ?? '')
          ? 'Kubernetes via Pulumi'
          : 'Pulumi',
        {
          path: w.path,
          line: w.line,
          note: `Pulumi program (${iac.projects[0]}): ${iac.workloads.length} workload${iac.workloads.length === 1 ? '' : 's'} with probes, resources or replicas`,
        },
      );
    }
    const d = deployments(ctx.files);
    for (const n of d.nomad.slice(0, 3))
      add('Nomad', { path: n.path, line: n.jobs[0]!.line, note: `job ${n.jobs[0]!.labels[0] ?? ''}` });
    for (const p of d.ecsFiles.slice(0, 3)) add('ECS', { path: p, note: 'task definition' });
    const tf = terraform(ctx.files);
    for (const [system, types] of TF_SYSTEMS) {
      const r = resourcesOf(tf, ...types).filter((x) => isProductionPath(x.path));
      if (r.length > 0)
        add(system, {
          path: r[0]!.path,
          line: r[0]!.line,
          note: `resource "${r[0]!.labels[0]}" "${r[0]!.labels[1] ?? ''}"`,
        });
    }
    for (const [key, system] of [
      ['appEngine', 'App Engine'],
      ['containerApps', 'Azure Container Apps'],
      ['cfnEcs', 'ECS'],
      ['kamal', 'Kamal'],
      ['aspire', '.NET Aspire app host'],
      ['doApp', 'DigitalOcean App Platform'],
    ] as const) {
      const m = ctx.matches(key).filter((x) => isProductionPath(x.path));
      if (m.length > 0) add(system, fromMatch(m[0]!));
    }
    const rt = runtime(ctx.files);
    // A platform read by its own pattern above (an App Platform spec) is not listed twice.
    for (const p of rt.platforms)
      if (!found.some((f) => f.system === p.system))
        add(p.system, {
          path: p.path,
          note:
            p.system === 'Vercel'
              ? 'Vercel project configuration: a managed platform builds, runs and scales the service (no orchestrator file of its own)'
              : p.system === 'Netlify'
                ? "Netlify configuration of a server-rendered build or functions: the platform runs the app's server code (no orchestrator file of its own)"
                : p.system,
        });
    // A unit a package installs describes how the service runs on a host (packaged, self-hosted).
    for (const u of rt.systemd.slice(0, 2)) add('systemd unit', systemdEvidence(u, 'systemd service unit'));
    // A unit that only runs `compose up` starts the compose services at boot: they are the deployment.
    for (const u of rt.composeWrappers.slice(0, 1))
      add(
        'docker-compose started by a systemd unit',
        systemdEvidence(u, 'systemd unit that only starts compose: the compose services are the deployed units'),
      );
    const notes: Evidence[] = [
      ...[...model.notes, ...d.notes, ...tf.notes].slice(0, 5).map((n) => ({ path: n.path, note: n.note })),
      ...(rt.devProcfile
        ? [
            {
              path: 'Procfile',
              note: rt.procfileNote ?? 'Procfile not counted as Heroku',
            },
          ]
        : []),
    ];
    // Compose that is the deployment: named for production, scaled, or a self-hosting template that
    // runs the project's published image (deploy.ts decides, with the reason).
    // Beside a Pulumi program that deploys the workloads, a compose file is local development.
    const prodCompose = iac.workloads.length > 0 ? [] : d.production;
    if (iac.workloads.length > 0 && d.composeFiles.length > 0)
      notes.push({
        path: d.composeFiles[0]!,
        note: `set aside: local development; the deployment is the Pulumi program (${iac.workloads[0]!.path})`,
      });
    const systems = [...new Set(found.map((f) => f.system))];
    if (prodCompose.length > 0) systems.push('docker-compose (production)');
    const data = { systems, composeFiles: d.composeFiles };
    const evidence = [
      ...found.map((f) => f.evidence).slice(0, 10),
      ...prodCompose.slice(0, 2).map((p) => ({ path: p.path, note: `production compose file (${p.reason})` })),
      ...notes,
    ];
    if (systems.length > 0) {
      // Compose files beside the target, not counted as it: named all the same (the one whose
      // services built here the reliability rules judge first), so the message matches the data.
      const other =
        iac.workloads.length > 0 ? [] : d.composeFiles.filter((p) => !prodCompose.some((c) => c.path === p));
      let also = '';
      if (other.length > 0) {
        const units = composeWorkloads(ctx.files, ctx.facts.profile.id).units.filter((u) => other.includes(u.path));
        const main = units[0]?.path ?? other.find((p) => !/[._-](dev|development|local)\b/i.test(p)) ?? other[0]!;
        const mine = units.filter((u) => u.path === main);
        // A service the compose file builds (`build:`) is built here; one that pulls a published image
        // (`image: ghcr.io/org/app:latest`) is not, even when the image may be this project's (blind
        // round 43: "running 6 services built here" for a file that pulls 6 images and builds none).
        const fromSource = mine.filter((u) => u.hasBuild).length;
        const pulled = mine.filter((u) => !u.hasBuild && u.image).map((u) => u.image!);
        const runs =
          mine.length === 0
            ? ''
            : fromSource === mine.length
              ? `, running ${mine.length} service${mine.length === 1 ? '' : 's'} built here`
              : fromSource === 0
                ? `, running ${mine.length} service${mine.length === 1 ? '' : 's'} from pulled images (${pulled.slice(0, 2).join(', ')}${pulled.length > 2 ? ` and ${pulled.length - 2} more` : ''}), none built by the compose file`
                : `, running ${mine.length} services (${fromSource} built from source here, ${mine.length - fromSource} from pulled images)`;
        also = `; compose file ${main}${other.length > 1 ? ` (and ${other.length - 1} more)` : ''} also present${runs}`;
        evidence.push({
          path: main,
          ...(mine[0] ? { line: mine[0].line } : {}),
          note: `compose file beside it, not counted as the target${
            mine.length > 0
              ? `; ${fromSource === mine.length ? 'services built here' : fromSource === 0 ? 'services from pulled images' : 'services'}: ${mine
                  .slice(0, 4)
                  .map((u) => u.name)
                  .join(', ')}${mine.length > 4 ? ` and ${mine.length - 4} more` : ''}`
              : ''
          }`,
        });
      }
      return pass(`Deployment target described: ${listing(systems)}${also}.`, evidence, data);
    }
    // Capistrano stages that name servers (`server 'app-prod.example.org', roles: %w[web app]`): a
    // described deployment target, on hosts nothing here runs or restarts (blind round 39, sdr-api).
    const stages = capistranoStages(ctx.files);
    if (stages.length > 0)
      return partial(
        0.5,
        `Capistrano deploys to the servers its stages name (${listing(stages.map((x) => x.stage).slice(0, 4))}); no orchestrator (Kubernetes, ECS, Nomad, PaaS) runs, restarts or reschedules the service there.`,
        [
          ...stages.slice(0, 4).map((x) => ({
            path: x.path,
            line: x.line,
            snippet: x.text,
            note: `Capistrano stage ${x.stage}: the servers it deploys to`,
          })),
          ...notes,
        ],
        data,
      );
    // Compose that runs only third-party images (a database, a cache) with no service built or run
    // from here sets up local dependencies; it does not describe how this service runs.
    if (d.compose.length > 0 && d.compose.every((s) => !s.built && !s.sourceMounted)) {
      return fail(
        'docker-compose runs only third-party dependencies, not the service itself; no deployment target (Kubernetes, ECS, Nomad, PaaS, a compose service built here) is described.',
        [...composeDependencyNote(d, 'a deployment target is'), ...notes],
        data,
      );
    }
    if (d.composeFiles.length > 0) {
      // Compose files outside production paths are admitted only as the examples the README
      // documents, running the project's own image (deploy.ts documentedExample).
      const documented = d.composeFiles.filter((p) => !isProductionPath(p));
      return partial(
        0.5,
        documented.length === d.composeFiles.length
          ? `Only the example compose file${documented.length === 1 ? '' : 's'} the README documents (${listing(documented.slice(0, 3))}) run${documented.length === 1 ? 's' : ''} the project's image; no production deployment target (Kubernetes, ECS, Nomad, PaaS) is described.`
          : 'Only docker-compose is present, which usually describes local development; no production deployment target (Kubernetes, ECS, Nomad, PaaS) is described.',
        [
          ...d.composeFiles.slice(0, 3).map((p) => ({
            path: p,
            note: documented.includes(p)
              ? 'docker-compose (documented example running the project image)'
              : 'docker-compose',
          })),
          ...notes,
        ],
        data,
      );
    }
    // A Procfile with a `web:` process that is no development command is a platform's process
    // manifest (Heroku, Dokku, Scalingo): the platform runs and restarts the processes, though no
    // file here names which one (blind round 37).
    if (rt.procfileWeb)
      return partial(
        0.5,
        'Only a Procfile with a web process is present: a platform process manifest (Heroku, Dokku, Scalingo style) with no platform config (app.json, heroku.yml) or deploy job naming the platform.',
        [{ path: 'Procfile', line: rt.procfileWeb, note: 'web process: the platform runs and restarts it' }, ...notes],
        data,
      );
    const parseNotes = notes.filter((n) => n.path !== 'Procfile' || !rt.devProcfile);
    if (parseNotes.length > 0) return unknown('Deployment files were found but could not be parsed.', notes, data);
    return fail(
      'No deployment target is described.',
      [
        {
          path: '.',
          note: `no Kubernetes manifests, Helm chart, Kustomize, compose, Nomad, ECS, Cloud Run, App Engine, Container Apps or PaaS files in ${ctx.files.size} files`,
        },
        ...rt.otherUnits
          .slice(0, 2)
          .map((u) => systemdEvidence(u, `systemd unit not counted: ${u.notApp ?? 'does not run the app'}`)),
        ...(plain.length > 0
          ? [
              {
                path: plain[0]!.path,
                line: plain[0]!.line,
                note: `not counted: ${plain.length} document(s) with apiVersion and kind (${kinds(plain)}), none a workload, Service or Ingress`,
              },
            ]
          : []),
        ...notes,
      ],
      data,
    );
  },
});
