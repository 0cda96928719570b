/**
 * Terraform's (and OpenTofu's) own test framework: `terraform test` runs the `*.tftest.hcl` (and
 * `*.tftest.json`) files of the module root and of its test directory (`tests/` by default), and
 * each `run "name" { … }` block of a file is one test case. A run's `command` says what it does:
 * `plan` checks the plan without creating anything (a unit-level test), `apply` — the default —
 * provisions the real resources and destroys them afterwards (an integration test), unless the
 * file replaces the providers with `mock_provider` blocks (Terraform 1.7+), when nothing real is
 * created. `override_resource`/`override_data`/`override_module` stub single objects: the rest is
 * still real. Parsed with the HCL reader of the Terraform facts.
 */
import { parseHcl, type TfBlock } from '../terraform.js';
import { counter } from './types.js';

export const TFTEST_GLOBS = ['**/*.tftest.hcl', '**/*.tftest.json'];

export interface TfTestRun {
  name: string;
  line: number;
  command: 'plan' | 'apply';
}

export interface TfTestFile {
  runs: TfTestRun[];
  /** Line of the first `mock_provider` block: every provider of the file is a mock. */
  mockProvider?: number;
}

const commandOf = (v: unknown): 'plan' | 'apply' => {
  const raw = typeof v === 'string' ? v : v && typeof v === 'object' && 'expr' in v ? String(v.expr) : 'apply';
  return raw.trim() === 'plan' ? 'plan' : 'apply';
};

/** The run blocks of a `.tftest.json` file: `"run": { "name": {…} }` (or a list of such objects). */
function jsonRuns(text: string): TfTestFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { runs: [] };
  }
  const lines = text.split('\n');
  const lineOf = (name: string) => {
    const at = lines.findIndex((l) => l.includes(JSON.stringify(name)));
    return at < 0 ? 1 : at + 1;
  };
  const obj = (doc && typeof doc === 'object' ? doc : {}) as Record<string, unknown>;
  const runs: TfTestRun[] = [];
  for (const group of [obj.run].flat()) {
    if (!group || typeof group !== 'object') continue;
    for (const [name, body] of Object.entries(group as Record<string, unknown>))
      runs.push({ name, line: lineOf(name), command: commandOf((body as { command?: unknown } | null)?.command) });
  }
  const mock = obj.mock_provider ? lineOf('mock_provider') : undefined;
  return { runs, ...(mock ? { mockProvider: mock } : {}) };
}

export function terraformTestFile(path: string, text: string): TfTestFile {
  if (path.endsWith('.json')) return jsonRuns(text);
  const { blocks } = parseHcl(path, text);
  const runs = blocks
    .filter((b: TfBlock) => b.type === 'run')
    .map((b) => ({ name: b.labels[0] ?? '', line: b.line, command: commandOf(b.attrs.command) }));
  const mock = blocks.find((b) => b.type === 'mock_provider');
  return { runs, ...(mock ? { mockProvider: mock.line } : {}) };
}

export function countTerraformTest(path: string, text: string) {
  const count = counter();
  for (const r of terraformTestFile(path, text).runs) count.add({ line: r.line });
  return { ...count.result(), framework: 'terraform test' };
}
