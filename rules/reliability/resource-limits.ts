import { defineRule } from '../../src/types.js';
import { SERVERLESS_SERVICE } from '../../src/facts/alongside.js';
import { BICEP_GLOBS, type BicepSetting, bicepContainerApps } from '../../src/facts/bicep-apps.js';
import type { Evidence } from '../../src/types.js';
import { listing, partial, pass, unknown } from '../../src/engine/results.js';
import {
  composeAsideNotes,
  composeDependencyNote,
  composeWorkloads,
  hostedCompose,
  deployments,
  DEPLOY_READS,
  nested,
} from '../../src/facts/deploy.js';
import { containerEvidence, k8s, K8S_DIGEST, objectsOfKind } from '../../src/facts/k8s.js';
import { isProductionPath } from '../../src/facts/paths.js';

/** The container field whose chart default resource-limits cites. */
const RESOURCES = ['resources'] as const;
import {
  cloudRunServices,
  deployedWorkloads,
  runtime,
  SYSTEMD_GLOBS,
  systemdEvidence,
  notDeployedHere,
  offByDefaultNote,
} from '../../src/facts/runtime.js';
import { DO_APP_GLOBS } from '../../src/facts/do-app.js';
import { mergePatches } from '../_shared/kustomize-patches.js';
import type { NotApplicable, RuleContext } from '../../src/types.js';
import { label, resourcesOf, terraform, TF_DIGEST, type TfBlock } from '../../src/facts/terraform.js';

