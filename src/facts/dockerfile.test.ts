import { describe, expect, it } from 'vitest';
import {
  composeBuildContext,
  composeBuildPath,
  imageHealthcheck,
  imagePin,
  oneShotImage,
  parseDockerfile,
  resolveImage,
} from './dockerfile.js';

describe('parseDockerfile', () => {
  it('splits stages with aliases and lines, skipping --platform flags', () => {
    const df = parseDockerfile(
      'Dockerfile',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build -o /app\n\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\nUSER nonroot\n',
    );
    expect(df.ok).toBe(true);
    expect(df.stages.map((s) => [s.image, s.alias, s.line])).toEqual([
      ['golang:1.22', 'build', 1],
      ['gcr.io/distroless/static:nonroot', undefined, 4],
    ]);
    expect(df.stages[1]!.instructions.map((i) => i.keyword)).toEqual(['COPY', 'USER']);
  });
  it('joins continuation lines and keeps the first and last line of an instruction', () => {
    const df = parseDockerfile(
      'Dockerfile',
      'FROM alpine:3.20\nRUN apk add \\\n    # a comment inside\n    curl \\\n    git\nUSER app\n',
    );
    expect(df.stages[0]!.instructions[0]).toMatchObject({ keyword: 'RUN', line: 2, endLine: 5 });
    expect(df.stages[0]!.instructions[1]).toMatchObject({ keyword: 'USER', line: 6 });
  });
  it('does not read a heredoc body as instructions', () => {
    const df = parseDockerfile(
      'Dockerfile',
      'FROM debian:12\nRUN <<EOF\nset -e\nFROM nothing\nUSER root\nEOF\nUSER app\n',
    );
    expect(df.stages).toHaveLength(1);
    expect(df.stages[0]!.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['RUN', 2],
      ['USER', 7],
    ]);
  });
  it('honours the escape directive (Windows images)', () => {
    const df = parseDockerfile(
      'Dockerfile',
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\nUSER ContainerUser\n',
    );
    expect(df.stages[0]!.instructions.map((i) => i.keyword)).toEqual(['RUN', 'USER']);
  });
  it('a file without FROM is not ok, and says why', () => {
    expect(parseDockerfile('x/Dockerfile', 'RUN echo hi\n')).toMatchObject({
      ok: false,
      error: 'x/Dockerfile: no FROM instruction',
    });
    expect(parseDockerfile('x/Dockerfile', '')).toMatchObject({ ok: false });
  });
});

describe('image pinning', () => {
  const pin = (text: string, i = 0) => {
    const df = parseDockerfile('Dockerfile', text);
    return imagePin(df, df.stages[i]!);
  };
  it('classifies tags, digests, latest, untagged and floating tags', () => {
    expect(pin('FROM node:20.11-alpine\n')).toBe('tag');
    expect(pin(`FROM node@sha256:${'a'.repeat(64)}\n`)).toBe('digest');
    expect(pin('FROM node:latest\n')).toBe('latest');
    expect(pin('FROM node\n')).toBe('untagged');
    expect(pin('FROM registry.local:5000/team/node\n')).toBe('untagged');
    expect(pin('FROM node:alpine\n')).toBe('floating');
    expect(pin('FROM python:slim\n')).toBe('floating');
    expect(pin('FROM debian:bookworm-slim\n')).toBe('tag');
  });
  it('substitutes ARG defaults declared before FROM', () => {
    const text =
      'ARG NODE_VERSION=20.11\nARG BASE\nFROM node:${NODE_VERSION}-alpine\nFROM ${BASE}\nFROM ${IMG:-nginx:1.27}\n';
    const df = parseDockerfile('Dockerfile', text);
    expect(resolveImage(df, df.stages[0]!.image)).toBe('node:20.11-alpine');
    expect(imagePin(df, df.stages[0]!)).toBe('tag');
    expect(imagePin(df, df.stages[1]!)).toBe('variable');
    expect(imagePin(df, df.stages[2]!)).toBe('tag');
  });
  it('a stage built FROM an earlier stage or scratch is not a base image', () => {
    expect(pin('FROM golang:1.22 AS Build\nFROM build\n', 1)).toBe('stage');
    expect(pin('FROM scratch\n')).toBe('stage');
  });
});

