/**
 * "#### User API (3)" over "- GET /api/users/me", "- PUT /api/users/me", "- GET /api/users/:id": a
 * heading that counts the endpoints of one group, the group's routes listed below it. A reader finds
 * the router mounted at the prefix those routes share and counts the routes it registers. Compared one
 * way, as the whole API's count is (endpoint-counts.ts): more registered than the heading says is a
 * heading written before the router grew (contradicted); exactly as many confirms, when the router
 * mounts no routers of its own; fewer is left open.
 */
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { routerAt } from './mounted.js';
import { namesOf } from './needles.js';
import type { VerifiedClaim } from './schema.js';
import { plain } from './status.js';

/** "ユーザー管理API（3個）", "Users API (3 endpoints)", "Bookings API (5)": a group of the API and its count. */
const GROUP_COUNT =
  /\bAPI\s*[（(]\s*(\d{1,3})\s*(?:(?:個|件|本|つ|endpoints?|routes?|エンドポイント)\s*)?[)）]\s*(?:\S{0,20})$/i;
const isParam = (seg: string) => /^(?::\w+\??|\{[^{}]*\}|<[^<>]*>)$/.test(seg);

export function relateRouteGroups(
  claims: Claim[],
  judged: VerifiedClaim[],
  ctx: LookupContext | undefined,
): VerifiedClaim[] {
  if (!ctx) return judged;
  const out = [...judged];
  claims.forEach((c, i) => {
    if (c.source !== 'heading' || out[i]!.verdict !== 'unverifiable') return;
    const m = GROUP_COUNT.exec(plain(c.text));
    if (!m) return;
    const claimed = Number(m[1]);
    // The items below the heading, up to the next heading: each one route.
    const members: string[] = [];
    for (let k = i + 1; k < claims.length && claims[k]!.source !== 'heading'; k++) {
      const eps = namesOf(claims[k]!).endpoints;
      if (eps.length !== 1) return;
      members.push(eps[0]!);
    }
    if (!members.length) return;
    const segs = members.map((e) => e.split('/').filter(Boolean));
    const prefix: string[] = [];
    for (let k = 0; k < segs[0]!.length; k++) {
      const s = segs[0]![k]!;
      if (isParam(s) || !segs.every((x) => x[k]?.toLowerCase() === s.toLowerCase())) break;
      prefix.push(s);
    }
    if (prefix.length < 1) return;
    // The longest shared prefix a router is mounted at.
    let router: ReturnType<typeof routerAt> = null;
    while (prefix.length && !(router = routerAt(ctx, prefix))) prefix.pop();
    if (!router?.routes.length) return;
    const counted = router.routes.length;
    const at = `${router.mount.path}:${router.mount.line}`;
    const evidence = [router.mount, ...router.routes.slice(0, 3)];
    const where = `${counted} route${counted === 1 ? '' : 's'} registered in ${router.routes[0]!.path}, the router mounted at /${prefix.join('/')} (${at})`;
    if (counted > claimed)
      out[i] = {
        ...out[i]!,
        basis: 'search',
        rule: null,
        verdict: 'contradicted',
        reason: `the document says ${claimed}, but ${where}`,
        evidence,
      };
    else if (counted === claimed && !router.nested)
      out[i] = { ...out[i]!, basis: 'search', rule: null, verdict: 'confirmed', reason: `found: ${where}`, evidence };
  });
  return out;
}