export default defineRule({
  meta: {
    id: 'resource-limits',
    title: 'Workloads declare resource requests and limits',
    failureTitle: 'Workloads run without resource requests or limits',
    description:
      'Without requests the scheduler packs pods blindly; without limits one leaking container starves its neighbours or the node. Declared resources make capacity planning and autoscaling possible.',
    remediation:
      'Set `resources.requests` (cpu, memory) and `resources.limits` (at least memory) on every Kubernetes container, or a LimitRange per namespace; `deploy.resources.limits` in compose; cpu/memory on ECS task definitions; a `resources` block on Nomad tasks.',
    severity: 'medium',
    effort: 'low',
    detection:
      'Kubernetes containers (plain, multi-document, JSON, OpenShift Templates, Helm templates with values.yaml, and the `resources` of NAIS Applications): a finding per container without requests or limits, with file:line (a Kustomize patch is merged onto its base: the base is judged, with the requests and limits its patches add); the workloads of a Pulumi program (`limits`/`requests` or `resources` keys of its object literals), beside which a compose file is local development; LimitRange objects; compose `deploy.resources`/`mem_limit`/`cpus`; ECS task definitions (JSON or Terraform) cpu/memory; Nomad task `resources`; systemd units (`MemoryMax`, `CPUQuota`); Azure Container Apps in Bicep (`resources: { cpu, memory }` of the template; without them the platform default size, half credit). Not applicable when nothing here declares units (a PaaS such as Heroku sizes the service itself; the reason says which), and for a reusable Terraform module (its inputs are the caller’s); a repository of Helm charts that nothing here deploys is judged on its values.yaml defaults, as health-checks judges its probes.',
    reads: [...DEPLOY_READS, ...SYSTEMD_GLOBS, ...DO_APP_GLOBS, ...BICEP_GLOBS],
    digests: [K8S_DIGEST, TF_DIGEST],
  },
  // A reusable Terraform module's inputs are its callers' choice; a chart package is judged on the
  // defaults of its values.yaml, as health-checks judges its probes (a chart ships its workloads).
  appliesTo: (ctx) =>
    ctx.facts.reusable?.kind === 'terraform-module'
      ? {
          reason: `${ctx.facts.reusable.reason}: requests and limits are set where it is deployed (module inputs are the caller’s choice)`,
        }
      : runsHere(ctx),
  check(ctx) {
    const findings: Evidence[] = [];
    const good: Evidence[] = [];
    let units = 0;
    let earned = 0;
    const model = k8s(ctx.files);
    const limitRanges = objectsOfKind(model, 'LimitRange');
    // A Kustomize patch is merged onto its base: the base is judged, with what its patches add.
    const { units: judged, patchesOf } = mergePatches(deployedWorkloads(ctx.files));
    for (const w of judged) {
      if (w.disabled || w.hook) continue;
      for (const c of w.containers.filter((c) => !c.init)) {
        // A release's values that size nothing leave it to the chart's defaults, not visible here.
        if (c.chartDefaults?.resources && !c.resources.requests && !c.resources.limits) continue;
        units++;
        const patched = (patchesOf.get(w) ?? []).flatMap((p) => p.containers.filter((pc) => pc.name === c.name));
        const requests = c.resources.requests ?? patched.find((pc) => pc.resources.requests)?.resources.requests;
        const limits = c.resources.limits ?? patched.find((pc) => pc.resources.limits)?.resources.limits;
        const where = `${w.kind} ${w.name || '(templated)'} container ${c.name}`;
        // Sized in one environment's values only (values.preview.yaml): half the credit, said so.
        if (requests && limits && c.resourcesOnlyIn)
          (earned += 0.5),
            findings.push(
              containerEvidence(
                w,
                c,
                `${where}: requests and limits set only in ${c.resourcesOnlyIn.path}, not in ${listing(c.resourcesOnlyIn.without.slice(0, 3))}${c.resourcesOnlyIn.without.length > 3 ? ', …' : ''}`,
                RESOURCES,
              ),
            );
        else if (requests && limits)
          earned++, good.push(containerEvidence(w, c, `${where}: requests and limits`, RESOURCES));
        else {
          earned += requests || limits ? 0.5 : limitRanges.length > 0 ? 0.5 : 0;
          findings.push(
            containerEvidence(
              w,
              c,
              requests
                ? `${where} has requests but no limits`
                : limits
                  ? `${where} has limits (${Object.keys(limits).join(', ')}) but no requests`
                  : `${where} has no resource requests or limits`,
              RESOURCES,
            ),
          );
        }
      }
    }
    const d = deployments(ctx.files);
    // Compose next to Kubernetes manifests is for local development; third-party images are not ours to size.
    const composeJudged = units === 0;
    // One-shot jobs and development services are set aside as health-checks and redundancy do.
    const workloads = composeWorkloads(ctx.files, ctx.facts.profile.id);
    // Beside Kubernetes manifests, a compose file a deploy agent runs on a Docker host is still deployed.
    const hosted = hostedCompose(d);
    for (const s of units > 0 ? workloads.units.filter((u) => hosted.has(u.path)) : workloads.units) {
      units++;
      if (s.limits)
        earned++, good.push({ path: s.path, line: s.line, note: `compose service ${s.name} has resource limits` });
      else findings.push({ path: s.path, line: s.line, note: `compose service ${s.name} has no resource limits` });
    }
    for (const c of d.ecs) {
      units++;
      if (c.memory)
        earned++,
          good.push({
            path: c.path,
            ...(c.line ? { line: c.line } : {}),
            note: `ECS container ${c.name} declares memory`,
          });
      else
        findings.push({
          path: c.path,
          ...(c.line ? { line: c.line } : {}),
          note: `ECS container ${c.name} declares no memory`,
        });
    }
    for (const r of resourcesOf(terraform(ctx.files), 'aws_ecs_task_definition')) {
      units++;
      if (r.attrs.memory !== undefined || JSON.stringify(r.attrs.container_definitions ?? '').includes('memory'))
        earned++, good.push({ path: r.path, line: r.line, note: `${label(r)} declares cpu/memory` });
      else findings.push({ path: r.path, line: r.line, note: `${label(r)} declares no memory` });
    }
    // Cloud Run caps a container at its defaults (1 vCPU, 512 MiB) when nothing is set: half credit.
    for (const r of cloudRunServices(ctx.files)) {
      const containers = cloudRunContainers(r);
      for (const c of containers.length > 0 ? containers : [r]) {
        units++;
        const name = c === r ? label(r) : `${label(r)} container ${String(c.attrs.name ?? '') || '(unnamed)'}`;
        if (c.blocks.some((b) => b.type === 'resources' && b.attrs.limits !== undefined))
          earned++, good.push({ path: r.path, line: c.line, note: `Cloud Run ${name} sets resources.limits` });
        else
          (earned += 0.5),
            findings.push({
              path: r.path,
              line: c.line,
              note: `Cloud Run ${name} sets no resources.limits (the platform default applies: 1 vCPU, 512 MiB)`,
            });
      }
    }
    for (const n of d.nomad) {
      for (const job of n.jobs) {
        for (const task of nested(job, 'task')) {
          units++;
          if (task.blocks.some((b) => b.type === 'resources'))
            earned++,
              good.push({ path: n.path, line: task.line, note: `Nomad task ${task.labels[0] ?? ''} has resources` });
          else
            findings.push({
              path: n.path,
              line: task.line,
              note: `Nomad task ${task.labels[0] ?? ''} has no resources block`,
            });
        }
      }
    }
    // A unit a package installs: systemd cgroup limits (MemoryMax, CPUQuota) size it.
    for (const u of runtime(ctx.files).systemd) {
      units++;
      if (u.limits.length > 0)
        earned++, good.push({ path: u.path, line: u.limits[0]!, note: 'systemd unit sets cgroup limits' });
      else findings.push(systemdEvidence(u, 'systemd unit sets no MemoryMax/CPUQuota'));
    }
    // An Azure Container App in Bicep sizes each replica with `resources: { cpu, memory }` (blind
    // round 49: N/A "the platform sets resource requests and limits" beside cpu 0.5 / memory 1.0Gi).
    for (const app of bicepContainerApps(ctx.files)) {
      units++;
      const where = `Azure Container App ${app.name}`;
      const shown = (s: BicepSetting) => `${s.value ?? s.text}${s.via ? ` (${s.via} default)` : ''}`;
      if (app.cpu && app.memory)
        earned++,
          good.push({
            path: app.path,
            line: app.cpu.line,
            note: `${where} sets resources cpu ${shown(app.cpu)}, memory ${shown(app.memory)}`,
          });
      else
        (earned += 0.5),
          findings.push({
            path: app.path,
            line: app.line,
            note: `${where} sets ${app.cpu ? 'cpu but no memory' : app.memory ? 'memory but no cpu' : 'no resources (cpu, memory)'}: the platform default size applies (0.5 vCPU, 1Gi)`,
          });
    }
    // Only where nothing else declares units: beside manifests or compose the platform file is not judged twice.
    for (const f of units > 0 ? [] : sizedPlatformFiles(ctx)) {
      units++;
      const sized = f.sizedBy ? f.sizedBy() : f.sized(ctx.files.read(f.path) ?? '');
      if (sized)
        earned++,
          good.push({ path: f.path, line: sized.line, snippet: sized.text, note: `${f.system}: ${f.declares}` });
      else
        findings.push({
          path: f.path,
          line: 1,
          note: `${f.system}: no ${f.missing} in ${f.path}, so the platform's default size applies (set it here to size the service)`,
        });
    }
    const notes = [
      ...[...model.notes, ...d.notes].slice(0, 5).map((x) => ({ path: x.path, note: x.note })),
      // postgres, redis, nginx pulled as public images are the deployment's dependencies: said, not judged.
      ...(composeJudged ? composeDependencyNote(d, 'resource limits are') : []),
      ...(composeJudged ? composeAsideNotes(workloads.aside) : []),
    ];
    const lr = limitRanges
      .slice(0, 2)
      .map((o) => ({ path: o.path, line: o.line, note: `LimitRange ${o.name} sets namespace defaults` }));
    const data = { units, withLimits: good.length, without: findings.length, limitRanges: limitRanges.length };
    if (units === 0)
      return unknown(
        'Orchestration files were found, but no workload in them could be assessed (hooks, disabled or unparseable).',
        [{ path: '.', note: 'no assessable workloads' }, ...notes],
        data,
      );
    if (findings.length === 0)
      return pass(
        `Resource requests and limits are declared for all ${units} workload${units === 1 ? '' : 's'}.${offByDefaultNote(ctx.files)}`,
        [...good.slice(0, 8), ...lr, ...notes],
        data,
      );
    const shown = [
      ...findings.slice(0, 20),
      ...(findings.length > 20 ? [{ path: '.', note: `and ${findings.length - 20} more` }] : []),
      ...lr,
      ...good.slice(0, 3),
      ...notes,
    ];
    return partial(
      units === 0 ? 0 : earned / units,
      `${good.length ? `${good.length} of ${units} workloads declare requests and limits; ` : ''}${findings.length} of ${units} lack complete resource requests/limits${limitRanges.length > 0 ? ' (a LimitRange supplies defaults)' : ''}.${offByDefaultNote(ctx.files)}`,
      shown,
      data,
    );
  },
});

