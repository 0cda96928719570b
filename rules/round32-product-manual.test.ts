import { describe, expect, it } from 'vitest';
import rule from './operations/runbooks.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

/**
 * Blind round 32: a product manual's section on a feature named failover ("task HA (Failover)": how
 * the scheduler picks the next executor) was counted as a recovery runbook. A runbook is a procedure
 * for an operator; in a whole product manual a section counts only when it gives steps.
 */
const feature =
  'If the executor is deployed as a cluster, the scheduler knows every online node.\n\nUnder the failover routing strategy the scheduler sends a heartbeat to each address in turn and dispatches to the first one alive.\n';
const steps =
  'When the primary scheduler is down:\n\n1. Stop the scheduler on the failed node.\n2. Promote the standby database.\n3. Restart the scheduler and check its log.\n';
const manual = (body: string) => {
  const sections = Array.from({ length: 30 }, (_, i) => `### 5.${i} Feature ${i}\nText about feature ${i}.\n`).join(
    '\n',
  );
  return `# Scheduler\n\n## 1. Brief introduction\n\nA task scheduler.\n\n${sections}\n### 5.40 Task HA (Failover)\n${body}\n### 5.41 Schedule log\nEvery run is logged.\n`;
};
const opts = { profile: 'service' as const };

describe('runbooks: a product manual describing a failover feature is no runbook (blind round 32)', () => {
  it('a manual named as documentation, feature prose under "Failover": fail', async () => {
    const run = await runRuleOn(rule, { 'doc/Scheduler-English-Documentation.md': manual(feature) }, opts);
    expect(run.outcome).toBe('fail');
  });
  it('a manual recognised by its shape (introduction and many headings): fail as well', async () => {
    const run = await runRuleOn(rule, { 'doc/scheduler.md': manual(feature) }, opts);
    expect(run.outcome).toBe('fail');
  });
  it('the same manual with operator steps under the heading: a recovery section, partial', async () => {
    const run = await runRuleOn(rule, { 'doc/Scheduler-English-Documentation.md': manual(steps) }, opts);
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'doc/Scheduler-English-Documentation.md', note: 'recovery' }),
    );
  });
  it('a README section on failover outside any manual still counts', async () => {
    const run = await runRuleOn(rule, { 'README.md': `# Scheduler\n\n## Failover\n${feature}` }, opts);
    expect(run.outcome).toBe('partial');
  });
});
