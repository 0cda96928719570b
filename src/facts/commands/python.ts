/**
 * Python task runners: tox environments (tox.ini, setup.cfg, pyproject legacy_tox_ini or native
 * tables, tox.toml), nox sessions (noxfile.py, read as text), and the script tables of hatch, pdm,
 * poethepoet, taskipy and Pipfile. Each command is followed where it is written.
 */
import type { FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import {
  type Block,
  dirOf,
  type Expansion,
  findIn,
  flagValue,
  joinPath,
  lineOf,
  positionals,
  type Resolver,
} from './types.js';
import { escapeRe } from '../../util/regex.js';
import { lineAt } from '../../util/lines.js';

interface IniEntry {
  value: { text: string; line: number }[];
}
type Ini = Map<string, Map<string, IniEntry>>;

/** INI sections → keys → value lines (continuations are lines of their own, with their numbers). */
export function parseIni(text: string, firstLine = 1): Ini {
  const out: Ini = new Map();
  let sec: Map<string, IniEntry> | undefined;
  let entry: IniEntry | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = firstLine + i;
    const h = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (h) {
      sec = new Map();
      out.set(h[1]!.trim(), sec);
      entry = undefined;
      return;
    }
    if (!sec || /^\s*[#;]/.test(raw) || !raw.trim()) return;
    const kv = /^([\w.-]+)\s*[=:]\s*(.*)$/.exec(raw);
    if (kv && !/^\s/.test(raw)) {
      entry = { value: kv[2]!.trim() ? [{ text: kv[2]!.trim(), line }] : [] };
      sec.set(kv[1]!, entry);
    } else if (entry && /^\s/.test(raw)) entry.value.push({ text: raw.trim(), line });
  });
  return out;
}

interface Tox {
  path: string;
  envlist: string[];
  /** Commands of an environment (the `testenv:<name>` section, else `testenv`), with factor conditions applied. */
  commands(env: string): { text: string; line: number }[];
}

/** `py{39,310}-django{4,5}` → every combination. */
function expandEnvs(list: string): string[] {
  const out: string[] = [];
  for (const item of list.split(/[\s,]+(?![^{]*\})/).filter(Boolean)) {
    let acc = [''];
    for (const part of item.split(/(\{[^}]*\})/)) {
      const opts = part.startsWith('{')
        ? part
            .slice(1, -1)
            .split(',')
            .map((s) => s.trim())
        : [part];
      acc = acc.flatMap((a) => opts.map((o) => a + o));
    }
    out.push(...acc);
  }
  return out.slice(0, 64);
}

/**
 * tox's configuration, where tox 4 looks for it, in its order: tox.ini, setup.cfg (with a `[tox:tox]`
 * section), pyproject.toml (with `legacy_tox_ini` or a `[tool.tox]` table), tox.toml — a file without
 * tox's settings is passed over for the next (blind round 26, pipdeptree: a pyproject.toml without
 * [tool.tox] hid its tox.toml, "no tox configuration").
 */
function readTox(files: FileView, cwd: string): Tox | undefined {
  for (const dir of cwd ? [cwd, ''] : [''])
    for (const name of ['tox.ini', 'setup.cfg', 'pyproject.toml', 'tox.toml']) {
      const path = joinPath(dir, name);
      if (!files.exists(path)) continue;
      const tox = readToxFile(files, path);
      if (tox) return tox;
    }
  return undefined;
}

/** tox's configuration in one folder only (`tox -c DIR`). */
function readToxIn(files: FileView, dir: string): Tox | undefined {
  for (const name of ['tox.ini', 'setup.cfg', 'pyproject.toml', 'tox.toml']) {
    const path = joinPath(dir, name);
    const tox = files.exists(path) ? readToxFile(files, path) : undefined;
    if (tox) return tox;
  }
  return undefined;
}

