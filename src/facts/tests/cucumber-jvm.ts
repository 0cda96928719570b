/**
 * Cucumber's JVM runners: a JUnit 4 class `@RunWith(Cucumber.class)` (with `@CucumberOptions`),
 * a JUnit Platform suite `@IncludeEngines("cucumber")` / `@Cucumber`. Each runs the feature
 * files its options name (`features = "src/test/resources"`, `classpath:features`,
 * `@SelectClasspathResource("features")`), by default those of its own package's resource folder.
 * Their scenarios are acceptance (BDD) tests of the application, end-to-end by kind.
 */
import type { FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import { lineAt } from '../../util/lines.js';

export interface CucumberRunner {
  path: string;
  line: number;
  /** Folders (repository-relative) whose feature files the runner runs. */
  folders: string[];
}

const RUNNER =
  /@RunWith\(\s*Cucumber(?:WithSerenity)?(?:\.class|::class)\s*\)|@CucumberOptions\b|@IncludeEngines\(\s*"cucumber"\s*\)|^[ \t]*@Cucumber\b/m;

const TEST_SOURCES = ['**/src/test/**/*.{java,kt}', '**/src/*[tT]est*/**/*.{java,kt}'];

/** The runners of a repository: read only when asked (a feature file no other runner collects). */
export function cucumberRunners(files: FileView): CucumberRunner[] {
  return memo(files, 'tests:cucumber-jvm', () => {
    const out: CucumberRunner[] = [];
    for (const path of [...new Set(files.match(TEST_SOURCES))]) {
      const text = files.read(path);
      if (!text?.includes('ucumber')) continue;
      const m = RUNNER.exec(text);
      if (!m) continue;
      // The module root (`api/` of `api/src/test/java/…`) and its test resources.
      const root = /^(.*?)src\/[^/]*[tT]est[^/]*\//.exec(path)?.[1] ?? '';
      const resources = `${root}src/test/resources`;
      const named: string[] = [];
      const option = /\bfeatures\s*=\s*(\{[^{}]*\}|"[^"]*")|@SelectClasspathResource\(\s*"([^"]*)"/g;
      for (const o of text.matchAll(option)) {
        for (const lit of (o[1] ?? `"${o[2]}"`).matchAll(/"([^"]*)"/g)) {
          const v = lit[1]!.replace(/\/+$/, '');
          if (v.startsWith('classpath:')) named.push(`${resources}/${v.slice('classpath:'.length).replace(/^\//, '')}`);
          else named.push(`${root}${v.replace(/^file:/, '').replace(/^\.\//, '')}`);
        }
      }
      const pkg = path
        .replace(/\/[^/]+$/, '')
        .replace(/src\/[^/]*[tT]est[^/]*\/(?:java|kotlin)\//, 'src/test/resources/');
      out.push({ path, line: lineAt(text, m.index), folders: named.length > 0 ? named : [pkg] });
    }
    return out;
  });
}

/** The runner that runs a feature file, if one does. */
export function cucumberRunnerOf(files: FileView, feature: string): CucumberRunner | undefined {
  return cucumberRunners(files).find((r) =>
    r.folders.some((f) => f === '' || feature.startsWith(`${f.replace(/\/$/, '')}/`)),
  );
}
