import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import rateLimiting from './reliability/rate-limiting.js';

/** Blind round 50: an API Gateway v2 stage throttling its routes (`default_route_settings`) was "no rate limiting". */
const stage = (settings: string) =>
  [
    'resource "aws_apigatewayv2_api" "bot" {', // 1
    '  name          = "bot"', // 2
    '  protocol_type = "HTTP"', // 3
    '}', // 4
    '', // 5
    'resource "aws_apigatewayv2_stage" "prod" {', // 6
    '  api_id      = aws_apigatewayv2_api.bot.id', // 7
    '  name        = "prod"', // 8
    '  auto_deploy = true', // 9
    settings, // 10…
    '}', // …
  ].join('\n');
const tree = (tf: string) => ({
  'package.json': '{"name":"svc","dependencies":{"express":"4"}}',
  'src/server.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n",
  'infra/apigateway.tf': tf,
});

describe('round 50: API Gateway v2 stage throttling', () => {
  it('default_route_settings with throttling limits is rate limiting at the edge, cited at the stage', async () => {
    const r = await runRuleOn(
      rateLimiting,
      tree(stage('  default_route_settings {\n    throttling_rate_limit  = 20\n    throttling_burst_limit = 40\n  }')),
      { profile: 'service' },
    );
    expect(r.outcome).not.toBe('fail');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('infra/apigateway.tf:6');
  });

  it('a stage without throttling settings limits nothing', async () => {
    const r = await runRuleOn(
      rateLimiting,
      tree(stage('  default_route_settings {\n    detailed_metrics_enabled = true\n  }')),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
  });
});
