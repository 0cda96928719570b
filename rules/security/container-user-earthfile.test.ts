import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import healthChecks from '../reliability/health-checks.js';
import rule from './container-user.js';

/** A Rust command-line tool whose release workflow pushes the image an Earthfile target saves. */
const EARTHFILE = [
  'VERSION 0.7', // 1
  'FROM alpine:3.20', // 2
  'WORKDIR /src', // 3
  '', // 4
  'build:', // 5
  '    FROM rust:1.80-alpine', // 6
  '    COPY . /src', // 7
  '    RUN cargo build --release', // 8
  '    SAVE ARTIFACT /src/target/release/wc2 AS LOCAL ./wc2', // 9
  '', // 10
  'image:', // 11
  '    COPY +build/wc2 /usr/local/bin/', // 12
  '    ENTRYPOINT ["wc2"]', // 13
  '    ARG tag=wc2:latest', // 14
  '    SAVE IMAGE --push $tag', // 15
].join('\n');

const WORKFLOW = [
  'name: image',
  'on:',
  '  push:',
  '    tags: ["v*"]',
  'jobs:',
  '  push:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: earthly/actions-setup@v1',
  '      - name: Push',
  '        run: earthly --ci --push +image --tag=ghcr.io/acme/wc2:latest',
].join('\n');

const cli = (extra: Record<string, string> = {}) => ({
  'Cargo.toml': '[package]\nname = "wc2"\nversion = "0.1.0"\n\n[[bin]]\nname = "wc2"\npath = "src/main.rs"\n',
  'src/main.rs': 'fn main() {\n    println!("{}", std::env::args().count());\n}\n',
  // A sample the line counter reads, not an image that ships.
  'tests/data/Dockerfile': '# 3 lines\nFROM scratch\nCOPY a /a\n',
  Earthfile: EARTHFILE,
  '.github/workflows/image.yml': WORKFLOW,
  ...extra,
});

describe('container-user: images an Earthfile target saves', () => {
  it('judges the pushed Earthfile target like a Dockerfile stage: no USER on the base recipe runs as root', async () => {
    const run = await runRuleOn(rule, cli());
    expect(run.outcome).toBe('fail');
    expect(run.message).toBe('1 of 1 image runs the final stage as root.');
    expect(run.evidence).toEqual([
      {
        path: 'Earthfile',
        line: 11,
        snippet: 'image:',
        note: 'Earthfile target +image saves an image (SAVE IMAGE, line 15; pushed by .github/workflows/image.yml:12) with no USER instruction in it or the recipe it builds on (FROM alpine:3.20, line 2): the container runs as root',
      },
    ]);
  });

  it('passes when the target or the base recipe switches to an unprivileged user', async () => {
    const run = await runRuleOn(
      rule,
      cli({ Earthfile: EARTHFILE.replace('WORKDIR /src', 'RUN adduser -D app\nUSER app\nWORKDIR /src') }),
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toEqual([expect.objectContaining({ path: 'Earthfile', line: 4, snippet: 'USER app' })]);
  });

  it('follows FROM +target to the stage the image is built on', async () => {
    const earth = `${EARTHFILE}\n\nruntime:\n    FROM gcr.io/distroless/static:nonroot\n    SAVE IMAGE wc2-runtime\n\nslim:\n    FROM +runtime\n    COPY +build/wc2 /wc2\n    SAVE IMAGE wc2-slim\n`;
    const run = await runRuleOn(
      rule,
      cli({ Earthfile: earth.replace('SAVE IMAGE --push $tag', 'USER 10001\n    SAVE IMAGE --push $tag') }),
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['Earthfile:15', 'Earthfile:19', 'Earthfile:19']);
  });

  it('is not applicable when the Earthfile only builds artifacts', async () => {
    const run = await runRuleOn(rule, cli({ Earthfile: EARTHFILE.split('\n').slice(0, 9).join('\n') }));
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toMatch(/^no image ships from this \w+ repository: tests\/data\/Dockerfile builds/);
  });
});

describe('health-checks: an Earthfile image of a command-line tool', () => {
  it('is a one-shot image, cited at its ENTRYPOINT, not "no Dockerfile"', async () => {
    const run = await runRuleOn(healthChecks, cli(), { profile: 'cli' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain('no long-running image');
    expect(run.message).toContain('Earthfile:13 ENTRYPOINT ["wc2"] runs the command-line tool once');
  });
});
