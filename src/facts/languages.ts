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

export function detectLanguages(paths: readonly string[]): {
  languages: { name: string; files: number }[];
  sourceFiles: string[];
} {
  const counts = new Map<string, number>();
  const sourceFiles: string[] = [];
  let rescript: boolean | undefined;
  for (const p of paths) {
    const lang = languageOf(p);
    if (!lang || isAgentDoc(p)) continue;
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
