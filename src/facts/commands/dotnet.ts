/**
 * .NET build projects by their conventions: NUKE (`Target Test => _ => _.DependsOn(Compile)
 * .Executes(() => DotNetTest(…))` in the build project, run by `./build.sh Test` or `nuke Test`) and
 * Cake (`Task("Test").IsDependentOn("Build").Does(() => DotNetTest(…))` in build.cake, run by
 * `dotnet cake --target=Test` or a bootstrapper). Sources are read as text, never compiled.
 */
import type { CommandTool, FileView } from '../../types.js';
import { memo } from '../../util/memo.js';
import { type Block, dirOf, type Expansion, flagValue, joinPath, type Resolver } from './types.js';

interface BuildTarget {
  name: string;
  path: string;
  line: number;
  deps: string[];
  calls: { tool: CommandTool; line: number; text: string }[];
}

/** Build-library calls that run a tool (NUKE and Cake share most names). */
const CALLS: [RegExp, CommandTool][] = [
  [
    /\b(?:DotNet(?:Core)?Test|Xunit2?|XUnit2|NUnit3?|VSTest|MSpec|DotNetCoreVSTest)\s*\(|\bDotNet\(\s*\$?"test\b/,
    { name: 'dotnet test', kinds: ['test'] },
  ],
  [/\bDotNet(?:Core)?Format\s*\(|\bDotNet\(\s*\$?"format\b/, { name: 'dotnet format', kinds: ['format', 'lint'] }],
  [/\bSonarScanner\w*\s*\(|\bSonarCloud\w*\s*\(/, { name: 'SonarQube', kinds: ['scan'] }],
  [
    /\b(?:DotNet(?:Core)?(?:Build|Publish|Pack|MSBuild)|MSBuild|DockerBuild)\s*\(|\bDotNet\(\s*\$?"(?:build|publish|pack)\b/,
    { name: 'dotnet build', kinds: ['build'] },
  ],
  [/\bNpmRun\s*\(.*\btest\b|\bNpm\(\s*\$?"(?:run\s+)?test\b/, { name: 'npm test', kinds: ['test'] }],
  // Coverage collected by the test call's settings (a line of its fluent chain), a report, a floor.
  [
    /\.SetDataCollector\(\s*"XPlat Code Coverage"|\.EnableCollectCoverage\(|\.SetProperty\(\s*"CollectCoverage"|CollectCoverage=true/,
    { name: 'coverlet', kinds: ['coverage'] },
  ],
  [/\bReportGenerator\s*\(/, { name: 'ReportGenerator', kinds: ['coverage'] }],
  [/\b(?:DotNetNuGetPush|NuGetPush)\s*\(/, { name: 'package publish', kinds: ['release'] }],
  [/\.SetThreshold\(|\/p:Threshold=/, { name: 'coverlet threshold', kinds: ['coverage', 'coverage-gate'] }],
];

/** Members of the build class that are not targets (`void RunTests() { … }`), which targets may call. */
function helpers(lines: string[]): Map<string, { name: string; from: number; to: number }[]> {
  const known = HELPERS.get(lines);
  if (known) return known;
  const heads = lines.flatMap((l, i) => {
    const m =
      /^\s*(?:(?:private|public|protected|internal|static|async|override)\s+)*(?:void|Task|bool|int|string)\s+(\w+)\s*\([^)]*\)\s*(?:\{\s*)?$/.exec(
        l,
      );
    return m ? [{ name: m[1]!, i }] : /\bTarget\s+\w+\s*=>/.test(l) ? [{ name: '', i }] : [];
  });
  const byName = new Map<string, { name: string; from: number; to: number }[]>();
  heads.forEach((h, k) => {
    if (!h.name) return;
    const list = byName.get(h.name) ?? [];
    list.push({ name: h.name, from: h.i, to: heads[k + 1]?.i ?? lines.length });
    byName.set(h.name, list);
  });
  HELPERS.set(lines, byName);
  return byName;
}

/**
 * The helpers of a file's lines, read once per file: every target and every helper call asked for
 * them again, and each line tested one pattern per helper (1000 targets and 1000 helpers took 16 s).
 */
const HELPERS = new WeakMap<string[], Map<string, { name: string; from: number; to: number }[]>>();
/** A call by its whole name (`RunTests(`, not `x.RunTests(` or `MyRunTests(`): looked up among the helpers. */
const CALLED = /(?<![\w.])(\w+)\s*\(/g;

function callsIn(lines: string[], from: number, to: number, depth = 0): BuildTarget['calls'] {
  const out: BuildTarget['calls'] = [];
  const methods = depth < 2 ? helpers(lines) : undefined;
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (/^\s*\/\//.test(l)) continue;
    for (const [re, tool] of CALLS) if (re.test(l)) out.push({ tool, line: i + 1, text: l.trim() });
    if (!methods?.size) continue;
    // A helper the target calls (`RunTests();`): its calls run here too, cited where they are written
    // (in the order the file declares the helpers).
    const called = new Set<string>();
    for (const c of l.matchAll(CALLED)) if (methods.has(c[1]!)) called.add(c[1]!);
    const hits = [...called].flatMap((n) => methods.get(n)!).sort((a, b) => a.from - b.from);
    for (const m of hits) if (i < m.from || i >= m.to) out.push(...callsIn(lines, m.from, m.to, depth + 1));
  }
  return out;
}

const names = (s: string) =>
  [...s.matchAll(/(?:nameof\()?["']?\b([A-Z_a-z]\w*)\b["']?\)?/g)]
    .map((m) => m[1]!)
    .filter((n) => n !== 'nameof' && n !== 'x');

function nukeTargets(files: FileView): { targets: BuildTarget[]; default?: string } {
  return memo(files, 'commands:nuke', () => {
    const targets: BuildTarget[] = [];
    let def: string | undefined;
    const sources = files.match([
      'build/**/*.cs',
      '_build/**/*.cs',
      'nukebuild/**/*.cs',
      'tools/build/**/*.cs',
      'Build/**/*.cs',
    ]);
    for (const path of sources.slice(0, 50)) {
      const text = files.read(path) ?? '';
      if (!/\bTarget\s+\w+\s*=>/.test(text)) continue;
      const lines = text.split(/\r?\n/);
      // `Execute<Build>(x => x.SpellCheck, x => x.Push)`: every default target.
      const exec = /Execute<\w+>\(([^;]*)\)/.exec(text)?.[1];
      if (exec && !def) def = [...exec.matchAll(/=>\s*\w+\.(\w+)/g)].map((m) => m[1]!).join(',') || undefined;
      const starts = lines.flatMap((l, i) => {
        const m = /\bTarget\s+(\w+)\s*=>/.exec(l);
        return m ? [{ name: m[1]!, i }] : [];
      });
      starts.forEach((s, k) => {
        const end = starts[k + 1]?.i ?? lines.length;
        const body = lines.slice(s.i, end).join('\n');
        const deps = [...body.matchAll(/\.(?:DependsOn|Triggers|After\b(?!\w))\s*\(([^)]*)\)/g)].flatMap((m) =>
          names(m[1]!),
        );
        targets.push({ name: s.name, path, line: s.i + 1, deps, calls: callsIn(lines, s.i, end) });
      });
    }
    return { targets, ...(def ? { default: def } : {}) };
  });
}

function cakeTasks(files: FileView, path: string): { targets: BuildTarget[]; default?: string } {
  return memo(files, `commands:cake:${path}`, () => {
    const text = files.read(path) ?? '';
    const lines = text.split(/\r?\n/);
    const starts = lines.flatMap((l, i) => {
      const m = /\bTask\(\s*"([^"]+)"\s*\)/.exec(l);
      return m ? [{ name: m[1]!, i }] : [];
    });
    const targets = starts.map((s, k) => {
      const end = starts[k + 1]?.i ?? lines.length;
      const body = lines.slice(s.i, end).join('\n');
      const deps = [...body.matchAll(/\.IsDependentOn\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!);
      return { name: s.name, path, line: s.i + 1, deps, calls: callsIn(lines, s.i, end) };
    });
    const def = /Argument(?:<\w+>)?\(\s*"target"\s*,\s*"([^"]+)"\s*\)/i.exec(text)?.[1] ?? 'Default';
    return { targets, default: def };
  });
}

function expand(model: { targets: BuildTarget[]; default?: string }, wanted: string[], label: string): Expansion {
  const find = (n: string) => model.targets.find((t) => t.name.toLowerCase() === n.toLowerCase());
  const commands: NonNullable<Expansion['commands']> = [];
  const seen = new Set<string>();
  const visit = (n: string, d: number) => {
    const t = find(n);
    if (!t || seen.has(t.name) || d > 8) return;
    seen.add(t.name);
    for (const dep of t.deps) visit(dep, d + 1);
    for (const c of t.calls)
      commands.push({
        argv: [c.tool.name],
        hop: { path: t.path, line: c.line, text: c.text, via: `${label} target ${t.name}` },
        cwd: '',
        tools: [c.tool],
      });
  };
  const list = wanted.filter((w) => find(w));
  for (const n of list.length ? list : model.default ? model.default.split(',') : []) visit(n, 0);
  return commands.length
    ? { commands }
    : { unresolved: `${label} target ${wanted.join(', ') || model.default || '(default)'} runs no known tool` };
}

/** Which .NET build project the repository has (looked up once per audit: every command asks). */
function buildProjects(files: FileView): { cake?: string; isNuke: boolean } {
  return memo(files, 'commands:dotnet-build', () => {
    // Cake scripts (build.cake) and Cake on a .NET file-based app (cake.cs, Cake.Sdk): tasks declared with Task("…").
    const cake = files
      .match(['build.cake', '*.cake', 'build/*.cake', 'cake.cs', 'build/cake.cs', 'build.cs'])
      .find((p) => p.endsWith('.cake') || /\bTask\(\s*"/.test(files.read(p) ?? ''));
    const isNuke =
      files.has(['.nuke/**', '.nuke', '**/_build.csproj']) ||
      files.match('build/**/*.csproj').some((p) => /Nuke\.Common/.test(files.read(p) ?? ''));
    return { ...(cake ? { cake } : {}), isNuke };
  });
}

/**
 * A Bullseye build program (`Target(Test, [Build], () => Run("dotnet", "test …"))` with SimpleExec's
 * `Run`/`RunAsync`): its targets, their dependencies and the command lines they run. Names may be
 * constants (`const string Test = "test";`); an array is the dependencies only when every element
 * names a target (`["**\/bin"]` is a forEach input list).
 */
function bullseyeTargets(files: FileView, dir: string): { targets: BullseyeTarget[] } | undefined {
  return memo(files, `commands:bullseye:${dir}`, () => {
    const sources = files.match(dir ? `${dir}/**/*.cs` : '*.cs').filter((p) => !/(?:^|\/)(?:bin|obj)\//.test(p));
    const targets: BullseyeTarget[] = [];
    for (const path of sources.slice(0, 20)) {
      const text = files.read(path) ?? '';
      if (!/\bBullseye\b/.test(text)) continue;
      const lines = text.split(/\r?\n/);
      const consts = new Map<string, string>();
      for (const m of text.matchAll(/\bconst\s+string\s+(\w+)\s*=\s*"([^"]+)"/g)) consts.set(m[1]!, m[2]!);
      const nameOf = (w: string) => (/^"/.test(w) ? w.slice(1, -1) : consts.get(w));
      const starts = lines.flatMap((l, i) => (/(?<![\w.])(?:Targets\.)?Target\(/.test(l) ? [i] : []));
      starts.forEach((from, k) => {
        const to = starts[k + 1] ?? lines.length;
        const body = lines.slice(from, to).join('\n');
        const head = /Target\(\s*("[^"]+"|\w+)/.exec(body);
        const name = head ? nameOf(head[1]!) : undefined;
        if (!name) return;
        const lists = [...body.matchAll(/DependsOn\(([^)]*)\)|new\s*(?:string)?\[\]\s*\{([^}]*)\}|\[([^\]]*)\]/g)].map(
          (m) =>
            (m[1] ?? m[2] ?? m[3] ?? '')
              .split(',')
              .map((w) => w.trim())
              .filter(Boolean)
              .map((w) => nameOf(w) ?? `?${w}`),
        );
        const runs: BullseyeTarget['runs'] = [];
        for (let i = from; i < to; i++) {
          const l = lines[i]!;
          if (/^\s*\/\//.test(l)) continue;
          const m = /\b(?:Run|RunAsync|Read|ReadAsync)\(\s*\$?@?"([^"]+)"(?:\s*,\s*\$?@?"([^"]*)")?/.exec(l);
          if (!m) continue;
          const line = `${m[1]}${m[2] !== undefined ? ` ${m[2]}` : ''}`
            .replace(/\{(\w+)\}/g, '$$$1')
            .replace(/\{[^}]*\}/g, 'ARG');
          runs.push({ line: i + 1, text: l.trim(), command: line });
        }
        targets.push({ name, path, line: from + 1, lists, runs });
      });
    }
    if (!targets.length) return undefined;
    const known = new Set(targets.map((t) => t.name));
    for (const t of targets) t.deps = t.lists.filter((l) => l.every((w) => known.has(w))).flat();
    return { targets };
  });
}

interface BullseyeTarget {
  name: string;
  path: string;
  line: number;
  lists: string[][];
  deps?: string[];
  runs: { line: number; text: string; command: string }[];
}

/** `dotnet run --project build/build.csproj [-- targets]`: the Bullseye targets it runs, in order, with their commands. */
function bullseyeRun(files: FileView, argv: string[], cwd: string): Expansion | undefined {
  const project = flagValue(argv, ['--project', '-p']);
  const dir = project ? (/\.\w+proj$/.test(project) ? dirOf(joinPath(cwd, project)) : joinPath(cwd, project)) : cwd;
  const model = bullseyeTargets(files, dir);
  if (!model) return undefined;
  const dash = argv.indexOf('--');
  const wanted = dash < 0 ? [] : argv.slice(dash + 1).filter((w) => !w.startsWith('-'));
  const find = (n: string) => model.targets.find((t) => t.name.toLowerCase() === n.toLowerCase());
  const blocks: Block[] = [];
  const seen = new Set<string>();
  const visit = (n: string, d: number) => {
    const t = find(n);
    if (!t || seen.has(t.name) || d > 8) return;
    seen.add(t.name);
    for (const dep of t.deps ?? []) visit(dep, d + 1);
    for (const r of t.runs)
      blocks.push({ path: t.path, line: r.line, text: r.command, via: `Bullseye target ${t.name}`, cwd: '' });
  };
  for (const n of wanted.length ? wanted : ['default']) visit(n, 0);
  return blocks.length
    ? { blocks }
    : { unresolved: `Bullseye target ${wanted.join(', ') || 'default'} runs no command` };
}

const BOOTSTRAP = /^(?:\.\/|\.\\)?build\.(?:sh|cmd|ps1|bat)$/i;

/** `./build.sh Test`, `nuke Test`, `dotnet nuke`, `dotnet cake --target=Test`, `./build.ps1 -Target Test`. */
export const dotnetBuilds: Resolver = (argv, { files, cwd }) => {
  const [a, b] = [argv[0]!, argv[1]];
  const target = flagValue(argv, ['--target', '-target', '-Target', '-t', '--Target']);
  const { cake, isNuke } = buildProjects(files);
  const viaCake = (a === 'dotnet' && (b === 'cake' || b === 'dotnet-cake')) || a === 'dotnet-cake' || a === 'cake';
  const viaNuke =
    a === 'nuke' ||
    (a === 'dotnet' && b === 'nuke') ||
    (a === 'dotnet' && b === 'run' && /_build|[/\\]build/.test(flagValue(argv, ['--project']) ?? ''));
  const boot = BOOTSTRAP.test(a);
  if (cake && (viaCake || (boot && !isNuke))) {
    return expand(cakeTasks(files, cake), target ? [target] : [], 'Cake');
  }
  if (isNuke && (viaNuke || boot)) {
    const wanted = target ? target.split(/[\s,]+/) : argv.slice(1).filter((w) => !w.startsWith('-'));
    return expand(nukeTargets(files), wanted, 'NUKE');
  }
  if (a === 'dotnet' && b === 'run') return bullseyeRun(files, argv, cwd);
  return undefined;
};
