import { describe, expect, it } from 'vitest';
import rule from './architecture-docs.js';
import { ruleTester, runRuleOn } from '../../src/testing/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'decision records in an upper-case ADR/ folder all count, and a README Architecture section is named as the overview',
      tree: {
        'README.md':
          '# Catalogue\n\n## Architecture\n\nThe diagram shows the batch jobs, the database and the API.\n\n```mermaid\nflowchart TB\n  jobs --> db\n  api --> db\n```\n',
        'ADR/01-catalogue-api.md': '# Catalogue API\n\n### Background\n\nWhy the API exists.\n',
        'ADR/02-batch-jobs.md': '## Status\n\nAccepted.\n\n## Context\n\nWe need a store for the catalogue.\n',
        'ADR/03-seeding.md': '# Seeding\n\nWe seed the local database from fixtures.\n',
      },
      expect: {
        outcome: 'pass',
        message: '3 architecture decision record(s)',
        evidence: [{ path: 'README.md', line: 3, note: 'architecture section in README.md' }],
        absent: ['no architecture overview'],
      },
    },
    {
      name: 'an architecture heading after a fenced code example counts, at its own line (fence lines are skipped, not the page)',
      tree: {
        'README.md': '# Relay\n\nA message relay.\n',
        'docs/guide.md': [
          '# Guide',
          '',
          '```sh',
          '# how it works: run it',
          'relay --port 8080',
          '```',
          '',
          '## How it works',
          '',
          'The relay accepts messages over HTTP, stores them in a queue service and a worker component delivers them to subscribers.',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'partial',
        evidence: [{ path: 'docs/guide.md', line: 8, note: 'architecture section in guide.md' }],
      },
    },
    {
      name: 'a "System design" section that describes the parts is an architecture section (partial)',
      tree: {
        'README.md':
          '# Relay\n\n## Usage\n\nrelay serve\n\n## System design\n\nThe ingest service writes events to a queue; a worker reads the queue and stores them in the database.\n',
      },
      expect: {
        outcome: 'partial',
        message: 'an architecture section in README.md',
        evidence: [{ path: 'README.md', line: 7, snippet: '## System design' }],
      },
    },
    {
      name: 'a design document under a language folder (docs/en/design/configd-design.md) is an architecture document',
      tree: {
        'README.md': '# Configd\n',
        'docs/en/design/configd-design.md':
          '# Configd design\n\n## General design\n\nThe config service, the admin service and the portal.\n',
        'doc/images/basic-architecture.png': 'PNG',
      },
      expect: {
        outcome: 'pass',
        evidence: [
          { path: 'docs/en/design/configd-design.md', note: 'architecture document' },
          { path: 'doc/images/basic-architecture.png', note: 'architecture diagram (image, not diagram as code)' },
        ],
      },
    },
    {
      name: 'numbered decision records found by their shape in a folder of any name (Status, Context, Decision)',
      tree: {
        'handbook/choices/0001-use-postgres.md':
          '# 1. Use Postgres\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n\n## Decision\n\nPostgres.\n',
        'handbook/choices/0002-queue.md':
          '# 2. Queue\n\n* Status: accepted\n\n## Context and Problem Statement\n\nJobs.\n\n## Decision Outcome\n\nSidekiq.\n',
        'handbook/onboarding.md': '# Onboarding\n\n## Context\n\nWelcome.\n\n## Decision\n\nNone.\n',
        'src/app.rb': '',
      },
      expect: {
        outcome: 'pass',
        data: { adrs: 2 },
        evidence: [{ path: 'handbook/choices/0001-use-postgres.md' }, { path: 'handbook/choices/0002-queue.md' }],
      },
    },
    {
      name: 'a decision record with a long Context section, and one whose status is set twice, are found by shape',
      tree: {
        'notes/0007-event-sourcing.md': `# 7. Event sourcing\n\n## Status\n\nAccepted\n\n## Context\n\n${'We weighed the options at length.\n'.repeat(300)}\n## Decision\n\nEvents.\n`,
        'notes/0008-cache.md': '# 8. Cache\n\n* Status: proposed\n* Status: accepted\n\n## Decision\n\nRedis.\n',
        'notes/0009-no-decision.md': '# 9. Open\n\n## Status\n\nDraft\n\n## Context\n\nUnclear.\n',
        'src/app.rb': '',
      },
      expect: {
        outcome: 'pass',
        data: { adrs: 2 },
        evidence: [{ path: 'notes/0007-event-sourcing.md' }, { path: 'notes/0008-cache.md' }],
      },
    },
    {
      name: 'decision records in a folder of another name (docs/architecture-decision-log/)',
      tree: {
        'docs/architecture-decision-log/0001-record-architecture-decisions.md':
          '# 1. Record architecture decisions\n\n## Status\n\nAccepted\n',
        'docs/architecture-decision-log/0002-modular-monolith.md': '# 2. Modular monolith\n\n## Status\n\nAccepted\n',
        'src/App.cs': 'class App {}\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'docs/architecture-decision-log/0001-record-architecture-decisions.md' }],
      },
    },
    {
      name: 'ARCHITECTURE.md at the root passes',
      tree: { 'ARCHITECTURE.md': '# Architecture\n\nComponents…\n', 'src/app.py': '' },
      expect: { outcome: 'pass', message: 'no decision records', evidence: [{ path: 'ARCHITECTURE.md' }] },
    },
    {
      name: 'an ADR folder passes and counts the records, not its index',
      tree: {
        'docs/adr/0001-record-architecture-decisions.md': '# 1. Record\n',
        'docs/adr/0002-use-postgres.md': '# 2. Postgres\n',
        'docs/adr/README.md': '# ADRs\n',
      },
      expect: {
        outcome: 'pass',
        data: { adrs: 2 },
        evidence: [{ path: 'docs/adr/0001-record-architecture-decisions.md' }],
      },
    },
    {
      name: 'a docs page of Mermaid diagrams is diagrams as code, as RULES.md lists: pass (round 14)',
      tree: {
        'README.md': '# Layered cache\n\nA two-level cache for .NET.\n',
        'docs/Diagrams.md':
          '# Diagrams\n\nHow a GetOrSet call flows through the levels.\n\n```mermaid\nflowchart TD\n  A[GetOrSet] --> B{L1 hit?}\n  B -- no --> C{L2 hit?}\n  C -- no --> D[factory]\n```\n',
      },
      expect: {
        outcome: 'pass',
        message: 'diagrams as code (docs/Diagrams.md)',
        evidence: [{ path: 'docs/Diagrams.md', line: 5, note: 'Mermaid diagram' }],
      },
    },
    {
      name: 'a PlantUML file is diagrams as code: pass',
      tree: { 'README.md': '# Shop\n', 'model/context.puml': '@startuml\nactor User\nUser -> Shop\n@enduml\n' },
      expect: { outcome: 'pass', evidence: [{ path: 'model/context.puml', note: 'diagram as code' }] },
    },
  ],
  invalid: [
    {
      name: "Mermaid diagrams in a site's blog posts illustrate articles, not this system's design",
      tree: {
        'README.md': '# My site\n\nThe code of my personal website.\n',
        'content/blog/how-search-works.mdx':
          '---\ntitle: How I built search\n---\n\n```mermaid\nflowchart LR\n  query --> embeddings --> index\n```\n',
      },
      expect: { outcome: 'fail', absent: ['content/blog/how-search-works.mdx'] },
    },
    {
      name: 'a "# … how it works …" comment inside a fenced code example is code, not an architecture heading (round 15); a real heading after the block still counts',
      tree: {
        'README.md': '# Flagpole\n\nA library for command-line options.\n',
        'docs/advanced.md': [
          '# Advanced Patterns',
          '',
          '```{eval-rst}',
          '.. flagpole:example::',
          '',
          '    @flagpole.command()',
          '    def cli(name):',
          '        print(name)',
          '',
          '# And how it works on the command line:',
          '',
          '.. flagpole:run::',
          '',
          "    invoke(cli, args=['--name=Pete'])",
          '```',
          '',
          '~~~python',
          '# Design of the callback:',
          'def callback(ctx, value): ...',
          '~~~',
          '',
          '## Invoking Other Commands',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        absent: ['docs/advanced.md'],
      },
    },
    {
      name: 'a Components heading over a list of the libraries used is a tech stack, not architecture (round 12)',
      tree: {
        'README.md': '# Pastebin\n\nA self-hosted pastebin.\n',
        'docs/introduction.md': [
          '# Introduction',
          '',
          'Pastebin stores snippets in Git repositories.',
          '',
          '## Components',
          '',
          '* Web framework: [Echo](https://echo.labstack.com/)',
          '* ORM: [GORM](https://gorm.io/)',
          '* Frontend libraries:',
          '  * [TailwindCSS](https://tailwindcss.com/)',
          '  * [CodeMirror](https://codemirror.net/)',
          '',
        ].join('\n'),
      },
      expect: {
        outcome: 'fail',
        message: 'lists the libraries used (a tech stack)',
        evidence: [
          { path: '.' },
          {
            path: 'docs/introduction.md',
            line: 5,
            note: 'set aside: a list of the libraries used (a tech stack), not an architecture description',
          },
        ],
      },
    },
    {
      name: 'a dated design plan for one feature in docs/plans/ is partial, not an architecture document (round 12)',
      tree: {
        'README.md': '# HttpKit\n\nAn HTTP client library.\n',
        'docs/plans/2026-02-10-token-refresh-design.md':
          '# Token refresh design\n\n## Goal\n\nRefresh OAuth2 tokens before they expire.\n\n## Approach\n\nAn authenticator caches the token and renews it.\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'a design plan for single features',
        evidence: [
          {
            path: 'docs/plans/2026-02-10-token-refresh-design.md',
            note: 'design plan for one feature (a plans folder or a dated file): it designs a change, not the system',
          },
        ],
        data: { documents: 0, plans: 1 },
      },
    },
    {
      name: 'a refactoring to-do list named docs/architecture-todo.md is partial, not an architecture document (round 13)',
      tree: {
        'README.md': '# dirscan\n\nA disk usage analyzer.\n',
        'docs/architecture-todo.md':
          '# Architecture TODO\n\nPrioritized list of refactors.\n\n## P0 - One scanner module\n\n- **Problem:** four scanners repeat the walk.\n- **Solution:** extract one walk function.\n',
      },
      expect: {
        outcome: 'partial',
        score: 0.5,
        message: 'Only a to-do list; no architecture document or decision records.',
        evidence: [
          {
            path: 'docs/architecture-todo.md',
            note: 'to-do list, backlog or roadmap (by its name or its check boxes): it plans changes, it does not describe the system',
          },
        ],
        data: { documents: 0, todos: 1 },
      },
    },
    {
      name: 'an architecture file that is a check-box task list is a to-do list too; a real ARCHITECTURE.md still passes beside it',
      tree: {
        'docs/architecture.md':
          '# Architecture\n\n- [ ] split the store\n- [ ] move auth out\n- [x] drop v1 API\n- [ ] add a queue\n- [ ] cache the index\n- plus docs\n',
        'DESIGN.md': '# Design\n\nThe API talks to the store through a repository layer.\n',
      },
      expect: {
        outcome: 'pass',
        evidence: [{ path: 'DESIGN.md', note: 'architecture document' }, { path: 'docs/architecture.md' }],
        data: { documents: 1, todos: 1 },
      },
    },
    {
      name: 'an example project\'s README with a "How it works" section explains the example, not this library',
      profile: 'library',
      tree: {
        'README.md': '# Brewer\n\nA caching library.\n\n## Download\n\nimplementation("org.acme:brewer:1.0")\n',
        'examples/indexable/README.md':
          '# Indexable\n\nAn example of secondary indexes.\n\n### How it works\n\nThe cache stores each value under its primary key and the index components point to it.\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }], absent: ['examples/indexable/README.md'] },
    },
    {
      name: 'a "Design principles" section of product bullets is not architecture documentation',
      profile: 'cli',
      tree: {
        'package.json': '{"name":"watcher","bin":{"watcher":"bin/watcher.js"}}',
        'README.md':
          '# watcher\n\nRestarts your program when files change.\n\n## Usage\n\nwatcher app.js\n\n## Design principles\n\n- Fewer flags is better\n- Works across all platforms\n- Fewer features\n- Let individuals build on top of watcher\n\n## FAQ\n\nSee faq.md.\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'instructions for AI assistants earn nothing: a line or two under Architecture in CLAUDE.md or AGENTS.md, a Copilot guide, .cursorrules',
      tree: {
        'README.md': '# Budget\n',
        'CLAUDE.md':
          '# CLAUDE.md\n\n## Commands\n\n## High-Level Architecture\n\nRails monolith with a Sidekiq worker.\n',
        'AGENTS.md': '# Agents\n\n## Architecture\n\nThe web app talks to the worker through Redis.\n',
        '.github/copilot-architecture.md':
          '# Copilot\n\n## Architecture\n\nKeep controllers thin; services hold logic.\n',
        '.cursorrules': '## Architecture\n\nModules under app/services.\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
    {
      name: 'architecture PNGs alone are diagrams, not diagrams as code: partial, named as images',
      tree: { 'README.md': '# Configd\n', 'doc/images/client-architecture.png': 'PNG' },
      expect: {
        outcome: 'partial',
        message: 'Only architecture diagrams as images; no architecture document or decision records.',
        evidence: [
          { path: 'doc/images/client-architecture.png', note: 'architecture diagram (image, not diagram as code)' },
        ],
        data: { diagrams: 0, images: 1 },
      },
    },
    {
      name: 'a heading about building for CPU architectures is not the design',
      tree: {
        'README.md': '# Vault\n\n## Usage\n',
        'docker/README.md': '# Images\n\n## Single architecture container building\n\n## Supported architectures\n',
      },
      expect: { outcome: 'fail' },
    },
    {
      name: 'a design heading under a CPU-architecture one still counts',
      tree: {
        'README.md': '# Vault\n\n## Building for arm64\n\n## Architecture overview\n\nThe API talks to…\n',
      },
      expect: { outcome: 'partial', evidence: [{ path: 'README.md', line: 5 }] },
    },
    {
      name: 'a README that walks through the services one by one describes the architecture (partial)',
      tree: {
        'README.md':
          '# Piggy\n\n## Functional services\n\n#### Account service\n\n#### Statistics service\n\n## Infrastructure\n\n### Config service\n\n### API Gateway\n\n## Let us try it out\n',
      },
      expect: {
        outcome: 'partial',
        evidence: [
          { path: 'README.md', line: 3, note: 'the README describes the system component by component (5 sections)' },
        ],
      },
    },
    {
      name: 'only a Mermaid diagram in the README is partial',
      tree: { 'README.md': '# Shop\n\n```mermaid\ngraph TD; A-->B\n```\n' },
      expect: { outcome: 'partial', score: 0.5, evidence: [{ path: 'README.md', line: 3 }] },
    },
    {
      name: 'an Architecture heading in the README is partial',
      tree: { 'README.md': '# Shop\n\n## Architecture\n\nThe API talks to Postgres.\n' },
      expect: { outcome: 'partial', evidence: [{ path: 'README.md', line: 3 }] },
    },
    {
      name: 'installation sections that mention a service ("Running without installing as a service") are no component walkthrough',
      tree: {
        'README.md': [
          '# Indexer proxy',
          '',
          '## Installation on Windows',
          '',
          '### Install as a Windows service',
          '',
          '### Running without installing as a service',
          '',
          '## Installation on Linux',
          '',
          '### Install as a service (systemd)',
          '',
          '### Uninstalling the service',
          '',
        ].join('\n'),
      },
      expect: { outcome: 'fail', absent: ['component by component'] },
    },
    {
      name: 'nothing written down fails and says what was looked for',
      tree: {
        'README.md': '# Shop\n\n## Usage\n\n## Services\n\n### Running the services\n',
        // A vendored agent skill and a chart's README are not this project's design.
        '.agents/skills/nestjs/AGENTS.md': '# Skill\n\n## Architecture\n\nUse modules.\n',
        'charts/app/README.md':
          '# app\n\n### Gateway API\n\n### Service account\n\n### Service monitor\n\n### Default parameters (applied to all demo components)\n',
        'src/main.go': 'package main\n',
      },
      expect: { outcome: 'fail', evidence: [{ path: '.' }] },
    },
  ],
});

describe('architecture-docs: an Architecture section of substance in CLAUDE.md or AGENTS.md (round 18)', () => {
  const guide = [
    '# CLAUDE.md',
    '',
    '## Commands',
    '',
    'go test ./...',
    '',
    '## Architecture',
    '',
    'Rules are compiled into cached plans, then run against values by reflection. Three layers:',
    '',
    '### 1. Registration — engine.go',
    '`Engine` is the singleton entry point; it holds the rule table and the plan cache.',
    '',
    '### 2. Built-in rules — builtin.go',
    'Every built-in rule is registered here as a function receiving a field accessor.',
    '',
    '### 3. Execution — run.go',
    'Walks a value with its cached plan and collects the errors per field.',
    '',
    '## Style',
    '',
    'gofmt.',
  ].join('\n');
  it('is partial credit like a README section, cited at its heading', async () => {
    const run = await runRuleOn(rule, {
      'README.md': '# checkit\n',
      'engine.go': 'package checkit\n',
      'CLAUDE.md': guide,
    });
    expect(run.outcome).toBe('partial');
    expect(run.message).toBe(
      'Only an architecture section in CLAUDE.md; no architecture document or decision records.',
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'CLAUDE.md', line: 7, note: 'architecture section in CLAUDE.md' }),
    );
  });
  it('AGENTS.md with three paragraphs under Architecture (entry point, request flow, key type) earns the same as CLAUDE.md (round 19)', async () => {
    const agents = [
      '# Cache exporter - Project Summary',
      '',
      '## Overview',
      'Prometheus exporter for a key-value cache, written in Go.',
      '',
      '## Architecture',
      '',
      '**Entry point:** `main.go` → builds the `Exporter` struct → registers it with Prometheus → starts the HTTP server.',
      '',
      '**Scrape flow:** HTTP request → `Collect()` → `scrapeHost()` → connect → `CONFIG GET` → `INFO` → feature commands → metrics.',
      '',
      '**Key struct:** `Exporter` implements `prometheus.Collector` (Describe/Collect) and `http.Handler`.',
      '',
      '## Directory Structure',
      '',
      '| File | Purpose |',
      '|------|---------|',
      '| `exporter.go` | Exporter struct and Collect() |',
    ].join('\n');
    for (const name of ['AGENTS.md', 'CLAUDE.md']) {
      const run = await runRuleOn(rule, { 'README.md': '# cachex\n', 'exporter.go': 'package main\n', [name]: agents });
      expect(run.outcome).toBe('partial');
      expect(run.evidence).toContainEqual(
        expect.objectContaining({ path: name, line: 6, note: `architecture section in ${name}` }),
      );
    }
  });
  it('a vendored skill under .agents/ still earns nothing', async () => {
    const run = await runRuleOn(rule, { 'README.md': '# checkit\n', '.agents/skills/go/AGENTS.md': guide });
    expect(run.outcome).toBe('fail');
  });
});
