/**
 * Blind round 27, class "a Quarkus application read as a library": Quarkus (Micronaut, Helidon MP,
 * Jakarta EE) services start no server in their own code; the module that packages the application
 * (quarkus-maven-plugin, a container-image extension, a war) is the deployable unit, and it decides the
 * profile before a Maven Central plugin of another module (an API client) does. The images of
 * Quarkus's `src/main/docker/` are the production images, a base one too. Real facts and scan on
 * in-memory trees.
 */
import { describe, expect, it } from 'vitest';
import healthEndpoints from './observability/health-endpoints.js';
import containerUser from './security/container-user.js';
import databaseMigrations from './architecture/database-migrations.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';
import containerImage from './operations/container-image.js';
import type { Tree } from '../src/testing/memory.js';
import { profileOf } from '../src/testing/profile.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const dep = (g: string, a: string, scope?: string) =>
  `    <dependency>\n      <groupId>${g}</groupId>\n      <artifactId>${a}</artifactId>\n${scope ? `      <scope>${scope}</scope>\n` : ''}    </dependency>\n`;
const plugin = (g: string, a: string) =>
  `      <plugin>\n        <groupId>${g}</groupId>\n        <artifactId>${a}</artifactId>\n      </plugin>\n`;
const pom = (artifact: string, deps: string, plugins = '', extra = '') =>
  `<project>\n  <artifactId>${artifact}</artifactId>\n${extra}  <dependencies>\n${deps}  </dependencies>\n  <build>\n    <plugins>\n${plugins}    </plugins>\n  </build>\n</project>\n`;

const rootPom = [
  '<project>',
  '  <artifactId>tracker-parent</artifactId>',
  '  <packaging>pom</packaging>',
  '  <modules>',
  '    <module>tracker-api</module>',
  '    <module>tracker-backend</module>',
  '  </modules>',
  '</project>',
  '',
].join('\n');

const JAVA_RESOURCE =
  'package org.example.tracker;\n\nimport jakarta.ws.rs.GET;\nimport jakarta.ws.rs.Path;\n\n@Path("/runs")\npublic class RunResource {\n  @GET\n  public String list() { return "[]"; }\n}\n';

/** An API client module published to Maven Central beside a Quarkus backend that builds its image. */
const quarkusService = (backendPlugins: string): Tree => ({
  'README.md': '# tracker\n\nTracks benchmark runs.\n',
  'pom.xml': rootPom,
  'tracker-api/pom.xml': pom(
    'tracker-api',
    dep('io.quarkus', 'quarkus-rest-client-jackson'),
    plugin('org.sonatype.central', 'central-publishing-maven-plugin'),
  ),
  'tracker-api/src/main/java/org/example/tracker/api/RunClient.java':
    'package org.example.tracker.api;\n\npublic interface RunClient {\n  String list();\n}\n',
  'tracker-backend/pom.xml': pom(
    'tracker-backend',
    dep('io.quarkus', 'quarkus-rest-jackson') + dep('io.quarkus', 'quarkus-smallrye-health'),
    backendPlugins,
  ),
  'tracker-backend/src/main/java/org/example/tracker/RunResource.java': JAVA_RESOURCE,
  'tracker-backend/src/main/docker/Dockerfile.jvm.base': [
    'FROM registry.access.redhat.com/ubi9/openjdk-21:1.21',
    'USER root',
    'RUN microdnf -y install python3 && microdnf clean all',
    'USER 185',
    '',
  ].join('\n'),
});

