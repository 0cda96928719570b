import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../testing/memory.js';
import { dockerfiles, joinContinued, parseDockerfile, parseEarthfile } from './dockerfile.js';
import { escapeRe } from '../util/regex.js';

/** The joins as they were written before the shared splitter: the reference for its results. */
function dockerJoinBefore(lines: string[], i: number, escapeChar: string): { body: string; end: number } {
  let body = lines[i]!;
  while (body.trimEnd().endsWith(escapeChar) && i + 1 < lines.length) {
    body = body.trimEnd().slice(0, -1);
    i++;
    const next = lines[i]!;
    if (next.trim().startsWith('#')) {
      body += escapeChar;
      continue;
    }
    body += ` ${next.trim()}`;
  }
  return { body, end: i };
}
function earthJoinBefore(lines: string[], i: number): { body: string; end: number } {
  let body = lines[i]!;
  while (body.trimEnd().endsWith('\\') && i + 1 < lines.length)
    body = `${body.trimEnd().slice(0, -1)} ${lines[++i]!.trim()}`;
  return { body, end: i };
}

/** A small deterministic generator (no Math.random: the same cases every run). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}
const PIECES = [
  'a',
  'RUN',
  ' ',
  '\t',
  '\\',
  '`',
  '#',
  '\u2028',
  '\u00a0',
  '"',
  "'",
  'earthly',
  '+docker',
  './+docker',
  'd/+docker',
  '--push',
  '\r',
  'x/',
];
const CI_PIECES = [
  'earthly',
  ' ',
  ' ',
  '"',
  "'",
  '+docker',
  './+docker',
  'd/+docker',
  '/d/+docker',
  '.d+docker',
  '+other',
  '--push',
  'x',
  '\r',
  '\u2028',
  '\t',
];
function randomLine(next: () => number, n: number, pieces = PIECES): string {
  let s = '';
  const k = Math.floor(next() * n);
  for (let i = 0; i < k; i++) s += pieces[Math.floor(next() * pieces.length)];
  return s;
}

describe('instruction splitter: continuations joined once, as before', () => {
  it('gives the joins of the Dockerfile (with comments dropped, either escape) and Earthfile loops on 5,000 random texts', () => {
    const next = rng(18);
    let compared = 0;
    for (let t = 0; t < 5000; t++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 6) }, () => randomLine(next, 6));
      for (let i = 0; i < lines.length; i++) {
        for (const esc of ['\\', '`'])
          expect(joinContinued(lines, i, esc, true)).toEqual(dockerJoinBefore(lines, i, esc));
        expect(joinContinued(lines, i, '\\', false)).toEqual(earthJoinBefore(lines, i));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('400 KB of `a \\` lines is one instruction of 100,000 words (joining by re-trimming took 5 s)', () => {
    const n = 100_000;
    const docker = parseDockerfile('Dockerfile', `FROM alpine:3.19\nRUN a \\\n${' a \\\n'.repeat(n)}\n`);
    const run = docker.stages[0]!.instructions[0]!;
    expect(run.keyword).toBe('RUN');
    expect(run.args.split(/\s+/).length).toBe(n + 1);
    expect(run.endLine).toBe(n + 3);
    const earth = parseEarthfile('Earthfile', `FROM alpine:3.19\nt:\n RUN a \\\n${' a \\\n'.repeat(n)}\n SAVE IMAGE\n`);
    expect(earth[0]!.stages.at(-1)!.instructions[0]!.args.split(/\s+/).length).toBe(n + 1);
  });
});

describe('Earthfile: each target stage built once, chains capped', () => {
  it('20,000 targets each FROM the one before: stages shared, at most 16 per image; longer chains are not judged (1 MB ran out of memory)', () => {
    const n = 20_000;
    let text = 'FROM alpine:3.19\n';
    for (let i = 0; i < n; i++) text += `t${i}:\n  FROM ${i ? `+t${i - 1}` : '+'}\n  RUN x\n  SAVE IMAGE\n`;
    const images = parseEarthfile('Earthfile', text);
    // t0..t14 reach the base recipe within 16 stages; from t15 on the chain is longer.
    expect(images.map((d) => d.target!.name)).toEqual(Array.from({ length: 15 }, (_, i) => `t${i}`));
    expect(images.reduce((s, d) => s + d.stages.length, 0)).toBe(((2 + 16) * 15) / 2);
    // One stage object per target, whichever image reaches it.
    expect(images[14]!.stages[1]).toBe(images[0]!.stages[1]);
    expect(images[3]!.stages.map((s) => s.alias)).toEqual(['+', '+t0', '+t1', '+t2', '+t3']);
  });
});

describe('Earthfile: the CI line that publishes a target, read once per line', () => {
  /** The pattern each target had, per line: the reference. */
  function before(lines: string[], dir: string, name: string, pushes: boolean): number | undefined {
    const ref = new RegExp(
      String.raw`\bearthly\b.*?(?:^|[\s"'])(?:\.?/?${escapeRe(dir)}/?)?\+${escapeRe(name)}(?:[\s"']|$)`,
    );
    const i = lines.findIndex((l) => ref.test(l) && (pushes || /--push\b/.test(l)));
    return i < 0 ? undefined : i + 1;
  }

  it('finds the same line as the per-target pattern on 3,000 random workflows, root and folder Earthfiles', () => {
    const next = rng(4);
    let found = 0;
    for (let t = 0; t < 3000; t++) {
      const lines = Array.from(
        { length: 1 + Math.floor(next() * 4) },
        () => (next() < 0.5 ? 'earthly ' : '') + randomLine(next, 14, CI_PIECES),
      );
      const ci = lines.join('\n');
      const tree = {
        '.github/workflows/ci.yml': ci,
        Earthfile: 'VERSION 0.8\nFROM alpine:3.19\ndocker:\n  SAVE IMAGE x\nother:\n  SAVE IMAGE --push y\n',
        'd/Earthfile': 'VERSION 0.8\nFROM alpine:3.19\ndocker:\n  SAVE IMAGE z\n',
      };
      const split = ci.split('\n');
      for (const d of dockerfiles(memoryIndex(tree)).filter((x) => x.target)) {
        const dir = d.path.includes('/') ? 'd' : '';
        const want = before(split, dir, d.target!.name, d.target!.name === 'other');
        expect(d.published?.line, `${JSON.stringify(ci)} ${d.path} +${d.target!.name}`).toBe(want);
        if (want) found++;
      }
    }
    expect(found).toBeGreaterThan(300);
  });

  it('a 320 KB line of `earthly ` and 200 targets: the line is split once (29 s with a pattern per target)', () => {
    let earth = 'VERSION 0.8\nFROM alpine:3.19\n';
    for (let i = 0; i < 200; i++) earth += `t${i}:\n  SAVE IMAGE --push img${i}\n`;
    const tree = {
      '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    steps:\n      - run: ${'earthly '.repeat(40_000)}\n      - run: earthly +t7\n`,
      Earthfile: earth,
    };
    const images = dockerfiles(memoryIndex(tree)).filter((d) => d.target);
    expect(images.length).toBe(200);
    expect(images.filter((d) => d.published).map((d) => `${d.target!.name}@${d.published!.line}`)).toEqual(['t7@6']);
  });
});

