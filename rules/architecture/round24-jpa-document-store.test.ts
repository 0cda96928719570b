import { describe, expect, it } from 'vitest';
import rule from './database-migrations.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const dep = (g: string, a: string, extra = '') =>
  `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId>${extra}</dependency>`;

/** A Spring Boot fee service whose store is Cosmos DB, with the JPA starter on the classpath for `@Id`. */
const POM = [
  '<project>',
  '  <groupId>org.acme</groupId><artifactId>fees</artifactId>',
  '  <dependencies>',
  dep('org.springframework.boot', 'spring-boot-starter-web'),
  dep('com.azure', 'azure-spring-data-cosmos', '<version>3.30.0</version>'),
  dep('org.springframework.boot', 'spring-boot-starter-data-jpa'),
  dep('com.h2database', 'h2', '<scope>runtime</scope>'),
  '  </dependencies>',
  '</project>',
  '',
].join('\n');

const DOCUMENT = [
  'package org.acme.fees.entity;',
  '',
  'import com.azure.spring.data.cosmos.core.mapping.Container;',
  'import javax.persistence.Id;',
  '',
  '@Container(containerName = "tariffs")',
  'public class Tariff {',
  '  @Id',
  '  private String id;',
  '}',
  '',
].join('\n');

const REPO = [
  'package org.acme.fees.repository;',
  '',
  'import com.azure.spring.data.cosmos.repository.CosmosRepository;',
  'import org.acme.fees.entity.Tariff;',
  '',
  'public interface TariffRepository extends CosmosRepository<Tariff, String> {}',
  '',
].join('\n');

const ENTITY = [
  'package org.acme.fees.entity;',
  '',
  'import javax.persistence.Entity;',
  'import javax.persistence.Id;',
  '',
  '@Entity',
  'public class Invoice {',
  '  @Id',
  '  private Long id;',
  '}',
  '',
].join('\n');

const base = {
  'pom.xml': POM,
  'src/main/java/org/acme/fees/App.java':
    'package org.acme.fees;\n\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class App {}\n',
  'src/main/java/org/acme/fees/entity/Tariff.java': DOCUMENT,
  'src/main/java/org/acme/fees/repository/TariffRepository.java': REPO,
};

describe('database-migrations: JPA beside a document store with no @Entity (blind round 24)', () => {
  it('Cosmos DB documents and the JPA starter without an @Entity: not applicable, citing the dependency and a @Container class', async () => {
    const run = await runRuleOn(rule, base, { profile: 'service' });
    expect(run.outcome).toBe('not-applicable');
    expect(run.message).toContain(
      'a document database (Azure Cosmos DB via com.azure:azure-spring-data-cosmos, pom.xml:',
    );
    expect(run.message).toContain(
      'src/main/java/org/acme/fees/entity/Tariff.java:6 (@Container(containerName = "tariffs"))',
    );
    expect(run.message).toContain(
      'and org.springframework.boot:spring-boot-starter-data-jpa maps no JPA @Entity, so there is no relational schema to migrate',
    );
  });

  it('a JPA @Entity beside the documents maps a table: the rule applies and fails without migrations', async () => {
    const run = await runRuleOn(
      rule,
      { ...base, 'src/main/java/org/acme/fees/entity/Invoice.java': ENTITY },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'pom.xml', note: expect.stringContaining('spring-boot-starter-data-jpa') }),
    );
  });
});
