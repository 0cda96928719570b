/**
 * A Scala web framework read from build.sbt makes a service where a program of the product starts
 * it (blind round 38: a Tapir/Netty application was a library "by its ui/package.json"), and stays
 * a library where nothing starts it (a Tapir or http4s extension published to Maven Central).
 * Real facts and scan, on in-memory trees.
 */
import { describe, expect, it } from 'vitest';
import { profileOf } from '../testing/profile.js';

const build = (deps: string[], extra = '') =>
  [
    'lazy val api = (project in file("api"))',
    '  .settings(libraryDependencies ++= Seq(',
    ...deps.map((d) => `    ${d},`),
    '    "org.scalatest" %% "scalatest" % "3.2.19" % Test',
    '  ))',
    extra,
  ].join('\n');

describe('Scala web frameworks from sbt builds', () => {
  it('Tapir on Netty with an IOApp main is a service', async () => {
    const p = await profileOf({
      'build.sbt': build(['"com.softwaremill.sttp.tapir" %% "tapir-netty-server-sync" % "1.11.0"']),
      'api/src/main/scala/app/Main.scala': 'package app\n\nobject Main extends IOApp.Simple {\n  def run = ???\n}\n',
      'ui/package.json': '{"name":"ui","dependencies":{"react":"18.0.0"}}',
    });
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toMatch(/Tapir .*build\.sbt:3.*started by api\/src\/main\/scala\/app\/Main\.scala:3/);
  });

  it('http4s with ZIOAppDefault, a version kept in a val, in project/Dependencies.scala', async () => {
    const p = await profileOf({
      'build.sbt': 'lazy val root = project.settings(libraryDependencies ++= Dependencies.all)\n',
      'project/Dependencies.scala':
        'object Dependencies {\n  val http4s = "0.23.27"\n  val all = Seq("org.http4s" %% "http4s-ember-server" % http4s)\n}\n',
      'src/main/scala/Server.scala': 'object Server extends ZIOAppDefault:\n  def run = ???\n',
    });
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toMatch(/http4s/);
  });

  it('a Play application (enablePlugins(PlayScala)) is a service without a main of its own', async () => {
    const p = await profileOf({
      'build.sbt': 'lazy val root = (project in file(".")).enablePlugins(PlayScala)\n',
      'project/plugins.sbt': 'addSbtPlugin("org.playframework" % "sbt-plugin" % "3.0.5")\n',
      'app/controllers/HomeController.scala': 'package controllers\nclass HomeController\n',
      'conf/routes': 'GET / controllers.HomeController.index\n',
    });
    expect(p.id).toBe('service');
    expect(p.reasons[0]).toMatch(/Play/);
  });

  it('a Tapir library that nothing starts, published with sbt-ci-release, stays a library', async () => {
    const p = await profileOf({
      'build.sbt': build(['"com.softwaremill.sttp.tapir" %% "tapir-http4s-server" % "1.11.0"']),
      'project/plugins.sbt': 'addSbtPlugin("com.github.sbt" % "sbt-ci-release" % "1.5.12")\n',
      'api/src/main/scala/ext/Routes.scala': 'package ext\n\nclass Routes {\n  def all = ???\n}\n',
      'api/src/test/scala/ext/RoutesSpec.scala': 'object Demo extends IOApp.Simple { def run = ??? }\n',
    });
    expect(p.id).toBe('library');
  });
});
