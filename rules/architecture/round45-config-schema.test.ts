/**
 * Blind round 45, class "config schema as documentation" (issue 15): a Go service reading its
 * settings through viper documents them in a committed JSON Schema of its configuration (a
 * description, a default and the environment variable per setting). A schema that describes no
 * setting does not document them.
 */
import { describe, expect, it } from 'vitest';
import rule from './config-externalized.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const setting = (name: string, env: string, description: string) =>
  `    "${name}": {\n      ${description ? `"description": "${description}",\n      ` : ''}"type": "integer",\n      "default": 100,\n      "x-env-variable": "${env}"\n    }`;

const service = (described: boolean): Tree => ({
  'go.mod': 'module github.com/acme/gatekeeper\n\ngo 1.22\n\nrequire github.com/spf13/viper v1.19.0\n',
  'main.go': [
    'package main',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"github.com/spf13/viper"',
    ')',
    '',
    'func main() {',
    '\tviper.SetEnvPrefix("GATEKEEPER")',
    '\tviper.AutomaticEnv()',
    '\t_ = http.ListenAndServe(viper.GetString("http-addr"), nil)',
    '}',
    '',
  ].join('\n'),
  '.config-schema.json': [
    '{',
    '  "$schema": "https://json-schema.org/draft-07/schema",',
    '  "properties": {',
    [
      setting(
        'maxTuplesPerWrite',
        'GATEKEEPER_MAX_TUPLES_PER_WRITE',
        described ? 'Most tuples one write may carry.' : '',
      ),
      setting('maxTypes', 'GATEKEEPER_MAX_TYPES', described ? 'Most type definitions per model.' : ''),
      setting('httpAddr', 'GATEKEEPER_HTTP_ADDR', described ? 'Address the HTTP server listens on.' : ''),
    ].join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n'),
});

describe('round 45: a JSON Schema of the configuration documents the settings', () => {
  it('passes with a schema whose settings carry descriptions', async () => {
    const run = await runRuleOn(rule, service(true), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.config-schema.json',
        note: expect.stringContaining('3 descriptions, 3 naming their environment variable'),
      }),
    );
  });

  it('stays partial when the schema describes no setting', async () => {
    const run = await runRuleOn(rule, service(false), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('no .env.example');
  });
});
