import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testTypes from './test-types.js';

/**
 * Blind round 23 (a Ktor backend): test classes that start the whole application in process with
 * Ktor's test host (`TestApplication { }`, `testApplication { }`) and call it over HTTP, and a test that
 * runs the migrations against an in-memory H2 database over JDBC, were typed as unit tests ("no
 * integration"). They are integration tests: the application, or a real SQL engine, runs under them.
 */
const GRADLE =
  'dependencies {\n    implementation("io.ktor:ktor-server-netty:3.0.0")\n    testImplementation("io.ktor:ktor-server-test-host:3.0.0")\n    testImplementation(kotlin("test"))\n}\n';
const apiTest = [
  'import io.ktor.client.request.*', // 1
  'import io.ktor.server.testing.*', // 2
  'import kotlin.test.Test', // 3
  'import kotlin.test.assertEquals', // 4
  '', // 5
  'class TalksApiTest {', // 6
  '    @Test', // 7
  '    fun listsTalks() = testApplication {', // 8
  '        val response = client.get("/talks")', // 9
  '        assertEquals(200, response.status.value)', // 10
  '    }', // 11
  '}', // 12
].join('\n');
const migrationTest = [
  'import org.jetbrains.exposed.sql.Database', // 1
  'import kotlin.test.BeforeTest', // 2
  'import kotlin.test.Test', // 3
  '', // 4
  'class MigrationsTest {', // 5
  '    private lateinit var database: Database', // 6
  '', // 7
  '    @BeforeTest', // 8
  '    fun setup() {', // 9
  '        database = Database.connect(', // 10
  '            "jdbc:h2:mem:migrations;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",', // 11
  '            "org.h2.Driver"', // 12
  '        )', // 13
  '    }', // 14
  '', // 15
  '    @Test', // 16
  '    fun appliesEveryMigration() {', // 17
  '        Migrations.run(database)', // 18
  '    }', // 19
  '}', // 20
].join('\n');
const unitTest = [
  'import kotlin.test.Test', // 1
  'import kotlin.test.assertEquals', // 2
  '', // 3
  'class SlugTest {', // 4
  '    @Test', // 5
  '    fun slugifies() {', // 6
  '        assertEquals("a-b", slug("A B"))', // 7
  '    }', // 8
  '}', // 9
].join('\n');

const tree = (extra: Record<string, string>) => ({
  'build.gradle.kts': GRADLE,
  'src/main/kotlin/Main.kt': 'fun main() {}\n',
  'src/test/kotlin/SlugTest.kt': unitTest,
  ...extra,
});

describe('round 23: Ktor test host and JDBC database tests are integration tests', () => {
  it('testApplication { } and Database.connect("jdbc:h2:mem:…"): integration, cited per file', async () => {
    const r = await runRuleOn(
      testTypes,
      tree({ 'src/test/kotlin/TalksApiTest.kt': apiTest, 'src/test/kotlin/MigrationsTest.kt': migrationTest }),
      { profile: 'service' },
    );
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/unit tests and integration tests found/);
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/test/kotlin/TalksApiTest.kt',
        line: 7,
        note: expect.stringMatching(/^integration: .*Ktor test host/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/test/kotlin/MigrationsTest.kt',
        note: expect.stringMatching(/^integration: .*connects to a database over JDBC \(jdbc:h2\) at line 10/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({ path: 'src/test/kotlin/SlugTest.kt', note: expect.stringMatching(/^unit:/) }),
    );
  });

  it('plain JUnit tests only: unit, no integration', async () => {
    const r = await runRuleOn(testTypes, tree({}), { profile: 'service' });
    expect(r.outcome).toBe('partial');
    expect(r.message).toMatch(/no integration/);
  });
});
