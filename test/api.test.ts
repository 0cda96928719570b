/** The library entry: what `import { audit, verify, render } from 'readiness-audit'` gives a program. */
import { describe, expect, it } from 'vitest';
import { audit, render, UsageError, verify } from '../index.js';
import { fixture, ROOT } from './helpers/cli.js';

describe('library API', () => {
  it('audit returns the Report with gates evaluated, without printing anything', async () => {
    const report = await audit(fixture('node-service'), { minScore: 99, failOn: 'critical' });
    expect(report.schemaVersion).toBe(2);
    expect(report.repository.profile.id).toBe('service');
    const minScore = report.gates.checks.find((c) => c.kind === 'min-score')!;
    expect(minScore.passed).toBe(false);
    expect(report.gates.passed).toBe(false);
    // The same report renders to every format the command line has.
    expect(render(report, 'md')).toContain('# Production readiness report');
    expect(JSON.parse(render(report, 'json')).summary.score).toBe(report.summary.score);
  });

  it('two audits of one tree give byte-identical JSON, read statistics included', async () => {
    // This repository: hundreds of test files whose digests read helper modules while the scanner
    // reads ahead, which once made filesRead depend on timing.
    const first = render(await audit(ROOT), 'json');
    const second = render(await audit(ROOT), 'json');
    expect(second).toBe(first);
    const { stats } = JSON.parse(first);
    expect(stats.filesRead + stats.filesSkipped).toBeLessThanOrEqual(stats.filesListed);
  });

  it('bad input is a UsageError, as the command line reports with exit 2', async () => {
    await expect(audit(fixture('no-such-fixture'))).rejects.toBeInstanceOf(UsageError);
    await expect(audit(fixture('node-service'), { config: { minScore: 500 } })).rejects.toThrow(
      /options\.config: minScore/,
    );
  });

  it('verify judges a document given as text against an audit of the repository', async () => {
    const text = '# Readiness\n\n- ✅ CI pipeline with GitHub Actions\n- ✅ Dockerfile for the service\n';
    const result = await verify({ text, path: 'READINESS.md' }, fixture('node-service'));
    expect(result.document).toBe('READINESS.md');
    expect(result.summary.claims).toBeGreaterThanOrEqual(2);
    expect(result.claims.every((c) => typeof c.line === 'number')).toBe(true);
  });
});
