import { defineRule, type CommandRun, type Evidence, type ToolKind } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';
import { runEvidence } from '../../src/facts/commands/index.js';
import { huskyV4Ignored } from '../../src/facts/commands/hooks.js';
import { ownConfig } from '../../src/facts/tests/tooling.js';

/** Hook managers recognised by their config files (also when they run nothing we can follow). */
const MANAGERS: { name: string; system: string; globs: string[] }[] = [
  { name: 'pre-commit', system: 'pre-commit', globs: ['.pre-commit-config.yaml', '.pre-commit-config.yml'] },
  {
    name: 'lefthook',
    system: 'lefthook',
    globs: [
      'lefthook.yml',
      'lefthook.yaml',
      '.lefthook.yml',
      '.lefthook.yaml',
      'lefthook.json',
      'lefthook.toml',
      '.lefthook.toml',
      '.lefthook.json',
      'lefthook.jsonc',
      '.lefthook.jsonc',
    ],
  },
  { name: 'Husky', system: 'husky', globs: ['.husky/pre-commit', '.husky/pre-push', '.husky/commit-msg'] },
  { name: 'Vite+ hooks', system: 'Vite+', globs: ['.vite-hooks/pre-commit', '.vite-hooks/pre-push'] },
  { name: 'Overcommit', system: 'overcommit', globs: ['.overcommit.yml'] },
  { name: 'CaptainHook', system: 'captainhook', globs: ['captainhook.json', '.captainhook.json'] },
  // GrumPHP's Composer plugin installs the hook that runs the tasks of grumphp.yml.
  { name: 'GrumPHP', system: 'grumphp', globs: ['grumphp.yml', 'grumphp.yml.dist', 'grumphp.dist.yml'] },
  { name: 'Husky.Net', system: 'husky', globs: ['.husky/task-runner.json'] },
  { name: 'rusty-hook', system: 'rusty-hook', globs: ['.rusty-hook.toml', 'rusty-hook.toml'] },
  {
    name: 'committed git hooks',
    system: 'git hooks',
    globs: ['.githooks/pre-commit', '.githooks/pre-push', 'githooks/pre-commit', '.hooks/pre-commit'],
  },
];
const LINT_STAGED = ['.lintstagedrc', '.lintstagedrc.{json,yml,yaml,js,cjs,mjs}', 'lint-staged.config.{js,cjs,mjs}'];
const CHECKS: ToolKind[] = ['lint', 'format', 'test', 'typecheck', 'scan'];
/** Commands that check nothing whatever hook runs them. */
/** Shell builtins and tests (`[`, `cd`, `set`): the structure of a hook script, not a command it checks with. */
const TRIVIAL = new Set([
  '.',
  'echo',
  'exit',
  'true',
  ':',
  'printf',
  '[',
  '[[',
  'test',
  'cd',
  'set',
  'shift',
  'return',
  'sleep',
  'pwd',
]);
/** `poetry install`, `npm ci`, `pip install -r …` in a hook script: it sets up, it checks nothing. */
const installs = (argv: readonly string[]): boolean =>
  /^(?:npm|pnpm|yarn|bun|poetry|pip3?|uv|pipenv|bundle|composer|go|cargo|dotnet)$/.test(argv[0]!) &&
  /^(?:install|i|ci|sync|add|get|download|fetch|restore)$/.test(argv[1] ?? '');
/** The tool a hook runs, else its program (a pre-commit hook id such as `codespell`). */
const nameOf = (r: CommandRun): string => r.tools[0]?.name ?? r.argv[0]!;

