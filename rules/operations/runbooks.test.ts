import rule from './runbooks.js';
import { ruleTester } from '../../src/testing/rule-tester.js';

const runbook = `# Payments API runbook

Owner: payments team. Dashboards: grafana/payments.

## Alert: HighErrorRate

Check the error budget dashboard and recent deploys.

## Mitigation and rollback

Run \`helm rollback payments\` to return to the previous release.

## Escalation

Page the secondary on-call after 15 minutes.
`;

ruleTester(rule, {
  valid: [
    {
      name: 'docs/runbooks with diagnosis, recovery and escalation headings passes',
      profile: 'service',
      tree: { 'docs/runbooks/payments.md': runbook, 'go.mod': 'module x\n' },
      expect: {
        outcome: 'pass',
        message: ['incident response', 'diagnosis', 'recovery'],
        evidence: [
          { path: 'docs/runbooks/payments.md', line: 5 },
          { path: 'docs/runbooks/payments.md', line: 9 },
          { path: 'docs/runbooks/payments.md', line: 13 },
        ],
      },
    },
    {
      name: 'an incident response guide with a postmortem template passes',
      profile: 'service',
      tree: {
        'INCIDENT_RESPONSE.md':
          '# Incident response\n\nWho declares an incident, how to communicate, which channel to use, how severity is decided and who leads.\n\n## Severity levels\n\nSEV1: customer-facing outage.\n',
        'docs/postmortem-template.md': '# Postmortem: <title>\n\n## Timeline\n\n## Root cause\n\n## Action items\n',
      },
      expect: {
        outcome: 'pass',
        message: ['incident response', 'postmortem'],
        evidence: [
          { path: 'docs/postmortem-template.md', line: 1, note: 'postmortem' },
          { path: 'INCIDENT_RESPONSE.md', line: 1 },
        ],
      },
    },
  ],
  invalid: [
    {
      name: "a docs site's maintenance pages (Docusaurus website/docs/maintenance/*.mdx) are operational docs",
      profile: 'service',
      tree: {
        'mix.exs': 'defmodule Car.MixProject do\nend\n',
        'website/docs/maintenance/backup.mdx':
          '---\ntitle: Backup\n---\n\n## Backup\n\nRun `docker compose exec -T database pg_dump -U car car > car.bck` daily.\n',
        'website/docs/maintenance/restore.mdx':
          '---\ntitle: Restore\n---\n\n## Restore\n\n1. Stop the app container.\n2. Drop and recreate the database.\n3. Load the backup with psql and start the app again.\n',
        'website/docs/installation/docker.mdx': '---\ntitle: Docker install\n---\n\n## Requirements\n\n- Docker\n',
      },
      expect: {
        outcome: 'partial',
        message: 'recovery',
        evidence: [{ path: 'website/docs/maintenance/restore.mdx', line: 5 }],
      },
    },
    {
      name: "a docs site's install pages alone are no runbooks",
      profile: 'service',
      tree: {
        'mix.exs': 'defmodule Car.MixProject do\nend\n',
        'website/docs/installation/docker.mdx': '---\ntitle: Docker install\n---\n\n## Requirements\n\n- Docker\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: "runbooks only in examples, samples or demos folders (hidden or a prefixed collection) are the examples' own",
      profile: 'service',
      tree: {
        'go.mod': 'module x\n',
        'acme-examples/ops/payments.md': runbook,
        '.samples/runbook.md': runbook,
        'demo/RUNBOOK.md': runbook,
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'a Copilot security guide\'s "Incident Response" heading is no runbook (.github/copilot-*.md, .github/instructions/)',
      profile: 'service',
      tree: {
        'src/Shop/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n',
        '.github/copilot-csharp-security.md':
          '# Secure C# guidance for Copilot\n\n## Input validation\n\nValidate every request.\n\n## Incident Response\n\n- REQUIRED: Have an incident response plan\n- Log security events to production monitoring\n',
        '.github/instructions/ops.instructions.md':
          '# Ops\n\n## Troubleshooting outages\n\nCheck the production logs first.\n',
        '.windsurfrules': '## Rollback\n\nRoll back the deployment with helm rollback.\n',
      },
      expect: {
        outcome: 'fail',
        data: { otherDocsTopics: [] },
        evidence: [{ path: '.' }],
      },
    },
    {
      name: 'an API guide\'s "application calls the Open API" and an e-mail template named email.template.rollback.diff are no runbook',
      profile: 'service',
      tree: {
        'package.json': '{"dependencies":{"express":"4"}}',
        'docs/en/portal/open-api.md':
          '# Open API\n\n#### 2.4 Third-party application calls the Open API\n\nSend the token in the Authorization header.\n',
        'docs/en/extension/email-service.md':
          '# E-mail service\n\n### 3.3 email.template.rollback.module.diff\n\nThe diff shown in the e-mail sent when a user rolls back a config release.\n',
      },
      expect: { outcome: 'fail', data: { otherDocsTopics: [] } },
    },
    {
      name: 'instructions for AI agents are not operations docs (a vendored skill, copilot instructions)',
      profile: 'service',
      tree: {
        '.agents/skills/nestjs/AGENTS.md':
          '# Skills\n\n## Rollback\n\nUse DataSource.transaction for automatic rollback.\n',
        '.github/copilot-instructions.md': '# Copilot\n\n## Troubleshooting Common Issues\n\nRun cargo check.\n',
        'src/main.rs': 'fn main() {}\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a RUNBOOK.md that is only a title is partial and named as such',
      profile: 'service',
      tree: { 'RUNBOOK.md': '# Runbook\n\nTODO\n' },
      expect: { outcome: 'partial', score: 0.4, message: 'RUNBOOK.md', evidence: [{ path: 'RUNBOOK.md' }] },
    },
    {
      name: 'a runbook covering only diagnosis is partial and says what is missing',
      profile: 'service',
      tree: {
        'docs/runbooks/db.md':
          '# Database\n\n## Troubleshooting slow queries\n\nLook at pg_stat_statements, check the connection pool, compare to last week, then look for missing indexes on the hot tables and for long-running transactions holding locks.\n',
      },
      expect: { outcome: 'partial', score: 0.6, message: ['diagnosis only', 'recovery'] },
    },
    {
      name: 'a README troubleshooting section alone is a weak partial',
      profile: 'service',
      tree: { 'README.md': '# svc\n\n## Usage\n\nrun it\n\n## Troubleshooting\n\nRestart it.\n' },
      expect: { outcome: 'partial', score: 0.3, evidence: [{ path: 'README.md', line: 7 }] },
    },
    {
      name: 'a troubleshooting section of a setup guide about installing gems on a Mac is not a runbook',
      profile: 'service',
      tree: {
        'doc/DOCKER.md':
          '# Docker setup\n\n## Troubleshooting\n\n### Nokogiri not found on some Macs\n\nRun `bundle config build.nokogiri --use-system-libraries`, then `bundle install` again.\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: "a Troubleshooting section of CONTRIBUTING.md (a contributor's patches not applying) is no runbook; the README's still counts (round 20)",
      profile: 'service',
      tree: {
        'docs/CONTRIBUTING.md':
          '# Contributing\n\n## Build\n\nRun the build script.\n\n### Troubleshooting\n\n#### I see "Forbidden" when I load the page\n\nYour patches did not apply: pop them with `quilt pop -a`, push them again.\nA prod HTML in the dev context breaks the loader.\n',
        'README.md': '# notebook\n\n## Troubleshooting\n\nRestart the server and read its logs.\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.3,
        evidence: [{ path: 'README.md', line: 3 }],
        absent: ['docs/CONTRIBUTING.md'],
      },
    },
    {
      name: 'a README troubleshooting section about a port taken on a developer Mac (the local server) is not a runbook',
      profile: 'service',
      tree: {
        'README.md':
          '# blog-api\n\n## Troubleshooting\n\nOn macOS the AirPlay receiver takes port 5000, so the server cannot start.\nTurn it off in System Preferences, or run `flask run --port=4000`.\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a document titled "... Runbook" outside runbooks/ is a dedicated runbook; its title is not one of its topics',
      profile: 'service',
      tree: {
        'docs/key_rotation.md':
          '# Signing Key Rotation Runbook\n\nRotate the signing key without downtime.\n\n## Steps\n\n1. Add the new key.\n2. Promote it.\n\n## Rollback\n\nRestore the previous key as primary.\n',
        'go.mod': 'module x\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.6,
        message: 'Operational docs cover recovery only; no incident response, diagnosis and postmortem sections.',
        evidence: [
          { path: 'docs/key_rotation.md', line: 10, note: 'recovery' },
          { path: 'docs/key_rotation.md', note: 'operational document' },
        ],
      },
    },
    {
      name: 'UI words in a README ("Alert" component, API "Operations") and changelog entries do not count',
      profile: 'service',
      tree: {
        'README.md': '# ui-kit\n\n## Alert\n\nA banner.\n\n## Operations\n\nCRUD calls.\n',
        'CHANGELOG.md': '## Incident fix 1.2.0\n',
        // A code of conduct's enforcement process is about people, not about running the service.
        'CODE_OF_CONDUCT.md':
          '# Code of Conduct\n\n## Enforcement\n\n### Incident response\n\nReport to the maintainers.\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
  notApplicable: [
    {
      name: 'a reusable Terraform module is deployed by its callers: not judged here',
      profile: 'infrastructure',
      tree: {
        'main.tf': 'resource "aws_db_instance" "this" {\n  multi_az = var.multi_az\n}\n',
        'variables.tf': 'variable "multi_az" {\n  type    = bool\n  default = false\n}\n',
        'examples/basic/main.tf':
          'provider "aws" {\n  region = "eu-west-1"\n}\n\nmodule "db" {\n  source = "../../"\n}\n',
      },
      expect: { outcome: 'not-applicable', message: 'a reusable Terraform module' },
    },
    {
      name: 'a library is not operated',
      profile: 'library',
      tree: { 'RUNBOOK.md': '# Runbook\n' },
      expect: { outcome: 'not-applicable', message: 'library' },
    },
  ],
});
