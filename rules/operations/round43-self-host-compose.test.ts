import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './orchestration.js';

/**
 * Blind round 43: a compose.example.yml running the project's published image with a restart
 * policy, that its header says is for self-hosting or that a hosting guide has users download and
 * run, is the production self-host setup, not local development.
 */
const base = {
  Dockerfile: 'FROM ruby:3.4-slim\nCOPY . /rails\nCMD ["./bin/rails", "server"]\n',
  '.github/workflows/publish.yml':
    'on: { push: { tags: ["v*"] } }\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ghcr.io/acme/ledger:latest\n',
};
const compose = (header: string) =>
  `${header}services:\n  web:\n    image: ghcr.io/acme/ledger:latest\n    restart: unless-stopped\n    ports:\n      - 3000:3000\n  db:\n    image: postgres:16\n    restart: unless-stopped\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'an example compose file whose header says it is for self-hosting is the deployment template',
      profile: 'service',
      tree: {
        ...base,
        'compose.example.yml': compose('# Example Docker Compose file for self hosting Ledger on a cloud VPS.\n\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'docker-compose (production)',
        evidence: [
          { path: 'compose.example.yml', note: expect.stringContaining('its header says it is for self-hosting') },
        ],
      },
    },
    {
      name: 'an example compose file a hosting guide has users download is the deployment template',
      profile: 'service',
      tree: {
        ...base,
        'compose.example.yml': compose(''),
        'docs/hosting/docker.md':
          '# Self hosting with Docker\n\n```bash\ncurl -o compose.yml https://raw.githubusercontent.com/acme/ledger/main/compose.example.yml\ndocker compose up -d\n```\n',
      },
      expect: {
        outcome: 'pass',
        message: 'docker-compose (production)',
        evidence: [
          { path: 'compose.example.yml', note: expect.stringContaining('the hosting guide docs/hosting/docker.md') },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'the same example file named only by a contributing guide stays a development example',
      profile: 'service',
      tree: {
        ...base,
        'compose.example.yml': compose(''),
        'docs/contributing.md': 'Copy compose.example.yml to compose.yml to work on the app.\n',
      },
      expect: { outcome: 'partial', message: 'Only docker-compose is present' },
    },
    {
      name: 'a development example (compose.dev.example.yml) stays development whatever its header says',
      profile: 'service',
      tree: { ...base, 'compose.dev.example.yml': compose('# For self hosting tests on your laptop\n') },
      expect: { outcome: 'partial', message: 'Only docker-compose is present' },
    },
  ],
});
