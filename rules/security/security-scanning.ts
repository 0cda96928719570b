import { defineRule, type CommandRun, type Evidence } from '../../src/types.js';
import { fail, partial, pass, unknown } from '../../src/engine/results.js';
import { ciFiles, CI_GLOBS, manualOnly } from '../../src/facts/ci.js';
import { runEvidence, unfollowedWorkflows } from '../../src/facts/commands/index.js';
import { banditSelected, golangciGosec, ruffBandit, scannerOf, scannerRegex, scannerScripts } from './_lib/scanners.js';

/** Files that configure a scanner; without a CI job running it they earn partial credit. */
const CONFIG_FILES = [
  '.snyk',
  '.semgrep.yml',
  '.semgrep.yaml',
  '.semgrep/**',
  'semgrep.yml',
  'sonar-project.properties',
  '.sonarcloud.properties',
  '.gitleaks.toml',
  'gitleaks.toml',
  '.trivyignore',
  'trivy.yaml',
  '.trivy.yaml',
  '.bandit',
  'bandit.yaml',
  '.github/codeql/**',
  '.checkov.yml',
  '.checkov.yaml',
  '.tfsec/**',
  '.safety-policy.yml',
  'deny.toml',
  '.grype.yaml',
  '.secrets.baseline',
  '.trufflehog.yml',
  'kics.config',
  'dependency-check-suppression*.xml',
  '.bundler-audit.yml',
  'osv-scanner.toml',
];

/**
 * Steps of a scanner's action family that install it or upload results (`codeql-action/init`,
 * `upload-sarif` of another tool's findings, `setup-trivy`): named like a scanner, they scan nothing.
 */
const SETUP_ONLY = /\/(?:init|autobuild|upload-sarif)@|(?:^|[/-])setup(?:-[\w-]+)?@|\/setup\b|download-\w+@/i;

/** Code Climate engines/plugins that scan for vulnerabilities (the rest rate maintainability). */
const CODECLIMATE_SCANNERS = new Set(['brakeman', 'bundler-audit', 'nodesecurity']);

/**
 * Security engines enabled in .codeclimate.yml (`engines:` in version 1, `plugins:` in version 2):
 * the hosted Code Climate service runs them on every push and pull request of a connected
 * repository, as SonarCloud does with its own configuration (blind round 36: plots2's brakeman and
 * bundler-audit engines were not seen).
 */
function codeClimateScanners(files: {
  match(globs: string[]): string[];
  readYaml<T>(path: string): { ok: boolean; value?: T };
  lines(path: string): { count: number; bare(n: number): string } | undefined;
}): Evidence[] {
  const out: Evidence[] = [];
  for (const path of files.match(['.codeclimate.yml', '.codeclimate.yaml']).slice(0, 1)) {
    const doc = files.readYaml<Record<string, unknown>>(path);
    const root = doc.ok && doc.value && typeof doc.value === 'object' ? doc.value : undefined;
    if (!root) continue;
    const lines = files.lines(path);
    for (const key of ['plugins', 'engines']) {
      const table = root[key];
      if (!table || typeof table !== 'object' || Array.isArray(table)) continue;
      for (const [name, v] of Object.entries(table as Record<string, unknown>)) {
        const on = v === true || (v && typeof v === 'object' && (v as { enabled?: unknown }).enabled === true);
        if (!on || !CODECLIMATE_SCANNERS.has(name.toLowerCase())) continue;
        let line: number | undefined;
        for (let n = 1; lines && n <= Math.min(lines.count, 2000); n++)
          if (lines.bare(n).trim().startsWith(`${name}:`)) {
            line = n;
            break;
          }
        out.push({
          path,
          ...(line ? { line } : {}),
          snippet: name,
          note: `Code Climate ${key.slice(0, -1)} ${name} enabled: the hosted service runs it on pushes and pull requests, not a CI job here`,
        });
      }
    }
  }
  return out;
}

/** Scanners of CI workflow files only (lower-cased as the tools found). */
const WORKFLOW_ONLY = new Set(['zizmor', 'octoscan', 'poutine']);

