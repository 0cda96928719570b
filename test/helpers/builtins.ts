/** The built-in rule catalogue as the launcher hands it to the command line, for in-process runs. */
import { PILLARS } from '../../rules/index.js';
import type { Builtins } from '../../src/cli/index.js';

export const builtins: Builtins = async () => PILLARS;
