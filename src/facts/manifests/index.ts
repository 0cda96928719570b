/** Finds every dependency manifest in the listing and parses it into one dependency list. */
import type { FileView } from '../../types.js';
import { basename } from '../../walk/glob.js';
import type { DeclaredDependency, Dependency, Manifest } from '../../types.js';
import { parseNpm } from './npm.js';
import { parsePipfile, parsePyproject, parseRequirements, parseSetup } from './python.js';
import { parseGradle, parseMaven, parseVersionCatalog } from './jvm.js';
import { resolveDirectness } from './directness.js';
import { parseMix } from './mix.js';
import { SBT_PROJECT_FILE, isSbtBuildFile, parseSbt } from './sbt.js';
import { parseSwiftPackage } from './swift.js';
import { parseDeno } from './deno.js';
import { parseCargo, parseComposer, parseGemfile, parseGoMod, parseNuget } from './others.js';

type Parser = (files: FileView, path: string, deps: DeclaredDependency[]) => Manifest;

/** Which parser reads a file, by its base name (and path for a few). */
export function manifestParser(path: string): Parser | undefined {
  const b = basename(path);
  if (b === 'package.json') return parseNpm;
  if (b === 'deno.json' || b === 'deno.jsonc') return parseDeno;
  if (/^requirements([-_.][\w.-]*)?\.(txt|in)$/.test(b) || /(^|\/)requirements\/[\w.-]+\.(txt|in)$/.test(path))
    return parseRequirements;
  if (b === 'pyproject.toml') return parsePyproject;
  if (b === 'Pipfile') return parsePipfile;
  if (b === 'setup.cfg' || b === 'setup.py') return parseSetup;
  if (b === 'go.mod') return parseGoMod;
  if (b === 'pom.xml') return parseMaven;
  if (b === 'build.gradle' || b === 'build.gradle.kts') return parseGradle;
  if (b === 'libs.versions.toml') return parseVersionCatalog;
  if (b === 'build.sbt' || SBT_PROJECT_FILE.test(path)) return parseSbt;
  if (
    /\.(cs|fs|vb)proj$/.test(b) ||
    b === 'packages.config' ||
    b === 'Directory.Packages.props' ||
    b === 'Directory.Build.props'
  )
    return parseNuget;
  if (b === 'Cargo.toml') return parseCargo;
  if (b === 'composer.json') return parseComposer;
  if (b === 'Gemfile' || b.endsWith('.gemspec')) return parseGemfile;
  if (b === 'mix.exs') return parseMix;
  if (b === 'Package.swift') return parseSwiftPackage;
  return undefined;
}

/**
 * A SwiftPM manifest opens with its `// swift-tools-version:` line and imports PackageDescription;
 * a model or source file that happens to be named Package.swift (`Sources/App/Models/Package.swift`,
 * blind round 39) does neither. Only the first 4 KiB are looked at.
 */
export function isSwiftManifest(text: string | undefined): boolean {
  if (text === undefined) return true; // unreadable: reported as a manifest that could not be read
  const head = text.slice(0, 4096);
  return /^\uFEFF?\s*\/\/ *swift-tools-version/i.test(head) || /^[ \t]*import[ \t]+PackageDescription\b/m.test(head);
}

/** Globs of every manifest, for rules that need to list them (e.g. lockfiles). */
export const MANIFEST_GLOBS = [
  '**/package.json',
  '**/deno.json',
  '**/deno.jsonc',
  '**/requirements*.txt',
  '**/requirements/*.txt',
  '**/pyproject.toml',
  '**/Pipfile',
  '**/setup.cfg',
  '**/setup.py',
  '**/go.mod',
  '**/pom.xml',
  '**/build.gradle',
  '**/build.gradle.kts',
  '**/libs.versions.toml',
  '**/build.sbt',
  '**/*.csproj',
  '**/*.fsproj',
  '**/*.vbproj',
  '**/packages.config',
  '**/Directory.Packages.props',
  '**/Cargo.toml',
  '**/composer.json',
  '**/Gemfile',
  '**/*.gemspec',
  '**/mix.exs',
  '**/Package.swift',
];

/**
 * A setup.py or setup.cfg that describes a package: setup.py calls `setup(` from setuptools or
 * distutils (a module of that name inside a package, `CTFd/constants/setup.py`, is plain code);
 * setup.cfg has setuptools' `[metadata]` or `[options]` sections (one holding only `[flake8]`,
 * `[nosetests]` or `[tool:pytest]` is tool configuration).
 */
export function isPackageSetup(text: string, path: string): boolean {
  if (path.endsWith('.cfg')) return /^\[(?:metadata|options)(?:\.[\w.]+)?\]/m.test(text);
  return /\b(?:setuptools|distutils|skbuild)\b/.test(text) && /\bsetup\s*\(/.test(text);
}

export function parseManifests(files: FileView): { manifests: Manifest[]; dependencies: Dependency[] } {
  const manifests: Manifest[] = [];
  const declared: DeclaredDependency[] = [];
  for (const path of files.paths) {
    const parser = manifestParser(path);
    if (!parser) continue;
    if (parser === parseSetup && !isPackageSetup(files.read(path) ?? '', path)) continue;
    if (parser === parseSbt && !isSbtBuildFile(files, path)) continue;
    if (parser === parseSwiftPackage && !isSwiftManifest(files.read(path))) continue;
    try {
      const m = parser(files, path, declared);
      manifests.push(m);
    } catch (err) {
      manifests.push({ ecosystem: 'npm', path, ok: false, error: `${path}: ${(err as Error).message}` });
    }
  }
  return { manifests, dependencies: resolveDirectness(files, manifests, declared) };
}
