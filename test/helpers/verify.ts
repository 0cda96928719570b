/** Verify a small document of our own against an in-memory tree: the shared harness of the verify tests. */
import { collectFacts, completeFacts } from '../../src/facts/index.js';
import type { Report } from '../../src/report/schema.js';
import { memoryIndex, type Tree } from '../../src/testing/memory.js';
import { verifyDocument } from '../../src/verify/index.js';
import type { VerifiedClaim } from '../../src/verify/schema.js';
import { toolsFromGraph } from '../../src/verify/tools.js';

/** A report holding only the rules a test names (the others "did not run"). */
export const reportWith = (rules: unknown[] = []): Report =>
  ({
    repository: { name: 'r', profile: { id: 'service', reasons: [] } },
    summary: { score: 60, grade: 'C', coverage: { assessed: 1, total: 1 } },
    pillars: [{ id: 'operations', title: 'Operations', score: 60, rules }],
  }) as unknown as Report;

/** A verifier of documents at `document`: the result, and the claim on each line by line number. */
/** `inRepo`: the document is a file of the tree (its links resolve from its folder). */
export function verifier(document: string, inRepo = false) {
  return (tree: Tree, doc: string, report: Report = reportWith()) => {
    const files = memoryIndex(tree);
    const facts = completeFacts(files, collectFacts(files), { matches: () => [] }, { override: 'service' });
    const result = verifyDocument({
      document,
      ...(inRepo ? { documentPath: document } : {}),
      text: doc,
      report,
      facts: { files, facts, tools: toolsFromGraph(facts.commands) },
    });
    const at = (line: number): VerifiedClaim => {
      const c = result.claims.find((x) => x.line === line);
      if (!c) throw new Error(`no claim on line ${line}: ${JSON.stringify(result.claims.map((x) => x.line))}`);
      return c;
    };
    return { result, at, has: (line: number) => result.claims.some((x) => x.line === line) };
  };
}
