/**
 * Blind round 37 (EvalAI): CI ran scripts/deployment/deploy.sh, which ssh-es to the host and runs
 * `docker compose … pull` and `up -d` there, from a heredoc. Commands inside `ssh host '…'`,
 * `ssh host "…"` and `ssh host <<EOF … EOF` run on that host and belong to the command graph; a
 * compose `up` or `docker stack deploy` on a remote host is a deployment. A compose `up` the job
 * runs on its own runner (a local stack for tests) is not, nor a heredoc written to a file.
 */
import { describe, expect, it } from 'vitest';
import continuousDeployment from './operations/continuous-deployment.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import { logicalLines } from '../src/facts/commands/shell.js';

const workflow = (run: string) =>
  [
    'name: Deploy',
    'on:',
    '  push:',
    '    branches: [main]',
    'jobs:',
    '  ship:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: docker build -t registry.example.com/api:${{ github.sha }} .',
    `      - run: ${run}`,
    '',
  ].join('\n');

function service(run: string, extra: Tree = {}): Tree {
  return {
    'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4.19.0' } }),
    'server.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
    Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
    'docker-compose.prod.yml': 'services:\n  api:\n    image: registry.example.com/api:latest\n',
    '.github/workflows/deploy.yml': workflow(run),
    ...extra,
  };
}

const HEREDOC_SCRIPT = [
  '#!/usr/bin/env bash',
  'set -euo pipefail',
  'deploy() {',
  '  ssh -i "$KEY" -o StrictHostKeyChecking=yes deploy@app.example.com <<ENDSSH',
  'set -e',
  'cd ~/app',
  'export TAG="${TAG}"',
  'docker compose -f docker-compose.prod.yml pull api',
  'docker compose -f docker-compose.prod.yml up -d --remove-orphans api',
  'ENDSSH',
  '}',
  'deploy',
  '',
].join('\n');

describe('commands run over ssh are in the command graph', () => {
  it("`ssh host '… docker compose up -d'`: a deployment of the host", async () => {
    const run = await runRuleOn(
      continuousDeployment,
      service(`ssh deploy@app.example.com 'cd app && docker compose pull && docker compose up -d'`),
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]!.note).toContain('docker compose up on a remote host (ssh deploy@app.example.com)');
  });

  it('a heredoc fed to ssh in a deploy script CI runs: its compose up deploys', async () => {
    const run = await runRuleOn(
      continuousDeployment,
      service('bash scripts/deploy.sh', { 'scripts/deploy.sh': HEREDOC_SCRIPT }),
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]).toMatchObject({ path: 'scripts/deploy.sh', line: 9 });
    expect(run.evidence[0]!.note).toContain('on a remote host (ssh deploy@app.example.com)');
  });

  it('`ssh host "docker stack deploy …"` deploys too', async () => {
    const run = await runRuleOn(
      continuousDeployment,
      service('ssh -p 2222 ops@swarm.example.com "docker stack deploy -c stack.yml api"'),
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence[0]!.note).toContain('docker stack deploy on a remote host');
  });

  it('a compose up on the runner itself, or a heredoc written to a file, deploys nothing', async () => {
    const local = await runRuleOn(continuousDeployment, service('docker compose up -d && npm test'));
    expect(local.outcome).not.toBe('pass');
    const written = await runRuleOn(
      continuousDeployment,
      service('bash scripts/render.sh', {
        'scripts/render.sh': '#!/bin/sh\ncat > run.sh <<EOF\ndocker compose up -d\nEOF\n',
      }),
    );
    expect(written.outcome).not.toBe('pass');
  });

  it('keeps a heredoc body apart from the script’s own lines, bounded', () => {
    const body = Array.from({ length: 2000 }, (_, i) => `echo ${i}`).join('\n');
    const lines = logicalLines(`ssh host <<'EOF'\n${body}\nEOF\necho done\n`);
    expect(lines.map((l) => l.text)).toEqual(["ssh host <<'EOF'", 'echo done']);
    expect(lines[0]!.heredoc!.line).toBe(2);
    expect(lines[0]!.heredoc!.text.split('\n')).toHaveLength(500);
  });
});
