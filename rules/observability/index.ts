import type { PillarDefinition } from '../../src/types.js';
import alerting from './alerting.js';
import dashboards from './dashboards.js';
import errorTracking from './error-tracking.js';
import healthEndpoints from './health-endpoints.js';
import metrics from './metrics.js';
import structuredLogging from './structured-logging.js';
import tracing from './tracing.js';

/** Observability & Monitoring. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'observability',
  title: 'Observability & Monitoring',
  description: 'Structured logging, metrics, tracing, health endpoints, alerting rules, dashboards, error tracking.',
  rules: [
    { rule: alerting, weight: 6 },
    { rule: dashboards, weight: 4 },
    { rule: errorTracking, weight: 6 },
    { rule: healthEndpoints, weight: 8 },
    { rule: metrics, weight: 7 },
    { rule: structuredLogging, weight: 7 },
    { rule: tracing, weight: 6 },
  ],
} satisfies PillarDefinition;
