/**
 * What CI runs, for claims such as "ruff runs in CI" or "Trivy scans every image in the pipeline".
 * The command graph (facts.commands: CI steps followed through scripts, make targets and hooks down
 * to the tools, each with its chain) answers this; where it could follow every step, a tool it does
 * not list is not run. Without the graph, the commands written in the CI files themselves answer in
 * part: a tool seen there is run, a tool not seen may still be reached through a script.
 */
import { ciFiles } from '../facts/ci.js';
import type { CommandGraph, FileView } from '../types.js';
import type { ToolUse } from './lookup.js';

/** Tools a claim may say CI runs: the name as written in a claim, and how a command invokes it. */
export const TOOLS: { tool: string; claim: RegExp; command: RegExp }[] = [
  ['pytest', /\bpytest\b/i, /\bpytest\b|\btox\b|\bnox\b/],
  ['Jest', /\bjest\b/i, /\bjest\b/],
  ['Vitest', /\bvitest\b/i, /\bvitest\b/],
  ['go test', /\bgo test\b/i, /\bgo test\b/],
  ['cargo test', /\bcargo test\b/i, /\bcargo (?:test|nextest)\b/],
  ['ESLint', /\beslint\b/i, /\beslint\b/],
  ['Ruff', /\bruff\b/i, /\bruff\b/],
  ['Flake8', /\bflake8\b/i, /\bflake8\b/],
  ['Pylint', /\bpylint\b/i, /\bpylint\b/],
  ['mypy', /\bmypy\b/i, /\bmypy\b/],
  ['Black', /\bblack\b/i, /\bblack\b/],
  ['Prettier', /\bprettier\b/i, /\bprettier\b/],
  ['golangci-lint', /\bgolangci(?:-lint)?\b/i, /golangci/],
  ['Clippy', /\bclippy\b/i, /\bclippy\b/],
  ['Bandit', /\bbandit\b/i, /\bbandit\b/],
  ['Semgrep', /\bsemgrep\b/i, /semgrep/],
  ['CodeQL', /\bcodeql\b/i, /codeql/i],
  ['Trivy', /\btrivy\b/i, /trivy/],
  ['Snyk', /\bsnyk\b/i, /snyk/],
  ['Gitleaks', /\bgitleaks\b/i, /gitleaks/],
  ['npm audit', /\bnpm audit\b/i, /\bnpm audit\b/],
  ['pip-audit', /\bpip-audit\b/i, /pip-audit/],
  ['Safety', /\bsafety check\b/i, /\bsafety (?:check|scan)\b/],
  ['Hadolint', /\bhadolint\b/i, /hadolint/],
  ['Checkov', /\bcheckov\b/i, /checkov/],
  ['tfsec', /\btfsec\b/i, /tfsec/],
  ['SonarQube', /\bsonar(?:qube|cloud)?\b/i, /sonar/i],
  ['Playwright', /\bplaywright\b/i, /playwright/],
  ['Cypress', /\bcypress\b/i, /cypress/],
  ['Codecov', /\bcodecov\b/i, /codecov/],
].map(([tool, claim, command]) => ({ tool: tool as string, claim: claim as RegExp, command: command as RegExp }));

/** A claim about what CI runs names the CI and one of the tools. */
export const CI_WORDS =
  /\b(?:ci|ci\/cd|pipelines?|workflows?|github actions|gitlab ci|on every (?:push|commit|pr|pull request|merge))\b/i;

/** The tools named in CI files' own commands: a partial view (scripts are not followed). */
export function toolsFromCi(files: FileView): { uses: ToolUse[]; complete: boolean } {
  const uses: ToolUse[] = [];
  for (const f of ciFiles(files)) {
    for (const c of f.commands) {
      for (const t of TOOLS) {
        if (!t.command.test(c.text) || uses.some((u) => u.tool === t.tool)) continue;
        uses.push({ tool: t.tool, chain: [{ path: c.path, line: c.line, snippet: c.text.slice(0, 160) }] });
      }
    }
  }
  return { uses, complete: false };
}

/** The tools every CI run reaches, with the chain of file:line hops that reaches each. */
export function toolsFromGraph(graph: CommandGraph): { uses: ToolUse[]; complete: boolean } {
  const uses: ToolUse[] = graph.runs
    .filter((r) => r.origin.kind === 'ci')
    .flatMap((r) =>
      r.tools.map((t) => ({
        tool: t.name,
        chain: r.chain.map((h) => ({
          path: h.path,
          line: h.line,
          snippet: h.text.slice(0, 160),
          ...(h.via ? { note: h.via } : t.implied ? { note: t.implied } : {}),
        })),
      })),
    );
  return { uses, complete: graph.unresolved.length === 0 };
}