/** Units that can declare limits exist here (the same runtime fact redundancy reads). */
function runsHere(ctx: RuleContext): true | NotApplicable {
  const why = notDeployedHere(ctx.files, ctx.facts.profile.id, 'resource requests and limits', 'size');
  // A platform whose file sizes the machine (fly.toml `[[vm]]`, render.yaml `plan:`) is judged on it.
  return why === undefined || sizedPlatformFiles(ctx).length > 0 || bicepContainerApps(ctx.files).length > 0
    ? true
    : { reason: why };
}

/** The containers of a Cloud Run service: `template.containers` (v2) or `template.spec.containers` (v1). */
function cloudRunContainers(r: TfBlock): TfBlock[] {
  const template = r.blocks.filter((b) => b.type === 'template');
  return template.flatMap((t) => [
    ...t.blocks.filter((b) => b.type === 'containers'),
    ...t.blocks.filter((b) => b.type === 'spec').flatMap((s) => s.blocks.filter((b) => b.type === 'containers')),
  ]);
}

/** A line of a platform file that sizes the machine, or undefined. */
function lineMatching(text: string, re: RegExp): { line: number; text: string } | undefined {
  const m = re.exec(text.length > 200_000 ? text.slice(0, 200_000) : text);
  if (!m) return undefined;
  let line = 1;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
  return { line, text: m[0].trim().slice(0, 120) };
}

