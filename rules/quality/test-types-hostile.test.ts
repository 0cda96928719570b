import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testTypes from './test-types.js';

describe('test-types on a CI job of 20,000 commands', () => {
  it('groups the job in place: services brought up, then the tests, still read as tests against live instances', async () => {
    // The job's runs were appended to a copy of its list each time: quadratic, a minute on a 400 KB justfile.
    const lines = Array.from({ length: 20_000 }, (_, i) => `          cargo test -p crate${i}`).join('\n');
    const tree = {
      'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\n',
      'src/main.rs': 'fn main() {}\n',
      '.github/workflows/ci.yml': `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker compose up -d\n      - run: |\n${lines}\n`,
    };
    const run = await runRuleOn(testTypes, tree);
    expect(JSON.stringify(run.evidence)).toContain('docker compose up -d');
  });
});
