import { describe, expect, it } from 'vitest';
import { ktorChecksCredentials } from './authentication.js';

describe('authentication: a Ktor file that checks credentials is found in one search', () => {
  it('the header read, then a principal set or 401 after it: credentials checked', () => {
    const plugin = [
      'val ApiKeyAuth = createRouteScopedPlugin("ApiKeyAuth") {',
      '    onCall { call ->',
      '        val header = call.request.header(HttpHeaders.Authorization)',
      '        if (header != expected) call.respond(HttpStatusCode.Unauthorized)',
      '    }',
      '}',
    ].join('\n');
    expect(ktorChecksCredentials(plugin)).toBe(true);
    expect(ktorChecksCredentials('val h = parseAuthorizationHeader()\ncall.authentication.principal(User(h))\n')).toBe(
      true,
    );
  });

  it('a 401 before the only header read, or a header read alone: not a check', () => {
    expect(
      ktorChecksCredentials(
        'call.respond(HttpStatusCode.Unauthorized)\nval h = call.request.header("Authorization")\n',
      ),
    ).toBe(false);
    expect(ktorChecksCredentials('val h = call.request.headers["Authorization"]\nlog(h)\n')).toBe(false);
  });

  it('40,000 header reads (1 MB) and no principal: false, in one bounded search (took 8.3 s)', () => {
    expect(ktorChecksCredentials('parseAuthorizationHeader(\n'.repeat(40000))).toBe(false);
  });
});
