/**
 * readiness verify: a database line that gives the engine's major version ("Postgres 15", "PostgreSQL
 * 16+") is compared with the images of that engine the repository runs (compose, Kubernetes, Dockerfiles,
 * CI services): an image of that version confirms it, with its file and line; images all of another
 * version say the line is out of date. With no image of the engine, the version is not compared.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const base: Tree = {
  'backend/requirements.txt': 'fastapi==0.110.0\npsycopg==3.2.3\n',
  'backend/app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
  'backend/app/config.py': 'DATABASE_URL = "postgresql://app@db:5432/app"\n',
};
const withImage = (image: string): Tree => ({
  ...base,
  'docker-compose.yml': ['services:', '  db:', `    image: ${image}`, '    ports:', '      - "5432:5432"'].join('\n'),
});
const verify = verifier('docs/STATUS.md');
const doc = ['# Status', '', '## Stack', '- ✅ Postgres 15 (main database)', '- ✅ PostgreSQL 16+'].join('\n');

describe('the major version a database line gives', () => {
  it('is out of date when every image of the engine is another version', () => {
    const { at } = verify(withImage('pgvector/pgvector:pg16'), doc);
    expect(at(4).verdict).toBe('contradicted');
    expect(at(4).reason).toMatch(/version 16/);
    expect(at(4).evidence[0]).toMatchObject({ path: 'docker-compose.yml', line: 3 });
  });
  it('is confirmed by an image of that version, or later for "16+"', () => {
    const { at } = verify(withImage('postgres:16-alpine'), doc);
    expect(at(5).verdict).toBe('confirmed');
    expect(at(5).evidence[0]).toMatchObject({ path: 'docker-compose.yml', line: 3 });
    const newer = verify(withImage('postgres:17'), doc);
    expect(newer.at(5).verdict).toBe('confirmed');
    expect(newer.at(4).verdict).toBe('contradicted');
  });
  it('is not compared when no image of the engine is there', () => {
    const { at } = verify(base, doc);
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).reason).not.toMatch(/version/);
  });
});
