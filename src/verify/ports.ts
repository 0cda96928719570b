/**
 * The port a document gives a service ("| 8001 | patient-service | /health |", "Rules Service (port
 * 8003)") compared with the ports the repository gives that service: its compose block (`ports:`,
 * `expose:`, a `PORT` variable), its folder's Dockerfile `EXPOSE`, and the port settings in its
 * folder's configuration and entry code. A stale port beside a service that exists is a stale value,
 * not a confirmation of the service.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { fileText } from './problems.js';
import { plain } from './status.js';

export interface PortSource {
  port: number;
  path: string;
  line: number;
  snippet: string;
}

const COMPOSE = /(?:^|\/)(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/;
const inRange = (n: number) => n >= 80 && n <= 65535;

/** "Rules Service (port 8003)", "auth-service on port 4000", "API Gateway: port 8080". */
const PROSE_PORT =
  /(?:\(\s?port\s?:?\s?(\d{2,5})\s?\)|\s(?:runs |listens |is )?on port (\d{2,5})\b|: ?port (\d{2,5})\b|[、,，]\s?(?:ポート|端口|포트)\s?:?\s?(\d{2,5})(?!\d))/iu;

/** The service and the port a claim gives it, or null. */
export function claimedPort(claim: Claim): { service: string; port: number; detail?: boolean } | null {
  if (claim.port && claim.subject) return { service: claim.subject, port: claim.port };
  const t = plain(claim.text);
  const m = PROSE_PORT.exec(t);
  if (!m) return null;
  const port = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
  // The one to three words before it name the service.
  const words = t
    .slice(0, m.index)
    .split(/[^\p{L}\d_.-]+/u)
    .filter(Boolean)
    .slice(-3);
  while (words.length && /^(?:the|le|la|el|der|die|das)$/i.test(words[0]!)) words.shift();
  const service = words.join(' ');
  // "…（Dockerコンテナ: x-postgres、ポート5433）": the port is a detail of a thing the line names, which
  // finding that thing does not settle.
  return inRange(port) && service ? { service, port, ...(m[4] ? { detail: true } : {}) } : null;
}