/**
 * Platform files that can declare the machine's size, for a service this repository deploys there:
 * Fly.io `[[vm]]`/`[vm]` (size, memory, cpus) or the older top-level `vm_size`/`memory`, and Render
 * `plan:` per service. Without them the platform's default size applies, set by no one (blind
 * round 28: fly.toml without `[[vm]]` was called "the platform sets limits", not applicable).
 */
function sizedPlatformFiles(ctx: RuleContext): {
  path: string;
  system: string;
  declares: string;
  missing: string;
  sized: (text: string) => { line: number; text: string } | undefined;
  /** The line, from a digest the scan took of the file (alongside.ts): the file is not read again. */
  sizedBy?: () => { line: number; text: string } | undefined;
}[] {
  const platforms = runtime(ctx.files).platforms.filter((p) => isProductionPath(p.path));
  return platforms.flatMap((p) =>
    p.system === 'Fly.io' && /(?:^|\/)fly\.toml$/.test(p.path)
      ? [
          {
            path: p.path,
            system: 'Fly.io',
            declares: 'the machine size is declared',
            missing: '[[vm]] size, memory or cpus',
            sized: (text: string) =>
              lineMatching(
                text,
                /^[ \t]*\[\[?vm\]\]?[ \t]*$|^[ \t]*(?:vm_size|memory_mb|memory|cpus|cpu_kind|size)[ \t]*=.*$/m,
              ),
          },
        ]
      : p.system === 'Render' && /(?:^|\/)render\.yaml$/.test(p.path)
        ? [
            {
              path: p.path,
              system: 'Render',
              declares: 'the instance plan is declared',
              missing: 'plan:',
              sized: (text: string) => lineMatching(text, /^[ \t]*plan[ \t]*:[ \t]*\S.*$/m),
            },
          ]
        : p.system === 'DigitalOcean App Platform'
          ? [
              {
                path: p.path,
                system: 'DigitalOcean App Platform',
                declares: 'the instance size is declared',
                missing: 'instance_size_slug',
                sized: (text: string) => lineMatching(text, /^[ \t]*(?:-[ \t]+)?instance_size_slug[ \t]*:[ \t]*\S.*$/m),
              },
            ]
          : p.system === 'AWS SAM' || p.system === 'Serverless Framework'
            ? [
                {
                  path: p.path,
                  system: p.system,
                  declares: "the functions' memory size is declared",
                  missing: p.system === 'AWS SAM' ? 'MemorySize' : 'memorySize',
                  sized: (text: string) =>
                    lineMatching(
                      text,
                      p.system === 'AWS SAM'
                        ? /^[ \t]*"?MemorySize"?[ \t]*:[ \t]*\S.*$/m
                        : /^[ \t]*memorySize[ \t]*:[ \t]*\S.*$/m,
                    ),
                  sizedBy:
                    p.system === 'Serverless Framework'
                      ? () => ctx.files.digest(p.path, SERVERLESS_SERVICE)?.memory
                      : undefined,
                },
              ]
            : [],
  );
}
