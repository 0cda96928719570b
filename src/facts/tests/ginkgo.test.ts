import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import { testInventory } from './inventory.js';

const counts = (tree: Record<string, string>) =>
  Object.fromEntries(testInventory(memoryIndex(tree)).files.map((f) => [f.path, [f.cases, f.skipped]]));

const bootstrap = (pkg: string, imp: string) =>
  `package ${pkg}\n\nimport (\n\t"testing"\n\n\t${imp}\n\t. "github.com/onsi/gomega"\n)\n\nfunc TestStorage(t *testing.T) {\n\tRegisterFailHandler(Fail)\n\tRunSpecs(t, "Storage Suite")\n}\n`;

describe('Ginkgo specs', () => {
  it('each It, Specify and table Entry is a test; the RunSpecs bootstrap is not; P/X prefixes are pending', () => {
    const tree = {
      'pkg/storage/suite_test.go': bootstrap('storage', '. "github.com/onsi/ginkgo/v2"'),
      'pkg/storage/node_test.go': [
        'package storage',
        '',
        'import (',
        '\t. "github.com/onsi/ginkgo/v2"',
        ')',
        '',
        'var _ = Describe("node store", func() {',
        '\tContext("when empty", func() {',
        '\t\tIt("returns nothing", func() {})',
        '\t\tSpecify("the count is zero", func() {})',
        '\t\tPIt("evicts old points", func() {})',
        '\t})',
        '\tDescribeTable("rates",',
        '\t\tfunc(a, b int) {},',
        '\t\tEntry("zero", 0, 0),',
        '\t\tEntry("one", 1, 1),',
        '\t)',
        '\t// It("is commented out", func() {})',
        '})',
        '',
      ].join('\n'),
      'test/e2e_test.go': [
        'package e2e',
        '',
        'import (',
        '\t"testing"',
        '\tg "github.com/onsi/ginkgo/v2"',
        ')',
        '',
        'func TestE2E(t *testing.T) { g.RunSpecs(t, "e2e") }',
        '',
        'var _ = g.Describe("metrics", func() {',
        '\tg.It("serves node metrics", func() {})',
        '\tIt("is not Ginkgo here", func() {})',
        '})',
        '',
      ].join('\n'),
      'pkg/plain/plain_test.go':
        'package plain\n\nimport "testing"\n\nfunc TestPlain(t *testing.T) {\n\tRunSpecs := 1\n\t_ = RunSpecs\n}\n',
    };
    expect(counts(tree)).toEqual({
      'pkg/plain/plain_test.go': [1, 0],
      'pkg/storage/node_test.go': [5, 1],
      'test/e2e_test.go': [1, 0],
    });
  });
});
