/**
 * What marketplace actions and Azure DevOps tasks run, by their documented defaults and inputs:
 * `golangci/golangci-lint-action` runs golangci-lint, `DotNetCoreCLI@2` with `command: test` runs
 * `dotnet test`, `cypress-io/github-action` runs its `command` input or `cypress run`.
 */
import type { CommandTool } from '../../types.js';
import { simpleCommands } from './shell.js';

const words = (s: string | undefined) => (s ? (simpleCommands(s)[0] ?? []) : []);
export const tool = (name: string, kinds: CommandTool['kinds'], implied: string): CommandTool => ({
  name,
  kinds,
  implied,
});

/** A command run on a server over SSH that deploys there. */
const REMOTE_DEPLOY =
  /\bdeploy\w*|\bgit\s+(?:pull|fetch|checkout|reset)\b|\bdocker(?:-compose|\s+compose)?\s+(?:pull|up|stack\s+deploy|service\s+update)\b|\bsystemctl\s+(?:restart|reload)\b|\bservice\s+[\w.@-]+\s+restart\b|\bpm2\s+(?:reload|restart|start)\b|\bsupervisorctl\s+(?:restart|reload|update)\b|\bkubectl\s+(?:apply|set\s+image|rollout\s+restart)\b|\bhelm\s+upgrade\b|\bmanage\.py\s+migrate\b|\btouch\s+\S*wsgi\S*/i;

/** An input's value when it is written out, not an expression evaluated at run time. */
const known = (v: string | undefined) => (v && !v.includes('${{') ? v : undefined);

export type Handler = (
  w: Record<string, string>,
  ref: string,
) => { argv?: string[]; shell?: string; tools?: CommandTool[] };

/** What super-linter or MegaLinter validates that is not code: documents, data and CI files. */
const NOT_CODE =
  /^(?:MARKDOWN\w*|NATURAL_LANGUAGE|YAML\w*|JSON\w*|JSONC\w*|XML|EDITORCONFIG|GITHUB_ACTIONS\w*|GITLEAKS|ENV|CHECKOV|TRIVY|COPYPASTE\w*|SPELL\w*|RENOVATE|HTML\w*|CSS\w*|DOCKERFILE\w*|CLOUDFORMATION\w*|OPENAPI|PROTOBUF|LATEX|RST\w*|ACTION\w*|REPOSITORY\w*|BASH_EXEC|KUBERNETES\w*|ARM|TERRAGRUNT|TEKTON)$/i;
/** Validators that check code layout, not only code rules. */
const LAYOUT =
  /PRETTIER|BLACK|GOFMT|GOIMPORTS|GOOGLE_JAVA_FORMAT|RUSTFMT|CLANG_FORMAT|SHFMT|TERRAFORM_FMT|PHP_(?:PHPCS|CS_FIXER)|DOTNET|CSHARP|KTLINT|ISORT|STANDARD|BIOME|RUBOCOP|SNAKEFMT|SQLFLUFF|SCALAFMT|DART|SWIFT|RUFF_FORMAT/i;

/**
 * super-linter and MegaLinter run the linters of every language, unless the step names some with
 * `VALIDATE_X: true` (then only those run, super-linter's documented rule): `VALIDATE_MARKDOWN: true`
 * alone lints Markdown and checks no code, neither its rules nor its layout.
 */
function allLinters(name: string, w: Record<string, string>): CommandTool {
  const only = Object.entries(w)
    .filter(([k, v]) => /^env\.VALIDATE_\w+$/.test(k) && /^true$/i.test(v.trim()))
    .map(([k]) => k.slice('env.VALIDATE_'.length));
  if (only.length === 0) return tool(name, ['lint', 'format'], `${name} runs the linters of each language`);
  const code = only.filter((x) => !NOT_CODE.test(x));
  const kinds: CommandTool['kinds'] = [
    ...(code.length ? (['lint'] as const) : []),
    ...(code.some((x) => LAYOUT.test(x)) ? (['format'] as const) : []),
  ];
  return tool(
    name,
    kinds,
    `${name} validates ${only.map((x) => `VALIDATE_${x}`).join(', ')} only${code.length ? '' : ': no code is checked'}`,
  );
}

