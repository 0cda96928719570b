/**
 * Blind round 30: `structured-logging` passes on JSON logs (RULES: "logs are structured (JSON)").
 * A request/correlation id is a suggestion, never what makes the verdict partial (sealed-secrets'
 * slog JSON handler, pkg/log/log.go, was partial for want of one).
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import structuredLogging from './observability/structured-logging.js';

const slogService = (handler: string) => ({
  'go.mod': 'module example.com/ctl\n\ngo 1.22\n',
  'cmd/ctl/main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
  'pkg/log/log.go': `package log\n\nimport (\n\t"log/slog"\n\t"os"\n)\n\nvar Logger = slog.New(slog.${handler}(os.Stderr, nil))\n`,
});

describe('round 30: JSON logs pass without a correlation id', () => {
  it('an slog JSON handler passes; the missing request id is a suggestion', async () => {
    const run = await runRuleOn(structuredLogging, slogService('NewJSONHandler'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.score).toBe(1);
    expect(run.message).toMatch(/^Logs are structured .*Suggestion: attach a request\/correlation id/);
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'pkg/log/log.go', line: 8 }));
    expect(run.evidence).not.toContainEqual(expect.objectContaining({ path: '.' }));
  });
  it('an slog text handler does not pass', async () => {
    const run = await runRuleOn(structuredLogging, slogService('NewTextHandler'), { profile: 'service' });
    expect(run.outcome).not.toBe('pass');
  });
});
