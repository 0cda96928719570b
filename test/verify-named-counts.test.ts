/**
 * readiness verify: stale counts of named, countable things, settled by counting them — the paths a
 * pattern matches, the sub-folders of the one folder named for the things, the modules the root build
 * declares, the test cases of the one test file a line names, and the source lines of the module a
 * heading names.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const verify = verifier('SUMMARY.md');

describe('a count given to a path pattern', () => {
  const tree: Tree = {
    'examples/example_a/Makefile': 'all:\n',
    'examples/example_b/Makefile': 'all:\n',
    'examples/example_c/Makefile': 'all:\n',
    'examples/example_d/Makefile': 'all:\n',
    'examples/example_d/main.py': 'print(1)\n',
  };
  const doc = [
    '# Deliverables', // 1
    '', // 2
    '- ✅ `examples/example_*/Makefile` - Per-example Makefiles (4 examples)', // 3
    '- ✅ `examples/example_*/Makefile` - Per-example Makefiles (3 examples)', // 4
  ].join('\n');
  const { at } = verify(tree, doc, reportWith([]));
  it('is confirmed when the pattern matches that many paths', () => {
    expect(at(3).verdict).toBe('confirmed');
  });
  it('is contradicted when it matches more or fewer', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('4 paths');
  });
});

describe('a hostile path pattern', () => {
  // `x/a*a*…a*b` built into a regex backtracked exponentially against a long path of a's.
  const tree: Tree = {
    [`x/${'a'.repeat(60)}`]: '\n',
    [`x/${'a'.repeat(14)}b`]: '\n',
    [`x/${'a'.repeat(20)}b`]: '\n',
  };
  const line = (n: number) => `- ✅ \`x/${'a*'.repeat(14)}b\` - Generated files (${n} files)`;
  const doc = ['# Files', '', line(2), line(5)].join('\n');
  const { at } = verify(tree, doc, reportWith([]));
  it('is still counted, by the paths whose last segments it matches', () => {
    expect(at(3).verdict).toBe('confirmed');
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('2 paths');
  });
});

describe('a count of things kept one folder each', () => {
  const fns: Tree = {};
  for (let i = 0; i < 6; i++) fns[`supabase/functions/fn-${i}/index.ts`] = 'export {};\n';
  fns['supabase/functions/_shared/cors.ts'] = 'export {};\n';
  fns['copy/supabase/functions/fn-x/index.ts'] = 'export {};\n';
  const doc = [
    '# Status', // 1
    '', // 2
    '- ✅ 6 Edge Functions implemented', // 3
    '- ✅ 9 Edge Functions implemented', // 4
    '- ✅ Makefiles validated: 4 (root + 3 functions)', // 5
  ].join('\n');
  const { at, has } = verify(fns, doc, reportWith([]));
  it('is confirmed by the sub-folders of the folder nearest the root (helpers aside)', () => {
    expect(at(3).verdict).toBe('confirmed');
  });
  it('is contradicted when the folder holds another number of them', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('supabase/functions/ holds 6');
  });
  it('is not taken from a line with more figures than the one count', () => {
    if (has(5)) expect(at(5).reason).not.toContain('one folder each');
  });
});

describe('a count of the modules', () => {
  const tree: Tree = {
    'pom.xml': '<project><modules><module>a</module><module>b</module><module>c</module></modules></project>\n',
    'a/pom.xml': '<project/>\n',
    'b/pom.xml': '<project/>\n',
    'c/pom.xml': '<project/>\n',
  };
  const doc = ['# Statistics', '', '- ✅ Modules: 3', '- **Modules**: 9 (all implemented)'].join('\n');
  const { at } = verify(tree, doc, reportWith([]));
  it('is confirmed by the modules the root build declares', () => {
    expect(at(3).verdict).toBe('confirmed');
  });
  it('is contradicted when the root build declares another number', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('pom.xml declares 3');
  });
});

