/**
 * "Publishing to crates.io: READY", "All metadata verified and production-ready" under "Cargo.toml
 * metadata": a package is ready to publish when its manifest lets the registry take it. A crate
 * whose dependencies are paths without a version cannot be published (cargo publish refuses it);
 * a package.json marked private is not published by npm. Read from the manifests, line by line.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { fileText } from './problems.js';

const PUBLISH = /\b(?:publish(?:ing|able|ed)?|crates\.io|npmjs|pypi|veröffentlich\w*|publicaci[oó]n|publicar)\b/i;
/** A package registry, or a package named as what is published ("publish the crate", "publishable library"). */
const REGISTRY =
  /\b(?:crates?(?:\.io)?|npm(?:js)?|pypi|registr(?:y|ies)|packagist|nuget|rubygems|maven central|jsr|packages?|librar(?:y|ies)|gems?|wheels?|sdist)\b/i;
const METADATA = /\bmetadata\b|\bmetadaten\b|\bmetadatos\b/i;
const READY = /\b(?:ready|production-ready|verified|bereit|verifiziert|listo|verificad[oa]s?)\b/i;
const MANIFEST = /(?:^|\/)(?:Cargo\.toml|package\.json)$/;

/** Whether a claim says its packages can be published: it names publishing, or calls the manifests' metadata ready. */
export function claimsPublishable(claim: Claim): boolean {
  if (claim.asserted !== 'done') return false;
  // "Publish to Wikidata", "Horizon configured and published", "role-based publishing API": the
  // app's own publishing; only a registry or a package named beside the word is the package's.
  // ("Crate: complete (internal, not published)" says it is not published.)
  if (PUBLISH.test(claim.text))
    return (
      !/\b(?:not|never|un)[ -]?published\b|\binternal\b/i.test(claim.text) &&
      (REGISTRY.test(claim.text) || /cargo|package\.json|crate/i.test(claim.section ?? ''))
    );
  return METADATA.test(claim.text) && READY.test(claim.text) && /cargo|package\.json|crate/i.test(claim.section ?? '');
}

/** Path-only dependencies of crates, and private npm packages: what keeps them from a registry. */
export function publishFinding(ctx: LookupContext): Finding | null {
  const manifests = ctx.files.paths.filter(
    (p) => MANIFEST.test(p) && !/(?:^|\/)(?:node_modules|target|vendor)\//.test(p),
  );
  if (!manifests.length) return null;
  const blocked: { path: string; line: number; snippet: string }[] = [];
  let packages = 0;
  for (const path of manifests.slice(0, 200)) {
    const text = fileText(ctx, path);
    if (text === undefined) continue;
    const lines = text.split('\n');
    if (path.endsWith('Cargo.toml')) {
      if (!lines.some((l) => /^\[package\]\s*$/.test(l.trim()))) continue;
      if (lines.some((l) => /^publish\s*=\s*false\b/.test(l.trim()))) continue;
      packages++;
      let section = '';
      lines.forEach((raw, i) => {
        const l = raw.trim();
        const header = /^\[([^\]]+)\]$/.exec(l);
        if (header) section = header[1]!;
        // Build and normal dependencies travel with the crate; dev-dependencies do not.
        else if (
          /^(?:dependencies|build-dependencies|target\..+\.dependencies)$/.test(section) &&
          /\bpath\s*=/.test(l) &&
          !/\bversion\s*=/.test(l)
        )
          blocked.push({ path, line: i + 1, snippet: l.slice(0, 160) });
      });
    } else {
      packages++;
      const at = lines.findIndex((l) => /^\s*"private"\s*:\s*true\b/.test(l));
      if (at >= 0) blocked.push({ path, line: at + 1, snippet: lines[at]!.trim() });
    }
  }
  if (!packages) return null;
  if (blocked.length)
    return {
      subject: 'publishing',
      basis: 'file',
      present: 'no',
      detail: `${blocked.length} manifest line${blocked.length > 1 ? 's keep' : ' keeps'} a package from the registry (a path dependency without a version, or a private package)`,
      evidence: blocked.slice(0, 4),
    };
  return {
    subject: 'publishing',
    basis: 'file',
    present: 'yes',
    detail: `${packages} package manifest${packages > 1 ? 's' : ''}, none private or with a path-only dependency`,
    evidence: manifests.slice(0, 3).map((path) => ({ path })),
  };
}
