/**
 * sbt builds: build.sbt and the build definition under project/ (`project/Dependencies.scala`,
 * `project/plugins.sbt`). Read as text with line numbers; nothing is evaluated.
 *
 * A module is `"org" % "name" % "version"` (`%%` and `%%%` add the Scala version to the artifact,
 * which is recorded without it), its version a literal or a `val` of the build. Scopes: `% Test`,
 * `% "test"`, `% Provided`, `% IntegrationTest`, and `Seq(…).map(_ % Test)` for a whole list.
 * `addSbtPlugin(…)` and anything declared in project/*.sbt runs the build, not the product.
 * Coordinates are Maven ones, resolved from Maven repositories: they are recorded in that ecosystem
 * so every JVM catalogue (OpenTelemetry, Flyway, Logback, JDBC drivers) reads them.
 */
import type { FileView } from '../../types.js';
import type { DeclaredDependency, Manifest } from '../../types.js';
import { lineAt } from './text.js';

/** A module: organisation, `%`, `%%` or `%%%`, name, `%`, a version literal or a name (a val). */
const MODULE = /"([\w.-]+)"[ \t]*(%{1,3})[ \t]*"([\w.-]+)"[ \t]*%[ \t]*(?:"([^"\n]{1,80})"|([A-Za-z_][\w.]{0,80}))/g;
/** The scope after a module: `% Test`, `% "test"`, `% "it,test"`, `% Provided`. */
const SCOPE =
  /^[ \t]*%[ \t]*"?(Test|IntegrationTest|Provided|Optional|Compile|Runtime|it|test|provided|optional|compile|runtime)\b/;
const DEV_SCOPE = /^(?:Test|IntegrationTest|Provided|Optional|it|test|provided|optional)$/;
/** `).map(_ % Test)`, `) map (_ % "test")`: every module of the list before it is scoped. */
const LIST_SCOPE =
  /\)[ \t]*\.?[ \t]*map[ \t]*\([ \t]*_[ \t]*%[ \t]*"?(Test|IntegrationTest|Provided|it|test|provided)\b/g;
const VERSION_VAL =
  /\b(?:val|lazy[ \t]+val)[ \t]+([A-Za-z_]\w{0,80})[ \t]*(?::[ \t]*String[ \t]*)?=[ \t]*"([^"\n]{1,80})"/g;

/** The build definition's own files: project/*.sbt and project/*.scala beside a build.sbt. */
export const SBT_PROJECT_FILE = /(?:^|\/)project\/[^/]+\.(?:sbt|scala)$/;

/**
 * build.sbt; a project/*.sbt or project/*.scala beside one that declares modules (a helper of the
 * build with none, `project/RenameProject.scala`, is no manifest; a `project/` folder of sources
 * elsewhere is not the build).
 */
export function isSbtBuildFile(files: FileView, path: string): boolean {
  if (!SBT_PROJECT_FILE.test(path)) return true;
  const root = path.slice(0, path.lastIndexOf('project/'));
  return files.exists(`${root}build.sbt`) && /"[ \t]*%{1,3}[ \t]*"/.test(files.read(path) ?? '');
}

/**
 * Comments blanked, offsets kept; `//` inside a string (a URL) is not a comment. One pass: an
 * unclosed `/*` blanks the rest of the file once instead of being searched for from every start.
 */
export function sbtCode(text: string): string {
  const out: string[] = [];
  let i = 0;
  let from = 0;
  // The next newline at or after i, found again only once i passes it.
  let nl = -1;
  const nextLine = (at: number) => {
    if (nl !== text.length && nl < at) {
      nl = text.indexOf('\n', at);
      if (nl === -1) nl = text.length;
    }
    return nl;
  };
  const blank = (a: number, b: number) => {
    out.push(text.slice(from, a), text.slice(a, b).replace(/[^\n]/g, ' '));
    from = b;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      // The closing quote on the same line, else the string ends with the line.
      const line = nextLine(i + 1);
      const end = text.indexOf('"', i + 1);
      i = end === -1 || end > line ? line : end + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = nextLine(i);
      blank(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      blank(i, end);
      i = end;
    } else i++;
  }
  out.push(text.slice(from));
  return out.join('');
}

