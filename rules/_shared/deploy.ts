/**
 * Deployment descriptors other than Kubernetes, shared by the reliability and orchestration
 * rules: docker-compose services, ECS task definitions (JSON) and Nomad jobs, with lines.
 */
import type { FileIndex } from '../../src/walk/file-index.js';
import { memo } from './memo.js';
import { isProductionPath } from './paths.js';
import { parseHcl, type TfBlock } from './terraform.js';
import { parseYamlWithLines } from './yaml-lines.js';

export const COMPOSE_GLOBS = ['**/docker-compose*.{yml,yaml}', '**/compose*.{yml,yaml}', '**/*.docker-compose.{yml,yaml}'];
export const ECS_GLOBS = ['**/*task-definition*.json', '**/*task-def*.json', '**/taskdef*.json', '**/ecs/**/*.json'];
export const NOMAD_GLOBS = ['**/*.nomad', '**/*.nomad.hcl'];
export const DEPLOY_READS = [...COMPOSE_GLOBS, ...ECS_GLOBS, ...NOMAD_GLOBS];

export interface ComposeService {
  path: string;
  name: string;
  line: number;
  healthcheck: boolean;
  healthcheckDisabled: boolean;
  replicas?: number;
  limits: boolean;
  reservations: boolean;
  stopGracePeriod: boolean;
  /** Built from this repository (`build:`) rather than a third-party image. */
  built: boolean;
}

export interface EcsContainer {
  path: string;
  name: string;
  line?: number;
  healthCheck: boolean;
  memory: boolean;
  cpu: boolean;
}

export interface Deploy {
  compose: ComposeService[];
  composeFiles: string[];
  ecs: EcsContainer[];
  ecsFiles: string[];
  nomad: { path: string; jobs: TfBlock[] }[];
  notes: { path: string; note: string }[];
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function parseDeploy(files: FileIndex): Deploy {
  const out: Deploy = { compose: [], composeFiles: [], ecs: [], ecsFiles: [], nomad: [], notes: [] };
  for (const path of files.match(COMPOSE_GLOBS).filter(isProductionPath)) {
    const text = files.read(path);
    if (text === undefined) continue;
    const parsed = parseYamlWithLines(text);
    const doc = parsed.docs[0];
    const services = rec(rec(doc?.value)?.services);
    if (parsed.error) out.notes.push({ path, note: `not parseable as YAML: ${parsed.error}` });
    if (!doc || !services) continue;
    out.composeFiles.push(path);
    for (const [name, raw] of Object.entries(services)) {
      const s = rec(raw) ?? {};
      const deploy = rec(s.deploy) ?? {};
      const res = rec(deploy.resources) ?? {};
      const hc = rec(s.healthcheck);
      out.compose.push({
        path,
        name,
        line: doc.lineOf(['services', name]) ?? 1,
        healthcheck: !!hc && hc.disable !== true,
        healthcheckDisabled: hc?.disable === true,
        ...(typeof deploy.replicas === 'number' ? { replicas: deploy.replicas } : typeof s.scale === 'number' ? { replicas: s.scale } : {}),
        limits: !!rec(res.limits) || s.mem_limit !== undefined || s.cpus !== undefined,
        reservations: !!rec(res.reservations) || s.mem_reservation !== undefined,
        stopGracePeriod: s.stop_grace_period !== undefined,
        built: s.build !== undefined,
      });
    }
  }
  for (const path of files.match(ECS_GLOBS)) {
    const r = files.readJson<Record<string, unknown>>(path);
    const defs = r.ok ? (rec(r.value)?.containerDefinitions ?? rec(rec(r.value)?.taskDefinition)?.containerDefinitions) : undefined;
    if (!Array.isArray(defs)) continue;
    out.ecsFiles.push(path);
    const text = files.read(path) ?? '';
    for (const c of defs) {
      const d = rec(c) ?? {};
      const name = typeof d.name === 'string' ? d.name : '';
      const idx = name ? text.indexOf(`"${name}"`) : -1;
      out.ecs.push({
        path,
        name,
        ...(idx >= 0 ? { line: text.slice(0, idx).split('\n').length } : {}),
        healthCheck: !!rec(d.healthCheck),
        memory: d.memory !== undefined || d.memoryReservation !== undefined || rec(r.ok ? r.value : undefined)?.memory !== undefined,
        cpu: d.cpu !== undefined || rec(r.ok ? r.value : undefined)?.cpu !== undefined,
      });
    }
  }
  for (const path of files.match(NOMAD_GLOBS)) {
    const text = files.read(path);
    if (text === undefined) continue;
    const { blocks, error } = parseHcl(path, text);
    if (error) out.notes.push({ path, note: `HCL not fully parsed: ${error}` });
    const jobs = blocks.filter((b) => b.type === 'job');
    if (jobs.length > 0) out.nomad.push({ path, jobs });
  }
  return out;
}

export function deployments(files: FileIndex): Deploy {
  return memo(files, 'deploy', () => parseDeploy(files));
}

/** Every nested block of a type (Nomad `group`, `task`, `check`, `resources`). */
export function nested(b: TfBlock, type: string, depth = 0): TfBlock[] {
  if (depth > 8) return [];
  return b.blocks.flatMap((x) => [...(x.type === type ? [x] : []), ...nested(x, type, depth + 1)]);
}
