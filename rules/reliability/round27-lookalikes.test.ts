/**
 * Blind round 27, class "code that only looks like the practice": a power of a failure count with
 * no delay, sleep or retry near it (an SLA penalty that doubles per failure) is no backoff; a C#
 * AutoMapper profile that builds an entity named Client (`MapFrom(src => new Client() { … })`) makes
 * no outbound call.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';
import retries from './retries.js';
import timeouts from './timeouts.js';

const penalty = [
  'import requests', // 1
  '', // 2
  '', // 3
  'def penalty_for(config, consecutive_failures):', // 4
  '    failures_over_threshold = consecutive_failures - config.penalty_threshold', // 5
  '    if config.penalty_mode == "exponential":', // 6
  '        # doubles each failure: 5%, 10%, 20%', // 7
  '        return config.penalty_percent * (2**failures_over_threshold)', // 8
  '    return (failures_over_threshold + 1) * config.penalty_percent', // 9
  '', // 10
  '', // 11
  'def check(url):', // 12
  '    return requests.get(url, timeout=5)', // 13
  '',
].join('\n');

const backoff = [
  'import time', // 1
  'import requests', // 2
  '', // 3
  '', // 4
  'def check(url, max_failures=5):', // 5
  '    failures = 0', // 6
  '    while True:', // 7
  '        try:', // 8
  '            return requests.get(url, timeout=5)', // 9
  '        except requests.RequestException:', // 10
  '            failures += 1', // 11
  '            time.sleep(0.5 * (2**failures))', // 12
  '',
].join('\n');

const pyproject = '[project]\nname = "scorer"\ndependencies = ["flask", "requests"]\n';

describe('round 27: a power of a failure count is backoff only near a delay', () => {
  it('an SLA penalty doubling per failure is no backoff: retries fail', async () => {
    const run = await runRuleOn(
      retries,
      { 'pyproject.toml': pyproject, 'scorer/sla.py': penalty },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.evidence).not.toContainEqual(expect.objectContaining({ path: 'scorer/sla.py', line: 8 }));
  });

  it('the same power slept between attempts of a call is backoff: retries pass', async () => {
    const run = await runRuleOn(
      retries,
      { 'pyproject.toml': pyproject, 'scorer/check.py': backoff },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'scorer/check.py', line: 12 }));
  });
});

const csproj =
  '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="AutoMapper" Version="13.0.1" />\n  </ItemGroup>\n</Project>\n';
const profile = [
  'using AutoMapper;', // 1
  '', // 2
  'public class ClientMapperProfile : Profile', // 3
  '{', // 4
  '    public ClientMapperProfile()', // 5
  '    {', // 6
  '        CreateMap<ClientSecretsDto, ClientSecret>(MemberList.Source)', // 7
  '            .ForMember(x => x.Client, dto => dto.MapFrom(src => new Client() { Id = src.ClientId }));', // 8
  '    }', // 9
  '}', // 10
  '',
].join('\n');

describe('round 27: an entity named Client built in a mapping profile is no outbound call', () => {
  it('an AutoMapper profile alone: the call rules have nothing to protect', async () => {
    const tree: Tree = { 'src/Admin/Admin.csproj': csproj, 'src/Admin/Mappers/ClientMapperProfile.cs': profile };
    const run = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(run.outcome).toBe('not-applicable');
    expect(JSON.stringify(run.evidence)).not.toContain('ClientMapperProfile.cs');
  });

  it('an HttpClient made next to it is an outbound call, cited, and the profile is not', async () => {
    const tree: Tree = {
      'src/Admin/Admin.csproj': csproj,
      'src/Admin/Mappers/ClientMapperProfile.cs': profile,
      'src/Admin/Services/Catalog.cs':
        'public class Catalog\n{\n    private readonly HttpClient _http = new HttpClient();\n    public Task<string> Load() => _http.GetStringAsync("https://catalog.example.com/items");\n}\n',
    };
    const run = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toContainEqual(expect.objectContaining({ path: 'src/Admin/Services/Catalog.cs', line: 3 }));
    expect(JSON.stringify(run.evidence)).not.toContain('ClientMapperProfile.cs');
  });

  it("PHP's Guzzle `new Client(` stays an outbound call", async () => {
    const tree: Tree = {
      'composer.json': '{"require": {"laravel/framework": "^11.0", "guzzlehttp/guzzle": "^7.8"}}\n',
      'app/Services/Rates.php':
        "<?php\nnamespace App\\Services;\n\nuse GuzzleHttp\\Client;\n\nclass Rates\n{\n    public function load()\n    {\n        $client = new Client();\n        return $client->get('https://rates.example.com');\n    }\n}\n",
    };
    const run = await runRuleOn(timeouts, tree, { profile: 'service' });
    expect(run.outcome).not.toBe('not-applicable');
  });
});
