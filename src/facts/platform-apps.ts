/**
 * Platform application manifests: one file that tells a platform how to run the service — a NAIS
 * `Application` (nais.io), a Knative `Service` (serving.knative.dev, also Cloud Run's
 * service.yaml). The platform builds the pods from it, so it is the deployment target: its probes,
 * resources and replicas are read as a workload's (k8s.ts), and what it declares beside them —
 * environment variables, the managed stores the platform provisions, platform-injected tracing,
 * and the per-environment files it is rendered with — is read here, once, for config-externalized, backups, tracing, environments and continuous-deployment.
 * The deploy action that ships it (`nais/deploy/actions/deploy`) is among ci.ts DEPLOY_ACTION.
 * A local docker-compose file beside it describes development (health-checks, resource-limits and
 * redundancy judge the manifest through deployedWorkloads).
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { dirOf } from './paths.js';
import { deployedWorkloads } from './runtime.js';
import { envKind } from './ci.js';
import type { PlatformSpec, Workload } from './k8s.js';

export interface PlatformEnvFile {
  path: string;
  /** The environment the file is named for (`dev`, `prod`, `dev-gcp`). */
  name: string;
  kind: 'prod' | 'preprod' | 'dev';
}

export interface PlatformApp {
  /** 'NAIS', 'Knative' or 'Cloud Run'. */
  system: string;
  name: string;
  path: string;
  line: number;
  workload: Workload;
  env?: PlatformSpec['env'];
  stores: PlatformSpec['stores'];
  tracing?: PlatformSpec['tracing'];
  /** Files beside the manifest named per environment: the variables (or overlays) it is deployed with. */
  envFiles: PlatformEnvFile[];
}

const ENV_EXT = /\.(?:ya?ml|json|env)$/i;

/** The files beside a manifest named for an environment (`.nais/dev.yaml`, `.nais/prod-gcp.yaml`). */
function envFilesBeside(files: FileView, manifest: string): PlatformEnvFile[] {
  const dir = dirOf(manifest);
  const prefix = dir ? `${dir}/` : '';
  const out: PlatformEnvFile[] = [];
  for (const p of files.match(`${prefix}*`)) {
    if (p === manifest || !ENV_EXT.test(p)) continue;
    const stem = p.slice(prefix.length).replace(ENV_EXT, '');
    const kind = envKind(stem);
    if (kind) out.push({ path: p, name: stem, kind });
  }
  return out;
}

function systemOf(w: Workload): string | undefined {
  if (w.platform) return w.platform.system;
  if (w.kind === 'Service' && w.apiVersion.startsWith('serving.knative.dev'))
    return /(^|\/)service\.ya?ml$/.test(w.path) && !/knative/i.test(w.path) ? 'Cloud Run' : 'Knative';
  return undefined;
}

/** The platform application manifests this repository deploys (memoised). */
export function platformApps(files: FileView): PlatformApp[] {
  return memo(files, 'platformApps', () =>
    deployedWorkloads(files).flatMap((w) => {
      const system = systemOf(w);
      if (!system || w.disabled) return [];
      return [
        {
          system,
          name: w.name,
          path: w.path,
          line: w.line,
          workload: w,
          ...(w.platform?.env ? { env: w.platform.env } : {}),
          stores: w.platform?.stores ?? [],
          ...(w.platform?.tracing ? { tracing: w.platform.tracing } : {}),
          envFiles: envFilesBeside(files, w.path),
        },
      ];
    }),
  );
}
