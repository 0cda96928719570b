/**
 * A reusable infrastructure package (issue 15, class 7): a Terraform module or a repository of
 * Helm charts is deployed by its callers, who choose the backend, the environments, the budget and
 * the runbooks. Rules that judge a deployment are not applicable to it, or judge it as a module
 * (a module rightly has no backend). The decision comes from what the files are, never from a
 * missing keyword:
 *
 * - Terraform module: configurations outside examples/ and tests/ declare variables or resources,
 *   and none of them is a root configuration — no backend or cloud block, no provider block that
 *   configures credentials or a region, no variable files (terraform.tfvars, prod.tfvars), and no
 *   Terragrunt configuration that deploys it (a root terragrunt.hcl/root.hcl with `remote_state` or
 *   `generate` blocks, units that `include` a parent or set `terraform { source = … }`, per-environment
 *   `extra_arguments` var files): Terragrunt generates the backend and provider a root needs.
 * - Helm charts: Chart.yaml files are what the repository ships, and nothing in it deploys them
 *   (no helmfile, Argo CD Application, Flux HelmRelease or per-environment values file, nor values that
 *   declare Argo CD applications for the argocd-apps chart to render: facts/gitops.ts).
 */
import type { Evidence, FileView, Match } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { dirOf, NOT_THE_PRODUCT } from './paths.js';
import { terraform, type TfBlock } from './terraform.js';
import { ansibleContent } from './ansible.js';
import { gitopsValuesApps } from './gitops.js';

export interface ReusablePackage {
  kind: 'terraform-module' | 'helm-charts' | 'ansible-content';
  /** helm-charts: the charts' directories ('' for a chart at the root). */
  charts?: string[];
  reason: string;
  evidence: Evidence[];
}

const DEPLOYS_CHARTS = [
  '**/helmfile.{yaml,yml}',
  '**/helmfile.d/**',
  '**/values-{prod,production,staging,stage}.{yaml,yml}',
];

