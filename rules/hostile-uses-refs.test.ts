/**
 * A `uses:` reference is cut at its first `@` wherever it is read. A quoted YAML value may hold a
 * line break (`"owner/action@@@…\nx"`); `/@.*$/` then ran from every `@` to the break and back,
 * quadratic (a whole audit took 5.5 s, 22.5 s, 72 s at 20k, 40k, 80k `@`). The run below is read
 * in one pass and the workflow's other steps still count.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import linting from './quality/linting.js';

const hostile = (action: string) => `      - uses: "${action}@${'@'.repeat(60_000)}\\nx"`;

describe('hostile `uses:` references', () => {
  it('refs of many `@` with a line break are read in one pass; the lint step beside them still runs', async () => {
    const run = await runRuleOn(
      linting,
      {
        'go.mod': 'module example.com/cache\n\ngo 1.22\n',
        'cache.go': 'package cache\n\nfunc Get(k string) string { return k }\n',
        '.golangci.yml': 'linters:\n  enable:\n    - errcheck\n',
        '.github/workflows/ci.yml': [
          'on: [pull_request]',
          'jobs:',
          '  check:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          hostile('actions/upload-release-asset'),
          hostile('softprops/action-gh-release'),
          hostile('docker/build-push-action'),
          '      - run: golangci-lint run',
          '',
        ].join('\n'),
      },
      { profile: 'library' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('golangci-lint');
  });
});
