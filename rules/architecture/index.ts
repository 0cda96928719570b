import type { PillarDefinition } from '../../src/types.js';
import apiContract from './api-contract.js';
import architectureDocs from './architecture-docs.js';
import configExternalized from './config-externalized.js';
import databaseMigrations from './database-migrations.js';
import moduleSize from './module-size.js';
import readme from './readme.js';
import typeSafety from './type-safety.js';

/** Architecture & Design. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'architecture',
  title: 'Architecture & Design',
  description:
    'Type safety, API contracts, migrations, architecture docs and ADRs, externalised configuration, module size.',
  rules: [
    { rule: apiContract, weight: 5 },
    { rule: architectureDocs, weight: 3 },
    { rule: configExternalized, weight: 5 },
    { rule: databaseMigrations, weight: 5 },
    { rule: moduleSize, weight: 3 },
    { rule: readme, weight: 4 },
    { rule: typeSafety, weight: 6 },
  ],
} satisfies PillarDefinition;
