/**
 * Blind round 38: an AWS CDK application (cdk.json whose "app" runs bin/app.ts, which creates a
 * `cdk.App`) was judged a cli for the package.json "bin" that `cdk init app` writes into every CDK
 * app. An IaC application at the root (CDK, CDK for Terraform, Pulumi) is deployed as infrastructure;
 * a command-line package stays a cli, and a cdk.json that only runs a test's app makes no deployment.
 */
import { describe, expect, it } from 'vitest';
import { profileOf } from '../src/testing/profile.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import iac from './operations/infrastructure-as-code.js';

/** Source files enough that a lone cdk.json does not outnumber them. */
const sources = (dir: string) =>
  Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${dir}/part${i}.ts`, `export const part${i} = ${i};\n`]));

const cdkTs = {
  ...sources('lib/constructs'),
  'package.json': JSON.stringify({
    name: 'chat',
    bin: { chat: 'bin/chat.js' },
    dependencies: { 'aws-cdk-lib': '2.100.0', constructs: '^10.0.0' },
  }),
  'cdk.json': JSON.stringify({ app: 'npx ts-node --prefer-ts-exts bin/chat.ts', context: {} }),
  'bin/chat.ts':
    "#!/usr/bin/env node\nimport * as cdk from 'aws-cdk-lib';\nimport { ChatStack } from '../lib/chat-stack';\n\nconst app = new cdk.App();\nnew ChatStack(app, 'Chat');\n",
  'lib/chat-stack.ts':
    "import * as cdk from 'aws-cdk-lib';\nexport class ChatStack extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) { super(scope, id); }\n}\n",
};

describe('round 38: an IaC application is infrastructure, not the cli its package.json "bin" suggests', () => {
  it('a CDK TypeScript app with the "bin" cdk init writes', async () => {
    const p = await profileOf(cdkTs);
    expect(p.id).toBe('infrastructure');
    expect(p.reasons.join(' ')).toContain('AWS CDK application (cdk.json; bin/chat.ts:5 creates the app)');
  });

  it('a CDK Python app (app.py, `app = App()`)', async () => {
    const p = await profileOf({
      'cdk.json': '{ "app": "python3 app.py" }',
      'requirements.txt': 'aws-cdk-lib==2.100.0\nconstructs>=10\n',
      'app.py':
        'from aws_cdk import App\nfrom stacks.web import WebStack\n\napp = App()\nWebStack(app, "web")\napp.synth()\n',
      'stacks/web.py': 'from aws_cdk import Stack\n\nclass WebStack(Stack):\n    pass\n',
      'setup.py':
        'from setuptools import setup\nsetup(name="web", entry_points={"console_scripts": ["web=stacks.web:main"]})\n',
    });
    expect(p.id).toBe('infrastructure');
  });

  it('a CDK Java app whose command names no file, by its CDK dependency', async () => {
    const p = await profileOf({
      'cdk.json': '{ "app": "mvn -e -q compile exec:java" }',
      'pom.xml':
        '<project><dependencies><dependency><groupId>software.amazon.awscdk</groupId><artifactId>aws-cdk-lib</artifactId></dependency><dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId></dependency></dependencies></project>\n',
      'src/main/java/com/x/App.java':
        'package com.x;\npublic class App { public static void main(String[] a) { new software.amazon.awscdk.App(); } }\n',
    });
    expect(p.id).toBe('infrastructure');
  });

  it('a Pulumi project at the root', async () => {
    const p = await profileOf({
      'Pulumi.yaml': 'name: web\nruntime: nodejs\n',
      'package.json': JSON.stringify({ name: 'web', bin: 'index.js', dependencies: { '@pulumi/aws': '6' } }),
      'index.ts': "import * as aws from '@pulumi/aws';\nexport const b = new aws.s3.Bucket('b');\n",
    });
    expect(p.id).toBe('infrastructure');
  });

  it('the IaC rule judges the CDK app instead of "a cli is not deployed"', async () => {
    const r = await runRuleOn(iac, cdkTs);
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('CDK');
  });

  it('a Node CLI stays a cli', async () => {
    const p = await profileOf({
      'package.json': JSON.stringify({ name: 'tool', bin: { tool: 'bin/tool.js' }, dependencies: { commander: '12' } }),
      'bin/tool.js': "#!/usr/bin/env node\nconst { program } = require('commander');\nprogram.parse();\n",
    });
    expect(p.id).toBe('cli');
  });

  it('a cli whose cdk.json runs a test app, or an entry that creates no App, stays a cli', async () => {
    const cli = {
      ...sources('src'),
      'package.json': JSON.stringify({
        name: 'tool',
        bin: { tool: 'bin/tool.js' },
        dependencies: { 'aws-cdk-lib': '2' },
      }),
      'bin/tool.js': "#!/usr/bin/env node\nconsole.log('hi');\n",
    };
    const test = await profileOf({
      ...cli,
      'cdk.json': '{ "app": "npx ts-node test/integ.app.ts" }',
      'test/integ.app.ts': "import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App();\n",
    });
    expect(test.id).toBe('cli');
    const none = await profileOf({ ...cli, 'cdk.json': '{ "app": "node bin/tool.js" }' });
    expect(none.id).toBe('cli');
  });
});
