import { defineRule, type Evidence } from '../../src/types.js';
import { fail, partial, pass } from '../../src/engine/results.js';
import { ciFiles, CI_GLOBS, type CiCommand } from '../../src/facts/ci.js';
import { scannerRegex, scannerScripts } from './_lib/scanners.js';

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
      'CI jobs (GitHub Actions, GitLab CI, Azure Pipelines, CircleCI, Jenkins, …) that run or use a scanner from the `security-scanners` catalogue (CodeQL, Semgrep, Snyk, Trivy, Grype, Bandit, gosec, govulncheck, npm/yarn/pnpm audit, pip-audit, safety, OWASP Dependency-Check, gitleaks, trufflehog, Checkov, tfsec, KICS, SonarQube, cargo audit/deny, bundler-audit, Brakeman, …), directly or through an npm script or Makefile target. Scanner configuration without a CI job (`.snyk`, `sonar-project.properties`, `.gitleaks.toml`, pre-commit hooks) earns partial credit.',
    reads: [...CI_GLOBS, '**/package.json', 'Makefile', '.pre-commit-config.yaml'],
  },
  check(ctx) {
    const { files } = ctx;
    const re = scannerRegex(ctx.catalogue('security-scanners'));
    const ci = ciFiles(files);
    const direct: CiCommand[] = ci.flatMap((f) => f.commands.filter((c) => re.test(c.text)));
    // Orbs, includes and other keys outside the command model: scan the CI file's lines.
    if (direct.length === 0) {
      for (const f of ci) {
        (files.read(f.path) ?? '').split(/\r?\n/).forEach((raw, i) => {
          const t = raw.trim();
          if (t && !t.startsWith('#') && !t.startsWith('//') && re.test(t))
            direct.push({ text: t, kind: 'uses', path: f.path, line: i + 1 });
        });
      }
    }
    const scripts = scannerScripts(files, re);
    const viaScript = ci.flatMap((f) =>
      f.commands.flatMap((c) => scripts.filter((s) => s.invoked.test(c.text)).map((s) => ({ c, s }))),
    );
    const tools = new Set<string>();
    const evidence: Evidence[] = [];
    for (const c of direct.slice(0, 10)) {
      const tool = re.exec(c.text)![0];
      tools.add(tool.toLowerCase().replace(/\s+/g, ' '));
      evidence.push({
        path: c.path,
        line: c.line,
        snippet: c.text.slice(0, 160),
        note: `${tool}${c.job ? ` in job ${c.job}` : ''}`,
      });
    }
    for (const { c, s } of viaScript.slice(0, 5)) {
      tools.add(s.tool.toLowerCase());
      evidence.push({
        path: c.path,
        line: c.line,
        snippet: c.text.slice(0, 160),
        note: `runs ${s.name}${c.job ? ` in job ${c.job}` : ''}`,
      });
      evidence.push({ path: s.path, line: s.line, snippet: s.snippet, note: `${s.name} runs ${s.tool}` });
    }
    const data = { tools: [...tools].sort(), ciFiles: ci.length };
    if (evidence.length > 0) return pass(`CI runs ${[...tools].sort().join(', ')}.`, evidence, data);

    const configs = files
      .match(CONFIG_FILES)
      .slice(0, 5)
      .map((p): Evidence => ({ path: p, note: 'scanner configuration, but no CI job runs the scanner' }));
    const hooks = files.exists('.pre-commit-config.yaml') ? lines(files.read('.pre-commit-config.yaml') ?? '', re) : [];
    const local = [
      ...configs,
      ...hooks.slice(0, 3).map((h) => ({
        path: '.pre-commit-config.yaml',
        line: h.line,
        snippet: h.text,
        note: 'scanner in a pre-commit hook: runs only where hooks are installed',
      })),
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
        ? `no scanner in ${ci.length} CI file${ci.length === 1 ? '' : 's'}: ${ci.map((f) => f.path).join(', ')}`
        : 'no CI configuration found',
    };
    if (local.length > 0)
      return partial(0.5, 'Security scanners are configured but no CI job runs them.', [...local, searched], {
        ...data,
        configured: local.map((e) => e.path),
      });
    return fail(
      ci.length
        ? 'No CI job scans code or dependencies.'
        : 'No CI configuration, so nothing scans code or dependencies.',
      [searched],
      data,
    );
  },
});

function lines(text: string, re: RegExp): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .flatMap((t, i) => (!t.trim().startsWith('#') && re.test(t) ? [{ line: i + 1, text: t.trim() }] : []));
}
