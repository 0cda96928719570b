import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './formatting.js';

/**
 * Issue 15, blind round 43: a CI step that fails when the tree is dirty after `go fmt`
 * (`if [[ $(git diff --stat) != '' ]]; then exit 1; fi`, `test -z "$(git status --porcelain)"`)
 * makes the formatter a check, as `git diff --exit-code` does.
 */
const tree = (check: string) => ({
  'go.mod': 'module example.com/svc\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  Makefile: 'fmt:\n\tgo fmt ./...\n',
  '.github/workflows/test.yml': `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make fmt\n      - name: Check if working tree is dirty\n        run: |\n${check}`,
});

ruleTester(rule, {
  valid: [
    {
      name: 'go fmt, then a step failing when $(git diff --stat) is not empty: checked in CI',
      tree: tree(
        "          if [[ $(git diff --stat) != '' ]]; then\n            echo 'run make fmt'\n            exit 1\n          fi\n",
      ),
      expect: { outcome: 'pass', message: 'checked in CI (gofmt, then git diff --exit-code)', absent: ['write mode'] },
    },
    {
      name: 'go fmt, then test -z "$(git status --porcelain)": checked in CI',
      tree: tree('          test -z "$(git status --porcelain)"\n'),
      expect: { outcome: 'pass', message: 'checked in CI (gofmt, then git diff --exit-code)', absent: ['write mode'] },
    },
  ],
  invalid: [
    {
      name: 'go fmt, then git diff that only prints: the formatter still fails on nothing',
      tree: tree('          git diff --stat\n'),
      expect: { outcome: 'pass', message: 'write mode' },
    },
  ],
});
