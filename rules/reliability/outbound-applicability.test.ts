import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import circuitBreakers from './circuit-breakers.js';
import retries from './retries.js';
import timeouts from './timeouts.js';

/**
 * Timeouts, retries and circuit breakers take applicability from one outbound-calls fact: a client
 * known by how its timeout is set is an outbound call for all three, and a timeout that bounds no
 * client makes none of them apply.
 */
const JAVA_URLCONNECTION = {
  'pom.xml': '<project><artifactId>rates</artifactId></project>\n',
  'src/main/java/acme/rates/RateFetcher.java': [
    'package acme.rates;', // 1
    '', // 2
    'import java.net.URL;', // 3
    '', // 4
    'class RateFetcher {', // 5
    '  String fetch(String base) throws Exception {', // 6
    '    var conn = new URL(base + "/rates").openConnection();', // 7
    '    conn.setConnectTimeout(2000);', // 8
    '    conn.setReadTimeout(5000);', // 9
    '    return new String(conn.getInputStream().readAllBytes());', // 10
    '  }', // 11
    '}', // 12
  ].join('\n'),
};

const FLURL = {
  'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
  'Api/Services/LicenseCheck.cs': [
    'public class LicenseCheck', // 1
    '{', // 2
    '    public async Task<string> Run(string baseUrl, object dto) =>', // 3
    '        await (baseUrl + "/api/license/check")', // 4
    '            .WithTimeout(TimeSpan.FromSeconds(30))', // 5
    '            .PostJsonAsync(dto)', // 6
    '            .ReceiveString();', // 7
    '}', // 8
  ].join('\n'),
};

/** A Go service that only talks to its database: the context deadline bounds a query, not a client. */
const GO_DB_ONLY = {
  'go.mod': 'module acme/notes\n\ngo 1.22\n\nrequire github.com/jackc/pgx/v5 v5.6.0\n',
  'internal/store/notes.go': [
    'package store',
    '',
    'func (s *Store) List(ctx context.Context) ([]Note, error) {',
    '\tctx, cancel := context.WithTimeout(ctx, 3*time.Second)',
    '\tdefer cancel()',
    '\treturn s.q.ListNotes(ctx)',
    '}',
  ].join('\n'),
  'internal/store/db.go':
    'package store\n\nfunc Open(url string) {\n\tcfg, _ := pgxpool.ParseConfig(url)\n\tcfg.ConnConfig.ConnectTimeout = 5 * time.Second\n}\n',
};

describe('one outbound-calls fact for timeouts, retries and circuit breakers', () => {
  it('a URLConnection whose timeouts are set is an outbound call for all three', async () => {
    const t = await runRuleOn(timeouts, JAVA_URLCONNECTION, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/main/java/acme/rates/RateFetcher.java', line: 8 }),
    );
    for (const rule of [retries, circuitBreakers]) {
      const r = await runRuleOn(rule, JAVA_URLCONNECTION, { profile: 'service' });
      expect(r.outcome).toBe('fail');
    }
  });

  it('a Flurl request bounded by .WithTimeout( is an outbound call for all three', async () => {
    const t = await runRuleOn(timeouts, FLURL, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.evidence).toContainEqual(expect.objectContaining({ path: 'Api/Services/LicenseCheck.cs', line: 5 }));
    const r = await runRuleOn(retries, FLURL, { profile: 'service' });
    expect(r.outcome).not.toBe('not-applicable');
  });

  it('a deadline on a database query alone makes none of them apply, with the same reason', async () => {
    for (const rule of [timeouts, retries, circuitBreakers]) {
      const r = await runRuleOn(rule, GO_DB_ONLY, { profile: 'service' });
      expect(r.outcome).toBe('not-applicable');
      expect(r.message).toMatch(
        /^no outbound calls: production code makes no HTTP, gRPC, mail, LDAP, IMAP, Redis or cloud-SDK client call/,
      );
    }
  });

  it("a timeout set on a DataSource is the driver's, not an outbound call", async () => {
    const tree = {
      'pom.xml': '<project><artifactId>ledger</artifactId></project>\n',
      'src/main/java/acme/ledger/Db.java':
        'class Db {\n  DataSource ds() {\n    var ds = new PGSimpleDataSource();\n    ds.setConnectTimeout(5);\n    return ds;\n  }\n}\n',
    };
    const r = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(r.outcome).toBe('not-applicable');
  });
});

describe('the HttpClient factory configured with a resilience handler', () => {
  it('is an outbound call: timeouts applies with retries and circuit breakers (Aspire service defaults)', async () => {
    const tree = {
      'src/Web/Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
      'src/Defaults/Extensions.cs': [
        'public static class Extensions', // 1
        '{', // 2
        '    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)', // 3
        '    {', // 4
        '        builder.Services.ConfigureHttpClientDefaults(http =>', // 5
        '        {', // 6
        '            http.AddStandardResilienceHandler();', // 7
        '        });', // 8
        '        return builder;', // 9
        '    }', // 10
        '}', // 11
      ].join('\n'),
    };
    const t = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(t.outcome).toBe('pass');
    expect(t.evidence).toContainEqual(expect.objectContaining({ path: 'src/Defaults/Extensions.cs', line: 7 }));
  });
});