describe('imageHealthcheck', () => {
  const hc = (text: string) => imageHealthcheck(parseDockerfile('Dockerfile', text))?.line;
  it('is inherited by a final stage built FROM the stage that declares it', () => {
    expect(
      hc('FROM python:3.13 AS app\nHEALTHCHECK CMD curl -f localhost\nFROM app AS app-plus\nRUN pip install x\n'),
    ).toBe(2);
  });
  it('comes from a runtime target when the final stage only uploads artefacts', () => {
    expect(
      hc(
        'FROM node:22 AS release\nHEALTHCHECK CMD node hc.js\nCMD ["node", "server.js"]\nFROM node:22 AS upload\nRUN upload.sh\n',
      ),
    ).toBe(2);
  });
  it('is off when the final stage says HEALTHCHECK NONE, and absent when no stage declares one', () => {
    expect(hc('FROM node:22 AS base\nHEALTHCHECK CMD node hc.js\nFROM base\nHEALTHCHECK NONE\n')).toBeUndefined();
    expect(hc('FROM node:22\nCMD ["node", "server.js"]\n')).toBeUndefined();
  });
});

describe('oneShotImage', () => {
  const why = (text: string, profile = 'cli') => oneShotImage(parseDockerfile('Dockerfile', text), profile);
  it("runs a server's default command when the base image is a server and no CMD is set", () => {
    expect(why('FROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\n')).toBeUndefined();
  });
  it('is a development box on an OS base with no CMD, whatever the profile', () => {
    expect(why('FROM debian:12\nRUN apt-get update && apt-get -y install make\n', 'service')).toBe(
      'Dockerfile:1 builds FROM debian:12 and sets no CMD or ENTRYPOINT: a development box that starts a shell, no long-running process',
    );
  });
  it('an image FROM scratch that only carries a binary starts nothing; outside the service profile no command means no server', () => {
    const carrier = 'FROM scratch\nARG TARGETARCH\nCOPY ${TARGETARCH}/runner /runner\n';
    expect(why(carrier)).toBe(
      'Dockerfile:1 builds FROM scratch and sets no CMD, ENTRYPOINT or EXPOSE: it carries the command-line tool, no server to health-check',
    );
    expect(why(carrier, 'service')).toBe(
      'Dockerfile:1 builds FROM scratch and sets no CMD, ENTRYPOINT or EXPOSE: it carries the program, no server to health-check',
    );
    expect(why('FROM gcr.io/distroless/static\nCOPY tool /tool\n', 'library')).toBe(
      'Dockerfile:1 builds FROM gcr.io/distroless/static and sets no CMD, ENTRYPOINT or EXPOSE: it carries the program, no server to health-check',
    );
    // A service's image without a command of its own may run its base's: judged.
    expect(why('FROM gcr.io/distroless/static\nCOPY api /api\n', 'service')).toBeUndefined();
    expect(why('FROM scratch\nCOPY api /api\nEXPOSE 8080\n', 'cli')).toBeUndefined();
  });
  it("a service's binary ENTRYPOINT stays long-running; a CLI's is one-shot; inherited stages count", () => {
    const text = 'FROM golang:1.23 AS build\nRUN go build -o /tool\nFROM build AS final\nENTRYPOINT ["/tool"]\n';
    expect(why(text, 'service')).toBeUndefined();
    expect(why(text, 'cli')).toBe(
      'Dockerfile:4 ENTRYPOINT ["/tool"] runs the command-line tool once: no EXPOSE, no server command',
    );
    expect(why('FROM alpine:3.20 AS base\nEXPOSE 80\nFROM base\nENTRYPOINT ["/tool"]\n')).toBeUndefined();
  });
});

describe('compose build contexts', () => {
  it('resolve inside the repository, and name nothing when they climb above its root', () => {
    expect(composeBuildContext('docker', { context: '../' })).toBe('');
    expect(composeBuildPath('docker', { context: '../api', dockerfile: 'Dockerfile.prod' })).toBe(
      'api/Dockerfile.prod',
    );
    expect(composeBuildContext('', '../..')).toBeUndefined();
    expect(composeBuildPath('docker', { context: '../../..' })).toBeUndefined();
    expect(composeBuildContext('', 'https://github.com/o/r.git')).toBeUndefined();
  });
});
