/**
 * readiness verify: a plain list item that is a dependency and its version ("- `express`: ^4.18.2"), or
 * a dependency and a caption ("- **Lombok** - less boilerplate"), states what the manifests declare:
 * confirmed from the manifest line, contradicted by another declared version, left open otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const tree: Tree = {
  'package.json': JSON.stringify(
    {
      name: 'shop',
      dependencies: { express: '^4.18.2', cors: '^2.8.5', '@prisma/client': '^5.7.1', winston: '^3.11.0' },
      devDependencies: { nodemon: '^3.0.2' },
    },
    null,
    2,
  ),
  'src/index.js': "const express = require('express');\nconst cors = require('cors');\n",
};

describe('a dependency listed with its version', () => {
  const doc = [
    '# Handover', // 1
    '', // 2
    '## Current dependencies', // 3
    '- `express`: ^4.18.2', // 4
    '- `cors`: ^2.8.5', // 5
    '- `@prisma/client`: ^5.7.1', // 6
    '- `winston`: ^3.9.0 ✨ 新規追加（ロギング用）', // 7
    '- `nodemon`: ^3.0.2 (dev)', // 8
    '- `helmet`: ^7.1.0', // 9
    '- `express`: ^4.18.2 with rate limiting on every route', // 10
    '- **Winston** - structured logging', // 11
    '- **Pino** - structured logging', // 12
  ].join('\n');
  const { at, has } = verifier('HANDOVER.md')(tree, doc, reportWith([]));

  it('is confirmed from the manifest that declares that version', () => {
    for (const line of [4, 5, 6, 8]) expect(at(line).verdict).toBe('confirmed');
    expect(at(4).evidence[0]!.path).toBe('package.json');
    expect(at(4).reason).toContain('express ^4.18.2');
  });
  it('is contradicted when the manifest declares the package at another version', () => {
    expect(at(7).verdict).toBe('contradicted');
    expect(at(7).reason).toContain('^3.11.0');
  });
  it('is not confirmed when no manifest declares it', () => {
    if (has(9)) expect(at(9).verdict).not.toBe('confirmed');
  });
  it('is not settled by the version when more than a caption follows', () => {
    if (has(10)) expect(at(10).reason).not.toContain('express ^4.18.2 is declared');
  });
  it('is confirmed when the item is a declared package and its caption', () => {
    expect(at(11).verdict).toBe('confirmed');
    if (has(12)) expect(at(12).verdict).not.toBe('confirmed');
  });
});
