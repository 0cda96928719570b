import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './formatting.js';

/**
 * Issue 15, blind round 43: a CI job that calls a reusable workflow of another repository named for
 * the coding standard runs the configured formatter there; "not checked in CI" was false. A
 * reusable workflow named for something else (a release) is no such evidence.
 */
const tree = (workflow: string) => ({
  'composer.json': '{"name":"acme/lib","require":{"php":"^8.1"}}',
  'src/Money.php': '<?php\nfinal class Money {}\n',
  'tools/ecs/ecs.php':
    "<?php\nuse Symplify\\\\EasyCodingStandard\\\\Config\\\\ECSConfig;\nreturn ECSConfig::configure()->withPaths([__DIR__ . '/../../src']);\n",
  'tools/ecs/composer.json': '{"require":{"symplify/easy-coding-standard":"^12"}}',
  '.github/workflows/ci.yml': `on: push\njobs:\n  style:\n    name: Style\n    uses: ${workflow}\n    with:\n      working-directory: tools/ecs\n`,
});

ruleTester(rule, {
  valid: [
    {
      name: 'a reusable workflow named coding-standard: checked in CI, said to be unread',
      tree: tree('acme/coding-standard/.github/workflows/coding-standard.yml@v4'),
      expect: {
        outcome: 'pass',
        message:
          'checked in CI, by its name: job style calls the reusable workflow acme/coding-standard/.github/workflows/coding-standard.yml@v4 of another repository (not read offline)',
        evidence: [{ path: '.github/workflows/ci.yml', line: 5 }],
        absent: ['not checked in CI'],
      },
    },
  ],
  invalid: [
    {
      name: 'a reusable workflow named for something else is no formatting check',
      tree: tree('acme/ops/.github/workflows/information.yml@v1'),
      expect: { outcome: 'pass', message: 'not checked in CI' },
    },
  ],
});
