/**
 * controller-runtime's metrics filter (`Metrics.FilterProvider = filters.WithAuthenticationAndAuthorization`):
 * each request to the manager's metrics endpoint is authenticated with a TokenReview and authorised
 * with a SubjectAccessReview against the cluster's RBAC (blind round 25, cluster-operator
 * cmd/main.go:177). It protects /metrics only: where the manager is the only HTTP server (a
 * Kubernetes operator: health probes are open by design, admission webhooks are called by the API
 * server, users reach the operator's resources through the API server), that is every API it
 * serves and a pass; beside a web framework or another server, the application's own routes are
 * not covered and it is partial credit.
 */
import { partial } from '../../../src/engine/results.js';
import type { Facts, PatternSpec, RuleResult } from '../../../src/types.js';

export const CTRL_METRICS_AUTH: PatternSpec = {
  regex: /\bfilters\.WithAuthenticationAndAuthorization\b/,
  files: ['**/*.go'],
  literals: ['WithAuthenticationAndAuthorization'],
  maxPerFile: 1,
};

export const ctrlRuntime = (facts: Facts) => facts.findDependencies(['sigs.k8s.io/controller-runtime']).length > 0;

/** The only HTTP servers are controller-runtime managers, and no web framework is used. */
export function managerOnly(facts: Facts): boolean {
  return (
    facts.frameworks.length === 0 &&
    facts.servers.length > 0 &&
    facts.servers.every((s) => /\b(?:ctrl\.NewManager|manager\.New)\(/.test(s.snippet ?? ''))
  );
}

/**
 * The verdict when the metrics filter is the only check found: a pass that says its scope where
 * the manager is the only server, partial credit otherwise.
 */
export function metricsOnly(facts: Facts, result: RuleResult, label: string, what: string): RuleResult {
  const kinds = (result.data as { kinds?: string[] } | undefined)?.kinds ?? [];
  if (result.outcome !== 'pass' || kinds.length !== 1 || kinds[0] !== label) return result;
  const at = result.evidence.find((e) => e.note === label);
  const where = at ? ` (${at.path}:${at.line})` : '';
  if (managerOnly(facts))
    return {
      ...result,
      message: `${what} covers the one API the service serves: controller-runtime's metrics filter${where} checks each request to the metrics endpoint; the manager is the only HTTP server (health probes are open by design, admission webhooks are called by the Kubernetes API server, and users reach the operator's resources through the API server's own authentication and RBAC).`,
    };
  return partial(
    0.5,
    `${what} covers the metrics endpoint only: controller-runtime's metrics filter${where} checks requests to /metrics, but no check was found on the application's own routes.`,
    result.evidence,
    result.data,
  );
}
