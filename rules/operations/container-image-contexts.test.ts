/**
 * The Dockerfile input of a CI build step, read as a pattern over the repository's Dockerfiles: its
 * expressions name folders (`${{ matrix.app }}/Dockerfile` builds each app's folder as its context).
 * A pattern whose wildcards could split a long name many ways (`*a*a*a*ax`: 10 s on a 400-character
 * name) is not read at all.
 */
import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../src/testing/memory.js';
import { ciBuildContexts } from './container-image.js';

const workflow = (file: string) =>
  [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    strategy: { matrix: { app: [api, web] } }',
    '    steps:',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    `          file: '${file}'`,
    '          context: ${{ matrix.app }}',
    '',
  ].join('\n');

const contexts = (file: string, dockerfiles: string[]) => {
  const tree: Record<string, string> = { '.github/workflows/build.yml': workflow(file) };
  for (const d of dockerfiles) tree[d] = 'FROM alpine:3.20\n';
  return Object.fromEntries(ciBuildContexts(memoryIndex(tree), dockerfiles));
};

describe('a CI build step’s Dockerfile pattern', () => {
  it('gives each Dockerfile it matches its build context', () => {
    expect(contexts('${{ matrix.app }}/Dockerfile', ['api/Dockerfile', 'web/Dockerfile'])).toEqual({
      'api/Dockerfile': ['api'],
      'web/Dockerfile': ['web'],
    });
    expect(contexts('services/**/${{ matrix.app }}/Dockerfile', ['services/x/api/Dockerfile'])).toEqual({
      'services/x/api/Dockerfile': ['api'],
    });
  });

  it('is not read when its wildcards could split a long name many ways', () => {
    const long = `${'a'.repeat(400)}/Dockerfile`;
    expect(contexts(`${'*a'.repeat(40)}x/\${{ matrix.app }}/Dockerfile`, [long])).toEqual({});
    expect(contexts('${{ matrix.app }}${{ matrix.x }}${{ matrix.y }}z/Dockerfile', [long])).toEqual({});
    const deep = `${'a/'.repeat(2000)}api/Dockerfile`;
    expect(contexts(`${'**/'.repeat(3)}a/**/a/**/\${{ matrix.app }}/Dockerfile`, [deep])).toEqual({});
    // Two runs of `**/` are read.
    expect(contexts('**/**/a/**/${{ matrix.app }}/Dockerfile', ['x/a/y/api/Dockerfile'])).toEqual({
      'x/a/y/api/Dockerfile': ['api'],
    });
    expect(contexts('**/**/a/**/${{ matrix.app }}/Dockerfile', [deep])).toEqual({ [deep]: ['api'] });
  });
});
