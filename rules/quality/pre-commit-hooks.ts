import { defineRule, type Evidence } from '../../src/types.js';
import { fail, listing, partial, pass } from '../../src/engine/results.js';

/** Hook managers recognised by their config files. */
const MANAGERS: { name: string; globs: string[] }[] = [
  { name: 'pre-commit', globs: ['.pre-commit-config.yaml', '.pre-commit-config.yml'] },
  {
    name: 'lefthook',
    globs: ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml', 'lefthook.json', 'lefthook.toml'],
  },
  { name: 'Husky', globs: ['.husky/pre-commit', '.husky/pre-push', '.husky/commit-msg'] },
  { name: 'Overcommit', globs: ['.overcommit.yml'] },
  {
    name: 'committed git hooks',
    globs: ['.githooks/pre-commit', '.githooks/pre-push', 'githooks/pre-commit', '.hooks/pre-commit'],
  },
];

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
      '.pre-commit-config.yaml (its hook ids), lefthook.yml, .husky/pre-commit (what it runs), .overcommit.yml, committed .githooks/, simple-git-hooks or husky hooks in package.json, lint-staged (config file or package.json key). lint-staged with no hook manager to run it, or an empty hook config, earns partial credit.',
    patterns: {
      pkgHooks: {
        regex: /"(simple-git-hooks|husky|lint-staged|pre-commit|ghooks)"\s*:\s*\{/,
        files: ['**/package.json'],
        literals: ['hooks', 'husky', 'lint-staged', 'pre-commit'],
        maxPerFile: 3,
      },
      hookIds: {
        regex: /^\s*-\s+id:\s*([\w.-]+)/m,
        files: ['.pre-commit-config.yaml', '.pre-commit-config.yml'],
        literals: ['id:'],
        maxPerFile: 200,
      },
    },
    reads: ['.husky/*'],
  },
  check(ctx) {
    const evidence: Evidence[] = [];
    const managers: string[] = [];
    for (const { name, globs } of MANAGERS) {
      const hit = ctx.files.match(globs)[0];
      if (!hit) continue;
      managers.push(name);
      let note = `${name} hooks`;
      if (name === 'pre-commit') {
        const ids = ctx
          .matches('hookIds')
          .map((m) => m.groups[0]!)
          .filter(Boolean);
        note = ids.length
          ? `pre-commit hooks: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}`
          : 'pre-commit config with no hooks';
        if (!ids.length) managers.pop();
      }
      if (name === 'Husky') {
        const run = (ctx.files.read(hit) ?? '')
          .split('\n')
          .map((l) => l.trim())
          .find((l) => l && !l.startsWith('#') && !l.startsWith('.') && !/husky\.sh/.test(l));
        if (run) note = `Husky ${hit.split('/').pop()} runs \`${run.slice(0, 80)}\``;
      }
      evidence.push({ path: hit, note });
    }
    const pkg = ctx.matches('pkgHooks');
    const lintStaged = pkg.find((m) => m.groups[0] === 'lint-staged') ?? undefined;
    const lintStagedFile = ctx.files.match([
      '.lintstagedrc',
      '.lintstagedrc.{json,yml,yaml,js,cjs,mjs}',
      'lint-staged.config.{js,cjs,mjs}',
    ])[0];
    for (const m of pkg.filter((m) => m.groups[0] !== 'lint-staged')) {
      managers.push(
        m.groups[0] === 'simple-git-hooks'
          ? 'simple-git-hooks'
          : m.groups[0] === 'husky'
            ? 'Husky (package.json)'
            : m.groups[0]!,
      );
      evidence.push({ path: m.path, line: m.line, snippet: m.snippet, note: 'hooks configured in package.json' });
    }
    if (lintStaged)
      evidence.push({ path: lintStaged.path, line: lintStaged.line, snippet: lintStaged.snippet, note: 'lint-staged' });
    if (lintStagedFile) evidence.push({ path: lintStagedFile, note: 'lint-staged' });
    const data = { managers: [...new Set(managers)], lintStaged: !!(lintStaged || lintStagedFile) };
    if (managers.length > 0)
      return pass(
        `Pre-commit hooks run checks (${listing([...new Set(managers)])}${data.lintStaged ? ' with lint-staged' : ''}).`,
        evidence,
        data,
      );
    if (data.lintStaged || evidence.length > 0) {
      return partial(
        0.5,
        'lint-staged or a hook config is present, but no hook manager installs a hook that runs it.',
        evidence,
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