function readToxFile(files: FileView, path: string): Tox | undefined {
  const text = files.read(path) ?? '';
  let ini: Ini | undefined;
  if (path.endsWith('.ini') || path.endsWith('.cfg')) ini = parseIni(text);
  else {
    const legacy = /legacy_tox_ini\s*=\s*("""|''')/.exec(text);
    if (legacy) {
      const start = legacy.index + legacy[0].length;
      const end = text.indexOf(legacy[1]!, start);
      ini = parseIni(text.slice(start, end < 0 ? undefined : end), lineAt(text, start));
    } else return nativeTox(files, path, text);
  }
  const main = ini.get('tox') ?? ini.get('tox:tox');
  if (!main && !ini.has('testenv')) return undefined;
  const envlist = expandEnvs((main?.get('envlist') ?? main?.get('env_list'))?.value.map((v) => v.text).join(',') ?? '');
  return {
    path,
    envlist,
    commands(env) {
      // `[testenv:lint-{ruff,pre-commit}]` names every environment its braces expand to.
      const own =
        ini!.get(`testenv:${env}`) ??
        [...ini!].find(
          ([name]) => name.startsWith('testenv:') && name.includes('{') && expandEnvs(name.slice(8)).includes(env),
        )?.[1];
      const sec = own?.get('commands') ? own : ini!.get('testenv');
      const factors = new Set(env.split('-'));
      // A command continued with `\` over several lines is one command, cited at its first line.
      const joined: { text: string; line: number }[] = [];
      let open = false;
      for (const v of sec?.get('commands')?.value ?? []) {
        const text = v.text.replace(/\\\s*$/, '');
        if (open) joined[joined.length - 1]!.text += ` ${text.trim()}`;
        else joined.push({ text, line: v.line });
        open = /\\\s*$/.test(v.text);
      }
      return joined.flatMap((v) => {
        const f = /^([\w,!-]+):\s+(.*)$/.exec(v.text);
        if (
          f &&
          !f[1]!
            .split(',')
            .some((x) => (x.startsWith('!') ? !factors.has(x.slice(1)) : x.split('-').every((y) => factors.has(y))))
        )
          return [];
        const t = (f ? f[2]! : v.text)
          // `{envpython} -m pytest` is the environment's python; `{envbindir}/pytest` its pytest.
          .replace(/\{envpython\}/g, 'python')
          // `{toxinidir}/tests` (tox 4: `{tox_root}`): the configuration's folder, written from the
          // repository root (it was dropped with the other substitutions, leaving `/tests`).
          .replace(/\{(?:toxinidir|tox_root)\}/g, dirOf(path) ? `/${dirOf(path)}` : '.')
          .replace(/\{env(?:bin|_bin_)dir\}[\\/]/g, '')
          // `{env:PYTEST_CMD:pytest}`: the variable's default when it is set nowhere here (the
          // program the environment runs), `{env:NAME}` the variable.
          .replace(/\{env:(\w+):([^{}]*)\}/g, (_m, _k: string, d: string) => d)
          .replace(/\{env:(\w+)\}/g, '$$$1')
          .replace(/\{posargs(?::[^}]*)?\}|\{\[[^\]]*\][^}]*\}|\{[\w:]*\}/g, '')
          .replace(/^-\s*/, '');
        return t.trim() ? [{ text: t.trim(), line: v.line }] : [];
      });
    },
  };
}

/** tox 4's TOML form: `env_list`, `[env_run_base] commands = [["pytest", …]]`, `[env.<name>]`. */
function nativeTox(files: FileView, path: string, text: string): Tox | undefined {
  const t = files.readToml<Record<string, unknown>>(path);
  if (!t.ok) return undefined;
  const root = (path.endsWith('pyproject.toml') ? (t.value.tool as Record<string, unknown>)?.tox : t.value) as
    | { env_list?: string[]; env_run_base?: { commands?: unknown }; env?: Record<string, { commands?: unknown }> }
    | undefined;
  if (!root) return undefined;
  const cmds = (c: unknown) =>
    Array.isArray(c) ? c.filter(Array.isArray).map((argv) => argv.filter((w) => typeof w === 'string').join(' ')) : [];
  return {
    path,
    envlist: Array.isArray(root.env_list) ? root.env_list.filter((e) => typeof e === 'string') : [],
    commands(env) {
      const own = root.env?.[env]?.commands;
      const list = cmds(own ?? root.env_run_base?.commands);
      const header = own
        ? new RegExp(`^\\[(?:tool\\.tox\\.)?env\\.${escapeRe(env)}\\]`)
        : /^\[(?:tool\.tox\.)?env_run_base\]/;
      const start = lineOf(text, header) ?? 1;
      const line = lineOf(text, /^\s*commands\s*=/, start) ?? start;
      return list.map((c) => ({ text: c, line }));
    },
  };
}

/** `tox [-e a,b]`, `tox run -e x`: the environments' commands. */
export const toxEnvs: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'tox') return undefined;
  // `tox run --notest -e py312` creates the environments and runs none of their commands (the setup
  // step before the test step); `tox -l` lists them.
  if (argv.some((a) => a === '--notest' || a === '-l' || a === '--list' || a === '--listenvs'))
    return { unresolved: 'tox --notest or --list runs no environment commands' };
  // `tox -c runtimes/sklearn` (a folder: tox looks there for its files) or `-c ci/tox.ini` (the file):
  // that configuration, whose commands run in its own folder (blind round 51, a CI matrix running each
  // plug-in's tests with its own tox.ini).
  const conf = flagValue(argv, ['-c', '--conf']);
  const confPath = conf && !conf.includes('$') ? joinPath(cwd, conf.replace(/\/+$/, '')) : undefined;
  const tox =
    confPath === undefined
      ? readTox(files, cwd)
      : files.exists(confPath)
        ? readToxFile(files, confPath)
        : readToxIn(files, confPath);
  if (!tox) return { unresolved: 'no tox configuration', absent: true };
  // `-e x`, `--env=x`, and the short option glued to its value: `tox -eflake8`.
  const glued = (flag: string) => argv.find((a) => a.length > 2 && a.startsWith(flag) && a[2] !== '=')?.slice(2);
  const e = flagValue(argv, ['-e', '--env']) ?? glued('-e');
  // `tox run -f lint`: the environments of env_list that carry every factor named.
  const f = flagValue(argv, ['-f', '--factors']) ?? glued('-f');
  const all = tox.envlist.length ? tox.envlist : ['py'];
  const envs =
    e && e !== 'ALL'
      ? e
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : f
        ? all.filter((env) => f.split(/[\s,]+/).every((x) => env.split('-').includes(x)))
        : all;
  const blocks: Block[] = envs.flatMap((env) =>
    tox
      .commands(env)
      .map((c) => ({ path: tox.path, line: c.line, text: c.text, via: `tox env ${env}`, cwd: dirOf(tox.path) })),
  );
  return blocks.length ? { blocks } : { unresolved: `${tox.path}: no commands for ${envs.join(', ')}` };
};

interface NoxSession {
  name: string;
  line: number;
  calls: { argv: string[]; line: number; text: string }[];
  notify: string[];
}

function readNox(files: FileView, path: string): { sessions: NoxSession[]; defaults?: string[] } {
  return memo(files, `commands:nox:${path}`, () => {
    const lines = (files.read(path) ?? '').split(/\r?\n/);
    const sessions: NoxSession[] = [];
    let pendingName: string | undefined;
    let decorated = false;
    let cur: NoxSession | undefined;
    let indent = 0;
    let defaults: string[] | undefined;
    lines.forEach((l, i) => {
      const opts = /^nox\.options\.sessions\s*=\s*\[([^\]]*)\]/.exec(l);
      if (opts) defaults = [...opts[1]!.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!);
      const deco = /^@(?:nox\.)?session\b(.*)$/.exec(l);
      if (deco) {
        decorated = true;
        pendingName = /\bname\s*=\s*["']([^"']+)["']/.exec(deco[1]!)?.[1];
        return;
      }
      const def = /^(\s*)def\s+(\w+)\s*\(/.exec(l);
      if (def && decorated) {
        cur = { name: pendingName ?? def[2]!, line: i + 1, calls: [], notify: [] };
        sessions.push(cur);
        indent = def[1]!.length;
        decorated = false;
        pendingName = undefined;
        return;
      }
      if (cur && l.trim() && l.length - l.trimStart().length <= indent && !l.trimStart().startsWith('#'))
        cur = undefined;
      if (!cur) return;
      const run = /\bsession\.run(?:_always|_install)?\s*\((.*)$/.exec(l);
      if (run && !/session\.run_install/.test(l)) {
        const argv: string[] = [];
        for (const m of run[1]!.matchAll(/\s*(?:(["'])((?:(?!\1).)*)\1|([^,)]+))\s*[,)]?/g)) {
          if (m[2] === undefined) break;
          argv.push(m[2]);
        }
        if (argv.length) cur.calls.push({ argv, line: i + 1, text: l.trim() });
      }
      const notify = /\bsession\.notify\(\s*["']([^"']+)["']/.exec(l);
      if (notify) cur.notify.push(notify[1]!);
    });
    return { sessions, ...(defaults ? { defaults } : {}) };
  });
}

/** `nox [-s a b]`: the sessions' `session.run(…)` calls (literal arguments), and sessions they notify. */
export const noxSessions: Resolver = (argv, { files, cwd }) => {
  if (argv[0] !== 'nox') return undefined;
  const path = findIn(files, cwd, ['noxfile.py']);
  if (!path) return { unresolved: 'no noxfile.py', absent: true };
  const nox = readNox(files, path);
  const i = argv.findIndex((w) => ['-s', '--session', '--sessions', '-e'].includes(w));
  const named = i >= 0 ? positionals(argv.slice(i + 1)).map((s) => s.replace(/-\d[\d.]*$|\(.*\)$/, '')) : nox.defaults;
  const wanted = named?.length ? named : nox.sessions.map((s) => s.name);
  const commands: NonNullable<Expansion['commands']> = [];
  const seen = new Set<string>();
  const visit = (n: string, d: number) => {
    if (seen.has(n) || d > 4) return;
    seen.add(n);
    for (const s of nox.sessions.filter((x) => x.name === n)) {
      for (const c of s.calls)
        commands.push({
          argv: c.argv,
          hop: { path, line: c.line, text: c.text, via: `nox session ${n}` },
          cwd: dirOf(path),
        });
      for (const x of s.notify) visit(x, d + 1);
    }
  };
  for (const n of wanted) visit(n, 0);
  return commands.length ? { commands } : { unresolved: `${path}: no session ${wanted.join(', ')}` };
};

/** A script table of pyproject.toml (or Pipfile): value = command string, list, or a table with `cmd`/`shell`/`sequence`/`composite`. */
function scriptTable(
  files: FileView,
  path: string,
  table: string[],
  header: RegExp,
  name: string,
  label: string,
  listOfRefs = false,
): { blocks: Block[]; refs: string[]; line: number } | undefined {
  const t = files.readToml<Record<string, unknown>>(path);
  if (!t.ok) return undefined;
  let node: unknown = t.value;
  for (const k of table) node = (node as Record<string, unknown> | undefined)?.[k];
  const v = (node as Record<string, unknown> | undefined)?.[name];
  if (v === undefined) return undefined;
  const text = files.read(path) ?? '';
  const start = lineOf(text, header) ?? 1;
  // A task written as its own table (`[tool.poe.tasks.lint]` with `sequence = […]`) starts at that header.
  const own = lineOf(text, new RegExp(`^\\[${escapeRe([...table, name].join('.'))}\\]`));
  const line = own ?? lineOf(text, new RegExp(`^\\s*["']?${escapeRe(name)}["']?\\s*=`), start) ?? start;
  const cmds: string[] = [];
  const refs: string[] = [];
  const add = (x: unknown) => {
    if (typeof x === 'string') cmds.push(x);
    else if (Array.isArray(x)) x.forEach(add);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      for (const k of ['cmd', 'shell', 'call']) if (o[k] !== undefined) add(o[k]);
      for (const k of ['sequence', 'composite'])
        if (Array.isArray(o[k])) o[k].forEach((r) => (typeof r === 'string' ? refs.push(r) : add(r)));
      if (typeof o.ref === 'string') refs.push(o.ref);
    }
  };
  // poethepoet reads a bare list (`check = ["test", "docs"]`) as a sequence of the tasks it names.
  if (listOfRefs && Array.isArray(v)) v.forEach((r) => (typeof r === 'string' ? refs.push(r) : add(r)));
  else add(v);
  return { blocks: cmds.map((c) => ({ path, line, text: c, via: `${label} ${name}`, cwd: dirOf(path) })), refs, line };
}

/** hatch run [env:]x, pdm run x, poe x, task x (taskipy), pipenv run x: the project's script tables. */
export const pythonScripts: Resolver = (argv, { files, cwd }) => {
  const [tool, sub] = [argv[0]!, argv[1]];
  const pyproject = findIn(files, cwd, ['pyproject.toml']);
  let spec: { path: string; table: string[]; header: RegExp; name: string; label: string; rest: string[] } | undefined;
  if (tool === 'hatch' && sub === 'run' && argv[2] && pyproject) {
    const [env, name] = argv[2].includes(':') ? argv[2].split(':') : ['default', argv[2]];
    const hatchToml = findIn(files, cwd, ['hatch.toml']);
    spec = hatchToml
      ? {
          path: hatchToml,
          table: ['envs', env!, 'scripts'],
          header: new RegExp(`^\\[envs\\.${escapeRe(env!)}\\.scripts\\]`),
          name: name!,
          label: 'hatch script',
          rest: argv.slice(3),
        }
      : {
          path: pyproject,
          table: ['tool', 'hatch', 'envs', env!, 'scripts'],
          header: new RegExp(`^\\[tool\\.hatch\\.envs\\.${escapeRe(env!)}\\.scripts\\]`),
          name: name!,
          label: 'hatch script',
          rest: argv.slice(3),
        };
  } else if (tool === 'pdm' && sub === 'run' && argv[2] && pyproject)
    spec = {
      path: pyproject,
      table: ['tool', 'pdm', 'scripts'],
      header: /^\[tool\.pdm\.scripts\]/,
      name: argv[2],
      label: 'pdm script',
      rest: argv.slice(3),
    };
  else if (tool === 'poe' && sub && pyproject)
    spec = {
      path: pyproject,
      table: ['tool', 'poe', 'tasks'],
      header: /^\[tool\.poe\.tasks\]/,
      name: sub,
      label: 'poe task',
      rest: argv.slice(2),
    };
  else if (tool === 'task' && sub && pyproject)
    spec = {
      path: pyproject,
      table: ['tool', 'taskipy', 'tasks'],
      header: /^\[tool\.taskipy\.tasks\]/,
      name: sub,
      label: 'taskipy task',
      rest: argv.slice(2),
    };
  else if (tool === 'pipenv' && sub === 'run' && argv[2]) {
    const pipfile = findIn(files, cwd, ['Pipfile']);
    if (pipfile)
      spec = {
        path: pipfile,
        table: ['scripts'],
        header: /^\[scripts\]/,
        name: argv[2],
        label: 'Pipfile script',
        rest: argv.slice(3),
      };
  }
  // `pdm run pytest`, `pipenv run pytest`, `hatch run pytest`: not a script, the command itself.
  const passThrough = (): Expansion | undefined =>
    (tool === 'pdm' || tool === 'pipenv' || tool === 'hatch') && sub === 'run' && argv[2]
      ? { commands: [{ argv: argv.slice(2), hop: { path: '', line: 0, text: '' }, cwd }] }
      : undefined;
  if (!spec) return passThrough();
  const found = scriptTable(files, spec.path, spec.table, spec.header, spec.name, spec.label, tool === 'poe');
  if (!found) return passThrough();
  const blocks = found.blocks;
  for (const r of found.refs)
    blocks.push({
      path: spec.path,
      line: found.line,
      text: `${tool === 'poe' ? 'poe' : `${tool} run`} ${r}`,
      via: `${spec.label} ${spec.name}`,
      cwd: dirOf(spec.path),
    });
  return { blocks };
};
