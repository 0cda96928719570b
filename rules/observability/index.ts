import type { PillarDefinition } from '../../src/engine/types.js';
import healthEndpoints from './health-endpoints.js';

/** Observability & Monitoring. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'observability',
  title: 'Observability & Monitoring',
  description: 'Structured logging, metrics, tracing, health endpoints, alerting rules, dashboards, error tracking.',
  rules: [
    { rule: healthEndpoints, weight: 8 },
  ],
} satisfies PillarDefinition;
