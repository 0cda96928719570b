/**
 * Blind round 47: a Spotless check whose configuration runs ktlint (or ESLint) as a step lints the
 * code, so linting credits the CI run formatting already credits; formatter-only steps
 * (palantirJavaFormat, ktfmt) stay formatting only.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import linting from './linting.js';
import formatting from './formatting.js';

const build = (steps: string) => `plugins {
  kotlin("jvm") version "2.0.0"
  id("com.diffplug.spotless") version "7.0.0"
}

dependencies {
  implementation("org.springframework.boot:spring-boot-starter-webflux")
}

spotless {
  format("misc") {
    target("*.md")
    trimTrailingWhitespace()
  }
  kotlin {
${steps}
  }
}
`;

const CI = `name: Build, lint and test
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Run lint
        run: ./gradlew spotlessCheck
`;

const tree = (steps: string, ci = CI) => ({
  'build.gradle.kts': build(steps),
  'settings.gradle.kts': 'rootProject.name = "innsyn"\n',
  'src/main/kotlin/App.kt': 'fun main() {}\n',
  '.github/workflows/build.yml': ci,
});

describe('linting through a Spotless step that runs a linter', () => {
  it('credits ktlint run by ./gradlew spotlessCheck in CI', async () => {
    const r = await runRuleOn(linting, tree('    ktlint("1.5.0")'));
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('ktlint');
    expect(JSON.stringify(r.evidence)).toContain('.github/workflows/build.yml');
    const fmt = await runRuleOn(formatting, {
      ...tree('    ktlint("1.5.0")'),
      '.editorconfig': '[*.{kt,kts}]\nktlint_code_style = ktlint_official\n',
    });
    expect(fmt.outcome).toBe('pass');
    // The one Spotless run is named once, not again as a second formatter's check.
    expect(fmt.message).toContain('checked in CI (Spotless (ktlint))');
  });

  it('does not make a formatter-only step a linter', async () => {
    const r = await runRuleOn(linting, tree('    ktfmt("0.53")'));
    expect(r.outcome).not.toBe('pass');
    expect(r.message).not.toContain('ktlint');
  });

  it('says ktlint is not run when CI does not run the Spotless check', async () => {
    // The Spotless step is ktlint's configuration: configured, not run.
    const r = await runRuleOn(
      linting,
      tree('    ktlint("1.5.0")', CI.replace('./gradlew spotlessCheck', './gradlew spotlessApply')),
    );
    expect(r.outcome).toBe('partial');
    expect(r.message).toContain('no CI job runs');
    expect(r.evidence[0]).toMatchObject({ path: 'build.gradle.kts', line: 16 });
  });

  it('reads the spotless-maven-plugin the same way', async () => {
    const pom = (step: string) =>
      `<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>innsyn</artifactId><version>1</version>
<build><plugins>
  <plugin>
    <groupId>com.diffplug.spotless</groupId>
    <artifactId>spotless-maven-plugin</artifactId>
    <configuration><kotlin>${step}</kotlin></configuration>
  </plugin>
</plugins></build></project>
`;
    const maven = (step: string) => ({
      'pom.xml': pom(step),
      'src/main/kotlin/App.kt': 'fun main() {}\n',
      '.github/workflows/build.yml': CI.replace('./gradlew spotlessCheck', 'mvn -B spotless:check'),
    });
    expect((await runRuleOn(linting, maven('<ktlint><version>1.5.0</version></ktlint>'))).outcome).toBe('pass');
    expect((await runRuleOn(linting, maven('<ktfmt/>'))).outcome).not.toBe('pass');
  });
});
