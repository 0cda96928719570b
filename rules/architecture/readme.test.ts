import { describe, expect, it } from 'vitest';
import rule from './readme.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';

const body = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i} of prose about the project.`).join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'a Requirements section followed by install steps is the installation section',
      tree: {
        'README.md':
          '# car-logger\n\nA data logger for your car.\n\n## Requirements\n\n- Docker\n- PostgreSQL 16\n\n## Running it\n\n```\ndocker compose up -d\n```\n\n## Usage\n\nOpen the dashboard and pick a car.\n\n## Development\n\nRun the tests with mix test.\n',
      },
      expect: { outcome: 'pass', evidence: [{ path: 'README.md', line: 5 }] },
    },
    {
      name: 'a development section may be a list of package scripts (`yarn start:dev`, `yarn test`) under a heading such as "NPM scripts" (round 12)',
      profile: 'service',
      tree: {
        'README.md': [
          '# Conduit API',
          '',
          'A blogging backend written with NestJS.',
          '',
          '## Getting started',
          '',
          'Install dependencies with `yarn`, then copy the config file.',
          '',
          body(6),
          '',
          '## Scripts',
          '',
          '- `yarn start` - start the application',
          '- `yarn start:dev` - start it in watch mode',
          '- `yarn test` - run the unit tests',
          '',
          '## API',
          '',
          'Browse to http://localhost:3000/api/articles.',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'README.md', line: 16, snippet: 'Scripts', note: 'development section' }],
      },
    },
    {
      name: 'a library README: usage is the code example right after the intro, installation the Gradle coordinates under Download, development the Contributing link',
      profile: 'library',
      tree: {
        'README.md': [
          '[![Build](https://example.com/badge.svg)](https://example.com/ci)',
          '',
          'Brewer is a fast in-memory caching library. See the [user guide][guide].',
          '',
          '### Cache',
          '',
          'Brewer provides an in-memory cache with a builder API.',
          '',
          '```java',
          'LoadingCache<Key, Value> cache = Brewer.newBuilder()',
          '    .maximumSize(10_000)',
          '    .build(key -> load(key));',
          '```',
          '',
          '#### Features',
          '',
          body(8),
          '',
          '### Download',
          '',
          'Depend on it via Gradle:',
          '',
          '```gradle',
          'implementation("org.acme.brewer:brewer:3.2.4")',
          '```',
          '',
          '### Links',
          '',
          '- [API Reference](https://brewer.example.com/api.html)',
          '- [Contributing](https://brewer.example.com/contributing.html)',
          '',
          '[guide]: https://example.com/guide',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'README.md', line: 1 },
          { path: 'README.md', line: 26, note: 'installation section' },
          { path: 'README.md', line: 10, note: 'usage snippet (code example after the introduction)' },
          { path: 'README.md', line: 37, note: 'development: links the contributing guide' },
        ],
      },
    },
    {
      name: 'a Maven <dependency> block under a section of another name is the installation',
      profile: 'library',
      tree: {
        'README.md': [
          '# Brewer',
          '',
          'A caching library.',
          '',
          '## Get it',
          '',
          '```xml',
          '<dependency>',
          '  <groupId>org.acme</groupId>',
          '  <artifactId>brewer</artifactId>',
          '</dependency>',
          '```',
          '',
          '## Usage',
          '',
          body(4),
          '',
          '## Building',
          '',
          body(2),
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'README.md', line: 1 },
          { path: 'README.md', line: 5, note: 'installation section' },
        ],
      },
    },
    {
      name: 'the development section is the Contributing heading, not a numbered feature heading about deployments',
      profile: 'service',
      tree: {
        'README.md': [
          '# Restarter',
          '',
          'Restarts workloads when their ConfigMaps change.',
          '',
          '## Quick Start',
          '',
          '### 1. Install Restarter',
          '',
          'helm install restarter charts/restarter',
          '',
          '## Usage',
          '',
          '### 7. ⏸️ Pause Deployments',
          '',
          'Annotate a workload to pause its deployments for a while.',
          '',
          '## Contributing',
          '',
          'Open an issue, then run make test.',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'README.md', line: 17, snippet: 'Contributing', note: 'development section' }],
      },
    },
    {
      name: 'a heading that means usage or development wins over a loose word match (Terms of use, a feature called Bundleless build)',
      profile: 'library',
      tree: {
        'README.md': [
          '# Pipewright',
          '',
          'A small library that runs shell commands from .NET code.',
          '',
          '### 📁 Bundleless build',
          '',
          'Emits one file per source file.',
          '',
          '## Terms of use<sup>[[?]](https://example.org/docs/why-so-political.md)</sup>',
          '',
          body(3),
          '',
          '## Install',
          '',
          'dotnet add package Pipewright',
          '',
          '## Usage',
          '',
          'var result = await Cli.Wrap("git").ExecuteAsync();',
          '',
          '## 💻 Development',
          '',
          'Clone the repository and run dotnet test.',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'README.md', line: 15, snippet: 'Install', note: 'installation section' },
          { path: 'README.md', line: 19, snippet: 'Usage', note: 'usage section' },
          { path: 'README.md', line: 23, snippet: '💻 Development', note: 'development section' },
        ],
      },
    },
    {
      name: "a chart repository's root README linking to the chart's README is read on there (round 5, nextcloud/helm)",
      tree: {
        'README.md':
          '# Cloud Helm Charts\n\nHelm charts for Cloud.\n\n## Add the repository\n\n```sh\nhelm repo add cloud https://charts.example.org\nhelm install my-cloud cloud/cloud\n```\n\nSee the [chart README](charts/cloud/README.md) for configuration.\n\n## Contributing\n\nOpen a pull request; CI lints and installs the chart.\n',
        'charts/cloud/README.md':
          '# Cloud chart\n\nDeploys Cloud.\n\n## Installing the chart\n\nhelm install my-cloud cloud/cloud\n\n## Configuration\n\n| key | default |\n| --- | --- |\n| replicaCount | 1 |\n',
      },
      expect: {
        outcome: 'pass',
        message:
          'README.md (with the README it links to, charts/cloud/README.md) covers installation, usage and development.',
        evidence: [
          {
            path: 'charts/cloud/README.md',
            line: 9,
            snippet: 'Configuration',
            note: 'usage section (in charts/cloud/README.md, linked from README.md)',
          },
        ],
      },
    },
    {
      name: 'a README that opens with blank lines is cited at its first line of text (round 5: off by one)',
      tree: {
        'README.md':
          '\n\n# lo - slice helpers\n\nA library of helpers.\n\n## Install\n\n```sh\ngo get example.org/lo\n```\n\n## Usage\n\nCall lo.Map.\n\n## Contributing\n\nRun make test.\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'README.md', line: 3, snippet: '# lo - slice helpers' }],
      },
    },
    {
      name: 'a "Setup:" label over a numbered list and a top-level "# Deployment" section count as installation',
      tree: {
        'README.md': [
          '### Forum Rails Project',
          '',
          'A link aggregator with threaded comments.',
          '',
          '#### Contributing bugfixes and new features',
          '',
          'Open an issue first, then a pull request with tests.',
          '',
          '## Usage',
          '',
          'Open http://localhost:3000 in a browser after starting the server.',
          '',
          'Setup:',
          '',
          '1. Clone the repository.',
          '2. Copy config/database.yml.sample to config/database.yml.',
          '3. Load the schema and start the server.',
          '',
          body(6),
        ].join('\n'),
        'docs/README-deploy.md': '# Deployment\n\nSee the guide.\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'README.md', line: 13, note: 'installation section' }],
      },
    },
    {
      name: 'a top-level "# Deployment" section is how to run the system',
      tree: {
        'README.md': [
          '# Configd - a configuration centre',
          '',
          body(6),
          '',
          '# Usage',
          '',
          'Create an app in the portal and read its configuration with the SDK.',
          '',
          '# Development',
          '',
          'Build with Maven and run the tests.',
          '',
          '# Deployment',
          '',
          'See the deployment guide for the quick start and distributed deployment.',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'pass', evidence: [{ path: 'README.md', line: 18, note: 'installation section' }] },
    },
    {
      name: 'install commands under other headings ("Get It Now", "Provision Instructions") count as installation',
      tree: {
        'README.md': [
          '# pyschema',
          '',
          'Validate and serialise Python objects.',
          '',
          '## Get It Now',
          '',
          '```',
          '$ pip install -U pyschema',
          '```',
          '',
          '## Documentation',
          '',
          'Full documentation is at https://pyschema.example.org.',
          '',
          '## Contributing',
          '',
          'Read the contributing guide before opening a pull request.',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'README.md', line: 5, note: 'installation section' }],
      },
    },
    {
      name: 'a Terraform module block under "Provision Instructions" is the usage when Requirements is the installation',
      tree: {
        'README.md':
          '# sql-db\n\nCreates a Cloud SQL instance.\n\n## Requirements\n\nTerraform 1.3 and the Google provider.\n\n## Provision Instructions\n\n```hcl\nmodule "sql" {\n  source = "org/sql-db/google"\n}\n```\n\n## Contributing\n\nRun make test.\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'README.md', line: 5, note: 'installation section' },
          { path: 'README.md', line: 9, note: 'usage section' },
        ],
      },
    },
    {
      name: 'installation written as "Before you start" under "Let\'s try it out" counts',
      tree: {
        'README.md': `# Piggy\n\n${body(8)}\n\n## Let's try it out\n\n#### Before you start\n\nInstall Docker.\n\n#### Production mode\n\ndocker-compose up\n\n## Development mode\n\nmvn package\n`,
      },
      expect: { outcome: 'pass', evidence: [{ path: 'README.md', line: 14, note: 'installation section' }] },
    },
    {
      name: 'a Markdown README with installation, usage and development sections passes',
      tree: {
        'README.md': `# Shop API\n\n${body(8)}\n\n## Installation\n\nnpm ci\n\n## Usage\n\nnpm start\n\n## Development\n\nnpm test\n`,
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'README.md', line: 12, note: 'installation section' },
          { path: 'README.md', line: 16, note: 'usage section' },
          { path: 'README.md', line: 20, note: 'development section' },
        ],
      },
    },
    {
      name: 'a reStructuredText README with underlined headings passes',
      tree: {
        'README.rst': `Shop\n====\n\n${body(8)}\n\nInstallation\n------------\n\npip install shop\n\nQuick start\n-----------\n\nshop serve\n\nContributing\n------------\n\nSee CONTRIBUTING.\n`,
      },
      expect: { outcome: 'pass', evidence: [{ path: 'README.rst', line: 13, note: 'installation section' }] },
    },
    {
      name: 'a reStructuredText README whose sections are underlined with ~~~ (not a Markdown fence) passes',
      tree: {
        'README.rst': `site source code\n================\n\n${body(8)}\n\nInstall and run locally from a virtual environment\n~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n\n#. Install dependencies::\n\n    python3 -m pip install -r requirements/dev.txt\n\nRunning the tests\n~~~~~~~~~~~~~~~~~\n\n    make test\n\nUsage\n~~~~~\n\nOpen http://localhost:8000 in a browser.\n`,
      },
      expect: {
        outcome: 'pass',
        message: 'covers installation, usage and development',
        evidence: [
          { path: 'README.rst', line: 1, note: '16 lines of text, 4 headings' },
          { path: 'README.rst', line: 13, note: 'installation section' },
        ],
      },
    },
    {
      name: 'a short README is not a stub when it covers installation, usage and development',
      tree: {
        'README.md':
          '# orders-api\n\nStores orders.\n\n## Getting started\n\nnpm ci\n\n## Usage\n\nPOST /orders\n\n## Development\n\nnpm test\n',
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'HTML and AsciiDoc headings count',
      tree: {
        'README.adoc': `= Shop\n\n${body(8)}\n\n== Getting started\n\nmvn package\n\n<h2>Building from source</h2>\n\nmvn verify\n`,
      },
      expect: { outcome: 'pass' },
    },
    {
      name: 'sections on starting the services locally say how to install and run them',
      tree: {
        'README.md': `# Pets\n\n${body(8)}\n\n## Starting services locally without Docker\n\nmvn package\n\n## Database configuration\n\nUse the mysql profile.\n\n## Compiling the CSS\n\nnpm run build\n`,
      },
      expect: { outcome: 'pass', evidence: [{ path: 'README.md', line: 12, note: 'installation section' }] },
    },
  ],
  invalid: [
    {
      name: "a licence's 'Key Requirements:' list of obligations is no installation section",
      tree: {
        'README.md':
          '# car-logger\n\nA data logger for your car.\n\n## Documentation\n\nSee the website for everything.\n\n## Usage\n\nOpen the dashboard and pick a car.\n\n## License\n\nAGPLv3.\n\nKey Requirements:\n\n- Copyleft: share your changes under the same licence.\n- Attribution: keep the copyright notices.\n\n## Contributing\n\nPull requests welcome.\n',
      },
      expect: { outcome: 'partial', message: 'no installation section' },
    },
    {
      name: 'a numbered feature heading naming deployments is no development section',
      profile: 'service',
      tree: {
        'README.md':
          '# Restarter\n\nRestarts workloads when their ConfigMaps change.\n\n## Installation\n\nhelm install restarter charts/restarter\n\n## Usage\n\n### 7. Pause Deployments\n\nAnnotate a workload to pause it.\n\nMore text here.\n',
      },
      expect: {
        outcome: 'pass',
        message: 'no development section',
        data: { sections: ['installation', 'usage'] },
      },
    },
    {
      name: 'a .github/README.md whose "Get Started" section runs `dotnet add package` has installation (.NET library)',
      tree: {
        '.github/README.md':
          '<p><img src="logo.png" alt="Checks" /></p>\n\nA validation library for .NET with a fluent interface\nfor building strongly-typed validation rules.\n\n---\n### Supporting the project\nSponsor the project if you use it commercially.\n\n### Get Started\n\nChecks can be installed with the NuGet package manager or the `dotnet` CLI.\n\n```\ndotnet add package Checks\n```\n\n### Example\n```csharp\npublic class CustomerValidator : AbstractValidator<Customer> { }\n```\n\n### Building\nRun `dotnet build` and `dotnet test`.\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: '.github/README.md', line: 10, snippet: 'Get Started', note: 'installation section' },
          { path: '.github/README.md', line: 18, snippet: 'Example', note: 'usage section' },
        ],
      },
    },
    {
      name: 'a Cargo `[dependencies]` snippet under the description, before any heading, is the installation',
      tree: {
        'README.md':
          'Oops\n====\n\nThis library provides `oops::Error`, a trait object based error type\nfor easy idiomatic error handling in Rust applications.\n\n```toml\n[dependencies]\noops = "1.0"\n```\n\n## Details\n\n- Use `oops::Result<T>` as the return type of any fallible function.\n- Attach context with `.context("…")`.\n\n## Example\n\n```rust\nfn main() -> oops::Result<()> { Ok(()) }\n```\n',
      },
      expect: {
        outcome: 'pass',
        message: 'no development section',
        evidence: [
          {
            path: 'README.md',
            line: 8,
            snippet: '[dependencies]',
            note: 'installation snippet (before the first section)',
          },
        ],
      },
    },
    {
      name: 'a section that only describes the project, with no install command, is not installation; "Tested languages" is not development',
      tree: {
        'README.md':
          '# kube-thing\n\nA platform.\n\n## Features\n\n- deploys apps\n- runs pipelines\n\n## Usage\n\nOpen the dashboard and click deploy.\n\n## Tested languages\n\n- Go\n- Node\n',
      },
      expect: { outcome: 'partial', message: 'no installation and development section' },
    },
    {
      name: '"Deploy to Heroku", "Run locally", an API section "Validation: Tests" and a `Schema.clone()` heading are no development section',
      tree: {
        'README.md': [
          '# blog-api',
          '',
          'A Flask API back end.',
          '',
          '## Deploy to Heroku',
          '',
          'Click the button below to deploy the application to your Heroku account.',
          '',
          '## Usage',
          '',
          'Send requests to the API.',
          '',
          '### Validation: Tests',
          '',
          'A schema runs tests over input values with `.test()`.',
          '',
          '### `Schema.clone(): Schema`',
          '',
          'Deep copies the schema.',
          '',
          '## Run locally',
          '',
          'Start the API with `flask run` and open the docs.',
          '',
          body(4),
        ].join('\n'),
      },
      expect: {
        outcome: 'pass',
        message: 'no development section',
        evidence: [{ path: 'README.md', line: 5, note: 'installation section' }],
        absent: ['"note":"development section"'],
      },
    },
    {
      name: 'a short README with a single section is a stub',
      tree: { 'README.md': '# svc\n\nA service.\n\n## Run\n\nmake run\nthen open it\n' },
      expect: { outcome: 'partial', score: 0.3, message: 'stub' },
    },
    {
      name: 'a one-line README is a stub',
      tree: { 'README.md': '# shop\n' },
      expect: { outcome: 'partial', score: 0.3, message: 'stub' },
    },
    {
      name: 'comments inside code blocks are not sections, and "Rapid" is not "API"',
      tree: {
        'README.md': `# Shop\n\n${body(10)}\n\n## Rapid prototyping notes\n\n\`\`\`sh\n# Install dependencies\nnpm ci\n\`\`\`\n\n## Usage\n\nnpm start\n`,
      },
      expect: { outcome: 'partial', message: 'no installation and development section', data: { sections: ['usage'] } },
    },
    {
      name: 'no README fails',
      tree: { 'src/index.ts': 'export {}\n' },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
});

