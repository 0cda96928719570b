// What the audit's scan would read in TREE, read once into memory: for the scripts that time the
// pattern engine on the same inputs as the audit (profile-patterns.mjs, literal-engines.mjs).
import { PILLARS } from '../../dist/rules/index.js';
import { scanPlan } from '../../dist/src/engine/audit.js';
import { collectFacts, factPatterns } from '../../dist/src/facts/index.js';
import { compilePatterns } from '../../dist/src/scan/patterns.js';
import { planFiles } from '../../dist/src/scan/scanner.js';
import { DiskSource } from '../../dist/src/walk/disk-source.js';
import { decode, FileIndex } from '../../dist/src/walk/file-index.js';
import { listFiles } from '../../dist/src/walk/list.js';

/** The compiled pattern groups and every scanned file as [path, text, its compiled patterns]. */
export async function scanTexts(root) {
  const { paths } = await listFiles(root);
  const source = new DiskSource(root);
  const files = new FileIndex(paths, source);
  const plan = scanPlan(
    PILLARS.flatMap((p) => p.rules.map((r) => r.rule)),
    factPatterns(collectFacts(files), []),
  );
  const groups = compilePatterns(plan.patterns, { kind: 'automaton' });
  const items = [];
  const planned = planFiles(files.paths, groups, plan.keep, plan.digests);
  planned.at.forEach((j, n) => {
    const path = files.paths[j];
    const { compiled } = planned.shapes[planned.shape[n]];
    const bytes = source.readBytes(path, files.maxFileBytes);
    const text = typeof bytes === 'string' ? null : decode(bytes);
    if (typeof text === 'string' && compiled.length) items.push([path, text, compiled]);
  });
  return { groups, items };
}

// CPU time of this process, not wall time: other work on a shared machine does not count.
export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The least CPU time of three runs of `f`, in ms. */
export const best = (f) => {
  let ms = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const t0 = cpuMs();
    f();
    ms = Math.min(ms, cpuMs() - t0);
  }
  return ms;
};

/**
 * The tree and options of a script's command line (`node scripts/x.mjs TREE [--name value]…`):
 * prints `usage` and exits 2 without a tree.
 */
export function treeArgs(usage) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i === -1 ? fallback : args[i + 1];
  };
  const root = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!root) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { args, opt, root };
}
