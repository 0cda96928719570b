/**
 * Blind round 39, class "Swift sources are program source": a Swift server's Sources/**.swift are
 * scanned by the code patterns like any other language's, so an AsyncHTTPClient call bounded with
 * `timeout: .seconds(2)` is an explicit timeout, and one without earns nothing.
 */
import { expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import rateLimiting from './reliability/rate-limiting.js';
import timeouts from './reliability/timeouts.js';

const tree = (call: string) => ({
  'Package.swift': [
    '// swift-tools-version:5.9',
    'import PackageDescription',
    'let package = Package(',
    '  name: "shop",',
    '  dependencies: [',
    '    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.19.0"),',
    '  ],',
    '  targets: [.executableTarget(name: "App", dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")])]',
    ')',
    '',
  ].join('\n'),
  'Sources/App/Clients/Prices.swift': [
    'import AsyncHTTPClient',
    'struct Prices {',
    '  let client: HTTPClient',
    '  func fetch(_ url: String) async throws -> HTTPClientResponse {',
    '    let req = HTTPClientRequest(url: url)',
    `    return try await ${call}`,
    '  }',
    '}',
    '',
  ].join('\n'),
  Dockerfile: 'FROM swift:5.9\nEXPOSE 8080\nCMD ["./App", "serve"]\n',
});

it('a Swift client call with timeout: .seconds(n) is an explicit timeout', async () => {
  const run = await runRuleOn(timeouts, tree('client.execute(req, timeout: .seconds(2))'), { profile: 'service' });
  expect(run.outcome).not.toBe('fail');
  expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toContain('Sources/App/Clients/Prices.swift:6');
});

it('a Swift client call without a timeout earns no timeout evidence', async () => {
  const run = await runRuleOn(timeouts, tree('client.execute(req)'), { profile: 'service' });
  expect(run.evidence.map((e) => `${e.path}:${e.line}`)).not.toContain('Sources/App/Clients/Prices.swift:6');
  expect(run.outcome).not.toBe('pass');
});

const limiterTree = (helper: string) => ({
  'Package.swift':
    '// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: "shop", targets: [.executableTarget(name: "App")])\n',
  Dockerfile: 'FROM swift:5.9\nEXPOSE 8080\nCMD ["./App", "serve"]\n',
  'Sources/App/server.ts': "import express from 'express'\nconst app = express()\napp.listen(8080)\n",
  'Sources/App/Core/Upstream.swift': [
    'enum Upstream {',
    `  ${helper}`,
    '    guard let header = response.headers.first(name: "X-RateLimit-Remaining") else { return nil }',
    '    return Int(header)',
    '  }',
    '  static func isRateLimited(_ response: Response) -> Bool {',
    '    guard let limit = rateLimit(response: response) else { return false }',
    '    return response.status == 429 && limit == 0',
    '  }',
    '}',
    '',
  ].join('\n'),
});

it('a Swift helper that reads an upstream rate limit off a response is no rate limiter', async () => {
  const run = await runRuleOn(rateLimiting, limiterTree('static func rateLimit(response: Response) -> Int? {'), {
    profile: 'service',
  });
  expect(run.outcome).toBe('fail');
});

it('a Swift limiter over the requests the service receives is still a hand-written limiter', async () => {
  const run = await runRuleOn(
    rateLimiting,
    limiterTree('static func rateLimit(_ key: String, maxRequests: Int) -> Int? {\n    let response = Response()'),
    { profile: 'service' },
  );
  expect(run.outcome).toBe('pass');
});
