/**
 * A worker's liveness without HTTP: the process writes a heartbeat file on a schedule and the
 * container's liveness check (a Dockerfile `HEALTHCHECK`, a Kubernetes or compose `exec` probe)
 * runs a command that tests the file's age (`find /tmp/app-healthy -mmin -1`, `stat -c %Y …`).
 * Read from the check's command and the file path it tests; the path must also be named by the
 * production code or its configuration (the writer). Bounded: at most a few hundred small files.
 */
import type { Evidence, FileView } from '../../src/types.js';
import { dockerfilePaths } from '../../src/facts/dockerfile.js';
import { isProductionPath } from '../../src/facts/paths.js';
import { memo } from '../../src/util/memo.js';

/** A command testing a file's age: `find PATH … -mmin/-mtime/-newer…`, `stat … PATH`, `test PATH -nt …`. */
const AGE_TEST =
  /\bfind\s+(\/[\w./-]{1,200})\s[^\n]{0,120}?-(?:mmin|mtime|newer\w*)\b|\bstat\s+(?:-\w+\s+(?:['"]?%\w['"]?\s+)?){0,3}(\/[\w./-]{1,200})/;
/** Where liveness commands are written besides the Dockerfiles: shell scripts, manifests and compose files. */
const CHECK_FILES = ['**/*.sh', '**/*.{yml,yaml}'];
/** Where the writer names the file: production code and its configuration. */
const WRITER_FILES = ['**/*.{java,kt,scala,go,py,js,ts,rb,cs,rs,ex,exs}', '**/*.{yml,yaml,properties,toml,json,conf}'];
const MAX_FILES = 400;
const MAX_CHARS = 200_000;

export interface HeartbeatLiveness {
  /** The file the check tests. */
  file: string;
  /** The check command (script, HEALTHCHECK or probe line). */
  check: Evidence;
  /** Where the production code or configuration names the file. */
  writer: Evidence;
  /** The HEALTHCHECK or exec probe that runs the check, when the check is a script; itself when inline. */
  wired?: Evidence;
}

/** The line of `index` in `path` (the index's shared line table) and that line, trimmed. */
function located(files: FileView, path: string, index: number): { line: number; snippet: string } {
  const lines = files.lines(path);
  const line = lines ? lines.lineAt(index) : 1;
  return { line, snippet: (lines?.line(line) ?? '').trim().slice(0, 160) };
}

/** Once per audit: health-endpoints and health-checks both ask. */
export function heartbeatLiveness(files: FileView): HeartbeatLiveness | undefined {
  return memo(files, 'heartbeat-liveness', () => find(files));
}

function find(files: FileView): HeartbeatLiveness | undefined {
  // The Dockerfiles every rule reads (dockerfilePaths), not a name list of its own.
  const dockerfiles = new Set(dockerfilePaths(files));
  const checkPaths = [...dockerfiles, ...files.match(CHECK_FILES)].filter(isProductionPath).sort().slice(0, MAX_FILES);
  const checks: { path: string; line: number; snippet: string; file: string }[] = [];
  for (const p of checkPaths) {
    const text = (files.read(p) ?? '').slice(0, MAX_CHARS);
    const m = AGE_TEST.exec(text);
    if (!m) continue;
    const file = m[1] ?? m[2]!;
    checks.push({ path: p, ...located(files, p, m.index), file });
    if (checks.length >= 5) break;
  }
  if (checks.length === 0) return undefined;
  const writers = files
    .match(WRITER_FILES)
    .filter((p) => isProductionPath(p) && !checks.some((c) => c.path === p))
    .slice(0, MAX_FILES * 5);
  for (const c of checks) {
    let writer: Evidence | undefined;
    for (const p of writers) {
      const text = (files.read(p) ?? '').slice(0, MAX_CHARS);
      const i = text.indexOf(c.file);
      if (i < 0) continue;
      writer = { path: p, ...located(files, p, i), note: `the heartbeat file ${c.file} the application writes` };
      break;
    }
    if (!writer) continue;
    const check: Evidence = {
      path: c.path,
      line: c.line,
      snippet: c.snippet,
      note: `liveness check: tests the age of ${c.file}`,
    };
    const inline = /\.ya?ml$/i.test(c.path) || dockerfiles.has(c.path);
    if (inline && /HEALTHCHECK|exec|livenessProbe|healthcheck/i.test(files.read(c.path) ?? ''))
      return { file: c.file, check, writer, wired: check };
    const base = c.path.split('/').pop()!;
    for (const p of checkPaths) {
      if (p === c.path || p.endsWith('.sh')) continue;
      const text = (files.read(p) ?? '').slice(0, MAX_CHARS);
      const lines = text.split('\n');
      const isProbe = /livenessProbe|HEALTHCHECK|healthcheck\s*:/i.test(text);
      if (!isProbe) continue;
      const n = lines.findIndex((l) => l.includes(base) && (/HEALTHCHECK/.test(l) || !/^\s*(?:COPY|ADD)\b/.test(l)));
      if (n < 0) continue;
      return {
        file: c.file,
        check,
        writer,
        wired: {
          path: p,
          line: n + 1,
          snippet: lines[n]!.trim().slice(0, 160),
          note: `runs ${base} as the liveness check`,
        },
      };
    }
    return { file: c.file, check, writer };
  }
  return undefined;
}
