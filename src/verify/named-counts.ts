/**
 * Stale counts of named, countable things, which a careful reader settles by counting them:
 * "`examples/example_*\/Makefile` (3 examples)" (the paths the pattern matches), "104 Edge Functions"
 * (the sub-folders of the one `functions/` folder), "Modules: 9" (the modules the root build declares),
 * "HealthControllerTests.cs # 3 passing tests" (the test cases of that one file) and "Lines of Code: ~350"
 * under a heading that names a module (its source lines, counted two ways). A count that no longer
 * matches says the document is out of date; a count the files cannot pin down stays with the other lookups.
 */
import { isProductionPath } from '../facts/paths.js';
import { testInventory } from '../facts/tests/inventory.js';
import type { Evidence } from '../types.js';
import { globMatch } from '../util/glob-match.js';
import type { Claim } from './extract.js';
import type { Out } from './judge.js';
import type { LookupContext } from './lookup.js';
import { sectionModule } from './module-scope.js';
import { fileText } from './problems.js';
import type { VerifiedClaim } from './schema.js';
import { plain } from './status.js';

const VENDORED = /(?:^|\/)(?:node_modules|vendor|third_party|target|build|dist|\.venv|venv|\.git)\//;
const SOURCE = /\.(?:java|kt|py|ts|tsx|js|jsx|go|rs|php|rb|cs|swift|dart|scala)$/i;
/** Words that say a run went well, which counting files does not show. */
const RUN =
  /\b(?:pass(?:ing|ed|es)?|green|succeed(?:s|ed|ing)?|successful(?:ly)?|building|bestanden|aprovad[oa]s?|pasando)\b/i;
/** Two counts agree within 3 % of the larger (exact below 34). */
const near = (a: number, b: number) => Math.abs(a - b) <= 0.03 * Math.max(a, b);

interface Counted {
  agrees: boolean;
  /** What was counted: files (the default) or test cases. */
  basis?: 'tests';
  reason: string;
  evidence: Evidence[];
}

/** The verdict a count of named things gives the claim; null when the claim gives no such count. */
export function judgeNamedCount(claim: Claim, ctx: LookupContext, out: Out): VerifiedClaim | null {
  if (claim.asserted === 'not-done' || claim.asserted === 'planned') return null;
  const text = plain(claim.text).replace(/\s+/g, ' ').trim();
  const raw = claim.raw ?? claim.text;
  const c =
    globCount(ctx, raw) ??
    moduleCount(ctx, text) ??
    testsInFile(ctx, raw, text) ??
    linesOfCode(ctx, claim, text) ??
    subFolderCount(ctx, text);
  if (!c) return null;
  // A count that holds on a line that also says the thing runs, or reports a problem, is only part of it.
  if (c.agrees && (RUN.test(text) || claim.problem)) return null;
  return out(c.basis ?? 'file', c.agrees ? 'confirmed' : 'contradicted', c.reason, c.evidence);
}

