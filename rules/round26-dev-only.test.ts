/**
 * Blind round 26, class "development and test-only files": seed data for a local database, an abstract
 * test case in a test-utilities package, mock images that a local compose builds, and a library's
 * compose file that starts the servers its tests talk to are neither production modules nor deployed
 * units. Each case asserts the verdict a user reads, with a counter-case that is still judged.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import { isProductionPath, isSeedDataPath, isTestPath } from '../src/facts/paths.js';
import moduleSize from './architecture/module-size.js';
import containerUser from './security/container-user.js';
import containerImage from './operations/container-image.js';
import healthChecks from './reliability/health-checks.js';
import resourceLimits from './reliability/resource-limits.js';

/** `n` lines of code that is no data table (each line calls something). */
const code = (n: number, name: string) =>
  Array.from({ length: n }, (_, i) => `${name}_step_${i}(input, ${i}) + other_${i}(x);`).join('\n');

describe('round 26: seed data and test utilities are not production code', () => {
  it('classifies seed scripts, seeds folders and test-case packages by path', () => {
    for (const p of [
      'docker/mongoDB/mongo-init.js',
      'init-mongo.js',
      'docker/postgres/docker-entrypoint-initdb.d/01-schema.sh',
      'prisma/seed.ts',
      'db/seeds.rb',
      'database/seeders/UserSeeder.php',
      'scripts/seed-db.ts',
    ]) {
      expect(isSeedDataPath(p), p).toBe(true);
      expect(isProductionPath(p), p).toBe(false);
    }
    for (const p of [
      'src/AdapterTestUtilities/FilesystemAdapterTestCase.php',
      'packages/flysystem-test-utilities/Helpers.php',
      'src/Storage/StorageTestCase.java',
    ]) {
      expect(isTestPath(p), p).toBe(true);
      expect(isProductionPath(p), p).toBe(false);
    }
    // Product code named like a database or a seed is still code.
    for (const p of [
      'src/db/index.ts',
      'src/database/setup.ts',
      'src/seed/wallet.ts',
      'src/mongo-initializer.js',
      'src/latest-utilities/format.ts',
      'src/contest/entry.php',
      'src/Storage/TestCaseFormatter/Format.php',
    ])
      expect(isProductionPath(p), p).toBe(true);
  });

  it('module-size names the largest product file, not the seed script or the abstract test case', async () => {
    const tree: Tree = {
      'composer.json': '{"name": "acme/storage", "type": "library"}',
      'src/Ftp/FtpAdapter.php': `<?php\n${code(650, 'ftp')}`,
      'src/AdapterTestUtilities/FilesystemAdapterTestCase.php': `<?php\n${code(1200, 'tc')}`,
      'docker/mongoDB/mongo-init.js': code(1300, 'seed'),
    };
    const run = await runRuleOn(moduleSize, tree, { profile: 'library' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('the largest is src/Ftp/FtpAdapter.php (651 lines)');
    expect(run.evidence[0]).toMatchObject({ path: 'src/Ftp/FtpAdapter.php', line: 651 });
  });

  it('the same file as product code is measured', async () => {
    const tree: Tree = {
      'composer.json': '{"name": "acme/storage", "type": "library"}',
      'src/Ftp/FtpAdapter.php': `<?php\n${code(650, 'ftp')}`,
      'src/Adapter/FilesystemAdapterCore.php': `<?php\n${code(1200, 'tc')}`,
    };
    const run = await runRuleOn(moduleSize, tree, { profile: 'library' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence[0]).toMatchObject({ path: 'src/Adapter/FilesystemAdapterCore.php' });
  });
});

const SHIPPED = [
  'FROM eclipse-temurin:21-jre@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  'COPY app.jar /app.jar',
  'USER app:app',
  'CMD ["java", "-jar", "/app.jar"]',
  '',
].join('\n');
const NODE_ROOT = [
  'FROM node:20.11.0-alpine',
  'COPY . /srv',
  'RUN yarn install',
  'CMD ["node", "/srv/server.js"]',
  '',
].join('\n');
const mockTree = (tokenizerService: string): Tree => ({
  'build.gradle.kts': 'dependencies { implementation("org.springframework.boot:spring-boot-starter-webflux") }\n',
  Dockerfile: SHIPPED,
  'docker/payments-mock/Dockerfile': NODE_ROOT,
  'docker/tokenizer/Dockerfile.tok': NODE_ROOT,
  'docker-compose.yml': [
    'services:',
    '  app:',
    '    build: .',
    '    ports:',
    '      - "8080:8080"',
    '  payments:',
    '    build: docker/payments-mock',
    `  ${tokenizerService}:`,
    '    build:',
    '      context: docker/tokenizer/',
    '      dockerfile: Dockerfile.tok',
    '',
  ].join('\n'),
});

describe('round 26: mock images built for local runs are not what ships', () => {
  it('container-user judges the shipped image only, and names the mocks as set aside', async () => {
    const run = await runRuleOn(containerUser, mockTree('tokenizer-mock'), { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'docker/tokenizer/Dockerfile.tok',
        note: expect.stringContaining('built by compose service tokenizer-mock in docker-compose.yml'),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'docker/payments-mock/Dockerfile',
        note: expect.stringContaining('a mock of another system'),
      }),
    );
    const image = await runRuleOn(containerImage, mockTree('tokenizer-mock'), { profile: 'service' });
    expect(image.data).toMatchObject({ dockerfiles: 1 });
  });

  it('an image built by a service not named for a mock is judged', async () => {
    const run = await runRuleOn(containerUser, mockTree('tokenizer'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'docker/tokenizer/Dockerfile.tok',
        note: 'final stage has no USER instruction: the container runs as root',
      }),
    );
  });
});

const rig = (extra: string[] = []): Tree => ({
  'composer.json': '{"name": "acme/storage", "type": "library"}',
  'src/Storage.php': '<?php\nclass Storage {}\n',
  'docker-compose.yml': [
    'services:',
    '  sftp:',
    '    image: atmoz/sftp',
    '    restart: always',
    '    ports:',
    '      - "2222:22"',
    '  webdav:',
    '    image: bytemark/webdav',
    '    ports:',
    '      - "4080:80"',
    ...extra,
    '',
  ].join('\n'),
});

describe("round 26: a library's compose file of test servers is test infrastructure", () => {
  it('health-checks and resource-limits are not applicable, and say why', async () => {
    const hc = await runRuleOn(healthChecks, rig(), { profile: 'library' });
    expect(hc.outcome).toBe('not-applicable');
    expect(hc.message).toContain('compose service sftp (docker-compose.yml:2) set aside as test infrastructure');
    const rl = await runRuleOn(resourceLimits, rig(), { profile: 'library' });
    expect(rl.outcome).toBe('not-applicable');
    expect(rl.message).toContain('set aside as test infrastructure');
  });

  it("a service's compose file of the same images is still judged", async () => {
    const hc = await runRuleOn(healthChecks, rig(), { profile: 'service' });
    expect(hc.outcome).toBe('fail');
    expect(hc.evidence[0]).toMatchObject({ path: 'docker-compose.yml', line: 2 });
  });

  it("a library's compose file that builds the project is still judged", async () => {
    const hc = await runRuleOn(healthChecks, rig(['  api:', '    build: .', '    ports:', '      - "9000:9000"']), {
      profile: 'library',
    });
    expect(hc.outcome).toBe('fail');
  });
});
