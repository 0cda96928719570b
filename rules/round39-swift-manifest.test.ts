/**
 * Blind round 39, wording: only a SwiftPM manifest (opening with `// swift-tools-version:`,
 * importing PackageDescription) is a manifest for lockfiles; a model file named Package.swift
 * under Sources/ is program source, not a manifest "not judged".
 */
import { expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import lockfiles from './security/lockfiles.js';

const root = [
  '// swift-tools-version:5.9',
  'import PackageDescription',
  'let package = Package(name: "shop", dependencies: [',
  '  .package(url: "https://github.com/vapor/vapor.git", from: "4.0.0"),',
  '], targets: [.executableTarget(name: "App")])',
  '',
].join('\n');

it('a model file named Package.swift under Sources/ is no manifest', async () => {
  const run = await runRuleOn(
    lockfiles,
    {
      'Package.swift': root,
      'Package.resolved': '{"pins":[],"version":2}\n',
      'Sources/App/Models/Package.swift':
        'import Fluent\nfinal class Package: Model {\n  static let schema = "packages"\n}\n',
    },
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
  expect(run.message).not.toContain('Sources/App/Models/Package.swift');
});

it('a nested SwiftPM package with dependencies and no Package.resolved is still judged', async () => {
  const run = await runRuleOn(
    lockfiles,
    { 'Package.swift': root, 'Package.resolved': '{"pins":[],"version":2}\n', 'Tools/gen/Package.swift': root },
    { profile: 'service' },
  );
  expect(`${run.message} ${run.evidence.map((e) => e.path).join(' ')}`).toContain('Tools/gen/Package.swift');
});
