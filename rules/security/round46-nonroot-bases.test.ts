import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import containerUser from './container-user.js';
import { nonrootImageUser } from '../../src/facts/dockerfile.js';

/**
 * Blind round 46: a Chainguard JRE pulled through a registry mirror (a pull-through repository named
 * after cgr.dev, pinned by digest) was said to run as root; the base runs as nonroot by default.
 */
const app = (from: string) => ({
  'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0" }\n',
  'src/main/kotlin/App.kt': 'fun main() {}\n',
  Dockerfile: `FROM ${from}\nCOPY build/libs/app.jar /app/app.jar\nCMD ["-jar", "/app/app.jar"]\n`,
});

describe('round 46: base images that run as non-root by default', () => {
  it('a Chainguard image through a pull-through mirror passes, naming the base', async () => {
    const from = `europe-north1-docker.pkg.dev/cgr-acme/pull-through/acme.org/jre:openjdk-21@sha256:${'a'.repeat(64)}`;
    const r = await runRuleOn(containerUser, app(from), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('base image that runs as an unprivileged user');
    expect(r.evidence).toContainEqual(expect.objectContaining({ path: 'Dockerfile', line: 1 }));
  });

  it('mirrors that keep cgr.dev or chainguard/ in the path, and an organisation catalogue on cgr.dev', () => {
    expect(nonrootImageUser('mirror.acme.io/cgr.dev/chainguard/node:20')).toBe('nonroot (uid 65532)');
    expect(nonrootImageUser('docker.io/chainguard/python:latest')).toBe('nonroot (uid 65532)');
    expect(nonrootImageUser('cgr.dev/acme.org/jre:openjdk-21')).toBe('nonroot (uid 65532)');
    expect(nonrootImageUser('gcr.io/distroless/java21-debian12:nonroot')).toBe('nonroot (uid 65532)');
  });

  it('Chainguard build bases (wolfi-base, chainguard-base) run as root; so do look-alikes', async () => {
    expect(nonrootImageUser('cgr.dev/chainguard/wolfi-base:latest')).toBeUndefined();
    expect(nonrootImageUser('cgr.dev/chainguard/chainguard-base')).toBeUndefined();
    expect(nonrootImageUser('registry.acme.io/cgrx/jre:21')).toBeUndefined();
    expect(nonrootImageUser('gcr.io/distroless/java21-debian12')).toBeUndefined();
    const r = await runRuleOn(containerUser, app('cgr.dev/chainguard/wolfi-base:latest'), { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});
