/** Web frameworks found among a workspace's dependencies looked up by name, not by testing each dependency per framework. */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import type { Dependency } from '../types.js';
import { detectFrameworks } from './frameworks.js';

const dep = (name: string, extra: Partial<Dependency> = {}): Dependency => ({
  ecosystem: 'npm',
  name,
  version: '1.0.0',
  path: 'package.json',
  dev: false,
  direct: true,
  ...extra,
});

/** The first dependency that makes each framework, the way a user reads the report. */
const found = (deps: Dependency[]) =>
  detectFrameworks(memoryIndex({}), deps).map(
    (f) => `${f.id} ${f.evidence.path}:${f.evidence.line ?? ''} ${f.evidence.snippet}`,
  );

describe('web frameworks among 200,000 dependencies', () => {
  // Names near the frameworks' own: other scopes, prefixes and suffixes of them (express-x, @s1/express,
  // io.quarkus:quarkus-rest-client-x). Testing every one per framework took seconds.
  const noise: Dependency[] = [];
  for (let i = 0; i < 200_000; i++) {
    const forms = [`express-${i}`, `@s${i}/express`, `@opentelemetry/i${i}`, `koa${i}`, `next-${i}`];
    noise.push(dep(forms[i % forms.length]!));
  }
  noise.push(dep('io.quarkus:quarkus-rest-client-reactive', { ecosystem: 'maven', path: 'pom.xml', line: 3 }));

  it('finds each framework by its first production dependency, in the order they come', () => {
    const deps = [
      ...noise,
      dep('express', { dev: true, line: 1 }),
      dep('express', { path: 'examples/demo/package.json', line: 2 }),
      dep('express', { line: 7, version: '4.19.2' }),
      dep('fastify', { line: 8 }),
      dep('express', { line: 9, version: '5.0.0' }),
      dep('io.quarkus:quarkus-rest', { ecosystem: 'maven', path: 'pom.xml', line: 12 }),
    ];
    expect(found(deps)).toEqual([
      'express package.json:7 express 4.19.2',
      'fastify package.json:8 fastify 1.0.0',
      'quarkus pom.xml:12 io.quarkus:quarkus-rest 1.0.0',
    ]);
  });

  it('names of near frameworks, a dev dependency, an example’s and a client of the framework make none', () => {
    const deps = [...noise, dep('express', { dev: true }), dep('express', { path: 'examples/demo/package.json' })];
    expect(found(deps)).toEqual([]);
  });
});
