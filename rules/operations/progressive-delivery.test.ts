import { expect } from 'vitest';
import rule from './progressive-delivery.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'Ruby: the rollout gem, its store built in an initializer and asked in a model, is feature flags',
      profile: 'service',
      tree: {
        Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n\n# flags per user and percentage\ngem 'rollout'\n",
        'config/initializers/rollout.rb': '$rollout = Rollout.new(REDIS_FLAGS)\n',
        'app/models/preference.rb':
          'class Preference < ApplicationRecord\n  def theme\n    $rollout.active?(:new_theme, user) ? super : "default"\n  end\nend\n',
      },
      expect: {
        outcome: 'pass',
        message: 'feature flags',
        evidence: [
          { path: 'Gemfile', note: 'feature-flag SDK dependency' },
          { path: 'app/models/preference.rb', line: 3, note: 'feature flags used in code' },
        ],
        data: { featureFlagSdks: ['rollout'] },
      },
    },
    {
      name: 'the Unleash Go SDK in an import block is a feature-flag SDK (name as a path word)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n',
        'internal/flags/flags.go':
          'package flags\n\nimport (\n\t"context"\n\t"github.com/Unleash/unleash-client-go/v4"\n)\n',
      },
      expect: { outcome: 'pass', message: 'feature flags', evidence: [{ path: 'internal/flags/flags.go', line: 5 }] },
    },
    {
      name: 'an Argo Rollouts canary passes (Go service on Kubernetes)',
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/api\n',
        'deploy/rollout.yaml':
          'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: api\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 20\n',
      },
      expect: { outcome: 'pass', message: 'canary', evidence: [{ path: 'deploy/rollout.yaml', line: 2 }] },
    },
    {
      name: 'the LaunchDarkly SDK declared and imported passes (Node service)',
      profile: 'service',
      tree: {
        'package.json':
          '{\n  "name": "api",\n  "dependencies": {\n    "@launchdarkly/node-server-sdk": "^9.0.0"\n  }\n}\n',
        'src/flags.ts':
          "import * as ld from '@launchdarkly/node-server-sdk';\nexport const client = ld.init(process.env.LD_KEY!);\n",
      },
      expect: {
        outcome: 'pass',
        message: 'feature flags',
        evidence: [
          { path: 'package.json', line: 4 },
          { path: 'src/flags.ts', line: 1 },
        ],
      },
    },
    {
      name: 'Microsoft.FeatureManagement registered in Program.cs passes (.NET)',
      profile: 'service',
      tree: {
        'Api/Api.csproj':
          '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.FeatureManagement.AspNetCore" Version="3.0.0" />\n  </ItemGroup>\n</Project>\n',
        'Api/Program.cs':
          'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddFeatureManagement();\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'Api/Program.cs', line: 2 }] },
    },
    {
      name: 'CodeDeploy blue/green in Terraform passes',
      profile: 'service',
      tree: {
        'infra/deploy.tf':
          'resource "aws_codedeploy_deployment_group" "api" {\n  deployment_style {\n    deployment_type = "BLUE_GREEN"\n  }\n}\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'infra/deploy.tf', line: 3 }] },
    },
  ],
  invalid: [
    {
      name: 'a data file whose name contains a flag SDK name (unleash…) is no feature-flag SDK',
      profile: 'service',
      tree: {
        'Updater/Updater.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n',
        'Updater/Program.cs':
          'class Program {\n  static readonly string[] Removed = new[] {\n    "Definitions/unleashthebooks.yml",\n    "Definitions/waffleshop.yml",\n  };\n}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a CI job named canary that builds a release-channel image is not a staged rollout',
      profile: 'service',
      tree: {
        'go.mod': 'module x\n',
        '.github/workflows/canary.yml':
          'on:\n  push:\n    branches: [canary]\njobs:\n  canary:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t acme/app:canary .\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a flag SDK declared but never imported earns nothing (Python)',
      profile: 'service',
      tree: {
        'requirements.txt': 'flask==3.0.0\nUnleashClient==5.11.0\n',
        'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
      },
      expect: {
        outcome: 'fail',
        evidence: [{ path: 'requirements.txt', line: 2, note: expect.stringContaining('no code imports it') }],
      },
    },
    {
      name: 'tuned rolling updates only are partial',
      profile: 'service',
      tree: {
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n',
      },
      expect: { outcome: 'partial', score: 0.4, evidence: [{ path: 'k8s/deployment.yaml', line: 7 }] },
    },
    {
      name: "a PodDisruptionBudget's maxUnavailable (opt-in chart template) is not a rolling-update setting: fails",
      profile: 'service',
      tree: {
        'go.mod': 'module example.com/agent\n',
        'chart/agent/Chart.yaml': 'apiVersion: v2\nname: agent\nversion: 1.0.0\n',
        'chart/agent/values.yaml': 'podDisruptionBudget:\n  enabled: false\n  maxUnavailable: 1\n',
        'chart/agent/templates/poddisruptionbudget.yaml':
          '{{- if .Values.podDisruptionBudget.enabled }}\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: agent\nspec:\n  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}\n  selector:\n    matchLabels: { app: agent }\n{{- end }}\n',
        'chart/agent/templates/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          image: example/agent:v1\n',
      },
      expect: { outcome: 'fail', data: { rollingUpdateSettings: false }, evidence: [{ path: '.' }] },
    },
    {
      name: 'a Deployment after a PodDisruptionBudget in one file: only the Deployment strategy earns the rolling-update credit',
      profile: 'service',
      tree: {
        'k8s/app.yaml':
          'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: api\nspec:\n  maxUnavailable: 1\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  strategy:\n    rollingUpdate:\n      maxSurge: 1\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.4,
        evidence: [{ path: 'k8s/app.yaml', line: 15, note: 'rolling-update settings' }],
      },
    },
    {
      name: 'a plain service fails and says what was searched',
      profile: 'service',
      tree: { 'pom.xml': '<project/>\n', 'src/main/java/App.java': 'class App {}\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a library does not release to traffic',
      profile: 'library',
      tree: { 'package.json': '{"name":"x"}\n' },
      expect: { outcome: 'not-applicable' },
    },
  ],
});
