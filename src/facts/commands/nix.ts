/**
 * Nix flakes in the command graph (blind round 32: a CI step `nix run .#lint -- --ci` ran treefmt
 * with mix-format, prettier and shfmt; formatting was "not checked in CI"). `nix run .#NAME` runs
 * the flake's app or package NAME: its definition in flake.nix or a .nix module it imports —
 * `NAME = pkgs.writeShellApplication { … text = '' … ''; }`, `writeShellScript(Bin) "n" '' … ''`,
 * or `apps.<system>.NAME = { type = "app"; program = "${…}/bin/X"; }` — is read as text, never
 * evaluated, and its script body followed like a recipe. Arguments after `--` take the place of
 * `"$@"`. `nix develop -c CMD` and `nix shell … -c CMD` are wrappers (shell.ts).
 */
import type { FileView, Lines } from '../../types.js';
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

/**
 * A line that opens a build phase's script (`buildPhase = ''`, `checkPhase = ''`, `script = ''`):
 * what `nix build` and `nix flake check` run when they build a check derivation.
 */
function opensPhase(line: string): boolean {
  const end = /''[ \t]*;?$/.exec(line);
  if (!end) return false;
  const before = line.slice(0, end.index);
  return /\b(?:\w{0,40}Phase|script)[ \t]*=[ \t]*$/.test(before.slice(before.lastIndexOf("'") + 1));
}

/** The lines of an indented string opened on line k, up to its closing `''`; undefined if unclosed. */
function bodyAfter(lines: Lines, k: number, count: number): string[] | undefined {
  const body: string[] = [];
  for (let b = k + 1; b <= Math.min(count, k + MAX_BODY); b++) {
    const t = lines.bare(b);
    // The closing '' (not the escapes ''' ''$ ''\).
    if (/^[ \t]*''(?!['$\\])/.test(t)) return body;
    body.push(t);
  }
  return undefined;
}

/** Where `name` is defined in the repository's Nix files, and the script it runs. */
function definition(
  files: FileView,
  name: string,
  phases = false,
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
        if (!opensScript(l) && !(phases && opensPhase(l))) continue;
        const body = bodyAfter(lines, k, count);
        if (!body) return undefined;
        return {
          block: {
            path,
            line: k + 1,
            text: body.join('\n'),
            via: `nix ${phases ? 'build' : 'run'} .#${name}`,
            cwd: '',
          },
        };
      }
    }
  }
  return undefined;
}

/** Nix options that take one value (`--inputs-from .`) or two (`--override-input a b`). */
const NIX_ONE = new Set([
  '--inputs-from',
  '-I',
  '--include',
  '--system',
  '--store',
  '-o',
  '--out-link',
  '--profile',
  '--extra-experimental-features',
  '--experimental-features',
  '-j',
  '--max-jobs',
  '--cores',
  '--log-format',
  '--eval-store',
  '--reference-lock-file',
  '--output-lock-file',
]);
const NIX_TWO = new Set(['--override-input', '--option', '--arg', '--argstr', '--update-input']);

/** The positional words of a nix command's own part (before `--`), flag values left out. */
function positionals(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (NIX_ONE.has(w)) i += 1;
    else if (NIX_TWO.has(w)) i += 2;
    else if (!w.startsWith('-')) out.push(w);
  }
  return out;
}

/** A package of nixpkgs (`nixpkgs#nix-fast-build`, `nixpkgs/nixos-24.05#jq`): its program is named like it. */
function nixpkgsProgram(ref: string | undefined): string | undefined {
  return ref
    ? /^(?:nixpkgs|github:NixOS\/nixpkgs)(?:\/[\w.-]{1,60})?#(?:legacyPackages\.[\w-]+\.)?([A-Za-z_][\w-]{0,80})$/.exec(
        ref,
      )?.[1]
    : undefined;
}

/**
 * `nix run .#NAME [-- args]`: the app's or package's script, with its arguments for `"$@"`.
 * `nix build .#NAME` (`.#checks.SYSTEM.NAME`) builds it: its build and check phases run.
 * `nix run nixpkgs#TOOL -- args` runs that tool.
 */
