/**
 * What JVM main code imports, for builds whose declarations the manifest facts cannot resolve to
 * coordinates: a version catalogue published as an artefact (`from("org.example:version-catalog:1")`),
 * whose bundles and aliases (`implementation(libs.bundles.postgres)`) are not in the tree, or a
 * convention plugin that adds dependencies. The profile already takes such a build's web framework
 * from an import (profile.ts, jvmApplication); the same imports make that framework, and the database
 * driver the code talks to, facts every rule sees (blind round 46: a Ktor service with 122 Flyway
 * migrations and `import org.postgresql…` was "no database client" and "no web framework", while
 * its profile named Ktor).
 */
import type { Dependency, Ecosystem, Framework, Manifest, Match } from '../types.js';
import type { ScanPattern } from '../scan/scanner.js';
import { JVM_SERVER_IMPORTS } from './frameworks.js';
import { isProductionPath, NOT_THE_PRODUCT } from './paths.js';

export const JVM_LIBRARY_IMPORT_KEY = 'facts:jvm-library-import';

/**
 * Package prefix → the coordinate it ships in. Only libraries whose package names one artefact
 * family (a JDBC driver, an SQL library); the JDK's own `java.sql` names no database.
 */
const JVM_LIBRARIES: ReadonlyArray<{ prefix: string; coordinate: string; groups?: string[] }> = [
  { prefix: 'org.postgresql', coordinate: 'org.postgresql:postgresql' },
  { prefix: 'com.mysql', coordinate: 'com.mysql:mysql-connector-j', groups: ['mysql'] },
  { prefix: 'org.mariadb.jdbc', coordinate: 'org.mariadb.jdbc:mariadb-java-client' },
  { prefix: 'com.microsoft.sqlserver.jdbc', coordinate: 'com.microsoft.sqlserver:mssql-jdbc' },
  { prefix: 'org.jooq', coordinate: 'org.jooq:jooq' },
  { prefix: 'org.jetbrains.exposed', coordinate: 'org.jetbrains.exposed:exposed-core' },
  { prefix: 'org.hibernate', coordinate: 'org.hibernate.orm:hibernate-core', groups: ['org.hibernate'] },
  { prefix: 'kotliquery', coordinate: 'com.github.seratch:kotliquery' },
  { prefix: 'org.flywaydb', coordinate: 'org.flywaydb:flyway-core' },
  { prefix: 'liquibase', coordinate: 'org.liquibase:liquibase-core' },
  // An application runtime whose declaration often comes through an organisation's catalogue.
  { prefix: 'no.nav.helse.rapids_rivers', coordinate: 'com.github.navikt:rapids-and-rivers' },
];

const dotted = (s: string) => s.replace(/\./g, '\\.');

export const JVM_LIBRARY_IMPORT_PATTERN: ScanPattern = {
  key: JVM_LIBRARY_IMPORT_KEY,
  regex: new RegExp(`^import\\s+(?:static\\s+)?(?:${JVM_LIBRARIES.map((l) => dotted(l.prefix)).join('|')})\\.`, 'm'),
  files: ['**/*.{kt,java,scala,groovy}'],
  literals: JVM_LIBRARIES.map((l) => `import ${l.prefix}.`),
  // Imports sit at the top of a file; a few per file cover a driver beside its SQL library.
  maxPerFile: 6,
};

/** The JVM build ecosystem of the tree (Gradle first), or undefined when there is no JVM build. */
function jvmEcosystem(manifests: readonly Manifest[]): Ecosystem | undefined {
  if (manifests.some((m) => m.ecosystem === 'gradle')) return 'gradle';
  if (manifests.some((m) => m.ecosystem === 'maven')) return 'maven';
  return undefined;
}

const inMainCode = (m: Match) => isProductionPath(m.path) && !NOT_THE_PRODUCT.test(m.path);

/**
 * Libraries main code imports that no manifest declares under their group (the declaration went
 * through something unresolved): one dependency each, cited at its first import. A library the
 * build declares (even for tests only) is left to the manifest facts.
 */
export function importedJvmLibraries(
  matches: readonly Match[],
  manifests: readonly Manifest[],
  declared: readonly Dependency[],
): Dependency[] {
  const ecosystem = jvmEcosystem(manifests);
  if (!ecosystem) return [];
  const groups = new Set(
    declared
      .filter((d) => d.ecosystem === 'gradle' || d.ecosystem === 'maven')
      .map((d) => d.name.split(':')[0]!.toLowerCase()),
  );
  const names = new Set(declared.map((d) => d.name.toLowerCase()));
  const out = new Map<string, Dependency>();
  for (const m of matches) {
    if (!inMainCode(m)) continue;
    const pkg = /^import\s+(?:static\s+)?([\w.]+)/.exec(m.snippet.trim())?.[1];
    if (!pkg) continue;
    const lib = JVM_LIBRARIES.find((l) => pkg.startsWith(`${l.prefix}.`));
    if (!lib || out.has(lib.coordinate)) continue;
    // A GitHub organisation's group (`com.github.<org>`, JitPack-style) holds unrelated artefacts:
    // there only the coordinate itself counts as declared.
    const group = lib.coordinate.split(':')[0]!;
    const sameGroup = !group.startsWith('com.github.') && groups.has(group.toLowerCase());
    if (names.has(lib.coordinate.toLowerCase()) || sameGroup || (lib.groups ?? []).some((g) => groups.has(g))) continue;
    out.set(lib.coordinate, {
      ecosystem,
      name: lib.coordinate,
      path: m.path,
      line: m.line,
      dev: false,
      direct: true,
      use: 'production',
      usedAt: { path: m.path, line: m.line, snippet: m.snippet.trim() },
    });
  }
  return [...out.values()];
}

/**
 * Web frameworks main code imports (the profile's JVM table) that the manifest facts did not name,
 * cited at the import: the framework a service's profile was decided by is the framework its rules
 * judge.
 */
export function importedJvmFrameworks(
  matches: readonly Match[],
  manifests: readonly Manifest[],
  known: readonly Framework[],
): Framework[] {
  const ecosystem = jvmEcosystem(manifests);
  if (!ecosystem) return [];
  const out: Framework[] = [];
  for (const m of matches) {
    if (!inMainCode(m)) continue;
    const fw = JVM_SERVER_IMPORTS.find((i) => m.snippet.includes(`${i.prefix}.`));
    if (!fw || known.some((f) => f.id === fw.id) || out.some((f) => f.id === fw.id)) continue;
    out.push({
      id: fw.id,
      name: fw.name,
      ecosystem,
      evidence: { path: m.path, line: m.line, snippet: m.snippet.trim(), note: `${fw.name} imported by main code` },
    });
  }
  return out;
}
