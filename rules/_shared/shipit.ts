/**
 * Shopify Shipit (shipit-engine) deploys a repository from its `shipit.yml` (or the stack's
 * `shipit.<environment>.yml`): `deploy: override:` lists the commands a deploy runs, `rollback:
 * override:` those a rollback runs (without it, a rollback runs the deploy steps on the earlier
 * commit: Shipit's Rollback is a Deploy of an older revision), `kubernetes:` deploys with krane.
 * Deploys and rollbacks are started from Shipit (by hand or continuously on each push, a stack
 * setting kept in Shipit, not here); the file is where the repository says how it ships.
 * (Blind round 25, rubygems.org shipit.yml:9-15.) Not the Node.js `shipit-cli` (shipitfile.js).
 */
import type { FileView } from '../../src/types.js';
import { parseYamlWithLines } from '../../src/util/yaml-lines.js';

export interface ShipitStep {
  path: string;
  line: number;
  /** The first command (krane deploy …), or what the `kubernetes:` key deploys. */
  text: string;
}

export interface Shipit {
  path: string;
  deploy?: ShipitStep;
  /** An explicit `rollback:` of the file; undefined when Shipit reruns the deploy steps. */
  rollback?: ShipitStep;
}

const rec = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function step(
  path: string,
  doc: { value: unknown; lineOf(p: (string | number)[]): number | undefined },
  key: string,
): ShipitStep | undefined {
  const o = rec(rec(doc.value)?.[key]);
  const cmds = o?.override;
  if (Array.isArray(cmds)) {
    const i = cmds.findIndex((c) => typeof c === 'string' && c.trim() && !/^(?:true|:|echo\b)/.test(c.trim()));
    if (i >= 0) {
      const line = doc.lineOf([key, 'override', i]) ?? doc.lineOf([key]) ?? 1;
      return { path, line, text: (cmds[i] as string).trim() };
    }
  }
  return undefined;
}

/** The Shipit deploy files at the root, each with its deploy and rollback commands when written out. */
export function shipitConfigs(files: FileView): Shipit[] {
  const out: Shipit[] = [];
  for (const path of files.match(['shipit.yml', 'shipit.*.yml', 'shipit.yaml', 'shipit.*.yaml']).slice(0, 6)) {
    const text = files.read(path);
    if (!text) continue;
    const parsed = parseYamlWithLines(text);
    const doc = parsed.docs[0];
    if (!doc || parsed.error) continue;
    let deploy = step(path, doc, 'deploy');
    const kube = rec(rec(doc.value)?.kubernetes);
    if (!deploy && kube && typeof kube.namespace === 'string')
      deploy = {
        path,
        line: doc.lineOf(['kubernetes']) ?? 1,
        text: `kubernetes: namespace ${kube.namespace} (krane deploy)`,
      };
    const rollback = step(path, doc, 'rollback');
    if (deploy || rollback) out.push({ path, ...(deploy ? { deploy } : {}), ...(rollback ? { rollback } : {}) });
  }
  return out;
}
