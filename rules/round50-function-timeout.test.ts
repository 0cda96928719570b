import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import timeouts from './reliability/timeouts.js';

/**
 * Blind round 50 (a SAM application of Lambda functions): every function declares `Timeout:` (in
 * Globals.Function or on the function), so the platform ends any invocation, and with it any call the
 * function makes, after that long; one S3 client without a client timeout made timeouts "partial".
 */
const TEMPLATE = (globals: string, fnTimeout: string, initExtra: string) =>
  [
    "AWSTemplateFormatVersion: '2010-09-09'", // 1
    'Transform: AWS::Serverless-2016-10-31', // 2
    '', // 3
    'Globals:', // 4
    '  Function:', // 5
    '    Runtime: nodejs22.x', // 6
    `    ${globals}`, // 7
    '', // 8
    'Resources:', // 9
    '  Initializer:', // 10
    '    Type: AWS::Serverless::Function', // 11
    '    Properties:', // 12
    '      CodeUri: lambda', // 13
    '      Handler: initializer.handler', // 14
    `      ${initExtra}`, // 15
    '  Executor:', // 16
    '    Type: AWS::Serverless::Function', // 17
    '    Properties:', // 18
    '      CodeUri: lambda', // 19
    '      Handler: executor.handler', // 20
    `      ${fnTimeout}`, // 21
    '  Queue:', // 22
    '    Type: AWS::SQS::Queue', // 23
    '',
  ].join('\n');

const CODE = [
  "const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');", // 1
  '', // 2
  'module.exports.fetchObject = async (bucket, key) => {', // 3
  '  const s3 = new S3Client({});', // 4
  '  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));', // 5
  '  return out.Body;', // 6
  '};', // 7
  '',
].join('\n');

const tree = (globals: string, fnTimeout: string, initExtra = 'MemorySize: 128') => ({
  'template.yml': TEMPLATE(globals, fnTimeout, initExtra),
  'lambda/utils.js': CODE,
  'lambda/initializer.js':
    "const u = require('./utils');\nmodule.exports.handler = async (e) => u.fetchObject(e.b, e.k);\n",
  'lambda/executor.js':
    "const u = require('./utils');\nmodule.exports.handler = async (e) => u.fetchObject(e.b, e.k);\n",
  'lambda/package.json': '{"name":"fns","dependencies":{"@aws-sdk/client-s3":"^3.0.0"}}',
});

describe('round 50: a serverless function timeout bounds the calls it makes', () => {
  it('Globals.Function.Timeout: pass, citing the timeout and naming the call without its own', async () => {
    const r = await runRuleOn(timeouts, tree('Timeout: 300', 'MemorySize: 256'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/function timeout/);
    expect(r.message).toMatch(/1 call has no client timeout of its own/);
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(
      expect.arrayContaining(['template.yml:7', 'lambda/utils.js:4']),
    );
  });

  it('a Timeout on every function: pass', async () => {
    const r = await runRuleOn(timeouts, tree('MemorySize: 128', 'Timeout: 10', 'Timeout: 30'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('template.yml:15');
  });

  it('a Timeout on one function of two: the call is not bounded everywhere', async () => {
    const r = await runRuleOn(timeouts, tree('MemorySize: 128', 'Timeout: 10'), { profile: 'service' });
    expect(r.outcome).not.toBe('pass');
  });

  it('functions in several folders whose SDK calls no client is checked for: bounded by Globals.Function.Timeout', async () => {
    const sam = (globals: string) =>
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        `    ${globals}`,
        'Resources:',
        '  GetFn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/get_item/',
        '      Handler: app.handler',
        '  PutFn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/put_item/',
        '      Handler: app.handler',
        '',
      ].join('\n');
    const fn = (op: string) =>
      `import boto3\n\ntable = boto3.resource("dynamodb").Table("items")\n\ndef handler(event, context):\n    return table.${op}(Key={"id": event["id"]})\n`;
    const t = (globals: string) => ({
      'template.yaml': sam(globals),
      'src/get_item/app.py': fn('get_item'),
      'src/get_item/requirements.txt': 'boto3\n',
      'src/put_item/app.py': fn('put_item'),
      'src/put_item/requirements.txt': 'boto3\n',
    });
    const r = await runRuleOn(timeouts, t('Timeout: 60'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.evidence.map((e) => `${e.path}:${e.line}`)).toContain('template.yaml:4');
    const none = await runRuleOn(timeouts, t('MemorySize: 128'), { profile: 'service' });
    expect(none.outcome).not.toBe('pass');
  });
});
