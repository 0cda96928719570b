/**
 * SwiftPM's Package.swift, read as text (it is Swift code; nothing is run): the package name, its
 * products (`.executable` / `.library` / `.plugin`) and its `.package(url:…)` dependencies.
 */
import type { DeclaredDependency, FileView, Manifest } from '../../types.js';
import { maskSwift } from '../tests/swift.js';
import { LineIndex } from '../../util/lines.js';

export interface SwiftProduct {
  kind: 'executable' | 'library' | 'plugin';
  name: string;
  line: number;
}

export interface SwiftPackage {
  name?: string;
  products: SwiftProduct[];
  /** `.executableTarget(` without an `.executable` product: `swift run` still builds a program. */
  executableTargets: number;
}

/** The package's name and products. Strings are read from the text where the masked code has them. */
export function swiftPackage(text: string): SwiftPackage {
  const code = maskSwift(text);
  const lines = new LineIndex(text);
  // The masked code keeps each string's quotes and blanks what is between: read the value from the text.
  const str = (at: number) => {
    if (text[at] !== '"') return undefined;
    const close = text.slice(at + 1, at + 202).indexOf('"');
    return close === -1 ? undefined : text.slice(at + 1, at + 1 + close);
  };
  const nameAt = /\bPackage[ \t\r\n]*\([ \t\r\n]*name[ \t]*:[ \t]*"/.exec(code);
  const products: SwiftProduct[] = [];
  const productRe = /\.(executable|library|plugin)[ \t\r\n]*\([ \t\r\n]*name[ \t]*:[ \t]*"/g;
  for (const m of code.matchAll(productRe)) {
    const name = str(m.index + m[0].length - 1);
    if (name !== undefined) products.push({ kind: m[1] as SwiftProduct['kind'], name, line: lines.lineAt(m.index) });
  }
  const executableTargets = (code.match(/\.executableTarget[ \t\r\n]*\(/g) ?? []).length;
  const name = nameAt ? str(nameAt.index + nameAt[0].length - 1) : undefined;
  return { ...(name !== undefined ? { name } : {}), products, executableTargets };
}

/** Package.swift as a manifest: each `.package(url: "…/name.git", from: "1.2.0")` a dependency. */
export function parseSwiftPackage(files: FileView, path: string, deps: DeclaredDependency[]): Manifest {
  const text = files.read(path);
  if (text === undefined) return { ecosystem: 'swift', path, ok: false, error: 'unreadable' };
  const code = maskSwift(text);
  const lines = new LineIndex(text);
  for (const m of code.matchAll(/\.package[ \t\r\n]*\(/g)) {
    // The call's own arguments: up to its closing parenthesis, at most 400 characters on (a
    // bounded look: many unclosed calls stay linear).
    const window = code.slice(m.index, m.index + 400);
    const end = window.indexOf(')');
    const args = text.slice(m.index, m.index + (end === -1 ? 400 : end));
    const url = /\burl[ \t]*:[ \t]*"([^"\n]+)"/.exec(args)?.[1];
    if (!url) continue; // `.package(path: "../Local")` is in the repository
    const name =
      url
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')
        .split('/')
        .pop() ?? url;
    const version =
      /\b(?:from|exact|branch|revision)[ \t]*:[ \t]*"([^"\n]+)"/.exec(args)?.[1] ??
      /"([^"\n]+)"[ \t]*\.\.[.<]/.exec(args)?.[1];
    deps.push({
      ecosystem: 'swift',
      name,
      ...(version ? { version } : {}),
      path,
      line: lines.lineAt(m.index),
      dev: false,
    });
  }
  const name = swiftPackage(text).name;
  return { ecosystem: 'swift', path, ok: true, ...(name ? { name } : {}) };
}
