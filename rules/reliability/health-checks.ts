import { defineRule } from '../../src/types.js';
import { BICEP_GLOBS, bicepContainerApps } from '../../src/facts/bicep-apps.js';
import type { Evidence, FileView, Match, RuleContext } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import {
  composeDependencyNote,
  composeAsideNotes,
  composeAsideSentence,
  composeUnits,
  composeWorkloads,
  hostedCompose,
  deployments,
  DEPLOY_READS,
  nested,
  serviceDockerfile,
} from '../../src/facts/deploy.js';
import {
  DOCKERFILE_GLOBS,
  dockerfilePaths,
  EARTHFILE_GLOBS,
  dockerfiles,
  imageHealthcheck,
  isToolImage,
  oneShotImage,
} from '../../src/facts/dockerfile.js';
import { containerEvidence, k8s, K8S_DIGEST } from '../../src/facts/k8s.js';
import { fromMatch, isDevContainer, isProductionPath } from '../../src/facts/paths.js';
import { label, resolveVarFrom, resourcesOf, terraform, TF_DIGEST } from '../../src/facts/terraform.js';
import {
  deployedWorkloads,
  notDeployedHere,
  offByDefaultNote,
  requestScopedOnly,
  runtime,
  SYSTEMD_GLOBS,
  systemdEvidence,
} from '../../src/facts/runtime.js';
import { table } from '../../src/util/table.js';
import { heartbeatLiveness } from '../_shared/heartbeat-liveness.js';
import { cdk } from '../../src/facts/cdk.js';
import { iacApp } from '../../src/facts/iac-app.js';

const APP_SERVICE_CHECK = ['health_check_path'];
const CONTAINER_PROBES = ['liveness_probe', 'readiness_probe', 'startup_probe'];
/** Terraform resources whose health check lives in a nested block or attribute of one of these names. */
const TF_CHECKS: Record<string, string[]> = table({
  aws_lb_target_group: ['health_check'],
  aws_alb_target_group: ['health_check'],
  aws_elb: ['health_check'],
  google_cloud_run_v2_service: ['liveness_probe', 'startup_probe'],
  // App Service and Functions: `site_config { health_check_path = "/health" }` (with
  // `health_check_eviction_time_in_min`); a container group or container app: probes per container.
  azurerm_linux_web_app: APP_SERVICE_CHECK,
  azurerm_windows_web_app: APP_SERVICE_CHECK,
  azurerm_linux_web_app_slot: APP_SERVICE_CHECK,
  azurerm_windows_web_app_slot: APP_SERVICE_CHECK,
  azurerm_linux_function_app: APP_SERVICE_CHECK,
  azurerm_windows_function_app: APP_SERVICE_CHECK,
  azurerm_function_app: APP_SERVICE_CHECK,
  azurerm_app_service: APP_SERVICE_CHECK,
  azurerm_app_service_slot: APP_SERVICE_CHECK,
  azurerm_container_group: CONTAINER_PROBES,
  azurerm_container_app: CONTAINER_PROBES,
});
/**
 * Terraform autoscaling groups that set their health check (`health_check_type`,
 * `health_check_grace_period`), with the type production gives them (a variable followed to its
 * value; EC2, the default, when unset or unresolved).
 */
function checkedGroups(
  files: FileView,
  reusable: boolean,
): { path: string; line: number; name: string; type: string; via?: string }[] {
  const tf = terraform(files);
  // In a reusable module, only groups the module sets up itself (a literal or local size or health
  // check setting, as redundancy judges them); one whose every setting is an input is the caller's.
  const own = (v: unknown) =>
    v !== undefined &&
    (v === null || typeof v !== 'object' || /^\s*local\./.test(String((v as { expr: string }).expr)));
  return resourcesOf(tf, 'aws_autoscaling_group')
    .filter(
      (r) =>
        isProductionPath(r.path) &&
        (r.attrs.health_check_type !== undefined || r.attrs.health_check_grace_period !== undefined) &&
        (!reusable || OWN_KEYS.some((k) => own(r.attrs[k]))),
    )
    .slice(0, 50)
    .map((r) => {
      const raw = r.attrs.health_check_type;
      const got = typeof raw === 'string' ? { value: raw, via: undefined } : resolveVarFrom(tf, raw, r.path);
      const type = typeof got?.value === 'string' && /^elb$/i.test(got.value) ? 'ELB' : 'EC2';
      return { path: r.path, line: r.line, name: label(r), type, ...(got?.via ? { via: got.via } : {}) };
    });
}

