/**
 * DigitalOcean App Platform app specs (`.do/app.yaml`, `spec.yaml`), read once for every rule that
 * asks: orchestration, continuous deployment (`deploy_on_push: true` under a service's
 * `github`/`gitlab` source), resource limits (`instance_size_slug`) and redundancy
 * (`instance_count`). Issue 15, blind round 43: one rule read the spec and another said "no platform
 * files".
 */
import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { isProductionPath } from './paths.js';

export const DO_APP_GLOBS = ['**/spec.yaml', '**/spec.yml', '.do/*.yaml', '.do/*.yml'];

/** A line of the spec: its 1-based number and its trimmed text. */
export interface SpecLine {
  line: number;
  text: string;
}

export interface DoAppSpec {
  path: string;
  /** `deploy_on_push: true`: the platform builds and deploys every push to the source branch. */
  deployOnPush?: SpecLine;
  /** The `branch:` of the source it deploys, when given. */
  branch?: string;
  /** `instance_size_slug:` lines: the size of each component's instances. */
  sizes: SpecLine[];
  /** Components (services, workers, jobs, static sites) of the spec. */
  components: number;
}

const COMPONENTS = /^(?:services|workers|jobs|static_sites|functions)[ \t]*:/m;
const DO_KEYS =
  /^[ \t]*(?:-[ \t]+)?(?:instance_size_slug|instance_count|dockerfile_path|http_port|deploy_on_push|environment_slug|source_dir)[ \t]*:/m;

/** Whether a file is a DigitalOcean App Platform app spec: top-level components and a key of its own. */
export function isDoAppSpec(text: string): boolean {
  return COMPONENTS.test(text) && DO_KEYS.test(text);
}

const MAX = 200_000;

function lines(text: string, re: RegExp): SpecLine[] {
  const out: SpecLine[] = [];
  const all = text.split('\n');
  for (let i = 0; i < all.length && out.length < 20; i++)
    if (re.test(all[i]!)) out.push({ line: i + 1, text: all[i]!.trim().slice(0, 120) });
  return out;
}

export function doAppSpecs(files: FileView): DoAppSpec[] {
  return memo(files, 'do-app-specs', () => readSpecs(files));
}

function readSpecs(files: FileView): DoAppSpec[] {
  return files
    .match(DO_APP_GLOBS)
    .filter(isProductionPath)
    .slice(0, 10)
    .flatMap((path) => {
      const raw = files.read(path);
      if (raw === undefined) return [];
      const text = raw.length > MAX ? raw.slice(0, MAX) : raw;
      if (!isDoAppSpec(text)) return [];
      const push = lines(text, /^[ \t]*deploy_on_push[ \t]*:[ \t]*(?:true|yes|on)[ \t]*(?:#.*)?$/i)[0];
      const branch = /^[ \t]*branch[ \t]*:[ \t]*["']?([\w./-]{1,100})/m.exec(text)?.[1];
      const components = lines(text, /^[ \t]*-[ \t]+name[ \t]*:/).length;
      return [
        {
          path,
          ...(push ? { deployOnPush: push } : {}),
          ...(branch ? { branch } : {}),
          sizes: lines(text, /^[ \t]*(?:-[ \t]+)?instance_size_slug[ \t]*:[ \t]*\S/),
          components,
        },
      ];
    });
}
