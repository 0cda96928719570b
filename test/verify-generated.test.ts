/**
 * readiness verify: a project generator's document (round 25, development set). The files it lists are
 * the generated project's: the template the generator's code names decides, not the generator's own file.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const templates = (n: number): Tree =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`internal/generator/templates/base/file${i}.go.tmpl`, 'package {{.Name}}\n']),
  );

const project = (n: number): Tree => ({
  'go.mod': 'module example.com/gen\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'internal/generator/project.go':
    'package generator\n\nvar files = map[string]string{\n\t"docker/Dockerfile.tmpl": "Dockerfile",\n\t"base/Makefile.tmpl": "Makefile",\n}\n',
  'internal/generator/templates/base/Makefile.tmpl': 'build:\n\tgo build ./...\n',
  Dockerfile: 'FROM golang:1.22 AS build\nFROM alpine\n',
  Makefile: 'build:\n\tgo build ./...\n',
  ...templates(n),
});

const doc = [
  '# Implementation status', // 1
  '', // 2
  '## Generated project structure', // 3
  '', // 4
  '```', // 5
  'my-service/', // 6
  '├── Dockerfile                   # Multi-stage Docker build', // 7
  '├── Makefile                     # Build automation', // 8
  '```', // 9
].join('\n');

describe("a generator's document: files of the generated project", () => {
  const { at } = verifier('docs/STATUS.md')(project(12), doc, reportWith([]));

  it("is out of date when the template the generator's code names is not in the repository", () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('docker/Dockerfile.tmpl');
  });
  it('stands when the template is there', () => {
    expect(at(8).verdict).toBe('confirmed');
  });
});

describe('a repository with a few templates is not a generator', () => {
  const { at } = verifier('docs/STATUS.md')(project(2), doc, reportWith([]));

  it("confirms the file from the repository's own", () => {
    expect(at(7).verdict).toBe('confirmed');
  });
});
