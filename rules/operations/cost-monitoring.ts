import { defineRule, type Evidence, type FileView, type Match } from '../../src/types.js';
import { fail, graded, listing, partial, pass } from '../../src/engine/results.js';
import { CI_GLOBS, ciFiles } from '../../src/facts/ci.js';
import { firstPerFile, fromMatch, isExampleOnlyFolder, isProductionPath } from '../../src/facts/paths.js';

const IAC = ['**/*.{tf,hcl,bicep}', '**/*.tf.json'];
const IAC_AND_CODE = [...IAC, '**/*.{yml,yaml,json,ts,py,go,cs,java}'];
const INFRACOST_FILES = ['**/infracost.yml', '**/infracost.yml.tmpl', '**/infracost-usage.yml', '**/.infracost/**'];

/**
 * Tags that allocate cost: a `default_tags` block that sets `tags = {}` (tf-lambda clears the
 * provider's default tags on S3 objects inside an override_provider) tags nothing (issue 15).
 */
function costTags(files: FileView, tags: Match[]): Match[] {
  return tags.filter((m) => {
    if (!/default_tags\s*\{/.test(m.snippet)) return true;
    const lines = files.lines(m.path)?.range(m.line + 1, m.line + 6) ?? [];
    const end = lines.findIndex((l) => /^\s*\}/.test(l));
    const block = lines.slice(0, end === -1 ? lines.length : end).join('\n');
    return !/^\s*tags\s*=\s*\{\s*\}/m.test(block);
  });
}

/**
 * What a reusable package does for cost allocation, said in its not-applicable reason: the callers'
 * tags its own code passes on to what it creates, and cost tags its examples/ set.
 */
function moduleCostNote(kind: string, passTags: Match[], tags: Match[]): string {
  const cite = (ms: Match[]) => listing([...new Set(ms.map((m) => `${m.path}:${m.line}`))].slice(0, 3));
  const passed = kind === 'terraform-module' ? passTags.filter((m) => isProductionPath(m.path)) : [];
  const shown = tags.filter((m) => isExampleOnlyFolder(m.path));
  const notes = [
    ...(passed.length > 0 ? [`it passes its callers' tags to the resources it creates (${cite(passed)})`] : []),
    ...(shown.length > 0 ? [`its examples/ set cost-allocation tags (${cite(shown)})`] : []),
  ];
  return notes.length > 0 ? `; ${notes.join(', and ')}` : '';
}

/** Matches of `key` outside generated Helm repository indexes (chart names, not installs). */
function notIndex(matches: (key: string) => Match[], key: string): Match[] {
  const index = new Set(matches('helmIndex').map((m) => m.path));
  return matches(key).filter((m) => !index.has(m.path));
}

