import type { PillarDefinition } from '../../src/types.js';
import authentication from './authentication.js';
import authorization from './authorization.js';
import containerUser from './container-user.js';
import dependencyUpdates from './dependency-updates.js';
import license from './license.js';
import lockfiles from './lockfiles.js';
import noCommittedSecrets from './no-committed-secrets.js';
import securityMiddleware from './security-middleware.js';
import securityPolicy from './security-policy.js';
import securityScanning from './security-scanning.js';

/** Security & Compliance. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'security',
  title: 'Security & Compliance',
  description:
    'Security middleware, authentication and authorization, committed secrets, security policy, dependency updates, lockfiles, scanning in CI, non-root containers, licence.',
  rules: [
    { rule: authentication, weight: 8 },
    { rule: authorization, weight: 6 },
    { rule: containerUser, weight: 5 },
    { rule: dependencyUpdates, weight: 5 },
    { rule: license, weight: 2 },
    { rule: lockfiles, weight: 5 },
    { rule: noCommittedSecrets, weight: 10 },
    { rule: securityMiddleware, weight: 6 },
    { rule: securityPolicy, weight: 2 },
    { rule: securityScanning, weight: 5 },
  ],
} satisfies PillarDefinition;
