/**
 * Monitoring defined as configuration and applied from CI: pagopa's opex-dashboard generates Azure
 * dashboards and alert rules from a config (`opex_dashboard generate … --config-file .opex/…`, or its
 * GitHub action), then Terraform applies them (blind round 24, afm-calculator). Read by alerting and
 * dashboards alike.
 */
import type { PatternSpec } from '../../src/types.js';

export const OPEX_GENERATOR: PatternSpec = {
  regex: /\bopex_dashboard[ \t]+generate\b|\bpagopa\/opex-dashboard-azure-action\b/,
  files: [
    '.github/workflows/*.{yml,yaml}',
    '.gitlab-ci.yml',
    'azure-pipelines.yml',
    '.azure-pipelines/**/*.{yml,yaml}',
  ],
  literals: ['opex'],
  maxPerFile: 1,
};
