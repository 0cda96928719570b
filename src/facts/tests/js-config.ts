/**
 * Which JS/TS files the configured runners would collect. Each runner found (through its config
 * file or a dependency in a package.json) contributes include globs relative to its package:
 * literal `include`/`testMatch`/`spec`/`testDir`/`specPattern` values where the config states them
 * (read as text, never executed), the runner's defaults otherwise.
 */
import { globMatcher } from '../../walk/glob.js';
import type { FileView } from '../../types.js';
import { mask, matchBracket, matchBrackets, SYNTAX } from './mask.js';
import { commandGraph } from '../commands/index.js';
import { commandsOf } from '../commands/shell.js';
import { boundedRegexSource, escapeRe } from '../../util/regex.js';
import { table } from '../../util/table.js';
import { MAX_TEST_SCRIPT, MOCHA_LINES } from '../alongside.js';

export interface RunnerSpec {
  runner: string;
  dir: string;
  include: string[];
  exclude: string[];
  source: string;
  /** Vitest with `typecheck` enabled also collects `*.test-d.ts` type tests. */
  typecheck?: boolean;
  /** Jest's `testRegex`: a file must also match one of these (tested on the path from the root). */
  match?: RegExp[];
  /** Playwright's regex `testMatch` (`/.*\.setup\.ts/`): a file under `dir` matching one is collected too. */
  also?: RegExp[];
  /** Jest's `testPathIgnorePatterns`: a file matching one is not collected (tested on the path from the root). */
  ignore?: RegExp[];
}

