/**
 * The deployable units of a JVM build: the modules that package a runnable server application.
 * Quarkus, Micronaut, Helidon MP and Jakarta EE applications start no server in their own code (the
 * framework does, from build-time wiring or an application server), so the server-start pattern never
 * sees them; their build says what they are. In a multi-module build the deployable module decides
 * the profile before a publishing plugin in another module does (blind round 27: a Quarkus backend
 * beside a published API client was judged a library).
 */
import type { Dependency, FileView, Manifest } from '../types.js';
import { WEB_FRAMEWORKS, isFrameworkDep, nameMatches } from './frameworks.js';
import { NOT_THE_PRODUCT, isTestPath } from './paths.js';

export interface DeployableUnit {
  /** The framework or application server, as the report names it. */
  framework: string;
  /** The build file of the module (pom.xml, build.gradle, build.gradle.kts). */
  path: string;
  /** Why it is deployable: `path:line: what` of the packaging plugin, parent or packaging. */
  evidence: string;
}

const BUILD_FILE = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;

/**
 * A framework's application packaging: the build plugin that turns the module into a runnable
 * application (`quarkus-maven-plugin`'s build goal, the `io.quarkus` Gradle plugin, Micronaut's
 * application plugins) or into an image (Jib, Quarkus's container-image and Kubernetes extensions).
 * A module with one of these and a server dependency of the framework is an application, not a
 * library that supports the framework (a Quarkus extension is packaged by quarkus-extension-maven-plugin).
 */
const APP_PACKAGING: Array<{ framework: string; plugins: string[] }> = [
  {
    framework: 'quarkus',
    plugins: [
      '*:quarkus-maven-plugin',
      'plugin:io.quarkus',
      'io.quarkus:quarkus-container-image-*',
      'io.quarkus:quarkus-kubernetes',
      'io.quarkus:quarkus-openshift',
    ],
  },
  {
    framework: 'micronaut',
    plugins: ['*:micronaut-maven-plugin', 'plugin:io.micronaut.application', 'plugin:io.micronaut.minimal.application'],
  },
  // An image built by Jib from any JVM web framework's module.
  { framework: '*', plugins: ['*:jib-maven-plugin', 'plugin:com.google.cloud.tools.jib'] },
];

/**
 * Application servers that run a Jakarta EE / MicroProfile application: their build plugins deploy
 * the module (Open Liberty, WildFly, Payara Micro, TomEE); a web archive (`<packaging>war</packaging>`,
 * the Gradle `war` plugin) is deployed to one whatever it names.
 */
const APP_SERVER_PLUGINS: Array<{ name: string; plugins: string[] }> = [
  {
    name: 'Open Liberty',
    plugins: ['*:liberty-maven-plugin', 'plugin:io.openliberty.tools.gradle.Liberty', 'plugin:liberty'],
  },
  { name: 'WildFly', plugins: ['*:wildfly-maven-plugin', '*:wildfly-jar-maven-plugin'] },
  { name: 'Payara Micro', plugins: ['*:payara-micro-maven-plugin'] },
  { name: 'TomEE', plugins: ['*:tomee-maven-plugin'] },
  { name: 'Jakarta EE web archive', plugins: ['plugin:war'] },
];

/** `*:artifact` matches any group (Quarkus poms name it `${quarkus.platform.group-id}`). */
function matches(name: string, pattern: string): boolean {
  if (pattern.startsWith('*:')) {
    const colon = name.lastIndexOf(':');
    return colon >= 0 && nameMatches(name.slice(colon + 1), pattern.slice(2));
  }
  return nameMatches(name, pattern);
}

const WAR_PACKAGING = /<packaging>[ \t\r\n]*war[ \t\r\n]*<\/packaging>/;
const HELIDON_APP_PARENT = /<groupId>[ \t\r\n]*io\.helidon\.applications[ \t\r\n]*<\/groupId>/;

/**
 * The first deployable unit of the build, modules nearest the root first: a module outside tests,
 * examples and docs (and not set aside by `aside`, the profile's test-harness and demo folders) that
 * packages a server application. Reads only the dependency facts and, for Maven, two fixed tags.
 */
export function jvmDeployable(
  files: FileView,
  manifests: Manifest[],
  dependencies: Dependency[],
  aside: (path: string) => string | undefined,
): DeployableUnit | undefined {
  const builds = manifests
    .filter((m) => (m.ecosystem === 'maven' || m.ecosystem === 'gradle') && BUILD_FILE.test(m.path))
    .filter((m) => !NOT_THE_PRODUCT.test(m.path) && !isTestPath(m.path) && !aside(m.path))
    .map((m) => m.path)
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  if (builds.length === 0) return undefined;
  const byPath = new Map<string, Dependency[]>();
  for (const d of dependencies) {
    if (d.ecosystem !== 'maven' && d.ecosystem !== 'gradle') continue;
    // Version management (pluginManagement, dependencyManagement) declares nothing.
    if (d.direct === false && d.via === 'version management') continue;
    const list = byPath.get(d.path);
    if (list) list.push(d);
    else byPath.set(d.path, [d]);
  }
  const jvmFrameworks = WEB_FRAMEWORKS.filter((fw) =>
    (Array.isArray(fw.ecosystem) ? fw.ecosystem : [fw.ecosystem]).includes('maven'),
  );
  const cite = (d: Dependency) => `${d.path}${d.line ? `:${d.line}` : ''}: ${d.name.replace(/^plugin:/, 'plugin ')}`;
  for (const path of builds) {
    const deps = byPath.get(path) ?? [];
    const text = path.endsWith('pom.xml') ? (files.read(path) ?? '') : '';
    // A server framework declared by this module, for its runtime.
    const server = deps.find((d) => !d.dev && jvmFrameworks.some((fw) => isFrameworkDep(fw, d.name)));
    const fw = server && jvmFrameworks.find((f) => isFrameworkDep(f, server.name));
    if (server && fw) {
      for (const pack of APP_PACKAGING) {
        if (pack.framework !== '*' && pack.framework !== fw.id) continue;
        const plugin = deps.find((d) => pack.plugins.some((p) => matches(d.name, p)));
        if (plugin) return { framework: fw.name, path, evidence: `${cite(plugin)} packages ${cite(server)}` };
      }
      const parent = fw.id === 'helidon' ? HELIDON_APP_PARENT.exec(text) : null;
      if (parent) {
        const line = files.lines(path)?.lineAt(parent.index) ?? 1;
        return {
          framework: fw.name,
          path,
          evidence: `${path}:${line}: parent io.helidon.applications packages ${cite(server)}`,
        };
      }
    }
    for (const appServer of APP_SERVER_PLUGINS) {
      const plugin = deps.find((d) => appServer.plugins.some((p) => matches(d.name, p)));
      if (plugin) return { framework: appServer.name, path, evidence: cite(plugin) };
    }
    const war = WAR_PACKAGING.exec(text);
    if (war) {
      const line = files.lines(path)?.lineAt(war.index) ?? 1;
      return { framework: 'Jakarta EE web archive', path, evidence: `${path}:${line}: <packaging>war</packaging>` };
    }
  }
  return undefined;
}