/** GitOps objects that deploy charts from a repository (read in the one scan). */
export const GITOPS_PATTERN: ScanPattern = {
  key: 'facts:gitops',
  regex: /^kind:\s*["']?(?:Application|ApplicationSet|HelmRelease)["']?\s*$/m,
  files: ['**/*.{yaml,yml}'],
  literals: ['Application', 'HelmRelease'],
  maxPerFile: 1,
};

export function reusablePackage(files: FileView, gitops: Match[]): ReusablePackage | undefined {
  return terraformModule(files) ?? helmCharts(files, gitops) ?? ansiblePackage(files);
}

/**
 * An Ansible collection or role: published to Galaxy and applied by its users to their own hosts,
 * with their inventories. Playbooks that configure this project's hosts are a deployment, not a package.
 */
function ansiblePackage(files: FileView): ReusablePackage | undefined {
  const a = ansibleContent(files);
  if (!a || a.kind === 'playbooks') return undefined;
  return { kind: 'ansible-content', reason: a.reason, evidence: a.evidence };
}

function terraformModule(files: FileView): ReusablePackage | undefined {
  const tf = terraform(files);
  if (tf.files.length === 0) return undefined;
  const product = (p: string) => !NOT_THE_PRODUCT.test(p) && !/(^|\/)\.terraform\//.test(p);
  const productBlocks = tf.blocks.filter((b) => product(b.path));
  if (!productBlocks.some((b) => b.type === 'variable' || b.type === 'resource' || b.type === 'module'))
    return undefined;
  const roots = new Set<string>();
  for (const b of tf.backends) if (product(b.path)) roots.add(dirOf(b.path));
  for (const b of productBlocks) if (configuresProvider(b)) roots.add(dirOf(b.path));
  // Variable files (terraform.tfvars, prod.tfvars) set a deployment's values; modules ship none.
  for (const p of tf.tfvars) if (product(p)) roots.add(dirOf(p));
  if (roots.size > 0 || terragruntRoot(files, product)) return undefined;
  const variables = productBlocks.filter((b) => b.type === 'variable');
  const withDefaults = variables.filter((v) => 'default' in v.attrs).length;
  // Examples that call the module by a relative source show how callers use it.
  const callers = tf.modules.filter((m) => !product(m.path) && /^\.\.?\//.test(String(m.attrs.source ?? '')));
  const evidence: Evidence[] = [
    ...(variables[0]
      ? [
          {
            path: variables[0].path,
            line: variables[0].line,
            note: `${variables.length} input variable(s), ${withDefaults} with defaults callers can override`,
          },
        ]
      : []),
    ...callers.slice(0, 2).map((m) => ({
      path: m.path,
      line: m.line,
      snippet: `module "${m.labels[0] ?? ''}" { source = "${String(m.attrs.source)}" }`,
      note: 'an example calls the module',
    })),
  ];
  return {
    kind: 'terraform-module',
    reason: `a reusable Terraform module: no backend, provider configuration or tfvars outside examples/ and tests/${variables.length ? `; ${variables.length} input variables (${withDefaults} with defaults)` : ''}${callers.length ? `; ${callers.length} example caller(s)` : ''}`,
    evidence,
  };
}

/** Terragrunt's configuration files: units (terragrunt.hcl) and the root they include (root.hcl). */
export const TERRAGRUNT_FILES = ['**/terragrunt.hcl', '**/root.hcl', '**/terragrunt.stack.hcl'];

/** What makes a Terragrunt file deploy infrastructure, at the start of a line (bounded, no nesting). */
const TERRAGRUNT_DEPLOYS =
  /^[ \t]*(?:remote_state\s*\{|generate\s+"[^"\n]*"\s*\{|include(?:\s+"[^"\n]*")?\s*\{|unit\s+"[^"\n]*"\s*\{|source\s*=|extra_arguments\s+"[^"\n]*"\s*\{)/m;

/**
 * The first Terragrunt file outside examples/ and tests/ that deploys: a root with `remote_state` or
 * `generate "backend"`/`"provider"`, a unit that `include`s its parent (`find_in_parent_folders()`)
 * or points `terraform { source = … }` at a module, per-environment `extra_arguments` var files.
 * Terragrunt generates the backend and provider blocks at run time, so the .tf files alone look
 * like a module's.
 */
export function terragruntRoot(
  files: FileView,
  product: (p: string) => boolean = (p) => !NOT_THE_PRODUCT.test(p),
): { path: string; line: number } | undefined {
  let checked = 0;
  for (const p of files.match(TERRAGRUNT_FILES)) {
    if (!product(p) || /(^|\/)\.terragrunt-cache\//.test(p)) continue;
    if (++checked > 200) break;
    const text = (files.read(p) ?? '').slice(0, 200_000);
    const m = TERRAGRUNT_DEPLOYS.exec(text);
    if (m) return { path: p, line: text.slice(0, m.index).split('\n').length };
  }
  return undefined;
}

/** `provider "aws" { region = … }` configures a root; an empty or alias-only block does not. */
function configuresProvider(b: TfBlock): boolean {
  if (b.type !== 'provider') return false;
  const keys = Object.keys(b.attrs).filter((k) => k !== 'alias');
  return keys.length > 0 || b.blocks.length > 0;
}

function helmCharts(files: FileView, gitops: Match[]): ReusablePackage | undefined {
  const charts = files.match('**/Chart.yaml').filter((p) => !NOT_THE_PRODUCT.test(p));
  // Per-environment values or a helmfile under examples/ or docs/ show callers how to install a chart
  // (blind round 22: influxdata/helm-charts' examples/values-production.yaml): they deploy nothing.
  if (charts.length === 0 || files.match(DEPLOYS_CHARTS).some((p) => !NOT_THE_PRODUCT.test(p))) return undefined;
  // A chart deployed from this repository by GitOps is a deployment, not a package (a chart's own
  // templates may define such objects for its users: those do not count).
  if (gitops.some((m) => !NOT_THE_PRODUCT.test(m.path) && !/(^|\/)(templates|crds)\//.test(m.path))) return undefined;
  // So is one whose values declare Argo CD applications (the argocd-apps chart renders them).
  if (gitopsValuesApps(files).length > 0) return undefined;
  return {
    kind: 'helm-charts',
    charts: charts.map(dirOf),
    reason: `a repository of ${charts.length} Helm chart(s) that callers install; nothing here deploys them (no helmfile, Argo CD Application or applications in values, Flux HelmRelease or per-environment values)`,
    evidence: charts.slice(0, 3).map((p) => ({ path: p, note: 'Helm chart' })),
  };
}
