import { describe, expect, it } from 'vitest';
import rule from './api-contract.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 47: the schema of a GraphQL API the service calls, kept beside the queries its client
 * sends, was cited as the service's own contract. A client's copy of another API's schema is not.
 */
const SCHEMA = 'type Query {\n  person(id: ID!): Person\n}\n\ntype Person {\n  name: String\n}\n';
const QUERY = 'query($id: ID!) {\n  person(id: $id) {\n    name\n  }\n}\n';
const APP = 'package org.example\n\n@SpringBootApplication\nclass App\n';
const GRADLE = 'dependencies {\n  implementation("org.springframework.boot:spring-boot-starter-webflux")\n}\n';

describe('api-contract: GraphQL schemas of called APIs (blind round 47)', () => {
  it("a schema in Spring's graphql-documents/ beside the client's queries is not counted; the message says so", async () => {
    const run = await runRuleOn(
      rule,
      {
        'build.gradle.kts': GRADLE,
        'src/main/kotlin/App.kt': APP,
        'src/main/resources/graphql-documents/people-schema.graphqls': SCHEMA,
        'src/main/resources/graphql-documents/person.graphql': QUERY,
      },
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('pass');
    expect(run.message).not.toMatch(/API described by GraphQL schema/);
    expect(run.message).toContain('1 GraphQL schema of APIs this service calls (kept for its client) not counted.');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/resources/graphql-documents/people-schema.graphqls',
        note: expect.stringContaining('not counted: the GraphQL schema of an API this service calls'),
      }),
    );
  });

  it("a graphql-config tying the schema to another host's endpoint, queries beside it: not counted", async () => {
    const run = await runRuleOn(
      rule,
      {
        'package.json': '{"name":"web","dependencies":{"express":"4.0.0"}}',
        'src/server.ts': "import express from 'express';\nexpress().listen(3000);\n",
        'src/people/graphql.config.yml':
          'schema: people.graphql\nextensions:\n  endpoints:\n    people:\n      url: https://people.example.org/graphql\n',
        'src/people/people.graphql': SCHEMA,
        'src/people/person.graphql': QUERY,
      },
      { profile: 'service' },
    );
    expect(run.message).not.toMatch(/API described by GraphQL schema/);
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/people/people.graphql',
        note: expect.stringContaining(
          "graphql-config.yml ties it to another host's endpoint".replace(
            'graphql-config',
            'src/people/graphql.config',
          ),
        ),
      }),
    );
  });

  it('an Apollo Kotlin build naming the schema folder: not counted', async () => {
    const run = await runRuleOn(
      rule,
      {
        'build.gradle.kts': `plugins { id("com.apollographql.apollo") version "4.0.0" }\n${GRADLE}apollo {\n  service("people") {\n    packageName.set("org.example.people")\n    srcDir("src/main/graphql/people/")\n  }\n}\n`,
        'src/main/kotlin/App.kt': APP,
        'src/main/graphql/people/schema.graphqls': SCHEMA,
        'src/main/graphql/people/person.graphql': QUERY,
      },
      { profile: 'service' },
    );
    expect(run.message).not.toMatch(/API described by GraphQL schema/);
  });

  it("the service's own schema (served, a local endpoint in its graphql-config, queries for tests beside it) still counts", async () => {
    const run = await runRuleOn(
      rule,
      {
        'package.json': '{"name":"api","dependencies":{"@apollo/server":"4.0.0"}}',
        'src/server.ts': "import { ApolloServer } from '@apollo/server';\n",
        'graphql.config.yml':
          'schema: src/schema.graphql\nextensions:\n  endpoints:\n    dev:\n      url: http://localhost:4000/graphql\n',
        'src/schema.graphql': SCHEMA,
        'src/person.graphql': QUERY,
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe('API described by GraphQL schema.');
  });
});
