/**
 * Trunk (`.trunk/trunk.yaml`): a linter and git-hook runner like pre-commit and lefthook. `trunk check`
 * runs every linter `lint.enabled` lists (formatters included: a formatting difference is an issue),
 * `trunk fmt` the formatters among them; the `actions.enabled` hooks `trunk-fmt-pre-commit`,
 * `trunk-check-pre-commit`, `trunk-check-pre-push` run them from git; `trunk-io/trunk-action` runs
 * `trunk check` in CI (blind round 26, ristretto: golangci-lint, trivy, osv-scanner, trufflehog and
 * checkov enabled there were "configured, but no CI job runs it", and its git hooks were "no hooks").
 */
import type { FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import { parseYamlWithLines } from '../../util/yaml-lines.js';
import { classify } from './tools.js';
import type { Expansion, Resolver, Synthetic } from './types.js';
import { table } from '../../util/table.js';

export const TRUNK_CONFIGS = ['.trunk/trunk.yaml', '.trunk/trunk.yml'];

/** Trunk linter names whose command is not their name (the rest run as named: `trivy`, `gofmt`). */
const LINTER_ARGV: Record<string, string[]> = table({
  'golangci-lint2': ['golangci-lint', 'run'],
  'golangci-lint': ['golangci-lint', 'run'],
  clippy: ['cargo', 'clippy'],
  ruff: ['ruff', 'check'],
  'ruff-format': ['ruff', 'format'],
  terraform: ['terraform', 'fmt'],
  tofu: ['tofu', 'fmt'],
  biome: ['biome', 'check'],
  deno: ['deno', 'fmt'],
  sqlfluff: ['sqlfluff', 'lint'],
  'buf-lint': ['buf', 'lint'],
  'buf-format': ['buf', 'format'],
  taplo: ['taplo', 'fmt'],
  trivy: ['trivy', 'fs'],
  trufflehog: ['trufflehog', 'filesystem'],
  'osv-scanner': ['osv-scanner'],
});

interface Linter {
  name: string;
  line: number;
  text: string;
}

export interface TrunkConfig {
  path: string;
  linters: Linter[];
  /** Enabled git-hook actions (`trunk-fmt-pre-commit`) with their lines. */
  hooks: { id: string; mode: 'check' | 'fmt'; hook: string; line: number }[];
}

/**
 * The text before the first `@` (`trivy@0.50.1` → `trivy`). Not `/@.*$/`: from every `@` of a value
 * with a line break that pattern runs to the break and back (quadratic on a hostile value).
 */
const bare = (s: string) => {
  const at = s.indexOf('@');
  return at < 0 ? s : s.slice(0, at);
};

const HOOK_ACTION = /^trunk-(check|fmt)-(pre-commit|pre-push)$/;

/** Strings of a YAML list, each with its line. */
function listAt(
  doc: ReturnType<typeof parseYamlWithLines>['docs'][number] | undefined,
  path: string[],
): { value: string; line: number }[] {
  let v: unknown = doc?.value;
  for (const k of path)
    v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  if (!Array.isArray(v)) return [];
  return v.flatMap((x, i) =>
    typeof x === 'string' ? [{ value: x.trim(), line: doc!.lineOf([...path, i]) ?? 1 }] : [],
  );
}

export function trunkConfig(files: FileView): TrunkConfig | undefined {
  return memo(files, 'commands:trunk', () => {
    const path = TRUNK_CONFIGS.find((p) => files.exists(p));
    if (!path) return undefined;
    const doc = parseYamlWithLines(files.read(path) ?? '').docs[0];
    const disabled = new Set(listAt(doc, ['lint', 'disabled']).map((x) => bare(x.value)));
    const linters = listAt(doc, ['lint', 'enabled'])
      .filter((x) => !disabled.has(bare(x.value)))
      .map((x) => ({ name: bare(x.value), line: x.line, text: x.value }));
    const off = new Set(listAt(doc, ['actions', 'disabled']).map((x) => x.value));
    const hooks = listAt(doc, ['actions', 'enabled']).flatMap((x) => {
      const m = HOOK_ACTION.exec(x.value);
      return m && !off.has(x.value) ? [{ id: x.value, mode: m[1] as 'check' | 'fmt', hook: m[2]!, line: x.line }] : [];
    });
    return { path, linters, hooks };
  });
}

/** The commands `trunk check` (every enabled linter) or `trunk fmt` (the formatters) runs, one hop each. */
export function trunkCommands(files: FileView, mode: 'check' | 'fmt', via: string): Synthetic[] {
  const cfg = trunkConfig(files);
  if (!cfg) return [];
  return cfg.linters.flatMap((l) => {
    const argv = LINTER_ARGV[l.name] ?? [l.name];
    if (mode === 'fmt' && !classify(argv).some((t) => t.kinds.includes('format'))) return [];
    return [
      {
        argv,
        hop: { path: cfg.path, line: l.line, text: l.text, via: `${via}: Trunk linter ${l.name}` },
        cwd: '',
        // `trunk check` reports a formatter's difference as an issue and fails.
        failsOnChange: true as const,
      },
    ];
  });
}

/** `trunk check [--ci|--all|…]`, `trunk fmt`: the linters .trunk/trunk.yaml enables. */
export const trunkRun: Resolver = (argv, { files }) => {
  if (argv[0] !== 'trunk' || (argv[1] !== 'check' && argv[1] !== 'fmt')) return undefined;
  const commands = trunkCommands(files, argv[1], `trunk ${argv[1]}`);
  return commands.length ? { commands } : { unresolved: 'no linters enabled in .trunk/trunk.yaml' };
};

/**
 * A reusable workflow of another repository named for Trunk (`…/workflows/trunk.yml@main`) in a
 * repository with a Trunk config runs `trunk check` over it: its jobs cannot be read here, its name
 * and the config say what they run (as `rubocop.yml` runs RuboCop).
 */
export function trunkRemoteWorkflow(files: FileView, ref: string): Expansion | undefined {
  const file = /\/workflows\/([\w.-]+?)\.ya?ml@/.exec(ref)?.[1] ?? '';
  if (
    !file
      .toLowerCase()
      .split(/[-_.]+/)
      .includes('trunk')
  )
    return undefined;
  const commands = trunkCommands(files, 'check', `reusable workflow ${bare(ref)} (named for Trunk)`);
  return commands.length ? { commands } : undefined;
}

/** The git hooks Trunk installs (`trunk-fmt-pre-commit`, `trunk-check-pre-push`): hook origins. */
export function trunkHookOrigins(
  files: FileView,
): { system: string; path: string; hop: { path: string; line: number; text: string }; expansion: Expansion }[] {
  const cfg = trunkConfig(files);
  if (!cfg) return [];
  return cfg.hooks.map((h) => ({
    system: 'trunk',
    path: cfg.path,
    hop: { path: cfg.path, line: h.line, text: h.id },
    expansion: { commands: trunkCommands(files, h.mode, `Trunk ${h.hook} hook ${h.id}`) },
  }));
}