const OWN_KEYS = ['min_size', 'max_size', 'desired_capacity', 'health_check_type', 'health_check_grace_period'];

/**
 * Azure compute whose health check is off unless written: an App Service or Function App without
 * `health_check_path`, a container group without probes, is a deployed unit nothing checks. (An
 * AWS target group checks by default; a container app with ingress gets default probes.)
 */
const TF_CHECK_REQUIRED = new Set([
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
  'azurerm_function_app',
  'azurerm_app_service',
  'azurerm_container_group',
]);
/** IaC resources that run long-lived processes someone should health-check. */
const COMPUTE = [
  'aws_instance',
  'aws_autoscaling_group',
  'aws_ecs_*',
  'aws_lb*',
  'aws_alb*',
  'aws_elb',
  // The cluster and its nodes; not its access, add-on or identity-provider settings (blind round 23:
  // an `aws_eks_identity_provider_config` made a Terraform estate's health checks applicable).
  'aws_eks_cluster',
  'aws_eks_node_group',
  'aws_eks_fargate_profile',
  'aws_apprunner_service',
  'google_compute_instance*',
  'google_cloud_run_*',
  'google_container_*',
  'azurerm_*web_app',
  'azurerm_*function_app',
  'azurerm_app_service',
  'azurerm_service_plan',
  'azurerm_app_service_plan',
  'azurerm_container_group',
  'azurerm_container_app',
  'azurerm_kubernetes_cluster',
  'azurerm_*virtual_machine*',
  'kubernetes_deployment*',
  'helm_release',
];
const TF_CHECK_RESOURCES = [
  // Application Insights availability tests probe the deployed endpoints from outside.
  'azurerm_application_insights_standard_web_test',
  'azurerm_application_insights_web_test',
  'aws_route53_health_check',
  'google_compute_health_check',
  'google_compute_region_health_check',
  'aws_apprunner_service',
];

