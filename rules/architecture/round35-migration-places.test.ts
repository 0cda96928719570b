import { describe, expect, it } from 'vitest';
import rule from './database-migrations.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const POM =
  '<project><dependencies><dependency><groupId>org.liquibase</groupId><artifactId>liquibase-core</artifactId></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>\n';
const FLYWAY_POM =
  '<project><dependencies><dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>\n';

describe('database-migrations: change logs and Flyway folders in non-default places (blind round 35)', () => {
  it('a Liquibase master change log under src/main/resources/database/ with per-release change logs passes', async () => {
    const run = await runRuleOn(
      rule,
      {
        'pom.xml': POM,
        'src/main/resources/application.yml':
          'spring:\n  liquibase:\n    change-log: classpath:/database/changelog-master.yml\n',
        'src/main/resources/database/changelog-master.yml':
          'databaseChangeLog:\n  - include:\n      file: database/changes/release-1/changelog.yml\n',
        'src/main/resources/database/changes/release-1/changelog.yml':
          'databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n        - sqlFile:\n            path: schema.sql\n            relativeToChangelogFile: true\n',
        'src/main/resources/database/changes/release-1/schema.sql': 'CREATE TABLE orders (id int);\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Liquibase');
    expect(run.evidence[0]!.path).toBe('src/main/resources/database/changelog-master.yml');
  });
  it('an XML change log named only by the setting passes; the dependency alone stays partial', async () => {
    const xml = await runRuleOn(
      rule,
      {
        'pom.xml': POM,
        'src/main/resources/application.properties': 'spring.liquibase.change-log=classpath:schema/master.xml\n',
        'src/main/resources/schema/master.xml':
          '<?xml version="1.0"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n</databaseChangeLog>\n',
      },
      { profile: 'service' },
    );
    expect(xml.outcome).toBe('pass');
    const none = await runRuleOn(
      rule,
      {
        'pom.xml': POM,
        'src/main/resources/application.properties': 'spring.liquibase.change-log=classpath:schema/master.xml\n',
        'src/main/resources/schema/notes.yml': 'changes: []\n',
      },
      { profile: 'service' },
    );
    expect(none.outcome).toBe('partial');
  });
  it('Flyway scripts in the folder spring.flyway.locations names pass, whatever their names', async () => {
    const run = await runRuleOn(
      rule,
      {
        'pom.xml': FLYWAY_POM,
        'src/main/resources/application.yml': 'spring:\n  flyway:\n    locations: classpath:sql/schema\n',
        'src/main/resources/sql/schema/init.sql': 'CREATE TABLE a (id int);\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('Flyway');
    const empty = await runRuleOn(
      rule,
      {
        'pom.xml': FLYWAY_POM,
        'src/main/resources/application.yml': 'spring:\n  flyway:\n    locations: classpath:sql/schema\n',
      },
      { profile: 'service' },
    );
    expect(empty.outcome).toBe('partial');
  });
});
