/**
 * Nix flakes in the command graph (blind round 32: a CI step `nix run .#lint -- --ci` ran treefmt
 * with mix-format, prettier and shfmt; formatting was "not checked in CI"). `nix run .#NAME` runs
 * the flake's app or package NAME: its definition in flake.nix or a .nix module it imports —
 * `NAME = pkgs.writeShellApplication { … text = '' … ''; }`, `writeShellScript(Bin) "n" '' … ''`,
 * or `apps.<system>.NAME = { type = "app"; program = "${…}/bin/X"; }` — is read as text, never
 * evaluated, and its script body followed like a recipe. Arguments after `--` take the place of
 * `"$@"`. `nix develop -c CMD` and `nix shell … -c CMD` are wrappers (shell.ts).
 */
import type { FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import { type Block, dirOf, findIn, flagValue, type Resolver, type Synthetic } from './types.js';

/** Nix files read at most, and lines of each. */
const MAX_FILES = 60;
const MAX_LINES = 5000;
/** Lines after a definition's name within which its script body must start, and its length. */
const BODY_WITHIN = 40;
const MAX_BODY = 300;
/**
 * Different names looked up in one repository's Nix files: each lookup reads them all (up to
 * MAX_FILES × MAX_LINES lines), so a workflow of thousands of `nix run .#aN` steps is not a product.
 */
const MAX_NAMES = 32;

/** The attribute `nix run` names: `.#lint`, `path:.#lint`, `.#apps.x86_64-linux.lint`, `github:o/r#x` (remote: none). */
function flakeAttr(ref: string | undefined): string | undefined {
  if (ref === undefined || ref === '.' || ref === '.#') return 'default';
  const m =
    /^(?:\.|path:\.|\.\/?)#(?:(?:apps|packages|checks|legacyPackages)\.[\w.-]+?\.)?([A-Za-z_][\w-]{0,80})$/.exec(ref);
  return m?.[1];
}

/**
 * A line that opens a script body: `text = ''`, `writeShellScript "n" ''`, … ending in the opening
 * `''` with no quote between the keyword and it. Found from the line's end, not by a regex that
 * tries every split of `keyword\w*[^']*` (quadratic on a long line of word characters).
 */
function opensScript(line: string): boolean {
  const end = /''[ \t]*;?$/.exec(line);
  if (!end) return false;
  const before = line.slice(0, end.index);
  return /\btext[ \t]*=|writeShell|writeScript|runCommand|writers\.\w/.test(before.slice(before.lastIndexOf("'") + 1));
}

/** Where `name` is defined in the repository's Nix files, and the script it runs. */
function definition(
  files: FileView,
  name: string,
): { block?: Block; program?: { argv: string[]; path: string; line: number } } | undefined {
  const paths = files.match(['flake.nix', '**/*.nix']).slice(0, MAX_FILES);
  // `lint = …`, `apps.lint = …`, `packages.lint = …`, `apps.${system}.lint = {`, `"lint" = …`.
  const esc = name.replace(/[^\w]/g, '\\$&');
  const head = new RegExp(`^[ \\t]*(?:[\\w\${}."-]{0,120}\\.)?"?${esc}"?[ \\t]*=(?!=)`);
  for (const path of paths) {
    const lines = files.lines(path);
    if (!lines) continue;
    const count = Math.min(lines.count, MAX_LINES);
    for (let n = 1; n <= count; n++) {
      if (!head.test(lines.bare(n))) continue;
      // The first indented string ('' … '') or program path within reach of the name.
      for (let k = n; k <= Math.min(count, n + BODY_WITHIN); k++) {
        const l = lines.bare(k);
        if (k > n && head.test(l)) break;
        const program = /\bprogram[ \t]*=[ \t]*"\$\{[^}]{1,200}\}\/bin\/([\w.-]{1,80})"/.exec(l);
        if (program) return { program: { argv: [program[1]!], path, line: k } };
        if (!opensScript(l)) continue;
        const body: string[] = [];
        for (let b = k + 1; b <= Math.min(count, k + MAX_BODY); b++) {
          const t = lines.bare(b);
          // The closing '' (not the escapes ''' ''$ ''\).
          if (/^[ \t]*''(?!['$\\])/.test(t)) {
            return {
              block: { path, line: k + 1, text: body.join('\n'), via: `nix run .#${name}`, cwd: '' },
            };
          }
          body.push(t);
        }
        return undefined;
      }
    }
  }
  return undefined;
}

/** `nix run .#NAME [-- args]`: the app's or package's script, with its arguments for `"$@"`. */
export const nixRun: Resolver = (argv, { files }) => {
  if (argv[0] !== 'nix' || argv[1] !== 'run') return undefined;
  const dash = argv.indexOf('--');
  const own = argv.slice(2, dash < 0 ? undefined : dash);
  const ref = own.find((w) => !w.startsWith('-'));
  const name = flakeAttr(ref);
  if (!name) return { unresolved: `nix run ${ref ?? ''}: not an app of this flake` };
  if (!files.exists('flake.nix')) return { unresolved: 'no flake.nix', absent: true };
  const found = memo(files, 'commands:nix:definitions', () => new Map<string, ReturnType<typeof definition>>());
  if (!found.has(name) && found.size >= MAX_NAMES)
    return { unresolved: `nix run .#${name}: more than ${MAX_NAMES} flake apps looked up` };
  if (!found.has(name)) found.set(name, definition(files, name));
  const def = found.get(name);
  if (!def) return { unresolved: `no app or package ${name} in the flake's Nix files` };
  const args = dash < 0 ? [] : argv.slice(dash + 1);
  if (def.program)
    return {
      commands: [
        {
          argv: [...def.program.argv, ...args],
          hop: {
            path: def.program.path,
            line: def.program.line,
            text: `program ${def.program.argv[0]}`,
            via: `nix run .#${name}`,
          },
          cwd: '',
        },
      ],
    };
  const block = def.block!;
  const quoted = args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  return {
    blocks: [{ ...block, text: block.text.replace(/"\$@"|"\$\{@\}"|\$@/g, quoted) }],
  };
};

/**
 * `treefmt [--ci]`: the formatters its treefmt.toml (or .treefmt.toml) configures, each
 * `[formatter.X]` as its `command` with its `options`. treefmt with `--ci` or `--fail-on-change`
 * fails when a formatter changed a file: a formatter in write mode checks there, as in pre-commit.
 */
export const treefmtFormatters: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'treefmt' && !(argv[0] === 'nix' && argv[1] === 'fmt')) return undefined;
  const flagged = argv.indexOf('--config-file');
  const path =
    (flagged > 0 && argv[flagged + 1] && files.exists(argv[flagged + 1]!) ? argv[flagged + 1] : undefined) ??
    findIn(files, cwd, ['treefmt.toml', '.treefmt.toml']);
  if (!path) return { unresolved: 'no treefmt.toml' };
  const parsed = files.readToml<{ formatter?: Record<string, { command?: unknown; options?: unknown }> }>(path);
  if (!parsed.ok || !parsed.value || typeof parsed.value.formatter !== 'object' || !parsed.value.formatter)
    return { unresolved: `${path}: no formatters` };
  const checks = argv.some((w) => w === '--ci' || w === '--fail-on-change');
  // `treefmt -f prettier` (`--formatters a,b`) runs only those.
  const only = flagValue(argv, ['-f', '--formatters'])?.split(',');
  const lines = files.lines(path);
  const lineOfTable = (name: string): number => {
    if (!lines) return 1;
    for (let n = 1; n <= Math.min(lines.count, MAX_LINES); n++)
      if (lines.bare(n).trim() === `[formatter.${name}]` || lines.bare(n).trim() === `[formatter."${name}"]`) return n;
    return 1;
  };
  const commands: Synthetic[] = [];
  for (const [name, f] of Object.entries(parsed.value.formatter).slice(0, 40)) {
    if (only && !only.includes(name)) continue;
    if (!f || typeof f.command !== 'string' || !f.command) continue;
    const options = Array.isArray(f.options)
      ? f.options.filter((o): o is string => typeof o === 'string').slice(0, 40)
      : [];
    const line = lineOfTable(name);
    commands.push({
      argv: [f.command.split('/').pop()!, ...options],
      hop: { path, line, text: `[formatter.${name}]`, via: `treefmt formatter ${name}` },
      cwd: dirOf(path),
      ...(checks ? { failsOnChange: true as const } : {}),
    });
  }
  return commands.length ? { commands } : { unresolved: `${path}: no formatters` };
};
