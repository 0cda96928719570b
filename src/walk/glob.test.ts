import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { extensionOf, globExtensions, globTest, requiredLiteral } from './glob.js';

describe('globExtensions', () => {
  it('reads the extensions a glob fixes, through braces', () => {
    expect(globExtensions('**/docs/**/*.{md,rst}')).toEqual(new Set(['md', 'rst']));
    expect(globExtensions('**/*.{test,spec}.{js,ts}')).toEqual(new Set(['js', 'ts']));
    expect(globExtensions('**/*Test.php')).toEqual(new Set(['php']));
    expect(globExtensions('**/pages/api/{health,ping}{.js,.ts,/index.js}')).toEqual(new Set(['js', 'ts']));
    expect(globExtensions('**/Jenkinsfile')).toEqual(new Set(['']));
  });

  it('gives up where the extension is open', () => {
    for (const g of ['**/Dockerfile.*', '.semgrep/**', '**/*rc', '!**/*.md', '**/*.+(js|ts)', '**/{a,b', '**/x.{1..3}'])
      expect(globExtensions(g), g).toBeNull();
  });
});

describe('globTest', () => {
  const globs = [
    '**/docs/**/*.{md,rst}',
    '**/*Test.php',
    '**/Jenkinsfile',
    '**/Dockerfile.*',
    '**/src/*{test,Test}*/**/*.{java,kt}',
    '.github/workflows/*.yml',
    '**/pages/api/{health,ping}{.js,.ts,/index.js}',
    '**/.env.*.example',
    '**/*[sS]pec.{js,mjs}',
    '.semgrep/**',
    '**/src/gatling/**',
    '**/.env.*',
    '**/*rc',
    '**/{a,{b,c}}/x*',
    '**/+(foo|bar)-*',
    'docs/**/Dockerfile*',
  ];
  const paths = [
    'docs/a.md',
    'x/docs/y/z.rst',
    'docs/a.txt',
    'README.md',
    'src/FooTest.php',
    'Test.php',
    'a/Jenkinsfile',
    'Jenkinsfile.groovy',
    'Dockerfile.prod',
    'svc/Dockerfile',
    'mod/src/test/java/ATest.java',
    'src/main/java/A.java',
    '.github/workflows/ci.yml',
    '.github/workflows/sub/ci.yml',
    'web/pages/api/health.ts',
    'web/pages/api/ping/index.js',
    'web/pages/api/other.ts',
    'a/.env.local.example',
    'lib/fooSpec.js',
    'lib/foospec.mjs',
    'lib/foo.spec.ts',
    'noext',
    '.hidden',
    'a.b/c',
    '.semgrep/rules.yml',
    'x/.semgrep/r.yml',
    'src/gatling/Sim.scala',
    'a/src/gatling/b/c.kt',
    '.env.prod',
    '.npmrc',
    'c/x1',
    'b/xy',
    'foo-1',
    'docs/a/Dockerfile.dev',
    'docs/Dockerfile',
  ];
  it('answers exactly what picomatch answers', () => {
    for (const g of globs) {
      const m = picomatch(g, { dot: true });
      for (const p of paths) expect(globTest(g)(p), `${g} ${p}`).toBe(m(p));
    }
  });

  it('takes the extension from the base name only', () => {
    expect(extensionOf('a.b/c')).toBe('');
    expect(extensionOf('a/b.test.ts')).toBe('ts');
    expect(extensionOf('.hidden')).toBe('hidden');
  });
});

describe('requiredLiteral', () => {
  it('finds the literal run every match contains, and makes no claim through nested groups or escapes', () => {
    expect(requiredLiteral('**/Dockerfile.*')).toBe('Dockerfile.');
    expect(requiredLiteral('**/src/gatling/**')).toBe('src/gatling');
    expect(requiredLiteral('.semgrep/**')).toBe('.semgrep');
    expect(requiredLiteral('**/*rc')).toBeUndefined();
    expect(requiredLiteral('**/{a,{b,c}}/xyz*')).toBeUndefined();
    expect(requiredLiteral('**/\\*.md')).toBeUndefined();
  });
});