/** Marketplace actions that run a tool: by their documented defaults and inputs. */
export const ACTIONS: [RegExp, Handler][] = [
  [/^golangci\/golangci-lint-action@/, (w) => ({ argv: ['golangci-lint', 'run', ...words(w.args)] })],
  [/^github\/codeql-action\/analyze@/, () => ({ tools: [tool('CodeQL', ['scan'], 'github/codeql-action/analyze')] })],
  [/^(?:github|super-linter)\/super-linter(?:\/slim)?@/, (w) => ({ tools: [allLinters('super-linter', w)] })],
  [/^oxsecurity\/megalinter/, (w) => ({ tools: [allLinters('MegaLinter', w)] })],
  // ansible-lint's own action (and its older name): runs ansible-lint on the repository, `args` appended.
  [/^ansible\/ansible-lint(?:-action)?@/, (w) => ({ argv: ['ansible-lint', ...words(w.args)] })],
  [/^(?:astral-sh|chartboost)\/ruff-action@/, (w) => ({ argv: ['ruff', ...(w.args ? words(w.args) : ['check'])] })],
  [
    /^(?:pre-commit\/action|pre-commit-ci\/lite-action|clowdhaus\/terraform-composite-actions\/pre-commit)@/,
    (w) => ({ argv: ['pre-commit', 'run', '--all-files', ...words(w.extra_args)] }),
  ],
  // prek (a pre-commit reimplementation) reads the same .pre-commit-config.yaml; its input is `extra-args`.
  // `install-only: true` only installs prek for later steps (`prek auto-update`): it runs no hook.
  [
    /^j178\/prek-action@/,
    (w) =>
      /^true$/i.test((w['install-only'] ?? '').trim())
        ? {}
        : { argv: ['prek', 'run', '--all-files', ...words(w['extra-args'] ?? w.extra_args)] },
  ],
  // Trunk's action runs `trunk check` (on the pull request's changes, or all files with `check-mode: all`);
  // `check-mode: populate_cache_only` only fills the cache (blind round 26).
  [
    /^trunk-io\/trunk-action@/,
    (w) =>
      /populate_cache_only/.test(w['check-mode'] ?? '') ? {} : { argv: ['trunk', 'check', ...words(w.arguments)] },
  ],
  [/^psf\/black@/, (w) => ({ argv: ['black', ...(w.options ? words(w.options) : ['--check', '--diff'])] })],
  [/^reviewdog\/action-([\w-]+)@/, (_w, ref) => ({ argv: [/^reviewdog\/action-([\w-]+)@/.exec(ref)![1]!] })],
  // The Nx action runs `nx affected` (or `run-many` with `all: true`) over its `targets` input, a
  // comma-separated list (blind round 25, podkrepi tests.yml:43-46 `targets: lint,build`): the
  // targets' commands are the project.json executors the nx command leads to.
  [
    /^(?:MansaGroup|mansagroup)\/nrwl-nx-action@/,
    (w) => {
      const targets = known(w.targets)?.replace(/\s+/g, '');
      if (!targets) return {};
      const all = /^true$/i.test((w.all ?? '').trim()) || /^false$/i.test((w.affected ?? '').trim());
      return { argv: ['nx', all ? 'run-many' : 'affected', `--targets=${targets}`] };
    },
  ],
  [/^hadolint\/hadolint-action@/, () => ({ argv: ['hadolint'] })],
  [/^ludeeus\/action-shellcheck@/, () => ({ argv: ['shellcheck'] })],
  [
    /^creyD\/prettier_action@|^actionsx\/prettier@/,
    (w) => ({ argv: ['prettier', ...words(w.prettier_options ?? w.args)] }),
  ],
  [/^biomejs\/setup-biome@/, () => ({})],
  [/^cypress-io\/github-action@/, (w) => (w.command ? { shell: w.command } : { argv: ['cypress', 'run'] })],
  [/^actions-rs\/cargo@/, (w) => ({ argv: ['cargo', ...words(w.command), ...words(w.args)] })],
  [/^(?:actions-rs|auguwu)\/clippy(?:-check|-action)@/, () => ({ argv: ['cargo', 'clippy'] })],
  // rustfmt check actions: each runs `cargo fmt --check` and fails on unformatted code (blind round
  // 29, mCaptcha clippy-fmt.yml `actions-rust-lang/rustfmt@v1`).
  [
    /^(?:actions-rust-lang\/rustfmt|mbrubeck\/rustfmt-check|LoliGothick\/rustfmt-check|clechasseur\/rs-fmt-check)@/,
    () => ({ argv: ['cargo', 'fmt', '--check'] }),
  ],
  [/^(?:actions-rs|rustsec)\/audit-check@/, () => ({ argv: ['cargo', 'audit'] })],
  [/^EmbarkStudios\/cargo-deny-action@/, () => ({ argv: ['cargo', 'deny'] })],
  [
    /^(?:gradle\/gradle-build-action|gradle\/actions\/setup-gradle|eskatos\/gradle-command-action)@/,
    (w) => (w.arguments ? { argv: ['gradle', ...words(w.arguments)] } : {}),
  ],
  [/^paambaati\/codeclimate-action@/, (w) => (w.coverageCommand ? { shell: w.coverageCommand } : {})],
  [/^(?:nick-fields|nick-invision)\/retry@|^Wandalen\/wretry\.action@/, (w) => (w.command ? { shell: w.command } : {})],
  [/^(?:GabrielBB\/xvfb-action|coactions\/setup-xvfb)@/, (w) => (w.run ? { shell: w.run } : {})],
  // Runs `<custom-pytest> <custom-arguments>`; an input the caller fills from an expression is still pytest.
  [
    /^pavelzw\/pytest-action@/,
    (w) => ({
      shell: `${known(w['custom-pytest']) ?? 'pytest'} ${known(w['custom-arguments']) ?? ''}`.trim(),
    }),
  ],
  [/^ArtiomTr\/jest-coverage-report-action@/, (w) => ({ shell: w['test-script'] ?? 'npx jest' })],
  [/^mattallty\/jest-github-action@/, (w) => ({ shell: w['test-command'] ?? 'npm test' })],
  [
    /^julia-actions\/julia-runtest@/,
    () => ({ tools: [tool('Julia Pkg.test', ['test'], 'julia-actions/julia-runtest')] }),
  ],
  [/^php-actions\/(phpunit|phpstan|phpcs|phpmd)@/, (_w, ref) => ({ argv: [/^php-actions\/(\w+)@/.exec(ref)![1]!] })],
  [/^php-actions\/composer@/, (w) => (w.command ? { argv: ['composer', ...words(w.command)] } : {})],
  [/^aquasecurity\/trivy-action@/, () => ({ argv: ['trivy'] })],
  // Symfony's checker scans composer.lock against the PHP security advisories database.
  [/^symfonycorp\/security-checker-action@/, () => ({ argv: ['local-php-security-checker'] })],
  [/^aquasecurity\/tfsec-(?:action|pr-commenter-action)@/, () => ({ argv: ['tfsec'] })],
  [/^snyk\/actions\//, () => ({ argv: ['snyk', 'test'] })],
  [/^anchore\/scan-action@/, () => ({ argv: ['grype'] })],
  [/^(?:returntocorp|semgrep)\/semgrep-action@/, () => ({ argv: ['semgrep'] })],
  [/^gitleaks\/gitleaks-action@/, () => ({ argv: ['gitleaks'] })],
  [/^trufflesecurity\/trufflehog@/, () => ({ argv: ['trufflehog'] })],
  [/^GitGuardian\/ggshield-action@/i, () => ({ argv: ['ggshield', 'secret', 'scan', 'ci'] })],
  [/^pyupio\/safety-action@/i, () => ({ argv: ['safety', 'scan'] })],
  [/^bearer\/bearer-action@/i, () => ({ argv: ['bearer', 'scan', '.'] })],
  [/^kubescape\/github-action@/i, () => ({ argv: ['kubescape', 'scan'] })],
  [
    /^(?:ShiftLeftSecurity|shiftleft)\/scan-action@/i,
    () => ({ tools: [tool('ShiftLeft Scan', ['scan'], 'ShiftLeftSecurity/scan-action')] }),
  ],
  [/^jfrog\/frogbot@/i, () => ({ tools: [tool('JFrog Frogbot', ['scan'], 'jfrog/frogbot scans the dependencies')] })],
  [/^vapier\/coverity-scan-action@/i, () => ({ argv: ['cov-analyze'] })],
  [
    /^actions\/dependency-review-action@/,
    () => ({ tools: [tool('dependency review', ['scan'], 'actions/dependency-review-action')] }),
  ],
  [/^ossf\/scorecard-action@/, () => ({ tools: [tool('OpenSSF Scorecard', ['scan'], 'ossf/scorecard-action')] })],
  // FOSSA analyses the dependency tree for licence and vulnerability issues (`fossa analyze`; `fossa test` with run-tests).
  [/^fossas\/fossa-action@/, () => ({ tools: [tool('FOSSA', ['scan'], 'fossas/fossa-action runs fossa analyze')] })],
  // A shared reusable workflow of another repository named for the scanner it wraps
  // (`org/shared-workflows/.github/workflows/scorecard.yml@…`): its jobs cannot be read, its name says what it runs.
  [
    /^[\w.-]+\/[\w.-]+\/\.github\/workflows\/(?:[\w.-]*[-_.])?(?:scorecards?|codeql(?:-analysis)?|fossa)(?:[-_.][\w.-]*)?\.ya?ml@/i,
    (_w, ref) => {
      const file = /\/workflows\/([\w.-]+)@/.exec(ref)![1]!;
      const name = /scorecard/i.test(file) ? 'OpenSSF Scorecard' : /codeql/i.test(file) ? 'CodeQL' : 'FOSSA';
      return { tools: [tool(name, ['scan'], `reusable workflow ${ref.replace(/@[\s\S]*$/, '')} (named for ${name})`)] };
    },
  ],
  // Reusable workflows every Jenkins plugin calls: a CodeQL scan, and a Maven release.
  [
    /^jenkins-infra\/jenkins-security-scan\/\.github\/workflows\//,
    () => ({ tools: [tool('CodeQL', ['scan'], 'jenkins-infra/jenkins-security-scan runs CodeQL')] }),
  ],
  [
    /^jenkins-infra\/github-reusable-workflows\/\.github\/workflows\/maven-cd\.ya?ml@/,
    () => ({ tools: [tool('Maven deploy', ['release'], 'jenkins-infra maven-cd publishes the release')] }),
  ],
  [
    /^sonarsource\/(?:sonarcloud-github-action|sonarqube-scan-action|sonarcloud-github-c-cpp)@/i,
    () => ({ argv: ['sonar-scanner'] }),
  ],
  [/^zaproxy\/action-/, () => ({ tools: [tool('OWASP ZAP', ['scan'], 'zaproxy action')] })],
  [/^securego\/gosec@/, () => ({ argv: ['gosec'] })],
  [/^zizmorcore\/zizmor-action@/, () => ({ argv: ['zizmor'] })],
  [/^golang\/govulncheck-action@/, () => ({ argv: ['govulncheck'] })],
  [/^pypa\/gh-action-pip-audit@/, () => ({ argv: ['pip-audit'] })],
  [/^google\/osv-scanner-action/, () => ({ argv: ['osv-scanner'] })],
  [/^docker\/scout-action@/, () => ({ argv: ['docker', 'scout', 'cves'] })],
  [/^bridgecrewio\/checkov-action@/, () => ({ argv: ['checkov'] })],
  [/^checkmarx\/kics-github-action@/i, () => ({ argv: ['kics'] })],
  [
    /^microsoft\/security-devops-action@/,
    () => ({ tools: [tool('Microsoft Security DevOps', ['scan'], 'microsoft/security-devops-action')] }),
  ],
  [/^JetBrains\/qodana-action@/, () => ({ tools: [tool('Qodana', ['lint'], 'JetBrains/qodana-action')] })],
  [
    /^docker\/build-push-action@|^redhat-actions\/buildah-build@/,
    () => ({ tools: [tool('docker build', ['build'], 'docker/build-push-action')] }),
  ],
  // The Terraform actions run the subcommand their input names (`tf_actions_subcommand: apply` applies
  // with -auto-approve; `fmt` checks the layout, -check): blind round 22, influxdata/helm-charts.
  [
    /^hashicorp\/terraform-github-actions@/,
    (w) => {
      const sub = known(w.tf_actions_subcommand)?.trim();
      if (!sub || !/^[\w-]+$/.test(sub)) return {};
      const flags: Record<string, string[]> = { fmt: ['-check', '-recursive'], apply: ['-auto-approve'] };
      return { argv: ['terraform', sub, ...(flags[sub] ?? [])] };
    },
  ],
  [/^DavidAnson\/markdownlint-cli2-action@/, () => ({ argv: ['markdownlint-cli2'] })],
  // Helm chart repositories: releasing charts.
  [
    /^helm\/chart-releaser-action@/,
    () => ({
      tools: [
        tool('chart-releaser', ['build', 'release'], 'helm/chart-releaser-action packages and releases the charts'),
      ],
    }),
  ],
  [/^(?:appany|bsord|J12934)\/helm-push-action|^chartmuseum\/helm-push/, () => ({ argv: ['helm', 'push'] })],
  [
    /^[\w.-]+\/helm-gh-pages@|^appany\/helm-oci-chart-releaser@/,
    (_w, ref) => ({
      tools: [
        tool(
          'chart-releaser',
          ['build', 'release'],
          `${ref.replace(/@[\s\S]*$/, '')} packages and publishes the charts`,
        ),
      ],
    }),
  ],
  // Releases cut or published by an action.
  [
    /^(?:softprops\/action-gh-release|ncipollo\/release-action|actions\/create-release|marvinpinto\/action-automatic-releases)@/,
    (_w, ref) => ({ tools: [tool('GitHub release', ['release'], ref.replace(/@[\s\S]*$/, ''))] }),
  ],
  [
    /^(?:googleapis|google-github-actions)\/release-please-action@/,
    () => ({ tools: [tool('release-please', ['release'], 'release-please-action')] }),
  ],
  [/^cycjimmy\/semantic-release-action@/, () => ({ argv: ['semantic-release'] })],
  [/^python-semantic-release\/python-semantic-release@/, () => ({ argv: ['semantic-release', 'version'] })],
  [
    /^release-drafter\/release-drafter@/,
    () => ({ tools: [tool('Release Drafter', ['release'], 'release-drafter drafts the next release and its notes')] }),
  ],
  [
    /^taiki-e\/(?:create-gh-release-action|upload-rust-binary-action)@/,
    (_w, ref) => ({ tools: [tool('GitHub release', ['release'], ref.replace(/@[\s\S]*$/, ''))] }),
  ],
  [/^jreleaser\/release-action@/, (w) => ({ argv: ['jreleaser', ...words(w.arguments ?? 'full-release')] })],
  [/^changesets\/action@/, (w) => (w.publish ? { shell: w.publish } : { argv: ['changeset', 'version'] })],
  [/^magefile\/mage-action@/, (w) => ({ argv: ['mage', ...(w.args ? words(w.args) : [])] })],
  [/^goreleaser\/goreleaser-action@/, (w) => ({ argv: ['goreleaser', ...(w.args ? words(w.args) : ['release'])] })],
  [/^pypa\/gh-action-pypi-publish@/, () => ({ argv: ['twine', 'upload'] })],
  [/^JS-DevTools\/npm-publish@/, () => ({ argv: ['npm', 'publish'] })],
  // RubyGems' trusted-publishing action runs Bundler's `rake release`: it builds the gem, tags and pushes
  // it to rubygems.org, a release (blind round 48: its `environment: rubygems.org` taken for a deployment).
  [
    /^rubygems\/release-gem@/,
    (_w, ref) => ({
      tools: [tool('package publish', ['release'], `${ref.replace(/@[\s\S]*$/, '')} pushes the gem to RubyGems`)],
    }),
  ],
  // A publishing action named for its registry (`rohith/publish-nuget`, `brandedoutcast/publish-nuget`,
  // `pypi-publish`): it pushes the package when its version changes, a release (round 15, GuardClauses).
  [
    /^[\w.-]+\/(?:[\w.-]*[-_])?(?:publish[-_](?:nuget|npm|pypi|crates?|gems?|packages?)|(?:nuget|npm|pypi|crates?|gems?)[-_]publish)(?:[-_][\w.-]*)?@/i,
    (_w, ref) => ({
      tools: [tool('package publish', ['release'], `${ref.replace(/@[\s\S]*$/, '')} publishes the package`)],
    }),
  ],
  // A build tool's release action, shared as a sub-action of an organisation's templates
  // (`pagopa/github-actions-template/maven-release@…`, `owner/gradle-release-action@…`): it bumps
  // the version, tags and publishes the release (blind round 24, afm-calculator).
  [
    /^[\w.-]+\/(?:[\w.-]+\/)*(?:[\w-]*[-_])?(maven|gradle|sbt)[-_]release(?:[-_][\w.-]*)?@/i,
    (_w, ref) => ({
      tools: [
        tool(
          `${/gradle/i.test(ref) ? 'Gradle' : /sbt/i.test(ref) ? 'sbt' : 'Maven'} release`,
          ['release'],
          `${ref.replace(/@[\s\S]*$/, '')} versions, tags and releases the build`,
        ),
      ],
    }),
  ],
  // An IntelliJ code-style check in CI (`findologic/intellij-format-action`): formats the tree with
  // the project's IntelliJ style; `fail-on-changes: false` only reformats (blind round 24).
  [
    /^findologic\/intellij-format-action@/,
    (w) => ({
      tools: [
        {
          ...tool('IntelliJ formatter', ['format'], 'findologic/intellij-format-action'),
          ...(w['fail-on-changes'] === 'false' ? { mode: 'write' as const } : {}),
        },
      ],
    }),
  ],
  // Coverage uploads and floors.
  [/^codecov\/codecov-action@/, () => ({ argv: ['codecov'] })],
  [
    /^coverallsapp\/github-action@|^shogo82148\/actions-goveralls@|^[\w.-]+\/coveralls-[\w-]*action@/,
    () => ({ argv: ['coveralls'] }),
  ],
  [/^(?:py-cov-action|ewjoachim)\/python-coverage-comment-action@/, () => ({ argv: ['coverage', 'report'] })],
  [/^madrapps\/jacoco-report@/, () => ({ tools: [tool('JaCoCo report', ['coverage'], 'madrapps/jacoco-report')] })],
  [/^vladopajic\/go-test-coverage@/, () => ({ argv: ['go-test-coverage'] })],
  [
    /^irongut\/CodeCoverageSummary@/,
    (w) => coverageAction('CodeCoverageSummary', w.fail_below_min === 'true', w.thresholds?.split(/\s+/)[0]),
  ],
  [
    /^5monkeys\/cobertura-action@/,
    (w) => coverageAction('cobertura-action', w.fail_below_threshold === 'true', w.minimum_coverage),
  ],
  [
    /^zgosalvez\/github-actions-report-lcov@/,
    (w) => coverageAction('report-lcov', !!w['minimum-coverage'], w['minimum-coverage']),
  ],
  [/^orgoro\/coverage@/, (w) => coverageAction('orgoro/coverage', !!w.thresholdAll, w.thresholdAll)],
  // A step that runs a container image (`uses: docker://ghcr.io/php-cs-fixer/php-cs-fixer:3`) runs its
  // entrypoint with `args:`; a tool's image is named after the tool, so the image's last segment is
  // the program unless `entrypoint:` names another.
  [
    /^docker:\/\//,
    (w, ref) => {
      const image = ref.slice('docker://'.length).replace(/[@:][^/]*$/, '');
      const program = known(w.entrypoint) ?? image.slice(image.lastIndexOf('/') + 1);
      const args = known(w.args);
      return program ? { argv: [program, ...words(args)] } : {};
    },
  ],
  // SSH actions run their script on a server: one that deploys there (a deploy script, git pull,
  // compose up, a service restart, migrations) ships the service (blind round 10, djangogirls
  // deploy.yml:20, `appleboy/ssh-action` running `./deploy.sh` on release).
  [
    /^(?:appleboy\/ssh-action|garygrossgarten\/github-action-ssh|fifsky\/ssh-action|D3rHase\/ssh-command-action|cross-the-world\/ssh-pipeline)@/i,
    (w, ref) => {
      const script = w.script ?? w.command ?? w.script_path ?? '';
      const line = script.split('\n').find((l) => REMOTE_DEPLOY.test(l));
      const name = ref.replace(/@[\s\S]*$/, '');
      return line
        ? { tools: [tool(name, ['deploy'], `${name} runs \`${line.trim().slice(0, 80)}\` on the server over SSH`)] }
        : {};
    },
  ],
];

/** A coverage action: a floor when it fails the job below its minimum, else a report. */
function coverageAction(name: string, fails: boolean, min: string | undefined): ReturnType<Handler> {
  const n = min === undefined ? Number.NaN : Number.parseFloat(min);
  const threshold = Number.isFinite(n) ? (n <= 1 ? n * 100 : n) : undefined;
  return {
    tools: [
      {
        name,
        kinds: fails ? ['coverage', 'coverage-gate'] : ['coverage'],
        implied: fails ? `${name} fails the job below its minimum` : `${name} reports coverage`,
        ...(fails && threshold !== undefined ? { threshold } : {}),
      },
    ],
  };
}

const split = (s: string | undefined) => (s ?? '').split(/[\s,]+/).filter(Boolean);

/** Azure DevOps tasks, by their inputs (`DotNetCoreCLI@2` with `command: test`). */
/**
 * Words of an Azure DevOps task input. Azure expands `$(name)` macros before the task sees the
 * input and no shell reads it, so a macro is a value, not command substitution: read as shell,
 * `--configuration $(buildConfiguration) /p:CollectCoverage=true` lost every word after the first
 * macro (issue 15, blind round 4: coverlet's /p:CollectCoverage=true in a DotNetCoreCLI task unseen).
 */
const taskWords = (s: string | undefined) =>
  words(s?.replace(/\$\(([\w.-]+)\)/g, (_m, name: string) => `AZP_${name.replace(/\W/g, '_')}`));

export const TASKS: [RegExp, Handler][] = [
  [
    /^DotNetCoreCLI@/,
    (w) => {
      const cmd = (w.command ?? 'build').toLowerCase();
      return { argv: ['dotnet', ...(cmd === 'custom' ? taskWords(w.custom) : [cmd]), ...taskWords(w.arguments)] };
    },
  ],
  [/^(?:VSTest|VsTest)@/, () => ({ argv: ['vstest.console'] })],
  [/^Maven@/, (w) => ({ argv: ['mvn', ...split(w.goals ?? 'package'), ...taskWords(w.options)] })],
  [/^Gradle@/, (w) => ({ argv: ['gradle', ...split(w.tasks ?? 'build'), ...taskWords(w.options)] })],
  [
    /^Npm@/,
    (w) => {
      const cmd = (w.command ?? 'install').toLowerCase();
      return { argv: ['npm', ...(cmd === 'custom' ? taskWords(w.customCommand) : [cmd])], ...(w.workingDir ? {} : {}) };
    },
  ],
  [
    /^(?:Bash|ShellScript)@/,
    (w) =>
      w.filePath || w.scriptPath
        ? { argv: ['bash', w.filePath ?? w.scriptPath!, ...taskWords(w.arguments ?? w.args)] }
        : {},
  ],
  [/^PowerShell@/, (w) => (w.filePath ? { argv: ['pwsh', '-File', w.filePath, ...taskWords(w.arguments)] } : {})],
  [/^(?:MSBuild|VSBuild|XamarinAndroid|XamariniOS)@/, () => ({ argv: ['msbuild'] })],
  [/^Docker@/, (w) => (/build/i.test(w.command ?? 'buildAndPush') ? { argv: ['docker', 'build'] } : {})],
  [/^Xcode@/, (w) => ({ argv: ['xcodebuild', ...split(w.actions ?? 'build')] })],
  [/^(?:SonarQube|SonarCloud)(?:Analyze|Prepare)@/, () => ({ argv: ['sonar-scanner'] })],
  [/^(?:AdvancedSecurity-Codeql-Analyze)@/, () => ({ argv: ['codeql'] })],
  // GitHubRelease@0/@1: `action` create (the default) or edit publishes a release; delete removes one.
  [
    /^GitHubRelease@/,
    (w) =>
      /^delete$/i.test(w.action ?? '')
        ? {}
        : {
            tools: [
              tool(
                'GitHub release',
                ['release'],
                `GitHubRelease task (${w.action ?? 'create'})${w.addChangeLog === 'false' ? '' : ' with a change log of the commits since the last release'}`,
              ),
            ],
          },
  ],
  [
    /^PublishCodeCoverageResults@/,
    () => ({ tools: [tool('Azure code coverage', ['coverage'], 'PublishCodeCoverageResults task')] }),
  ],
  [
    /^BuildQualityChecks@/,
    (w) => coverageAction('BuildQualityChecks', w.checkCoverage === 'true', w.coverageThreshold),
  ],
  [
    /^(?:AdvancedSecurity-Dependency-Scanning|WhiteSource|Mend|SnykSecurityScan|dependency-check-build-task|CredScan|MicrosoftSecurityDevOps|ComponentGovernanceComponentDetection)@/i,
    (_w, ref) => ({ tools: [tool(ref.replace(/@[\s\S]*$/, ''), ['scan'], `Azure DevOps task ${ref}`)] }),
  ],
];
