/**
 * Blind round 46: a compose helper that builds an image and runs a generator once (`command: tables
 * /cloudquery.yaml --output-dir /cq-docs`, no ports) was judged for health checks and resource limits
 * as a deployed unit. A command that writes its output into a folder and serves nothing is a one-shot job.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../src/testing/memory.js';
import { composeWorkloads } from '../../src/facts/deploy.js';

const tree = (command: string) =>
  memoryIndex({
    'containers/tool/Dockerfile': 'FROM ghcr.io/acme/tool:1.2\nRUN apk add --no-cache ca-certificates\n',
    'docker-compose.yml': [
      'services:',
      '  docs:',
      '    build:',
      '      context: ./containers/tool',
      '    volumes:',
      '      - ./out:/out',
      `    command: ${command}`,
    ].join('\n'),
  });

describe('compose workloads: a command that writes its output and exits (round 46)', () => {
  it('is set aside as a one-shot job', () => {
    const w = composeWorkloads(tree('tables /config.yaml --log-level info --output-dir /out'), 'service');
    expect(w.units.map((u) => u.name)).not.toContain('docs');
    expect(w.aside.map((a) => a.note).join('\n')).toMatch(/writes its output to files and exits/);
  });
  it('a serving command stays a workload', () => {
    const w = composeWorkloads(tree('serve --port 8080'), 'service');
    expect(w.units.map((u) => u.name)).toContain('docs');
  });
});
