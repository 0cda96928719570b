import type { PillarDefinition } from '../../src/engine/types.js';
import readme from './readme.js';

/** Architecture & Design. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'architecture',
  title: 'Architecture & Design',
  description: 'Type safety, API contracts, migrations, architecture docs and ADRs, externalised configuration, module size.',
  rules: [
    { rule: readme, weight: 4 },
  ],
} satisfies PillarDefinition;
