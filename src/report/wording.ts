/**
 * The one wording of a rule's state, used by every format (terminal, Markdown, HTML, SARIF, diffs,
 * the roadmap): a pass keeps its title, a fail takes its failure title, and a partial result keeps
 * its positive title marked "(partly)" — "No automated tests" beside a hundred counted tests
 * would be false.
 */
export interface Titled {
  outcome: string;
  title: string;
  failureTitle: string;
}

export function ruleTitle(r: Titled): string {
  if (r.outcome === 'fail') return r.failureTitle;
  if (r.outcome === 'partial') return `${r.title} (partly)`;
  return r.title;
}
