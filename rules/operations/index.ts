import type { PillarDefinition } from '../../src/types.js';
import ciPipeline from './ci-pipeline.js';
import containerImage from './container-image.js';
import continuousDeployment from './continuous-deployment.js';
import costMonitoring from './cost-monitoring.js';
import environments from './environments.js';
import infrastructureAsCode from './infrastructure-as-code.js';
import progressiveDelivery from './progressive-delivery.js';
import releaseManagement from './release-management.js';
import rollback from './rollback.js';
import runbooks from './runbooks.js';
import orchestration from './orchestration.js';

/** Operations & Deployment. Weights live here, not in the rules (sorted by rule id). */
export default {
  id: 'operations',
  title: 'Operations & Deployment',
  description:
    'IaC, container images, orchestration, CI pipeline, continuous deployment, progressive delivery, rollback, runbooks, environments, releases, cost.',
  rules: [
    { rule: ciPipeline, weight: 8 },
    { rule: containerImage, weight: 5 },
    { rule: continuousDeployment, weight: 6 },
    { rule: costMonitoring, weight: 2 },
    { rule: environments, weight: 4 },
    { rule: infrastructureAsCode, weight: 6 },
    { rule: progressiveDelivery, weight: 3 },
    { rule: releaseManagement, weight: 3 },
    { rule: rollback, weight: 4 },
    { rule: runbooks, weight: 4 },
    { rule: orchestration, weight: 6 },
  ],
} satisfies PillarDefinition;
