/**
 * Blind round 27, class "inheritance not followed": a Dockerfile FROM the repository's own base
 * image (its registry path differing from the compose file's) runs as the user the Dockerfile that
 * builds that image ends with; a tsconfig extending a workspace package's config
 * (`@acme/typescript-config/base.json`) inherits the strictness of that package's file.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import containerUser from './security/container-user.js';
import typeSafety from './architecture/type-safety.js';

const baseDockerfile = (user: string) =>
  ['ARG PYTHON_VERSION=3.12-slim', 'FROM python:${PYTHON_VERSION}', 'WORKDIR /app', 'COPY . .', user, ''].join('\n');
const child = [
  'ARG BASE_IMAGE=ghcr.io/acme/engine/base:latest', // 1
  'FROM ${BASE_IMAGE}', // 2
  'COPY bin/setup /app/bin/setup', // 3
  'CMD ["/app/bin/setup"]', // 4
  '',
].join('\n');
const compose = [
  'services:',
  '  base:',
  '    image: acme/base',
  '    build:',
  '      context: .',
  '      dockerfile: ./docker/base/Dockerfile',
  '  bootstrap:',
  '    image: acme/bootstrap',
  '    build:',
  '      context: .',
  '      dockerfile: ./docker/bootstrap/Dockerfile',
  '',
].join('\n');
const tree = (user: string, extra: Tree = {}): Tree => ({
  'pyproject.toml': '[project]\nname = "engine"\ndependencies = ["flask"]\n',
  'engine/app.py': 'from flask import Flask\napp = Flask(__name__)\n',
  'docker-compose.yml': compose,
  '.dockerignore': '.git\n',
  'docker/base/Dockerfile': baseDockerfile(user),
  'docker/bootstrap/Dockerfile': child,
  ...extra,
});

describe('round 27: a Dockerfile FROM the repository’s own base image inherits its USER', () => {
  it('the base ends USER engine: the child runs as engine, citing the base', async () => {
    const run = await runRuleOn(containerUser, tree('USER engine'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'docker/bootstrap/Dockerfile',
        line: 2,
        note: "built on this repository's own image ghcr.io/acme/engine/base, built by docker/base/Dockerfile, whose final stage runs as engine (line 5): the container inherits that user",
      }),
    );
  });

  it('the base that builds it runs as root: the child runs as root, even if another image here sets a user', async () => {
    const run = await runRuleOn(
      containerUser,
      tree('# no user', { 'docker/web/Dockerfile': 'FROM python:3.12-slim\nUSER www\nCMD ["web"]\n' }),
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'docker/bootstrap/Dockerfile', note: expect.stringContaining('runs as root') }),
    );
  });
});

const monorepo = (base: string): Tree => ({
  'package.json': '{ "name": "acme", "private": true }\n',
  'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n  - "packages/*"\n  - "tooling/*"\n',
  'tooling/typescript/package.json': '{ "name": "@acme/typescript-config", "private": true, "files": ["base.json"] }\n',
  'tooling/typescript/base.json': base,
  'packages/database/package.json': '{ "name": "@acme/database" }\n',
  'packages/database/tsconfig.json':
    '{\n  "extends": "@acme/typescript-config/base.json",\n  "compilerOptions": { "outDir": "./dist" },\n  "include": ["src/**/*.ts"]\n}\n',
  'packages/database/src/index.ts': 'export const db = 1;\n',
});

describe('round 27: a tsconfig extending a workspace package resolves it to its folder', () => {
  it('the package base.json sets "strict": true: the package is strict, citing the resolved file', async () => {
    const run = await runRuleOn(typeSafety, monorepo('{\n  "compilerOptions": {\n    "strict": true\n  }\n}\n'));
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'packages/database/tsconfig.json',
        note: expect.stringContaining('extends @acme/typescript-config/base.json = tooling/typescript/base.json'),
      }),
    );
  });

  it('the package base.json is not strict: the package is not strict, and strictness is visible', async () => {
    const run = await runRuleOn(typeSafety, monorepo('{\n  "compilerOptions": {\n    "target": "ES2022"\n  }\n}\n'));
    expect(run.outcome).not.toBe('pass');
    expect(run.message).not.toContain('strictness not visible');
  });
});
