/**
 * Evidence for dependencies, for rules that credit a library from the manifest: what counted,
 * and what was set aside and why (transitive, a version pin, declared but never imported), so a
 * reader sees that tenacity in a compiled requirements file was looked at and why it earned nothing.
 */
import type { Dependency, Evidence, Facts } from '../types.js';
import { isProductionPath } from './paths.js';

/** The declaration, with where production code imports it when that is known. */
export function dependencyEvidence(d: Dependency, note?: string): Evidence {
  const used = d.use === 'production' && d.usedAt ? `imported at ${d.usedAt.path}:${d.usedAt.line}` : '';
  const text = [note, used].filter(Boolean).join('; ');
  return {
    path: d.path,
    ...(d.line ? { line: d.line } : {}),
    snippet: `${d.name}${d.version ? ` ${d.version}` : ''}`,
    ...(text ? { note: text } : {}),
  };
}

/** Why a dependency that matches a catalogue does not count as the project's own, used library. */
export function whyNotCounted(d: Dependency): string | undefined {
  if (!d.direct && d.use !== 'production')
    return d.via?.startsWith('via ') || d.via === '// indirect'
      ? `pulled in by another package (${d.via}), not chosen by the project`
      : `only a ${d.via ?? 'transitive entry'}, not a declaration`;
  if (d.dev) return undefined;
  if (d.use === 'non-production')
    return `declared, but only ${d.usedAt && !isProductionPath(d.usedAt.path) ? `non-production code imports it (${d.usedAt.path}:${d.usedAt.line})` : 'tests or examples import it'}`;
  if (d.use === 'none') return 'declared, but no code imports it';
  return undefined;
}

/**
 * Catalogue dependencies that findDependencies leaves out (transitive, pins, unused), one per
 * name, as evidence notes: at most `limit`.
 */
export function setAside(facts: Facts, names: readonly string[], limit = 3): Evidence[] {
  const counted = new Set(facts.findDependencies(names).map((d) => d.name));
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const d of facts.findDependencies(names, { includeTransitive: true, includeUnused: true })) {
    if (counted.has(d.name) || seen.has(d.name)) continue;
    const why = whyNotCounted(d);
    if (!why) continue;
    seen.add(d.name);
    out.push(dependencyEvidence(d, `not counted: ${d.name} is ${why}`));
    if (out.length >= limit) break;
  }
  return out;
}
