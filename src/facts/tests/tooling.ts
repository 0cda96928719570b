/**
 * Code-quality tools (linters, formatters): where each is configured (config file, dependency,
 * a section of a shared config file found by a rule pattern) and whether a CI job runs it.
 */
import type { Evidence, RuleContext } from '../../types.js';
import { ciFiles, type CiCommand } from '../ci.js';
import { fromMatch } from '../paths.js';

export interface ToolSpec {
  name: string;
  /** Config files that alone show the tool is set up. */
  files?: string[];
  /** Dependencies (any ecosystem, exact or `prefix*`). */
  deps?: string[];
  /** A key of the rule's own patterns that finds the tool's config inside a shared file. */
  pattern?: string;
  /** A CI command or action that runs it. */
  ci: RegExp;
  /** pre-commit hook ids that run it (the rule declares a `hooks` pattern over .pre-commit-config.yaml). */
  hooks?: RegExp;
}

export interface FoundTool {
  name: string;
  evidence: Evidence;
  ci?: CiCommand;
}

const VENDORED = /(^|\/)(node_modules|vendor|third_party)\//;

export function findTools(
  ctx: RuleContext,
  specs: ToolSpec[],
  generic: RegExp,
): { tools: FoundTool[]; ciRuns: CiCommand[]; genericCi: CiCommand[] } {
  const commands = ciCommands(ctx);
  const hookMatches = specs.some((s) => s.hooks) ? ctx.matches('hooks') : [];
  const tools: FoundTool[] = [];
  const ciRuns: CiCommand[] = [];
  for (const spec of specs) {
    let evidence: Evidence | undefined;
    const file = spec.files ? ctx.files.match(spec.files).find((p) => !VENDORED.test(p)) : undefined;
    if (file) evidence = { path: file, note: `${spec.name} configuration` };
    if (!evidence && spec.pattern) {
      const m = ctx.matches(spec.pattern)[0];
      if (m) evidence = fromMatch(m, `${spec.name} configuration`);
    }
    const hook = spec.hooks ? hookMatches.find((m) => spec.hooks!.test(m.groups[0] ?? '')) : undefined;
    if (!evidence && hook) evidence = fromMatch(hook, `${spec.name} as a pre-commit hook`);
    if (!evidence && spec.deps) {
      const d = ctx.facts.findDependencies(spec.deps, { includeDev: true })[0];
      if (d)
        evidence = { path: d.path, ...(d.line ? { line: d.line } : {}), note: `${spec.name} (${d.name}) declared` };
    }
    const ci = commands.find((c) => spec.ci.test(c.text));
    if (ci) ciRuns.push(ci);
    if (!evidence && ci)
      evidence = { path: ci.path, line: ci.line, snippet: ci.text.slice(0, 160), note: `${spec.name} run in CI` };
    if (evidence) tools.push({ name: spec.name, evidence, ...(ci ? { ci } : {}) });
  }
  // `npm run lint`, `make lint`, `pre-commit run`: a project script that runs the configured tools.
  const genericCi = commands.filter((c) => c.kind === 'run' && generic.test(c.text));
  return { tools, ciRuns, genericCi };
}

/**
 * CI commands, plus the lines of repository scripts that CI steps invoke (`./build.ps1`,
 * `bash scripts/test.sh`): many projects keep the real commands there. Script lines keep the
 * invoking job.
 */
export function ciCommands(ctx: RuleContext): CiCommand[] {
  const direct = ciFiles(ctx.files).flatMap((f) => f.commands);
  const out = [...direct];
  const seen = new Set<string>();
  for (const c of direct) {
    if (c.kind !== 'run') continue;
    for (const m of c.text.matchAll(
      /(?:^|[\s;&|(])(?:(?:pwsh|powershell|bash|sh|\.)\s+(?:-\w+\s+)*)?\.?\/?([\w./-]+\.(?:sh|ps1|bash))\b/g,
    )) {
      const path = m[1]!.replace(/^\.\//, '');
      if (seen.has(path) || !ctx.files.exists(path)) continue;
      seen.add(path);
      (ctx.files.read(path) ?? '').split(/\r?\n/).forEach((line, i) => {
        const text = line.trim();
        if (text && !text.startsWith('#'))
          out.push({ text, kind: 'run', path, line: i + 1, ...(c.job ? { job: c.job } : {}) });
      });
    }
  }
  // `make coverage`: the recipe lines of the named targets (and their prerequisites, one level).
  for (const c of direct) {
    const mk = c.kind === 'run' ? /\bmake\s+((?:-[\w-]+\s+)*)([\w.-]+(?:\s+[\w.-]+)*)/.exec(c.text) : null;
    if (!mk) continue;
    const dir = /-C\s+(\S+)/.exec(mk[1] ?? '')?.[1];
    const makefile = [dir ? `${dir.replace(/\/$/, '')}/Makefile` : 'Makefile', 'makefile', 'GNUmakefile'].find((p) =>
      ctx.files.exists(p),
    );
    if (!makefile) continue;
    const lines = (ctx.files.read(makefile) ?? '').split(/\r?\n/);
    const recipe = (target: string, depth: number): void => {
      const key = `${makefile}:${target}`;
      if (seen.has(key) || depth > 1) return;
      seen.add(key);
      const at = lines.findIndex((l) => new RegExp(`^${target.replace(/[.]/g, '\\.')}\\s*:(?!=)`).test(l));
      if (at < 0) return;
      for (const pre of lines[at]!.replace(/^[^:]*:/, '')
        .split(/\s+/)
        .filter((t) => /^[\w.-]+$/.test(t)))
        recipe(pre, depth + 1);
      for (let i = at + 1; i < lines.length && /^\t/.test(lines[i]!); i++) {
        const text = lines[i]!.trim().replace(/^[@-]+/, '');
        if (text && !text.startsWith('#'))
          out.push({ text, kind: 'run', path: makefile, line: i + 1, ...(c.job ? { job: c.job } : {}) });
      }
    };
    for (const t of mk[2]!.split(/\s+/)) recipe(t, 0);
  }
  return out;
}

export function ciEvidence(c: CiCommand, note: string): Evidence {
  return {
    path: c.path,
    line: c.line,
    snippet: c.text.slice(0, 160),
    note: `${note}${c.job ? ` (job ${c.job})` : ''}`,
  };
}
