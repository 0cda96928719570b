/**
 * A build file's line quoted in a fence ("<tomcat.version>10.1.35</tomcat.version>",
 * "<exclude>org.springframework:spring-webmvc:(,6.1.14)</exclude>", `"express": "^4.18.2"`): the
 * build files hold that line as written, or hold it with another version (the document is out of
 * date), or hold it with several versions, which settles nothing. The line's versions are masked and
 * the rest compared, spacing aside; the build files' lines are read once per listing.
 */
import type { Claim } from './extract.js';
import type { Finding, LookupContext } from './lookup.js';
import { fileText } from './problems.js';

/** A version as build files write it: "10.1.35", "2.3.232", "1.0.0-beta02". */
const VERSION = /\b\d+(?:\.\d+){1,3}(?:-[A-Za-z][\w.]*)?/g;
/** Build files by name, where a quoted version line is looked for. */
const MANIFEST =
  /(?:^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|libs\.versions\.toml|gradle\.properties|package\.json|Cargo\.toml|pyproject\.toml|go\.mod|composer\.json|Gemfile|requirements[\w.-]*\.txt|[\w.-]+\.csproj|Directory\.(?:Packages|Build)\.props|pubspec\.yaml|mix\.exs)$/;
const SKIPPED = /(?:^|\/)(?:node_modules|vendor|third_party|target|build|dist|\.venv|venv|archives?|backups?)\//;
/** Lines longer than this are not read as a quoted build line. */
const MAX = 200;

/** A fenced line that may quote a build file: a version and a name it belongs to, nothing else of note. */
export function quotesBuildLine(raw: string): boolean {
  const t = raw.trim();
  if (t.length < 8 || t.length > MAX || t.startsWith('//') || t.startsWith('#') || t.startsWith('<!--')) return false;
  const masked = t.replace(VERSION, '#');
  // One or two versions, and a name of at least three letters beside them.
  const count = (masked.match(/#/g) ?? []).length;
  return count >= 1 && count <= 2 && /[A-Za-z]{3}/.test(masked) && !/\s(?:->|→|=>)\s/.test(t);
}

const key = (line: string) => line.trim().replace(VERSION, '#').replace(/\s+/g, '');
const versions = (line: string) => (line.match(VERSION) ?? []).join(' ');

interface Held {
  path: string;
  line: number;
  text: string;
  versions: string;
}
const index = new WeakMap<object, Map<string, Held[]>>();

function held(ctx: LookupContext): Map<string, Held[]> {
  let m = index.get(ctx.files);
  if (m) return m;
  m = new Map();
  for (const path of ctx.files.paths) {
    if (!MANIFEST.test(path) || SKIPPED.test(path)) continue;
    const lines = (fileText(ctx, path) ?? '').split('\n');
    lines.forEach((l, i) => {
      if (l.length > MAX || !/\d\.\d/.test(l)) return;
      const k = key(l);
      const list = m!.get(k) ?? [];
      if (list.length < 20) list.push({ path, line: i + 1, text: l.trim(), versions: versions(l) });
      m!.set(k, list);
    });
  }
  index.set(ctx.files, m);
  return m;
}

export function quotedBuildLineFinding(ctx: LookupContext, claim: Claim): Finding | null {
  if (!claim.quotedBuildLine) return null;
  const line = claim.quotedBuildLine;
  let found = held(ctx).get(key(line));
  if (!found?.length) return null;
  // Several builds (java8-app/, java21-app/): the one whose folder holds the document speaks for it.
  const docDir = ctx.documentPath?.includes('/')
    ? ctx.documentPath.slice(0, ctx.documentPath.lastIndexOf('/') + 1)
    : '';
  const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);
  const own = found.filter((h) => docDir.startsWith(dirOf(h.path)));
  if (own.length) {
    const deepest = Math.max(...own.map((h) => dirOf(h.path).length));
    found = own.filter((h) => dirOf(h.path).length === deepest);
  }
  const want = versions(line);
  const subject = line.trim();
  const same = found.find((h) => h.versions === want);
  const values = new Set(found.map((h) => h.versions));
  // "<version>3.5.0</version>" is a line of many blocks: only a line of one value says which.
  if (values.size > 1) return null;
  if (same)
    return {
      subject,
      basis: 'file',
      present: 'yes',
      detail: `${same.path}:${same.line} holds it`,
      evidence: [{ path: same.path, line: same.line, snippet: same.text.slice(0, 160) }],
    };
  const h = found[0]!;
  return {
    subject,
    basis: 'file',
    present: 'no',
    detail: `${h.path}:${h.line} holds ${h.versions}, not ${want}`,
    evidence: [{ path: h.path, line: h.line, snippet: h.text.slice(0, 160) }],
  };
}
