import { expect } from 'vitest';
import { ruleTester } from '../../src/testing/rule-tester.js';
import rule from './environments.js';

/**
 * Blind rounds 42-43: an environment is judged by what it is. A chart's per-environment values
 * (`values.aat.template.yaml`, `values.preview.template.yaml`) beside production's tfvars are the
 * tiers the chart is deployed to before production, whatever they are called; a `development/`
 * folder holding only a local compose stack beside `production/` is the development setup, not an
 * environment.
 */
const service = { 'server.js': "const express = require('express');\nexpress().listen(3000);\n" };
const chart = {
  'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
  'charts/app/values.yaml': 'image: example/app:latest\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'chart values for aat and preview beside prod.tfvars are pre-production tiers',
      profile: 'service',
      tree: {
        ...service,
        ...chart,
        'charts/app/values.aat.template.yaml': 'ingressHost: app-aat.example.net\n',
        'charts/app/values.preview.template.yaml': 'ingressHost: app-pr-${CHANGE_ID}.example.net\n',
        'infrastructure/prod.tfvars': 'capacity = 2\n',
      },
      expect: {
        outcome: 'pass',
        message: 'pre-production (aat and preview)',
        evidence: [
          {
            path: 'charts/app/values.aat.template.yaml',
            note: expect.stringContaining('Helm values for environment aat'),
          },
        ],
      },
    },
    {
      name: 'a development folder with manifests beside production is still an environment folder',
      profile: 'service',
      tree: {
        ...service,
        'deploy/development/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n',
        'deploy/production/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n',
      },
      expect: { outcome: 'partial', message: 'Production and development configurations found' },
    },
  ],
  invalid: [
    {
      name: 'chart values for a tier without production anywhere say nothing of a separation',
      profile: 'service',
      tree: { ...service, ...chart, 'charts/app/values.aat.template.yaml': 'ingressHost: app-aat.example.net\n' },
      expect: { outcome: 'fail' },
    },
    {
      name: 'chart test and lint values are no environment',
      profile: 'service',
      tree: {
        ...service,
        ...chart,
        'charts/app/values.lint.yaml': 'x: 1\n',
        'charts/app/values.kind.yaml': 'x: 1\n',
        'infrastructure/prod.tfvars': 'capacity = 2\n',
      },
      expect: { outcome: 'partial', message: 'Only production is described (prod)' },
    },
    {
      name: 'docker/development holding only a local compose stack beside docker/production is no environment',
      profile: 'service',
      tree: {
        ...service,
        'docker/development/compose.yml': 'services:\n  database:\n    image: postgres:15\n',
        'docker/development/Dockerfile.mailer': 'FROM alpine:3.20\n',
        'docker/production/compose.yml':
          'services:\n  app:\n    image: example/app:latest\n    restart: unless-stopped\n',
      },
      expect: {
        outcome: 'partial',
        message: 'Only production is described (production)',
        evidence: [
          {
            path: 'docker/development/compose.yml',
            note: expect.stringContaining('set aside: docker/development/ holds only a local container stack'),
          },
        ],
      },
    },
  ],
});
