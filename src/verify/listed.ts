/**
 * Names a line leads with that a configuration lists: a linter golangci-lint enables ("**dupl** ✅
 * Code duplication detection"), a service a compose file defines ("✅ `queue` - Dedicated queue
 * worker"). The name must be the line's first word, set off in bold or ticks, and listed exactly.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { fileText } from './problems.js';

interface Listed {
  path: string;
  line: number;
}

/** `- name` items of a YAML block list under `key:` (one level), by name. */
function yamlList(text: string, key: RegExp): Map<string, number> {
  const out = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)([\w-]+):\s*$/.exec(lines[i]!);
    if (!m || !key.test(m[2]!)) continue;
    const indent = m[1]!.length;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (!l.trim() || /^\s*#/.test(l)) continue;
      const item = /^(\s*)-\s*([\w.-]+)\s*(?:#.*)?$/.exec(l);
      if (!item || item[1]!.length < indent) break;
      out.set(item[2]!.toLowerCase(), j + 1);
    }
  }
  return out;
}

function linters(ctx: LookupContext): { path: string; enabled: Map<string, number>; disabled: Map<string, number> }[] {
  return ctx.files.paths
    .filter((p) => /(?:^|\/)\.golangci\.ya?ml$/.test(p))
    .sort((a, b) => a.split('/').length - b.split('/').length)
    .slice(0, 1)
    .map((path) => {
      const text = fileText(ctx, path) ?? '';
      return { path, enabled: yamlList(text, /^enable$/), disabled: yamlList(text, /^disable$/) };
    });
}

/** The services each compose file defines, by file. */
export function composeServiceCounts(ctx: LookupContext): { path: string; count: number }[] {
  const byFile = new Map<string, number>();
  for (const s of composeServicesAll(ctx)) byFile.set(s.path, (byFile.get(s.path) ?? 0) + 1);
  return [...byFile].map(([path, count]) => ({ path, count }));
}

function composeServices(ctx: LookupContext): Map<string, Listed> {
  const out = new Map<string, Listed>();
  for (const s of composeServicesAll(ctx)) if (!out.has(s.name)) out.set(s.name, s);
  return out;
}

function composeServicesAll(ctx: LookupContext): (Listed & { name: string })[] {
  const out: (Listed & { name: string })[] = [];
  for (const path of ctx.files.paths.filter((p) => /(?:^|\/)(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(p))) {
    const lines = (fileText(ctx, path) ?? '').split('\n');
    const at = lines.findIndex((l) => /^services:\s*$/.test(l));
    if (at < 0) continue;
    let indent = -1;
    for (let i = at + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (!l.trim() || /^\s*#/.test(l)) continue;
      if (/^\S/.test(l)) break;
      const m = /^(\s+)([\w.-]+):\s*(?:#.*)?$/.exec(l);
      if (!m) continue;
      if (indent < 0) indent = m[1]!.length;
      if (m[1]!.length === indent) out.push({ name: m[2]!.toLowerCase(), path, line: i + 1 });
    }
  }
  return out;
}

/** The names a line leads with, set off in bold or ticks: "**nilerr**, **nilnesserr** ✅ …", "`queue` - …". */
function leadingNames(raw: string): string[] {
  const t = raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^(?:[^\p{L}\p{N}`*]+)/u, '');
  const m = /^((?:(?:\*\*|`)[\w.-]+(?:\*\*|`)\s*,\s*)*(?:\*\*|`)[\w.-]+(?:\*\*|`))/.exec(t);
  if (!m) return [];
  return [...m[1]!.matchAll(/(?:\*\*|`)([\w.-]+)(?:\*\*|`)/g)].map((x) => x[1]!.toLowerCase());
}

export function listedFinding(ctx: LookupContext, claim: Claim): Finding | null {
  const names = leadingNames(claim.raw ?? '');
  if (!names.length) return null;
  for (const cfg of linters(ctx)) {
    if (!cfg.enabled.size) continue;
    const on = names.filter((n) => cfg.enabled.has(n));
    const off = names.filter((n) => cfg.disabled.has(n));
    if (on.length === names.length)
      return {
        subject: names.join(', '),
        basis: 'config',
        present: 'yes',
        detail: `${cfg.path} enables ${names.join(', ')}`,
        evidence: names.map((n) => ({ path: cfg.path, line: cfg.enabled.get(n)!, snippet: `- ${n}` })).slice(0, 4),
      };
    if (off.length)
      return {
        subject: names.join(', '),
        basis: 'config',
        present: 'no',
        detail: `${cfg.path} disables ${off.join(', ')}`,
        evidence: off.map((n) => ({ path: cfg.path, line: cfg.disabled.get(n)!, snippet: `- ${n}` })).slice(0, 4),
      };
  }
  const services = composeServices(ctx);
  if (services.size && names.length === 1 && services.has(names[0]!)) {
    const s = services.get(names[0]!)!;
    return {
      subject: names[0]!,
      basis: 'config',
      present: 'yes',
      detail: `${s.path} defines the service ${names[0]}`,
      evidence: [{ path: s.path, line: s.line, snippet: `${names[0]}:` }],
    };
  }
  return null;
}
