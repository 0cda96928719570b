/**
 * Coverage in the commands CI runs: a test command that measures coverage (`go test -cover`,
 * `pytest --cov`, `jest --coverage`, `dotnet test /p:CollectCoverage=true`), a coverage tool
 * (`coverage run`, nyc, c8, tarpaulin, llvm-cov, coverlet), an upload (Codecov, Coveralls), and the
 * floors that fail the run when coverage drops (`--cov-fail-under=90`, `nyc check-coverage`,
 * `/p:Threshold=80`, `cargo llvm-cov --fail-under-lines 80`). Read from the arguments, never from a
 * word elsewhere on the line.
 */
import type { CommandTool } from '../../types.js';
import { own } from './own.js';
import { table } from '../../util/table.js';

const measured = (name: string, implied?: string): CommandTool => ({
  name,
  kinds: ['coverage'],
  ...(implied ? { implied } : {}),
});

const gate = (name: string, value: string | undefined): CommandTool => {
  const n = value === undefined ? Number.NaN : Number.parseFloat(value.replace(/%$/, ''));
  return { name, kinds: ['coverage', 'coverage-gate'], ...(Number.isFinite(n) ? { threshold: n } : {}) };
};

/** `--flag=N`, `--flag N` (also `/p:Flag=N`, `-p:Flag=N`). */
function numberAfter(argv: readonly string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!.replace(/^["']|["']$/g, '');
    for (const n of names) {
      if (w.toLowerCase() === n.toLowerCase() && /^\d/.test(argv[i + 1] ?? '')) return argv[i + 1];
      if (w.toLowerCase().startsWith(`${n.toLowerCase()}=`)) return w.slice(n.length + 1).split(',')[0];
    }
  }
  return undefined;
}

const has = (argv: readonly string[], re: RegExp) => argv.slice(1).some((w) => re.test(w));

type Rule = (argv: readonly string[], sub: string) => CommandTool[];

/** Per program (argv[0] without its path). `sub` is the first positional word. */
const RULES: Record<string, Rule> = table({
  go: (argv, sub) =>
    sub === 'test' && has(argv, /^-(?:cover|coverprofile|covermode|coverpkg)\b/) ? [measured('go test -cover')] : [],
  gotestsum: (argv) => (has(argv, /^-(?:cover|coverprofile|covermode|coverpkg)\b/) ? [measured('go test -cover')] : []),
  pytest: (argv) => {
    const floor = numberAfter(argv, ['--cov-fail-under']);
    if (floor !== undefined) return [gate('pytest-cov --cov-fail-under', floor)];
    return has(argv, /^--cov(?:=|$)/) ? [measured('pytest-cov')] : [];
  },
  coverage: (argv, sub) => {
    const floor = numberAfter(argv, ['--fail-under']);
    if (floor !== undefined) return [gate('coverage.py --fail-under', floor)];
    return /^(?:run|report|xml|html|json|lcov|combine)$/.test(sub) ? [measured('coverage.py')] : [];
  },
  jest: (argv) => {
    if (has(argv, /^--coverageThreshold\b/)) return [gate('Jest --coverageThreshold', undefined)];
    return has(argv, /^--(?:coverage|collectCoverage)(?:=true)?$/) ? [measured('Jest --coverage')] : [];
  },
  vitest: (argv) => {
    const floor = numberAfter(argv, [
      '--coverage.thresholds.lines',
      '--coverage.thresholds.statements',
      '--coverage.thresholds.100',
    ]);
    if (floor !== undefined || has(argv, /^--coverage\.thresholds/)) return [gate('Vitest coverage thresholds', floor)];
    return has(argv, /^--coverage(?:\.enabled)?(?:=true)?$/) ? [measured('Vitest --coverage')] : [];
  },
  nyc: (argv, sub) => nycLike('nyc', argv, sub),
  c8: (argv, sub) => nycLike('c8', argv, sub),
  node: (argv) => {
    const floor = numberAfter(argv, ['--test-coverage-lines']);
    if (floor !== undefined) return [gate('node --test coverage', floor)];
    return has(argv, /^--experimental-test-coverage$/) ? [measured('node --test coverage')] : [];
  },
  dotnet: (argv, sub) => {
    if (sub !== 'test') return [];
    const floor = numberAfter(argv, ['/p:Threshold', '-p:Threshold', '--property:Threshold']);
    if (floor !== undefined) return [gate('coverlet /p:Threshold', floor)];
    const collects =
      has(argv, /^[-/]p(?:roperty)?:CollectCoverage=true$/i) ||
      argv.some((w, i) => /^--collect(?::|$)/.test(w) && /Code Coverage/i.test(`${w} ${argv[i + 1] ?? ''}`));
    return collects ? [measured('coverlet')] : [];
  },
  coverlet: (argv) => {
    const floor = numberAfter(argv, ['--threshold']);
    return [floor !== undefined ? gate('coverlet --threshold', floor) : measured('coverlet')];
  },
  reportgenerator: () => [measured('ReportGenerator')],
  // An Ansible collection's tests measured by ansible-test: `ansible-test units --coverage`, and its
  // `ansible-test coverage report|xml|html|combine` step; no floor of its own.
  'ansible-test': (argv, sub) =>
    (/^(?:units|integration|network-integration|windows-integration|sanity)$/.test(sub) && has(argv, /^--coverage$/)) ||
    (sub === 'coverage' &&
      /^(?:report|xml|html|combine|analyze)$/.test(argv.slice(1).filter((w) => !w.startsWith('-'))[1] ?? ''))
      ? [measured('ansible-test --coverage')]
      : [],
  cargo: (argv) => {
    const s = argv.slice(1).find((w) => !w.startsWith('-') && !w.startsWith('+'));
    if (s === 'tarpaulin') {
      const floor = numberAfter(argv, ['--fail-under']);
      return [floor !== undefined ? gate('cargo tarpaulin --fail-under', floor) : measured('cargo tarpaulin')];
    }
    if (s === 'llvm-cov') {
      const floor = numberAfter(argv, ['--fail-under-lines', '--fail-under-regions', '--fail-under-functions']);
      return [floor !== undefined ? gate('cargo llvm-cov --fail-under', floor) : measured('cargo llvm-cov')];
    }
    return [];
  },
  grcov: () => [measured('grcov')],
  gcovr: (argv) => {
    const floor = numberAfter(argv, ['--fail-under-line', '--fail-under-branch']);
    return [floor !== undefined ? gate('gcovr --fail-under-line', floor) : measured('gcovr')];
  },
  'diff-cover': (argv) => [gate('diff-cover --fail-under', numberAfter(argv, ['--fail-under']))],
  'go-test-coverage': () => [gate('go-test-coverage', undefined)],
  codecov: () => [measured('Codecov upload')],
  codecovcli: () => [measured('Codecov upload')],
  coveralls: () => [measured('Coveralls upload')],
  goveralls: () => [measured('Coveralls upload')],
  'coveralls-lcov': () => [measured('Coveralls upload')],
  // The bash uploader fetched and run on the spot: `bash <(curl -s https://codecov.io/bash)`.
  curl: (argv) => (has(argv, /codecov\.io\/bash\b/) ? [measured('Codecov upload')] : []),
  phpunit: (argv) => (has(argv, /^--coverage-/) ? [measured('PHPUnit coverage')] : []),
  pest: (argv) => {
    const floor = numberAfter(argv, ['--min']);
    if (has(argv, /^--coverage\b/))
      return [floor !== undefined ? gate('Pest --coverage --min', floor) : measured('Pest --coverage')];
    return [];
  },
  mix: (argv, sub) =>
    (sub === 'test' && has(argv, /^--cover$/)) || /^coveralls/.test(sub) ? [measured('mix test --cover')] : [],
  flutter: (argv, sub) => (sub === 'test' && has(argv, /^--coverage$/) ? [measured('flutter test --coverage')] : []),
  deno: (argv, sub) => (sub === 'test' && has(argv, /^--coverage\b/) ? [measured('deno test --coverage')] : []),
  bun: (argv, sub) => (sub === 'test' && has(argv, /^--coverage$/) ? [measured('bun test --coverage')] : []),
  swift: (argv, sub) =>
    sub === 'test' && has(argv, /^--enable-code-coverage$/) ? [measured('swift test --enable-code-coverage')] : [],
  xcodebuild: (argv) =>
    argv.some((w, i) => /^-enableCodeCoverage$/.test(w) && /^YES$/i.test(argv[i + 1] ?? ''))
      ? [measured('Xcode code coverage')]
      : [],
});

function nycLike(name: string, argv: readonly string[], sub: string): CommandTool[] {
  const floor = numberAfter(argv, ['--lines', '--statements', '--branches', '--functions', '--100']);
  if (sub === 'check-coverage' || has(argv, /^--check-coverage(?:=true)?$/))
    return [gate(`${name} check-coverage`, has(argv, /^--100$/) ? '100' : floor)];
  return [measured(name)];
}

/** Coverage measured or gated by one normalised command (a wrapper's own words included: `nyc --check-coverage`). */
export function coverageTools(argv: readonly string[]): CommandTool[] {
  const head = argv[0];
  if (!head) return [];
  const base = head
    .slice(head.lastIndexOf('/') + 1)
    .replace(/\.(?:exe|cmd)$/i, '')
    .replace(/^py\.test$/, 'pytest');
  const rule = own(RULES, base);
  if (!rule) return [];
  // A word holding several flags is an unquoted variable the script expanded (`TEST_ARGS=$@` then
  // `exec pytest $TEST_ARGS`, blind round 30 redash): the shell splits it, so its flags count.
  const words = argv.some((w) => /\s-/.test(w))
    ? [head, ...argv.slice(1, 40).flatMap((w) => (/\s-/.test(w) ? w.trim().split(/\s+/) : [w]))]
    : argv;
  const sub = words.slice(1).find((w) => !w.startsWith('-')) ?? '';
  return rule(words, sub);
}
