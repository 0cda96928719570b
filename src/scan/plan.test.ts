import { describe, expect, it } from 'vitest';
import { anyGlob } from '../walk/glob.js';
import { PathPlan } from './plan.js';

// The plan must answer exactly what testing every path against every target's globs answered.
const TARGETS: string[][] = [
  ['**/*.ts', '**/*.{js,mjs}'],
  ['**/*.{yml,yaml}', '**/Chart.yaml'],
  ['.github/workflows/*.yml', '.github/workflows/*.yaml', 'azure-pipelines*.yml'],
  ['**/*{log,Log}*{format,Format}*.{rb,py,ts}'],
  ['**/{test,tests,spec,e2e}/**/*.{js,ts}', '**/*.{test,spec}.ts', '**/__tests__/**/*.ts'],
  ['README*', '{.github,docs}/{README,readme}*', 'docs/**/*.md'],
  ['**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile', '**/Makefile'],
  ['**/*'],
  ['**/*.tf', '**/*.tf.json', '**/.env', '**/.env.*', 'config/deploy.yml', 'config/deploy.*.yml'],
  ['**/*.ts'],
  [],
];

const PATHS = [
  'src/a.ts',
  '.ts',
  'src/.ts',
  'x.',
  'a/b.',
  'a.b/c',
  'lib/util.mjs',
  'a/b.d.ts',
  'deploy/app.yaml',
  'chart/Chart.yaml',
  '.github/workflows/ci.yml',
  '.github/workflows/sub/ci.yml',
  'azure-pipelines.prod.yml',
  'src/logFormat.ts',
  'src/log-format.py',
  'src/Logging.ts',
  'test/unit/a.ts',
  'packages/x/tests/b.js',
  'src/a.test.ts',
  'src/__tests__/a.ts',
  'contest/a.ts',
  'README',
  'README.md',
  'docs/README.md',
  'docs/guide/setup.md',
  'sub/README.md',
  'Dockerfile',
  'svc/Dockerfile.prod',
  'svc/app.dockerfile',
  'Makefile',
  'infra/main.tf',
  'infra/main.tf.json',
  '.env',
  'svc/.env.local',
  'config/deploy.yml',
  'config/deploy.prod.yml',
  'config/deploy.prod.yaml',
  'image.png',
  'a/b/c/d/e/f.go',
];

describe('PathPlan', () => {
  it('matches exactly the targets whose globs match, on every path', () => {
    const plan = new PathPlan(TARGETS);
    const tests = TARGETS.map((t) => anyGlob(t));
    for (const p of PATHS) {
      const expected = tests.flatMap((t, i) => (t(p) ? [i] : []));
      expect([...plan.targetsFor(p)], p).toEqual(expected);
    }
  });

  it('answers paths with the same targets with one shared list', () => {
    const plan = new PathPlan(TARGETS);
    expect(plan.targetsFor('a/x.go')).toBe(plan.targetsFor('b/y.go'));
    expect(plan.targetsFor('src/a.ts')).not.toBe(plan.targetsFor('src/logFormat.ts'));
  });
});
