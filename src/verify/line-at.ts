/**
 * A file named with the line of what the sentence is about ("`config.py` (line 18) sets
 * `SECRET_KEY`"): the line is part of the claim. What the sentence names beyond the file at that
 * line (±2) leaves the file's verdict; found only elsewhere in the file, the claim is right about the
 * file and wrong about the line. A sentence that names nothing beyond the file is left to the file.
 */
import type { Finding, LookupContext } from './lookup.js';

const SLACK = 2;
const MAX_SCAN = 512 * 1024;

/** "`path` (line 18)", "`path` (lines 12-20)": the path as written and the first and last line. */
export function placedLines(raw: string, path: string): { from: number; to: number } | null {
  const at = raw.indexOf(`\`${path}\``);
  if (at < 0) return null;
  const m = /^\s*\((?:lines?|l\.|zeilen?|linhas?|l[ií]neas?)\s*(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?\)/i.exec(
    raw.slice(at + path.length + 2, at + path.length + 40),
  );
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Math.max(from, Number(m[2])) : from;
  return { from, to };
}

/** Ticked code names in the sentence other than the path: what it says is at that line. */
function namedBeside(raw: string, path: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(/`([A-Za-z_$][\w$.]{2,60})(?:\(\))?`/g)) {
    const name = m[1]!;
    if (name === path || path.endsWith(name) || /\.\w{1,5}$/.test(name)) continue;
    out.push(name);
  }
  return [...new Set(out)].slice(0, 4);
}

/** The file finding `f` for `path`, judged on the line the claim gives it; null to leave it. */
export function fileLineFinding(ctx: LookupContext, raw: string, path: string, f: Finding): Finding | null {
  if (f.present !== 'yes' || f.basis !== 'file') return null;
  const file = f.evidence[0]?.path;
  const place = placedLines(raw, path);
  if (!file || !place) return null;
  const names = namedBeside(raw, path);
  if (!names.length) return null;
  const text = ctx.readText ? ctx.readText(file, MAX_SCAN) : ctx.files.read(file);
  if (!text) return null;
  const word = names.map((n) => new RegExp(`(?<![\\w$])${n.replace(/[.$]/g, '\\$&')}(?![\\w$])`));
  let elsewhere: { line: number; snippet: string; name: string } | null = null;
  let n = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    n++;
    const hit = word.findIndex((w) => w.test(line));
    if (hit >= 0) {
      if (n >= place.from - SLACK && n <= place.to + SLACK) return null;
      elsewhere ??= { line: n, snippet: line.trim().slice(0, 160), name: names[hit]! };
    }
    if (end < 0) break;
    start = end + 1;
  }
  if (!elsewhere) return null;
  const said = place.to > place.from ? `lines ${place.from}-${place.to}` : `line ${place.from}`;
  return {
    ...f,
    present: 'partly',
    detail: `${file} exists, but ${elsewhere.name} is at line ${elsewhere.line} of it, not ${said}`,
    evidence: [{ path: file, line: elsewhere.line, snippet: elsewhere.snippet }],
  };
}
