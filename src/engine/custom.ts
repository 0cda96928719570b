/**
 * Declarative rules from the config's `custom:` key (DESIGN §3, §6): "these files exist", "these
 * files contain this pattern", "these dependencies are declared" — turned into ordinary rules, so
 * they scan in the same single pass, score and report like built-ins, with evidence.
 */
import type { Config, CustomRuleConfig } from '../config/schema.js';
import { UsageError } from '../util/errors.js';
import { fail, graded, listing, partial, pass, searched } from './results.js';
import { defineRule, type Evidence, type PillarId, type Rule } from '../types.js';

/** A rule that joins a pillar table from outside the built-in catalogue (custom or plugin). */
export interface ExtraRule {
  pillar: PillarId;
  weight: number;
  rule: Rule;
  /** Where it came from, for error messages: "custom[2]", "plugin ./tools/rules.js". */
  origin: string;
}

/** `shown` names the config file in errors, e.g. ".readiness.yml". */
export function customRules(config: Config, shown: string): ExtraRule[] {
  return (config.custom ?? []).map((c, i) => ({
    pillar: c.pillar,
    weight: c.weight,
    rule: customRule(c, `${shown}: custom[${i}]`),
    origin: `custom[${i}] (${shown})`,
  }));
}

export function customRule(c: CustomRuleConfig, where: string): Rule {
  const req = c.require;
  if (!req.files?.length && !req.contains && !req.dependencies?.length) {
    throw new UsageError(`${where}.require: name at least one of files, contains or dependencies`);
  }
  let regex: RegExp | undefined;
  if (req.contains) {
    try {
      regex = new RegExp(req.contains.pattern, 'm');
    } catch (err) {
      throw new UsageError(`${where}.require.contains.pattern: invalid regular expression: ${(err as Error).message}`);
    }
    if (!req.contains.files.length) throw new UsageError(`${where}.require.contains.files: name at least one glob`);
  }
  const wants = [
    req.files?.length ? `a file matching ${req.files.join(', ')}` : '',
    req.contains ? `/${req.contains.pattern}/ in ${req.contains.files.join(', ')}` : '',
    req.dependencies?.length ? `the dependencies ${req.dependencies.join(', ')}` : '',
  ].filter(Boolean);
  return defineRule({
    meta: {
      id: c.id,
      title: c.title,
      failureTitle: c.failureTitle ?? `Not met: ${c.title}`,
      description: c.description ?? `Custom rule from the configuration: requires ${listing(wants)}.`,
      remediation: c.remediation ?? `Add ${listing(wants)}.`,
      severity: c.severity,
      effort: c.effort,
      detection: `Declarative rule from the configuration: requires ${listing(wants)}.`,
      ...(regex && req.contains
        ? // A user's `contains` is plain text search: a licence header or a marker in a comment counts.
          { patterns: { contains: { regex, files: req.contains.files, maxPerFile: 5, guarded: true, comments: true } } }
        : {}),
    },
    check(ctx) {
      const evidence: Evidence[] = [];
      const parts: { name: string; found: boolean }[] = [];
      if (req.files?.length) {
        const found = ctx.files.match(req.files);
        parts.push({ name: `a file matching ${req.files.join(', ')}`, found: found.length > 0 });
        if (found.length)
          evidence.push(...found.slice(0, 5).map((p) => ({ path: p, note: `matches ${req.files!.join(', ')}` })));
        else evidence.push({ path: '.', note: `no file matches ${req.files.join(', ')}` });
      }
      if (req.contains) {
        const matches = ctx.matches('contains');
        parts.push({ name: `/${req.contains.pattern}/`, found: matches.length > 0 });
        if (matches.length)
          evidence.push(...matches.slice(0, 5).map((m) => ({ path: m.path, line: m.line, snippet: m.snippet })));
        else
          evidence.push(searched(`match of /${req.contains.pattern}/`, req.contains.files, ctx.searched('contains')));
      }
      for (const name of req.dependencies ?? []) {
        const deps = ctx.facts.findDependencies([name], { includeDev: true });
        parts.push({ name: `dependency ${name}`, found: deps.length > 0 });
        if (deps.length)
          evidence.push(
            ...deps.slice(0, 2).map((d) => ({
              path: d.path,
              ...(d.line ? { line: d.line } : {}),
              snippet: d.name,
              note: `declares ${name}`,
            })),
          );
        else evidence.push({ path: '.', note: `no manifest declares ${name}` });
      }
      const g = graded(parts);
      const data = { found: g.found, missing: g.missing };
      if (g.missing.length === 0) return pass(`Found ${listing(g.found)}.`, evidence, data);
      if (g.found.length === 0) return fail(`Missing ${listing(g.missing)}.`, evidence, data);
      return partial(g.score, `Found ${listing(g.found)}; missing ${listing(g.missing)}.`, evidence, data);
    },
  });
}
