/**
 * "Test execution with `bundle exec rake test`" where the scripts and CI run `bundle exec rspec`: a test
 * command the document names that nothing in the repository runs, while another one is run, is a
 * stale statement (the suite moved to another runner). Compared by runner, not by spelling: `rails
 * test` is `rake test`, `npm test` may run jest or vitest, `artisan test` runs PHPUnit. Nothing run at
 * all, or the named runner run anywhere, decides nothing here.
 */
import type { Evidence } from '../types.js';
import type { Claim } from './extract.js';
import type { LookupContext } from './lookup.js';
import { plain } from './status.js';

const COMMAND =
  /\b(?:(?:bundle\s+exec\s+)?(?:bin\/)?(?:rake|rails)\s+test|(?:bundle\s+exec\s+)?(?:bin\/)?rspec|(?:python\s+-m\s+)?pytest|(?:npm|pnpm|yarn)\s+(?:run\s+)?test|(?:npx\s+)?(?:jest|vitest)|go\s+test|cargo\s+(?:test|nextest)|dotnet\s+test|(?:\.\/)?mvnw?\s+(?:[\w:.-]+\s+){0,8}?(?:test|verify)|(?:\.\/)?gradlew?\s+(?:[\w:.-]+\s+){0,8}?test|(?:vendor\/bin\/)?phpunit|(?:php\s+)?artisan\s+test|mix\s+test|flutter\s+test|swift\s+test)\b/gi;
/** Where a repository says how its tests are run. */
const RUNS =
  /^(?:\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile|bitbucket-pipelines\.yml|Makefile|justfile|Justfile|package\.json|Rakefile|bin\/[^/]+|scripts?\/[^/]+|[^/]+\.sh)$/;

/** The runner a command starts: one name per test framework or build tool. */
function runner(command: string): string {
  const c = command.toLowerCase();
  if (/\b(?:rake|rails)\s+test/.test(c)) return 'minitest';
  if (/rspec/.test(c)) return 'rspec';
  if (/pytest/.test(c)) return 'pytest';
  if (/(?:npm|pnpm|yarn)\s/.test(c)) return 'js';
  if (/jest/.test(c)) return 'jest';
  if (/vitest/.test(c)) return 'vitest';
  if (/go\s+test/.test(c)) return 'go';
  if (/cargo/.test(c)) return 'cargo';
  if (/dotnet/.test(c)) return 'dotnet';
  if (/mvnw?/.test(c)) return 'maven';
  if (/gradlew?/.test(c)) return 'gradle';
  if (/phpunit|artisan/.test(c)) return 'phpunit';
  return c.split(/\s+/)[0]!;
}

/** Whether a runner found stands for the one named: `npm test` runs whatever the package's test script runs. */
const compatible = (named: string, found: string) =>
  named === found ||
  (named === 'js' && ['jest', 'vitest'].includes(found)) ||
  (found === 'js' && ['jest', 'vitest'].includes(named));

export interface TestCommandMismatch {
  named: string;
  runs: Evidence[];
}

/** The test command a line names when the repository runs only another one; null otherwise. */
export function staleTestCommand(ctx: LookupContext, claim: Claim): TestCommandMismatch | null {
  if (claim.asserted !== 'done' && claim.asserted !== 'partial') return null;
  const named = [...plain(claim.raw ?? claim.text).matchAll(COMMAND)].map((m) => m[0]);
  if (named.length !== 1) return null;
  const want = runner(named[0]!);
  const runs: Evidence[] = [];
  for (const path of ctx.files.paths.filter((p) => RUNS.test(p)).slice(0, 80)) {
    const text = ctx.readText ? ctx.readText(path, 256 * 1024) : ctx.files.read(path);
    const lines = (text ?? '').split('\n');
    for (let i = 0; i < lines.length && i < 5000; i++) {
      const l = lines[i]!;
      if (l.length > 400 || /^\s*(?:#|\/\/)/.test(l)) continue;
      for (const m of l.matchAll(COMMAND)) {
        if (compatible(want, runner(m[0]))) return null;
        if (runs.length < 3) runs.push({ path, line: i + 1, snippet: l.trim().slice(0, 120) });
      }
    }
  }
  return runs.length ? { named: named[0]!, runs } : null;
}
