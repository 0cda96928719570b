import { describe, expect, it } from 'vitest';
import rule from './api-contract.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 50: a Swift service keeps another API's OpenAPI description beside
 * swift-openapi-generator's config that generates only types and a client: the contract of the API
 * it calls, not its own.
 */
const tree = (generate: string) => ({
  'Package.swift':
    '// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: "Bot", dependencies: [.package(url: "https://github.com/vapor/vapor.git", from: "4.0.0")])\n',
  'Sources/Bot/main.swift':
    'import Vapor\nlet app = try Application(.detect())\napp.get("hello") { _ in "hi" }\ntry app.run()\n',
  'Lambdas/RemoteAPI/openapi.yaml':
    'openapi: 3.0.3\ninfo:\n  title: Remote\n  version: 1.0.0\npaths:\n  /repos:\n    get:\n      responses:\n        "200":\n          description: ok\n',
  'Lambdas/RemoteAPI/openapi-generator-config.yaml': `generate:\n${generate}\naccessModifier: package\n`,
});

describe('round 50: an OpenAPI document that only feeds a client generator', () => {
  it("is not the service's contract", async () => {
    const r = await runRuleOn(rule, tree('  - types\n  - client'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
    expect(r.message).toMatch(/1 OpenAPI document of other APIs \(inputs of a client generator\) not counted/);
  });

  it('a config that generates the server keeps it the contract', async () => {
    const r = await runRuleOn(rule, tree('  - types\n  - server'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
  });
});
