/**
 * Elixir's Mix manifests: mix.exs declares the dependencies as tuples in `deps`
 * (`{:phoenix, "~> 1.7"}`, `{:credo, "~> 1.7", only: [:dev, :test], runtime: false}`,
 * `{:lib, github: "owner/lib"}`), the application name (`app: :name`), and how it ships:
 * `escript:` builds a command-line program, `package:` describes a Hex package.
 * Read line by line, a tuple that continues onto the next lines is joined for at most a few lines.
 */
import type { FileView } from '../../types.js';
import type { DeclaredDependency, Manifest } from '../../types.js';
import { lineAt, linesOf } from './text.js';

/** `{:name,` at the start of a line (or after the list's `[`); the rest of the line is group 2. */
const DEP_HEAD = /^[ \t]*(?:\[[ \t]*)?\{[ \t]*:([a-z_][A-Za-z0-9_]*)[ \t]*,(.*)$/;
/** What follows the name in a dependency tuple: a version requirement or a source/option keyword. */
const DEP_BODY =
  /^[ \t]*(?:"|'|(?:github|git|path|in_umbrella|only|optional|override|hex|runtime|app|organization|sparse|branch|tag|ref|submodules|manager|env|compile|system_env|targets|repo|warn_if_outdated):|[a-z_]\w*\(\))/;
/** How many lines a tuple may run on before it is given up. */
const MAX_TUPLE_LINES = 8;

export function parseMix(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const text = files.read(path);
  if (text === undefined) return { ecosystem: 'hex', path, ok: false, error: 'unreadable' };
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('{:')) continue;
    const head = DEP_HEAD.exec(line);
    if (!head) continue;
    let body = head[2]!;
    // A tuple split over lines (`{:git_diff,\n github: "…", ref: "…"}`): joined up to its `}`.
    for (let j = i + 1; !body.includes('}') && j < lines.length && j <= i + MAX_TUPLE_LINES; j++)
      body += ` ${lines[j]!.trim()}`;
    const cut = body.indexOf('}');
    if (cut >= 0) body = body.slice(0, cut);
    if (!DEP_BODY.test(body)) continue;
    const version = /^[ \t]*"([^"]*)"/.exec(body)?.[1];
    const only = /\bonly:[ \t]*(\[[^\]\n]{0,200}\]|:\w+)/.exec(body)?.[1];
    // `only: :test`, `only: [:dev, :test]`: not part of what production runs. A custom env
    // (`only: [:dev, :hex]`) without :prod is not production either.
    const dev = only !== undefined && !/:prod\b/.test(only);
    const optional = /\boptional:[ \t]*true\b/.test(body);
    deps.push({
      ecosystem: 'hex',
      name: head[1]!,
      ...(version ? { version } : {}),
      path,
      line: i + 1,
      dev,
      ...(optional ? { optional: true } : {}),
    });
  }
  const name = /^[ \t]*app:[ \t]*:([a-z_]\w*)/m.exec(text)?.[1];
  return { ecosystem: 'hex', path, ok: true, ...(name ? { name } : {}) };
}

/** The `escript:` setting of a mix.exs project: the project builds a command-line program. */
export function mixEscript(text: string): number | undefined {
  const m = /^[ \t]*escript:/m.exec(text);
  return m ? lineAt(text, m.index) : undefined;
}

/** `package:` in a mix.exs project: it is published on Hex. */
export function mixPackage(text: string): number | undefined {
  const m = /^[ \t]*package:/m.exec(text);
  return m ? lineAt(text, m.index) : undefined;
}
