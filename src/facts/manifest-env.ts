/**
 * The environment a deployment manifest is written for, read from its path: the file's stem
 * (`nais/dev/preprod.yaml`, `k8s/deployment-staging.yaml`) or, when the stem names none, the
 * nearest folder that does (`deploy/production/api.yaml`, `nais/prod/app.yaml`). A mock or demo
 * copy is not production either. Undefined when nothing in the path names an environment.
 * Used where one service is declared once per environment: what production runs is judged on the
 * production copy, not on the development or staging ones beside it (issue 15, blind round 47:
 * dev, mock and preprod copies with one replica made a production min 2 / max 5 partial).
 */
import { envKind } from './ci.js';

const NOT_PRODUCTION = /^(?:mock|mocks|demo|labs?|sandbox|playground)$/i;

function segmentKind(segment: string): 'prod' | 'preprod' | 'dev' | undefined {
  if (segment.length === 0 || segment.length > 120) return undefined;
  return envKind(segment) ?? (NOT_PRODUCTION.test(segment) ? 'dev' : undefined);
}

export function manifestEnvironment(path: string): 'prod' | 'preprod' | 'dev' | undefined {
  const parts = path.split('/').slice(-6);
  const file = parts.pop() ?? '';
  const stem = file.replace(/(?:\.(?:ya?ml|json|jsonnet|tf|hcl|toml))+$/i, '');
  const own = segmentKind(stem);
  if (own) return own;
  for (let i = parts.length - 1; i >= 0; i--) {
    const k = segmentKind(parts[i]!);
    if (k) return k;
  }
  return undefined;
}
