import { describe, expect, it } from 'vitest';
import rule from './no-committed-secrets.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import { PUBLIC_EMULATOR_KEYS } from '../../src/facts/secrets.js';

// Built at run time so that this file never holds a connection string a scanner would flag.
const [AZURITE] = [...PUBLIC_EMULATOR_KEYS.keys()];
const conn = (key: string) =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;Account${'Key='}${key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`;
/** An account key of the same shape as a real one (86 base64 characters and `==`), not published anywhere. */
const OWN_KEY = `${'q7Zr2Lm9Xw4Tb8Nc1Vd6'.repeat(4)}Ab3KQs==`;

const POM =
  '<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n';

/** A Spring test initializer that points the storage client at a Testcontainers Azurite. */
const initializer = (key: string) =>
  [
    'package org.acme.fees.initializer;',
    '',
    'public class Initializer {',
    '  static final String CONNECTION =',
    `      "${conn(key)}";`,
    '}',
    '',
  ].join('\n');

describe('no-committed-secrets: published emulator keys are not secrets (blind round 24)', () => {
  it('the Azurite devstoreaccount1 key in a test initializer and test properties passes, set aside with file:line', async () => {
    expect(OWN_KEY).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    const run = await runRuleOn(rule, {
      'pom.xml': POM,
      'src/main/java/org/acme/fees/App.java': 'package org.acme.fees;\npublic class App {}\n',
      'src/test/java/org/acme/fees/initializer/Initializer.java': initializer(AZURITE!),
      'src/test/resources/application.properties': `server.port=8080\nazure.storage.connection=${conn(AZURITE!)}\n`,
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain(
      'Set aside: 2 published emulator keys (Azurite / Azure Storage emulator key of devstoreaccount1) in src/test/java/org/acme/fees/initializer/Initializer.java and src/test/resources/application.properties.',
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/test/java/org/acme/fees/initializer/Initializer.java',
        line: 5,
        note: expect.stringContaining('published in the emulator'),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/test/resources/application.properties', line: 2 }),
    );
    expect(JSON.stringify(run.evidence)).not.toContain(AZURITE!);
  });

  it('an account key of the same shape that no emulator publishes is still a credential in a test place (partial)', async () => {
    const run = await runRuleOn(rule, {
      'pom.xml': POM,
      'src/main/java/org/acme/fees/App.java': 'package org.acme.fees;\npublic class App {}\n',
      'src/test/java/org/acme/fees/initializer/Initializer.java': initializer(OWN_KEY),
    });
    expect(run.outcome).toBe('partial');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/test/java/org/acme/fees/initializer/Initializer.java',
        line: 5,
        note: 'Azure storage account key (in a test, example or development-only place)',
      }),
    );
  });
});