const JS = '?(c|m)[jt]s?(x)';
const DEFAULTS: Record<string, string[]> = table({
  vitest: [`**/*.{test,spec}.${JS}`],
  // Jest 30's defaults (jest#14584 added .mjs/.cjs/.mts/.cts; Jest 29's `.[jt]s?(x)` is a subset).
  jest: ['**/__tests__/**/*.?([mc])[jt]s?(x)', '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'],
  mocha: ['test/*.{js,cjs,mjs}'],
  jasmine: ['spec/**/*[sS]pec.?(m)js'],
  playwright: [`**/*.@(spec|test).${JS}`],
  cypress: ['cypress/e2e/**/*.cy.{js,jsx,ts,tsx}', 'cypress/integration/**/*.{js,jsx,ts,tsx}'],
  ava: [
    'test.{js,cjs,mjs}',
    'src/test.{js,cjs,mjs}',
    'source/test.{js,cjs,mjs}',
    '**/test-*.{js,cjs,mjs}',
    '**/*.spec.{js,cjs,mjs}',
    '**/*.test.{js,cjs,mjs}',
    '**/test/**/*.{js,cjs,mjs}',
    '**/tests/**/*.{js,cjs,mjs}',
    '**/__tests__/**/*.{js,cjs,mjs}',
  ],
  // Teaspoon's default suite matcher, from the Rails root.
  teaspoon: ['{spec/javascripts,app/assets}/**/*_spec.{js,js.coffee,coffee}'],
  // node-tap (v18+) and uvu (its default pattern, from the folder it is given) also load TypeScript.
  tap: [`**/{test,tests,__tests__}/**/*.${JS}`, `**/*.{test,spec}.${JS}`, `**/test.${JS}`],
  uvu: [`**/{test,tests,__test__,__tests__}/**/*.${JS}`, `**/*.{test,tests,spec}.${JS}`],
  // Node's own patterns; with type stripping (the default since Node 22.18 and 23.6, or a loader
  // such as `--import tsx`) the same names ending in .ts, .cts and .mts too.
  'node:test': [
    '**/*.test.?(c|m)[jt]s',
    '**/*-test.?(c|m)[jt]s',
    '**/*_test.?(c|m)[jt]s',
    '**/test-*.?(c|m)[jt]s',
    '**/test.?(c|m)[jt]s',
    '**/test/**/*.?(c|m)[jt]s',
  ],
});
const EXCLUDE: Record<string, string[]> = table({
  vitest: ['**/node_modules/**', '**/dist/**', '**/cypress/**', '**/.{idea,git,cache,output,temp}/**'],
  ava: ['**/node_modules/**', '**/fixtures/**', '**/helpers/**', '**/_*'],
  jasmine: ['**/node_modules/**', '**/dist/**'],
  tap: ['**/node_modules/**', '**/{fixture,fixtures,dist,tap-snapshots}/**'],
});
const CONFIGS: { runner: string; glob: string }[] = [
  { runner: 'vitest', glob: '**/{vitest,vite}.config.{js,mjs,cjs,ts,mts,cts}' },
  { runner: 'vitest', glob: '**/vitest.{workspace,projects}.{js,mjs,ts,json}' },
  { runner: 'jest', glob: '**/jest.config.{js,mjs,cjs,ts,json}' },
  { runner: 'mocha', glob: '**/.mocharc.{js,cjs,mjs,json,jsonc,yml,yaml}' },
  { runner: 'playwright', glob: '**/playwright.config.{js,mjs,cjs,ts,mts}' },
  { runner: 'cypress', glob: '**/cypress.config.{js,mjs,cjs,ts,mts,cts}' },
  // Cypress before 10: `integrationFolder` (default cypress/integration) and `testFiles` (default every file).
  { runner: 'cypress', glob: '**/cypress.json' },
  { runner: 'ava', glob: '**/ava.config.{js,cjs,mjs}' },
  { runner: 'jasmine', glob: '**/spec/support/jasmine.json' },
  // Teaspoon runs a Rails app's JavaScript tests (Mocha, Jasmine or QUnit) in a browser.
  { runner: 'teaspoon', glob: '**/{spec,test}/teaspoon_env.rb' },
];

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const strings = (s: string | undefined) => [...(s ?? '').matchAll(/['"`]([^'"`\n]+)['"`]/g)].map((m) => m[1]!);
// An array's strings are skipped whole: Vitest's own default `**/*.{test,spec}.?(c|m)[jt]s?(x)`
// holds a `]` that would otherwise end the array inside the string (one pass: each alternative
// starts with a different character).
const keyValue = (key: string, flags = '') =>
  new RegExp(
    `["']?\\b${key}["']?\\s*[:=]\\s*(\\[(?:[^\\]'"\`]|'[^'\\n]*'|"[^"\\n]*"|\`[^\`\\n]*\`)*\\]|['"\`][^'"\`\\n]+['"\`])`,
    flags,
  );
/** Literal string values of `key: '…'` or `key: ['…', …]` in a config read as text. */
function literal(text: string, key: string): string[] | undefined {
  const m = keyValue(key).exec(text);
  return m ? strings(m[1]) : undefined;
}
/** Every literal value of the key, top-level and in each of `projects: […]` (each project selects its own files). */
function literals(text: string, key: string): string[] | undefined {
  const all = [...text.matchAll(keyValue(key, 'g'))].flatMap((m) => strings(m[1]));
  return all.length ? [...new Set(all)] : undefined;
}
function withoutBlock(text: string, start: RegExp): string {
  const code = mask(text, SYNTAX.js);
  const m = start.exec(code);
  if (!m) return text;
  const end = matchBracket(code, m.index + m[0].length - 1);
  return end < 0 ? text : text.slice(0, m.index) + text.slice(end);
}
const clean = (g: string) => g.replace(/^\.\//, '').replace(/^<rootDir>\//, '');
/**
 * A glob relative to the config's folder, from the root. Leading `../` segments are resolved against
 * the folder (blind round 46: a site's vitest.config.ts in services/site/ includes
 * `'../../other/__tests__/**'`, tests of a folder beside the package); one that climbs above the
 * root stays as written, matching nothing here.
 */
const under = (dir: string, g: string) => {
  let glob = clean(g);
  if (!glob.startsWith('../')) return dir ? `${dir}/${glob}` : glob;
  const parts = dir ? dir.split('/') : [];
  while (glob.startsWith('../') || glob.startsWith('./')) {
    if (glob.startsWith('./')) {
      glob = glob.slice(2);
      continue;
    }
    if (parts.length === 0) return g;
    parts.pop();
    glob = glob.slice(3);
  }
  return parts.length ? `${parts.join('/')}/${glob}` : glob;
};

/**
 * The config without its comments, strings kept: `// testMatch: [...]` left in a generated
 * jest.config.js configures nothing. Offsets and lines are kept.
 */
export function uncommented(text: string): string {
  const code = mask(text, SYNTAX.js);
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = code[i]!;
    // The mask keeps string delimiters and blanks what is between: take that back from the text.
    if (quote) {
      out += c === quote ? c : text[i];
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    out += c;
  }
  return out;
}

/** The include/exclude globs one runner config file sets (read as text, never executed). */
function specFromConfig(runner: string, path: string, raw: string): RunnerSpec | undefined {
  // teaspoon_env.rb is Ruby: its comments are `#` lines.
  const text = runner === 'teaspoon' ? raw.replace(/^[ \t]*#.*$/gm, '') : uncommented(raw);
  let dir = dirOf(runner === 'jasmine' || runner === 'teaspoon' ? dirOf(dirOf(path)) : path);
  if (runner === 'vitest' && path.includes('vite.config') && !/\btest\s*:/.test(text)) return undefined;
  let include: string[] | undefined;
  let exclude: string[] = [];
  let typecheck = false;
  let match: string[] | undefined;
  let also: RegExp[] | undefined;
  let ignore: RegExp[] = [];
  if (runner === 'vitest') {
    // `coverage: { include: [...] }` names source files, not tests; `typecheck.include` names type tests.
    const checked = /\btypecheck\s*:\s*(?:true\b|\{[^}]*\benabled\s*:\s*(?!false\b)[^,}\s])/.exec(
      mask(text, SYNTAX.js),
    );
    typecheck = !!checked;
    // Vitest's options live in the `test: { … }` block (of each project): a Vite config's own
    // `optimizeDeps: { include: [...] }` or `build.rollupOptions.external` names no test file.
    const t = withoutBlock(withoutBlock(testBlocks(text) ?? text, /\bcoverage\s*:\s*\{/), /\btypecheck\s*:\s*\{/);
    include = literal(t, 'include');
    exclude = literal(t, 'exclude') ?? [];
    const root = literal(t, 'dir')?.[0] ?? literal(t, 'root')?.[0] ?? literal(text, 'root')?.[0];
    if (root) dir = joinDir(dir, root);
    if (typecheck) include = [...(include ?? DEFAULTS.vitest!), `**/*.{test,spec}-d.${JS}`];
  }
  if (runner === 'jest') {
    // `rootDir` moves `<rootDir>` and the default globs (a config kept in config/ often says `rootDir: '..'`).
    const rootDir = literal(text, 'rootDir')?.[0];
    if (rootDir) dir = joinDir(dir, rootDir);
    include = literals(text, 'testMatch');
    match = literals(text, 'testRegex');
    const roots = literal(text, 'roots');
    // `testRegex` replaces the default testMatch globs; `roots` still bounds the folders searched.
    if (!include && match) include = roots ? roots.map((r) => `${clean(r)}/**/*`) : ['**/*'];
    if (!include && roots) include = roots.flatMap((r) => DEFAULTS.jest!.map((g) => `${clean(r)}/${g}`));
    // `testPathIgnorePatterns: ["/node_modules/", "test/e2e"]`: regexes on the path (`<rootDir>` its folder).
    const rootPath = dir ? `/${dir}` : '';
    ignore = (literals(text, 'testPathIgnorePatterns') ?? []).flatMap((g) =>
      safeRegex(g.replace(/<rootDir>/g, escapeRe(rootPath))),
    );
  }
  if (runner === 'mocha') {
    // .mocharc.{yml,yaml,json,js,cjs}: `spec` (globs or folders), `recursive`, `extension`, `ignore`;
    // YAML comments are `#` lines, YAML values may be unquoted or `- item` lists.
    const m = mochaOptions(/\.ya?ml$/.test(path) ? raw.replace(/^[ \t]*#.*$/gm, '') : text);
    include = m.include;
    exclude = m.exclude;
  }
  if (runner === 'playwright') {
    // Each of `projects: [{ … }]` selects its own files with its testDir and testMatch, defaulting
    // to the config's own; what runs is the union. A setup project's `testMatch` does not narrow
    // the project beside it that states none (Playwright's default then applies to that one).
    const top = playwrightSelection(text, raw, dir);
    const projects = playwrightProjects(text, raw, dir);
    const selections = projects.length
      ? projects.map((p) => ({
          ...(p.written || p.regexes.length ? p : top.written || top.regexes.length ? top : { regexes: [] }),
          dirs: p.dirs ?? top.dirs ?? [dir],
        }))
      : [{ ...top, dirs: top.dirs ?? [dir] }];
    dir = commonDir(selections.flatMap((s) => s.dirs));
    const rel = (d: string) => (d === dir ? '' : d.slice(dir ? dir.length + 1 : 0));
    const globSet = new Set<string>();
    const alsoList: RegExp[] = [];
    for (const sel of selections) {
      // A testMatch glob is matched against the whole path (`**/` put in front): one that names folders
      // (`tests/given-app/*.spec.ts`) matches where those folders are, which may be testDir itself.
      const written = (sel.written ?? (sel.regexes.length ? [] : DEFAULTS.playwright!)).map((g) =>
        clean(g).replace(/^\*\*\//, ''),
      );
      for (const d of sel.dirs)
        for (const g of written.filter((w) => !w.includes('/'))) globSet.add(rel(d) ? `${rel(d)}/**/${g}` : `**/${g}`);
      alsoList.push(...sel.regexes, ...written.filter((g) => g.includes('/')).flatMap((g) => globRegex(g) ?? []));
    }
    if (alsoList.length) also = alsoList;
    include = [...globSet];
  }
  if (runner === 'cypress') include = cypressSpecs(path, text);
  if (runner === 'ava') {
    // AVA's `files` (negated globs exclude) and `extensions` (`["ts"]` or `{ ts: "module" }`): its
    // default globs take every extension it loads, so a TypeScript set-up collects test/*.ts.
    const files = literal(text, 'files');
    const exts = avaExtensions(text);
    const globs = files?.filter((g) => !g.startsWith('!'));
    include = (globs?.length ? globs : DEFAULTS.ava!).map((g) =>
      exts ? g.replace(/\{js,cjs,mjs\}$/, exts.length > 1 ? `{${exts.join(',')}}` : exts[0]!) : g,
    );
    exclude = (files ?? []).filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  }
  if (runner === 'teaspoon') {
    // `suite.matcher = "{test/javascripts,app/assets}/**/*_test.js"`, one per suite, from the Rails root.
    const matchers = [...text.matchAll(/\.matcher\s*=\s*["']([^"'\n]+)["']/g)].map((m) => clean(m[1]!));
    if (matchers.length) include = matchers;
  }
  if (runner === 'jasmine') {
    const sd = literal(text, 'spec_dir')?.[0];
    const sf = literal(text, 'spec_files');
    if (sd || sf) include = (sf ?? ['**/*[sS]pec.?(m)js']).map((g) => (sd ? `${sd}/${g}` : g));
  }
  return {
    runner,
    dir,
    include: (include ?? DEFAULTS[runner]!).map((g) => under(dir, g)),
    exclude: [...(EXCLUDE[runner] ?? []), ...exclude.map((g) => under(dir, g))],
    source: path,
    ...(typecheck ? { typecheck } : {}),
    ...(match?.length ? { match: match.flatMap(safeRegex) } : {}),
    ...(ignore.length ? { ignore } : {}),
    ...(also ? { also } : {}),
  };
}

/**
 * The specs a Cypress config collects. Cypress 10+ globs `specPattern` (e2e and component, each
 * with globby, which expands a folder to every file under it: `specPattern: 'client/cypress/integration/'`);
 * cypress.json (before 10) joins `integrationFolder` with `testFiles`. Only JS/TS files are counted.
 */
function cypressSpecs(path: string, text: string): string[] | undefined {
  const folder = (g: string) => g.endsWith('/') || !/[*?{}[\]]|\.[A-Za-z0-9]+$/.test(g);
  const asGlob = (g: string) => (folder(g) ? `${clean(g).replace(/\/+$/, '')}/**/*.${JS}` : g);
  if (path.endsWith('.json')) {
    const root = clean(literal(text, 'integrationFolder')?.[0] ?? 'cypress/integration').replace(/\/+$/, '');
    const testFiles = literal(text, 'testFiles') ?? [`**/*.${JS}`];
    return testFiles.map((g) => `${root}/${clean(g).replace(/^\*\*\/\*\.\*$/, `**/*.${JS}`)}`);
  }
  return literals(text, 'specPattern')?.map(asGlob);
}

/**
 * A key of AVA's `extensions: { ts: "module" }`. The look-behind starts a match only where a word
 * starts: without it a 40k-letter word was rescanned from each letter (quadratic, 2.75 s).
 */
export const AVA_EXTENSION_KEY = /(?<![a-z0-9])["']?([a-z][a-z0-9]*)["']?\s*:/gi;

/**
 * The first `extensions: [...]` or `extensions: {...}` of a config, as `[, value]`. Its end is found
 * by index, once per kind of bracket: a pattern `\[[^\]]*\]` rescanned the rest of the text from
 * each of many unclosed `extensions: [` (quadratic, 2.7 s on 180 KB).
 */
function extensionsValue(text: string): [string, string] | undefined {
  const unclosed = new Set<string>();
  for (const h of text.matchAll(/["']?\bextensions["']?\s*:\s*([[{])/g)) {
    const close = h[1] === '[' ? ']' : '}';
    if (unclosed.has(close)) continue;
    const from = h.index + h[0].length - 1;
    const end = text.indexOf(close, from + 1);
    if (end < 0) unclosed.add(close);
    else return [text.slice(h.index, end + 1), text.slice(from, end + 1)];
  }
  return undefined;
}

/**
 * The file extensions an AVA config loads: `extensions: ["ts", "js"]`, `extensions: { ts: "module" }`,
 * or `ts` added by `typescript: { … }` (@ava/typescript). Undefined when it names none (AVA's js, cjs, mjs).
 */
export function avaExtensions(text: string): string[] | undefined {
  const exts = new Set<string>();
  const m = extensionsValue(text);
  if (m?.[1]?.startsWith('[')) for (const e of strings(m[1])) exts.add(e.replace(/^\./, ''));
  else if (m) for (const k of m[1]!.matchAll(AVA_EXTENSION_KEY)) exts.add(k[1]!);
  if (/["']?\btypescript["']?\s*:\s*\{/.test(text)) exts.add('ts');
  if (!exts.size) return undefined;
  if (!m) for (const e of ['js', 'cjs', 'mjs']) exts.add(e);
  return [...exts].filter((e) => /^[a-z0-9]{1,5}$/i.test(e));
}

/** The `test: { … }` blocks of a Vitest/Vite config, joined (undefined when it has none). */
function testBlocks(text: string): string | undefined {
  const code = mask(text, SYNTAX.js);
  const opens = [...code.matchAll(/(?<![\w.$])test\s*:\s*\{/g)].map((m) => m.index + m[0].length - 1);
  // All blocks matched in one pass (each `test: {` scanned to the end of the file when unclosed was
  // quadratic), and only the outermost kept: a nested block's text is already in its parent's.
  const closes = matchBrackets(code, opens);
  const parts: string[] = [];
  let last = -1;
  for (const open of opens) {
    const end = closes.get(open) ?? -1;
    if (open < last || end <= open) continue;
    parts.push(text.slice(open, end));
    last = end;
  }
  return parts.length ? parts.join('\n') : undefined;
}

/** A plain glob (`*`, `**`, `?`, no braces or classes) as a regex matching the end of a `/`-prefixed path. */
function globRegex(glob: string): RegExp | undefined {
  if (/[{}[\]!()+@]/.test(glob)) return undefined;
  // Three stars at most: each `[^/]*` after a literal backtracks over the ones before it (polynomial in
  // their number on a path; `a*a*a*…b` ran for minutes).
  if ((glob.match(/\*/g) ?? []).length > 3) return undefined;
  const body = glob
    .split(/(\*\*\/|\*|\?)/)
    .map((part) => (part === '**/' ? '(?:[^/]+/)*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : escapeRe(part)))
    .join('');
  return new RegExp(`/${body}$`);
}

/** The deepest folder holding every one of `dirs` ('' for the root). */
function commonDir(dirs: string[]): string {
  const split = dirs.map((d) => d.split('/').filter(Boolean));
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length && split.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join('/');
}

/** `a/b` + `../c` → `a/c` (a config's rootDir, relative to the config's folder). */
function joinDir(dir: string, rel: string): string {
  const parts = dir.split('/').filter(Boolean);
  for (const p of clean(rel).split('/')) {
    if (!p || p === '.' || p === '<rootDir>') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** A regex from a config (testRegex, testPathIgnorePatterns, testMatch): compiled when it is short and bounded (hostile input). */
function safeRegex(written: string): RegExp[] {
  // Read from source text, the string still has its escapes: '\\.test\\.js$' is the regex \.test\.js$.
  const src = written.replace(/\\\\/g, '\\');
  if (src.length > 200 || !boundedRegexSource(src)) return [];
  try {
    return [new RegExp(src)];
  } catch {
    return [];
  }
}

export function jsRunnerSpecs(files: FileView): RunnerSpec[] {
  const specs: RunnerSpec[] = [];
  const configured = new Set<string>();
  const found = CONFIGS.flatMap(({ runner, glob }) => files.match(glob).map((path) => ({ runner, path })));
  // Configs that commands pass with --config (package scripts, CI): the runner reads those.
  const runnerConfigs = commandGraph(files).runnerConfigs;
  const byName = new Set(found.map((f) => f.path));
  for (const c of runnerConfigs)
    if (c.runner !== 'pytest' && c.runner !== 'karma' && !found.some((f) => f.path === c.path)) found.push(c);
  // The folders whose runner reads a config file found by its own name (jest.config.*): there a bare
  // `jest` takes that file, not package.json's `jest` key. A config passed with `--config` runs beside
  // the key (`jest` for unit tests, `jest --config test/jest-e2e.json` for e2e; blind round 49).
  const ownConfig = new Set<string>();
  for (const { runner, path } of found) {
    if (path.includes('node_modules/')) continue;
    const raw = files.read(path) ?? '';
    // Jest's `projects: [...]`: each project selects its own files; the config's own options
    // stand only when some project could not be read.
    const projects =
      runner === 'jest'
        ? jestProjects(path, uncommented(raw), files)
        : runner === 'vitest'
          ? vitestProjects(path, uncommented(raw))
          : undefined;
    const spec = !projects
      ? specFromConfig(runner, path, raw)
      : projects.complete
        ? undefined
        : specFromConfig(runner, path, withoutBlock(raw, PROJECTS));
    for (const s of [...(projects?.specs ?? []), ...(spec ? [spec] : [])]) {
      configured.add(`${runner}:${dirOf(path)}`);
      configured.add(`${runner}:${s.dir}`);
      if (byName.has(path)) ownConfig.add(`${runner}:${dirOf(path)}`).add(`${runner}:${s.dir}`);
      specs.push(s);
    }
  }
  // Karma loads the files its config's `files: [...]` lists (its `exclude` set aside) and runs their
  // Jasmine/Mocha cases in a browser: those globs, not the package's defaults, select the specs.
  const karmaConfigs = new Set([
    ...files.match(KARMA_CONFIG),
    ...runnerConfigs.filter((c) => c.runner === 'karma').map((c) => c.path),
  ]);
  for (const path of karmaConfigs) {
    if (path.includes('node_modules/')) continue;
    const spec = karmaSpec(path, files.read(path) ?? '');
    if (!spec || configured.has(`${spec.runner}:${spec.dir}`)) continue;
    configured.add(`${spec.runner}:${spec.dir}`);
    configured.add(`${spec.runner}:${dirOf(path)}`);
    specs.push(spec);
  }
  // Deno's built-in runner (`deno test`) collects `{*_,*.,}test.{ts,tsx,mts,js,mjs,jsx}` under the
  // directory of its deno.json/deno.jsonc, with no configuration needed.
  for (const cfg of [...files.named('deno.json'), ...files.named('deno.jsonc')]) {
    if (cfg.includes('node_modules/')) continue;
    const dir = dirOf(cfg);
    if (configured.has(`deno test:${dir}`)) continue;
    configured.add(`deno test:${dir}`);
    specs.push({
      runner: 'deno test',
      dir,
      include: ['**/{test,*_test,*.test}.{ts,tsx,mts,js,mjs,jsx}'].map((g) => under(dir, g)),
      exclude: ['**/node_modules/**'],
      source: cfg,
    });
  }
  for (const pkg of files.named('package.json')) {
    if (pkg.includes('node_modules/')) continue;
    const json = files.readJson(pkg);
    if (!json.ok || !json.value || typeof json.value !== 'object') continue;
    const p = json.value as {
      dependencies?: object;
      devDependencies?: object;
      scripts?: Record<string, unknown>;
      jest?: Record<string, unknown>;
      mocha?: Record<string, unknown>;
      ava?: Record<string, unknown>;
    };
    const dir = dirOf(pkg);
    const deps = { ...p.dependencies, ...p.devDependencies } as Record<string, unknown>;
    const scripts = Object.values(p.scripts ?? {}).filter((s): s is string => typeof s === 'string');
    const add = (runner: string, include: string[] | undefined, fromDependency = false) => {
      if (configured.has(`${runner}:${dir}`)) return;
      // A package that only installs the runner (code-server's test/package.json holds jest, the
      // root package.json configures it) and runs it from no script of its own: the enclosing
      // configuration decides what the runner collects there.
      if (
        fromDependency &&
        !scripts.some((x) => x.includes(runner)) &&
        specs.some(
          (s) =>
            s.runner === runner && s.source !== pkg && s.dir !== dir && (s.dir === '' || dir.startsWith(`${s.dir}/`)),
        )
      )
        return;
      configured.add(`${runner}:${dir}`);
      specs.push({
        runner,
        dir,
        include: (include ?? DEFAULTS[runner]!).map((g) => under(dir, g)),
        exclude: EXCLUDE[runner] ?? [],
        source: pkg,
      });
    };
    // The `jest` key of package.json is read as a config of its own (testMatch, testRegex, roots, rootDir).
    if (p.jest && typeof p.jest === 'object' && !ownConfig.has(`jest:${dir}`)) {
      const text = JSON.stringify(p.jest);
      const projects = jestProjects(pkg, text, files);
      const inline = !projects
        ? specFromConfig('jest', pkg, text)
        : projects.complete
          ? undefined
          : specFromConfig('jest', pkg, withoutBlock(text, PROJECTS));
      configured.add(`jest:${dir}`);
      specs.push(...(projects?.specs ?? []), ...(inline ? [inline] : []));
    }
    // So is the `ava` key (files, extensions), when no ava.config.* stands beside it.
    const avaInline =
      p.ava && typeof p.ava === 'object' && !configured.has(`ava:${dir}`)
        ? specFromConfig('ava', pkg, JSON.stringify(p.ava))
        : undefined;
    if (avaInline) {
      configured.add(`ava:${dir}`);
      specs.push(avaInline);
    }
    // Runners without a config file take their files on the command line (`tape tests/test-*.js`).
    for (const c of scripts.flatMap((x) => commandsOf(x))) {
      const runner = FILE_ARG_RUNNERS[c.argv[0]!];
      if (!runner || (runner === 'node:test' && !c.argv.includes('--test'))) continue;
      const globs = c.argv
        .slice(1)
        .filter((w) => !w.startsWith('-') && /[/*]|\.[cm]?[jt]sx?$/.test(w) && !w.includes('$'));
      if (globs.length)
        add(
          runner,
          globs.map((g) => g.replace(/^\.\//, '')),
        );
      // `uvu tests` / `uvu -r tsm test`: its first operand is a folder, walked for JS/TS files.
      else if (runner === 'uvu') add('uvu', uvuDirs(c.argv));
      // `tap` with no files collects its defaults (test/, tests/, *.test.*, *.spec.*).
      else if (runner === 'tap') add('tap', undefined);
    }
    if (deps.vitest) add('vitest', undefined);
    if (deps.jest) add('jest', undefined, true);
    if (deps.ava) add('ava', undefined);
    if (deps.jasmine) add('jasmine', undefined);
    // Jasmine run by Karma (Angular's default): jasmine-core, karma-jasmine or @types/jasmine, and
    // the `*.spec.ts` files the karma/tsconfig.spec set-up compiles, wherever they sit.
    else if (deps['karma-jasmine'] || deps['jasmine-core'] || deps['@types/jasmine'])
      add('jasmine', [`**/*.spec.${JS}`]);
    // Ember's QUnit (ember-qunit, ember-cli-qunit, `ember test`/`ember exam`): the test build bundles
    // every `tests/**/*-test.{js,ts}` of the app and runs its `test(…)` calls in a browser.
    if (deps['ember-qunit'] || deps['ember-cli-qunit'] || scripts.some((s) => /\bember[ \t]+(?:test|exam)\b/.test(s)))
      add('qunit', ['tests/**/*-test.{js,ts,gjs,gts}']);
    if (deps['@playwright/test']) add('playwright', undefined);
    if (deps.cypress) add('cypress', undefined);
    if (scripts.some((s) => /\bnode\s+(?:[^|;&]*\s)?--test\b/.test(s))) add('node:test', undefined);
    // Every script that runs Mocha, and every `mocha …` command of each (`test:unit` runs
    // `mocha test/unit --recursive`, `test:component` runs `mocha test/component --recursive`):
    // the files are the union of what they name, each read with its own options (blind round 42
    // counted only the first script's folder). A command that names no file adds Mocha's default.
    const runs = scripts.slice(0, MAX_PACKAGE_SCRIPTS).flatMap((x) => mochaCommands(x));
    const lists = runs.map((args) => mochaSpecs(args) ?? configuredMocha(files, dir, args));
    const named = lists.some((l) => l !== undefined) ? [...new Set(lists.flatMap((l) => l ?? []))] : undefined;
    // Spec arguments on the command line are run beside a .mocharc's (Mocha concatenates the two):
    // `mocha 'test/**/*.[jt]s'` with a .mocharc.js that only sets `require` runs every such file.
    const rc = named && specs.find((s) => s.runner === 'mocha' && s.dir === dir && s.source !== pkg);
    if (rc && named) rc.include = [...new Set([...rc.include, ...named.map((g) => under(dir, g))])];
    else if (deps.mocha || runs.length || p.mocha) {
      const inline =
        p.mocha && typeof p.mocha === 'object' ? mochaOptions(JSON.stringify(p.mocha, null, 1)).include : undefined;
      // A command with no file of its own runs package.json's `mocha.spec`, else Mocha's default.
      const bare = lists.some((l) => l === undefined) ? (inline ?? DEFAULTS.mocha!) : [];
      add('mocha', named ? [...new Set([...named, ...bare])] : inline);
    }
  }
  specs.push(...scriptMochaSpecs(files, specs));
  return specs.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.runner < b.runner ? -1 : 1));
}

/** Karma configs: karma.conf.js, karma.conf.ts, karma.config.js, karma-ci.conf.js, test/karma.conf.js … */
const KARMA_CONFIG = '**/karma*.{conf,config}.{js,cjs,mjs,ts}';
/** A glob that names test files (a test folder or a test/spec suffix), not the sources or vendor bundles Karma also loads. */
const KARMA_TEST_GLOB = /(?:^|[/._-])(?:tests?|specs?|__tests__|unit|e2e)(?:[/._-]|$)|[a-z](?:Spec|Test)s?[.*]/i;

/**
 * The spec files a Karma config loads: the wildcard globs of its `files` (strings or
 * `{ pattern: '…' }`) that name tests, relative to `basePath`, minus its `exclude`. Its
 * `frameworks` say whose cases they hold (Jasmine unless Mocha is named). A config whose files
 * name no such glob (Angular's, which bundles the specs through its builder) selects nothing here.
 */
function karmaSpec(path: string, raw: string): RunnerSpec | undefined {
  const text = uncommented(raw);
  const listed = literal(text, 'files');
  if (!listed) return undefined;
  const globs = listed.filter((g) => g.includes('*') && !g.includes('node_modules') && KARMA_TEST_GLOB.test(g));
  if (!globs.length) return undefined;
  const base = literal(text, 'basePath')?.[0];
  const dir = base ? joinDir(dirOf(path), base) : dirOf(path);
  const frameworks = literal(text, 'frameworks') ?? [];
  const runner = frameworks.includes('mocha') && !frameworks.includes('jasmine') ? 'mocha' : 'jasmine';
  return {
    runner,
    dir,
    include: globs.map((g) => under(dir, g)),
    exclude: ['**/node_modules/**', ...(literal(text, 'exclude') ?? []).map((g) => under(dir, g))],
    source: path,
  };
}

/** Shell scripts read for the test files they run, and the size of each. */
const MAX_TEST_SCRIPTS = 200;

/**
 * Mocha run by a shell script of the repository on files of its own folder (blind round 32: each
 * database driver's `test.sh` starts its database and runs `npx mocha ./test.js`; the 99 cases of
 * those suites were not counted, since the package's `mocha test` collects only test/). The files
 * the command names, relative to the script's folder, are Mocha's there; a script whose `mocha`
 * names no file leaves the package's configuration to decide.
 */
function scriptMochaSpecs(files: FileView, known: RunnerSpec[]): RunnerSpec[] {
  const out: RunnerSpec[] = [];
  const scripts = files
    .match(['**/*.sh', '**/*.bash'])
    .filter((p) => !p.includes('node_modules/'))
    .slice(0, MAX_TEST_SCRIPTS);
  for (const path of scripts) {
    // Only the lines that run Mocha, each of bounded length (alongside.ts), taken by the scan as it
    // read the script.
    const lines = files.digest(path, MOCHA_LINES);
    const args = lines !== undefined ? mochaArgs(lines) : undefined;
    const named = args === undefined ? undefined : mochaSpecs(args);
    if (!named?.length) continue;
    // Relative to the script's folder (`cd "$(dirname "$0")"`, or run from there) and to the root
    // (a script CI runs from the checkout): both are where the command may find its files.
    for (const dir of new Set([dirOf(path), ''])) {
      const globs = named.map((g) => under(dir, g));
      if (known.some((s) => s.runner === 'mocha' && s.include.join() === globs.join())) continue;
      out.push({ runner: 'mocha', dir, include: globs, exclude: [], source: path });
    }
  }
  return out;
}

/** What one Playwright config or project states: its testDir folders, testMatch globs and regexes. */
interface PlaywrightSelection {
  dirs?: string[];
  written?: string[];
  regexes: RegExp[];
}

/**
 * The testDir and testMatch that `text` states (its `projects: [...]` array blanked, when a
 * config): `raw` holds the regex bodies the comment mask blanked, at the same offsets.
 */
function playwrightSelection(text: string, raw: string, dir: string): PlaywrightSelection {
  const code = mask(text, SYNTAX.js);
  const m = PROJECTS.exec(code);
  const end = m ? matchBracket(code, m.index + m[0].length - 1) : -1;
  const own = m && end > 0 ? text.slice(0, m.index) + ' '.repeat(end - m.index) + text.slice(end) : text;
  const dirs = literals(own, 'testDir')?.map((d) => joinDir(dir, d));
  // A setup project's `testMatch: /.*\.setup\.ts/` is a regex, tested on the absolute path.
  const regexes = [...own.matchAll(/\btestMatch\s*:\s*(\[[^\]\n]*\]|\/[^\n]*)/g)].flatMap((r) => {
    const at = r.index + r[0].length - r[1]!.length;
    const value = raw.slice(at, at + r[1]!.length);
    return [...value.matchAll(/\/((?:\\.|[^/\n\\])+)\/[a-z]*/g)].flatMap((x) =>
      safeRegex(x[1]!.replace(/\\/g, '\\\\')),
    );
  });
  const written = literals(own, 'testMatch');
  return { ...(dirs ? { dirs } : {}), ...(written ? { written } : {}), regexes };
}

/** Each inline object of a Playwright config's `projects: [...]`, read as a selection of its own. */
function playwrightProjects(text: string, raw: string, dir: string): PlaywrightSelection[] {
  const code = mask(text, SYNTAX.js);
  const m = PROJECTS.exec(code);
  if (!m) return [];
  const open = m.index + m[0].length - 1;
  const end = matchBracket(code, open);
  if (end < 0) return [];
  const out: PlaywrightSelection[] = [];
  for (let i = open + 1; i < end - 1; ) {
    const c = code[i]!;
    if (c === '{') {
      const close = matchBracket(code, i);
      if (close < 0) break;
      out.push(playwrightSelection(text.slice(i, close), raw.slice(i, close), dir));
      i = close;
    } else i = '([{'.includes(c) ? Math.max(matchBracket(code, i), i + 1) : i + 1;
  }
  return out;
}

const JEST_CONFIG = 'jest.config.{js,mjs,cjs,ts,json}';
const PROJECTS = /(?<![\w.$])["']?projects["']?\s*:\s*\[/;

/**
 * The elements of the `projects: [ … ]` array of masked code: each inline object
 * and string literal handed to `element`, anything else (a variable, a call, a spread) skipped to
 * the next comma. `complete` is false when some element could not be read or `element` says so.
 */
function projectElements(
  code: string,
  element: (kind: 'object' | 'string', start: number, close: number) => boolean,
): { complete: boolean } | undefined {
  const m = PROJECTS.exec(code);
  if (!m) return undefined;
  const open = m.index + m[0].length - 1;
  const end = matchBracket(code, open);
  if (end < 0) return undefined;
  let complete = true;
  for (let i = open + 1; i < end - 1; ) {
    const c = code[i]!;
    if (/[\s,]/.test(c)) {
      i++;
      continue;
    }
    if (c === '{' || c === '"' || c === "'" || c === '`') {
      const close = c === '{' ? matchBracket(code, i) : code.indexOf(c, i + 1);
      if (close < 0) return { complete: false };
      if (!element(c === '{' ? 'object' : 'string', i, close)) complete = false;
      i = c === '{' ? close : close + 1;
      continue;
    }
    complete = false;
    while (i < end - 1 && code[i] !== ',')
      i = '([{'.includes(code[i]!) ? Math.max(matchBracket(code, i), i + 1) : i + 1;
  }
  return { complete };
}

/**
 * Jest's `projects: [...]` (read as text): an inline object is a config of its own (its roots,
 * testMatch, testRegex, testPathIgnorePatterns, rootDir; a `...BASE` spread of an object declared
 * in the same file is read after the project's own keys, which win); a string names another
 * config file or a folder (a glob), whose own jest config, when it has one, is read where it is
 * found and otherwise Jest's defaults apply there. `complete` is false when some element is
 * neither (a call, a variable): the config's own options outside the array then stand beside them.
 */
export function jestProjects(
  path: string,
  text: string,
  files: FileView,
): { specs: RunnerSpec[]; complete: boolean } | undefined {
  const code = mask(text, SYNTAX.js);
  const specs: RunnerSpec[] = [];
  const declared = objectDeclarations(code);
  // The bases read into all projects together: a real config's few; thousands of projects each
  // spreading one large object would read it thousands of times (past this, a project is read alone).
  const budget = { left: SPREAD_BUDGET };
  const read = projectElements(code, (kind, i, close) => {
    if (kind === 'object') {
      const spec = specFromConfig(
        'jest',
        path,
        text.slice(i, close) + spreadBases(code, text, i, close, declared, budget),
      );
      if (spec) specs.push(spec);
      return true;
    }
    const value = text.slice(i + 1, close);
    if (value.includes('${')) return false;
    specs.push(...jestProjectPath(path, value, files));
    return true;
  });
  return read && { specs, complete: read.complete };
}

/**
 * Vitest's `test: { projects: [{ test: { include, exclude } }, …] }` (read as text): each inline
 * project selects its own files, so one project's `exclude` does not drop what another includes.
 * Any other element (a path, a glob, a call) leaves the list incomplete: the whole config is then
 * read as before, beside the projects read.
 */
function vitestProjects(path: string, text: string): { specs: RunnerSpec[]; complete: boolean } | undefined {
  const code = mask(text, SYNTAX.js);
  const specs: RunnerSpec[] = [];
  const read = projectElements(code, (kind, i, close) => {
    const spec = kind === 'object' ? specFromConfig('vitest', path, text.slice(i, close)) : undefined;
    if (spec) specs.push(spec);
    return !!spec;
  });
  return read && specs.length ? { specs, complete: read.complete } : undefined;
}

/** Characters of spread bases read into the projects of one jest config, all together. */
export const SPREAD_BUDGET = 1 << 20;

/**
 * The objects a file declares by name (`const BASE = {`): the first declaration of each name, its
 * braces matched when a spread first asks for it. One pass over the file, shared by every project.
 */
export function objectDeclarations(code: string): (name: string) => [number, number] | undefined {
  const open = new Map<string, number>();
  for (const d of code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*\{/g))
    if (!open.has(d[1]!)) open.set(d[1]!, d.index + d[0].length - 1);
  // Every declaration's braces matched in one pass when a spread first asks: matched per name, each
  // unclosed `const X = {` was scanned to the end of the file (quadratic in a file of thousands).
  let closes: Map<number, number> | undefined;
  return (name) => {
    const at = open.get(name);
    if (at === undefined) return undefined;
    closes ??= matchBrackets(code, [...open.values()]);
    return [at, closes.get(at) ?? -1];
  };
}

/**
 * The text of the objects `...NAME` spreads into the object at [from, to), when the file declares
 * them: each name once, however often it is spread (per spread the file was searched again and the
 * declaration appended again, cubic in a config of thousands), and within the file's budget.
 */
export function spreadBases(
  code: string,
  text: string,
  from: number,
  to: number,
  declared: (name: string) => [number, number] | undefined,
  budget: { left: number },
): string {
  let out = '';
  const seen = new Set<string>();
  for (const s of code.slice(from, to).matchAll(/\.\.\.\s*([A-Za-z_$][\w$]*)(?![\w$.[(])/g)) {
    if (seen.has(s[1]!)) continue;
    seen.add(s[1]!);
    const span = declared(s[1]!);
    if (!span) continue;
    const [open, close] = span;
    if (close > open && (close <= from || open >= to) && close - open <= budget.left) {
      budget.left -= close - open;
      out += `\n${text.slice(open, close)}`;
    }
  }
  return out;
}

/** The specs a string project names: a config file read as one, or a folder (glob) with Jest's defaults. */
function jestProjectPath(config: string, value: string, files: FileView): RunnerSpec[] {
  const dir = dirOf(config);
  const target = joinDir(dir, value);
  if (/\.(?:[cm]?[jt]s|json)$/.test(target)) {
    const raw = files.read(target);
    const spec = raw === undefined ? undefined : specFromConfig('jest', target, raw);
    return spec ? [spec] : [];
  }
  // A folder with a jest config of its own (or a package.json `jest` key) is read where it is found.
  const at = target ? `${target}/` : '';
  const own = files
    .match([`${at}${JEST_CONFIG}`, `${at}package.json`])
    .filter((p) => p !== config && (!p.endsWith('package.json') || /"jest"\s*:/.test(files.read(p) ?? '')))
    .map(dirOf)
    .filter((d) => d !== dir);
  return [
    {
      runner: 'jest',
      dir,
      include: DEFAULTS.jest!.map((g) => under(target, g)),
      exclude: own.map((d) => `${d}/**`),
      source: config,
    },
  ];
}

/** The folders `uvu [dir] [pattern]` walks: its first operand (skipping -r/-i values), every JS/TS file under it. */
function uvuDirs(argv: string[]): string[] | undefined {
  const operands: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!;
    if (/^(?:-r|--require|-i|--ignore)$/.test(w)) i++;
    else if (!w.startsWith('-') && !w.includes('$')) operands.push(w);
  }
  const dir = operands[0]?.replace(/^\.\//, '').replace(/\/+$/, '');
  return dir && dir !== '.' ? [`${dir}/**/*.${JS}`] : undefined;
}

/** Runners that take their test files as arguments, by program name. */
const FILE_ARG_RUNNERS: Record<string, string> = table({
  tape: 'tape',
  taper: 'tape',
  tap: 'tap',
  'tap-spec': 'tape',
  node: 'node:test',
  borp: 'node:test',
  uvu: 'uvu',
  brittle: 'brittle',
});

/**
 * The arguments of the first `mocha …` command a package script runs, read through the shell
 * (`&&` chains, `xargs mocha`, `nyc mocha`, a runner inside a `for FILE in <glob>; do … mocha $FILE; done`
 * loop): a loop variable stands for the words the loop walks, any other variable is dropped, so
 * a command with no spec left falls back to .mocharc / Mocha's defaults.
 */
function mochaArgs(script: string): string | undefined {
  return mochaCommands(script)[0];
}

/**
 * A `mocha --config <file>` (or `--config=<file>`) that names no file of its own runs what that
 * config selects (its `spec`, `recursive`, `extension`; Mocha's ./test when it names none), read
 * as text from the package's folder, where Mocha resolves it. Undefined when there is no such flag
 * or the file cannot be read.
 */
function configuredMocha(files: FileView, dir: string, args: string): string[] | undefined {
  const m = /(?:^|\s)--config(?:=|\s+)['"]?([^\s'"]+)/.exec(args);
  if (!m) return undefined;
  const path = joinDir(dir, m[1]!);
  const raw = files.read(path);
  if (raw === undefined || raw.length > MAX_TEST_SCRIPT) return undefined;
  return mochaOptions(/\.ya?ml$/.test(path) ? raw.replace(/^[ \t]*#.*$/gm, '') : uncommented(raw)).include;
}

/** Scripts of one package.json read for Mocha commands, and the commands kept from one script. */
const MAX_PACKAGE_SCRIPTS = 200;
const MAX_MOCHA_COMMANDS = 20;

/** The arguments of every `mocha …` command a script runs (see mochaArgs), in order, at most MAX_MOCHA_COMMANDS. */
function mochaCommands(script: string): string[] {
  if (!script.includes('mocha')) return [];
  const loops = new Map<string, string>();
  for (const m of script.matchAll(/\bfor\s+([A-Za-z_]\w*)\s+in\s+([^;\n]+?)\s*(?:;|\n|\bdo\b)/g))
    loops.set(m[1]!, m[2]!);
  const out: string[] = [];
  for (const c of commandsOf(script)) {
    // A wrapper in front (`xargs -0 mocha`, `nyc mocha`, `cross-env X=1 mocha`) leaves Mocha's own arguments after it.
    const at = c.argv.indexOf('mocha');
    if (at < 0) continue;
    out.push(
      c.argv
        .slice(at + 1)
        .map((w) => w.replace(/^\$\{?([A-Za-z_]\w*)\}?$/, (v, name: string) => loops.get(name) ?? v))
        .filter((w) => !w.includes('$'))
        .join(' '),
    );
    if (out.length >= MAX_MOCHA_COMMANDS) break;
  }
  return out;
}

/**
 * The values of `key` in a Mocha config read as text (YAML, JSON or JS): `key: [a, 'b']`, `key: 'a'`,
 * an unquoted YAML scalar, or a YAML `- item` list on the lines below. Undefined when it is absent or
 * computed (`spec: path.join(…)`).
 */
function optionValues(text: string, key: string): string[] | undefined {
  const m = new RegExp(`(?:^|[\\s{,])["']?${key}["']?[ \\t]*:[ \\t]*([^\\n]*)`).exec(text);
  if (!m) return undefined;
  // A comment starts at a `#` after a blank (found in one pass: `/\s+#.*$/` was quadratic on a long run of blanks).
  const hash = m[1]!.search(/(?:^|[ \t])#/);
  const value = (hash < 0 ? m[1]! : m[1]!.slice(0, hash)).trim();
  if (value.startsWith('[')) {
    // The list may span lines (a pretty-printed .mocharc.json): up to its closing bracket.
    const from = m.index + m[0].length - m[1]!.length;
    const close = text.indexOf(']', from);
    const inner = text.slice(text.indexOf('[', from) + 1, close < 0 ? undefined : close);
    const quoted = strings(inner);
    return quoted.length
      ? quoted
      : inner
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean);
  }
  if (value && !value.startsWith('#')) {
    if (/^['"`]/.test(value)) return strings(value).slice(0, 1);
    let end = value.length;
    while (end > 0 && (value[end - 1] === ',' || value[end - 1] === '}')) end--;
    const scalar = value.slice(0, end).trim();
    return /[()]/.test(scalar) || !scalar ? undefined : [scalar];
  }
  // A YAML block list: the `- item` lines that follow.
  const out: string[] = [];
  // Line by line from the key, up to the first line that is no item (not a split of the rest of the file).
  for (let at = m.index + m[0].length + 1; at > 0 && at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? undefined : nl);
    const item = /^[ \t]*-[ \t]+(.*\S)/.exec(line);
    if (!item) break;
    out.push(item[1]!.replace(/^['"]|['"]$/g, ''));
    if (nl < 0) break;
    at = nl + 1;
  }
  return out.length ? out : undefined;
}

/**
 * The files a Mocha config selects: its `spec` globs or folders (Mocha's default `./test`), a folder
 * walked whole with `recursive: true`, for the `extension`s it names (js, cjs, mjs by default);
 * `ignore` globs excluded.
 */
export function mochaOptions(text: string): { include: string[]; exclude: string[] } {
  const recursive = /(?:^|[\s{,])["']?recursive["']?[ \t]*:[ \t]*true\b/.test(text);
  const exts = (optionValues(text, 'extension') ?? ['js', 'cjs', 'mjs']).map((e) => e.replace(/^\./, ''));
  const ext = exts.length > 1 ? `{${exts.join(',')}}` : exts[0]!;
  const include = (optionValues(text, 'spec') ?? ['./test']).map((g) => {
    const t = clean(g);
    return /\.\w+$/.test(t) || /[*?{[]/.test(t) ? t : `${t.replace(/\/$/, '')}/${recursive ? '**/' : ''}*.${ext}`;
  });
  return { include, exclude: (optionValues(text, 'ignore') ?? []).map(clean) };
}

/** Positional spec arguments of a `mocha …` command line (directories list their files). */
function mochaSpecs(args: string): string[] | undefined {
  const toks = args.trim().split(/\s+/).filter(Boolean);
  const recursive = toks.includes('--recursive');
  const exts = [
    'js',
    'cjs',
    'mjs',
    ...toks.flatMap((t, i) => (t === '--extension' && toks[i + 1] ? [toks[i + 1]!] : [])),
  ];
  const out: string[] = [];
  const valued = new Set([
    '--require',
    '-r',
    '--reporter',
    '-R',
    '--ui',
    '-u',
    '--timeout',
    '-t',
    '--extension',
    '--file',
    '--config',
    '--grep',
    '-g',
    '--slow',
    '-s',
    '--ignore',
    '--exclude',
  ]);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!.replace(/^['"]|['"]$/g, '');
    if (t.startsWith('-')) {
      if (valued.has(t)) i++;
      continue;
    }
    const ext = exts.length > 1 ? `{${exts.join(',')}}` : exts[0]!;
    if (/\.\w+$/.test(t) || /[*?{[]/.test(t)) out.push(t);
    else out.push(`${t.replace(/\/$/, '')}/${recursive ? '**/' : ''}*.${ext}`);
  }
  // `mocha --recursive` with no spec walks the whole default folder.
  if (!out.length && recursive) out.push(`test/**/*.{${exts.join(',')}}`);
  return out.length ? out : undefined;
}

/** The runner that would collect this file, or undefined. */
export function jsRunnerFor(path: string, specs: RunnerSpec[]): string | undefined {
  if (path.includes('node_modules/')) return undefined;
  for (const s of specs) {
    // Outside its folder, a runner collects only what an include reaching out (`../../other/**`) names.
    const inside = !s.dir || path.startsWith(`${s.dir}/`);
    const include = inside ? s.include : s.include.filter((g) => !g.startsWith(`${s.dir}/`));
    if (!inside && include.length === 0) continue;
    if (!include.some((g) => globMatcher(g, false)(path)) && !(inside && s.also?.some((re) => re.test(`/${path}`))))
      continue;
    // Jest tests testRegex against the absolute path: from the root, with its leading slash.
    if (s.match && !s.match.some((re) => re.test(`/${path}`))) continue;
    if (s.exclude.some((g) => globMatcher(g, true)(path))) continue;
    if (s.ignore?.some((re) => re.test(`/${path}`))) continue;
    return s.runner;
  }
  return undefined;
}
