/**
 * readiness verify: a file named with a line ("`app/config.py` (line 4) sets `SECRET_KEY`") is right
 * about the line only when what the sentence names is there (±2 lines); found elsewhere in the file it
 * is partially confirmed with the real line; a sentence that names only the file keeps the file's verdict.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const config = [
  'from pydantic_settings import BaseSettings',
  '',
  'class Settings(BaseSettings):',
  '    DATABASE_URL: str = "sqlite://"',
  '    DEBUG: bool = False',
  '    LOG_LEVEL: str = "info"',
  '    TIMEOUT: int = 30',
  '    RETRIES: int = 3',
  '    REGION: str = "eu"',
  '    SECRET_KEY: str',
  '',
].join('\n');
const tree: Tree = {
  'pyproject.toml': '[project]\nname = "acme"\ndependencies = ["fastapi", "pydantic-settings"]\n',
  'app/config.py': config,
};

describe('a file named with a line', () => {
  const doc = [
    '# Security', // 1
    '', // 2
    '- `app/config.py` (line 10) makes `SECRET_KEY` required', // 3
    '- `app/config.py` (line 3) makes `SECRET_KEY` required', // 4
    '- `app/config.py` (line 3)', // 5
  ].join('\n');
  const { at } = verifier('SECURITY.md')(tree, doc, reportWith([]));

  it('is confirmed when what the sentence names is at that line', () => {
    expect(at(3).verdict, at(3).reason).toBe('confirmed');
  });
  it('is partially confirmed, with the real line, when it is elsewhere in the file', () => {
    expect(at(4).verdict, at(4).reason).toBe('partially-confirmed');
    expect(at(4).reason).toContain('line 10');
  });
  it('keeps the file verdict when the sentence names nothing beyond the file', () => {
    expect(at(5).verdict, at(5).reason).toBe('confirmed');
  });
});
