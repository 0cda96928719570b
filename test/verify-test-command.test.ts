/**
 * readiness verify: a test command the document names ("`bundle exec rake test`") that nothing in the
 * repository runs, while its scripts and CI run another one (`bundle exec rspec`), is out of date
 * (round 30, development set). Runners, not spellings, are compared.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const rails: Tree = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'rspec-rails', group: :test\n",
  'bin/go': '#!/usr/bin/env ruby\nrun_command "bundle exec rspec"\n',
  '.github/workflows/ci.yml': 'jobs:\n  test:\n    steps:\n      - run: bundle exec rspec\n',
  'spec/models/user_spec.rb': "RSpec.describe User do\n  it 'works' do\n  end\nend\n",
};
const doc = (command: string) => ['# CI', '', '**bin/go Script:**', `- Test execution with \`${command}\``].join('\n');

describe('a test command the document names', () => {
  it('is out of date when the scripts and CI run another runner', () => {
    const { at } = verifier('CI.md')(rails, doc('bundle exec rake test'), reportWith([]));
    expect(at(4).verdict, at(4).reason).toBe('contradicted');
    expect(at(4).evidence.some((e) => e.path === 'bin/go' && e.line === 2)).toBe(true);
  });
  it('is not contradicted when that runner is run', () => {
    const { at } = verifier('CI.md')(rails, doc('bundle exec rspec'), reportWith([]));
    expect(at(4).verdict, at(4).reason).not.toBe('contradicted');
  });
  it('reads `npm test` as whatever the package runs its tests with', () => {
    const js: Tree = {
      'package.json': '{"name":"x","scripts":{"test":"vitest run"},"devDependencies":{"vitest":"^1.0.0"}}\n',
      '.github/workflows/ci.yml': 'jobs:\n  test:\n    steps:\n      - run: npx vitest run\n',
      'src/a.test.ts': "import { it } from 'vitest';\nit('works', () => {});\n",
    };
    const { result } = verifier('CI.md')(js, doc('npm test'), reportWith([]));
    const c = result.claims.find((x) => x.line === 4);
    expect(c?.verdict ?? 'unverifiable', c?.reason).not.toBe('contradicted');
  });
});