export const nixRun: Resolver = (argv, { files }) => {
  if (argv[0] !== 'nix' || (argv[1] !== 'run' && argv[1] !== 'build')) return undefined;
  const building = argv[1] === 'build';
  const dash = argv.indexOf('--');
  const own = positionals(argv.slice(2, dash < 0 ? undefined : dash));
  const ref = own[0];
  const args = dash < 0 ? [] : argv.slice(dash + 1);
  const tool = building ? undefined : nixpkgsProgram(ref);
  if (tool)
    return { commands: [{ argv: [tool, ...args], hop: { path: '', line: 0, text: `nix run ${ref}` }, cwd: '' }] };
  const name = flakeAttr(ref);
  if (!name) return { unresolved: `nix ${argv[1]} ${ref ?? ''}: not an app of this flake` };
  if (!files.exists('flake.nix')) return { unresolved: 'no flake.nix', absent: true };
  const found = memo(files, 'commands:nix:definitions', () => new Map<string, ReturnType<typeof definition>>());
  const key = `${building ? 'build' : 'run'}:${name}`;
  if (!found.has(key) && found.size >= MAX_NAMES)
    return { unresolved: `nix ${argv[1]} .#${name}: more than ${MAX_NAMES} flake apps looked up` };
  if (!found.has(key)) found.set(key, definition(files, name, building));
  const def = found.get(key);
  if (!def) return { unresolved: `no app or package ${name} in the flake's Nix files` };
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

/** Check definitions read at most, and lines of one `checks` attribute set. */
const MAX_CHECKS = 40;
const MAX_CHECKS_SPAN = 600;

/**
 * The scripts of the flake's checks: every `buildPhase`/`checkPhase`/`script`/`runCommand … ''`
 * body inside a `checks = …` (`checks.${system} = {`, `checks = eachSystem (…: {`, flake-parts
 * `checks.NAME = …`) attribute. The attribute ends at the first later line indented no deeper than
 * its head (nixfmt and alejandra layout). Read as text, never evaluated.
 */
function flakeChecks(files: FileView): Block[] {
  const out: Block[] = [];
  for (const path of files.match(['flake.nix', '**/*.nix']).slice(0, MAX_FILES)) {
    const lines = files.lines(path);
    if (!lines) continue;
    const count = Math.min(lines.count, MAX_LINES);
    for (let n = 1; n <= count && out.length < MAX_CHECKS; n++) {
      const head = /^([ \t]*)checks(?:\.[\w${}."-]{1,120})?[ \t]*=(?!=)/.exec(lines.bare(n));
      if (!head) continue;
      const indent = head[1]!.length;
      // `checks.x = pkgs.runCommand "x" {} ''` on one line: the body starts there.
      let k = n;
      const end = Math.min(count, n + MAX_CHECKS_SPAN);
      for (; k <= end && out.length < MAX_CHECKS; k++) {
        const l = lines.bare(k);
        if (k > n && l.trim() !== '' && /^[ \t]*/.exec(l)![0].length <= indent) break;
        if (!opensScript(l) && !opensPhase(l)) continue;
        const body = bodyAfter(lines, k, count);
        if (!body) break;
        out.push({ path, line: k + 1, text: body.join('\n'), via: 'nix flake check', cwd: '' });
        k += body.length + 1;
      }
      n = Math.max(n, k - 1);
    }
  }
  return out;
}

/**
 * `nix flake check`, `nix-fast-build [--flake .#checks]`: every check of the flake is
 * built, so each check's scripts run.
 */
export const nixFlakeCheck: Resolver = (argv, { files }) => {
  let ref: string | undefined;
  if (argv[0] === 'nix' && argv[1] === 'flake' && argv[2] === 'check') ref = positionals(argv.slice(3))[0];
  else if (argv[0] === 'nix-fast-build') {
    const at = argv.findIndex((w) => w === '--flake' || w === '-f');
    ref = at > 0 ? argv[at + 1] : undefined;
    // `--flake .#checks.x86_64-linux.tests` names one check.
    const one = ref && /^(?:\.|path:\.|\.\/?)#checks\.[\w.-]+?\.([A-Za-z_][\w-]{0,80})$/.exec(ref);
    if (one) return nixRun(['nix', 'build', ref!], { files, cwd: '' });
    if (ref && !/^(?:\.|path:\.|\.\/?)(?:#checks(?:\.[\w-]+)?)?$/.test(ref))
      return { unresolved: `nix-fast-build ${ref}` };
    ref = '.';
  } else return undefined;
  if (ref !== undefined && !/^(?:\.|path:\.|\.\/?)$/.test(ref))
    return { unresolved: `nix flake check ${ref}: not this flake` };
  if (!files.exists('flake.nix')) return { unresolved: 'no flake.nix', absent: true };
  const blocks = memo(files, 'commands:nix:checks', () => flakeChecks(files));
  return blocks.length ? { blocks } : { unresolved: 'no check of the flake runs a script' };
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
