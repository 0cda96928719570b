import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import releaseManagement from './release-management.js';

/**
 * Blind round 21 (spegel): goreleaser-action with `install-only: true` in an integration-test job
 * puts goreleaser on the PATH and runs nothing; it was reported as a job that "releases".
 */
const TEST_WORKFLOW = [
  'name: test', // 1
  'on: [push, pull_request]', // 2
  'jobs:', // 3
  '  integration:', // 4
  '    runs-on: ubuntu-latest', // 5
  '    steps:', // 6
  '      - uses: actions/checkout@v4', // 7
  '      - name: Install GoReleaser', // 8
  '        uses: goreleaser/goreleaser-action@v6', // 9
  '        with:', // 10
  '          install-only: true', // 11
  '      - run: go test ./test/integration/...', // 12
].join('\n');

const RELEASE_WORKFLOW = [
  'name: release', // 1
  'on:', // 2
  '  push:', // 3
  '    tags: ["v*"]', // 4
  'jobs:', // 5
  '  release:', // 6
  '    runs-on: ubuntu-latest', // 7
  '    steps:', // 8
  '      - uses: actions/checkout@v4', // 9
  '      - uses: goreleaser/goreleaser-action@v6', // 10
  '        with:', // 11
  '          args: release --clean', // 12
].join('\n');

const tree = (withRelease: boolean) => ({
  'go.mod': 'module example.com/mirrord\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  '.goreleaser.yaml': 'version: 2\nbuilds:\n  - main: ./\n',
  '.github/workflows/test.yaml': TEST_WORKFLOW,
  ...(withRelease ? { '.github/workflows/release.yaml': RELEASE_WORKFLOW } : {}),
});

describe('round 21: an action installed only is not run', () => {
  it('the test job that installs goreleaser is not a release; the tag-triggered release job is', async () => {
    const r = await runRuleOn(releaseManagement, tree(true), { profile: 'cli' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/release.yaml',
        line: 10,
        note: expect.stringMatching(/release/),
      }),
    );
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: '.github/workflows/test.yaml' }));
  });

  it('with only the install-only step, no CI job releases', async () => {
    const r = await runRuleOn(releaseManagement, tree(false), { profile: 'cli' });
    expect(r.evidence).not.toContainEqual(expect.objectContaining({ path: '.github/workflows/test.yaml' }));
    expect(r.message).not.toMatch(/GoReleaser release/);
  });
});
