import { describe, expect, it } from 'vitest';
import rule from './architecture-docs.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const ascii =
  '```text\n    OPS --------> +--------------+\n                  | loadbalancer |\n                  +--------------+\n                         |\n+---------+       +------------+\n| bastion | ----> | instance 0 |\n+---------+       +------------+\n```\n';

describe('architecture-docs: the design drawn under other names (blind round 30)', () => {
  it('a README "Overview" that draws the topology is an architecture section (partial)', async () => {
    const run = await runRuleOn(rule, {
      'README.md': `# Vault on AWS\n\nSpins up a cluster.\n\n## Overview\n\n${ascii}\n## Usage\n\nSee examples.\n`,
    });
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'README.md', line: 5 });
  });
  it('an "Overview" of prose only, or with a screenshot, is the introduction, not the design', async () => {
    const run = await runRuleOn(rule, {
      'README.md':
        '# Tool\n\n## Overview\n\nThis tool formats your files quickly and safely, for every language you use.\n\n![screenshot](docs/screen.png)\n\n<!-- badges -->\n<!-- end -->\n\n## Usage\n\nRun it.\n',
    });
    expect(run.outcome).toBe('fail');
  });
  it('a NETWORK.md that draws the network, or an INTERNALS.md, is the architecture document', async () => {
    const net = await runRuleOn(rule, {
      'README.md': '# Module\n\nA module.\n',
      'NETWORK.MD': `# Network\n\nThe API port is exposed by a load balancer.\n\n${ascii}`,
    });
    expect(net.outcome).toBe('pass');
    expect(net.message).toContain('architecture document');
    expect(net.evidence[0]).toMatchObject({ path: 'NETWORK.MD', note: 'architecture document' });
    const internals = await runRuleOn(rule, {
      'README.md': '# Lib\n\nA library.\n',
      'INTERNALS.md': '# Internals\n\nThe parser hands tokens to the builder.\n',
    });
    expect(internals.evidence[0]).toMatchObject({ path: 'INTERNALS.md', note: 'architecture document' });
  });
  it('a NETWORK.md of prose only, or a grid table, draws nothing', async () => {
    const run = await runRuleOn(rule, {
      'README.md': '# Module\n\nA module.\n',
      'NETWORK.md':
        '# Network\n\nSet the VPC id to use an existing network.\n\n+------+------+\n| name | cidr |\n+------+------+\n| a    | /16  |\n+------+------+\n',
    });
    expect(run.outcome).toBe('fail');
  });
});
