import { describe, expect, it } from 'vitest';
import rule from './test-types.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

/**
 * Blind round 31: Go tests that dial Kafka at localhost:9092 (brokers CI starts as service
 * containers) were counted as unit tests. A test file that opens a connection to a local broker or
 * database on its well-known port, or to one whose URL it reads from the environment, is an
 * integration test; a file that only parses such an address stays a unit test.
 */
const GO_MOD = 'module example.com/queue\n\ngo 1.21\n';
const dialTest =
  'package queue\n\nimport (\n\t"net"\n\t"testing"\n)\n\nfunc TestProduce(t *testing.T) {\n\tconn, err := net.Dial("tcp", "localhost:9092")\n\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n\tdefer conn.Close()\n}\n';
const parseTest =
  'package queue\n\nimport "testing"\n\nfunc TestParseAddress(t *testing.T) {\n\tif host(parse("localhost:9092")) != "localhost" {\n\t\tt.Fatal("host")\n\t}\n}\n';

describe('test-types: tests against a live broker or database are integration tests (blind round 31)', () => {
  it('a Go test dialling Kafka on localhost:9092 is an integration test, cited with the service', async () => {
    const run = await runRuleOn(
      rule,
      { 'go.mod': GO_MOD, 'queue.go': 'package queue\n', 'produce_test.go': dialTest, 'parse_test.go': parseTest },
      { profile: 'library' },
    );
    expect(run.data).toMatchObject({ types: ['unit', 'integration'] });
    expect(run.evidence).toContainEqual(
      expect.objectContaining({
        path: 'produce_test.go',
        note: expect.stringContaining('connects to Kafka on its port 9092'),
      }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'parse_test.go', note: expect.stringMatching(/^unit/) }),
    );
  });
  it('a file that only parses an address opens nothing: unit tests alone', async () => {
    const run = await runRuleOn(
      rule,
      { 'go.mod': GO_MOD, 'queue.go': 'package queue\n', 'parse_test.go': parseTest },
      {
        profile: 'library',
      },
    );
    expect(run.data).toMatchObject({ types: ['unit'] });
  });
  it('a pytest file reading DATABASE_URL from the environment and connecting is an integration test', async () => {
    const run = await runRuleOn(
      rule,
      {
        'pyproject.toml': '[project]\nname = "store"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
        'store/__init__.py': '',
        'tests/test_store.py':
          'import os\nimport psycopg\n\n\ndef test_roundtrip():\n    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:\n        conn.execute("select 1")\n',
        'tests/test_pure.py': 'def test_add():\n    assert 1 + 1 == 2\n',
      },
      { profile: 'library' },
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'tests/test_store.py', note: expect.stringContaining('DATABASE_URL') }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'tests/test_pure.py', note: expect.stringMatching(/^unit/) }),
    );
  });
});
