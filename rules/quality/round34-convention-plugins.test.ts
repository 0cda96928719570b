import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import linting from './linting.js';
import formatting from './formatting.js';

const BUILD = (plugin: string) => `plugins {
  ${plugin}
  kotlin("jvm") version "2.0.0"
}

dependencies {
  implementation("org.springframework.boot:spring-boot-starter-web")
}
`;
const tree = (plugin: string, ci: string) => ({
  'build.gradle.kts': BUILD(plugin),
  'settings.gradle.kts': 'rootProject.name = "alerts"\n',
  'src/main/kotlin/App.kt': 'fun main() {}\n',
  '.github/workflows/ci.yml': ci,
});
const GRADLE_CI = `on: push
jobs:
  verify:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ./gradlew check
`;
const SHARED_CI = `on: push
jobs:
  verify:
    uses: example-org/shared-actions/.github/workflows/gradle_verify.yml@v2
`;

describe('linting and formatting: a Gradle convention plugin that applies ktlint (round 34, hmpps-alerts-api)', () => {
  it('the convention plugin applied and gradle check in CI: ktlint configured and run', async () => {
    const run = await runRuleOn(
      linting,
      tree('id("uk.gov.justice.hmpps.gradle-spring-boot") version "6.0.0"', GRADLE_CI),
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('ktlint');
    const fmt = await runRuleOn(
      formatting,
      tree('id("uk.gov.justice.hmpps.gradle-spring-boot") version "6.0.0"', GRADLE_CI),
    );
    expect(fmt.outcome).toBe('pass');
  });
  it('kotlinter, with the build handed to a shared Gradle workflow: pass', async () => {
    const run = await runRuleOn(linting, tree('id("org.jmailen.kotlinter") version "4.0.0"', SHARED_CI));
    expect(run.outcome).toBe('pass');
    expect(run.evidence.some((e) => e.path === 'build.gradle.kts' && /kotlinter/.test(e.note ?? ''))).toBe(true);
    const fmt = await runRuleOn(formatting, tree('id("org.jmailen.kotlinter") version "4.0.0"', SHARED_CI));
    expect(fmt.message).toContain('checked by gradle check');
    const local = await runRuleOn(
      formatting,
      tree('id("org.jmailen.kotlinter") version "4.0.0"', 'on: push\njobs: {}\n'),
    );
    expect(local.message).toContain('not checked in CI');
  });
  it('a plain Spring Boot plugin applies no linter: fail', async () => {
    const plain = tree('id("org.springframework.boot") version "3.3.0"', GRADLE_CI);
    expect((await runRuleOn(linting, plain)).outcome).toBe('fail');
    expect((await runRuleOn(formatting, plain)).outcome).toBe('fail');
  });
});
