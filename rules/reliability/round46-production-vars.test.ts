/**
 * Blind round 46: a NAIS Application sets `pointInTimeRecovery: {{ db.pointInTimeRecovery }}`, and
 * the production variables file beside it turns it on (`db.pointInTimeRecovery: true`, off in dev).
 * The message said "point-in-time recovery is not turned on". What production is deployed with decides.
 */
import { describe, expect, it } from 'vitest';
import backups from './backups.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import type { Tree } from '../../src/testing/memory.js';

const nais = [
  'apiVersion: "nais.io/v1alpha1"', // 1
  'kind: "Application"', // 2
  'metadata:', // 3
  '  name: "ledger-api"', // 4
  'spec:', // 5
  '  image: {{image}}', // 6
  '  gcp:', // 7
  '    sqlInstances:', // 8
  '      - type: POSTGRES_16', // 9
  '        tier: "{{ db.tier }}"', // 10
  '        highAvailability: {{ db.highAvailability }}', // 11
  '        pointInTimeRecovery: {{ db.pointInTimeRecovery }}', // 12
  '        databases:', // 13
  '          - name: "ledger-db"', // 14
  '',
].join('\n');

const tree = (prod: string, dev: string): Tree => ({
  'build.gradle.kts': 'plugins {\n  application\n}\napplication {\n  mainClass.set("org.ledger.AppKt")\n}\n',
  'src/main/kotlin/App.kt':
    'import io.ktor.server.engine.*\nimport io.ktor.server.netty.*\n\nfun main() {\n  embeddedServer(Netty, port = 8080) {}.start(wait = true)\n}\n',
  '.nais/nais.yaml': nais,
  '.nais/vars-prod.yaml': prod,
  '.nais/vars-dev.yaml': dev,
});

describe('round 46: a store setting taken from the production variables file', () => {
  it('point-in-time recovery on in production, off in dev: set for production, the file and line named', async () => {
    const run = await runRuleOn(
      backups,
      tree(
        'db:\n  highAvailability: true\n  pointInTimeRecovery: true\n  tier: db-custom-4-15360\n',
        'db:\n  highAvailability: false\n  pointInTimeRecovery: false\n  tier: db-f1-micro\n',
      ),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).not.toContain('point-in-time recovery is not turned on');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: '.nais/nais.yaml',
        line: 9,
        note: expect.stringContaining(
          'pointInTimeRecovery: true set for production in .nais/vars-prod.yaml:3 (through {{ db.pointInTimeRecovery }} at .nais/nais.yaml:12; vars-dev: false)',
        ),
      }),
    );
  });

  it('on in dev only: production keeps the platform default, said so', async () => {
    const run = await runRuleOn(
      backups,
      tree('db:\n  pointInTimeRecovery: false\n', 'db:\n  pointInTimeRecovery: true\n'),
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('point-in-time recovery is not turned on');
  });
});
