/**
 * An audit reads each file once: the scan reads it, and what a fact needs from a file the scan
 * read without keeping it comes from a digest the scan took (src/facts/alongside.ts), never from a
 * second read. The tree holds what the three facts that read files a second time at 10k generated
 * files look for: YAML files that might be Azure pipelines (every one's content is looked at), a
 * `-javaagent:` flag in a Kubernetes env block, and a shell script that runs Mocha.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PILLARS } from '../rules/index.js';
import { auditRepository } from '../src/api/audit.js';
import { ciPaths } from '../src/facts/ci.js';
import { javaAgents } from '../src/facts/java-agents.js';
import { jsRunnerSpecs } from '../src/facts/tests/js-config.js';
import type { FileIndex } from '../src/walk/file-index.js';
import { tempDir, writeTree } from './helpers/tree.js';

const TREE: Record<string, string> = {
  'package.json':
    '{"name":"svc","version":"1.0.0","scripts":{"test":"sh scripts/test.sh"},"devDependencies":{"mocha":"10.0.0"}}\n',
  'src/index.js': "const http = require('node:http');\nhttp.createServer((q, s) => s.end('ok')).listen(8080);\n",
  'test/index.test.js': "const assert = require('node:assert');\nit('works', () => assert.ok(true));\n",
  'it/api.spec.js': "it('answers', () => {});\nit('answers twice', () => {});\n",
  'scripts/test.sh': '#!/bin/sh\nset -e\nnpx mocha ./it/*.spec.js\n',
  'scripts/lint.sh': '#!/bin/sh\nnpx eslint .\n',
  '.github/workflows/ci.yml':
    'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n',
  'k8s/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: svc',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: svc',
    '          image: svc:1',
    '          env:',
    '            - name: JAVA_TOOL_OPTIONS',
    '              value: "-javaagent:/otel/opentelemetry-javaagent.jar"',
    '',
  ].join('\n'),
  'config/app.properties': 'server.port=8080\n',
  Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "src/index.js"]\n',
};

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** The tree with an Azure pipeline outside the default name, found by its content. */
const WITH_PIPELINE: Record<string, string> = {
  ...TREE,
  'build/release-pipeline.yml':
    'trigger:\n  - main\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: npm ci\n  - script: npm run release\n',
};

async function audited(tree: Record<string, string>) {
  const root = writeTree(tempDir('readiness-read-once-'), tree);
  roots.push(root);
  return auditRepository(root, {}, PILLARS);
}

describe('an audit reads each file at most once', () => {
  it('takes the Azure check, the Java agent and the Mocha script from the scan’s one read of each file', async () => {
    const details = await audited(TREE);
    // The facts are there (every YAML file was looked at for an Azure pipeline)…
    expect(ciPaths(details.files)).toEqual(['.github/workflows/ci.yml']);
    expect(javaAgents(details.files)).toEqual([
      expect.objectContaining({ name: 'OpenTelemetry Java agent', path: 'k8s/deployment.yaml', line: 13 }),
    ]);
    expect(jsRunnerSpecs(details.files)).toContainEqual(
      expect.objectContaining({ runner: 'mocha', include: ['scripts/it/*.spec.js'], source: 'scripts/test.sh' }),
    );
    // …and no file was read twice: every read operation is a first read of its file.
    expect(details.filesRead).toBe(Object.keys(TREE).length);
    expect(details.reads).toBe(details.filesRead);
  });

  it('reads a pipeline found by its content once more, to parse and keep it', async () => {
    const details = await audited(WITH_PIPELINE);
    expect(ciPaths(details.files)).toEqual(['.github/workflows/ci.yml', 'build/release-pipeline.yml']);
    // Its commands are in the graph (built again from every CI file once the scan found it).
    expect(details.facts.commands.runs.some((r) => r.origin.path === 'build/release-pipeline.yml')).toBe(true);
    expect(details.reads).toBe(details.filesRead + 1);
  });

  it('counts a second read when a fact reads a file the scan read and dropped', async () => {
    const details = await audited(TREE);
    const files = details.files as FileIndex;
    // The scan read the manifest for its digest and did not keep it: a read by name now is a second one.
    expect(files.peek('k8s/deployment.yaml')).toBeUndefined();
    expect(files.read('k8s/deployment.yaml')).toContain('kind: Deployment');
    expect(files.stats.reads).toBe(details.reads + 1);
    expect(files.stats.filesRead).toBe(details.filesRead);
  });
});
