import type { CommandGraph, CommandRun } from '../../src/types.js';

/** A command that tears a whole stack down (`terraform destroy`, `pulumi destroy`, `cdk destroy`). */
export const TEARDOWN =
  /^(?:terraform|tofu|terragrunt|pulumi|cdk|cdktf|serverless|sls)\b(?:[ \t]+-\S+)*[ \t]+(?:run-all[ \t]+)?(?:destroy|remove)\b/;

/**
 * CI jobs (`path#job`) that destroy what they stand up: a module's CI applying its examples and
 * destroying them tests the code, nothing stays deployed (blind round 30).
 */
export function teardownJobs(graph: CommandGraph): Set<string> {
  const out = new Set<string>();
  for (const r of graph.runs)
    if (r.origin.kind === 'ci' && r.origin.job && TEARDOWN.test(r.argv.slice(0, 4).join(' ')))
      out.add(`${r.origin.path}#${r.origin.job}`);
  return out;
}

/** The deploy runs of jobs that also tear the stack down: an integration run of the infrastructure code. */
export function throwawayApplies(graph: CommandGraph, deploys: CommandRun[]): CommandRun[] {
  const jobs = teardownJobs(graph);
  return deploys.filter((r) => r.origin.job && jobs.has(`${r.origin.path}#${r.origin.job}`));
}
