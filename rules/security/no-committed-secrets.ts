import { defineRule, type Evidence, type Match } from '../../src/engine/types.js';
import { fail, partial, pass } from '../../src/engine/results.js';
import { basename } from '../../src/walk/glob.js';
import { isExamplePath, isTestPath } from '../_shared/paths.js';
import { redactLine } from '../_shared/redact.js';

/** Every text file except lockfiles and minified bundles, which hold hashes, not credentials. */
const TEXT = ['**/*'];

const KINDS: Record<string, string> = {
  aws: 'AWS access key ID',
  privateKey: 'private key',
  github: 'GitHub token',
  gitlab: 'GitLab token',
  slack: 'Slack token or webhook',
  stripe: 'Stripe live secret key',
  google: 'Google API key',
  jwtSecret: 'JWT signing secret in configuration',
};

const PLACEHOLDER = /EXAMPLE|example|x{6,}|X{6,}|\.\.\.|<[^>]*>|\$\{|\{\{|changeme|change-me|placeholder|your[-_]|dummy|fake|sample|redacted|REDACTED|0{8,}|1234567|abcdef|AAAAAAAA/;

export default defineRule({
  meta: {
    id: 'no-committed-secrets',
    title: 'No credentials are committed',
    failureTitle: 'Credentials are committed to the repository',
    description:
      'A credential in git history is a credential leaked to everyone who can read the repository, now and forever: forks, clones, CI logs and backups keep it after the line is deleted.',
    remediation:
      'Revoke and rotate every credential found, remove it from the code (and from history with git filter-repo if the repository was ever shared), load secrets from the environment or a secret manager, and add a secret scanner (gitleaks, trufflehog) to CI and pre-commit.',
    severity: 'critical',
    effort: 'medium',
    detection:
      'High-confidence patterns only: AWS access key IDs, PEM private key blocks, GitHub/GitLab/Slack tokens, Slack webhooks, Stripe live keys, Google API keys, JWT signing secrets in config files; committed `.env` files (not `.env.example`). Placeholders and documentation examples are ignored; evidence is redacted.',
    patterns: {
      aws: { regex: /\b((?:AKIA|ASIA)[0-9A-Z]{16})\b/, files: TEXT, literals: ['AKIA', 'ASIA'] },
      privateKey: { regex: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/, files: TEXT, literals: ['PRIVATE KEY'] },
      github: { regex: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/, files: TEXT, literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
      gitlab: { regex: /\b(glpat-[A-Za-z0-9_-]{20,})\b/, files: TEXT, literals: ['glpat-'] },
      slack: { regex: /\b(xox[baprs]-[0-9]{6,}-[0-9A-Za-z-]{10,}|https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{20,})/, files: TEXT, literals: ['xox', 'hooks.slack.com'] },
      stripe: { regex: /\b((?:sk|rk)_live_[0-9A-Za-z]{20,})\b/, files: TEXT, literals: ['_live_'] },
      google: { regex: /\b(AIza[0-9A-Za-z_-]{35})\b/, files: TEXT, literals: ['AIza'] },
      jwtSecret: {
        regex: /\b(?:jwt[_.-]?secret(?:[_.-]?key)?|JWT[_.]?SECRET(?:[_.]?KEY)?|jwtSecret|secret[_.-]?key[_.-]?base|SECRET_KEY)\b["']?\s*[:=]\s*["']?([A-Za-z0-9+/=_\-!@#$%^&*]{16,})["']?\s*$/m,
        files: ['**/*.{yml,yaml,json,properties,env,ini,toml,conf,cfg}', '**/.env', '**/.env.*', '**/settings.py', '**/config.py'],
        literals: ['jwt', 'JWT', 'SECRET_KEY', 'secret_key', 'secret-key'],
        maxPerFile: 5,
      },
    },
  },
  check(ctx) {
    const findings: { m: Match; kind: string; secret: string }[] = [];
    for (const kind of Object.keys(KINDS)) {
      for (const m of ctx.matches(kind)) {
        const secret = m.groups[0] ?? '';
        if (isLockOrBundle(m.path)) continue;
        if (kind !== 'privateKey' && PLACEHOLDER.test(secret)) continue;
        if (kind === 'privateKey' && /\.(pub|md|rst|txt)$/i.test(m.path)) continue;
        findings.push({ m, kind, secret });
      }
    }
    const envFiles = ctx.files.match(['**/.env', '**/.env.*', '**/*.env']).filter((p) => !/\.(example|sample|template|dist|defaults?|tmpl|tpl|schema|test|ci|local\.example)$/i.test(p) && !/example|sample|template/i.test(basename(p)));
    const serious = findings.filter((f) => !isTestPath(f.m.path) && !isExamplePath(f.m.path));
    const evidence: Evidence[] = [
      ...findings.slice(0, 20).map((f) => ({
        path: f.m.path,
        line: f.m.line,
        snippet: redactLine(f.m.snippet, f.kind === 'privateKey' ? '' : f.secret),
        note: `${KINDS[f.kind]}${serious.includes(f) ? '' : ' (in a test or example path)'}`,
      })),
      ...envFiles.slice(0, 5).map((p) => ({ path: p, note: 'a committed .env file: environment files hold real secrets and belong in .gitignore' })),
    ];
    const data = { findings: findings.length, inTestsOrExamples: findings.length - serious.length, envFiles: envFiles.length, byKind: countBy(findings.map((f) => f.kind)) };
    if (serious.length > 0 || envFiles.length > 0) {
      const n = serious.length + envFiles.length;
      return fail(`${n} committed credential${n === 1 ? '' : 's'} found (values redacted).`, evidence, data);
    }
    if (findings.length > 0) {
      return partial(0.5, `${findings.length} credential-like value${findings.length === 1 ? '' : 's'} in test or example files only; make sure they are not real.`, evidence, data);
    }
    return pass('No committed credentials found.', [{ path: '.', note: `no AWS, GitHub, GitLab, Slack, Stripe or Google credentials, private keys or .env files in ${ctx.searched('aws')} text files` }], data);
  },
});

function isLockOrBundle(path: string): boolean {
  return /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Cargo\.lock|go\.sum|composer\.lock|Gemfile\.lock)$|\.min\.(js|css)$|\.map$/.test(path);
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys.sort()) out[k] = (out[k] ?? 0) + 1;
  return out;
}
