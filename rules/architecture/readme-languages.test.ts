/**
 * Round 21 (lydia-api): README sections written in another language. A closed vocabulary glosses
 * installation, usage and development headings in nb/sv/da/de/nl/fr/es/pt/it.
 */
import { describe, it } from 'vitest';
import readme from './readme.js';
import { assertRun, runRuleOn, type Case } from '../../src/testing/rule-tester.js';

const cases = (list: Case[]) =>
  describe('rule readme with headings in other languages', () => {
    for (const c of list) it(c.name, async () => assertRun(await runRuleOn(readme, c.tree, c), c.expect));
  });

const norwegian = [
  '# Regnskap-api', // 1
  '## Beskrivelse', // 2
  'Backend for regnskapsføring av saker, med REST-endepunkter for saksbehandlere.', // 3
  'Tjenesten leser hendelser fra Kafka og lagrer dem i Postgres.', // 4
  '', // 5
  '# Oppsett', // 6
  'Installer Docker og JDK 21.', // 7
  'Start avhengighetene med `docker compose up -d`.', // 8
  '', // 9
  '# Kjør prosjektet', // 10
  'Kjør `./gradlew run` og åpne http://localhost:8080.', // 11
  'Tjenesten trenger miljøvariablene i `.env.local`.', // 12
  '', // 13
  '# Vedlikehold og videreutvikling', // 14
  'Kjør testene med `./gradlew test` før du lager en pull request.', // 15
  'Nye migreringer legges i `src/main/resources/db/migration`.', // 16
  '',
].join('\n');

const german = [
  '# Rechnungsdienst', // 1
  '', // 2
  'Ein Dienst, der Rechnungen erstellt und per E-Mail verschickt.', // 3
  'Er liest Aufträge aus einer Warteschlange und speichert sie in Postgres.', // 4
  '', // 5
  '## Installation', // 6
  '', // 7
  '`npm ci`', // 8
  '', // 9
  '## Verwendung', // 10
  '', // 11
  '`npm start` startet den Dienst auf Port 3000.', // 12
  '', // 13
  '## Entwicklung', // 14
  '', // 15
  '`npm test` führt die Tests aus.', // 16
  '',
].join('\n');

cases([
  {
    name: 'Norwegian Oppsett / Kjør prosjektet / Vedlikehold og videreutvikling are installation, usage and development',
    profile: 'service',
    tree: { 'README.md': norwegian },
    expect: {
      outcome: 'pass',
      evidence: [
        { path: 'README.md', line: 6, note: 'installation section' },
        { path: 'README.md', line: 10, note: 'usage section' },
        { path: 'README.md', line: 14, note: 'development section' },
      ],
    },
  },
  {
    name: 'German Installation / Verwendung / Entwicklung',
    profile: 'service',
    tree: { 'README.md': german },
    expect: {
      outcome: 'pass',
      evidence: [
        { path: 'README.md', line: 10, note: 'usage section' },
        { path: 'README.md', line: 14, note: 'development section' },
      ],
    },
  },
  {
    name: 'headings outside the vocabulary still miss the section',
    profile: 'service',
    tree: {
      'README.md': norwegian
        .replace('# Vedlikehold og videreutvikling', '# Henvendelser')
        .replace('Kjør testene med `./gradlew test` før du lager en pull request.', 'Spørsmål stilles som issues.'),
    },
    // Installation and usage are found: the missing development section is named, not scored (round 23).
    expect: { outcome: 'pass', message: 'no development section' },
  },
]);
