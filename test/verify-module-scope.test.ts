/**
 * readiness verify: a setting under a heading that names one module of a multi-module build
 * ("### 4. Module 4: API Versioning" above "- Port: 8082") is that module's setting. Another
 * module set to the same value does not confirm it.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { reportWith, verifier } from './helpers/verify.js';

const pom = (name: string) =>
  `<project><artifactId>${name}</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n`;

const tree: Tree = {
  'pom.xml': '<project><modules><module>02-core</module><module>04-api-versioning</module></modules></project>\n',
  '02-core/pom.xml': pom('core'),
  '02-core/src/main/resources/application.properties': 'server.port=8082\n',
  '04-api-versioning/pom.xml': pom('api-versioning'),
  '04-api-versioning/src/main/resources/application.properties': 'server.port=8084\n',
  '06-observability/pom.xml': pom('observability'),
  '06-observability/src/main/resources/application.properties': 'server.port=8086\nspring.application.name=obs\n',
};

describe('a setting under a heading that names a module', () => {
  const doc = [
    '# Summary', // 1
    '', // 2
    '### 2. Module 2: Core', // 3
    '**Endpoints**:', // 4
    '- Port: 8082', // 5
    '', // 6
    '### 4. **Module 4: API Versioning** ✓', // 7
    '**Endpoints**:', // 8
    '- V1: `GET /api/v1/users`', // 9
    '- Port: 8082', // 10
    '', // 11
    '### 6. Module 6: Observability', // 12
    '- Port: 8085', // 13
  ].join('\n');
  const { at } = verifier('SUMMARY.md')(tree, doc, reportWith([]));

  it('is confirmed by that module’s own file', () => {
    expect(at(5).verdict).toBe('confirmed');
  });
  it('is contradicted when the value is only another module’s', () => {
    expect(at(10).verdict).toBe('contradicted');
    expect(at(10).reason).toContain('8084');
  });
  it('is contradicted by the module’s own other value', () => {
    expect(at(13).verdict).toBe('contradicted');
    expect(at(13).reason).toContain('8086');
  });
});

describe('a setting under a heading that names no module', () => {
  const doc = ['# Summary', '', '### Ports', '- Port: 8082'].join('\n');
  const { at } = verifier('SUMMARY.md')(tree, doc, reportWith([]));
  it('is judged against every module as before', () => {
    expect(at(4).verdict).toBe('confirmed');
  });
});
