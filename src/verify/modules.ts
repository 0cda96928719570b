/**
 * Packages named by their import path ("github.com/acme/proxy/internal/auth"): a Go module of the
 * repository declares the prefix, and the rest is a folder of it. Listed under a heading about tests,
 * the claim is that the package has tests — test files in that very folder.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { fileText } from './problems.js';

const modulesOf = new WeakMap<LookupContext, { module: string; dir: string }[]>();

/** The modules the repository's go.mod files declare, longest first. */
function goModules(ctx: LookupContext): { module: string; dir: string }[] {
  let out = modulesOf.get(ctx);
  if (out) return out;
  out = [];
  for (const path of ctx.files.paths.filter((p) => /(?:^|\/)go\.mod$/.test(p)).slice(0, 50)) {
    const module = /^module\s+(\S+)/m.exec(fileText(ctx, path) ?? '')?.[1];
    if (module) out.push({ module, dir: path.replace(/(?:^|\/)go\.mod$/, '') });
  }
  out.sort((a, b) => b.module.length - a.module.length);
  modulesOf.set(ctx, out);
  return out;
}

const ABOUT_TESTS = /\btests?\b|\btested\b|coverage|测试|測試|覆盖|テスト|pruebas|getestet/i;

/** "✅ github.com/acme/proxy/internal/auth" under "Packages with tests": the folder and its tests. */
export function importPathFinding(ctx: LookupContext, claim: Claim): Finding | null {
  const modules = goModules(ctx);
  if (!modules.length) return null;
  for (const token of claim.text.split(/[\s()（）,，;；]+/)) {
    const m = modules.find((x) => token === x.module || token.startsWith(`${x.module}/`));
    if (!m) continue;
    let rest = token.slice(m.module.length).replace(/^\//, '');
    // Trailing punctuation, a character at a time (a run of it matched at the end backtracks).
    while (/[.,:;]$/.test(rest)) rest = rest.slice(0, -1);
    const dir = [m.dir, rest].filter(Boolean).join('/');
    const inDir = ctx.files.paths.filter((p) => p.slice(0, p.lastIndexOf('/')) === dir || (!dir && !p.includes('/')));
    const base = { subject: `package ${token}`, basis: 'file' } as const;
    const go = inDir.filter((p) => p.endsWith('.go'));
    if (!go.length)
      return {
        ...base,
        present: 'no',
        detail: `no Go package at ${dir || '.'}/`,
        evidence: [{ path: dir || '.', note: 'no .go files in the folder' }],
      };
    if (!ABOUT_TESTS.test(`${claim.section ?? ''} ${claim.text}`))
      return { ...base, present: 'yes', detail: `the package is ${dir}/`, evidence: [{ path: go[0]! }] };
    const tests = go.filter((p) => p.endsWith('_test.go'));
    return tests.length
      ? {
          ...base,
          present: 'yes',
          detail: `${dir}/ has ${tests.length} test file${tests.length === 1 ? '' : 's'}`,
          evidence: tests.slice(0, 2).map((path) => ({ path })),
        }
      : {
          ...base,
          present: 'no',
          detail: `${dir}/ has no test files`,
          evidence: [{ path: go[0]!, note: `${go.length} Go files, none a _test.go` }],
        };
  }
  return null;
}
