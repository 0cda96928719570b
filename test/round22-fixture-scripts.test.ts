/**
 * Blind round 22 (a Rust paste server): CI ran `./test-fixtures.sh` in `fixtures/`, which starts
 * the built binary in the background and plays one scenario per `fixtures/<case>/test.sh`. The
 * listing dropped every test-data folder whole, so the script CI runs was never seen and the
 * end-to-end tests went uncredited. Test scripts in such folders are listed; their data is not.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../index.js';
import { listFiles } from '../src/walk/list.js';

const RUNNER = [
  '#!/usr/bin/env bash', // 1
  'FIXTURE_DIR=$(readlink -f "$(dirname "$0")")', // 2
  'PROJECT_DIR="$FIXTURE_DIR/.."', // 3
  'run_fixture() {', // 4
  '  cd "$FIXTURE_DIR/$1" || exit 1', // 5
  '  source "test.sh"', // 6
  '  CONFIG=config.toml "$PROJECT_DIR/target/debug/snipbin" &', // 7
  '  SERVER_PID=$!', // 8
  '  sleep 1', // 9
  '  run_test', // 10
  '  kill "$SERVER_PID"', // 11
  '}', // 12
  'for f in test-*/; do run_fixture "${f%/}"; done', // 13
].join('\n');

const files: Record<string, string> = {
  'Cargo.toml': '[package]\nname = "snipbin"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\n',
  'src/main.rs':
    'use actix_web::{App, HttpServer};\n\n#[actix_web::main]\nasync fn main() -> std::io::Result<()> {\n    HttpServer::new(|| App::new()).bind(("0.0.0.0", 8000))?.run().await\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn it_parses() {\n        assert_eq!(1 + 1, 2);\n    }\n}\n',
  'fixtures/test-fixtures.sh': RUNNER,
  'fixtures/test-file-upload/test.sh':
    'setup() { echo hi > file; }\nrun_test() {\n  test "$(curl -s -F file=@file localhost:8000)" = "http://localhost:8000/file"\n}\n',
  'fixtures/test-file-upload/config.toml': '[server]\naddress = "127.0.0.1:8000"\n',
  'fixtures/test-file-upload/auth_file': 'not-a-real-token\n',
  '.github/workflows/ci.yml': [
    'on: push', // 1
    'jobs:', // 2
    '  fixtures:', // 3
    '    runs-on: ubuntu-latest', // 4
    '    steps:', // 5
    '      - uses: actions/checkout@v4', // 6
    '      - run: cargo build --locked', // 7
    '      - run: ./test-fixtures.sh', // 8
    '        working-directory: fixtures', // 9
    '      - run: cargo test', // 10
  ].join('\n'),
};

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'readiness-fixture-scripts-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
  return root;
}

describe('round 22: test scripts in a test-data folder are listed, their data is not', () => {
  it('lists fixtures/test-fixtures.sh and fixtures/<case>/test.sh, not the config or data beside them', async () => {
    const l = await listFiles(tree());
    expect(l.paths).toContain('fixtures/test-fixtures.sh');
    expect(l.paths).toContain('fixtures/test-file-upload/test.sh');
    expect(l.paths).not.toContain('fixtures/test-file-upload/config.toml');
    expect(l.paths).not.toContain('fixtures/test-file-upload/auth_file');
  });

  it('credits the scenarios CI runs against the built binary as end-to-end tests', async () => {
    const report = await audit(tree());
    const rule = report.pillars.flatMap((p) => p.rules).find((r) => r.id === 'quality/test-types')!;
    expect(rule.message).toMatch(/end-to-end tests found/);
    expect(rule.evidence).toContainEqual(
      expect.objectContaining({
        path: 'fixtures/test-fixtures.sh',
        line: 7,
        note: expect.stringMatching(
          /^end-to-end: starts the built binary in the background .* run by CI at \.github\/workflows\/ci\.yml:8$/,
        ),
      }),
    );
  });
});
