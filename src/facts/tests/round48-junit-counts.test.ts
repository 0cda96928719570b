/**
 * Blind round 48 (JUnit counted 63 short of the runner): a bare `@EnumSource` runs once per constant
 * of the parameter's enum, declared in main code; tests of an abstract base class run once per
 * concrete subclass, not by themselves.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (t: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(t)).files.map((f) => [f.path, [f.cases, f.expanded]]));

const gradle = "plugins { id 'java' }\ndependencies { testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0' }\n";
const serde = [
  'package app.serde;',
  'public interface Serde {',
  '  /** Which part of a record. */',
  '  enum Target {',
  '    KEY, // the key',
  '    VALUE',
  '  }',
  '  boolean canDeserialize(String topic, Target type);',
  '}',
].join('\n');
const enumTest = (source: string, param = 'Serde.Target type') =>
  [
    'package app.serde;',
    'import org.junit.jupiter.params.ParameterizedTest;',
    'import org.junit.jupiter.params.provider.EnumSource;',
    'class HexSerdeTest {',
    '  @ParameterizedTest',
    `  ${source}`,
    `  void roundTrips(${param}) {}`,
    '}',
  ].join('\n');

describe('@EnumSource expands to the enum it names (round 48)', () => {
  const tree = (source: string, param?: string): Tree => ({
    'build.gradle': gradle,
    'src/main/java/app/serde/Serde.java': serde,
    'src/main/java/app/model/Level.java':
      'package app.model;\npublic enum Level { LOW, MID, HIGH; public int w() { return 1; } }\n',
    'src/test/java/app/serde/HexSerdeTest.java': enumTest(source, param),
  });
  const at = 'src/test/java/app/serde/HexSerdeTest.java';

  it('a bare @EnumSource runs once per constant of the parameter type, found in another file', () => {
    expect(counts(tree('@EnumSource'))[at]).toEqual([1, 2]);
    expect(counts(tree('@EnumSource', 'Level level'))[at]).toEqual([1, 3]);
  });

  it('a named class, listed names and EXCLUDE mode', () => {
    expect(counts(tree('@EnumSource(Level.class)', 'Level l'))[at]).toEqual([1, 3]);
    expect(counts(tree('@EnumSource(value = Level.class, names = {"LOW", "HIGH"})', 'Level l'))[at]).toEqual([1, 2]);
    expect(
      counts(tree('@EnumSource(value = Level.class, names = {"LOW"}, mode = EnumSource.Mode.EXCLUDE)', 'Level l'))[at],
    ).toEqual([1, 2]);
  });

  it('an enum nowhere in the tree stays one case', () => {
    expect(counts(tree('@EnumSource', 'TimeUnit unit'))[at]).toEqual([1, 1]);
  });
});

describe('tests of an abstract base run once per concrete subclass (round 48)', () => {
  const base = [
    'package app.filter;',
    'import org.junit.jupiter.api.Test;',
    'public abstract class AbstractFilterTest<T> {',
    '  protected abstract T create(String name);',
    '  @Test void matchesExact() {}',
    '  @Test void matchesPrefix() {}',
    '  @Test void ignoresCase() {}',
    '}',
  ].join('\n');
  const sub = (name: string, extra = '') =>
    `package app.filter;\nimport org.junit.jupiter.api.Test;\nclass ${name} extends AbstractFilterTest<String> {\n  protected String create(String n) { return n; }\n${extra}}\n`;

  it('three inherited tests in four subclasses run twelve times, declared once', () => {
    const tree: Tree = {
      'build.gradle': gradle,
      'src/test/java/app/filter/AbstractFilterTest.java': base,
      'src/test/java/app/filter/TopicFilterTest.java': sub('TopicFilterTest', '  @Test void own() {}\n'),
      'src/test/java/app/filter/AclFilterTest.java': sub('AclFilterTest'),
      'src/test/java/app/filter/SchemaFilterTest.java': sub('SchemaFilterTest'),
      'src/test/java/app/filter/GroupFilterTest.java': sub('GroupFilterTest'),
    };
    const files = testInventory(memoryIndex(tree)).files;
    expect(files.reduce((n, f) => n + f.cases, 0)).toBe(4);
    expect(files.reduce((n, f) => n + f.expanded, 0)).toBe(13);
    expect(files.map((f) => f.path)).not.toContain('src/test/java/app/filter/AbstractFilterTest.java');
  });

  it('an abstract base nobody extends keeps its own count', () => {
    const files = testInventory(
      memoryIndex({ 'build.gradle': gradle, 'src/test/java/app/filter/AbstractFilterTest.java': base }),
    ).files;
    expect(files.map((f) => [f.path, f.cases, f.expanded])).toEqual([
      ['src/test/java/app/filter/AbstractFilterTest.java', 3, 3],
    ]);
  });
});
