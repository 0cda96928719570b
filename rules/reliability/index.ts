import type { PillarDefinition } from '../../src/engine/types.js';

/** Reliability & Resilience. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'reliability',
  title: 'Reliability & Resilience',
  description: 'Retries and backoff, circuit breakers, timeouts, rate limiting, graceful shutdown, health checks and probes, redundancy, backups and DR, resource limits.',
  rules: [],
} satisfies PillarDefinition;