export default defineRule({
  meta: {
    id: 'pre-commit-hooks',
    scope: 'repository',
    title: 'Hooks run checks before commit',
    failureTitle: 'No pre-commit hooks',
    description:
      "Hooks that lint and format staged files give the feedback on a developer's machine in seconds, before a push, a CI run and a review round-trip.",
    remediation:
      'Add a hook manager that runs the linters and formatters on staged files: `.pre-commit-config.yaml` (pre-commit), Husky with lint-staged, or lefthook.',
    severity: 'low',
    effort: 'low',
    detection:
      'Hook managers (.pre-commit-config.yaml, lefthook.yml, .husky/<hook>, simple-git-hooks, husky or yorkie (`gitHooks`) keys in package.json, .overcommit.yml, captainhook.json actions, grumphp.yml tasks (GrumPHP), .husky/task-runner.json tasks run by `dotnet husky run` (Husky.Net), `config :git_hooks` tasks (Elixir git_hooks), cargo-husky features or .cargo-husky/hooks/ (Rust), the `[hooks]` commands of .rusty-hook.toml (rusty-hook, Rust), committed .githooks/ or root pre-commit scripts, the `actions.enabled` hooks of Trunk in .trunk/trunk.yaml: trunk-fmt-pre-commit runs its enabled formatters, trunk-check-pre-commit/-pre-push all its enabled linters) and what their hooks really run, followed like CI: pre-commit hook ids to their tools, husky scripts through lint-staged (or nano-staged) and package scripts, lefthook `run:` lines. Pass: a hook runs a linter, formatter, type checker, scanner or tests, or any pre-commit hook (pre-commit fails the commit when a hook fails or changes a file: codespell, validate-pyproject, check-yaml are checks); partial (0.5): a hook manager or lint-staged whose hooks run no check (a reminder `echo`). Committed hook scripts (.githooks/, a root pre-commit) that nothing installs (no `git config core.hooksPath` or copy into .git/hooks in a Makefile, script or package.json) are partial (0.5): each developer must install them by hand. The husky v4 `"husky": {"hooks": …}` key runs nothing once husky 5 or later is installed (lockfile, else declared range).',
    patterns: {
      pkgHooks: {
        regex: /"(simple-git-hooks|husky|lint-staged|pre-commit|ghooks|gitHooks)"\s*:\s*\{/,
        files: ['**/package.json'],
        literals: ['hooks', 'husky', 'lint-staged', 'pre-commit', 'gitHooks'],
        maxPerFile: 3,
      },
      // What puts committed hook scripts in place: `git config core.hooksPath .githooks` in a setup
      // target or an npm `prepare` script, or a copy/link into .git/hooks.
      hookInstall: {
        // In a setup target or script, a hook path named is a hook path set or filled.
        regex: /core\.hooksPath\b|\.git\/hooks\b/,
        files: [
          '**/Makefile',
          '**/*.mk',
          '**/package.json',
          '**/*.sh',
          '**/justfile',
          '**/Justfile',
          '**/Taskfile.yml',
        ],
        literals: ['hooksPath', '.git/hooks'],
        maxPerFile: 1,
      },
      // Where the repository tells developers to install them by hand.
      hookDocs: {
        regex: /\.git\/hooks\b|core\.hooksPath\b/,
        // Documents only: a hook script that names .git/hooks tells nobody to install it.
        files: ['README*', 'CONTRIBUTING*', 'docs/**/*.md', '.github/CONTRIBUTING*'],
        literals: ['.git/hooks', 'hooksPath'],
        maxPerFile: 1,
      },
    },
    reads: ['.husky/*'],
  },
  check(ctx) {
    // The project's own hooks: an example app's husky or lint-staged set-up guards the example (issue 15).
    const hookRuns = ctx.facts.commands.runs.filter((r) => r.origin.kind === 'hook' && ownConfig(r.origin.path));
    // A pre-commit hook is a check by construction: pre-commit fails the commit when a hook exits
    // non-zero or changes a file, so codespell, validate-pyproject or check-yaml check too (RULES:
    // "hooks run checks"). Other managers run any shell: there a known checking tool decides.
    // Only the hook's own entry: the commands of a script a local hook runs (`git diff`, `grep`, `sed`
    // in scripts/cleanup.sh) are its plumbing, checks only where they are known tools (blind round 37).
    const ownEntry = (r: CommandRun) => (r.chain.at(-1)?.path ?? r.origin.path) === r.origin.path;
    const isCheck = (r: CommandRun) =>
      r.tools.some((t) => t.kinds.some((k) => CHECKS.includes(k))) ||
      (r.origin.system === 'pre-commit' && ownEntry(r) && !!r.argv[0] && !TRIVIAL.has(r.argv[0]) && !installs(r.argv));
    const checks = hookRuns.filter(isCheck);
    const managers = new Set(hookRuns.map((r) => r.origin.system));
    const evidence: Evidence[] = [];
    const cited = new Set<string>();
    for (const r of checks) {
      const name = nameOf(r);
      if (cited.has(name) || evidence.length >= 8) continue;
      cited.add(name);
      evidence.push(runEvidence(r, `runs ${name}`));
    }
    const present: Evidence[] = [];
    for (const m of MANAGERS) {
      const hit = ctx.files.match(m.globs).find(ownConfig);
      if (!hit) continue;
      managers.add(m.system);
      if (!checks.some((r) => r.origin.system === m.system)) present.push({ path: hit, note: `${m.name} configured` });
    }
    // Committed hooks in a directory a setup script points git at (core.hooksPath, any name):
    // installed, though what they run is no check.
    for (const r of hookRuns) {
      const path = r.origin.path;
      if (r.origin.system !== 'git hooks' || checks.some((c) => c.origin.system === 'git hooks')) continue;
      if (present.some((e) => e.path === path) || present.length >= 8) continue;
      present.push({ path, note: 'committed git hook' });
    }
    const pkg = ctx.matches('pkgHooks').filter((m) => ownConfig(m.path));
    // The v4 `"husky": {"hooks": …}` key under husky 5 or later runs nothing: named, no credit.
    const huskyIgnored = pkg.some((m) => m.groups[0] === 'husky') ? huskyV4Ignored(ctx.files) : undefined;
    const ignored: Evidence[] = [];
    for (const m of pkg.filter((x) => x.groups[0] !== 'lint-staged')) {
      if (m.groups[0] === 'husky' && huskyIgnored) {
        ignored.push({
          path: m.path,
          line: m.line,
          snippet: m.snippet,
          note: `husky v4 "hooks" key, ignored by the installed husky ${huskyIgnored.major} (${huskyIgnored.path}${huskyIgnored.line ? `:${huskyIgnored.line}` : ''}), which runs only .husky/<hook> scripts`,
        });
        continue;
      }
      if (!checks.some((r) => r.origin.path === m.path))
        present.push({ path: m.path, line: m.line, snippet: m.snippet, note: `${m.groups[0]} hooks in package.json` });
    }
    const lintStaged = pkg.find((m) => m.groups[0] === 'lint-staged') ?? ctx.files.match(LINT_STAGED).find(ownConfig);
    const tools = [...new Set(checks.map(nameOf))].sort();
    const data = { managers: [...managers].sort(), lintStaged: !!lintStaged, tools };
    // Committed hook scripts (`./pre-commit`, `.githooks/`) run only once installed: with nothing in
    // the repository that installs them, each developer must copy or point git at them by hand.
    if (checks.length > 0 && checks.every((r) => r.origin.system === 'git hooks')) {
      const installer = ctx.matches('hookInstall')[0];
      if (!installer) {
        const told = ctx.matches('hookDocs')[0];
        return partial(
          0.5,
          `Committed git hook scripts (${listing([...new Set(checks.map((r) => r.origin.path))])}) run ${listing(tools.slice(0, 6))}, but nothing installs them: each developer must copy them into .git/hooks or set core.hooksPath by hand${told ? ` (as ${told.path}:${told.line} says)` : ''}.`,
          [
            ...evidence,
            ...(told
              ? [
                  {
                    path: told.path,
                    line: told.line,
                    snippet: told.snippet,
                    note: 'installation left to the developer',
                  },
                ]
              : []),
          ],
          data,
        );
      }
      evidence.push({
        path: installer.path,
        line: installer.line,
        snippet: installer.snippet,
        note: 'installs the committed hooks',
      });
    }
    if (checks.length > 0)
      return pass(
        `Commit hooks (${listing(data.managers.filter((m) => checks.some((r) => r.origin.system === m)))}) run ${listing(tools.slice(0, 6))}${tools.length > 6 ? ', …' : ''}.`,
        evidence,
        data,
      );
    if (lintStaged && typeof lintStaged !== 'string')
      present.push({
        path: lintStaged.path,
        line: lintStaged.line,
        snippet: lintStaged.snippet,
        note: 'lint-staged configured',
      });
    else if (lintStaged) present.push({ path: lintStaged, note: 'lint-staged configured' });
    // Only lint-staged left, which the ignored husky key was to run: nothing runs it.
    if (ignored.length > 0 && managers.size === 0 && present.every((e) => /lint-staged/.test(e.note ?? ''))) {
      return fail(
        `No pre-commit hooks run: the husky v4 "hooks" key in package.json is ignored by the installed husky ${huskyIgnored!.major}, and there is no .husky/ directory${present.length ? '; lint-staged is configured but nothing runs it' : ''}.`,
        [...ignored, ...present],
        data,
      );
    }
    present.push(...ignored);
    if (present.length > 0) {
      // Program names only: a word left of shell arithmetic (`$((patch+1))`) is no command.
      const other = hookRuns.filter(
        (r: CommandRun) => r.argv[0] && !TRIVIAL.has(r.argv[0]) && /^[\w./@-]{1,80}$/.test(r.argv[0]),
      );
      return partial(
        0.5,
        `${managers.size ? `Hooks are set up (${listing([...managers].sort())})` : 'lint-staged is configured'}, but they run no linter, formatter, type checker, scanner or tests${other.length ? ` (they run ${listing([...new Set(other.map((r) => r.argv[0]!))].slice(0, 4))})` : managers.size ? '' : ': no hook manager runs it'}.`,
        present,
        data,
      );
    }
    return fail(
      'No pre-commit hooks.',
      [
        {
          path: '.',
          note: 'no .pre-commit-config.yaml, lefthook, Husky, Overcommit, .githooks/ or package.json hook configuration',
        },
      ],
      data,
    );
  },
});