describe('the tests of a test file the line names', () => {
  const fact = (name: string) => `    [Fact]\n    public void ${name}() { Assert.True(true); }\n`;
  const tree: Tree = {
    'src/Api/HealthController.cs': 'public class HealthController {}\n',
    'tests/Api.Tests/Api.Tests.csproj':
      '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.9.0" /></ItemGroup></Project>\n',
    'tests/Api.Tests/HealthControllerTests.cs': `using Xunit;\npublic class HealthControllerTests {\n${fact('A')}${fact('B')}${fact('C')}${fact('D')}${fact('E')}}\n`,
  };
  const doc = [
    '# Summary', // 1
    '', // 2
    '- ✅ Created HealthControllerTests.cs with 5 comprehensive tests', // 3
    '- ✅ Created HealthControllerTests.cs with 3 comprehensive passing tests', // 4
    '### HealthControllerTests (3 tests)', // 5
  ].join('\n');
  const { at } = verify(tree, doc, reportWith([]));
  it('is confirmed when the file defines that many', () => {
    expect(at(3).verdict).toBe('confirmed');
  });
  it('is contradicted when the file defines another number, passing or not', () => {
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toContain('5 test cases');
  });
  it('is contradicted for a test class named with its count', () => {
    expect(at(5).verdict).toBe('contradicted');
  });
});

describe('the lines of code of the module a heading names', () => {
  const lines = (n: number) =>
    `package x;\nimport y.Z;\n/** A class. */\npublic class C {\n${Array.from({ length: n }, (_, i) => `  int f${i} = ${i};\n`).join('')}}\n`;
  const tree: Tree = {
    'pom.xml': '<project><modules><module>02-core</module><module>08-testing-strategies</module></modules></project>\n',
    '02-core/pom.xml': '<project/>\n',
    '02-core/src/main/java/x/C.java': lines(98),
    '08-testing-strategies/pom.xml': '<project/>\n',
    '08-testing-strategies/src/main/java/com/example/testing/C.java': lines(118),
    '08-testing-strategies/src/test/java/com/example/testing/CTest.java': lines(500),
  };
  const doc = [
    '# Summary', // 1
    '', // 2
    '### 2. **Module 2: Core** ✓ (Full Implementation)', // 3
    '**Lines of Code**: ~100 lines', // 4
    '', // 5
    '### 8. **Module 8: Testing Strategies** ✓ (Core Implementation)', // 6
    '**Lines of Code**: ~50 lines', // 7
    '', // 8
    '### 9. Other', // 9
    '**Lines of Code**: ~50 lines', // 10
  ].join('\n');
  const { at, has } = verify(tree, doc, reportWith([]));
  it('is confirmed when the figure lies between the lines of code and all lines', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
  it('is contradicted when the module’s own sources hold more than twice as many', () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('08-testing-strategies/');
  });
  it('is left open under a heading that names no module', () => {
    if (has(10)) expect(at(10).verdict).toBe('unverifiable');
  });
});

describe('a two-cell row of a metrics table that counts code units', () => {
  const tree: Tree = {
    'composer.json': '{"require": {"laravel/framework": "^11.0"}}\n',
    artisan: '#!/usr/bin/env php\n',
    'app/Http/Controllers/Controller.php': '<?php\nabstract class Controller {}\n',
    'app/Http/Controllers/UserController.php': '<?php\nclass UserController extends Controller {}\n',
    'app/Http/Controllers/PostController.php': '<?php\nclass PostController extends Controller {}\n',
    'app/Models/User.php': '<?php\nclass User extends Model {}\n',
    'app/Models/Post.php': '<?php\nclass Post extends Model {}\n',
    'app/Models/Comment.php': '<?php\nclass Comment extends Model {}\n',
  };
  const doc = [
    '# Completion', // 1
    '', // 2
    '## Metrics', // 3
    '', // 4
    '| Metric | Count |', // 5
    '|--------|-------|', // 6
    '| Files Created | 92 |', // 7
    '| Laravel Models | 3 |', // 8
    '| Controllers | 9 |', // 9
  ].join('\n');
  const { at, has } = verify(tree, doc, reportWith([]));
  it('is read as the count of that kind, the framework’s name dropped, and confirmed when it holds', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
  it('is contradicted when the folders hold another number', () => {
    expect(at(9).verdict).toBe('contradicted');
  });
  it('leaves a row that counts no code unit alone', () => {
    if (has(7)) expect(at(7).verdict).toBe('unverifiable');
  });
});
