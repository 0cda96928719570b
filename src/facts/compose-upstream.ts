/**
 * Compose services that are instances of one unit: two or more services of one compose stack (the
 * compose files of a folder, merged by service name) built from the same Dockerfile and context (or
 * running the same image) that an nginx `upstream` block of the same deployment lists together (`upstream app { server api1:8080; server api2:8080; }`). The
 * proxy spreads requests over them, so they are one deployed unit running that many instances, not
 * separate single-instance units (issue 15, blind round 47: a compose-ha.yml's api1 and api2 behind
 * an nginx load balancer were "0 of 6 redundant").
 * The nginx file counts when a service of that compose file builds from its folder or the compose
 * file names it (a volume mount of the file). Bounded: at most 20 nginx files of 200 KB, 40
 * upstream blocks per file, 4 KB per block.
 */
import { NGINX_FILES } from './proxy.js';
import type { FileView } from '../types.js';
import { lineAt } from '../util/lines.js';
import { memo } from '../util/memo.js';
import type { ComposeService } from './deploy.js';
import { dirOf, isProductionPath } from './paths.js';

export interface UpstreamGroup {
  /** The compose file of the services. */
  path: string;
  services: ComposeService[];
  upstream: { path: string; line: number; name: string };
}

const UPSTREAM = /^[ \t]*upstream[ \t]+([\w.-]{1,80})[ \t]*\{/gm;
const SERVER = /^[ \t]*server[ \t]+([A-Za-z0-9_.-]{1,100})(?::\d{1,5})?(?=[ \t;])/gm;

interface Upstream {
  path: string;
  line: number;
  name: string;
  hosts: string[];
}

function upstreams(files: FileView): Upstream[] {
  return memo(files, 'compose-upstreams', () => {
    const out: Upstream[] = [];
    for (const path of files
      .match([...NGINX_FILES, '**/nginx/**/*.template'])
      .filter(isProductionPath)
      .slice(0, 20)) {
      const text = (files.read(path) ?? '').slice(0, 200_000);
      if (!text.includes('upstream')) continue;
      let n = 0;
      for (const m of text.matchAll(UPSTREAM)) {
        if (++n > 40) break;
        const start = m.index + m[0].length;
        const close = text.indexOf('}', start);
        const body = text.slice(start, close < 0 ? start + 4000 : Math.min(close, start + 4000));
        const hosts = [...body.matchAll(SERVER)].map((x) => x[1]!).slice(0, 50);
        out.push({ path, line: lineAt(text, m.index), name: m[1]!, hosts });
      }
    }
    return out;
  });
}

/** What a service runs: its build (context and Dockerfile) or its image; undefined when neither. */
function buildOf(s: ComposeService): string | undefined {
  if (s.hasBuild && s.dockerfile !== undefined) return `build:${s.buildContext ?? ''}:${s.dockerfile}`;
  return s.image !== undefined ? `image:${s.image}` : undefined;
}

/** Whether the nginx file belongs to the compose file's deployment. */
function usedBy(files: FileView, compose: string, services: readonly ComposeService[], conf: string): boolean {
  if (services.some((s) => s.path === compose && s.buildContext && conf.startsWith(`${s.buildContext}/`))) return true;
  const text = (files.read(compose) ?? '').slice(0, 200_000);
  const base = conf.slice(conf.lastIndexOf('/') + 1);
  return text.includes(conf) || text.includes(`/${base}:`) || text.includes(`${base}:/`);
}

export function upstreamGroups(files: FileView, services: readonly ComposeService[]): UpstreamGroup[] {
  const ups = upstreams(files);
  if (ups.length === 0) return [];
  const out: UpstreamGroup[] = [];
  const taken = new Set<ComposeService>();
  // A folder's compose files are one stack (compose.yml and compose-ha.yml merged by service name).
  const folders = [...new Set(services.map((s) => dirOf(s.path)))];
  // Services by folder and name, once: a lookup per upstream host instead of a pass over every service.
  const byFolderName = new Map<string, ComposeService>();
  for (const s of services) {
    const k = `${dirOf(s.path)}\0${s.name}`;
    if (!byFolderName.has(k)) byFolderName.set(k, s);
  }
  for (const u of ups)
    for (const folder of folders) {
      const listed = u.hosts
        .map((h) => byFolderName.get(`${folder}\0${h}`))
        .filter((s): s is ComposeService => s !== undefined && !taken.has(s));
      const unique = [...new Set(listed)];
      if (unique.length < 2) continue;
      const key = buildOf(unique[0]!);
      if (key === undefined || unique.some((s) => buildOf(s) !== key)) continue;
      if (!unique.some((s) => usedBy(files, s.path, services, u.path))) continue;
      for (const s of unique) taken.add(s);
      out.push({ path: unique[0]!.path, services: unique, upstream: { path: u.path, line: u.line, name: u.name } });
    }
  return out;
}