/** For each `)`, the offset of the `(` it closes; one pass with a stack (strings are not skipped). */
function openers(code: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 40) stack.push(i);
    else if (c === 41 && stack.length) out.set(i, stack.pop()!);
  }
  return out;
}

/** Which offsets lie inside any of the spans (nested or not): a difference array, linear. */
function cover(length: number, spans: ReadonlyArray<[number, number]>): Uint8Array {
  const delta = new Int32Array(length + 1);
  for (const [a, b] of spans) {
    delta[a + 1]!++;
    delta[b]!--;
  }
  const out = new Uint8Array(length);
  let depth = 0;
  for (let i = 0; i < length; i++) {
    depth += delta[i]!;
    out[i] = depth > 0 ? 1 : 0;
  }
  return out;
}

export function parseSbt(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const text = files.read(path);
  if (text === undefined) return { ecosystem: 'maven', path, ok: false, error: 'unreadable' };
  const code = sbtCode(text);
  const buildOnly = path.endsWith('.sbt') && SBT_PROJECT_FILE.test(path);
  const versions = new Map<string, string>();
  for (const m of code.matchAll(VERSION_VAL)) if (!versions.has(m[1]!)) versions.set(m[1]!, m[2]!);
  // Lists scoped as a whole: `Seq(…).map(_ % Test)`.
  const parens = openers(code);
  const scoped: Array<[number, number]> = [];
  for (const m of code.matchAll(LIST_SCOPE)) {
    const open = parens.get(m.index!);
    if (open !== undefined) scoped.push([open, m.index!]);
  }
  // `addSbtPlugin(` spans.
  const plugins: Array<[number, number]> = [];
  for (const m of code.matchAll(/\baddSbtPlugin[ \t]*\(/g)) {
    const open = m.index! + m[0].length - 1;
    // The `)` that closes it: the first one whose opener is `open`, looked up within 400 characters.
    for (let i = open + 1; i < Math.min(code.length, open + 400); i++)
      if (code[i] === ')' && parens.get(i) === open) {
        plugins.push([open, i]);
        break;
      }
  }
  const inScoped = cover(code.length, scoped);
  const inPlugin = cover(code.length, plugins);
  for (const m of code.matchAll(MODULE)) {
    const after = SCOPE.exec(code.slice(m.index! + m[0].length, m.index! + m[0].length + 40));
    const plugin = inPlugin[m.index!] === 1;
    const version = m[4] ?? versions.get(m[5]!);
    deps.push({
      ecosystem: 'maven',
      name: `${m[1]}:${m[3]}`,
      ...(version ? { version } : {}),
      path,
      line: lineAt(text, m.index!),
      dev: buildOnly || plugin || (after ? DEV_SCOPE.test(after[1]!) : false) || inScoped[m.index!] === 1,
    });
  }
  // `.enablePlugins(PlayScala)`: the Play plugin adds Play's server to the project's own dependencies
  // (sbt does, not the build file); recorded under the organisation project/plugins.sbt names.
  const play = /\benablePlugins[ \t]*\([^)\n]{0,200}?\bPlay(?:Scala|Java|MinimalJava|Service|Web)\b/.exec(code);
  if (play && path.endsWith('build.sbt')) {
    const plugins = files.read(`${path.slice(0, -'build.sbt'.length)}project/plugins.sbt`) ?? '';
    const org = /\bcom\.typesafe\.play\b/.test(plugins) ? 'com.typesafe.play' : 'org.playframework';
    deps.push({ ecosystem: 'maven', name: `${org}:play-server`, path, line: lineAt(text, play.index), dev: false });
  }
  return { ecosystem: 'maven', path, ok: true };
}