describe('platform configurations that deploy Dockerfiles', () => {
  it('are read once for all the Dockerfiles named for development: 1,000 of them beside 50 fly.toml files of 20 KB', () => {
    // Each Dockerfile re-read every configuration: 1,000 × 50 × 20 KB of matching, over 40 s.
    const tree: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) tree[`svc${i}/Dockerfile.dev`] = 'FROM node:20\nUSER node\n';
    const other = Array.from({ length: 500 }, (_, i) => `dockerfile = "../svc${i}/Dockerfile.x"`).join('\n');
    for (let i = 0; i < 50; i++) tree[`p${i}/fly.toml`] = `${other}\n`;
    tree['p7/fly.toml'] = `${other}\n[build]\n  dockerfile = "../svc3/Dockerfile.dev"\n`;
    tree['p9/fly.toml'] = `dockerfile = "../svc3/Dockerfile.dev"\ndockerfile = "../svc4/Dockerfile.dev"\n`;
    const published = dockerfiles(memoryIndex(tree))
      .filter((d) => d.published)
      .map((d) => `${d.path} ${d.published!.path}:${d.published!.line}`);
    expect(published).toEqual(['svc3/Dockerfile.dev p7/fly.toml:502', 'svc4/Dockerfile.dev p9/fly.toml:2']);
  });
});
