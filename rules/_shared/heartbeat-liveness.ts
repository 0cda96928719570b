/**
 * A worker's liveness without HTTP: the process writes a heartbeat file on a schedule and the
 * container's liveness check (a Dockerfile `HEALTHCHECK`, a Kubernetes or compose `exec` probe)
 * runs a command that tests the file's age (`find /tmp/app-healthy -mmin -1`, `stat -c %Y …`).
 * Read from the check's command and the file path it tests; the path must also be named by the
 * production code or its configuration (the writer). Bounded: at most a few hundred small files.
 */
import type { Evidence, FileView } from '../../src/types.js';
import { isProductionPath } from '../../src/facts/paths.js';

/** A command testing a file's age: `find PATH … -mmin/-mtime/-newer…`, `stat … PATH`, `test PATH -nt …`. */
const AGE_TEST =
  /\bfind\s+(\/[\w./-]{1,200})\s[^\n]{0,120}?-(?:mmin|mtime|newer\w*)\b|\bstat\s+(?:-\w+\s+(?:['"]?%\w['"]?\s+)?){0,3}(\/[\w./-]{1,200})/;
/** Where liveness commands are written: shell scripts, Dockerfiles, manifests and compose files. */
const CHECK_FILES = ['**/*.sh', '**/Dockerfile*', '**/*.dockerfile', '**/*.{yml,yaml}'];
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

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

export function heartbeatLiveness(files: FileView): HeartbeatLiveness | undefined {
  const checkPaths = files.match(CHECK_FILES).filter(isProductionPath).slice(0, MAX_FILES);
  const checks: { path: string; line: number; snippet: string; file: string }[] = [];
  for (const p of checkPaths) {
    const text = (files.read(p) ?? '').slice(0, MAX_CHARS);
    const m = AGE_TEST.exec(text);
    if (!m) continue;
    const file = m[1] ?? m[2]!;
    const line = lineOf(text, m.index);
    checks.push({ path: p, line, snippet: (text.split('\n')[line - 1] ?? '').trim().slice(0, 160), file });
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
      const line = lineOf(text, i);
      writer = {
        path: p,
        line,
        snippet: (text.split('\n')[line - 1] ?? '').trim().slice(0, 160),
        note: `the heartbeat file ${c.file} the application writes`,
      };
      break;
    }
    if (!writer) continue;
    const check: Evidence = {
      path: c.path,
      line: c.line,
      snippet: c.snippet,
      note: `liveness check: tests the age of ${c.file}`,
    };
    const inline = /\.ya?ml$|(?:^|\/)Dockerfile|\.dockerfile$/i.test(c.path);
    if (inline && /HEALTHCHECK|exec|livenessProbe|healthcheck/i.test(files.read(c.path) ?? ''))
      return { file: c.file, check, writer, wired: check };
    const base = c.path.split('/').pop()!;
    for (const p of checkPaths) {
      if (p === c.path || p.endsWith('.sh')) continue;
      const lines = (files.read(p) ?? '').slice(0, MAX_CHARS).split('\n');
      const text = lines.join('\n');
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
