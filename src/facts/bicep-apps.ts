import type { FileView } from '../types.js';
import { memo } from '../util/memo.js';
import { isProductionPath } from './paths.js';

/** The Bicep files the container-app reading needs (rules list them in `reads`). */
export const BICEP_GLOBS = ['**/*.bicep'];

/** A setting of a Bicep container app: its written value, the number it resolves to, and where. */
export interface BicepSetting {
  raw: string;
  /** The value written or the parameter's default, unquoted (`1.0Gi`). */
  text: string;
  /** The number (a literal, or a `param NAME int = N` default in the same file); undefined when unresolved. */
  value?: number;
  line: number;
  /** `param NAME` when the value came from a parameter's default. */
  via?: string;
}

/** An Azure Container App (`Microsoft.App/containerApps`) declared in Bicep (not an `existing` reference). */
export interface BicepContainerApp {
  path: string;
  line: number;
  name: string;
  minReplicas?: BicepSetting;
  maxReplicas?: BicepSetting;
  /** The `resources: { cpu, memory }` of the template's containers. */
  cpu?: BicepSetting;
  memory?: BicepSetting;
  /** The line of `probes:` in the container template, when present. */
  probes?: number;
}

const RESOURCE = /^[ \t]*resource[ \t]+(\w{1,80})[ \t]+'Microsoft\.App\/containerApps@[\w.-]{1,40}'[ \t]*(existing\b)?/;
const MAX_FILES = 60;
const MAX_LINES = 4000;

/**
 * The Azure Container Apps of the production Bicep files: scale bounds (`scale: { minReplicas,
 * maxReplicas }`), container `resources` (cpu, memory) and `probes`, read line by line within the
 * resource's braces. Values from parameters are followed to the parameter's default in the same file.
 */
export function bicepContainerApps(files: FileView): BicepContainerApp[] {
  return memo(files, 'bicep:containerApps', () => {
    const out: BicepContainerApp[] = [];
    for (const path of files.match(BICEP_GLOBS).filter(isProductionPath).slice(0, MAX_FILES)) {
      const text = files.read(path);
      if (!text?.includes('Microsoft.App/containerApps')) continue;
      const lines = text.split('\n').slice(0, MAX_LINES);
      const params = paramDefaults(lines);
      // At most 20 apps a file: each one's braces are scanned to its end.
      for (let i = 0, seen = 0; i < lines.length && seen < 20; i++) {
        const m = RESOURCE.exec(lines[i]!);
        if (!m || m[2]) continue;
        seen++;
        const app: BicepContainerApp = { path, line: i + 1, name: m[1]! };
        let depth = 0;
        let opened = false;
        for (let j = i; j < lines.length; j++) {
          const line = lines[j]!;
          if (opened && depth > 0) {
            const set = /^[ \t]*(minReplicas|maxReplicas|cpu|memory)[ \t]*:[ \t]*(.{1,120}?)[ \t]*$/.exec(line);
            if (set && app[set[1] as 'cpu'] === undefined) app[set[1] as 'cpu'] = setting(set[2]!, j + 1, params);
            if (app.probes === undefined && /^[ \t]*probes[ \t]*:/.test(line)) app.probes = j + 1;
          }
          depth += braces(line);
          if (line.includes('{')) opened = true;
          if (opened && depth <= 0) {
            i = j;
            break;
          }
        }
        out.push(app);
      }
    }
    return out;
  });
}

/** The net count of `{` over `}` outside quoted strings and comments. */
function braces(line: string): number {
  let n = 0;
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '/' && line[k + 1] === '/') break;
    else if (!quoted && c === '{') n++;
    else if (!quoted && c === '}') n--;
  }
  return n;
}

/** `param NAME type = value` defaults of one file. */
function paramDefaults(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines) {
    const m = /^[ \t]*param[ \t]+(\w{1,80})[ \t]+\w{1,20}[ \t]*=[ \t]*(.{1,80}?)[ \t]*$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

function setting(raw: string, line: number, params: Map<string, string>): BicepSetting {
  const inner = /^json\((\w{1,80})\)$/.exec(raw)?.[1] ?? raw;
  const fromParam = /^\w+$/.test(inner) && !/^\d/.test(inner) ? params.get(inner) : undefined;
  const written = (fromParam ?? inner).replace(/^'(.*)'$/, '$1');
  const num = /^\d+(?:\.\d+)?$/.test(written) ? Number(written) : undefined;
  return {
    raw,
    text: written,
    ...(num !== undefined ? { value: num } : {}),
    line,
    ...(fromParam !== undefined ? { via: `param ${inner}` } : {}),
  };
}
