import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

// Blind round 37 (projektor): example-data/ is a separate Gradle build of sample specs that exist to
// produce reports; the root build does not include it and no CI job runs it.
const spec =
  'package demo\n\nimport spock.lang.Specification\n\nclass PassingSpec extends Specification {\n    def "passes"() {\n        expect:\n        1 == 1\n    }\n}\n';
const junit = 'package app\n\nimport org.junit.jupiter.api.Test\n\nclass AppTest {\n    @Test\n    fun works() {}\n}\n';
const base = (): Tree => ({
  'settings.gradle': "include 'server'\n",
  'server/build.gradle':
    "plugins { id 'org.jetbrains.kotlin.jvm' }\ndependencies { testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0' }\n",
  'server/src/main/kotlin/app/App.kt': 'package app\n\nfun main() {}\n',
  'server/src/test/kotlin/app/AppTest.kt': junit,
  'example-data/settings.gradle': "include 'spock-gradle'\n",
  'example-data/spock-gradle/build.gradle':
    "plugins { id 'groovy' }\ndependencies { testImplementation 'org.spockframework:spock-core:2.3-groovy-4.0' }\n",
  'example-data/spock-gradle/src/test/groovy/demo/PassingSpec.groovy': spec,
});
const paths = (tree: Tree) => testInventory(memoryIndex(tree)).files.map((f) => f.path);

describe('a nested Gradle build nothing runs holds sample data, not tests', () => {
  it('leaves out the specs of a nested build the root does not include and no CI job runs', () => {
    expect(paths(base())).toEqual(['server/src/test/kotlin/app/AppTest.kt']);
  });

  it('counts them where the root settings include the build (composite build)', () => {
    const tree = base();
    tree['settings.gradle'] = "include 'server'\nincludeBuild('example-data')\n";
    expect(paths(tree)).toContain('example-data/spock-gradle/src/test/groovy/demo/PassingSpec.groovy');
  });

  it('counts them where a CI job runs the nested build', () => {
    const tree = base();
    tree['.github/workflows/examples.yml'] =
      'on: push\njobs:\n  ex:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./gradlew test\n        working-directory: ./example-data/\n';
    expect(paths(tree)).toContain('example-data/spock-gradle/src/test/groovy/demo/PassingSpec.groovy');
  });

  it('counts every build of a repository with no root build', () => {
    const tree = base();
    delete tree['settings.gradle'];
    expect(paths(tree)).toContain('example-data/spock-gradle/src/test/groovy/demo/PassingSpec.groovy');
  });

  // Blind round 43 (a Kotlin service of three subprojects): each included subproject also carries its
  // own settings.gradle.kts (so it can be opened alone); the root's `include(...)` still runs its tests.
  it('counts the tests of an included subproject that also has its own settings file', () => {
    const tree = base();
    tree['settings.gradle.kts'] = 'rootProject.name = "svc"\ninclude(\n  "common",\n  ":api",\n)\n';
    delete tree['settings.gradle'];
    tree['common/settings.gradle.kts'] = 'rootProject.name = "common"\n';
    tree['common/src/test/kotlin/app/CommonTest.kt'] = junit;
    tree['api/settings.gradle.kts'] = 'rootProject.name = "api"\n';
    tree['api/src/test/kotlin/app/ApiTest.kt'] = junit;
    const got = paths(tree);
    expect(got).toContain('common/src/test/kotlin/app/CommonTest.kt');
    expect(got).toContain('api/src/test/kotlin/app/ApiTest.kt');
    // The nested build nothing includes is still left out.
    expect(got).not.toContain('example-data/spock-gradle/src/test/groovy/demo/PassingSpec.groovy');
  });

  it('counts a Groovy `include` list and a nested project path as included', () => {
    const tree = base();
    tree['settings.gradle'] = "include 'server', ':libs:core'\n";
    tree['libs/core/settings.gradle'] = "rootProject.name = 'core'\n";
    tree['libs/core/src/test/kotlin/app/CoreTest.kt'] = junit;
    expect(paths(tree)).toContain('libs/core/src/test/kotlin/app/CoreTest.kt');
  });

  it('reads a Groovy `include` list that goes on over several lines', () => {
    const tree = base();
    tree['settings.gradle'] = "include 'server',\n        'libs:core'\n";
    tree['libs/core/settings.gradle'] = "rootProject.name = 'core'\n";
    tree['libs/core/src/test/kotlin/app/CoreTest.kt'] = junit;
    expect(paths(tree)).toContain('libs/core/src/test/kotlin/app/CoreTest.kt');
  });

  it('leaves out a subproject that only a sample build nothing runs includes', () => {
    const tree = base();
    tree['example-data/spock-gradle/settings.gradle'] = "rootProject.name = 'spock-gradle'\n";
    expect(paths(tree)).toEqual(['server/src/test/kotlin/app/AppTest.kt']);
  });
});
