import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import configExternalized from './config-externalized.js';

/**
 * Blind round 23 (a Ktor backend): application.yaml read its settings from the environment with Ktor's
 * placeholders (`host: "$DB_HOST:"`, a default after the colon), yet the rule said "no environment reads
 * in code". Ktor's YAML `$NAME` and HOCON's `${?NAME}` (application.conf) are environment reads, written
 * in configuration, as Spring's `${NAME:…}` are.
 */
const GRADLE = 'dependencies {\n    implementation("io.ktor:ktor-server-netty:3.0.0")\n}\n';
const MAIN = 'package org.example\n\nfun main(args: Array<String>) = io.ktor.server.netty.EngineMain.main(args)\n';
const yaml = [
  'ktor:', // 1
  '    deployment:', // 2
  '        port: 8080', // 3
  '', // 4
  'conference:', // 5
  '    currentYear: 2026', // 6
  '', // 7
  'database:', // 8
  '    host: "$DB_HOST:"', // 9
  '    user: "$DB_USERNAME:"', // 10
  '    password: "$DB_PASSWORD:"', // 11
].join('\n');
const hocon = [
  'ktor {', // 1
  '    deployment {', // 2
  '        port = 8080', // 3
  '        port = ${?PORT}', // 4
  '    }', // 5
  '}', // 6
].join('\n');

describe('round 23: Ktor and HOCON configuration read from the environment', () => {
  it('Ktor application.yaml "$NAME:default": environment read, cited at its line', async () => {
    const r = await runRuleOn(
      configExternalized,
      { 'build.gradle.kts': GRADLE, 'src/main/kotlin/Main.kt': MAIN, 'src/main/resources/application.yaml': yaml },
      { profile: 'service' },
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/resources/application.yaml', line: 9 }),
    );
    expect(r.message).toMatch(
      /environment variables read by the configuration file \(src\/main\/resources\/application\.yaml:9\)/,
    );
    expect(r.message).not.toMatch(/no environment reads/);
    expect(r.score).toBeGreaterThanOrEqual(0.6);
  });

  it('HOCON application.conf ${?PORT}: environment read', async () => {
    const r = await runRuleOn(
      configExternalized,
      { 'build.gradle.kts': GRADLE, 'src/main/kotlin/Main.kt': MAIN, 'src/main/resources/application.conf': hocon },
      { profile: 'service' },
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/resources/application.conf', line: 4 }),
    );
    expect(r.score).toBeGreaterThanOrEqual(0.6);
  });

  it('the same YAML without Ktor is no read ($ is literal there), nor is one in test resources', async () => {
    const r = await runRuleOn(
      configExternalized,
      {
        'package.json': '{"name": "x", "dependencies": {"express": "^4.0.0"}}',
        'src/index.js': "const app = require('express')();\napp.listen(3000);\n",
        'config/application.yaml': yaml,
      },
      { profile: 'service' },
    );
    expect(r.evidence.some((e) => e.path === 'config/application.yaml')).toBe(false);
    const t = await runRuleOn(
      configExternalized,
      { 'build.gradle.kts': GRADLE, 'src/main/kotlin/Main.kt': MAIN, 'src/test/resources/application-test.yaml': yaml },
      { profile: 'service' },
    );
    expect(t.evidence.some((e) => e.path.startsWith('src/test/'))).toBe(false);
    expect(t.score ?? 0).toBeLessThan(0.6);
  });
});