/** "Rules Service" → rules-service, rules_service, rulesservice, rules. */
function namesFor(service: string): string[] {
  const words = service
    .toLowerCase()
    .replace(/[`*]/g, '')
    .split(/[\s_-]+/)
    .filter(Boolean);
  if (!words.length) return [];
  const out = new Set([words.join('-'), words.join('_'), words.join('')]);
  if (words.length > 1 && /^(?:service|svc|server|api|app)$/.test(words.at(-1)!)) {
    const head = words.slice(0, -1);
    out.add(head.join('-'));
    out.add(head.join('_'));
  }
  return [...out].filter((n) => n.length >= 3);
}

/** The numbers a line of a compose service block gives as ports. */
function composePorts(line: string, inPorts: boolean): number[] {
  const hash = line.indexOf('#');
  const t = hash >= 0 ? line.slice(0, hash) : line;
  const env = /\b[A-Z_]*PORT\b\s*[:=]\s*["']?(\d{2,5})\b/.exec(t);
  if (env) return [Number(env[1])];
  if (!inPorts) return [];
  const item = /^\s*-\s*["']?(?:[\d.]+:)?(?:\$\{[^}]*:-?(\d{2,5})\}|(\d{2,5}))(?::(\d{2,5}))?/.exec(t);
  if (!item) return [];
  return [item[1], item[2], item[3]].filter(Boolean).map(Number);
}

interface ComposeBlock {
  key: string;
  container?: string;
  ports: PortSource[];
}

/**
 * Every compose file's service blocks with the ports they give, read once per lookup context: a
 * document of many port rows asks for each service, and each question read every compose file again.
 */
const composeCache = new WeakMap<LookupContext, ComposeBlock[]>();
function composeBlocks(ctx: LookupContext): ComposeBlock[] {
  const cached = composeCache.get(ctx);
  if (cached) return cached;
  const out: ComposeBlock[] = [];
  for (const path of ctx.files.paths.filter((p) => COMPOSE.test(p))) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    const at = lines.findIndex((l) => /^services:\s*$/.test(l));
    if (at < 0) continue;
    let indent = -1;
    const blocks: { key: string; from: number; to: number }[] = [];
    for (let i = at + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (!l.trim() || /^\s*#/.test(l)) continue;
      if (/^\S/.test(l)) break;
      const m = /^(\s+)([\w.-]+):\s*(?:#.*)?$/.exec(l);
      if (m && (indent < 0 || m[1]!.length === indent)) {
        indent = m[1]!.length;
        if (blocks.length) blocks.at(-1)!.to = i;
        blocks.push({ key: m[2]!.toLowerCase(), from: i, to: lines.length });
      }
    }
    for (const b of blocks) {
      const container = lines
        .slice(b.from, b.to)
        .map((l) => /^\s+container_name:\s*["']?([\w.-]+)/.exec(l)?.[1]?.toLowerCase())
        .find(Boolean);
      const ports: PortSource[] = [];
      let inPorts = false;
      for (let i = b.from + 1; i < b.to; i++) {
        const l = lines[i]!;
        if (/^\s+(?:ports|expose):\s*$/.test(l)) {
          inPorts = true;
          continue;
        }
        if (/^\s+[\w-]+:/.test(l) && !/^\s+-/.test(l)) inPorts = false;
        for (const port of composePorts(l, inPorts))
          if (inRange(port)) ports.push({ port, path, line: i + 1, snippet: l.trim() });
      }
      out.push({ key: b.key, ...(container ? { container } : {}), ports });
    }
  }
  composeCache.set(ctx, out);
  return out;
}

function fromCompose(ctx: LookupContext, names: string[]): PortSource[] {
  return composeBlocks(ctx)
    .filter((b) => names.includes(b.key) || (b.container && names.some((n) => b.container!.endsWith(n))))
    .flatMap((b) => b.ports);
}

/** `env::var("PORT").unwrap_or_else(|_| "8093")`, `process.env.PORT || 3000`: the default after the lookup. */
function envDefault(text: string): [string, string] | null {
  const at = /unwrap_or|\|\||\?\?|getenv\(|default/.exec(text);
  if (!at) return null;
  const num = /\d{2,5}\b/.exec(text.slice(at.index, at.index + 60));
  return num ? [num[0], num[0]] : null;
}

/** Folder name (lower case) → the folders of that name, built once per lookup context. */
const folderCache = new WeakMap<LookupContext, Map<string, Set<string>>>();
function folderIndex(ctx: LookupContext): Map<string, Set<string>> {
  let index = folderCache.get(ctx);
  if (index) return index;
  index = new Map();
  for (const p of ctx.files.paths) {
    let end = p.indexOf('/');
    while (end > 0) {
      const start = p.lastIndexOf('/', end - 1) + 1;
      const name = p.slice(start, end).toLowerCase();
      let set = index.get(name);
      if (!set) index.set(name, (set = new Set()));
      if (set.size <= 3) set.add(p.slice(0, end));
      end = p.indexOf('/', end + 1);
    }
  }
  folderCache.set(ctx, index);
  return index;
}

/** Port settings in the files of the service's own folder: Dockerfile EXPOSE, `port` defaults. */
function fromFolder(ctx: LookupContext, names: string[]): PortSource[] {
  const out: PortSource[] = [];
  const index = folderIndex(ctx);
  const folders = new Set(names.flatMap((n) => [...(index.get(n) ?? [])]));
  if (folders.size === 0 || folders.size > 3) return out;
  for (const folder of folders) {
    const files = ctx.files.paths.filter(
      (p) =>
        p.startsWith(`${folder}/`) &&
        !/(?:^|\/)(?:tests?|__tests__|spec|node_modules|target|dist|build)\//.test(p.slice(folder.length)) &&
        /(?:^|\/)(?:Dockerfile[\w.-]*|\.env(?:\.example|\.sample)?|config\.\w+|settings\.\w+|application[\w-]*\.(?:ya?ml|properties)|main\.\w+|server\.\w+|index\.\w+|app\.\w+)$/i.test(
          p,
        ),
    );
    for (const path of files.slice(0, 20)) {
      const lines = (fileText(ctx, path) ?? '').split('\n');
      lines.forEach((l, i) => {
        if (/https?:\/\/|_url\b|url\s*[:=]/i.test(l)) return;
        const expose = /^\s*EXPOSE\s+(\d{2,5})/i.exec(l);
        const setting =
          expose ??
          /\bport\b["']?\s*[,:=]\s*["']?(\d{2,5})\b/i.exec(l) ??
          // `env::var("PORT")` with its default on the next line (`.unwrap_or_else(|_| "8093".to_string())`).
          envDefault(/\bPORT\b/.test(l) ? `${l} ${(lines[i + 1] ?? '').trim()}` : '') ??
          /\.listen\(\s*(\d{2,5})\b/.exec(l) ??
          /(?:0\.0\.0\.0|127\.0\.0\.1|localhost)?:(\d{4,5})["']\s*\)?/.exec(/bind|listen|addr/i.test(l) ? l : '');
        if (setting && inRange(Number(setting[1])))
          out.push({ port: Number(setting[1]), path, line: i + 1, snippet: l.trim().slice(0, 160) });
      });
    }
  }
  return out;
}

/** The ports the repository gives a named service; empty when it gives none the lookup can read. */
export function servicePorts(ctx: LookupContext, service: string): PortSource[] {
  const names = namesFor(plain(service));
  if (!names.length) return [];
  return [...fromCompose(ctx, names), ...fromFolder(ctx, names)];
}

/** The claim's port against the service's: a finding when the service's ports are known. */
export function portFinding(ctx: LookupContext, claim: Claim): (Finding & { agrees: boolean }) | null {
  const said = claimedPort(claim);
  if (!said) return null;
  const ports = servicePorts(ctx, said.service);
  if (!ports.length) return null;
  const same = ports.find((p) => p.port === said.port);
  const shown = same ? [same] : ports.slice(0, 3);
  const list = [...new Set(ports.map((p) => p.port))].join(', ');
  return {
    subject: said.service,
    basis: 'file',
    present: same ? 'yes' : 'no',
    agrees: !!same,
    detail: same
      ? `${said.service} is given port ${said.port} at ${same.path}:${same.line}`
      : `${said.service} is given port ${list} (${ports[0]!.path}:${ports[0]!.line} ${ports[0]!.snippet}), not ${said.port}`,
    evidence: shown.map((p) => ({ path: p.path, line: p.line, snippet: p.snippet })),
  };
}
