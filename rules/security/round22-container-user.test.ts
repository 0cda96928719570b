import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import containerUser from './container-user.js';

/**
 * Blind round 22: `USER ContainerAdministrator` (the Windows administrator) was counted as non-root
 * (Ocelot); a final stage FROM a build argument whose Makefile passes a distroless `:nonroot` image
 * was said to run as root (oauth2-proxy).
 */
const GO = {
  'go.mod': 'module example.com/gate\n\ngo 1.22\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":4180", nil)\n}\n',
};

const DOCKERFILE = [
  'ARG BUILD_IMAGE=placeholder', // 1
  'ARG RUNTIME_IMAGE=placeholder', // 2
  'FROM ${BUILD_IMAGE} AS builder', // 3
  'RUN go build -o /gate .', // 4
  'ARG RUNTIME_IMAGE', // 5
  'FROM ${RUNTIME_IMAGE}', // 6
  'COPY --from=builder /gate /bin/gate', // 7
  'ENTRYPOINT ["/bin/gate"]', // 8
].join('\n');

const MAKEFILE = [
  'VERSION ?= dev', // 1
  'RUNTIME_IMAGE_DEFAULT ?= gcr.io/distroless/static:nonroot', // 2
  'BUILD_ARGS ?= --build-arg RUNTIME_IMAGE=${RUNTIME_IMAGE_DEFAULT} --build-arg BUILD_IMAGE=golang:1.22', // 3
  'RUNTIME_IMAGE_ALPINE ?= alpine:3.20', // 4
  'BUILD_ARGS_ALPINE ?= --build-arg RUNTIME_IMAGE=${RUNTIME_IMAGE_ALPINE} --build-arg BUILD_IMAGE=golang:1.22', // 5
  '', // 6
  'docker:', // 7
  '\tdocker build $(BUILD_ARGS) -t gate .', // 8
].join('\n');

describe('round 22: who the container runs as', () => {
  it('USER ContainerAdministrator is the Windows administrator: runs as root', async () => {
    const r = await runRuleOn(
      containerUser,
      {
        ...GO,
        Dockerfile:
          'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY gate.exe /gate.exe\nUSER ContainerAdministrator\nENTRYPOINT ["/gate.exe"]\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'Dockerfile',
        line: 3,
        note: expect.stringMatching(/Windows container administrator/),
      }),
    );
  });

  it('USER ContainerUser is unprivileged', async () => {
    const r = await runRuleOn(
      containerUser,
      {
        ...GO,
        Dockerfile:
          'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY gate.exe /gate.exe\nUSER ContainerUser\nENTRYPOINT ["/gate.exe"]\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
  });

  it('a distroless :nonroot runtime image passed as a build argument by the Makefile runs as non-root', async () => {
    const r = await runRuleOn(
      containerUser,
      { ...GO, Dockerfile: DOCKERFILE, Makefile: MAKEFILE },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/gcr\.io\/distroless\/static:nonroot at Makefile:2/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'Makefile',
        line: 2,
        note: expect.stringMatching(
          /FROM \$\{RUNTIME_IMAGE\}, line 6\) is the image passed as build argument RUNTIME_IMAGE: .*other flavours passed run as root unless they set a user: alpine:3\.20 \(Makefile:4\)/,
        ),
      }),
    );
  });

  it('only a root image passed: still runs as root', async () => {
    const r = await runRuleOn(
      containerUser,
      { ...GO, Dockerfile: DOCKERFILE, Makefile: MAKEFILE.replace('gcr.io/distroless/static:nonroot', 'debian:12') },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('fail');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'Dockerfile', line: 6 }));
  });

  it('a Makefile of thousands of build-arg uses is read once: the image its definition gives is found (review of the fixes)', async () => {
    const uses = Array.from({ length: 10_000 }, (_, i) => `\tdocker build --build-arg RUNTIME_IMAGE=$(UNDEF_${i}) .`);
    const r = await runRuleOn(
      containerUser,
      { ...GO, Dockerfile: DOCKERFILE, Makefile: `${uses.join('\n')}\n${MAKEFILE}` },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/gcr\.io\/distroless\/static:nonroot at Makefile:10002/);
  });
});
