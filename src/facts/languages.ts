/** Languages by file count, from extensions and well-known file names. */
import { basename } from '../walk/glob.js';
import { isAgentDoc } from './paths.js';
import { table } from '../util/table.js';

const BY_EXTENSION: Record<string, string> = table({
  ts: 'TypeScript',
  tsx: 'TypeScript',
  mts: 'TypeScript',
  cts: 'TypeScript',
  js: 'JavaScript',
  jsx: 'JavaScript',
  mjs: 'JavaScript',
  cjs: 'JavaScript',
  py: 'Python',
  pyi: 'Python',
  go: 'Go',
  java: 'Java',
  kt: 'Kotlin',
  kts: 'Kotlin',
  scala: 'Scala',
  groovy: 'Groovy',
  cs: 'C#',
  fs: 'F#',
  vb: 'Visual Basic',
  rb: 'Ruby',
  php: 'PHP',
  rs: 'Rust',
  c: 'C',
  h: 'C',
  cc: 'C++',
  cpp: 'C++',
  cxx: 'C++',
  hpp: 'C++',
  hh: 'C++',
  swift: 'Swift',
  m: 'Objective-C',
  dart: 'Dart',
  ex: 'Elixir',
  exs: 'Elixir',
  erl: 'Erlang',
  clj: 'Clojure',
  hs: 'Haskell',
  // The ML family and the typed languages that compile to JavaScript (blind round 28: pupilfirst's
  // 435 ReScript files were not source at all). ReScript's .res is also the extension of compiled
  // Windows resources: it counts beside a ReScript project file only (detectLanguages).
  res: 'ReScript',
  resi: 'ReScript',
  re: 'Reason',
  rei: 'Reason',
  ml: 'OCaml',
  mli: 'OCaml',
  elm: 'Elm',
  purs: 'PureScript',
  gleam: 'Gleam',
  lua: 'Lua',
  r: 'R',
  jl: 'Julia',
  pl: 'Perl',
  pm: 'Perl',
  sh: 'Shell',
  bash: 'Shell',
  zsh: 'Shell',
  ps1: 'PowerShell',
  tf: 'HCL',
  hcl: 'HCL',
  bicep: 'Bicep',
  vue: 'Vue',
  svelte: 'Svelte',
  sql: 'SQL',
  proto: 'Protocol Buffers',
});

/** Languages that are application code (counted for source files, module size, ratios). */
export const CODE_LANGUAGES = new Set([
  'TypeScript',
  'JavaScript',
  'Python',
  'Go',
  'Java',
  'Kotlin',
  'Scala',
  'Groovy',
  'C#',
  'F#',
  'Visual Basic',
  'Ruby',
  'PHP',
  'Rust',
  'C',
  'C++',
  'Swift',
  'Objective-C',
  'Dart',
  'Elixir',
  'Erlang',
  'Clojure',
  'Haskell',
  'ReScript',
  'Reason',
  'OCaml',
  'Elm',
  'PureScript',
  'Gleam',
  'Lua',
  'R',
  'Julia',
  'Perl',
  'Vue',
  'Svelte',
]);

const INTERFACE_FILE = /\.(?:resi|rei|mli)$/;

/** A ReScript (or BuckleScript) project file: `.res` beside one is ReScript source. */
const RESCRIPT_PROJECT = /(?:^|\/)(?:rescript|bsconfig)\.json$/;

export function languageOf(path: string): string | undefined {
  const base = basename(path);
  if (base === 'Dockerfile' || base.startsWith('Dockerfile.') || base.endsWith('.Dockerfile')) return 'Dockerfile';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  if (base.endsWith('.d.ts')) return 'TypeScript';
  return BY_EXTENSION[base.slice(dot + 1).toLowerCase()];
}

/**
 * Packaging recipes: how a package manager builds or installs the project, written in that
 * manager's language (blind round 41, a Rust CLI: its Homebrew formula HomebrewFormula/x.rb made
 * type-safety partial for "untyped Ruby"). Not the project's code. By folder: a Homebrew tap's
 * `Formula/`, `HomebrewFormula/`, `Casks/`, a `homebrew/` folder's Ruby; by name: Conan's
 * `conanfile.py` (a C/C++ project's package recipe). Scoop manifests (JSON), Chocolatey scripts
 * (PowerShell), AUR's PKGBUILD and Nix expressions are no code language here already.
 */
const PACKAGING_RECIPE =
  /(?:^|\/)(?:(?:HomebrewFormula|Formula|Casks|homebrew(?:[-_]tap)?)\/(?:[^/]+\/)?[^/]+\.rb|conanfile\.py)$/;

/** A Ruby file that is a Homebrew formula or cask by its content (`class X < Formula`, `cask "x" do`). */
const HOMEBREW_RECIPE =
  /^[ \t]*class[ \t]+\w+[ \t]*<[ \t]*Formula\b|^[ \t]*cask[ \t]+["'][^"'\n]{1,100}["'][ \t]+do\b/m;

/** Ruby folders of an application or gem: their files are code, never read for a recipe. */
const RUBY_CODE_DIR = /(?:^|\/)(?:app|lib|spec|test|tests|config|db|bin|exe|features|vendor|gems?)\//;

/** The most Ruby files outside the code folders read for a recipe's content (first 2,000 characters). */
const MAX_RECIPE_READS = 100;

export function isPackagingRecipePath(path: string): boolean {
  return PACKAGING_RECIPE.test(path);
}

/**
 * Packaging recipes among `paths`: by path, and Ruby files outside the usual code folders whose
 * opening declares a Homebrew formula or cask (a tap's formula at the root or in `packaging/`).
 */
export function packagingRecipes(paths: readonly string[], read?: (path: string) => string | undefined): Set<string> {
  const out = new Set<string>();
  let reads = 0;
  for (const p of paths) {
    if (PACKAGING_RECIPE.test(p)) out.add(p);
    else if (read && p.endsWith('.rb') && !RUBY_CODE_DIR.test(p) && reads < MAX_RECIPE_READS) {
      reads++;
      const text = read(p);
      if (text !== undefined && HOMEBREW_RECIPE.test(text.slice(0, 2000))) out.add(p);
    }
  }
  return out;
}

export function detectLanguages(
  paths: readonly string[],
  read?: (path: string) => string | undefined,
): {
  languages: { name: string; files: number }[];
  sourceFiles: string[];
} {
  const counts = new Map<string, number>();
  const sourceFiles: string[] = [];
  let rescript: boolean | undefined;
  const recipes = packagingRecipes(paths, read);
  for (const p of paths) {
    const lang = languageOf(p);
    if (!lang || isAgentDoc(p) || recipes.has(p)) continue;
    if (lang === 'ReScript' && !(rescript ??= paths.some((q) => RESCRIPT_PROJECT.test(q)))) continue;
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
    // Interface files declare what their module (or a JavaScript package) defines: .d.ts, and the
    // ML family's .resi/.rei/.mli beside their .res/.re/.ml.
    if (CODE_LANGUAGES.has(lang) && !p.endsWith('.d.ts') && !INTERFACE_FILE.test(p)) sourceFiles.push(p);
  }
  const languages = [...counts.entries()]
    .map(([name, files]) => ({ name, files }))
    .sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : 1));
  return { languages, sourceFiles };
}
