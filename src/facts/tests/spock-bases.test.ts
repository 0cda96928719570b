import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (tree: Tree) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, `${f.framework}:${f.cases}`]));

const features = (n: number) =>
  Array.from({ length: n }, (_, i) => `    def "feature ${i}"() {\n        expect: true\n    }\n`).join('');

// A Gradle plugin's functional specs extend the project's own base spec, which extends Specification.
const BASE = `package demo\nimport spock.lang.Specification\nabstract class ProjectSpec extends Specification {\n    File dir\n}\n`;
const MIDDLE = `package demo\nabstract class SingleProjectSpec extends ProjectSpec {\n}\n`;
const spec = (base: string, n: number) => `package demo\nclass FooSpec extends ${base} {\n${features(n)}}\n`;

describe('Spock specs under the project base classes', () => {
  it('features of a spec whose chain of project bases reaches Specification are counted', () => {
    const tree: Tree = {
      'src/test/groovy/demo/ProjectSpec.groovy': BASE,
      'src/test/groovy/demo/SingleProjectSpec.groovy': MIDDLE,
      'src/test/groovy/demo/FooSpec.groovy': spec('SingleProjectSpec', 3),
    };
    expect(counts(tree)['src/test/groovy/demo/FooSpec.groovy']).toBe('Spock:3');
  });

  it('a Groovy class whose chain never reaches Specification holds no Spock features', () => {
    const tree: Tree = {
      'src/test/groovy/demo/Helper.groovy': `package demo\nabstract class Helper extends Object {\n}\n`,
      'src/test/groovy/demo/FooSpec.groovy': spec('Helper', 3),
    };
    expect(counts(tree)['src/test/groovy/demo/FooSpec.groovy']).toBeUndefined();
  });
});
