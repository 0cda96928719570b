/**
 * A Swift package's Package.swift decides its profile and its lockfile (blind round 27: a Swift
 * formatter, a command-line tool shipping its engine as a library, was a library "by its Gemfile",
 * the Gemfile of its documentation site). Real facts and scan, on in-memory trees.
 */
import { describe, expect, it } from 'vitest';
import lockfiles from '../../rules/security/lockfiles.js';
import { memoryIndex } from '../testing/memory.js';
import { profileOf } from '../testing/profile.js';
import { runRuleOn } from '../testing/rule-tester.js';
import { swiftPackage } from './manifests/swift.js';

const pkg = (products: string[], deps: string[] = []) =>
  [
    '// swift-tools-version:5.9',
    'import PackageDescription',
    '',
    'let package = Package(',
    '    name: "Formatter",',
    '    products: [',
    ...products.map((p) => `        ${p},`),
    '    ],',
    `    dependencies: [${deps.join(', ')}],`,
    '    targets: [',
    '        .executableTarget(name: "CLI", dependencies: ["Formatter"]),',
    '        .target(name: "Formatter"),',
    '    ]',
    ')',
  ].join('\n');

const site = {
  Gemfile: "source 'https://rubygems.org'\ngem 'jekyll'\ngem 'rake'\n",
  'Gemfile.lock': 'GEM\n  specs:\n    rake (13.0.6)\n',
  'Sources/Formatter/Format.swift': 'public func format(_ s: String) -> String { s }\n',
  'Sources/Formatter/Tokens.swift': 'public struct Token {}\n',
  'Sources/CLI/main.swift': 'print(format(CommandLine.arguments[1]))\n',
};

describe('Swift packages', () => {
  it('reads products and their lines, never from a comment or a string', () => {
    const text = `${pkg(['.executable(name: "formatter", targets: ["CLI"])', '.library(name: "Formatter", targets: ["Formatter"])'])}\n// .executable(name: "old", targets: ["Old"])\nlet s = ".library(name: \\"x\\")"\n`;
    expect(swiftPackage(text)).toEqual({
      name: 'Formatter',
      products: [
        { kind: 'executable', name: 'formatter', line: 7 },
        { kind: 'library', name: 'Formatter', line: 8 },
      ],
      executableTargets: 1,
    });
  });

  it('an executable named as the package makes a command-line tool, its library the engine', async () => {
    const p = await profileOf({
      ...site,
      'Package.swift': pkg([
        '.executable(name: "formatter", targets: ["CLI"])',
        '.library(name: "Formatter", targets: ["Formatter"])',
      ]),
    });
    expect(p.id).toBe('cli');
    expect(p.reasons[0]).toMatch(/^Swift package Formatter builds the executable formatter \(Package\.swift:7\)/);
  });

  it('a library package with a helper executable stays a library, argued from Package.swift, not the Gemfile', async () => {
    const p = await profileOf({
      ...site,
      'Package.swift': pkg([
        '.executable(name: "generate-docs", targets: ["CLI"])',
        '.library(name: "Formatter", targets: ["Formatter"])',
      ]),
    });
    expect(p.id).toBe('library');
    expect(p.reasons[0]).toMatch(/^package manifest Package\.swift /);
  });

  it('a program commits Package.resolved; a library package need not', async () => {
    const dep = '.package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.3.0")';
    const tool = { ...site, 'Package.swift': pkg(['.executable(name: "formatter", targets: ["CLI"])'], [dep]) };
    const missing = await runRuleOn(lockfiles, tool, { profile: 'cli' });
    expect(missing.outcome).toBe('partial');
    expect(missing.evidence).toContainEqual(
      expect.objectContaining({
        path: 'Package.swift',
        note: 'Swift package with dependencies but no Package.resolved',
      }),
    );
    const locked = await runRuleOn(lockfiles, { ...tool, 'Package.resolved': '{"pins": []}' }, { profile: 'cli' });
    expect(locked.outcome).toBe('pass');
    expect(locked.evidence).toContainEqual({ path: 'Package.swift', note: 'locked by Package.resolved' });
    const lib = { ...site, 'Package.swift': pkg(['.library(name: "Formatter", targets: ["Formatter"])'], [dep]) };
    const exempt = await runRuleOn(lockfiles, lib, { profile: 'library' });
    expect(exempt.message).toMatch(/Package\.swift \(a library/);
  });
});

describe('Swift readers on hostile input', () => {
  it('many unclosed products, packages, strings and comments are read in linear time', async () => {
    const { maskSwift, countSwift } = await import('./tests/swift.js');
    const { parseSwiftPackage } = await import('./manifests/swift.js');
    const n = 100_000;
    const hostile = [
      '.library(name: "'.repeat(n),
      '.package(url: "x'.repeat(n),
      '/* '.repeat(n),
      '#"""'.repeat(n),
      'func test() {\n'.repeat(n),
    ];
    for (const text of hostile) {
      expect(swiftPackage(text).products.length).toBeLessThanOrEqual(n);
      expect(maskSwift(text).length).toBe(text.length);
      countSwift(`import XCTest\nclass A: XCTestCase {\n${text}`);
      const files = memoryIndex({ 'Package.swift': text });
      parseSwiftPackage(files, 'Package.swift', []);
    }
  });

  it('a class name followed by a long run of blanks is read in one pass; a test class after it still counts', async () => {
    const { countSwift } = await import('./tests/swift.js');
    const blanks = ' '.repeat(200_000);
    const text = `import XCTest\nclass A${blanks}\nclass B <T>${blanks}\nfinal class C: XCTestCase {\n  func testOne() {}\n}\n`;
    expect(countSwift(text)).toMatchObject({ cases: 1, framework: 'XCTest' });
    // Without a class deriving from anything, `func test…()` is no XCTest method.
    expect(countSwift(`import XCTest\nclass A${blanks}\n  func testOne() {}\n`).cases).toBe(0);
  });
});