/** A path pattern with one or more `*` in it: "examples/example_*\/Makefile". */
const GLOB = /(?:^|[\s`'"(])((?:[\w.-]+\/)*[\w.-]*\*[\w.*-]*(?:\/[\w.*-]+)*)/;
/** "(3 examples)", "(12 files)": the count the line gives the pattern's matches. */
const PAREN_COUNT = /\((\d{1,5})\s+([\p{L}-]+)\)/u;

/** "`examples/example_*\/Makefile` (3 examples)": the tracked paths the pattern matches. */
function globCount(ctx: LookupContext, raw: string): Counted | null {
  // (Bold marks are no pattern: "**people/tests.py (3 tests):**".)
  const g = GLOB.exec(raw.replaceAll('**', ''));
  if (!g || !g[1]!.includes('/')) return null;
  const after = raw.replaceAll('**', '').slice(g.index + g[0].length);
  const n = PAREN_COUNT.exec(after);
  if (!n) return null;
  const noun = n[2]!.toLowerCase().replace(/s$/, '');
  const pattern = g[1]!.replace(/^\.\//, '');
  if (noun !== 'file' && noun.length >= 3 && !pattern.toLowerCase().includes(noun)) return null;
  if (noun.length < 3) return null;
  // Matched without a regex built from the document: `[^/]*a[^/]*a…b$` backtracks exponentially in
  // its stars (ten stars took 47 s against one 42-character path). The pattern's segments against the
  // path's last as many segments, one pass that backtracks only to the last star.
  const depth = pattern.split('/').length;
  const hits = ctx.files.paths.filter((p) => {
    if (VENDORED.test(p)) return false;
    const segs = p.split('/');
    return segs.length >= depth && globMatch(pattern, segs.slice(-depth).join('/'), { segments: true }) === true;
  });
  if (!hits.length) return null;
  const claimed = Number(n[1]);
  const agrees = near(hits.length, claimed);
  return {
    agrees,
    reason: `the document says ${claimed} ${n[2]} for ${pattern}; the repository holds ${hits.length} paths that match it${agrees ? '' : ': the document is out of date'}`,
    evidence: hits.slice(0, 3).map((path) => ({ path })),
  };
}

/** "Modules: 9", "Maven modules: 15", "9 Gradle modules": the modules the root build declares. */
const MODULES_LABEL = /^(?:total\s+)?(?:(?:maven|gradle|cargo|workspace|build)\s+)?modules\s*[:|]\s*(\d{1,3})\b/i;
const MODULES_COUNT = /(?<![\d.,])(\d{1,3})\s+(?:maven|gradle|cargo|workspace)\s+(?:modules|members|crates)\b/i;

function declaredModules(ctx: LookupContext): { path: string; names: string[] } | null {
  const pom = ctx.files.exists('pom.xml') ? fileText(ctx, 'pom.xml') : undefined;
  if (pom) {
    const names = new Set<string>();
    for (const m of pom.matchAll(/<module>\s*([^<\s]{1,200})\s*<\/module>/g)) names.add(m[1]!);
    if (names.size) return { path: 'pom.xml', names: [...names] };
  }
  for (const path of ['settings.gradle', 'settings.gradle.kts']) {
    const body = ctx.files.exists(path) ? fileText(ctx, path) : undefined;
    if (!body) continue;
    const names = new Set<string>();
    for (const line of body.split('\n')) {
      if (!/^\s*include\b/.test(line)) continue;
      for (const m of line.matchAll(/["']([^"']{1,200})["']/g)) names.add(m[1]!);
    }
    if (names.size) return { path, names: [...names] };
  }
  const cargo = ctx.files.exists('Cargo.toml') ? fileText(ctx, 'Cargo.toml') : undefined;
  const start = cargo ? cargo.search(/^[ \t]*members[ \t]*=[ \t]*\[/m) : -1;
  if (cargo && start >= 0) {
    const open = cargo.indexOf('[', start);
    const close = cargo.indexOf(']', open);
    const list = close > open ? cargo.slice(open + 1, close) : '';
    const names = [...list.matchAll(/["']([^"']{1,200})["']/g)].map((m) => m[1]!);
    // A pattern ("crates/*") names folders only a listing settles.
    if (names.length && !names.some((n) => n.includes('*'))) return { path: 'Cargo.toml', names };
  }
  return null;
}

function moduleCount(ctx: LookupContext, text: string): Counted | null {
  const m = MODULES_LABEL.exec(text) ?? MODULES_COUNT.exec(text);
  if (!m) return null;
  const declared = declaredModules(ctx);
  if (!declared) return null;
  const claimed = Number(m[1]);
  const agrees = declared.names.length === claimed;
  return {
    agrees,
    reason: `the document says ${claimed} modules; ${declared.path} declares ${declared.names.length} (${declared.names.slice(0, 4).join(', ')}${declared.names.length > 4 ? ', …' : ''})${agrees ? '' : ': the document is out of date'}`,
    evidence: [{ path: declared.path, note: `${declared.names.length} modules` }],
  };
}

/** "HealthControllerTests.cs", "test_auth.py": a test file named with its extension. */
const TEST_FILE = /(?:^|[\s`'"(/])([\w.-]+\.(?:cs|java|kt|py|ts|tsx|js|jsx|mjs|go|rb|php|rs|swift|dart|scala))\b/g;
/** "HealthControllerTests (3 tests)": a test class named as the heading or lead. */
const TEST_CLASS = /(?:^|[\s`'"(])([A-Z][A-Za-z0-9_]*(?:Tests?|Spec|TestCase))(?=[\s`'"):,]|$)/;
/** "3 tests", "3 comprehensive passing tests", "35 testes", "7 test cases". */
const TESTS_FIGURE =
  /(?<![\d.,/])(\d{1,4})\s+(?:[\p{L}-]+\s+){0,2}?(?:tests?|testes|test cases|testf[äa]lle|pruebas)\b/iu;

/** "Created HealthControllerTests.cs with 3 tests": the test cases of the one file the line names. */
function testsInFile(ctx: LookupContext, raw: string, text: string): Counted | null {
  const fig = TESTS_FIGURE.exec(text);
  if (!fig) return null;
  // One figure only: "18 tests across 3 files" is about more than one file's size.
  const figures =
    text
      .split(' ')
      .filter((w) => !/\.\w/.test(w))
      .join(' ')
      .match(/\d+/g) ?? [];
  if (new Set(figures).size !== 1) return null;
  const names = new Set<string>();
  for (const m of raw.matchAll(TEST_FILE)) names.add(m[1]!.toLowerCase());
  let byClass = false;
  if (!names.size) {
    const cls = TEST_CLASS.exec(plain(raw));
    if (!cls) return null;
    names.add(cls[1]!.toLowerCase());
    byClass = true;
  }
  if (names.size !== 1) return null;
  const name = [...names][0]!;
  const inv = ctx.tests ?? testInventory(ctx.files);
  const base = (p: string) => {
    const b = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
    return byClass ? b.replace(/\.[^.]+$/, '') : b;
  };
  const files = inv.files.filter((f) => base(f.path) === name);
  if (files.length !== 1 || files[0]!.cases <= 0) return null;
  const f = files[0]!;
  const claimed = Number(fig[1]);
  const agrees = near(f.cases, claimed) || near(f.expanded, claimed);
  // A parameter table whose size is not literal runs more cases than the file spells out.
  if (!agrees && f.parametrized > 0 && claimed > f.cases) return null;
  return {
    agrees,
    basis: 'tests',
    reason: `the document says ${claimed} tests in ${name}; ${f.path} defines ${f.cases} test cases${agrees ? '' : ': the document is out of date'}`,
    evidence: [{ path: f.path, note: `${f.cases} test cases` }],
  };
}

/** "Lines of Code: ~350 lines", "Total Lines of Code: 1,221": source lines of a module or the project. */
const LOC =
  /^(total\s+)?(?:lines of code|loc|sloc|code lines)\s*[:|]\s*(~|≈|about\s+|approx\.?\s+|ca\.?\s+)?(\d{1,3}(?:,\d{3})+|\d{1,7})\+?(?:\s+lines)?\s*$/i;
/** A module's test sources, by its own layout (its package may well be named `testing`). */
const MODULE_TEST =
  /(?:^|\/)(?:src\/test|src\/it|tests?|__tests__|specs?)\/|(?:Tests?|Spec|IT)\.\w+$|(?:^|\/)test_[^/]*\.py$|\.(?:test|spec)\.\w+$/;
/** Lines are counted from at most this many files: a count over more is left open. */
const MAX_FILES = 3000;

/** A line that only names what the file uses ("import x;", "package a.b;", "using X;"), which a count of code leaves out. */
const IMPORT = /^(?:import|package|using|from\s+\S+\s+import|require|use)\b[^{]*;?$/;

/** Non-blank lines that are not comments or imports, and all lines, of a source file. */
function sourceLines(body: string, hash: boolean): { code: number; physical: number } {
  let code = 0;
  let physical = 0;
  let inBlock = false;
  let at = 0;
  while (at <= body.length) {
    let end = body.indexOf('\n', at);
    if (end < 0) end = body.length;
    const line = body.slice(at, end).trim();
    at = end + 1;
    if (end === body.length && !line) break;
    physical++;
    if (inBlock) {
      if (line.includes('*/')) inBlock = false;
      continue;
    }
    if (!line || line.startsWith('//') || (hash && line.startsWith('#'))) continue;
    if (line.startsWith('/*')) {
      if (!line.includes('*/', 2)) inBlock = true;
      continue;
    }
    if (line.startsWith('*') || IMPORT.test(line)) continue;
    code++;
  }
  return { code, physical };
}

/** "fastDataApi: Clean FastAPI implementation (~430 LOC)": a module named before a colon, its lines in brackets. */
const INLINE_LOC =
  /^([\w.-]{3,60}):[^()]*\(\s*(~|≈|about\s+|approx\.?\s+|ca\.?\s+)?(\d{1,3}(?:,\d{3})+|\d{1,7})\+?\s*(?:LOC|SLOC|lines(?: of code)?)\s*\)\s*$/i;

/** The one folder nearest the root whose name is the given one ("fastDataApi" → "fastDataApi/"), with a slash. */
function namedFolder(ctx: LookupContext, name: string): string | null {
  const want = `/${name.toLowerCase()}/`;
  const found = new Set<string>();
  for (const p of ctx.files.paths) {
    if (VENDORED.test(p)) continue;
    const i = `/${p.toLowerCase()}`.indexOf(want);
    if (i >= 0) found.add(p.slice(0, i + name.length + 1));
  }
  const depth = (f: string) => f.split('/').length;
  const top = Math.min(...[...found].map(depth));
  const nearest = [...found].filter((f) => depth(f) === top);
  return nearest.length === 1 ? nearest[0]! : null;
}

function linesOfCode(ctx: LookupContext, claim: Claim, text: string): Counted | null {
  const label = LOC.exec(text);
  const inline = label ? null : INLINE_LOC.exec(text);
  // [whole line, "total " or the module named inline, "~", the figure]
  const m = label ?? (inline ? [inline[0], undefined, inline[2], inline[3]] : null);
  if (!m) return null;
  // "Module 3: Spring Boot Advanced (Core Implementation)": the words in brackets describe, they do not name.
  const headings = inline ? [inline[1]!] : claim.headings?.map((h) => h.replace(/\([^()]*\)/g, ' '));
  const module = inline ? namedFolder(ctx, inline[1]!) : sectionModule(ctx, { ...claim, headings });
  // A module's own count under a heading that names none: which code it means is open.
  if (!module && (inline || !m[1])) return null;
  const files = ctx.files.paths.filter(
    // (A module named "08-testing-strategies" is no test folder: its own path decides.)
    (p) =>
      SOURCE.test(p) &&
      !VENDORED.test(p) &&
      (module ? p.startsWith(module) && !MODULE_TEST.test(p.slice(module.length)) : isProductionPath(p)),
  );
  if (!files.length || files.length > MAX_FILES) return null;
  let code = 0;
  let physical = 0;
  for (const f of files) {
    const body = fileText(ctx, f);
    if (body === undefined) return null;
    const n = sourceLines(body, /\.(?:py|rb)$/i.test(f));
    code += n.code;
    physical += n.physical;
  }
  const claimed = Number(m[3]!.replace(/,/g, ''));
  const where = `${files.length} source files${module ? ` of ${module}` : ''} hold ${code} lines of code (${physical} lines in all)`;
  const evidence = files.slice(0, 3).map((path) => ({ path }));
  // Lines of code are counted more than one way: a figure between the two counts (give or take 15 %) holds,
  // one under half the lines of code, under a third of all lines or over twice all lines does not, and one
  // in between is left open.
  if (claimed >= code * 0.85 && claimed <= physical * 1.15)
    return { agrees: true, reason: `the document says ${m[2] ?? ''}${claimed} lines; ${where}`, evidence };
  if (claimed * 2 < code || claimed * 3 < physical || claimed > physical * 2)
    return {
      agrees: false,
      reason: `the document says ${m[2] ?? ''}${claimed} lines; ${where}: the document is out of date`,
      evidence,
    };
  return null;
}

/** "104 Edge Functions": a count of things, each a sub-folder of the one folder named for them. */
const THINGS = /(?<![\d.,/])(\d{1,4})\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}]+s)\b/gu;
const HELPER_DIR = /^[_.]/;
/** Plurals that measure or report rather than name things kept one folder each. */
const NOT_THINGS =
  /^(?:tests|testes|files|lines|errors|warnings|issues|problems|bytes|seconds|minutes|hours|days|weeks|months|years|times|steps|requests|users|attempts|characters|items|entries|records|points|results|changes|commits|tokens|levels|rounds|retries|workers|threads|dependencies|packages|vulnerabilities|alerts)$/;

function subFolderCount(ctx: LookupContext, text: string): Counted | null {
  // "4 (root + 3 examples)": a line with more figures than the one count is about more than one folder.
  if (new Set(text.match(/\d+/g)).size !== 1) return null;
  for (const m of text.matchAll(THINGS)) {
    const noun = m[2]!.toLowerCase();
    if (noun.length < 5 || NOT_THINGS.test(noun) || Number(m[1]) < 3) continue;
    const folders = new Set<string>();
    for (const p of ctx.files.paths) {
      if (VENDORED.test(p)) continue;
      const i = `/${p.toLowerCase()}`.indexOf(`/${noun}/`);
      if (i >= 0) folders.add(p.slice(0, i + noun.length));
    }
    // The project's own folder is the one nearest the root ("supabase/functions", not a copy deeper down).
    const depth = (f: string) => f.split('/').length;
    const top = Math.min(...[...folders].map(depth));
    const nearest = [...folders].filter((f) => depth(f) === top);
    if (nearest.length !== 1) continue;
    const folder = nearest[0]!;
    const subs = new Set<string>();
    let direct = 0;
    for (const p of ctx.files.paths) {
      if (!p.startsWith(`${folder}/`)) continue;
      const rest = p.slice(folder.length + 1);
      const slash = rest.indexOf('/');
      if (slash < 0) direct++;
      else if (!HELPER_DIR.test(rest)) subs.add(rest.slice(0, slash));
    }
    // A folder of things, each in its own folder, not one that also holds the things as files.
    if (subs.size < 3 || direct > 2) continue;
    const claimed = Number(m[1]);
    const agrees = near(subs.size, claimed);
    return {
      agrees,
      reason: `the document says ${claimed} ${m[2]}; ${folder}/ holds ${subs.size} of them, one folder each${agrees ? '' : ': the document is out of date'}`,
      evidence: [...subs].slice(0, 3).map((s) => ({ path: `${folder}/${s}` })),
    };
  }
  return null;
}
