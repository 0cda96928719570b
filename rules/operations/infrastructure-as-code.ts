import { defineRule } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import type { Evidence } from '../../src/types.js';
import { fromMatch, isProductionPath, isTestPath } from '../../src/facts/paths.js';
import { SERVERLESS_GLOBS, SERVERLESS_SERVICE } from '../../src/facts/alongside.js';
import type { Digest } from '../../src/types.js';
import { ansibleContent } from '../../src/facts/ansible.js';
import { workerConfigs } from '../../src/facts/workers.js';
import { jsonnetKubernetes } from '../../src/facts/jsonnet.js';

/** IaC tools recognised by file name (and by content where the name is common in source trees). */
const BY_FILE: {
  tool: string;
  globs: string[];
  content?: (path: string, text: string) => boolean;
  /** A digest the scan takes of each file (alongside.ts): a file it says nothing of is left out, unread. */
  mentions?: Digest<unknown>;
}[] = [
  { tool: 'Bicep', globs: ['**/*.bicep'] },
  { tool: 'Pulumi', globs: ['**/Pulumi.yaml', '**/Pulumi.yml'] },
  { tool: 'AWS CDK', globs: ['**/cdk.json'] },
  {
    tool: 'Serverless Framework',
    globs: SERVERLESS_GLOBS,
    mentions: SERVERLESS_SERVICE,
  },
  {
    tool: 'Ansible',
    globs: ['**/ansible.cfg', '**/playbook*.yml', '**/playbook*.yaml', '**/playbooks/*.yml', '**/playbooks/*.yaml'],
  },
  { tool: 'Terragrunt', globs: ['**/terragrunt.hcl'] },
  // Talos Linux machine configuration: talhelper's talconfig.yaml, or the machine config itself
  // (`machine:` with `type: controlplane|worker`, often a template such as controlplane.yaml.j2).
  { tool: 'Talos', globs: ['**/talconfig.{yaml,yml}'] },
  {
    tool: 'Talos',
    globs: ['**/talos/**/*.{yaml,yml,j2,tmpl}'],
    content: (_p, text) =>
      /^machine:[ \t]*$/m.test(text) && /^[ \t]+type:[ \t]*["']?(?:controlplane|worker|init)\b/m.test(text),
  },
  // Helmfile: the releases of a cluster, declared (helmfile.yaml, helmfile.d/, a helmfile/ folder).
  {
    tool: 'Helmfile',
    globs: [
      '**/helmfile.{yaml,yml,yaml.gotmpl}',
      '**/helmfile.d/*.{yaml,yml,gotmpl}',
      '**/helmfile/*.{yaml,yml,gotmpl}',
    ],
    content: (_p, text) => /^releases:[ \t]*$/m.test(text),
  },
];

export default defineRule({
  meta: {
    id: 'infrastructure-as-code',
    title: 'Infrastructure is defined as code',
    failureTitle: 'No infrastructure as code found',
    description:
      'Infrastructure written as code can be reviewed, versioned, reproduced and rolled back; infrastructure built by hand in a console drifts and cannot be rebuilt after a disaster.',
    remediation:
      'Describe the infrastructure with Terraform/OpenTofu (with a remote state backend), Pulumi, CloudFormation/SAM/CDK, Bicep or Ansible, and keep it in the repository.',
    severity: 'high',
    effort: 'high',
    detection:
      'Terraform/OpenTofu `*.tf` (partial without a remote `backend` or `cloud` block, or a Terragrunt `remote_state`), Bicep, ARM templates (`deploymentTemplate` schema), Pulumi.yaml, CloudFormation/SAM templates (`AWSTemplateFormatVersion`, `AWS::` resource types), cdk.json, serverless.yml, Ansible playbooks, roles and collections (galaxy.yml, roles/*/tasks/main.yml, a role’s meta/main.yml galaxy_info), Crossplane resources, Flux Kustomizations and HelmReleases (a GitOps repository), Talos machine configuration (talconfig.yaml, `machine:` configs), Helmfile releases, Kubernetes resources in Jsonnet (a Tanka environment, or jsonnet-bundler `jsonnetfile.json` with Jsonnet declaring Kubernetes objects); a .NET Aspire AppHost that declares Azure resources (`AddAzure*`, `ConfigureInfrastructure`) is partial: azd generates and provisions the templates, none is committed. With none of these, Cloudflare Workers configs (wrangler.toml/json/jsonc with a `main`) that bind resources (KV, D1, R2, queues, containers) are partial: the Workers are deployed from config, the resources are not provisioned as code.',
    patterns: {
      tfResource: {
        regex: /^[ \t]*(resource|module)\s+"[^"]+"/m,
        files: ['**/*.tf'],
        literals: ['resource', 'module'],
        maxPerFile: 1,
      },
      tfBackend: {
        regex: /^[ \t]*(backend\s+"[^"]+"|cloud\s*\{)/m,
        files: ['**/*.tf'],
        literals: ['backend', 'cloud'],
        maxPerFile: 1,
      },
      // Terragrunt keeps the state: the root's `remote_state { backend = "s3" }` generates backend.tf.
      tgRemoteState: {
        regex: /^[ \t]*remote_state\s*\{/m,
        files: ['**/terragrunt.hcl', '**/root.hcl'],
        literals: ['remote_state'],
        maxPerFile: 1,
      },
      cloudFormation: {
        regex:
          /^(AWSTemplateFormatVersion\s*:|[ \t]+Type\s*:\s*['"]?AWS::[A-Za-z0-9]+::|Transform\s*:\s*['"]?AWS::Serverless)|"AWSTemplateFormatVersion"\s*:/m,
        files: ['**/*.{yml,yaml,json,template}'],
        literals: ['AWS'],
        maxPerFile: 1,
      },
      arm: {
        regex: /"\$schema"\s*:\s*"https:\/\/schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/,
        files: ['**/*.json'],
        literals: ['deploymentTemplate'],
        maxPerFile: 1,
      },
      // .NET Aspire with Azure.Provisioning: the AppHost declares Azure resources (`AddAzureSqlServer`,
      // `AddAzureAppServiceEnvironment(…).ConfigureInfrastructure(…)`) that `azd` provisions from
      // the Bicep it generates (blind round 13, SSW.CleanArchitecture tools/AppHost/AppHost.cs).
      // Only in an AppHost (DistributedApplication): `services.AddAzureClients` in an app is a client.
      aspireAzure: {
        regex: /\.(?:AddAzure\w+|ConfigureInfrastructure)\s*[<(]/,
        files: ['**/*.cs'],
        literals: ['AddAzure', 'ConfigureInfrastructure'],
        maxPerFile: 1,
      },
      aspireHost: {
        regex: /\bDistributedApplication\.CreateBuilder\b/,
        files: ['**/*.cs'],
        literals: ['DistributedApplication'],
        maxPerFile: 1,
      },
      // A Flux GitOps repository: the cluster's state declared as Kustomizations and HelmReleases
      // that Flux reconciles (blind round 31, a home-operations repository failed as having none).
      flux: {
        regex: /^apiVersion:[ \t]*["']?(?:kustomize|helm)\.toolkit\.fluxcd\.io\//m,
        files: ['**/*.{yml,yaml}'],
        literals: ['toolkit.fluxcd.io'],
        maxPerFile: 1,
      },
      crossplane: {
        regex: /^apiVersion:\s*\S*crossplane\.io\//m,
        files: ['**/*.{yml,yaml}'],
        literals: ['crossplane.io'],
        maxPerFile: 1,
      },
    },
  },
  appliesTo: ({ facts }) =>
    ['library', 'cli', 'docs'].includes(facts.profile.id)
      ? { reason: `a ${facts.profile.id} is not deployed as infrastructure of its own` }
      : true,
  check(ctx) {
    const evidence: Evidence[] = [];
    const tools: string[] = [];
    // The definition before its mentions: the module's own resources before the examples that call it.
    const tf = [...ctx.matches('tfResource')].sort(
      (a, b) => Number(isProductionPath(b.path)) - Number(isProductionPath(a.path)),
    );
    // `backend "local"` keeps the state in a file next to the configuration: no remote backend.
    const declared = [...ctx.matches('tfBackend'), ...ctx.matches('tgRemoteState')];
    const isLocal = (m: (typeof declared)[number]) => /^backend\s+"local"$/.test(m.groups[0] ?? '');
    const localBackend = declared.filter(isLocal);
    const backend = declared.filter((m) => !isLocal(m));
    if (tf.length > 0) {
      tools.push('Terraform');
      evidence.push(...tf.slice(0, 3).map((m) => fromMatch(m)));
    }
    for (const { tool, globs, content, mentions } of BY_FILE) {
      const hits = ctx.files
        .match(globs)
        .filter((p) => !mentions || Boolean(ctx.files.digest(p, mentions)))
        .filter((p) => !content || content(p, ctx.files.read(p) ?? ''));
      if (hits.length > 0 && !tools.includes(tool)) {
        tools.push(tool);
        evidence.push({ path: hits[0]!, note: `${tool}${hits.length > 1 ? ` (${hits.length} files)` : ''}` });
      }
    }
    for (const [key, tool] of [
      ['cloudFormation', 'CloudFormation/SAM'],
      ['arm', 'ARM templates'],
      ['crossplane', 'Crossplane'],
      ['flux', 'Flux (GitOps)'],
    ] as const) {
      const hits = ctx.matches(key);
      if (hits.length > 0) {
        tools.push(tool);
        evidence.push(fromMatch(hits[0]!));
      }
    }
    // Ansible content: a collection's or role's tasks, roles and playbooks (not only playbooks by name).
    const ansible = ansibleContent(ctx.files);
    if (ansible && !tools.includes('Ansible')) {
      tools.push('Ansible');
      evidence.push(...ansible.evidence.slice(0, 2));
    }
    const hosts = new Set(ctx.matches('aspireHost').map((m) => m.path));
    const aspire = ctx.matches('aspireAzure').filter((m) => hosts.has(m.path) && !isTestPath(m.path));
    if (aspire.length > 0) {
      tools.push('.NET Aspire Azure provisioning');
      evidence.push(
        fromMatch(aspire[0]!, 'the Aspire AppHost declares Azure resources (Azure.Provisioning), provisioned by azd'),
      );
    }
    // Kubernetes resources written in Jsonnet (Tanka, or jsonnet-bundler libraries), like a Helm chart.
    const jsonnet = jsonnetKubernetes(ctx.files);
    if (jsonnet) {
      tools.push(jsonnet.tool === 'Tanka' ? 'Tanka (Jsonnet)' : 'Jsonnet Kubernetes resources');
      evidence.push(jsonnet.evidence);
    }
    const reusable = ctx.facts.reusable;
    if (reusable?.kind === 'helm-charts' && tools.length === 0)
      return pass(`Kubernetes resources are defined as code: ${reusable.reason}.`, reusable.evidence, {
        tools: ['Helm'],
        reusable: reusable.kind,
      });
    // Cloudflare Workers configs bind the resources the Workers use (KV, D1, R2, queues, containers)
    // and wrangler deploys the Workers from them, but the resources themselves are created by hand
    // or by wrangler commands, not declared (blind round 46): partial, naming what is and is not there.
    const bound = workerConfigs(ctx.files).filter((w) => w.main && w.bindings.length > 0);
    if (tools.length === 0 && bound.length > 0) {
      const kinds = [...new Set(bound.flatMap((w) => w.bindings.map((b) => b.kind)))];
      return partial(
        0.5,
        `Cloudflare Workers configs declare the Workers and bind their resources (${kinds.join(', ')}) in ${bound.length} file${bound.length === 1 ? '' : 's'}, but nothing provisions those resources as code (no Terraform, Pulumi or other IaC): they are created by hand or by wrangler commands.`,
        bound.slice(0, 3).map((w) => ({
          path: w.path,
          line: w.bindings[0]!.line,
          note: `Workers config: ${w.bindings.map((b) => b.kind).join(', ')}`,
        })),
        { tools: ['Cloudflare Workers (wrangler)'] },
      );
    }
    if (tools.length === 0) {
      return fail('No infrastructure as code found.', [
        {
          path: '.',
          note: `no Terraform resources in ${ctx.searched('tfResource')} .tf files, no Bicep, ARM, Pulumi, CloudFormation, CDK, Serverless, Ansible, Crossplane, Flux, Talos, Helmfile or Kubernetes Jsonnet files in ${ctx.files.size} files`,
        },
      ]);
    }
    const data = { tools, terraformFiles: new Set(tf.map((m) => m.path)).size, remoteBackend: backend.length > 0 };
    // A module is judged as a module: state belongs to the root configurations that call it.
    if (reusable?.kind === 'terraform-module' && backend.length === 0)
      return pass(
        `Infrastructure as code: ${listing(tools)}, as ${reusable.reason}; a module rightly has no backend — its callers keep the state.`,
        [...evidence, ...reusable.evidence],
        { ...data, reusable: reusable.kind },
      );
    if (tools.length === 1 && tools[0] === 'Terraform' && backend.length === 0) {
      return partial(
        0.6,
        localBackend.length > 0
          ? 'Terraform found, but its state backend is local (backend "local"), not remote: state kept on a laptop is lost or overwritten.'
          : 'Terraform found, but no remote state backend: state kept on a laptop is lost or overwritten.',
        [
          ...evidence,
          localBackend.length > 0
            ? fromMatch(localBackend[0]!, 'backend "local": the state is a file beside the configuration, not remote')
            : { path: '.', note: `no \`backend "…"\` or \`cloud {}\` block in ${ctx.searched('tfBackend')} .tf files` },
        ],
        data,
      );
    }
    if (tools.length === 1 && aspire.length > 0)
      return partial(
        0.7,
        `Azure resources are declared in code by the .NET Aspire AppHost (${aspire[0]!.path}:${aspire[0]!.line}); the templates azd provisions are generated at deploy time, not kept in the repository for review.`,
        evidence,
        data,
      );
    if (backend.length > 0)
      evidence.push(
        fromMatch(
          backend[0]!,
          backend[0]!.path.endsWith('.hcl') ? 'remote state backend (Terragrunt remote_state)' : 'remote state backend',
        ),
      );
    return pass(`Infrastructure as code: ${listing(tools)}.`, evidence, data);
  },
});
