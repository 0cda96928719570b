/**
 * Well-known shared base charts and what they render by default, as data: a wrapper chart that
 * depends on one of them and leaves a probe unset gets the base chart's default probe (Helm merges
 * the dependency's own values.yaml under the wrapper's). Values that set the key (to `null`, `{}`
 * or `false`) win. Each entry was read from the chart's published values.yaml and templates
 * (blind round 43: a wrapper of a shared "generic service" chart whose default liveness/readiness
 * probes were not seen, so its deployed unit read as unprobed).
 */
export interface BaseChartDefaults {
  /** The dependency's `name:` in Chart.yaml. */
  name: string;
  /** The dependency's `repository:` URL. */
  repository: RegExp;
  /** Default probes the chart's Deployment template renders when the values leave them unset. */
  livenessProbe?: { path: string };
  readinessProbe?: { path: string };
  /** A PodDisruptionBudget rendered by default, and the values switch that turns it off. */
  podDisruptionBudget?: { enabled: string[]; minAvailable: number };
}

export const BASE_CHARTS: readonly BaseChartDefaults[] = [
  {
    // values.yaml: livenessProbe.httpGet.path /health/liveness, readinessProbe.httpGet.path
    // /health/readiness; templates/deployment.yaml renders each `if .Values.<probe>`.
    name: 'generic-service',
    repository: /^https:\/\/ministryofjustice\.github\.io\/hmpps-helm-charts\/?$/i,
    livenessProbe: { path: '/health/liveness' },
    readinessProbe: { path: '/health/readiness' },
    // values.yaml `poddisruptionbudget: { enabled: true, minAvailable: 1 }`; templates/pdb.yaml
    // renders it `if .Values.poddisruptionbudget.enabled`.
    podDisruptionBudget: { enabled: ['poddisruptionbudget', 'enabled'], minAvailable: 1 },
  },
  {
    // values.yaml `readinessPath: /health/readiness`, `livenessPath: /health/liveness`, rendered
    // as HTTP probes by the deployment template of the library chart it includes.
    name: 'nodejs',
    repository: /^(?:oci|https):\/\/hmcts(?:prod|public)\.azurecr\.io\/helm\/?$/i,
    livenessProbe: { path: '/health/liveness' },
    readinessProbe: { path: '/health/readiness' },
  },
];

/** The catalogued base chart a Chart.yaml dependency names, if any. */
export function baseChartOf(name: string, repository: unknown): BaseChartDefaults | undefined {
  if (typeof repository !== 'string' || repository.length > 300) return undefined;
  return BASE_CHARTS.find((c) => c.name === name && c.repository.test(repository.trim()));
}