export default defineRule({
  meta: {
    id: 'security-scanning',
    scope: 'repository',
    title: 'CI scans code or dependencies for vulnerabilities',
    failureTitle: 'No security scanning in CI',
    description:
      'Static analysis (SAST), dependency audits (SCA), secret scanning and IaC scanning catch known vulnerabilities before they ship. They only protect what they run on, so they belong in CI, not on one laptop.',
    remediation:
      'Add a scanning job to CI: GitHub CodeQL or Semgrep for code, `npm audit`/pip-audit/govulncheck/cargo audit/Trivy/Snyk/OWASP Dependency-Check for dependencies, gitleaks for secrets, Checkov/tfsec for infrastructure code.',
    severity: 'medium',
    effort: 'low',
    detection:
      'CI jobs (GitHub Actions, GitLab CI, Azure Pipelines, CircleCI, Jenkins, …) that run or use a scanner from the `security-scanners` catalogue (CodeQL, Semgrep, Snyk, Trivy, Grype, Bandit, gosec, govulncheck, npm/yarn/pnpm audit, pip-audit, safety, OWASP Dependency-Check, gitleaks, trufflehog, Checkov, tfsec, KICS, SonarQube, FOSSA, cargo audit/deny, bundler-audit, Brakeman, Sobelow, mix deps.audit/hex.audit, ggshield, secretlint, Bearer, Kubescape, JFrog `jf audit`, Coverity, Psalm `--taint-analysis`, Sonatype OSS Index `ossindex:audit`/`ossIndexAudit`, …), followed through package scripts, make/just/task targets, scripts, tox/nox, composite and reusable workflows, marketplace actions (CodeQL, Trivy, Snyk, Semgrep, gitleaks, ggshield, Safety, Bearer, Kubescape, ShiftLeft Scan, Frogbot, dependency review, OpenSSF Scorecard, FOSSA), shared reusable workflows of another repository named for the scanner (`…/.github/workflows/scorecard.yml@`, `codeql.yml`), Azure tasks, CircleCI orbs and GitLab security templates. golangci-lint with gosec enabled (or every linter enabled, `default: all`/`enable-all: true`, without disabling gosec) and Ruff with the Bandit rules selected (`select`/`extend-select` naming `S`, a group of it or a security code such as `S105` — not `S101` alone, an assert ban — in pyproject.toml or ruff.toml, or on the command line) count as the scanner wherever CI runs them. Scanner configuration without a CI job (`.snyk`, `sonar-project.properties`, `.gitleaks.toml`, pre-commit hooks) earns partial credit, as do security engines (brakeman, bundler-audit, nodesecurity) enabled in .codeclimate.yml, which the hosted Code Climate service runs.',
    reads: [...CI_GLOBS, '**/package.json', 'Makefile', '**/.golangci.{yml,yaml}'],
  },
  check(ctx) {
    const { files } = ctx;
    const re = scannerRegex(ctx.catalogue('security-scanners'));
    const ci = ciFiles(files);
    const graph = ctx.facts.commands;
    // A workflow started only by hand scans when someone remembers to: not CI scanning.
    const manual = new Set(ci.filter(manualOnly).map((f) => f.path));
    const found: { run: CommandRun; tool: string }[] = [];
    const byHand: { run: CommandRun; tool: string }[] = [];
    for (const run of graph.runs) {
      const tool = run.origin.kind === 'ci' ? scannerOf(run, re) : undefined;
      if (tool) (manual.has(run.origin.path) ? byHand : found).push({ run, tool });
    }
    // golangci-lint with gosec enabled in its config scans wherever CI runs golangci-lint, also
    // through a shared lint workflow of another repository that reads this config (blind round 33:
    // vhs's lint.yml calls charmbracelet/meta's lint workflow with `.golangci.yml`; linting credits it).
    const sharedLint = (run: CommandRun) => run.tools.some((t) => t.name === 'lint workflow');
    const gosec = golangciGosec(files);
    if (gosec)
      for (const run of graph.runs)
        if (run.origin.kind === 'ci' && run.tools.some((t) => t.name === 'golangci-lint' || t.name === 'lint workflow'))
          (manual.has(run.origin.path) ? byHand : found).push({
            run,
            tool: sharedLint(run) ? 'gosec (security linter in the shared lint workflow)' : 'gosec',
          });
    // Ruff with the Bandit rules (S) selected is a SAST scan wherever CI runs `ruff check`
    // (`ruff format` is a formatter); a `--select`/`--extend-select` naming S on the line does too.
    const bandit = ruffBandit(files);
    for (const run of graph.runs) {
      if (run.origin.kind !== 'ci') continue;
      if (bandit && sharedLint(run) && !run.tools.some((t) => t.name === 'Ruff')) {
        (manual.has(run.origin.path) ? byHand : found).push({
          run,
          tool: 'Ruff (Bandit rules, security linter in the shared lint workflow)',
        });
        continue;
      }
      if (!run.tools.some((t) => t.name === 'Ruff')) continue;
      const argv = run.argv.join(' ');
      const selects = [...argv.matchAll(/--(?:extend-)?select[= ]([^\s]+)/g)].some((m) =>
        banditSelected(m[1]!.replace(/["']/g, '').split(',')),
      );
      if (bandit || selects) (manual.has(run.origin.path) ? byHand : found).push({ run, tool: 'Ruff (Bandit rules)' });
    }
    // An action or task the catalogue names (a `detect:` addition) that the graph has no handler for.
    const actions = ci.flatMap((f) =>
      f.commands.filter(
        (c) =>
          c.kind === 'uses' &&
          re.test(c.text) &&
          !SETUP_ONLY.test(c.text) &&
          !manual.has(c.path) &&
          !found.some((x) => x.run.chain[0]?.path === c.path && x.run.chain[0]?.line === c.line),
      ),
    );
    const tools = new Set<string>();
    const evidence: Evidence[] = [];
    const cited = new Set<string>();
    for (const { run, tool } of found) {
      const key = `${run.origin.path}#${run.origin.job}#${run.chain[0]?.line}#${tool}`;
      tools.add(tool.toLowerCase());
      if (cited.has(key) || evidence.length >= 10) continue;
      cited.add(key);
      evidence.push({
        ...runEvidence(run, `runs ${tool}`, 'scan'),
        ...(run.tools.length ? {} : { note: `job ${run.origin.job ?? '(default)'} runs ${tool}` }),
      });
    }
    for (const c of actions.slice(0, 5)) {
      const tool = re.exec(c.text)![0];
      tools.add(tool.toLowerCase());
      evidence.push({
        path: c.path,
        line: c.line,
        snippet: c.text.slice(0, 160),
        note: `${tool}${c.job ? ` in job ${c.job}` : ''}`,
      });
    }
    if (bandit && found.some((x) => x.tool.startsWith('Ruff (Bandit rules')) && evidence.length < 11)
      evidence.push({ ...bandit, note: 'Ruff selects the Bandit rules (S), so ruff check runs them' });
    if (gosec && found.some((x) => x.tool.startsWith('gosec')) && evidence.length < 11)
      evidence.push({
        ...gosec,
        note: gosec.note ?? 'gosec enabled in the golangci-lint config, so golangci-lint runs it',
      });
    const advisory = found.length > 0 && found.every((x) => x.run.advisory) && actions.length === 0;
    const data = { tools: [...tools].sort(), ciFiles: ci.length, ...(advisory ? { advisory: true } : {}) };
    // zizmor, octoscan and poutine audit GitHub Actions workflows (template injection, permissions,
    // unpinned actions), not the code or its dependencies: workflow scanning, partial at most
    // (blind round 32, a Go service whose only scan was zizmor).
    if (evidence.length > 0 && [...tools].every((t) => WORKFLOW_ONLY.has(t)))
      return partial(
        0.3,
        `CI runs only ${[...tools].sort().join(', ')}, which scans the GitHub Actions workflows (injection, permissions, pinning), not the code or its dependencies.`,
        evidence,
        { ...data, workflowOnly: true },
      );
    if (evidence.length > 0)
      return pass(
        `CI runs ${[...tools].sort().join(', ')}${advisory ? ' (advisory: a finding does not fail the job)' : ''}.`,
        evidence,
        data,
      );

    const configs = files
      .match(CONFIG_FILES)
      .slice(0, 5)
      .map((p): Evidence => ({ path: p, note: 'scanner configuration, but no CI job runs the scanner' }));
    const hooks = graph.runs
      .filter((r) => r.origin.kind === 'hook' && scannerOf(r, re))
      .slice(0, 3)
      .map((r) => ({
        ...runEvidence(r, `runs ${scannerOf(r, re)}`, 'scan'),
        note: `${scannerOf(r, re)} in a ${r.origin.system} hook: runs only where hooks are installed`,
      }));
    const hosted = codeClimateScanners(files);
    const scripts = scannerScripts(files, re);
    const manualActions = ci
      .filter((f) => manual.has(f.path))
      .flatMap((f) => f.commands.filter((c) => c.kind === 'uses' && re.test(c.text) && !SETUP_ONLY.test(c.text)));
    const onDemand: Evidence[] = [
      ...byHand.slice(0, 3).map(({ run, tool }) => ({
        ...runEvidence(run, `runs ${tool}`, 'scan'),
        note: `${tool} in ${run.origin.path}, which runs only when started by hand (workflow_dispatch)`,
      })),
      ...manualActions.slice(0, 3).map((c) => ({
        path: c.path,
        line: c.line,
        snippet: c.text.slice(0, 160),
        note: `${re.exec(c.text)![0]} in a workflow that runs only when started by hand (workflow_dispatch)`,
      })),
    ];
    const local = [
      ...onDemand,
      ...configs,
      ...hosted,
      ...hooks,
      ...scripts.slice(0, 3).map((s) => ({
        path: s.path,
        line: s.line,
        snippet: s.snippet,
        note: `${s.name} runs ${s.tool}, but no CI job invokes it`,
      })),
    ];
    const searched: Evidence = {
      path: '.',
      note: ci.length
        ? `no scanner among the commands that ${ci.length} CI file${ci.length === 1 ? ' runs' : 's run'} (${ci.map((f) => f.path).join(', ')}), followed through scripts, targets and actions`
        : 'no CI configuration found',
    };
    if (onDemand.length > 0)
      return partial(
        0.5,
        'A security scan exists but runs only when started by hand (workflow_dispatch): no push, pull request or schedule runs it.',
        [...local, searched],
        { ...data, configured: local.map((e) => e.path) },
      );
    if (local.length > 0 && local.length === hosted.length)
      return partial(
        0.5,
        `Security scanners run on the hosted Code Climate service (${hosted.map((e) => e.snippet).join(', ')} enabled in ${hosted[0]!.path}), not in a CI job here.`,
        [...local, searched],
        { ...data, configured: [hosted[0]!.path] },
      );
    if (local.length > 0)
      return partial(0.5, 'Security scanners are configured but no CI job runs them.', [...local, searched], {
        ...data,
        configured: local.map((e) => e.path),
      });
    // A Jenkins shared library's pipeline step (`withPipeline(…)`) runs stages of another repository,
    // commonly a dependency check and a code scan: not known here, so not missing (blind round 28).
    const library = unfollowedWorkflows(ctx.facts.commands, /^Jenkins shared library/);
    if (library.length > 0)
      return unknown(
        `No scanner among the commands CI runs here, but the Jenkins pipeline hands its stages to a shared library of another repository (${library
          .map((e) => e.snippet?.replace(/\s*\(.*$/s, ''))
          .join(', ')}); whether it scans is not known here.`,
        [...library, searched],
        data,
      );
    return fail(
      ci.length
        ? 'No CI job scans code or dependencies.'
        : 'No CI configuration, so nothing scans code or dependencies.',
      [searched],
      data,
    );
  },
});
