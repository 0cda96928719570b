/**
 * "#### Users API (3 endpoints)", "#### ユーザー管理API（3個）": a heading that counts the endpoints of
 * one group, with the group's endpoints listed under it. A reader opens the file that declares the
 * listed routes and counts its declarations. Only where that file is the group's own — every listed
 * endpoint found there, and no other group's endpoints found in it — is its count the group's: more
 * declarations than the heading says is a document written before the code grew (contradicted);
 * as many confirms; fewer is left open, as for the whole API (endpoint-counts.ts).
 */
import { declaredIn } from './endpoint-counts.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import type { VerifiedClaim } from './schema.js';
import { plain } from './status.js';

/** "(3 endpoints)", "（3個）", "(5 routes)", "(2 APIs)": the count a group's heading gives in brackets. */
const GROUP_COUNT = /[(（]\s*(\d{1,3})\s*(?:個|件|个|endpoints?|routes?|apis?)\s*[)）]/i;
/** "all", "in total": a heading that counts the whole API (endpoint-counts.ts), not a group. */
const TOTAL = /全|合計|総|共|总|\b(?:total|all|overall)\b/i;
/** A listed endpoint: an HTTP method and its path. */
const ENDPOINT_ITEM = /\b(?:GET|POST|PUT|PATCH|DELETE)\s+`?(\/[\w/:{}.-]*)/;
/** Path segments that say where the API is mounted, not which group it is. */
const MOUNT = /^(?:api|v\d+|rest|public|internal)$/i;
/** What a router file's name adds to its group's name: users.routes.ts, user_router.py, UsersController.cs. */
const ROLE = /(?:[._-]?(?:routes?|router|controllers?|handlers?|endpoints?|views?|api))+$/i;
const SOURCE = /\.(?:java|kt|cs|py|ts|js|mjs|cjs|php|go)$/i;

/**
 * The group's names: the fixed segments all its listed paths share, last first ("/api/users/me",
 * "/api/users/:id" → users). Where every path is the same ("GET /api/users/me", "PUT /api/users/me"),
 * the last may be a route's own name, so the one before it is a name too.
 */
function groupNames(paths: string[]): string[] {
  if (paths.length < 2) return [];
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const shared: string[] = [];
  for (let i = 0; i < split[0]!.length; i++) {
    const seg = split[0]![i]!;
    if (split.some((s) => s[i] !== seg) || /[:{]/.test(seg)) break;
    shared.push(seg);
  }
  const names = shared.filter((s) => !MOUNT.test(s) && s.length >= 3).map((s) => s.toLowerCase());
  const same = split.every((s) => s.length === shared.length);
  return names.reverse().slice(0, same ? 2 : 1);
}

/** The one production file that declares routes and is named for the group (users.js for "users"), or null. */
function routerOf(ctx: LookupContext, name: string): string | null {
  const names = new Set([name, name.replace(/s$/, ''), `${name}s`].map((n) => n.replace(/[_-]/g, '')));
  const found = ctx.files.paths.filter((p) => {
    if (!SOURCE.test(p)) return false;
    const base = p.slice(p.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
    const stem = base.replace(ROLE, '').replace(/[_-]/g, '').toLowerCase();
    return names.has(stem);
  });
  const declaring = found.filter((p) => declaredIn(ctx, p));
  return declaring.length === 1 ? declaring[0]! : null;
}

export function relateRouteGroups(
  claims: Claim[],
  judged: VerifiedClaim[],
  lookup: LookupContext | undefined,
): VerifiedClaim[] {
  if (!lookup) return judged;
  // Every section's listed endpoints and the router file named for them — also of sections whose
  // heading is no claim, so that a file two sections share is seen as shared.
  const bySection = new Map<string, string[]>();
  for (const c of claims) {
    const path = c.source === 'heading' || !c.section ? undefined : ENDPOINT_ITEM.exec(plain(c.text))?.[1];
    if (path) bySection.set(c.section!, [...(bySection.get(c.section!) ?? []), path]);
  }
  const routers = new Map<string, string | null>();
  for (const [section, paths] of bySection) {
    let file: string | null = null;
    for (const name of groupNames(paths)) if (!file) file = routerOf(lookup, name);
    routers.set(section, file);
  }
  const groups: { at: number; count: number; file: string; listed: number; section: string }[] = [];
  claims.forEach((h, i) => {
    if (h.source !== 'heading' || !h.section || h.asserted === 'not-done' || h.asserted === 'planned') return;
    const text = plain(h.text);
    const m = GROUP_COUNT.exec(text);
    const file = routers.get(h.section);
    if (!m || TOTAL.test(text) || !file) return;
    groups.push({ at: i, count: Number(m[1]), file, listed: bySection.get(h.section)!.length, section: h.section });
  });
  const out = [...judged];
  for (const g of groups) {
    if (out[g.at]!.verdict !== 'unverifiable') continue;
    // Another group's endpoints routed by the same file: its count is not this group's.
    if ([...routers].some(([section, file]) => section !== g.section && file === g.file)) continue;
    const d = declaredIn(lookup, g.file);
    if (!d || d.found < g.count) continue;
    const stale = d.found > g.count;
    out[g.at] = {
      ...out[g.at]!,
      basis: 'search',
      rule: null,
      verdict: stale ? 'contradicted' : 'confirmed',
      reason: `the heading counts ${g.count} endpoints; ${g.file}, the router of the ${g.listed} listed under it, declares ${d.found} routes${stale ? ': the document is out of date' : ''}`,
      evidence: [{ path: g.file, line: d.first, note: `${d.found} routes` }],
    };
  }
  return out;
}
