import type { PillarDefinition } from '../../src/engine/types.js';
import noCommittedSecrets from './no-committed-secrets.js';
import securityMiddleware from './security-middleware.js';

/** Security & Compliance. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'security',
  title: 'Security & Compliance',
  description: 'Security middleware, authentication and authorization, committed secrets, security policy, dependency updates, lockfiles, scanning in CI, non-root containers, licence.',
  rules: [
    { rule: noCommittedSecrets, weight: 10 },
    { rule: securityMiddleware, weight: 6 },
  ],
} satisfies PillarDefinition;
