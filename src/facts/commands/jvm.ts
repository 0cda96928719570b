/**
 * Gradle and Maven by their conventions: a Maven phase runs every phase before it (`verify`
 * includes `test`) and the plugin goals bound to them in the POM; Gradle's `build` runs `check`,
 * which runs `test` and the verification tasks of the plugins the build applies (Checkstyle, PMD,
 * SpotBugs, detekt, ktlint, Spotless). Build files are read as text, never evaluated.
 */
import type { CommandTool, FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import { SKIPS_TESTS } from './tools.js';
import { type Expansion, positionals, type Resolver } from './types.js';

const PHASES = [
  'validate',
  'initialize',
  'compile',
  'test-compile',
  'test',
  'package',
  'integration-test',
  'verify',
  'install',
  'deploy',
];

/**
 * Published convention plugins that apply linters or formatters themselves and wire their checks
 * into `check`: the build file names only the convention plugin (round 34, hmpps-alerts-api:
 * `uk.gov.justice.hmpps.gradle-spring-boot` applies ktlint and makes `check` depend on ktlintCheck).
 * `applies`: the PLUGINS names below.
 */
export const CONVENTION_PLUGINS: { id: string; applies: string[] }[] = [
  { id: 'uk.gov.justice.hmpps.gradle-spring-boot', applies: ['ktlint'] },
  // kotlinter runs ktlint (lintKotlin, wired into check; formatKotlin rewrites).
  { id: 'org.jmailen.kotlinter', applies: ['ktlint'] },
  // vanniktech's gradle-code-quality-tools-plugin: every tool it supports is on by default.
  { id: 'com.vanniktech.code.quality.tools', applies: ['Checkstyle', 'PMD', 'detekt', 'ktlint', 'Error Prone'] },
  // Palantir Baseline: the umbrella plugin applies baseline-checkstyle and baseline-error-prone.
  { id: 'com.palantir.baseline', applies: ['Checkstyle', 'Error Prone'] },
  { id: 'com.palantir.baseline-error-prone', applies: ['Error Prone'] },
  { id: 'com.palantir.baseline-format', applies: ['Spotless'] },
];
const conventionFor = (name: string): RegExp => {
  const ids = CONVENTION_PLUGINS.filter((c) => c.applies.includes(name)).map((c) => c.id.replace(/[.]/g, '\\.'));
  return new RegExp(`["'](?:${ids.join('|')})["']`);
};
const CONVENTION_NAMES = new Set(CONVENTION_PLUGINS.flatMap((c) => c.applies));

/** Plugins that add a verification step when present in the build files. */
const PLUGINS: {
  name: string;
  kinds: CommandTool['kinds'];
  gradle: RegExp;
  maven: RegExp;
  tasks: RegExp;
  goals: RegExp;
  /** The property that switches off a parent POM's binding (`spotless.check.skip`). */
  skipProperty?: string;
  /** The goals that check rather than rewrite (default: `…check`). */
  checkGoals?: RegExp;
}[] = [
  {
    name: 'Checkstyle',
    kinds: ['lint'],
    gradle: /\bcheckstyle\b/,
    maven: /maven-checkstyle-plugin/,
    tasks: /^checkstyle\w*$/,
    goals: /checkstyle:check/,
  },
  {
    name: 'PMD',
    kinds: ['lint'],
    gradle: /\bid\s*\(?\s*["']?pmd\b|apply\s+plugin:\s*["']pmd|^[ \t]*pmd\s*\{/m,
    maven: /maven-pmd-plugin/,
    tasks: /^pmd\w*$/,
    goals: /pmd:(?:check|cpd-check)/,
  },
  {
    name: 'SpotBugs',
    kinds: ['lint'],
    // The plugin applied (`id("com.github.spotbugs")`, `alias(libs.plugins.spotbugs)`, a `spotbugs {}`
    // block), not the `com.github.spotbugs:spotbugs-annotations` dependency, which runs nothing.
    gradle: /["']com\.github\.spotbugs["']|\bplugins\.spotbugs\b|^[ \t]*spotbugs[ \t]*\{/m,
    maven: /spotbugs-maven-plugin/,
    tasks: /^spotbugs\w*$/,
    goals: /spotbugs:check/,
  },
  { name: 'detekt', kinds: ['lint'], gradle: /detekt/, maven: /detekt/, tasks: /^detekt\w*$/, goals: /detekt:check/ },
  {
    name: 'ktlint',
    kinds: ['lint', 'format'],
    gradle: /ktlint/,
    maven: /ktlint/,
    tasks: /^ktlint\w*Check$/,
    goals: /ktlint:check/,
  },
  {
    name: 'Spotless',
    kinds: ['format'],
    gradle: /com\.diffplug\.spotless|\bspotless\s*\{/,
    maven: /spotless-maven-plugin/,
    tasks: /^spotlessCheck$/,
    goals: /spotless:check/,
    skipProperty: 'spotless\\.check\\.skip',
  },
  {
    name: 'fmt-maven-plugin',
    kinds: ['format'],
    gradle: /$^/,
    maven: /fmt-maven-plugin/,
    tasks: /$^/,
    goals: /fmt:check/,
  },
  {
    // Spring's formatter: `validate` fails the build on unformatted sources, `apply` rewrites them.
    name: 'Spring Java Format',
    kinds: ['format'],
    gradle: /io\.spring\.javaformat/,
    maven: /spring-javaformat-maven-plugin/,
    tasks: /^checkFormat\w*$/,
    goals: /spring-javaformat:validate/,
    checkGoals: /^(?:validate|check)$/,
  },
  {
    // net.revelc formatter-maven-plugin: `validate` checks, `format` rewrites.
    name: 'formatter-maven-plugin',
    kinds: ['format'],
    gradle: /$^/,
    maven: /<artifactId>formatter-maven-plugin</,
    tasks: /$^/,
    goals: /formatter:validate/,
    checkGoals: /^validate$/,
  },
  {
    name: 'Error Prone',
    kinds: ['lint'],
    gradle: /net\.ltgt\.errorprone|error_prone_core/,
    maven: /error_prone_core|com\.google\.errorprone/,
    tasks: /^compile\w*Java$/,
    goals: /$^/,
  },
  {
    name: 'OWASP Dependency-Check',
    kinds: ['scan'],
    gradle: /org\.owasp\.dependencycheck/,
    maven: /dependency-check-maven/,
    tasks: /^dependencyCheck\w*$/,
    goals: /dependency-check(?:-maven)?:(?:check|aggregate)/,
  },
  {
    name: 'SonarQube',
    kinds: ['scan'],
    gradle: /org\.sonarqube/,
    maven: /sonar-maven-plugin/,
    tasks: /^sonar(?:qube)?$/,
    // `sonar:sonar`, or the plugin named in full: `org.sonarsource.scanner.maven:sonar-maven-plugin[:version]:sonar`.
    goals: /(?:^|:)sonar(?:-maven-plugin(?::[\w.-]+)?)?:sonar$/,
  },
  // Sonatype's OSS Index audit of the dependency tree: the Maven plugin (`ossindex:audit`) and the
  // Gradle plugin `org.sonatype.gradle.plugins.scan` (`ossIndexAudit`).
  {
    name: 'OSS Index audit',
    kinds: ['scan'],
    gradle: /org\.sonatype\.gradle\.plugins\.scan/,
    maven: /ossindex-maven-plugin/,
    tasks: /^ossIndexAudit$/,
    goals: /(?:^|:)ossindex(?:-maven-plugin(?::[\w.-]+)?)?:audit(?:-aggregate)?$/,
  },
  {
    name: 'Android Lint',
    kinds: ['lint'],
    gradle: /com\.android\.(?:application|library)/,
    maven: /$^/,
    tasks: /^lint\w*$/,
    goals: /$^/,
  },
];

function buildText(files: FileView, kind: 'gradle' | 'maven'): string {
  return memo(files, `commands:${kind}-text`, () => {
    const globs =
      kind === 'gradle'
        ? ['**/*.gradle', '**/*.gradle.kts', 'gradle/libs.versions.toml', 'buildSrc/**/*.kt', 'build-logic/**/*.kt']
        : ['**/pom.xml'];
    return files
      .match(globs)
      .filter((p) => !p.includes('node_modules/'))
      .slice(0, 200)
      .map((p) => files.read(p) ?? '')
      .join('\n');
  });
}

const test = (implied: string): CommandTool => ({ name: 'JUnit/TestNG', kinds: ['test'], implied });

/** Spotless steps that run a linter (its rules, not only the layout): the step → the linter's tool name. */
const SPOTLESS_LINT_STEPS: Record<string, string> = { ktlint: 'ktlint', eslint: 'ESLint' };
const GRADLE_LINT_STEP = /(?:^|[\s{(.])(ktlint|eslint)[ \t]*\(/gm;
const MAVEN_LINT_STEP = /<(ktlint|eslint)\b/g;

/**
 * The linters a Spotless configuration runs as steps: `ktlint(…)`/`eslint(…)` inside a Gradle
 * `spotless { … }` block, `<ktlint>`/`<eslint>` inside the spotless-maven-plugin's `<plugin>`.
 * Formatter-only steps (ktfmt, palantirJavaFormat, google-java-format, prettier) are not linters.
 * Bounded: five blocks, 20 000 characters each, braces counted in one pass.
 */
export function spotlessLintSteps(text: string, kind: 'gradle' | 'maven'): string[] {
  const found = new Set<string>();
  const open = kind === 'gradle' ? /\bspotless[ \t]*\{/g : /<artifactId>\s*spotless-maven-plugin\s*<\/artifactId>/g;
  let blocks = 0;
  for (const m of text.matchAll(open)) {
    if (++blocks > 5) break;
    const start = m.index + m[0].length;
    let end = Math.min(text.length, start + 20_000);
    if (kind === 'gradle') {
      let depth = 1;
      for (let i = start; i < end; i++) {
        const c = text[i];
        if (c === '{') depth++;
        else if (c === '}' && --depth === 0) {
          end = i;
          break;
        }
      }
    } else {
      const close = text.indexOf('</plugin>', start);
      if (close >= 0 && close < end) end = close;
    }
    const body = text.slice(start, end);
    for (const x of body.matchAll(kind === 'gradle' ? GRADLE_LINT_STEP : MAVEN_LINT_STEP))
      found.add(SPOTLESS_LINT_STEPS[x[1]!]!);
  }
  return [...found];
}

/** A JaCoCo `<minimum>` / `minimum = 0.8` in the build files, as a percent. */
function jacocoMinimum(text: string): number | undefined {
  const m =
    /<minimum>\s*([\d.]+)%?\s*<\/minimum>|\bminimum\s*=\s*(?:BigDecimal\(|new\s+BigDecimal\(|"|)?"?([\d.]+)/.exec(text);
  const v = m ? Number(m[1] ?? m[2]) : Number.NaN;
  return Number.isFinite(v) ? (v <= 1 ? Math.round(v * 100) : v) : undefined;
}

const coverage = (name: string, implied: string, floor?: number | null): CommandTool => ({
  name,
  kinds: floor === undefined ? ['coverage'] : ['coverage', 'coverage-gate'],
  implied,
  ...(typeof floor === 'number' ? { threshold: floor } : {}),
});

/** JaCoCo and Kover tasks a Gradle invocation runs: named, or hooked to `test`/`check` in the build. */
function gradleCoverage(text: string, tasks: string[], testRuns: boolean): CommandTool[] {
  const out: CommandTool[] = [];
  const lifecycle = tasks.some((t) => t === 'check' || t === 'build');
  const verifyHooked =
    /check\b[\s\S]{0,80}dependsOn\s*\(?\s*[":]*jacocoTestCoverageVerification|jacocoTestCoverageVerification[\s\S]{0,40}check/.test(
      text,
    );
  if (tasks.includes('jacocoTestCoverageVerification') || (lifecycle && verifyHooked))
    out.push(
      coverage(
        'JaCoCo',
        "gradle jacocoTestCoverageVerification fails below the rule's minimum",
        jacocoMinimum(text) ?? null,
      ),
    );
  else if (tasks.includes('koverVerify'))
    out.push(coverage('Kover', "gradle koverVerify fails below the rule's minimum", null));
  else if (
    tasks.some((t) => /^(?:jacocoTestReport|jacoco\w*Report|kover\w*Report)$/.test(t)) ||
    // `test { finalizedBy jacocoTestReport }`, Kotlin's `finalizedBy(tasks.jacocoTestReport)` / `tasks.named("jacocoTestReport")`,
    // or a lifecycle task that depends on the report.
    (testRuns &&
      /finalizedBy\s*\(?\s*(?:tasks\s*\.\s*(?:named\s*\(\s*)?)?[":]*jacoco\w*Report|\b(?:check|build)\b[^\n]{0,80}dependsOn\s*\(?\s*(?:tasks\s*\.\s*)?[":]*jacoco\w*Report/.test(
        text,
      ))
  )
    out.push(coverage(/kover/i.test(tasks.join(' ')) ? 'Kover' : 'JaCoCo', 'the build writes a coverage report'));
  return out;
}

/** JaCoCo in a Maven run: its goals named, or bound in the POM to a phase the run reaches. */
function mavenCoverage(text: string, words: string[], last: number, skipTests: boolean): CommandTool[] {
  const named = words.find((w) =>
    /^(?:org\.jacoco:)?jacoco(?:-maven-plugin)?(?::[\d.]+)?:(?:check|report\w*)$/.test(w),
  );
  if (named && /:check$/.test(named)) return [coverage('JaCoCo', `mvn ${named}`, jacocoMinimum(text) ?? null)];
  // The plugin's own block (to its </plugin>): a check goal of another plugin is not JaCoCo's.
  const blocks = [...text.matchAll(/jacoco-maven-plugin<\/artifactId>([\s\S]*?)<\/plugin>/g)].map((m) => m[1]!);
  const bound = blocks.filter((b) => /<executions>/.test(b));
  const checking = bound.find((b) => /<goal>\s*check\s*<\/goal>/.test(b));
  const check = !!checking && !skipTests && last >= PHASES.indexOf('verify');
  // `mvn verify jacoco:report`: the report goal named on the line does not hide the check goal the
  // verify phase runs from the POM (blind round 44: a JaCoCo check with a 75% minimum was read as a
  // report only).
  if (named && !check) return [coverage('JaCoCo', `mvn ${named}`)];
  if (skipTests || last < PHASES.indexOf('test') || bound.length === 0) return [];
  return [
    coverage(
      'JaCoCo',
      check ? 'the jacoco check goal bound in pom.xml fails below its minimum' : 'jacoco-maven-plugin bound in pom.xml',
      check ? (jacocoMinimum(checking!) ?? null) : undefined,
    ),
  ];
}

/**
 * Tasks the build declares of type Test under any name (`task integration(type: Test)`,
 * `tasks.register('integration', Test)`, `tasks.register<Test>("integration")`, `task<Test>("e2e")`).
 */
function testTasks(files: FileView, text: string): Set<string> {
  return memo(files, 'commands:gradle-test-tasks', () => {
    const out = new Set<string>();
    const re =
      /\btask[ \t]+(\w+)[ \t]*\([ \t]*type[ \t]*:[ \t]*Test\b|\btasks\.(?:register|create)[ \t]*\([ \t]*['"](\w+)['"][ \t]*,[ \t]*Test\b|\btasks?(?:\.(?:register|create))?[ \t]*<[ \t]*Test[ \t]*>[ \t]*\([ \t]*"(\w+)"/g;
    for (const m of text.matchAll(re)) out.add((m[1] ?? m[2] ?? m[3])!);
    return out;
  });
}

/** `./gradlew [opts] task…`: the tools its tasks run by convention. */
export const gradleTasks: Resolver = (argv, { files }) => {
  if (!/^(?:\.\/)?gradlew(?:\.bat)?$|^gradle$/.test(argv[0]!)) return undefined;
  const text = buildText(files, 'gradle');
  // A plugin declared `apply false` (the root's plugins block, for subprojects to opt in) adds no
  // task here; comment lines apply nothing either.
  const applied = memo(files, 'commands:gradle-applied', () =>
    text.replace(/^[ \t]*\/\/[^\n]*$|^[^\n]*\bapply[ \t(]+false\b[^\n]*$/gm, ''),
  );
  const tasks = positionals(argv.slice(1), [
    '-x',
    '--exclude-task',
    '-p',
    '--project-dir',
    '-P',
    '-D',
    '--console',
    '-b',
    '-c',
  ]).map((t) => t.split(':').pop()!);
  const skipTests = SKIPS_TESTS.test(argv.join(' '));
  const tools: CommandTool[] = [];
  const add = (t: CommandTool) => tools.some((x) => x.name === t.name) || tools.push(t);
  for (const t of tasks) {
    const lifecycle = t === 'build' || t === 'check';
    if (
      lifecycle ||
      t === 'assemble' ||
      /^(?:bootJar|jar|shadowJar|jib\w*|bootBuildImage|installDist|distZip|assemble\w+)$/.test(t)
    )
      add({ name: 'Gradle build', kinds: ['build'], implied: `gradle ${t} compiles the project` });
    if (!skipTests && (lifecycle || /^(?:test|\w*Test|\w*Tests|\w+UnitTest\w*|connected\w*Check|allTests)$/.test(t)))
      add(test(lifecycle ? `gradle ${t} runs the test task` : `gradle ${t} is a test task`));
    else if (!skipTests && testTasks(files, text).has(t)) add(test(`gradle ${t} is a task of type Test in the build`));
    for (const p of PLUGINS)
      if (
        (p.gradle.test(applied) || (CONVENTION_NAMES.has(p.name) && conventionFor(p.name).test(applied))) &&
        ((lifecycle && p.kinds[0] !== 'scan' && p.name !== 'Android Lint') || p.tasks.test(t))
      )
        add({
          name: p.name,
          kinds: p.kinds,
          implied: lifecycle ? `gradle ${t} runs the ${p.name} plugin's checks` : `gradle ${t}`,
        });
  }
  // Spotless's check runs the steps its configuration names; ktlint and ESLint steps lint as well
  // as format (issue 15, blind round 47: `./gradlew spotlessCheck` with `kotlin { ktlint() }` was
  // formatting only, "no CI job runs ktlint").
  const spotless = tools.find((t) => t.name === 'Spotless');
  if (spotless)
    for (const step of spotlessLintSteps(applied, 'gradle'))
      add({ name: step, kinds: ['lint'], implied: `${spotless.implied}: Spotless's ${step} step lints the code` });
  const testRuns = tools.some((t) => t.kinds.includes('test'));
  for (const c of gradleCoverage(text, tasks, testRuns)) add(c);
  const publish = tasks.find((t) => /^publish(?!ToMavenLocal$)\w*$/.test(t));
  if (publish)
    add({ name: 'Gradle publish', kinds: ['release'], implied: `gradle ${publish} publishes the artifacts` });
  return { tools };
};

/** `mvn [opts] phase|goal…` / `./mvnw`: the lifecycle phases up to the last named, and goals. */
export const mavenPhases: Resolver = (argv, { files }) => {
  if (!/^(?:\.\/)?mvnw(?:\.cmd)?$|^mvn$/.test(argv[0]!)) return undefined;
  const words = positionals(argv.slice(1), [
    '-f',
    '--file',
    '-pl',
    '--projects',
    '-P',
    '-s',
    '--settings',
    '-T',
    '-rf',
    '-b',
    '-e',
  ]);
  const text = buildText(files, 'maven');
  // Without a phase or goal, Maven runs the POM's <defaultGoal>.
  if (words.length === 0) {
    const def = /<defaultGoal>([^<]+)<\/defaultGoal>/.exec(files.read('pom.xml') ?? '')?.[1];
    if (def) words.push(...def.trim().split(/\s+/));
  }
  const last = Math.max(-1, ...words.map((w) => PHASES.indexOf(w)));
  const skipTests = SKIPS_TESTS.test(argv.join(' '));
  const tools: CommandTool[] = [];
  const phase = PHASES[last];
  if (last >= PHASES.indexOf('compile'))
    tools.push({ name: 'Maven build', kinds: ['build'], implied: `mvn ${phase} compiles the project` });
  if (last >= PHASES.indexOf('test') && !skipTests) tools.push(test(`mvn ${phase} runs the test phase (Surefire)`));
  for (const p of PLUGINS) {
    const goal = words.find((w) => p.goals.test(w));
    // A plugin with an <execution> binds its goal to a phase; `verify` (or later) runs those.
    // Bound with an <execution> here, or switched on by the property of a parent POM that binds it
    // (the Jenkins plugin POM binds spotless:check and honours <spotless.check.skip>false</…>).
    // The execution's <phase> when it names one (spring-javaformat binds `validate`), else `verify`.
    // The <executions> of this <plugin> only: never one of a later plugin (a spotbugs-maven-plugin
    // declared without executions runs only when its goal is named; round 15, shopizer pom.xml:524).
    const block = new RegExp(
      `${p.maven.source}(?:(?!</plugin>)[\\s\\S]){0,2000}?<executions>([\\s\\S]*?)</executions>`,
    ).exec(text);
    const at = PHASES.indexOf(/<phase>\s*([\w-]+)\s*<\/phase>/.exec(block?.[1] ?? '')?.[1] ?? 'verify');
    const bound =
      (!!block && last >= (at < 0 ? PHASES.indexOf('verify') : at)) ||
      (last >= PHASES.indexOf('verify') &&
        p.skipProperty !== undefined &&
        new RegExp(`<${p.skipProperty}>\\s*false\\s*<`).test(text));
    if (!goal && !(bound && p.kinds[0] !== 'scan')) continue;
    // A formatter bound with its fixing goal (Spotless `apply`) rewrites the sources: nothing is checked.
    const goals = [...text.matchAll(new RegExp(`${p.maven.source}[\\s\\S]*?</plugin>`, 'g'))].flatMap((b) =>
      [...b[0].matchAll(/<goal>\s*([\w:.-]+)\s*<\/goal>/g)].map((g) => g[1]!),
    );
    const writes =
      !goal && p.kinds.includes('format') && goals.length > 0 && !goals.some((g) => (p.checkGoals ?? /check$/).test(g));
    tools.push({
      name: p.name,
      kinds: p.kinds,
      implied: goal
        ? `mvn ${goal}`
        : `mvn ${phase} runs the ${p.name} goal bound in pom.xml${writes ? ` (${goals.join(', ')}: rewrites the sources, checks nothing)` : ''}`,
      ...(writes ? { mode: 'write' as const } : {}),
    });
  }
  const spotless = tools.find((t) => t.name === 'Spotless' && t.mode !== 'write');
  if (spotless)
    for (const step of spotlessLintSteps(text, 'maven'))
      if (!tools.some((t) => t.name === step))
        tools.push({
          name: step,
          kinds: ['lint'],
          implied: `${spotless.implied}: Spotless's ${step} step lints the code`,
        });
  tools.push(...mavenCoverage(text, words, last, skipTests));
  if (last === PHASES.indexOf('deploy'))
    tools.push({ name: 'Maven deploy', kinds: ['release'], implied: 'mvn deploy publishes the artifacts' });
  // maven-release-plugin tags and publishes a version; JReleaser's plugin releases it.
  const cut = words.find((w) => /^(?:release:(?:prepare|perform)|jreleaser:(?:full-release|release|publish))$/.test(w));
  if (cut) tools.push({ name: 'Maven release', kinds: ['release'], implied: `mvn ${cut} cuts a release` });
  return { tools } satisfies Expansion;
};
