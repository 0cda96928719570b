/**
 * Blind round 44, class "JVM graceful shutdown": a Ktor server stopped from a JVM shutdown hook
 * (`server.addShutdownHook { server.stop(3, 5, TimeUnit.SECONDS) }`, Ktor's extension, or
 * `Runtime.getRuntime().addShutdownHook(Thread { … })`), the engine's `stop(grace, timeout)`
 * wherever it is called, and Ktor's ShutDownUrl drain in-flight calls on shutdown. A Ktor
 * server with none of these still fails.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import gracefulShutdown from './reliability/graceful-shutdown.js';

const gradle =
  'plugins { kotlin("jvm") version "2.0.0" }\ndependencies {\n  implementation("io.ktor:ktor-server-netty:3.0.0")\n}\n';

const main = (hook: string) =>
  [
    'package org.example.render', // 1
    '', // 2
    'import io.ktor.server.engine.*', // 3
    'import io.ktor.server.netty.*', // 4
    '', // 5
    'fun main() {', // 6
    '    val server = embeddedServer(Netty, port = 8080, module = Application::module)', // 7
    `    ${hook}`, // 8
    '    server.start(wait = true)', // 9
    '}', // 10
    '',
  ].join('\n');

const tree = (hook: string): Tree => ({
  'settings.gradle.kts': 'rootProject.name = "render"\n',
  'build.gradle.kts': gradle,
  'src/main/kotlin/org/example/render/Main.kt': main(hook),
  Dockerfile: 'FROM eclipse-temurin:21-jre\nCOPY build/libs/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
});

const run = (t: Tree) => runRuleOn(gracefulShutdown, t, { profile: 'service' });

describe('graceful-shutdown on a JVM server stopped from a shutdown hook', () => {
  it("Ktor's addShutdownHook extension that stops the engine with a grace period passes, cited at the hook", async () => {
    const r = await run(tree('server.addShutdownHook { server.stop(3, 5, TimeUnit.SECONDS) }'));
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.path === 'src/main/kotlin/org/example/render/Main.kt' && e.line === 8)).toBe(true);
  });

  it("a JVM shutdown hook written in Kotlin's trailing-lambda form passes", async () => {
    const r = await run(tree('Runtime.getRuntime().addShutdownHook(Thread { server.stop(1000, 5000) })'));
    expect(r.outcome).toBe('pass');
  });

  it("the engine's stop(gracePeriodMillis, timeoutMillis) called elsewhere passes", async () => {
    const r = await run(tree('onSignal { server.stop(gracePeriodMillis = 1_000, timeoutMillis = 5_000) }'));
    expect(r.outcome).toBe('pass');
    expect(r.evidence.some((e) => e.line === 8)).toBe(true);
  });

  it("Ktor's ShutDownUrl plugin passes", async () => {
    const r = await run(tree('install(ShutDownUrl.ApplicationCallPlugin) { shutDownUrl = "/internal/shutdown" }'));
    expect(r.outcome).toBe('pass');
  });

  it('a Ktor server with no hook, no graceful stop and no ShutDownUrl still fails', async () => {
    const r = await run(tree('server.environment.log.info("starting")'));
    expect(r.outcome).toBe('fail');
  });

  it('a stop() without a grace period is not a graceful stop', async () => {
    const r = await run(tree('if (args.isEmpty()) server.stop()'));
    expect(r.outcome).toBe('fail');
  });
});
