/**
 * "- `express`: ^4.18.2", "- nodemailer: ^6.10.1 ✨ added (for mail)", "- **Spring Boot 3.5.7** - main
 * framework", "- **Lombok** - less boilerplate": a plain list item that is a dependency (and its version),
 * then at most a caption. The item states that the project declares that package at that version: the
 * manifests settle it. A version the manifest declares otherwise contradicts it; a name no manifest
 * declares, or one only some declared package's words meet, leaves it to the other readings.
 */
import type { Claim } from './extract.js';
import { dependenciesNamed, type Finding, fromDep, type LookupContext, versionAgrees } from './lookup.js';
import { plain } from './status.js';

/** `name: ^1.2.3`, `name@1.2.3`, `Spring Boot 3.5.7`: a package name and the version written after it. */
const NAMED_VERSION =
  /^([@A-Za-z][\w.@/-]{0,100}(?: [A-Z][\w.-]{0,40}){0,3})(?:\s*:\s*|@|\s+)[\^~=v]{0,2}(\d+(?:\.\d+){1,3}|\d+(?=\s*$|\s+[-–—]\s))(?![\w.-])/;
/** What may follow the name and version: nothing, a caption after a dash or bracket, or words in another script. */
const CAPTION = /^(?:\s*$|\s+[-–—]\s|\s*[(（:]|\s+[^\x20-\x7E])/;
/** `Lombok - less boilerplate`: a bare name, then a caption after a dash. */
const NAMED_CAPTION = /^([A-Za-z][\w.@/-]{0,60}(?: [A-Za-z][\w.-]{0,30}){0,3})\s+[-–—]\s+\S/;

const norm = (s: string) => s.toLowerCase().replace(/[\s_.]+/g, '-');
/** A declared package's own name: its last segment ("org.projectlombok:lombok" is "lombok"). */
const tail = (name: string) => norm(name.split(/[:/]/).pop() ?? name);
/** Whether a declared package is the one the item names, not one its words only meet. */
const isNamed = (declared: string, named: string) => norm(declared) === norm(named) || tail(declared) === norm(named);

export function dependencyItemFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (claim.asserted !== 'done' || claim.removed) return null;
  const item = plain(claim.raw ?? claim.text)
    .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
    .trim();
  const m = NAMED_VERSION.exec(item);
  if (m && CAPTION.test(item.slice(m[0].length))) {
    const [name, version] = [m[1]!, m[2]!];
    const declared = dependenciesNamed(ctx.facts, name).filter((d) => d.version);
    const agrees = declared.find((d) => versionAgrees(version, d.version!) === 'yes');
    if (agrees)
      return {
        subject: `${name} ${version}`,
        basis: 'dependency',
        present: 'yes',
        valued: true,
        detail: `${agrees.name} ${agrees.version} is declared`,
        evidence: [fromDep(agrees)],
      };
    // Stale only where the package named is declared by that very name, at versions none of which allows it.
    const same = declared.filter((d) => isNamed(d.name, name));
    if (same.length && same.every((d) => versionAgrees(version, d.version!) === 'no'))
      return {
        subject: `${name} ${version}`,
        basis: 'dependency',
        present: 'no',
        valued: true,
        detail: `the document says ${name} ${version}, but ${same[0]!.path} declares ${same[0]!.name} ${same[0]!.version}`,
        evidence: same.slice(0, 2).map((d) => fromDep(d)),
      };
    return null;
  }
  const c = NAMED_CAPTION.exec(item);
  if (!c) return null;
  const named = dependenciesNamed(ctx.facts, c[1]!).find((d) => isNamed(d.name, c[1]!));
  return named
    ? {
        subject: c[1]!,
        basis: 'dependency',
        present: 'yes',
        detail: `${named.name}${named.version ? ` ${named.version}` : ''} is declared`,
        evidence: [fromDep(named)],
      }
    : null;
}
