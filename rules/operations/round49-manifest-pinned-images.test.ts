import { describe, expect, it } from 'vitest';
import rule from './rollback.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 49: a Kubernetes Deployment running the project's own image pinned to a release
 * (`image: gcr.io/acme-ci/ledger_server:v1.3.3`), built and tagged by its Cloud Build file
 * (`--destination=gcr.io/${PROJECT_ID}/ledger_server:${TAG_NAME}`), was "no versioned artefact". A
 * pinned third-party image (a database) is no artefact of the project.
 */
const deployment = (image: string) =>
  [
    'apiVersion: apps/v1', // 1
    'kind: Deployment', // 2
    'metadata:', // 3
    '  name: ledger', // 4
    'spec:', // 5
    '  replicas: 2', // 6
    '  template:', // 7
    '    spec:', // 8
    '      containers:', // 9
    '      - name: ledger', // 10
    `        image: ${image}`, // 11
  ].join('\n');
const CLOUDBUILD = [
  'steps:',
  '- id: build_ledger_server',
  '  name: gcr.io/kaniko-project/executor',
  '  args:',
  '  - --dockerfile=docker/ledger_server/Dockerfile',
  '  - --destination=gcr.io/${PROJECT_ID}/ledger_server:${TAG_NAME}',
].join('\n');
const tree = (image: string) => ({
  'go.mod': 'module example.com/ledger\n\ngo 1.22\n',
  'cmd/ledger_server/main.go':
    'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
  'docker/ledger_server/Dockerfile': 'FROM golang:1.22\nCOPY . .\nRUN go build ./cmd/ledger_server\n',
  'cloudbuild_tag.yaml': CLOUDBUILD,
  'deployment/ledger-deployment.yaml': deployment(image),
});

describe('rollback: own image pinned to a release in a Kubernetes manifest (blind round 49)', () => {
  it('is a versioned artefact to go back to (partial: no procedure or command)', async () => {
    const r = await runRuleOn(rule, tree('gcr.io/acme-ci/ledger_server:v1.3.3'), { profile: 'service' });
    expect(r.outcome, r.message).toBe('partial');
    expect(r.message).toMatch(/immutable versioned image tags/);
    expect(r.evidence.some((e) => e.path === 'deployment/ledger-deployment.yaml' && e.line === 11)).toBe(true);
  });
  it('a pinned third-party image is not', async () => {
    const r = await runRuleOn(rule, tree('bitnami/postgresql:15.2.0'), { profile: 'service' });
    expect(r.outcome, r.message).toBe('fail');
  });
});
