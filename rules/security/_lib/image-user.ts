/**
 * Who the container runs as, beyond a Dockerfile's USER line (round 1): an entrypoint script that
 * drops privileges (`exec su-exec "$PUID:$PGID" "$@"`, gosu, runuser, s6-setuidgid, setpriv) and
 * images built without a Dockerfile whose build file names the user (Jib `<container><user>`,
 * Gradle `jib { container { user = … } }`). Jib otherwise runs as its base image's user, and its
 * default base (eclipse-temurin) runs as root.
 */
import type { Evidence, FileView, Match, PatternSpec, RuleContext } from '../../../src/types.js';
import type { Dockerfile } from '../../../src/facts/dockerfile.js';
import { lineAt } from '../../../src/util/lines.js';

/** A privilege drop that execs the service as another user: a scan pattern, so no script is read again. */
export const DROP_PATTERN: PatternSpec = {
  regex:
    /^[ \t]*exec[ \t]+(?:\S*\/)?(?:su-exec|gosu|s6-setuidgid|setuidgid|runuser[ \t]+-u|setpriv[ \t]+--re[ug]id|chpst[ \t]+-u|chroot[ \t]+--userspec|su[ \t]+(?:-[lmp][ \t]+)?(?:-s[ \t]+\S+[ \t]+)?(?!root\b)[a-z_][\w-]*[ \t]+-c\b)\b/m,
  files: ['**/*.sh', '**/*entrypoint*', '**/docker/**/*'],
  literals: ['exec'],
  maxPerFile: 1,
};
const ROOT = /^(?:root|0)(?::(?:root|0))?$/i;

/** The line of a script the final stage's ENTRYPOINT/CMD runs that drops to another user. */
export function entrypointDrop(files: FileView, d: Dockerfile, drops: readonly Match[]): Evidence | undefined {
  const final = d.stages[d.stages.length - 1];
  const run = final?.instructions.filter((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD') ?? [];
  for (const i of run) {
    for (const token of argv(i.args)) {
      if (!/\.sh$|entrypoint/i.test(token)) continue;
      const script = scriptFile(files, token);
      const drop = script ? drops.find((m) => m.path === script) : undefined;
      if (drop)
        return {
          path: drop.path,
          line: drop.line,
          snippet: drop.snippet,
          note: `the entrypoint (${d.path}:${i.line}) starts as root and drops to an unprivileged user before running the service`,
        };
    }
  }
  return undefined;
}

function argv(args: string): string[] {
  const t = args.trim();
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t) as unknown;
      if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    } catch {
      // shell form after all
    }
  }
  return t.split(/\s+/);
}

/** The repository file an image path names: `./scripts/docker/run.sh`, `/usr/local/bin/docker-entrypoint.sh`. */
function scriptFile(files: FileView, token: string): string | undefined {
  const rel = token.replace(/^\.\//, '').replace(/^\/+/, '');
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  if (!base) return undefined;
  const candidates = files.match([`**/${base}`]);
  // The longest common tail with the image path wins: scripts/docker/run.sh over another run.sh.
  const tail = (p: string) => {
    const a = p.split('/').reverse();
    const b = rel.split('/').reverse();
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  return candidates.sort((x, y) => tail(y) - tail(x))[0];
}

export interface BuilderUser {
  ok: boolean;
  evidence: Evidence;
}

/** The user of images Jib builds, from the build file that configures it. */
export function jibUsers(ctx: RuleContext): BuilderUser[] {
  const jib = ctx.facts.imageBuilders.filter((b) => b.tool === 'Jib');
  const out: BuilderUser[] = [];
  for (const b of jib) {
    const path = b.evidence.path;
    const text = ctx.files.read(path) ?? '';
    const lines = text.split('\n');
    const user = /\.xml$/.test(path) ? mavenUser(text) : gradleUser(text);
    if (user) {
      const line = lines.findIndex((l, n) => n >= user.from && l.includes(user.raw)) + 1;
      const root = ROOT.test(user.name);
      out.push({
        ok: !root,
        evidence: {
          path,
          ...(line > 0 ? { line } : {}),
          snippet: user.raw.trim(),
          note: root ? 'Jib runs the image as root' : `Jib runs the image as ${user.name}`,
        },
      });
    } else
      out.push({
        ok: false,
        evidence: {
          path,
          ...(b.evidence.line ? { line: b.evidence.line } : {}),
          note: "Jib sets no <container><user>: the image runs as its base image's user (eclipse-temurin, Jib's default base, runs as root)",
        },
      });
  }
  return out;
}

/** `<container>…<user>1000</user>…</container>` inside the Jib plugin's configuration. */
function mavenUser(text: string): { name: string; raw: string; from: number } | undefined {
  const plugin = text.indexOf('jib-maven-plugin');
  if (plugin < 0) return undefined;
  const open = text.indexOf('<container>', plugin);
  const close = open < 0 ? -1 : text.indexOf('</container>', open);
  if (close < 0) return undefined;
  const m = /<user>\s*([^<\s]+)\s*<\/user>/.exec(text.slice(open, close));
  return m ? { name: m[1]!, raw: m[0], from: lineAt(text, open) - 1 } : undefined;
}

/** `jib { container { user = '1000' } }` (Groovy or Kotlin DSL). */
function gradleUser(text: string): { name: string; raw: string; from: number } | undefined {
  const at = text.search(/\bjib\s*\{/);
  if (at < 0) return undefined;
  const m = /\buser\s*=\s*["']([^"']+)["']/.exec(text.slice(at, at + 4000));
  return m ? { name: m[1]!, raw: m[0], from: lineAt(text, at) - 1 } : undefined;
}
