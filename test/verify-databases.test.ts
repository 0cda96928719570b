/**
 * readiness verify: a short line that names the database engine and ORM a project uses ("Database (H2)
 * with JPA/Hibernate") is settled by the drivers, connection settings and ORM the project declares.
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../src/testing/memory.js';
import { verifier } from './helpers/verify.js';

const verifyIn = verifier('STATUS.md');

const pom = (deps: string[]) =>
  [
    '<project>',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>com.example</groupId>',
    '  <artifactId>shop</artifactId>',
    '  <version>1.0.0</version>',
    '  <dependencies>',
    ...deps.flatMap((d) => {
      const [g, a] = d.split(':');
      return [
        '    <dependency>',
        `      <groupId>${g}</groupId>`,
        `      <artifactId>${a}</artifactId>`,
        '    </dependency>',
      ];
    }),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');

const doc = [
  '# Status', // 1
  '', // 2
  '- ✅ Database (H2) with JPA/Hibernate', // 3
  '- ✅ PostgreSQL with JPA', // 4
  '- ✅ Database: MySQL', // 5
  '- ✅ Database setup (PostgreSQL/MySQL)', // 6
].join('\n');

describe('a line naming the database and ORM is settled by drivers and settings', () => {
  const h2: Tree = {
    'pom.xml': pom(['org.springframework.boot:spring-boot-starter-data-jpa', 'com.h2database:h2']),
    'src/main/java/com/example/App.java': 'package com.example;\npublic class App {}\n',
    'src/main/resources/application.yml': 'spring:\n  datasource:\n    url: jdbc:h2:mem:testdb\n',
  };
  const { at } = verifyIn(h2, doc);

  it('H2 with JPA/Hibernate: confirmed, citing the driver, the jdbc URL and the JPA starter', () => {
    expect(at(3).verdict).toBe('confirmed');
    const paths = at(3).evidence.map((e) => `${e.path}:${e.line}`);
    expect(paths).toContain('src/main/resources/application.yml:3');
    expect(at(3).evidence.some((e) => e.path === 'pom.xml')).toBe(true);
  });

  it('PostgreSQL with JPA where only JPA is there: partly confirmed', () => {
    expect(at(4).verdict).toBe('partially-confirmed');
    expect(at(4).reason).toMatch(/no driver or setting for PostgreSQL/);
  });

  it('"Database: MySQL" where the project runs H2 (driver and URL): contradicted', () => {
    expect(at(5).verdict).toBe('contradicted');
    expect(at(5).reason).toMatch(/uses H2/);
  });

  it('a line naming two engines, neither used, settles nothing', () => {
    expect(at(6).verdict).toBe('unverifiable');
  });
});

describe('an engine seen only in an example environment file is not in use', () => {
  const tree: Tree = {
    'package.json': JSON.stringify({ name: 'app', dependencies: { '@prisma/client': '7.0.0', prisma: '7.0.0' } }),
    'src/lib/db.ts': "import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();\n",
    'prisma/schema.prisma': 'datasource db {\n  provider = "sqlite"\n}\n',
    '.env.example': 'DATABASE_URL="postgresql://user:pass@localhost:5432/app"\n',
  };
  const { at } = verifyIn(
    tree,
    ['# Status', '', '- Prisma ORM with PostgreSQL', '- SQLite database with Prisma'].join('\n'),
  );

  it('Prisma with PostgreSQL where the schema says sqlite: only in part', () => {
    expect(at(3).verdict).toBe('partially-confirmed');
  });

  it('SQLite with Prisma: confirmed by the schema provider', () => {
    expect(at(4).verdict).toBe('confirmed');
    expect(at(4).evidence.some((e) => e.path === 'prisma/schema.prisma' && e.line === 2)).toBe(true);
  });
});