export default defineRule({
  meta: {
    id: 'health-checks',
    title: 'The platform checks health',
    failureTitle: 'The platform does not check health',
    description:
      'Without health checks the platform keeps routing traffic to an instance that has hung or not finished starting, and never restarts it; probes turn a stuck process into a quick automatic replacement.',
    remediation:
      'Give every long-running container readiness and liveness probes (Kubernetes), a `healthcheck` (compose, ECS) or a HEALTHCHECK (Dockerfile), or a load-balancer health check in IaC, pointing at a cheap health endpoint.',
    severity: 'high',
    effort: 'low',
    detection:
      "Kubernetes liveness/readiness probes per container, including Helm templates, the DeploymentConfigs of OpenShift Templates and NAIS Applications (`liveness`/`readiness`), YAML or JSON (a finding per container without them, with file:line; Jobs and init containers are exempt); the workloads a Pulumi program deploys (TypeScript/JavaScript/Python/Go beside Pulumi.yaml, object literals read by key: `livenessProbe`, `readinessProbe`), beside which a compose file is local development; compose `healthcheck` on services built here; Dockerfile HEALTHCHECK; ECS `healthCheck`; Terraform target-group/Cloud Run/App Service health checks; AWS CDK target groups, listener targets, load-balanced ECS services and autoscaling groups of a `cdk.json` app (TypeScript or Python) with their `healthCheck` (without one: the load balancer's default check or EC2 status, half); fly.toml checks (`[[services.tcp_checks]]`, `[[services.http_checks]]`, `[checks]`, `[[http_service.checks]]`), render.yaml healthCheckPath, App Engine liveness/readiness checks (a hosting platform target of its own: counted beside Kubernetes manifests too), Nomad `check` blocks; systemd units with a watchdog (`WatchdogSec` with `Type=notify`, or with a service that sends `WATCHDOG=1` through sd_notify); a unit that only starts compose is judged by the compose services it starts; development compose files (named or in a folder named dev/develop/local) beside a deployment one are not deployed units. Manifests in CI folders (.github/…) are test fixtures, not deployments. An image that starts no long-running process is not a unit: a development box (OS or language base, no CMD or ENTRYPOINT) and, outside the service profile, an image whose ENTRYPOINT/CMD runs the tool once (no EXPOSE, no server command). A development container's Dockerfile (.devcontainer/) makes nothing applicable. A reusable Terraform module with no image, manifest or unit of its own is not applicable (the workloads are its callers'). Terraform autoscaling groups that set their health check (`health_check_type`, `health_check_grace_period`; a variable followed to its value): ELB counts as a health check, EC2 (the default) as half, instance status only; such groups make a reusable module applicable.",
    patterns: {
      platform: {
        regex:
          /healthCheckPath|healthcheckPath|http_checks|^[ \t]*\[\[?(?:http_service\.|services\.)?(?:tcp_|http_)?checks\b|^[ \t]*(?:liveness|readiness)_check\s*:|^[ \t]*health_check:\s*$/m,
        files: [
          '**/fly.toml',
          '**/render.yaml',
          '**/app.yaml',
          '**/railway.json',
          '**/railway.toml',
          '**/spec.yaml',
          '.do/*.yaml',
        ],
        literals: ['ealth', 'check'],
        maxPerFile: 6,
      },
      // The keep-alive a watched service sends: sd_notify(3) "WATCHDOG=1", go-systemd's
      // SdNotifyWatchdog, the Rust sd-notify crate's NotifyState::Watchdog.
      watchdogPing: {
        regex: /WATCHDOG=1|\bSdNotifyWatchdog\b|\bNotifyState::Watchdog\b/,
        files: ['**/*.{c,cc,cpp,h,go,rs,java,kt,scala,py,rb,js,ts,mjs,cs,php,sh}'],
        literals: ['WATCHDOG=1', 'SdNotifyWatchdog', 'NotifyState::Watchdog'],
        maxPerFile: 1,
      },
    },
    reads: [...DEPLOY_READS, ...DOCKERFILE_GLOBS, ...EARTHFILE_GLOBS, ...SYSTEMD_GLOBS, ...BICEP_GLOBS],
    digests: [K8S_DIGEST, TF_DIGEST],
  },
  // What an example or a test runs is not what this repository runs. An image that starts no
  // long-running process (a CLI's ENTRYPOINT, a development box with no CMD) has nothing to check.
  appliesTo: (ctx) => {
    const profile = ctx.facts.profile.id;
    // A development container's Dockerfile runs no service: it makes nothing applicable.
    const toolImages = new Set(
      dockerfiles(ctx.files)
        .filter((f) => f.ok && !f.target && isToolImage(f))
        .map((f) => f.path),
    );
    // Nor does an image for local development or the tests (Dockerfile.dev, a test-run image).
    const images = dockerfilePaths(ctx.files).filter(
      (p) => isProductionPath(p) && !isDevContainer(p) && !toolImages.has(p),
    );
    let earthLongRunning = false;
    const oneShot = new Map(
      dockerfiles(ctx.files)
        .filter((f) => !f.target && images.includes(f.path))
        .flatMap((f) => {
          const why = oneShotImage(f, profile);
          return why ? [[f.path, why] as const] : [];
        }),
    );
    // Images an Earthfile target saves (one file, several targets): judged per target.
    for (const f of dockerfiles(ctx.files)) {
      if (!f.target || !isProductionPath(f.path)) continue;
      const why = oneShotImage(f, profile);
      if (why) oneShot.set(`${f.path} +${f.target.name}`, why);
      else earthLongRunning = true;
    }
    const longRunning = earthLongRunning || images.some((p) => !oneShot.has(p));
    // A reusable Terraform module creates what its callers ask for (a cluster, a node pool): the
    // workloads and their probes are deployed elsewhere, as its instance counts and limits are.
    // A module that itself declares a load balancer or service with a health check is judged on it.
    if (
      ctx.facts.reusable?.kind === 'terraform-module' &&
      resourcesOf(terraform(ctx.files), ...COMPUTE).some((r) => isProductionPath(r.path)) &&
      !resourcesOf(terraform(ctx.files), ...Object.keys(TF_CHECKS)).some((r) => isProductionPath(r.path)) &&
      checkedGroups(ctx.files, true).length === 0 &&
      !longRunning &&
      deployedWorkloads(ctx.files).length === 0 &&
      runtime(ctx.files).systemd.length === 0 &&
      deployments(ctx.files).compose.length === 0
    )
      return {
        reason: `${ctx.facts.reusable.reason}: health checks belong to the workloads its callers deploy on it (no image, manifest or unit here)`,
      };
    // Compose services set aside (a development runner, a one-shot job) make nothing applicable.
    const aside = new Set(composeWorkloads(ctx.files, ctx.facts.profile.id).aside.map((a) => a.service));
    const composeRuns = deployments(ctx.files).compose.filter((s) => !aside.has(s));
    if (
      longRunning ||
      deployedWorkloads(ctx.files).length > 0 ||
      runtime(ctx.files).systemd.length > 0 ||
      composeRuns.length > 0 ||
      resourcesOf(terraform(ctx.files), ...COMPUTE).some((r) => isProductionPath(r.path)) ||
      cdk(ctx.files).compute.length > 0
    )
      return true;
    // A service that nothing here runs (no image, manifest, compose service, unit, platform file or
    // infrastructure code) has no health check to judge, with the reason redundancy and
    // resource-limits give on the same facts (blind round 48: health-checks failed "no probes" while
    // both said "nothing here declares how the service runs").
    if (profile === 'service') {
      // Lambda functions (a SAM template, a Serverless Framework service) that the platform starts
      // per invocation keep no process running for a check to watch (blind round 50); nor do
      // Cloudflare Workers, run per request in isolates (blind round 51).
      const scoped = requestScopedOnly(runtime(ctx.files));
      if (
        scoped &&
        runtime(ctx.files).platforms.every(
          (p) => p.system === 'AWS SAM' || p.system === 'Serverless Framework' || p.system === 'Cloudflare Workers',
        )
      )
        return {
          reason: `the service runs on ${scoped.join(', ')}, which starts an instance per request or event: no long-running process to health-check`,
        };
      const why = nothingRunsTheService(ctx);
      return why === undefined ? true : { reason: why };
    }
    return {
      reason: `nothing here runs a long-lived process (profile ${profile}, no ${oneShot.size > 0 ? 'long-running image' : dockerfilePaths(ctx.files).some(isDevContainer) ? 'Dockerfile but a development container' : toolImages.size > 0 ? `Dockerfile but a development or test image (${[...toolImages][0]})` : dockerfilePaths(ctx.files).length > 0 ? 'Dockerfile outside example, test or documentation folders' : 'Dockerfile'}, manifests or compute in IaC)${oneShot.size > 0 ? `: ${[...oneShot.values()].slice(0, 2).join('; ')}` : ''}${aside.size > 0 ? `; ${composeWorkloads(ctx.files, ctx.facts.profile.id).aside[0]!.note}` : ''}`,
    };
  },
  check(ctx) {
    const findings: Evidence[] = [];
    const good: Evidence[] = [];
    let units = 0;
    let earned = 0;
    // Containers with one probe of the two: partly covered, not lacking health checks.
    let partly = 0;
    const model = k8s(ctx.files);
    for (const w of deployedWorkloads(ctx.files)) {
      if (w.oneOff || w.disabled || w.hook) continue;
      for (const c of w.containers.filter((c) => !c.init)) {
        // A Kustomize patch holds only what it changes: the probes it lacks are its base's.
        if (w.patch && !c.readinessProbe && !c.livenessProbe) continue;
        // A release's values that write no probes leave them to the chart's defaults, not visible here.
        if (c.chartDefaults?.probes && !c.readinessProbe && !c.livenessProbe) continue;
        units++;
        const has = [c.readinessProbe ? 'readiness' : '', c.livenessProbe ? 'liveness' : ''].filter(Boolean);
        earned += has.length / 2;
        const where = `${w.kind} ${w.name || '(templated)'} container ${c.name}`;
        const probes = ['readinessProbe', 'livenessProbe'] as const;
        // A probe the shared base chart renders by default (src/facts/base-charts.ts): said so.
        const base = (f: (typeof probes)[number]) =>
          /\(([\w.-]{1,100}) chart default\)$/.exec(probePath(c[f]) ?? '')?.[1];
        const supplied = probes.filter((f) => base(f) !== undefined);
        const from = supplied.length
          ? ` (${supplied.map((f) => f.replace('Probe', '')).join(' and ')} from the ${base(supplied[0]!)} chart's defaults: the values leave ${supplied.length === 2 ? 'them' : 'it'} unset)`
          : '';
        if (has.length === 2)
          good.push(containerEvidence(w, c, `${where}: readiness and liveness probes${from}`, probes));
        else {
          if (has.length === 1) partly++;
          findings.push(
            containerEvidence(
              w,
              c,
              has.length === 0
                ? `${where} has no readiness or liveness probe`
                : `${where} has a ${has[0]} probe but no ${has[0] === 'readiness' ? 'liveness' : 'readiness'} probe${from}`,
              probes,
            ),
          );
        }
      }
    }
    const k8sContainers = units;
    const d = deployments(ctx.files);
    // With Kubernetes manifests, compose files describe local development, not production.
    // A service built from a Dockerfile with a HEALTHCHECK inherits it (compose runs the image's check).
    const imageChecks = new Map(
      dockerfiles(ctx.files)
        .filter((f) => f.ok)
        .map((f) => [f.path, imageHealthcheck(f)]),
    );
    // A service running this project's published image inherits the HEALTHCHECK of the Dockerfile it is built from.
    const inheritedBy = new Set<string>();
    const runtimeImages = dockerfiles(ctx.files)
      .filter((f) => f.ok && isProductionPath(f.path) && !isToolImage(f))
      .map((f) => f.path);
    // One decision for health-checks, redundancy and resource-limits (deploy.ts composeWorkloads):
    // a one-shot job exits when done, nothing to probe; a service built from a development image
    // beside an image that ships is local development (round 14: djangopackages' dev services).
    const workloads = composeWorkloads(ctx.files, ctx.facts.profile.id);
    // Beside Kubernetes manifests, a compose file a deploy agent runs on a Docker host is still deployed.
    const hosted = hostedCompose(d);
    const aside = k8sContainers > 0 ? [] : workloads.aside;
    // Beside Kubernetes manifests, a self-hosting compose template (deploy.ts: it runs this project's
    // published image with a restart policy, `image: ghcr.io/owner/app:${VERSION:-release}`) is a
    // deployment path of its own, not local development: its services count, and compose runs the
    // image's HEALTHCHECK, which Kubernetes ignores (blind round 47: only the 3 Deployments were counted).
    const templates = new Set(
      d.production
        .filter((p) => !p.hosted && !p.local && p.reason.startsWith('self-hosting template'))
        .map((p) => p.path),
    );
    const selfHosted =
      k8sContainers > 0 ? workloads.units.filter((u) => !hosted.has(u.path) && templates.has(u.path)) : [];
    const deployedCompose = k8sContainers > 0 ? workloads.units.filter((u) => hosted.has(u.path)) : workloads.units;
    for (const s of [...deployedCompose, ...selfHosted]) {
      units++;
      const dockerfile = serviceDockerfile(ctx.files, s, runtimeImages);
      const inherited = dockerfile ? imageChecks.get(dockerfile) : undefined;
      if (inherited && !s.healthcheck && !s.healthcheckDisabled) inheritedBy.add(dockerfile!);
      if (s.healthcheck)
        earned++, good.push({ path: s.path, line: s.line, note: `compose service ${s.name} has a healthcheck` });
      else if (inherited && !s.healthcheckDisabled)
        earned++,
          good.push({
            path: dockerfile!,
            line: inherited.line,
            snippet: `HEALTHCHECK ${inherited.args}`.slice(0, 160),
            note: `compose service ${s.name} (${s.path}:${s.line}) runs this image's HEALTHCHECK`,
          });
      else
        findings.push({
          path: s.path,
          line: s.line,
          note: `compose service ${s.name} has no healthcheck${s.healthcheckDisabled ? ' (disabled)' : ''}`,
        });
    }
    // A packaged service: systemd restarts it when its watchdog pings stop (Type=notify + WatchdogSec).
    // WatchdogSec implies NotifyAccess=main: a Type=simple service that sends WATCHDOG=1 is watched too.
    const ping = ctx.matches('watchdogPing').find((m) => isProductionPath(m.path));
    const pinged: Evidence[] = [];
    for (const u of runtime(ctx.files).systemd) {
      units++;
      if (u.watchdog)
        earned++,
          good.push({
            path: u.path,
            line: u.watchdog,
            note: 'systemd unit: the watchdog restarts the service when it stops answering',
          });
      else if (u.watchdogSec && ping)
        earned++,
          good.push({
            path: u.path,
            line: u.watchdogSec,
            note: `systemd unit: WatchdogSec, and the service sends WATCHDOG=1 (${ping.path}:${ping.line}); systemd restarts it when the pings stop`,
          }),
          pinged.push(fromMatch(ping, 'sd_notify watchdog keep-alive the unit waits for'));
      else
        findings.push(
          u.watchdogSec
            ? {
                path: u.path,
                line: u.watchdogSec,
                note: 'systemd unit sets WatchdogSec, but the service is not Type=notify and nothing here sends WATCHDOG=1',
              }
            : systemdEvidence(u, 'systemd unit has no watchdog (Type=notify + WatchdogSec)'),
        );
    }
    for (const c of d.ecs) {
      units++;
      if (c.healthCheck)
        earned++,
          good.push({
            path: c.path,
            ...(c.line ? { line: c.line } : {}),
            note: `ECS container ${c.name} has a healthCheck`,
          });
      else
        findings.push({
          path: c.path,
          ...(c.line ? { line: c.line } : {}),
          note: `ECS container ${c.name} has no healthCheck`,
        });
    }
    // Signals without a per-unit denominator: each counts as a checked unit.
    const extra: Evidence[] = [];
    for (const df of dockerfiles(ctx.files).filter(
      (f) => f.ok && isProductionPath(f.path) && !isDevContainer(f.path),
    )) {
      const hc = imageHealthcheck(df);
      // Already counted for the compose service that runs the image.
      if (hc && !inheritedBy.has(df.path))
        extra.push({ path: df.path, line: hc.line, snippet: `HEALTHCHECK ${hc.args}`.slice(0, 160) });
    }
    // A health check in an example configuration shows callers how; it checks nothing that ships.
    const tfUnchecked: Evidence[] = [];
    for (const r of terraform(ctx.files).resources.filter((x) => isProductionPath(x.path))) {
      const t = r.labels[0] ?? '';
      const keys = TF_CHECKS[t];
      const nestedJson = keys ? JSON.stringify(r.blocks) : '';
      if (
        TF_CHECK_RESOURCES.includes(t) ||
        keys?.some(
          (key) =>
            r.blocks.some((b) => b.type === key) || r.attrs[key] !== undefined || nestedJson.includes(`"${key}"`),
        )
      )
        extra.push({ path: r.path, line: r.line, note: `${label(r)} defines a health check` });
      else if (TF_CHECK_REQUIRED.has(t))
        tfUnchecked.push({
          path: r.path,
          line: r.line,
          note: `${label(r)} has no ${t === 'azurerm_container_group' ? 'liveness or readiness probe' : 'health_check_path'}: nothing checks it`,
        });
      else if (
        t === 'aws_ecs_task_definition' &&
        JSON.stringify(r.attrs.container_definitions ?? '').includes('healthCheck')
      )
        extra.push({ path: r.path, line: r.line, note: `${label(r)} containers have a healthCheck` });
    }
    // An Azure Container App in Bicep checks its replicas with the `probes` of its container template
    // (blind round 49); without them only the platform's default TCP check of the ingress port runs.
    for (const app of bicepContainerApps(ctx.files)) {
      if (app.probes !== undefined)
        extra.push({ path: app.path, line: app.probes, note: `Azure Container App ${app.name} defines probes` });
      else
        tfUnchecked.push({
          path: app.path,
          line: app.line,
          note: `Azure Container App ${app.name} has no probes in its container template: only the platform's default TCP check of the ingress port, nothing checks the application answers`,
        });
    }
    // Autoscaling groups that set their health check: ELB replaces an instance that fails the load
    // balancer's check of the service; EC2 (the default) only one whose instance status fails — a
    // hung process on a running machine stays: half credit, said (blind round 35, a runner module's
    // ASGs with health_check_type EC2 and a grace period were "not applicable").
    let statusOnly = 0;
    if (k8sContainers === 0)
      for (const g of checkedGroups(ctx.files, ctx.facts.reusable?.kind === 'terraform-module')) {
        if (g.type === 'ELB') {
          extra.push({
            path: g.path,
            line: g.line,
            note: `${g.name} replaces instances that fail the load balancer's health check (health_check_type ELB${g.via ? `, from ${g.via}` : ''})`,
          });
          continue;
        }
        units++;
        earned += 0.5;
        statusOnly++;
        findings.push({
          path: g.path,
          line: g.line,
          note: `${g.name} checks instance status only (health_check_type ${g.type}${g.via ? `, from ${g.via}` : ''}): a failed machine is replaced, a hung process on a running one is not`,
        });
      }
    // Load-balanced targets and autoscaling groups an AWS CDK app declares: a `healthCheck` set on the
    // target group, the load-balanced service or the group counts; without one, a target group still
    // has the load balancer's default check (HTTP on /, or TCP) and a group the EC2 status check: half.
    if (k8sContainers === 0)
      for (const c of cdk(ctx.files).compute) {
        if (c.check) {
          extra.push({ path: c.path, line: c.line, note: `CDK ${c.what} sets a health check` });
          continue;
        }
        units++;
        earned += 0.5;
        statusOnly++;
        findings.push({
          path: c.path,
          line: c.line,
          note: `CDK ${c.what} sets no healthCheck: ${c.what === 'AutoScalingGroup' ? 'EC2 instance status only' : "the load balancer's default check only (HTTP on /, or a TCP connect)"}`,
        });
      }
    for (const n of d.nomad)
      for (const job of n.jobs)
        if (nested(job, 'check').length > 0)
          extra.push({
            path: n.path,
            line: nested(job, 'check')[0]!.line,
            note: `Nomad job ${job.labels[0] ?? ''} has service checks`,
          });
    // An empty list (`http_checks = []`, `script_checks = []`) declares no check: the first real one
    // per file is cited (blind round 28, fly.toml:15 cited while the check was [[services.tcp_checks]] :35).
    const platformChecks = new Map<string, Match>();
    for (const m of ctx.matches('platform'))
      if (!/=\s*\[\s*\]/.test(m.snippet) && !platformChecks.has(m.path)) platformChecks.set(m.path, m);
    const platform = [...platformChecks.values()].map((m) => fromMatch(m, 'platform health check'));
    const notes: Evidence[] = [
      ...[...model.notes, ...d.notes].slice(0, 5).map((n) => ({ path: n.path, note: n.note })),
      // postgres, redis, nginx pulled as public images are the deployment's dependencies: said, not judged.
      ...(k8sContainers === 0 ? composeDependencyNote(d, 'health checks are') : []),
      ...composeAsideNotes(aside),
    ];
    // Kubernetes ignores Dockerfile HEALTHCHECK, so with manifests the probes alone decide.
    if (k8sContainers === 0) {
      units += extra.length + tfUnchecked.length;
      earned += extra.length;
      good.push(...extra);
      findings.push(...tfUnchecked);
    }
    // A hosting platform's own checks (fly.toml `[[services.tcp_checks]]`, `[checks]`, render.yaml
    // healthCheckPath) guard a deployed target of their own, beside any Kubernetes manifest: each
    // counts (blind round 35, signalk-server: fly.toml checks dropped beside a probe-less Deployment).
    units += platform.length;
    earned += platform.length;
    good.push(...platform);
    // Compose set aside beside Kubernetes manifests: its healthchecks are still named, not silently dropped.
    const asideCompose: Evidence[] =
      k8sContainers > 0
        ? composeUnits(d)
            .filter((s) => s.healthcheck && !hosted.has(s.path))
            .map((s) => {
              const lines = ctx.files.lines(s.path);
              let i = -1;
              for (let n = s.line + 1; lines && n <= lines.count && i < 0; n++)
                if (/^\s+healthcheck\s*:/.test(lines.bare(n))) i = n - 1;
              return {
                path: s.path,
                line: i >= 0 ? i + 1 : s.line,
                note: `compose service ${s.name} has a healthcheck (not counted: with Kubernetes manifests the probes decide)`,
              };
            })
        : [];
    notes.push(...asideCompose.slice(0, 3));
    const composeNote = asideCompose.length
      ? ` Compose service${asideCompose.length === 1 ? '' : 's'} ${listing(asideCompose.map((e) => `${/compose service (\S+)/.exec(e.note!)![1]} (${e.path}:${e.line})`).slice(0, 3))} ${asideCompose.length === 1 ? 'has a healthcheck' : 'have healthchecks'} too, not counted: with Kubernetes manifests the probes decide.`
      : '';
    const jobNames = aside.filter((a) => a.kind === 'one-shot').map((a) => a.service.name);
    const jobNote = jobNames.length
      ? ` One-shot compose job${jobNames.length === 1 ? '' : 's'} ${listing(jobNames.slice(0, 3))} set aside: ${jobNames.length === 1 ? 'it runs' : 'they run'} to completion, nothing to probe.`
      : '';
    const offNote = k8sContainers > 0 ? offByDefaultNote(ctx.files, (w) => !w.oneOff) : '';
    const data = { checked: good.length, unchecked: findings.length, kubernetesContainers: k8sContainers };
    // A worker serving no HTTP whose liveness check script tests the heartbeat file it writes: the
    // check exists, only no probe here runs it (blind round 44: a Pub/Sub worker's find -mmin script).
    const worker = ctx.facts.opsOnlyHttp;
    const beat = units === 0 && worker && worker.routes.length === 0 ? heartbeatLiveness(ctx.files) : undefined;
    if (beat && !beat.wired)
      return partial(
        0.4,
        `No probe or HEALTHCHECK found, but the worker has a liveness check: ${beat.check.path}:${beat.check.line} tests the age of the heartbeat file ${beat.file} it writes (${beat.writer.path}:${beat.writer.line}). Missing: a HEALTHCHECK or exec liveness probe that runs it.`,
        [beat.check, beat.writer],
        { ...data, heartbeat: beat.file },
      );
    if (units === 0) {
      return fail(
        `No health checks: no probes, healthcheck, HEALTHCHECK or load-balancer check found.${composeAsideSentence(aside)}`,
        [
          ...dockerfiles(ctx.files)
            .filter(
              // A local-development or tool image (dev/local_setup/…, Dockerfile.dev) is no deployed unit.
              (f) =>
                f.ok &&
                isProductionPath(f.path) &&
                !isDevContainer(f.path) &&
                !isToolImage(f) &&
                !oneShotImage(f, ctx.facts.profile.id),
            )
            .slice(0, 5)
            .map((f) => ({
              path: f.path,
              line: f.stages[f.stages.length - 1]!.line,
              note: 'final stage has no HEALTHCHECK',
            })),
          {
            path: '.',
            note: `no Kubernetes workloads, compose services built here, ECS task definitions, Dockerfile HEALTHCHECK or IaC health checks in ${ctx.files.size} files`,
          },
          ...notes,
        ],
        data,
      );
    }
    const score = earned / units;
    const shown = [
      ...findings.slice(0, 20),
      ...(findings.length > 20 ? [{ path: '.', note: `and ${findings.length - 20} more` }] : []),
      ...good.slice(0, 5),
      ...pinged.slice(0, 1),
      ...notes,
    ];
    if (findings.length === 0)
      return pass(`Health checks found (${good.length}).${offNote}${composeNote}${jobNote}`, shown, data);
    return partial(
      score,
      `${[
        findings.length > partly + statusOnly &&
          `${findings.length - partly - statusOnly} of ${units} deployed units lack health checks`,
        statusOnly > 0 &&
          `${statusOnly} of ${units} deployed units ${statusOnly === 1 ? 'is an autoscaling group that checks' : 'are autoscaling groups that check'} instance status only (EC2 health checks, no load-balancer check)`,
        partly > 0 &&
          `${partly}${findings.length > partly ? '' : ` of ${units}`} deployed unit${partly === 1 ? ' has' : 's have'} only one of readiness and liveness probes`,
        good.length > 0 &&
          `${good.length} ${good.length === 1 ? 'has' : 'have'} ${findings.length > partly ? 'them' : 'full health checks'}`,
      ]
        .filter(Boolean)
        .join('; ')}.${offNote}${composeNote}${jobNote}`,
      shown,
      data,
    );
  },
});

/** An HTTP probe's path, when the probe is one. */
function probePath(probe: unknown): string | undefined {
  const get = probe && typeof probe === 'object' ? (probe as { httpGet?: { path?: unknown } }).httpGet : undefined;
  return typeof get?.path === 'string' ? get.path : undefined;
}

/**
 * Why nothing here runs the service, or undefined when something might: the runtime fact
 * resource-limits and redundancy read (notDeployedHere: no workloads, compose services built here,
 * ECS tasks, Nomad jobs, systemd units), and no platform file (whose own checks are judged), no
 * infrastructure code and no worker heartbeat check either. Called once no long-running image,
 * manifest or compute resource made the rule applicable.
 */
function nothingRunsTheService(ctx: RuleContext): string | undefined {
  const { files } = ctx;
  if (runtime(files).platforms.length > 0 || ctx.matches('platform').length > 0) return undefined;
  const d = deployments(files);
  if (d.ecs.length > 0 || d.nomad.length > 0) return undefined;
  if (
    terraform(files).resources.some((r) => isProductionPath(r.path)) ||
    iacApp(
      files,
      ctx.facts.workspaces.map((w) => w.path),
    ) !== undefined ||
    files.match(['**/*.bicep']).some(isProductionPath)
  )
    return undefined;
  if (ctx.facts.opsOnlyHttp && heartbeatLiveness(files)) return undefined;
  const why = notDeployedHere(files, ctx.facts.profile.id, 'health checks', 'probe');
  if (why === undefined) return undefined;
  const images = dockerfilePaths(files).filter(isProductionPath);
  return images.length === 0
    ? `${why}; no Dockerfile here builds the service's image either`
    : `${why}; the Dockerfiles here (${images.slice(0, 2).join(', ')}) build no long-running image that ships`;
}
