/**
 * Nx workspaces: the targets `nx run-many -t test`, `nx affected:lint` or `nx test app` run, from
 * each project.json (an executor that runs a tool, or commands) and from the plugins in nx.json
 * that infer targets; `nx format:check` is Prettier.
 */
import type { FileView } from '../../types.js';
import { dirOf, lineOf, type Expansion } from './types.js';
import { escapeRe } from '../../util/regex.js';

/** `-t lint,test`, `--targets=lint test`, `--target lint`: every target named after the flag. */
export function nxTargetNames(argv: string[]): string[] {
  const at = argv.findIndex((w) => /^(?:-t|--targets?)(?:=|$)/.test(w));
  if (at < 0) return [];
  const first = argv[at]!.includes('=') ? [argv[at]!.slice(argv[at]!.indexOf('=') + 1)] : [];
  const rest: string[] = [];
  for (const w of argv.slice(at + 1)) {
    if (w.startsWith('-')) break;
    rest.push(w);
  }
  return [...first, ...rest].flatMap((w) => w.split(',')).filter(Boolean);
}

export function nxFormat(sub: string): Expansion {
  const check = sub === 'format:check';
  const implied = `nx ${sub} ${check ? 'checks' : 'rewrites'} the formatting with Prettier`;
  return { tools: [{ name: 'Prettier', kinds: ['format'], implied }] };
}

/** Nx executors that run a tool themselves. */
const NX_EXECUTORS: [RegExp, string[]][] = [
  [/[:/]jest$/, ['jest']],
  [/vite:test$|vitest/, ['vitest', 'run']],
  [/(?:eslint|linter):(?:lint|eslint)$/, ['eslint', '.']],
  [/cypress$/, ['cypress', 'run']],
  [/playwright$/, ['playwright', 'test']],
  [/:go-test$|nx-go:test$/, ['go', 'test', './...']],
  [/:go-lint$|nx-go:lint$/, ['golangci-lint', 'run']],
  [
    /^@(?:nx|nrwl)\/(?:webpack|rollup|esbuild|rspack|js|next|angular|vite):(?:webpack|rollup|esbuild|rspack|tsc|swc|build|browser|browser-esbuild|application|package)$|^@angular-devkit\/build-angular:(?:browser|browser-esbuild|application)$/,
    ['webpack'],
  ],
];

/**
 * Targets Nx plugins infer for every project (Nx 17+ writes no executor for them): the plugin's
 * option names the target, its default otherwise.
 */
const NX_PLUGINS: { plugin: RegExp; option: string; target: string; argv: string[] }[] = [
  { plugin: /^@nx\/jest\/plugin$/, option: 'targetName', target: 'test', argv: ['jest'] },
  { plugin: /^@nx\/vite\/plugin$/, option: 'testTargetName', target: 'test', argv: ['vitest', 'run'] },
  { plugin: /^@nx\/vite\/plugin$/, option: 'buildTargetName', target: 'build', argv: ['vite', 'build'] },
  { plugin: /^@nx\/eslint\/plugin$/, option: 'targetName', target: 'lint', argv: ['eslint', '.'] },
  { plugin: /^@nx\/webpack\/plugin$/, option: 'buildTargetName', target: 'build', argv: ['webpack'] },
  { plugin: /^@nx\/playwright\/plugin$/, option: 'targetName', target: 'e2e', argv: ['playwright', 'test'] },
  { plugin: /^@nx\/cypress\/plugin$/, option: 'targetName', target: 'e2e', argv: ['cypress', 'run'] },
];

function nxInferred(files: FileView, target: string): NonNullable<Expansion['commands']> {
  const j = files.readJson<{ plugins?: (string | { plugin?: string; options?: Record<string, unknown> })[] }>(
    'nx.json',
  );
  const out: NonNullable<Expansion['commands']> = [];
  for (const p of (j.ok && Array.isArray(j.value?.plugins) ? j.value.plugins : []).slice(0, 50)) {
    const name = typeof p === 'string' ? p : p?.plugin;
    if (typeof name !== 'string') continue;
    for (const spec of NX_PLUGINS) {
      const opt = typeof p === 'object' ? p.options?.[spec.option] : undefined;
      if (!spec.plugin.test(name) || (typeof opt === 'string' ? opt : spec.target) !== target) continue;
      const line = lineOf(files.read('nx.json') ?? '', new RegExp(`"${escapeRe(name)}"`)) ?? 1;
      out.push({
        argv: spec.argv,
        hop: { path: 'nx.json', line, text: `"${name}"`, via: `nx target ${target} inferred by ${name}` },
        cwd: '',
      });
    }
  }
  return out;
}

export function nxTargets(files: FileView, target: string): NonNullable<Expansion['commands']> {
  const out: NonNullable<Expansion['commands']> = [];
  // A target with no executor of its own is one a plugin infers (or a group of dependsOn).
  let bare = false;
  for (const path of files.named('project.json')) {
    if (path.includes('node_modules/')) continue;
    const j = files.readJson<{ targets?: Record<string, { executor?: string; options?: Record<string, unknown> }> }>(
      path,
    );
    const t = j.ok ? j.value?.targets?.[target] : undefined;
    if (!t) continue;
    const text = files.read(path) ?? '';
    const line = lineOf(text, new RegExp(`^\\s*"${escapeRe(target)}"\\s*:`)) ?? 1;
    const hop = { path, line, text: `"${target}": ${t.executor ?? ''}`, via: `nx target ${target}` };
    const exec = NX_EXECUTORS.find(([re]) => re.test(t.executor ?? ''));
    if (exec) out.push({ argv: exec[1], hop, cwd: dirOf(path) });
    if (!t.executor && !t.options?.command && !t.options?.commands) bare = true;
    const cmds = [t.options?.command, ...(Array.isArray(t.options?.commands) ? t.options.commands : [])];
    for (const c of cmds) {
      const s =
        typeof c === 'string'
          ? c
          : typeof (c as { command?: unknown })?.command === 'string'
            ? (c as { command: string }).command
            : undefined;
      if (s) out.push({ argv: ['sh', '-c', s], hop, cwd: '' });
    }
  }
  const plugins = out.length === 0 || bare ? nxInferred(files, target) : [];
  return [...out, ...plugins];
}
