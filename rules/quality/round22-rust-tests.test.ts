import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../../src/testing/rule-tester.js';
import testTypes from './test-types.js';

/**
 * Blind round 22 (rustypaste): actix `test::init_service` tests in `#[cfg(test)] mod tests` and
 * black-box scenarios a CI-run script plays against the built binary were "no integration, no
 * end-to-end".
 */
const SERVER = [
  'use actix_web::{web, App, HttpResponse};', // 1
  '', // 2
  'pub fn configure(cfg: &mut web::ServiceConfig) {', // 3
  '    cfg.route("/", web::get().to(|| async { HttpResponse::Ok().finish() }));', // 4
  '}', // 5
  '', // 6
  '#[cfg(test)]', // 7
  'mod tests {', // 8
  '    use super::*;', // 9
  '    use actix_web::test;', // 10
  '', // 11
  '    #[actix_web::test]', // 12
  '    async fn test_index() {', // 13
  '        let app = test::init_service(App::new().configure(configure)).await;', // 14
  '        let req = test::TestRequest::get().uri("/").to_request();', // 15
  '        assert!(test::call_service(&app, req).await.status().is_success());', // 16
  '    }', // 17
  '}', // 18
].join('\n');

const SCENARIOS = [
  '#!/usr/bin/env bash', // 1
  'DIR=$(dirname "$0")', // 2
  'run_fixture() {', // 3
  '  cd "$DIR/$1" || exit 1', // 4
  '  "$DIR/../target/debug/pastebox" &', // 5
  '  PID=$!', // 6
  '  sleep 1', // 7
  '  source test.sh', // 8
  '  run_test', // 9
  '  kill "$PID"', // 10
  '}', // 11
  'for f in */; do run_fixture "$f"; done', // 12
].join('\n');

const tree = {
  'Cargo.toml': '[package]\nname = "pastebox"\nversion = "0.1.0"\n\n[dependencies]\nactix-web = "4"\n',
  'src/main.rs': 'mod server;\nfn main() {}\n',
  'src/server.rs': SERVER,
  'scenarios/run.sh': SCENARIOS,
  'scenarios/test-upload/test.sh': 'run_test() {\n  curl -s -F "file=@file" localhost:8000\n}\n',
  '.github/workflows/ci.yml':
    'on: push\njobs:\n  fixtures:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: cargo build --locked\n      - run: ./run.sh\n        working-directory: scenarios\n      - run: cargo test\n',
};

describe('round 22: Rust tests by what they run', () => {
  it('actix init_service tests are integration; a CI script against the built binary is end-to-end', async () => {
    const r = await runRuleOn(testTypes, tree, { profile: 'service' });
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/server.rs',
        line: 14,
        note: expect.stringMatching(/^integration: .*actix/),
      }),
    );
    expect(r.evidence).toContainEqual(
      expect.objectContaining({
        path: 'scenarios/run.sh',
        line: 5,
        note: expect.stringMatching(
          /end-to-end: starts the built binary .* run by CI at \.github\/workflows\/ci\.yml:8/,
        ),
      }),
    );
  });

  it('a script that never starts the binary in the background is none', async () => {
    const r = await runRuleOn(
      testTypes,
      { ...tree, 'scenarios/run.sh': SCENARIOS.replace('pastebox" &', 'pastebox" --version') },
      { profile: 'service' },
    );
    expect(r.evidence.some((e) => e.path === 'scenarios/run.sh')).toBe(false);
  });
});
