import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import containerUser from './container-user.js';

/**
 * Blind round 42: a final stage FROM the official Elasticsearch image (no USER line) was said to run
 * as root; that image, like the other Elastic Stack, OpenSearch, Keycloak and Red Hat UBI OpenJDK
 * images, runs as an unprivileged user by default. A language image (node) runs as root, and a
 * `USER root` after a non-root base is root.
 */
const JAVA = {
  'pom.xml': '<project><artifactId>search</artifactId></project>\n',
  'src/main/java/org/example/App.java': 'package org.example;\npublic class App {}\n',
};

describe('round 42: base images whose default user is not root', () => {
  it('FROM the Elasticsearch image without USER runs as its uid 1000 user, said with the user', async () => {
    const r = await runRuleOn(
      containerUser,
      {
        ...JAVA,
        'src/main/docker/search-index.Dockerfile':
          'FROM docker.elastic.co/elasticsearch/elasticsearch:9.0.4\nRUN bin/elasticsearch-plugin install --batch analysis-icu\n',
        'src/main/docker/app.Dockerfile':
          'FROM registry.access.redhat.com/ubi9/openjdk-21-runtime:1.20\nCOPY target/quarkus-app/ /deployments/\n',
      },
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/docker/search-index.Dockerfile',
        line: 1,
        note: 'no USER here: the base image runs as the Elastic image user (uid 1000) by default',
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/docker/app.Dockerfile',
        note: expect.stringContaining('jboss (uid 185)'),
      }),
    );
  });

  it('a node image runs as root, and USER root after a non-root base is root', async () => {
    const node = await runRuleOn(
      containerUser,
      { ...JAVA, Dockerfile: 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]\n' },
      { profile: 'service' },
    );
    expect(node.outcome).toBe('fail');
    const back = await runRuleOn(
      containerUser,
      { ...JAVA, Dockerfile: 'FROM elasticsearch:8.15.0\nUSER root\nRUN apt-get update\n' },
      { profile: 'service' },
    );
    expect(back.outcome).toBe('fail');
  });
});
