/** The registry: the six pillars in their fixed order (DESIGN §1), each with its rule table. */
import type { PillarDefinition } from '../src/types.js';
import architecture from './architecture/index.js';
import quality from './quality/index.js';
import observability from './observability/index.js';
import security from './security/index.js';
import reliability from './reliability/index.js';
import operations from './operations/index.js';

export const PILLARS: PillarDefinition[] = [architecture, quality, observability, security, reliability, operations];
