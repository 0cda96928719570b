import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './rollback.js';

/**
 * Blind round 42: a Dagger program publishes the production image under a reference tagged with the
 * git commit (`fmt.Sprintf("ghcr.io/%s/app-prod:%s", owner, gitSHA())`): a versioned image, though
 * no CI file or Dockerfile names it. A tool image pinned to a release is not the project's artefact.
 */
const program = (ref: string, value: string, publish = true) => ({
  'ci/go.mod': 'module example.com/ci\n\ngo 1.21\n\nrequire dagger.io/dagger v0.9.7\n',
  'ci/image/production.go': [
    'package image',
    '',
    'import "dagger.io/dagger"',
    '',
    'func (image *Image) PublishProduction() *Image {',
    publish ? '\timage.container.Publish(image.ctx, image.ProductionImageRef())' : '\t_ = image.ProductionImageRef()',
    '\treturn image',
    '}',
    '',
    'func (image *Image) ProductionImageRef() string {',
    '\treturn fmt.Sprintf(',
    `\t\t"${ref}",`,
    '\t\timage.owner,',
    `\t\t${value},`,
    '\t)',
    '}',
    '',
  ].join('\n'),
  'mix.exs': 'defmodule App.MixProject do\n  use Mix.Project\nend\n',
});

ruleTester(rule, {
  valid: [
    {
      name: 'a Dagger program publishing its image tagged with the commit has a versioned image',
      profile: 'service',
      tree: program('ghcr.io/%s/app-prod:%s', 'gitSHA()'),
      expect: {
        outcome: 'partial',
        message: 'immutable versioned image tags found',
        evidence: [{ path: 'ci/image/production.go', line: 12 }],
      },
    },
  ],
  invalid: [
    {
      name: 'a tool image pinned to a release is no artefact of the project',
      profile: 'service',
      tree: program('registry.example.org/tools/op:%s', 'image.versions.OnePassword()'),
      expect: { outcome: 'fail' },
    },
    {
      name: 'a program that publishes nothing has no published image',
      profile: 'service',
      tree: program('ghcr.io/%s/app-prod:%s', 'gitSHA()', false),
      expect: { outcome: 'fail' },
    },
  ],
});
