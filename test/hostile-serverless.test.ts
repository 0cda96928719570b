/**
 * Issue 15 (trust): the serverless application readers added in blind round 50, on hostile input.
 * - SAM_HTTP split a line's trailing blanks between two runs (`[ \t]*,?[ \t]*$`): quadratic in them
 *   (a `Type: Api` line with 20k trailing blanks took 5.5 s, 40k 18 s).
 * - The Serverless Framework service, its memory size and a Chalice `app.py` were read again after
 *   the scan dropped them (runtime, serverless-app, the IaC rule, resource-limits): now digests.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PILLARS } from '../rules/index.js';
import { auditRepository } from '../src/api/audit.js';
import { serverlessApp } from '../src/facts/serverless-app.js';
import { memoryIndex } from '../src/testing/memory.js';
import { tempDir, writeTree } from './helpers/tree.js';

const SAM = (eventLine: string) =>
  [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Events:',
    '        Get:',
    eventLine,
    '',
  ].join('\n');

describe('a SAM template with long blank runs', () => {
  it('is read in linear time: 100k blanks after `Type: Api` then a word is no HTTP event', () => {
    const files = memoryIndex({ 'template.yaml': SAM(`          Type: Api${' '.repeat(100_000)}x`) });
    expect(serverlessApp(files)).toMatchObject({ tool: 'AWS SAM', functions: 1, http: false });
  });

  it('still reads an Api event, with trailing blanks or a JSON comma', () => {
    for (const line of ['          Type: Api   ', '          "Type": "HttpApi" ,  '])
      expect(serverlessApp(memoryIndex({ 'template.yaml': SAM(line) }))?.http).toBe(true);
  });
});

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function audited(tree: Record<string, string>) {
  const root = writeTree(tempDir('readiness-serverless-'), tree);
  roots.push(root);
  return auditRepository(root, {}, PILLARS);
}

describe('serverless files are read once', () => {
  it('takes a Serverless Framework service, its HTTP events and memory size from the scan’s read', async () => {
    const tree = {
      'package.json': '{"name":"svc","version":"1.0.0"}\n',
      'handler.js': 'module.exports.hello = async () => ({ statusCode: 200 });\n',
      'serverless.yml': [
        'service: svc',
        'provider:',
        '  name: aws',
        '  memorySize: 512',
        'functions:',
        '  hello:',
        '    handler: handler.hello',
        '    events:',
        '      - httpApi: GET /',
        '',
      ].join('\n'),
      'tools/serverless.yml': 'service: tool\n',
    };
    const details = await audited(tree);
    expect(serverlessApp(details.files)).toEqual({
      tool: 'Serverless Framework',
      path: 'serverless.yml',
      line: 5,
      functions: 1,
      http: true,
    });
    // resource-limits cites the memory size, from the same digest.
    expect(JSON.stringify(details.report)).toContain('memorySize: 512');
    expect(details.reads).toBe(details.filesRead);
  });

  it('takes a Chalice app from the scan’s read of its app.py', async () => {
    const details = await audited({
      'requirements.txt': 'chalice\n',
      'api/.chalice/config.json': '{"app_name":"api"}\n',
      'api/app.py':
        "from chalice import Chalice\napp = Chalice(app_name='api')\n\n@app.route('/')\ndef index():\n    return {}\n",
    });
    expect(serverlessApp(details.files)).toMatchObject({ tool: 'AWS Chalice', code: 'api/app.py', http: true });
    expect(details.reads).toBe(details.filesRead);
  });
});