describe('readme: a section whose commands add the package is installation, whatever its heading (round 18)', () => {
  const readme = (cmd: string) =>
    [
      '# Acme Helm Charts',
      '',
      'Charts for the Acme observability stack, provided as-is.',
      '',
      '## Usage',
      '',
      'Helm must be installed to use the charts. Once it is, add the repository:',
      '',
      '```console',
      cmd,
      '```',
      '',
      'Then run `helm search repo acme` to list the charts.',
      '',
      '## Contributing',
      '',
      'Open a pull request; CI lints every chart and runs `ct install` on a kind cluster.',
      '',
      '## License',
      '',
      'Apache-2.0',
    ].join('\n');
  it('`helm repo add` under Usage makes the section the installation', async () => {
    const run = await runRuleOn(rule, {
      'README.md': readme('helm repo add acme https://charts.acme.dev'),
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('README.md covers installation, usage and development.');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'README.md', line: 5 }));
  });
  it('a Usage section without any install command still lacks installation', async () => {
    const run = await runRuleOn(rule, {
      'README.md': readme('helm template acme ./charts/api'),
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/no installation section/);
  });
});

describe('readme: releases links are judged in linear work (hostile input, review 23)', () => {
  const readme = (body: string) =>
    `# Tool\n\nA tool that does one thing well for the people who need it done.\n\n${body}\n\n## Usage\n\nRun \`tool --help\` to see what it does.\n\nMore words here.\nAnd more.\nAnd more.\n`;
  const storeLine = async (body: string) => {
    const run = await runRuleOn(rule, { 'README.md': readme(body) }, { profile: 'cli' });
    return run.evidence.find((e) => e.note?.startsWith('installation: where to get it'))?.line;
  };
  it('a line of many getting-words and no releases link after them is no store link, and costs one pass', async () => {
    const hostile = `${'install '.repeat(25_000)}[x](https://example.com/a)`;
    expect(await storeLine(`${hostile}\n\nGet it: [the binaries](https://github.com/acme/tool/releases)`)).toBe(7);
    expect(await storeLine(hostile)).toBeUndefined();
  });
  it('a getting-word before or after a releases link, whole before it and at a word start after it', async () => {
    expect(await storeLine('Download from [here](https://github.com/acme/tool/releases).')).toBe(5);
    expect(await storeLine('[Releases](https://github.com/acme/tool/releases) has prebuilt archives.')).toBe(5);
    expect(await storeLine('[Releases](https://github.com/acme/tool/releases)download')).toBe(5);
    expect(await storeLine('Older versions: [Releases](https://github.com/acme/tool/releases).')).toBeUndefined();
    expect(await storeLine('Installer notes: [Releases](https://github.com/acme/tool/releases).')).toBeUndefined();
    expect(await storeLine('[Get it on Google Play](HTTPS://play.google.com/store/apps/details?id=x)')).toBe(5);
  });
});
