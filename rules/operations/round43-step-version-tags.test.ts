import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './rollback.js';

/**
 * Blind round 42: a deploy workflow computes a per-deploy version in a step named for it (`id:
 * app-version`, `1.0.0-<timestamp>-<sha>`) and tags the pushed image with that step's output through a
 * shell variable (`REMOTE_IMAGE_REF="…:${{ steps.app-version.outputs.value }}"`, `docker push
 * "$REMOTE_IMAGE_REF"`): a versioned image, not "no versioned artefact".
 */
const workflow = (id: string, output: string) =>
  [
    'name: Deploy',
    'on: { push: { branches: [main] } }',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - id: ${id}`,
    '        run: |',
    `          VERSION="1.0.0-$(date -u '+%Y%m%d%H%M%S')-\${{ github.sha }}"`,
    '          echo "value=${VERSION:0:63}" >> $GITHUB_OUTPUT',
    '      - run: |',
    `          REMOTE_IMAGE_REF="registry.example.org/team/search:\${{ steps.${id}.outputs.${output} }}"`,
    '          docker image tag "search:latest" "$REMOTE_IMAGE_REF"',
    '          docker push "$REMOTE_IMAGE_REF"',
    '',
  ].join('\n');
const app = {
  'src/main/java/App.java': 'class App {}\n',
  Dockerfile: 'FROM eclipse-temurin:21\nCOPY app.jar /app.jar\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'an image tagged with the output of a step named for the version is versioned',
      profile: 'service',
      tree: { ...app, '.github/workflows/deploy.yml': workflow('app-version', 'value') },
      expect: {
        outcome: 'partial',
        message: 'immutable versioned image tags found',
        evidence: [{ path: '.github/workflows/deploy.yml', line: 13 }],
      },
    },
  ],
  invalid: [
    {
      name: 'the output of a step named for something else says nothing of a version',
      profile: 'service',
      tree: { ...app, '.github/workflows/deploy.yml': workflow('registry', 'value') },
      expect: { outcome: 'fail' },
    },
  ],
});
