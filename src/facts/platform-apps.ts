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
          stores: resolveStoreSettings(files, w.path, w.platform?.stores ?? [], envFilesBeside(files, w.path)),
          ...(w.platform?.tracing ? { tracing: w.platform.tracing } : {}),
          envFiles: envFilesBeside(files, w.path),
        },
      ];
    }),
  );
}

/** A store setting whose value is a template placeholder: `pointInTimeRecovery: {{ db.pointInTimeRecovery }}`. */
const TEMPLATED_BACKUP =
  /^[ \t]*(?:-[ \t]*)?(pointInTimeRecovery|autoBackupHour|retainedBackups)[ \t]*:[ \t]*["']?\{\{[ \t]*\.?([\w-]+(?:\.[\w-]+){0,5})[ \t]*\}\}/;

/**
 * Stores with no backup setting of their own whose manifest sets one from a placeholder, resolved
 * in the production variables file beside it (`.nais/vars-prod.yaml` `db.pointInTimeRecovery: true`):
 * what production is deployed with decides, and the note names the file and what the other
 * environments get (blind round 46: "point-in-time recovery is not turned on" beside a production
 * file that turns it on).
 */
function resolveStoreSettings(
  files: FileView,
  manifest: string,
  stores: PlatformSpec['stores'],
  envFiles: PlatformEnvFile[],
): PlatformSpec['stores'] {
  const prod = envFiles.filter((f) => f.kind === 'prod');
  if (stores.length === 0 || prod.length === 0) return stores;
  const lines = files.lines(manifest);
  if (!lines) return stores;
  return stores.map((x) => {
    if (x.backup) return x;
    // The store's item: its lines up to the next line indented no deeper than the item's dash.
    const first = lines.line(x.line) ?? '';
    const indent = /^[ \t]*/.exec(first)![0].length;
    for (let n = x.line; n < x.line + 60 && n <= lines.count; n++) {
      const text = lines.line(n) ?? '';
      if (n > x.line && text.trim() !== '' && /^[ \t]*/.exec(text)![0].length <= indent) break;
      const m = TEMPLATED_BACKUP.exec(text);
      if (!m) continue;
      const [setting, key] = [m[1]!, m[2]!];
      const on = prod
        .map((f) => ({ f, v: valueAt(files, f.path, key) }))
        .find((r) =>
          setting === 'pointInTimeRecovery' ? r.v === true : r.v !== undefined && r.v !== null && r.v !== false,
        );
      if (!on) continue;
      const at = lineOfKey(files, on.f.path, key);
      const others = envFiles
        .filter((f) => f.kind !== 'prod')
        .map((f) => `${f.name}: ${String(valueAt(files, f.path, key) ?? 'unset')}`);
      const { platformDefault: _, ...rest } = x;
      return {
        ...rest,
        backup: `${setting}: ${String(on.v)} set for production in ${on.f.path}${at ? `:${at}` : ''} (through {{ ${key} }} at ${manifest}:${n}${others.length ? `; ${others.join(', ')}` : ''})`,
      };
    }
    return x;
  });
}

/** The value at a dotted key of a YAML or JSON variables file. */
function valueAt(files: FileView, path: string, key: string): unknown {
  const r = files.readYaml(path);
  if (!r.ok) return undefined;
  let v: unknown = r.value;
  for (const k of key.split('.')) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The line of a dotted key's last segment in a variables file (the first such line), or undefined. */
function lineOfKey(files: FileView, path: string, key: string): number | undefined {
  const lines = files.lines(path);
  if (!lines) return undefined;
  // Segments are word characters and dashes: nothing to escape but the dash.
  const re = new RegExp(`^[ \\t]*["']?${key.split('.').pop()!.replace(/-/g, '\\-')}["']?[ \\t]*:`);
  for (let n = 1; n <= Math.min(lines.count, 5000); n++) if (re.test(lines.line(n))) return n;
  return undefined;
}
