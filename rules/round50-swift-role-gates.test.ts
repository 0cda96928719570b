import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import authorization from './security/authorization.js';

/**
 * Blind round 50 (a Swift chat bot): privileged commands were refused unless the member held one of
 * the configured roles (`guard await discord.memberHasRolesForRestrictedAccess(member:) else { … }`,
 * the helper intersecting `member.roles` with the allowed roles); authorization was "no role checks".
 */
const PACKAGE = [
  '// swift-tools-version:5.9',
  'import PackageDescription',
  '',
  'let package = Package(',
  '    name: "Bot",',
  '    dependencies: [',
  '        .package(url: "https://github.com/vapor/vapor.git", from: "4.0.0"),',
  '    ],',
  '    targets: [',
  '        .executableTarget(name: "Bot", dependencies: [.product(name: "Vapor", package: "vapor")]),',
  '    ]',
  ')',
].join('\n');

const SERVICE = (body: string) =>
  [
    'import Vapor', // 1
    '', // 2
    'actor ChatService {', // 3
    '    func memberHasRolesForRestrictedAccess(member: Member) -> Bool {', // 4
    `        ${body}`, // 5
    '    }', // 6
    '}', // 7
    '',
  ].join('\n');

const HANDLER = (call: boolean) =>
  [
    'import Vapor', // 1
    '', // 2
    'struct CommandHandler {', // 3
    '    let chat: ChatService', // 4
    '    func handle(_ req: Request, member: Member) async throws -> Response {', // 5
    call
      ? '        guard await chat.memberHasRolesForRestrictedAccess(member: member) else {' // 6
      : '        guard member.id != nil else {', // 6
    '            return Response(status: .forbidden)', // 7
    '        }', // 8
    '        return Response(status: .ok)', // 9
    '    }', // 10
    '}', // 11
    '',
  ].join('\n');

const tree = (body: string, call = true) => ({
  'Package.swift': PACKAGE,
  'Sources/Bot/Services/ChatService.swift': SERVICE(body),
  'Sources/Bot/Handlers/CommandHandler.swift': HANDLER(call),
  'Sources/Bot/main.swift': 'import Vapor\nlet app = try await Application.make()\ntry await app.execute()\n',
});

describe('round 50: role gates written in Swift', () => {
  it("a helper deciding by the member's roles, called to refuse a command, is authorization", async () => {
    const r = await runRuleOn(authorization, tree('!Set(member.roles).intersection(allowedRoles).isEmpty'), {
      profile: 'service',
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/hand-written role or permission guards/);
    expect(r.evidence[0]!.note).toMatch(/memberHasRolesForRestrictedAccess defined here/);
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(
      expect.arrayContaining([
        'Sources/Bot/Services/ChatService.swift:4',
        'Sources/Bot/Handlers/CommandHandler.swift:6',
      ]),
    );
  });

  it('the same helper nothing calls checks nothing', async () => {
    const r = await runRuleOn(authorization, tree('!Set(member.roles).intersection(allowedRoles).isEmpty', false), {
      profile: 'service',
    });
    expect(r.outcome).not.toBe('pass');
  });

  it('a helper named for roles whose body checks only a token is not a role check', async () => {
    const r = await runRuleOn(authorization, tree('token == expectedToken'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
  });
});
