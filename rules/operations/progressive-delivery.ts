import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { CI_GLOBS, ciFiles } from '../../src/facts/ci.js';
import { firstPerFile, fromMatch, isCommentLine, isProductionPath } from '../../src/facts/paths.js';
import { dependencyEvidence, setAside } from '../../src/facts/dependencies.js';
import { k8s, K8S_DIGEST, type K8sModel } from '../../src/facts/k8s.js';

const MANIFESTS = ['**/*.{yml,yaml,json,tf,tpl}', '**/*.{yml,yaml}.{j2,jinja,jinja2,tmpl}'];
const SOURCES = ['**/*.{js,jsx,ts,tsx,mjs,cjs,py,go,java,kt,cs,rb,php,rs}'];
/**
 * Commands that shift traffic between versions or swap slots: staged releases run from a pipeline,
 * also a deploy stage that sets an NGINX ingress canary's weight (`kubectl annotate ingress/x
 * nginx.ingress.kubernetes.io/canary-weight=10`, blind round 33).
 */
const TRAFFIC_CMD =
  /\bgcloud\s+run\s+(?:deploy\s+[^\n]*--no-traffic|services\s+update-traffic)|\baz\s+webapp\s+deployment\s+slot\s+swap|\baz\s+containerapp\s+ingress\s+traffic\s+set|\baws\s+deploy\s+create-deployment|\bkubectl\s+argo\s+rollouts\s+promote|AzureAppServiceManage@\d|\bflagger\b|nginx\.ingress\.kubernetes\.io\/canary-weight["']?\s*[=:]/;

/**
 * A flag SDK's name as a whole word of the imported path (`@unleash/proxy-client`,
 * `io.getunleash.Unleash`, `LaunchDarkly.Sdk`): a file name that contains one
 * (`Definitions/unleashthecartoons.yml`) is not an SDK (issue 15), nor is a package named with
 * the word and another (`launchdarkly_sdk_transport`, `unleash_types`: blind round 31) unless
 * that word is an SDK's (`launchdarkly_server_sdk`, `unleash-client`, `unleash-api-client`). Run
 * on the matched line only.
 */
const SDK_WORD =
  /(?<![a-z0-9])(?:get)?(?:launchdarkly|ldclient|unleash|flagsmith|openfeature|open-feature|growthbook|configcat|splitio|statsig|flipper|waffle|featuremanagement|ff4j|togglz|go-feature-flag|@vercel\/flags)(?:client|sdk)?(?:[-_](?:client|server|sdk|node|js|react|proxy|go|java|python|ruby|php|dotnet|api[-_]client))*(?![a-z0-9])(?![-_][a-z])|\bAddFeatureManagement\s*\(|@FeatureGate\b|\bRollout\.new\(|\brollout\.active\?\(|\bFlipper(?:\.enabled\?|\[)/i;

/**
 * The part of an import line that names a package: in Rust the crate is the first segment of a
 * `use` path (`use unleash_edge_http_client::UnleashClient` imports a workspace crate's own type,
 * not an SDK: blind round 31); elsewhere the whole line.
 */
function sdkPart(path: string, snippet: string): string {
  // A quoted name at the start of a line is a Go import-block entry; elsewhere it is a string
  // (a Rust `match` arm `"unleash" => {`), not an import.
  if (!path.endsWith('.go') && /^[ \t]*(?:\w+[ \t]+)?"/.test(snippet)) return '';
  if (!path.endsWith('.rs')) return snippet;
  return /^[ \t]*(?:pub(?:\([^)\n]{0,40}\))?[ \t]+)?use[ \t]+(?:::)?([A-Za-z0-9_]+)/.exec(snippet)?.[1] ?? snippet;
}

/** Source files named for feature flags or toggles (`utils/featureflags.py`, `src/feature-toggles/rollout.ts`). */
const FLAG_MODULES = [
  '**/*{flag,Flag,toggle,Toggle}*.{py,js,mjs,cjs,ts,go,java,kt,rb,php,cs,rs,ex}',
  '**/*{flag,Flag,toggle,Toggle}*/**/*.{py,js,mjs,cjs,ts,go,java,kt,rb,php,cs,rs,ex}',
];
/** A bucket or hash compared with a flag's share, or a hash taken modulo 100 and compared. */
const OWN_FLAG_BUCKET =
  /\b\w{0,20}?(?:bucket|hash)\w{0,30} ?(?:<=|<) ?(?:\w{1,30}\.)?(?:enabled|percent\w{0,10}|rollout\w{0,10}|ratio|share|threshold|fraction|weight)\b|% ?100 ?(?:<=|<) ?(?:\w{1,30}\.)?(?:enabled|percent\w{0,10}|rollout\w{0,10}|ratio|share|threshold|weight)\b/i;
/** A call on a flags object: `FeatureFlags().is_enabled(`, `flags.isEnabled(`, `toggles.enabled?(`. */
const OWN_FLAG_CHECK =
  /(?:(?:[Ff]eature_?)?(?:[Ff]lags?|[Tt]oggles?)|[Ff]eatures?)(?:\(\))?\.(?:is_enabled|isEnabled|is_active|isActive|is_on|isOn|enabled\?)\(/;

export default defineRule({
  meta: {
    id: 'progressive-delivery',
    title: 'Releases can be staged',
    failureTitle: 'Every release goes to all users at once',
    description:
      'Canary and blue/green releases and feature flags expose a change to a small share of traffic first, so a bad release is caught by metrics and undone before it reaches every user.',
    remediation:
      'Stage releases: Argo Rollouts or Flagger canaries on Kubernetes, CodeDeploy blue/green or canary on AWS, deployment slots on Azure, Cloud Run traffic splitting, or a feature-flag SDK (OpenFeature, LaunchDarkly, Unleash, Flagsmith) wrapped around risky changes.',
    severity: 'low',
    effort: 'high',
    detection:
      'Argo Rollouts `Rollout` and Flagger `Canary` resources; CodeDeploy blue/green or canary configs (`BLUE_GREEN`, `CodeDeployDefault.*Canary*/Linear*`, SAM `DeploymentPreference`); Azure deployment slots; Cloud Run traffic splitting; traffic-shifting commands in CI; feature-flag SDKs from the `feature-flags` catalogue, used in code; a platform deploy strategy (fly.toml `strategy = "canary"`/`"bluegreen"`); a CI deploy that switches on the canary release of a chart (`--set …canaryDelivery.create=…`, `--set canary.enabled=true`); explicit rolling-update settings (`maxSurge`/`maxUnavailable`) earn partial credit — not the `maxUnavailable` of a PodDisruptionBudget (in the PDB or under its values key), which bounds evictions, nor a property of a CustomResourceDefinition’s schema.',
    patterns: {
      staged: {
        regex:
          /^kind:\s*["']?(Rollout|Canary|AnalysisTemplate)["']?\s*$|\b(BLUE_GREEN|WITH_TRAFFIC_CONTROL|CodeDeployDefault\.\w*(?:Canary|Linear|BlueGreen)\w*|(?:Canary|Linear)\d+Percent\d+Minutes?|DeploymentPreference|azurerm_(?:linux_|windows_)?web_app_slot|azurerm_app_service_slot|Microsoft\.Web\/sites\/slots|traffic_split|TrafficSplit|canaryAnalysis|blueGreen|canary:\s*$)/gm,
        files: MANIFESTS,
        literals: [
          'Rollout',
          'Canary',
          'AnalysisTemplate',
          'BLUE_GREEN',
          'TRAFFIC_CONTROL',
          'CodeDeployDefault',
          'Percent',
          'DeploymentPreference',
          '_slot',
          'sites/slots',
          'raffic',
          'canary',
          'blueGreen',
        ],
        maxPerFile: 2,
      },
      // A platform's staged deploy strategy: fly.toml `[deploy] strategy = "canary"` or "bluegreen"
      // (blind round 24, papra: fly.toml:12).
      platformStaged: {
        regex: /^[ \t]*strategy[ \t]*=[ \t]*["'](canary|bluegreen|blue-green)["']/gm,
        files: ['**/fly.toml', '**/fly.*.toml'],
        literals: ['strategy'],
        maxPerFile: 1,
      },
      // A deploy step that switches on a chart's canary release (`--set microservice-chart.canaryDelivery.create=…`,
      // `--set canary.enabled=true`), often with its traffic weight (blind round 24, afm-calculator).
      helmCanary: {
        regex: /--set(?:-string)?[= ]["']?([\w.-]*?\bcanary\w*\.(?:create|enabled?))=/gi,
        files: CI_GLOBS,
        literals: ['canary'],
        ignoreCase: true,
        maxPerFile: 1,
      },
      rolling: {
        regex:
          /^[ \t]*(?:maxSurge|maxUnavailable|max_surge|max_unavailable|minimum_healthy_percent|maximum_percent|deployment_minimum_healthy_percent|deployment_maximum_percent|MinimumHealthyPercent|order(?=[ \t]*:[ \t]*["']?start-first))\s*[:=]/gm,
        files: MANIFESTS,
        literals: [
          'maxSurge',
          'maxUnavailable',
          'max_surge',
          'max_unavailable',
          'healthy_percent',
          'maximum_percent',
          'MinimumHealthyPercent',
          // Swarm `update_config: {order: start-first}`: the new task starts before the old one stops.
          'start-first',
        ],
        // A PodDisruptionBudget's maxUnavailable may come first in a file that also holds a Deployment.
        maxPerFile: 3,
      },
      // A flags module the project wrote itself that buckets requests by a share of traffic
      // (`return bucket_value <= config.enabled`, `hash(id) % 100 < flag.percentage`): a percentage
      // rollout without an SDK (blind round 25, merino-py's merino/utils/featureflags.py).
      ownFlagBucket: {
        regex: OWN_FLAG_BUCKET,
        files: FLAG_MODULES,
        literals: ['bucket', 'hash', '% 100', '%100'],
        ignoreCase: true,
        maxPerFile: 2,
      },
      // Where production code asks such a module (`FeatureFlags().is_enabled(SUBMISSION_FLAG)`, `featureFlags.isEnabled("x")`).
      ownFlagCheck: {
        regex: OWN_FLAG_CHECK,
        files: SOURCES,
        literals: ['lag', 'eature', 'oggle'],
        maxPerFile: 3,
      },
      flagCode: {
        // import/using/use lines, require('…') calls and Go import-block lines naming a flag SDK
        // (the name as a whole word is checked on the snippet: SDK_WORD).
        regex:
          /(?:^[ \t]*(?:import|from|using|use|include)\b[^\n]*|\brequire\s*\(?\s*['"][^'"\n]*|^[ \t]*(?:\w+\s+)?"[^"\n]*)(?:launchdarkly|ldclient|unleash|flagsmith|openfeature|open-feature|growthbook|configcat|splitio|statsig|flipper|waffle|featuremanagement|ff4j|togglz|go-feature-flag|@vercel\/flags)|\bAddFeatureManagement\s*\(|@FeatureGate\b|\bRollout\.new\(|\brollout\.active\?\(|\bFlipper(?:\.enabled\?|\[)/gim,
        files: SOURCES,
        literals: [
          'launchdarkly',
          'ldclient',
          'unleash',
          'flagsmith',
          'openfeature',
          'open-feature',
          'growthbook',
          'configcat',
          'splitio',
          'statsig',
          'flipper',
          'waffle',
          'featuremanagement',
          'ff4j',
          'togglz',
          'go-feature-flag',
          '@vercel/flags',
          'featuregate',
          // Ruby gems are loaded by Bundler, not imported: the flag store built and asked in code (round 13).
          'rollout.new',
          'rollout.active?',
        ],
        ignoreCase: true,
        maxPerFile: 3,
      },
    },
    reads: CI_GLOBS,
    digests: [K8S_DIGEST],
  },
  appliesTo: ({ facts }) =>
    facts.profile.id === 'service'
      ? true
      : { reason: `profile is ${facts.profile.id}: staged releases concern deployed services` },
  check(ctx) {
    const prod = (p: string) => isProductionPath(p);
    // In a CI file a `canary:` key is a job's or a step's name (a release channel's tag, a nightly
    // build): a name is not a staged rollout (issue 15: Kavita's `canary` job builds a Docker tag).
    const ci = new Set(ciFiles(ctx.files).map((f) => f.path));
    const staged = ctx
      .matches('staged')
      .filter((m) => prod(m.path) && !(ci.has(m.path) && /^canary:/.test(m.groups[1] ?? '')));
    const traffic = ciFiles(ctx.files).flatMap((f) => (f.ok ? f.commands.filter((c) => TRAFFIC_CMD.test(c.text)) : []));
    const platformStaged = ctx.matches('platformStaged').filter((m) => prod(m.path));
    const helmCanary = ctx.matches('helmCanary');
    const flagDeps = ctx.facts.findDependencies(ctx.catalogue('feature-flags'));
    const flagCode = ctx.matches('flagCode').filter((m) => prod(m.path) && SDK_WORD.test(sdkPart(m.path, m.snippet)));
    // A PodDisruptionBudget's maxUnavailable bounds voluntary evictions (redundancy), not how a rollout proceeds.
    const model = k8s(ctx.files);
    const rolling = ctx.matches('rolling').filter(
      (m) =>
        prod(m.path) &&
        // A CustomResourceDefinition's openAPIV3Schema names the fields of its API (an operator's
        // `updateStrategy.rollingUpdate.maxUnavailable` property): a schema, not a setting (round 25).
        !['PodDisruptionBudget', 'CustomResourceDefinition'].includes(enclosingKind(model, m.path, m.line) ?? '') &&
        !onlyDisruptionBudgetValue(model, m.path, m.snippet),
    );
    const evidence: Evidence[] = [
      ...firstPerFile(staged, 3).map((m) => fromMatch(m, 'staged rollout (canary / blue-green / slots)')),
      ...firstPerFile(platformStaged, 2).map((m) =>
        fromMatch(m, `deploy strategy ${m.groups[0]}: the platform releases to a share of the machines first`),
      ),
      ...firstPerFile(helmCanary, 2).map((m) =>
        fromMatch(
          m,
          `the deploy switches on the chart's canary release (--set ${m.groups[0]})${/canary\w*\.[\w.]*weight/i.test(ctx.files.read(m.path)?.split('\n')[m.line - 1] ?? '') ? ' with a traffic weight' : ''}`,
        ),
      ),
      ...traffic.slice(0, 2).map(
        (c): Evidence => ({
          path: c.path,
          line: c.line,
          snippet: c.text.slice(0, 160),
          note: 'traffic shifting in CI',
        }),
      ),
      ...flagDeps.slice(0, 2).map((d) => dependencyEvidence(d, 'feature-flag SDK dependency')),
      ...firstPerFile(flagCode, 2).map((m) => fromMatch(m, 'feature flags used in code')),
    ];
    const data = {
      stagedRollouts: staged.length + traffic.length + platformStaged.length + helmCanary.length,
      featureFlagSdks: [...new Set(flagDeps.map((d) => d.name))].sort(),
      featureFlagsInCode: flagCode.length > 0,
      rollingUpdateSettings: rolling.length > 0,
    };
    const found: string[] = [];
    if (data.stagedRollouts > 0) found.push('canary/blue-green rollouts');
    if (flagCode.length > 0)
      found.push(
        `feature flags${data.featureFlagSdks.length ? ` (${listing(data.featureFlagSdks.slice(0, 2))})` : ''}`,
      );
    if (found.length > 0) return pass(`Releases can be staged: ${listing(found)}.`, evidence, data);
    const rollEv = firstPerFile(rolling, 2).map((m) => fromMatch(m, 'rolling-update settings'));
    // Flags the project wrote itself: a module that buckets by a share of traffic, asked by production
    // code outside it. A percentage rollout, but the share changes only with a release of its config.
    const buckets = ctx.matches('ownFlagBucket').filter((m) => prod(m.path) && !isCommentLine(m.snippet));
    const checks = ctx
      .matches('ownFlagCheck')
      .filter((m) => prod(m.path) && !isCommentLine(m.snippet) && !buckets.some((b) => b.path === m.path));
    if (buckets.length > 0 && checks.length > 0)
      return partial(
        0.6,
        `Feature flags the project wrote itself roll a change out to a share of traffic (${buckets[0]!.path}:${buckets[0]!.line}), asked in production code; no flag service (the share changes with a release of its configuration) and no canary or blue/green rollout.`,
        [
          fromMatch(buckets[0]!, 'hand-written feature flags: requests bucketed against the flag’s share of traffic'),
          ...firstPerFile(checks, 2).map((m) => fromMatch(m, 'a flag checked in production code')),
          ...evidence,
          ...rollEv,
        ],
        { ...data, handWrittenFlags: true },
      );
    if (flagDeps.length > 0) {
      const imported = flagDeps.some((d) => d.use === 'production');
      return partial(
        0.5,
        `A feature-flag SDK is ${imported ? 'imported' : 'declared'} (${listing(data.featureFlagSdks.slice(0, 2))}), but no flag is evaluated in production code; no canary or blue/green rollout.`,
        [...evidence, ...rollEv],
        data,
      );
    }
    if (rolling.length > 0) {
      return partial(
        0.4,
        'Rolling updates are tuned (maxSurge/maxUnavailable, ECS percentages or Swarm start-first updates), but there is no canary, blue/green or feature-flag staging.',
        rollEv,
        data,
      );
    }
    return fail(
      'No progressive delivery found: every release reaches all traffic at once.',
      [
        {
          path: '.',
          note: `no Rollout/Canary resources, blue/green or slot configs in ${ctx.searched('staged')} manifests; no feature-flag SDK in ${ctx.facts.dependencies.filter((d) => d.direct).length} direct dependencies or in ${ctx.searched('flagCode')} source files`,
        },
        ...setAside(ctx.facts, ctx.catalogue('feature-flags')),
      ],
      data,
    );
  },
});

/** The kind of the manifest a line of a YAML file belongs to: the last object that starts at or above it. */
function enclosingKind(model: K8sModel, path: string, line: number): string | undefined {
  let kind: string | undefined;
  let at = 0;
  for (const o of model.objects)
    if (o.path === path && o.line <= line && o.line >= at) {
      kind = o.kind;
      at = o.line;
    }
  return kind;
}

/**
 * A chart's values.yaml whose every `maxUnavailable` (the key matched) sits under a
 * PodDisruptionBudget setting (`podDisruptionBudget.maxUnavailable`, `pdb.maxUnavailable`).
 */
function onlyDisruptionBudgetValue(model: K8sModel, path: string, snippet: string): boolean {
  const chart = model.charts.find((c) => c.valuesPath === path);
  const key = /^\s*(\w+)/.exec(snippet)?.[1];
  if (!chart || !key) return false;
  const parents: string[][] = [];
  const walk = (v: unknown, at: string[], depth: number): void => {
    if (!v || typeof v !== 'object' || Array.isArray(v) || depth > 12) return;
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (k === key) parents.push(at);
      walk(child, [...at, k], depth + 1);
    }
  };
  walk(chart.values, [], 0);
  return parents.length > 0 && parents.every((p) => p.some((k) => /disruption|^pdb$/i.test(k)));
}
