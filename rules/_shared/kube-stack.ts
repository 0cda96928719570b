/**
 * kube-prometheus-stack installed as a dependency of a chart this repository deploys (blind round
 * 48): the upstream chart creates its default alert rules (`defaultRules.create`, on unless the
 * values switch it off) and its Grafana dashboards (`grafana.defaultDashboardsEnabled`, deployed
 * with Grafana or with `grafana.forceDeployDashboards`). What the dependency's values switch off
 * is not credited.
 */
import type { FileView, Match } from '../../src/types.js';
import { isDeployablePath } from '../../src/facts/paths.js';
import { memo } from '../../src/util/memo.js';
import { parseYamlWithLines } from '../../src/util/yaml-lines.js';

export interface StackDependency {
  /** The dependency's line in Chart.yaml. */
  dependency: Match;
  /** The dependency's block of the chart's values.yaml (its alias or name as the key), if any. */
  values: Record<string, unknown>;
}

const STACK = 'kube-prometheus-stack';

export function kubePrometheusStacks(files: FileView): StackDependency[] {
  return memo(files, 'kube-prometheus-stack', () => {
    const out: StackDependency[] = [];
    for (const chart of files.named('Chart.yaml').slice(0, 200)) {
      if (!isDeployablePath(chart)) continue;
      const text = files.read(chart);
      if (!text?.includes(STACK) || text.length > 100_000) continue;
      const parsed = parseYamlWithLines(text);
      const doc = parsed.error ? undefined : parsed.docs[0];
      const deps = (doc?.value as { dependencies?: unknown } | undefined)?.dependencies;
      if (!Array.isArray(deps)) continue;
      // The chart's values, parsed once for all its dependencies (asked only when one is the stack).
      let root: Record<string, unknown> | undefined | null = null;
      const valuesRoot = () => {
        if (root === null) {
          const dir = chart.includes('/') ? chart.slice(0, chart.lastIndexOf('/') + 1) : '';
          const vtext = files.read(`${dir}values.yaml`);
          const vdoc = vtext && vtext.length < 500_000 ? parseYamlWithLines(vtext) : undefined;
          root = vdoc && !vdoc.error ? (vdoc.docs[0]?.value as Record<string, unknown> | undefined) : undefined;
        }
        return root;
      };
      deps.slice(0, 50).forEach((d, i) => {
        const dep = d as { name?: unknown; alias?: unknown };
        if (dep?.name !== STACK) return;
        const key = typeof dep.alias === 'string' ? dep.alias : STACK;
        const values = valuesRoot()?.[key];
        const line = doc!.lineOf(['dependencies', i, 'name']) ?? doc!.lineOf(['dependencies', i]) ?? 1;
        out.push({
          dependency: { path: chart, line, snippet: `name: ${STACK}`, groups: [STACK] },
          values:
            values && typeof values === 'object' && !Array.isArray(values) ? (values as Record<string, unknown>) : {},
        });
      });
    }
    return out;
  });
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Dependencies whose default alert rules stay on (`defaultRules.create` not false). */
export function stackDefaultRules(files: FileView): Match[] {
  return kubePrometheusStacks(files)
    .filter((s) => rec(s.values.defaultRules)?.create !== false)
    .map((s) => s.dependency);
}

/** Dependencies whose default dashboards are deployed (Grafana on, or `forceDeployDashboards`). */
export function stackDefaultDashboards(files: FileView): Match[] {
  return kubePrometheusStacks(files)
    .filter((s) => {
      const g = rec(s.values.grafana) ?? {};
      if (g.defaultDashboardsEnabled === false) return false;
      return g.enabled !== false || g.forceDeployDashboards === true;
    })
    .map((s) => s.dependency);
}
