import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import authentication from './security/authentication.js';

/**
 * Blind round 50 (Swift Lambdas behind API Gateway): a JWT verified with jwt-kit's keys and a GitHub
 * webhook's signature handed to the project's verifier were "jwt-kit declared, not wired".
 */
const PACKAGE = [
  '// swift-tools-version:5.9',
  'import PackageDescription',
  '',
  'let package = Package(',
  '    name: "Bot",',
  '    dependencies: [',
  '        .package(url: "https://github.com/vapor/vapor.git", from: "4.0.0"),',
  '        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.0.0"),',
  '    ],',
  '    targets: [',
  '        .executableTarget(name: "OAuth", dependencies: [.product(name: "Vapor", package: "vapor"), .product(name: "JWTKit", package: "jwt-kit")]),',
  '    ]',
  ')',
].join('\n');

const oauth = (body: string) =>
  [
    'import JWTKit', // 1
    'import Vapor', // 2
    '', // 3
    'struct OAuthHandler {', // 4
    '    func handle(_ req: Request) async throws -> Response {', // 5
    '        let state = try req.query.get(String.self, at: "state")', // 6
    `        ${body}`, // 7
    '        return Response(status: .ok)', // 8
    '    }', // 9
    '}', // 10
  ].join('\n');

const hooks = (body: string) =>
  [
    'import Vapor', // 1
    '', // 2
    'struct HooksHandler {', // 3
    '    func handle(_ request: Request) async throws -> Response {', // 4
    '        guard let signature = request.headers.first(name: "x-hub-signature-256") else {', // 5
    '            throw Abort(.unauthorized)', // 6
    '        }', // 7
    `        ${body}`, // 8
    '        return Response(status: .ok)', // 9
    '    }', // 10
    '}', // 11
  ].join('\n');

const tree = (files: Record<string, string>) => ({ 'Package.swift': PACKAGE, ...files });

describe('round 50: Swift authentication', () => {
  it('a JWT verified with jwt-kit keys is authentication, cited at the verify call', async () => {
    const r = await runRuleOn(
      authentication,
      tree({
        'Sources/OAuth/OAuthHandler.swift': oauth('let jwt = try await self.jwtKeys.verify(state, as: Payload.self)'),
      }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('Sources/OAuth/OAuthHandler.swift:7');
  });

  it('a JWT only signed is no check of the caller: the library stays declared only', async () => {
    const r = await runRuleOn(
      authentication,
      tree({ 'Sources/OAuth/OAuthHandler.swift': oauth('let token = try await self.jwtKeys.sign(payload)') }),
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('pass');
  });

  it("a webhook's signature header handed to the project's verifier is authentication; one only logged is not", async () => {
    const r = await runRuleOn(
      authentication,
      tree({
        'Sources/OAuth/HooksHandler.swift': hooks(
          'try Verifier.verifyWebhookSignature(signatureHeader: signature, requestBody: body, secret: secret)',
        ),
      }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('Sources/OAuth/HooksHandler.swift:5');
    const logged = await runRuleOn(
      authentication,
      tree({ 'Sources/OAuth/HooksHandler.swift': hooks('request.logger.debug("signature \\(signature)")') }),
      { profile: 'service' },
    );
    expect(logged.outcome).not.toBe('pass');
  });
});