export default defineRule({
  meta: {
    id: 'cost-monitoring',
    title: 'Cloud cost is watched',
    failureTitle: 'Cloud cost is not watched',
    description:
      'Budgets with alerts, cost estimates on infrastructure changes and cost-allocation tags turn a surprise invoice into an alert the owning team sees the same day.',
    remediation:
      'Declare budgets and anomaly alerts in IaC (`aws_budgets_budget`, `google_billing_budget`, `azurerm_consumption_budget_*`), tag every resource for cost allocation (AWS provider `default_tags`, Google `default_labels`), and run Infracost on pull requests; on Kubernetes, install Kubecost or OpenCost.',
    severity: 'low',
    effort: 'low',
    detection:
      'Terraform/CloudFormation/Bicep/CDK budgets and anomaly monitors (`aws_budgets_budget`, `aws_ce_anomaly_monitor`, `google_billing_budget`, `azurerm_consumption_budget_*`, `AWS::Budgets::Budget`, `Microsoft.Consumption/budgets`); cost-allocation tags (`default_tags`, `default_labels`, tag policies, cost-center tag keys); Infracost config or CI steps; Kubecost/OpenCost.',
    patterns: {
      budget: {
        regex:
          /\bresource\s+"(aws_budgets_budget|aws_budgets_budget_action|aws_ce_anomaly_monitor|aws_ce_anomaly_subscription|aws_cur_report_definition|google_billing_budget|azurerm_consumption_budget_\w+|azurerm_cost_anomaly_alert|oci_budget_budget)"|\b(AWS::Budgets::Budget|AWS::CE::AnomalyMonitor|Microsoft\.Consumption\/budgets|CfnBudget|budgets\.Budget|CfnAnomalyMonitor)\b/g,
        files: IAC_AND_CODE,
        literals: ['budget', 'Budget', 'anomaly', 'Anomaly', 'cur_report'],
        maxPerFile: 2,
      },
      // `Tags.of(scope)`: the scope holds no `(` (one that did never matched: its first `)` is
      // not followed by `.add(`), so many unclosed `Tags.of(` cost linear time.
      tags: {
        regex:
          /^[ \t]*(default_tags\s*\{|default_labels\s*=|defaultTags\s*:)|\bTags\.of\([^()]*\)\.add\(|\bTAG_POLICY\b|\baws_ce_cost_allocation_tag\b|^[ \t]*["']?(?:cost[-_]?cent(?:er|re)|CostCenter|cost[-_]?allocation)["']?\s*[:=]/gim,
        files: IAC_AND_CODE,
        literals: [
          'default_tags',
          'default_labels',
          'defaulttags',
          'tags.of(',
          'tag_policy',
          'cost_allocation',
          'cost',
        ],
        ignoreCase: true,
        maxPerFile: 1,
      },
      // A module that passes its callers' tags on to what it creates (`tags = var.tags`,
      // `tags = merge(var.tags, …)`, `labels = local.labels`, `tags = module.this.tags`): on a
      // reusable module, that is the cost-allocation practice (blind round 32).
      passTags: {
        regex:
          /^[ \t]*(?:tags|labels|tags_all)\s*=\s*(?:merge\s*\(\s*)?(?:var|local|module\.[\w-]+)\.\w*(?:tags|labels)\b/im,
        files: ['**/*.{tf,tf.json}'],
        literals: ['tags', 'labels'],
        ignoreCase: true,
        maxPerFile: 3,
      },
      kubecost: {
        regex: /\b(kubecost|cost-analyzer|opencost)\b/g,
        files: ['**/*.{yml,yaml,tf,json}', '**/Chart.yaml'],
        literals: ['kubecost', 'cost-analyzer', 'opencost'],
        maxPerFile: 1,
      },
      // A Helm chart repository index (`helm repo index`): generated, it lists the names of the
      // charts published here, so a chart named for Kubecost in it installs nothing.
      helmIndex: {
        regex: /^entries:[ \t]*$/m,
        files: ['**/index.yaml'],
        literals: ['entries:'],
        maxPerFile: 1,
      },
    },
    reads: CI_GLOBS,
  },
  // A module is judged as a module, as for redundancy, environments and deployment: budgets or cost
  // tags it defines itself count; otherwise cost is its callers' to watch. Its examples/ are callers
  // (default_tags there made the rule apply and then fail on the module, blind round 32); what the
  // module does for cost allocation — passing callers' tags on — and what its examples show are said.
  appliesTo: ({ facts, matches, files }) =>
    facts.reusable &&
    // A Kubecost chart (or an exporter for it) in a package of charts is shipped for callers to install.
    notIndex(matches, 'budget').filter((m) => isProductionPath(m.path)).length === 0 &&
    costTags(
      files,
      matches('tags').filter((m) => isProductionPath(m.path)),
    ).length === 0
      ? {
          reason: `${facts.reusable.reason}: cost is watched where its callers deploy it${moduleCostNote(facts.reusable.kind, matches('passTags'), costTags(files, matches('tags')))}`,
        }
      : facts.profile.id === 'infrastructure'
        ? true
        : { reason: `profile is ${facts.profile.id}: cost monitoring is judged on infrastructure repositories` },
  check(ctx) {
    const prod = (ms: Match[]) => ms.filter((m) => isProductionPath(m.path));
    const budgets = prod(notIndex(ctx.matches, 'budget'));
    const tags = costTags(ctx.files, prod(ctx.matches('tags')));
    const kubecost = ctx.facts.reusable ? [] : prod(notIndex(ctx.matches, 'kubecost'));
    const infracostFiles = ctx.files.match(INFRACOST_FILES);
    const infracostCi = ciFiles(ctx.files)
      .flatMap((f) => (f.ok ? f.commands.filter((c) => /\binfracost\b/i.test(c.text)) : []))
      // The command that runs the estimate says more than the action that installs the tool.
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'run' ? -1 : 1));
    const watched = budgets.length > 0 || kubecost.length > 0;
    const estimated = infracostFiles.length > 0 || infracostCi.length > 0;
    const g = graded([
      { name: 'budgets or cost alerts', found: watched, weight: 2 },
      { name: 'cost estimates on changes (Infracost)', found: estimated, weight: 1 },
      { name: 'cost-allocation tags', found: tags.length > 0, weight: 1 },
    ]);
    const evidence: Evidence[] = [
      ...firstPerFile(budgets, 3).map((m) => fromMatch(m, 'budget / cost alert')),
      ...firstPerFile(kubecost, 1).map((m) => fromMatch(m, 'Kubernetes cost monitoring')),
      ...infracostFiles.slice(0, 1).map((p): Evidence => ({ path: p, note: 'Infracost configuration' })),
      ...infracostCi
        .slice(0, 1)
        .map((c): Evidence => ({ path: c.path, line: c.line, snippet: c.text.slice(0, 160), note: 'Infracost in CI' })),
      ...firstPerFile(tags, 2).map((m) => fromMatch(m, 'cost-allocation tags')),
    ];
    const data = {
      budgets: budgets.length,
      kubecost: kubecost.length > 0,
      infracost: estimated,
      allocationTags: tags.length > 0,
    };
    if (watched && g.missing.length < 2) return pass(`Cost is watched: ${listing(g.found)}.`, evidence, data);
    if (g.found.length === 0) {
      return fail(
        'No cost monitoring found.',
        [
          {
            path: '.',
            note: `no budget or anomaly alert in ${ctx.searched('budget')} IaC/config files, no default_tags/default_labels or cost tags, no Infracost config or CI step, no Kubecost/OpenCost`,
          },
        ],
        data,
      );
    }
    return partial(
      g.score,
      `${listing(g.found)} found; ${g.missing.map((m) => `no ${m}`).join(', ')}.`,
      evidence,
      data,
    );
  },
});