describe('a JVM module that packages a server application makes the repository a service', () => {
  it('a Quarkus backend built by quarkus-maven-plugin beside a published API client is a service', async () => {
    const tree = quarkusService(plugin('io.quarkus.platform', 'quarkus-maven-plugin'));
    const p = await profileOf(tree);
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toContain('a deployable Quarkus application, module tracker-backend/');
    expect(p.reasons[0]).toContain('tracker-backend/pom.xml:');
    expect(p.reasons[0]).toContain('io.quarkus.platform:quarkus-maven-plugin packages');
    const health = await runRuleOn(healthEndpoints, tree);
    expect(health.outcome).toBe('pass');
    // Its src/main/docker base image (USER 185) is the production image, judged for its user.
    const user = await runRuleOn(containerUser, tree);
    expect(user.outcome).toBe('pass');
    expect(user.evidence.map((e) => e.path)).toContain('tracker-backend/src/main/docker/Dockerfile.jvm.base');
  });

  it('the same repository without any application packaging, an image or a server stays a library', async () => {
    const tree = quarkusService('');
    delete tree['tracker-backend/src/main/docker/Dockerfile.jvm.base'];
    const p = await profileOf(tree);
    expect(p.id).toBe('library');
    expect(p.reasons[0]).toContain('publishes a library (tracker-api/pom.xml:');
    const health = await runRuleOn(healthEndpoints, tree);
    expect(health.outcome).toBe('not-applicable');
  });

  it("Quarkus's src/main/docker Dockerfile alone keeps a published build from being a library", async () => {
    const tree = quarkusService('');
    const p = await profileOf(tree);
    expect(p.id).toBe('service');
  });

  it('a Quarkus extension (runtime + deployment, a test application under integration-tests/) stays a library', async () => {
    const tree: Tree = {
      'README.md': '# quarkus-tracker\n\nA Quarkus extension.\n',
      'pom.xml': pom(
        'quarkus-tracker-parent',
        '',
        plugin('org.sonatype.central', 'central-publishing-maven-plugin'),
        '  <packaging>pom</packaging>\n',
      ),
      'runtime/pom.xml': pom(
        'quarkus-tracker',
        dep('io.quarkus', 'quarkus-vertx-http'),
        plugin('io.quarkus', 'quarkus-extension-maven-plugin'),
      ),
      'runtime/src/main/java/org/example/Tracker.java': 'package org.example;\n\npublic class Tracker {}\n',
      'deployment/pom.xml': pom('quarkus-tracker-deployment', dep('io.quarkus', 'quarkus-vertx-http-deployment')),
      'deployment/src/main/java/org/example/TrackerProcessor.java':
        'package org.example;\n\npublic class TrackerProcessor {}\n',
      'integration-tests/pom.xml': pom(
        'quarkus-tracker-integration-tests',
        dep('io.quarkus', 'quarkus-rest'),
        plugin('io.quarkus', 'quarkus-maven-plugin'),
      ),
      'integration-tests/src/main/java/org/example/it/Resource.java': JAVA_RESOURCE,
    };
    const p = await profileOf(tree);
    expect(p.id).toBe('library');
  });

  it('a Quarkus REST client is not a server: a command-mode app with only the client is no service', async () => {
    const tree: Tree = {
      'README.md': '# runs\n\nLists runs from the command line.\n',
      'pom.xml': pom(
        'runs-cli',
        dep('io.quarkus', 'quarkus-rest-client-jackson') + dep('io.quarkus', 'quarkus-picocli'),
        plugin('io.quarkus', 'quarkus-maven-plugin'),
      ),
      'src/main/java/org/example/RunsCommand.java':
        'package org.example;\n\nimport picocli.CommandLine.Command;\n\n@Command(name = "runs")\npublic class RunsCommand implements Runnable {\n  public void run() {}\n}\n',
    };
    const p = await profileOf(tree);
    expect(p.id).not.toBe('service');
    expect(p.reasons.join(' ')).not.toContain('Quarkus');
  });

  it('a Micronaut application module (micronaut-maven-plugin) is a service despite a publishing plugin elsewhere', async () => {
    const tree = quarkusService('');
    delete tree['tracker-backend/src/main/docker/Dockerfile.jvm.base'];
    tree['tracker-backend/pom.xml'] = pom(
      'tracker-backend',
      dep('io.micronaut', 'micronaut-http-server-netty'),
      plugin('io.micronaut.maven', 'micronaut-maven-plugin'),
    );
    const p = await profileOf(tree);
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toContain('a deployable Micronaut application, module tracker-backend/');
  });

  it('a Jakarta EE web archive (war packaging, provided APIs) for Open Liberty is a service', async () => {
    const tree: Tree = {
      'README.md': '# inventory\n',
      'pom.xml': pom(
        'inventory',
        dep('jakarta.platform', 'jakarta.jakartaee-api', 'provided'),
        plugin('io.openliberty.tools', 'liberty-maven-plugin'),
        '  <packaging>war</packaging>\n',
      ),
      'src/main/java/org/example/RunResource.java': JAVA_RESOURCE,
    };
    const p = await profileOf(tree);
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toContain('a deployable Open Liberty application');
    // A jar of the same provided APIs, with nothing that deploys it, is not.
    tree['pom.xml'] = pom('inventory-api', dep('jakarta.platform', 'jakarta.jakartaee-api', 'provided'));
    expect((await profileOf(tree)).id).toBe('library');
  });
});

describe('a Quarkus service: its shutdown setting and its default Liquibase change log', () => {
  const service = () => quarkusService(plugin('io.quarkus.platform', 'quarkus-maven-plugin'));
  const PROPS = 'tracker-backend/src/main/resources/application.properties';

  it('drains on SIGTERM only with quarkus.shutdown.timeout set', async () => {
    const tree = service();
    tree[PROPS] = 'quarkus.http.port=8080\n%prod.quarkus.shutdown.timeout=30s\n';
    const ok = await runRuleOn(gracefulShutdown, tree);
    expect(ok.outcome).toBe('pass');
    expect(ok.evidence[0]).toMatchObject({ path: PROPS, line: 2 });
    tree[PROPS] = 'quarkus.http.port=8080\n';
    const bad = await runRuleOn(gracefulShutdown, tree);
    expect(bad.outcome).toBe('fail');
    expect(bad.message).toContain('Quarkus stops on SIGTERM without waiting for requests in flight');
    expect(bad.message).toContain('quarkus.shutdown.timeout');
  });

  it('db/changeLog.xml (Quarkus’s default change log) is a committed Liquibase migration', async () => {
    const tree = service();
    tree['tracker-backend/pom.xml'] = pom(
      'tracker-backend',
      dep('io.quarkus', 'quarkus-rest-jackson') +
        dep('io.quarkus', 'quarkus-liquibase') +
        dep('io.quarkus', 'quarkus-jdbc-postgresql'),
      plugin('io.quarkus.platform', 'quarkus-maven-plugin'),
    );
    tree['tracker-backend/src/main/resources/db/changeLog.xml'] =
      '<databaseChangeLog>\n  <changeSet id="1" author="dev">\n    <createTable tableName="run"/>\n  </changeSet>\n</databaseChangeLog>\n';
    const run = await runRuleOn(databaseMigrations, tree);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Liquibase');
    delete tree['tracker-backend/src/main/resources/db/changeLog.xml'];
    expect((await runRuleOn(databaseMigrations, tree)).outcome).toBe('partial');
  });

  it('the module’s .dockerignore serves its src/main/docker Dockerfile (the module is the build context)', async () => {
    const tree = service();
    const without = await runRuleOn(containerImage, tree);
    expect(without.evidence[0]!.note).toContain('no .dockerignore');
    tree['tracker-backend/.dockerignore'] = '*\n!target/*-runner\n!target/quarkus-app/\n';
    const run = await runRuleOn(containerImage, tree);
    expect(run.evidence[0]!.note).toContain('.dockerignore present');
  });
});
