import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { collectFacts } from '../index.js';

const facts = (tree: Record<string, string>) => collectFacts(memoryIndex(tree));

const BUILD = [
  'val tapirVersion = "1.11.0"',
  'val http = Seq(',
  '  "com.softwaremill.sttp.tapir" %% "tapir-netty-server-sync" % tapirVersion, // server',
  '  "org.postgresql" % "postgresql" % "42.7.3"',
  ')',
  'val testing = Seq(',
  '  "org.scalatest" %% "scalatest" % "3.2.19",',
  '  "com.opentable.components" % "otj-pg-embedded" % "1.1.1"',
  ').map(_ % Test)',
  '// "com.example" %% "commented-out" % "1.0"',
  'lazy val api = (project in file("api"))',
  '  .settings(libraryDependencies ++= http ++ testing)',
  '  .settings(libraryDependencies += "org.typelevel" %%% "munit-cats-effect" % "2.0.0" % "test")',
  '  .settings(libraryDependencies += "org.slf4j" % "slf4j-api" % "2.0.9" % Provided)',
  '',
].join('\n');

describe('sbt builds are dependency manifests', () => {
  const f = facts({
    'build.sbt': BUILD,
    'project/plugins.sbt': 'addSbtPlugin("com.github.sbt" % "sbt-native-packager" % "1.10.4")\n',
    'project/Dependencies.scala':
      'object Dependencies {\n  val logback = "ch.qos.logback" % "logback-classic" % "1.5.6"\n}\n',
    'project/BuildHelper.scala': 'object BuildHelper { def settings = Seq() }\n',
    'api/src/main/scala/Main.scala': 'object Main\n',
  });
  const dep = (name: string) => f.dependencies.find((d) => d.name === name);

  it('reads modules with their versions, including a version kept in a val', () => {
    expect(f.manifests.map((m) => m.path)).toEqual(
      expect.arrayContaining(['build.sbt', 'project/plugins.sbt', 'project/Dependencies.scala']),
    );
    expect(dep('com.softwaremill.sttp.tapir:tapir-netty-server-sync')).toMatchObject({
      ecosystem: 'maven',
      version: '1.11.0',
      path: 'build.sbt',
      line: 3,
      dev: false,
    });
    expect(dep('org.postgresql:postgresql')).toMatchObject({ version: '42.7.3', dev: false });
    expect(dep('ch.qos.logback:logback-classic')).toMatchObject({ path: 'project/Dependencies.scala', dev: false });
  });

  it('test, provided and plugin modules are not production dependencies', () => {
    expect(dep('org.scalatest:scalatest')?.dev).toBe(true);
    expect(dep('com.opentable.components:otj-pg-embedded')?.dev).toBe(true);
    expect(dep('org.typelevel:munit-cats-effect')?.dev).toBe(true);
    expect(dep('org.slf4j:slf4j-api')?.dev).toBe(true);
    expect(dep('com.github.sbt:sbt-native-packager')?.dev).toBe(true);
  });

  it('a commented-out module and a build helper without modules are not read', () => {
    expect(dep('com.example:commented-out')).toBeUndefined();
    expect(f.manifests.some((m) => m.path === 'project/BuildHelper.scala')).toBe(false);
  });

  it('a project/ folder of sources without a build.sbt beside it is no build', () => {
    const g = facts({
      'src/main/scala/project/Deps.scala': 'val x = "org.x" % "y" % "1"\n',
      'project/Other.scala': 'val x = "org.x" % "y" % "1"\n',
    });
    expect(g.manifests).toEqual([]);
    expect(g.dependencies).toEqual([]);
  });
});
