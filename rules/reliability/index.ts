import type { PillarDefinition } from '../../src/types.js';
import backups from './backups.js';
import circuitBreakers from './circuit-breakers.js';
import gracefulShutdown from './graceful-shutdown.js';
import healthChecks from './health-checks.js';
import rateLimiting from './rate-limiting.js';
import redundancy from './redundancy.js';
import resourceLimits from './resource-limits.js';
import retries from './retries.js';
import timeouts from './timeouts.js';

/** Reliability & Resilience. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'reliability',
  title: 'Reliability & Resilience',
  description:
    'Retries and backoff, circuit breakers, timeouts, rate limiting, graceful shutdown, health checks and probes, redundancy, backups and DR, resource limits.',
  rules: [
    { rule: backups, weight: 6 },
    { rule: circuitBreakers, weight: 4 },
    { rule: gracefulShutdown, weight: 5 },
    { rule: healthChecks, weight: 8 },
    { rule: rateLimiting, weight: 5 },
    { rule: redundancy, weight: 6 },
    { rule: resourceLimits, weight: 5 },
    { rule: retries, weight: 5 },
    { rule: timeouts, weight: 6 },
  ],
} satisfies PillarDefinition;
