import type { Facts } from '../../../src/types.js';

/** JVM frameworks with their own security layer, as the messages name them (first match wins). */
const SECURITY_LAYERS: ReadonlyArray<{ framework: string; deps: string[]; name: string }> = [
  {
    framework: 'spring-boot',
    deps: ['org.springframework.security:*', 'org.springframework.boot:spring-boot-starter-security'],
    name: 'Spring',
  },
  { framework: 'micronaut', deps: ['io.micronaut.security:*'], name: 'Micronaut' },
  { framework: 'quarkus', deps: ['io.quarkus:quarkus-security*', 'io.quarkus:quarkus-oidc*'], name: 'Quarkus' },
  { framework: 'helidon', deps: ['io.helidon.security*'], name: 'Helidon' },
  { framework: 'ktor', deps: ['io.ktor:ktor-server-auth*'], name: 'Ktor' },
  { framework: 'dropwizard', deps: ['io.dropwizard:dropwizard-auth'], name: 'Dropwizard' },
];

/**
 * The name of the JVM security layer the project uses, for a message: the security library it
 * declares (Spring Security, Micronaut Security, Quarkus security) or else its web framework; `JVM`
 * when neither says. A Micronaut `@Secured` is not "Spring" security (blind round 46).
 */
export function jvmSecurityName(facts: Pick<Facts, 'frameworks' | 'findDependencies'>): string {
  const byDep = SECURITY_LAYERS.find((l) => facts.findDependencies(l.deps).length > 0);
  if (byDep) return byDep.name;
  const ids = new Set(facts.frameworks.map((f) => f.id));
  return SECURITY_LAYERS.find((l) => ids.has(l.framework))?.name ?? 'JVM';
}
