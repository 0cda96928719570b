/**
 * Blind round 49: CI that pushes an image and then starts the deployment elsewhere — a POST to a
 * deploy service's hook held in a secret (`$AUTODEPLOY_URL`), or a repository dispatch to a
 * manifests repository that rolls the new tag out — deploys continuously; the rollout runs there.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import continuousDeployment from './continuous-deployment.js';

const app = {
  'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.0.0' } }),
  'src/server.js': "const app = require('express')();\napp.listen(3000);\n",
  Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "src/server.js"]\n',
};
const workflow = (steps: string) =>
  `name: ci\non:\n  push:\n    branches: [main]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t org/api:staging . && docker push org/api:staging\n${steps}`;

describe('continuous-deployment: deploys started elsewhere (blind round 49)', () => {
  it('a script that POSTs to $AUTODEPLOY_URL is a deploy hook: pass, the hook named in the evidence', async () => {
    const r = await runRuleOn(
      continuousDeployment,
      {
        ...app,
        'scripts/autodeploy.sh':
          '#!/bin/bash\nset -e\ncurl -s \\\n  -H "Content-Type: application/json" \\\n  -X POST \\\n  -u "$AUTODEPLOY_TOKEN" \\\n  -d \'{"tag": "staging"}\' \\\n  $AUTODEPLOY_URL\n',
        '.github/workflows/ci.yml': workflow(
          '      - name: Deploy staging\n        run: bash scripts/autodeploy.sh\n        env:\n          AUTODEPLOY_URL: ${{ secrets.AUTODEPLOY_URL }}\n',
        ),
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.evidence[0]?.note).toContain('deploy webhook (POST)');
  });
  it('a GET of $DEPLOY_URL (a smoke test of the deployed site) deploys nothing', async () => {
    const r = await runRuleOn(
      continuousDeployment,
      { ...app, '.github/workflows/ci.yml': workflow('      - run: curl -fsS $DEPLOY_URL/health\n') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
  it('a repository dispatch to a manifests repository after the push: pass, the deploy runs there', async () => {
    const r = await runRuleOn(
      continuousDeployment,
      {
        ...app,
        '.github/workflows/ci.yml': workflow(
          '      - name: Update images in staging\n        run: |\n          curl -L -X POST \\\n            -H "Authorization: Bearer ${{ secrets.TOKEN }}" \\\n            https://api.github.com/repos/example/platform-manifests/dispatches \\\n            -d \'{"event_type":"update-docker-image","client_payload":{"tag":"abc"}}\'\n',
        ),
      },
      { profile: 'service' },
    );
    expect(r.outcome, r.message).toBe('pass');
    expect(r.message).toContain('another repository');
    expect(r.evidence[0]).toMatchObject({ path: '.github/workflows/ci.yml' });
  });
  it('gh workflow run in another repository named for deploying counts; a dispatch to rebuild docs does not', async () => {
    const ok = await runRuleOn(
      continuousDeployment,
      {
        ...app,
        '.github/workflows/ci.yml': workflow(
          '      - run: gh workflow run deploy.yml --repo example/infra -f tag=abc\n',
        ),
      },
      { profile: 'service' },
    );
    expect(ok.outcome, ok.message).toBe('pass');
    const docs = await runRuleOn(
      continuousDeployment,
      {
        ...app,
        '.github/workflows/ci.yml': workflow(
          '      - run: curl -X POST https://api.github.com/repos/example/website/dispatches -d \'{"event_type":"docs-build"}\'\n',
        ),
      },
      { profile: 'service' },
    );
    expect(docs.outcome).toBe('fail');
  });
});
